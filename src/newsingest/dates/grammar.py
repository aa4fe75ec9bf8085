"""Group classified tokens into temporal expressions and fill each one's slots.

The grammar reads tokens left to right and lets each token fill one slot of the current
expression (day, month, year, weekday, part of day, hour, ...). A token that would fill a
slot already filled, or that cannot follow what is there, ends the expression. Ranges
(থেকে, a hyphen) and lists (ও) of incomplete dates are joined afterwards, the first part
borrowing what it lacks from the last (১০ থেকে ১২ অক্টোবর).
"""

from __future__ import annotations

from copy import copy
from typing import Any, Final

from .lexicon import (
    AGE_COMPARATIVES,
    AGO_WORDS,
    CLOCK_CASE_ENDINGS,
    DEMONSTRATIVES,
    GENITIVE_ENDINGS,
    GENITIVE_LOOKING_NAMES,
    INTERVAL_WORDS,
    LOCATIVE_ENDINGS,
    PERSON_AGE_WORDS,
)
from .tokens import WORD_STARTS, Token, nfc

_GENITIVE: Final = frozenset(map(nfc, GENITIVE_ENDINGS))
_WORD_STARTS: Final = WORD_STARTS
_AGO_WORDS: Final = frozenset(map(nfc, AGO_WORDS))
_INTERVAL_WORDS: Final = frozenset(map(nfc, INTERVAL_WORDS))
_LOCATIVE: Final = frozenset(map(nfc, LOCATIVE_ENDINGS))
_DEMONSTRATIVES: Final = frozenset(map(nfc, DEMONSTRATIVES))
_NOT_GENITIVE: Final = frozenset(map(nfc, GENITIVE_LOOKING_NAMES))
_VOWEL_SIGNS: Final = frozenset("\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c7\u09c8\u09cb\u09cc")
_AGE_COMPARATIVES: Final = frozenset(map(nfc, AGE_COMPARATIVES))
_PERSON_AGE_WORDS: Final = frozenset(map(nfc, PERSON_AGE_WORDS))
# Tokens of a range of counts before the last one (২০ থেকে, ২০-), which an age word may precede.
_COUNT_RANGE: Final = ("N", "d", ">", "-")
_CLOCK_CASED: Final = frozenset(map(nfc, CLOCK_CASE_ENDINGS))

_CALENDARS: Final = {"M": "gregorian", "B": "bengali", "H": "hijri"}
_DATE_CLASSES: Final = frozenset("dDMBHrX")
# What may follow a bracketed restatement: the time of that day.
_AFTER_BRACKET: Final = frozenset("PhtcdNTv~")

# Units a count in a compound length may follow (দুই বছর ছয় মাস, এক ঘণ্টা ২০ মিনিট).
_SMALLER_UNITS: Final = {
    "Y": ("M", "W", "D"),
    "M": ("W", "D"),
    "W": ("D",),
    "D": ("H",),
    "H": ("MIN",),
    "MIN": ("S",),
}

# The slots that say which day, as opposed to how the expression says it.
_DATE_SLOTS: Final = ("weekday", "day", "month", "year", "era", "date_value")

# Classes that can begin an expression.
_STARTERS: Final = frozenset("MBHWAaRLnUuVPhNYydDtcXFrKzZfewsCO")
# Classes no branch of _take accepts: ranges, lists and look-ahead handle them elsewhere.
_NEVER_TAKEN: Final = frozenset("owg><&T)-.:")


