"""Date extraction against the guideline (../shared/spec/temporal-guidelines.md).

Every sentence here is written for this file (none comes from the dev set). Each case is a body
paragraph, a reference date and the exact list of expressions the extractor must report, in text
order, as (span text, type, value).

The default reference date, 2024-08-12, is a Monday in ISO week 2024-W33, so:
    previous days: Sun 11, Sat 10, Fri 9, Thu 8, Wed 7, Tue 6, Mon 5 August (2024-W32);
    next days: Tue 13, Wed 14, Thu 15, Fri 16, Sat 17, Sun 18, Mon 19 August (2024-W34 from the 19th).

DATE values are compared by the days they cover (the guideline makes `2023-07/2024-06` and
`2023-07-01/2024-06-30` the same value); every other value is compared as a string. An expected
value may be a tuple of acceptable strings where the guideline allows more than one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsingest

from .conftest import examples

REF = dt.date(2024, 8, 12)  # Monday, 2024-W33
HEADLINE = "শিরোনাম"

D, T, DUR, S = "DATE", "TIME", "DURATION", "SET"


# --------------------------------------------------------------------------- value comparison


def _days(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a DATE value covers, or None when it is not a valid plain calendar value."""
    try:
        return _days_or_raise(value)
    except ValueError:  # e.g. a week 53 the year does not have
        return None


def _days_or_raise(value: str) -> tuple[dt.date, dt.date] | None:
    if "/" in value:
        start, _, end = value.partition("/")
        first, last = _days(start), _days(end)
        return (first[0], last[1]) if first and last else None
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        day = dt.date(*map(int, m.groups()))
        return day, day
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = map(int, m.groups())
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        year, week = map(int, m.groups())
        return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
    if m := re.fullmatch(r"\d{4}", value):
        year = int(value)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if re.fullmatch(r"\d{3}", value):
        decade = int(value) * 10
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
    if re.fullmatch(r"\d{2}", value):
        century = int(value) * 100
        return dt.date(max(century, 1), 1, 1), dt.date(century + 99, 12, 31)
    return None


def same_value(kind: str, got: str, expected: str | tuple[str, ...]) -> bool:
    options = expected if isinstance(expected, tuple) else (expected,)
    for option in options:
        if got == option:
            return True
        if kind == D and _days(got) is not None and _days(got) == _days(option):
            return True
    return False


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def parse(body: str, reference: dt.date | None, headline: str = HEADLINE):
    return newsingest.parse_text(f"{headline}\n{body}", reference_date=reference)


def found(article) -> list[tuple[str, str, str]]:
    return [(d.text, d.type, d.value) for d in article.dates]


def check(article, expected) -> None:
    got = found(article)
    message = f"\n  got:      {got}\n  expected: {list(expected)}"
    assert len(got) == len(expected), message
    for (text, kind, value), (e_text, e_kind, e_value) in zip(got, expected, strict=True):
        assert nfc(text) == nfc(e_text), message
        assert kind == e_kind, message
        assert same_value(kind, value, e_value), message


# --------------------------------------------------------------------------- cases


def case(case_id: str, body: str, expected: list, reference: dt.date | None = REF):
    return pytest.param(body, reference, expected, id=case_id)


GREGORIAN = [
    case(
        "year-phrase-with-date",
        "১৯৪৮ সালের ১২ অক্টোবর দুই দেশের মধ্যে কূটনৈতিক সম্পর্ক স্থাপিত হয়।",
        [("১৯৪৮ সালের ১২ অক্টোবর", D, "1948-10-12")],
    ),
    case(
        "day-month-year-bengali-digits",
        "১২ অক্টোবর ২০২৩ ঢাকায় চুক্তিটি সই হয়েছে।",
        [("১২ অক্টোবর ২০২৩", D, "2023-10-12")],
    ),
    case(
        "day-month-year-ascii-digits",
        "চুক্তিটি 12 অক্টোবর 2023 ঢাকায় সই হয়েছে।",
        [("12 অক্টোবর 2023", D, "2023-10-12")],
    ),
    case(
        "month-day-comma-year",
        "অক্টোবর ১২, ২০২৩ প্রকাশিত প্রতিবেদনে এ তথ্য জানানো হয়েছে।",
        [("অক্টোবর ১২, ২০২৩", D, "2023-10-12")],
    ),
    case(
        "slash-dd-mm-yyyy",
        "মামলাটি ১২/১০/২০২৩ আদালতে দায়ের করা হয়েছে।",
        [("১২/১০/২০২৩", D, "2023-10-12")],
    ),
    case(
        "english-month-name",
        "প্রতিবেদনটি 12 October 2023 প্রকাশ করা হয়েছে।",
        [("12 October 2023", D, "2023-10-12")],
    ),
    case(
        "iso-date",
        "ওয়েবসাইটে 2023-10-12 প্রকাশিত বিজ্ঞপ্তিতে এ কথা বলা হয়েছে।",
        [("2023-10-12", D, "2023-10-12")],
    ),
    # day ordinals
    case(
        "ordinal-1la-with-year",
        "২০২৪ সালের ১লা জানুয়ারি নতুন পাঠ্যক্রম চালু হয়েছে।",
        [("২০২৪ সালের ১লা জানুয়ারি", D, "2024-01-01")],
    ),
    case(
        "ordinal-2ra-past",
        "২রা ফেব্রুয়ারি বাংলা একাডেমিতে বইমেলা শুরু হয়েছে।",
        [("২রা ফেব্রুয়ারি", D, "2024-02-02")],
    ),
    case(
        "ordinal-3ra-with-year",
        "৩রা মার্চ ২০২৪ সংসদের অধিবেশন শুরু হয়েছে।",
        [("৩রা মার্চ ২০২৪", D, "2024-03-03")],
    ),
    case(
        "ordinal-4tha-agami",
        "আগামী ৪ঠা সেপ্টেম্বর দুই দেশের বৈঠক হবে।",
        [("আগামী ৪ঠা সেপ্টেম্বর", D, "2024-09-04")],
    ),
    case(
        "ordinal-5i-past",
        "৫ই আগস্ট ছাত্র-জনতার আন্দোলনে সরকারের পতন হয়েছে।",
        [("৫ই আগস্ট", D, "2024-08-05")],
    ),
    case(
        "ordinal-10i-with-year",
        "১০ই ডিসেম্বর ২০২৩ মানবাধিকার দিবস পালন করা হয়েছে।",
        [("১০ই ডিসেম্বর ২০২৩", D, "2023-12-10")],
    ),
    case(
        "ordinal-18i-past",
        "১৮ই জুন সংসদে বাজেট পাস হয়েছে।",
        [("১৮ই জুন", D, "2024-06-18")],
    ),
    case(
        "ordinal-19she-past",
        "১৯শে জুলাই রাজধানীতে সংঘর্ষে বহু মানুষ নিহত হয়েছে।",
        [("১৯শে জুলাই", D, "2024-07-19")],
    ),
    case(
        "ordinal-31she-future-porjonto-outside",
        "৩১শে ডিসেম্বর পর্যন্ত অনলাইনে আবেদন করা যাবে।",
        [("৩১শে ডিসেম্বর", D, "2024-12-31")],
    ),
    case(
        "ordinal-31she-past-previous-year",
        "৩১শে ডিসেম্বর রাতে আতশবাজি ফোটানো নিষিদ্ধ করা হয়েছিল।",
        [("৩১শে ডিসেম্বর রাতে", T, "2023-12-31TNI")],
    ),
    # day numbers in words
    case(
        "word-pohela-future",
        "পহেলা জানুয়ারি থেকে নতুন ভাড়া কার্যকর হবে।",
        [("পহেলা জানুয়ারি", D, "2025-01-01")],
    ),
    case(
        "word-poyla-future",
        "পয়লা সেপ্টেম্বর থেকে নতুন নিয়ম চালু হবে।",
        [("পয়লা সেপ্টেম্বর", D, "2024-09-01")],
    ),
    case(
        "word-baroi-past",
        "বারোই ফেব্রুয়ারি দলটির কাউন্সিল অনুষ্ঠিত হয়েছে।",
        [("বারোই ফেব্রুয়ারি", D, "2024-02-12")],
    ),
    case(
        "word-ekushe-with-year-phrase",
        "১৯৫২ সালের একুশে ফেব্রুয়ারি ভাষার দাবিতে ছাত্ররা মিছিল করেছিলেন।",
        [("১৯৫২ সালের একুশে ফেব্রুয়ারি", D, "1952-02-21")],
    ),
    case(
        "word-ekushe-future",
        "একুশে ফেব্রুয়ারি প্রধান উপদেষ্টা শহীদ মিনারে শ্রদ্ধা জানাবেন।",
        [("একুশে ফেব্রুয়ারি", D, "2025-02-21")],
    ),
    case(
        "word-sholoi-future",
        "ষোলোই ডিসেম্বর জাতীয় প্যারেড ময়দানে কুচকাওয়াজ হবে।",
        [("ষোলোই ডিসেম্বর", D, "2024-12-16")],
    ),
    case(
        "word-chhabbishe-past",
        "ছাব্বিশে মার্চ সারা দেশে স্বাধীনতা দিবস উদযাপিত হয়েছে।",
        [("ছাব্বিশে মার্চ", D, "2024-03-26")],
    ),
    # month spelling variants
    case(
        "spelling-january-dirgho-i",
        "জানুয়ারী ২০২৪ থেকে নতুন বেতন কাঠামো কার্যকর হয়েছে।",
        [("জানুয়ারী ২০২৪", D, "2024-01")],
    ),
    case(
        "spelling-january-hroswo-i",
        "জানুয়ারি ২০২৪ থেকে নতুন বেতন কাঠামো কার্যকর হয়েছে।",
        [("জানুয়ারি ২০২৪", D, "2024-01")],
    ),
    case(
        "spelling-agosht-murdhonno",
        "৫ আগষ্ট ২০২৪ তিনি দেশ ছেড়েছেন।",
        [("৫ আগষ্ট ২০২৪", D, "2024-08-05")],
    ),
    case(
        "spelling-september-bar",
        "১৫ সেপ্টেম্বার ২০২৩ সম্মেলনটি শেষ হয়েছে।",
        [("১৫ সেপ্টেম্বার ২০২৩", D, "2023-09-15")],
    ),
    # case endings
    case(
        "ending-month-e-past",
        "অক্টোবরে দলটির জাতীয় সম্মেলন হয়েছে।",
        [("অক্টোবরে", D, "2023-10")],
    ),
    case(
        "ending-month-e-future",
        "অক্টোবরে নির্বাচন কমিশন তফসিল ঘোষণা করবে।",
        [("অক্টোবরে", D, "2024-10")],
    ),
    case(
        "ending-month-maser",
        "মে মাসের বন্যায় বিপুল ফসলের ক্ষতি হয়েছে।",
        [("মে মাসের", D, "2024-05")],
    ),
    case(
        "ending-year-saler-month-e",
        "২০২৩ সালের সেপ্টেম্বরে পদ্মা সেতুতে পরীক্ষামূলক ট্রেন চলেছে।",
        [("২০২৩ সালের সেপ্টেম্বরে", D, "2023-09")],
    ),
    case(
        "ending-nagad-outside",
        "ডিসেম্বর নাগাদ সড়কের কাজ শেষ হবে।",
        [("ডিসেম্বর", D, "2024-12")],
    ),
    case(
        "ending-theke-outside",
        "২০২৩ সালের ১২ অক্টোবর থেকে তিনি কারাগারে আছেন।",
        [("২০২৩ সালের ১২ অক্টোবর", D, "2023-10-12")],
    ),
    case("month-er-ending", "ফেব্রুয়ারির নির্বাচনে দলটি অংশ নেয়নি।", [("ফেব্রুয়ারির", D, "2024-02")]),
    case(
        "july-as-month-with-year",
        "২০২৪-এর জুলাইয়ে সারা দেশে কোটা সংস্কারের দাবি ছড়িয়ে পড়ে।",
        [("২০২৪-এর জুলাইয়ে", D, "2024-07")],
    ),
    case("july-maase", "জুলাই মাসে রপ্তানি আয় বেড়েছে।", [("জুলাই মাসে", D, "2024-07")]),
    case("goto-month-e", "গত অক্টোবরে দলটির কাউন্সিল হয়েছে।", [("গত অক্টোবরে", D, "2023-10")]),
    case(
        "agami-month-e",
        "আগামী ডিসেম্বরে মেট্রোরেলের নতুন লাইন চালু হবে।",
        [("আগামী ডিসেম্বরে", D, "2024-12")],
    ),
    case(
        "goto-day-month-previous-year", "গত ১২ অক্টোবর চুক্তিটি সই হয়েছে।", [("গত ১২ অক্টোবর", D, "2023-10-12")]
    ),
    case(
        "cholti-bochhorer-day-month",
        "চলতি বছরের ৫ আগস্ট সরকারের পতন হয়েছে।",
        [("চলতি বছরের ৫ আগস্ট", D, "2024-08-05")],
    ),
    case(
        "goto-bochhorer-day-month",
        "গত বছরের ১২ অক্টোবর চুক্তিটি সই হয়েছে।",
        [("গত বছরের ১২ অক্টোবর", D, "2023-10-12")],
    ),
    case(
        "day-month-past-nearer-in-future",
        "১২ অক্টোবর দুই দেশের চুক্তি সই হয়েছে।",
        [("১২ অক্টোবর", D, "2023-10-12")],
    ),
    case(
        "day-month-future-nearer-in-past",
        "১৫ জুলাই নতুন সড়কটি উদ্বোধন করা হবে।",
        [("১৫ জুলাই", D, "2025-07-15")],
    ),
    case("month-e-future-nearer-in-past", "মার্চে সংসদ নির্বাচন হবে।", [("মার্চে", D, "2025-03")]),
    case(
        "day-month-past-weeks-after-reference",
        "২০ সেপ্টেম্বর জাতিসংঘে দুই দেশের চুক্তি সই হয়েছে।",
        [("২০ সেপ্টেম্বর", D, "2023-09-20")],
    ),
    case(
        "month-e-past-next-month",
        "সেপ্টেম্বরে দলটির বিশেষ কাউন্সিল হয়েছে।",
        [("সেপ্টেম্বরে", D, "2023-09")],
    ),
]

