"""Dumps read a record at a time: JSON Lines and CSV larger than --max-bytes, and compressed ones."""

from __future__ import annotations

import bz2
import codecs
import csv
import functools
import gzip
import hashlib
import io
import json
import lzma
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest
import zstandard
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsingest import parallel
from newsingest.cli import cli
from newsingest.errors import InputError, Reason
from newsingest.formats import Options, pieces, streamed
from newsingest.formats.pieces import split_dumps
from newsingest.formats.records import json_elements, read_records, stream_records
from newsingest.models import Article
from newsingest.parallel import Runner
from newsingest.pipeline import Failure, parse_file, parse_files, parse_paths

from .conftest import dumped, examples


def record(index: int) -> dict[str, str]:
    return {
        "title": f"সেতু নিয়ে প্রতিবেদন {index}",
        "body": f"গতকাল বুধবার সেতুটি খুলে দেওয়া হয়।\nআগামী ১২ মার্চ দ্বিতীয় সেতুর কাজ শুরু হবে। ({index})",
        "date": "2024-02-15",
    }


RECORDS = [record(index) for index in range(40)]
JSONL = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in RECORDS).encode()


def as_csv(rows: list[dict[str, str]], delimiter: str = ",") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, ["title", "body", "date"], delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def parse(path: Path, max_bytes: int) -> list[Article | Failure]:
    return list(parse_paths([str(path)], max_bytes=max_bytes))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("dump.jsonl", JSONL),
        ("dump.json", JSONL),  # JSON Lines under a .json name, told by its content
        ("dump.csv", as_csv(RECORDS)),
        ("dump.tsv", as_csv(RECORDS, "\t")),
        ("dump.csv", b"\xef\xbb\xbf" + as_csv(RECORDS).replace(b"\r\n", b"\n")),
        ("dump.jsonl", "\ufeff".encode("utf-16-le") + JSONL.decode().encode("utf-16-le")),
    ],
)
def test_a_dump_over_max_bytes_reads_as_it_would_whole(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    whole = parse(path, len(data))
    assert len(whole) == 40 and all(isinstance(item, Article) for item in whole)
    assert dumped(parse(path, 1000)) == dumped(whole)  # source.bytes and sha256 are the file's


@pytest.mark.parametrize(
    "pack",
    [
        gzip.compress,
        bz2.compress,
        lzma.compress,
        zstandard.ZstdCompressor().compress,
        lambda data: gzip.compress(data[:5000]) + gzip.compress(data[5000:]),  # two members
    ],
)
def test_a_compressed_dump_is_decompressed_as_it_is_read(pack: Callable[[bytes], bytes]) -> None:
    packed = pack(JSONL)
    # Far below the decompressed size: a streamed dump is capped per record, not as a whole.
    results = list(parse_file(packed, "dump.jsonl.gz", options=Options(max_decompressed=1000)))
    assert outcomes(results) == outcomes(parse_file(JSONL, "dump.jsonl"))
    assert {(item.source.bytes, item.source.format) for item in results} == {(len(packed), "jsonl")}


def test_a_compressed_article_is_still_read_whole_within_its_cap() -> None:
    packed = gzip.compress(("শিরোনাম\n" + "দেহ " * 1000).encode())
    with pytest.raises(InputError) as caught:
        list(parse_file(packed, "a.txt.gz", options=Options(max_decompressed=1000)))
    assert caught.value.reason == Reason.DECOMPRESSED_TOO_LARGE


def test_an_overlong_json_line_fails_alone(tmp_path: Path) -> None:
    long = json.dumps({**record(1), "body": "দীর্ঘ লেখা। " * 500}, ensure_ascii=False)
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([json.dumps(record(0)), long, json.dumps(record(2))]) + "\n", encoding="utf-8")
    first, failure, last = parse(path, 2000)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert (first.source.record, last.source.record) == (0, 2)
    assert isinstance(failure, Failure) and failure.record == 1
    assert failure.error.reason == Reason.TOO_LARGE and "line 2" in failure.error.message