class Slots:
    """What one expression says, slot by slot; None where it says nothing.

    Each slot's default is a class attribute, which __init__ leaves in place: a dataclass's
    generated __init__ of fifty assignments cost ten times as much (and compiled, mypyc
    sets the defaults in C).
    """

    first: int = 0  # index of its first token
    last: int = 0  # index of its last token (inclusive)
    size: int = 0  # how many tokens it has taken
    rel: int | None = None
    rel_anaphoric: bool = False  # আগের/পরের: counted from the last period named, not from today
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
    count: int | float | str | None = None
    fiscal: bool = False
    fiscal_start: int = 7  # the month a fiscal year begins in (FISCAL_YEAR_WORDS)
    every: bool = False
    per_unit: bool = False  # মাসে একবার, সপ্তাহে দুই দিন: so many times in each unit
    edge: str | None = None
    half: tuple[float, float] | None = None
    first_n: bool = False
    same_period: bool = False
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    fraction: int = 0
    decade: int | None = None
    date_value: Any = None  # a datetime.date from a numeric date token
    month_bare: bool = False  # a month name with no ending and nothing else (জুলাই সনদ)
    clock_cased: bool = False  # a clock hour in a case form (৩টায়), a time by itself
    approximate: bool = False  # দিকে, নাগাদ
    century: int | None = None  # 19 for the 20th century
    bracketed: bool = False  # a bracketed restatement has been taken
    year_short: bool = False  # written with two digits (৭১ সালে)
    day_word: bool = False  # the day is followed by তারিখ (গত ১২ তারিখ: a day of a month)
    part_index: int | None = None  # the Nth quarter (part_unit "Q") or week ("W") of the period
    part_unit: str | None = None
    marker: bool = False  # a postposition after the count: ধরে, পরে, আগে (or আগের, পরের)
    ago: bool = False  # counted back from now: তিন দিন আগে, তিন বছর আগের ঘটনা
    minor: tuple[int, str] | None = None  # a smaller count and unit after the count: এক ঘণ্টা ২০ মিনিট
    after_genitive: bool = False  # follows a noun in the genitive (সফরের এক মাস পরে: from an event)
    after_demonstrative: bool = False  # follows সেই, ওই: a period named before, not the current one

    def __init__(self, first: int = 0) -> None:
        """An expression with no token taken yet, at token `first`: every other slot reads
        its class default (made for every token that may begin a date)."""
        self.first = self.last = first
        # Compiled, mypyc 2.4 leaves a slot whose type joins int and str unset by its default.
        self.deictic = self.count = None

    def has_date(self) -> bool:
        """Does it say which day or period (not only a count, a unit or a time)? Spelt out,
        without a generator: the grammar asks this for most tokens it reads."""
        return (
            self.day is not None
            or self.month is not None
            or self.year is not None
            or self.date_value is not None
            or self.weekday is not None
            or self.deictic is not None
            or self.anaphor is not None
            or self.fiscal
        )

    def is_empty(self) -> bool:
        return self.size == 0

    def agrees_with(self, other: Slots) -> bool:
        """Do the two say nothing contradictory about the date (a restatement in brackets)?"""
        return all(
            getattr(self, name) is None
            or getattr(other, name) is None
            or getattr(self, name) == getattr(other, name)
            for name in _DATE_SLOTS
        )

    def fill_missing(self, other: Slots) -> None:
        """Take the date slots this one leaves empty from `other` (১০ থেকে ১২ অক্টোবর)."""
        for name in _DATE_SLOTS:
            if getattr(self, name) is None and getattr(other, name) is not None:
                setattr(self, name, getattr(other, name))
        if self.calendar == "gregorian" and other.calendar != "gregorian" and self.month == other.month:
            self.calendar = other.calendar
        if other.fiscal and self.year_end is not None:
            # ২০২১-২২ থেকে ২০২৩-২৪ অর্থবছর: both ends are fiscal years
            self.fiscal, self.fiscal_start = True, other.fiscal_start


# Every slot, for copying one expression's slots onto another. Compiled, the class lists its
# attributes in __mypyc_attrs__ and keeps no annotations (mypyc refuses either name as such).
_SLOT_NAMES: tuple[str, ...] = getattr(Slots, "__mypyc_attrs__", None) or tuple(
    vars(Slots)["__annotations__"]
)


class Expression:
    """A found expression: its token span, its slots, and for a range the slots of its end."""

    def __init__(self, first: int, last: int, slots: Slots, end: Slots | None = None) -> None:
        self.first = first
        self.last = last
        self.slots = slots
        self.end = end
        self.followed_by_word = False  # the next token is an ordinary word (for bare month names)


def find_expressions(tokens: list[Token], text: str) -> list[Expression]:
    """All temporal expressions in a field's tokens (of `text`), in order, not overlapping."""
    found: list[Expression] = []
    i = 0
    n = len(tokens)
    while i < n:
        cls = tokens[i].cls
        # (Two tokens in three are ordinary words: the first test spares them the set's.)
        if cls == "o" or cls not in _STARTERS or (cls in "RL" and _cls(tokens, i + 1) == "o"):
            i += 1  # (a modifier before an ordinary word, ওই ঘটনায়, begins nothing)
            continue
        if cls == "w" and (listed := _weekday_list(tokens, i)) is not None:
            found.append(listed)
            i = listed.last + 1
            continue
        slots = _parse(tokens, i)
        if slots is None:
            i += 1
            continue
        before = _ordinary_word(tokens, slots.first - 1, text)
        if before is not None:
            slots.after_genitive = bool(genitive_ending(before))
            slots.after_demonstrative = before in _DEMONSTRATIVES  # সেই, ওই
        elif _cls(tokens, slots.first - 1) not in ("", "o"):  # a lexicon word: by its ending
            slots.after_genitive = _took_genitive(tokens, slots.first)
        expression = Expression(slots.first, slots.last, slots)
        expression = _extend_range(tokens, expression)
        following = _cls(tokens, expression.last + 1)
        expression.followed_by_word = following == "o"
        if following == "&" and slots.year is not None and slots.era is None and expression.end is None:
            # ১৯৭৮ ও ১৯৮৬ সালে: each year is a date of its own, the first borrowing সালে.
            next_year = _parse(tokens, expression.last + 2)
            if next_year is not None and next_year.year is not None and next_year.era is not None:
                slots.era = next_year.era
        if slots.count is not None and not slots.marker and _is_age(tokens, expression, text):
            i = expression.last + 1  # ৩০ বছর বয়সী, বয়স হয়েছিল ৯৪ বছর: an age (দুই দিন আগে ছেলেকে is not)
            continue
        found.append(expression)
        i = expression.last + 1
    return [e for e in found if _is_temporal(e)]