WEEKDAYS = [
    case(
        "weekday-stems-listed",
        "সোম, মঙ্গল ও বুধবার দোকান বন্ধ থাকবে।",
        [("সোম, মঙ্গল ও বুধবার", D, "2024-08-12/2024-08-14")],
    ),
    case(
        "weekday-stem-range",
        "শনি থেকে বৃহস্পতিবার পর্যন্ত ক্লাস চলবে।",
        [("শনি থেকে বৃহস্পতিবার", D, "2024-08-17/2024-08-22")],
    ),
    case(
        "weekday-bare-past",
        "বৃহস্পতিবার মন্ত্রণালয় এক বিবৃতিতে এ কথা জানিয়েছে।",
        [("বৃহস্পতিবার", D, "2024-08-08")],
    ),
    case(
        "weekday-bare-future",
        "বৃহস্পতিবার মন্ত্রিসভার বৈঠক হবে।",
        [("বৃহস্পতিবার", D, "2024-08-15")],
    ),
    case(
        "weekday-bare-past-same-day",
        "সোমবার প্রধান উপদেষ্টা সংবাদ সম্মেলনে এ কথা বলেন।",
        [("সোমবার", D, "2024-08-12")],
    ),
    case(
        "weekday-bare-future-same-day",
        "সোমবার বিকেলে নতুন কমিটি ঘোষণা করা হবে।",
        [("সোমবার বিকেলে", T, "2024-08-12TAF")],
    ),
    case(
        "weekday-bare-robibar-past",
        "রবিবার শিক্ষার্থীরা শাহবাগে অবস্থান করেছেন।",
        [("রবিবার", D, "2024-08-11")],
    ),
    case(
        "weekday-bare-robbar-future",
        "রোববার আপিল বিভাগে শুনানি হবে।",
        [("রোববার", D, "2024-08-18")],
    ),
    case(
        "weekday-goto",
        "গত শুক্রবার রাজধানীতে সমাবেশ করেছে দলটি।",
        [("গত শুক্রবার", D, "2024-08-09")],
    ),
    case(
        "weekday-goto-same-weekday",
        "গত সোমবার পুলিশ সদর দপ্তরে বৈঠক হয়েছে।",
        [("গত সোমবার", D, "2024-08-05")],
    ),
    case(
        "weekday-agami",
        "আগামী রোববার থেকে বিশ্ববিদ্যালয়ের ক্লাস শুরু হবে।",
        [("আগামী রোববার", D, "2024-08-18")],
    ),
    case(
        "weekday-agami-next-day",
        "আগামী মঙ্গলবার উপদেষ্টা পরিষদের বৈঠক হবে।",
        [("আগামী মঙ্গলবার", D, "2024-08-13")],
    ),
    case(
        "weekday-agami-same-weekday",
        "আগামী সোমবার নতুন প্রধান বিচারপতি শপথ নেবেন।",
        [("আগামী সোমবার", D, "2024-08-19")],
    ),
    case(
        "weekday-bracketed-date",
        "বৃহস্পতিবার (৮ আগস্ট) নতুন অন্তর্বর্তী সরকার শপথ নিয়েছে।",
        [("বৃহস্পতিবার (৮ আগস্ট)", D, "2024-08-08")],
    ),
    case(
        "weekday-bracketed-date-with-year",
        "শনিবার (১০ আগস্ট ২০২৪) প্রধান বিচারপতি পদত্যাগ করেছেন।",
        [("শনিবার (১০ আগস্ট ২০২৪)", D, "2024-08-10")],
    ),
    case(
        "weekday-bracketed-date-agami",
        "আগামী বুধবার (২১ আগস্ট) নতুন কমিশনের প্রথম সভা হবে।",
        [("আগামী বুধবার (২১ আগস্ট)", D, "2024-08-21")],
    ),
    case(
        "goto-and-agami-same-weekday",
        "গত বৃহস্পতিবার বৈঠক হয়েছে, আগামী বৃহস্পতিবার আবার বৈঠক হবে।",
        [("গত বৃহস্পতিবার", D, "2024-08-08"), ("আগামী বৃহস্পতিবার", D, "2024-08-15")],
    ),
    case(
        "weekday-bracketed-date-year-from-weekday",
        "বৃহস্পতিবার (১২ অক্টোবর) এক বিবৃতিতে মন্ত্রণালয় এ কথা জানিয়েছে।",
        [("বৃহস্পতিবার (১২ অক্টোবর)", D, "2023-10-12")],
    ),
    case(
        "aj-with-weekday",
        "আজ বৃহস্পতিবার সচিবালয়ে উপদেষ্টা পরিষদের বৈঠক হয়েছে।",
        [("আজ বৃহস্পতিবার", D, "2023-10-12")],
        dt.date(2023, 10, 12),
    ),
]

