"""Real-world inputs: the formats Bengali news corpora come in, each read into Documents.

    text   a plain-text article (headline on the first line, then paragraphs)
    jsonl  JSON Lines, one record per line          (records.py)
    json   a JSON array of records, or one record   (records.py)
    csv    CSV with a header row                    (records.py)
    html   a saved article page                     (html.py, the optional [html] extra)

Any of them may be compressed with gzip, bzip2, xz or zstd (compressed.py). The format is
detected from the file name's extension, then from the content; `Options.format` forces it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from ..errors import InputError, Reason
from ..plain import Source
from ..read import MAX_BYTES, Decoded, decode, printable_path
from .bijoy import looks_like_bijoy
from .compressed import Decompressed, compression_of, decompress
from .options import FIELDS, FORMATS, MAX_DECOMPRESSED, Options

if TYPE_CHECKING:
    from ..pipeline import Document
    from .records import Record

__all__ = [
    "FIELDS",
    "FORMATS",
    "MAX_DECOMPRESSED",
    "Options",
    "RecordFailure",
    "detect_format",
    "format_by_extension",
    "format_by_name",
    "read_documents",
    "record_documents",
]

_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
}
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


_NOTHING: Final = Decompressed(b"", None, "")


@dataclass(frozen=True)
class RecordFailure:
    """A record of a container file that produced no article: its index (from 0) and why."""

    record: int
    error: InputError


def format_by_name(name: str) -> str | None:
    """The format a (decompressed) file's extension names, if it names one."""
    return format_by_extension(extension(name).lower())


def extension(name: str) -> str:
    """os.path.splitext(name)[1], for every file a run reads: splitext runs as Python.

    The extension is the last "." of the file name and what follows, unless only dots come
    before it (".bashrc" has none).
    """
    if os.altsep:
        name = name.replace(os.altsep, os.sep)
    stem, dot, suffix = name.rpartition(os.sep)[2].rpartition(".")
    return dot + suffix if stem.strip(".") else ""


def format_by_extension(extension: str) -> str | None:
    """The format a lower-case extension (".jsonl") names, if it names one."""
    return _EXTENSIONS.get(extension)


def detect_format(name: str, data: bytes) -> str:
    """The format of a (decompressed) input: its extension first, then its first bytes."""
    found = format_by_name(name)
    if found is not None:
        # A .json file that is really JSON Lines (one object per line) is common in dumps.
        if found == "json" and _is_json_lines(data):
            return "jsonl"
        # A page saved as .txt (browsers' "save as text" sometimes keeps the markup).
        if found == "text" and _HTML_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")):
            return "html"
        return found
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        return "jsonl" if _is_json_lines(data) else "json"
    return "text"


def _is_json_lines(data: bytes) -> bool:
    """Two leading lines that are each a whole JSON object: JSON Lines."""
    import json

    lines = [line for line in data.lstrip().split(b"\n", 2)[:2] if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return all(isinstance(json.loads(line), dict) for line in lines)
    except ValueError:
        return False


def read_documents(
    data: bytes, path: str, options: Options | None = None, max_record: int = MAX_BYTES
) -> Iterator[Document | RecordFailure]:
    """The articles of one input file's bytes, in order: a Document, or a RecordFailure per bad record.

    A compressed JSON Lines or CSV dump is decompressed a record at a time (streamed.py), each
    record up to `max_record` characters. Raises InputError when the file as a whole cannot
    be read (corrupt, too large, not text).
    """
    from .text import build_document

    options = options or Options()
    compression = compression_of(data)
    name, unpacked = path, data  # (the file's name and bytes, without their compression)
    if compression is not None:
        from .streamed import stream_bytes

        streamed = stream_bytes(data, path, max_record, options)
        if streamed is not None:
            yield from streamed
            return
        decompressed = decompress(data, path, options.max_decompressed)
        name, unpacked = decompressed.name, decompressed.data
        decompressed = _NOTHING  # (its bytes are let go of with `unpacked`, below)
    fmt = options.format if options.format != "auto" else detect_format(name, unpacked)
    base = {
        "path": path,
        "format": fmt,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "compression": compression,
    }
    if fmt == "html":
        from .html import read_html

        yield read_html(unpacked, base, options)
        return
    try:
        decoded = _decode(unpacked)
    except InputError as error:
        if fmt not in ("jsonl", "csv") or error.reason != Reason.ENCODING:
            raise
        from .streamed import lines_alone

        by_line = lines_alone(unpacked, name, fmt, base, max_record, options)
        if by_line is None:
            raise
        yield from by_line
        return
    tabs = name.lower().endswith(".tsv")
    # The records are read from the text: a dump's bytes need not stay beside it (the
    # caller lets go of its own reference too: pipeline._documents). Rebound, not
    # deleted: mypyc cannot delete an argument.
    data = unpacked = b""
    if fmt == "text":
        yield build_document(decoded.text, source_of(base, decoded.encoding, None), options)
        return
    from .records import read_records

    records = read_records(decoded.text, fmt, options, tabs=tabs)
    yield from record_documents(records, base, decoded.encoding, options)


def record_documents(
    records: Iterable[Record], base: dict[str, Any], encoding: str, options: Options
) -> Iterator[Document | RecordFailure]:
    """The Document of each record of a dump (`base` holds its Source's fields), or its RecordFailure."""
    from .text import build_document

    for record in records:
        if record.error is not None:
            yield RecordFailure(record.index, record.error)
            continue
        source = source_of(base, encoding, record.index)
        try:
            yield build_document(record.body or "", source, options, record.meta)
        except InputError as error:
            yield RecordFailure(record.index, error)


def source_of(base: dict[str, Any], encoding: str, record: int | None) -> Source:
    """The Source of a file's text (record None) or of one record of a dump."""
    return Source(
        {
            "path": printable_path(base["path"]),
            "format": base["format"],
            "encoding": encoding,
            "bytes": base["bytes"],
            "sha256": base["sha256"],
            "record": record,
            "compression": base["compression"],
        },
    )


def _decode(data: bytes) -> Decoded:
    """UTF-8/16/32 as newsingest.read decodes it; else Windows-1252 when that shows Bijoy text.

    Bijoy (SutonnyMJ) files from old archives are usually saved as Windows "ANSI" bytes, not
    UTF-8: they are let through here so the Bijoy check can name them and --bijoy convert them.
    """
    try:
        return decode(data)
    except InputError as error:
        if error.reason != Reason.ENCODING:
            raise
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise error from None
        if not looks_like_bijoy(text):
            raise
        return Decoded(text, "cp1252")
