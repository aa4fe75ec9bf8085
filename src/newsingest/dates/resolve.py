"""Turn an expression's slots into a TIMEX3 value, against a reference date.

Months and years are added by python-dateutil's relativedelta, days by the standard
library's timedelta; the Bengali and Hijri calendars are in `calendars`. Where the reference
date is unknown, `X` stands in for what cannot be known, as the guideline says.
"""

from __future__ import annotations

import calendar as pycal
import datetime as dt
import functools
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass
from typing import Final, TypeVar

from dateutil.relativedelta import relativedelta

from . import calendars
from .grammar import Expression, Slots
from .lexicon import PART_OF_DAY_HOURS

_ISO_UNIT: Final = {"D": "D", "W": "W", "M": "M", "Y": "Y"}
_TIME_UNIT: Final = {"H": "H", "MIN": "M", "S": "S"}
# dt.timedelta(days=n) for the n of most shifts (গতকাল, তিন দিন আগে, a week's last day), built
# once: compiled code builds one as Python does, its keyword arguments parsed (~3,300
# instructions), where adding a built one to a date takes a tenth of that.
_SHIFTS: Final = 400
_DAY_SHIFTS: Final = tuple(dt.timedelta(days=n) for n in range(-_SHIFTS, _SHIFTS + 1))
# relativedelta's argument for each unit of a date offset.
_CALENDAR_UNITS: Final = {"Y": "years", "M": "months", "W": "weeks", "D": "days"}
# A fraction of a unit is written in the next smaller one: দেড় বছর is P18M, দেড় মাস P45D
# (a month counted as 30 days, as the held-out annotators did).
_SMALLER_UNIT: Final = {
    "Y": (12, "M"),
    "M": (30, "D"),
    "W": (7, "D"),
    "D": (24, "H"),
    "H": (60, "MIN"),
    "MIN": (60, "S"),
    "DE": (10, "Y"),
    "CE": (100, "Y"),
}
_SET_VALUES: Final = {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX"}
# Today, for what resolves against it when there is no reference date: the latest year of a
# weekday-with-date, the century of a two-digit year. set_today pins it for reproducible runs.
_today = dt.date.today()
# How far a day named without a year may lie on the "wrong" side of the reference for its
# clause's tense: a clause's verb is often about something else than the date beside it
# ("the final has been scheduled for 18 August", "the ban was extended to 31 July"). An
# explicit past verb allows three weeks ahead, a future verb a week behind; with no tense
# known the nearest date wins.
_PAST_TENSE_AHEAD: Final = dt.timedelta(days=21)
_FUTURE_TENSE_BEHIND: Final = dt.timedelta(days=7)
# Calendar answers asked again and again (an article writes each of its days up to three
# times, a corpus names the same weekdays against the same few reference days) are
# remembered, a bounded number of them: date.isoformat() goes through printf, dateutil's
# addition runs in Python (3 us), calendar.monthrange works out the first weekday too (2 us).
_REMEMBERED: Final = 4096
_Key = TypeVar("_Key")
_Answer = TypeVar("_Answer")


# Resolved and Context are built for every date: plain classes with their own __init__,
# which the compiled build turns into C (a dataclass's generated __init__ would stay
# interpreted Python). Neither is changed after it is built.
class Resolved:
    """A value and the days it covers (None where it pins no span of days)."""

    def __init__(
        self,
        type: str,
        value: str,
        earliest: dt.date | None = None,
        latest: dt.date | None = None,
        anchor: dt.date | None = None,
    ) -> None:
        self.type = type
        self.value = value
        self.earliest = earliest
        self.latest = latest
        # The calendar day the expression names, for later times to attach to: রাত ১টা on
        # the 31st is 1:00 on the 1st, but what comes after it still speaks of the 31st.
        self.anchor = anchor

    @property
    def day(self) -> dt.date | None:
        """The one day this value is on, if it is one day."""
        return self.earliest if self.earliest is not None and self.earliest == self.latest else None


class Context:
    """What resolution needs besides the slots: the reference, the last day mentioned, the tense."""

    def __init__(
        self,
        reference: dt.date | None = None,  # (defaults: copy() of a compiled class calls Context())
        anchor: dt.date | None = None,
        future: bool = False,
        last_period: Resolved | None = None,
        *,
        past: bool = False,
        not_before: dt.date | None = None,
        last_year: int | None = None,
        last_month: dt.date | None = None,
        verbless: bool = False,
        progressive: bool = False,
        named_anchor: bool = False,
    ) -> None:
        self.reference = reference
        self.anchor = anchor
        self.future = future
        # The last part of a year the text named (জুলাই-ডিসেম্বর), for "the same period" of
        # another year (আগের অর্থবছরের একই সময়ে).
        self.last_period = last_period
        self.past = past  # the clause's verb is explicitly past
        self.not_before = not_before  # a range's end lies on or after its start
        self.last_year = last_year  # the year of the last date within one year the text named
        self.last_month = last_month  # a day of the last date within one month the text named
        self.verbless = verbless  # the clause has no verb (a headline): the nearest day wins
        self.progressive = progressive  # হচ্ছে, যাচ্ছি, আছে: present, leaning to the near future
        self.named_anchor = named_anchor  # `anchor` is a day the text named, not the reference

    def with_tense(self, future: bool, past: bool) -> Context:
        """The same context for a clause of another tense."""
        other = copy(self)
        other.future, other.past = future, past
        return other


def resolve(expression: Expression, context: Context) -> Resolved | None:
    """The value of a found expression, or None when it turns out not to be one.

    Arithmetic that leaves the calendar (a reference date in year 1, Bengali year 0) has
    no value to give: such an expression is dropped rather than reported wrong.
    """
    try:
        return _resolve(expression, context)
    except (ValueError, OverflowError):
        return None


def _resolve(expression: Expression, context: Context) -> Resolved | None:
    if expression.end is None:
        return _resolve_one(expression.slots, context)
    found = _range(expression, context)
    ref = context.reference
    if found is None or ref is None or expression.slots.year is not None or _holds(found, ref):
        return found
    # A yearless range that holds the reference date is read that way whatever the verb
    # (১ ডিসেম্বর থেকে ৩১ জানুয়ারি, said on 20 December, is this winter's).
    for tense in (context.with_tense(future=False, past=True), context.with_tense(future=True, past=False)):
        other = _range(expression, tense)
        if other is not None and _holds(other, ref):
            return other
    return found


def _holds(found: Resolved, day: dt.date) -> bool:
    return found.earliest is not None and found.latest is not None and found.earliest <= day <= found.latest


def _range(expression: Expression, context: Context) -> Resolved | None:
    """`A থেকে B`: the start resolved in its clause, the end from the start onwards."""
    assert expression.end is not None
    start = _resolve_one(expression.slots, context)
    if start is None:
        return None
    if start.type == "SET":
        return _set_range(start, expression.end)
    # A range runs forward from its start: its end's কাল is tomorrow (আজ-কালের) and the জুন
    # of জানুয়ারি থেকে জুন follows that January, whatever the clause's tense. An end with its
    # own গত/আগামী still counts from the reference date.
    begin = start.anchor or start.earliest
    absolute = expression.end.rel is not None or isinstance(expression.end.deictic, int)
    base = context.reference if absolute or begin is None else begin
    follow = Context(base, start.day or context.anchor, True, context.last_period, not_before=begin)
    end = _resolve_one(expression.end, follow)
    if end is None:
        return None
    if start.type == "TIME" and end.type == "TIME" and end.value.startswith("XXXX") and start.day:
        end = _resolve_one(expression.end, Context(context.reference, start.day, context.future))
        if end is None:
            return None
    kind = "TIME" if "TIME" in (start.type, end.type) else "DATE"
    if start.type in ("DURATION", "SET") or end.type in ("DURATION", "SET"):
        return None
    if start.earliest and end.latest and end.latest < start.earliest:
        return None  # written backwards (২০২৪ থেকে ২০২৩ সাল): not a range we can give
    # Ends that are periods themselves (two fiscal years) give the outer ends of both.
    first, last = start.value.split("/")[0], end.value.split("/")[-1]
    return Resolved(kind, f"{first}/{last}", start.earliest, end.latest, start.anchor)


def _resolve_one(s: Slots, ctx: Context) -> Resolved | None:
    if s.year_short and s.year is not None:
        year = _full_year(s.year, ctx.reference)
        s = copy(s)
        s.year, s.year_short = year, False
    if s.every:
        return _set_value(s)
    if s.minor is not None and isinstance(s.count, int) and s.unit is not None:
        parts = ((s.count, s.unit), s.minor)
        if s.ago and not s.after_genitive and ctx.reference is not None and s.minor[1] in _CALENDAR_UNITS:
            return _ago_compound(parts, ctx.reference)
        return Resolved("DURATION", _compound_duration(parts))
    if s.count is not None and s.unit is not None and not s.first_n:
        if s.ago and not s.after_genitive and ctx.reference is not None:
            return _ago(s.count, s.unit, ctx.reference)
        return _duration(s.count, s.unit)
    date = _date_part(s, ctx)
    if s.hour is not None:
        return _time(s, date, ctx)
    if s.part is not None:
        day = date.day if date is not None else (ctx.anchor if not s.has_date() else None)
        if date is None and s.rel is not None and ctx.reference is not None:
            day = ctx.reference + _day_delta(s.rel)  # গত রাতে: last night
        code = "TDT" if s.part == "DAY" else s.part
        if day is not None:
            return Resolved("TIME", f"{iso_day(day)}{code}", day, day, day)
        if date is not None:
            return Resolved("TIME", f"{date.value}{code}")
        return Resolved("TIME", f"XXXX-XX-XX{code}")
    return date


def _ago(count: int | float | str, unit: str, ref: dt.date) -> Resolved | None:
    """তিন দিন আগে, দুই বছর আগে: counted back from the document's date, so a date (TIMEX3)."""
    if isinstance(count, float) and unit in _CALENDAR_UNITS:
        factor, smaller = _SMALLER_UNIT[unit]  # দেড় বছর আগে: the month 18 months back
        return _ago(int(count * factor), smaller, ref) if (count * factor).is_integer() else None
    if isinstance(count, float):
        return _duration(count, unit)  # আড়াই ঘণ্টা আগে: hours ago are a length, as whole ones are
    if not isinstance(count, int):
        return None
    if unit == "D":
        return _day(ref - _day_delta(count))
    if unit == "W":  # এক সপ্তাহ আগে: the day a week back (both held-out annotators read it so)
        return _day(ref - _day_delta(7 * count))
    if unit == "M":
        d = ref - relativedelta(months=count)
        return _month(d.year, d.month)
    if unit == "Y":
        return _year(ref.year - count)
    return _duration(count, unit)


def set_today(day: dt.date | None) -> None:
    """Take `day` for today (None: the system's date).

    Without a reference date, a weekday with a day and month but no year (বৃহস্পতিবার (১২
    অক্টোবর)) takes the latest such year up to today, and a two-digit year (৭১ সালে) the
    century that puts it before today: pinning today makes a rerun on another day give the
    same output (`newsingest parse --today`). Workers forked later inherit it.
    """
    global _today
    _today = day or dt.date.today()


def today() -> dt.date:
    """The date taken for today (set_today)."""
    return _today


def _full_year(short: int, reference: dt.date | None) -> int:
    """৭১ সালে is 1971, ২০ সালে 2020: the year of that number nearest before the reference
    (or today) or at most a few years after it."""
    base = reference or _today
    year = base.year // 100 * 100 + short
    return year - 100 if year > base.year + 5 else year


def _set_value(s: Slots) -> Resolved:
    """প্রতি শুক্রবার XXXX-WXX-5, প্রতি মাসে XXXX-XX, প্রতিবছর ২৬ মার্চ XXXX-03-26, প্রতি তিন মাসে
    P3M, সপ্তাহে তিন দিন P1W; a time or part of day joins a set of days (প্রতি রবিবার সকাল
    ৯টায় XXXX-WXX-7T09:00)."""
    if s.per_unit and s.unit is not None:
        # সপ্তাহে তিন দিন: TIMEX3 gives the period the count recurs in (its freq would be 3D).
        period = _duration(1, s.unit)
        return Resolved("SET", period.value if period else "XXXX-XX-XX")
    if s.weekday is not None:
        pattern = f"XXXX-WXX-{s.weekday + 1}"
    elif s.day is not None and s.calendar == "gregorian":
        pattern = f"XXXX-{s.month:02d}-{s.day:02d}" if s.month is not None else f"XXXX-XX-{s.day:02d}"
    elif isinstance(s.count, int | float) and s.count != 1 and s.unit is not None:
        every = _duration(s.count, s.unit)  # every N units: the period between two
        return Resolved("SET", every.value if every else "XXXX-XX-XX")
    else:
        pattern = _SET_VALUES.get(s.unit or "", "XXXX-XX-XX")
    if pattern.count("-") < 2:  # XXXX, XXXX-XX, XXXX-WXX: no set of days for a time to join
        return Resolved("SET", pattern)
    if s.hour is not None:
        hour, minute = _clock_reading(s)
        return Resolved("SET", f"{pattern}T{hour % 24:02d}:{minute:02d}")
    if s.part is not None and s.part != "DAY":
        return Resolved("SET", f"{pattern}{s.part}")
    return Resolved("SET", pattern)


def _set_range(start: Resolved, end: Slots) -> Resolved | None:
    """প্রতিদিন সকাল ৯টা থেকে বিকেল ৫টা: the hours of each day of the set, an interval of times."""
    days, _, _ = start.value.partition("T")
    if days == start.value or end.hour is None or end.has_date():
        return None
    hour, minute = _clock_reading(end)
    return Resolved("SET", f"{start.value}/{days}T{hour % 24:02d}:{minute:02d}")


def _duration(count: int | float | str, unit: str) -> Resolved | None:
    if isinstance(count, float):
        return Resolved("DURATION", _fractional_duration(count, unit))
    if unit in _TIME_UNIT:
        return Resolved("DURATION", f"PT{count}{_TIME_UNIT[unit]}")
    if unit == "DE":
        return Resolved("DURATION", f"P{count * 10 if isinstance(count, int) else 'X'}Y")
    if unit == "CE":
        return Resolved("DURATION", f"P{count * 100 if isinstance(count, int) else 'X'}Y")
    return Resolved("DURATION", f"P{count}{_ISO_UNIT[unit]}")


def _ago_compound(parts: tuple[tuple[int, str], ...], ref: dt.date) -> Resolved:
    """তিন বছর দুই মাস আগে: the month (or with days or weeks, the day) that far back."""
    offsets = {_CALENDAR_UNITS[unit]: count for count, unit in parts}
    back = ref - relativedelta(**offsets)  # type: ignore[arg-type]  # (the stub types the keys loosely)
    return _day(back) if parts[-1][1] in ("W", "D") else _month(back.year, back.month)


def _compound_duration(parts: tuple[tuple[int | float, str], ...]) -> str:
    """দুই বছর ছয় মাস P2Y6M, এক ঘণ্টা ২০ মিনিট PT1H20M, এক দিন ছয় ঘণ্টা P1DT6H."""
    days = "".join(f"{count}{_ISO_UNIT[unit]}" for count, unit in parts if unit in _ISO_UNIT)
    time = "".join(f"{count}{_TIME_UNIT[unit]}" for count, unit in parts if unit in _TIME_UNIT)
    return f"P{days}T{time}" if time else f"P{days}"


def _fractional_duration(count: int | float, unit: str) -> str:
    """দেড় বছর P18M, দেড় মাস P45D, দেড় দিন PT36H, আড়াই ঘণ্টা PT150M: a unit in the next smaller
    one (a month as 30 days), the one-unit forms of the spec, as annotators write them. What
    is left over goes down a unit again (P10DT12H); only a fraction of a second stays a
    decimal, the one ISO 8601 allows on the last part (আধা সেকেন্ড PT0.5S)."""
    if unit in ("MIN", "S"):
        amount = count
    else:
        factor, unit = _SMALLER_UNIT[unit]
        amount = count * factor
    parts: list[tuple[int | float, str]] = []
    while True:
        whole = int(amount + 1e-9)
        rest = amount - whole
        if rest >= 1e-9 and unit not in _SMALLER_UNIT:
            parts.append((round(amount, 3), unit))
            break
        if whole:
            parts.append((whole, unit))
        if rest < 1e-9:
            break
        factor, unit = _SMALLER_UNIT[unit]
        amount = rest * factor
    return _compound_duration(tuple(parts))


def _time(s: Slots, date: Resolved | None, ctx: Context) -> Resolved:
    hour, minute = _clock_reading(s)
    day = date.day if date is not None else (ctx.anchor if not s.has_date() else None)
    if day is None:
        prefix = date.value if date is not None else "XXXX-XX-XX"
        return Resolved("TIME", f"{prefix}T{hour % 24:02d}:{minute:02d}")
    # Minutes past the day's midnight, carried into days as a timedelta would (রাত ১২টা is
    # the next day's 0:00). No datetime and strftime: they cost ~1.5 us, and %Y leaves a
    # year before 1000 unpadded where TIMEX3 (and iso_day) write four digits.
    days, minutes = divmod(hour * 60 + minute, 24 * 60)
    moment = day + _day_delta(days) if days else day
    return Resolved("TIME", f"{iso_day(moment)}T{minutes // 60:02d}:{minutes % 60:02d}", moment, moment, day)


def _clock_reading(s: Slots) -> tuple[int, int]:
    """Hour (0 to 47, in its part of day) and minute: পৌনে ৮টা is 7:45, রাত সাড়ে ১০টা 22:30."""
    hour, minute = s.hour or 0, (s.minute or 0) + s.fraction
    if minute < 0:
        hour, minute = hour - 1, minute + 60
    return _clock_hour(hour, s.part), minute


def _clock_hour(hour: int, part: str | None) -> int:
    """A 12-hour clock hour read in its part of day: রাত ১০টা is 22, রাত ১২টা the next 0."""
    if part is None or part not in PART_OF_DAY_HOURS:
        return hour
    low, high = PART_OF_DAY_HOURS[part]
    for candidate in (hour, hour + 12, hour + 24):
        if low <= candidate < high:
            return candidate
    return hour


def _span(value: str, first: dt.date, last: dt.date, kind: str = "DATE") -> Resolved:
    return Resolved(kind, value, first, last)


# iso_day's answers: a dict, which compiled code reads in a third of the time it takes to
# call an lru_cache (an object called through its type, with a key built for the call).
_ISO_DAYS: Final[dict[dt.date, str]] = {}


def iso_day(day: dt.date) -> str:
    """day.isoformat(), remembered."""
    iso = _ISO_DAYS.get(day)
    return _remember(_ISO_DAYS, day, day.isoformat()) if iso is None else iso


def _remember(answers: dict[_Key, _Answer], key: _Key, answer: _Answer) -> _Answer:
    """Keep `answer` under `key` (see _REMEMBERED: all are forgotten at once when full)."""
    if len(answers) >= _REMEMBERED:
        answers.clear()
    answers[key] = answer
    return answer


def _day_delta(days: int) -> dt.timedelta:
    """dt.timedelta(days=days)."""
    return _DAY_SHIFTS[days + _SHIFTS] if -_SHIFTS <= days <= _SHIFTS else dt.timedelta(days=days)


def _nearest_weekday(day: dt.date, weekday: int, direction: int) -> dt.date:
    """The `weekday` (0 is Monday) on or after `day` (direction 1) or on or before it (-1):
    what dateutil's relativedelta(weekday=MO(+1)) or MO(-1) adds, without its Python (3 us)."""
    if direction > 0:
        return day + _DAY_SHIFTS[_SHIFTS + (weekday - day.weekday()) % 7]
    return day - _DAY_SHIFTS[_SHIFTS + (day.weekday() - weekday) % 7]


@functools.lru_cache(maxsize=_REMEMBERED)
def _days_in_month(year: int, month: int) -> int:
    return pycal.monthrange(year, month)[1]


# The days and months resolved, by day and by one int for year and month: compiled code
# calls the date type as Python does (~1,600 instructions a date, its arguments parsed as
# keywords) and formats an f-string's numbers through format(), where a dict read takes
# ~150; an article names its few days several times. (A Resolved is never changed once built.)
_DAYS: Final[dict[dt.date, Resolved]] = {}
_MONTHS: Final[dict[int, Resolved]] = {}
_DATES: Final[dict[int, dt.date | None]] = {}


def _day(d: dt.date) -> Resolved:
    day = _DAYS.get(d)
    return _remember(_DAYS, d, Resolved("DATE", iso_day(d), d, d, d)) if day is None else day


def _month(year: int, month: int) -> Resolved:
    key = year << 4 | month
    whole = _MONTHS.get(key) if 0 < month <= 12 else None
    if whole is None:
        last = _days_in_month(year, month)
        whole = _span(f"{year:04d}-{month:02d}", dt.date(year, month, 1), dt.date(year, month, last))
        _remember(_MONTHS, key, whole)
    return whole


def _year(year: int) -> Resolved:
    return _span(f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31))


