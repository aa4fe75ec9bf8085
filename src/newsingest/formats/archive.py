"""Archives (zip; tar, plain or compressed as any input may be): each member file an input.

A member is read as a file of its name would be (its format by its extension, then its
content; a compressed member decompressed), each up to --max-bytes, and its source.path is
the archive's path, a slash and its name in the archive: `corpus.tar.gz/2024/01/a.txt`.
Members are read one at a time in the archive's order, and a zip's list of them as it goes
(ziplist), so memory stays flat in its size and in its number of members;
folders, links and devices are skipped, and so are hidden members (a leading dot in any part
of the name; macOS's `__MACOSX/` forks), as a walk skips them in a folder. A member named
as a dump, as large as a dump on disk is streamed at, is copied to a temporary file and
read a record at a time. An archive is told by its name (ARCHIVE_SUFFIXES); on standard
input, by its content (archive_kind). A named file that is one under another name (a .docx
is a zip) is refused as binary.
"""

from __future__ import annotations

import contextlib
import io
import itertools
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Final, NamedTuple

from ..errors import InputError, Reason, unreadable
from . import streamed
from .compressed import CORRUPT, MAGIC_BYTES, compression_of, corruption, open_decompressed
from .options import Options
from .streamed import copy_at_most, named_as_dump

if TYPE_CHECKING:
    import tarfile

    from .ziplist import Directory, Entry

ARCHIVE_SUFFIXES: Final = (
    ".zip",
    ".tar",
    ".tar.gz",
    ".tgz",
    ".tar.bz2",
    ".tbz2",
    ".tbz",
    ".tar.xz",
    ".txz",
    ".tar.zst",
    ".tzst",
)


# What an archive's member is read as: its bytes, the error it fails with, or (a large one
# named as a dump: _streamed) a temporary file holding it, read a record at a time.
Member = bytes | InputError | IO[bytes]
# Bytes of an input's start that archive_kind needs (a compressed tar's, decompressed).
TOLD_BY: Final = 1 << 16
# Where a tar's first header says "ustar" (POSIX and GNU tars).
_TAR_MAGIC_START, _TAR_MAGIC_END = 257, 262


_ZIP_MAGIC: Final = b"PK\x03\x04"  # a zip's first member header


def is_archive(path: str) -> bool:
    """Whether `path` names an archive, by its suffix."""
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def is_zip(path: str) -> bool:
    """Whether `path` names a zip, whose members can be read in any order (a tar's cannot)."""
    return path.lower().endswith(".zip")


def zipped(path: str, shown: str | None = None) -> bool:
    """Whether the archive at `path` is a zip: told by its name (is_zip), but for a copy shown
    by another name (standard input's, spooled: its name says nothing), by its first bytes."""
    if shown is None or shown == path:
        return is_zip(path)
    with _open(path) as file:
        return file.read(len(_ZIP_MAGIC)) == _ZIP_MAGIC


def archive_members(
    path: str,
    max_bytes: int,
    options: Options,
    entries: tuple[int, int] | None = None,
    *,
    skip: int = 0,
    shown: str | None = None,
) -> Iterator[tuple[str, Member]]:
    """Each member file of the archive at `path`: its path (the archive's / its name) and its
    bytes, or the InputError it fails with; a large one named as a dump (_streamed) copied to
    a temporary file, up to --max-decompressed-bytes (it takes that much disk).

    Raises InputError when the archive cannot be opened, or once it turns out corrupt (the
    members before that are given first); in a tar, a member past --max-decompressed-bytes
    ends it too, as decompressing past it to the next would be a decompression bomb's work.
    Of a zip, only the `entries` between two places in its list of entries (zip_ranges),
    if given; of a tar, its members after the first `skip` (pieces of them: pieces.py).
    Members are named below `shown`, if given, not `path` (standard input copied to a file)."""
    zip_archive = zipped(path, shown)
    with _open(path) as file:
        if zip_archive:
            yield from _zip_members(file, shown or path, max_bytes, options, entries)
        else:
            yield from _tar_members(file, shown or path, max_bytes, options, skip)


def members_of(
    file: IO[bytes], name: str, kind: str, max_bytes: int, options: Options
) -> Iterator[tuple[str, Member]]:
    """archive_members of an archive (`kind` "zip" or "tar") open as `file` and named `name`:
    standard input, or an archive's bytes given to the library."""
    if kind == "zip":
        yield from _zip_members(file, name, max_bytes, options)
    else:
        yield from _tar_members(file, name, max_bytes, options)


