"""Stage 6: write records as JSON Lines, to stdout or atomically to a file."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import BinaryIO

from pydantic import BaseModel

from .models import RECORDS


def to_json_line(record: BaseModel) -> bytes:
    """One record as a UTF-8 JSON line; Bengali stays as written (no \\u escapes).

    The records of newsingest.models are written by newsingest._write, byte for byte as
    pydantic writes them in a fraction of the time; anything else goes to pydantic.
    """
    line = json_line(record)
    return pydantic_json_line(record) if line is None else line


def pydantic_json_line(record: BaseModel) -> bytes:
    """to_json_line by pydantic's serializer: the specification _write.c is held to.

    It writes UTF-8 bytes; model_dump_json would decode them to a str, only to be encoded
    back, and the two copies took longer than the serializing itself.
    """
    return record.__pydantic_serializer__.to_json(record) + b"\n"


def _json_line_python(record: BaseModel) -> bytes | None:
    """Built without a compiler, every record goes to pydantic."""
    return None


try:
    from ._write import json_line, set_records
except ImportError:
    json_line = _json_line_python
else:
    set_records({model: tuple(model.model_fields) for model in RECORDS})


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
