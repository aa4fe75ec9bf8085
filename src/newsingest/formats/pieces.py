"""A large dump cut into pieces that the workers of --jobs parse side by side.

`split_dumps` runs in the main process: it replaces each dump that a one-process run reads a
record at a time (streamed.py) by its pieces, strings that stand for a byte range of the file
and what a reader needs to know of it; `read_piece` runs in a worker and gives a piece's
records as the one-process run gives them. A file is cut where its records begin (JSON
Lines: at lines; a JSON array: between elements; CSV: past whole records, quotes counted).
An uncompressed file's pieces are byte ranges that the workers read from it; a compressed
file cannot be read from the middle, so its pieces carry their lines, records or elements,
and standard input's carry their bytes (CarriedPiece).
"""

from __future__ import annotations

import codecs
import functools
import io
import itertools
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO, Final, cast

from ..errors import InputError, Reason, unreadable
from ..read import STDIN
from . import extension, format_by_extension, record_documents, streamed
from .archive import (
    TOLD_BY,
    Member,
    archive_members,
    archive_suffix,
    is_archive,
    zip_entry,
    zip_ranges,
    zipped,
)
from .compressed import SUFFIXES, open_decompressed
from .options import Options
from .streamed import (
    STREAMED,
    Plan,
    checked,
    closed_after,
    dump_plan,
    line_too_long,
    named_as_dump,
    named_temporary,
    plan_of,
    raw_lines,
    rewound,
    sha256_of,
    source_base,
    stdin_file,
    utf8_lines,
)

if TYPE_CHECKING:
    from . import RecordFailure
    from .text import Document

# A large dump is cut into pieces of whole records (lines of JSON Lines, elements of a JSON
# array, records of a CSV), about this many bytes each, that the workers of --jobs parse side
# by side: a single dump is no longer parsed by one core.
# Each piece is a batch of its own (parallel._batches): its JSON lines, ~50 articles' worth,
# fit in the result pipe of its worker, which goes on with the next while the main process
# reads another worker's. Only files a one-process run streams are cut (streamed.open_dump): their
# pieces give what it gives.
PIECE_BYTES: Final = 1 << 18
# Joins a piece's fields into the string that stands for it among the paths a run hands to
# its workers (a NUL is never in a path).
PIECE: Final = "\x00"
# What stands for a piece's byte range in one that fails with the error it carries, and in
# one that is the rest of a compressed file from its first line on.
_FAILED: Final = "!"
_REST: Final = "+"
# What stands in a piece of an archive where a dump's piece has its byte range's start;
# a zip's piece has the number of its first entry, this, and where in the zip's list of
# entries that entry begins, then where its last one ends.
_ARCHIVE: Final = "archive"
_AT: Final = "@"
# Archives of this many bytes or more (eight times as many for a plain .tar) are shared out
# among the workers in pieces.
ARCHIVE_CUT_FROM: Final = 1 << 17
# ASCII controls that str.strip() takes for whitespace and bytes.strip() does not.
_STR_ONLY_SPACE: Final = frozenset(b"\x1c\x1d\x1e\x1f")


def file_of(path: str) -> str:
    """The file an input path names: a piece of a dump (split_dumps) is named by its file,
    and standard input read already (a Stdin, which pickles with its bytes) by "-"."""
    if PIECE in path:
        return path.split(PIECE, 1)[0]
    return STDIN if path == STDIN else path


class Stdin(str):
    """Standard input as the main process of a run with workers read it (split_dumps), when
    it was not cut into pieces: "-", with the file it was read into (stdin_file), or the
    error that reading it met. Its reader (pipeline) reads it as a one-process run would;
    a worker is sent its bytes."""

    file: BinaryIO | None
    error: InputError | None

    def __new__(cls, file: BinaryIO | None = None, error: InputError | None = None) -> Stdin:
        read = super().__new__(cls, STDIN)
        read.file, read.error = file, error
        return read

    def __reduce__(self) -> tuple[Callable[..., Stdin], tuple[bytes | None, InputError | None]]:
        if self.file is None:
            return _stdin_of, (None, self.error)
        self.file.seek(0)
        return _stdin_of, (self.file.read(), self.error)


def _stdin_of(data: bytes | None, error: InputError | None) -> Stdin:
    return Stdin(None if data is None else io.BytesIO(data), error)


def split_dumps(paths: Iterable[str], max_bytes: int, options: Options) -> Iterator[str]:
    """`paths`, each UTF-8 dump that a one-process run reads a record at a time (JSON Lines,
    a JSON array, CSV) replaced by its pieces (read_piece): the workers of --jobs parse them
    side by side.

    An uncompressed file is read once here, for its SHA-256 and where each piece's records
    begin (each piece knows its first record's index and line), and its pieces are byte
    ranges of it. A compressed one cannot be read from the middle: it is decompressed here,
    and its pieces carry their lines, records or elements (a compressed JSON array's once
    all of it was found to decompress). Standard input ("-") is read here, and stands for
    its pieces, which carry their bytes, or for itself (a Stdin) with them beside it; an
    archive large enough to share out is kept in a named file its pieces name (_shared_copy).
    """
    # The extensions whose files are passed on by their name alone (.txt): the main process
    # checks each file of a corpus, and most are articles (5.8K instructions less a file, a
    # third of what the main process spent on one beside the workers).
    as_they_are: set[str] = set()
    for path in paths:
        suffix = extension(path)
        if suffix in as_they_are:
            yield path
            continue
        if path == STDIN:
            yield from _stdin_pieces(max_bytes, options)
            continue
        if is_archive(path):
            yield from _archive_pieces(path, max_bytes, options) if _cut_archive(path) else (path,)
            continue
        if not _may_be_cut(path, options):
            if _told_by_extension(path, suffix):
                as_they_are.add(suffix)
            yield path
            continue
        try:
            pieces = _pieces(path, max_bytes, options)
        except (OSError, InputError):  # the reader reports it
            pieces = None
        if pieces is None:
            yield path
        else:
            yield from pieces