def _interval(a: Resolved, b: Resolved) -> Resolved:
    return Resolved("DATE", f"{a.value}/{b.value}", a.earliest, b.latest)


def _days(first: dt.date, last: dt.date) -> Resolved:
    if first == last:
        return _day(first)
    return _span(f"{iso_day(first)}/{iso_day(last)}", first, last)


def _week(d: dt.date) -> Resolved:
    year, week, weekday = d.isocalendar()
    monday = d - _day_delta(weekday - 1)
    return _span(f"{year:04d}-W{week:02d}", monday, monday + _day_delta(6))


def _fiscal(start_year: int, first_month: int) -> Resolved:
    # (The first of the month a year on is a date: no relativedelta needed, which costs
    # 5 us to build and add in Python, for every অর্থবছর.)
    start = dt.date(start_year, first_month, 1)
    return _days(start, dt.date(start_year + 1, first_month, 1) - _day_delta(1))


def _sub_period(whole: Resolved, s: Slots) -> Resolved:
    """A part of a period: its first N units, a half, its first or last day or week."""
    if whole.earliest is None or whole.latest is None:
        return whole
    first, last = whole.earliest, whole.latest
    if s.part_index is not None and s.part_unit == "Q":
        start = first + relativedelta(months=3 * (s.part_index - 1))
        end = start + relativedelta(months=3) - _day_delta(1)
        return _compact(start, min(end, last)) if start <= last else whole
    if s.part_index is not None and s.part_unit == "W":
        start = first + _day_delta(7 * (s.part_index - 1))
        return _days(start, min(start + _day_delta(6), last)) if start <= last else whole
    if s.half is not None:
        length = (last - first).days + 1
        a = first + _day_delta(round(length * s.half[0]))
        b = first + _day_delta(round(length * s.half[1]) - 1)
        if first.day == 1 and (last + _day_delta(1)).day == 1 and length > 300:
            months = 12 if length > 300 else 0
            a = first + relativedelta(months=int(months * s.half[0]))
            b = first + relativedelta(months=int(months * s.half[1])) - _day_delta(1)
        return _days(a, b)
    unit = s.inner_unit or (s.unit if s.first_n else None)
    if s.first_n and isinstance(s.count, int) and unit:
        step = {
            "D": relativedelta(days=s.count),
            "W": relativedelta(weeks=s.count),
            "M": relativedelta(months=s.count),
            "Y": relativedelta(years=s.count),
        }.get(unit)
        if step is not None:
            return _days(first, min(last, first + step - _day_delta(1)))
    if s.first_n and unit == "D":
        return _day(first)
    if s.first_n and unit == "W":
        return _days(first, min(last, first + _day_delta(6)))
    if s.edge in ("শেষ",) and s.inner_unit == "D":
        return _day(last)
    if s.edge in ("শেষ",) and s.inner_unit == "W":
        return _week(last)
    return whole