DEICTIC = [
    case("aj", "আজ সচিবালয়ে উপদেষ্টা পরিষদের বৈঠক হয়েছে।", [("আজ", D, "2024-08-12")]),
    case("gotokal", "গতকাল রাজধানীতে ভারী বৃষ্টি হয়েছে।", [("গতকাল", D, "2024-08-11")]),
    case("agamikal", "আগামীকাল দেশজুড়ে হরতাল পালন করবে দলটি।", [("আগামীকাল", D, "2024-08-13")]),
    case("porshu-past", "পরশু তিনি লন্ডন থেকে দেশে ফিরেছেন।", [("পরশু", D, "2024-08-10")]),
    case("porshu-future", "পরশু ঢাকায় বড় সমাবেশ হবে।", [("পরশু", D, "2024-08-14")]),
    case("goto-saptahe", "গত সপ্তাহে দুই দেশের বৈঠক হয়েছে।", [("গত সপ্তাহে", D, "2024-W32")]),
    case("cholti-saptahe", "চলতি সপ্তাহে নতুন কমিশন গঠন করা হবে।", [("চলতি সপ্তাহে", D, "2024-W33")]),
    case("ei-saptahe", "এই সপ্তাহে বাজারে চালের দাম বেড়েছে।", [("এই সপ্তাহে", D, "2024-W33")]),
    case("agami-saptahe", "আগামী সপ্তাহে সংস্কার কমিশন প্রতিবেদন দেবে।", [("আগামী সপ্তাহে", D, "2024-W34")]),
    case("porer-saptahe", "পরের সপ্তাহে তিনি জেনেভা যাবেন।", [("পরের সপ্তাহে", D, "2024-W34")]),
    case("goto-mase", "গত মাসে দেশে রেমিট্যান্স কমেছে।", [("গত মাসে", D, "2024-07")]),
    case("cholti-maser", "চলতি মাসের বেতন ঈদের আগে দেওয়া হবে।", [("চলতি মাসের", D, "2024-08")]),
    case("ei-mase", "এই মাসে ডেঙ্গু রোগী বেড়েছে।", [("এই মাসে", D, "2024-08")]),
    case("agami-mase", "আগামী মাসে নতুন মুদ্রানীতি ঘোষণা করা হবে।", [("আগামী মাসে", D, "2024-09")]),
    case("porer-mase", "পরের মাসে তিনি যুক্তরাষ্ট্র সফর করবেন।", [("পরের মাসে", D, "2024-09")]),
    case("goto-bochhor", "গত বছর দেশে মূল্যস্ফীতি বেড়েছে।", [("গত বছর", D, "2023")]),
    case("goto-bochhorer", "গত বছরের বন্যায় ফসলের ব্যাপক ক্ষতি হয়েছে।", [("গত বছরের", D, "2023")]),
    case("cholti-bochhor", "চলতি বছর রপ্তানি আয় কমেছে।", [("চলতি বছর", D, "2024")]),
    case("ei-bochhorer", "এই বছরের বাজেটে শিক্ষায় বরাদ্দ বেড়েছে।", [("এই বছরের", D, "2024")]),
    case("agami-bochhor", "আগামী বছর জাতীয় নির্বাচন হবে।", [("আগামী বছর", D, "2025")]),
    case("porer-bochhor", "পরের বছর নতুন টার্মিনাল চালু হবে।", [("পরের বছর", D, "2025")]),
    case(
        "cholti-bochhorer-month",
        "চলতি বছরের জানুয়ারিতে দ্বাদশ সংসদ নির্বাচন হয়েছে।",
        [("চলতি বছরের জানুয়ারিতে", D, "2024-01")],
    ),
    case(
        "goto-bochhorer-month",
        "গত বছরের ডিসেম্বরে আমদানি ব্যয় কমেছে।",
        [("গত বছরের ডিসেম্বরে", D, "2023-12")],
    ),
    case("goto-day-month", "গত ৫ আগস্ট শেখ হাসিনা দেশ ছেড়েছেন।", [("গত ৫ আগস্ট", D, "2024-08-05")]),
    case(
        "agami-day-month",
        "আগামী ১৫ সেপ্টেম্বর থেকে স্কুল খোলা হবে।",
        [("আগামী ১৫ সেপ্টেম্বর", D, "2024-09-15")],
    ),
    case(
        "gotokal-with-weekday",
        "গতকাল বুধবার রাজধানীতে নতুন সেতু উদ্বোধন করা হয়েছে।",
        [("গতকাল বুধবার", D, "2023-10-11")],
        dt.date(2023, 10, 12),
    ),
    case(
        "goto-saptahe-iso-year-boundary",
        "গত সপ্তাহে দুই দেশের বৈঠক হয়েছে।",
        [("গত সপ্তাহে", D, "2024-W52")],
        dt.date(2025, 1, 2),
    ),
    case(
        "cholti-saptahe-iso-week-in-next-year",
        "চলতি সপ্তাহে নতুন কমিশন গঠন করা হবে।",
        [("চলতি সপ্তাহে", D, "2025-W01")],
        dt.date(2024, 12, 30),
    ),
    case(
        "goto-mase-year-boundary",
        "গত মাসে দেশে রেমিট্যান্স বেড়েছে।",
        [("গত মাসে", D, "2024-12")],
        dt.date(2025, 1, 5),
    ),
    case(
        "goto-bochhor-year-boundary",
        "গত বছর দেশে মূল্যস্ফীতি বেড়েছে।",
        [("গত বছর", D, "2024")],
        dt.date(2025, 1, 5),
    ),
]

YEARS_AND_PERIODS = [
    case("year-sale", "১৯৭১ সালে দেশ স্বাধীন হয়েছে।", [("১৯৭১ সালে", D, "1971")]),
    case("year-saler", "২০১৮ সালের নির্বাচনে দলটি অংশ নিয়েছিল।", [("২০১৮ সালের", D, "2018")]),
    case("year-hyphen-e", "২০২৩-এ দেশের রপ্তানি আয় কমেছে।", [("২০২৩-এ", D, "2023")]),
    case("year-ascii-sale", "2020 সালে করোনার কারণে স্কুল বন্ধ করা হয়েছিল।", [("2020 সালে", D, "2020")]),
    case("decade-word", "নব্বইয়ের দশকে দেশে গণতন্ত্র ফিরে আসে।", [("নব্বইয়ের দশকে", D, "199")]),
    case("decade-digits", "১৯৯০-এর দশকে পোশাক রপ্তানি বাড়তে থাকে।", [("১৯৯০-এর দশকে", D, "199")]),
    case("decade-word-ashi", "আশির দশকের রাজনীতিতে তিনি সক্রিয় ছিলেন।", [("আশির দশকের", D, "198")]),
    case("decade-2010s", "২০১০-এর দশকে মোবাইল ব্যাংকিং জনপ্রিয় হয়।", [("২০১০-এর দশকে", D, "201")]),
    case("century-bingsho", "বিংশ শতাব্দীতে দুটি বিশ্বযুদ্ধ হয়েছে।", [("বিংশ শতাব্দীতে", D, "19")]),
    case("century-unish", "উনিশ শতকের বাংলায় নবজাগরণ ঘটেছিল।", [("উনিশ শতকের", D, "18")]),
    case(
        "century-ekobingsho",
        "একবিংশ শতাব্দীর চ্যালেঞ্জ মোকাবিলায় তিনি কাজ করেছেন।",
        [("একবিংশ শতাব্দীর", D, "20")],
    ),
    case(
        "fiscal-year",
        "২০২৩-২৪ অর্থবছরে দেশের প্রবৃদ্ধি কমেছে।",
        [("২০২৩-২৪ অর্থবছরে", D, "2023-07-01/2024-06-30")],
    ),
    case(
        "fiscal-year-er",
        "২০২৪-২৫ অর্থবছরের বাজেট জুনে সংসদে পাস হয়েছে।",
        [("২০২৪-২৫ অর্থবছরের", D, "2024-07-01/2025-06-30"), ("জুনে", D, "2024-06")],
    ),
    case(
        "fiscal-year-ascii",
        "2022-23 অর্থবছরে রাজস্ব আদায় বেড়েছে।",
        [("2022-23 অর্থবছরে", D, "2022-07-01/2023-06-30")],
    ),
    case(
        "fiscal-year-cholti",
        "চলতি অর্থবছরে রাজস্ব আদায়ের লক্ষ্য কমানো হয়েছে।",
        [("চলতি অর্থবছরে", D, "2024-07-01/2025-06-30")],
    ),
    case(
        "range-theke-days",
        "১০ থেকে ১২ অক্টোবর ঢাকায় আন্তর্জাতিক সম্মেলন অনুষ্ঠিত হবে।",
        [("১০ থেকে ১২ অক্টোবর", D, "2024-10-10/2024-10-12")],
    ),
    case(
        "range-hyphen-days",
        "১০-১২ অক্টোবর ঢাকায় আন্তর্জাতিক সম্মেলন অনুষ্ঠিত হবে।",
        [("১০-১২ অক্টোবর", D, "2024-10-10/2024-10-12")],
    ),
    case(
        "range-theke-days-with-year",
        "৫ থেকে ৭ আগস্ট ২০২৩ চট্টগ্রামে বাণিজ্য মেলা হয়েছে।",
        [("৫ থেকে ৭ আগস্ট ২০২৩", D, "2023-08-05/2023-08-07")],
    ),
    case(
        "range-years-porjonto-outside",
        "২০২০ থেকে ২০২২ সাল পর্যন্ত তিনি মন্ত্রী ছিলেন।",
        [("২০২০ থেকে ২০২২ সাল", D, "2020/2022")],
    ),
    case(
        "range-months-past",
        "জানুয়ারি থেকে জুন পর্যন্ত রপ্তানি আয় কমেছে।",
        [("জানুয়ারি থেকে জুন", D, "2024-01/2024-06")],
    ),
    case(
        "year-saler-month-e-1971",
        "১৯৭১ সালের মার্চে অসহযোগ আন্দোলন শুরু হয়।",
        [("১৯৭১ সালের মার্চে", D, "1971-03")],
    ),
]

