"""The C scan (newsingest._normalise) against the Python checks it answers for, and normalise
with the scan against normalise_python, its specification.

The texts are made of pieces that the checks tell apart: Bengali letters, the vowel signs and
marks (ে before া or ৗ, sanda, nukta, virama), precomposed ড় ঢ় য়, the U+09F7 typed for a dari,
legacy khanda ta and the ra-phala joiner, zero-width characters, spaces and line breaks of
every kind (and runs of them, at a line's edges), ASCII, dandas and punctuation; characters
of other blocks that NFC leaves alone (no-break and other spaces, Latin-1, CJK, emoji), which
the scan answers for too; and now and then one NFC may act on (a combining mark, a character
NFC replaces or composes), where the scan leaves the text to Python.
"""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsingest import normalise as module
from newsingest.normalise import (
    _MAY_MATCH,
    BENGALI_SET,
    FIXES,
    _has_any,
    _has_edge_space,
    is_nfc,
    needs_work,
    normalise,
    normalise_python,
)

from .conftest import examples
from .test_normalise import _NFC_ALPHABET, _SUSPECTS, _reference, nfc_active

native = module._normalise
FIXES_BY_NAME = {fix.name: fix for fix in FIXES}

BITS = (
    *("NOT_NFC", "DARI", "KHANDA_TA", "ZERO_WIDTH", "DOUBLED_SIGN", "WHITESPACE"),
    *("LINE_BREAK", "EDGE_SPACE"),
)


def test_the_c_scan_is_built_and_used(monkeypatch: pytest.MonkeyPatch) -> None:
    assert native is not None, (
        "newsingest._normalise was not built, so normalise runs a dozen regex and substring "
        "checks over every text. The editable install compiles src/newsingest/_normalise.c "
        "(setup.py, optional=True); install a C compiler and the Python headers, then run "
        "`make clean test`."
    )

    def unused(text: str) -> tuple[str, list[str]]:
        raise AssertionError("normalise left Bengali text to normalise_python")

    monkeypatch.setattr(module, "normalise_python", unused)
    assert normalise(" কথা  বলেন\u09f7\r\n") == ("কথা বলেন।\n", ["dari", "whitespace"])
    assert normalise("কথা\t বলেন\u2028“আজ”\xad") == ("কথা বলেন\n“আজ”\xad", ["whitespace"])
    assert normalise("ন\u09dfা\xa0 দিল্লি") == ("ন\u09af\u09bcা দিল্লি", ["nfc", "whitespace"])
    # A lone no-break space stays (inside a date, say); one at a line's edge goes.
    assert normalise("১১\xa0জুলাই\xa0\n\xa0সভা") == ("১১\xa0জুলাই\nসভা", [])


needs_native = pytest.mark.skipif(native is None, reason="the C scan is not built (see the test above)")

