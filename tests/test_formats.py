"""Real-world inputs: JSON Lines, JSON, CSV, compressed files, format detection."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
from pathlib import Path

import pytest
import zstandard
from click.testing import CliRunner

from newsingest.cli import cli
from newsingest.errors import InputError, Reason
from newsingest.formats import Options, RecordFailure, detect_format, read_documents
from newsingest.formats.compressed import decompress
from newsingest.models import Article
from newsingest.pipeline import Failure, parse_file

BODY = "গতকাল বুধবার নদীর ওপর নতুন সেতু খুলে দেওয়া হয়েছে।\nআগামী মাসে দ্বিতীয় সেতুর কাজ শুরু হবে।"
RECORD = {
    "title": "নতুন সেতু খুলল",
    "content": BODY,
    "date": "২৭ এপ্রিল, ২০২৪ ২২:০১",
    "url": "https://example.com/news/1",
    "author": "রহিম উদ্দিন",
    "section": "জাতীয়",
    "tags": ["সেতু", "যোগাযোগ"],
}


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def articles(data: bytes, path: str, **options) -> list[Article | Failure]:
    return list(parse_file(data, path, None, Options(**options)))


def test_jsonl_record_becomes_article_with_its_metadata() -> None:
    data = (json.dumps(RECORD, ensure_ascii=False) + "\n").encode()
    (article,) = articles(data, "dump.jsonl")
    assert isinstance(article, Article)
    assert article.headline == "নতুন সেতু খুলল"
    assert article.body.split("\n\n") == BODY.split("\n")
    assert article.source.format == "jsonl"
    assert article.source.record == 0
    assert article.published == "2024-04-27T22:01:00+06:00"
    assert article.url == "https://example.com/news/1"
    assert article.author == "রহিম উদ্দিন"
    assert article.category == "জাতীয়"
    assert article.tags == ["সেতু", "যোগাযোগ"]
    # The publication date is the reference: গতকাল is the day before it.
    assert article.reference_date is not None
    assert (article.reference_date.value, article.reference_date.source) == ("2024-04-27", "published")
    assert {d.text: d.value for d in article.dates}["গতকাল বুধবার"] == "2024-04-26"


def test_record_author_on_the_first_body_line_is_the_byline() -> None:
    record = {**RECORD, "content": "রহিম উদ্দিন\n" + BODY}
    (article,) = articles(json.dumps(record, ensure_ascii=False).encode(), "a.jsonl")
    assert article.byline == "রহিম উদ্দিন"
    assert article.body.split("\n\n") == BODY.split("\n")


def test_reference_date_option_beats_published() -> None:
    import datetime as dt

    data = json.dumps(RECORD, ensure_ascii=False).encode()
    (article,) = parse_file(data, "a.jsonl", dt.date(2023, 10, 12), Options())
    assert article.reference_date.source == "option"
    assert article.published == "2024-04-27T22:01:00+06:00"


def test_bad_records_fail_alone_with_their_index() -> None:
    good = json.dumps(RECORD, ensure_ascii=False)
    data = "\n".join([good, '{"title": "শুধু শিরোনাম"}', "{not json", "", good]).encode()
    results = articles(data, "dump.jsonl")
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Failure", "Article"]
    assert [r.source.record for r in results if isinstance(r, Article)] == [0, 3]
    no_body, bad_json = results[1], results[2]
    assert (no_body.record, no_body.error.reason) == (1, Reason.NO_BODY)
    assert (bad_json.record, bad_json.error.reason) == (2, Reason.MALFORMED)
    assert str(bad_json).startswith("dump.jsonl: record 2: line 3: invalid JSON")


def test_json_array_and_object_with_article_list() -> None:
    other = {"headline": "দ্বিতীয় খবর", "body": "আজ বৃষ্টি হয়েছে।"}
    other["published_at"] = "2024-02-26T09:15:00+06:00"
    array = json.dumps([RECORD, other], ensure_ascii=False).encode()
    results = articles(array, "dump.json")
    assert [r.headline for r in results] == ["নতুন সেতু খুলল", "দ্বিতীয় খবর"]
    assert results[1].published == "2024-02-26T09:15:00+06:00"
    assert results[1].dates[0].value == "2024-02-26"
    wrapped = json.dumps({"status": "ok", "articles": [other]}, ensure_ascii=False).encode()
    (article,) = articles(wrapped, "dump.json")
    assert article.source.record == 0 and article.headline == "দ্বিতীয় খবর"


def test_invalid_json_file_is_one_error() -> None:
    with pytest.raises(InputError) as caught:
        articles(b'[{"title": "x"', "dump.json")
    assert caught.value.reason == Reason.MALFORMED


def test_csv_records_with_multiline_bodies() -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, ["headline", "article", "pubDate", "link"])
    writer.writeheader()
    rfc2822 = "Mon, 26 Feb 2024 14:23:00 +0600"
    writer.writerow({"headline": "প্রথম", "article": BODY, "pubDate": rfc2822, "link": "u1"})
    writer.writerow({"headline": "", "article": "দেহ", "pubDate": "", "link": ""})
    writer.writerow({"headline": "তৃতীয়", "article": "আজ হরতাল।", "pubDate": "2023-10-13", "link": ""})
    results = articles(buffer.getvalue().encode(), "news.csv")
    assert isinstance(results[0], Article) and results[0].source.format == "csv"
    assert results[0].stats.paragraphs == 2
    assert results[0].published == "2024-02-26T14:23:00+06:00"
    assert results[0].url == "u1"
    assert isinstance(results[1], Failure) and results[1].record == 1
    assert results[1].error.reason == Reason.NO_HEADLINE
    assert results[2].source.record == 2 and results[2].published == "2023-10-13"


def test_a_doubled_quote_after_the_sniffed_head_stays_in_its_field() -> None:
    """The dialect is guessed from the first 8,192 characters, where no field holds a quote:
    a quote doubled ("") in a later record is still one quote inside its field."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, ["title", "body"])
    writer.writeheader()
    for index in range(60):
        writer.writerow({"title": f"খবর {index}", "body": "সেতুটি খুলে দেওয়া হয়েছে। " * 10})
    quoted = 'মন্ত্রী বলেন, "সেতুটি আজ খুলবে," এবং চলে যান।\nপরের অনুচ্ছেদ।'
    writer.writerow({"title": "উদ্ধৃতি", "body": quoted})
    writer.writerow({"title": "শেষ খবর", "body": "আজ হরতাল।"})
    assert buffer.getvalue().index('""') > 8192
    results = articles(buffer.getvalue().encode(), "news.csv")
    assert len(results) == 62 and all(isinstance(item, Article) for item in results)
    assert results[60].headline == "উদ্ধৃতি"
    assert results[60].body == quoted.replace("\n", "\n\n")
    assert results[61].headline == "শেষ খবর"


