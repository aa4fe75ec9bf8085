"""The C repeat pre-check (newsingest.formats._clean) against may_repeat_python in clean.py.

The check only decides whether clean() looks for repeated sentences, so the C may say True
where Python says False (past 64 pieces), never the other way round; up to 64 pieces the two
agree exactly.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsingest.formats import clean

from .conftest import examples

native = clean._may_repeat


def test_the_c_check_is_built_and_used() -> None:
    assert native is not clean.may_repeat_python, (
        "newsingest.formats._clean was not built, so clean() splits every paragraph in Python. "
        "The editable install compiles src/newsingest/formats/_clean.c (setup.py, optional=True); "
        "install a C compiler and the Python headers, then run `make clean test`."
    )


needs_native = pytest.mark.skipif(
    native is clean.may_repeat_python, reason="the C check is not built (see the test above)"
)

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
    assert native(paragraph) is clean.may_repeat_python(paragraph)


@needs_native
@settings(max_examples=examples(200), deadline=None)
@given(LONG)
def test_may_repeat_past_64_pieces_never_misses_a_repeat(paragraph: str) -> None:
    expected = clean.may_repeat_python(paragraph)
    assert native(paragraph) is (True if paragraph.count("।") >= 64 else expected)


@needs_native
def test_may_repeat_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError):
        native(b"\xe0\xa5\xa4")
