"""Dumps read a record at a time: JSON Lines, CSV and JSON too large to hold whole.

A JSON Lines, CSV or JSON file (an array, or an object holding its records) larger than
STREAM_FROM (16 MB) or --max-bytes, and a compressed JSON Lines, CSV or JSON array of any
size (it may expand far past its size), is read as a stream: each record is parsed as it is
read, so memory stays flat in the dump's size, and a record may be up to --max-bytes long.
Inputs of the other formats are read whole, within --max-bytes and --max-decompressed-bytes;
so is a dump up to --max-bytes whose start is not UTF-8 (it may be Bijoy, which the
whole-file reader converts).

A file is read twice: once for its SHA-256 (each record's `source.sha256` is the file's),
then for its records. A line that is not UTF-8 fails its record, and so does one too long
(in a CSV, the record it falls in: records.stream_records; in a JSON array, the element:
records.json_elements); corrupt data past the start ends the file with an error once the
records before it are out.
With --jobs, a large dump is cut into pieces the workers share (pieces.py).
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import hashlib
import io
import itertools
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, AnyStr, BinaryIO, Final, TypeVar

from ..errors import InputError, Reason, UnreadLine, unreadable
from ..read import STDIN, Decoded, decode, encoding_of, read_stdin
from . import detect_format, extension, record_documents
from .compressed import CORRUPT, MAGIC_BYTES, compression_of, inner_name, open_decompressed
from .options import Options

if TYPE_CHECKING:
    from . import RecordFailure
    from .text import Document

# Dumps (JSON Lines, CSV, JSON arrays) larger than this are read a record at a time, those up
# to --max-bytes only when their start is UTF-8; smaller ones are read whole. (Not Final:
# mypyc would build its value into the compiled pipeline, where tests lower it.)
STREAM_FROM = 16 << 20
# Bytes read to tell a dump's format: two whole lines of JSON Lines, as detect_format wants.
_HEAD: Final = 1 << 16
# Bytes read at a time: to copy standard input, and to cut a dump into pieces.
READ_SIZE: Final = 1 << 20
STREAMED: Final = ("jsonl", "csv", "json")  # (JSON: an array; records.json_elements)
T = TypeVar("T")
# Extensions (after a compression suffix) of files that may be a dump: the others (.txt,
# .html) are read whole without a look at their content first.
_MAY_BE_DUMPS: Final = ("", ".jsonl", ".ndjson", ".jsonlines", ".json", ".csv", ".tsv")


@dataclass(frozen=True)
class Plan:
    """What a dump's first bytes say about how to read it."""

    format: str
    compression: str | None
    encoding: str
    head: str  # its first characters
    tabs: bool  # a .tsv


def open_dump(path: str, max_bytes: int, options: Options) -> Iterator[Document | RecordFailure] | None:
    """The records of a dump (JSON Lines, CSV, a JSON array) to read a record at a time, or
    None when it is read whole: one of another format, or up to STREAM_FROM bytes, or up to
    `max_bytes` with a start that is not UTF-8 (a Bijoy dump is converted; see lines_alone
    for the others).

    Raises InputError when it cannot be: too_large when it is larger than `max_bytes` and
    not a dump, or unreadable.
    """
    try:
        file = open(path, "rb")  # noqa: SIM115 (closed by the generator returned, or below)
    except OSError as exc:
        raise unreadable(exc) from None
    try:
        plan = dump_plan(file, path, os.fstat(file.fileno()).st_size, max_bytes, options)
    except BaseException:
        file.close()
        raise
    if plan is None:
        file.close()
        return None
    return closed_after(file, _stream_file(file, path, plan, max_bytes, options))


def closed_after(file: BinaryIO, items: Iterator[T]) -> Iterator[T]:
    with file:
        yield from items


def dump_plan(file: BinaryIO, path: str, size: int, max_bytes: int, options: Options) -> Plan | None:
    """How a file of `size` bytes is read a record at a time; None when it is read whole."""
    if size <= min(STREAM_FROM, max_bytes):
        return None
    if size <= max_bytes:
        try:
            return plan_of(file, path, options, strict=True, objects=True)
        except InputError:
            return None  # the whole-file reader says what is wrong with it
    plan = plan_of(file, path, options, objects=True)
    if plan is None:
        raise InputError(
            Reason.TOO_LARGE,
            f"larger than --max-bytes ({max_bytes:,} bytes); only JSON Lines, CSV and JSON "
            "dumps are read a record at a time",
        )
    return plan


