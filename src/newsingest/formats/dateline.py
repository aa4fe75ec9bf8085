"""The lines above an article's body: byline, dateline, publication and update stamps.

    নিজস্ব প্রতিবেদক
    প্রকাশ: ১৩ অক্টোবর ২০২৩, ১০:৩০ | আপডেট: ১৩ অক্টোবর ২০২৩, ১২:০০
    ঢাকা, ১২ অক্টোবর (বাসস) – সরকার আজ ...

Each is recognised at the top of the body (the first few paragraphs), taken out of it, and
reported. The words (labels, desks, agencies) are in vocabulary.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from ..dates.lexicon import WEEKDAYS
from ..plain import Dateline, ReferenceDate
from .vocabulary import (
    AGENCIES,
    BYLINE_MAX_WORDS,
    BYLINE_PREFIXES,
    BYLINE_SUFFIXES,
    DATELINE_ENDS,
    PUBLISHED_LABELS,
    STAFF_BYLINES,
    UPDATED_LABELS,
)

# How many leading paragraphs may be header lines.
_HEADER_LINES: Final = 4


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternative matching any of `words`, longest first (used by html.py too); the
    space between two words may be a no-break space, which normalising keeps."""
    escaped = (re.escape(w).replace("\\ ", "[ \xa0]") for w in sorted(words, key=len, reverse=True))
    return "|".join(escaped)


_STAMP: Final = re.compile(
    rf"(?P<label>{alternation(PUBLISHED_LABELS)}|{alternation(UPDATED_LABELS)})\s*[:ঃ]\s*",
    re.IGNORECASE,
)
UPDATED_LABEL: Final = re.compile(rf"^(?:{alternation(UPDATED_LABELS)})$", re.IGNORECASE)
_DASHES: Final = "".join(re.escape(c) for c in DATELINE_ENDS)
# The longest place name a dateline starts with, and the longest date, in code points; what
# a date never holds (its end, its agency's bracket, a sentence's end).
_PLACE_MAX: Final = 31
_DATE_MAX: Final = 40
_NOT_IN_DATE: Final = "()।:–—-"
# `ঢাকা, ১২ অক্টোবর (বাসস) –`, `ওয়াশিংটন, ১২ অক্টোবর, ২০২৩ (এএফপি):`
_DATELINE: Final = re.compile(
    rf"^(?P<place>[^\s,()০-৯\d।:–—-][^,()০-৯\d।:–—-]{{0,{_PLACE_MAX - 1}}}?)\s*,\s*"
    rf"(?P<date>[^{_NOT_IN_DATE}]{{3,{_DATE_MAX}}}?)\s*"
    r"(?:\(\s*(?P<agency>[^()]{1,40}?)\s*\)\s*)?"
    rf"(?:[{_DASHES}]+\s*|$)"
)
_DATE_END: Final = re.compile(f"[{_NOT_IN_DATE}]")
# How far after the comma may_be_dateline looks for the date's end.
_DATE_WINDOW: Final = 200
_DATE_START: Final = re.compile(rf"^(?:[০-৯0-9]|{alternation(tuple(WEEKDAYS))})")
_SENTENCE_MARK: Final = re.compile(r"[।?!:;\d০-৯\"“”]")
_STAFF: Final = re.compile(rf"^(?:.{{0,40}},\s*)?(?:{alternation(STAFF_BYLINES)})(?:\s*,\s*.{{0,40}})?$")
_SUFFIX: Final = re.compile(
    rf"^[^।?!:]{{0,40}}\s(?:{alternation(BYLINE_SUFFIXES)})(?:\s*,\s*[^।?!:]{{0,40}})?$"
)
_PREFIX: Final = re.compile(rf"^(?:{alternation(BYLINE_PREFIXES)})\s*\S")


@dataclass(init=False)
class Header:
    """What the top of the body said about the article, and the body without it.

    (init=False: mypyc compiles the __init__ below; dataclasses' own runs as Python, ~8x slower)"""

    paragraphs: list[str]
    byline: str | None = None
    dateline: Dateline | None = None
    published: str | None = None
    updated: str | None = None

    def __init__(
        self,
        paragraphs: list[str],
        byline: str | None = None,
        dateline: Dateline | None = None,
        published: str | None = None,
        updated: str | None = None,
    ) -> None:
        self.paragraphs = paragraphs
        self.byline = byline
        self.dateline = dateline
        self.published = published
        self.updated = updated