OTHER_CALENDARS = [
    case(
        "bengali-pohela-boishakh-year",
        "পহেলা বৈশাখ ১৪৩১ সারা দেশে বর্ষবরণ উৎসব হয়েছে।",
        [("পহেলা বৈশাখ ১৪৩১", D, "2024-04-14")],
    ),
    case(
        "bengali-poyla-boishakhe-past",
        "পয়লা বৈশাখে রমনার বটমূলে ছায়ানটের অনুষ্ঠান হয়েছে।",
        [("পয়লা বৈশাখে", D, "2024-04-14")],
    ),
    case(
        "bengali-8-falgun-past",
        "৮ ফাল্গুন ভাষাশহীদদের স্মরণে আলোচনা সভা হয়েছে।",
        [("৮ ফাল্গুন", D, "2024-02-21")],
    ),
    case(
        "bengali-1-poush-past",
        "১ পৌষ থেকে শীতের তীব্রতা বেড়েছে।",
        [("১ পৌষ", D, "2023-12-16")],
    ),
    case(
        "bengali-1-poush-future",
        "১ পৌষ থেকে পিঠা উৎসব শুরু হবে।",
        [("১ পৌষ", D, "2024-12-16")],
    ),
    case(
        "bengali-1-asharh-year",
        "১ আষাঢ় ১৪৩১ বর্ষা ঋতুর শুরু হয়েছে।",
        [("১ আষাঢ় ১৪৩১", D, "2024-06-15")],
    ),
    case(
        "bengali-year-bongabdo",
        "১৪৩০ বঙ্গাব্দ শেষ হয়েছে চৈত্রসংক্রান্তির মধ্য দিয়ে।",
        [("১৪৩০ বঙ্গাব্দ", D, "2023-04-14/2024-04-13")],
    ),
    case(
        "hijri-safar",
        "৬ সফর ১৪৪৬ হিজরি মসজিদে দোয়া মাহফিল হয়েছে।",
        [("৬ সফর ১৪৪৬ হিজরি", D, "2024-08-10")],
    ),
    case(
        "hijri-ramjan",
        "১ রমজান ১৪৪৫ হিজরি থেকে রোজা শুরু হয়েছে।",
        [("১ রমজান ১৪৪৫ হিজরি", D, "2024-03-11")],
    ),
    case(
        "hijri-muharram",
        "১০ মহররম ১৪৪৬ হিজরি পবিত্র আশুরা পালিত হয়েছে।",
        [("১০ মহররম ১৪৪৬ হিজরি", D, "2024-07-16")],
    ),
    case(
        "bengali-year-before-day",
        "১৪৩১ বঙ্গাব্দের পহেলা বৈশাখ সারা দেশে বর্ষবরণ হয়েছে।",
        [("১৪৩১ বঙ্গাব্দের পহেলা বৈশাখ", D, "2024-04-14")],
    ),
    case(
        "bengali-8-falgun-future-nearer-in-past",
        "৮ ফাল্গুন থেকে বইমেলার দ্বিতীয় পর্ব শুরু হবে।",
        [("৮ ফাল্গুন", D, "2025-02-21")],
    ),
    case(
        "bengali-ordinal-22she-shrabon",
        "২২শে শ্রাবণ রবীন্দ্রনাথের প্রয়াণ দিবস পালিত হয়েছে।",
        [("২২শে শ্রাবণ", D, "2024-08-06")],
    ),
    case(
        "bengali-ordinal-25she-boishakh",
        "২৫শে বৈশাখ কবিগুরুর জন্মজয়ন্তী পালিত হয়েছে।",
        [("২৫শে বৈশাখ", D, "2024-05-08")],
    ),
    case(
        "bengali-leap-falgun-30",
        "৩০ ফাল্গুন ১৪৩০ বসন্ত উৎসবের সমাপনী হয়েছে।",
        [("৩০ ফাল্গুন ১৪৩০", D, "2024-03-14")],
    ),
    case(
        "bengali-1-choitro",
        "১ চৈত্র ১৪৩০ থেকে চৈত্রমেলা শুরু হয়েছে।",
        [("১ চৈত্র ১৪৩০", D, "2024-03-15")],
    ),
]

TIMES = [
    case(
        "time-aj-sokal",
        "আজ সকাল ১০টায় সংবাদ সম্মেলন হয়েছে।",
        [("আজ সকাল ১০টায়", T, "2024-08-12T10:00")],
    ),
    case("time-alone-sokal", "সকাল ১০টায় সংবাদ সম্মেলন হয়েছে।", [("সকাল ১০টায়", T, "2024-08-12T10:00")]),
    case(
        "clock-range-of-no-day",
        "বৃহস্পতিবার মেলার উদ্বোধন হয়। দোকানগুলো সকাল ১০টা থেকে রাত ৮টা পর্যন্ত খোলা থাকে।",
        [
            ("বৃহস্পতিবার", D, "2024-08-08"),
            ("সকাল ১০টা থেকে রাত ৮টা", T, "XXXX-XX-XXT10:00/XXXX-XX-XXT20:00"),
        ],
    ),
    case(
        "clock-range-of-its-day",
        "গতকাল সকাল ১০টা থেকে দুপুর ১২টা পর্যন্ত সড়ক বন্ধ ছিল।",
        [("গতকাল সকাল ১০টা থেকে দুপুর ১২টা", T, "2024-08-11T10:00/2024-08-11T12:00")],
    ),
    case(
        "time-share-dike",
        "গতকাল রাত সাড়ে ৮টার দিকে আগুন লাগে।",
        [("গতকাল রাত সাড়ে ৮টার দিকে", T, "2024-08-11T20:30")],
    ),
    case(
        "time-minutes",
        "রোববার বিকেল ৩টা ২০ মিনিটে ট্রেনটি লাইনচ্যুত হয়েছে।",
        [("রোববার বিকেল ৩টা ২০ মিনিটে", T, "2024-08-11T15:20")],
    ),
    case(
        "time-midnight-after-date",
        "১০ আগস্ট রাত ১২টায় কারফিউ শিথিল করা হয়েছে।",
        [("১০ আগস্ট রাত ১২টায়", T, "2024-08-11T00:00")],
    ),
    case(
        "time-noon-dupur-12",
        "আগামীকাল দুপুর ১২টায় রায় ঘোষণা করা হবে।",
        [("আগামীকাল দুপুর ১২টায়", T, "2024-08-13T12:00")],
    ),
    case(
        "time-weekday-bracket-clock",
        "বৃহস্পতিবার (৮ আগস্ট) রাত ৯টা ৪৫ মিনিটে শপথ অনুষ্ঠান শুরু হয়েছে।",
        [("বৃহস্পতিবার (৮ আগস্ট) রাত ৯টা ৪৫ মিনিটে", T, "2024-08-08T21:45")],
    ),
    case(
        "part-of-day-afternoon",
        "বৃহস্পতিবার বিকেলে মিছিল বের করেছে শিক্ষার্থীরা।",
        [("বৃহস্পতিবার বিকেলে", T, "2024-08-08TAF")],
    ),
    case("part-of-day-morning", "আজ সকালে মহাসড়কে দুর্ঘটনা ঘটেছে।", [("আজ সকালে", T, "2024-08-12TMO")]),
    case(
        "part-of-day-evening",
        "গতকাল সন্ধ্যায় ঝড়ে বহু গাছ উপড়ে পড়েছে।",
        [("গতকাল সন্ধ্যায়", T, "2024-08-11TEV")],
    ),
    case("part-of-day-night", "শনিবার রাতে থানায় হামলা হয়েছে।", [("শনিবার রাতে", T, "2024-08-10TNI")]),
    case("time-colon", "সকাল ১০:৩০ মিনিটে বৈঠক শুরু হয়েছে।", [("সকাল ১০:৩০ মিনিটে", T, "2024-08-12T10:30")]),
    case(
        "time-bhor",
        "শুক্রবার ভোর ৫টায় ফেরিটি ডুবে গেছে।",
        [("শুক্রবার ভোর ৫টায়", T, "2024-08-09T05:00")],
    ),
    case(
        "time-midnight-after-weekday",
        "শুক্রবার রাত ১২টায় কারফিউ তুলে নেওয়া হয়েছে।",
        [("শুক্রবার রাত ১২টায়", T, "2024-08-10T00:00")],
    ),
]

