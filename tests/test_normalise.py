from __future__ import annotations

import functools
import re
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsingest.normalise import BENGALI_SET, FIXES, Fix, is_nfc, needs_work, normalise

from .conftest import examples


@pytest.mark.parametrize(
    ("raw", "expected", "fix"),
    [
        ("কথা বলেন\u09f7", "কথা বলেন।", "dari"),
        ("উৎসব", "উৎসব", None),
        ("উত\u09cd\u200dসব", "উৎসব", "khanda_ta"),
        ("সে\u200cতু", "সেতু", "zero_width"),
        ("কাা", "কা", "doubled_sign"),
        ("ঢাকা\t\u00a0 শহর", "ঢাকা শহর", "whitespace"),
        ("১১\u00a0জুলাই", "১১\u00a0জুলাই", None),
        ("\u09af\u09bc", "\u09af\u09bc", None),
        ("\u09df", "\u09af\u09bc", "nfc"),
    ],
)
def test_each_fix(raw: str, expected: str, fix: str | None) -> None:
    text, applied = normalise(raw)
    assert text == expected
    assert (fix in applied) if fix else applied == []


def test_ra_phala_joiner_is_kept() -> None:
    rab = "\u09b0\u200d\u09cd\u09af\u09be\u09ac"  # র‍্যাব
    assert normalise(rab) == (rab, [])


def test_lines_are_stripped_and_crlf_unified() -> None:
    text, _ = normalise("  শিরোনাম  \r\nপ্রথম  অনুচ্ছেদ \r\n")
    assert text == "শিরোনাম\nপ্রথম অনুচ্ছেদ\n"


def test_digits_stay_as_written() -> None:
    assert normalise("১০:৩০ ও 10:30")[0] == "১০:৩০ ও 10:30"


@settings(max_examples=examples(100), deadline=None)
@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once, _ = normalise(text)
    assert normalise(once) == (once, [])


# The alternation of every fix and line rule that normalise used to test before doing any
# work; needs_work is its faster stand-in and must find the same texts.
_ALTERNATION = re.compile(
    "|".join(
        f"(?:{p})"
        for p in [*(fix.pattern.pattern for fix in FIXES), r"\r\n?|[\x85\u2028\u2029]", r"^[ \xa0]|[ \xa0]$"]
    ),
    re.MULTILINE,
)
_SUSPECTS = st.text(
    alphabet=st.sampled_from(
        "কাো \n\t\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u200a\u200b\u200c\u200d\u2028\u2029"
        "\u202f\u205f\u3000\u2060\ufeff\u09f7\u09a4\u09cd\u09be\u0981\u09bc\u09d7a"
    )
)


@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(st.text(), _SUSPECTS))
def test_needs_work_finds_what_every_fix_would_find(text: str) -> None:
    assert needs_work(text) == bool(_ALTERNATION.search(text))


@settings(max_examples=examples(100), deadline=None)
@given(st.one_of(st.text(), _SUSPECTS))
def test_normalised_text_is_nfc_and_left_alone(text: str) -> None:
    normal, _ = normalise(text)
    assert unicodedata.is_normalized("NFC", normal)
    assert not needs_work(normal)


def test_marks_reordered_by_nfc_are_settled() -> None:
    """Found by `make fuzz`: NFC puts nukta before virama, lining up two nuktas again."""
    text, applied = normalise("\u09bc\u09cd\u200b\u09bc")
    assert text == "\u09bc\u09cd"
    assert normalise(text) == (text, [])
    assert applied == ["zero_width", "doubled_sign"]


def _reference(text: str) -> tuple[str, list[str]]:
    """normalise without any shortcut: every rule run over the text, every time."""
    applied: list[str] = []
    if unicodedata.normalize("NFC", text) != text:
        text = unicodedata.normalize("NFC", text)
        applied.append("nfc")
    text = re.sub(r"\r\n?|[\x85\u2028\u2029]", "\n", text)
    for _ in range(8):
        for fix in FIXES:
            fixed = fix.pattern.sub(fix.replace, text)
            if fixed != text:
                if fix.name not in applied:
                    applied.append(fix.name)
                text = fixed
        if unicodedata.normalize("NFC", text) == text:
            break
        text = unicodedata.normalize("NFC", text)
    return re.sub(r"^[ \xa0]+|[ \xa0]+$", "", text, flags=re.MULTILINE), applied