def archive_kind(data: bytes) -> str | None:
    """Which archive `data` is, "zip" or "tar", if it is one (a file's start will do; a tar's
    may be compressed)."""
    if data.startswith(_ZIP_MAGIC):
        return "zip"
    compression = compression_of(data)
    if compression is not None:
        try:
            data = open_decompressed(io.BytesIO(data[:TOLD_BY]), compression).read(_TAR_MAGIC_END)
        except (InputError, *CORRUPT):
            return None
    return "tar" if data[_TAR_MAGIC_START:_TAR_MAGIC_END] == b"ustar" else None


def archive_suffix(start: bytes) -> str | None:
    """What a file of the archive whose bytes begin with `start` is named with for its
    readers to read it so (a zip is told by its name, a tar by its bytes): ".zip", ".tar",
    or ".tgz" for a compressed tar; None when it is no archive."""
    kind = archive_kind(start)
    if kind is None:
        return None
    return ".zip" if kind == "zip" else ".tar" if compression_of(start) is None else ".tgz"


class ZipRange(NamedTuple):
    """The entries of a zip's list from `start` to `stop` in it (ziplist.entries), the first
    of them the zip's entry number `first`; `alone`: one large dump (_streamed) alone."""

    first: int
    start: int
    stop: int
    alone: bool


def zip_ranges(path: str, piece_bytes: int, max_bytes: int, options: Options) -> Iterator[ZipRange]:
    """A zip's list of entries in ranges holding about `piece_bytes` of members each, for the
    workers of --jobs to read side by side (a zip lists its entries, and their sizes, at its
    end), a large dump in a range of its own (zip_entry copies it out); given as the list is
    read, so that workers start on the first while the rest is found. Raises InputError, as
    archive_members does, when `path` is no zip; a damaged list ends in a range that holds
    the damage, which the worker reading it reports."""
    file = _open(path)
    try:
        where = _zip_directory(file)
    except InputError:
        file.close()
        raise
    return _ranges(file, where, piece_bytes, max_bytes, options)


def _ranges(
    file: IO[bytes], where: Directory, piece_bytes: int, max_bytes: int, options: Options
) -> Iterator[ZipRange]:
    with file:
        first, start, held = 0, where.start, 0
        at = where.start  # where the entry at hand begins in the list
        with contextlib.suppress(InputError):  # (a damaged list: the last range holds it)
            for index, entry in enumerate(_zip_entries(file, where)):
                if _streamed(entry.name, entry.size, max_bytes, options):
                    if start < at:
                        yield ZipRange(first, start, at, False)
                    yield ZipRange(index, at, entry.following, True)
                    first, start, held = index + 1, entry.following, 0
                else:
                    held += entry.size
                    if held >= piece_bytes:
                        yield ZipRange(first, start, entry.following, False)
                        first, start, held = index + 1, entry.following, 0
                at = entry.following
        if start < where.end:
            yield ZipRange(first, start, where.end, False)


def zip_entry(
    path: str, entry: ZipRange, max_bytes: int, options: Options, shown: str | None = None
) -> tuple[str, Member] | None:
    """The member of a zip that a range of one entry holds, as archive_members gives it (a
    large member named as a dump: copied out to a temporary file), or None when it is no
    member to read (a folder, a hidden file)."""
    with _open(path) as file:
        return next(_zip_members(file, shown or path, max_bytes, options, (entry.start, entry.stop)), None)


def _open(path: str) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise unreadable(exc) from None


def _zip_members(
    file: IO[bytes], path: str, max_bytes: int, options: Options, entries: tuple[int, int] | None = None
) -> Iterator[tuple[str, Member]]:
    """The members of the zip open as `file` (those `entries` lists, if given), each read on
    its own: its entry gives its size."""
    import zipfile

    from .ziplist import open_member

    where = _zip_directory(file)
    for entry in _zip_entries(file, where, *(entries or (None, None))):
        if entry.is_dir() or _hidden(entry.name):
            continue
        name = f"{path}/{entry.name}"
        try:
            if entry.size > options.max_decompressed:
                yield name, _past_the_cap(entry.size, options.max_decompressed)
                continue
            if _streamed(entry.name, entry.size, max_bytes, options):
                with open_member(file, entry) as opened:
                    yield name, _spool(opened, options.max_decompressed)
                continue
            if entry.size > max_bytes:
                yield name, too_large_member(max_bytes)
                continue
            with open_member(file, entry) as opened:
                data = opened.read(max_bytes + 1)
        except NotImplementedError as exc:  # encrypted; a method zipfile lacks
            yield name, InputError(Reason.MALFORMED, f"cannot unpack it from the zip: {exc}")
            continue
        except (zipfile.BadZipFile, *CORRUPT) as exc:
            yield name, InputError(Reason.MALFORMED, f"corrupt in the zip: {corruption(exc)}")
            continue
        # (A member larger than its header says is a bomb's trick: cut at the cap.)
        yield name, data if len(data) <= max_bytes else too_large_member(max_bytes)