DURATIONS_AND_SETS = [
    case("duration-years-dhore", "তিন বছর ধরে সেতুটির নির্মাণকাজ চলছে।", [("তিন বছর ধরে", DUR, "P3Y")]),
    case("duration-weeks", "কাজটি শেষ করতে দুই সপ্তাহ লাগবে।", [("দুই সপ্তাহ", DUR, "P2W")]),
    case(
        "duration-offset-pore",
        "রাশিয়া সফরের এক মাস পরে তিনি চিঠিটি লিখেছেন।",
        [("এক মাস পরে", DUR, "P1M")],
    ),
    case("duration-days-er", "আদালত তাঁর পাঁচ দিনের রিমান্ড মঞ্জুর করেছেন।", [("পাঁচ দিনের", DUR, "P5D")]),
    case(
        "duration-hours",
        "শিক্ষার্থীরা সরকারকে ৪৮ ঘণ্টার আলটিমেটাম দিয়েছেন।",
        [("৪৮ ঘণ্টার", DUR, "PT48H")],
    ),
    case("duration-minutes-dhore", "৩০ মিনিট ধরে মহাসড়ক অবরোধ করা হয়।", [("৩০ মিনিট ধরে", DUR, "PT30M")]),
    case("duration-months-er", "ছয় মাসের মধ্যে নির্বাচন দিতে হবে।", [("ছয় মাসের", DUR, "P6M")]),
    case("set-proti-shukrobar", "প্রতি শুক্রবার এখানে হাট বসে।", [("প্রতি শুক্রবার", S, "XXXX-WXX-5")]),
    case("set-proti-robbar", "প্রতি রোববার দপ্তরে গণশুনানি হয়।", [("প্রতি রোববার", S, "XXXX-WXX-7")]),
    case("set-protibochhor", "প্রতিবছর এই মেলায় লাখো মানুষ আসেন।", [("প্রতিবছর", S, ("XXXX", "P1Y"))]),
    case("duration-one-week-dhore", "এক সপ্তাহ ধরে সড়কটি বন্ধ রয়েছে।", [("এক সপ্তাহ ধরে", DUR, "P1W")]),
    case("set-proti-mase", "প্রতি মাসে কমিটির সভা হয়।", [("প্রতি মাসে", S, ("XXXX-XX", "P1M"))]),
    case(
        "set-protidin",
        "প্রতিদিন হাজারো যাত্রী এই পথে চলাচল করেন।",
        [("প্রতিদিন", S, ("XXXX-XX-XX", "P1D"))],
    ),
    case(
        "set-weekday-clock",
        "প্রতি সোমবার বিকেল ৪টায় শুনানি হয়।",
        [("প্রতি সোমবার বিকেল ৪টায়", S, "XXXX-WXX-1T16:00")],
    ),
    case("set-weekday-part", "প্রতি মঙ্গলবার রাতে মহড়া চলে।", [("প্রতি মঙ্গলবার রাতে", S, "XXXX-WXX-2TNI")]),
    case(
        "set-daily-hours",
        "প্রতিদিন সকাল ১০টা থেকে বিকেল ৪টা পর্যন্ত প্রদর্শনী খোলা থাকে।",
        [("প্রতিদিন সকাল ১০টা থেকে বিকেল ৪টা", S, "XXXX-XX-XXT10:00/XXXX-XX-XXT16:00")],
    ),
    case(
        "set-weekday-hours",
        "প্রতি শনিবার সকাল ৯টা থেকে ১১টা টিকা দেওয়া হয়।",
        [("প্রতি শনিবার সকাল ৯টা থেকে ১১টা", S, "XXXX-WXX-6T09:00/XXXX-WXX-6T11:00")],
    ),
    case(
        "set-yearly-date",
        "প্রতিবছর ২১ ফেব্রুয়ারি ভাষা দিবস পালিত হয়।",
        [("প্রতিবছর ২১ ফেব্রুয়ারি", S, "XXXX-02-21")],
    ),
    case(
        "set-monthly-day",
        "প্রতি মাসের ৭ তারিখে ভাতা দেওয়া হয়।",
        [("প্রতি মাসের ৭ তারিখে", S, "XXXX-XX-07")],
    ),
    case("set-every-n-units", "প্রতি ছয় মাসে একবার পরিদর্শন হয়।", [("প্রতি ছয় মাসে", S, "P6M")]),
    case("set-interval-word", "চার ঘণ্টা পরপর পানি ছাড়া হয়।", [("চার ঘণ্টা পরপর", S, "PT4H")]),
    case("set-interval-antor", "প্রতি দুই সপ্তাহ অন্তর সভা বসে।", [("প্রতি দুই সপ্তাহ অন্তর", S, "P2W")]),
    case("duration-not-age", "আদালত তাঁকে দুই বছরের কারাদণ্ড দিয়েছেন।", [("দুই বছরের", DUR, "P2Y")]),
    case(
        "duration-about-n-after-unit",
        "মাস দুয়েক ধরে কারখানাটি বন্ধ রয়েছে।",
        [("মাস দুয়েক ধরে", DUR, "P2M")],
    ),
    case("duration-about-one-unit", "মাসখানেক ধরে কারখানাটি বন্ধ রয়েছে।", [("মাসখানেক ধরে", DUR, "P1M")]),
    case(
        "duration-compound-years",
        "আদালত তাঁকে তিন বছর ছয় মাসের কারাদণ্ড দেন।",
        [("তিন বছর ছয় মাসের", DUR, "P3Y6M")],
    ),
    case(
        "duration-compound-hours",
        "অভিযান চলে ২ ঘণ্টা ৪০ মিনিট ধরে।",
        [("২ ঘণ্টা ৪০ মিনিট ধরে", DUR, "PT2H40M")],
    ),
    case(
        "duration-compound-day-hours",
        "এক দিন ছয় ঘণ্টা পর তাঁকে উদ্ধার করা হয়।",
        [("এক দিন ছয় ঘণ্টা পর", DUR, "P1DT6H")],
    ),
    case("compound-ago", "দুই বছর তিন মাস আগে সেতুটি চালু হয়।", [("দুই বছর তিন মাস আগে", D, "2022-05")]),
    case("month-in-apposition", "আগের মাস মার্চে দাম কিছুটা কম ছিল।", [("আগের মাস মার্চে", D, "2024-03")]),
    case("about-one-week-ago", "সপ্তাহখানেক আগে তিনি দেশে ফেরেন।", [("সপ্তাহখানেক আগে", D, "2024-08-05")]),
    case("duration-glued-lasting", "চার দিনব্যাপী বইমেলা শেষ হয়েছে।", [("চার দিনব্যাপী", DUR, "P4D")]),
    case("duration-year-and-a-half", "দেড় বছর ধরে সেতুর কাজ চলছে।", [("দেড় বছর ধরে", DUR, "P18M")]),
    case(
        "duration-two-and-a-half-hours",
        "আড়াই ঘণ্টা ধরে সড়ক অবরোধ চলে।",
        [("আড়াই ঘণ্টা ধরে", DUR, "PT2H30M")],
    ),
    case("duration-half-hour", "আধা ঘণ্টা পর বিদ্যুৎ ফিরে আসে।", [("আধা ঘণ্টা পর", DUR, "PT30M")]),
    case(
        "duration-and-a-half-hours",
        "সাড়ে চার ঘণ্টার বৈঠক শেষে সিদ্ধান্ত হয়।",
        [("সাড়ে চার ঘণ্টার", DUR, "PT4H30M")],
    ),
    case("duration-quarter-to", "পৌনে তিন ঘণ্টা লেগেছে।", [("পৌনে তিন ঘণ্টা", DUR, "PT2H45M")]),
    case("duration-day-and-a-half", "দেড় দিন পর উদ্ধারকাজ শেষ হয়।", [("দেড় দিন পর", DUR, "PT36H")]),
    case("duration-month-and-a-half", "দেড় মাস ধরে পানি জমে আছে।", [("দেড় মাস ধরে", DUR, "P1.5M")]),
    case("year-and-a-half-ago", "দেড় বছর আগে কারখানাটি চালু হয়।", [("দেড় বছর আগে", D, "2023-02")]),
    case("duration-contracted-two", "গত দু’বছরে এমন বন্যা দেখা যায়নি।", [("গত দু’বছরে", DUR, "P2Y")]),
    case("duration-contracted-nine", "ন'দিন পর তিনি বাড়ি ফেরেন।", [("ন'দিন পর", DUR, "P9D")]),
    case(
        "new-fiscal-year-before-july",
        "নতুন অর্থবছরের বাজেট জুনে পেশ করা হবে।",
        [("নতুন অর্থবছরের", D, "2025-07-01/2026-06-30"), ("জুনে", D, "2025-06")],
        reference=dt.date(2025, 5, 20),
    ),
    case(
        "new-fiscal-year-after-july",
        "নতুন অর্থবছরের বাজেট বাস্তবায়ন শুরু হয়েছে।",
        [("নতুন অর্থবছরের", D, "2025-07-01/2026-06-30")],
        reference=dt.date(2025, 8, 20),
    ),
    case(
        "accounting-year-quarter-restated",
        "চলতি ২০২৩-২৪ হিসাববছরের প্রথম প্রান্তিকে (জুলাই-সেপ্টেম্বর) মুনাফা কমেছে।",
        [("চলতি ২০২৩-২৪ হিসাববছরের প্রথম প্রান্তিকে (জুলাই-সেপ্টেম্বর)", D, "2023-07/2023-09")],
    ),
    case(
        "restated-in-the-bengali-calendar",
        "আগামী ১৪ এপ্রিল (১ বৈশাখ) মেলা বসবে।",
        [("আগামী ১৪ এপ্রিল (১ বৈশাখ)", D, "2025-04-14")],
    ),
    case(
        "restated-in-the-hijri-calendar",
        "গত ২৬ মার্চ (১৫ রমজান) ইফতার মাহফিল হয়।",
        [("গত ২৬ মার্চ (১৫ রমজান)", D, "2024-03-26")],
    ),
    case(
        "year-name-alone-in-its-sentence",
        "একাত্তরের মুক্তিযুদ্ধে তিনি গান গাইতেন।",
        [("একাত্তরের", D, "1971")],
    ),
    case(
        "next-day-comma-weekday",
        "শনিবার রাতে মিছিল হয়। পর দিন, রবিবার সকালে আবার জমায়েত হয়।",
        [("শনিবার রাতে", T, "2024-08-10TNI"), ("পর দিন, রবিবার সকালে", T, "2024-08-11TMO")],
    ),
    case(
        "this-time-last-year",
        "গত বছরের এই সময়ে দাম ছিল অর্ধেক।",
        [("গত বছরের এই সময়ে", D, "2023-08")],
    ),
    case(
        "that-same-year",
        "২০১৭ সালের মার্চে তিনি দল ছাড়েন। সেই বছরের অক্টোবরে নতুন দল গড়েন।",
        [("২০১৭ সালের মার্চে", D, "2017-03"), ("সেই বছরের অক্টোবরে", D, "2017-10")],
    ),
    case(
        "the-year-before-that",
        "২০১৭ সালের মার্চে তিনি দল ছাড়েন। আগের বছরের অক্টোবরে দলে যোগ দেন।",
        [("২০১৭ সালের মার্চে", D, "2017-03"), ("আগের বছরের অক্টোবরে", D, "2016-10")],
    ),
    case(
        "the-same-day-and-month",
        "গত ১০ জুলাই মামলা হয়। একই দিনে দুজন গ্রেপ্তার হন। ওই মাসেই তিনি জামিন পান।",
        [("গত ১০ জুলাই", D, "2024-07-10"), ("একই দিনে", D, "2024-07-10"), ("ওই মাসেই", D, "2024-07")],
    ),
    case(
        "ago-in-the-genitive",
        "তিন বছর আগের ঘটনায় মামলাটি হয়।",
        [("তিন বছর আগের", D, "2021")],
    ),
    case("ago-even", "দুই দিন আগেও সড়কটি খোলা ছিল।", [("দুই দিন আগেও", D, "2024-08-10")]),
    case(
        "after-in-the-genitive",
        "উদ্বোধনের পাঁচ বছর পরের হিসাব এটি।",
        [("পাঁচ বছর পরের", DUR, "P5Y")],
    ),
    case(
        "count-after-unit-starts-anew",
        "গত সপ্তাহে তিন দিন বাজার বন্ধ ছিল।",
        [("গত সপ্তাহে", D, "2024-W32"), ("তিন দিন", DUR, "P3D")],
    ),
    case(
        "count-after-set-starts-anew",
        "চিকিৎসকেরা প্রতিদিন ২০ মিনিট হাঁটতে বলেন।",
        [("প্রতিদিন", S, ("XXXX-XX-XX", "P1D")), ("২০ মিনিট", DUR, "PT20M")],
    ),
]

