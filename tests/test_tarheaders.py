"""tarheaders.TarInfo decodes a tar header as tarfile does: the same member, or the same error."""

from __future__ import annotations

import tarfile
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsingest.formats.tarheaders import TarInfo, _byte_sum

from .conftest import examples


def _member(name: str, **fields: Any) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    for field, value in fields.items():
        setattr(info, field, value)
    return info


# Members whose headers hold what tars hold: a plain file, a float mtime (a pax header of its
# own), a long Bengali path (a ustar prefix, a pax path, a GNU long name), a folder, a link,
# a device, numbers too large for octal (GNU's base-256, pax records).
_MEMBERS = [
    _member("news/0001.txt", size=1234, mtime=1_700_000_000, uid=1000, gid=1000, uname="news"),
    _member("news/0002.txt", size=5, mtime=1_700_000_000.25),
    _member("সংবাদ/" * 12 + "প্রতিবেদন.txt", size=77),
    _member("news/2024", type=tarfile.DIRTYPE, mode=0o755),
    _member("news/latest.txt", type=tarfile.SYMTYPE, linkname="news/0001.txt"),
    _member("dev/null", type=tarfile.CHRTYPE, devmajor=1, devminor=3),
    _member("big.jsonl", size=9 * 2**30, uid=2**30),
]


def _headers_of(member: tarfile.TarInfo, form: int) -> list[bytes]:
    try:
        return [member.tobuf(form, "utf-8", "surrogateescape")]
    except ValueError:  # (a ustar header cannot hold it)
        return []


# Each 512-byte block their headers make in each format (a pax or GNU long-name record's
# data blocks included: not headers, and so what a damaged tar may hand the decoder).
_BLOCKS = sorted(
    {
        header[at : at + tarfile.BLOCKSIZE]
        for member in _MEMBERS
        for form in (tarfile.USTAR_FORMAT, tarfile.GNU_FORMAT, tarfile.PAX_FORMAT)
        for header in _headers_of(member, form)
        for at in range(0, len(header), tarfile.BLOCKSIZE)
    }
)


# A GNU long name's own header, its prefix field (where ustar's would be) not empty.
_LONG_NAME = next(block for block in _BLOCKS if block[156:157] == tarfile.GNUTYPE_LONGNAME)
_SLOTS = list(tarfile.TarInfo.__slots__)
_MISSING = object()


def _decoded(cls: type[tarfile.TarInfo], block: bytes, encoding: str, errors: str) -> object:
    """What `cls.frombuf` makes of a block: the member's every field, or the error's type."""
    try:
        info = cls.frombuf(block, encoding, errors)
    except Exception as error:  # (the type is what is compared)
        return type(error)
    assert type(info) is cls
    return {slot: getattr(info, slot, _MISSING) for slot in _SLOTS}


def _with_checksum(block: bytearray) -> bytearray:
    """The block with the checksum its bytes make, written as tarfile writes one."""
    checksum = 8 * ord(" ") + sum(block[:148]) + sum(block[156:])
    block[148:156] = b"%06o\0 " % (checksum % 8**6)
    return block


@settings(max_examples=examples(500), deadline=None)
@given(
    st.sampled_from(_BLOCKS),
    st.lists(st.tuples(st.integers(0, tarfile.BLOCKSIZE - 1), st.integers(0, 255)), max_size=4),
    st.booleans(),
    st.sampled_from([("utf-8", "surrogateescape"), ("ascii", "strict")]),
)
@example(bytes(tarfile.BLOCKSIZE), [], False, ("utf-8", "surrogateescape"))  # a tar's end
@example(_BLOCKS[0], [(100, 0x1C)], True, ("utf-8", "surrogateescape"))  # str.strip()s it
@example(_LONG_NAME, [(345, ord("x"))], True, ("utf-8", "surrogateescape"))  # no ustar prefix
def test_a_header_decodes_as_tarfile_decodes_it(
    block: bytes, edits: list[tuple[int, int]], checksum: bool, coding: tuple[str, str]
) -> None:
    changed = bytearray(block)
    for at, value in edits:
        changed[at] = value
    if checksum:  # (else most damaged blocks stop at their checksum)
        changed = _with_checksum(changed)
    assert _decoded(TarInfo, bytes(changed), *coding) == _decoded(tarfile.TarInfo, bytes(changed), *coding)


@pytest.mark.parametrize("length", [0, 100, tarfile.BLOCKSIZE + 1])
def test_a_block_of_another_length_fails_as_in_tarfile(length: int) -> None:
    block = (_BLOCKS[0] * 2)[:length]
    assert _decoded(TarInfo, block, "utf-8", "surrogateescape") == _decoded(
        tarfile.TarInfo, block, "utf-8", "surrogateescape"
    )


def test_a_plain_header_is_decoded_without_tarfile(monkeypatch: pytest.MonkeyPatch) -> None:
    """The common header never reaches tarfile's slower decoding."""
    header = _MEMBERS[0].tobuf(tarfile.USTAR_FORMAT, "utf-8", "surrogateescape")
    expected = _decoded(tarfile.TarInfo, header, "utf-8", "surrogateescape")

    def refused(*_: object) -> None:
        raise AssertionError("decoded by tarfile")

    monkeypatch.setattr(tarfile.TarInfo, "frombuf", classmethod(refused))
    assert _decoded(TarInfo, header, "utf-8", "surrogateescape") == expected


@settings(max_examples=examples(500), deadline=None)
@given(st.binary(min_size=tarfile.BLOCKSIZE, max_size=tarfile.BLOCKSIZE))
@example(b"\xff" * tarfile.BLOCKSIZE)  # the largest sum: one Adler-32 over it all would wrap
@example(bytes(tarfile.BLOCKSIZE))
def test_the_byte_sum_is_sum(block: bytes) -> None:
    assert _byte_sum(block) == sum(block)