def _stdin_pieces(max_bytes: int, options: Options) -> Iterator[str]:
    """split_dumps for standard input: read into a file (stdin_file), and cut where a named
    file of its size and content is; its pieces carry their bytes (CarriedPiece), and those
    of a compressed CSV or JSON array that are read again from the file carry all of it
    (CarriedFile): only up to `max_bytes`. Else a Stdin."""
    try:
        file = stdin_file(max_bytes, options, archive_named=True)
    except InputError as error:
        yield Stdin(error=error)
        return
    copy = _shared_copy(file)
    if copy is not None:
        file.close()
        yield from _archive_pieces(copy, max_bytes, options, shown=STDIN)
        return
    pieces = _carried_file_pieces(file, STDIN, max_bytes, options)
    if pieces is None:
        yield Stdin(file)
        return
    with file:
        yield from pieces


def _shared_copy(file: BinaryIO) -> str | None:
    """The name of a file holding standard input, read into `file`, if it is an archive
    large enough to share out (_cut_archive): the workers open it as a named archive. It
    is `file`'s own, where stdin_file spooled it so; else a copy. None for input not to
    share, or when no copy can be made (it is then read by one process)."""
    size = rewound(file)
    suffix = archive_suffix(file.read(TOLD_BY))
    file.seek(0)
    if suffix is None or not _worth_sharing(size, suffix == ".tar"):
        return None
    if isinstance(getattr(file, "name", None), str):
        return cast(str, file.name)
    try:
        return _named_copy(file, suffix)
    except OSError:
        return None


def _named_copy(file: BinaryIO, suffix: str) -> str:
    """A named_temporary copy of `file` (held in memory: not past STREAM_FROM)."""
    import shutil

    with named_temporary(suffix) as copy:
        shutil.copyfileobj(file, copy, streamed.READ_SIZE)
    return copy.name


def _carried_file_pieces(file: BinaryIO, name: str, max_bytes: int, options: Options) -> Iterator[str] | None:
    """The pieces of a dump read into `file` (standard input; an archive's member, spooled),
    cut where a named file of its size and content is, each carrying its bytes: the workers
    cannot open `file`. None when it is not cut."""
    try:
        size = rewound(file)
        plan = _cut_plan(file, name, size, max_bytes, options)
        if plan is None:
            return None
        if plan.compression is None:
            read_at = functools.partial(_read_at, file)
            return _uncompressed_pieces(file, name, plan, size, max_bytes, options, read_at)
        if plan.format == "jsonl" or size <= max_bytes:  # (a JSON Lines' pieces all carry lines)
            whole = _whole(file)
            # (the carriers close what they read: a spooled file is read by a handle of its own)
            spooled = not isinstance(file, io.BytesIO)
            own = open(file.fileno(), "rb", closefd=False) if spooled else file  # noqa: SIM115
            carried = _compressed_pieces(own, name, plan, size, max_bytes, options)
            return None if carried is None else _carrying_the_file(carried, whole)
    except (OSError, InputError):  # the reader reports it
        return None
    return None


def _carrying_the_file(pieces: Iterator[str], data: Callable[[], bytes]) -> Iterator[str]:
    """`pieces`, each that would be read from the file (not a CarriedPiece, nor one that
    fails) carrying the file's bytes (`data()`) instead."""
    for piece in pieces:
        if isinstance(piece, CarriedPiece) or piece.split(PIECE, 2)[1] == _FAILED:
            yield piece
        else:
            yield CarriedFile(piece, data())


def _whole(file: BinaryIO) -> Callable[[], bytes]:
    """All of a file's bytes, read when asked for: once the pieces' carrier has read its
    own handle on it to its end, by a handle of its own (the descriptor's offset moved
    under the buffer of `file`)."""
    if isinstance(file, io.BytesIO):
        held = file.getvalue()  # (the bytes it was made of: not a copy)
        return lambda: held

    def read() -> bytes:
        with open(file.fileno(), "rb", closefd=False) as handle:
            handle.seek(0)  # (a fresh handle: no buffer to seek within)
            return handle.read()

    return read


def _read_at(file: BinaryIO, start: int, end: int) -> bytes:
    """Bytes `start` to `end` of a file, read without moving its position: a cutter
    reading it goes on where it was. (Not os.pread, which Windows lacks.)"""
    at = file.tell()
    file.seek(start)
    data = file.read(end - start)
    file.seek(at)
    return data


def _told_by_extension(path: str, suffix: str) -> bool:
    """Whether is_archive and _may_be_cut tell every file with the extension `suffix` as they
    tell `path`: by its extension (a compressed file, by the one before it too)."""
    return bool(suffix) and PIECE not in path and suffix.lower() not in SUFFIXES


def _may_be_cut(path: str, options: Options) -> bool:
    """Whether `path` may be a dump to cut, by its name alone: the main process would
    otherwise spend a stat, or a look inside, on each article of a corpus."""
    if path == STDIN or PIECE in path:
        return False
    suffix = extension(path).lower()
    if suffix in SUFFIXES:
        return named_as_dump(path, options) and options.format in ("auto", "jsonl")
    if options.format != "auto":
        return options.format in STREAMED
    return format_by_extension(suffix) in (None, *STREAMED)


