"""The regex word counter gives exactly bnlp-toolkit's BasicTokenizer count, on any text."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsingest import segment

from .conftest import ARTICLE, SEED, examples

# Characters where the two could disagree: ASCII symbols, "." (bnlp keeps it in words), the
# dari, Unicode punctuation inside and beyond the BMP, every kind of space, joiners, controls.
_TRICKY = (
    ".,;:!?-()[]{}\"'`^$~@#%&*+=<>/\\|_।॥৷…–—“”‘’«»¿¡·\u00a0\u2000\u200b\u200c\u200d\u2028\u2029"
    "\u3000\x1c\x1d\x1e\x1f\x85\t\n\r\x0b\x0cXTEMPDOT\U00010100\U0001039f\U000110bb\U0001f600𝔸"
)
TEXT = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(_TRICKY + "কখগ১২ab ")),
    st.lists(st.sampled_from(ARTICLE.split() + list(_TRICKY)), max_size=30).map("".join),
)


def words(text: str) -> int:
    return segment.count_text([text])[0]


def bnlp_count(text: str) -> int:
    return len(segment._bnlp_basic().BasicTokenizer().tokenize(text))


@settings(max_examples=examples(1000), deadline=None)
@given(TEXT)
@example("a.b, c")
@example("XTEMPDOT.")
@example("১০:৩০ (বৃহস্পতিবার) ১২-১০-২০২৩।")
@example("\U0001f600,\U00010100x")
def test_count_words_is_bnlp_count(text: str) -> None:
    assert words(text) == bnlp_count(text)


def test_count_words_on_the_seed() -> None:
    for line in SEED.read_text(encoding="utf-8").splitlines():
        assert words(line) == bnlp_count(line)


def test_punctuation_table_matches_this_python() -> None:
    if unicodedata.unidata_version != segment._PUNCTUATION_UNICODE:
        pytest.skip("the stored table is for another Unicode version; this Python computes its own")
    assert segment._table_ranges() == segment.punctuation_ranges()


@pytest.mark.parametrize("code", [0x21, 0x2D, 0x964, 0x965, 0x2014, 0x10100, 0x1F600 - 0x1000])
def test_every_punctuation_character_stands_alone(code: int) -> None:
    text = f"ক{chr(code)}খ"
    assert words(text) == bnlp_count(text)


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(TEXT, max_size=6))
def test_count_words_is_the_sum_over_lines(lines: list[str]) -> None:
    """pipeline counts the words of the headline and the paragraphs, not of the body they
    make joined by blank lines: the same count."""
    assert segment.count_text(lines)[0] == words("\n\n".join(lines)) == sum(map(words, lines))


@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(TEXT, st.text(alphabet=st.characters(blacklist_categories=()))))
def test_astral_shortcuts_change_nothing(text: str) -> None:
    assert segment._has_astral(text) == bool(re.search("[\U00010000-\U0010ffff]", text))


@settings(max_examples=examples(1000), deadline=None)
@given(TEXT)
@example("।।ক? !খ")
def test_sentence_shortcuts_change_nothing(line: str) -> None:
    pieces = re.split(r"[।?!]+", line)
    assert segment.count_text([line])[1] == sum(1 for piece in pieces if re.search(r"\w", piece))