def _is_age(tokens: list[Token], expression: Expression, text: str) -> bool:
    """An age word right after the count (৩০ বছর বয়সী), a person's after a comparative (১৮
    বছরের কম বয়সী), or one before it, also before a range of counts (বয়স ২০ থেকে ২৬ বছরের)."""
    after = expression.last + 1
    if _cls(tokens, after) == "g":
        return True
    comparative = _ordinary_word(tokens, after, text) in _AGE_COMPARATIVES
    if comparative and _cls(tokens, after + 1) == "g" and tokens[after + 1].value in _PERSON_AGE_WORDS:
        return True
    j = expression.first - 1
    while _cls(tokens, j) in _COUNT_RANGE and j > expression.first - 4:
        j -= 1  # back over ২০ থেকে, ২০-
    return _cls(tokens, j) == "g" or _cls(tokens, expression.first - 2) == "g"


def _cls(tokens: list[Token], i: int) -> str:
    return tokens[i].cls if 0 <= i < len(tokens) else ""


def _ordinary_word(tokens: list[Token], i: int, text: str) -> str | None:
    """The text of token i when it is an ordinary word, which carries none of its own
    (tokens.Token); None for any other token, a number of no date shape (৫০জন) included."""
    if i < 0 or i >= len(tokens) or tokens[i].cls != "o" or text[tokens[i].start] not in _WORD_STARTS:
        return None  # (tokens.is_ordinary_word, inline: this module is compiled, that one not)
    return text[tokens[i].start : tokens[i].end]


def _starts_date(tokens: list[Token], i: int) -> bool:
    return _cls(tokens, i) in ("M", "B", "H")


def _parse(tokens: list[Token], i: int) -> Slots | None:
    """Read one expression from token i on; None when token i begins none.

    Each token fills one slot if it can follow what the expression holds so far; the first
    token that cannot ends the expression.
    """
    s = Slots(i)
    j = i
    while j < len(tokens):
        taken = _take(tokens, j, s)
        if taken == 0:
            break
        s.size += taken
        s.last = j + taken - 1
        j += taken
    return s if s.size else None


def _took_genitive(tokens: list[Token], j: int) -> bool:
    """Is token j-1, a lexicon word, in the genitive (ডিসেম্বরের দ্বিতীয় সপ্তাহে)? An ordinary
    word's genitive is read from its letters (genitive_ending)."""
    return tokens[j - 1].ending in _GENITIVE


def genitive_ending(word: str) -> str:
    """The genitive ending of an ordinary word (সফরের, সভার), so the grammar can tell an
    offset from an event (সফরের এক মাস পরে) from one from today."""
    if word.endswith("ের"):
        return "ের"
    if len(word) > 2 and word[-1] == "র" and word[-2] in _VOWEL_SIGNS and word not in _NOT_GENITIVE:
        return "র"
    return ""


def _has_period(s: Slots) -> bool:
    return s.month is not None or s.unit is not None or s.fiscal or s.year is not None