def stdin_file(max_bytes: int, options: Options, *, archive_named: bool = False) -> BinaryIO:
    """Standard input as a file, to be read as a named file of its size is (file_documents).

    Up to STREAM_FROM (or `max_bytes`, if less), it is held in memory. A larger one is
    copied to an unnamed temporary file (deleted once closed; it takes the input's size on
    the disk of TMPDIR), as the SHA-256 each record carries is known only at its end: up to
    `max_bytes`, and past that only a dump read a record at a time or an archive read a
    member at a time; anything else is refused unread past `max_bytes` (too_large). With
    `archive_named`, an archive is copied to a named_temporary file instead, which the
    workers of --jobs can open.
    """
    import shutil
    import tempfile

    from .archive import archive_suffix

    held = min(STREAM_FROM, max_bytes)
    start = read_stdin(held)
    if len(start) <= held:
        return io.BytesIO(start)
    file = None
    try:
        suffix = archive_suffix(start) if archive_named else None
        if suffix is not None:
            file = named_temporary(suffix)
        else:
            file = tempfile.TemporaryFile(prefix="newsingest-stdin-")  # noqa: SIM115 (the caller closes it)
        file.write(start)
        copied = len(start) + copy_at_most(sys.stdin.buffer, file, max_bytes + 1 - len(start))
        if copied > max_bytes:
            _refuse_unless_dump(start, copied, max_bytes, options)
            shutil.copyfileobj(sys.stdin.buffer, file, READ_SIZE)
    except OSError as exc:
        if file is not None:
            file.close()
        raise InputError(Reason.UNREADABLE, f"cannot read or keep it: {exc.strerror or exc}") from None
    except InputError:
        if file is not None:
            file.close()
        raise
    return file


def named_temporary(suffix: str) -> BinaryIO:
    """A temporary file in TMPDIR that the run's workers can open by its `name`, gone when
    this process ends.

    Where Linux allows, it has no name in TMPDIR at all (tempfile.TemporaryFile's), and its
    `name` is /proc/PID/fd/N, a descriptor of it this process keeps open to its end: a run
    killed outright (SIGKILL, the OOM killer) leaves nothing behind. Its name then says
    nothing of what it holds (archive.zipped reads its bytes). Elsewhere it is named in
    TMPDIR, ending in `suffix`, and removed at exit by atexit, in this process only (a
    forked worker inherits the registration).
    """
    import tempfile

    with tempfile.TemporaryFile(prefix="newsingest-stdin-") as unnamed:
        kept = os.dup(unnamed.fileno())  # (never closed: the file lives while this process does)
    name = f"/proc/{os.getpid()}/fd/{kept}"
    if _names(name, kept):
        return open(name, "w+b")
    os.close(kept)
    import atexit

    file = tempfile.NamedTemporaryFile(prefix="newsingest-stdin-", suffix=suffix, delete=False)  # noqa: SIM115
    atexit.register(_remove, file.name, os.getpid())
    return file  # type: ignore[return-value]  # (a _TemporaryFileWrapper: a binary file)


def _names(path: str, descriptor: int) -> bool:
    """Whether `path` opens the file open as `descriptor` (no /proc, or one of another PID
    namespace than this process's, would not)."""
    try:
        named, held = os.stat(path), os.fstat(descriptor)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _remove(path: str, owner: int) -> None:
    if os.getpid() == owner:
        with contextlib.suppress(OSError):
            os.remove(path)


def copy_at_most(source: BinaryIO, target: BinaryIO, most: int) -> int:
    """Copy up to `most` bytes of `source` to `target`; how many it copied."""
    copied = 0
    while copied < most and (chunk := source.read(min(READ_SIZE, most - copied))):
        target.write(chunk)
        copied += len(chunk)
    return copied


