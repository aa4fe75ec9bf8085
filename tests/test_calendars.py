"""Tests for newsingest.dates.calendars.

Expected Bengali dates come from an oracle built differently from the module: both Bangladeshi rule
sets pin every month to a fixed Gregorian start date (the leap day is absorbed inside Falgun, so Chaitra
always starts 15 March), and those published start dates, not month lengths, drive the oracle.
"""

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from newsingest.dates import calendars
from newsingest.dates.calendars import (
    bengali_month_days,
    bengali_month_span,
    bengali_to_gregorian,
    gregorian_to_bengali,
    gregorian_to_hijri,
    hijri_month_span,
    hijri_to_gregorian,
)

# Gregorian (month, day) on which each Bengali month starts, Boishakh to Chaitra.
REVISED_2019_STARTS = (
    (4, 14), (5, 15), (6, 15), (7, 16), (8, 16), (9, 16),  # Boishakh to Ashwin
    (10, 17), (11, 16), (12, 16), (1, 15), (2, 14), (3, 15),  # Kartik to Chaitra
)  # fmt: skip
RULES_1987_STARTS = (
    (4, 14), (5, 15), (6, 15), (7, 16), (8, 16), (9, 16),  # Boishakh to Ashwin
    (10, 16), (11, 15), (12, 15), (1, 14), (2, 13), (3, 15),  # Kartik to Chaitra
)  # fmt: skip


def oracle_month_starts(year: int) -> list[date]:
    """The 12 month starts of ``year`` BS plus the next 1 Boishakh; Magh to Chaitra fall in the next year."""
    starts = REVISED_2019_STARTS if year >= 1426 else RULES_1987_STARTS
    first_gregorian_year = year + 593
    dates = [date(first_gregorian_year + (1 if month < 4 else 0), month, day) for month, day in starts]
    return [*dates, date(first_gregorian_year + 1, 4, 14)]


def oracle_to_bengali(d: date) -> tuple[int, int, int]:
    for year in (d.year - 594, d.year - 593):
        starts = oracle_month_starts(year)
        for month in range(1, 13):
            if starts[month - 1] <= d < starts[month]:
                return year, month, (d - starts[month - 1]).days + 1
    raise AssertionError(f"oracle found no Bengali date for {d}")


def gregorian_days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# --- Bengali: published anchors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bengali", "gregorian"),
    [
        ((1430, 1, 1), date(2023, 4, 14)),  # Pohela Boishakh
        ((1430, 11, 8), date(2024, 2, 21)),  # Ekushey February, leap year 2024
        ((1429, 11, 8), date(2023, 2, 21)),  # Ekushey February, common year 2023
        ((1430, 12, 12), date(2024, 3, 26)),  # Independence Day after a leap Falgun
        ((1429, 12, 12), date(2023, 3, 26)),
        ((1430, 9, 1), date(2023, 12, 16)),  # Victory Day
        ((1431, 4, 28), date(2024, 8, 12)),
    ],
)
def test_known_dates(bengali: tuple[int, int, int], gregorian: date) -> None:
    assert bengali_to_gregorian(*bengali) == gregorian
    assert gregorian_to_bengali(gregorian) == bengali


def test_poush_1430_span() -> None:
    assert bengali_month_span(1430, 9) == (date(2023, 12, 16), date(2024, 1, 14))


def test_falgun_span_includes_leap_day() -> None:
    assert bengali_month_span(1430, 11) == (date(2024, 2, 14), date(2024, 3, 14))
    assert bengali_month_span(1429, 11) == (date(2023, 2, 14), date(2023, 3, 14))


@pytest.mark.parametrize(
    ("year", "month", "days"),
    [
        (1430, 11, 30),  # revised Falgun, 2024 leap
        (1429, 11, 29),  # revised Falgun, 2023 common
        (1426, 6, 31),  # first revised year: Ashwin gains a day
        (1425, 6, 30),  # last 1987-rules year
        (1422, 11, 31),  # 1987 Falgun, 2016 leap
        (1421, 11, 30),  # 1987 Falgun, 2015 common
        (1390, 5, 31),  # before 1395: 1987 rules applied proleptically
        (1390, 6, 30),
        (1390, 11, 31),  # Falgun 1390 falls in 1984, a leap year
    ],
)
def test_month_days(year: int, month: int, days: int) -> None:
    assert bengali_month_days(year, month) == days


