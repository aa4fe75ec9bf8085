"""Calendar arithmetic for the Bengali (Bangabda) and Hijri calendars.

Bengali dates follow Bangladesh's revised Bangabda (BS), a solar calendar pinned to the Gregorian one:

* 1 Boishakh is always 14 April, so the BS year is the Gregorian year minus 593 from 14 April on and
  minus 594 before it.
* From 1426 BS (the 2019 revision): Boishakh to Ashwin (months 1-6) have 31 days, Falgun (month 11)
  has 29 days, all other months 30.
* 1395-1425 BS (the 1987 rules): Boishakh to Bhadro (months 1-5) have 31 days, Ashwin to Chaitra
  (months 6-12) have 30.
* Under both rule sets the leap day goes to Falgun when the Gregorian year in which that Falgun falls
  (year + 594) is a leap year.

Years before 1395 BS are computed with the 1987 rules too (proleptically): the older Bengali calendars
were not pinned to the Gregorian one, so no fixed rule reproduces them, and reusing this one keeps the
arithmetic total instead of failing on old dates. Supported years are 1 BS (starting 594-04-14) to
9405 BS (ending 9999-04-13), the span that :class:`datetime.date` can hold.

Hijri dates use the Umm al-Qura calendar as tabulated by the ``hijridate`` package (1343-1500 AH,
1924-08-01 to 2077-11-16). It is imported inside the functions so importing this module stays cheap.
"""

import calendar
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import MAXYEAR, date, timedelta
from itertools import accumulate
from typing import Final

# Days per month, Boishakh (1) to Chaitra (12), in a year whose Falgun has no leap day.
_REVISED_MONTH_DAYS: Final[tuple[int, ...]] = (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30)
_RULES_1987_MONTH_DAYS: Final[tuple[int, ...]] = (31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30, 30)
_REVISION_YEAR: Final = 1426
_FALGUN: Final = 11
_NEW_YEAR: Final = (4, 14)  # 1 Boishakh as (Gregorian month, day)
_GREGORIAN_OFFSET: Final = 593  # Gregorian year of 1 Boishakh minus the BS year
_MIN_BS_YEAR: Final = 1
_MAX_BS_YEAR: Final = MAXYEAR - _GREGORIAN_OFFSET - 1  # the year's last day must still be a valid date


def _check_bengali_year(year: int) -> None:
    if not _MIN_BS_YEAR <= year <= _MAX_BS_YEAR:
        raise ValueError(f"Bengali year must be in {_MIN_BS_YEAR}-{_MAX_BS_YEAR}, got {year}")


def _bengali_month_lengths(year: int) -> tuple[int, ...]:
    """All twelve month lengths of ``year``, so conversions in both directions share one source of truth."""
    lengths = list(_REVISED_MONTH_DAYS if year >= _REVISION_YEAR else _RULES_1987_MONTH_DAYS)
    # Falgun always falls in February-March of Gregorian year ``year + 594``.
    if calendar.isleap(year + _GREGORIAN_OFFSET + 1):
        lengths[_FALGUN - 1] += 1
    return tuple(lengths)


def _bengali_new_year(year: int) -> date:
    return date(year + _GREGORIAN_OFFSET, *_NEW_YEAR)


def _checked_month_lengths(year: int, month: int) -> tuple[int, ...]:
    _check_bengali_year(year)
    if not 1 <= month <= 12:
        raise ValueError(f"Bengali month must be in 1-12, got {month}")
    return _bengali_month_lengths(year)


def bengali_month_days(year: int, month: int) -> int:
    """Number of days in Bengali ``month`` (1 = Boishakh ... 12 = Chaitra) of ``year`` BS."""
    return _checked_month_lengths(year, month)[month - 1]


def bengali_to_gregorian(year: int, month: int, day: int) -> date:
    """Gregorian date of ``day`` ``month`` ``year`` BS; ValueError for a day the month lacks (31 Kartik)."""
    lengths = _checked_month_lengths(year, month)
    length = lengths[month - 1]
    if not 1 <= day <= length:
        raise ValueError(f"day must be in 1-{length} for Bengali month {month} of {year}, got {day}")
    return _bengali_new_year(year) + timedelta(days=sum(lengths[: month - 1]) + day - 1)


def bengali_month_span(year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian day of a Bengali month, for resolving month-only mentions to a range."""
    first = bengali_to_gregorian(year, month, 1)
    return first, first + timedelta(days=bengali_month_days(year, month) - 1)


def gregorian_to_bengali(d: date) -> tuple[int, int, int]:
    """Bengali ``(year, month, day)`` of a Gregorian date (a datetime's time of day is ignored)."""
    # Before 14 April the date still belongs to the BS year that began the previous April.
    year = d.year - _GREGORIAN_OFFSET - (1 if (d.month, d.day) < _NEW_YEAR else 0)
    _check_bengali_year(year)
    offset = d.toordinal() - _bengali_new_year(year).toordinal()
    # Day offsets of each month's first day from 1 Boishakh; bisecting finds the month containing ``offset``.
    month_starts = tuple(accumulate(_bengali_month_lengths(year), initial=0))
    month = bisect_right(month_starts, offset)
    return year, month, offset - month_starts[month - 1] + 1


@contextmanager
def _hijri_errors_as_value_error() -> Iterator[None]:
    """hijridate raises OverflowError for out-of-range dates; callers should only need to catch ValueError."""
    try:
        yield
    except OverflowError as exc:
        raise ValueError(str(exc)) from exc


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Gregorian date of an Umm al-Qura Hijri date; ValueError outside 1343-1500 AH or for an invalid day."""
    from hijridate import Hijri

    with _hijri_errors_as_value_error():
        return date.fromordinal(Hijri(year, month, day).to_gregorian().toordinal())


def hijri_month_span(year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian day of a Hijri month, whose length (29 or 30) only the table knows."""
    from hijridate import Hijri

    with _hijri_errors_as_value_error():
        first_day = Hijri(year, month, 1)
        first = date.fromordinal(first_day.to_gregorian().toordinal())
        return first, first + timedelta(days=first_day.month_length() - 1)


def gregorian_to_hijri(d: date) -> tuple[int, int, int]:
    """Umm al-Qura Hijri ``(year, month, day)`` of a Gregorian date; ValueError outside the table's range."""
    from hijridate import Gregorian

    with _hijri_errors_as_value_error():
        return Gregorian.fromdate(d).to_hijri().datetuple()