def test_an_overlong_csv_line_fails_only_its_record(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_bytes(as_csv([record(0), {**record(1), "body": "দীর্ঘ লেখা। " * 500}, record(2)]))
    first, failure, last = parse(path, 2000)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert (first.source.record, last.source.record) == (0, 2)
    assert isinstance(failure, Failure) and failure.record == 1
    assert failure.error.reason == Reason.TOO_LARGE and "line 4" in failure.error.message  # (2, 3: record 0)


@pytest.mark.parametrize(
    "body",
    [
        "দীর্ঘ লেখা। " * 500 + "\nশেষ লাইন",  # the long line opens the quoted body
        "প্রথম লাইন\n" + "দীর্ঘ লেখা। " * 500,  # ... closes it
        "প্রথম লাইন\n" + "দীর্ঘ লেখা। " * 500 + "\nশেষ লাইন",  # ... is inside it
        'তিনি বলেন, "দীর্ঘ লেখা। ' * 300 + "\nশেষ লাইন",  # ... holds quotes, doubled
    ],
)
def test_an_overlong_line_inside_a_quoted_csv_field_leaves_the_records_after_it_whole(
    tmp_path: Path, body: str
) -> None:
    failure = csv_record_failing_alone(tmp_path, body)
    assert failure.error.reason == Reason.TOO_LARGE


def test_a_csv_field_over_the_limit_across_short_lines_fails_only_its_record(tmp_path: Path) -> None:
    """Each line is short, but the quoted body they make is longer than --max-bytes: the csv
    reader gives up on it, and the lines up to its closing quote are read past."""
    failure = csv_record_failing_alone(tmp_path, "ছোট লাইন।\n" * 400)
    assert failure.error.reason == Reason.TOO_LARGE
    assert failure.error.message == "line 204: a field longer than --max-bytes (2,000 characters)"


def csv_record_failing_alone(tmp_path: Path, body: str) -> Failure:
    """The failure of record 1 of six, with `body`, in a CSV streamed with --max-bytes 2000,
    once the others are seen to read as they do when the file is read whole."""
    path = tmp_path / "dump.csv"
    rows = [record(0), {**record(1), "body": body}, *map(record, range(2, 6))]
    path.write_bytes(as_csv(rows))
    results = parse(path, 2000)
    assert len(results) == 6
    failure = results.pop(1)
    assert isinstance(failure, Failure) and failure.record == 1
    expected = [item for index, item in enumerate(parse_file(as_csv(rows), "dump.csv")) if index != 1]
    assert outcomes(results) == outcomes(expected)
    return failure


def test_a_line_with_a_bad_byte_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(JSONL * 10 + b'{"title": "\xff"}\n' + JSONL)
    results = parse(path, 1000)
    assert len(results) == 441
    failure = results.pop(400)
    assert all(isinstance(item, Article) for item in results)
    assert isinstance(failure, Failure) and (failure.record, failure.error.reason) == (400, Reason.ENCODING)
    assert failure.error.message == "line 401: not UTF-8: invalid byte 0xff"


def test_a_bad_byte_in_the_first_line_fails_only_it(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'{"title": "\xff"}\n' + JSONL)
    failure, *articles = parse(path, 1000)
    assert isinstance(failure, Failure) and (failure.record, failure.error.reason) == (0, Reason.ENCODING)
    assert len(articles) == 40 and all(isinstance(item, Article) for item in articles)


def test_corrupt_compressed_data_ends_the_file_after_the_records_before_it(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(JSONL * 30)[:-30])
    results = parse(path, 1_000_000)
    assert len(results) > 40 and all(isinstance(item, Article) for item in results[:-1])
    assert isinstance(results[-1], Failure) and results[-1].error.reason == Reason.MALFORMED
    assert "corrupt gzip data" in str(results[-1])


def test_other_formats_over_max_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("শিরোনাম\n" + "দেহ " * 1000, encoding="utf-8")
    (failure,) = parse(path, 1000)
    assert isinstance(failure, Failure) and failure.error.reason == Reason.TOO_LARGE
    assert "only JSON Lines, CSV and JSON dumps" in failure.error.message


def test_the_cli_streams_a_dump_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(JSONL)
    result = CliRunner().invoke(cli, ["parse", str(path), "--max-bytes", "1000"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["source"]["record"] for line in result.stdout.splitlines()] == list(range(40))


@pytest.mark.parametrize(
    ("fmt", "line_end"),
    [("jsonl", "\n"), ("jsonl", "\r\n"), ("csv", "\n"), ("csv", "\r\n"), ("csv", "\r")],
)
def test_stream_records_reads_what_read_records_reads(fmt: str, line_end: str) -> None:
    text = (JSONL if fmt == "jsonl" else as_csv(RECORDS)).decode().replace("\r\n", "\n")
    text = (text + "\n\n").replace("\n", line_end)  # blank lines are no records
    lines = list(io.StringIO(text, newline="\n"))  # as the stream gives them: ended by \n alone
    streamed = list(stream_records(lines, text[:100], fmt, Options(), tabs=False, max_field=1000))
    assert streamed == list(read_records(text, fmt, Options()))
    assert len(streamed) == 40 and all(item.error is None for item in streamed)


FIELD = st.text(st.sampled_from("কখ ১২ অক্টোবর,\"'\n\r\t\\{}\u2028\x85a"), max_size=12)


@settings(max_examples=examples(100), deadline=None)
@given(
    st.lists(st.fixed_dictionaries({"title": FIELD, "body": FIELD}), min_size=1, max_size=6),
    st.sampled_from(["jsonl", "csv"]),
    st.sampled_from(["\n", "\r\n"]),
)
def test_any_dump_reads_streamed_as_it_reads_whole(rows: list[dict[str, str]], fmt: str, end: str) -> None:
    if fmt == "jsonl":
        text = "".join(json.dumps(row, ensure_ascii=False) + end for row in rows)
    else:
        out = io.StringIO(newline="")
        writer = csv.DictWriter(out, ["title", "body"], lineterminator=end)
        writer.writeheader()
        writer.writerows(rows)
        text = out.getvalue()
    data = text.encode()
    streamed_from = max(1, len(data) - 1)  # over --max-bytes: streamed
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"dump.{fmt}"
        path.write_bytes(data)
        packed = Path(folder) / f"dump.{fmt}.gz"
        packed.write_bytes(gzip.compress(data))
        whole = dumped(parse(path, len(data)))
        assert dumped(parse(path, streamed_from)) == whole
        # Cut into pieces of a line or two for the workers (JSON Lines only), plain or compressed.
        piece_bytes, pieces.PIECE_BYTES = pieces.PIECE_BYTES, 40
        try:
            for dump in (path, packed):
                cut = list(split_dumps([str(dump)], streamed_from, Options()))
                in_pieces = list(parse_files(cut, max_bytes=streamed_from))
                assert dumped(in_pieces) == dumped(parse(dump, streamed_from))
        finally:
            pieces.PIECE_BYTES = piece_bytes
    in_memory = parse_file(gzip.compress(data), f"dump.{fmt}.gz")
    assert outcomes(in_memory) == outcomes(parse_file(data, f"dump.{fmt}"))


# A field of a few words, now and then with a run that passes LIMIT: as one line, or as
# short lines.
LONG_FIELD = st.builds(
    lambda text, run, tail: text + run + tail,
    st.text(st.sampled_from("কখ ১২,\"\na"), max_size=10),
    st.sampled_from(["", "", "ক" * 20, "ক" * 40, "কখ\n" * 35]),
    st.text(st.sampled_from("কখ,\"\n"), max_size=6),
)
LIMIT = 90  # --max-bytes: 30 Bengali letters


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries({"title": LONG_FIELD.map("খবর ".__add__), "body": LONG_FIELD}),
        min_size=1,
        max_size=8,
    )
)
def test_a_streamed_csv_fails_only_the_records_over_the_limit(rows: list[dict[str, str]]) -> None:
    """Whatever its quoting, a record with a line over --max-bytes, or a field over it, fails
    alone; every other record reads as it does when the file is read whole."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, ["title", "body"], lineterminator="\n")
    writer.writeheader()
    data = out.getvalue().encode()
    over: list[bool] = []
    for row in rows:
        line = io.StringIO(newline="")
        csv.DictWriter(line, ["title", "body"], lineterminator="\n").writerow(row)
        written = line.getvalue().encode()
        data += written
        too_long = any(len(part) > LIMIT for part in written.split(b"\n"))
        over.append(too_long or any(len(value) > LIMIT for value in row.values()))
    whole = list(parse_file(data, "dump.csv"))
    assert len(whole) == len(rows)  # (no row is empty: none is passed over)
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(streamed, "STREAM_FROM", 0)  # a record at a time, however small
        path = Path(folder) / "dump.csv"
        path.write_bytes(data)
        results = parse(path, LIMIT)
    assert len(results) == len(rows)
    for result, expected, too_large in zip(results, whole, over, strict=True):
        if too_large:
            assert isinstance(result, Failure) and result.error.reason == Reason.TOO_LARGE
        else:
            assert outcomes([result]) == outcomes([expected])


def outcomes(results: Iterable[Article | Failure]) -> list[object]:
    """What each result says, but for where it was read from; then why the file failed, if it did."""
    said: list[object] = []
    try:
        for item in results:
            failed = isinstance(item, Failure)
            said.append((item.record, item.error.message) if failed else item.model_dump(exclude={"source"}))
    except InputError as error:
        said.append(error.message)
    return said


def pieces_of(path: Path, max_bytes: int = 10_000) -> list[str]:
    return list(split_dumps([str(path)], max_bytes, Options()))


_EXTENSIONS = [".txt", ".TXT", ".jsonl", ".Json", ".csv", ".html", ".gz", ".GZ", ".zst", ".zip", ".tgz", "."]
_NAMES = st.tuples(
    st.sampled_from(["a", "খবর", ".", "..", "a.b", ""]), st.lists(st.sampled_from(_EXTENSIONS), max_size=3)
).map(lambda parts: "in/" + parts[0] + "".join(parts[1]))


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_NAMES, max_size=12), st.sampled_from(["auto", "text", "jsonl", "csv", "html"]))
@example(["in/a.txt.gz", "in/a.jsonl.gz"], "auto")
@example(["in/a", "in/.zip"], "text")
@example([pieces.PIECE.join(["in/dump", "r", "0", "9", "copy.jsonl"]), "in/b.jsonl"], "auto")  # a piece
def test_a_file_is_cut_or_passed_on_by_its_own_name(names: list[str], form: str) -> None:
    """split_dumps passes a file on as it is by its extension once it has seen another file
    with it (.txt): each file still goes where its own name sends it, an archive to be shared
    out, a dump to be cut, or on as it is."""
    options = Options(format=form)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pieces, "_cut_archive", lambda path: True)
        for stage in ("_pieces", "_archive_pieces"):
            patch.setattr(pieces, stage, lambda path, *_, stage=stage: [f"{path}>{stage}"])
        got = list(split_dumps(names, 1000, options))

    def expected(name: str) -> str:
        if pieces.is_archive(name):
            return f"{name}>_archive_pieces"
        return f"{name}>_pieces" if pieces._may_be_cut(name, options) else name

    assert got == [expected(name) for name in names]


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of about 2 KB (forked workers inherit it)."""
    monkeypatch.setattr(pieces, "PIECE_BYTES", 2000)


@pytest.mark.usefixtures("small_pieces")
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_the_pieces_of_a_dump_read_as_the_dump_does(tmp_path: Path, bom: bytes) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(odd_dump(bom))
    cut = pieces_of(path, max_bytes=2000)
    assert len(cut) > 4 and all(piece.startswith(f"{path}\x00") for piece in cut)
    whole = dumped(parse(path, 2000))
    assert dumped(list(parse_files(cut, max_bytes=2000))) == whole
    assert len(whole) == 44 and sum(item.startswith("{") for item in whole) == 40  # 4 failed


