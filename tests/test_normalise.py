from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsingest.normalise import normalise


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


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once, _ = normalise(text)
    assert normalise(once) == (once, [])