def _take(tokens: list[Token], j: int, s: Slots) -> int:
    """How many tokens from j the expression `s` takes (filling its slots); 0 ends it.

    One branch per kind of token, in this order: modifiers and deictic words, weekdays,
    clock times, centuries and decades, days, counts, years and eras, months, numeric
    dates, fiscal years, units, parts of a period, parts of day, then connectors
    (brackets, commas). Earlier branches win where a token could be read two ways.
    """
    if j >= len(tokens):
        return 0
    tok = tokens[j]
    letter, value = tok.cls, tok.value
    if letter in _NEVER_TAKEN:
        return 0  # most expressions end on an ordinary word: say so before forty branches
    # Classes are compared as code points (c == ord("M")): mypyc folds ord("M") into a
    # constant and the test into one instruction, where comparing strings is a call. This
    # function runs for every token an expression reads, through forty branches.
    c = ord(letter)
    if (
        letter in _DATE_CLASSES
        and s.unit is not None
        and tokens[j - 1].cls == "U"
        and tokens[j - 1].ending not in _GENITIVE
        and not (c == ord("d") and _cls(tokens, j + 1) == "U")  # a count with its unit: এক ঘণ্টা ২০ মিনিট
    ):
        month_after_unit = (
            s.unit == "M" and s.rel is not None and s.count is None and not tokens[j - 1].ending
        )
        if c == ord("M") and month_after_unit:
            # আগের মাস এপ্রিলে, গত মাস জুনে: the month named in apposition is the one meant
            s.month, s.rel, s.rel_anaphoric, s.unit = value, None, False, None
            return 1
        return 0  # এ বছর ৮ ফাল্গুন: a date after a unit word belongs to it only through "of" (বছরের)
    if s.bracketed and letter not in _AFTER_BRACKET:
        return 0  # after (২ জুন) only its time may follow, not a new period (২০২৫-২৬ অর্থবছর)
    # _cls(tokens, j + 1) and j + 2, spelt out: this runs for every token an expression reads
    nxt = ord(tokens[j + 1].cls) if j + 1 < len(tokens) else 0
    after = ord(tokens[j + 2].cls) if j + 2 < len(tokens) else 0
    number = c in (ord("d"), ord("D"), ord("N"), ord("y"))
    if c in (ord("R"), ord("L")) and s.is_empty():
        s.rel, s.rel_anaphoric = value, c == ord("L")
    elif c == ord("n") and s.is_empty() and nxt in (ord("U"), ord("V")):
        s.new = True
    elif c == ord("z") and s.is_empty():
        s.every = True
    elif c == ord("Z") and s.is_empty():
        s.every, s.unit = True, value
    elif (
        c == ord("A")
        and s.deictic is None
        and not s.has_date()
        and s.rel is None
        and s.count is None
        and s.unit is None
    ):
        s.deictic = value
    elif c == ord("a") and s.is_empty():
        s.anaphor = value
    elif (
        c == ord("W")
        and s.weekday is None
        and s.day is not None
        and s.month is not None
        and s.day_end is None
        and s.hour is None
        and _cls(tokens, s.first - 1) != "&"
        and _cls(tokens, j + 1) != "&"
    ):
        s.weekday = value  # ২৩ জানুয়ারি শুক্রবার: a weekday in apposition (not ১ ও ২ মার্চ শুক্রবার ও শনিবার)
    elif (
        c == ord("W")
        and s.weekday is None
        and s.day is None
        and s.hour is None
        and s.count is None
        and (s.unit is None or s.inner_unit == "D")
    ):
        s.weekday = value
    # Clock times: ৩টা, ৩ টা, ১৪২২ ঘণ্টা (a dateline's 24-hour time), minutes after the hour.
    elif number and nxt == ord("T") and s.hour is None and isinstance(value, int) and value <= 24:
        s.hour, s.minute, s.clock_cased = value, 0, tokens[j + 1].value in _CLOCK_CASED
        return 2
    elif (
        c == ord("y")
        and s.is_empty()
        and nxt == ord("U")
        and tokens[j + 1].value == "H"
        and after == ord(",")
        and value // 100 < 24
        and value % 100 < 60
    ):
        s.hour, s.minute, s.clock_cased = value // 100, value % 100, True
        return 2
    elif (
        number
        and s.hour is not None
        and not s.minute
        and nxt == ord("U")
        and tokens[j + 1].value == "MIN"
        and isinstance(value, int)
        and value < 60  # ৮টায় ২০২৩ মি is no minute of the hour
    ):
        s.minute = value
        return 2
    elif (
        c == ord("c")
        and s.hour is None
        and (s.part is not None or s.has_date() or nxt in (ord("U"), ord("~")))
    ):
        s.hour, s.minute = value
        s.clock_cased = True
        return 2 if nxt == ord("U") and tokens[j + 1].value == "MIN" else 1
    elif c == ord("r") and s.part is not None and s.hour is None and value[0] <= 24 and value[1] < 60:
        s.hour, s.minute = value  # রাত ৯-৩০ মি: a clock time written with a hyphen
        s.clock_cased = True
        return 2 if nxt == ord("U") and tokens[j + 1].value == "MIN" else 1
    elif c == ord("t") and s.hour is None:
        s.hour, s.minute = value
        s.clock_cased = tok.ending in _CLOCK_CASED
    # Centuries: বিংশ শতাব্দী, উনিশ শতকের (no one counts nineteen centuries).
    elif (
        (c == ord("C") or (number and isinstance(value, int) and 10 <= value <= 22))
        and nxt == ord("U")
        and tokens[j + 1].value == "CE"
        and s.is_empty()
    ):
        s.century, s.unit = value - 1, "CE"
        return 2
    # Decades (নব্বইয়ের দশকে, গত শতাব্দীর ষাটের দশকে) before counts: ষাট is also a number.
    elif (
        c == ord("N")
        and isinstance(value, int)
        and ((10 <= value <= 90 and value % 10 == 0) or (1 <= value <= 9 and tok.ending in _GENITIVE))
        and nxt == ord("U")
        and tokens[j + 1].value == "DE"
        and s.decade is None
    ):
        s.decade = value if value >= 10 else value * 10  # পাঁচের দশক: the fifties, in West Bengal
    elif (
        c == ord("N")
        and s.is_empty()
        and isinstance(value, int)
        and 10 <= value <= 90
        and value % 10 == 0
        and nxt in (ord("-"), ord("&"))
        and after == ord("N")
        and _cls(tokens, j + 3) == "U"
        and tokens[j + 3].value == "DE"
    ):
        s.decade, s.unit = value, "DE"  # সত্তর-আশির দশকে, ষাট ও সত্তরের দশকে: borrows দশক
    # A day: before a month, after a bare month (অক্টোবর ১২), or first in a range or list.
    elif (
        c in (ord("d"), ord("D"))
        and s.day is None
        and (
            _starts_date(tokens, j + 1)
            or (
                c == ord("d")
                and s.month is not None
                and s.year is None
                and tokens[j - 1].cls in ("M", "B", "H")
                and not tokens[j - 1].ending
            )
            or (c == ord("D") and s.is_empty())
            or (
                nxt == ord("q")
                and (s.month is not None or s.unit == "M" or (s.rel is not None and s.size == 1))
            )
            or (s.is_empty() and nxt in (ord(">"), ord("&"), ord("-")) and after in (ord("d"), ord("D")))
            or (s.is_empty() and nxt == ord(",") and _last_listed_day(tokens, j) is not None)
        )
    ):
        s.day = value
    elif (
        c in (ord("d"), ord("N"), ord("K"))
        and s.count is None
        and s.unit is None  # গত সপ্তাহে এক দিনে: a count after a unit starts an expression of its own
        and nxt == ord("U")
        and not s.has_date()
        and s.part is None
    ):
        if c == ord("K"):
            s.count = "X"
        else:  # after সাড়ে, সোয়া, পৌনে: সাড়ে সাত ঘণ্টা is 7.5 hours
            s.count = value + s.fraction / 60 if s.fraction else value
    elif (
        c in (ord("d"), ord("N"))
        and isinstance(s.count, int)
        and s.minor is None
        and not s.marker
        and nxt == ord("U")
        and tokens[j + 1].value in _SMALLER_UNITS.get(s.unit or "", ())
        and isinstance(value, int)
    ):
        s.minor = (value, tokens[j + 1].value)  # দুই বছর ছয় মাস, এক ঘণ্টা ২০ মিনিট: one length
        return 2
    elif c in (ord("d"), ord("N")) and s.count is None and s.first_n and nxt == ord("U"):
        s.count = value
    elif c == ord("u") and s.count is None and s.unit is None and not s.has_date():
        s.count, s.unit = value  # সপ্তাহখানেক আগে (about a week ago), দু’বছর ধরে
    elif c == ord("k") and s.count is None and s.size == 1 and s.unit is not None:
        s.count = value  # দিন সাতেক: the unit comes first
    elif c == ord("K") and s.count is None and nxt == ord("K"):
        pass
    elif c == ord("r") and s.day is None and _starts_date(tokens, j + 1):
        s.day, s.day_end = value
    elif c in (ord("Y"), ord("y")) and s.year is None and s.date_value is None and s.count is None:
        s.year, s.year_glued = value, c == ord("Y")
    elif (
        c == ord("N")
        and isinstance(value, int)
        and 100 <= value < 1000
        and nxt == ord("E")
        and s.year is None
    ):
        s.year = value  # ৬৮০ খ্রিস্টাব্দে
    elif (
        c in (ord("d"), ord("N"))
        and isinstance(value, int)
        and 10 <= value < 100
        and nxt == ord("E")
        and s.year is None
        and tokens[j + 1].value == "gregorian"
        and s.count is None
    ):
        s.year, s.year_short = value, True  # ৭১ সালে: a year of the century the reference lies near
    elif c == ord("F") and s.year is None and not s.has_date():
        s.year, s.year_end = value
    elif c == ord("E") and s.year is not None and s.era is None:
        s.era = value
    elif (
        c == ord("E")
        and s.era not in (None, "gregorian")
        and value == "gregorian"
        and tokens[j - 1].cls == "E"
    ):
        pass  # হিজরি সনের, বাংলা সালের: an era, then the word "year" (not সালে বাংলা ভাষা)
    elif c == ord("H") and not (
        s.day is not None
        or s.era == "hijri"
        or nxt in (ord("Y"), ord("y"))
        or (nxt == ord("U") and tokens[j + 1].value == "M")
    ):
        return 0  # সফর is also "a visit": a Hijri month needs its day, its year or মাস beside it
    elif c in (ord("M"), ord("B"), ord("H")) and s.month is None and s.date_value is None and s.count is None:
        s.month = value
        s.calendar = _CALENDARS[letter]
        s.month_bare = not tok.ending
        if nxt == ord("-") and after == c:
            s.month_end, s.month_bare = tokens[j + 2].value, False
            return 3
    elif c == ord("X") and not s.has_date():
        s.date_value = value
    elif c == ord("V") and not s.fiscal and s.unit is None and s.hour is None:
        s.fiscal, s.fiscal_start = True, value
    elif c == ord("Q") and s.month_end is not None and s.part_index is None:
        pass  # জানুয়ারি-মার্চ প্রান্তিকে: the quarter word after the months it names
    elif c == ord("Q") and s.rel is not None and s.size == 1 and nxt == ord("("):
        s.part_unit = "Q"  # পরের প্রান্তিকে (অক্টোবর-ডিসেম্বর): the bracket names its months
    elif c == ord("U"):
        return _take_unit(tokens, j, s)
    elif (
        c == ord("x")
        or (
            c in (ord("d"), ord("N"))
            and nxt == ord("U")
            and tokens[j + 1].value in _SMALLER_UNITS.get(s.unit or "", ())
        )
        or (c == ord("u") and value[1] in _SMALLER_UNITS.get(s.unit or "", ()))  # সপ্তাহে দু’দিন
    ) and _per_unit(tokens, j, s):
        s.every = s.per_unit = True  # মাসে একবার, সপ্তাহে দুই দিন: so many times in each unit, a set
        return 2 if c in (ord("d"), ord("N")) else 1
    elif (
        c == ord("f")
        and _has_period(s)
        and _took_genitive(tokens, j)
        and nxt in (ord("N"), ord("d"), ord("U"), ord("K"))
    ):
        s.first_n = True
    # The Nth week or quarter of a period: ডিসেম্বরের দ্বিতীয় সপ্তাহে, অর্থবছরের প্রথম প্রান্তিকে.
    elif (
        c in (ord("f"), ord("O"))
        and (
            _has_period(s)
            or (s.rel is not None and s.unit is None)
            or (s.is_empty() and nxt == ord("Q") and after == ord("("))  # দ্বিতীয় প্রান্তিকে (অক্টোবর-ডিসেম্বর)
        )
        and s.part_index is None
        and (nxt == ord("Q") or (nxt == ord("U") and tokens[j + 1].value == "W" and c == ord("O")))
        and (not _has_period(s) or _took_genitive(tokens, j))
    ):
        s.part_index = 1 if c == ord("f") else value
        s.part_unit = "Q" if nxt == ord("Q") else "W"
        return 2
    elif (
        c == ord("e")
        and _has_period(s)
        and s.edge is None
        and s.count is None
        and _took_genitive(tokens, j)
    ):
        s.edge = value
    elif c == ord("s") and s.half is None and _has_period(s) and _took_genitive(tokens, j):
        s.half = value
    elif c == ord("S") and (s.fiscal or s.unit or s.year is not None) and _took_genitive(tokens, j):
        s.same_period = True
    elif c == ord("v") and s.has_date() and s.part is None and nxt == ord("P"):
        pass  # বুধবার দিবাগত রাত: the night after that day, as রাত's hours already say
    elif c == ord("P") and s.part is None and s.hour is None:
        s.part = value
    elif (
        c == ord("h")
        and s.hour is None
        and (nxt in (ord("t"), ord("c")) or (nxt in (ord("d"), ord("N")) and after in (ord("T"), ord("U"))))
    ):
        s.fraction = value  # সাড়ে ৮টা (a clock time), সাড়ে সাত ঘণ্টা (a count, below)
    elif c == ord("~") and (
        s.hour is not None or s.part is not None or (s.edge and tokens[j - 1].cls == "e")
    ):
        s.approximate = True  # রাত ৯টার দিকে; মাসের শেষ দিকে (the edge of a period, roughly)
    elif c == ord("q") and (s.day is not None or s.date_value is not None):
        s.day_word = True
    elif c == ord("+") and s.count is not None and s.unit is not None and not s.marker:
        s.marker, s.ago = True, value in _AGO_WORDS
        s.every = s.every or value in _INTERVAL_WORDS  # তিন মাস পরপর: every three months
    elif c == ord("L") and s.count is not None and s.unit is not None and not s.marker:
        s.marker, s.ago = True, value < 0  # তিন বছর আগের ঘটনা: "of three years ago"
    elif c == ord("(") and not s.is_empty():
        close = _bracket(tokens, j, s)
        if close is None:
            return 0
        s.bracketed = True
        return close - j + 1
    elif c == ord(",") and not s.is_empty() and _comma_continues(tokens, j, s):
        return 1 if _take(tokens, j + 1, copy(s)) else 0
    else:
        return 0
    return 1


