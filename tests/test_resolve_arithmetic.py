"""resolve.py's date arithmetic against python-dateutil's relativedelta, which it replaces.

relativedelta's Python-level arithmetic was the largest single cost of resolving a date; the
plain arithmetic that took its place must give the same days and fail the same way.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from newsingest.dates.grammar import Slots
from newsingest.dates.resolve import Context, Resolved, _add_months, _add_units, _weekday

from .conftest import examples

WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)
DAYS = st.dates()
MONTHS = st.integers(-130_000, 130_000)


def outcome(compute):  # type: ignore[no-untyped-def]
    """A value or the kind of error resolve() turns into "no value"."""
    try:
        return compute()
    except (ValueError, OverflowError) as error:
        return type(error)


@settings(max_examples=examples(1000), deadline=None)
@given(DAYS, MONTHS)
def test_add_months_is_relativedelta_months(day: dt.date, months: int) -> None:
    assert outcome(lambda: _add_months(day, months)) == outcome(lambda: day + relativedelta(months=months))


@settings(max_examples=examples(1000), deadline=None)
@given(DAYS, st.integers(-10**10, 10**10), st.sampled_from("DWMY"))
def test_add_units_is_relativedelta(day: dt.date, count: int, unit: str) -> None:
    step = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}[unit]
    expected = outcome(lambda: day + relativedelta(**{step: count}))
    assert outcome(lambda: _add_units(day, count, unit)) == expected


def reference_weekday(s: Slots, ctx: Context) -> Resolved:
    """The weekday rules in relativedelta's terms, as resolve.py had them."""
    assert ctx.reference is not None and s.weekday is not None
    ref, day, one = ctx.reference, WEEKDAYS[s.weekday], dt.timedelta(days=1)
    if s.rel is not None and s.rel < 0:
        first = ref - one + relativedelta(weekday=day(-1))
    elif s.rel is not None and s.rel > 0:
        first = ref + one + relativedelta(weekday=day(+1))
    else:
        ahead = ref + relativedelta(weekday=day(+1))
        back = ref + relativedelta(weekday=day(-1))
        nearer_ahead = (ctx.verbless or ctx.progressive) and (ahead - ref) < (ref - back)
        first = ahead if ctx.future or nearer_ahead else back
    last = first
    if s.weekday_end is not None:
        last = first + relativedelta(weekday=WEEKDAYS[s.weekday_end](+1))
    value = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    return Resolved("DATE", value, first, last, first if first == last else None)


@settings(max_examples=examples(1000), deadline=None)
@given(
    DAYS,
    st.integers(0, 6),
    st.one_of(st.none(), st.integers(0, 6)),
    st.sampled_from([None, -1, 0, 1]),
    st.sampled_from(["future", "past", "verbless", "progressive", "present"]),
)
def test_weekday_is_relativedelta_weekday(
    reference: dt.date, weekday: int, weekday_end: int | None, rel: int | None, tense: str
) -> None:
    s = Slots(weekday=weekday, weekday_end=weekday_end, rel=rel)
    ctx = Context(
        reference,
        reference,
        future=tense == "future",
        past=tense == "past",
        verbless=tense == "verbless",
        progressive=tense == "progressive",
    )
    assert outcome(lambda: _weekday(s, ctx)) == outcome(lambda: reference_weekday(s, ctx))
