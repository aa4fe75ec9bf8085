"""Scraping artefacts: text repeated right after itself, and share/follow boilerplate lines.

Scrapers often emit a paragraph (or a sentence, or a run of sentences) twice in a row, and
keep the share-button and "follow us" lines around an article. Both are removed, and
counted, so the record can say what was taken out.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from .vocabulary import BOILERPLATE_MAX_CHARS, BOILERPLATE_PHRASES, BOILERPLATE_WORDS

_SENTENCE: Final = re.compile(r"[^।?!]*(?:[।?!]+|$)")
_SEPARATOR: Final = r"\s|•·/,:;()\[\]{}<>«»\-–—_*#@+=~'\"“”‘’!?।.\U0001F000-\U0001FFFF\u2600-\u27BF"
_SEPARATORS: Final = re.compile(f"[{_SEPARATOR}]+")
_WORDS: Final = sorted({w.casefold() for w in BOILERPLATE_WORDS}, key=len, reverse=True)
_BOILERPLATE_ONLY: Final = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in _WORDS) + r")+$", re.IGNORECASE
)
# A character in no boilerplate word and no separator: a line holding one is not made of
# boilerplate words, and one short scan says so before separators are cut and words matched
# (most short lines are real sentences).
_FOREIGN: Final = re.compile(
    f"[^{re.escape(''.join(sorted(set(''.join(_WORDS)))))}{_SEPARATOR}]", re.IGNORECASE
)
_PHRASES: Final = tuple(p.casefold() for p in BOILERPLATE_PHRASES)


# Longest run of sentences looked for as a repeat: scrapers repeat a sentence or a few, and
# the bound keeps a paragraph of thousands of sentences linear.
_MAX_RUN: Final = 8


@dataclass(init=False)
class Cleaned:
    """The paragraphs kept, and how many were dropped as repeats and as boilerplate.

    (init=False: mypyc compiles the __init__ below; dataclasses' own runs as Python, ~8x slower)"""

    paragraphs: list[str]
    repeated: int
    boilerplate: int

    def __init__(self, paragraphs: list[str], repeated: int, boilerplate: int) -> None:
        self.paragraphs = paragraphs
        self.repeated = repeated
        self.boilerplate = boilerplate


def clean(headline: str, paragraphs: list[str], squeezed: bool = False) -> Cleaned:
    """Drop boilerplate lines and immediate repeats (of paragraphs, of the headline, of sentences).

    `squeezed`: every line is already in the form in which two count as the same (one space
    between words, none at the edges): so is normalised text without a no-break space.
    """
    kept: list[str] = []
    repeated = boilerplate = 0
    previous = headline if squeezed else _squeeze(headline)
    for paragraph in paragraphs:
        if is_boilerplate(paragraph):
            boilerplate += 1
            continue
        key = paragraph if squeezed else _squeeze(paragraph)
        count = 0
        if _may_repeat(key):  # rarely: most paragraphs say nothing twice
            paragraph, count = _drop_repeated_sentences(paragraph)
            key = _squeeze(paragraph)
        if key == previous:
            repeated += 1
            continue
        repeated += count
        kept.append(paragraph)
        previous = key
    return Cleaned(kept, repeated, boilerplate)


def is_boilerplate(line: str) -> bool:
    """A short line made only of share/follow words, or holding a follow/read-more phrase."""
    if len(line) > BOILERPLATE_MAX_CHARS:
        return False
    # (normalising keeps a lone no-break space)
    folded = (line if _caseless(line) else line.casefold()).replace("\xa0", " ")
    if any(phrase in folded for phrase in _PHRASES):
        return True
    if _FOREIGN.search(folded):
        return False
    squeezed = _SEPARATORS.sub("", folded)
    return bool(squeezed) and bool(_BOILERPLATE_ONLY.match(squeezed.replace(" ", "")))


def caseless_python(text: str) -> bool:
    """Whether every character of `text` is one casefold() leaves as it is, of those a line of
    Bengali is made of (ASCII but letters, the Bengali block, । and ॥, no-break space, general
    punctuation): is_boilerplate then skips casefolding it (0.9 us of a short line's 2)."""
    return all(
        (ch < "\x80" and not ("a" <= ch.lower() <= "z"))
        or "\u0980" <= ch <= "\u09ff"
        or ch in "\u0964\u0965\xa0"
        or "\u2000" <= ch <= "\u206f"
        for ch in text
    )


def _squeeze(text: str) -> str:
    """`" ".join(text.split())`, the form in which two texts count as the same.

    Normalised text is already in that form, and one C-level scan tells: a printable string
    has no whitespace but " ", so without "  " or an edge space there is nothing to squeeze.
    Splitting instead makes an object of every word.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def may_repeat_python(squeezed: str) -> bool:
    """Whether two sentences of a paragraph could have the same key (False: surely none do).

    Two sentences with one key have the same words before the same ।, so in the paragraph's
    `squeezed` form the pieces between one । and the next would repeat too; splitting at ।
    and a set of the pieces costs a fraction of the sentence regex and the keys. Paragraphs
    with ? or ! are left to the regex.
    """
    if "?" in squeezed or "!" in squeezed:
        return True
    pieces = squeezed.split("।")
    return len(set(map(str.strip, pieces))) < len(pieces)


def _native_scan() -> Any:
    """The C checks of this module and text.py (_scan.c), when they were built; else None.
    (Imported by name: this module may itself be compiled.)"""
    try:
        return importlib.import_module("newsingest.formats._scan")
    except ImportError:
        return None


native_scan: Final = _native_scan()
_may_repeat: Final[Callable[[str], bool]] = (
    may_repeat_python if native_scan is None else native_scan.may_repeat
)
_caseless: Final[Callable[[str], bool]] = caseless_python if native_scan is None else native_scan.caseless


def _drop_repeated_sentences(paragraph: str) -> tuple[str, int]:
    """Remove a sentence, or a run of sentences, that repeats right after itself."""
    sentences = [s for s in _SENTENCE.findall(paragraph) if s.strip()]
    keys = [" ".join(s.split()) for s in sentences]
    if len(set(keys)) == len(keys):  # nothing said twice after all: no search
        return paragraph, 0
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