INSIDE = st.sampled_from(
    [
        *"কখগতনবমযরসহঅআএ",  # letters
        "\u09a1\u09bc",  # ড় ঢ় য় as letter + nukta
        "\u09a2\u09bc",
        "\u09af\u09bc",
        *"\u09dc\u09dd\u09df",  # ড় ঢ় য় precomposed: not NFC
        # vowel signs and marks
        *"\u0981\u0982\u0983\u09bc\u09be\u09bf\u09c1\u09c7\u09c8\u09cb\u09cc\u09cd\u09d7\u09fe",
        *"\u09be\u09be\u09c7\u09cd\u09bc",  # the more often, to pair up
        "\u09c7\u09be",  # ে া
        "\u09c7\u09d7",  # ে ৗ
        "\u09cd\u09bc",  # virama before nukta
        "\u09fe\u09bc",
        "\u09fe\u09cd",
        "\u09f7",  # for a dari
        "\u09a4\u09cd\u200d",  # legacy khanda ta
        "\u09b0\u200d\u09cd\u09af",  # the ra-phala joiner, kept
        *"\u200c\u200d",
        *" \n\t\x0b\x0c\r\x1c\x1f",
        "  ",
        " \n",
        "\n ",
        "\r\n",
        " \r\n",  # a line that ends in a space once the \r goes
        " \u200c",  # two spaces, or an edge space, once the joiner goes
        *"aZ09.,:-_\x00\x7f",
        *"\u0964\u0965\u09e6\u09ef\u0980\u09ff",  # dandas, digits, the ends of the block
        *"\u2010\u2014\u2018\u201d\u2026\u2027\u2030\u205e",  # punctuation of BENGALI_SET
    ]
)
# Outside BENGALI_SET, but characters NFC leaves alone wherever they stand.
FOREIGN = st.sampled_from(
    [
        *"\x85\xa0\u1680\u2002\u200a\u2028\u2029\u202f\u205f\u3000",  # spaces
        *"\u200b\u2060\ufeff",  # zero-width
        "\xa0\xa0",
        " \xa0",
        "\xa0\n",
        "\u2028 ",
        # Latin-1 (é and Å decompose, and NFC composes them back), the soft hyphen, bidi
        # controls, just outside the block, CJK, Hangul, emoji, a mathematical digit
        *"é\xc5\xff\xad\xd7\u0963\u0966\u097f\u0a00\u200e\u202a\u4e2d\uac00\u1100😀\U0001d7ce",
    ]
)
# Characters NFC may act on, and pairs where it does.
NFC_ACTS = st.sampled_from(
    [
        *"\u0300\u0301\u0327\u0338\u093c\u0951\u20d0\U0001d165",  # combining marks
        *"\u2000\u2001\u2126\u212b\u0958\u0f73\u0344",  # NFC replaces them
        *"\u0b3e\u0cd5\u1161\u11a8\u3099\u102e",  # they compose with the one before
        "e\u0301",
        "\u1100\u1161",
        "\u0b47\u0b3e",
        "\uac00\u11a8",
    ]
)
BENGALI_TEXT = st.lists(INSIDE, max_size=40).map("".join)
# Bengali news as scraped: the scan answers for all of it.
NEWS_TEXT = st.lists(st.one_of(INSIDE, INSIDE, INSIDE, FOREIGN), max_size=40).map("".join)
MIXED_TEXT = st.lists(
    st.one_of(INSIDE, INSIDE, INSIDE, INSIDE, FOREIGN, FOREIGN, NFC_ACTS, st.characters()), max_size=40
).map("".join)
TEXT = st.one_of(
    BENGALI_TEXT, NEWS_TEXT, MIXED_TEXT, _SUSPECTS, st.text(alphabet=_NFC_ALPHABET), st.text()
)
# Short runs of marks and joiners: deleting a joiner can leave a pair that NFC composes or
# reorders (and reordering can line up two equal signs), so normalise goes round again.
MARK_SOUP = st.lists(
    st.sampled_from(
        [
            *"কত \n\u09c7\u09cd\u09fe\u09be\u09d7\u09bc\u200c\u200d",
            "\u09c7\u200c\u09be",  # ে া once the joiner goes: ো
            "\u09c7\u200d\u09d7",
            "\u09cd\u200d\u09bc",  # virama before nukta: NFC swaps them
            "\u09fe\u200c\u09cd",
            "\u09fe\u200c\u09bc",
        ]
    ),
    max_size=10,
).map("".join)

TRICKY = [
    "",
    " ",
    "\u09bc\u09cd\u200c\u09bc",  # the joiner goes, NFC lines up two nuktas: a second round
    "\u09c7\u200c\u09be",  # the joiner goes, ে া is left: NFC after the fixes
    "\u09be\u200c\u09be",  # the joiner goes, া া is left
    "ক \u200c কা",  # the joiner goes, two spaces are left
    "কা \u200c\nখ",  # the joiner goes, a line ends in a space
    "কা \r\nখ",  # a line ends in a space once the \r goes
    "ক\u09f7 \n",  # the dari, then an edge space
    "\u09a4\u09cd\u200d\u09cd\u09bc",
    "\u09dc\u09bc",
    "\u09fe\u09bc\u09bc",
    "ক\t\x85খ",
    "ক\xa0খ",
    "ক \xa0\nখ\xa0",  # the no-break space goes, a line ends in a space
    "ক\xa0\xa0খ\xa0 গ",  # runs of no-break spaces go, a lone one stays
    "\xa0\u2028\xa0",
    "\u09c7\ufeff\u09be",  # the BOM goes, ে া is left
    "\u09dfé\u09bc",
    "é\u09be\u09cd\u09bc",
    "\u2000কা",  # a space that NFC replaces: Python's
]


def _left_to_python(text: str) -> bool:
    """Whether `text` holds a character NFC may act on outside BENGALI_SET: where scan says None."""
    return not nfc_active().isdisjoint(re.sub(f"[{BENGALI_SET}]", "", text))


@needs_native
@settings(max_examples=examples(2000), deadline=None)
@given(st.one_of(TEXT, MARK_SOUP))
@example("\u09a4\u09cd\u200d")
@example("\u09cd\u200d")
@example("\u09a4\u200d")
def test_native_normalise_scan_answers_every_check(text: str) -> None:
    mask = native.scan(text)
    if _left_to_python(text):
        assert mask is None
        return
    expected = {
        "NOT_NFC": not is_nfc(text),
        **{name.upper(): bool(check(text)) for name, check in _MAY_MATCH.items()},
        "LINE_BREAK": _has_any(text, "\r\x85\u2028\u2029"),
        "EDGE_SPACE": _has_edge_space(text),
    }
    assert {name: bool(mask & getattr(native, name)) for name in BITS} == expected
    assert bool(mask & ~native.NOT_NFC) == needs_work(text)


@needs_native
@settings(max_examples=examples(2000), deadline=None)
@given(st.one_of(TEXT, MARK_SOUP))
def test_native_normalise_equals_normalise_python(text: str) -> None:
    assert normalise(text) == normalise_python(text)


