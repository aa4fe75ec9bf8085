"""Group classified tokens into temporal expressions and fill each one's slots.

The grammar reads tokens left to right and lets each token fill one slot of the current
expression (day, month, year, weekday, part of day, hour, ...). A token that would fill a
slot already filled, or that cannot follow what is there, ends the expression. Ranges
(থেকে, a hyphen) and lists (ও) of incomplete dates are joined afterwards, the first part
borrowing what it lacks from the last (১০ থেকে ১২ অক্টোবর).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .tokens import Token

# Classes that can begin an expression.
_STARTERS = frozenset("MBHWAaRnUVPhNYydDtcXFrKzZfews")


@dataclass
class Slots:
    """What one expression says, slot by slot; None where it says nothing."""

    first: int = 0  # index of its first token
    last: int = 0  # index of its last token (inclusive)
    rel: int | None = None
    new: bool = False
    deictic: int | str | None = None
    anaphor: int | None = None
    weekday: int | None = None
    weekday_end: int | None = None
    day: int | None = None
    day_end: int | None = None
    month: int | None = None
    month_end: int | None = None
    calendar: str = "gregorian"
    year: int | None = None
    year_end: int | None = None
    year_glued: bool = False  # written with a case ending (২০২৩-এ): a date even without সাল
    era: str | None = None
    unit: str | None = None
    inner_unit: str | None = None
    count: int | str | None = None
    fiscal: bool = False
    every: bool = False
    edge: str | None = None
    half: tuple[float, float] | None = None
    first_n: bool = False
    same_period: bool = False
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    fraction: int = 0
    duration_marker: bool = False
    decade: int | None = None
    date_value: Any = None  # a datetime.date from a numeric date token

    def has_date(self) -> bool:
        return (
            any(
                v is not None
                for v in (
                    self.day,
                    self.month,
                    self.year,
                    self.date_value,
                    self.weekday,
                    self.deictic,
                    self.anaphor,
                )
            )
            or self.fiscal
        )

    def is_empty(self) -> bool:
        return self == Slots(first=self.first, last=self.last)

    def merge_missing(self, other: Slots) -> bool:
        """Fill this expression's empty date slots from `other`; False where they disagree."""
        for name in ("weekday", "day", "month", "year", "era", "date_value"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if theirs is None:
                continue
            if mine is None:
                setattr(self, name, theirs)
            elif mine != theirs:
                return False
        if other.calendar != "gregorian":
            self.calendar = other.calendar
        return True


@dataclass
class Expression:
    """A found expression: its token span, its slots, and for a range the slots of its end."""

    first: int
    last: int
    slots: Slots
    end: Slots | None = None


def find_expressions(tokens: list[Token]) -> list[Expression]:
    """All temporal expressions in a field's tokens, in order, not overlapping."""
    found: list[Expression] = []
    i = 0
    n = len(tokens)
    while i < n:
        if tokens[i].cls not in _STARTERS:
            i += 1
            continue
        if (listed := _weekday_list(tokens, i)) is not None:
            found.append(listed)
            i = listed.last + 1
            continue
        slots = _parse(tokens, i)
        if slots is None:
            i += 1
            continue
        expression = Expression(slots.first, slots.last, slots)
        expression = _extend_range(tokens, expression)
        found.append(expression)
        i = expression.last + 1
    return [e for e in found if _is_temporal(e)]


def _cls(tokens: list[Token], i: int) -> str:
    return tokens[i].cls if 0 <= i < len(tokens) else ""


def _starts_date(tokens: list[Token], i: int) -> bool:
    return _cls(tokens, i) in ("M", "B", "H")


def _parse(tokens: list[Token], i: int) -> Slots | None:
    """Read one expression from token i on; None when token i begins none."""
    s = Slots(first=i, last=i)
    n = len(tokens)
    j = i
    took_any = False
    while j < n:
        tok = tokens[j]
        c = tok.cls
        nxt = _cls(tokens, j + 1)
        took = False
        if c == "R" and s.is_empty():
            s.rel = tok.value
            took = True
        elif c == "n" and s.is_empty():
            s.new = True
            took = True
        elif c in ("z",) and s.is_empty():
            s.every = True
            took = True
        elif c == "Z" and s.is_empty():
            s.every, s.unit = True, tok.value
            took = True
        elif c == "A" and s.deictic is None and not s.has_date() and s.rel is None:
            s.deictic = tok.value
            took = True
        elif c == "a" and s.is_empty():
            s.anaphor = tok.value
            took = True
        elif (c == "W" and s.weekday is None and s.day is None) or (
            c == "W" and s.weekday is None and s.day is not None
        ):
            s.weekday = tok.value
            took = True
        elif (
            c in ("d", "D", "N")
            and s.hour is not None
            and s.minute is None
            and nxt == "U"
            and tokens[j + 1].value == "MIN"
        ):
            s.minute = tok.value
            s.last = j + 1
            j += 2
            took_any = True
            continue
        elif (
            c in ("d", "D", "N")
            and s.hour is not None
            and s.minute is None
            and c == "d"
            and s.part is None
            and s.fraction == 0
            and nxt != "U"
        ):
            break
        elif (
            c in ("d", "N")
            and nxt == "T"
            and s.hour is None
            and isinstance(tok.value, int)
            and tok.value <= 24
        ):
            s.hour, s.minute = tok.value, 0
            s.last = j + 1
            j += 2
            took_any = True
            continue
        elif (
            c in ("d", "D")
            and s.day is None
            and (
                _starts_date(tokens, j + 1)
                or (s.month is not None and s.day is None and s.year is None and c == "d")
                or (c == "D" and s.is_empty())
                or (nxt in (">", "&", "-") and s.is_empty() and _cls(tokens, j + 2) in ("d", "D", "y", "Y"))
            )
        ):
            s.day = tok.value
            took = True
        elif c in ("d", "N", "K") and s.count is None and nxt == "U":
            s.count = "X" if c == "K" else tok.value
            took = True
        elif c == "K" and s.count is None and nxt == "K":
            took = True
        elif (
            c == "N"
            and isinstance(tok.value, int)
            and 10 <= tok.value <= 90
            and nxt == "U"
            and tokens[j + 1].value == "DE"
        ):
            s.decade = tok.value
            took = True
        elif c == "r" and s.day is None and _starts_date(tokens, j + 1):
            s.day, s.day_end = tok.value
            took = True
        elif c in ("Y", "y") and s.year is None and s.date_value is None:
            s.year, s.year_glued = tok.value, c == "Y"
            took = True
        elif c == "F" and s.year is None:
            s.year, s.year_end = tok.value
            took = True
        elif c == "E" and s.year is not None and s.era is None:
            s.era = tok.value
            took = True
        elif c == "H" and not (s.day is not None or _cls(tokens, j + 1) in ("Y", "y")):
            break  # সফর is also "a visit": a Hijri month needs its day or year beside it
        elif c in ("M", "B", "H") and s.month is None and s.date_value is None:
            s.month = tok.value
            s.calendar = {"M": "gregorian", "B": "bengali", "H": "hijri"}[c]
            if nxt == "-" and _cls(tokens, j + 2) == c:
                s.month_end = tokens[j + 2].value
                j += 2
            took = True
        elif c == "X" and not s.has_date():
            s.date_value = tok.value
            took = True
        elif c == "V" and not s.fiscal and s.unit is None:
            s.fiscal = True
            took = True
        elif c == "U" and s.unit is None and s.hour is None:
            if tok.value == "DE" and s.year is not None and s.decade is None:
                s.decade, s.year = s.year // 10, None
            s.unit = tok.value
            took = True
        elif c == "U" and s.unit == "CE" and tok.value == "DE" and s.decade is not None:
            s.inner_unit = "DE"
            took = True
        elif (
            c == "U"
            and s.unit is not None
            and s.inner_unit is None
            and (s.first_n or s.edge)
            and tok.value in ("D", "W", "M")
        ):
            s.inner_unit = tok.value
            took = True
        elif c == "U" and s.fiscal and s.unit is None:
            s.unit = tok.value
            took = True
        elif c in ("f",) and (s.month is not None or s.unit is not None or s.fiscal or s.year is not None):
            s.first_n = True
            took = True
        elif (
            c == "e"
            and (s.month is not None or s.unit is not None or s.fiscal or s.year is not None)
            and s.edge is None
        ) or (c == "e" and s.is_empty() and nxt == "U"):
            s.edge = tok.value
            took = True
        elif c == "s" and s.half is None and (s.month is not None or s.fiscal or s.year is not None):
            s.half = tok.value
            took = True
        elif c == "S" and (s.fiscal or s.unit or s.year is not None):
            s.same_period = True
            took = True
        elif c == "P" and s.part is None and s.hour is None:
            s.part = tok.value
            took = True
        elif c == "h" and s.hour is None and _cls(tokens, j + 1) in ("t", "d", "N", "c"):
            s.fraction = tok.value
            took = True
        elif (c == "t" and s.hour is None) or (
            c == "c" and s.hour is None and (s.part is not None or s.has_date() or nxt in ("U", "~"))
        ):
            s.hour, s.minute = tok.value
            took = True
        elif (c == "~" and (s.hour is not None or s.part is not None)) or (
            c == "q" and (s.day is not None or s.date_value is not None)
        ):
            took = True
        elif c == "+" and s.count is not None and s.unit is not None:
            s.duration_marker = True
            took = True
        elif c == "(" and took_any:
            close = _bracket(tokens, j, s)
            if close is None:
                break
            s.last = close
            j = close + 1
            continue
        elif c == "," and took_any and _comma_continues(tokens, j, s):
            j += 1
            continue
        else:
            break
        if took:
            took_any = True
            s.last = j
            j += 1
    if not took_any:
        return None
    return s


def _comma_continues(tokens: list[Token], j: int, s: Slots) -> bool:
    """A comma inside a date: `সোমবার, ১২ আগস্ট`, `অক্টোবর ১২, ২০২৩`, `১৪২২ ঘণ্টা, ফেব্রুয়ারি ২৬`."""
    nxt, after = _cls(tokens, j + 1), _cls(tokens, j + 2)
    if s.weekday is not None and s.day is None and nxt in ("d", "D") and _starts_date(tokens, j + 2):
        return True
    if s.month is not None and s.day is not None and s.year is None and nxt in ("Y", "y"):
        return True
    return s.hour is not None and s.day is None and nxt == "M" and after in ("d", "D")


def _bracket(tokens: list[Token], j: int, s: Slots) -> int | None:
    """Merge a bracketed restatement (`বৃহস্পতিবার (১২ অক্টোবর)`); the index of `)`, or None."""
    inner = _parse(tokens, j + 1)
    if inner is None or _cls(tokens, inner.last + 1) != ")":
        return None
    if inner.hour is not None or inner.part is not None or inner.count is not None:
        return None
    if not inner.has_date() or not s.merge_missing(inner):
        return None
    return inner.last + 1


def _weekday_list(tokens: list[Token], i: int) -> Expression | None:
    """`সোম, মঙ্গল ও বুধবার`: truncated weekday names listed before a full one."""
    if _cls(tokens, i) != "w":
        return None
    j = i
    while _cls(tokens, j) == "w" and _cls(tokens, j + 1) in (",", "&"):
        j += 2
    if _cls(tokens, j) != "W" or j == i:
        return None
    slots = Slots(first=i, last=j, weekday=tokens[i].value, weekday_end=tokens[j].value)
    return Expression(i, j, slots)


def _extend_range(tokens: list[Token], expression: Expression) -> Expression:
    """Join `A থেকে B`, `A-B` and `A ও B` when both ends are dates or times of one kind."""
    j = expression.last + 1
    link = _cls(tokens, j)
    if link not in (">", "-", "&"):
        return expression
    second = _parse(tokens, j + 1)
    if second is None:
        return expression
    first = expression.slots
    if link == "&":
        # Only a list whose first part lacks what the second gives (১৩ ও ১৪ আগস্ট) is one.
        if not (
            first.day is not None
            and first.month is None
            and second.day is not None
            and second.month is not None
            and first.hour is None
        ):
            return expression
    elif link == "-" and tokens[j].start != tokens[j - 1].end:
        return expression
    if not _same_kind(first, second):
        return expression
    start = replace(first)
    if first.hour is None:
        start.merge_missing(second)
    elif start.part is None and second.part is not None and first.has_date() is False:
        start.part = second.part
    end = replace(second)
    if end.part is None and end.hour is not None:
        end.part = first.part
    if not (end.has_date() or end.hour is not None):
        return expression
    if first.rel is not None and end.rel is None:
        end.rel = first.rel
    return Expression(first.first, second.last, start, end)


def _same_kind(first: Slots, second: Slots) -> bool:
    if first.hour is not None or second.hour is not None:
        return first.hour is not None and second.hour is not None
    if first.count is not None or second.count is not None:
        return False
    if first.year is not None and first.month is None and first.day is None:
        return second.year is not None and second.month is None
    return (
        first.day is not None
        or first.month is not None
        or first.weekday is not None
        or first.deictic is not None
    ) and (
        second.day is not None
        or second.month is not None
        or second.weekday is not None
        or second.deictic is not None
    )


def _is_temporal(expression: Expression) -> bool:
    """Drop what the grammar collected but is not a date: a bare number, a lone modifier."""
    s = expression.slots
    if s.every:
        return s.unit is not None or s.weekday is not None or s.part is not None
    if s.count is not None:
        return s.unit is not None
    if s.hour is not None:
        return True
    if s.decade is not None and s.unit in ("DE", "CE"):
        return True
    if s.date_value is not None or s.month is not None or s.weekday is not None:
        return True
    if s.deictic is not None:
        return s.deictic != "vague"
    if s.anaphor is not None:
        return True
    if s.part is not None:
        return True
    if s.year is not None:
        return s.era is not None or s.fiscal or s.year_end is not None or s.year_glued
    if s.unit is not None and s.unit not in ("H", "MIN", "S"):
        return s.rel is not None or s.new or (s.edge is not None and s.inner_unit is not None)
    if s.fiscal:
        return s.rel is not None or s.first_n or s.half is not None or s.same_period
    return False