def split_header(
    paragraphs: list[str], published_hint: str | None = None, author: str | None = None
) -> Header:
    """Take byline, stamp and dateline lines off the top of `paragraphs`.

    `published_hint` (the container's publication date) gives a dateline its year;
    `author` (the container's author) on a line of its own is a byline.
    """
    rest = list(paragraphs)
    byline = dateline = published = updated = None
    name_candidate: str | None = None
    consumed_any = False
    for _ in range(_HEADER_LINES):
        if not rest:
            break
        line = rest[0]
        stamps = _stamps(line)
        if stamps is not None:
            for is_update, value in stamps:
                if is_update:
                    updated = updated or value
                else:
                    published = published or value
            rest.pop(0)
        elif byline is None and author and " ".join(line.split()) == " ".join(author.split()):
            byline = line
            rest.pop(0)
        elif byline is None and _is_byline(line):
            byline = _strip_prefix(line)
            rest.pop(0)
        elif byline is None and name_candidate is None and not consumed_any and _is_name(line):
            # A bare reporter's name counts only when another header line follows it.
            name_candidate = line
            rest.pop(0)
            continue
        else:
            found = _dateline(line, published or published_hint)
            if found is not None:
                dateline, remainder = found
                rest.pop(0)
                if remainder:
                    rest.insert(0, remainder)
            break
        consumed_any = True
    if name_candidate is not None:
        if consumed_any or dateline is not None:
            byline = byline or name_candidate
        else:
            rest.insert(0, name_candidate)
    return Header(rest, byline, dateline, published, updated)


def _stamps(line: str) -> list[tuple[bool, str | None]] | None:
    """`প্রকাশ: … | আপডেট: …` as (is_update, ISO value) pairs; None when the line is not a stamp."""
    if not _STAMP.match(line):  # a stamp starts with its label; most lines do not
        return None
    from .published import parse_published  # (here: its patterns took ~3 ms of every start-up)

    matches = list(_STAMP.finditer(line))
    stamps = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = line[match.end() : end].strip(" \xa0|,•")
        if len(value) > 80:  # a sentence after a label, not a stamp
            return None
        stamps.append((bool(UPDATED_LABEL.match(match.group("label"))), parse_published(value)))
    if all(value is None for _, value in stamps):
        return None
    return stamps


def _is_byline(line: str) -> bool:
    if len(line) > 80 or "।" in line:
        return False
    return bool(_STAFF.match(line) or _SUFFIX.match(line) or _PREFIX.match(line))


def _strip_prefix(line: str) -> str:
    for prefix in BYLINE_PREFIXES:
        if line.startswith(prefix):
            return line[len(prefix) :].strip(" \xa0:")
    return line


def _is_name(line: str) -> bool:
    if len(line) > 40:  # before splitting: the line is most often a long first paragraph
        return False
    return 2 <= len(line.split()) <= min(BYLINE_MAX_WORDS, 4) and not _SENTENCE_MARK.search(line)


def may_be_dateline(line: str) -> bool:
    """False for a line _DATELINE cannot match, said sooner than the regex (~3 us a line,
    which tries every length of place and date before it fails).

    The place holds no comma and ends within _PLACE_MAX code points, so only spaces may
    stand between it and the line's first comma. The date after the comma runs to the
    first mark it cannot hold (its end) and is at most _DATE_MAX long, spaces around it
    aside; looking no further than _DATE_WINDOW, a longer stretch is surely too long.
    """
    comma = line.find(",")
    if comma < 0 or (comma > _PLACE_MAX and not line[_PLACE_MAX:comma].isspace()):
        return False
    end = _DATE_END.search(line, comma + 1, comma + 1 + _DATE_WINDOW)
    date = line[comma + 1 : end.start() if end else comma + 1 + _DATE_WINDOW]
    return len(date.strip()) <= _DATE_MAX


def _dateline(line: str, published: str | None) -> tuple[Dateline, str] | None:
    if not may_be_dateline(line):
        return None
    match = _DATELINE.match(line)
    if match is None:
        return None
    agency = match.group("agency")
    if agency is not None and not _known_agency(agency):
        return None
    if agency is None and not _plain_dateline(match.group("place"), match.group("date")):
        return None
    value = _date_value(match.group("date"), published)
    if value is None:
        return None
    text = line[: match.end()].rstrip().rstrip(DATELINE_ENDS).rstrip()
    place = match.group("place").strip()
    dateline = Dateline({"text": text, "place": place, "date": value, "agency": agency})
    return dateline, line[match.end() :].strip()


def _plain_dateline(place: str, date: str) -> bool:
    """Without an agency to vouch for it, a dateline is a short place name and a date that
    starts with a number or a weekday (not `তিনি বলেন, আগামী ১২ অক্টোবর –`, not `আজ, ১২ অক্টোবর –`)."""
    from ..dates import find_dates

    if len(place.split()) > 2 or not _DATE_START.match(date):
        return False
    return not find_dates({"body": place}, None).mentions


def _known_agency(agency: str) -> bool:
    parts = re.split(r"\s*[/,]\s*", agency)
    return all(any(part.casefold() == known.casefold() for known in AGENCIES) for part in parts)


def _date_value(text: str, published: str | None) -> str | None:
    """The TIMEX3 value of a dateline's date, when the whole of `text` is one date expression."""
    from ..dates import find_dates

    reference = None
    if published:
        day = dt.date.fromisoformat(published[:10]).isoformat()
        reference = ReferenceDate({"value": day, "source": "published"})
    found = find_dates({"body": text}, reference)
    dates = [m for m in found.mentions if m.type == "DATE"]
    if len(dates) != 1 or len(dates[0].text) < len(text.strip(" \xa0,")) - 1:
        return None
    return dates[0].value
