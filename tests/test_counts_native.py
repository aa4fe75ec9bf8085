"""The C counts (newsingest._counts) against their specification in segment.py.

test_segment.py already holds count_words to bnlp itself; here the C loops meet the Python
functions they replace, on the same tricky text, so a disagreement names the C code.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

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


needs_native = pytest.mark.skipif(native is None, reason="the C counts are not built (see the test above)")


@needs_native
@settings(max_examples=examples(2000), deadline=None)
@given(st.lists(TEXT, max_size=4))
@example([])
@example([""])
@example(["ক,খ", "  \u3000ক।।খ?"])
@example(["a_b ১২", "খ"])
@example(["ক", "\U0001f600ক,খ"])
def test_native_counts_equal_the_python_counts(lines: list[str]) -> None:
    counted = native.count_text(lines, segment._punctuation_bitmap())
    if counted is None:
        assert any(segment._has_astral(line) for line in lines)
    else:
        assert counted == segment.count_text_python(lines)
    assert segment.count_text(lines) == segment.count_text_python(lines)


@needs_native
def test_text_beyond_the_bitmap_is_left_to_python() -> None:
    table = segment._punctuation_bitmap()
    assert native.count_text(["ক", "ক\U00010100খ"], table) is None
    assert segment.count_text(["ক", "ক\U00010100খ"]) == (4, 2)  # the Aegean word separator is punctuation


@needs_native
@pytest.mark.parametrize("args", [(["x"], b""), (["x"], b"short"), (["x"],), ("x", None), ([b"x"], None)])
def test_count_text_rejects_wrong_arguments(args: tuple) -> None:
    args = tuple(segment._punctuation_bitmap() if arg is None else arg for arg in args)
    with pytest.raises(TypeError):
        native.count_text(*args)


def test_the_bengali_block_holds_one_punctuation_mark_and_no_space_or_sentence_end() -> None:
    """What the C loop's shortcut for letters inside a word and a sentence assumes."""
    table = segment._punctuation_bitmap()
    block = [chr(code) for code in range(0x0980, 0x0A00)]
    assert [char for char in block if table[ord(char) >> 3] >> (ord(char) & 7) & 1] == ["\u09fd"]
    assert not any(char.isspace() or char in "।?!" for char in block)
