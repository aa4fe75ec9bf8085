"""Plain-text articles as scrapers leave them: bylines, datelines, stamps, artefacts, mojibake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsingest.cli import cli
from newsingest.formats import Options
from newsingest.formats.clean import clean, is_boilerplate
from newsingest.formats.dateline import split_header
from newsingest.formats.mojibake import repair_mojibake
from newsingest.formats.published import parse_published
from newsingest.pipeline import parse_text

WIRE = (
    "নদীতে নতুন সেতু\n"
    "নিজস্ব প্রতিবেদক\n"
    "প্রকাশ: ১৩ অক্টোবর ২০২৩, ১০:৩০ | আপডেট: ১৩ অক্টোবর ২০২৩, ১২:০৫\n"
    "ঢাকা, ১২ অক্টোবর (বাসস) – গতকাল বুধবার নদীর ওপর নতুন সেতু খুলে দেওয়া হয়েছে।\n"
    "আগামীকাল থেকে সেতুতে বাস চলবে।\n"
)


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-26T14:23:00+06:00", "2024-02-26T14:23:00+06:00"),
        ("2024-02-26", "2024-02-26"),
        ("Mon, 26 Feb 2024 14:23:00 +0600", "2024-02-26T14:23:00+06:00"),
        ("Mon, 26 Feb 2024 08:23:00 GMT", "2024-02-26T08:23:00+00:00"),
        ("১৪২৩ ঘণ্টা, ফেব্রুয়ারি ২৬, ২০২৪", "2024-02-26T14:23:00+06:00"),
        ("২৭ এপ্রিল, ২০২৪ ২২:০১", "2024-04-27T22:01:00+06:00"),
        ("প্রকাশ: ১৩ অক্টোবর ২০২৩, ১০:৩০", "2023-10-13T10:30:00+06:00"),
        ("আপডেট: ১৩ অক্টোবর ২০২৩, ১০:৩০ পিএম", "2023-10-13T22:30:00+06:00"),
        ("বৃহস্পতিবার, ১২ অক্টোবর ২০২৩", "2023-10-12"),
        ("১৩ অক্টোবর ২০২৩", "2023-10-13"),
        ("১৩ অক্টোবর ২০২৩, ১০:৩০:৪৫", "2023-10-13T10:30:45+06:00"),
        ("১৩ অক্টোবর ২০২৩ ১২:১০ এএম", "2023-10-13T00:10:00+06:00"),
        ("১৩ অক্টোবর ২০২৩, ২৫:৯৯", "2023-10-13"),
        ("২৭ আশ্বিন ১৪৩০", "2023-10-12"),
        ("1708935780", "2024-02-26T08:23:00+00:00"),
        ("1708935780000", "2024-02-26T08:23:00+00:00"),
        ("১২ অক্টোবর", None),
        ("গতকাল", None),
        ("", None),
    ],
)
def test_parse_published(text: str, expected: str | None) -> None:
    assert parse_published(text) == expected


@pytest.mark.filterwarnings("error")
def test_a_zone_name_dateutil_does_not_know_keeps_the_time_as_written_without_a_warning() -> None:
    """dateutil warns on stderr and drops the zone; the run's stderr is for errors only."""
    assert parse_published("5 January 2024 10:00 BDT") == "2024-01-05T10:00:00"


def test_wire_report_header_is_taken_out_of_the_body() -> None:
    article = parse_text(WIRE)
    assert article.headline == "নদীতে নতুন সেতু"
    assert article.body == "গতকাল বুধবার নদীর ওপর নতুন সেতু খুলে দেওয়া হয়েছে।\n\nআগামীকাল থেকে সেতুতে বাস চলবে।"
    assert article.byline == "নিজস্ব প্রতিবেদক"
    assert article.published == "2023-10-13T10:30:00+06:00"
    assert article.updated == "2023-10-13T12:05:00+06:00"
    assert article.dateline is not None
    assert article.dateline.model_dump() == {
        "text": "ঢাকা, ১২ অক্টোবর (বাসস)",
        "place": "ঢাকা",
        "date": "2023-10-12",
        "agency": "বাসস",
    }
    assert article.reference_date.model_dump() == {"value": "2023-10-13", "source": "published"}
    values = {d.text: d.value for d in article.dates}
    assert values["গতকাল বুধবার"] == "2023-10-12"
    assert values["আগামীকাল"] == "2023-10-14"


