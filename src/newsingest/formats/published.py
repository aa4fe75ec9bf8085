"""Publication dates as records and pages write them, to one ISO 8601 string.

ISO 8601 goes to datetime.fromisoformat, RFC 2822 to email.utils, other English forms to
python-dateutil. Bengali ones (`১৪২৩ ঘণ্টা, ফেব্রুয়ারি ২৬, ২০২৪`, `২৭ এপ্রিল, ২০২৪ ২২:০১`,
`প্রকাশ: ১৩ অক্টোবর ২০২৩, ১০:৩০`) are read by our own date extraction
(newsingest.dates.find_dates), with a clock after the date and এএম/পিএম picked up here; what
it cannot read is mapped to ASCII digits and English month names by the tables below and
given to dateutil. A Bengali date-time without an offset is Bangladesh time (Asia/Dhaka,
+06:00, no daylight saving): that is where Bengali news sites stamp their pages.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

from ..dates.lexicon import MONTHS
from .vocabulary import PUBLISHED_LABELS, UPDATED_LABELS

DHAKA = dt.timezone(dt.timedelta(hours=6), "Asia/Dhaka")

_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
_ENGLISH_MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August")
_ENGLISH_MONTHS += ("September", "October", "November", "December")
# Bengali words around a date-time and what dateutil should read instead ("" = drop).
_WORDS: dict[str, str] = {
    **{name: _ENGLISH_MONTHS[number - 1] for name, number in MONTHS.items() if not name.isascii()},
    "এএম": "AM",
    "পিএম": "PM",
    "পূর্বাহ্ণ": "AM",
    "অপরাহ্ণ": "PM",
    "সকাল": "",
    "ভোর": "",
    "দুপুর": "",
    "বিকেল": "",
    "সন্ধ্যা": "",
    "রাত": "",
    "সময়": "",
    "সময়ঃ": "",
    "তারিখ": "",
    "ইং": "",
    "খ্রিস্টাব্দ": "",
    "শনিবার": "",
    "রবিবার": "",
    "রোববার": "",
    "সোমবার": "",
    "মঙ্গলবার": "",
    "বুধবার": "",
    "বৃহস্পতিবার": "",
    "বৃহষ্পতিবার": "",
    "শুক্রবার": "",
}
_WORD_RE = re.compile("|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)))
_LABEL_RE = re.compile(
    r"^\s*(?:" + "|".join(map(re.escape, sorted((*PUBLISHED_LABELS, *UPDATED_LABELS), key=len, reverse=True)))
    + r")\s*[:ঃ]?\s*",
    re.IGNORECASE,
)
# `১৪২৩ ঘণ্টা` (banglanews24's clock: HHMM hours).
_HHMM_HOURS = re.compile(r"\b(\d{1,2})(\d{2})\s*ঘণ্টা")
_BENGALI = re.compile("[\u0980-\u09ff]")
# ISO 8601 as Python reads it: a date, then maybe a time (group 1) and an offset.
_ISO = re.compile(r"\d{4}-\d\d-\d\d(?:([T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(?:Z|[+-]\d\d:?\d\d)?)?$")
# A clock after a date: `, ১০:৩০`, `১০:৩০ পিএম` (digits already ASCII).
_CLOCK = re.compile(r"[\s,|]*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(am|pm|এএম|পিএম|পূর্বাহ্ণ|অপরাহ্ণ)?", re.I)
_MERIDIEM = re.compile(r"\s*(am|pm|এএম|পিএম|পূর্বাহ্ণ|অপরাহ্ণ)", re.I)
# Unix time in seconds (10 digits) or milliseconds (13), as some scrapers store it.
_EPOCH = re.compile(r"\d{10}(?:\d{3})?(?:\.\d+)?")
_LEFTOVER_BENGALI = re.compile("[\u0980-\u09ff]+")


def parse_published(value: str) -> str | None:
    """An ISO 8601 date (YYYY-MM-DD) or date-time for `value`, or None when it holds no full date.

    >>> parse_published("Mon, 26 Feb 2024 14:23:00 +0600")
    '2024-02-26T14:23:00+06:00'
    >>> parse_published("২৭ এপ্রিল, ২০২৪ ২২:০১")
    '2024-04-27T22:01:00+06:00'
    """
    text = value.strip()
    if not text or len(text) > 200:
        return None
    text = _LABEL_RE.sub("", text)
    if _EPOCH.fullmatch(text):
        seconds = float(text) / (1000 if len(text.split(".")[0]) == 13 else 1)
        return dt.datetime.fromtimestamp(seconds, dt.UTC).replace(microsecond=0).isoformat()
    bengali = bool(_BENGALI.search(text))
    if bengali:
        found = _with_find_dates(text)
        if found is not None:
            return found
        parsed = _dateutil(_to_ascii(text))
    else:
        parsed = _rfc2822(text) or _dateutil(text)
    if parsed is None:
        return None
    when, has_time = parsed
    if not has_time:
        return when.date().isoformat()
    if when.tzinfo is None and bengali:
        when = when.replace(tzinfo=DHAKA)
    return when.isoformat()


def published_date(iso: str | None) -> dt.date | None:
    """The calendar date of a `parse_published` value (its own local date), or None."""
    if not iso:
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _to_ascii(text: str) -> str:
    text = text.translate(_DIGITS)
    text = _HHMM_HOURS.sub(r"\1:\2", text)
    text = _WORD_RE.sub(lambda m: f" {_WORDS[m.group(0)]} ", text)
    text = _LEFTOVER_BENGALI.sub(" ", text)
    return re.sub(r"\s+", " ", text.replace("|", " ")).strip(" ,")


def _rfc2822(text: str) -> tuple[dt.datetime, bool] | None:
    if not re.match(r"^[A-Za-z]{3},", text):
        return None
    import email.utils  # (5 ms to import, with socket: only a feed's date needs it)

    try:
        return email.utils.parsedate_to_datetime(text), True
    except (TypeError, ValueError):
        return None


# Two defaults that differ in every field: whatever the string did not give shows as a difference.
_DEFAULT_A = dt.datetime(1904, 1, 1, 0, 0, 0)
_DEFAULT_B = dt.datetime(1908, 2, 2, 1, 1, 1)


def _dateutil(text: str) -> tuple[dt.datetime, bool] | None:
    if not re.search(r"\d", text):
        return None
    iso = _ISO.match(text)
    if iso:
        try:
            when = dt.datetime.fromisoformat(text.replace(" ", "T", 1) if iso.group(1) else text)
        except ValueError:
            pass
        else:
            return when, bool(iso.group(1))
    from dateutil import parser as dateutil_parser

    # Day before month (১২/১০/২০২৩ is 12 October) as Bangladesh writes it, except after a
    # leading year (2023/10/12), where dayfirst would read year-day-month.
    yearfirst = bool(re.match(r"\s*\d{4}", text))
    dayfirst = not yearfirst
    try:
        # A zone name dateutil does not know (`10:00 BDT`) is dropped with a warning, which
        # would print on stderr once per run: the time is kept as written, without a zone.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            first = dateutil_parser.parse(text, default=_DEFAULT_A, yearfirst=yearfirst, dayfirst=dayfirst)
            second = dateutil_parser.parse(text, default=_DEFAULT_B, yearfirst=yearfirst, dayfirst=dayfirst)
    except (ValueError, OverflowError, TypeError):
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # the year, month or day was not given: not a publication date
    has_time = (first.hour, first.minute) == (second.hour, second.minute)
    if not has_time:
        return first.replace(hour=0, minute=0, second=0, microsecond=0), False
    if first.second != second.second:
        first = first.replace(second=0)
    return first, True


def _with_find_dates(text: str) -> str | None:
    """A Bengali stamp read by our own date extraction (newsingest.dates.find_dates).

    The first fully known day it finds is the date; its time is the TIME the extraction
    attaches to that day, or else a clock (`১০:৩০`, with এএম/পিএম) written after the date,
    which the extraction leaves alone after a comma. Bangladesh time (+06:00) when timed.
    """
    from ..dates import find_dates

    found = find_dates({"body": text}, None)
    for mention in found.mentions:
        value = mention.value
        if mention.type == "TIME" and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", value):
            when = dt.datetime.fromisoformat(value).replace(tzinfo=DHAKA)
            after = _MERIDIEM.match(text, mention.end)
            hour = _hour(when.hour, after.group(1) if after else "")
            return when.replace(hour=hour).isoformat()
        if mention.type == "DATE" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            clock = _CLOCK.match(text.translate(_DIGITS), mention.end)
            if clock is None:
                return value
            hour, minute = int(clock.group(1)), int(clock.group(2))
            second = int(clock.group(3) or 0)
            hour = _hour(hour, clock.group(4) or "")
            if hour > 23 or minute > 59 or second > 59:
                return value
            day = dt.date.fromisoformat(value)
            when = dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=DHAKA)
            return when.isoformat()
    return None


def _hour(hour: int, meridiem: str) -> int:
    """A 12-hour clock's hour on the 24-hour clock, by its AM/PM word (if any)."""
    meridiem = meridiem.casefold()
    if meridiem in ("pm", "পিএম", "অপরাহ্ণ") and hour < 12:
        return hour + 12
    if meridiem in ("am", "এএম", "পূর্বাহ্ণ") and hour == 12:
        return 0
    return hour
