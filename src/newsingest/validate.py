"""`newsingest validate`: check JSON Lines files against the Article record, line by line."""

from __future__ import annotations

import errno
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from pydantic import ValidationError

from .models import Article


@dataclass(frozen=True)
class Problem:
    """One bad line: the file, its line number (from 1) and what is wrong with it."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def check_stream(stream: BinaryIO, path: str) -> Iterator[Problem | None]:
    """For each line of `stream`: None when it holds a valid Article, else a Problem."""
    for number, raw in enumerate(stream, start=1):
        line = raw.rstrip(b"\n")
        if not line.strip():
            yield Problem(path, number, "empty line")
            continue
        try:
            Article.model_validate_json(line)
        except ValidationError as exc:
            yield Problem(path, number, _describe(exc))
            continue
        yield None


def check_file(path: str) -> Iterator[Problem | None]:
    """check_stream over a file ("-": standard input), decompressed if it is compressed (as
    `parse -o` writes a FILE named .gz, .bz2, .xz or .zst). Raises OSError when it cannot be
    read, or its compressed data is corrupt."""
    if path == "-":
        if sys.stdin is None:  # (started with it closed: command <&-)
            raise OSError(errno.EBADF, "standard input is closed")
        yield from _check_maybe_compressed(sys.stdin.buffer, "-")
        return
    with open(path, "rb") as handle:
        yield from _check_maybe_compressed(handle, path)


def _check_maybe_compressed(handle: BinaryIO, path: str) -> Iterator[Problem | None]:
    from .formats.compressed import CORRUPT, MAGIC_BYTES, compression_of, corruption, open_decompressed

    kind = compression_of(_start(handle, MAGIC_BYTES))
    if kind is None:
        yield from check_stream(handle, path)
        return
    try:
        yield from check_stream(open_decompressed(handle, kind), path)
    except CORRUPT as exc:
        raise OSError(errno.EIO, f"corrupt {kind} data: {corruption(exc)}") from None


def _start(handle: BinaryIO, size: int) -> bytes:
    """The first `size` bytes of `handle`, left to be read again: peeked at (a file, a pipe),
    or read and sought back over (a BytesIO, as a test's standard input is)."""
    if isinstance(handle, io.BufferedReader):
        return handle.peek(size)[:size]
    start = handle.read(size)
    handle.seek(-len(start), io.SEEK_CUR)
    return start


def _describe(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False, include_input=False)
    parts = []
    for error in errors[:3]:
        where = ".".join(str(part) for part in error["loc"])
        parts.append(f"{where}: {error['msg']}" if where else error["msg"])
    if len(errors) > 3:
        parts.append(f"and {len(errors) - 3} more")
    return "; ".join(parts)