def _pieces(path: str, max_bytes: int, options: Options) -> Iterable[str] | None:
    """The pieces of a dump, or None when it is not one to cut."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        return None
    file = open(path, "rb")  # noqa: SIM115 (closed here, or by the generator returned)
    pieces: Iterator[str] | None = None
    try:
        plan = _cut_plan(file, path, info.st_size, max_bytes, options)
        if plan is None:
            pass
        elif plan.compression is None:
            uncompressed = _uncompressed_pieces(file, path, plan, info.st_size, max_bytes, options)
            pieces = None if uncompressed is None else closed_after(file, uncompressed)
        else:
            pieces = _compressed_pieces(file, path, plan, info.st_size, max_bytes, options)
    except BaseException:
        file.close()
        raise
    if pieces is None:
        file.close()
    return pieces


def _cut_plan(file: BinaryIO, path: str, size: int, max_bytes: int, options: Options) -> Plan | None:
    """How a dump of `size` bytes to cut is read; None when it is not one to cut.

    Only what a one-process run streams is cut: pieces of a file read whole could differ.
    """
    plan = dump_plan(file, path, size, max_bytes, options)
    if plan is None and size <= streamed.STREAM_FROM and named_as_dump(path, options):
        plan = plan_of(file, path, options, strict=True)  # as stream_bytes reads it
        plan = plan if plan is not None and plan.compression is not None else None
    if plan is None or not plan.encoding.startswith("utf-8"):
        return None  # (UTF-16 lines are not found by byte)
    return plan


def _compressed_pieces(
    file: BinaryIO, path: str, plan: Plan, size: int, max_bytes: int, options: Options
) -> Iterator[str] | None:
    """The pieces of a compressed dump, which carry their lines, records or elements (and
    close the file once read); None when it is not cut."""
    sha256 = sha256_of(file)[0]
    if plan.format == "jsonl":
        return _carried_pieces(file, path, plan, size, sha256, max_bytes)
    carry = _carried_csv_pieces if plan.format == "csv" else _carried_array_pieces
    return carry(file, path, plan, size, sha256, max_bytes, options)


def _uncompressed_pieces(
    file: BinaryIO,
    path: str,
    plan: Plan,
    size: int,
    max_bytes: int,
    options: Options,
    carry: Callable[[int, int], bytes] | None = None,
) -> Iterator[str] | None:
    """The pieces of an uncompressed dump, named as they are found: the workers begin on the
    first while the rest of the file is still being cut. With `carry`, each carries its
    bytes, read by it (CarriedPiece). None when it is not cut."""
    sha256 = sha256_of(file)[0]
    cuts: Iterator[tuple[int, int, int, int | str]]
    spec = ""  # what a piece's reader needs to know of the file besides
    if plan.format == "jsonl":
        cuts = _cuts(file, plan, size, max_bytes)
    elif plan.format == "json":
        cuts = _array_cuts(file.read, plan, size)
    else:
        csv = _csv_cuts(file, plan, size, max_bytes, options)
        if csv is None:
            return None
        spec, cuts = csv
    first = next(cuts, None)
    if first is None:
        return None
    fields = (size, sha256, plan.encoding, "", plan.format, spec)

    def named() -> Iterator[str]:
        for cut in itertools.chain([first], cuts):
            piece = PIECE.join(map(str, (path, *cut, *fields)))
            yield piece if carry is None else CarriedPiece(piece, carry(cut[0], cut[1]))

    return named()


def _cuts(file: BinaryIO, plan: Plan, size: int, max_bytes: int) -> Iterator[tuple[int, int, int, int]]:
    """Where an uncompressed file's pieces begin and end, each with its first record's index
    and line, as they are found. From a line that cannot be told a record or not from its
    start (or that cannot be read), the rest of the file is one piece; nothing when that is
    all of it."""
    bom = plan.encoding == "utf-8-sig"
    start = offset = lines = records = 0
    first = (0, 1)
    line_start = True
    lost = False  # where pieces begin can no longer be told
    try:
        while chunk := file.readline(streamed.READ_SIZE):
            line = chunk.removeprefix(codecs.BOM_UTF8) if offset == 0 and bom else chunk  # (as read)
            offset += len(chunk)
            if line_start:
                is_record = _is_record(line, max_bytes)
                if is_record is None:
                    lost = True
                    break
                records += is_record
                lines += 1
            line_start = chunk.endswith(b"\n")
            if line_start and offset - start >= PIECE_BYTES:
                yield (start, offset, *first)
                start, first = offset, (records, lines + 1)
    except OSError:  # (its reader reports it)
        lost = True
    if lost:
        if start > 0:
            yield (start, size, *first)
    elif offset > start:
        yield (start, offset, *first)


def _array_cuts(read: Callable[[int], bytes], plan: Plan, size: int) -> Iterator[tuple[int, int, int, str]]:
    """Where a JSON array's pieces begin and end, each with its first element's index, as
    they are found; nothing when it is not cut.

    The cuts fall on the commas between elements, found by the brackets and quotes around
    them as records.json_elements reads past an element: outside its strings, an element
    holds as many closing brackets as opening ones. Only where each element so far was an
    object, an array or a string followed by a comma is the array cut: anything else (a
    number, something that is no JSON between elements, the array's end, a read that
    fails) leaves the rest of the file to one piece, which its reader reads as a
    one-process run does.
    """
    scan = _Bytes(read, len(codecs.BOM_UTF8) if plan.encoding == "utf-8-sig" else 0)
    start = index = first = 0
    cut_at = -1  # a comma to cut at, once an element follows it (not a "]": "[{},]")
    try:
        if scan.next_byte() != ord("["):
            return
        scan.pos += 1
        while True:
            opening = scan.next_byte()
            if opening != ord('"') and opening not in _OPENING_BRACKETS:
                break
            if cut_at >= 0:
                yield (start, cut_at, first, "")
                start, first, cut_at = cut_at + 1, index, -1
            if opening == ord('"'):
                scan.pos += 1
                whole = scan.past_string()
            else:
                whole = scan.past_brackets()
            if not whole or scan.next_byte() != ord(","):
                break
            comma = scan.offset()
            scan.pos += 1
            index += 1
            if comma - start >= PIECE_BYTES:
                cut_at = comma
    except OSError:  # (its reader reports it)
        pass
    if start > 0:
        yield (start, size, first, "")


def _csv_cuts(
    file: BinaryIO, plan: Plan, size: int, max_bytes: int, options: Options
) -> tuple[str, Iterator[tuple[int, int, int, int]]] | None:
    """What the readers of a CSV's pieces need to know of the file (its dialect, and its
    header's columns, as JSON), and where its pieces begin and end, each with its first
    record's index and line, as they are found; None when its header is not one to cut by.

    A record ends with a line that ends outside a quoted field. The quote characters before
    it tell where that is: one opens a field where a field begins, and inside a quoted field
    is doubled or closes it; inside an unquoted field, it is a character
    (_CsvFields.record_ends). Only so far as that can be told, and no line holds a bare
    "\r" or a NUL, is the file cut: the rest is one piece, which its reader reads as a
    one-process run does (a line or a field too long fails its record in a piece as in the
    whole file). The file is read in blocks of whole lines, and within a block only its
    quotes and the line ends outside quoted fields are looked at.
    """
    file.seek(0)
    offset = len(codecs.BOM_UTF8) if plan.encoding == "utf-8-sig" else 0
    file.read(offset)
    header = file.readline(max_bytes + 2)
    reading = _csv_reading(header, plan, options)
    if reading is None:
        return None
    fields, spec = reading

    def cuts(offset: int) -> Iterator[tuple[int, int, int, int]]:
        start, first, lines = 0, (0, 1), 1  # the piece's start, first record and line; lines read
        try:
            for block, ends in _csv_blocks(file.read, file.readline, fields, max_bytes):
                counted = 0  # the block's lines up to here are in `lines`
                for end, records in ends:
                    if offset + end - start >= PIECE_BYTES:
                        lines += block.count(b"\n", counted, end)
                        counted = end
                        yield (start, offset + end, *first)
                        start, first = offset + end, (records, lines + 1)
                offset += len(block)
                lines += block.count(b"\n", counted)
        except OSError:  # (its reader reports it)
            pass
        if start > 0:
            yield (start, size, *first)

    return spec, cuts(offset + len(header))


def _csv_blocks(
    read: Callable[[int], bytes], readline: Callable[[int], bytes], fields: _CsvFields, max_bytes: int
) -> Iterator[tuple[bytes, list[tuple[int, int]]]]:
    """A CSV past its header in blocks of whole lines, each with where records end in it
    (_CsvFields.record_ends), up to where that can no longer be told: `fields.lost` is then
    set, by a quote the csv module takes for a character in a line its reader cannot read,
    a NUL or a bare "\r", or a line too long to see the end of. A last line with no line
    end comes in a block with no ends."""
    record = 0  # bytes of the record the blocks so far end inside of
    while block := read(streamed.READ_SIZE):
        if not block.endswith(b"\n"):
            block += readline(max_bytes + 2)
        if not block.endswith(b"\n"):
            fields.lost = bool(read(1))  # a line too long; else the last line
            yield block, []
            return
        if not fields.plain(block):
            fields.lost = True
            return
        ends = fields.record_ends(block, record, max_bytes)
        yield block, ends
        if fields.lost:
            return
        record = len(block) - ends[-1][0] if ends else record + len(block)


def _csv_reading(header: bytes, plan: Plan, options: Options) -> tuple[_CsvFields, str] | None:
    """How the records of a CSV with this header line are told apart (_CsvFields), and what
    its pieces' readers need to know of it (its dialect and its header's columns, as JSON);
    None when it is not cut."""
    import csv  # (here: a run without a CSV to cut need not import it)
    import json

    from .records import check_columns, csv_dialect

    dialect = csv_dialect(plan.head, plan.tabs)
    if dialect["escapechar"] or not dialect["doublequote"] or dialect["quoting"] == csv.QUOTE_NONE:
        return None
    fields = _CsvFields(dialect)
    if not fields.plain(header) or fields.quote in header or not header.strip():
        return None
    try:
        columns = next(csv.reader([header.decode()], **dialect))
        check_columns(columns, options.fields)
    except (UnicodeDecodeError, csv.Error, InputError):
        return None  # (a file without the columns fails once, as a whole)
    fields.columns = len(columns)
    return fields, json.dumps({"dialect": dialect, "columns": columns})


class _CsvFields:
    """Where the records of a CSV end, from its quotes and line ends (_csv_cuts), and how
    many records the csv reader makes of them (records._csv: not a blank line, nor a line of
    empty values)."""

    def __init__(self, dialect: dict[str, Any]) -> None:
        self.dialect = dialect
        self.quote: bytes = dialect["quotechar"].encode()
        self.delimiter: bytes = dialect["delimiter"].encode()
        self.blank = b" \r\n" + self.quote + self.delimiter  # a line of only these may make no record
        self.columns = 0
        self.records = 0
        self.quoted = False  # whether the text so far ends inside a quoted field
        self.lost = False  # whether record_ends met what it cannot tell records by

    def plain(self, text: bytes) -> bool:
        """Whole lines with no NUL (the csv module refuses one) and no bare "\r" (which it
        takes for a line end)."""
        if not text.endswith(b"\n") or b"\x00" in text:
            return False
        return b"\r" not in text or _BARE_CR.search(text) is None

    def record_ends(self, block: bytes, carried: int, max_bytes: int) -> list[tuple[int, int]]:
        """Where in `block` (whole lines) records end, each with the records made so far, up
        to where that cannot be told (then `lost` is set). `carried`: the bytes of a record
        begun before.

        A quote inside an unquoted field is a character to the csv module, but in a line
        that its reader cannot read (too long, or not UTF-8): the reader's stand-in for the
        line holds a quote at its start where the line held an odd number
        (records._CsvLines), and the records after it are not told apart.
        """
        quote, find = self.quote, block.find
        ends: list[tuple[int, int]] = []
        record = -carried  # where in the block the current record began
        at = 0
        readable = -1  # where the last line found readable ends
        while True:
            if self.quoted:  # to the quote that closes the field
                at = find(quote, at)
                if at < 0:
                    break
                if block[at + 1 : at + 2] == quote:  # (never past the block: it ends with "\n")
                    at += 2  # doubled: a quote character in the field
                    continue
                # (Text after a closing quote is read on, unquoted: a quote in it then is a
                # character, and stands where no field begins.)
                self.quoted = False
                at += 1
                continue
            line_end = find(b"\n", at)
            opening = find(quote, at, line_end)
            if opening >= 0:
                begins = opening
                while self.dialect["skipinitialspace"] and begins > record and block[begins - 1] == 0x20:
                    begins -= 1
                if begins == record or block[begins - 1 : begins] == self.delimiter:
                    self.quoted = True
                elif line_end == readable or _readable(block, opening, line_end, max_bytes):
                    readable = line_end  # (a character)
                else:
                    self.lost = True
                    break
                at = opening + 1
                continue
            if line_end < 0:
                break
            end = line_end + 1
            # (a record over several lines holds a line end in a value: it is not empty)
            made = record < 0 or find(b"\n", record, line_end) >= 0 or self._makes_record(block[record:end])
            if made is None:
                self.lost = True
                break
            self.records += made
            ends.append((end, self.records))
            record = at = end
        return ends

    def _makes_record(self, line: bytes) -> bool | None:
        """Whether the csv reader makes a record of a line; None if it gives up on it."""
        if line.strip(self.blank):
            return True  # a character that is no delimiter, quote or space: a value
        import csv

        try:
            row = next(csv.reader([line.decode()], **self.dialect), [])
        except csv.Error:  # (a run of quotes over its field limit)
            return None
        return bool(row) and (len(row) > self.columns or any(row))


def _readable(block: bytes, at: int, line_end: int, max_bytes: int) -> bool:
    """Whether the line of `block` that holds byte `at` and ends at `line_end` reaches the
    reader of a streamed dump as it is (utf8_lines)."""
    line = block[block.rfind(b"\n", 0, at) + 1 : line_end + 1]
    if line_too_long(line, max_bytes):
        return False
    try:
        line.decode()
    except UnicodeDecodeError:
        return False
    return True


# A "\r" that ends no "\r\n" (one search: counting both took three passes over the block).
_BARE_CR: Final = re.compile(rb"\r(?!\n)")
_OPENING_BRACKETS: Final = frozenset(b"[{")
# Outside the strings of a JSON element, what moves its depth or begins a string.
_ELEMENT_MARKS: Final = re.compile(rb'[\[\]{}"]')
_JSON_SPACES: Final = re.compile(rb"[ \t\n\r]*")


class _Bytes:
    """A file read a block at a time from `skip` bytes on: `data[pos:]` is what has not been
    looked at; what has is let go of as blocks are read."""

    def __init__(self, read: Callable[[int], bytes], skip: int) -> None:
        self._read = read
        read(skip)
        self.base = skip  # the offset of data[0] in the file
        self.data = b""
        self.pos = 0

    def offset(self) -> int:
        return self.base + self.pos

    def more(self, keep: int) -> bool:
        """Read another block, keeping `data[keep:]` before it; False at the end."""
        block = self._read(streamed.READ_SIZE)
        if not block:
            return False
        self.base += keep
        self.data = self.data[keep:] + block
        self.pos -= keep
        return True

    def next_byte(self) -> int:
        """The next byte but for JSON whitespace, at `pos`; -1 at the end."""
        while True:
            self.pos = _JSON_SPACES.match(self.data, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.data):
                return self.data[self.pos]
            if not self.more(self.pos):
                return -1

    def past_string(self) -> bool:
        """From inside a string to just past its closing quote, a quote that an even number of
        backslashes (none, most often) stands before; False at the end."""
        at = self.pos
        while True:
            quote = self.data.find(b'"', at)
            if quote < 0:
                # Backslashes at the end may escape the first quote of the next block.
                keep = len(self.data.rstrip(b"\\"))
                at = len(self.data) - keep
                self.pos = keep
                if not self.more(keep):
                    return False
                continue
            run = quote
            while run > 0 and self.data[run - 1] == 0x5C:  # (a string's quote ends the run)
                run -= 1
            at = quote + 1
            if (quote - run) % 2 == 0:
                self.pos = at
                return True

    def past_brackets(self) -> bool:
        """From an opening bracket to just past the one that closes it; False at the end."""
        depth = 0
        while True:
            mark = _ELEMENT_MARKS.search(self.data, self.pos)
            if mark is None:
                self.pos = len(self.data)
                if not self.more(self.pos):
                    return False
                continue
            self.pos = mark.end()
            char = self.data[self.pos - 1]
            if char == 0x22:
                if not self.past_string():
                    return False
            elif char in _OPENING_BRACKETS:
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return True


def _carried_pieces(
    file: BinaryIO, path: str, plan: Plan, size: int, sha256: str, max_bytes: int
) -> Iterator[str]:
    """The pieces of a compressed JSON Lines file, each carrying its decompressed lines.

    The lines are read as utf8_lines reads them, so that each piece's reader meets what a
    one-process run meets; a line too long is carried cut short (its reader fails it all
    the same). Corrupt data ends the pieces with one that fails as a one-process run does.
    """
    with file:
        read = checked(open_decompressed(file, plan.compression or "").readline, plan)
        fields = (size, sha256, plan.encoding, plan.compression, plan.format)
        held: list[bytes] = []
        first = (0, 1)
        lines = records = length = 0
        error = ""
        try:
            if plan.encoding == "utf-8-sig":
                read(len(codecs.BOM_UTF8))
            for line, odd_quotes in raw_lines(read, max_bytes):
                too_long = odd_quotes is not None
                lines += 1
                records += too_long or _makes_record(line)
                # (a line cut short ends where its reader stops reading past the rest)
                held.append(line + b"\n" if too_long and not line.endswith(b"\n") else line)
                length += len(held[-1])
                if length >= PIECE_BYTES:
                    yield _carrying(path, first, fields, b"".join(held))
                    held, length, first = [], 0, (records, lines + 1)
        except InputError as failure:  # corrupt data, worded as a one-process run words it
            error = failure.message
        if held:
            yield _carrying(path, first, fields, b"".join(held))
        if error:
            yield PIECE.join(map(str, (path, _FAILED, "", records, lines + 1, *fields, error)))


def _carried_csv_pieces(
    file: BinaryIO, path: str, plan: Plan, size: int, sha256: str, max_bytes: int, options: Options
) -> Iterator[str] | None:
    """The pieces of a compressed CSV, each carrying the decompressed lines of whole records;
    None when it is not cut (its header, as _csv_cuts reads it).

    Where its records end is told as _csv_cuts tells it, in blocks of whole lines. From where
    that cannot be told (a line too long, a quote inside an unquoted field of a line its
    reader cannot read, a NUL or a bare "\r"), or the data is corrupt, the rest of the file
    is one piece: its reader decompresses the file again up to that piece's first line and
    reads on from there, as a one-process run does.
    """
    file.seek(0)
    binary = open_decompressed(file, plan.compression or "")
    try:
        if plan.encoding == "utf-8-sig":
            checked(binary.read, plan)(len(codecs.BOM_UTF8))
        header = checked(binary.readline, plan)(max_bytes + 2)
    except InputError:
        return None  # (the reader reports it)
    reading = _csv_reading(header, plan, options)
    if reading is None:
        return None
    fields, spec = reading
    about = (path, (size, sha256, plan.encoding, plan.compression, plan.format), spec)
    return _carrying_records(file, binary, plan, fields, about, header, max_bytes)


def _carrying_records(
    file: BinaryIO,
    binary: BinaryIO,
    plan: Plan,
    fields: _CsvFields,
    about: tuple[str, tuple[object, ...], str],
    header: bytes,
    max_bytes: int,
) -> Iterator[str]:
    """_carried_csv_pieces's pieces, from the line after the header on."""
    path, described, spec = about
    read, readline = checked(binary.read, plan), checked(binary.readline, plan)
    held = bytearray(header)  # the piece being gathered
    first, lines = (0, 1), 1  # its first record's index and line; lines read
    with file:
        try:
            for block, ends in _csv_blocks(read, readline, fields, max_bytes):
                taken = 0  # the block's bytes in pieces yielded (and its lines counted)
                for end, records in ends:
                    if len(held) + end - taken >= PIECE_BYTES:
                        held += block[taken:end]
                        lines += block.count(b"\n", taken, end)
                        yield _carrying(path, first, described, bytes(held), spec)
                        held, taken, first = bytearray(), end, (records, lines + 1)
                held += block[taken:]
                lines += block.count(b"\n", taken)
        except InputError:  # corrupt data: read as a one-process run reads it, and fails so
            fields.lost = True
    if fields.lost:  # (what is held is let go of: the rest is read from the file)
        yield PIECE.join(map(str, (path, _REST, "", *first, *described, spec)))
    elif held:
        yield _carrying(path, first, described, bytes(held), spec)