def _per_unit(tokens: list[Token], j: int, s: Slots) -> bool:
    """Is the expression so far a bare unit in the locative (মাসে, সপ্তাহে), as before a frequency?"""
    before = tokens[j - 1]
    return s.size == 1 and s.unit is not None and before.cls == "U" and before.ending in _LOCATIVE


def _take_unit(tokens: list[Token], j: int, s: Slots) -> int:
    """A unit word: a relative period (গত মাসে), a count's unit (তিন দিন), a part of a period."""
    value = tokens[j].value
    if value == "M" and s.month is not None and s.day is None and tokens[j - 1].cls in _CALENDARS:
        s.month_bare = False  # জুলাই মাসে: the word "month" after a month's name
    elif (s.edge or s.first_n) and _has_period(s) and s.inner_unit is None and value in ("D", "W", "M"):
        s.inner_unit = value
    elif value == "DE" and s.decade is None and s.year is not None and s.unit is None:
        s.decade, s.year, s.unit = s.year // 10, None, "DE"
    elif value == "DE" and s.unit == "CE" and s.decade is not None:
        s.inner_unit = "DE"
    elif (
        s.unit is None
        and s.hour is None
        and (
            s.is_empty()
            or s.every
            or s.rel is not None
            or s.new
            or s.count is not None
            or s.decade is not None
            or (s.fiscal and s.count is not None)
        )
    ):
        s.unit = value
    else:
        return 0
    return 1