def odd_dump(bom: bytes = b"", noise: bool = False) -> bytes:
    """A dump with, among its records, lines that are no records (whitespace to str.strip),
    records that fail (not UTF-8, no body, not an object) and one longer than 2,000 bytes.
    With `noise`, its records hold random bytes too, so that it compresses to over 2 KB."""
    rows = [{**item, "noise": os.urandom(60).hex()} if noise else item for item in RECORDS]
    lines = [json.dumps(item, ensure_ascii=False).encode() for item in rows]
    odd = [b"", b"  \r", "\u3000\u2028".encode(), b"\x1c\x1f", b"\xff{}", b'{"title": "x"}', b"[]"]
    for position, line in zip(range(3, 40, 5), odd, strict=False):
        lines.insert(position, line)
    lines.insert(20, json.dumps({**record(99), "body": "দীর্ঘ " * 400}, ensure_ascii=False).encode())
    return bom + b"\n".join(lines) + b"\r\n"


@pytest.mark.usefixtures("small_pieces")
@pytest.mark.parametrize(
    "pack",
    [gzip.compress, bz2.compress, lzma.compress, zstandard.ZstdCompressor().compress],
    ids=["gzip", "bzip2", "xz", "zstd"],
)
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_the_pieces_of_a_compressed_dump_read_as_the_dump_does(
    tmp_path: Path, pack: Callable[[bytes], bytes], bom: bytes
) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(pack(odd_dump(bom, noise=True)))  # over --max-bytes: a bad byte fails its line
    cut = pieces_of(path, max_bytes=2000)
    assert len(cut) > 4 and all(piece.startswith(f"{path}\x00\x00") for piece in cut)  # lines carried
    whole = dumped(parse(path, 2000))
    assert dumped(list(parse_files(cut, max_bytes=2000))) == whole
    assert len(whole) == 44 and sum(item.startswith("{") for item in whole) == 40
    sent = [pickle.loads(pickle.dumps(piece, pickle.HIGHEST_PROTOCOL)) for piece in cut]  # to a worker
    assert sent == cut and dumped(list(parse_files(sent, max_bytes=2000))) == whole


@pytest.mark.usefixtures("small_pieces")
def test_the_pieces_of_a_corrupt_compressed_dump_fail_as_it_does(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(JSONL * 30)[:-30])
    whole = dumped(parse(path, 5000))
    assert "corrupt gzip data" in whole[-1]
    assert dumped(list(parse_files(pieces_of(path, 5000), max_bytes=5000))) == whole


@pytest.mark.usefixtures("small_pieces")
def test_files_that_are_not_cut(tmp_path: Path) -> None:
    small = tmp_path / "small.jsonl"  # read whole, where pieces could differ
    small.write_bytes(JSONL[:10_000])
    bad = tmp_path / "bad.jsonl.gz"  # the same: within --max-bytes and not UTF-8 at the start
    bad.write_bytes(gzip.compress(odd_dump()))
    packed = tmp_path / "article.txt.gz"
    packed.write_bytes(gzip.compress(JSONL))
    quoted = tmp_path / "quoted.csv"  # a quote in the header: not cut
    quoted.write_bytes(b'"title",body\n' + as_csv(RECORDS * 3).split(b"\n", 1)[1])
    odd = tmp_path / "odd.jsonl"  # a line that may be whitespace past what is read to tell
    odd.write_bytes("\u3000".encode() * 400_000 + b"\n" + JSONL)
    numbers = tmp_path / "numbers.json"  # an array that begins with no record: not cut
    numbers.write_bytes(json_array([1, *RECORDS * 3]))
    corrupt_array = tmp_path / "dump.json.gz"  # corrupt: decompressed by one worker
    corrupt_array.write_bytes(gzip.compress(json_array(RECORDS * 3))[:-30])
    for path in (small, bad, packed, quoted, odd, numbers, corrupt_array):
        assert pieces_of(path) == [str(path)]


@pytest.mark.usefixtures("small_pieces")
def test_past_a_line_that_cannot_be_told_the_rest_is_one_piece(tmp_path: Path) -> None:
    """Whether a line of whitespace past what is read to tell makes a record is not known,
    and so neither is where the records after it are counted from: the pieces before it
    stand, and the rest of the file is one piece."""
    path = tmp_path / "odd.jsonl"
    odd = "\u3000".encode() * 400_000 + b"\n"
    path.write_bytes(JSONL + odd + JSONL)
    cut = pieces_of(path, max_bytes=2000)
    offsets = [tuple(map(int, piece.split("\x00")[1:3])) for piece in cut]
    assert len(cut) > 3 and offsets[-1] == (offsets[-2][1], path.stat().st_size)
    assert offsets[-1][0] <= len(JSONL) < offsets[-1][1] - len(odd)  # (the odd line inside)
    assert dumped(list(parse_files(cut, max_bytes=2000))) == dumped(parse(path, 2000))


@pytest.mark.parametrize("name", ["dump.jsonl", "dump.json", "dump.csv"])
def test_pieces_are_handed_out_as_they_are_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The workers begin on a large file's first pieces while the rest is still being cut."""
    path = tmp_path / name
    rows = RECORDS * 300  # ~3 MB: a dozen pieces, and a few of the cutting's reads
    dumps = {"dump.jsonl": JSONL * 300, "dump.json": json_array(rows), "dump.csv": as_csv(rows)}
    path.write_bytes(dumps[name])
    opened: list[BinaryIO] = []

    def recording_open(*args: Any, **kwargs: Any) -> BinaryIO:
        opened.append(open(*args, **kwargs))  # noqa: SIM115
        return opened[-1]

    monkeypatch.setattr(pieces, "open", recording_open, raising=False)
    handed_out = split_dumps([str(path)], 5000, Options())
    next(handed_out)
    cut_so_far = opened[-1].tell()
    assert len(list(handed_out)) > 5 and opened[-1].closed
    assert cut_so_far < path.stat().st_size // 2