def _carried_array_pieces(
    file: BinaryIO, path: str, plan: Plan, size: int, sha256: str, max_bytes: int, options: Options
) -> Iterator[str] | None:
    """The pieces of a compressed JSON array, each carrying its elements' decompressed bytes;
    None when it is not cut.

    The file is decompressed twice: first to find the cuts as _array_cuts finds them, and
    that all of it decompresses (a one-process run loses the elements it had read of a
    block when the data turns out corrupt, which pieces would not reproduce: a corrupt file
    is not cut), then to hand out the pieces. Past where _array_cuts stops cutting, the
    rest is one piece whose reader decompresses the file again up to it.
    """
    file.seek(0)
    read = checked(open_decompressed(file, plan.compression or "").read, plan)
    total = 0

    def counted(size: int) -> bytes:
        nonlocal total
        block = read(size)
        total += len(block)
        return block

    try:
        cuts = list(_array_cuts(counted, plan, -1))
        while counted(streamed.READ_SIZE):
            pass
    except InputError:
        return None
    if not cuts:
        return None
    start, _, first, _ = cuts[-1]
    cuts[-1] = (start, total, first, "")
    return _carrying_elements(file, path, plan, cuts, (size, sha256, total))


def _carrying_elements(
    file: BinaryIO,
    path: str,
    plan: Plan,
    cuts: list[tuple[int, int, int, str]],
    about: tuple[int, str, int],
) -> Iterator[str]:
    """_carried_array_pieces's pieces: each carries its bytes of the decompressed array, but
    a last one larger than two pieces (where the cutting stopped), read from the file."""
    size, sha256, total = about
    described = (size, sha256, plan.encoding, plan.compression, plan.format, total)
    with file:
        file.seek(0)
        read = checked(open_decompressed(file, plan.compression or "").read, plan)
        at = 0  # (the pieces leave out the commas between them)
        for start, end, first, _ in cuts:
            if end == total and end - start > 2 * PIECE_BYTES:
                yield PIECE.join(map(str, (path, start, end, first, "", *described)))
                return
            try:
                elements = read(end - at)[start - at :]
                at = end
            except InputError:  # (changed since it was read through): read as one process does
                elements = b""
            if len(elements) < end - start:
                yield PIECE.join(map(str, (path, start, total, first, "", *described)))
                return
            yield CarriedPiece(PIECE.join(map(str, (path, start, end, first, "", *described))), elements)