def _nearest_year(month: int, day: int, ctx: Context, rel: int | None, weekday: int | None) -> int | None:
    """The year for a day and month given without one: nearest the reference, in the clause's direction."""
    ref = ctx.reference
    if ref is None:
        return None if weekday is None else _latest_weekday_year(month, day, weekday)
    candidates = [
        d for y in range(ref.year - 1, ref.year + 2) if (d := _safe_date(y, month, day)) is not None
    ]
    if not candidates:
        return ref.year  # a day no year of the three has (৩০ ফেব্রুয়ারি): _gregorian drops it
    if weekday is not None:
        candidates = [d for d in candidates if d.weekday() == weekday] or candidates
    if rel is not None and rel < 0:
        before = [d for d in candidates if d < ref]
        candidates = before or candidates
    elif rel is not None and rel > 0:
        after = [d for d in candidates if d > ref]
        candidates = after or candidates
    if ctx.not_before is not None:
        candidates = [d for d in candidates if d >= ctx.not_before] or candidates
    elif rel is None and weekday is None:
        # Nearest the reference in the direction of the clause's tense. A future verb is
        # firm evidence; "past" is only the default, so a date a few weeks ahead keeps its
        # year (news announces what comes next in past-tense reports).
        if ctx.future:
            candidates = [d for d in candidates if d >= ref - _FUTURE_TENSE_BEHIND] or candidates
        elif ctx.past:
            candidates = [d for d in candidates if d <= ref + _PAST_TENSE_AHEAD] or candidates
    # The nearest; of two as near, the earlier (the candidates run from early to late).
    nearest = candidates[0]
    for d in candidates[1:]:
        if abs((d - ref).days) < abs((nearest - ref).days):
            nearest = d
    return nearest.year


