"""Stage 6: write records as JSON Lines, to stdout or atomically to a file."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from . import plain

if TYPE_CHECKING:
    from pydantic import BaseModel


def to_json_line(record: plain.Record | BaseModel) -> bytes:
    """One record as a UTF-8 JSON line; Bengali stays as written (no \\u escapes).

    The plain records and the models of newsingest.models are written by newsingest._write,
    byte for byte as pydantic writes the models, in a fraction of the time; anything else
    (and everything, built without a compiler) goes to pydantic.
    """
    line = json_line(record)
    if line is not None:
        return line
    if isinstance(record, plain.Record):
        from .models import from_plain

        return pydantic_json_line(from_plain(record))
    return pydantic_json_line(record)


def pydantic_json_line(record: BaseModel) -> bytes:
    """to_json_line by pydantic's serializer: the specification _write.c is held to.

    It writes UTF-8 bytes; model_dump_json would decode them to a str, only to be encoded
    back, and the two copies took longer than the serializing itself.
    """
    return record.__pydantic_serializer__.to_json(record) + b"\n"


def _json_line_python(record: Any) -> bytes | None:
    """Built without a compiler, every record goes to pydantic."""
    return None


# The record types _write writes itself, each with its fields in order.
_REGISTERED: dict[type, tuple[str, ...]] = {}


def register(records: dict[type, tuple[str, ...]]) -> None:
    """Have _write write these record types: each field read from the record's __dict__, in
    the order given, as pydantic writes the model of the name (models.py registers its own)."""
    _REGISTERED.update(records)
    if json_line is not _json_line_python:
        set_records(_REGISTERED)


try:
    from ._write import json_line, set_records
except ImportError:
    json_line = _json_line_python
register({record: plain.fields(record) for record in plain.RECORDS})


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[BinaryIO]:
    """Standard output, or a file that appears only when the run completes.

    The file is written beside its destination under a temporary name and renamed into
    place at the end, so an interrupted run leaves the previous file (or none), never
    half of a new one. A destination that is not a regular file (/dev/null, a named pipe)
    is written to as it is: renaming over it would replace the device or the pipe.
    """
    if path is None or path == "-":
        yield sys.stdout.buffer
        return
    if os.path.exists(path) and not os.path.isfile(path):
        with open(path, "wb") as handle:
            yield handle
        return
    import tempfile  # (here: most runs write to standard output)

    directory = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(prefix=".newsingest-", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
