"""clean's shortcuts against the plain formulation they stand in for, on random text."""

from __future__ import annotations

import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from newsingest.formats.clean import (
    _BOILERPLATE_ONLY,
    _MAX_RUN,
    _PHRASES,
    _SEPARATORS,
    BOILERPLATE_MAX_CHARS,
    Cleaned,
    _squeeze,
    clean,
    is_boilerplate,
)
from newsingest.normalise import normalise
from newsingest.segment import split_article

from .conftest import examples

_SENTENCE = re.compile(r"[^।?!]*(?:[।?!]+|$)")


def _reference_is_boilerplate(line: str) -> bool:
    if len(line) > BOILERPLATE_MAX_CHARS:
        return False
    folded = line.casefold().replace("\xa0", " ")
    if any(phrase in folded for phrase in _PHRASES):
        return True
    squeezed = _SEPARATORS.sub("", folded)
    return bool(squeezed) and bool(_BOILERPLATE_ONLY.match(squeezed.replace(" ", "")))


def _reference_drop_repeated_sentences(paragraph: str) -> tuple[str, int]:
    sentences = [s for s in _SENTENCE.findall(paragraph) if s.strip()]
    keys = [" ".join(s.split()) for s in sentences]
    removed = 0
    i = 0
    while i < len(keys):
        for size in range(min((len(keys) - i) // 2, _MAX_RUN), 0, -1):
            if keys[i : i + size] == keys[i + size : i + 2 * size]:
                del keys[i + size : i + 2 * size]
                del sentences[i + size : i + 2 * size]
                removed += size
                break
        else:
            i += 1
    if not removed:
        return paragraph, 0
    return " ".join(s.strip() for s in sentences), removed


def _reference_clean(headline: str, paragraphs: list[str]) -> Cleaned:
    """clean without any shortcut: every paragraph cut into sentences, every text split."""
    kept: list[str] = []
    repeated = boilerplate = 0
    for paragraph in paragraphs:
        if _reference_is_boilerplate(paragraph):
            boilerplate += 1
            continue
        previous = kept[-1] if kept else headline
        deduplicated, count = _reference_drop_repeated_sentences(paragraph)
        if " ".join(deduplicated.split()) == " ".join(previous.split()):
            repeated += 1
            continue
        repeated += count
        kept.append(deduplicated)
    return Cleaned(kept, repeated, boilerplate)


# Few pieces, so that sentences and paragraphs repeat often; spaces of several kinds, joiners,
# all three sentence ends, and boilerplate words with separators.
_PIECES = st.sampled_from(
    [
        "সেতু",
        "খুলেছে",
        "বাস",
        "চলবে",
        "।",
        "।।",
        "?",
        "!",
        " ",
        "  ",
        "\t",
        "\xa0",
        "\u200d",
        "\u2028",
        "শেয়ার",
        "করুন",
        "ফেসবুক",
        "Share",
        "FOLLOW",
        "|",
        "•",
        "আরও পড়ুন",
        "ſ",
        "K",
        "ı",
        "x",
    ]
)
_TEXT = st.one_of(st.lists(_PIECES, max_size=24).map("".join), st.text(max_size=40))


@settings(max_examples=examples(1000), deadline=None)
@given(_TEXT)
def test_squeeze_is_split_and_join(text: str) -> None:
    assert _squeeze(text) == " ".join(text.split())


@settings(max_examples=examples(1000), deadline=None)
@given(_TEXT)
@example("Lınkedın | emaıl")  # re's IGNORECASE matches ı to i, which casefold leaves alone
def test_boilerplate_shortcuts_change_nothing(line: str) -> None:
    assert is_boilerplate(line) == _reference_is_boilerplate(line)


@settings(max_examples=examples(1000), deadline=None)
@given(_TEXT, st.lists(_TEXT, max_size=8))
def test_clean_shortcuts_change_nothing(headline: str, paragraphs: list[str]) -> None:
    assert clean(headline, paragraphs) == _reference_clean(headline, paragraphs)


# Paragraphs of sentences drawn from a handful, differing in spacing only, so they repeat.
_SENTENCES = st.sampled_from(
    ["সেতু খুলেছে।", " বাস চলবে।", "বাস  চলবে ।", "কেন?", "চলো!", "\tসেতু খুলেছে।", "বাস চলবে"]
)


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(st.lists(_SENTENCES, max_size=10).map(" ".join), max_size=4))
def test_repeated_sentences_shortcuts_change_nothing(paragraphs: list[str]) -> None:
    assert clean("সেতু খুলেছে।", paragraphs) == _reference_clean("সেতু খুলেছে।", paragraphs)


_LINES = st.lists(st.one_of(_PIECES, st.sampled_from(["\n", " \n ", "\xa0", "\r\n"])), max_size=30)


@settings(max_examples=examples(1000), deadline=None)
@given(st.one_of(_TEXT, _LINES.map("".join)))
def test_normalised_text_without_no_break_space_is_squeezed(text: str) -> None:
    """What build_document tells clean (squeezed=True) of normalised text."""
    normal = normalise(text)[0]
    assume("\xa0" not in normal and normal.strip())
    for line in normal.split("\n"):
        assert _squeeze(line) == line
    segments = split_article(normal)
    assert clean(segments.headline, segments.paragraphs, squeezed=True) == clean(
        segments.headline, segments.paragraphs
    )
