"""Properties that hold for any text: no surprise exceptions, valid offsets, determinism."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newsingest import InputError, parse_bytes, parse_text
from newsingest.models import Article
from newsingest.write import to_json_line

from .conftest import examples

# Text biased towards what the date finder reacts to, mixed with anything at all.
_VOCABULARY = (
    "১২ অক্টোবর ২০২৩ সালের সালে গত আগামী চলতি মাসে বছর সপ্তাহে আজ গতকাল কাল পরশু বৃহস্পতিবার "
    "রোববার ( ) , - থেকে ও রাত সকাল সাড়ে ৮টায় ১০:৩০ ১০-১২ ২০২৩-২৪ অর্থবছরে পৌষ ১৪৩১ বঙ্গাব্দ "
    "৬ সফর ১৪৪৬ হিজরি তিন দিন ধরে প্রতি শুক্রবার দশকে নব্বইয়ের । \n 12/10/2023 2023-10-12 ১লা ২১শে"
)
WORDS = st.sampled_from(_VOCABULARY.split(" "))
TEXT = st.one_of(st.text(), st.lists(st.one_of(WORDS, st.text(max_size=3)), max_size=40).map(" ".join))


def check(article: Article) -> None:
    assert to_json_line(article) == article.model_dump_json().encode() + b"\n"
    record = json.loads(article.model_dump_json())
    Article.model_validate(record)
    for date in record["dates"]:
        assert record[date["field"]][date["start"] : date["end"]] == date["text"]
        assert date["text"].strip() == date["text"] and date["text"]


@settings(max_examples=examples(300), deadline=None)
@given(TEXT, st.one_of(st.none(), st.dates()))
def test_any_text_parses_or_raises_input_error(text: str, reference) -> None:
    try:
        article = parse_text(text, reference)
    except InputError:
        return
    check(article)
    assert parse_text(text, reference) == article


@settings(max_examples=examples(200), deadline=None)
@given(st.binary())
def test_any_bytes_parse_or_raise_input_error(data: bytes) -> None:
    try:
        article = parse_bytes(data, "x.txt")
    except InputError as error:
        assert error.message and "\n" not in error.message
        return
    check(article)