def _comma_continues(tokens: list[Token], j: int, s: Slots) -> bool:
    """A comma inside a date: `সোমবার, ১২ আগস্ট`, `অক্টোবর ১২, ২০২৩`, `১৪২২ ঘণ্টা, ফেব্রুয়ারি ২৬`."""
    nxt, after = _cls(tokens, j + 1), _cls(tokens, j + 2)
    if s.weekday is not None and s.day is None and nxt in ("d", "D") and _starts_date(tokens, j + 2):
        return True
    if s.month is not None and s.day is not None and s.year is None and nxt in ("Y", "y"):
        return True
    if (
        nxt == "W"
        and s.weekday is None
        and (s.deictic is not None or s.anaphor is not None or (s.day is not None and s.month is not None))
    ):
        return True  # আজ, রবিবার; পরদিন, রবিবার; ১৯ আগস্ট, মঙ্গলবার
    if (s.deictic is not None or s.anaphor is not None) and s.size == 1 and nxt in ("d", "D"):
        return _starts_date(tokens, j + 2)  # পরদিন, ৮ মার্চ; আজ, ১২ আগস্ট: the day, named
    return s.hour is not None and s.day is None and nxt == "M" and after in ("d", "D")


def _bracket(tokens: list[Token], j: int, s: Slots) -> int | None:
    """Merge a bracketed restatement; the index of `)`, or None when there is none.

    `বৃহস্পতিবার (১২ অক্টোবর)` adds the date to the weekday, `১৪ এপ্রিল (১ বৈশাখ)` restates
    it in another calendar; after "the last N units"
    (`গত ৬ মাসে (জুলাই-ডিসেম্বর)`) the bracket names the period, which becomes the value.
    """
    inner = _parse(tokens, j + 1)
    if inner is None or _cls(tokens, inner.last + 1) != ")":
        return None
    if inner.hour is not None or inner.part is not None or inner.count is not None or not inner.has_date():
        return None
    if inner.calendar != s.calendar and inner.day is not None and s.day is not None:
        return inner.last + 1  # ১৪ এপ্রিল (১ বৈশাখ): the same day in another calendar, said again
    if s.fiscal and inner.month is not None and inner.day is None:
        return inner.last + 1  # অর্থবছরের প্রথম প্রান্তিকে (জুলাই-সেপ্টেম্বর): its months, said again
    if s.count is not None and s.unit is not None and s.rel is not None:
        rel = s.rel
        _adopt(s, inner)
        s.rel = inner.rel if inner.rel is not None else rel
        return inner.last + 1
    if s.part_unit == "Q" and s.year is None and inner.month is not None and inner.day is None:
        _adopt(s, inner)  # দ্বিতীয় প্রান্তিকে (অক্টোবর-ডিসেম্বর): a quarter is the months it names
        return inner.last + 1
    if s.hour is not None or s.count is not None or not s.agrees_with(inner):
        return None
    s.fill_missing(inner)
    return inner.last + 1


