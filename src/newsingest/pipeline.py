"""The library API: text or bytes in, Article out. The CLI is a thin layer over this.

Every function here is pure (no I/O but what its name says, no global state), so a
distributed engine's workers can call `parse_bytes` on records they already hold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .dates import find_dates
from .errors import InputError
from .models import Article, ReferenceDate, Source, Stats
from .normalise import normalise
from .read import MAX_BYTES, decode, read_bytes, walk
from .segment import count_sentences, count_words, split_article


@dataclass(frozen=True)
class Document:
    """An article's text after reading and normalising, before any analysis."""

    headline: str
    paragraphs: list[str]
    source: Source
    fixes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Failure:
    """An input that produced no article: where, and why (one line)."""

    path: str
    error: InputError

    def __str__(self) -> str:
        return f"{self.path}: {self.error.message}"


def parse_text(text: str, reference_date: dt.date | None = None, *, source: Source | None = None) -> Article:
    """Parse one article given as text: headline on the first non-empty line, then paragraphs.

    >>> parse_text("শিরোনাম\\n১৯৪৮ সালের ১২ অক্টোবর সম্পর্ক স্থাপিত হয়।").dates[0].value
    '1948-10-12'
    """
    normal, fixes = normalise(text)
    segments = split_article(normal)
    if source is None:
        data = text.encode("utf-8")
        source = Source(
            path="<text>",
            format="text",
            encoding="utf-8",
            bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
    document = Document(segments.headline, segments.paragraphs, source, fixes)
    return build_article(document, reference_date)


def parse_bytes(data: bytes, path: str = "-", reference_date: dt.date | None = None) -> Article:
    """Parse one plain-text article file's bytes; raises InputError when they are not one."""
    decoded = decode(data)
    source = Source(
        path=path,
        format="text",
        encoding=decoded.encoding,
        bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return parse_text(decoded.text, reference_date, source=source)


def parse_paths(
    paths: Iterable[str], reference_date: dt.date | None = None, *, max_bytes: int = MAX_BYTES
) -> Iterator[Article | Failure]:
    """Every input under `paths` (files, directories, "-"), in order: an Article or a Failure."""
    for path in walk(list(paths)):
        try:
            yield parse_bytes(read_bytes(path, max_bytes), path, reference_date)
        except InputError as error:
            yield Failure(path, error)


def build_article(document: Document, reference_date: dt.date | None = None) -> Article:
    """Analyse a read document: find and resolve its dates, count its parts."""
    headline = document.headline
    body = "\n\n".join(document.paragraphs)
    reference = ReferenceDate(value=reference_date.isoformat(), source="option") if reference_date else None
    found = find_dates({"headline": headline, "body": body}, reference)
    digest = hashlib.sha256(f"{headline}\n{body}".encode()).hexdigest()
    lines = [headline, *document.paragraphs]
    stats = Stats(
        characters=len(headline) + len(body),
        words=sum(count_words(line) for line in lines),
        sentences=sum(count_sentences(line) for line in lines),
        paragraphs=len(document.paragraphs),
    )
    return Article(
        id=digest[:16],
        source=document.source,
        headline=headline,
        body=body,
        dates=found.mentions,
        reference_date=found.reference,
        stats=stats,
        normalisation=document.fixes,
    )