def test_field_option_overrides_the_key_table() -> None:
    record = {"shironam": "শিরোনাম এখানে", "lekha": "আজ বৃষ্টি হয়েছে।", "title": "ভুল শিরোনাম"}
    record["somoy"] = "2023-10-13"
    data = json.dumps(record, ensure_ascii=False).encode()
    fields = {"headline": "shironam", "body": "lekha", "published": "somoy"}
    (article,) = articles(data, "a.jsonl", fields=fields)
    assert article.headline == "শিরোনাম এখানে"
    assert article.published == "2023-10-13"
    (failure,) = articles(data, "a.jsonl", fields={"body": "nosuchkey"})
    assert "no key 'nosuchkey'" in failure.error.message


def test_a_record_wrapped_in_an_object_is_read_from_it() -> None:
    """An Elasticsearch export: each hit's article is its `_source`."""
    hits = [
        {"_index": "news", "_id": "a1", "_score": 1.0, "_source": RECORD},
        {"_id": "a2", "data": {"title": "দ্বিতীয় খবর", "content": BODY}, "title": "ওপরের শিরোনাম"},
    ]
    data = "\n".join(json.dumps(hit, ensure_ascii=False) for hit in hits).encode()
    first, second = articles(data, "hits.jsonl")
    assert (first.headline, first.url) == ("নতুন সেতু খুলল", RECORD["url"])
    assert first.published == "2024-04-27T22:01:00+06:00"
    assert [d.text for d in first.dates] == ["গতকাল বুধবার", "আগামী মাসে"]
    assert (second.headline, second.body) == ("ওপরের শিরোনাম", BODY.replace("\n", "\n\n"))  # its own key first


def test_field_keys_may_be_dotted_paths_into_nested_objects() -> None:
    record = {"meta": {"heading": {"bn": "শিরোনাম এখানে"}}, "lekha": BODY, "meta.bn": "ভুল"}
    data = json.dumps(record, ensure_ascii=False).encode()
    (article,) = articles(data, "a.jsonl", fields={"headline": "meta.heading.bn", "body": "lekha"})
    assert article.headline == "শিরোনাম এখানে"
    (literal,) = articles(data, "a.jsonl", fields={"headline": "meta.bn", "body": "lekha"})
    assert literal.headline == "ভুল"  # a key with a dot in it is the key itself
    (failure,) = articles(data, "a.jsonl", fields={"headline": "meta.heading.en", "body": "lekha"})
    assert (
        failure.error.message
        == "no key 'meta.heading.en' (--field headline=meta.heading.en); keys: meta, lekha, meta.bn"
    )


