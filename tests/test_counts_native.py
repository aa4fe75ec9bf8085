"""The C counts (newsingest._counts) against their specification in segment.py.

test_segment.py already holds count_words to bnlp itself; here the C loops meet the Python
functions they replace, on the same tricky text, so a disagreement names the C code.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings

from newsingest import segment

from .conftest import examples
from .test_segment import TEXT

native = segment._counts


def test_the_c_counts_are_built_and_used() -> None:
    assert native is not None, (
        "newsingest._counts was not built, so the word and sentence counts run as regexes. "
        "The editable install compiles src/newsingest/_counts.c (setup.py, optional=True); "
        "install a C compiler and the Python headers, then run `make clean test`."
    )
    assert segment.count_sentences is native.count_sentences


needs_native = pytest.mark.skipif(native is None, reason="the C counts are not built (see the test above)")


@needs_native
@settings(max_examples=examples(2000), deadline=None)
@given(TEXT)
@example("")
@example("ক,খ")
@example("  \u3000ক।।খ?")
@example("a_b ১২")
@example("\U0001f600ক,খ")
def test_native_counts_equal_the_python_counts(text: str) -> None:
    assert segment.count_words(text) == segment.count_words_python(text)
    assert native.count_sentences(text) == segment.count_sentences_python(text)


@needs_native
def test_text_beyond_the_bitmap_is_left_to_python() -> None:
    table = segment._punctuation_bitmap()
    assert native.count_words("ক\U00010100খ", table) is None
    assert segment.count_words("ক\U00010100খ") == 3  # the Aegean word separator is punctuation


@needs_native
@pytest.mark.parametrize("args", [(b"x", b""), ("x", b"short"), ("x",)])
def test_count_words_rejects_wrong_arguments(args: tuple) -> None:
    with pytest.raises(TypeError):
        native.count_words(*args)


@needs_native
def test_count_sentences_rejects_bytes() -> None:
    with pytest.raises(TypeError):
        native.count_sentences(b"abc")