@pytest.mark.parametrize(
    ("lines", "byline"),
    [
        (["আন্তর্জাতিক ডেস্ক", "যুক্তরাষ্ট্রে ভোট হয়েছে।"], "আন্তর্জাতিক ডেস্ক"),
        (["রংপুর প্রতিনিধি", "রংপুরে শীত বেড়েছে।"], "রংপুর প্রতিনিধি"),
        (["করিম হোসেন, নিজস্ব প্রতিবেদক", "শহরে যানজট।"], "করিম হোসেন, নিজস্ব প্রতিবেদক"),
        (["লিখেছেন সালমা আক্তার", "শহরে যানজট।"], "সালমা আক্তার"),
        (["নিজস্ব\xa0প্রতিবেদক", "শহরে যানজট।"], "নিজস্ব\xa0প্রতিবেদক"),
        (["লিখেছেন\xa0সালমা আক্তার", "শহরে যানজট।"], "সালমা আক্তার"),
        # A reporter's bare name counts when another header line follows it.
        (["সালমা আক্তার", "ঢাকা, ১২ অক্টোবর – শহরে যানজট।"], "সালমা আক্তার"),
        # ... and not on its own: it may be a subheading.
        (["সালমা আক্তার", "শহরে যানজট।"], None),
        (["শহরে যানজট, মানুষ ভোগান্তিতে।"], None),
    ],
)
def test_bylines(lines: list[str], byline: str | None) -> None:
    header = split_header(lines)
    assert header.byline == byline
    if byline is None:
        assert header.paragraphs == lines


def test_dateline_without_agency_takes_year_from_published() -> None:
    header = split_header(["চট্টগ্রাম, ৫ মার্চ – বন্দরে জাহাজ ভিড়েছে।"], "2024-03-06T09:00:00+06:00")
    assert header.dateline.place == "চট্টগ্রাম"
    assert header.dateline.date == "2024-03-05"
    assert header.dateline.agency is None
    assert header.paragraphs == ["বন্দরে জাহাজ ভিড়েছে।"]


@pytest.mark.parametrize(
    ("line", "place", "date", "agency", "rest"),
    [
        ("ঢাকা, ১২ অক্টোবর (ইউএনবি): সরকার জানায়।", "ঢাকা", "XXXX-10-12", "ইউএনবি", "সরকার জানায়।"),
        ("নিউ ইয়র্ক, ১২ অক্টোবর (রয়টার্স) - সরকার।", "নিউ ইয়র্ক", "XXXX-10-12", "রয়টার্স", "সরকার।"),
        ("কক্সবাজার, ৩ ফেব্রুয়ারি ২০২৪ (বাসস) — সরকার।", "কক্সবাজার", "2024-02-03", "বাসস", "সরকার।"),
        ("ঢাকা, ১২/১০/২০২৩ – সরকার।", "ঢাকা", "2023-10-12", None, "সরকার।"),
    ],
)
def test_dateline_variants(line: str, place: str, date: str, agency: str | None, rest: str) -> None:
    header = split_header([line])
    assert header.dateline is not None
    assert (header.dateline.place, header.dateline.date, header.dateline.agency) == (place, date, agency)
    assert header.paragraphs == [rest]


@pytest.mark.parametrize(
    "line",
    [
        "সরকার জানায়, ১২ অক্টোবর থেকে নতুন নিয়ম চালু হবে।",
        "তিনি বলেন, আগামী ১২ অক্টোবর – নির্বাচন হবে।",
        "আজ, ১২ অক্টোবর – সরকার বলেছে।",
    ],
)
def test_sentences_are_not_datelines(line: str) -> None:
    assert split_header([line]).dateline is None
    assert split_header([line]).paragraphs == [line]


def test_unknown_agency_is_not_a_dateline() -> None:
    # Unknown words in brackets are not an agency.
    assert split_header(["ঢাকা, ১২ অক্টোবর (শুক্রবার সকালে) – কিছু।"]).dateline is None


