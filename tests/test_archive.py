"""Archives: a zip or tar (plain or compressed) read as the folder of files it holds."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import pickle
import subprocess
import sys
import tarfile
import tempfile
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import zstandard
from click.testing import CliRunner

from newsingest import parallel
from newsingest.cli import cli
from newsingest.errors import Reason
from newsingest.formats import Options, archive, pieces, streamed, ziplist
from newsingest.formats.pieces import split_dumps
from newsingest.models import Article
from newsingest.pipeline import Failure, parse_file, parse_files, parse_paths

from .conftest import ARTICLE, dumped, held_open_in

RECORD = {"title": "নদীতে নতুন সেতু", "body": "গতকাল বুধবার সেতুটি খুলে দেওয়া হয়।", "date": "2024-02-15"}
# What the archives hold, in their order: articles, a dump, and what a reader skips.
MEMBERS = [
    ("news/b.txt", ARTICLE.replace("\n", " (খ)\n", 1).encode()),
    ("news/a.txt", ARTICLE.encode()),
    ("news/2024/dump.jsonl", (json.dumps(RECORD, ensure_ascii=False) + "\n").encode() * 2),
    ("news/.DS_Store", b"\x00\x01"),
    ("__MACOSX/news/._a.txt", b"\x00\x05\x16\x07"),
]
READ = ["news/b.txt", "news/a.txt", "news/2024/dump.jsonl", "news/2024/dump.jsonl"]


def zipped(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


def tarred(members: list[tuple[str, bytes]], prefix: str = "") -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as archive:
        folder = tarfile.TarInfo(prefix + "news")
        folder.type = tarfile.DIRTYPE
        archive.addfile(folder)
        for name, data in members:
            info = tarfile.TarInfo(prefix + name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


ARCHIVES = {
    "news.zip": lambda: zipped(MEMBERS),
    "news.tar": lambda: tarred(MEMBERS),
    "news.tar.gz": lambda: gzip.compress(tarred(MEMBERS, "./")),  # (tar -C folder . names)
    "news.tgz": lambda: gzip.compress(tarred(MEMBERS)),
    "news.tar.zst": lambda: zstandard.ZstdCompressor().compress(tarred(MEMBERS)),
}


def parse(path: Path, **options: object) -> list[Article | Failure]:
    return list(parse_paths([str(path)], options=Options(**options)))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", list(ARCHIVES))
def test_an_archive_is_read_as_the_files_it_holds(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(ARCHIVES[name]())
    results = parse(path)
    assert all(isinstance(result, Article) for result in results), results
    assert [result.source.path for result in results] == [f"{path}/{member}" for member in READ]
    assert [result.source.record for result in results] == [None, None, 0, 1]
    assert [result.source.format for result in results] == ["text", "text", "jsonl", "jsonl"]
    assert results[0].headline == "ঢাকায় নতুন সেতু উদ্বোধন (খ)" and results[2].headline == RECORD["title"]
    assert [d.value for d in results[2].dates] == ["2024-02-14"]  # against its record's date


@pytest.mark.parametrize("name", ["news.zip", "news.tgz"])
def test_a_member_over_max_bytes_fails_alone(tmp_path: Path, name: str) -> None:
    big = ARTICLE + "আরও একটি অনুচ্ছেদ।\n" * 200
    members = [("a.txt", ARTICLE.encode()), ("big.txt", big.encode()), ("c.txt", ARTICLE.encode())]
    path = tmp_path / name
    path.write_bytes(zipped(members) if name.endswith(".zip") else gzip.compress(tarred(members)))
    first, failed, last = list(parse_paths([str(path)], max_bytes=len(ARTICLE.encode()) + 100))
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(failed, Failure) and failed.path == f"{path}/big.txt"
    assert failed.error.reason == Reason.TOO_LARGE and "extract it" in failed.error.message


def test_a_corrupt_archive_keeps_the_members_before_the_damage(tmp_path: Path) -> None:
    members = [(f"{i}.txt", ARTICLE.replace("\n", f" ({i})\n", 1).encode() * 40) for i in range(20)]
    whole = gzip.compress(tarred(members))
    path = tmp_path / "cut.tar.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    results = parse(path)
    *articles, failure = results
    assert 0 < len(articles) < 20 and all(isinstance(a, Article) for a in articles)
    assert isinstance(failure, Failure) and failure.path == str(path)
    assert failure.error.reason == Reason.MALFORMED


def test_a_tar_is_read_without_holding_its_members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TarFile keeps every member it has read: a million-article tar would hold ~0.9 GB."""
    members = [(f"{i}.txt", ARTICLE.replace("\n", f" ({i})\n", 1).encode()) for i in range(30)]
    path = tmp_path / "many.tgz"
    path.write_bytes(gzip.compress(tarred(members)))
    held: list[int] = []
    read_next = tarfile.TarFile.next

    def counted(self: tarfile.TarFile) -> tarfile.TarInfo | None:
        held.append(len(self.members))
        return read_next(self)

    monkeypatch.setattr(tarfile.TarFile, "next", counted)
    results = parse(path)
    read = [result.source.path for result in results if isinstance(result, Article)]
    assert read == [f"{path}/{i}.txt" for i in range(30)]
    assert len(held) > 30 and max(held) <= 1