# _latest_weekday_year's answers by (today, month, day, weekday): some 2,600 per today.
_WEEKDAY_YEARS: Final[dict[tuple[dt.date, int, int, int], int | None]] = {}


def _latest_weekday_year(month: int, day: int, weekday: int) -> int | None:
    """The latest year up to today, of the last 30, whose `day` of `month` is a `weekday`.

    Remembered: the search makes up to 30 dates, and a weekday that does not fit its date
    (a slip, or another calendar's day) makes all 30.
    """
    key = (_today, month, day, weekday)
    if key in _WEEKDAY_YEARS:
        return _WEEKDAY_YEARS[key]
    found = None
    for year in range(_today.year, _today.year - 30, -1):
        d = _safe_date(year, month, day)
        if d is not None and d <= _today and d.weekday() == weekday:
            found = year
            break
    return _remember(_WEEKDAY_YEARS, key, found)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """dt.date(year, month, day), or None where there is no such day (৩১ এপ্রিল); remembered."""
    if not (0 < month <= 12 and 0 < day <= 31):
        return None
    key = year << 9 | month << 5 | day
    if key in _DATES:
        return _DATES[key]
    try:
        date: dt.date | None = dt.date(year, month, day)
    except ValueError:
        date = None
    return _remember(_DATES, key, date)


