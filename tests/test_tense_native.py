"""The C clause tense (newsingest.dates._tense) against its specification, _tense_python.

test_tense.py holds _tense_python to the rules as its docstring states them; here the C module
meets the Python function on text built from what the rules tell apart: the real verb endings
(alone and on stems), future and tense words, the quotes stripped off words, the clause marks
and breaks, whitespace of every kind str.split() knows, and random Unicode of all three str
widths. Every sentence here is written for this file.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsingest import dates
from newsingest.dates import (
    _ENDINGS_BY_TENSE,
    _FUTURE_WORDS,
    _NOT_VERBS,
    _QUOTES,
    _SCHEDULING_WORDS,
    _SIMPLE_PRESENT_ENDINGS,
    _TENSE_CONFIGURATION,
    _TENSE_WORDS,
    _clause_tense,
    _count_clause_ends,
    _tense_python,
)
from newsingest.dates.tokens import nfc

from .conftest import bytes_kept, examples

native = dates._tense


def test_the_c_tense_is_built_and_used(monkeypatch: pytest.MonkeyPatch) -> None:
    assert native is not None, (
        "newsingest.dates._tense was not built, so each date's tense is read by the slower Python. "
        "The editable install compiles src/newsingest/dates/_tense.c (setup.py, optional=True); "
        "install a C compiler and the Python headers, then run `make clean test`."
    )
    spans: list[tuple[int, int]] = []

    def recording(text: str, start: int, end: int) -> str:
        spans.append((start, end))
        return native.tense(text, start, end)

    monkeypatch.setattr(dates, "_tense", SimpleNamespace(tense=recording, clause_ends=native.clause_ends))
    found = dates.find_dates({"body": "গত ১২ মার্চ সভা হয়েছিল।"}, None)
    assert spans == [(0, 11)] and found.mentions[0].text == "গত ১২ মার্চ"


needs_native = pytest.mark.skipif(native is None, reason="the C tense is not built (see the test above)")


# What dates/__init__.py configures the module with, at import.
CONFIGURATION = _TENSE_CONFIGURATION


ENDINGS = [ending for _, endings in _ENDINGS_BY_TENSE for ending in endings]
STEMS = ("কর", "বল", "হ", "গিয়", "থাক", "চল", "জান", "পা", "দেখ", "এস", "")
# Whitespace to str.split() (ASCII, Latin-1, the Ogham space, the U+2000 block, the ideographic
# space; "\n" too, but it is a clause mark first) and look-alikes that are not (zero-width
# space and joiners, BOM, the Mongolian vowel separator).
SPACES = list(" \t\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2003\u2028\u202f\u3000")
NOT_SPACES = list("\u200b\u200c\u200d\ufeff\u180e")
SEPARATOR = st.sampled_from([" "] * 4 + SPACES + NOT_SPACES)  # mostly the ordinary space
QUOTES = st.sampled_from([*_QUOTES, "'’", "‘", "“"])  # the stripped ones, and two opening ones that are not
MARKS = list("।?!\n,;")
WORD = st.one_of(
    st.builds(str.__add__, st.sampled_from(STEMS), st.sampled_from(ENDINGS + list(_SIMPLE_PRESENT_ENDINGS))),
    st.sampled_from(sorted(_FUTURE_WORDS | set(_TENSE_WORDS))),
    st.sampled_from(["সরকার", "ঢাকায়", "নদী", "কাজে", "বছর", "মানুষ", "আজ", "ক"]),
    st.sampled_from(sorted(_NOT_VERBS)),  # বিকেলে, রমজান: words that end like verbs but are not
    st.sampled_from(["৪টে", "১২", "২০২৪-এ", "৩০শে"]),  # numbers, never the verb
    st.sampled_from(sorted(_SCHEDULING_WORDS)),  # ধার্য: a present perfect beside it looks ahead
)
PIECE = st.one_of(
    WORD,
    WORD,
    QUOTES,
    SEPARATOR,
    st.sampled_from(MARKS),
    st.sampled_from(ENDINGS),
    st.text(max_size=3),  # any code point but a surrogate: all three str widths
    st.sampled_from(["\ud800", "😀", "\U0001d7ce", "é", "ÿ", "A", "১২"]),  # a lone surrogate, astral, Latin-1
)
TEXT = st.lists(PIECE, max_size=40).map("".join)


@needs_native
@settings(max_examples=examples(3000), deadline=None)
@given(TEXT, st.data())
@example("", None)
@example("আগামী\u200bসপ্তাহে", None)  # not split at a zero-width space: no future word
@example("ÿ\x85আছে", None)  # Latin-1 whitespace
@example("''", None)  # a last word of quotes only: empty once stripped
def test_native_tense_equals_python(text: str, data: st.DataObject | None) -> None:
    """Every span of the text: the verdicts of C and of Python (sharing one cache, as a field's
    dates do) agree."""
    assert native is not None
    cache: dict[tuple[int, int], str | None] = {}
    spans = [(0, 0), (len(text), len(text)), (0, len(text))]
    if data is not None:
        for _ in range(3):
            start = data.draw(st.integers(0, len(text)))
            spans.append((start, data.draw(st.integers(start, len(text)))))
    for start, end in spans:
        assert native.tense(text, start, end) == _tense_python(text, start, end, cache), (start, end)


@needs_native
@settings(max_examples=examples(1000), deadline=None)
@given(TEXT, st.data())
def test_native_tense_clause_ends_equal_python(text: str, data: st.DataObject) -> None:
    """The one-pass count of clause ends meets the four str.count calls on every span."""
    assert native is not None
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert native.clause_ends(text, start, end) == _count_clause_ends(text, start, end)
    assert native.clause_ends(text, 0, len(text)) == _count_clause_ends(text, 0, len(text))


@needs_native
def test_native_clause_ends_refuses_a_span_outside_the_text() -> None:
    assert native is not None
    with pytest.raises(ValueError, match="not within"):
        native.clause_ends("ক।", 1, 3)
    with pytest.raises(TypeError):
        native.clause_ends(b"x", 0, 0)


@needs_native
@settings(max_examples=examples(3000), deadline=None)
@given(st.lists(st.one_of(WORD, QUOTES, SEPARATOR), max_size=20).map("".join))
def test_native_tense_of_one_clause_equals_python(clause: str) -> None:
    """A text with no marks is one clause: the word rules alone, on denser words."""
    assert native is not None
    assert native.tense(clause, 0, 0) == (_clause_tense(clause) or "none")


SENTENCES = [
    # (text, the date in it, the tense of its clause)
    ("আগামী রবিবার সভা বসবে।", "রবিবার", "future"),  # a future word anywhere
    ("গত সোমবার তিনি ঢাকায় এসেছিলেন।", "সোমবার", "past"),
    ("সংস্থাটি ১০ জানুয়ারি প্রতিবেদন প্রকাশ করেছেন।", "১০ জানুয়ারি", "past"),  # েছেন, not ছেন or েন
    ("তারা মঙ্গলবার থেকে কাজ করছেন।", "মঙ্গলবার", "progressive"),  # ছেন, not েন
    ("বইমেলা ফেব্রুয়ারি জুড়ে চালু আছে।", "ফেব্রুয়ারি", "progressive"),  # a being word
    ("প্রতি বছর ২১ ফেব্রুয়ারি মানুষ শহীদ মিনারে যায়।", "২১ ফেব্রুয়ারি", "present"),
    ("প্রতিদিন সকালে বাজার বসে।", "সকালে", "present"),  # a last word in the simple present
    ("বৃহস্পতিবার তিনি জানান, আলোচনা চলছে।", "বৃহস্পতিবার", "present"),  # its own clause decides
    ("২০২০ সালের মার্চ, তখন স্কুল বন্ধ হয়েছিল।", "মার্চ", "past"),  # a verbless clause: the sentence
    ("১২ মার্চ, সেই দিনটি", "১২ মার্চ", "none"),  # no verb at all
    ("তিনি বলেছিলেন, ‘৫ মে আমরা ফিরব’।", "৫ মে", "future"),  # ’ is stripped, ‘ is not a quote here
    ('তিনি জানান, (১৫ আগস্ট) "শোক দিবস পালিত হবে"', "১৫ আগস্ট", "future"),
    ("ঘোষণা হলো। কাল সকালে ট্রেন ছাড়বে? না, পরশু ছাড়বে!", "পরশু", "future"),
    ("আগামী\u3000সপ্তাহে", "সপ্তাহে", "future"),  # the ideographic space splits
    ("আগামী\u200bসপ্তাহে", "সপ্তাহে", "present"),  # a zero-width space does not
    ("😀 ১২ মে 😀 তিনি এসেছেন।", "১২ মে", "past"),  # astral characters: one index each
]


@needs_native
@pytest.mark.parametrize(("text", "date", "expected"), SENTENCES)
def test_sentences(text: str, date: str, expected: str) -> None:
    assert native is not None
    text, date = nfc(text), nfc(date)  # as the pipeline's text is, and the lexicon
    start = text.index(date)
    end = start + len(date)
    assert native.tense(text, start, end) == expected
    assert _tense_python(text, start, end, {}) == expected


@needs_native
def test_the_configured_words_decide() -> None:
    """The lists come from Python at import: a word added there is a future word in C."""
    assert native is not None
    text = "রবিবার সভা ডাকা।"
    try:
        native.configure(_FUTURE_WORDS | {"ডাকা"}, *CONFIGURATION[1:])
        assert native.tense(text, 0, 6) == "future"
    finally:
        native.configure(*CONFIGURATION)
    assert native.tense(text, 0, 6) == "none"


@needs_native
@pytest.mark.parametrize(
    ("position", "wrong", "error"),
    [
        (0, {1}, TypeError),  # a future word that is no str
        (1, [("আছে", "progressive")], TypeError),  # tense words not a dict
        (2, (("past",),), TypeError),  # a tense without its endings
        (2, (("past", ("",)),), ValueError),  # an ending that would end every word
        (3, None, TypeError),
        (4, None, TypeError),
    ],
)
def test_a_failed_configure_leaves_it_unconfigured(
    position: int, wrong: object, error: type[Exception]
) -> None:
    assert native is not None
    arguments = list(CONFIGURATION)
    arguments[position] = wrong
    try:
        with pytest.raises(error):
            native.configure(*arguments)
        with pytest.raises(RuntimeError, match="configure"):
            native.tense("আজ", 0, 2)
    finally:
        native.configure(*CONFIGURATION)
    assert native.tense("আজ", 0, 2) == "none"


@needs_native
@pytest.mark.parametrize(
    "args", [(b"abc", 0, 0), ("abc", "0", 1), ("abc", 0), ("abc", 0, 1, {}), (None, 0, 0), ("abc", 0, 2**70)]
)
def test_wrong_arguments(args: tuple) -> None:
    assert native is not None
    with pytest.raises((TypeError, OverflowError)):
        native.tense(*args)


@needs_native
@pytest.mark.parametrize(("start", "end"), [(-1, 0), (2, 1), (0, 4), (4, 4)])
def test_spans_outside_the_text(start: int, end: int) -> None:
    assert native is not None
    with pytest.raises(ValueError, match="span"):
        native.tense("abc", start, end)


@needs_native
def test_no_references_or_memory_kept() -> None:
    assert native is not None
    text = "গত বছরের ১২ জানুয়ারি, সোমবার (২০২৩) তিনি বলেছিলেন ‘আগামী মাসে ফিরব’। সভা চলছে।\n😀 সে আছে"
    tenses = {*_TENSE_WORDS.values(), *(tense for tense, _ in _ENDINGS_BY_TENSE), "none", "future"}
    watched = [text, *tenses]
    found = ("১২ জানুয়ারি", "সোমবার", "মাসে", "আছে")
    spans = [(text.index(date), text.index(date) + len(date)) for date in found]
    for start, end in spans:  # warm caches (ints)
        native.tense(text, start, end)
    before = [sys.getrefcount(obj) for obj in watched]
    grown = bytes_kept(
        lambda: [(native.tense(text, a, b), native.clause_ends(text, a, b)) for a, b in spans]
    )
    assert [sys.getrefcount(obj) for obj in watched] == before
    assert grown < 10_000, f"{grown} bytes still allocated after 8,000 calls"
