"""The C tokenizer (newsingest.dates._tokenize) against its specification, tokenize_python.

The texts mix what the regular expressions of tokens.py tell apart: Bengali letters inside
and just outside their range, digits of several scripts, the separators of numbers, number
suffixes, quotes, sentence marks, kinds of whitespace, Latin letters, and whole lexicon
entries (two-word phrases too, with other whitespace between their words). Every text here
is written for this file.
"""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsingest.dates import tokens
from newsingest.dates.tokens import Token, tokenize_python

from .conftest import examples

native = tokens._tokenize


def test_the_c_tokenizer_is_built_and_used() -> None:
    assert native is not None, (
        "newsingest.dates._tokenize was not built, so `tokenize` is the slow Python reference. "
        "The editable install compiles src/newsingest/dates/_tokenize.c (setup.py, optional=True); "
        "install a C compiler and the Python headers, then run `make clean test` and read pip's output."
    )
    assert tokens.tokenize is native.tokenize


needs_native = pytest.mark.skipif(native is None, reason="the C tokenizer is not built (see the test above)")

BENGALI = "অআইঈউএওকখগঘচজটডতদনপবমযরলশসহড়য়ৎংঃঁািীুূৃেৈোৌ়্ৗ"
EDGES = "\u0980\u09e5\u09f0\u09fc\u09fd\u09fe\u09ff\u097f\u0a00"  # in and just outside the BN range
DIGITS = "০১২৩৯0159٣३１²"  # Bengali, ASCII, Arabic-Indic, Devanagari, fullwidth, superscript (no \d)
MARKS = ":.-/'’,।?!()[]–—|;\"%"
SPACES = " \t\n\u00a0\u2009\u3000\x1c\x85\r\f"
LATIN = "AaBbTtSsNnDdRrHhZz"
# ZWJ (a BN letter), ZWNJ, astral characters (a math digit 0 is \d), BOM, a lone surrogate
OTHER = "\u200d\u200c😀\U0001d7ce\ufeff\ud800"
ALPHABET = BENGALI + EDGES + DIGITS + MARKS + SPACES + LATIN + OTHER

ENTRIES = sorted(tokens.WORDS)
PHRASES = sorted(key for key in tokens.WORDS if " " in key)
TRIGGERS = sorted(tokens._TRIGGERS)
ASCII_ENTRIES = sorted(key for key in tokens.WORDS if key.isascii())  # january, jan ...

DIGIT_RUN = st.builds(
    lambda script, n: script * n, st.sampled_from(["১", "৯", "2", "0", "٣", "३"]), st.integers(1, 4)
)
NUMBER = st.builds(
    lambda first, rest, suffix: first + "".join(sep + run for sep, run in rest) + suffix,
    DIGIT_RUN,
    st.lists(st.tuples(st.sampled_from(":.-/"), DIGIT_RUN), max_size=3),
    st.sampled_from(["", "ই", "-এ", "'র", "’তে", "-", "st", "nd", "rd", "th", "টায়", "টি", "s", "-a"]),
)
PHRASE = st.builds(
    lambda key, space: key.replace(" ", space),
    st.sampled_from(PHRASES),
    st.sampled_from([" ", "\t", "\u00a0", "\n", "  "]),
)
CASED = st.builds(
    lambda word, case: getattr(word, case)(),
    st.sampled_from(ASCII_ENTRIES),
    st.sampled_from(["lower", "upper", "title"]),
)
PIECE = st.one_of(
    st.text(ALPHABET, min_size=1, max_size=4),
    st.sampled_from(ENTRIES),
    st.sampled_from(TRIGGERS),
    PHRASE,
    CASED,
    NUMBER,
    st.sampled_from([" ", " ", "। ", "\n", ". ", "."]),
)
TEXT = st.one_of(st.lists(PIECE, max_size=30).map("".join), st.text(ALPHABET, max_size=60))


def _same(text: str) -> None:
    expected = tokenize_python(text)
    got = native.tokenize(text)
    assert got == expected
    assert all(type(token) is Token for token in got)
    assert [tuple(map(type, token)) for token in got] == [tuple(map(type, token)) for token in expected]


@needs_native
@settings(max_examples=examples(1500), deadline=None)
@given(TEXT)
def test_native_tokenize_equals_python(text: str) -> None:
    _same(text)


