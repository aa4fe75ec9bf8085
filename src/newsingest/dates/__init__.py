"""Finding and resolving temporal expressions (stage 4 and 5 of the pipeline).

tokens   cut a field into tokens, classed by the lexicon (lexicon.py holds the words)
grammar  group tokens into expressions and fill their slots
resolve  turn slots into TIMEX3 values against the reference date
calendars  Bengali (Bangladesh revised) and Hijri (Umm al-Qura) conversion
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from dataclasses import dataclass
from typing import Any, Final, Literal

from ..plain import DateMention, ReferenceDate
from .grammar import Expression, find_expressions
from .lexicon import (
    BEING_WORDS,
    FUTURE_VERB_ENDINGS,
    FUTURE_WORDS,
    PAST_VERB_ENDINGS,
    PERFECT_VERB_ENDINGS,
    PRESENT_VERB_ENDINGS,
    PRESENT_WORDS,
    PROGRESSIVE_VERB_ENDINGS,
    SCHEDULING_WORDS,
)
from .resolve import Context, Resolved, iso_day, resolve
from .resolve import set_today as set_today  # (the clock a run resolves against; public)
from .resolve import today as today
from .tokens import WORDS, Token, nfc, tokenize, tokenize_tuples

Tense = Literal["future", "past", "progressive", "present", "none"]

_CLAUSE_END: Final = re.compile(r"[।?!\n]")  # _tense_python looks back for the same marks
_CLAUSE_BREAK: Final = re.compile(r"[,;]")
# Verb endings by the tense they mark, in the order that decides between equal endings
# ("perfect" is reported as past, or as future beside a scheduling word).
_ENDINGS_BY_TENSE: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("future", tuple(map(nfc, FUTURE_VERB_ENDINGS))),
    ("perfect", tuple(map(nfc, PERFECT_VERB_ENDINGS))),
    ("past", tuple(map(nfc, PAST_VERB_ENDINGS))),
    ("progressive", tuple(map(nfc, PROGRESSIVE_VERB_ENDINGS))),
    ("present", tuple(map(nfc, PRESENT_VERB_ENDINGS))),
)
# A verb's ending, longest first wherever they overlap (করেছেন is past, not present ছেন).
_VERB_ENDING: Final = re.compile(
    ".*?(?:{})".format("|".join(f"(?P<{tense}>{'|'.join(endings)})" for tense, endings in _ENDINGS_BY_TENSE))
)
# Any of the endings above: most words have none, and str.endswith says so fastest.
_VERB_ENDINGS: Final = tuple(ending for _, endings in _ENDINGS_BY_TENSE for ending in endings)
_FUTURE_WORDS: Final = frozenset(map(nfc, FUTURE_WORDS))
_SCHEDULING_WORDS: Final = frozenset(map(nfc, SCHEDULING_WORDS))
# A clause whose last word ends so is in the simple present (আগুন লাগে, সে খায়).
_SIMPLE_PRESENT_ENDINGS: Final = tuple(map(nfc, ("ে", "য়", "েন")))
# Whole words with a tense of their own (were a word in both lists, present would win).
_TENSE_WORDS: Final[dict[str, Tense]] = {
    **dict.fromkeys(map(nfc, BEING_WORDS), "progressive"),
    **dict.fromkeys(map(nfc, PRESENT_WORDS), "present"),
}
# The lexicon's words (dates, units, parts of day, postpositions) and numbers (৪টে) are never
# the clause's verb, though বিকেলে ends like a simple present (লাগে) and রমজান like a present
# verb (জানান).
_NOT_VERBS: Final = frozenset(word for word in WORDS if " " not in word).difference(
    _FUTURE_WORDS, _TENSE_WORDS
)
# What a word may have around it that is not part of it.
_QUOTES: Final = "'\"’”)("


@dataclass(init=False)
class FoundDates:
    """The dates of one article and the reference date they were resolved against.

    (init=False: mypyc compiles the __init__ below; dataclasses' own runs as Python, ~8x slower)"""

    mentions: list[DateMention]
    reference: ReferenceDate | None

    def __init__(self, mentions: list[DateMention], reference: ReferenceDate | None) -> None:
        self.mentions = mentions
        self.reference = reference


class _Found:
    """One expression found in a field, before resolution."""

    def __init__(
        self, field: str, text: str, expression: Expression, start: int, end: int, tense: Tense, sentence: int
    ) -> None:
        self.field = field
        self.text = text
        self.expression = expression
        self.start = start
        self.end = end
        self.tense = tense  # of the clause holding it
        self.sentence = sentence  # which sentence of its field it stands in
        self.resolved: Resolved | None = None  # its value, once find_dates has resolved it


def find_dates(fields: dict[str, str], reference: ReferenceDate | None) -> FoundDates:
    """Every temporal expression in `fields` ({"headline": ..., "body": ...}), resolved.

    Without a reference date, the latest fully known date the article reports as past or
    present becomes the reference (source "inferred") and the rest resolve against it.
    """
    return find_dates_batch([fields], [reference])[0]


def find_dates_batch(
    articles: list[dict[str, str]], references: list[ReferenceDate | None]
) -> list[FoundDates]:
    """find_dates for each of a batch of articles, each with its reference date.

    Each stage (finding the expressions, resolving them, making their records) runs over
    all the articles before the next begins, which keeps each stage's code in the
    processor's caches.
    """
    found = [{name: _find(name, text) for name, text in fields.items()} for fields in articles]
    resolved = [
        _resolve_all(by_field, reference) for by_field, reference in zip(found, references, strict=True)
    ]
    return [
        FoundDates([_mention(item, item.resolved) for item in items if item.resolved is not None], reference)
        for items, reference in resolved
    ]


def _resolve_all(
    by_field: dict[str, list[_Found]], reference: ReferenceDate | None
) -> tuple[list[_Found], ReferenceDate | None]:
    """Resolve every expression found (each _Found's `resolved`); the reference they took."""
    found = [item for items in by_field.values() for item in items]
    if not found:
        return found, reference
    if reference is None:
        inferred = _infer_reference(found)
        if inferred is not None:
            reference = ReferenceDate({"value": inferred.isoformat(), "source": "inferred"})
    ref_date = dt.date.fromisoformat(reference.value) if reference else None
    weekdays: dict[int, dt.date] = {}  # the day the body gave each weekday first
    # The body first: a headline's bare weekday is read as the body reads it (below).
    for name in sorted(by_field, key=lambda name: name == "headline"):
        state = _Discourse(ref_date)
        for item in by_field[name]:
            if name == "headline" and ref_date is not None:
                _read_weekday_as_body(item, weekdays, ref_date)
            resolved = item.resolved = resolve(item.expression, state.context(item))
            if resolved is None:
                continue
            state.remember(item, resolved)
            weekday = item.expression.slots.weekday
            if name != "headline" and weekday is not None and resolved.day is not None:
                weekdays.setdefault(weekday, resolved.day)
    return found, reference


def _read_weekday_as_body(item: _Found, weekdays: dict[int, dt.date], reference: dt.date) -> None:
    """A headline's bare weekday (সোমবার থেকে আবেদন) is the day the body gives it.

    A headline seldom has a verb to tell past from future, and the body says the same
    with one (আবেদন শুরু হবে আগামী সোমবার): the headline takes the body's side of the
    reference date for that weekday, when the body's day is the one a week either way.
    """
    s = item.expression.slots
    if s.weekday is None or s.rel is not None or s.deictic is not None or s.anaphor is not None:
        return
    if s.day is not None or s.month is not None or s.year is not None or s.date_value is not None:
        return  # (a date beside it decides)
    day = weekdays.get(s.weekday)
    if day is not None and abs((day - reference).days) < 7:
        item.tense = "future" if day > reference else "past"


class _Discourse:
    """What a field has said so far that later expressions lean on.

    A time or "that day" without a date of its own belongs to the last day the field named
    (measured on the dev set: better than the same sentence or paragraph); a Bengali or
    Hijri date in the sentence of a Gregorian one restates it and names no new day.
    (A plain class: mypyc compiles its __init__, where a dataclass's would run as Python.)
    """

    def __init__(self, reference: dt.date | None) -> None:
        self.reference = reference
        self.anchor: dt.date | None = None
        self.gregorian_sentence: int | None = None
        self.last_year: int | None = None
        self.last_month: dt.date | None = None
        self.last_period: Resolved | None = None

    def context(self, item: _Found) -> Context:
        # Hours with no day at either end (সকাল ১০টা থেকে বিকেল ৩টা) belong to no day in particular.
        anchor = None if _is_hours(item.expression) else self.anchor or self.reference
        named = self.anchor is not None
        future = item.tense == "future"
        if named and future and anchor is not None and self.reference is not None and anchor < self.reference:
            anchor, named = self.reference, False  # what is still to come happens on no day gone by
        return Context(
            reference=self.reference,
            anchor=anchor,
            named_anchor=named,
            future=future,
            past=item.tense == "past",
            verbless=item.tense == "none",
            progressive=item.tense == "progressive",
            last_period=self.last_period,
            last_year=self.last_year,
            last_month=self.last_month,
        )

    def remember(self, item: _Found, resolved: Resolved) -> None:
        if resolved.anchor is not None:
            if item.expression.slots.calendar == "gregorian":
                self.anchor, self.gregorian_sentence = resolved.anchor, item.sentence
            elif self.gregorian_sentence != item.sentence:
                self.anchor = resolved.anchor
        earliest, latest = resolved.earliest, resolved.latest
        if earliest is None or latest is None:
            return
        if earliest == latest:  # (most are one day: no part of a year, and its own year and month)
            self.last_year, self.last_month = earliest.year, earliest
            return
        if resolved.type == "DATE" and _is_part_of_year(resolved):
            self.last_period = resolved
        year = earliest.year
        if year == latest.year:
            self.last_year = year
            if earliest.month == latest.month:
                self.last_month = earliest


def _find(field: str, text: str) -> list[_Found]:
    if not text:
        return []
    tokens = _tokens_of(text)
    found = []
    sentence, counted_to = 0, 0
    tenses: dict[tuple[int, int], Tense | None] = {}  # for _tense_python; the C module reads anew
    for expression in find_expressions(tokens, text):
        start, end = _span(tokens, expression)
        if _tense:
            sentence += _tense.clause_ends(text, counted_to, start)
            tense = _tense.tense(text, start, end)
        else:
            sentence += _count_clause_ends(text, counted_to, start)
            tense = _tense_python(text, start, end, tenses)
        counted_to = start
        found.append(_Found(field, text[start:end], expression, start, end, tense, sentence))
    return found


# The tokens _find hands the grammar: plain tuples where this module and the grammar were
# compiled by mypyc (built together, or neither), which read a token's fields by index;
# Tokens where they run as Python, which reads them by name (tokens.tokenize_tuples).
_tokens_of: Final = tokenize if hasattr(_find, "__code__") else tokenize_tuples


def _count_clause_ends(text: str, start: int, end: int) -> int:
    """len(_CLAUSE_END.findall(text, start, end)), by four C-level counts instead of a list
    (_tense.clause_ends counts the same in one pass)."""
    count = text.count
    return count("।", start, end) + count("\n", start, end) + count("?", start, end) + count("!", start, end)


def _span(tokens: list[Token], expression: Expression) -> tuple[int, int]:
    return tokens[expression.first].start, tokens[expression.last].end


def _tense_python(text: str, start: int, end: int, cache: dict[tuple[int, int], Tense | None]) -> Tense:
    """The tense of the clause holding text[start:end] (the C module _tense gives the same).

    Bengali puts the verb last: the last verb of the comma-bounded clause holding the
    expression decides, else the last verb of its sentence; a future word (আগামী) there
    decides too. "present" takes no side; "none" is a clause with no verb at all (a headline,
    a schedule line). `cache` holds
    the verdict of each clause already read (a sentence often holds several dates).
    """
    rfind = text.rfind  # spelt out per mark, without a generator: this runs for every date
    # The common marks first; the rare ones are then sought only after them, not back to 0.
    common = max(rfind("।", 0, start), rfind("\n", 0, start))
    sentence_start = 1 + max(common, rfind("?", common + 1, start), rfind("!", common + 1, start))
    stop = _CLAUSE_END.search(text, end)
    sentence_end = stop.start() if stop else len(text)
    comma_after = _CLAUSE_BREAK.search(text, end, sentence_end)
    comma_before = max(rfind(",", sentence_start, start), rfind(";", sentence_start, start)) + 1
    if comma_after or comma_before:
        clause = (max(comma_before, sentence_start), comma_after.start() if comma_after else sentence_end)
        if clause not in cache:
            cache[clause] = _clause_tense(text[clause[0] : clause[1]])
        verdict = cache[clause]
        if verdict is not None:
            return verdict
    sentence = (sentence_start, sentence_end)
    if sentence not in cache:
        cache[sentence] = _clause_tense(text[sentence_start:sentence_end])
    return cache[sentence] or "none"


def _clause_tense(clause: str) -> Tense | None:
    """The tense of a clause's last verb; None when it has no verb we know.

    A last word in the simple present (আগুন লাগে, সভা হয়) is a verb too: news tells past
    events in it, so it takes no side but is not "verbless".
    """
    words = clause.split()
    # Six substring tests cost less than stripping every word, and most clauses have no quote.
    if "'" in clause or '"' in clause or "’" in clause or "”" in clause or ")" in clause or "(" in clause:
        words = [word.strip(_QUOTES) for word in words]
    if not _FUTURE_WORDS.isdisjoint(words):
        return "future"
    words = [word for word in words if word not in _NOT_VERBS and not word[:1].isdecimal()]
    for word in reversed(words):
        tense = _TENSE_WORDS.get(word)
        if tense is not None:
            return tense
        if word.endswith(_VERB_ENDINGS):  # so the regex matches; it names the longest ending's tense
            ending = _VERB_ENDING.fullmatch(word).lastgroup  # type: ignore[union-attr]
            if ending == "perfect":  # দিন ধার্য করা হয়েছে: a day set, still to come
                return "past" if _SCHEDULING_WORDS.isdisjoint(words) else "future"
            return ending  # type: ignore[return-value]  # a group name of _VERB_ENDING: a Tense
    if words and words[-1].endswith(_SIMPLE_PRESENT_ENDINGS):
        return "present"
    return None


def _is_hours(expression: Expression) -> bool:
    """A range from one clock time to another with no day named at either end."""
    start, end = expression.slots, expression.end
    return (
        end is not None
        and start.hour is not None
        and end.hour is not None
        and not start.has_date()
        and not end.has_date()
        and start.rel is None
    )


def _is_part_of_year(resolved: Resolved) -> bool:
    """A month or a few months: what "the same period" of another year refers back to."""
    if resolved.earliest is None or resolved.latest is None:
        return False
    return 28 <= (resolved.latest - resolved.earliest).days < 360


def _infer_reference(found: list[_Found]) -> dt.date | None:
    """The latest fully known date reported as past or present, if the text fixes one."""
    candidates = []
    for item in found:
        s = item.expression.slots
        if item.expression.end is not None or item.tense == "future" or s.calendar != "gregorian":
            continue
        full = s.day is not None and s.month is not None and (s.year is not None or s.weekday is not None)
        if not (full or s.date_value is not None):
            continue
        resolved = resolve(item.expression, Context(None, None, False))
        if resolved is not None and resolved.day is not None:
            candidates.append(resolved.day)
    return max(candidates, default=None)


def _mention(item: _Found, resolved: Resolved) -> DateMention:
    return DateMention(
        {
            "text": item.text,
            "field": item.field,
            "start": item.start,
            "end": item.end,
            "type": resolved.type,
            "value": resolved.value,
            "earliest": iso_day(resolved.earliest) if resolved.earliest else None,
            "latest": iso_day(resolved.latest) if resolved.latest else None,
        },
    )


# What _tense.c is given at import: the data of the rules above, in configure's order.
_TENSE_CONFIGURATION: Final = (
    _FUTURE_WORDS,
    _TENSE_WORDS,
    _ENDINGS_BY_TENSE,
    _SIMPLE_PRESENT_ENDINGS,
    _QUOTES,
    _NOT_VERBS,
    _SCHEDULING_WORDS,
)
_tense: Any  # _tense_python in C (imported by name: the package may itself be compiled)
try:
    _tense = importlib.import_module("newsingest.dates._tense")
except ImportError:  # built without a compiler: the Python reference serves
    _tense = None
else:
    _tense.configure(*_TENSE_CONFIGURATION)