@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(st.text(), _SUSPECTS))
def test_shortcuts_change_nothing(text: str) -> None:
    assert normalise(text) == _reference(text)


@functools.cache
def composes_after() -> dict[str, frozenset[str]]:
    """Each second half of a canonical composition, with the characters it composes after.
    Hangul's, which unicodedata.decomposition leaves out, by the Unicode standard's rule
    (3.12): a leading consonant composes with a vowel jamo, a syllable without a final with
    a final jamo."""
    pairs: dict[str, set[str]] = {}
    for code in range(sys.maxunicode + 1):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            first, second = (chr(int(part, 16)) for part in parts)
            if unicodedata.normalize("NFC", first + second) == chr(code):
                pairs.setdefault(second, set()).add(first)
    leading = {chr(c) for c in range(0x1100, 0x1113)}
    open_syllables = {chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 0}
    pairs.update({chr(c): leading for c in range(0x1161, 0x1176)})
    pairs.update({chr(c): open_syllables for c in range(0x11A8, 0x11C3)})
    return {second: frozenset(firsts) for second, firsts in pairs.items()}


@functools.cache
def nfc_active() -> frozenset[str]:
    """The characters NFC may act on: combining marks (it orders them), those it replaces,
    and those that compose with a character before them. NFC leaves every other character
    as it is wherever it stands."""
    seconds = composes_after()
    return frozenset(
        char
        for char in map(chr, range(sys.maxunicode + 1))
        if unicodedata.combining(char) or unicodedata.normalize("NFC", char) != char or char in seconds
    )


def test_every_pair_of_composes_after_composes() -> None:
    for second, firsts in composes_after().items():
        assert all(len(unicodedata.normalize("NFC", first + second)) == 1 for first in firsts)


def test_the_bengali_nfc_rule_is_derived_from_unicodedata() -> None:
    """is_nfc's one pattern is the whole NFC rule for the characters of BENGALI_SET."""
    inside = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(f"[{BENGALI_SET}]", chr(c))]
    replaced = {c for c in inside if unicodedata.normalize("NFC", c) != c}
    marks = {c: unicodedata.combining(c) for c in inside if unicodedata.combining(c)}
    seconds = {c: composes_after()[c] for c in inside if c in composes_after()}
    assert replaced == {"\u09dc", "\u09dd", "\u09df"}
    assert seconds == {"\u09be": {"\u09c7"}, "\u09d7": {"\u09c7"}}
    assert marks == {"\u09bc": 7, "\u09cd": 9, "\u09fe": 230}


_NFC_ALPHABET = st.sampled_from("কখড়ঢ়য়ড়ঢ়য়োৗোৌ়্৾ািীু।॥ a-–“”…\u200c\u200d\u09e6\u0301é\u0915\u093c\u00c5\u212b")


@settings(max_examples=examples(2000), deadline=None)
@given(st.one_of(st.text(alphabet=_NFC_ALPHABET), st.text()))
def test_is_nfc_is_unicodedata_is_normalized(text: str) -> None:
    assert is_nfc(text) == unicodedata.is_normalized("NFC", text)


@settings(max_examples=examples(500), deadline=None)
@given(st.one_of(st.text(), _SUSPECTS, st.text(alphabet=_NFC_ALPHABET)))
def test_fix_apply_is_the_patterns_sub(text: str) -> None:
    for fix in FIXES:
        assert fix.apply(text) == fix.pattern.sub(fix.replace, text)


def test_plain_text_fixes_use_str_replace() -> None:
    """str.replace only where it means what re.sub means: no metacharacter, flag or escape."""
    assert {fix.name for fix in FIXES if fix._plain} == {"dari", "khanda_ta"}
    assert Fix("x", re.compile("ab"), "c")._plain == ("ab", "c")
    assert Fix("x", re.compile("a.b"), "c")._plain is None
    assert Fix("x", re.compile("ab", re.IGNORECASE), "c")._plain is None
    assert Fix("x", re.compile("(ab)"), r"\1")._plain is None
    assert Fix("x", re.compile("ab"), r"\n")._plain is None
    assert Fix("x", re.compile("ab"), lambda match: "c")._plain is None
