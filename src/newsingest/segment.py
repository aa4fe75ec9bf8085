"""Stage 3: split normalised text into headline and paragraphs, and count sentences and words.

Words come from bnlp-toolkit's BasicTokenizer. Importing the `bnlp` package as a whole pulls
in nltk, scipy and gensim and tries to download NLTK data, printing to stdout; we load only
the tokenizer's own module file, under a private name, so none of that ever runs.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from .errors import InputError, Reason

_SENTENCE_END = re.compile(r"[।?!]+")
_WORDLIKE = re.compile(r"\w")


@dataclass(frozen=True)
class Segments:
    """An article's text cut into its parts."""

    headline: str
    paragraphs: list[str]


def split_article(text: str) -> Segments:
    """Headline = first non-empty line; each further non-empty line is a paragraph."""
    lines = [line for line in text.split("\n") if line]
    if not lines:
        raise InputError(Reason.NO_HEADLINE, "no headline: the text has no non-empty line")
    return Segments(lines[0], lines[1:])


def count_sentences(line: str) -> int:
    """Sentences in one line: pieces between । ? ! that hold a word; a line end closes one too."""
    return sum(1 for piece in _SENTENCE_END.split(line) if _WORDLIKE.search(piece))


@cache
def _bnlp_basic() -> ModuleType:
    """bnlp's tokenizer module, loaded from its file without running `bnlp/__init__.py`."""
    package = importlib.util.find_spec("bnlp")
    if package is None or not package.submodule_search_locations:
        raise ImportError("bnlp-toolkit is not installed: pip install bnlp-toolkit")
    location = f"{package.submodule_search_locations[0]}/tokenizer/basic.py"
    spec = importlib.util.spec_from_file_location("newsingest._bnlp_basic", location)
    if spec is None or spec.loader is None:
        raise ImportError(f"bnlp-toolkit's tokenizer not found at {location}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tokenize(text: str) -> list[str]:
    """Words and punctuation tokens, exactly as bnlp-toolkit's BasicTokenizer gives them."""
    return _bnlp_basic().BasicTokenizer().tokenize(text)


def count_words(text: str) -> int:
    """Tokens in `text` by bnlp-toolkit's BasicTokenizer."""
    return len(tokenize(text))