@pytest.mark.usefixtures("small_pieces")
@pytest.mark.parametrize(
    "name", ["dump.jsonl", "dump.jsonl.gz", "dump.json", "dump.json.gz", "dump.csv", "dump.csv.gz"]
)
def test_workers_share_out_one_dump(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    dumps = {"dump.json": json_array(RECORDS * 5), "dump.csv": as_csv(RECORDS * 5)}
    dumps["dump.csv.gz"] = gzip.compress(dumps["dump.csv"])
    dumps["dump.json.gz"] = gzip.compress(dumps["dump.json"])
    path.write_bytes(dumps.get(name) or (gzip.compress(JSONL * 5) if name.endswith(".gz") else JSONL * 5))
    one = CliRunner().invoke(cli, ["parse", str(path), "-j", "1", "--max-bytes", "5000"])
    stats = ["--stats", str(tmp_path / "stats.json")]
    two = CliRunner().invoke(cli, ["parse", str(path), "-j", "2", "--max-bytes", "5000", *stats])
    assert one.exit_code == two.exit_code == 0, two.output
    assert two.stdout == one.stdout and len(one.stdout.splitlines()) == 200
    assert json.loads((tmp_path / "stats.json").read_text())["files"] == 1


def test_pieces_reach_workers_through_small_pipes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the kernel keeps pipes small (past /proc/sys/fs/pipe-user-pages-soft, a user's
    new pipes get one page), pieces far larger than a pipe still reach the workers while
    their results are read: handed over whole, one stalled the run for good."""
    import signal

    monkeypatch.setattr(parallel, "_PIPE_BYTES", 4096)
    monkeypatch.setattr(pieces, "PIECE_BYTES", 50_000)
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(JSONL * 40))
    one = CliRunner().invoke(cli, ["parse", str(path), "-j", "1"])

    def stalled(*_: object) -> None:
        raise TimeoutError("the run stalled")

    previous = signal.signal(signal.SIGALRM, stalled)
    signal.alarm(60)
    try:
        two = CliRunner().invoke(cli, ["parse", str(path), "-j", "2"])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert two.exit_code == one.exit_code == 0, two.output
    assert two.stdout == one.stdout and len(one.stdout.splitlines()) == 40 * len(RECORDS)


@settings(max_examples=examples(300), deadline=None)
@given(st.binary(max_size=12) | st.text("\u3000\u2028\x1c\x85 \t\r{}a\x00", max_size=8).map(str.encode))
def test_a_line_is_counted_a_record_as_the_reader_counts_it(line: bytes) -> None:
    line = line.replace(b"\n", b"") + b"\n"
    said = pieces._is_record(line, 8)
    plan = streamed.Plan("jsonl", None, "utf-8", "", tabs=False)
    lines = streamed.utf8_lines(io.BytesIO(line), 8, plan, skip_bom=False)
    read = list(stream_records(lines, "", "jsonl", Options(), tabs=False, max_field=8))
    assert said is None or said == bool(read)


def _parse_or_die_on_record_77(paths: list[str]) -> Iterator[Article | Failure]:
    """parse_files, but its worker is killed on record 77: once (a marker file beside the
    dump says it happened), or every time when the marker is a folder."""
    marker = Path(paths[0].split("\x00")[0]).parent / "died"
    for result in parse_files(paths, max_bytes=5000):
        if isinstance(result, Article) and result.source.record == 77 and not marker.is_file():
            if not marker.exists():
                marker.write_text("once")
            os._exit(9)
        yield result


@pytest.mark.usefixtures("small_pieces")
@pytest.mark.parametrize("always", [False, True], ids=["once", "always"])
def test_a_worker_that_dies_on_a_piece_costs_at_most_that_piece(tmp_path: Path, always: bool) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(JSONL * 5)
    if always:
        (tmp_path / "died").mkdir()
    one = list(Runner(functools.partial(parse_files, max_bytes=5000), jobs=1).run([str(path)]))
    split = functools.partial(split_dumps, max_bytes=5000, options=Options())
    two = list(Runner(_parse_or_die_on_record_77, jobs=2, split=split).run([str(path)]))
    if not always:
        assert two == one
        return
    (failure,) = [item for item in two if isinstance(item, Failure)]
    assert failure.path == str(path) and failure.error.reason == Reason.INTERNAL
    first = int(failure.error.message.rsplit(" ", 1)[1])  # "...: the piece of it from record N"
    records = [json.loads(item)["source"]["record"] for item in two if isinstance(item, bytes)]
    last = first + 200 - 1 - len(records)  # the piece's last record
    assert first <= 77 <= last and records == [*range(first), *range(last + 1, 200)]
    assert len(one) == 200


def test_standard_input_over_max_bytes_is_streamed_too(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(JSONL)
    piped = CliRunner().invoke(cli, ["parse", "-", "--max-bytes", "1000"], input=JSONL)
    read = CliRunner().invoke(cli, ["parse", str(path), "--max-bytes", "1000"])
    assert piped.exit_code == read.exit_code == 0, piped.output
    assert piped.stdout == read.stdout.replace(json.dumps(str(path)), '"-"')


def test_standard_input_over_max_bytes_of_another_format_is_refused() -> None:
    page = "<html><body>" + "<p>সেতু নিয়ে প্রতিবেদন</p>" * 100 + "</body></html>"
    result = CliRunner().invoke(cli, ["parse", "-", "--max-bytes", "1000"], input=page.encode())
    assert result.exit_code == 1 and not result.stdout
    assert "-: larger than --max-bytes (1,000 bytes); only JSON Lines, CSV and JSON" in result.stderr


@pytest.mark.usefixtures("small_pieces")
def test_a_dump_over_stream_from_is_streamed_within_max_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(JSONL * 10 + b'{"title": "\xff"}\n' + JSONL)  # the bad byte past the start
    whole = parse(path, 10**9)  # read whole, its lines decoded alone once the file is not UTF-8
    assert pieces_of(path, 10**9) == [str(path)]
    monkeypatch.setattr(streamed, "STREAM_FROM", 20_000)
    streamed_results = parse(path, 10**9)
    assert len(streamed_results) == 441 and streamed_results[400].record == 400  # the line alone
    assert dumped(streamed_results) == dumped(whole)
    assert len(pieces_of(path, 10**9)) > 1  # and --jobs cuts it


def test_a_dump_within_max_bytes_that_does_not_start_as_utf8_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(streamed, "STREAM_FROM", 1000)
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'{"title": "\xff"}\n' + JSONL)
    failure, *articles = parse(path, 10**9)
    assert isinstance(failure, Failure) and (failure.record, failure.error.reason) == (0, Reason.ENCODING)
    assert len(articles) == 40 and all(isinstance(item, Article) for item in articles)
    assert pieces_of(path, 10**9) == [str(path)]


@pytest.mark.parametrize(
    ("name", "data", "line"),
    [
        ("dump.jsonl", JSONL, 3),
        ("dump.jsonl.gz", JSONL, 3),
    ],
)
def test_a_stray_byte_fails_only_its_record_in_a_dump_read_whole(
    tmp_path: Path, name: str, data: bytes, line: int
) -> None:
    """A dump small enough to be read whole is not lost to one bad byte: the line holding it
    fails, with its record index, and every other record is read as from the clean file."""
    lines = data.splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].replace("প্রতিবেদন".encode(), b"\xff", 1)
    broken = b"".join(lines)
    path = tmp_path / name
    path.write_bytes(gzip.compress(broken) if name.endswith(".gz") else broken)
    results = parse(path, 10**9)
    assert len(results) == 40
    failure = results.pop(2)
    assert isinstance(failure, Failure) and (failure.record, failure.error.reason) == (2, Reason.ENCODING)
    assert failure.error.message == f"line {line}: not UTF-8: invalid byte 0xff"
    clean = [item for index, item in enumerate(parse_file(data, name.removesuffix(".gz"))) if index != 2]
    assert outcomes(results) == outcomes(clean)


@pytest.mark.parametrize("streamed_from", [None, 1000])  # read whole, and a record at a time
def test_a_stray_byte_in_a_csv_dump_fails_only_the_record_it_is_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed_from: int | None
) -> None:
    """A CSV record may run over several lines (these bodies do): the bad byte's line is
    read with the byte escaped, and the record the csv reader makes of it fails alone."""
    if streamed_from is not None:
        monkeypatch.setattr(streamed, "STREAM_FROM", streamed_from)
    lines = as_csv(RECORDS).splitlines(keepends=True)
    lines[4] = lines[4].replace("দ্বিতীয়".encode(), b"\xfe", 1)  # record 1's second line (record 0: 2-3)
    path = tmp_path / "dump.csv"
    path.write_bytes(b"".join(lines))
    results = parse(path, 10**9)
    assert len(results) == 40
    failure = results.pop(1)
    assert isinstance(failure, Failure) and (failure.record, failure.error.reason) == (1, Reason.ENCODING)
    assert failure.error.message == "line 5: not UTF-8: invalid byte 0xfe"
    clean = [item for index, item in enumerate(parse_file(as_csv(RECORDS), "dump.csv")) if index != 1]
    assert outcomes(results) == outcomes(clean)


def test_a_stray_byte_in_a_csv_header_fails_the_file(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_bytes(as_csv(RECORDS).replace(b"title", b"ti\xfftle", 1))
    (failure,) = parse(path, 10**9)
    assert isinstance(failure, Failure) and failure.record is None
    assert failure.error.reason == Reason.ENCODING
    assert failure.error.message == "line 1: not UTF-8: invalid byte 0xff"


def test_a_dump_in_another_encoding_fails_as_a_whole(tmp_path: Path) -> None:
    """When most of a dump's lines are not UTF-8, it is in some other encoding: one error for
    the file, not one per record."""
    path = tmp_path / "dump.jsonl"
    lines = [f'{{"title": "Café {i}", "body": "Été {i}"}}\n' for i in range(20)]
    path.write_bytes("".join(lines).encode("cp1252"))
    (failure,) = parse(path, 10**9)
    assert isinstance(failure, Failure) and failure.record is None
    assert failure.error.reason == Reason.ENCODING and "invalid byte 0xe9" in failure.error.message


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("streamed_from", [None, 1000])  # read whole, and a record at a time
def test_a_bad_code_unit_in_utf16_fails_only_its_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, streamed_from: int | None
) -> None:
    """UTF-16 text is full of NUL bytes: with its byte order mark it is named for what it is,
    and a code unit that is no character (a lone surrogate) fails the record it is in."""
    if streamed_from is not None:
        monkeypatch.setattr(streamed, "STREAM_FROM", streamed_from)
    text = (JSONL if fmt == "jsonl" else as_csv(RECORDS)).decode()
    lines = text.splitlines(keepends=True)
    bad_line = 3 if fmt == "jsonl" else 6  # record 2's (first) line; the CSV has a header, two lines a record
    lines[bad_line - 1] = lines[bad_line - 1].replace("সেতু", "সে\ud800তু", 1)
    path = tmp_path / f"dump.{fmt}"
    path.write_bytes(codecs.BOM_UTF16_LE + "".join(lines).encode("utf-16-le", errors="surrogatepass"))
    results = parse(path, 10**9)
    assert len(results) == 40
    failure = results.pop(2)
    assert isinstance(failure, Failure) and (failure.record, failure.error.reason) == (2, Reason.ENCODING)
    assert failure.error.message == f"line {bad_line}: not UTF-16 text: a lone surrogate (U+D800)"
    clean = [item for index, item in enumerate(parse_file(text.encode(), f"dump.{fmt}")) if index != 2]
    assert outcomes(results) == outcomes(clean)


def json_array(rows: list[Any], indent: int | None = None) -> bytes:
    return json.dumps(rows, ensure_ascii=False, indent=indent).encode()


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries({"title": FIELD, "body": FIELD})
        | st.sampled_from([1, "কথা", None, [], ["[", "]"], {"title": "ক", "body": '"{[\\"}]'}]),
        max_size=6,
    ),
    st.sampled_from([None, 0, 2]),
    st.integers(1, 40),
)
def test_a_json_array_reads_streamed_as_it_reads_whole(
    rows: list[Any], indent: int | None, read: int
) -> None:
    """Whatever its layout, and however the text falls into the pieces it is read in."""
    data = json_array(rows, indent)
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(streamed, "STREAM_FROM", 0)
        patch.setattr(streamed, "JSON_READ", read)
        path = Path(folder) / "dump.json"
        path.write_bytes(data)
        results = parse(path, 10**6)
    assert outcomes(results) == outcomes(parse_file(data, "dump.json"))


# Elements that are not JSON, with their brackets and quotes balanced: each fails alone.
BROKEN = ['{"title": "ক",}', "[1 2]", '{"title" "ক"}', "tru", '{"a": [1, {"b": "]\\""}],,}', "-"]


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["good", "broken", "long"]), FIELD, st.sampled_from(BROKEN)),
        min_size=1,
        max_size=6,
    ),
    st.integers(1, 40),
)
def test_a_broken_or_long_json_record_fails_alone(elements: list[tuple[str, str, str]], read: int) -> None:
    """Each element fails or reads as it would in an array of the good ones alone."""
    texts, good = [], []
    for kind, body, broken in elements:
        row = {"title": "শিরোনাম", "body": body + ("ক" * 200 if kind == "long" else "")}
        texts.append(broken if kind == "broken" else json.dumps(row, ensure_ascii=False))
        good += [row] if kind == "good" else []
    data = ("[" + ",\n".join(texts) + "]").encode()
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(streamed, "STREAM_FROM", 0)
        patch.setattr(streamed, "JSON_READ", read)
        path = Path(folder) / "dump.json"
        path.write_bytes(data)
        results = parse(path, 150)
    assert len(results) == len(elements)
    expected = iter(outcomes(parse_file(json_array(good), "dump.json")))
    for result, (kind, _, _) in zip(results, elements, strict=True):
        if kind == "good":
            said, wanted = outcomes([result])[0], next(expected)
            if isinstance(said, tuple):  # a failure: its record's index differs, its message not
                said, wanted = said[1], wanted[1]
            assert said == wanted
        else:
            reason = Reason.MALFORMED if kind == "broken" else Reason.TOO_LARGE
            assert isinstance(result, Failure) and result.error.reason == reason


@pytest.mark.parametrize("size", [1, 7, 1 << 20])
def test_json_elements_are_cut_from_any_pieces(size: int) -> None:
    rows = [{"title": 'a "quoted" [word]', "body": "x\\y}{,"}, [1, [2, {"k": "]"}]], "s", 12345, None]
    text = json.dumps(rows, indent=1)
    chunks = [text[i : i + size] for i in range(0, len(text), size)]
    assert list(json_elements(chunks, 10**6)) == rows


def test_a_json_record_over_max_bytes_or_broken_fails_alone(tmp_path: Path) -> None:
    long = {**record(1), "body": "দীর্ঘ লেখা। " * 500}
    text = json_array([record(0), long, record(2)]).decode()
    text = text.replace('"title": "সেতু নিয়ে প্রতিবেদন 2",', '"title": "সেতু নিয়ে প্রতিবেদন 2",,', 1)
    text = text[:-1] + ", " + json.dumps(record(3), ensure_ascii=False) + "]"
    path = tmp_path / "dump.json"
    path.write_text(text, encoding="utf-8")
    first, too_long, broken, last = parse(path, 2000)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert (first.source.record, last.source.record) == (0, 3)
    assert isinstance(too_long, Failure) and (too_long.record, too_long.error.reason) == (1, Reason.TOO_LARGE)
    assert isinstance(broken, Failure) and (broken.record, broken.error.reason) == (2, Reason.MALFORMED)
    assert broken.error.message.startswith("invalid JSON: Expecting property name")


def test_a_bad_byte_in_a_json_array_fails_its_record(tmp_path: Path) -> None:
    elements = [json.dumps(record(index), ensure_ascii=False).encode() for index in range(3)]
    elements[1] = elements[1].replace("প্রতিবেদন".encode(), b"\xff", 1)
    path = tmp_path / "dump.json"
    path.write_bytes(b"[" + b", ".join(elements) + b"]")
    first, failure, last = parse(path, 300)  # (over --max-bytes: a bad byte in its start is no sign of Bijoy)
    assert isinstance(first, Article) and isinstance(last, Article) and last.source.record == 2
    assert isinstance(failure, Failure) and (failure.record, failure.error.reason) == (1, Reason.ENCODING)
    assert failure.error.message == "not in the file's encoding: a stray byte or code unit (U+DCFF)"


def test_a_json_array_cut_short_ends_after_its_whole_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(streamed, "STREAM_FROM", 0)
    path = tmp_path / "dump.json"
    path.write_bytes(json_array([record(0), record(1), record(2)])[:-40])
    *articles, cut, end = parse(path, 10**6)
    assert [item.source.record for item in articles] == [0, 1]
    assert isinstance(cut, Failure) and cut.record == 2
    assert isinstance(end, Failure) and end.record is None and end.error.reason == Reason.MALFORMED
    assert "the array ends after record 2" in end.error.message


# What may stand between the elements of an array: what a writer puts there, and now and
# then what no writer should (an empty element, something that is no JSON).
SEPARATORS = st.sampled_from([",", ", ", ",\n", ",\r\n  ", ",", ",,", " x,", "\n"])
# Elements: records (their fields full of quotes, backslashes and brackets), a record too
# long, records with a stray byte, strings ending in backslashes, and what no reader makes
# a record of.
ROW = st.fixed_dictionaries({"title": FIELD, "body": FIELD})
ELEMENT = (
    ROW.map(functools.partial(json.dumps, ensure_ascii=False))
    | st.just(json.dumps({"title": "শিরোনাম", "body": "ক" * 60}, ensure_ascii=False))
    | st.sampled_from(BROKEN)
    | st.sampled_from(['"\\\\"', '"a\\"b\\\\"', '["\\\\", "]"]', "12", "null", '{"title": "\x00ক"}'])
).map(str.encode) | st.just(b'{"title": "\xff", "body": "\xe0\xa6"}')


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(st.tuples(ELEMENT, SEPARATORS), min_size=1, max_size=8),
    st.sampled_from([b"", b"\xef\xbb\xbf", b" \n"]),
    st.sampled_from([b"]", b"]\n", b"] x", b"", b",]"]),
    st.integers(1, 120),
    st.integers(1, 9),
)
def test_the_pieces_of_a_json_array_read_as_the_array_does(
    elements: list[tuple[bytes, str]], start: bytes, end: bytes, piece_bytes: int, read: int
) -> None:
    """Whatever stands in the array and between its elements, wherever it is cut and however
    it falls into the blocks the cuts are looked for in: the pieces' records, and how the
    file ends, are the whole array's."""
    body = b"".join(element + separator.encode() for element, separator in elements)
    data = start + b"[" + body[: -len(elements[-1][1])] + end
    assert_pieces_read_as_the_file("dump.json", data, 100, piece_bytes, read)


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(st.tuples(ELEMENT, SEPARATORS), min_size=1, max_size=12),
    st.sampled_from([b"", b"\xef\xbb\xbf"]),
    st.sampled_from([b"]", b"]\n", b"] x", b""]),
    st.integers(1, 120),
    st.sampled_from([1, 7, 1 << 20]),
    st.sampled_from([0, 0, 20]),
)
def test_the_pieces_of_a_compressed_json_array_read_as_the_array_does(
    elements: list[tuple[bytes, str]], start: bytes, end: bytes, piece_bytes: int, read: int, cut_short: int
) -> None:
    """A compressed array's pieces carry their elements, or past where it is no longer cut
    read the rest from the file; a corrupt one is not cut: they give what the whole gives."""
    body = b"".join(element + separator.encode() for element, separator in elements)
    packed = gzip.compress(start + b"[" + body[: -len(elements[-1][1])] + end, mtime=0)
    assert_pieces_read_as_the_file("dump.json.gz", packed[: len(packed) - cut_short], 100, piece_bytes, read)


