"""Plain records: the pipeline's records without pydantic, written exactly as their models.

`parse` builds and writes newsingest.plain records and never imports pydantic; the library
API hands out newsingest.models. These tests hold the two to the same fields, the same
JSON, and the same values validation gives."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

import pytest

from newsingest import models, plain
from newsingest.pipeline import Failure, plain_files
from newsingest.write import pydantic_json_line, to_json_line

from .conftest import ARTICLE, bytes_kept

RECORD_MAKERS = [plain.Record, plain.RecordPython]


def test_each_plain_record_has_the_fields_of_its_model_in_order() -> None:
    assert [record.__name__ for record in plain.RECORDS] == [model.__name__ for model in models.RECORDS]
    for record, model in zip(plain.RECORDS, models.RECORDS, strict=True):
        assert plain.fields(record) == tuple(model.model_fields), record.__name__


@pytest.mark.parametrize("make", RECORD_MAKERS, ids=["Record", "RecordPython"])
def test_a_record_holds_the_dict_it_is_made_with(make: type) -> None:
    class Pair(make):  # type: ignore[misc, valid-type]
        __slots__ = ()

    values = {"first": "১২ অক্টোবর", "second": None}
    pair = Pair(values)
    assert pair.__dict__ is values
    assert (pair.first, pair.second) == ("১২ অক্টোবর", None)
    assert repr(pair) == "Pair({'first': '১২ অক্টোবর', 'second': None})"
    assert values in gc.get_referents(pair)  # the collector sees what a record holds


def test_the_c_record_is_built_and_used() -> None:
    assert plain.Record is not plain.RecordPython, (
        "newsingest._models was not built, so plain records are made in Python (slower). "
        "The editable install compiles src/newsingest/_models.c (setup.py, optional=True)."
    )


@pytest.mark.parametrize("arguments", [((),), ([("words", 1)],), ({}, {})])
def test_the_c_record_takes_one_dict(arguments: tuple) -> None:
    with pytest.raises(TypeError, match=r"Stats\(values: dict\)"):
        plain.Stats(*arguments)
    with pytest.raises(TypeError):
        plain.Stats(values={})


def test_making_and_dropping_records_keeps_no_memory() -> None:
    values = {"characters": 1, "words": 1, "sentences": 1, "paragraphs": 0}
    plain.Stats(dict(values))  # warm caches
    before = sys.getrefcount(values)
    grown = bytes_kept(lambda: plain.Stats(values))
    assert sys.getrefcount(values) == before  # each record let go of its dict
    assert grown < 10_000, f"{grown} bytes still allocated after 2,000 records"


def _inputs(folder: Path) -> list[str]:
    """Inputs whose articles hold every kind of record: a dateline, a cleaning, each source
    of reference date, dump records with metadata."""
    texts = {
        "plain.txt": ARTICLE,
        "dateline.txt": "সভা\nঢাকা, ১২ অক্টোবর (বাসস) – গত সোমবার সভা হয়। আগামী ৫ নভেম্বর ভোট।\n",
        "yearless.txt": "সভা\nখুলনা, ২ নভেম্বর – আজ সভা হয়। ২০২৩ সালের ১ নভেম্বর ঘোষণা আসে।\n",
        "repeated.txt": "সভা\nআজ সভা হয়।\n\nআজ সভা হয়।\n\nশেয়ার করুন\n",
        "none.txt": "শিরোনাম\nকোনো তারিখ নেই।\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    lines = [
        {"title": "শিরোনাম", "body": ARTICLE, "date": "2023-10-12T09:30:00+06:00", "tags": ["ক", "খ"]},
        {"title": "খ", "body": "২০২৩ সালে।", "url": "https://example.com/1", "author": "প্রতিবেদক"},
    ]
    dump = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
    (folder / "dump.jsonl").write_text(dump + "\n", encoding="utf-8")
    return sorted(str(path) for path in folder.iterdir())


def test_what_parse_writes_is_what_the_models_write(tmp_path: Path) -> None:
    """Each plain article is written byte for byte as its model is, and its model (from_plain)
    equals what validation makes of that line."""
    written = [result for result in plain_files(_inputs(tmp_path)) if not isinstance(result, Failure)]
    assert len(written) == 7
    kinds = {name for article in written for name, value in vars(article).items() if value is not None}
    assert {"dateline", "cleaning", "reference_date", "url", "published"} <= kinds
    assert {article.reference_date.source for article in written if article.reference_date} == {
        "published",
        "inferred",
    }
    for article in written:
        line = to_json_line(article)
        validated = models.Article.model_validate_json(line)
        assert pydantic_json_line(validated) == line
        model = models.from_plain(article)
        assert model == validated
        assert type(model.source) is models.Source and type(model.stats) is models.Stats
        assert all(type(mention) is models.DateMention for mention in model.dates)


def test_a_plain_record_of_each_kind_is_written_as_its_model(tmp_path: Path) -> None:
    """Records alone (not inside an Article) go through the same writer, and from_plain makes
    each one's own model."""
    articles = [item for item in plain_files(_inputs(tmp_path)) if isinstance(item, plain.Article)]
    article = next(item for item in articles if item.dateline and item.reference_date)
    records = [article.source, article.stats, article.dateline, article.reference_date, *article.dates]
    for record in records:
        model = models.from_plain(record)
        assert type(model).__name__ == type(record).__name__
        assert to_json_line(record) == pydantic_json_line(model)