def _adopt(s: Slots, inner: Slots) -> None:
    """Give `s` every slot of the bracketed `inner`, keeping its own token span."""
    for name in _SLOT_NAMES:
        if name not in ("first", "last"):
            setattr(s, name, getattr(inner, name))


def _weekday_list(tokens: list[Token], i: int) -> Expression | None:
    """`সোম, মঙ্গল ও বুধবার`, `শনি থেকে বৃহস্পতিবার`: truncated weekday names before a full one."""
    if _cls(tokens, i) != "w":
        return None
    j = i
    while _cls(tokens, j) == "w" and _cls(tokens, j + 1) in (",", "&", ">"):
        j += 2
    if _cls(tokens, j) != "W" or j == i:
        return None
    slots = Slots(i)
    slots.last, slots.weekday, slots.weekday_end = j, tokens[i].value, tokens[j].value
    return Expression(i, j, slots)


def _extend_range(tokens: list[Token], expression: Expression) -> Expression:
    """Join `A থেকে B`, `A-B` and `A ও B` when both ends are dates or times of one kind."""
    j = expression.last + 1
    link = _cls(tokens, j)
    if link == ",":  # ৩, ৬ ও ৯ মে: a list of days joins its first and last, like ৬ ও ৯ মে
        last = _last_listed_day(tokens, expression.last)
        if last is None:
            return expression
        link, j = "&", last - 1
    if link not in (">", "-", "&"):
        return expression
    second = _parse(tokens, j + 1)
    if second is None:
        return expression
    first = expression.slots
    if link == "&" and not _one_list(first, second):
        return expression
    if link == "-" and tokens[j].start != tokens[j - 1].end:
        return expression  # a dash with space around it is punctuation, not a range
    if not _same_kind(first, second):
        return expression
    start = copy(first)
    weekday_to_date = first.weekday is not None and first.day is None and second.day is not None
    if first.hour is None and not weekday_to_date:  # (শুক্রবার থেকে ২০ আগস্ট: not 20 August twice)
        start.fill_missing(second)
    elif start.part is None and second.part is not None and first.has_date() is False:
        start.part = second.part
    end = copy(second)
    if end.part is None and end.hour is not None:
        end.part = first.part
    if not (end.has_date() or end.hour is not None or end.decade is not None):
        return expression
    if first.rel is not None and end.rel is None and (end.day is None or first.day is not None):
        end.rel = first.rel  # গত সোমবার থেকে বুধবার (not গত শুক্রবার থেকে ২০ আগস্ট's 20 August)
    return Expression(first.first, second.last, start, end)


