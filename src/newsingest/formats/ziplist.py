"""A zip's list of entries, read an entry at a time, and its members opened from it.

zipfile.ZipFile reads a zip's whole list of entries (its central directory) into ZipInfo
objects when it opens it, ~0.8 KB an entry: 790 MB for a zip of a million articles, held
to the end of the run, and by every worker of --jobs as well. Here the list is read as it
is walked, a chunk at a time, so memory stays flat in the number of entries; and a part of
it (the entries between two places in it) can be read alone, which is how the workers of
--jobs share a zip out. Members are still unpacked by zipfile (ZipExtFile: decompression,
CRC check); only the records that locate them are read here (PKWARE's APPNOTE.TXT, the
zip format's specification).
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterator
from typing import IO, NamedTuple, cast

# The records this reads, as APPNOTE.TXT lays them out: each begins with its signature.
# The end of the central directory (4.3.16): its fixed part, and how far from a zip's end it
# can be (a comment of up to 65,535 bytes may follow it).
_END, _END_SIGNATURE = struct.Struct("<4s4H2LH"), b"PK\x05\x06"
_END_SEARCHED = _END.size + 0xFFFF
# A zip64 zip (past 65,535 entries or 4 GB) puts a locator (4.3.15) just before that record,
# and its own end record (4.3.14) just before the locator.
_LOCATOR, _LOCATOR_SIGNATURE = struct.Struct("<4sLQL"), b"PK\x06\x07"
_END64, _END64_SIGNATURE = struct.Struct("<4sQ2H2L4Q"), b"PK\x06\x06"
# An entry of the central directory (4.3.12), and a member's local header (4.3.7).
_ENTRY, _ENTRY_SIGNATURE = struct.Struct("<4s4B4HL2L5H2L"), b"PK\x01\x02"
_LOCAL, _LOCAL_SIGNATURE = struct.Struct("<4s2B4HL2L2H"), b"PK\x03\x04"
# A 32-bit field holding this says the value is in the entry's zip64 extra field.
_IN_ZIP64 = 0xFFFF_FFFF
_ZIP64_EXTRA = 0x0001
_UTF8_NAME = 0x800  # flag bit 11: the name is UTF-8, else code page 437
_ENCRYPTED = 0x1
# Where an entry's record gives the lengths of its name, extra field and comment, which follow
# its fixed part; the list's bytes read at a time: enough for the longest record.
_LENGTHS, _LENGTHS_AT = struct.Struct("<3H"), 28
_CHUNK = _ENTRY.size + 3 * 0xFFFF


class Entry(NamedTuple):
    """One entry of a zip's list: what is needed to find, check and unpack its member."""

    name: str
    size: int  # unpacked
    packed: int
    method: int
    crc: int
    flags: int
    header: int  # where its member's local header begins in the file
    following: int  # where the next entry begins in the list

    def is_dir(self) -> bool:
        return self.name.endswith("/")


class Directory(NamedTuple):
    """Where a zip's list of entries is: from `start` to `end` in the file; `shift` is what
    its offsets are off by (bytes before the zip: a self-extracting archive's program)."""

    start: int
    end: int
    shift: int


def directory(file: IO[bytes]) -> Directory:
    """Where the list of entries of the zip open as `file` is. Raises zipfile.BadZipFile."""
    size = file.seek(0, 2)
    file.seek(max(0, size - _END_SEARCHED))
    tail = file.read()
    at = tail.rfind(_END_SIGNATURE, 0, len(tail) - _END.size + len(_END_SIGNATURE))
    if at < 0:
        raise zipfile.BadZipFile("File is not a zip file")
    end_at = size - len(tail) + at
    *_, listed, offset, _comment_length = _END.unpack_from(tail, at)
    records_at = end_at  # where the records that end the zip begin
    if end_at >= _LOCATOR.size + _END64.size:
        file.seek(end_at - _LOCATOR.size - _END64.size)
        zip64 = file.read(_END64.size + _LOCATOR.size)
        if zip64[_END64.size : _END64.size + 4] == _LOCATOR_SIGNATURE:
            signature, *_, listed, offset = _END64.unpack_from(zip64)
            if signature != _END64_SIGNATURE:
                raise zipfile.BadZipFile("no zip64 end of central directory where its locator is")
            records_at = end_at - _LOCATOR.size - _END64.size
    shift = records_at - listed - offset
    if shift < 0:
        raise zipfile.BadZipFile("Bad offset for central directory")
    return Directory(offset + shift, offset + shift + listed, shift)


