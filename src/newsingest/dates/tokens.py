"""Cut a field into tokens and give each temporal token a one-letter class.

The classes form a string (one letter per token) that the grammar matches with ordinary
regular expressions, so the grammar never sees spellings and the lexicon never sees rules.

Classes:
    M month  B Bengali month  H Hijri month  W weekday  w weekday stem (সোম)
    A deictic day (আজ)  a anaphoric day (পরদিন)  R relative modifier (গত)  n new (নতুন)
    L relative modifier counted from the last period named (আগের, পরের)
    U unit (মাস)  V fiscal year  E era (সাল)  P part of day  h clock fraction (সাড়ে)
    N count (তিন, 3)  k about N, after its unit (দিন সাতেক)
    u a count glued to its unit (সপ্তাহখানেক, দু’বছর)  x so many times (একবার, দু’বার)
    Y year (১৯৭১, ২০২৩-এ)  d day-sized number  D day ordinal (১২ই)
    t clock hour (১০টায়)  c clock time (১০:৩০)  X numeric date (12/10/2023)
    F year pair (২০২৩-২৪)  r day range (১০-১২)  K vague count (কয়েক)  z every (প্রতি)
    Z a set word (প্রতিবছর)  e period edge (শুরু, শেষ)  s half (প্রথমার্ধ)  f first (প্রথম)
    C century ordinal (বিংশ)  g age word (বয়সী)  v দিবাগত  O ordinal (দ্বিতীয়)  Q quarter
    S the same period (একই সময়ে)
    > from (থেকে)  < until (পর্যন্ত)  & and (ও)
    ~ around (দিকে)  q তারিখ  + duration marker (ধরে, পরে)  T a clock word after a
    number written apart (১০ টা)
    ( ) , - punctuation   . sentence end   o anything else

`tokenize` is the C loop of the optional extension `_tokenize.c` when it was built, and
`tokenize_python` otherwise. The regular expressions cost 7-40 ns a character and the
tokenizer reads every character of every field; the C loop a few. `tokenize_python` stays the
readable specification: the extension must return exactly its tokens, and the hypothesis
property in tests/test_tokenize_native.py checks that on mixed Bengali, Latin and digit text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from .. import normalise
from . import lexicon as lx

_BN_LETTERS = "\u0980-\u09e5\u09f0-\u09fc\u09fe\u200d"


class _Patterns(NamedTuple):
    """The regular expressions of tokenize_python and _number_token."""

    token: re.Pattern[str]
    sentence_end: re.Pattern[str]
    digit: re.Pattern[str]
    word: re.Pattern[str]
    numeric_date: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    """_Patterns, compiled on first use: with the C tokenizer built a run needs them seldom
    or never (it hands _number_token only numbers of many digits), and compiling them took
    ~3 ms of every start-up."""
    return _Patterns(
        token=re.compile(
            rf"(?P<num>\d+(?:[:.]\d+)*(?:[-/]\d+)*)(?P<suf>[-'’]?[{_BN_LETTERS}]+|st|nd|rd|th)?"
            rf"|(?P<word>[{_BN_LETTERS}]+(?:['’][{_BN_LETTERS}]+)?(?:\.(?=\s))?|[A-Za-z]+)"
            r"|(?P<punct>\S)"
        ),
        sentence_end=re.compile(r"[।?!\n]"),
        digit=re.compile(r"\d"),
        word=re.compile(rf"[{_BN_LETTERS}]+|[A-Za-z]+"),
        numeric_date=re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2})"),
    )


class Token(NamedTuple):
    """One token of a field: where it stands, its class letter and its value.

    A NamedTuple, not a dataclass: tokens are made by the hundred per article. An ordinary
    word (class "o") has no value: most are never looked at, and the grammar reads the few
    it needs (the word before a date) from the field's text; those inside a run of ordinary
    words are not made at all (_without_inner_words).
    """

    start: int
    end: int
    cls: str
    value: Any = None
    ending: str = ""


def nfc(text: str) -> str:
    """Lexicon entries may be typed in any Unicode form; the text they meet is NFC."""
    return normalise.nfc(text)


def _build_words() -> dict[str, tuple[str, Any, str]]:
    """Every inflected surface form of the lexicon, mapped to (class, value, ending)."""
    table: dict[str, tuple[str, Any, str]] = {}
    nfc = normalise.nfc  # (22,000 calls: one function, not two)
    endings = [(ending, nfc(ending)) for ending in lx.ENDINGS]  # built at import: normalised once

    def add(entries: Any, cls: str, inflect: bool = True) -> None:
        items = entries.items() if isinstance(entries, dict) else ((e, nfc(e)) for e in entries)
        for stem, value in items:
            for ending, normal_ending in endings if inflect else (("", ""),):
                table.setdefault(nfc(stem + ending), (cls, value, normal_ending))

    # Earlier tables win where a surface form is ambiguous.
    add(lx.MONTHS, "M")
    add(lx.WEEKDAYS, "W")
    add(lx.DEICTIC_DAYS, "A")
    add(lx.ANAPHORIC_DAYS, "a")
    add(lx.BENGALI_MONTHS, "B")
    add(lx.HIJRI_MONTHS, "H")
    add(lx.FISCAL_YEAR_WORDS, "V")
    add(lx.UNITS, "U")
    add(lx.PARTS_OF_DAY, "P")
    add(lx.ERAS, "E")
    add(lx.SUB_PERIODS, "s")
    add(lx.PERIOD_EDGES, "e")
    add(lx.SAME_PERIOD_WORDS, "S")
    add(lx.DAY_ORDINAL_WORDS, "D", inflect=False)
    add(lx.CENTURY_ORDINALS, "C", inflect=False)
    add(lx.AGE_WORDS, "g")
    add(lx.NIGHT_AFTER_WORDS, "v", inflect=False)
    add(lx.VAGUE_COUNTS, "K")
    add(lx.APPROXIMATE_COUNTS, "k", inflect=False)
    add({w: v for w, v in lx.RELATIVE_MODIFIERS.items() if w in lx.ANAPHORIC_MODIFIERS}, "L", inflect=False)
    add(lx.RELATIVE_MODIFIERS, "R", inflect=False)
    add(lx.NEW_WORDS, "n", inflect=False)
    add(lx.CLOCK_FRACTIONS, "h", inflect=False)
    add(lx.FIRST_WORDS, "f", inflect=False)
    add(lx.PART_ORDINALS, "O", inflect=False)
    add(lx.QUARTER_WORDS, "Q")
    add(lx.EVERY_WORDS, "z", inflect=False)
    add(lx.RANGE_FROM, ">", inflect=False)
    add(lx.RANGE_TO, "<", inflect=False)
    add(lx.CONJUNCTIONS, "&", inflect=False)
    add(lx.APPROXIMATE, "~", inflect=False)
    add(lx.DATE_WORDS, "q")
    add(lx.DURATION_MARKERS, "+", inflect=False)
    add(lx.INTERVAL_WORDS, "+", inflect=False)
    add({suffix: nfc(suffix) for suffix in lx.CLOCK_SUFFIXES}, "T", inflect=False)
    for word, value in lx.NUMBER_WORDS.items():
        for suffix in lx.CLOCK_SUFFIXES:
            table.setdefault(nfc(word + suffix), ("t", (value, 0), nfc(suffix)))
    for word, clock in lx.CLOCK_WORDS.items():
        for suffix in lx.CLOCK_SUFFIXES:
            table.setdefault(nfc(word + suffix), ("t", clock, nfc(suffix)))
    for stem, year in lx.YEAR_NAMES.items():
        for ending, normal_ending in endings:
            if ending:
                table.setdefault(nfc(stem + ending), ("Y", year, normal_ending))
    add(lx.NUMBER_WORDS, "N")
    add(lx.FRACTION_COUNTS, "N", inflect=False)
    for every in lx.EVERY_WORDS:
        for unit, code in lx.UNITS.items():
            for ending in lx.ENDINGS:
                table.setdefault(nfc(every + unit + ending), ("Z", code, ""))
    for unit, code in lx.UNITS.items():
        for ending, normal_ending in endings:
            for suffix in lx.ABOUT_ONE_SUFFIXES:
                table.setdefault(nfc(unit + suffix + ending), ("u", (1, code), normal_ending))
            for number, count in lx.CONTRACTED_NUMBERS.items():
                table.setdefault(nfc(number + unit + ending), ("u", (count, code), normal_ending))
    for word, count in (*lx.NUMBER_WORDS.items(), *lx.CONTRACTED_NUMBERS.items()):
        if count <= 10:  # not বারবার (again and again: বার is also twelve)
            table.setdefault(nfc(word + lx.TIMES_SUFFIX), ("x", count, ""))
    for stem, value in lx.WEEKDAY_STEMS.items():
        table.setdefault(nfc(stem), ("w", value, ""))
    for word in lx.NOT_TEMPORAL:
        if table.get(nfc(word), ("g",))[0] != "g":  # মেয়ে stays an age word (৫ বছরের মেয়ে)
            table.pop(nfc(word), None)
    return table


WORDS = _build_words()
# First words of the lexicon's two-word phrases, so the tokenizer tries a pair only there.
_PHRASE_STARTS = frozenset(key.split(" ", 1)[0] for key in WORDS if " " in key)
_PUNCT = {
    "(": "(",
    ")": ")",
    "[": "(",
    "]": ")",
    ",": ",",
    "-": "-",
    "–": "-",
    "—": "-",
    "।": ".",
    "?": ".",
    "!": ".",
    "|": ".",
    ":": ":",
    ";": ".",
}
_ORDINAL_SUFFIXES = frozenset(nfc(s) for s in lx.DAY_ORDINAL_SUFFIXES)
_CLOCK_SUFFIXES = frozenset(nfc(s) for s in lx.CLOCK_SUFFIXES)
_COUNT_SUFFIXES = frozenset(nfc(s) for s in lx.COUNT_SUFFIXES)
# The count suffix that keeps its number a count (৩০০টি); the others (৫জন, ১০ম) make it "o".
_COUNTED_SUFFIX = nfc("টি")
# Digits in the longest number read as one: a clock time, a date or a count is far shorter.
_LONGEST_NUMBER = 64
# Four-digit numbers in this range are years (১৯৭১, ২০২৩-২৪).
_FIRST_YEAR, _LAST_YEAR = 1000, 2199


def tokenize_python(text: str) -> list[Token]:
    """The tokens of `text` (an NFC-normalised field), each with its class, less the ordinary
    words inside a run of them (_without_inner_words).

    Only sentences that hold a trigger (a digit, or a month, weekday, unit, part-of-day
    word ...) are tokenized: most sentences of a news text name no date, and checking a
    sentence's words against the trigger set is a C-level set operation.
    """
    return _without_inner_words(_all_tokens(text), text)


def _all_tokens(text: str) -> list[Token]:
    """Every token of the sentences of `text` that hold a trigger."""
    tokens: list[Token] = []
    begin = 0
    for stop in (*(m.end() for m in _patterns().sentence_end.finditer(text)), len(text)):
        if stop > begin and _has_trigger(text, begin, stop):
            _tokenize_span(text, begin, stop, tokens)
        begin = stop
    return tokens


def _has_trigger(text: str, begin: int, end: int) -> bool:
    patterns = _patterns()
    return bool(patterns.digit.search(text, begin, end)) or not _TRIGGERS.isdisjoint(
        patterns.word.findall(text, begin, end)
    )


def _tokenize_span(text: str, begin: int, finish: int, tokens: list[Token]) -> None:
    """Append the classified tokens of text[begin:finish] (kept lean: it runs per token)."""
    words_get = WORDS.get
    append = tokens.append
    new = tuple.__new__  # a NamedTuple's own __new__ is a Python lambda; skip it
    matches = list(_patterns().token.finditer(text, begin, finish))
    skip_next = False
    for index, match in enumerate(matches):
        if skip_next:
            skip_next = False
            continue
        kind = match.lastgroup
        start, end = match.span()
        if kind == "word":
            word = match.group()
            if word in _PHRASE_STARTS and index + 1 < len(matches):
                following = matches[index + 1]
                if following.start() == end + 1 and following.lastgroup == "word":
                    entry = words_get(f"{word} {following.group()}")
                    if entry is not None:
                        append(Token(start, following.end(), *entry))
                        skip_next = True
                        continue
            entry = words_get(word) or (words_get(word.lower()) if word.isascii() else None)
            append(new(Token, (start, end, "o", None, "") if entry is None else (start, end, *entry)))
        elif kind == "punct":
            append(new(Token, (start, end, _PUNCT.get(match.group(), "o"), None, "")))
        else:
            append(_number_token(match["num"], match["suf"] or "", start, end))


# What a word token begins with (the token pattern's "word": a BN letter or a Latin one); a number
# begins with a digit and a mark is neither. The grammar tells ordinary words by it too.
# (The Latin letters spelt out: importing string for ascii_letters costs ~1 ms of start-up.)
WORD_STARTS: frozenset[str] = frozenset(
    [*map(chr, range(0x0980, 0x09E6)), *map(chr, range(0x09F0, 0x09FD)), "\u09fe", "\u200d"]
).union("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def is_ordinary_word(token: Token, text: str) -> bool:
    """Is `token` (of `text`) an ordinary word: a word token of class "o", not a number of no
    date shape nor an unknown mark?"""
    return token.cls == "o" and text[token.start] in WORD_STARTS


def _without_inner_words(tokens: list[Token], text: str) -> list[Token]:
    """`tokens` less the ordinary words inside a run of them: of each run only the first and
    the last stay.

    The grammar looks at most two tokens on from a date and reads the text of the word right
    beside one, so the words between never count; they were two tokens in five.
    """
    ordinary = [is_ordinary_word(token, text) for token in tokens]
    last = len(tokens) - 1
    return [
        token
        for i, token in enumerate(tokens)
        if not (0 < i < last and ordinary[i - 1] and ordinary[i] and ordinary[i + 1])
    ]


# Classes whose words make a sentence worth tokenizing. Weekday stems (সোম, রবি) and era
# words (বাংলা) are common words of their own and only count beside a trigger anyway.
_TRIGGER_CLASSES = frozenset("MBHWAaUuVPDCZtY")
_TRIGGERS = frozenset(
    [word for word, (cls, _, _) in WORDS.items() if cls in _TRIGGER_CLASSES and " " not in word]
    + [word.split(" ")[1] for word, (cls, _, _) in WORDS.items() if cls in _TRIGGER_CLASSES and " " in word]
)


def _number_token(digits: str, suffix: str, start: int, end: int) -> Token:
    """Classify a number by its shape and its glued suffix."""
    if len(digits) > _LONGEST_NUMBER:
        return Token(start, end, "o")  # no date is that long, and int() refuses 4,300 digits
    bare = suffix.lstrip("-'’")
    if numeric := _patterns().numeric_date.fullmatch(digits):
        if numeric[1]:
            day, month, year = int(numeric[1]), int(numeric[3]), int(numeric[4])
        else:
            year, month, day = int(numeric[5]), int(numeric[6]), int(numeric[7])
        try:
            return Token(start, end, "X", dt.date(year, month, day), suffix)
        except ValueError:
            return Token(start, end, "o")
    if ":" in digits or "." in digits:
        parts = re.split(r"[:.]", digits)
        if len(parts) == 2 and len(parts[1]) == 2 and int(parts[0]) <= 24 and int(parts[1]) < 60:
            return Token(start, end, "c", (int(parts[0]), int(parts[1])), suffix)
        return Token(start, end, "o")
    if "/" in digits:
        return Token(start, end, "o")
    if "-" in digits:
        first, _, second = digits.partition("-")
        if "-" in second:
            return Token(start, end, "o")
        a, b = int(first), int(second)
        if len(first) == 4 and _FIRST_YEAR <= a <= _LAST_YEAR and (b == (a + 1) % 100 or b == a + 1):
            return Token(start, end, "F", (a, a + 1), suffix)
        if len(first) == 4 and len(second) == 4 and a < b:
            return Token(start, end, "F", (a, b), suffix)
        if 1 <= a < b <= 31:
            return Token(start, end, "r", (a, b), suffix)
        if a <= 24 and len(second) == 2 and b < 60:
            return Token(start, end, "c", (a, b), suffix)
        return Token(start, end, "o")
    value = int(digits)
    if bare in _CLOCK_SUFFIXES and value <= 24:
        return Token(start, end, "t", (value, 0), suffix)
    if bare in _COUNT_SUFFIXES and bare == suffix:  # ২০১১-য় is "in 2011", ২য় "second"
        return Token(start, end, "N" if bare == _COUNTED_SUFFIX else "o", value, suffix)
    if len(digits) == 4 and _FIRST_YEAR <= value <= _LAST_YEAR:
        return Token(start, end, "Y" if bare else "y", value, suffix)
    if bare in _ORDINAL_SUFFIXES and 1 <= value <= 31:
        return Token(start, end, "D", value, suffix)
    if not bare and 1 <= value <= 31:
        return Token(start, end, "d", value, suffix)
    return Token(start, end, "N", value, suffix)


try:
    from . import _tokenize  # type: ignore[attr-defined]
except ImportError:  # built without a compiler: the Python reference serves
    _tokenize = None

tokenize: Callable[[str], list[Token]] = tokenize_python
# tokenize, each token a plain tuple of its fields where the C loop makes it: for the date
# finder compiled by mypyc, which reads a token's fields by index (a NamedTuple is a tuple to
# it). One is quicker to make and to free than a Token (2% of parsing an article); code that
# reads the fields by name, as the interpreted grammar does, needs tokenize.
tokenize_tuples: Callable[[str], list[Token]] = tokenize_python
if _tokenize is not None:
    _tokenize.configure(
        WORDS,
        _PHRASE_STARTS,
        _TRIGGERS,
        _PUNCT,
        _number_token,
        Token,
        clock_suffixes=_CLOCK_SUFFIXES,
        count_suffixes=_COUNT_SUFFIXES,
        ordinal_suffixes=_ORDINAL_SUFFIXES,
        counted_suffix=_COUNTED_SUFFIX,
        years=(_FIRST_YEAR, _LAST_YEAR),
    )
    tokenize = _tokenize.tokenize
    tokenize_tuples = _tokenize.tokenize_tuples