@pytest.mark.parametrize(
    ("name", "said"), [("fake.zip", "not a zip archive"), ("fake.tar", "not a tar archive")]
)
def test_a_file_named_as_an_archive_that_is_none_fails_once(tmp_path: Path, name: str, said: str) -> None:
    path = tmp_path / name
    path.write_text(ARTICLE * 30, encoding="utf-8")
    (failure,) = parse(path)
    assert isinstance(failure, Failure) and failure.error.reason == Reason.MALFORMED
    assert failure.error.message.startswith(said)


def test_a_member_past_the_decompression_cap_ends_the_archive(tmp_path: Path) -> None:
    members = [("a.txt", ARTICLE.encode()), ("bomb.txt", b"\n" * 100_000), ("c.txt", ARTICLE.encode())]
    path = tmp_path / "bomb.tgz"
    path.write_bytes(gzip.compress(tarred(members)))
    first, failure = parse(path, max_decompressed=50_000)
    assert isinstance(first, Article) and isinstance(failure, Failure)
    assert failure.error.reason == Reason.DECOMPRESSED_TOO_LARGE and "bomb.txt" in failure.error.message


def the_same_with_workers(path: Path) -> bytes:
    """What `newsingest parse PATH` writes, checked to be the same with `-j 2` as `-j 1`."""
    command = [sys.executable, "-m", "newsingest", "parse", str(path), "-j"]
    one, two = (subprocess.run([*command, jobs], capture_output=True, timeout=120) for jobs in ("1", "2"))
    assert (one.returncode, two.returncode) == (0, 0), two.stderr
    assert one.stdout == two.stdout
    return two.stdout