@needs_native
@settings(max_examples=examples(2000), deadline=None)
@given(st.one_of(TEXT, MARK_SOUP))
@example("\u09c7\u09cd\u09be")  # a mark between: no ো
@example("\u09cb\u09be")
@example("\u09df\u09fe\u09bc\u09cd")  # the split-off nukta is sorted with the marks after
def test_native_normalise_nfc_is_unicodedatas(text: str) -> None:
    if native.scan(text) is None:
        with pytest.raises(ValueError):
            native.nfc(text)
    else:
        assert native.nfc(text) == unicodedata.normalize("NFC", text)
    assert module.nfc(text) == unicodedata.normalize("NFC", text)  # the C scan or unicodedata


@needs_native
def test_native_normalise_nfc_puts_back_what_nfd_splits() -> None:
    """nfc() keeps each character it takes but Bengali as it is; where NFD splits one (é,
    Hangul syllables), NFC must put it back together whatever Bengali stands around it."""
    for char in map(chr, range(sys.maxunicode + 1)):
        if unicodedata.normalize("NFD", char) != char and native.scan(char) is not None:
            for text in (f"\u09c7{char}\u09be", f"{char}\u09fe\u09cd\u09bc", f"\u09df{char}\u09bc\u09c7"):
                assert native.nfc(text) == unicodedata.normalize("NFC", text), ascii(text)


@needs_native
@settings(max_examples=examples(2000), deadline=None)
@given(st.one_of(TEXT, MARK_SOUP, st.text(alphabet=st.sampled_from(" \n\t\xa0\u2000\u3000\u200dর্যa"))))
@example("র\u200d\u200d্য")  # the second ZWJ follows a ZWJ, not র
@example("র\u200d্")
def test_native_normalise_fixes_are_the_regexes(text: str) -> None:
    for name, apply in module._NATIVE_APPLY.items():
        assert apply(text) == FIXES_BY_NAME[name].pattern.sub(FIXES_BY_NAME[name].replace, text), name


@settings(max_examples=examples(2000), deadline=None)
@given(st.one_of(TEXT, st.text(alphabet=st.sampled_from(" \n\r\t\xa0a"))))
def test_native_normalise_strip_lines_is_the_regex(text: str) -> None:
    assert module._strip_lines(text) == module._EDGE_SPACE.sub("", text)


@needs_native
@pytest.mark.parametrize("text", TRICKY)
def test_native_normalise_of_tricky_text(text: str) -> None:
    assert normalise(text) == normalise_python(text) == _reference(text)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(TEXT, MARK_SOUP))
def test_normalise_python_shortcuts_change_nothing(text: str) -> None:
    """normalise_python keeps its shortcuts too; it must still equal running every rule."""
    assert normalise_python(text) == _reference(text)


@needs_native
def test_the_bits_are_one_a_check() -> None:
    bits = [getattr(native, name) for name in BITS]
    assert all(bit > 0 and bit & (bit - 1) == 0 for bit in bits)
    assert len(set(bits)) == len(bits)
    assert {name.upper() for name in _MAY_MATCH} <= set(BITS)


@needs_native
@pytest.mark.parametrize("value", [b"abc", None, 1, ["a"]])
def test_scan_rejects_what_is_not_str(value: object) -> None:
    with pytest.raises(TypeError):
        native.scan(value)
    for function in (native.nfc, native.whitespace, native.zero_width):
        with pytest.raises(TypeError):
            function(value)


@needs_native
def test_scan_reads_every_str_representation() -> None:
    """Latin-1 strings are 1 byte a character, Bengali 2, emoji 4: the loop is compiled for each."""
    assert native.scan("a  b") == native.WHITESPACE
    assert native.scan("a\xa0b") == 0
    assert native.scan("a\xa0 b") == native.WHITESPACE
    assert native.scan("a\xa0") == native.EDGE_SPACE
    assert native.scan("a\u0301b") is None
    assert native.scan("কা\u09f7") == native.DARI
    assert native.scan("কা\u3000") == native.WHITESPACE
    assert native.scan("কা\u2000") is None
    assert native.scan("কা\U0001f600") == 0
    assert native.scan("কা\U0001d165") is None
    assert native.nfc("a\xa0b") == "a\xa0b"
    assert native.nfc("\u09df\u09c7\u09be") == "\u09af\u09bc\u09cb"
    assert native.nfc("\u09df😀") == "\u09af\u09bc😀"


@needs_native
def test_native_normalise_scan_leaves_to_python_what_only_unicodedata_can_judge() -> None:
    """Every character alone, which also checks the table setup.py writes for the scan."""
    left = [code for code in range(sys.maxunicode + 1) if native.scan(chr(code)) is None]
    assert left == [code for code in range(sys.maxunicode + 1) if _left_to_python(chr(code))]
