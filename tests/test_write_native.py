"""The C serializer (newsingest._write) writes each record's JSON line as pydantic does.

write.pydantic_json_line is the specification: for any record of newsingest.models the
two give the same bytes, and where pydantic refuses a value (a lone surrogate) so does
to_json_line, with pydantic's own error.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

from newsingest import write
from newsingest.models import Cleaning, Dateline, DateMention, Source, Stats, trusted
from newsingest.pipeline import parse_text
from newsingest.write import pydantic_json_line, to_json_line

from .conftest import ARTICLE, examples


def test_the_c_serializer_is_built_and_used() -> None:
    assert write.json_line is not write._json_line_python, (
        "newsingest._write was not built, so every JSON line is written by pydantic (slower). "
        "The editable install compiles src/newsingest/_write.c (setup.py, optional=True); "
        "install a C compiler and the Python headers, then run `make clean test`."
    )
    assert write.json_line(parse_text(ARTICLE)) is not None


needs_native = pytest.mark.skipif(
    write.json_line is write._json_line_python, reason="the C serializer is not built (see the test above)"
)

# Any code point but surrogates (pydantic refuses those; see below), weighted to the ones
# JSON escapes and to every length of UTF-8.
ANY_TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from('"\\/\b\f\n\r\t\x00\x1f\x7f\x80\u07ff\u0800\u09a1\u2028\uffff\U00010000\U0010ffff'),
    )
)


def _same(record: BaseModel) -> None:
    assert to_json_line(record) == pydantic_json_line(record)


@needs_native
@settings(max_examples=examples(500), deadline=None)
@given(ANY_TEXT, st.one_of(st.none(), ANY_TEXT))
@example('a"b\\c\x00\x08\t\n\x0b\x0c\r\x1f\x7f', "\u00e9\u0995\U0001f600")
def test_strings_are_escaped_and_encoded_as_pydantic_does(text: str, place: str | None) -> None:
    _same(Dateline(text=text, place=place, date=None, agency="বাসস"))


@needs_native
@pytest.mark.parametrize("special", ['"', "\\", "\x00", "\x1f", "\n", "\x7f", "\u0995"])
def test_a_character_to_escape_is_found_at_any_offset(special: str) -> None:
    """The plain runs are found many bytes at a time: a character to escape is caught in
    the first, the middle and the last byte of such a block, and in the tail after them."""
    for plain in ("a" * 40, "ক" * 14):
        for at in range(len(plain) + 1):
            _same(Dateline(text=plain[:at] + special + plain[at:], place=None, date=None, agency=None))


@needs_native
@settings(max_examples=examples(300), deadline=None)
@given(
    st.integers(min_value=0, max_value=2**70),
    st.one_of(st.none(), st.integers(min_value=-(2**64), max_value=2**64)),  # (record has no bound)
    ANY_TEXT,
)
@example(2**63 - 1, 2**63, "x")  # the largest int C writes itself, and the first it leaves to pydantic
@example(10, -(2**63), "x")  # the smallest, whose magnitude a long long cannot hold
@example(0, -(2**63) - 1, "x")
def test_numbers_and_optional_fields_as_pydantic_writes_them(
    size: int, record: int | None, path: str
) -> None:
    _same(Source(path=path, format="jsonl", encoding="utf-8", bytes=size, sha256="0" * 64, record=record))
    _same(Stats(characters=size, words=0, sentences=1, paragraphs=2))


@needs_native
@settings(max_examples=examples(200), deadline=None)
@given(st.lists(ANY_TEXT, max_size=4), st.one_of(st.none(), ANY_TEXT))
def test_whole_articles_as_pydantic_writes_them(tags: list[str], author: str | None) -> None:
    article = parse_text(ARTICLE).model_copy(
        update={"tags": tags, "author": author, "cleaning": Cleaning(repeated=len(tags))}
    )
    assert article.dates  # nested records in a list, too
    _same(article)


def test_a_lone_surrogate_fails_as_pydantic_fails() -> None:
    dateline = Dateline(text="ঢাকা \ud800")
    with pytest.raises(PydanticSerializationError) as expected:
        pydantic_json_line(dateline)
    with pytest.raises(PydanticSerializationError) as raised:
        to_json_line(dateline)
    assert str(raised.value) == str(expected.value)


@needs_native
def test_what_is_not_a_whole_record_is_left_to_pydantic() -> None:
    class Note(BaseModel):  # not one of newsingest.models' records
        text: str

    assert write.json_line(Note(text="x")) is None
    assert to_json_line(Note(text="x")) == b'{"text":"x"}\n'
    missing = trusted(Stats, {"characters": 1})  # a field missing from __dict__
    assert write.json_line(missing) is None
    mention = DateMention(text="আজ", field="body", start=0, end=2, type="DATE", value="2024-05-01")
    assert write.json_line(mention) == pydantic_json_line(mention)