def _refuse_unless_dump(start: bytes, size: int, max_bytes: int, options: Options) -> None:
    """Raise too_large for an input of `size` bytes past `max_bytes` that its `start` does
    not show to be a dump read a record at a time, or an archive read a member at a time."""
    from .archive import archive_kind

    if archive_kind(start) is not None:
        return
    try:
        dump_plan(io.BytesIO(start), STDIN, size, max_bytes, options)
    except InputError as error:
        if error.reason == Reason.TOO_LARGE:
            raise
        # (compressed, its start cut short before what tells the format: the whole will)


def file_documents(
    file: BinaryIO, name: str, max_bytes: int, options: Options
) -> Iterator[Document | RecordFailure] | None:
    """open_dump for an input read into `file` and named `name` (standard input, by
    stdin_file; an archive's member): None when it is read whole, as a named file of its
    size and content is. The file is closed once its records are read."""
    plan = dump_plan(file, name, rewound(file), max_bytes, options)
    if plan is None:
        return None
    return closed_after(file, _stream_file(file, name, plan, max_bytes, options))


def rewound(file: BinaryIO) -> int:
    """The size of a file, which is left at its start."""
    size = file.seek(0, os.SEEK_END)
    file.seek(0)
    return size


def _stream_file(
    file: BinaryIO, path: str, plan: Plan, max_bytes: int, options: Options
) -> Iterator[Document | RecordFailure]:
    try:
        sha256, size = sha256_of(file)
    except OSError as exc:
        raise unreadable(exc) from None
    yield from _stream(file, plan, source_base(path, plan, size, sha256), max_bytes, options)


def sha256_of(file: BinaryIO) -> tuple[str, int]:
    """The SHA-256 of a whole file and its size, read from its start; it is left at its start."""
    file.seek(0)
    digest = hashlib.file_digest(file, "sha256").hexdigest()  # type: ignore[arg-type]  # (readinto)
    return digest, rewound(file)


def stream_bytes(
    data: bytes, path: str, max_bytes: int, options: Options
) -> Iterator[Document | RecordFailure] | None:
    """The records of a compressed dump's bytes (JSON Lines, CSV, a JSON array), decompressed
    as they are read; None when `data` is not that, or its start is corrupt or not UTF-8
    (maybe Bijoy): it is then read whole, and the whole-file reader says what it is."""
    kind = compression_of(data)
    if kind is None or not named_as_dump(path, options):
        return None
    file = io.BytesIO(data)
    try:
        plan = plan_of(file, path, options, strict=True)
    except InputError:
        return None
    if plan is None or plan.compression is None:
        return None
    base = source_base(path, plan, len(data), hashlib.sha256(data).hexdigest())
    return _stream(file, plan, base, max_bytes, options)


# The characters a JSON array is read in at a time.
JSON_READ: Final = 1 << 20


# A dump held whole whose bytes are not all UTF-8 is read a line at a time when at most this
# share of its lines is bad: a few corrupt records fail alone, and a file in another encoding
# fails once, as a whole.
_MOST_LINES_BAD: Final = 0.5


def lines_alone(
    data: bytes, name: str, fmt: str, base: dict[str, Any], max_bytes: int, options: Options
) -> Iterator[Document | RecordFailure] | None:
    """The records of a JSON Lines or CSV dump held whole (`data`, decompressed) that does not
    decode, each line decoded alone as a streamed dump's are: a stray byte (or UTF-16 code
    unit) fails only its record, and the rest are read. None when it is not text with a few
    bad lines (most lines bad: another encoding): the whole-file error stands."""
    encoding = encoding_of(data)
    if encoding.startswith("utf-8"):
        lines = data.split(b"\n")
        bad = 0
        for line in lines:
            try:
                line.decode()
            except UnicodeDecodeError:
                bad += 1
        total = len(lines)
        head = data[:_HEAD].decode(encoding, errors="replace")
    else:  # UTF-16 or -32, where a bad code unit decodes as a lone surrogate
        try:
            text = data.decode(encoding, errors="surrogatepass")
        except UnicodeDecodeError:  # (a unit cut short at the end, or no character at all)
            return None
        text_lines = text.split("\n")
        bad = sum(1 for line in text_lines if LONE_SURROGATE.search(line))
        total = len(text_lines)
        head = text[:_HEAD]
    if bad > total * _MOST_LINES_BAD:
        return None
    plan = Plan(fmt, None, encoding, head, name.lower().endswith(".tsv"))
    return _stream(io.BytesIO(data), plan, base, max_bytes, options)


