"""models.trusted builds the same records as validation does, for the pipeline's own values.

trusted takes the values as they are, in the order given: these tests hold every record the
pipeline builds with it equal to a validated copy, JSON key order included, for both the C
build (newsingest._models) and its Python specification, trusted_python."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle

import pytest
from pydantic import BaseModel

from newsingest import models
from newsingest.formats import Options
from newsingest.models import Article, DateMention, ReferenceDate, Source, Stats, trusted_python
from newsingest.pipeline import parse_file, parse_text

from .conftest import ARTICLE

MENTION = {
    "text": "১২ অক্টোবর",
    "field": "body",
    "start": 3,
    "end": 13,
    "type": "DATE",
    "value": "2023-10-12",
    "earliest": "2023-10-12",
    "latest": "2023-10-12",
}


def _hash(record: BaseModel) -> int | None:
    try:
        return hash(record)
    except TypeError:  # a record holding a list (an Article) has no hash
        return None


def _same(built: BaseModel, validated: BaseModel) -> None:
    assert built == validated
    assert built.model_dump_json() == validated.model_dump_json()
    assert built.model_dump() == validated.model_dump()
    assert built.model_fields_set == validated.model_fields_set
    assert _hash(built) == _hash(validated)  # frozen records hash by value
    assert pickle.loads(pickle.dumps(built)) == validated
    assert copy.deepcopy(built) == validated
    with pytest.raises(ValueError):  # still frozen
        built.__setattr__(next(iter(type(built).model_fields)), None)


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (DateMention, MENTION),
        (DateMention, {**MENTION, "type": "DURATION", "value": "P3D", "earliest": None, "latest": None}),
        (Stats, {"characters": 120, "words": 20, "sentences": 3, "paragraphs": 2}),
        (
            Source,
            {"path": "a.jsonl", "format": "jsonl", "encoding": "utf-8", "bytes": 10}
            | {"sha256": "0" * 64, "record": 2, "compression": None},
        ),
    ],
)
@pytest.mark.parametrize("build", [models.trusted, trusted_python], ids=["trusted", "trusted_python"])
def test_trusted_records_equal_validated_ones(model: type[BaseModel], values: dict, build) -> None:
    _same(build(model, dict(values)), model.model_validate(values))


def test_the_c_builder_is_built_and_used() -> None:
    assert models.trusted is not trusted_python, (
        "newsingest._models was not built, so records are built by trusted_python (slower). "
        "The editable install compiles src/newsingest/_models.c (setup.py, optional=True); "
        "install a C compiler and the Python headers, then run `make clean test`."
    )


def test_the_c_builder_refuses_what_is_not_a_model_and_a_dict() -> None:
    with pytest.raises(TypeError):
        models.trusted(Stats, [("words", 1)])
    with pytest.raises(TypeError):
        models.trusted("Stats", {})


@pytest.mark.parametrize("build", [models.trusted, trusted_python], ids=["trusted", "trusted_python"])
def test_records_of_a_model_keep_their_own_fields_set(build) -> None:
    """The C build shares one fields set among a model's records: no record's copy, nor a
    record with other fields, may change what another reports."""
    stats = {"characters": 120, "words": 20, "sentences": 3, "paragraphs": 2}
    first, second = build(Stats, dict(stats)), build(Stats, {**stats, "words": 7})
    copied = first.model_copy(update={"words": 1})
    assert copied.words == 1 and first.words == 20 and first.model_fields_set == set(stats)
    assert first.model_fields_set == second.model_fields_set == set(stats)
    named = {"path": "a.txt", "format": "text", "encoding": "utf-8", "bytes": 3, "sha256": "0" * 64}
    partial = build(Source, named)
    full = build(Source, {**partial.__dict__, "record": 2, "compression": None})
    assert partial.model_fields_set == {"path", "format", "encoding", "bytes", "sha256"}
    assert full.model_fields_set == partial.model_fields_set | {"record", "compression"}
    assert build(Source, dict(partial.__dict__)).model_fields_set == partial.model_fields_set


def _records() -> list[Article]:
    """Articles from each path the library builds its models by (models.from_plain): a text,
    JSON Lines records."""
    lines = [{"title": "শিরোনাম", "body": ARTICLE, "date": "2023-10-12"}, {"title": "খ", "body": "২০২৩ সালে।"}]
    data = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines).encode()
    on_a_day = parse_text(ARTICLE, dt.date(2024, 2, 29))  # reference date "option"
    return [parse_text(ARTICLE), on_a_day, *parse_file(data, "dump.jsonl", None, Options())]


@pytest.mark.parametrize("article", _records())
def test_a_parsed_article_equals_its_validated_copy(article: Article) -> None:
    assert article.dates, "each test article has dates"
    validated = Article.model_validate(article.model_dump())
    _same(article, validated)
    assert isinstance(article.dates[0], DateMention) and isinstance(article.stats, Stats)
    assert isinstance(article.source, Source)
    assert article.reference_date is None or isinstance(article.reference_date, ReferenceDate)
    changed = article.model_copy(update={"headline": "অন্য"})
    assert changed.headline == "অন্য" and changed.body == article.body