def entries(
    file: IO[bytes], where: Directory, start: int | None = None, stop: int | None = None
) -> Iterator[Entry]:
    """The entries of the zip open as `file` listed from `start` to `stop` (places an Entry's
    `following` gives; the whole list by default), read a chunk at a time: `file` may be
    read elsewhere between two entries. Raises zipfile.BadZipFile where the list is damaged."""
    at = where.start if start is None else start
    stop = where.end if stop is None else stop
    chunk, chunk_at = b"", at
    while at < stop:
        if at + _ENTRY.size > chunk_at + len(chunk):
            chunk, chunk_at = _read(file, at, stop), at
        length = _ENTRY.size + sum(_LENGTHS.unpack_from(chunk, at - chunk_at + _LENGTHS_AT))
        if at + length > chunk_at + len(chunk):
            chunk, chunk_at = _read(file, at, stop), at
            if length > len(chunk):
                raise zipfile.BadZipFile("Truncated central directory")
        yield _entry(chunk[at - chunk_at : at - chunk_at + length], at, where.shift)
        at += length


def _read(file: IO[bytes], at: int, stop: int) -> bytes:
    """The list's next chunk from `at`, which holds at least one whole record."""
    file.seek(at)
    chunk = file.read(min(stop - at, _CHUNK))
    if len(chunk) < _ENTRY.size:
        raise zipfile.BadZipFile("Truncated central directory")
    return chunk


def _entry(record: bytes, at: int, shift: int) -> Entry:
    """The entry whose `record` begins at `at` in the file."""
    (
        signature, _, _, _, _, flags, method, _, _, crc, packed, size,
        name_length, extra_length, _, _, _, _, header,
    ) = _ENTRY.unpack_from(record)  # fmt: skip
    if signature != _ENTRY_SIGNATURE:
        raise zipfile.BadZipFile("Bad magic number for central directory")
    name_at = _ENTRY.size
    # (a name that is not what its flag says: its bytes kept, as a walk keeps a file's)
    name = record[name_at : name_at + name_length].decode(
        "utf-8" if flags & _UTF8_NAME else "cp437", "surrogateescape"
    )
    if _IN_ZIP64 in (size, packed, header):
        extra = record[name_at + name_length : name_at + name_length + extra_length]
        size, packed, header = _zip64_values(extra, size, packed, header)
    return Entry(name, size, packed, method, crc, flags, header + shift, at + len(record))


def _zip64_values(extra: bytes, size: int, packed: int, header: int) -> tuple[int, int, int]:
    """The sizes and offset an entry's zip64 extra field holds for those its record could not:
    each field that says so (_IN_ZIP64) takes the field's next value, in this order."""
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        if at + 4 + length > len(extra):
            break
        if kind == _ZIP64_EXTRA:
            values = list(struct.unpack_from(f"<{length // 8}Q", extra, at + 4))
            fields = [size, packed, header]
            for index, field in enumerate(fields):
                if field == _IN_ZIP64:
                    if not values:
                        raise zipfile.BadZipFile("Corrupt zip64 extra field")
                    fields[index] = values.pop(0)
            return fields[0], fields[1], fields[2]
        at += 4 + length
    raise zipfile.BadZipFile("no zip64 extra field for a size or offset too large for its record")


def open_member(file: IO[bytes], entry: Entry) -> IO[bytes]:
    """The member `entry` locates, unpacked as it is read (and its CRC checked at its end),
    from `file` (which must not be read elsewhere until it is). Raises zipfile.BadZipFile
    for a damaged header, NotImplementedError for an encrypted member or an unknown method."""
    file.seek(entry.header)
    local = file.read(_LOCAL.size)
    if len(local) != _LOCAL.size:
        raise zipfile.BadZipFile("Truncated file header")
    signature, *_, name_length, extra_length = _LOCAL.unpack(local)
    if signature != _LOCAL_SIGNATURE:
        raise zipfile.BadZipFile("Bad magic number for file header")
    if entry.flags & _ENCRYPTED:
        raise NotImplementedError("it is encrypted")
    file.seek(name_length + extra_length, 1)
    info = zipfile.ZipInfo(entry.name)
    info.compress_type, info.compress_size, info.file_size = entry.method, entry.packed, entry.size
    info.CRC, info.flag_bits = entry.crc, entry.flags
    return cast(IO[bytes], zipfile.ZipExtFile(file, "r", info))