def _carrying(
    path: str, first: tuple[int, int], fields: tuple[object, ...], lines: bytes, extra: str = ""
) -> CarriedPiece:
    return CarriedPiece(PIECE.join(map(str, (path, "", "", *first, *fields, extra))), lines)


class CarriedPiece(str):
    """A piece of a compressed dump or of standard input (split_dumps): the string that
    stands for it among a run's paths, as for any piece, with its decompressed lines (or
    the bytes of its range of standard input) beside it as bytes.

    The lines go to a worker as they are: carried inside the string, they were decoded into
    it here, encoded to UTF-8 by pickle, decoded again in the worker and encoded back to
    bytes to be read, four passes over every byte of the dump.
    """

    lines: bytes

    def __new__(cls, piece: str, lines: bytes) -> CarriedPiece:
        carried = super().__new__(cls, piece)
        carried.lines = lines
        return carried

    def __reduce__(self) -> tuple[type[CarriedPiece], tuple[str, bytes]]:
        return type(self), (str(self), self.lines)


def _cut_archive(path: str) -> bool:
    """Whether an archive is large enough to share out: a smaller one is one worker's work,
    as a file is (a run of one small archive then starts no worker). A compressed one (a
    zip, as a rule, too) holds ten times its size of text or more."""
    try:
        return _worth_sharing(os.stat(path).st_size, path.lower().endswith(".tar"))
    except OSError:  # the reader reports it
        return False


