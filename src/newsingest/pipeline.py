"""The library API: text or bytes in, Article out. The CLI is a thin layer over this.

Every function here is pure (no I/O but what its name says, no global state), so a
distributed engine's workers can call `parse_bytes` on records they already hold.

The pipeline builds plain records (newsingest.plain); the library API hands out their
pydantic models (newsingest.models), which it imports on first use. The CLI writes the
plain records as they are (plain_files), and so never imports pydantic.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .dates import FoundDates, find_dates, find_dates_batch
from .errors import InputError, Reason
from .formats import Options, RecordFailure, source_of, streamed
from .formats.archive import (
    TOLD_BY,
    Member,
    archive_kind,
    archive_members,
    is_archive,
    is_zip,
    members_of,
    too_large_member,
)
from .formats.pieces import PIECE, Stdin, file_of, is_archive_piece, read_archive_piece, read_piece
from .formats.streamed import closed_after, file_documents, stdin_file
from .formats.text import Document
from .plain import Article, Dateline, ReferenceDate, Source, Stats
from .read import MAX_BYTES, STDIN, decode, printable_path, read_bytes, utf8, walk
from .segment import count_text

if TYPE_CHECKING:
    from . import models

_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Documents analysed together by parse_files (build_articles says why; 48-96 measure alike,
# a few % faster than 16).
BATCH_DOCUMENTS = 64


@dataclass(frozen=True)
class Failure:
    """An input (or one record of it) that produced no article: where, and why (one line)."""

    path: str
    error: InputError
    record: int | None = None

    def __str__(self) -> str:
        path = printable_path(self.path)
        where = path if self.record is None else f"{path}: record {self.record}"
        return f"{where}: {self.error.message}"

    def __reduce__(self) -> tuple[type[Failure], tuple[str, InputError, int | None]]:
        # Rebuilt from its fields when unpickled (a worker sends it back): pickle's default
        # sets them one by one, which the frozen class mypyc compiles refuses.
        return Failure, (self.path, self.error, self.record)


def parse_text(
    text: str,
    reference_date: dt.date | None = None,
    *,
    source: models.Source | None = None,
    options: Options | None = None,
) -> models.Article:
    """Parse one article given as text: headline on the first non-empty line, then paragraphs.

    A byline, dateline or প্রকাশ: line at the top is taken out of the body and reported;
    scraping artefacts are removed unless `options.clean` is off.

    >>> parse_text("শিরোনাম\\n১৯৪৮ সালের ১২ অক্টোবর সম্পর্ক স্থাপিত হয়।").dates[0].value
    '1948-10-12'
    """
    from .models import from_plain, to_plain

    if source is None:
        plain_source = _text_source("<text>", "utf-8", text.encode("utf-8"))
    else:
        plain_source = to_plain(source)
    return from_plain(_plain_text(text, reference_date, plain_source, options or Options()))


def parse_bytes(data: bytes, path: str = "-", reference_date: dt.date | None = None) -> models.Article:
    """Parse one plain-text article file's bytes; raises InputError when they are not one."""
    from .models import from_plain

    decoded = decode(data)
    source = _text_source(path, decoded.encoding, data)
    return from_plain(_plain_text(decoded.text, reference_date, source, Options()))


