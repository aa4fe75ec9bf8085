"""Dumps read a record at a time: JSON Lines and CSV too large to hold whole.

A JSON Lines or CSV file larger than --max-bytes, and a compressed one of any size (it may
expand far past its size), is read as a stream: each record is parsed as it is read, so
memory stays flat in the dump's size, and a record may be up to --max-bytes characters
long. Inputs of the other formats are read whole, within --max-bytes and
--max-decompressed-bytes.

A file is read twice: once for its SHA-256 (each record's `source.sha256` is the file's),
then for its records. A bad byte or corrupt data past the start ends the file with an error
once the records before it are out.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, AnyStr, BinaryIO, Final

from ..errors import InputError, Reason
from ..read import decode
from .compressed import CORRUPT, compression_of, inner_name, open_decompressed
from .options import Options

if TYPE_CHECKING:
    from . import RecordFailure
    from .text import Document

# Bytes read to tell a dump's format: two whole lines of JSON Lines, as detect_format wants.
_HEAD: Final = 1 << 16
_STREAMED: Final = ("jsonl", "csv")
# Extensions (after a compression suffix) of files that may be a dump: the others (.txt,
# .html) are read whole without a look at their content first.
_MAY_BE_DUMPS: Final = ("", ".jsonl", ".ndjson", ".jsonlines", ".json", ".csv", ".tsv")


@dataclass(frozen=True)
class _Plan:
    """What a dump's first bytes say about how to read it."""

    format: str
    compression: str | None
    encoding: str
    head: str  # its first characters
    tabs: bool  # a .tsv


def stream_file(path: str, max_bytes: int, options: Options) -> Iterator[Document | RecordFailure]:
    """The records of a JSON Lines or CSV file too large to read whole, one at a time.

    Raises InputError: too_large when the file is of another format, or unreadable.
    """
    try:
        file = open(path, "rb")  # noqa: SIM115 (closed below, when the generator ends)
    except OSError as exc:
        raise InputError(Reason.UNREADABLE, f"cannot read: {exc.strerror or exc}") from None
    with file:
        plan = _plan(file, path, options)
        if plan is None:
            raise InputError(
                Reason.TOO_LARGE,
                f"larger than --max-bytes ({max_bytes:,} bytes); only JSON Lines and CSV dumps "
                "are read a record at a time",
            )
        try:
            file.seek(0)
            digest = hashlib.file_digest(file, "sha256")
            size = file.tell()
        except OSError as exc:
            raise InputError(Reason.UNREADABLE, f"cannot read: {exc.strerror or exc}") from None
        yield from _stream(file, plan, _base(path, plan, size, digest.hexdigest()), max_bytes, options)


def stream_bytes(
    data: bytes, path: str, max_bytes: int, options: Options
) -> Iterator[Document | RecordFailure] | None:
    """The records of a compressed JSON Lines or CSV file's bytes, decompressed as they are
    read; None when `data` is not that, or its start is corrupt or not UTF-8 (maybe Bijoy):
    it is then read whole, and the whole-file reader says what it is."""
    kind = compression_of(data)
    if kind is None:
        return None
    if options.format == "auto" and os.path.splitext(inner_name(path))[1].lower() not in _MAY_BE_DUMPS:
        return None
    file = io.BytesIO(data)
    try:
        plan = _plan(file, path, options)
    except InputError:
        return None
    if plan is None or plan.compression is None:
        return None
    base = _base(path, plan, len(data), hashlib.sha256(data).hexdigest())
    return _stream(file, plan, base, max_bytes, options)


def _base(path: str, plan: _Plan, size: int, sha256: str) -> dict[str, Any]:
    return {
        "path": path,
        "format": plan.format,
        "bytes": size,
        "sha256": sha256,
        "compression": plan.compression,
    }


def _plan(file: BinaryIO, name: str, options: Options) -> _Plan | None:
    """How to stream `file`: None when it is not JSON Lines or CSV. Raises InputError when its
    start is corrupt or not text (as newsingest.read.decode says)."""
    from . import detect_format

    kind = compression_of(file.read(16))
    if kind is not None:
        name = inner_name(name)
    head = _read(file, kind, _HEAD)
    found = options.format if options.format != "auto" else detect_format(name, head)
    if found not in _STREAMED:
        return None
    start = decode(head, final=False)
    return _Plan(found, kind, start.encoding, start.text, name.lower().endswith(".tsv"))


def _read(file: BinaryIO, kind: str | None, size: int) -> bytes:
    """The first `size` bytes of `file`, decompressed."""
    file.seek(0)
    try:
        return (open_decompressed(file, kind) if kind else file).read(size)
    except CORRUPT as exc:
        raise InputError(Reason.MALFORMED, f"corrupt {kind} data: {exc}") from None


def _stream(
    file: BinaryIO, plan: _Plan, base: dict[str, Any], max_bytes: int, options: Options
) -> Iterator[Document | RecordFailure]:
    from . import record_documents
    from .records import stream_records

    file.seek(0)
    binary = open_decompressed(file, plan.compression) if plan.compression else file
    if plan.encoding.startswith("utf-8"):
        lines = _utf8_lines(binary, max_bytes, plan)
    else:  # UTF-16 or -32, whose lines are not found by byte
        lines = _text_lines(io.TextIOWrapper(binary, plan.encoding, newline="\n"), max_bytes, plan)
    records = stream_records(lines, plan.head, plan.format, options, tabs=plan.tabs, max_field=max_bytes)
    yield from record_documents(records, base, plan.encoding, options)


def _utf8_lines(binary: BinaryIO, max_bytes: int, plan: _Plan) -> Iterator[str | InputError]:
    """Each line of a UTF-8 stream, decoded alone: a bad byte fails only its line.

    A line longer than `max_bytes` is an InputError, read past without being held.
    """
    read = _checked(binary.readline, plan)
    if plan.encoding == "utf-8-sig":
        read(len(codecs.BOM_UTF8))
    while line := read(max_bytes + 2):  # the text, and a line end of up to two bytes
        if len(line) > max_bytes and len(line.rstrip(b"\r\n")) > max_bytes:
            yield InputError(Reason.TOO_LARGE, f"longer than --max-bytes ({max_bytes:,} bytes)")
            while line and not line.endswith(b"\n"):
                line = read(max_bytes)
            continue
        try:
            yield line.decode()
        except UnicodeDecodeError as exc:
            yield InputError(Reason.ENCODING, f"not UTF-8: invalid byte 0x{line[exc.start]:02x}")


def _text_lines(stream: io.TextIOWrapper, max_chars: int, plan: _Plan) -> Iterator[str | InputError]:
    """_utf8_lines for other encodings, `max_chars` characters to a line; a bad byte ends
    the file there (the text is decoded a block at a time)."""
    read = _checked(stream.readline, plan)
    while line := read(max_chars + 2):
        if len(line) > max_chars and len(line.rstrip("\r\n")) > max_chars:
            yield InputError(Reason.TOO_LARGE, f"longer than --max-bytes ({max_chars:,} characters)")
            while line and not line.endswith("\n"):
                line = read(max_chars)
            continue
        yield line


def _checked(readline: Callable[[int], AnyStr], plan: _Plan) -> Callable[[int], AnyStr]:
    """`readline` with what reading a stream raises made an InputError about the file."""

    def read(size: int) -> AnyStr:
        try:
            return readline(size)
        except UnicodeDecodeError as exc:
            raise InputError(Reason.ENCODING, f"not {plan.encoding} text: {exc.reason}") from None
        except CORRUPT as exc:
            raise InputError(Reason.MALFORMED, f"corrupt {plan.compression} data: {exc}") from None

    return read