def assert_pieces_read_as_the_file(
    name: str, data: bytes, max_bytes: int, piece_bytes: int, read: int
) -> None:
    """The pieces of a dump over `max_bytes` (of `piece_bytes`, looked for `read` bytes at a
    time) give what the dump gives, failures, their records and messages alike."""
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(streamed, "STREAM_FROM", 0)
        patch.setattr(pieces, "PIECE_BYTES", piece_bytes)
        patch.setattr(streamed, "READ_SIZE", read)
        path = Path(folder) / name
        path.write_bytes(data)
        whole = dumped(parse(path, max_bytes))
        cut = pieces_of(path, max_bytes)
        assert dumped(list(parse_files(cut, max_bytes=max_bytes))) == whole


@pytest.mark.usefixtures("small_pieces")
def test_a_json_array_is_cut_between_its_records(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_bytes(json_array(RECORDS * 3, indent=2))
    cut = pieces_of(path, max_bytes=2000)
    assert len(cut) > 4
    starts = [int(piece.split("\x00")[1]) for piece in cut]
    data = path.read_bytes()
    assert starts[0] == 0 and all(data[at - 1 : at] == b"," for at in starts[1:])
    whole = dumped(parse(path, 2000))
    assert len(whole) == 120 and dumped(list(parse_files(cut, max_bytes=2000))) == whole


@pytest.mark.usefixtures("small_pieces")
def test_a_compressed_json_array_is_cut_between_its_records(tmp_path: Path) -> None:
    """Pieces carry their elements; where a number among them stops the cutting, the rest
    (larger than two pieces) is read from the file, decompressed up to it."""
    rows: list[Any] = list(RECORDS * 3)
    for name, elements, rest in (("dump", rows, False), ("numbers", [*rows[:20], 7, *rows[20:]], True)):
        path = tmp_path / f"{name}.json.gz"
        path.write_bytes(gzip.compress(json_array(elements, indent=2)))
        cut = pieces_of(path, max_bytes=2000)
        assert len(cut) > 1 and isinstance(cut[0], pieces.CarriedPiece)
        assert isinstance(cut[-1], pieces.CarriedPiece) is not rest
        whole = dumped(parse(path, 2000))
        assert len(whole) == 120 + rest and dumped(list(parse_files(cut, max_bytes=2000))) == whole


@pytest.mark.usefixtures("small_pieces")
def test_an_array_named_otherwise_is_cut_when_its_format_is_given(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(json_array(RECORDS * 3))
    cut = list(split_dumps([str(path)], 2000, Options(format="json")))
    assert len(cut) > 4
    whole = list(parse_paths([str(path)], max_bytes=2000, options=Options(format="json")))
    assert dumped(list(parse_files(cut, max_bytes=2000, options=Options(format="json")))) == dumped(whole)
    assert len(whole) == 120 and list(split_dumps([str(path)], 2000, Options())) == [str(path)]


# Lines of a CSV as no writer writes them: quotes where the csv module reads them as
# characters, text after a closing quote, blank and empty rows, a bare "\r", a NUL, a stray
# byte, a line too long, a row of more values than the header has columns.
ODD_CSV_LINES = [
    b'5" screen,size\n',
    b'5" wide,"over\ntwo lines"\n',
    b'7",inch\n',
    b'"quoted"after,x\n',
    b"\n",
    b",\n",
    b'"",""\n',
    b"  ,  \n",
    b"a\rb,c\n",
    b"a\x00,b\n",
    b"\xff,\xe0\xa6\n",
    "ক".encode() * 60 + b"\n",
    b"a,b,c,d\n",
    b'x, "spaced"\n',
    b'said "now" then,x\n',  # (quotes inside an unquoted field, even in number)
    b'\xff said "now,x\n',
    "ক".encode() * 60 + b' "x,y\n',
]


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(ROW | st.sampled_from(ODD_CSV_LINES)),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from([b"", b"\xef\xbb\xbf"]),
    st.integers(1, 120),
    st.sampled_from([1, 7, 64, 1 << 20]),
    st.sampled_from(["", "gzip", "corrupt gzip"]),
)
def test_the_pieces_of_a_csv_read_as_the_csv_does(
    rows: list[dict[str, str] | bytes],
    delimiter: str,
    quoting: int,
    end: str,
    bom: bytes,
    piece_bytes: int,
    read: int,
    packed: str,
) -> None:
    """Whatever its quoting and whatever odd lines it holds, wherever it is cut and however
    it falls into the blocks the cuts are looked for in, plain or compressed, whole or cut
    short: the pieces' records, their indexes and the lines their failures name are the
    whole file's, and so is how it ends."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, ["title", "body"], delimiter=delimiter, quoting=quoting, lineterminator=end)
    writer.writeheader()
    data = bom + out.getvalue().encode()
    for row in rows:
        if isinstance(row, bytes):
            data += row
            continue
        out.seek(0)
        out.truncate()
        writer.writerow(row)
        data += out.getvalue().encode()
    if packed:
        data = gzip.compress(data, mtime=0)
        data = data[: -min(30, len(data) // 2)] if packed.startswith("corrupt") else data
    assert_pieces_read_as_the_file("dump.csv.gz" if packed else "dump.csv", data, 150, piece_bytes, read)


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(st.one_of(ROW, ROW, ROW, st.sampled_from(ODD_CSV_LINES)), min_size=5, max_size=30),
    st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    st.sampled_from([b"", b"\xef\xbb\xbf"]),
    st.integers(1, 200),
    st.sampled_from([0, 1, 30]),
    st.sampled_from([1, 64, 1 << 20]),
)
def test_the_pieces_of_a_compressed_csv_read_as_the_csv_does(
    rows: list[dict[str, str] | bytes], quoting: int, bom: bytes, piece_bytes: int, cut_short: int, read: int
) -> None:
    """A compressed CSV's pieces carry their records' lines, or past a line where records
    cannot be told apart (or corrupt data) read the rest from the file: whatever it holds and
    wherever it ends, they give what the whole file gives."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, ["id", "title", "body"], quoting=quoting, lineterminator="\r\n")
    data = bom + b"id,title,body\r\n"  # (a header with a quote is not cut)
    for index, row in enumerate(rows):
        if isinstance(row, bytes):
            data += row
            continue
        out.seek(0)
        out.truncate()
        # (an id that does not compress: the file is over --max-bytes, so read a record at
        # a time even where it is corrupt)
        writer.writerow({**row, "id": hashlib.md5(bytes([index])).hexdigest()})
        data += out.getvalue().encode()
    packed = gzip.compress(data, mtime=0)
    packed = packed[: len(packed) - cut_short]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(streamed, "_HEAD", 200)  # (what is read to tell the format: not all of it)
        assert_pieces_read_as_the_file("dump.csv.gz", packed, 150, piece_bytes, read)


@pytest.mark.usefixtures("small_pieces")
@pytest.mark.parametrize(
    ("pack", "suffix"),
    [
        (gzip.compress, "gz"),
        (bz2.compress, "bz2"),
        (lzma.compress, "xz"),
        (zstandard.ZstdCompressor().compress, "zst"),
    ],
)
def test_a_compressed_csv_is_cut_between_its_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pack: Callable[[bytes], bytes], suffix: str
) -> None:
    """Records quoting someone over several lines: cut between, each piece carrying its
    lines. A bare "\\r" (a line end to the csv module), or a line too long to see the end
    of (read in blocks of 100 bytes), leaves the rest to one piece that reads it from the
    file; a quote inside an unquoted field does not."""
    monkeypatch.setattr(streamed, "READ_SIZE", 100)
    quoting = {"body": 'তিনি বলেন, "আগামী ১২ মার্চ কাজ শুরু হবে"।\nদ্বিতীয় অনুচ্ছেদ।'}
    rows = [{**item, **quoting} if index % 2 else item for index, item in enumerate(RECORDS * 3)]
    data = as_csv(rows)
    middle = data.index(b"\n", len(data) // 2) + 1
    odd_lines = {
        "dump": b"",
        "quote": b'5" screen,size\n',
        "odd": b"5\r screen,size\n",
        "long": "ক".encode() * 700 + b",x\n",
    }
    for name, odd in odd_lines.items():
        packed = tmp_path / f"{name}.csv.{suffix}"
        packed.write_bytes(pack(data[:middle] + odd + data[middle:]))
        cut = pieces_of(packed, max_bytes=2000)
        assert len(cut) > 4 and all(isinstance(piece, pieces.CarriedPiece) for piece in cut[:4])
        assert cut[-1].split("\x00")[1] == ("+" if name in ("odd", "long") else "")
        whole = dumped(parse(packed, 2000))
        records = 120 + bool(odd) + (name == "odd")  # (5\r screen,size: two records)
        assert len(whole) == records and dumped(list(parse_files(cut, max_bytes=2000))) == whole


@pytest.mark.usefixtures("small_pieces")
def test_a_csv_is_cut_between_its_records(tmp_path: Path) -> None:
    """Records whose bodies run over several lines and quote someone are cut between."""
    quoting = {"body": 'তিনি বলেন, "আগামী ১২ মার্চ কাজ শুরু হবে"।\nদ্বিতীয় অনুচ্ছেদ।'}
    path = tmp_path / "dump.csv"
    rows = [{**item, **quoting} if index % 2 else item for index, item in enumerate(RECORDS * 3)]
    path.write_bytes(as_csv(rows))
    cut = pieces_of(path, max_bytes=2000)
    assert len(cut) > 4
    whole = dumped(parse(path, 2000))
    assert len(whole) == 120 and dumped(list(parse_files(cut, max_bytes=2000))) == whole


@pytest.mark.usefixtures("small_pieces")
def test_a_compressed_json_array_piped_in_is_cut_when_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past a number among its elements, the rest of a compressed JSON array is one piece
    read again from the file: piped in, it carries all of it (CarriedFile)."""
    rows: list[Any] = [*RECORDS, 7, *RECORDS]
    data = gzip.compress(json_array(rows))
    path = tmp_path / "dump.json.gz"
    path.write_bytes(data)
    piped(monkeypatch, data)
    cut = list(split_dumps(["-"], 10**9, Options()))
    assert len(cut) > 3 and isinstance(cut[-1], pieces.CarriedFile)
    one = CliRunner().invoke(cli, ["parse", str(path), "-j", "1"])
    two = CliRunner().invoke(cli, ["parse", "-", "-j", "2"], input=data)
    assert one.exit_code == two.exit_code and two.stderr == one.stderr.replace(str(path), "-")
    assert two.stdout == one.stdout.replace(json.dumps(str(path)), '"-"')
    assert len(one.stdout.splitlines()) == 80


def unquoted_rows(rows: range, body: str = "গতকাল বুধবার সেতুটি খুলে দেওয়া হয়।") -> bytes:
    return "".join(f"শিরোনাম {index},{body} {index}\n" for index in rows).encode()


@pytest.mark.usefixtures("small_pieces")
def test_a_csv_is_cut_past_quotes_inside_unquoted_fields(tmp_path: Path) -> None:
    """A scraper that quotes no field leaves a quoted phrase in its text, to the csv module
    a pair of characters: the records after it are cut as the ones before."""
    path = tmp_path / "dump.csv"
    middle = unquoted_rows(range(40, 41), 'তিনি বলেন "আগামী ১২ মার্চ" কাজ শুরু হবে')
    path.write_bytes(b"title,body\n" + unquoted_rows(range(40)) + middle + unquoted_rows(range(41, 80)))
    cut = pieces_of(path, max_bytes=2000)
    starts = [int(piece.split("\x00")[1]) for piece in cut]
    assert sum(start > path.read_bytes().index(middle) for start in starts) > 2
    whole = dumped(parse(path, 2000))
    assert len(whole) == 80 and dumped(list(parse_files(cut, max_bytes=2000))) == whole


@pytest.mark.usefixtures("small_pieces")
def test_a_stray_quote_leaves_the_csv_records_after_a_long_field_read(tmp_path: Path) -> None:
    """A quote inside an unquoted field (5" screen) is a character: the records after a
    field over --max-bytes further on are read, not taken for the rest of a quoted field
    (the reader reads past the long field's lines by its quotes), and the file is cut past
    it as anywhere."""
    path = tmp_path / "dump.csv"
    over = b'long,"' + b"a" * 1500 + b"\n" + b"b" * 1500 + b'"\n'  # a field over 2,000 bytes
    odd = b'5" screen,x\n'
    data = b"title,body\n" + unquoted_rows(range(30)) + odd + unquoted_rows(range(30, 60)) + over
    path.write_bytes(data + unquoted_rows(range(60, 90)))
    whole = parse(path, 2000)
    failures = [item for item in whole if isinstance(item, Failure)]
    assert len(whole) == 92 and [item.record for item in failures] == [61]
    cut = pieces_of(path, max_bytes=2000)
    assert sum(int(piece.split("\x00")[1]) > data.index(odd) for piece in cut) > 2
    assert dumped(list(parse_files(cut, max_bytes=2000))) == dumped(whole)


# The members of an object that holds records, or is one: records arrays under the keys _json
# looks for, values that are no array under them, and members of any other kind.
MEMBER = st.tuples(
    st.sampled_from(["articles", "Data", "items", "meta", "count", "title", "body"]),
    st.lists(ROW, max_size=4) | FIELD | st.sampled_from([7, None, {"articles": [1]}, ["ক"]]),
)


@settings(max_examples=examples(150), deadline=None)
@given(
    st.lists(MEMBER, min_size=1, max_size=5), st.sampled_from([None, 2]), st.integers(1, 40), st.booleans()
)
def test_a_large_json_object_reads_as_it_reads_whole(
    members: list[tuple[str, Any]], indent: int | None, read: int, over: bool
) -> None:
    """Its records array's elements, or the object as one record (too large to be one when
    it is `over` --max-bytes, not only over the size from which dumps are streamed)."""
    document = dict(members)
    text = json.dumps(document, ensure_ascii=False, indent=indent)
    whole = outcomes(parse_file(text.encode(), "dump.json"))
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(streamed, "JSON_READ", read)
        patch.setattr(streamed, "STREAM_FROM", 0)
        path = Path(folder) / "dump.json"
        path.write_text(text, encoding="utf-8")
        results = parse(path, len(text) - 1 if over else 10**6)  # (an element's limit is in characters)
    lists = [value for key, value in document.items() if key.lower() in ("articles", "data", "items")]
    if not over or any(isinstance(value, list) for value in lists):
        assert outcomes(results) == whole
    else:
        (failure,) = results
        assert isinstance(failure, Failure) and failure.record == 0
        assert failure.error.reason == Reason.TOO_LARGE


def test_a_json_object_over_max_bytes_is_read_a_record_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    meta = {"source": "scraper", "notes": "ক" * 3000}  # (over --max-bytes: read past, never held)
    path.write_text(json.dumps({"meta": meta, "articles": RECORDS}, ensure_ascii=False), encoding="utf-8")
    results = parse(path, 2000)
    assert [item.source.record for item in results if isinstance(item, Article)] == list(range(40))
    assert path.stat().st_size > 2000 and len(results) == 40


def test_a_json_object_over_max_bytes_that_is_one_record_reads_as_json_loads_reads_it(tmp_path: Path) -> None:
    """A key given twice keeps its last value; the record fits --max-bytes in characters."""
    text = '{"title": "প্রথম", "body": "গতকাল বুধবার সেতুটি খুলে দেওয়া হয়।", "title": "সেতু নিয়ে প্রতিবেদন"}'
    path = tmp_path / "dump.json"
    path.write_text(text, encoding="utf-8")
    (article,) = parse(path, len(text))  # (over it in bytes: read a member at a time)
    assert isinstance(article, Article) and article.headline == "সেতু নিয়ে প্রতিবেদন"
    assert article.source.record == 0 and len(text.encode()) > len(text)


DUMP_NAMES = ["dump.jsonl", "dump.json", "dump.csv", "dump.jsonl.gz", "dump.json.gz", "dump.csv.gz"]


def piped(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Standard input that holds `data`, as split_dumps and stdin_file read it."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.usefixtures("small_pieces")
@pytest.mark.parametrize(
    ("name", "max_bytes", "forked"),
    [
        *((name, max_bytes, True) for name in DUMP_NAMES for max_bytes in (10**9, 5000)),
        ("dump.jsonl", 10**9, False),  # (the pieces pickled to concurrent.futures' workers)
    ],
)
def test_standard_input_is_shared_out_as_a_named_dump_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, max_bytes: int, forked: bool
) -> None:
    """A dump piped in is cut into pieces that carry their bytes, and its records come out
    as a one-process run gives those of the same file named; held in memory, or past
    --max-bytes spooled to a file."""
    monkeypatch.setattr(parallel, "FORKED_WORKERS", forked)
    monkeypatch.setattr(streamed, "STREAM_FROM", 1000)
    monkeypatch.setattr(streamed, "READ_SIZE", 3000)  # (blocks of a CSV's cutting: several)
    dumps = {"dump.jsonl": JSONL * 3, "dump.json": json_array(RECORDS * 3), "dump.csv": as_csv(RECORDS * 3)}
    data = dumps.get(name) or gzip.compress(dumps[name.removesuffix(".gz")])
    path = tmp_path / name
    path.write_bytes(data)
    given_format = ["--format", "csv"] if ".csv" in name else []  # (not told by content)
    options = Options(format="csv") if given_format else Options()
    piped(monkeypatch, data)
    cut = list(split_dumps(["-"], max_bytes, options))
    assert len(cut) > 4 and all(isinstance(piece, pieces.CarriedPiece) for piece in cut)
    if not name.endswith(".gz"):  # byte ranges, each its bytes, one after another to the end
        ranges = [tuple(map(int, piece.split("\x00")[1:3])) for piece in cut]
        assert [data[start:end] for start, end in ranges] == [piece.lines for piece in cut]
        gaps = [ranges[i + 1][0] - ranges[i][1] for i in range(len(ranges) - 1)]
        assert ranges[0][0] == 0 and ranges[-1][1] == len(data) and set(gaps) <= {0, 1}  # (an array's commas)
    args = ["--max-bytes", str(max_bytes), *given_format]
    one = CliRunner().invoke(cli, ["parse", str(path), "-j", "1", *args])
    stats = tmp_path / "stats.json"
    two = CliRunner().invoke(cli, ["parse", "-", "-j", "2", "--stats", str(stats), *args], input=data)
    assert one.exit_code == two.exit_code == 0, two.output
    assert two.stdout == one.stdout.replace(json.dumps(str(path)), '"-"')
    assert len(one.stdout.splitlines()) == 120
    assert json.loads(stats.read_text())["workers"] == 2


@pytest.mark.usefixtures("small_pieces")
@pytest.mark.parametrize(
    ("max_bytes", "stream_from"),
    [(10**9, None), (10**9, 1000), (5000, None)],
    ids=["held", "spooled", "past-max-bytes"],
)
def test_a_compressed_csv_piped_in_is_cut_within_max_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, max_bytes: int, stream_from: int | None
) -> None:
    """Where its cutting stops (a bare "\\r"), the rest of a compressed CSV is read again
    from the file: piped in, that piece carries all of it (CarriedFile), so it is cut only
    up to --max-bytes, held in memory or spooled. Past that it is read by one process."""
    if stream_from is not None:
        monkeypatch.setattr(streamed, "STREAM_FROM", stream_from)
    noise = ["".join(hashlib.sha256(bytes([i, j])).hexdigest() for j in range(4)) for i in range(60)]
    rows = [{"title": f"শিরোনাম {i}", "body": noise[i], "date": "2024-02-15"} for i in range(60)]
    plain = as_csv(rows)
    middle = plain.index(b"\n", len(plain) // 2) + 1
    data = gzip.compress(plain[:middle] + "শিরোনাম ক,কখ\rশিরোনাম খ,খগ\n".encode() + plain[middle:])
    assert len(data) > 5000
    path = tmp_path / "dump.csv.gz"
    path.write_bytes(data)
    monkeypatch.setattr(streamed, "READ_SIZE", 2000)
    piped(monkeypatch, data)
    cut = list(split_dumps(["-"], max_bytes, Options(format="csv")))
    if max_bytes < len(data):
        assert cut == ["-"] and isinstance(cut[0], pieces.Stdin) and max_bytes == 5000
    else:
        assert len(cut) > 3 and isinstance(cut[-1], pieces.CarriedFile) and cut[-1].split("\x00")[1] == "+"
    args = ["--max-bytes", str(max_bytes), "--format", "csv"]
    one = CliRunner().invoke(cli, ["parse", str(path), "-j", "1", *args])
    two = CliRunner().invoke(cli, ["parse", "-", "-j", "2", *args], input=data)
    assert one.exit_code == two.exit_code == 0, two.output
    assert two.stdout == one.stdout.replace(json.dumps(str(path)), '"-"')
    assert len(one.stdout.splitlines()) == 62


def test_standard_input_over_stream_from_is_read_a_record_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a named file of its size is: a dump piped in is not held in memory, and not
    whole (it is copied to a temporary file, whose records are read one at a time)."""
    monkeypatch.setattr(streamed, "STREAM_FROM", 1000)
    piped(monkeypatch, JSONL)
    spooled = streamed.stdin_file(10**9, Options())
    assert not isinstance(spooled, io.BytesIO) and spooled.seek(0, os.SEEK_END) == len(JSONL)
    assert streamed.file_documents(spooled, "-", 10**9, Options()) is not None
    piped(monkeypatch, JSONL[:900])
    assert streamed.file_documents(streamed.stdin_file(10**9, Options()), "-", 10**9, Options()) is None


@pytest.mark.parametrize("forked", [True, False], ids=["forked", "executor"])
def test_standard_input_not_cut_is_read_by_a_worker_among_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: bool
) -> None:
    """Standard input that is no dump goes to a worker with its bytes, in its place."""
    monkeypatch.setattr(parallel, "FORKED_WORKERS", forked)
    article = "সেতু নিয়ে প্রতিবেদন\nগতকাল বুধবার সেতুটি খুলে দেওয়া হয়।\n".encode()
    names = []
    for index in range(3 * parallel.MIN_FILES_FOR_WORKERS):
        names.append(str(tmp_path / f"{index:03}.txt"))
        Path(names[-1]).write_bytes(article.replace("সেতু".encode(), str(index).encode(), 1))
    paths = [*names[:5], "-", *names[5:]]
    one = CliRunner().invoke(cli, ["parse", "-j", "1", *paths], input=article)
    two = CliRunner().invoke(cli, ["parse", "-j", "2", *paths], input=article)
    assert one.exit_code == two.exit_code == 0, two.output
    assert two.stdout == one.stdout and json.loads(two.stdout.splitlines()[5])["source"]["path"] == "-"
    stdin = pieces.Stdin(io.BytesIO(article))
    assert pickle.loads(pickle.dumps(stdin)).file.read() == article
    assert type(pieces.file_of(stdin)) is str  # (a failure's path, sent back without the bytes)
