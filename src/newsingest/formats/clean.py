"""Scraping artefacts: text repeated right after itself, and share/follow boilerplate lines.

Scrapers often emit a paragraph (or a sentence, or a run of sentences) twice in a row, and
keep the share-button and "follow us" lines around an article. Both are removed, and
counted, so the record can say what was taken out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import BOILERPLATE_MAX_CHARS, BOILERPLATE_PHRASES, BOILERPLATE_WORDS

_SENTENCE = re.compile(r"[^।?!]*(?:[।?!]+|$)")
_SEPARATORS = re.compile(r"[\s|•·/,:;()\[\]{}<>«»\-–—_*#@+=~'\"“”‘’!?।.\U0001F000-\U0001FFFF\u2600-\u27BF]+")
_WORDS = sorted({w.casefold() for w in BOILERPLATE_WORDS}, key=len, reverse=True)
_BOILERPLATE_ONLY = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in _WORDS) + r")+$", re.IGNORECASE
)
_PHRASES = tuple(p.casefold() for p in BOILERPLATE_PHRASES)


# Longest run of sentences looked for as a repeat: scrapers repeat a sentence or a few, and
# the bound keeps a paragraph of thousands of sentences linear.
_MAX_RUN = 8


@dataclass(frozen=True)
class Cleaned:
    paragraphs: list[str]
    repeated: int
    boilerplate: int


def clean(headline: str, paragraphs: list[str]) -> Cleaned:
    """Drop boilerplate lines and immediate repeats (of paragraphs, of the headline, of sentences)."""
    kept: list[str] = []
    repeated = boilerplate = 0
    for paragraph in paragraphs:
        if is_boilerplate(paragraph):
            boilerplate += 1
            continue
        previous = kept[-1] if kept else headline
        deduplicated, count = _drop_repeated_sentences(paragraph)
        if _same(deduplicated, previous):
            repeated += 1
            continue
        repeated += count
        kept.append(deduplicated)
    return Cleaned(kept, repeated, boilerplate)


def is_boilerplate(line: str) -> bool:
    """A short line made only of share/follow words, or holding a follow/read-more phrase."""
    if len(line) > BOILERPLATE_MAX_CHARS:
        return False
    folded = line.casefold()
    if any(phrase in folded for phrase in _PHRASES):
        return True
    squeezed = _SEPARATORS.sub("", folded)
    return bool(squeezed) and bool(_BOILERPLATE_ONLY.match(squeezed.replace(" ", "")))


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _drop_repeated_sentences(paragraph: str) -> tuple[str, int]:
    """Remove a sentence, or a run of sentences, that repeats right after itself."""
    sentences = [s for s in _SENTENCE.findall(paragraph) if s.strip()]
    keys = [" ".join(s.split()) for s in sentences]
    if len(set(keys)) == len(keys):  # nothing said twice: the common case, no search
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