def _nearest_month_year(month: int, ctx: Context, rel: int | None) -> int | None:
    ref = ctx.reference
    return None if ref is None else _directed_year(ref.year, ref.month, month, ctx, rel)


def _directed_year(year: int, current: int, month: int, ctx: Context, rel: int | None) -> int:
    """The year of a month named without one, in any calendar.

    গত/আগামী say which way; otherwise the nearest such month on the side of the clause's
    tense (the current month counting for both), or the nearest at all when the tense is
    unknown (six months either way: the past).
    """
    if rel is not None and rel < 0:
        return year if month < current else year - 1
    if rel is not None and rel > 0:
        return year if month > current else year + 1
    forward, back = (month - current) % 12, (current - month) % 12
    if ctx.future or (not ctx.past and forward < back):
        return year + (month < current)
    return year - (month > current)


def _date_part(s: Slots, ctx: Context) -> Resolved | None:
    """The calendar part of an expression (no time of day)."""
    whole = _calendar_part(s, ctx)
    if s.same_period and whole is not None:
        return _same_period(whole, s, ctx)
    return whole


def _same_period(whole: Resolved, s: Slots, ctx: Context) -> Resolved:
    """আগের অর্থবছরের একই সময়ে, গত বছরের এ সময়ে: the part of a year last named, as many
    years back or ahead as the modifier says (even when that part was itself stale text)."""
    part = ctx.last_period
    if part is None and s.unit == "Y" and ctx.reference is not None:
        # গত বছরের এই সময়ে with no period named before: this month, that year
        moved = ctx.reference + relativedelta(years=s.rel or 0)
        return _month(moved.year, moved.month)
    if part is None or part.earliest is None or part.latest is None or whole.earliest is None:
        return whole
    shift = relativedelta(years=s.rel or 0)
    one = _day_delta(1)
    # Shift the day after the end, so a February that ends on the 28th ends on the 29th.
    return _compact(part.earliest + shift, part.latest + one + shift - one)