def _worth_sharing(size: int, plain_tar: bool) -> bool:
    return size >= ARCHIVE_CUT_FROM * (8 if plain_tar else 1)


def _archive_pieces(path: str, max_bytes: int, options: Options, shown: str | None = None) -> Iterator[str]:
    """The pieces of an archive (formats.archive), each about PIECE_BYTES of its members;
    they and its members are named by `shown`, if given (standard input's copy).

    A zip lists its entries at its end: its pieces are ranges of that list, which each worker
    reads from the file. A tar can only be read from its start: its members are read here,
    and its pieces carry them (CarriedMembers), the last one the error that ended it, if any.
    A member past --max-bytes that is a dump (copied out to a temporary file here) is cut
    as standard input is, its pieces carrying their bytes; where it cannot be, a zip's
    worker reads it alone, and the rest of a tar is one piece, read past the members before.
    """
    if zipped(path, shown):
        try:
            ranges = zip_ranges(path, PIECE_BYTES, max_bytes, options)
        except InputError:  # the reader reports it
            yield _archive_piece(path, shown, "", "") if shown else path
            return
        for entries in ranges:
            piece = _archive_piece(path, shown, f"{entries.first}{_AT}{entries.start}", str(entries.stop))
            entry = zip_entry(path, entries, max_bytes, options, shown) if entries.alone else None
            if entry is None or isinstance(entry[1], (bytes, InputError)):
                yield piece  # (its worker reads it: a member past max_bytes fails there)
                continue
            file = cast(BinaryIO, entry[1])  # a dump past max_bytes, spooled: shared out too
            cut = _carried_file_pieces(file, entry[0], max_bytes, options)
            with file:
                yield from (piece,) if cut is None else cut
        return
    held: list[tuple[str, bytes | InputError]] = []
    size = given = 0
    try:
        for name, member in archive_members(path, max_bytes, options, shown=shown):
            if not isinstance(member, (bytes, InputError)):  # a dump past max_bytes, spooled
                if held:
                    yield CarriedMembers(shown or path, held)
                    held, size = [], 0
                file = cast(BinaryIO, member)
                cut = _carried_file_pieces(file, name, max_bytes, options)
                if cut is None:  # (its worker reads the rest of the tar, this member on)
                    file.close()
                    yield _archive_piece(path, shown, f"{_REST}{given}", "")
                    return
                with file:
                    yield from cut
                given += 1
                continue
            held.append((name, member))
            given += 1
            size += len(member) if isinstance(member, bytes) else 0
            if size >= PIECE_BYTES:
                yield CarriedMembers(shown or path, held)
                held, size = [], 0
    except InputError as error:
        yield CarriedMembers(shown or path, held, error)
        return
    if held:
        yield CarriedMembers(shown or path, held)


