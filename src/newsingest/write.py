"""Stage 6: write records as JSON Lines, to stdout or atomically to a file."""

from __future__ import annotations

import contextlib
import errno
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


class OutputError(Exception):
    """An output (the JSON Lines, --errors, --stats) could not be written: a missing folder,
    no permission, a full disk. What it holds is incomplete. (A closed pipe is not one: the
    reader stopped reading, as `| head` does; it stays a BrokenPipeError.)"""

    def __init__(self, path: str, error: OSError) -> None:
        super().__init__(path, error)
        self.path, self.reason = path, error.strerror or str(error)

    def __str__(self) -> str:
        return f"cannot write {self.path}: {self.reason}"


@contextlib.contextmanager
def writing(path: str | None) -> Iterator[None]:
    """Turn an OSError met writing `path` (None: standard output) into an OutputError."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(path or "standard output", exc) from None


class Output:
    """Where the JSON Lines go (open_output): writes that fail raise OutputError."""

    def __init__(self, handle: BinaryIO, path: str | None) -> None:
        self.handle, self.path = handle, path

    def write(self, data: bytes) -> None:
        with writing(self.path):
            self.handle.write(data)

    def flush(self) -> None:
        with writing(self.path):
            self.handle.flush()


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[Output]:
    """Standard output, or a file that appears only when the run completes.

    The file is written beside its destination, with no name there until the end where
    Linux allows (_new_file) and under a hidden temporary name elsewhere, and renamed into
    place at the end, so an interrupted, failed or killed run leaves the previous file (or
    none), never half of a new one. A destination that is not a regular file (/dev/null, a
    named pipe) is written to as it is: renaming over it would replace the device or the pipe.
    A file named .gz, .bz2, .xz or .zst is written compressed so (formats.compressed).
    Raises OutputError when it cannot be opened, written or put in place.
    """
    if path is None or path == "-":
        yield Output(sys.stdout.buffer, None)
        return
    if os.path.exists(path) and not os.path.isfile(path):
        with writing(path):
            handle = open(path, "wb")  # noqa: SIM115 (closed below)
        with handle:
            yield from _written(handle, path)
        return
    directory = os.path.dirname(os.path.abspath(path))
    with writing(path):
        fd, temporary = _new_file(directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield from _written(handle, path)
            with writing(path):
                os.fsync(handle.fileno())
                if temporary is None:
                    temporary = _named(handle.fileno(), directory)
        with writing(path):
            os.chmod(temporary, _mode_for(path))
            os.replace(temporary, path)
    except BaseException:
        if temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise


# A file this process has open, by its descriptor (Linux): what gives a file with no name one.
_OPEN_FILE = "/proc/self/fd/{}"
_PREFIX, _SUFFIX = ".newsingest-", ".part"


def _new_file(directory: str) -> tuple[int, str | None]:
    """A new file for the output in `directory`, open for writing, and its temporary name.

    Where Linux can make it (O_TMPFILE, and /proc to name it by at the end) it has no name
    until the run is done: a run killed outright (SIGKILL, the OOM killer) leaves nothing
    behind, where a named temporary file would stay. Elsewhere it is named (mkstemp).
    """
    unnamed = getattr(os, "O_TMPFILE", None)
    if unnamed is not None and os.path.isdir(os.path.dirname(_OPEN_FILE)):
        try:
            return os.open(directory, unnamed | os.O_RDWR, 0o600), None
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                raise  # (a missing folder, no permission: mkstemp would fail so too)
    import tempfile  # (here: most runs write to standard output)

    return tempfile.mkstemp(prefix=_PREFIX, suffix=_SUFFIX, dir=directory)


def _named(fd: int, directory: str) -> str:
    """Give the unnamed file open as `fd` a temporary name in `directory`, to be renamed over
    the destination at once: linkat through /proc, as open(2) shows for O_TMPFILE, or where
    that is refused (a sandbox, a security module), a named copy."""
    try:  # (O_PATH: a folder that may be written but not listed, -wx, opens so too)
        folder = os.open(directory, getattr(os, "O_PATH", os.O_RDONLY) | os.O_DIRECTORY)
    except OSError:
        return _copied(fd, directory)
    try:
        while True:
            name = f"{_PREFIX}{os.urandom(6).hex()}{_SUFFIX}"
            try:
                # (a dst_dir_fd makes os.link call linkat with AT_SYMLINK_FOLLOW, which this needs)
                os.link(_OPEN_FILE.format(fd), name, dst_dir_fd=folder)
            except FileExistsError:
                continue
            except OSError:
                return _copied(fd, directory)
            return os.path.join(directory, name)
    finally:
        os.close(folder)


def _copied(fd: int, directory: str) -> str:
    """A named temporary copy, in `directory`, of the file open as `fd`."""
    import shutil
    import tempfile

    copy, name = tempfile.mkstemp(prefix=_PREFIX, suffix=_SUFFIX, dir=directory)
    try:
        with os.fdopen(copy, "wb") as target, open(fd, "rb", closefd=False) as source:
            source.seek(0)
            shutil.copyfileobj(source, target)
            target.flush()
            os.fsync(copy)
    except BaseException:
        os.unlink(name)
        raise
    return name


def _mode_for(path: str) -> int:
    """The permissions of the file the output replaces, or those open() would give a new one
    (mkstemp makes its file readable by its owner alone)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _written(handle: BinaryIO, path: str) -> Iterator[Output]:
    """The Output of open_output into `handle`, compressed as `path`'s name says, flushed (the
    compressed stream ended) once the run is done with it."""
    from .formats.compressed import compressing

    with writing(path):
        packer = compressing(path, handle)
    yield Output(packer or handle, path)
    with writing(path):
        if packer is not None:
            packer.close()
        handle.flush()
