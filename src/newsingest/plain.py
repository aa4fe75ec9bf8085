"""The records as the pipeline builds them: the fields of newsingest.models, without pydantic.

`newsingest parse` writes its records itself (newsingest.write) and never needs a pydantic
object, so the pipeline builds these plain twins of the models instead, and the command does
not import pydantic at all: importing it was two fifths of every run's start-up (0.15-0.18 s
before, 0.09-0.11 s without). The library API hands out the models (models.from_plain).

Each class here has the fields of the model of its name, in the model's order, and nothing
else; tests/test_plain.py holds the two sets equal. A record is made from a dict of its
values, every field in that order, which becomes its __dict__ as it is:
`Stats({"characters": 120, "words": 20, "sentences": 3, "paragraphs": 2})`. Nothing
validates them: the pipeline fills them with its own values (models.trusted says why that
is safe), and tests/test_plain.py holds what it writes equal to what validation accepts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any


class RecordPython:
    """Record as _models.c makes it, in Python: the specification and the fallback."""

    __slots__ = ("__dict__",)

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__ = values

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.__dict__!r})"


if TYPE_CHECKING:
    Record = RecordPython
else:
    try:
        from ._models import Record
    except ImportError:  # built without a compiler
        Record = RecordPython


class Source(Record):
    __slots__ = ()
    path: str
    format: str
    encoding: str
    bytes: int
    sha256: str
    record: int | None
    compression: str | None


class DateMention(Record):
    __slots__ = ()
    text: str
    field: str
    start: int
    end: int
    type: str
    value: str
    earliest: str | None
    latest: str | None


class ReferenceDate(Record):
    __slots__ = ()
    value: str
    source: str


class Stats(Record):
    __slots__ = ()
    characters: int
    words: int
    sentences: int
    paragraphs: int


class Dateline(Record):
    __slots__ = ()
    text: str
    place: str | None
    date: str | None
    agency: str | None


class Cleaning(Record):
    __slots__ = ()
    repeated: int
    boilerplate: int


class Article(Record):
    __slots__ = ()
    id: str
    source: Source
    headline: str
    body: str
    language: str
    dates: list[DateMention]
    reference_date: ReferenceDate | None
    stats: Stats
    normalisation: list[str]
    published: str | None
    updated: str | None
    url: str | None
    author: str | None
    category: str | None
    tags: list[str]
    dateline: Dateline | None
    byline: str | None
    cleaning: Cleaning | None


RECORDS: tuple[type[Record], ...] = (Source, DateMention, ReferenceDate, Stats, Dateline, Cleaning, Article)


def fields(record: type[Record]) -> tuple[str, ...]:
    """The fields of a plain record class, in its model's order."""
    return tuple(record.__annotations__)