def _archive_piece(path: str, shown: str | None, start: str, stop: str) -> str:
    """A piece of the archive at `path` that its worker reads from it: where it starts and
    stops (read_archive_piece), and the archive's file after them when it is `shown` by
    another name (an empty range: all of it)."""
    return PIECE.join((shown, _ARCHIVE, start, stop, path) if shown else (path, _ARCHIVE, start, stop))


class CarriedMembers(str):
    """A piece of a tar archive (_archive_pieces): the string that stands for it among a
    run's paths, with the members it holds read beside it, and the error that ended the
    archive after them, if it was cut short."""

    members: list[tuple[str, bytes | InputError]]
    error: InputError | None

    def __new__(
        cls, path: str, members: list[tuple[str, bytes | InputError]], error: InputError | None = None
    ) -> CarriedMembers:
        carried = super().__new__(cls, PIECE.join((path, _ARCHIVE, "", "")))
        carried.members, carried.error = members, error
        return carried

    def __reduce__(self) -> tuple[Callable[..., CarriedMembers], tuple[Any, ...]]:
        return _carried_members, (file_of(self), self.members, self.error)


def _carried_members(
    path: str, members: list[tuple[str, bytes | InputError]], error: InputError | None
) -> CarriedMembers:
    return CarriedMembers(path, members, error)


def is_archive_piece(piece: str) -> bool:
    """Whether a piece (split_dumps) is one of an archive, whose members read_archive_piece gives."""
    return piece.split(PIECE, 2)[1] == _ARCHIVE


def read_archive_piece(piece: str, max_bytes: int, options: Options) -> Iterator[tuple[str, Member]]:
    """The members of a piece of an archive, as archive_members gives them."""
    if isinstance(piece, CarriedMembers):
        yield from piece.members
        if piece.error is not None:
            raise piece.error
        return
    shown, _, start, stop, *copy = piece.split(PIECE)
    path = copy[0] if copy else shown
    if start.startswith(_REST):  # the rest of a tar, from its member `start`
        yield from archive_members(path, max_bytes, options, skip=int(start[1:]), shown=shown)
    else:
        entries = (int(start.partition(_AT)[2]), int(stop)) if start else None
        yield from archive_members(path, max_bytes, options, entries, shown=shown)


def piece_place(piece: str) -> str:
    """Where in its file a piece begins, for a message: "record 1200", "entry 300"."""
    fields = piece.split(PIECE)
    if fields[1] == _ARCHIVE:
        if fields[2].startswith(_REST):
            return f"member {fields[2][1:]}"
        return f"entry {fields[2].partition(_AT)[0]}" if fields[2] else "a part of it"
    return f"record {fields[3]}"


def _makes_record(line: bytes) -> bool:
    """Whether the reader makes a record of a whole line it reads (not too long): all but a
    line of whitespace (str.isspace) do, and one that is not UTF-8 is a failed record."""
    if line.startswith(b"{"):
        return True  # the common case, told without a copy of the line
    text = line.strip()
    if text and text[0] < 0x80 and text[0] not in _STR_ONLY_SPACE:
        return True
    try:
        return bool(line.decode().strip())
    except UnicodeDecodeError:
        return True