def test_archives_among_files_keep_their_order_with_workers(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(parallel.MIN_FILES_FOR_WORKERS + 10):
        (folder / f"{i:03d}.txt").write_text(ARTICLE.replace("\n", f" ({i})\n", 1), encoding="utf-8")
    (folder / "050.zip").write_bytes(ARCHIVES["news.zip"]())
    (folder / "100.tgz").write_bytes(ARCHIVES["news.tgz"]())
    output = the_same_with_workers(folder)
    paths = [json.loads(line)["source"]["path"] for line in output.splitlines()]
    assert paths.index(f"{folder / '050.zip'}/news/b.txt") == 51  # after 000-050.txt
    assert paths.index(f"{folder / '100.tgz'}/news/b.txt") == 100 + len(READ)  # (100.tgz < 100.txt)


@pytest.mark.parametrize(
    ("name", "said"), [("news.zip", "a zip archive: named *.zip"), ("news.tgz", "a tar archive")]
)
def test_an_archive_under_another_name_says_how_to_read_it(tmp_path: Path, name: str, said: str) -> None:
    path = tmp_path / "download.bin"
    path.write_bytes(ARCHIVES[name]())
    (failure,) = parse(path)
    assert isinstance(failure, Failure) and failure.error.reason == Reason.BINARY
    assert failure.error.message.startswith(said)


def cut_short(data: bytes) -> bytes:
    """The first two thirds of an archive's bytes."""
    return data[: len(data) * 2 // 3]


def many_members(count: int, size: int = 3) -> list[tuple[str, bytes]]:
    """`count` articles of `size` times ARTICLE's length, among MEMBERS and one too large."""
    article = ARTICLE * size
    members = [(f"news/{i:03d}.txt", article.replace("\n", f" ({i})\n", 1).encode()) for i in range(count)]
    members[5:5] = MEMBERS  # a dump among them, and members a reader skips
    members.insert(20, ("news/huge.txt", ARTICLE.encode() * 100))  # over the --max-bytes below
    return members


@pytest.mark.parametrize(
    ("name", "pack"),
    [
        ("news.zip", zipped),
        ("news.tgz", lambda members: gzip.compress(tarred(members))),
        (
            "cut.tgz",
            lambda members: cut_short(gzip.compress(tarred(members))),
        ),
    ],
)
def test_the_pieces_of_an_archive_read_as_the_archive_does(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    pack: Callable[[list[tuple[str, bytes]]], bytes],
) -> None:
    path = tmp_path / name
    path.write_bytes(pack(many_members(60)))
    monkeypatch.setattr(pieces, "PIECE_BYTES", 3000)
    monkeypatch.setattr(pieces, "ARCHIVE_CUT_FROM", 0)
    max_bytes = 10_000
    cut = list(split_dumps([str(path)], max_bytes, Options()))
    assert len(cut) > 5 and all(pieces.PIECE in piece for piece in cut)
    sent = [pickle.loads(pickle.dumps(piece)) for piece in cut]  # as the workers get them
    whole = list(parse_paths([str(path)], max_bytes=max_bytes))
    assert dumped(list(parse_files(sent, max_bytes=max_bytes))) == dumped(whole)
    failures = [result for result in whole if isinstance(result, Failure)]
    assert failures[0].path == f"{path}/news/huge.txt" and failures[0].error.reason == Reason.TOO_LARGE
    if name == "cut.tgz":
        assert failures[-1].path == str(path) and failures[-1].error.reason == Reason.MALFORMED
    else:
        assert len(failures) == 1 and len(whole) == 60 + len(READ) + 1


@pytest.mark.parametrize("name", ["big.zip", "big.tar"])
def test_a_large_archive_is_shared_out_among_workers(tmp_path: Path, name: str) -> None:
    members = many_members(160, size=30)
    path = tmp_path / name
    path.write_bytes(zipped(members, zipfile.ZIP_STORED) if name.endswith(".zip") else tarred(members))
    assert path.stat().st_size > pieces.ARCHIVE_CUT_FROM
    assert len(list(split_dumps([str(path)], 10**8, Options()))) > 2
    assert len(the_same_with_workers(path).splitlines()) == 160 + len(READ) + 1


@pytest.mark.parametrize("name", ["news.zip", "news.tar.gz"])
def test_an_archive_piped_in_or_given_as_bytes_is_read_too(name: str) -> None:
    data = ARCHIVES[name]()
    piped = CliRunner().invoke(cli, ["parse", "-"], input=data)
    assert piped.exit_code == 0, piped.output
    assert [json.loads(line)["source"]["path"] for line in piped.stdout.splitlines()] == [
        f"-/{m}" for m in READ
    ]
    given = list(parse_file(data, f"downloads/{name}"))
    assert [result.source.path for result in given] == [f"downloads/{name}/{m}" for m in READ]


@pytest.mark.parametrize("name", ["news.zip", "news.tar"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_archive_piped_in_past_max_bytes_is_read_a_member_at_a_time(name: str, jobs: str) -> None:
    members = [(f"news/{i:02d}.txt", ARTICLE.replace("\n", f" ({i})\n", 1).encode()) for i in range(20)]
    data = zipped(members, zipfile.ZIP_STORED) if name.endswith(".zip") else tarred(members)
    most = max(len(member) for _, member in members) + 100
    assert len(data) > 10 * most
    piped = CliRunner().invoke(cli, ["parse", "-j", jobs, "--max-bytes", str(most), "-"], input=data)
    assert piped.exit_code == 0, piped.output
    paths = [json.loads(line)["source"]["path"] for line in piped.stdout.splitlines()]
    assert paths == [f"-/{member}" for member, _ in members]


def test_an_archive_piped_in_is_not_held_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Copied to a temporary file a chunk at a time, and read from it a member at a time."""
    # (members refused unparsed, as binary: what is held is the archive's, not the parse's)
    members = [(f"{i}.bin", bytes(2000)) for i in range(2000)]
    data = zipped(members, zipfile.ZIP_STORED)  # ~4 MB
    monkeypatch.setattr(streamed, "READ_SIZE", 1 << 16)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    tracemalloc.start()
    try:
        results = [result.error.reason for result in parse_paths(["-"], max_bytes=100_000)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert results == [Reason.BINARY] * 2000 and peak < len(data) / 4


def with_a_large_dump(count: int) -> list[tuple[str, bytes]]:
    """Articles around a JSON Lines member of `count` records (~170 bytes each) and a text one
    of ~2,300 bytes."""
    rows = [dict(RECORD, title=f"{RECORD['title']} {i}") for i in range(count)]
    dump = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
    return [
        ("a.txt", ARTICLE.encode()),
        ("big/dump.jsonl", dump),
        ("big/long.txt", ARTICLE.encode() * 10),
        ("z.txt", ARTICLE.encode()),
    ]


@pytest.mark.parametrize("name", ["news.zip", "news.tgz"])
def test_a_dump_member_past_max_bytes_is_read_a_record_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    members = with_a_large_dump(100)
    path = tmp_path / name
    path.write_bytes(zipped(members) if name.endswith(".zip") else gzip.compress(tarred(members)))
    max_bytes = 2000  # past an article, short of the dump (~17,000 bytes) and the long text
    whole = list(parse_paths([str(path)], max_bytes=max_bytes))
    records = [r for r in whole if isinstance(r, Article) and r.source.path == f"{path}/big/dump.jsonl"]
    assert [r.source.record for r in records] == list(range(100)) and records[0].source.format == "jsonl"
    assert [r.headline for r in records[:2]] == [f"{RECORD['title']} 0", f"{RECORD['title']} 1"]
    (failure,) = [r for r in whole if isinstance(r, Failure)]
    assert failure.path == f"{path}/big/long.txt" and failure.error.reason == Reason.TOO_LARGE
    assert [r.source.path for r in whole if isinstance(r, Article)][-1] == f"{path}/z.txt"
    # Shared out: the dump is copied out and cut by the main process, its pieces carrying
    # their lines, as standard input's do.
    monkeypatch.setattr(pieces, "PIECE_BYTES", 500)
    monkeypatch.setattr(pieces, "ARCHIVE_CUT_FROM", 0)
    cut = list(split_dumps([str(path)], max_bytes, Options()))
    of_the_dump = [piece for piece in cut if pieces.file_of(piece) == f"{path}/big/dump.jsonl"]
    assert len(of_the_dump) > 5 and all(isinstance(piece, pieces.CarriedPiece) for piece in of_the_dump)
    sent = [pickle.loads(pickle.dumps(piece)) for piece in cut]
    assert dumped(list(parse_files(sent, max_bytes=max_bytes))) == dumped(whole)


def test_a_dump_member_past_the_decompression_cap_is_not_copied_out(tmp_path: Path) -> None:
    path = tmp_path / "news.zip"
    path.write_bytes(zipped(with_a_large_dump(100)))
    results = list(parse_paths([str(path)], max_bytes=2000, options=Options(max_decompressed=10_000)))
    failed = [(r.path.removeprefix(f"{path}/"), r.error.reason) for r in results if isinstance(r, Failure)]
    assert failed == [("big/dump.jsonl", Reason.DECOMPRESSED_TOO_LARGE), ("big/long.txt", Reason.TOO_LARGE)]


@pytest.mark.parametrize("name", ["news.zip", "news.tgz"])
def test_a_dump_member_that_cannot_be_cut_is_read_whole_by_one_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A UTF-16 dump's lines are not found by byte: one worker reads it, and in a tar the
    members after it too (the rest of the tar, read past the members before)."""
    members = with_a_large_dump(60)
    members[1] = ("big/dump.jsonl", "\ufeff".encode("utf-16-le") + members[1][1].decode().encode("utf-16-le"))
    path = tmp_path / name
    path.write_bytes(zipped(members) if name.endswith(".zip") else gzip.compress(tarred(members)))
    whole = list(parse_paths([str(path)], max_bytes=2000))
    assert len([r for r in whole if isinstance(r, Article) and r.source.path.endswith("dump.jsonl")]) == 60
    monkeypatch.setattr(pieces, "PIECE_BYTES", 500)
    monkeypatch.setattr(pieces, "ARCHIVE_CUT_FROM", 0)
    cut = list(split_dumps([str(path)], 2000, Options()))
    assert not any(isinstance(piece, pieces.CarriedPiece) for piece in cut)
    assert pieces.piece_place(cut[-1]) == ("entry 3" if name.endswith(".zip") else "member 1")
    sent = [pickle.loads(pickle.dumps(piece)) for piece in cut]
    assert dumped(list(parse_files(sent, max_bytes=2000))) == dumped(whole)


def test_a_member_is_streamed_where_the_same_file_on_disk_would_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past streamed.STREAM_FROM, within --max-bytes: a dump member is read a record at a
    time, one that is not UTF-8 at its start read whole, as each would be on disk."""
    monkeypatch.setattr(streamed, "STREAM_FROM", 5000)
    dump = with_a_large_dump(100)[1][1]  # ~17,000 bytes
    legacy = dump.decode().replace("নদীতে", "Ã¨").encode("cp1252", errors="replace")  # (not UTF-8)
    members = [("dump.jsonl", dump), ("legacy.jsonl", b"\xff" + legacy)]
    path = tmp_path / "news.tgz"
    path.write_bytes(gzip.compress(tarred(members)))
    for name, data in members:
        (tmp_path / name).write_bytes(data)

    def outline(results: list[Article | Failure]) -> list[tuple[object, ...]]:
        return [
            (r.headline, r.source.record, r.source.format)
            if isinstance(r, Article)
            else (r.record, r.error.reason)
            for r in results
        ]

    copied_out: list[int] = []
    spool = archive._spool
    monkeypatch.setattr(archive, "_spool", lambda member, most: copied_out.append(1) or spool(member, most))
    in_archive = list(parse_paths([str(path)], max_bytes=10**6))
    on_disk = list(parse_paths([str(tmp_path / name) for name, _ in members], max_bytes=10**6))
    assert outline(in_archive) == outline(on_disk) and len(copied_out) == 2
    assert [r.source.record for r in in_archive if isinstance(r, Article)][:3] == [0, 1, 2]


def zip_with_its_oddities(members: list[tuple[str, bytes]]) -> bytes:
    """A zip as other tools write them: zip64 records, a comment, four methods, and 1,700
    bytes before it (a self-extracting archive's program) that its offsets do not count."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        methods = itertools.cycle(
            [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
        )
        for (name, data), method in zip(members, methods, strict=False):  # (methods never end)
            info = zipfile.ZipInfo(name)
            info.compress_type = method
            with archive.open(info, "w", force_zip64=True) as member:
                member.write(data)
        archive.comment = b"scraped 2024" * 100
    return b"#!/bin/sh\n" * 170 + out.getvalue()


def test_a_zip_is_read_as_other_tools_write_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    members = [(f"news/{i:02d}.txt", ARTICLE.replace("\n", f" ({i})\n", 1).encode()) for i in range(12)]
    path = tmp_path / "news.zip"
    with monkeypatch.context() as written:  # sizes and offsets past these go in zip64 records
        written.setattr(zipfile, "ZIP64_LIMIT", 300)
        written.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 5)
        path.write_bytes(zip_with_its_oddities(members))
    assert b"PK\x06\x06" in path.read_bytes()  # (the zip64 end record)
    with zipfile.ZipFile(path) as archive:  # (what zipfile reads of it, read as files are)
        read = [(info.filename, archive.read(info)) for info in archive.infolist()]
    expected = [(f"{path}/{name}", a.headline, a.body) for name, data in read for a in parse_file(data, name)]
    # The list read a few entries at a time: records that cross a chunk's end are read again.
    monkeypatch.setattr(ziplist, "_CHUNK", 150)
    results = parse(path)
    assert [(r.source.path, r.headline, r.body) for r in results if isinstance(r, Article)] == expected
    assert len(results) == len(members)


def test_a_damaged_zip_list_keeps_the_entries_before_the_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    members = [(f"{i}.txt", ARTICLE.replace("\n", f" ({i})\n", 1).encode()) for i in range(10)]
    data = bytearray(zipped(members))
    seventh = [at for at in range(len(data)) if data[at : at + 4] == b"PK\x01\x02"][6]
    data[seventh : seventh + 4] = b"PK\x09\x09"
    path = tmp_path / "news.zip"
    path.write_bytes(bytes(data))
    whole = parse(path)
    *articles, failure = whole
    assert [a.source.path for a in articles] == [f"{path}/{i}.txt" for i in range(6)]
    assert isinstance(failure, Failure) and failure.path == str(path)
    assert failure.error.reason == Reason.MALFORMED and "corrupt zip archive" in failure.error.message
    # Shared out among workers: the pieces before the damage, then one that holds it.
    monkeypatch.setattr(pieces, "PIECE_BYTES", 1000)
    monkeypatch.setattr(pieces, "ARCHIVE_CUT_FROM", 0)
    cut = list(split_dumps([str(path)], 10**6, Options()))
    assert len(cut) > 2 and all(pieces.PIECE in piece for piece in cut)
    assert dumped(list(parse_files(cut))) == dumped(whole)


def test_an_encrypted_zip_member_fails_alone(tmp_path: Path) -> None:
    members = [(f"{i}.txt", ARTICLE.replace("\n", f" ({i})\n", 1).encode()) for i in range(3)]
    data = bytearray(zipped(members))
    second = [at for at in range(len(data)) if data[at : at + 4] == b"PK\x01\x02"][1]
    data[second + 8] |= 1  # its entry's flag: encrypted
    path = tmp_path / "news.zip"
    path.write_bytes(bytes(data))
    first, failed, last = parse(path)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(failed, Failure) and failed.path == f"{path}/1.txt"
    assert failed.error.message == "cannot unpack it from the zip: it is encrypted"


def pipe_in(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def with_a_utf16_dump() -> list[tuple[str, bytes]]:
    """with_a_large_dump's members, the dump in UTF-16: its lines are not found by byte, so
    it is not cut (one worker reads it, and in a tar the rest of the tar)."""
    members = with_a_large_dump(60)
    members[1] = ("big/dump.jsonl", "\ufeff".encode("utf-16-le") + members[1][1].decode().encode("utf-16-le"))
    return members


PIPED = {  # archives to pipe in, and the --max-bytes to read them with
    "zip": (lambda: zipped(many_members(60)), 10_000),
    "tgz": (lambda: gzip.compress(tarred(many_members(60))), 10_000),
    "cut tgz": (lambda: cut_short(gzip.compress(tarred(many_members(60)))), 10_000),
    "zip, a dump not cut": (lambda: zipped(with_a_utf16_dump()), 2000),
    "tgz, a dump not cut": (lambda: gzip.compress(tarred(with_a_utf16_dump())), 2000),
}


@pytest.mark.parametrize("spooled", [False, True])
@pytest.mark.parametrize("name", list(PIPED))
def test_a_large_archive_piped_in_is_shared_out_among_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, spooled: bool
) -> None:
    """In a file that its pieces name, as a named archive's do: they give what one process
    reading standard input gives, named "-". Held in memory, it is copied to one; spooled
    to the disk (past STREAM_FROM), it is spooled to one, never copied again."""
    pack, max_bytes = PIPED[name]
    data = pack()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    if spooled:
        monkeypatch.setattr(streamed, "STREAM_FROM", 500)
        monkeypatch.setattr(pieces, "_named_copy", lambda *_: pytest.fail("copied again"))
    assert len(data) > 500
    pipe_in(monkeypatch, data)
    whole = list(parse_paths(["-"], max_bytes=max_bytes))
    assert not list(tmp_path.iterdir())
    monkeypatch.setattr(pieces, "PIECE_BYTES", 3000)
    monkeypatch.setattr(pieces, "ARCHIVE_CUT_FROM", 0)
    pipe_in(monkeypatch, data)
    cut = list(split_dumps(["-"], max_bytes, Options()))
    assert len(cut) > 1 and all(pieces.PIECE in piece and pieces.file_of(piece) == "-" for piece in cut)
    (copy,) = held_open_in(tmp_path) or list(tmp_path.iterdir())  # (on Linux it has no name)
    assert copy.read_bytes() == data
    sent = [pickle.loads(pickle.dumps(piece)) for piece in cut]  # as the workers get them
    assert dumped(list(parse_files(sent, max_bytes=max_bytes))) == dumped(whole)
    paths = [result.source.path if isinstance(result, Article) else result.path for result in whole]
    assert all(path.startswith("-/") for path in paths[:-1]) and paths[-1].startswith("-")


def test_a_piped_archives_copy_is_gone_when_the_run_ends(tmp_path: Path) -> None:
    data = zipped(many_members(160, size=30), zipfile.ZIP_STORED)
    assert len(data) > pieces.ARCHIVE_CUT_FROM
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    command = [sys.executable, "-m", "newsingest", "parse", "-", "-j"]
    env = {**os.environ, "TMPDIR": str(temporary)}
    one, two = (
        subprocess.run([*command, j], input=data, capture_output=True, env=env, timeout=120) for j in "12"
    )
    assert (one.returncode, two.returncode) == (0, 0), two.stderr
    assert one.stdout == two.stdout and len(two.stdout.splitlines()) == 160 + len(READ) + 1
    assert not list(temporary.iterdir())