def _compact(first: dt.date, last: dt.date) -> Resolved:
    """The shortest exact value for a span of days: a day, a month, months, or days."""
    whole_months = first.day == 1 and (last + _day_delta(1)).day == 1
    if not whole_months:
        return _days(first, last)
    if (first.year, first.month) == (last.year, last.month):
        return _month(first.year, first.month)
    return _interval(_month(first.year, first.month), _month(last.year, last.month))


def _calendar_part(s: Slots, ctx: Context) -> Resolved | None:
    ref = ctx.reference
    if s.date_value is not None:
        return _day(s.date_value)
    if s.calendar != "gregorian" and s.month is not None:
        return _other_calendar(s, ctx)
    if s.month is not None:
        return _gregorian(s, ctx)
    if s.weekday is not None and s.deictic is None and s.anaphor is None:
        return _weekday(s, ctx)
    if s.deictic is not None:
        return _deictic(s, ctx)
    if s.anaphor is not None:
        base = ctx.anchor or ref
        return _day(base + _day_delta(s.anaphor)) if base else Resolved("DATE", "XXXX-XX-XX")
    if s.century is not None:
        start = s.century * 100
        return _span(f"{s.century:02d}", dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31))
    if s.decade is not None:
        return _decade(s, ctx)
    if s.fiscal:
        return _fiscal_year(s, ctx)
    if s.year is not None and s.era in ("bengali", "hijri"):
        return _sub_period(_era_year(s.year, s.era), s)
    if s.day is not None and s.day_word and s.unit is None:
        return _day_of_month(s.day, s.rel or 0, ctx)
    if s.year is not None:
        whole = _year(s.year) if s.year_end is None else _interval(_year(s.year), _year(s.year_end))
        return _sub_period(whole, s)
    if s.unit is not None:
        return _relative_unit(s, ctx)
    return None


