from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsingest.normalise import FIXES, needs_work, normalise

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
        for p in [*(fix.pattern.pattern for fix in FIXES), r"\r\n?|[\x85\u2028\u2029]", r"^ | $"]
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
    return re.sub(r"^ +| +$", "", text, flags=re.MULTILINE), applied


@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(st.text(), _SUSPECTS))
def test_shortcuts_change_nothing(text: str) -> None:
    assert normalise(text) == _reference(text)
