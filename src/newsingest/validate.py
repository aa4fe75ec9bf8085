"""`newsingest validate`: check JSON Lines files against the Article record, line by line."""

from __future__ import annotations

import errno
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
    if path == "-":
        if sys.stdin is None:  # (started with it closed: command <&-)
            raise OSError(errno.EBADF, "standard input is closed")
        yield from check_stream(sys.stdin.buffer, "-")
        return
    with open(path, "rb") as handle:
        yield from check_stream(handle, path)


def _describe(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False, include_input=False)
    parts = []
    for error in errors[:3]:
        where = ".".join(str(part) for part in error["loc"])
        parts.append(f"{where}: {error['msg']}" if where else error["msg"])
    if len(errors) > 3:
        parts.append(f"and {len(errors) - 3} more")
    return "; ".join(parts)