# West Bengal writing: its spellings, and India's April-March fiscal year (অর্থবর্ষ).
WEST_BENGAL = [
    case("goto-kal-two-words", "গত কাল রাতে ঝড়ে গাছ পড়েছে।", [("গত কাল রাতে", T, "2024-08-11TNI")]),
    case("agamikal-i-kar", "আগামিকাল পুরসভার বৈঠক হবে।", [("আগামিকাল", D, "2024-08-13")]),
    case("agami-i-kar-weekday", "আগামি শুক্রবার ফল প্রকাশ করা হবে।", [("আগামি শুক্রবার", D, "2024-08-16")]),
    case(
        "indian-fiscal-year-pair",
        "২০২৪-২৫ অর্থবর্ষের বাজেট বিধানসভায় পেশ করা হয়েছে।",
        [("২০২৪-২৫ অর্থবর্ষের", D, "2024-04-01/2025-03-31")],
    ),
    case(
        "indian-fiscal-current",
        "চলতি অর্থবর্ষে রাজস্ব আদায় বেড়েছে।",
        [("চলতি অর্থবর্ষে", D, "2024-04/2025-03")],
    ),
    case(
        "indian-fiscal-current-before-april",
        "চলতি অর্থবর্ষে রাজস্ব আদায় বেড়েছে।",
        [("চলতি অর্থবর্ষে", D, "2023-04/2024-03")],
        dt.date(2024, 2, 20),
    ),
    case(
        "indian-fiscal-last",
        "গত আর্থিক বছরে সংস্থাটির লোকসান হয়েছিল।",
        [("গত আর্থিক বছরে", D, "2023-04/2024-03")],
    ),
    case(
        "bangladesh-fiscal-unchanged",
        "চলতি অর্থবছরে রপ্তানি আয় বেড়েছে।",
        [("চলতি অর্থবছরে", D, "2024-07-01/2025-06-30")],
    ),
    case("about-n-days-ago", "দিন সাতেক আগে তিনি শহরে ফিরেছেন।", [("দিন সাতেক আগে", D, "2024-08-05")]),
    case("bare-month-edge-is-current", "মাসের শেষে পৌরসভার নির্বাচন হবে।", [("মাসের শেষে", D, "2024-08")]),
    case("bare-week-edge-is-current", "সপ্তাহের শুরুতে বৈঠক হয়েছে।", [("সপ্তাহের শুরুতে", D, "2024-W33")]),
    case("month-edge-pointing-back", "সেই মাসের শেষে তিনি দেশে ফেরেন।", []),
    case("month-edge-of-an-event", "চুক্তির মাসের শেষে কাজ শুরু হয়।", []),
    case(
        "year-named-ekattor",
        "একাত্তরের মার্চে পরিবারটি গ্রাম ছাড়ে।",
        [("একাত্তরের মার্চে", D, "1971-03")],
    ),
    case("ekattor-bare-is-a-count", "দুর্ঘটনায় একাত্তর জন আহত হয়েছেন।", []),
    case(
        "edge-of-period-roughly",
        "চলতি মাসের শেষ দিকে পৌরসভার নির্বাচন হবে।",
        [("চলতি মাসের শেষ দিকে", D, ("2024-08", "2024-08-21/2024-08-31"))],
    ),
]

EXCLUSIONS = [
    case("not-anniversary", "দ্বিপাক্ষিক সম্পর্কের ৭৫তম বার্ষিকী উপলক্ষে অনুষ্ঠান হয়েছে।", []),
    case("not-age", "৩০ বছর বয়সী এক যুবককে আটক করেছে পুলিশ।", []),
    case("not-july-charter", "জুলাই সনদ বাস্তবায়নের দাবি জানিয়েছে দলগুলো।", []),
    case("not-july-movement", "জুলাই আন্দোলনের শহীদ পরিবারগুলোকে সহায়তা দেওয়া হবে।", []),
    case("not-seat-count", "সংসদের ৩০০ আসনে প্রার্থী দেবে দলটি।", []),
    case("not-count-like-year", "কারখানাটির ১৫০০ জন শ্রমিক কর্মবিরতি পালন করছেন।", []),
    case("not-ekhon", "এখন পরিস্থিতি স্বাভাবিক রয়েছে।", []),
    case("not-somprati", "সম্প্রতি চালের দাম বেড়েছে।", []),
    case("not-bortomane", "বর্তমানে তিনি কারাগারে আছেন।", []),
    case("not-shigogiri", "শিগগিরই নতুন কমিটি ঘোষণা করা হবে।", []),
    case("not-se-somoy", "সে সময় তিনি বিদেশে ছিলেন।", []),
]

NO_REFERENCE = [
    case(
        "noref-weekday-bracket-infers-reference",
        "বৃহস্পতিবার (১২ অক্টোবর) এক বিবৃতিতে পররাষ্ট্র মন্ত্রণালয় এ কথা জানিয়েছে। গত মাসে মন্ত্রী দিল্লি সফর করেছিলেন।",
        [("বৃহস্পতিবার (১২ অক্টোবর)", D, "2023-10-12"), ("গত মাসে", D, "2023-09")],
        None,
    ),
    case(
        "noref-weekday-bracket-2024",
        "শুক্রবার (১৫ মার্চ) সংবাদ সম্মেলনে তিনি এ কথা বলেন। আগামী মাসে নতুন কমিটি ঘোষণা করা হবে।",
        [("শুক্রবার (১৫ মার্চ)", D, "2024-03-15"), ("আগামী মাসে", D, "2024-04")],
        None,
    ),
    case(
        "noref-full-date-fixes-bare-weekday",
        "২০২৩ সালের ১২ অক্টোবর দুই দেশের চুক্তি সই হয়েছে। বৃহস্পতিবার মন্ত্রণালয় এ কথা জানিয়েছে।",
        [("২০২৩ সালের ১২ অক্টোবর", D, "2023-10-12"), ("বৃহস্পতিবার", D, "2023-10-12")],
        None,
    ),
    case(
        "noref-weekday-unknown",
        "বৃহস্পতিবার মন্ত্রণালয় এক বিবৃতিতে এ কথা জানিয়েছে।",
        [("বৃহস্পতিবার", D, "XXXX-WXX-4")],
        None,
    ),
    case("noref-goto-mase-unknown", "গত মাসে দেশে রেমিট্যান্স কমেছে।", [("গত মাসে", D, "XXXX-XX")], None),
    case("noref-goto-bochhor-unknown", "গত বছর দেশে মূল্যস্ফীতি বেড়েছে।", [("গত বছর", D, "XXXX")], None),
    case(
        "noref-day-month-unknown-year",
        "১২ অক্টোবর দুই দেশের চুক্তি সই হয়।",
        [("১২ অক্টোবর", D, "XXXX-10-12")],
        None,
    ),
    case("noref-absolute-year", "১৯৭১ সালে দেশ স্বাধীন হয়েছে।", [("১৯৭১ সালে", D, "1971")], None),
    case("noref-aj-unknown", "আজ সচিবালয়ে বৈঠক হয়েছে।", [("আজ", D, "XXXX-XX-XX")], None),
    case(
        "noref-latest-full-date-wins",
        "১৯৪৮ সালের ১২ অক্টোবর দুই দেশের কূটনৈতিক সম্পর্ক স্থাপিত হয়। "
        "বৃহস্পতিবার (১২ অক্টোবর) এক বিবৃতিতে এ কথা জানানো হয়েছে। গত মাসে দুই নেতা বৈঠক করেছিলেন।",
        [
            ("১৯৪৮ সালের ১২ অক্টোবর", D, "1948-10-12"),
            ("বৃহস্পতিবার (১২ অক্টোবর)", D, "2023-10-12"),
            ("গত মাসে", D, "2023-09"),
        ],
        None,
    ),
    case(
        "noref-future-full-date-is-not-reference",
        "২০২৪ সালের ১৫ মার্চ সম্মেলনটি শুরু হয়েছে। ২০২৫ সালের ১০ জানুয়ারি পরবর্তী সম্মেলন হবে। গত মাসে প্রস্তুতি সভা হয়েছিল।",
        [
            ("২০২৪ সালের ১৫ মার্চ", D, "2024-03-15"),
            ("২০২৫ সালের ১০ জানুয়ারি", D, "2025-01-10"),
            ("গত মাসে", D, "2024-02"),
        ],
        None,
    ),
]

