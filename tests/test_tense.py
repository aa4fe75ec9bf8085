"""The tense of a date's clause, against plain formulations of the same rules.

`_tense_python` and `_clause_tense` are written for speed (spelt-out searches, a shortcut for clauses
without quotes, a str.endswith filter before the ending regex); the references here read the
rules as the docstrings state them. Every word below is written for this file.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsingest.dates import _CLAUSE_END, _clause_tense, _count_clause_ends, _tense_python
from newsingest.dates.lexicon import (
    BEING_WORDS,
    FUTURE_VERB_ENDINGS,
    FUTURE_WORDS,
    PAST_VERB_ENDINGS,
    PERFECT_VERB_ENDINGS,
    PRESENT_VERB_ENDINGS,
    PRESENT_WORDS,
    PROGRESSIVE_VERB_ENDINGS,
    SCHEDULING_WORDS,
)
from newsingest.dates.tokens import WORDS, nfc

from .conftest import examples

QUOTES = "'\"’”)("
ENDINGS = {
    "future": FUTURE_VERB_ENDINGS,
    "perfect": PERFECT_VERB_ENDINGS,
    "past": PAST_VERB_ENDINGS,
    "progressive": PROGRESSIVE_VERB_ENDINGS,
    "present": PRESENT_VERB_ENDINGS,
}
NFC_ENDINGS = {tense: set(map(nfc, endings)) for tense, endings in ENDINGS.items()}
NFC_FUTURE, NFC_PRESENT, NFC_BEING = (set(map(nfc, w)) for w in (FUTURE_WORDS, PRESENT_WORDS, BEING_WORDS))
NFC_SCHEDULING = set(map(nfc, SCHEDULING_WORDS))
# Dates, units, parts of day, postpositions: the lexicon's one-word forms, never a verb.
LEXICON = {word for word in WORDS if " " not in word} - NFC_FUTURE - NFC_PRESENT - NFC_BEING


def reference_clause_tense(clause: str) -> str | None:
    """The rules word by word: a future word anywhere; else, leaving out the lexicon's words
    and numbers, from the last word back, a present word, a being word, or the longest verb
    ending (future before past before progressive before present; the present perfect is past,
    or future with a scheduling word in the clause); else a last word in the simple present."""
    words = [word.strip(QUOTES) for word in clause.split()]
    if any(word in NFC_FUTURE for word in words):
        return "future"
    words = [word for word in words if word not in LEXICON and not (word and word[0].isdecimal())]
    for word in reversed(words):
        if word in NFC_PRESENT:
            return "present"
        if word in NFC_BEING:
            return "progressive"
        for cut in range(len(word)):  # the longest suffix first
            for tense, endings in NFC_ENDINGS.items():
                if word[cut:] in endings and tense == "perfect":
                    return "future" if any(w in NFC_SCHEDULING for w in words) else "past"
                if word[cut:] in endings:
                    return tense
    if words and words[-1].endswith(tuple(map(nfc, ("ে", "য়", "েন")))):
        return "present"
    return None


STEMS = ("কর", "বল", "দেখ", "গিয়", "হ", "থাক", "চল", "জান", "পা", "নি", "")
ORDINARY = ("সরকার", "নদী", "মানুষ", "ঢাকায়", "বাজারে", "হিসাব", "কারে", "নতুন", "কাজে", "ন'টায়", "খুব", "ধার্য")
# Words that end like verbs but are dates or numbers: বিকেলে (লাগে), রমজান (জানান), ৪টে.
NOT_VERBS = ("বিকেলে", "সকালে", "রমজান", "মাসে", "৪টে", "১২", "২০২৪-এ")
VERBS = st.builds(
    str.__add__, st.sampled_from(STEMS), st.sampled_from([e for group in ENDINGS.values() for e in group])
)
WHOLE = st.sampled_from(sorted(FUTURE_WORDS | PRESENT_WORDS | BEING_WORDS))
CORE = st.one_of(
    VERBS, WHOLE, st.sampled_from(ORDINARY), st.sampled_from(NOT_VERBS), st.text("কবলেনছিয়়্চো'’", max_size=5)
)
AROUND = st.text(QUOTES, max_size=2)
WORD = st.builds(lambda before, core, after: before + core + after, AROUND, CORE, AROUND).map(nfc)
SPACE = st.sampled_from([" ", "  ", "\t", "\u00a0", " (", ") "])
CLAUSE = st.lists(st.tuples(WORD, SPACE), max_size=12).map(lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=examples(500), deadline=None)
@given(CLAUSE, st.booleans())
def test_clause_tense_follows_the_word_rules(clause: str, trailing_space: bool) -> None:
    clause = clause if trailing_space else clause.rstrip()
    assert _clause_tense(clause) == reference_clause_tense(clause)


def reference_tense(text: str, start: int, end: int) -> str:
    """The clause's verdict, else the sentence's, else "none"."""
    sentence_start = max(text.rfind(mark, 0, start) for mark in "।?!\n") + 1
    ends = [i for i in range(end, len(text)) if text[i] in "।?!\n"]
    sentence_end = ends[0] if ends else len(text)
    before = [i for i in range(sentence_start, start) if text[i] in ",;"]
    after = [i for i in range(end, sentence_end) if text[i] in ",;"]
    if before or after:
        clause = text[before[-1] + 1 if before else sentence_start : after[0] if after else sentence_end]
        verdict = reference_clause_tense(clause)
        if verdict is not None:
            return verdict
    return reference_clause_tense(text[sentence_start:sentence_end]) or "none"


MARK = st.sampled_from(["।", "?", "!", "\n", ",", ";", " ", "। "])


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.tuples(CLAUSE, MARK), max_size=8).map(lambda p: "".join(c + m for c, m in p)), st.data())
def test_tense_reads_the_clause_then_the_sentence(text: str, data: st.DataObject) -> None:
    cache: dict[tuple[int, int], str | None] = {}
    for _ in range(3):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        assert _tense_python(text, start, end, cache) == reference_tense(text, start, end)  # type: ignore[arg-type]


@settings(max_examples=examples(500), deadline=None)
@given(st.text(alphabet="।?!\n,ক "), st.data())
def test_clause_end_count_is_the_regex_count(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _count_clause_ends(text, start, end) == len(_CLAUSE_END.findall(text, start, end))