def test_a_record_that_is_not_an_object_is_named_in_json_words() -> None:
    data = b'[1, 2]\nnull\n"text"\n12\ntrue\n'
    said = [failure.error.message for failure in articles(data, "a.jsonl")]
    kinds = ["an array", "null", "a string", "a number", "true or false"]
    assert said == [f"a record must be a JSON object, not {kind}" for kind in kinds]


@pytest.mark.parametrize("time_key", ["\u09b8\u09ae\u09df", "\u09b8\u09ae\u09af\u09bc"])  # য় as one or two
def test_bengali_keys_and_columns_are_known(time_key: str) -> None:
    record = {"শিরোনাম": "নতুন সেতু খুলল", "বিস্তারিত": BODY, time_key: "১৫ ফেব্রুয়ারি ২০২৪", "লেখক": "রহিম"}
    (from_json,) = articles(json.dumps(record, ensure_ascii=False).encode(), "a.jsonl")
    rows = io.StringIO()
    writer = csv.DictWriter(rows, list(record))
    writer.writeheader()
    writer.writerow(record)
    (from_csv,) = articles(rows.getvalue().encode(), "a.csv")
    for article in (from_json, from_csv):
        assert (article.headline, article.published, article.author) == ("নতুন সেতু খুলল", "2024-02-15", "রহিম")
        assert article.reference_date.value == "2024-02-15"


def test_cli_field_and_format_options(tmp_path: Path) -> None:
    path = tmp_path / "records.data"
    path.write_text(json.dumps({"h": "শিরোনাম", "b": "দেহ।"}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run("parse", str(path), "--format", "jsonl", "--field", "headline=h", "--field", "body=b")
    assert result.exit_code == 0, result.output
    assert lines(result.stdout)[0]["headline"] == "শিরোনাম"
    bad = run("parse", str(path), "--field", "colour=h")
    assert bad.exit_code == 2 and "colour" in bad.output


@pytest.mark.parametrize(
    ("name", "pack"),
    [
        ("a.jsonl.gz", gzip.compress),
        ("a.jsonl.bz2", bz2.compress),
        ("a.jsonl.xz", lzma.compress),
        ("a.jsonl.zst", zstandard.ZstdCompressor().compress),
    ],
)
def test_compressed_inputs(tmp_path: Path, name: str, pack) -> None:
    data = (json.dumps(RECORD, ensure_ascii=False) + "\n").encode() * 3
    path = tmp_path / name
    path.write_bytes(pack(data))
    result = run("parse", str(path))
    assert result.exit_code == 0, result.output
    records = lines(result.stdout)
    assert [r["source"]["record"] for r in records] == [0, 1, 2]
    assert records[0]["source"]["format"] == "jsonl"
    assert records[0]["source"]["compression"] in {"gzip", "bzip2", "xz", "zstd"}
    assert records[0]["source"]["bytes"] == path.stat().st_size


@pytest.mark.parametrize(
    "pack", [gzip.compress, bz2.compress, lzma.compress, zstandard.ZstdCompressor().compress]
)
def test_decompression_bomb_is_stopped(pack) -> None:
    bomb = pack(b"\0" * 5_000_000)
    with pytest.raises(InputError) as caught:
        decompress(bomb, "bomb.txt.gz", 1_000_000)
    assert caught.value.reason == Reason.DECOMPRESSED_TOO_LARGE


def test_truncated_compressed_file_is_reported(tmp_path: Path) -> None:
    packed = gzip.compress(("শিরোনাম\n" + "দেহ " * 5000).encode())
    (tmp_path / "a.txt.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "b.txt").write_text("শিরোনাম\nদেহ", encoding="utf-8")
    result = run("parse", str(tmp_path))
    assert result.exit_code == 1
    assert "a.txt.gz: corrupt gzip data" in result.stderr
    assert len(lines(result.stdout)) == 1


def test_cli_bomb_cap_option(tmp_path: Path) -> None:
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(("শিরোনাম\n" + "দেহ " * 100_000).encode()))
    result = run("parse", str(path), "--max-decompressed-bytes", "1000")
    assert result.exit_code == 1
    assert "expands past 1,000 bytes" in result.stderr


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.txt", b"{}", "text"),
        ("a.txt", b"<!DOCTYPE html><html></html>", "html"),
        ("a.jsonl", b'{"a": 1}', "jsonl"),
        ("a.json", b'{"a": 1}\n{"a": 2}\n', "jsonl"),
        ("a.json", b'[{"a": 1}]', "json"),
        ("a.csv", b"title,body\n", "csv"),
        ("a.htm", b"", "html"),
        ("-", b"<!DOCTYPE html><html></html>", "html"),
        ("-", b'  [{"a": 1}]', "json"),
        ("-", b'{"a": 1}\n{"b": 2}', "jsonl"),
        ("-", b'{\n  "a": 1\n}', "json"),
        ("noext", "শিরোনাম\nদেহ".encode(), "text"),
    ],
)
def test_detect_format(name: str, data: bytes, expected: str) -> None:
    assert detect_format(name, data) == expected