def test_clean_removes_repeats_and_boilerplate() -> None:
    paragraphs = [
        "নদীতে নতুন সেতু",  # the headline again
        "শেয়ার করুন | ফেসবুক | টুইটার",
        "সেতু খুলেছে। সেতু খুলেছে। বাস চলবে।",
        "সেতু খুলেছে। বাস চলবে।",
        "দ্বিতীয় অনুচ্ছেদ। তৃতীয় বাক্য। দ্বিতীয় অনুচ্ছেদ। তৃতীয় বাক্য।",
        "আমাদের গুগল নিউজ চ্যানেল ফলো করুন",
        "ফেসবুকে দেওয়া পোস্টে তিনি লেখেন, সেতুটি মানুষের স্বপ্ন।",
    ]
    cleaned = clean("নদীতে নতুন সেতু", paragraphs)
    assert cleaned.paragraphs == [
        "সেতু খুলেছে। বাস চলবে।",
        "দ্বিতীয় অনুচ্ছেদ। তৃতীয় বাক্য।",
        "ফেসবুকে দেওয়া পোস্টে তিনি লেখেন, সেতুটি মানুষের স্বপ্ন।",
    ]
    assert (cleaned.repeated, cleaned.boilerplate) == (5, 2)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Share: Facebook | Twitter | WhatsApp", True),
        ("শেয়ার", True),
        ("আরও পড়ুন: সেতু নিয়ে নতুন তথ্য", True),
        ("বিজ্ঞাপন", True),
        ("ফলো\xa0করুন", True),  # a no-break space, which normalising keeps
        ("© ২০২৪ সর্বস্বত্ব সংরক্ষিত", True),
        ("ফেসবুক ব্যবহারকারীর সংখ্যা বেড়েছে।", False),
        ("প্রিন্ট সংস্করণে আজ খবরটি ছাপা হয়েছে।", False),
    ],
)
def test_is_boilerplate(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


def test_no_clean_keeps_everything(tmp_path: Path) -> None:
    text = "শিরোনাম\nসেতু খুলেছে।\nসেতু খুলেছে।\nশেয়ার করুন\n"
    assert parse_text(text).cleaning.model_dump() == {"repeated": 1, "boilerplate": 1}
    kept = parse_text(text, options=Options(clean=False))
    assert kept.cleaning is None
    assert kept.stats.paragraphs == 3
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    result = run("parse", str(path), "--no-clean")
    assert json.loads(result.stdout)["body"].count("সেতু খুলেছে।") == 2


@pytest.mark.parametrize("codec", ["latin-1", "sloppy-windows-1252"])
def test_mojibake_is_repaired_and_reported(tmp_path: Path, codec: str) -> None:
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    garbled = WIRE.encode("utf-8").decode(codec)
    assert "à¦" in garbled
    fixed, changed = repair_mojibake(garbled)
    assert changed and fixed == WIRE
    path = tmp_path / "garbled.txt"
    path.write_text(garbled, encoding="utf-8")
    result = run("parse", str(path))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["headline"] == "নদীতে নতুন সেতু"
    assert "mojibake" in record["normalisation"]
    assert record["byline"] == "নিজস্ব প্রতিবেদক"


def test_clean_text_is_not_touched_by_the_mojibake_repair() -> None:
    text = "Café à la carte — এবং বাংলা লেখা।"
    assert repair_mojibake(text) == (text, False)
    assert "mojibake" not in parse_text("শিরোনাম\n" + text).normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-10-11", "2023-10-11"),
        ("2023-10-11T09:05:00Z", "2023-10-11T09:05:00+00:00"),
        ("2023-10-11 09:05", "2023-10-11T09:05:00"),
        ("২০২৩-১০-১১", "2023-10-11"),
        ("2023/10/11", "2023-10-11"),
        ("11/10/2023", "2023-10-11"),
        ("11.10.2023 09:05", "2023-10-11T09:05:00"),
        ("October 11, 2023", "2023-10-11"),
    ],
)
def test_year_first_dates_are_never_read_day_first(text: str, expected: str) -> None:
    assert parse_published(text) == expected