# The reference date each of these articles fixes for itself.
INFERRED = {
    "noref-weekday-bracket-infers-reference": "2023-10-12",
    "noref-weekday-bracket-2024": "2024-03-15",
    "noref-full-date-fixes-bare-weekday": "2023-10-12",
    "noref-latest-full-date-wins": "2023-10-12",
    "noref-future-full-date-is-not-reference": "2024-03-15",
}

ALL_CASES = (
    GREGORIAN
    + WEEKDAYS
    + DEICTIC
    + YEARS_AND_PERIODS
    + OTHER_CALENDARS
    + TIMES
    + DURATIONS_AND_SETS
    + WEST_BENGAL
    + EXCLUSIONS
    + NO_REFERENCE
)


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize(("body", "reference", "expected"), ALL_CASES)
def test_dates(body: str, reference: dt.date | None, expected: list) -> None:
    check(parse(body, reference), expected)


@pytest.mark.parametrize(("body", "reference", "expected"), ALL_CASES)
def test_offsets_point_at_text(body: str, reference: dt.date | None, expected: list) -> None:
    article = parse(body, reference)
    for d in article.dates:
        assert getattr(article, d.field)[d.start : d.end] == d.text
        assert d.text == d.text.strip() and d.text
        assert d.field == "body"


@pytest.mark.parametrize(
    ("body", "reference", "expected"),
    [c for c in NO_REFERENCE if c.id in INFERRED],
)
def test_inferred_reference_date(request, body: str, reference: None, expected: list) -> None:
    article = parse(body, reference)
    assert article.reference_date is not None
    assert article.reference_date.source == "inferred"
    assert article.reference_date.value == INFERRED[request.node.callspec.id]


def test_unfixed_article_has_no_reference_date() -> None:
    article = parse("গত মাসে দেশে রেমিট্যান্স কমেছে।", None)
    assert article.reference_date is None


def test_headline_date_has_headline_field() -> None:
    article = parse("রাজধানীতে সব দোকান বন্ধ থাকবে।", REF, headline="আগামী রোববার থেকে হরতাল")
    check(article, [("আগামী রোববার", D, "2024-08-18")])
    d = article.dates[0]
    assert d.field == "headline"
    assert article.headline[d.start : d.end] == d.text


def test_body_offsets_in_second_paragraph() -> None:
    article = parse("প্রথম অনুচ্ছেদে কোনো তারিখ নেই।\n\nগতকাল রাজধানীতে ভারী বৃষ্টি হয়েছে।", REF)
    check(article, [("গতকাল", D, "2024-08-11")])
    d = article.dates[0]
    assert article.body[d.start : d.end] == "গতকাল"
    assert d.start == article.body.index("গতকাল")


@pytest.mark.parametrize(
    ("body", "earliest", "latest"),
    [
        pytest.param("২০২৩ সালের সেপ্টেম্বরে রপ্তানি কমেছে।", "2023-09-01", "2023-09-30", id="month"),
        pytest.param("২০২৪ সালের ফেব্রুয়ারিতে বইমেলা হয়েছে।", "2024-02-01", "2024-02-29", id="leap-february"),
        pytest.param("গত সপ্তাহে দুই দেশের বৈঠক হয়েছে।", "2024-08-05", "2024-08-11", id="week"),
        pytest.param("২০২৩-২৪ অর্থবছরে প্রবৃদ্ধি কমেছে।", "2023-07-01", "2024-06-30", id="fiscal-year"),
        pytest.param("১৯৭১ সালে দেশ স্বাধীন হয়েছে।", "1971-01-01", "1971-12-31", id="year"),
        pytest.param("নব্বইয়ের দশকে দেশে গণতন্ত্র ফিরে আসে।", "1990-01-01", "1999-12-31", id="decade"),
        pytest.param("১২ অক্টোবর ২০২৩ চুক্তি সই হয়েছে।", "2023-10-12", "2023-10-12", id="day"),
    ],
)
def test_earliest_latest(body: str, earliest: str, latest: str) -> None:
    (d,) = parse(body, REF).dates
    assert (d.earliest, d.latest) == (earliest, latest)


def test_duration_and_set_are_never_dates() -> None:
    article = parse("তিন বছর ধরে প্রতি শুক্রবার এখানে হাট বসে।", REF)
    assert [d.type for d in article.dates] == [DUR, S]


def test_offsets_after_normalisation() -> None:
    # A zero-width non-joiner and a doubled space are cleaned before offsets are taken.
    article = parse("রাজধানীতে  গতকাল\u200c ভারী বৃষ্টি হয়েছে।", REF)
    check(article, [("গতকাল", D, "2024-08-11")])
    d = article.dates[0]
    assert article.body[d.start : d.end] == d.text


def test_several_paragraphs_in_text_order() -> None:
    body = "গতকাল রাজধানীতে বৈঠক হয়েছে।\n১৯৭১ সালের ১৬ ডিসেম্বর দেশ স্বাধীন হয়।\nআগামী বছর নির্বাচন হবে।"
    article = parse(body, REF)
    check(
        article,
        [("গতকাল", D, "2024-08-11"), ("১৯৭১ সালের ১৬ ডিসেম্বর", D, "1971-12-16"), ("আগামী বছর", D, "2025")],
    )
    assert [d.start for d in article.dates] == sorted(d.start for d in article.dates)
    for d in article.dates:
        assert article.body[d.start : d.end] == d.text