def _day_of_month(day: int, rel: int, ctx: Context) -> Resolved | None:
    """গত ১২ তারিখ, আগামী ২০ তারিখে: that day of the month, before or after the reference."""
    ref = ctx.reference
    if ref is None:
        return Resolved("DATE", f"XXXX-XX-{day:02d}")
    months = (-1, 0) if rel < 0 else (0, 1)
    candidates = [d for shift in months if (d := _safe_date(*_month_shift(ref, shift), day)) is not None]
    if rel < 0:
        before = [d for d in candidates if d < ref]
        return _day(max(before)) if before else None
    after = [d for d in candidates if d >= ref] if rel == 0 else [d for d in candidates if d > ref]
    return _day(min(after)) if after else None


def _month_shift(ref: dt.date, months: int) -> tuple[int, int]:
    """The year and month `months` months after ref's (before it, when negative)."""
    year, month = divmod(ref.year * 12 + ref.month - 1 + months, 12)
    return year, month + 1


def _era_year(year: int, era: str) -> Resolved:
    """১৪৩০ বঙ্গাব্দ, ১৪৪৫ হিজরি: the Gregorian days that year of its calendar covers."""
    if era == "bengali":
        first = calendars.bengali_month_span(year, 1)[0]
        last = calendars.bengali_month_span(year, 12)[1]
    else:
        first = calendars.hijri_month_span(year, 1)[0]
        last = calendars.hijri_month_span(year, 12)[1]
    return _days(first, last)


def _year_of_context(s: Slots, ctx: Context) -> int | None:
    """The year a month belongs to when the expression names it: ২০২২ সালের, গত বছরের, চলতি বছরের."""
    if s.year is not None:
        return s.year
    if s.unit == "Y" and ctx.reference is not None and (s.rel is not None or s.new):
        return _base_year(s, ctx.reference, ctx) + (s.rel or 0)
    return None


def _base_year(s: Slots, reference: dt.date, ctx: Context) -> int:
    """The year a relative year counts from: the reference's, or for আগের, পরের, সেই বছর
    the year the text last named."""
    return ctx.last_year if s.rel_anaphoric and ctx.last_year is not None else reference.year


def _gregorian(s: Slots, ctx: Context) -> Resolved | None:
    year = _year_of_context(s, ctx)
    rel = s.rel if s.unit != "Y" else None
    month = s.month or 1
    if s.day is not None:
        if year is None:
            year = _nearest_year(month, s.day, ctx, rel, s.weekday)
        if year is None:
            return Resolved("DATE", f"XXXX-{month:02d}-{s.day:02d}")
        first = _safe_date(year, month, s.day)
        if first is None:
            return None
        if s.day_end is not None:
            last = _safe_date(year, month, s.day_end)
            return _days(first, last) if last else None
        return _day(first)
    if year is None:
        year = _nearest_month_year(month, ctx, rel)
    if year is None:
        return Resolved("DATE", f"XXXX-{month:02d}")
    whole = _month(year, month)
    if s.month_end is not None:
        end_year = year if s.month_end >= month else year + 1
        whole = _interval(whole, _month(end_year, s.month_end))
    return _sub_period(whole, s)


@dataclass(frozen=True)
class _Calendar:
    """A lunar or solar calendar's conversions, as `calendars` gives them."""

    to_gregorian: Callable[[int, int, int], dt.date]
    month_span: Callable[[int, int], tuple[dt.date, dt.date]]
    from_gregorian: Callable[[dt.date], tuple[int, int, int]]


_CALENDARS: Final = {
    "bengali": _Calendar(
        calendars.bengali_to_gregorian, calendars.bengali_month_span, calendars.gregorian_to_bengali
    ),
    "hijri": _Calendar(
        calendars.hijri_to_gregorian, calendars.hijri_month_span, calendars.gregorian_to_hijri
    ),
}


def _other_calendar(s: Slots, ctx: Context) -> Resolved | None:
    """২৮ শ্রাবণ ১৪৩১, পৌষের শেষার্ধে, ৬ সফর ১৪৪৬ হিজরি: converted to Gregorian days.

    Without a year, the month's year is the one nearest the reference in the clause's tense.
    """
    calendar = _CALENDARS[s.calendar]
    month = s.month or 1
    year = s.year
    if year is not None and s.era == "gregorian":
        return None  # ১৪৩১ সালের শ্রাবণ: a Gregorian-era year cannot name a Bengali month's year
    if year is None:
        if ctx.reference is None:
            return None
        this_year, this_month, _ = calendar.from_gregorian(ctx.reference)
        year = _directed_year(this_year, this_month, month, ctx, s.rel)
    try:
        if s.day is not None:
            return _day(calendar.to_gregorian(year, month, s.day))
        first, last = calendar.month_span(year, month)
    except ValueError:
        return None
    return _sub_period(_days(first, last), s)