def _zip_directory(file: IO[bytes]) -> Directory:
    """Where the zip open as `file` lists its entries; InputError if it is no zip."""
    import zipfile

    from .ziplist import directory

    try:
        return directory(file)
    except zipfile.BadZipFile as exc:
        raise InputError(Reason.MALFORMED, f"not a zip archive: {exc}") from None


def _zip_entries(
    file: IO[bytes], where: Directory, start: int | None = None, stop: int | None = None
) -> Iterator[Entry]:
    """ziplist.entries, a damaged list ending the zip with an InputError."""
    import zipfile

    from .ziplist import entries

    try:
        yield from entries(file, where, start, stop)
    except zipfile.BadZipFile as exc:
        raise InputError(Reason.MALFORMED, f"corrupt zip archive: {exc}") from None


def _tar_members(
    file: IO[bytes], path: str, max_bytes: int, options: Options, skip: int = 0
) -> Iterator[tuple[str, Member]]:
    """The members of a tar, from its start: its first `skip` read past."""
    import tarfile

    from .tarheaders import TarInfo

    kind = compression_of(file.read(MAGIC_BYTES))
    file.seek(0)
    stream: IO[bytes] = open_decompressed(file, kind) if kind else file  # type: ignore[arg-type]
    try:
        archive = tarfile.open(fileobj=stream, mode="r|", tarinfo=TarInfo)  # noqa: SIM115 (closed below)
    except (tarfile.TarError, *CORRUPT) as exc:
        raise InputError(Reason.MALFORMED, f"not a tar archive: {exc}") from None
    try:
        members = (m for m in _forgotten_once_read(archive) if m.isfile() and not _hidden(m.name))
        for member in itertools.islice(members, skip, None):  # (read past, never read out)
            name = f"{path}/{member.name.removeprefix('./')}"
            extracted = archive.extractfile(member)
            if extracted is None:
                continue
            if member.size > options.max_decompressed:
                raise InputError(
                    Reason.DECOMPRESSED_TOO_LARGE,
                    f"{member.name} is {member.size:,} bytes, past --max-decompressed-bytes "
                    f"({options.max_decompressed:,}): the archive is read no further",
                )
            if _streamed(member.name, member.size, max_bytes, options):
                yield name, _spool(extracted, options.max_decompressed)
            elif member.size <= max_bytes:
                yield name, extracted.read()
            else:
                yield name, too_large_member(max_bytes)
    except (tarfile.TarError, *CORRUPT) as exc:
        raise InputError(Reason.MALFORMED, f"corrupt tar archive: {exc}") from None
    finally:
        archive.close()


def _forgotten_once_read(archive: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    """The members of a tar read as a stream, each let go of once the next is read: TarFile
    keeps a list of every member it has read (~0.9 KB each, 90 MB for 100,000 articles)."""
    while (member := archive.next()) is not None:
        archive.members.clear()  # type: ignore[attr-defined]  # (no getter: getmembers reads all)
        yield member


def _hidden(name: str) -> bool:
    """Whether a member is hidden: a part of its name begins with a dot (not "./", which
    `tar -C folder .` puts before every name), or is __MACOSX."""
    return any(
        (part.startswith(".") and part not in (".", "..")) or part == "__MACOSX" for part in name.split("/")
    )


def _streamed(name: str, size: int, max_bytes: int, options: Options) -> bool:
    """Whether a member is copied out to a temporary file to be read a record at a time: one
    named as a dump, larger than a dump on disk is read whole (streamed.open_dump)."""
    return size > min(streamed.STREAM_FROM, max_bytes) and named_as_dump(name, options)


def _past_the_cap(size: int, most: int) -> InputError:
    return InputError(
        Reason.DECOMPRESSED_TOO_LARGE, f"{size:,} bytes, past --max-decompressed-bytes ({most:,})"
    )


def _spool(member: IO[bytes], most: int) -> IO[bytes]:
    """A member copied to an unnamed temporary file (deleted once closed), at its start; up
    to `most` bytes, as a zip's header may understate its size."""
    import tempfile

    file = tempfile.TemporaryFile(prefix="newsingest-member-")  # noqa: SIM115 (the reader closes it)
    try:
        if (copied := copy_at_most(member, file, most + 1)) > most:  # type: ignore[arg-type]
            raise _past_the_cap(copied, most)
    except BaseException:
        file.close()
        raise
    file.seek(0)
    return file


def too_large_member(max_bytes: int) -> InputError:
    return InputError(
        Reason.TOO_LARGE, f"larger than --max-bytes ({max_bytes:,} bytes); extract it to read it"
    )