def named_as_dump(path: str, options: Options) -> bool:
    """A compressed file named as a dump may be one (article.txt.gz is read whole unlooked at)."""
    return options.format != "auto" or extension(inner_name(path)).lower() in _MAY_BE_DUMPS


def source_base(path: str, plan: Plan, size: int, sha256: str) -> dict[str, Any]:
    return {
        "path": path,
        "format": plan.format,
        "bytes": size,
        "sha256": sha256,
        "compression": plan.compression,
    }


def plan_of(
    file: BinaryIO, name: str, options: Options, *, strict: bool = False, objects: bool = False
) -> Plan | None:
    """How to stream `file`: None when it is not JSON Lines, CSV or a JSON array (or with
    `objects`, a JSON object holding its records; a compressed one is read whole). Raises
    InputError when its start is corrupt or not text (as newsingest.read.decode says); a bad
    UTF-8 byte there only when `strict`, else it fails its own line, as one further on does."""
    kind = compression_of(file.read(MAGIC_BYTES))
    if kind is not None:
        name = inner_name(name)
    head = _read(file, kind, _HEAD)
    found = options.format if options.format != "auto" else detect_format(name, head)
    if found not in STREAMED:
        return None
    try:
        start = decode(head, final=False)
    except InputError as error:
        encoding = encoding_of(head)
        if strict or error.reason != Reason.ENCODING or not encoding.startswith("utf-8"):
            raise
        start = Decoded(head.decode(encoding, errors="replace"), encoding)  # (for the CSV sniffer)
    starts = ("[", "{") if objects else ("[",)
    if found == "json" and not start.text.lstrip(" \t\r\n").startswith(starts):
        return None  # (an object within --max-bytes: read whole, the records found in it)
    return Plan(found, kind, start.encoding, start.text, name.lower().endswith(".tsv"))


def _read(file: BinaryIO, kind: str | None, size: int) -> bytes:
    """The first `size` bytes of `file`, decompressed."""
    file.seek(0)
    try:
        return (open_decompressed(file, kind) if kind else file).read(size)
    except CORRUPT as exc:
        raise InputError(Reason.MALFORMED, f"corrupt {kind} data: {exc}") from None


def _stream(
    file: BinaryIO, plan: Plan, base: dict[str, Any], max_bytes: int, options: Options
) -> Iterator[Document | RecordFailure]:
    from .records import json_records, stream_records  # (their imports are for dumps alone)

    file.seek(0)
    binary = open_decompressed(file, plan.compression) if plan.compression else file
    if plan.format == "json":
        # A bad byte (or UTF-16 code unit) decodes as a lone surrogate, and fails its record.
        errors = "surrogateescape" if plan.encoding.startswith("utf-8") else "surrogatepass"
        read = checked(io.TextIOWrapper(binary, plan.encoding, errors=errors).read, plan)
        records = json_records(iter(functools.partial(read, JSON_READ), ""), max_bytes, options)
    else:
        if plan.encoding.startswith("utf-8"):
            lines = utf8_lines(binary, max_bytes, plan, skip_bom=plan.encoding == "utf-8-sig")
        else:  # UTF-16 or -32, whose lines are not found by byte
            text = io.TextIOWrapper(binary, plan.encoding, errors="surrogatepass", newline="\n")
            lines = _text_lines(text, max_bytes, plan)
        records = stream_records(lines, plan.head, plan.format, options, tabs=plan.tabs, max_field=max_bytes)
    yield from record_documents(records, base, plan.encoding, options)