def _text_source(path: str, encoding: str, data: bytes) -> Source:
    base = {"path": path, "format": "text", "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return source_of(base | {"compression": None}, encoding, None)


def _plain_text(text: str, reference_date: dt.date | None, source: Source, options: Options) -> Article:
    from .formats.text import build_document

    return build_article(build_document(text, source, options), reference_date)


def parse_paths(
    paths: Iterable[str],
    reference_date: dt.date | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    options: Options | None = None,
) -> Iterator[models.Article | Failure]:
    """Every input under `paths` (files, directories, "-"), in order: an Article or a Failure."""
    return parse_files(walk(list(paths)), reference_date, max_bytes=max_bytes, options=options)


def parse_files(
    files: Iterable[str],
    reference_date: dt.date | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    options: Options | None = None,
) -> Iterator[models.Article | Failure]:
    """parse_paths for paths already walked: each is read as a file (or "-"), none listed."""
    from .models import from_plain

    for result in plain_files(files, reference_date, max_bytes=max_bytes, options=options):
        yield result if isinstance(result, Failure) else from_plain(result)


def plain_files(
    files: Iterable[str],
    reference_date: dt.date | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    options: Options | None = None,
) -> Iterator[Article | Failure]:
    """parse_files with the articles as the pipeline builds them (newsingest.plain): what
    the CLI writes.

    Documents are analysed BATCH_DOCUMENTS at a time (see build_articles), so nothing but a
    batch is held; a run yields its first article after its first batch.
    """
    documents = _read_documents(files, max_bytes, options)
    while batch := list(itertools.islice(documents, BATCH_DOCUMENTS)):
        articles = iter(
            build_articles([item for item in batch if isinstance(item, Document)], reference_date)
        )
        for item in batch:
            yield item if isinstance(item, Failure) else next(articles)


def _read_documents(
    paths: Iterable[str], max_bytes: int, options: Options | None
) -> Iterator[Document | Failure]:
    options = options or Options()
    for path in paths:
        name = file_of(path)
        try:
            documents = _open(path, max_bytes, options)
        except InputError as error:
            yield Failure(name, error)
            continue
        try:
            yield from documents
        except InputError as error:
            yield Failure(name, error)


def _open(path: str, max_bytes: int, options: Options) -> Iterator[Document | Failure]:
    """The documents of one input: a file, "-" or a piece of a large dump (formats.pieces).

    An input is read whole here, but a JSON Lines or CSV dump larger than `max_bytes` or
    than streamed.STREAM_FROM, which is read a record at a time as its documents are asked
    for (formats.streamed.open_dump says which).
    """
    if PIECE in path:
        if is_archive_piece(path):
            return _members(read_archive_piece(path, max_bytes, options), options, max_bytes)
        return _named(read_piece(path, max_bytes, options), file_of(path))
    if path == STDIN:
        return _stdin(path, max_bytes, options)
    if is_archive(path):
        return _members(archive_members(path, max_bytes, options), options, max_bytes)
    try:
        return _documents(read_bytes(path, max_bytes, streamed.STREAM_FROM), path, options, max_bytes)
    except InputError as error:
        if error.reason != Reason.TOO_LARGE or not os.path.isfile(path):
            raise
    dump = streamed.open_dump(path, max_bytes, options)
    if dump is not None:
        return _named(dump, path)
    return _documents(read_bytes(path, max_bytes), path, options, max_bytes)


def _archive_kind(data: bytes, path: str) -> str | None:
    """Which archive an input's bytes are ("zip", "tar"), if they are one: told by its name,
    or piped in, by its content (a named .docx is a zip too, and its XML no article)."""
    if is_archive(path):
        return "zip" if is_zip(path) else "tar"
    return archive_kind(data) if path == STDIN else None


def _members(
    members: Iterator[tuple[str, Member]], options: Options, max_bytes: int
) -> Iterator[Document | Failure]:
    """The documents of each member file of an archive (formats.archive), each failure named
    by its member; a large dump (given copied out to a file) read a record at a time."""
    for name, member in members:
        if isinstance(member, InputError):
            yield Failure(name, member)
            continue
        try:
            if isinstance(member, bytes):
                yield from _documents(member, name, options, max_bytes)
                continue
            dump = file_documents(member, name, max_bytes, options)  # type: ignore[arg-type]  # (spooled)
            if dump is not None:
                yield from _named(dump, name)
                continue
            with member:  # (no dump after all, or one read whole: as on disk)
                if member.seek(0, os.SEEK_END) > max_bytes:
                    raise too_large_member(max_bytes)
                member.seek(0)
                data = member.read()
            yield from _documents(data, name, options, max_bytes)
        except InputError as error:
            yield Failure(name, error)


def _stdin(path: str, max_bytes: int, options: Options) -> Iterator[Document | Failure]:
    """Standard input, read as a named file of its size and content is: read here, or by
    the main process of a run with workers (a streamed.Stdin)."""
    if isinstance(path, Stdin):
        if path.file is None:
            assert path.error is not None
            raise path.error
        file = path.file
    else:
        file = stdin_file(max_bytes, options)
    try:
        file.seek(0)
        kind = archive_kind(file.read(TOLD_BY))
        file.seek(0)
        dump = None if kind else file_documents(file, STDIN, max_bytes, options)
    except BaseException:
        file.close()
        raise
    if kind is not None:  # (read from the file a member at a time, whatever its size)
        members = members_of(file, STDIN, kind, max_bytes, options)
        return closed_after(file, _members(members, options, max_bytes))
    if dump is not None:
        return _named(dump, STDIN)
    with file:
        file.seek(0)
        return _documents(file.read(), STDIN, options, max_bytes)


def parse_file(
    data: bytes, path: str = "-", reference_date: dt.date | None = None, options: Options | None = None
) -> Iterator[models.Article | Failure]:
    """Every article of one input file's bytes (text, JSON Lines, JSON, CSV, HTML; maybe compressed).

    A bad record becomes a Failure with its index and the other records go on; raises
    InputError when the file as a whole cannot be read.
    """
    from .models import from_plain

    for item in _documents(data, path, options):
        yield item if isinstance(item, Failure) else from_plain(build_article(item, reference_date))


def _documents(
    data: bytes, path: str, options: Options | None, max_bytes: int = MAX_BYTES
) -> Iterator[Document | Failure]:
    """The documents of one input file's bytes, a bad record as a Failure (see parse_file).

    Nothing is read until the first is asked for; the caller's `data` is all that holds the
    bytes then (read_documents lets go of them once decoded: a dump's need not stay).
    """
    from .formats import read_documents

    options = options or Options()
    kind = _archive_kind(data, path)
    if kind is not None:
        members = members_of(io.BytesIO(data), path, kind, max_bytes, options)
        return _members(members, options, max_bytes)
    return _named(read_documents(data, path, options, max_bytes), path)


def _named(documents: Iterator[Document | RecordFailure], path: str) -> Iterator[Document | Failure]:
    for document in documents:
        yield (
            Failure(path, document.error, document.record)
            if isinstance(document, RecordFailure)
            else document
        )


def build_article(document: Document, reference_date: dt.date | None = None) -> Article:
    """Analyse a read document: find and resolve its dates, count its parts (see build_articles)."""
    return build_articles([document], reference_date)[0]


def build_articles(documents: Sequence[Document], reference_date: dt.date | None = None) -> list[Article]:
    """Analyse read documents: find and resolve their dates, count their parts.

    Relative expressions resolve against `reference_date` (source "option"), else the
    document's publication date (source "published"), else a date the text fixes ("inferred").

    Each stage runs over the whole batch before the next begins: the stages' code then stays
    in the processor's caches, which makes a batch some 15-20% faster than one at a time.
    """
    fields = [
        {"headline": document.headline, "body": "\n\n".join(document.paragraphs)} for document in documents
    ]
    found = find_dates_batch(fields, [_reference(document, reference_date) for document in documents])
    return [_article(*parts) for parts in zip(documents, fields, found, strict=True)]


def _reference(document: Document, reference_date: dt.date | None) -> ReferenceDate | None:
    if reference_date:
        return ReferenceDate({"value": reference_date.isoformat(), "source": "option"})
    published = _day(document.published)
    if published:
        return ReferenceDate({"value": published.isoformat(), "source": "published"})
    return _dateline_reference(document.dateline)


def _article(document: Document, fields: dict[str, str], found: FoundDates) -> Article:
    headline, body = fields["headline"], fields["body"]
    digest = hashlib.sha256(utf8(headline))  # of headline + "\n" + body
    digest.update(b"\n")
    digest.update(utf8(body))
    # (No word spans the "\n\n" between paragraphs, so the body's words are its paragraphs'.)
    words, sentences = count_text((headline, *document.paragraphs))
    stats = {
        "characters": len(headline) + len(body),
        "words": words,
        "sentences": sentences,
        "paragraphs": len(document.paragraphs),
    }
    return Article(
        {
            "id": digest.hexdigest()[:16],
            "source": document.source,
            "headline": headline,
            "body": body,
            "language": "bn",
            "dates": found.mentions,
            "reference_date": found.reference,
            "stats": Stats(stats),
            "normalisation": document.fixes,
            "published": document.published,
            "updated": document.updated,
            "url": document.url,
            "author": document.author,
            "category": document.category,
            "tags": document.tags,
            "dateline": _resolve_dateline(document.dateline, found.reference),
            "byline": document.byline,
            "cleaning": document.cleaning,
        },
    )


def _dateline_reference(dateline: Dateline | None) -> ReferenceDate | None:
    """A dateline that gives its year (ঢাকা, ১২ অক্টোবর ২০২৩) dates the report itself."""
    if dateline is None or dateline.date is None or not _FULL_DATE.fullmatch(dateline.date):
        return None
    return ReferenceDate({"value": dateline.date, "source": "inferred"})


def _resolve_dateline(dateline: Dateline | None, reference: ReferenceDate | None) -> Dateline | None:
    """Give a dateline's yearless date (XXXX-11-02) the year the reference date puts it in."""
    if dateline is None or reference is None or dateline.date is None or "X" not in dateline.date:
        return dateline
    dates = find_dates({"body": dateline.text}, reference).mentions
    if len(dates) != 1 or "X" in dates[0].value:
        return dateline
    return Dateline({**dateline.__dict__, "date": dates[0].value})


def _day(iso: str | None) -> dt.date | None:
    """The calendar date of an ISO 8601 date or date-time, as written (its own local date)."""
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None