# Forms added with the resolver's later rules: each sentence written for this file.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "N units ago" counts back from the document's date: a DATE.
        ("তিন দিন আগে সেতুটি খুলে দেওয়া হয়েছে।", [("তিন দিন আগে", "DATE", "2024-08-09")]),
        ("দুই বছর আগে কারখানাটি বন্ধ হয়েছিল।", [("দুই বছর আগে", "DATE", "2022")]),
        # ... but after an event in the genitive it is an offset from that event.
        ("নির্বাচনের এক মাস আগে দলটি ভেঙে যায়।", [("এক মাস আগে", "DURATION", "P1M")]),
        # A day given as a date of a named or relative month.
        ("অক্টোবরের ১২ তারিখে মেলা শুরু হবে।", [("অক্টোবরের ১২ তারিখে", "DATE", "2024-10-12")]),
        ("চলতি মাসের ২০ তারিখে সভা বসবে।", [("চলতি মাসের ২০ তারিখে", "DATE", "2024-08-20")]),
        ("আগামী মাসের প্রথম সপ্তাহে ফল প্রকাশ হবে।", [("আগামী মাসের প্রথম সপ্তাহে", "DATE", "2024-09-01/2024-09-07")]),
        # The tense of each comma-bounded clause decides its own bare weekday.
        (
            "শনিবার সমাবেশ করেছে দলটি, বুধবার আবার সমাবেশ হবে।",
            [("শনিবার", "DATE", "2024-08-10"), ("বুধবার", "DATE", "2024-08-14")],
        ),
        # দিবাগত রাত: the night after the day, its small hours on the next date.
        ("বুধবার দিবাগত রাত ২টার দিকে আগুন লাগে।", [("বুধবার দিবাগত রাত ২টার দিকে", "TIME", "2024-08-08T02:00")]),
        # A date after a unit word joins it only through the genitive.
        (
            "এ বছর ৮ ফাল্গুন ছুটি ছিল।",
            [("এ বছর", "DATE", "2024"), ("৮ ফাল্গুন", "DATE", "2024-02-21")],
        ),
        # A range's end lies after its start, across a year's end too.
        (
            "২৮ ডিসেম্বর থেকে ৩ জানুয়ারি পর্যন্ত মেলা চলবে।",
            [("২৮ ডিসেম্বর থেকে ৩ জানুয়ারি", "DATE", "2024-12-28/2025-01-03")],
        ),
        # A near date after a verb about something else keeps its year (scheduled for).
        ("ফাইনালের সময় নির্ধারণ করা হয়েছে ২০ আগস্ট।", [("২০ আগস্ট", "DATE", "2024-08-20")]),
        # With no tense known (a modal, a progressive, no verb), a yearless date is the nearest.
        ("অক্টোবরে নতুন ভবনের কাজ শুরু হতে পারে।", [("অক্টোবরে", "DATE", "2024-10")]),
        ("ফলাফল প্রকাশ ২ সেপ্টেম্বর", [("২ সেপ্টেম্বর", "DATE", "2024-09-02")]),
        ("জানুয়ারিতে নতুন শিক্ষাবর্ষ শুরুর প্রস্তুতি চলছে।", [("জানুয়ারিতে", "DATE", "2025-01")]),
        # A Hijri date outside a Gregorian date's sentence is the day later words refer to.
        (
            "১০ মহররম আশুরা পালিত হয়েছে। সেদিন সরকারি ছুটি ছিল।",
            [("১০ মহররম", "DATE", "2024-07-16"), ("সেদিন", "DATE", "2024-07-16")],
        ),
        # After a bracketed restatement only the day's time follows; a new period stands apart.
        (
            "গত বৃহস্পতিবার (৬ জুন) ২০২৪-২৫ অর্থবছরের বাজেট পেশ করা হয়।",
            [
                ("গত বৃহস্পতিবার (৬ জুন)", "DATE", "2024-06-06"),
                ("২০২৪-২৫ অর্থবছরের", "DATE", "2024-07-01/2025-06-30"),
            ],
        ),
        # Not dates: a session, "the same", a girl, ages before or after the count.
        ("২০২৪-২৫ শিক্ষাবর্ষের ক্লাস শুরু হয়েছে।", []),
        ("একই দিনে দুটি পরীক্ষা পড়েছে। তাঁর মেয়ে ঢাকায় থাকেন।", []),
        ("মৃত্যুকালে তাঁর বয়স হয়েছিল ৮৮ বছর। ৩০০ বছরের পুরোনো মসজিদটি সংস্কার হবে।", []),
        # আগের/পরের count from the year the text last named; গত from the article's date.
        (
            "২০১৬ সালে কারখানাটি চালু হয়। পরের বছর উৎপাদন দ্বিগুণ হয়।",
            [("২০১৬ সালে", "DATE", "2016"), ("পরের বছর", "DATE", "2017")],
        ),
        ("গত বছর আয় বেড়েছে, আগের বছর কমেছিল।", [("গত বছর", "DATE", "2023"), ("আগের বছর", "DATE", "2022")]),
        # বিদায়ী ("outgoing") is the current period, as market reports use it.
        ("বিদায়ী সপ্তাহে শেয়ারবাজারে লেনদেন কমেছে।", [("বিদায়ী সপ্তাহে", "DATE", "2024-W33")]),
        # "The same period" of another year is the part of a year named before it.
        (
            "জানুয়ারি-মার্চ সময়ে রপ্তানি বেড়েছে। গত বছরের একই সময়ে তা কম ছিল।",
            [("জানুয়ারি-মার্চ", "DATE", "2024-01/2024-03"), ("গত বছরের একই সময়ে", "DATE", "2023-01/2023-03")],
        ),
    ],
)
def test_later_forms(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert_dates(body, expected)


def assert_dates(body: str, expected: list[tuple[str, str, str]]) -> None:
    """The body's dates (reference REF) are exactly `expected`: span, type, and a value
    equal to the expected one or covering the same days."""
    got = [(d.text, d.type, d.value) for d in parse(body, REF).dates]
    assert len(got) == len(expected), got
    for (text, kind, value), (g_text, g_kind, g_value) in zip(expected, got, strict=True):
        assert (g_text, g_kind) == (text, kind)
        assert same_value(kind, g_value, value), (g_value, value)


def test_dateline_date_takes_the_reference_year() -> None:
    article = newsingest.parse_text(
        "বন্দরে নতুন জেটি\nচট্টগ্রাম, ২ নভেম্বর (বাসস) – বন্দরে আজ নতুন জেটি চালু হয়েছে।",
        reference_date=dt.date(2025, 11, 2),
    )
    assert article.dateline is not None and article.dateline.date == "2025-11-02"


def test_dateline_with_its_year_dates_the_report() -> None:
    article = newsingest.parse_text("বৈঠক\nঢাকা, ১২ অক্টোবর ২০২৩ (বাসস) – গতকাল মন্ত্রিসভার বৈঠক হয়েছে।")
    assert article.reference_date is not None
    assert (article.reference_date.value, article.reference_date.source) == ("2023-10-12", "inferred")
    assert [(d.text, d.value) for d in article.dates] == [("গতকাল", "2023-10-11")]


# Every value is one TIMEX3 shape: a point (with X for what cannot be known), or START/END.
_POINT = (
    r"(?:\d{2,4}|X{2,4})(?:-(?:\d{2}|XX|W\d{2}|WXX)(?:-(?:\d{2}|XX|\d))?)?"
    r"(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI|DT))?"
)
_VALUE = re.compile(rf"{_POINT}(?:/{_POINT})?|P(?:\d+|X)[DWMY]|PT(?:\d+|X)[HMS]")
_SALAD = (
    "১২ ২০২৩ ২০২১-২২ ১০-১২ অক্টোবর মার্চে সালের গত আগামী চলতি পরের আগের মাসে বছর সপ্তাহে অর্থবছর আজ "
    "গতকাল কাল পরশু সোমবার বৃহস্পতিবার ( ) , থেকে পর্যন্ত ও রাত সকাল সাড়ে ৮টায় ১০:৩০ পৌষ বৈশাখ "
    "১৪৩১ বঙ্গাব্দ ৬ সফর ১৪৪৬ হিজরি তিন দিন ধরে আগে পরে প্রতি দশকে শতাব্দীর শেষ প্রথম একই সময়ে । হবে হয়েছে "
    "October 12, 2023 12/10/2023 2023-10-12 সোম মঙ্গল দিবাগত বয়সী ১৪২২ ঘণ্টা ৭১ সালে ৯-৩০ মি ১লা পহেলা"
)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(st.sampled_from(_SALAD.split(" ")), min_size=1, max_size=25).map(" ".join),
    st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))),
)
def test_values_are_timex3_and_spans_ordered(body: str, reference: dt.date | None) -> None:
    article = newsingest.parse_text("শিরোনাম\n" + body, reference_date=reference)
    for date in article.dates:
        assert _VALUE.fullmatch(date.value), (date.text, date.value)
        if date.earliest and date.latest:
            assert date.earliest <= date.latest, (date.text, date.value)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("৭১ সালে মুক্তিযুদ্ধ শুরু হয়।", [("৭১ সালে", "DATE", "1971")]),
        ("২০ সালের মার্চে মহামারি শুরু হয়।", [("২০ সালের মার্চে", "DATE", "2020-03")]),
        ("গত রাতে রাজধানীতে বৃষ্টি হয়েছে।", [("গত রাতে", "TIME", "2024-08-11TNI")]),
    ],
)
def test_short_years_and_last_night(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert_dates(body, expected)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A bare year listed before a year with its era is a date of its own.
        ("১৯৯৮ ও ২০০৪ সালে বন্যা হয়।", [("১৯৯৮", "DATE", "1998"), ("২০০৪ সালে", "DATE", "2004")]),
        ("৬০০ খ্রিস্টাব্দে মসজিদটি নির্মিত হয়।", [("৬০০ খ্রিস্টাব্দে", "DATE", "0600")]),
        # বাংলা after সালে is the language, not an era.
        ("২০০১ সালে বাংলা একাডেমি পুরস্কার পান তিনি।", [("২০০১ সালে", "DATE", "2001")]),
        # A fiscal year after a day is a new expression.
        (
            "গতকাল রোববার ২০২৪-২৫ অর্থবছরের বাজেট পাস হয়েছে।",
            [("গতকাল রোববার", "DATE", "2024-08-11"), ("২০২৪-২৫ অর্থবছরের", "DATE", "2024-07-01/2025-06-30")],
        ),
        # Words that merely begin like a month, and ages in plural forms.
        ("ঘাটতি মেটাতে নতুন ঋণ নেওয়া হয়েছে।", []),
        ("১০ থেকে ১৫ বছর বয়সীদের টিকা দেওয়া হবে।", []),
        # A headline has no verb: a bare weekday is the nearest one (Monday 12 August 2024).
        ("হরতাল বুধবার", [("বুধবার", "DATE", "2024-08-14")]),
        ("ঢাকায় বৃষ্টি শনিবার", [("শনিবার", "DATE", "2024-08-10")]),
        # Progressive and "being" verbs lean to the near future: কাল is tomorrow beside them.
        ("কাল চট্টগ্রাম যাচ্ছি।", [("কাল", "DATE", "2024-08-13")]),
        ("পরশু দলের বৈঠক আছে।", [("পরশু", "DATE", "2024-08-14")]),
        ("কাল রাতে আগুন লাগে।", [("কাল রাতে", "TIME", "2024-08-11TNI")]),
        # West Bengal clock words and evening.
        ("সন্ধে সাড়ে ৭টায় অনুষ্ঠান শুরু হবে।", [("সন্ধে সাড়ে ৭টায়", "TIME", "2024-08-12T19:30")]),
        (
            "দুপুর ২টোয় খেলা, বিকেল ৪টেয় পুরস্কার।",
            [("দুপুর ২টোয়", "TIME", "2024-08-12T14:00"), ("বিকেল ৪টেয়", "TIME", "2024-08-12T16:00")],
        ),
        # A day of the month by তারিখ, a weekday in apposition, a Bengali year's first day.
        ("গত ৫ তারিখ কমিটি গঠন করা হয়েছে।", [("গত ৫ তারিখ", "DATE", "2024-08-05")]),
        ("আগামী ২০ তারিখে ফল প্রকাশ হবে।", [("আগামী ২০ তারিখে", "DATE", "2024-08-20")]),
        ("২৭ আগস্ট, মঙ্গলবার উপনির্বাচন হবে।", [("২৭ আগস্ট, মঙ্গলবার", "DATE", "2024-08-27")]),
        ("১৪৩২ বঙ্গাব্দের প্রথম দিনে মেলা বসে।", [("১৪৩২ বঙ্গাব্দের প্রথম দিনে", "DATE", "2025-04-14")]),
        # After a prayer is a part of day: funeral notices time things so.
        ("আজ বাদ জোহর তাঁর জানাজা হবে।", [("আজ বাদ জোহর", "TIME", "2024-08-12TAF")]),
        # A word with an elided vowel: ন'টা is nine o'clock.
        ("রাত ন'টায় অনুষ্ঠান শুরু হবে।", [("রাত ন'টায়", "TIME", "2024-08-12T21:00")]),
        # Quarters of calendar and fiscal years, and the Nth week of a month.
        ("চলতি বছরের প্রথম প্রান্তিকে মুনাফা বেড়েছে।", [("চলতি বছরের প্রথম প্রান্তিকে", "DATE", "2024-01/2024-03")]),
        (
            "চলতি অর্থবছরের দ্বিতীয় প্রান্তিকে রাজস্ব কমবে।",
            [("চলতি অর্থবছরের দ্বিতীয় প্রান্তিকে", "DATE", "2024-10/2024-12")],
        ),
        ("সেপ্টেম্বরের তৃতীয় সপ্তাহে মেলা হবে।", [("সেপ্টেম্বরের তৃতীয় সপ্তাহে", "DATE", "2024-09-15/2024-09-21")]),
        # A yearless range that holds the reference date is read that way.
        (
            "১ জুলাই থেকে ৩০ সেপ্টেম্বর পর্যন্ত অভিযান চলবে।",
            [("১ জুলাই থেকে ৩০ সেপ্টেম্বর", "DATE", "2024-07-01/2024-09-30")],
        ),
    ],
)
def test_held_out_lessons(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert_dates(body, expected)
