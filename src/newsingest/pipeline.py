"""The library API: text or bytes in, Article out. The CLI is a thin layer over this.

Every function here is pure (no I/O but what its name says, no global state), so a
distributed engine's workers can call `parse_bytes` on records they already hold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .dates import find_dates
from .errors import InputError
from .models import Article, Cleaning, Dateline, ReferenceDate, Source, Stats
from .read import MAX_BYTES, decode, read_bytes, walk
from .segment import count_sentences, count_words

_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

if TYPE_CHECKING:
    from .formats import Options


@dataclass(frozen=True)
class Document:
    """An article's text after reading and normalising, before any analysis."""

    headline: str
    paragraphs: list[str]
    source: Source
    fixes: list[str] = field(default_factory=list)
    # What the container or the lines above the body said (newsingest.formats).
    published: str | None = None
    updated: str | None = None
    url: str | None = None
    author: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    dateline: Dateline | None = None
    byline: str | None = None
    cleaning: Cleaning | None = None


@dataclass(frozen=True)
class Failure:
    """An input (or one record of it) that produced no article: where, and why (one line)."""

    path: str
    error: InputError
    record: int | None = None

    def __str__(self) -> str:
        where = self.path if self.record is None else f"{self.path}: record {self.record}"
        return f"{where}: {self.error.message}"


def parse_text(
    text: str,
    reference_date: dt.date | None = None,
    *,
    source: Source | None = None,
    options: Options | None = None,
) -> Article:
    """Parse one article given as text: headline on the first non-empty line, then paragraphs.

    A byline, dateline or প্রকাশ: line at the top is taken out of the body and reported;
    scraping artefacts are removed unless `options.clean` is off.

    >>> parse_text("শিরোনাম\\n১৯৪৮ সালের ১২ অক্টোবর সম্পর্ক স্থাপিত হয়।").dates[0].value
    '1948-10-12'
    """
    from .formats.text import build_document

    if source is None:
        data = text.encode("utf-8")
        source = Source(
            path="<text>",
            format="text",
            encoding="utf-8",
            bytes=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
    return build_article(build_document(text, source, options or _default_options()), reference_date)


def _default_options() -> Options:
    from .formats import Options

    return Options()


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
    paths: Iterable[str],
    reference_date: dt.date | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    options: Options | None = None,
) -> Iterator[Article | Failure]:
    """Every input under `paths` (files, directories, "-"), in order: an Article or a Failure."""
    for path in walk(list(paths)):
        try:
            yield from parse_file(read_bytes(path, max_bytes), path, reference_date, options)
        except InputError as error:
            yield Failure(path, error)


def parse_file(
    data: bytes, path: str = "-", reference_date: dt.date | None = None, options: Options | None = None
) -> Iterator[Article | Failure]:
    """Every article of one input file's bytes (text, JSON Lines, JSON, CSV, HTML; maybe compressed).

    A bad record becomes a Failure with its index and the other records go on; raises
    InputError when the file as a whole cannot be read.
    """
    from .formats import RecordFailure, read_documents

    for document in read_documents(data, path, options):
        if isinstance(document, RecordFailure):
            yield Failure(path, document.error, document.record)
        else:
            yield build_article(document, reference_date)


def build_article(document: Document, reference_date: dt.date | None = None) -> Article:
    """Analyse a read document: find and resolve its dates, count its parts.

    Relative expressions resolve against `reference_date` (source "option"), else the
    document's publication date (source "published"), else a date the text fixes ("inferred").
    """
    headline = document.headline
    body = "\n\n".join(document.paragraphs)
    published = _day(document.published)
    if reference_date:
        reference = ReferenceDate(value=reference_date.isoformat(), source="option")
    elif published:
        reference = ReferenceDate(value=published.isoformat(), source="published")
    else:
        reference = _dateline_reference(document.dateline)
    found = find_dates({"headline": headline, "body": body}, reference)
    dateline = _resolve_dateline(document.dateline, found.reference)
    text = f"{headline}\n{body}"
    digest = hashlib.sha256(text.encode()).hexdigest()
    stats = Stats(
        characters=len(headline) + len(body),
        # No word spans whitespace, so the words of the lines are those of the text. A line
        # end closes a sentence, though, and a line could hold a "\n" of its own: by line.
        words=count_words(text),
        sentences=sum(map(count_sentences, (headline, *document.paragraphs))),
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
        published=document.published,
        updated=document.updated,
        url=document.url,
        author=document.author,
        category=document.category,
        tags=document.tags,
        dateline=dateline,
        byline=document.byline,
        cleaning=document.cleaning,
    )


def _dateline_reference(dateline: Dateline | None) -> ReferenceDate | None:
    """A dateline that gives its year (ঢাকা, ১২ অক্টোবর ২০২৩) dates the report itself."""
    if dateline is None or dateline.date is None or not _FULL_DATE.fullmatch(dateline.date):
        return None
    return ReferenceDate(value=dateline.date, source="inferred")


def _resolve_dateline(dateline: Dateline | None, reference: ReferenceDate | None) -> Dateline | None:
    """Give a dateline's yearless date (XXXX-11-02) the year the reference date puts it in."""
    if dateline is None or reference is None or dateline.date is None or "X" not in dateline.date:
        return dateline
    dates = find_dates({"body": dateline.text}, reference).mentions
    if len(dates) != 1 or "X" in dates[0].value:
        return dateline
    return dateline.model_copy(update={"date": dates[0].value})


def _day(iso: str | None) -> dt.date | None:
    """The calendar date of an ISO 8601 date or date-time, as written (its own local date)."""
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None