@needs_native
@pytest.mark.parametrize(
    "text",
    [
        "",
        "সোমবার.",  # '.' at the very end: not glued to the word (its lookahead needs a space)
        "সোমবার.\nমঙ্গলবার. বুধবার",  # '.' then whitespace: part of the word
        "১০-abc ২০২৩-XY ১২/",  # a number, then '-' or '/' with no digit after it
        "১২-ই জানুয়ারি ১০:ক",  # '-' + Bengali is a suffix; ':' + letter is not a time
        "১.২.৩-৪/৫.৬",  # the [-/] groups come after all the [:.] groups
        "10st 3rdly 2th 7TH",  # Latin suffixes are lower case and exactly two letters
        "আজ ৫",  # a lone digit at the end
        "৫",
        "😀 ১২ জানুয়ারি 😀 𝟎",  # astral characters count one index each
        "গত\tবছর, গত\u00a0মাসে।",  # a phrase across other whitespace
        "সেপ্টেম্বর",
        "JANUARY January january",
        "১২ ই\u200dমে",
        "কাল রাত ১০টায় (২৫ মার্চ) — ঢাকা।",
        "\u09fd১২\u09fe",
        "২০২৩-২৪ অর্থবছরে",
    ],
)
def test_edge_cases(text: str) -> None:
    _same(text)


@needs_native
def test_offsets_and_values_of_a_few_edges() -> None:
    assert native.tokenize("") == []
    end = native.tokenize("শুক্রবার.")
    assert [(t.start, t.end) for t in end] == [(0, 8), (8, 9)] and end[1].cls == "o"
    glued = native.tokenize("শুক্রবার. ")
    assert [(t.start, t.end) for t in glued] == [(0, 9)]
    number = native.tokenize("১০-xy")
    assert [(t.start, t.end, t.cls) for t in number] == [(0, 2, "d"), (2, 3, "-"), (3, 5, "o")]
    assert number[0].ending == ""
    emoji = native.tokenize("😀১২ মে")
    assert [(t.start, t.end) for t in emoji] == [(0, 1), (1, 3), (4, 6)]


@needs_native
def test_tokens_hash_as_tuples_do() -> None:
    """Tokens are made without tuple.__new__ on Python 3.11 and 3.12; they must still be
    whole tuples: equal, hashable and usable as dict keys like the Python ones."""
    text = "গত ১২ জানুয়ারি সকাল ১০:৩০ মিনিটে"
    for got, expected in zip(native.tokenize(text), tokenize_python(text), strict=True):
        assert hash(got) == hash(expected) == hash(tuple(expected))
        assert got._replace(cls="x") == expected._replace(cls="x")
        assert got._asdict() == expected._asdict()


@needs_native
def test_not_a_str() -> None:
    for value in (None, b"\xe0\xa7\xa7", 12):
        with pytest.raises(TypeError):
            native.tokenize(value)
        with pytest.raises(TypeError):
            tokenize_python(value)


def _configure(number_token: Callable[[str, str, int, int], Token]) -> None:
    """native.configure as tokens.py calls it, with another number callback."""
    native.configure(
        tokens.WORDS,
        tokens._PHRASE_STARTS,
        tokens._TRIGGERS,
        tokens._PUNCT,
        number_token,
        Token,
        clock_suffixes=tokens._CLOCK_SUFFIXES,
        count_suffixes=tokens._COUNT_SUFFIXES,
        ordinal_suffixes=tokens._ORDINAL_SUFFIXES,
        counted_suffix=tokens._COUNTED_SUFFIX,
        years=(tokens._FIRST_YEAR, tokens._LAST_YEAR),
    )


@needs_native
def test_only_long_numbers_call_back_and_errors_propagate() -> None:
    def broken(*args: object) -> Token:
        raise ZeroDivisionError("from _number_token")

    long_number = "আজ " + "১" * 19 + " মে"
    try:
        _configure(broken)
        with pytest.raises(ZeroDivisionError, match="from _number_token"):
            native.tokenize(long_number)
        for text in ("আজ মে", "আজ ১২ মে", "আজ " + "১" * 18 + " মে", "১২/১০/২০২৩ ১০:৩০ ২০২৩-২৪"):
            assert native.tokenize(text) == tokenize_python(text)
    finally:
        _configure(tokens._number_token)
    assert native.tokenize(long_number) == tokenize_python(long_number)


@needs_native
def test_no_references_or_memory_kept() -> None:
    text = "গত বছরের ১২ জানুয়ারি, সোমবার (2023-24) সকাল ১০টায়। এটি একটি বাক্য।\nJanuary 5th 😀"
    entry = tokens.WORDS["জানুয়ারি"]
    watched = [Token, entry, entry[1], tokens._number_token, text]
    native.tokenize(text)  # warm caches (ints, interned strings)
    before = [sys.getrefcount(obj) for obj in watched]
    tracemalloc.start()
    try:
        start, _ = tracemalloc.get_traced_memory()
        for _ in range(2000):
            native.tokenize(text)
        grown = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()
    assert [sys.getrefcount(obj) for obj in watched] == before
    assert grown < 10_000, f"{grown} bytes still allocated after 2,000 calls"