@pytest.mark.parametrize("year", range(1300, 1501))
def test_every_year_ends_the_day_before_14_april(year: int) -> None:
    assert bengali_month_span(year, 12)[1] + timedelta(days=1) == date(year + 594, 4, 14)


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [
        (1430, 7, 31),  # 31 Kartik
        (1429, 11, 30),  # 30 Falgun in a common year
        (1430, 1, 0),
        (1430, 0, 1),
        (1430, 13, 1),
        (0, 1, 1),
        (9406, 1, 1),  # would end after date.max
    ],
)
def test_invalid_bengali_date_raises(year: int, month: int, day: int) -> None:
    with pytest.raises(ValueError):
        bengali_to_gregorian(year, month, day)


def test_gregorian_out_of_bengali_range_raises() -> None:
    with pytest.raises(ValueError):
        gregorian_to_bengali(date(1, 1, 1))


# --- Bengali: exhaustive checks against the oracle ---------------------------------------------------


def test_round_trip_every_day_1420_to_1440() -> None:
    for year in range(1420, 1441):
        starts = oracle_month_starts(year)
        for month in range(1, 13):
            length = (starts[month] - starts[month - 1]).days
            assert bengali_month_days(year, month) == length, (year, month)
            for day in range(1, length + 1):
                gregorian = bengali_to_gregorian(year, month, day)
                assert gregorian == starts[month - 1] + timedelta(days=day - 1), (year, month, day)
                assert gregorian_to_bengali(gregorian) == (year, month, day)
            with pytest.raises(ValueError):
                bengali_to_gregorian(year, month, length + 1)


def test_every_gregorian_day_2015_to_2030() -> None:
    for d in gregorian_days(date(2015, 1, 1), date(2030, 12, 31)):
        year, month, day = gregorian_to_bengali(d)
        assert (year, month, day) == oracle_to_bengali(d), d
        assert 1 <= day <= bengali_month_days(year, month)
        assert bengali_to_gregorian(year, month, day) == d


def test_datetime_input_uses_its_date() -> None:
    assert gregorian_to_bengali(datetime(2024, 2, 21, 23, 59)) == (1430, 11, 8)


# --- Hijri (Umm al-Qura) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        ((1446, 2, 6), date(2024, 8, 10)),
        ((1445, 9, 1), date(2024, 3, 11)),  # 1 Ramadan 1445
        ((1445, 10, 1), date(2024, 4, 10)),  # Eid al-Fitr 1445 in Saudi Arabia
    ],
)
def test_hijri_known_dates(hijri: tuple[int, int, int], gregorian: date) -> None:
    result = hijri_to_gregorian(*hijri)
    assert result == gregorian
    assert type(result) is date
    assert gregorian_to_hijri(gregorian) == hijri


def test_hijri_month_span() -> None:
    first, last = hijri_month_span(1445, 9)
    assert (first, last) == (date(2024, 3, 11), date(2024, 4, 9))
    assert type(first) is date and type(last) is date


def test_hijri_month_spans_tile_the_year() -> None:
    spans = [hijri_month_span(1445, month) for month in range(1, 13)]
    for (first, last), (next_first, _) in pairwise(spans):
        assert 29 <= (last - first).days + 1 <= 30
        assert last + timedelta(days=1) == next_first
    assert spans[-1][1] + timedelta(days=1) == hijri_to_gregorian(1446, 1, 1)


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (hijri_to_gregorian, (1600, 1, 1)),  # year beyond the table: hijridate raises OverflowError
        (hijri_to_gregorian, (1300, 1, 1)),
        (hijri_to_gregorian, (1445, 13, 1)),
        (hijri_to_gregorian, (1445, 1, 31)),
        (hijri_month_span, (1501, 1)),
        (hijri_month_span, (1445, 0)),
        (gregorian_to_hijri, (date(1900, 1, 1),)),  # before the table: hijridate raises OverflowError
        (gregorian_to_hijri, (date(2100, 1, 1),)),
    ],
)
def test_invalid_hijri_input_raises(call: Callable[..., object], args: tuple[object, ...]) -> None:
    with pytest.raises(ValueError):
        call(*args)


def test_importing_calendars_does_not_import_hijridate() -> None:
    src = Path(calendars.__file__).resolve().parents[2]
    code = "import sys, newsingest.dates.calendars; sys.exit('hijridate' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}
    assert subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode == 0