def _one_list(first: Slots, second: Slots) -> bool:
    """Is `A ও B` one expression? A list of days whose first lacks what the second gives
    (১৩ ও ১৪ আগস্ট), or two months or years in a row (এপ্রিল ও মে মাসে, ২০২০ ও ২০২১ সালে),
    where the interval from A to B covers just the days of both."""
    if first.hour is not None or first.rel is not None:
        return False
    if first.decade is not None:
        return second.decade == first.decade + 10 and first.century is None
    if first.day is not None:
        return first.month is None and second.day is not None and second.month is not None
    if first.month is not None:
        return (
            first.year is None
            and second.day is None
            and second.month == first.month % 12 + 1
            and second.calendar == first.calendar
        )
    return (
        first.year is not None
        and first.era is None
        and first.year_end is None
        and second.year == first.year + 1
        and second.era is not None
        and second.month is None
    )


def _last_listed_day(tokens: list[Token], i: int) -> int | None:
    """In `৩, ৬ ও ৯ মে`, from the first day (token i), the index of the last (৯); else None."""
    j = i
    while _cls(tokens, j) in ("d", "D") and _cls(tokens, j + 1) == ",":
        j += 2
    if j == i or _cls(tokens, j) not in ("d", "D") or _cls(tokens, j + 1) != "&":
        return None
    return j + 2 if _cls(tokens, j + 2) in ("d", "D") else None


def _same_kind(first: Slots, second: Slots) -> bool:
    if first.calendar != second.calendar and (first.day is None or second.day is None):
        # ২৭ সেপ্টেম্বর থেকে রবিউল আউয়াল মাস শুরু: a month of another calendar begins
        # then; a range across calendars names a day at both ends (পহেলা বৈশাখ থেকে ৩০ এপ্রিল).
        return False
    if first.hour is not None or second.hour is not None:
        return first.hour is not None and second.hour is not None
    if first.decade is not None or second.decade is not None:
        return first.decade is not None and second.decade is not None
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
        return s.unit is not None or s.inner_unit is not None
    if s.hour is not None:
        return bool(s.part or s.has_date() or s.minute or s.clock_cased or s.approximate or s.fraction)
    if (
        s.month is not None
        and s.month_bare
        and not (s.day or s.year or s.rel is not None or s.weekday is not None or s.part or s.edge or s.half)
    ):
        # জুলাই সনদ, ‘মার্চ টু ঢাকা’: a bare month name before a word is a name, not a date;
        # before a postposition or punctuation (ডিসেম্বর নাগাদ, জুন থেকে) it is one.
        return expression.end is not None or not expression.followed_by_word
    if (s.decade is not None and s.unit in ("DE", "CE")) or s.century is not None:
        return True
    if s.date_value is not None or s.month is not None or s.weekday is not None:
        return True
    if s.day is not None and s.day_word and s.rel is not None:
        return True
    if s.deictic is not None:
        return s.deictic != "vague"
    if s.anaphor is not None:
        return True
    if s.part is not None:
        return True
    if s.year is not None:
        # A year pair (২০২৪-২৫) is a fiscal year only with অর্থবছর; a session (শিক্ষাবর্ষ) is not.
        return s.era is not None or s.fiscal or (s.year_glued and s.year_end is None)
    if s.unit is not None and s.unit not in ("H", "MIN", "S"):
        if s.edge is not None and s.unit in ("W", "M") and s.rel is None and s.inner_unit is None:
            # মাসের শেষে, সপ্তাহের শুরুতে: the current week or month, unless the words point
            # back (সে মাসের শেষে) or the period is an event's (সফরের মাসের শেষে).
            return not (s.after_genitive or s.after_demonstrative or s.new or s.count is not None)
        return s.rel is not None or s.new or (bool(s.edge or s.first_n) and s.inner_unit is not None)
    if s.fiscal:
        return (
            s.rel is not None
            or s.new
            or s.first_n
            or s.half is not None
            or s.same_period
            or s.part_index is not None
        )
    return False
