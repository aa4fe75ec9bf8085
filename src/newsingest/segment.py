"""Stage 3: split normalised text into headline and paragraphs, and count sentences and words.

Words come from bnlp-toolkit's BasicTokenizer. Importing the `bnlp` package as a whole pulls
in nltk, scipy and gensim and tries to download NLTK data, printing to stdout; we load only
the tokenizer's own module file, under a private name, so none of that ever runs.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Final

from .errors import InputError, Reason

# A sentence from its first word character to the next ।, ? or ! (or the line's end).
_SENTENCE: Final = re.compile(r"\w[^।?!]*")


@dataclass(init=False)
class Segments:
    """An article's text cut into its parts.

    (init=False: mypyc compiles the __init__ below; dataclasses' own runs as Python, ~8x slower)"""

    headline: str
    paragraphs: list[str]

    def __init__(self, headline: str, paragraphs: list[str]) -> None:
        self.headline = headline
        self.paragraphs = paragraphs


def split_article(text: str) -> Segments:
    """Headline = first non-empty line; each further non-empty line is a paragraph."""
    lines = [line for line in text.split("\n") if line]
    if not lines:
        raise InputError(Reason.NO_HEADLINE, "no headline: the text has no non-empty line")
    return Segments(lines[0], lines[1:])


def count_sentences_python(line: str) -> int:
    """Sentences in one line: pieces between । ? ! that hold a word; a line end closes one too.

    One match per such piece, in a single regex pass. The specification of count_text's sentences.
    """
    return len(_SENTENCE.findall(line))


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


# bnlp's BasicTokenizer splits text at whitespace (str.split), then cuts every punctuation
# character off as a token of its own: ASCII symbols and Unicode category P*, except "."
# which it hides inside words. It does so one character at a time in Python, which made it
# the slowest stage of the pipeline; one regex gives the same count. The punctuation code
# points (hex ranges) below are those of the Unicode version named; under another version
# (another Python) they are computed once from unicodedata. tests/test_segment.py checks both
# against bnlp itself.
_PUNCTUATION_UNICODE: Final = "14.0.0"
_PUNCTUATION: Final = """
21-2D 2F 3A-40 5B-60 7B-7E A1 A7 AB B6-B7 BB BF 37E 387 55A-55F 589-58A 5BE 5C0 5C3 5C6 5F3-5F4
609-60A 60C-60D 61B 61D-61F 66A-66D 6D4 700-70D 7F7-7F9 830-83E 85E 964-965 970 9FD A76 AF0 C77
C84 DF4 E4F E5A-E5B F04-F12 F14 F3A-F3D F85 FD0-FD4 FD9-FDA 104A-104F 10FB 1360-1368 1400 166E
169B-169C 16EB-16ED 1735-1736 17D4-17D6 17D8-17DA 1800-180A 1944-1945 1A1E-1A1F 1AA0-1AA6
1AA8-1AAD 1B5A-1B60 1B7D-1B7E 1BFC-1BFF 1C3B-1C3F 1C7E-1C7F 1CC0-1CC7 1CD3 2010-2027 2030-2043
2045-2051 2053-205E 207D-207E 208D-208E 2308-230B 2329-232A 2768-2775 27C5-27C6 27E6-27EF
2983-2998 29D8-29DB 29FC-29FD 2CF9-2CFC 2CFE-2CFF 2D70 2E00-2E2E 2E30-2E4F 2E52-2E5D 3001-3003
3008-3011 3014-301F 3030 303D 30A0 30FB A4FE-A4FF A60D-A60F A673 A67E A6F2-A6F7 A874-A877
A8CE-A8CF A8F8-A8FA A8FC A92E-A92F A95F A9C1-A9CD A9DE-A9DF AA5C-AA5F AADE-AADF AAF0-AAF1 ABEB
FD3E-FD3F FE10-FE19 FE30-FE52 FE54-FE61 FE63 FE68 FE6A-FE6B FF01-FF03 FF05-FF0A FF0C-FF0F
FF1A-FF1B FF1F-FF20 FF3B-FF3D FF3F FF5B FF5D FF5F-FF65 10100-10102 1039F 103D0 1056F 10857 1091F
1093F 10A50-10A58 10A7F 10AF0-10AF6 10B39-10B3F 10B99-10B9C 10EAD 10F55-10F59 10F86-10F89
11047-1104D 110BB-110BC 110BE-110C1 11140-11143 11174-11175 111C5-111C8 111CD 111DB 111DD-111DF
11238-1123D 112A9 1144B-1144F 1145A-1145B 1145D 114C6 115C1-115D7 11641-11643 11660-1166C 116B9
1173C-1173E 1183B 11944-11946 119E2 11A3F-11A46 11A9A-11A9C 11A9E-11AA2 11C41-11C45 11C70-11C71
11EF7-11EF8 11FFF 12470-12474 12FF1-12FF2 16A6E-16A6F 16AF5 16B37-16B3B 16B44 16E97-16E9A 16FE2
1BC9F 1DA87-1DA8B 1E95E-1E95F
"""


def punctuation_ranges() -> list[tuple[int, int]]:
    """Code point ranges bnlp's BasicTokenizer treats as punctuation, for this Python's Unicode."""
    ranges: list[tuple[int, int]] = []
    start = previous = -2
    for code in range(sys.maxunicode + 1):
        if code != 0x2E and (
            33 <= code <= 47
            or 58 <= code <= 64
            or 91 <= code <= 96
            or 123 <= code <= 126
            or unicodedata.category(chr(code)).startswith("P")
        ):
            if code != previous + 1:
                if start >= 0:
                    ranges.append((start, previous))
                start = code
            previous = code
    if start >= 0:
        ranges.append((start, previous))
    return ranges


def _table_ranges() -> list[tuple[int, int]]:
    ranges = []
    for item in _PUNCTUATION.split():
        first, _, last = item.partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return ranges


def _class(ranges: list[tuple[int, int]]) -> str:
    return "".join(
        re.escape(chr(first)) if first == last else f"{re.escape(chr(first))}-{re.escape(chr(last))}"
        for first, last in ranges
    )


def _has_astral(text: str) -> bool:
    """Whether `text` holds a code point beyond U+FFFF: only those take 4 bytes in UTF-16.

    Encoding is a plain C loop, several times faster than a regex class of them.
    """
    return len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)


