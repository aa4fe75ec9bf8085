"""Stage 1: find the input files and turn their bytes into text.

Walking is lazy (a generator over sorted directory entries), so a run over a million files
starts at once and holds one directory listing at a time. Decoding is strict: a file that
is not UTF-8 (with or without BOM) or UTF-16/32 with a BOM is reported, never guessed at.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .errors import InputError, Reason, unreadable

STDIN = "-"

# Longest BOM first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in text; any of them marks a binary file.
_BINARY_MARKS = frozenset(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]))
_BINARY_CHAR = re.compile("[\x00-\x08\x0e-\x1f\x7f]")  # the same set, searched in C
# Characters read for binary marks; a NUL is looked for in the whole text.
_BINARY_HEAD = 4096


def has_binary_mark_python(text: str, head: int = _BINARY_HEAD) -> bool:
    """A binary mark among the first `head` characters of `text`, or a NUL anywhere in it."""
    return _BINARY_CHAR.search(text, 0, head) is not None or "\x00" in text


# The C loop of the optional extension _read.c, when it was built: the function above
# stays the specification; tests/test_read_native.py compares the two on random text.
try:
    from . import _read
except ImportError:  # built without a compiler: the regex serves
    _read = None

has_binary_mark: Callable[[str, int], bool] = (
    has_binary_mark_python if _read is None else _read.has_binary_mark
)
# text.encode("utf-8"); in C it goes through the UTF-8 copy CPython keeps in the str, where
# pydantic's JSON serializer finds it: what is hashed and then written is encoded once.
utf8: Callable[[str], bytes] = str.encode if _read is None else _read.utf8


def _no_fast_decoding(data: bytes) -> None:
    return None


# data.decode("utf-8") of a file in Bengali (UTF-8 of characters up to U+FFFF, some from
# U+0100 on) in about half the time; None for other bytes, which data.decode takes.
decode_bmp: Callable[[bytes], str | None] = _no_fast_decoding if _read is None else _read.decode_bmp


@dataclass(init=False)
class Decoded:
    """Text decoded from an input's bytes, with the encoding that was used.

    (init=False: mypyc compiles the __init__ below; dataclasses' own runs as Python, ~8x slower)"""

    text: str
    encoding: str

    def __init__(self, text: str, encoding: str) -> None:
        self.text = text
        self.encoding = encoding


def encoding_of(data: bytes) -> str:
    """The encoding the byte order mark (BOM) of `data` (a file's start will do) gives; else UTF-8."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")


def decode(data: bytes, final: bool = True) -> Decoded:
    """Decode an input's bytes; raise InputError when they are not text we support.

    `final=False` decodes the start of a stream: a character cut off at its end is left out.
    """
    if not data or data.isspace():  # (data.strip() would copy the whole file)
        raise InputError(Reason.EMPTY, "empty file")
    encoding = encoding_of(data)
    try:
        if final:
            decoded = decode_bmp(data) if encoding == "utf-8" else None
            text = data.decode(encoding) if decoded is None else decoded
        else:
            text = codecs.getincrementaldecoder(encoding)().decode(data)
    except UnicodeDecodeError as exc:
        if not encoding.startswith("utf-8"):  # (its byte order mark said so: NUL bytes are its own)
            raise InputError(
                Reason.ENCODING, f"not {encoding.upper()} text: {exc.reason} at offset {exc.start}"
            ) from None
        if b"\x00" in data[:4096]:
            raise InputError(Reason.BINARY, _binary(data, "NUL bytes")) from None
        raise InputError(
            Reason.ENCODING,
            f"not UTF-8 or UTF-16 with a BOM: invalid byte 0x{data[exc.start]:02x} at offset {exc.start}",
        ) from None
    if has_binary_mark(text, _BINARY_HEAD):
        raise InputError(Reason.BINARY, _binary(data, "control characters"))
    return Decoded(text, encoding)


def _binary(data: bytes, mark: str) -> str:
    """Why `data` is no text; an archive read as a file is told how to be read as one."""
    if data.startswith(b"PK\x03\x04"):
        return "a zip archive: named *.zip, the files it holds are read"
    if data[257:262] == b"ustar":
        return "a tar archive: named *.tar (*.tar.gz, *.tgz ...), the files it holds are read"
    return f"binary file ({mark}), not text"


# Larger inputs are refused unread (--max-bytes): no news article comes near this, and a
# run over an archive must not stall or run out of memory on a stray disk image.
MAX_BYTES = 50 * 1024 * 1024
# Windows opens a descriptor in text mode (CRLF translated) unless told otherwise.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def read_bytes(path: str, max_bytes: int = MAX_BYTES, unread_over: int | None = None) -> bytes:
    """The bytes of a file, or of standard input for "-"; InputError when unreadable or
    larger than `max_bytes` (a regular file that large is not read at all, others no more
    than `max_bytes` + 1 bytes). A regular file larger than `unread_over` is left unread
    with the same error: the caller may stream it (formats.streamed)."""
    if path == STDIN:
        data = read_stdin(max_bytes)
    else:
        data = _read_path(path, max_bytes, max_bytes if unread_over is None else min(unread_over, max_bytes))
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    return data


def read_stdin(max_bytes: int) -> bytes:
    """Up to `max_bytes` + 1 bytes of standard input: more than `max_bytes` are the start of
    a stream the caller reads on (or refuses)."""
    if sys.stdin is None:  # (started with it closed: command <&-)
        raise InputError(Reason.UNREADABLE, "cannot read: standard input is closed")
    try:
        return sys.stdin.buffer.read(max_bytes + 1)
    except OSError as exc:
        raise unreadable(exc) from None


def _read_path(path: str, max_bytes: int, unread_over: int) -> bytes:
    try:
        return _read_file(path, max_bytes, unread_over)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(Reason.UNREADABLE, "broken symbolic link") from None
        raise InputError(Reason.VANISHED, "vanished before it could be read") from None
    except IsADirectoryError:
        try:
            os.listdir(path)
        except OSError as exc:
            raise InputError(Reason.UNREADABLE, f"cannot read folder: {exc.strerror or exc}") from None
        raise InputError(Reason.UNREADABLE, "is a directory") from None
    except OSError as exc:
        raise unreadable(exc) from None


def _too_large(max_bytes: int) -> InputError:
    return InputError(Reason.TOO_LARGE, f"larger than --max-bytes ({max_bytes:,} bytes)")


def _read_file(path: str, max_bytes: int, unread_over: int) -> bytes:
    """Up to `max_bytes` + 1 bytes of a file, by plain system calls.

    open() would build a file object and a buffer around the descriptor, which costs more
    than reading a news article (10 us against 6). os.read(n) allocates n bytes first:
    asking for the file's size and a byte more (to meet its end) saves allocating max_bytes
    for every file; a file grown since, a pipe or a /proc file sized 0 is read on to the limit.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)
        # A regular file reads short only at its end (POSIX), so one read tells; a pipe or
        # a /proc file may read short anywhere and is read until a read returns nothing.
        regular = stat.S_ISREG(info.st_mode)
        if regular and info.st_size > unread_over:
            raise _too_large(max_bytes)  # unread: the caller may stream it instead
        chunks = []
        total, want = 0, min(info.st_size, max_bytes) + 1
        while total <= max_bytes:
            chunk = os.read(fd, want - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total == want:
                want = max_bytes + 1
            elif regular:
                break
        return b"".join(chunks)  # one chunk, as a rule: join returns it as it is
    finally:
        os.close(fd)


def printable_path(path: str) -> str:
    """A path as UTF-8 text can carry it, for the records and messages.

    A file name whose bytes are not UTF-8 reaches Python with each stray byte as a lone
    surrogate (os.fsdecode), which no UTF-8 writer takes: such a byte is written as \\xNN
    ("caf\\xe9.txt"), which names it unmistakably. The path that opens the file is kept.
    """
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def walk(paths: list[str]) -> Iterator[str]:
    """Every input file under `paths`, in a deterministic order.

    A file is yielded as given; a directory is walked recursively, entries sorted by name,
    hidden files and folders (a leading dot) skipped, and so are named pipes, sockets and
    devices in it (_is_special); each real directory is visited once so a symlink loop
    cannot trap the walk.
    """
    seen_dirs: set[tuple[int, int]] = set()
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            yield from _walk_dir(path, seen_dirs)
        else:
            yield path


def _walk_dir(directory: str, seen_dirs: set[tuple[int, int]]) -> Iterator[str]:
    # Depth first with an explicit stack of listings, not recursion: folders nested
    # thousands deep must not exhaust Python's recursion limit.
    listing = _list_dir(directory, seen_dirs)
    if listing is None:
        # An unreadable folder is reported like an unreadable file, by the reader.
        yield directory
        return
    names, folders = listing
    # (each folder's path with its separator, joined to its names as os.scandir joins them)
    stack: list[tuple[str, Iterator[str], set[str]]] = [(_with_sep(directory), iter(names), folders)]
    while stack:
        parent, walking, folders = stack[-1]
        name = next(walking, None)
        if name is None:
            stack.pop()
            continue
        path = parent + name
        if name not in folders:
            yield path
            continue
        listing = _list_dir(path, seen_dirs)
        if listing is None:
            yield path
        elif listing[0]:
            stack.append((_with_sep(path), iter(listing[0]), listing[1]))


def _with_sep(directory: str) -> str:
    return directory if directory.endswith(os.sep) else directory + os.sep


def _list_dir(directory: str, seen_dirs: set[tuple[int, int]]) -> tuple[list[str], set[str]] | None:
    """A folder's visible entries: their names sorted, and which of them are folders; no
    names if it was walked already; None if it cannot be read.

    Names, not os.DirEntry objects: a folder is listed whole to be walked in order, and one of
    a million articles held ~250 MB of entries (each keeps its path beside its name).
    """
    try:
        info = os.stat(directory)
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs:
            return [], set()
        seen_dirs.add(key)
        names: list[str] = []
        folders: set[str] = set()
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if _is_dir(entry):
                    folders.add(entry.name)
                elif _is_special(entry):
                    continue
                names.append(entry.name)
        names.sort()
        return names, folders
    except OSError:
        return None


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_special(entry: os.DirEntry[str]) -> bool:
    """Whether a folder's entry is a named pipe, a socket or a device: opening a pipe waits
    for a writer, maybe forever, and none holds an article. (Named on the command line, one
    is read: `newsingest parse <(zcat dump.gz)` names a pipe.) A broken symlink is not: the
    reader reports it."""
    try:
        if entry.is_file():  # (the type the folder listing gives: no system call, as a rule)
            return False
        mode = entry.stat().st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