def _is_record(line: bytes, max_bytes: int) -> bool | None:
    """Whether the reader makes a record of a line (from its first READ_SIZE bytes): all but
    a line of whitespace (str.isspace) do. None when that cannot be told from them."""
    if line.startswith(b"{"):
        return True  # the common case, told without a copy of the line
    text = line.strip()
    if text and text[0] < 0x80 and text[0] not in _STR_ONLY_SPACE:
        return True
    if not line.endswith(b"\n"):
        return None
    if line_too_long(line[: max_bytes + 2], max_bytes):  # (as raw_lines reads it)
        return True  # a failed record
    return _makes_record(line)


class CarriedFile(CarriedPiece):
    """A piece of a compressed dump on standard input that is read as from its file (the
    rest of a CSV past where it could be cut, the end of a JSON array), carrying the bytes
    of the whole file: standard input cannot be read again."""


def read_piece(piece: str, max_bytes: int, options: Options) -> Iterator[Document | RecordFailure]:
    """The records of one piece of a dump (split_dumps), as open_dump gives them.

    A piece is the string that stands for it among a run's paths: its file, then the byte
    range to read (that a CarriedPiece carries; "" for the lines a compressed file's
    carries; "+" for the rest of a compressed file from its first line on; "!" for an
    error it fails with), its first record's index and line (none in an array), and the
    file's size, SHA-256, encoding, compression and format, and for a CSV its dialect and
    columns. A CarriedFile is read as from its file, whose bytes it carries.
    """
    from .records import stream_records

    path, start, end, first_record, first_line, size, sha256, encoding, compression, fmt, carried = (
        piece.split(PIECE, 10)
    )
    if start == _FAILED:
        raise InputError(Reason.MALFORMED, carried)
    plan = Plan(fmt, compression or None, encoding, "", tabs=False)
    base = source_base(path, plan, int(size), sha256)
    carries_its_file = isinstance(piece, CarriedFile)
    carried_lines = piece.lines if isinstance(piece, CarriedPiece) and not carries_its_file else None
    if fmt == "json":
        # (a compressed array's offsets are in its decompressed bytes, `carried` their total)
        piece_of = (int(start), int(end), int(carried) if compression else int(size))
        first_element = int(first_record)
        elements = carried_lines is not None
        yield from _array_piece(piece, piece_of, first_element, plan, base, max_bytes, options, elements)
        return
    first: dict[str, Any] = {"first_record": int(first_record), "first_line": int(first_line)}
    if fmt == "csv":
        import json

        spec = json.loads(carried)
        first |= {"dialect": spec["dialect"], "columns": spec["columns"] if first_line != "1" else None}
    if start == "" and carried_lines is None:
        raise TypeError("a piece that carries its lines is a CarriedPiece")
    bom = encoding == "utf-8-sig"
    with _piece_file(piece) as file:
        if carried_lines is not None:  # its lines (of a compressed file), or its byte range
            lines = utf8_lines(file, max_bytes, plan, skip_bom=start == "0" and bom)
        elif start == _REST:  # the rest of a compressed file (_carried_csv_pieces)
            binary = open_decompressed(file, plan.compression or "")
            lines = utf8_lines(binary, max_bytes, plan, skip_bom=bom, skip_lines=int(first_line) - 1)
        else:  # a byte range of the file
            file.seek(int(start))
            binary = io.BufferedReader(_Slice(file, int(end) - int(start)))
            lines = utf8_lines(binary, max_bytes, plan, skip_bom=start == "0" and bom)
        records = stream_records(lines, "", fmt, options, tabs=False, max_field=max_bytes, **first)
        yield from record_documents(records, base, encoding, options)


def _piece_file(piece: str) -> BinaryIO:
    """What a piece is read from: the bytes it carries (a CarriedPiece: its own, or its
    file's), or its file, opened unbuffered."""
    if isinstance(piece, CarriedPiece):
        return io.BytesIO(piece.lines)
    try:
        return open(file_of(piece), "rb", buffering=0)
    except OSError as exc:
        raise unreadable(exc) from None


def _array_piece(
    piece: str,
    offsets: tuple[int, int, int],
    first: int,
    plan: Plan,
    base: dict[str, Any],
    max_bytes: int,
    options: Options,
    carries_elements: bool = False,
) -> Iterator[Document | RecordFailure]:
    """The records of a piece of a JSON array, from byte `start` to `end` of its `total`
    (`offsets`, as _array_cuts finds them; of its decompressed bytes in a compressed file,
    whose piece carries its elements or is read again from the file), as the array of its
    elements that it is: the "[" before them and the "]" after them are
    those of the whole array in the first and the last piece, and stand in for the commas
    that part it from its neighbours in the others."""
    from .records import json_records

    start, end, total = offsets
    with _piece_file(piece) as file:
        if carries_elements:
            binary: BinaryIO = file
        elif plan.compression:
            stream = open_decompressed(file, plan.compression)
            checked(stream.read, plan)(start)  # (read past: it was read whole once)
            binary = io.BufferedReader(_Slice(stream, end - start))
        else:
            file.seek(start)
            binary = io.BufferedReader(_Slice(file, end - start))
        # (a cut falls on a comma: never inside a character)
        encoding = plan.encoding if start == 0 else "utf-8"
        read: Callable[[int], str] = io.TextIOWrapper(binary, encoding, errors="surrogateescape").read
        if plan.compression and not carries_elements:
            read = checked(read, plan)
        text: Iterable[str] = iter(functools.partial(read, streamed.JSON_READ), "")
        if start > 0:
            text = itertools.chain(("[",), text)
        if end < total:
            text = itertools.chain(text, ("]",))
        records = json_records(text, max_bytes, options, first)
        yield from record_documents(records, base, plan.encoding, options)


class _Slice(io.RawIOBase):
    """The next `size` bytes of an unbuffered file (or a decompressed stream), as a file of
    their own."""

    def __init__(self, file: Any, size: int) -> None:  # (anything with readinto)
        self._file, self._left = file, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        got = self._file.readinto(memoryview(buffer)[: self._left]) or 0
        self._left -= got
        return got
