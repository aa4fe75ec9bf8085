"""Saved HTML article pages (the optional [html] extra: trafilatura + htmldate)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsingest.cli import cli
from newsingest.errors import InputError
from newsingest.formats import Options
from newsingest.pipeline import parse_file

pytest.importorskip("trafilatura")

PARAGRAPHS = [
    "রাজধানীতে গতকাল বৃহস্পতিবার বুড়িগঙ্গা নদীর ওপর একটি নতুন সেতু উদ্বোধন করা হয়েছে।",
    "সেতুর কাজ শুরু হয়েছিল ২০২০ সালে এবং শেষ হয়েছে চলতি বছরের সেপ্টেম্বরে।",
    "স্থানীয় বাসিন্দারা জানান, সেতুটি চালু হওয়ায় তাঁদের যাতায়াতের সময় অনেক কমে যাবে।",
    "আগামী মাসে সেতুর দুই পাশে নতুন সড়ক নির্মাণের কাজ শুরু হবে বলে জানিয়েছে কর্তৃপক্ষ।",
]


def page(meta: str = "", stamp: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="bn"><head><meta charset="utf-8">
<title>বুড়িগঙ্গায় নতুন সেতু | দৈনিক উদাহরণ</title>
<meta property="og:title" content="বুড়িগঙ্গায় নতুন সেতু">
<link rel="canonical" href="https://example.com/bangladesh/setu">
{meta}
</head><body>
<header><nav><a href="/">প্রচ্ছদ</a> <a href="/bd">বাংলাদেশ</a> <a href="/world">বিশ্ব</a></nav></header>
<main><article>
<h1>বুড়িগঙ্গায় নতুন সেতু</h1>
<div class="byline"><span class="author">নিজস্ব প্রতিবেদক</span></div>
{stamp}
{body}
</article>
<aside><h3>আরও খবর</h3><ul><li><a href="/a">অন্য খবর এক</a></li>
<li><a href="/b">অন্য খবর দুই</a></li></ul></aside>
</main>
<footer><p>সম্পাদক: উদাহরণ। স্বত্ব © ২০২৩ দৈনিক উদাহরণ</p></footer>
</body></html>""".encode()


def one(data: bytes, name: str = "setu.html"):
    (article,) = parse_file(data, name, None, Options())
    return article


def test_page_with_metadata_date_keeps_time_and_offset() -> None:
    article = one(page('<meta property="article:published_time" content="2023-10-13T10:30:00+06:00">'))
    assert article.source.format == "html"
    assert article.headline == "বুড়িগঙ্গায় নতুন সেতু"
    assert article.body.split("\n\n") == PARAGRAPHS
    assert article.published == "2023-10-13T10:30:00+06:00"
    assert article.url == "https://example.com/bangladesh/setu"
    assert article.reference_date.model_dump() == {"value": "2023-10-13", "source": "published"}
    assert {d.text: d.value for d in article.dates}["গতকাল বৃহস্পতিবার"] == "2023-10-12"


def test_visible_bengali_stamp_when_metadata_has_no_date() -> None:
    stamp = (
        '<div class="time"><span>প্রকাশ:</span> <span>১৩ অক্টোবর ২০২৩, ১০:৩০</span>'
        " | আপডেট: ১৩ অক্টোবর ২০২৩, ১৪:১৫</div>"
    )
    article = one(page(stamp=stamp))
    assert article.published == "2023-10-13T10:30:00+06:00"
    assert article.updated == "2023-10-13T14:15:00+06:00"
    assert "প্রকাশ" not in article.body


def test_visible_time_completes_a_date_only_metadata_date() -> None:
    meta = '<meta property="article:published_time" content="2023-10-13">'
    stamp = "<p>প্রকাশ: ১৩ অক্টোবর ২০২৩, ১০:৩০</p>"
    assert one(page(meta, stamp)).published == "2023-10-13T10:30:00+06:00"
    assert one(page(meta)).published == "2023-10-13"


def test_label_alone_in_its_element_then_the_date() -> None:
    stamp = "<div><span>প্রকাশিত</span><time>১৩ অক্টোবর ২০২৩, ১০:৩০</time></div>"
    assert one(page(stamp=stamp)).published == "2023-10-13T10:30:00+06:00"


def test_a_sentence_that_starts_with_a_label_is_not_a_stamp() -> None:
    stamp = "<p>প্রকাশিত হয়েছে ১২ অক্টোবর ২০২৩ সালে একটি নতুন প্রতিবেদন, যেখানে সেতুর কথা বলা আছে।</p>"
    assert one(page(stamp=stamp)).published is None


def test_page_without_any_date() -> None:
    article = one(page())
    assert article.published is None
    assert article.body.split("\n\n") == PARAGRAPHS


def test_html_is_detected_by_content_and_compressed(tmp_path: Path) -> None:
    (tmp_path / "saved_page").write_bytes(page())
    (tmp_path / "saved.html.gz").write_bytes(gzip.compress(page()))
    result = CliRunner().invoke(cli, ["parse", str(tmp_path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["source"]["format"], r["source"]["compression"]) for r in records] == [
        ("html", "gzip"),
        ("html", None),
    ]


def test_page_without_article_text_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"<html><head><title>x</title></head><body></body></html>")
    result = CliRunner().invoke(cli, ["parse", str(tmp_path / "empty.html")])
    assert result.exit_code == 1
    assert "empty.html: no article text found in the HTML page" in result.stderr
    assert result.stdout == ""


def test_missing_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    with pytest.raises(InputError) as caught:
        list(parse_file(page(), "a.html", None, Options()))
    assert caught.value.reason == "missing_extra"
    assert 'pip install "newsingest[html]"' in caught.value.message


def test_a_page_holding_a_url_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    with pytest.raises(InputError) as caught:
        list(parse_file(b"https://example.com/news/1", "link.html", None, Options()))
    assert caught.value.reason == "no_body"
