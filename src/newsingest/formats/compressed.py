"""Compressed inputs (and outputs): gzip, bzip2 and xz (standard library) and zstd (the
`zstandard` package).

Recognised by their magic bytes (the extension need not say), decompressed as a stream in
bounded chunks, and stopped with a clear error as soon as the output passes the cap: a
small file that expands to gigabytes (a decompression bomb) never reaches memory whole.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO, Final

from ..errors import InputError, Reason

_CHUNK = 1 << 16


@dataclass(frozen=True)
class Decompressed:
    data: bytes
    compression: str | None
    name: str  # the file name without its compression suffix, for format detection


# "BZh" alone could open a text file: bzip2 also needs its level digit and a block (or
# end-of-stream) magic number right after.
_BZIP2_BLOCK = re.compile(rb"BZh[1-9](?:1AY&SY|\x17rE8P\x90)")

# name, magic bytes, file suffixes
_KINDS: tuple[tuple[str, bytes, tuple[str, ...]], ...] = (
    ("gzip", b"\x1f\x8b", (".gz", ".gzip")),
    ("bzip2", b"BZh", (".bz2",)),
    ("xz", b"\xfd7zXZ\x00", (".xz",)),
    ("zstd", b"\x28\xb5\x2f\xfd", (".zst", ".zstd")),
)


def decompress(data: bytes, name: str, max_bytes: int) -> Decompressed:
    """`data` decompressed when it is compressed (by its magic bytes), else as it is."""
    kind = compression_of(data)
    if kind is None:
        return Decompressed(data, None, name)
    return Decompressed(_stream(kind, data, max_bytes), kind, inner_name(name))


# Bytes of a file's start that compression_of needs to tell its compression.
MAGIC_BYTES: Final = 16
# The first byte of every magic number: most files start with none, and one test says so.
_MAGIC_FIRST_BYTES = frozenset(magic[0] for _, magic, _ in _KINDS)


def compression_of(data: bytes) -> str | None:
    """The compression `data` (a file's first bytes will do) is in, by its magic bytes."""
    if not data or data[0] not in _MAGIC_FIRST_BYTES:
        return None
    for kind, magic, _ in _KINDS:
        if data.startswith(magic) and (kind != "bzip2" or _BZIP2_BLOCK.match(data)):
            return kind
    return None


# Every compressed file's suffix, lower case.
SUFFIXES = frozenset(suffix for _, _, suffixes in _KINDS for suffix in suffixes)


def inner_name(name: str) -> str:
    """The name of what a compressed file holds: dump.jsonl.gz (or .bz2, .xz...) holds dump.jsonl."""
    return next((name[: -len(s)] for s in SUFFIXES if name.lower().endswith(s)), name)


def compressing(name: str, file: BinaryIO) -> BinaryIO | None:
    """A writer into `file` that compresses what it is given as `name`'s suffix says (gzip,
    bzip2, xz, zstd), at the level each tool uses by default, to the same bytes on every
    run (a gzip header without a time or a name); None for a name without such a suffix.
    Closing the writer ends the compressed stream and leaves `file` open."""
    kind = next((kind for kind, _, suffixes in _KINDS if name.lower().endswith(suffixes)), None)
    if kind == "gzip":
        # (Level 6, gzip's own default: GzipFile's 9 compresses JSON Lines ~2x slower, ~8% smaller.)
        return gzip.GzipFile(  # type: ignore[return-value]
            filename="", mode="wb", fileobj=file, mtime=0, compresslevel=6
        )
    if kind == "bzip2":
        return bz2.BZ2File(file, "wb")  # type: ignore[return-value]
    if kind == "xz":
        return lzma.LZMAFile(file, "wb")  # type: ignore[return-value]
    if kind == "zstd":
        import zstandard

        return zstandard.ZstdCompressor().stream_writer(file, closefd=False)  # type: ignore[return-value]
    return None


# What a corrupt or truncated stream raises, by module: OSError (gzip's BadGzipFile, bz2),
# EOFError (cut short), zlib.error, lzma.LZMAError; zstandard's errors are made ValueErrors.
CORRUPT = (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError)


def corruption(error: BaseException) -> str:
    """What one of CORRUPT says of the data: an EOFError for data cut short may say nothing."""
    return str(error) or "its data is cut short"


def open_decompressed(file: BinaryIO, kind: str) -> BinaryIO:
    """A reader of `file` decompressed, member after member, for streaming a large dump.

    Reads raise one of CORRUPT on bad data.
    """
    reader: Any  # (each is a binary file object, though typeshed's classes do not say so)
    if kind == "gzip":
        reader = gzip.GzipFile(fileobj=file, mode="rb")
    elif kind == "bzip2":
        reader = bz2.BZ2File(file)
    elif kind == "xz":
        reader = lzma.LZMAFile(file)  # noqa: SIM115 (closing it would not close `file`)
    else:
        zstandard = _zstandard()
        stream = zstandard.ZstdDecompressor().stream_reader(file, read_across_frames=True, closefd=False)
        reader = io.BufferedReader(_ZstdErrors(stream, zstandard.ZstdError))
    return reader


class _ZstdErrors(io.RawIOBase):
    """A zstandard reader whose errors are ValueErrors, like the other modules' (CORRUPT)."""

    def __init__(self, reader: Any, error: type[Exception]) -> None:
        self._reader, self._error = reader, error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            return int(self._reader.readinto(buffer))
        except self._error as exc:
            raise ValueError(str(exc)) from None


def _zstandard() -> Any:
    try:
        import zstandard
    except ImportError:
        raise InputError(
            Reason.MISSING_EXTRA, "zstd-compressed: install the zstandard package (pip install zstandard)"
        ) from None
    return zstandard


def _stream(kind: str, data: bytes, max_bytes: int) -> bytes:
    out = bytearray()
    try:
        for chunk in _chunks(kind, data):
            out += chunk
            if len(out) > max_bytes:
                raise InputError(
                    Reason.DECOMPRESSED_TOO_LARGE,
                    f"{kind} data expands past {max_bytes:,} bytes (a decompression bomb?); "
                    "raise the cap with --max-decompressed-bytes",
                )
    except CORRUPT as exc:
        raise InputError(Reason.MALFORMED, f"corrupt {kind} data: {exc}") from None
    return bytes(out)


def _chunks(kind: str, data: bytes):  # type: ignore[no-untyped-def]
    """Decompressed pieces of at most _CHUNK bytes each; multi-member gzip/bzip2/xz/zstd too."""
    if kind == "zstd":
        zstandard = _zstandard()
        # Fed a little at a time: one zstd byte can stand for thousands, so small input
        # steps keep each step's output far below the cap.
        rest = data
        while rest:
            decompressor = zstandard.ZstdDecompressor().decompressobj()
            position = 0
            while not decompressor.eof:
                if position >= len(rest):
                    raise EOFError("compressed data ends early")
                piece = rest[position : position + 256]
                position += len(piece)
                try:
                    chunk = decompressor.decompress(piece)
                except zstandard.ZstdError as exc:
                    raise ValueError(str(exc)) from None
                if chunk:
                    yield chunk
            rest = decompressor.unused_data + rest[position:]
        return
    make: Callable[[], object] = {
        "gzip": lambda: zlib.decompressobj(16 + zlib.MAX_WBITS),
        "bzip2": bz2.BZ2Decompressor,
        "xz": lzma.LZMADecompressor,
    }[kind]
    rest = data
    while rest:
        decompressor = make()
        pending = rest
        while True:
            if kind == "gzip":
                chunk = decompressor.decompress(pending, _CHUNK)  # type: ignore[attr-defined]
                pending = decompressor.unconsumed_tail  # type: ignore[attr-defined]
                if chunk:
                    yield chunk
                if decompressor.eof:  # type: ignore[attr-defined]
                    rest = decompressor.unused_data  # type: ignore[attr-defined]
                    break
                if not chunk and not pending:
                    raise EOFError("compressed data ends early")
            else:
                chunk = decompressor.decompress(pending, max_length=_CHUNK)  # type: ignore[attr-defined]
                pending = b""
                if chunk:
                    yield chunk
                if decompressor.eof:  # type: ignore[attr-defined]
                    rest = decompressor.unused_data  # type: ignore[attr-defined]
                    break
                if not chunk and not decompressor.needs_input:  # type: ignore[attr-defined]
                    continue
                if decompressor.needs_input and not chunk:  # type: ignore[attr-defined]
                    raise EOFError("compressed data ends early")
        # Trailing zero padding after the last member is not another member.
        if not rest.strip(b"\x00"):
            return