def test_stdin_jsonl_is_detected_from_content() -> None:
    data = (json.dumps(RECORD, ensure_ascii=False) + "\n").encode() * 2
    result = run("parse", "-", input=data)
    assert result.exit_code == 0, result.output
    assert [r["source"]["record"] for r in lines(result.stdout)] == [0, 1]


def test_read_documents_yields_record_failures() -> None:
    results = list(read_documents(b'{"title": "x"}\n{"title": "y", "body": "z"}\n', "a.jsonl"))
    assert isinstance(results[0], RecordFailure) and results[0].record == 0
    assert results[1].headline == "y"


def test_plain_text_records_still_work(article_file: Path) -> None:
    result = run("parse", str(article_file))
    assert result.exit_code == 0
    (record,) = lines(result.stdout)
    assert record["source"]["format"] == "text"
    assert record["source"]["record"] is None
    assert record["cleaning"] == {"repeated": 0, "boilerplate": 0}


def test_tsv_is_tab_separated_even_with_commas_in_text() -> None:
    data = "title\tbody\tdate\nসেতু, নদী ও মানুষ\tআজ, বুধবার, সেতু খুলেছে।\t2023-10-11\n".encode()
    (article,) = articles(data, "news.tsv")
    assert article.headline == "সেতু, নদী ও মানুষ"
    assert article.body == "আজ, বুধবার, সেতু খুলেছে।"
    assert article.published == "2023-10-11"


def test_record_metadata_mojibake_is_repaired() -> None:
    garbled = {"author": "রহিম উদ্দিন".encode().decode("latin-1"), "tags": ["সেতু".encode().decode("latin-1")]}
    record = {**RECORD, **garbled}
    (article,) = articles(json.dumps(record).encode(), "a.jsonl")
    assert article.author == "রহিম উদ্দিন"
    assert article.tags == ["সেতু"]


def test_epoch_and_list_bodies() -> None:
    record = {"title": "শিরোনাম", "body": ["প্রথম অনুচ্ছেদ।", "দ্বিতীয় <b>অনুচ্ছেদ</b>।"]}
    record["published_at"] = 1708935780
    (article,) = articles(json.dumps(record, ensure_ascii=False).encode(), "a.jsonl")
    assert article.body == "প্রথম অনুচ্ছেদ।\n\nদ্বিতীয় অনুচ্ছেদ।"
    assert article.published == "2024-02-26T08:23:00+00:00"


def test_text_starting_like_bzip2_is_text() -> None:
    (article,) = articles("BZh শিরোনাম\nদেহ।".encode(), "a.txt")
    assert article.source.compression is None and article.headline == "BZh শিরোনাম"
    assert decompress(bz2.compress(b""), "e.bz2", 10).compression == "bzip2"


def test_csv_without_a_body_column_fails_once() -> None:
    data = "title,summary\nক,খ\nগ,ঘ\n".encode()
    with pytest.raises(InputError) as caught:
        articles(data, "a.csv")
    assert caught.value.reason == Reason.NO_BODY
    assert "no body column among: title, summary" in caught.value.message
    (first, second) = articles(data, "a.csv", fields={"body": "summary"})
    assert (first.headline, first.body, second.source.record) == ("ক", "খ", 1)


def test_stdin_compressed_records() -> None:
    data = gzip.compress((json.dumps(RECORD, ensure_ascii=False) + "\n").encode() * 2)
    result = run("parse", "-", input=data)
    assert result.exit_code == 0, result.output
    records = lines(result.stdout)
    assert [(r["source"]["path"], r["source"]["format"], r["source"]["compression"]) for r in records] == [
        ("-", "jsonl", "gzip"),
        ("-", "jsonl", "gzip"),
    ]