@cache
def _punctuation() -> list[tuple[int, int]]:
    """The punctuation ranges for this Python: the stored table, or computed once if its
    Unicode version differs (a scan of every code point)."""
    known = unicodedata.unidata_version == _PUNCTUATION_UNICODE
    return _table_ranges() if known else punctuation_ranges()


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(punctuation below U+10000, one match per token for any text).

    re matches a class of code points below U+10000 through a table, but tries ranges above
    it one by one; so text without such code points (nearly all) takes the first pattern.
    """
    ranges = _punctuation()
    basic = _class([(first, min(last, 0xFFFF)) for first, last in ranges if first <= 0xFFFF])
    every = _class(ranges)
    return re.compile(f"[{basic}]"), re.compile(f"[{every}]|[^{every}\\s]+")


def count_words_python(text: str) -> int:
    """Tokens in `text` by bnlp-toolkit's BasicTokenizer (the same count, found by regex).

    The specification of count_text's words.
    """
    basic, every = _patterns()
    if not _has_astral(text):
        # Each punctuation mark stands alone; whatever else lies between spaces is one word.
        return len(basic.sub(" , ", text).split())
    return len(every.findall(text))


@cache
def _punctuation_bitmap() -> bytes:
    """The punctuation below U+10000 as a bitmap (bit c of the table), the C count's table."""
    table = bytearray(0x10000 // 8)
    for first, last in _punctuation():
        for code in range(first, min(last, 0xFFFF) + 1):
            table[code >> 3] |= 1 << (code & 7)
    return bytes(table)


# The C loop of the optional extension _counts.c, when it was built: the regex passes above
# build every word and every sentence as a string only to count them. The Python functions
# stay the specification; tests/test_counts_native.py compares the two on random text.
try:
    from . import _counts
except ImportError:  # built without a compiler: the Python counts serve
    _counts = None


def count_text(lines: Sequence[str]) -> tuple[int, int]:
    """The words (bnlp-toolkit BasicTokenizer's tokens: words, and each punctuation mark) and
    the sentences (count_sentences_python) of `lines`: a headline and its paragraphs, say."""
    if _counts is not None:
        counted: tuple[int, int] | None = _counts.count_text(lines, _punctuation_bitmap())
        if counted is not None:  # None: text beyond U+FFFF, which the bitmap does not cover
            return counted
    return count_text_python(lines)


def count_text_python(lines: Sequence[str]) -> tuple[int, int]:
    """count_text by the regex counts: the specification of the C count_text."""
    return sum(map(count_words_python, lines)), sum(map(count_sentences_python, lines))