def utf8_lines(
    binary: BinaryIO, max_bytes: int, plan: Plan, *, skip_bom: bool, skip_lines: int = 0
) -> Iterator[str | InputError]:
    """Each line of a UTF-8 stream, decoded alone: one with a bad byte, or longer than
    `max_bytes` (read past without being held), is an UnreadLine, and fails only its record.
    The first `skip_lines` are read past.
    """
    read = checked(binary.readline, plan)
    if skip_bom:
        read(len(codecs.BOM_UTF8))
    raw = raw_lines(read, max_bytes)
    for _ in itertools.islice(raw, skip_lines):
        pass
    for line, odd_quotes in raw:
        if odd_quotes is not None:
            yield UnreadLine(Reason.TOO_LARGE, f"longer than --max-bytes ({max_bytes:,} bytes)", odd_quotes)
            continue
        try:
            yield line.decode()
        except UnicodeDecodeError as exc:
            message = f"not UTF-8: invalid byte 0x{line[exc.start]:02x}"
            yield UnreadLine(Reason.ENCODING, message, _odd_quotes("", line))


def raw_lines(read: Callable[[int], bytes], max_bytes: int) -> Iterator[tuple[bytes, str | None]]:
    """Each line of a binary stream, with None, or for a line longer than `max_bytes` the
    quote characters it holds an odd number of (UnreadLine). Such a line comes cut short,
    once the rest of it has been read past, never held. The reader (utf8_lines) and the
    cutter (_carried_pieces) both read lines so."""
    while line := read(max_bytes + 2):  # the text, and a line end of up to two bytes
        if not line_too_long(line, max_bytes):
            yield line, None
            continue
        odd_quotes = _odd_quotes("", line)
        rest = line
        while rest and not rest.endswith(b"\n"):
            rest = read(max_bytes)
            odd_quotes = _odd_quotes(odd_quotes, rest)
        yield line, odd_quotes


def _odd_quotes(odd: str, chunk: str | bytes) -> str:
    """The quote characters csv.Sniffer may find (its pattern is ["']) seen an odd number of
    times: `odd` before `chunk` of a line, and this after it."""
    for quote in "\"'":
        count = chunk.count(quote) if isinstance(chunk, str) else chunk.count(quote.encode())
        if count % 2:
            odd = odd.replace(quote, "") if quote in odd else odd + quote
    return odd


def line_too_long(line: bytes, max_bytes: int) -> bool:
    """Whether a line's first `max_bytes` + 2 bytes, as read, show it longer than `max_bytes`."""
    return len(line) > max_bytes and len(line.rstrip(b"\r\n")) > max_bytes


def _text_lines(stream: io.TextIOWrapper, max_chars: int, plan: Plan) -> Iterator[str | InputError]:
    """utf8_lines for other encodings, `max_chars` characters to a line, from a stream that
    decodes a bad code unit as a lone surrogate (errors="surrogatepass"); a code unit cut
    short at the end ends the file there."""
    read = checked(stream.readline, plan)
    while line := read(max_chars + 2):
        if len(line) > max_chars and len(line.rstrip("\r\n")) > max_chars:
            odd_quotes = _odd_quotes("", line)
            while line and not line.endswith("\n"):
                line = read(max_chars)
                odd_quotes = _odd_quotes(odd_quotes, line)
            message = f"longer than --max-bytes ({max_chars:,} characters)"
            yield UnreadLine(Reason.TOO_LARGE, message, odd_quotes)
        elif bad := LONE_SURROGATE.search(line):
            message = f"not {plan.encoding.upper()} text: a lone surrogate (U+{ord(bad[0]):04X})"
            yield UnreadLine(Reason.ENCODING, message, _odd_quotes("", line))
        else:
            yield line


# A code unit of UTF-16 or -32 that is no character, as errors="surrogatepass" decodes it.
LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def checked(readline: Callable[[int], AnyStr], plan: Plan) -> Callable[[int], AnyStr]:
    """`readline` with what reading a stream raises made an InputError about the file."""

    def read(size: int) -> AnyStr:
        try:
            return readline(size)
        except UnicodeDecodeError as exc:
            raise InputError(Reason.ENCODING, f"not {plan.encoding} text: {exc.reason}") from None
        except CORRUPT as exc:
            raise InputError(Reason.MALFORMED, f"corrupt {plan.compression} data: {exc}") from None

    return read