def _weekday(s: Slots, ctx: Context) -> Resolved:
    """গত শনিবার, আগামী রোববার, or a bare weekday in its clause's tense."""
    ref = ctx.reference
    weekday = s.weekday or 0
    if ref is None:
        return Resolved("DATE", f"XXXX-WXX-{weekday + 1}")
    one = _day_delta(1)
    if s.rel is not None and s.rel < 0:
        first = _nearest_weekday(ref - one, weekday, -1)  # the latest before the reference
    elif s.rel is not None and s.rel > 0:
        first = _nearest_weekday(ref + one, weekday, 1)  # the next after it
    else:
        ahead = _nearest_weekday(ref, weekday, 1)
        back = _nearest_weekday(ref, weekday, -1)
        nearer_ahead = (ctx.verbless or ctx.progressive) and (ahead - ref) < (ref - back)
        first = ahead if ctx.future or nearer_ahead else back
    if s.weekday_end is not None:
        last = _nearest_weekday(first, s.weekday_end, 1)
        return _days(first, last)
    return _day(first)


def _deictic(s: Slots, ctx: Context) -> Resolved:
    ref = ctx.reference
    if ref is None:
        return Resolved("DATE", "XXXX-XX-XX")
    offset = s.deictic
    if offset in ("tense1", "tense2"):
        # কাল is yesterday or tomorrow, পরশু two days either way: a weekday beside it
        # (কাল বৃহস্পতিবার) says which; otherwise the tense of the clause does.
        size = 1 if offset == "tense1" else 2
        offset = size if ctx.future or ctx.progressive else -size
        if s.weekday is not None and (ref + _day_delta(-offset)).weekday() == s.weekday:
            offset = -offset
    assert isinstance(offset, int)
    return _day(ref + _day_delta(offset))


def _decade(s: Slots, ctx: Context) -> Resolved:
    decade = s.decade or 0
    if decade >= 100:
        start = decade * 10
    else:
        century = 1900
        if s.unit == "CE" and s.rel is not None and ctx.reference is not None:
            century = (ctx.reference.year // 100 + s.rel) * 100
        start = century + decade
    return _span(f"{start // 10:03d}", dt.date(start, 1, 1), dt.date(start + 9, 12, 31))


def _fiscal_year(s: Slots, ctx: Context) -> Resolved | None:
    if s.year is not None:
        whole = _fiscal(s.year, s.fiscal_start)
    elif ctx.reference is not None:
        ref = ctx.reference
        current = ref.year if ref.month >= s.fiscal_start else ref.year - 1
        rel = s.rel or 0
        if s.new:  # নতুন অর্থবছর: the one just begun in its first half, else the coming one
            rel = 0 if (ref.month - s.fiscal_start) % 12 < 6 else 1
        whole = _fiscal(current + rel, s.fiscal_start)
    else:
        return None
    return _sub_period(whole, s)


def _relative_unit(s: Slots, ctx: Context) -> Resolved | None:
    ref = ctx.reference
    rel = s.rel or 0
    if s.new and s.unit == "Y":
        rel = 0 if ref is None or ref.month <= 6 else 1
    if ref is None:
        unknown = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX", "CE": "XX"}
        if s.unit == "M" and s.day is not None:
            return Resolved("DATE", f"XXXX-XX-{s.day:02d}")
        return Resolved("DATE", unknown.get(s.unit or "", "XXXX"))
    base = ref
    if s.rel_anaphoric and rel == 0:
        # সেই দিন, ওই মাসে, একই বছরের: the period the text last named; with none named
        # (একই দিনে দুটি পরীক্ষা: "on one and the same day") there is no date to give.
        if s.unit == "Y" and ctx.last_year is None:
            return None
        if s.unit == "M" and ctx.last_month is not None:
            base = ctx.last_month  # ওই মাসে: the month of the last month or day named
        elif s.unit != "Y":
            if not ctx.named_anchor or ctx.anchor is None:
                return None
            base = ctx.anchor
    if s.unit == "D":
        return _day(base + _day_delta(rel))
    if s.unit == "W":
        return _week(base + _day_delta(7 * rel))
    if s.unit == "M":
        year, month = _month_shift(base, rel)
        if s.day is not None:  # চলতি মাসের ১৫ তারিখে
            return _day(dt.date(year, month, s.day))
        return _sub_period(_month(year, month), s)
    if s.unit == "Y":
        return _sub_period(_year(_base_year(s, ref, ctx) + rel), s)
    if s.unit == "DE":
        start = (ref.year // 10 + rel) * 10
        return _span(f"{start // 10:03d}", dt.date(start, 1, 1), dt.date(start + 9, 12, 31))
    if s.unit == "CE":
        start = (ref.year // 100 + rel) * 100
        return _span(f"{start // 100:02d}", dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31))
    return None
