"""The C checks of the formats stage (newsingest.formats._scan) against their specifications.

may_repeat only decides whether clean() looks for repeated sentences, so the C may say True
where may_repeat_python says False (past 64 pieces), never the other way round; up to 64
pieces the two agree exactly. legacy_lines gives text.legacy_lines_python's list exactly.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsingest.formats import clean, text

from .conftest import examples

native = clean.native_scan


def test_the_c_checks_are_built_and_used() -> None:
    assert native is not None, (
        "newsingest.formats._scan was not built, so clean() and repair() split every text in "
        "Python. The editable install compiles src/newsingest/formats/_scan.c (setup.py, "
        "optional=True); install a C compiler and the Python headers, then run `make clean test`."
    )
    assert clean._may_repeat is native.may_repeat and text._legacy_lines is native.legacy_lines
    assert clean._caseless is native.caseless


needs_native = pytest.mark.skipif(native is None, reason="the C checks are not built (see the test above)")

# Short sentences from few letters, so equal ones are common; every kind of whitespace
# str.strip removes, and the marks the check reads.
PARAGRAPH = st.text(alphabet=st.sampled_from("কখ a\u00a0\t\n\u2009।।।?!"), max_size=60)
LONG = st.lists(st.sampled_from(["ক", "খ", "কখ", " ক ", ""]), min_size=60, max_size=70).map("।".join)


@needs_native
@settings(max_examples=examples(600), deadline=None)
@given(PARAGRAPH)
@example("ক। ক")
@example("ক।ক ।")
@example(" ক\u00a0।\tক")
@example("কখ। খক।")
@example("")
@example("।")
@example("। ।")
@example("ক?")
@example("a। a")
@example("\U0001f600। \U0001f600")
def test_may_repeat_is_its_python_specification(paragraph: str) -> None:
    assert native.may_repeat(paragraph) is clean.may_repeat_python(paragraph)


@needs_native
@settings(max_examples=examples(200), deadline=None)
@given(LONG)
def test_may_repeat_past_64_pieces_never_misses_a_repeat(paragraph: str) -> None:
    expected = clean.may_repeat_python(paragraph)
    assert native.may_repeat(paragraph) is (True if paragraph.count("।") >= 64 else expected)


@needs_native
def test_the_checks_refuse_what_is_not_text() -> None:
    with pytest.raises(TypeError):
        native.may_repeat(b"\xe0\xa5\xa4")
    with pytest.raises(TypeError):
        native.legacy_lines(b"ab\ncd")
    with pytest.raises(TypeError):
        native.caseless(b"ab")


# Lines of Bengali letters (and the marks and digits around them in the Bengali block, which
# are not letters), Bijoy-like ASCII, whitespace of every kind, and line breaks.
LINE_CHARACTERS = "কঅহ\u09dc\u09df\u0984\u09ba\u09e6।া়vwAa1 \t\r\x0b\x0c\u00a0\u2009\u3000\n"
LINES = st.text(alphabet=st.sampled_from(LINE_CHARACTERS), max_size=80)


@needs_native
@settings(max_examples=examples(600), deadline=None)
@given(LINES)
@example("")
@example("\n")
@example("abc")
@example("ক\nabc\n \n\u00a0x")
@example("\u0984\u09ba\u09e6")  # just outside the letters, or not letters
@example("\u0985\u09b9\u09dc\u09df")  # the letters' bounds
@example("vwAa\r\nক")
def test_legacy_lines_is_its_python_specification(lines: str) -> None:
    assert native.legacy_lines(lines) == text.legacy_lines_python(lines)


# The edges of what a line of Bengali is made of, and characters casefold() changes: ASCII
# letters, ß, the long s, the Kelvin sign, a ligature, Greek.
CASE_CHARACTERS = (
    "কঅ\u0980\u09ff\u097f\u0a00\u0963।॥\u0966aAzZ@[`{1 \u00a0"
    "\u00df\u2000\u206f\u2070\u017f\u212a\ufb00Σ"
)


@needs_native
@settings(max_examples=examples(600), deadline=None)
@given(st.text(alphabet=st.sampled_from(CASE_CHARACTERS), max_size=40))
@example("")
@example("আরও পড়ুন: ১২ মে।")
@example("Follow")
def test_caseless_is_its_python_specification_and_casefold_keeps_such_text(line: str) -> None:
    assert native.caseless(line) is clean.caseless_python(line)
    if clean.caseless_python(line):
        assert line.casefold() == line
