"""Stage 2: normalise text once, before anything else reads it.

Unicode NFC plus a small table of explicit fixes for what NFC leaves inconsistent in
Bengali text. Each fix has a name; the names of those that changed something are recorded
in the Article so a user can see what was touched. Bengali digits stay as written.

Why not a library: bnunicodenormalizer deletes ASCII words and garbles legacy khanda ta,
indic-nlp's normaliser rewrites `১০:৩০` as `১০ঃ৩০` and deletes every ZWJ, and csebuetnlp's
collapses newlines. The fixes below are each a line and each has a test.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fix:
    """One named rewrite: where `pattern` matches, `replace` says what stands instead."""

    name: str
    pattern: re.Pattern[str]
    replace: str | Callable[[re.Match[str]], str]
    # (old, new) for str.replace when `pattern` is plain text and `replace` holds no escape:
    # it does what re.sub does 7 times faster (the dari fix runs on most articles).
    _plain: tuple[str, str] | None = field(init=False, default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        old, new = self.pattern.pattern, self.replace
        plain_pattern = self.pattern.flags == re.UNICODE and re.escape(old) == old
        if plain_pattern and isinstance(new, str) and "\\" not in new:
            object.__setattr__(self, "_plain", (old, new))

    def apply(self, text: str) -> str:
        """`text` with every match of `pattern` replaced."""
        if self._plain is not None:
            return text.replace(*self._plain)
        return self.pattern.sub(self.replace, text)


# Order matters: khanda ta must see its ZWJ before the stray-joiner fix removes it.
FIXES: tuple[Fix, ...] = (
    # U+09F7 (a currency numerator) is often typed for the dari.
    Fix("dari", re.compile("\u09f7"), "\u0964"),
    # Legacy khanda ta: TA + VIRAMA + ZWJ is the pre-Unicode-4.1 spelling of ৎ.
    Fix("khanda_ta", re.compile("\u09a4\u09cd\u200d"), "\u09ce"),
    # Joiners carry meaning only in RA + ZWJ + VIRAMA + YA (the ra-phala of র‍্যাব);
    # anywhere else they are invisible noise that breaks matching. Zero-width space,
    # word joiner and a BOM inside the text go too.
    Fix("zero_width", re.compile("(?<!\u09b0)\u200d|\u200d(?!\u09cd\u09af)|[\u200c\u200b\u2060\ufeff]"), ""),
    # The same vowel sign or mark typed twice (কাা) renders as one.
    Fix("doubled_sign", re.compile("([\u0981-\u0983\u09bc\u09be-\u09cc\u09cd\u09d7])\\1+"), r"\1"),
    # Runs of spaces, and tabs and other spaces: one plain space. A lone no-break space
    # stays: writers and web pages put it on purpose, often inside a date (১১ জুলাই), and
    # a date's text should read as the source does.
    Fix("whitespace", re.compile(r"[^\S\n]{2,}|[^\S\n \xa0]"), " "),
)

# Line breaks of every platform become "\n"; spaces at a line's edges go. Neither is a
# "fix" worth recording: they change no character a reader sees.
_LINE_BREAK = re.compile(r"\r\n?|[\x85\u2028\u2029]")
_EDGE_SPACE = re.compile(r"^[ \xa0]+|[ \xa0]+$", re.MULTILINE)
_EDGE_SPACES = " \xa0"

# What any fix or line rule above could change, found without trying each of them at every
# position (one alternation of all the patterns took longer than the rest of normalise).
# tests/test_normalise.py checks it finds exactly what the alternation finds.
_SPACES_BUT_SPACE_AND_NEWLINE = (
    "\t\x0b\x0c\r\x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
# A no-break space beside another space: part of a run the whitespace fix squeezes.
_NO_BREAK_IN_RUN = re.compile(r"[^\S\n]\xa0|\xa0[^\S\n]")


def _has_no_break_run(text: str) -> bool:
    """A lone no-break space stays; one beside another space is squeezed (memchr first)."""
    return "\xa0" in text and _NO_BREAK_IN_RUN.search(text) is not None
_SUSPECT_CHAR = re.compile(f"[\u09f7\u200b-\u200d\u2060\ufeff{_SPACES_BUT_SPACE_AND_NEWLINE}]")
_DOUBLED_SIGN = re.compile("([\u0981-\u0983\u09bc\u09be-\u09cc\u09cd\u09d7])\\1")
# Fixes that delete characters can bring a base and a mark together, so NFC is checked again.
_DELETING = frozenset({"khanda_ta", "zero_width", "doubled_sign"})
# Rounds of fixes + NFC at most; real text settles in one, contrived mark soup in two or three.
_MAX_PASSES = 8


def _has_any(text: str, chars: str) -> bool:
    """Whether `text` holds any of a few `chars`: each `in` is a C memchr over the text,
    where re tries a character class at every position, a dozen times slower."""
    return any(char in text for char in chars)


# Cheap tests of whether a fix could match at all: a fix's own pattern (lookarounds,
# negated classes) costs as much to run over text it leaves alone as over text it changes.
_OTHER_SPACE = re.compile(f"[{_SPACES_BUT_SPACE_AND_NEWLINE}]")
_MAY_MATCH: dict[str, Callable[[str], object]] = {
    "dari": lambda text: "\u09f7" in text,
    "khanda_ta": lambda text: "\u09a4\u09cd\u200d" in text,
    "zero_width": lambda text: _has_any(text, "\u200b\u200c\u200d\u2060\ufeff"),
    "doubled_sign": _DOUBLED_SIGN.search,
    "whitespace": lambda text: "  " in text or _OTHER_SPACE.search(text) or _has_no_break_run(text),
}


# NFC for text of ASCII, Bengali, the dandas and common punctuation only, which is nearly all news:
# unicodedata.is_normalized has to normalise such text in full to decide (া and ৗ may
# compose with a ে before them), while for these characters the whole rule is a few
# substrings: a character NFC replaces (ড় ঢ় য় precomposed), ে before া or ৗ, or marks out
# of canonical order (virama before nukta, sanda before either). tests/test_normalise.py
# derives this from unicodedata for every character of the set and compares the two on
# random text. Looking for each substring with `in` takes a third of the time of one regex
# alternation of them all; the pairs with ৗ or ৾ are looked for only when that rare sign is there.
BENGALI_SET = "\x00-\x7f\u0964\u0965\u0980-\u09ff\u200c\u200d\u2010-\u2027\u2030-\u205e"
_OUTSIDE_BENGALI_SET = re.compile(f"[^{BENGALI_SET}]")
_NOT_NFC_BENGALI = ("\u09dc", "\u09dd", "\u09df", "\u09c7\u09be", "\u09cd\u09bc")
_NOT_NFC_RARE = re.compile("\u09c7\u09d7|\u09fe[\u09bc\u09cd]")


def is_nfc(text: str) -> bool:
    """unicodedata.is_normalized("NFC", text), decided by a few substring tests for Bengali text."""
    if _OUTSIDE_BENGALI_SET.search(text):
        return unicodedata.is_normalized("NFC", text)
    if any(piece in text for piece in _NOT_NFC_BENGALI):
        return False
    return not ("\u09d7" in text or "\u09fe" in text) or _NOT_NFC_RARE.search(text) is None


def _has_edge_space(text: str) -> bool:
    if not text:
        return False
    if " \n" in text or "\n " in text or text[0] in _EDGE_SPACES or text[-1] in _EDGE_SPACES:
        return True
    return "\xa0" in text and ("\xa0\n" in text or "\n\xa0" in text)


def needs_work(text: str) -> bool:
    """Whether any fix or line rule could change `text` (False: it is already in our form)."""
    return bool(
        _SUSPECT_CHAR.search(text)
        or "  " in text
        or _has_edge_space(text)
        or _has_no_break_run(text)
        or _DOUBLED_SIGN.search(text)
    )


def normalise_python(text: str) -> tuple[str, list[str]]:
    """Return `text` in the canonical form every later stage reads, and the fixes applied.

    Lines are kept (each stripped, with "\n" between them) so the segmenter can still tell
    the headline from the paragraphs. Cheap when the text is already normal: one
    `is_normalized` check and a few scans for the characters a fix could change.

    This is the specification of `normalise` (which asks the C scan instead where it can)
    and its fallback.
    """
    applied: list[str] = []
    if not is_nfc(text):
        text = unicodedata.normalize("NFC", text)
        applied.append("nfc")
    if needs_work(text):
        if _has_any(text, "\r\x85\u2028\u2029"):
            text = _LINE_BREAK.sub("\n", text)
        text = _fix_rounds(text, applied, _MAX_PASSES)
        if _has_edge_space(text):
            text = _EDGE_SPACE.sub("", text)
    return text, applied


def _fix_rounds(text: str, applied: list[str], rounds: int) -> str:
    """Up to `rounds` rounds of FIXES, each fix where its _MAY_MATCH check lets it; the names
    of those that changed the text go into `applied`."""
    for _ in range(rounds):
        for fix in FIXES:
            if not _MAY_MATCH[fix.name](text):
                continue
            fixed = fix.apply(text)
            if fixed != text:
                if fix.name not in applied:
                    applied.append(fix.name)
                text = fixed
        # Removing a joiner can bring a decomposed pair together, and NFC then reorders
        # marks, which can line up two equal signs again (়্ ZWSP ় becomes ়়্): settle
        # NFC, and go round once more if a fix would now match. Every pass deletes.
        if _DELETING.isdisjoint(applied) or is_nfc(text):
            break
        text = unicodedata.normalize("NFC", text)
        if not needs_work(text):
            break
    return text


# The one-pass scan of the optional C extension _normalise.c, when it was built: it answers
# is_nfc, needs_work, the _MAY_MATCH checks and _has_edge_space together, where the Python
# checks above cost a dozen passes over the text, for any text but one holding a character
# NFC may act on outside the Bengali block (a combining mark, say), which only unicodedata
# can judge. For the text it answers for, its nfc() is unicodedata's NFC in a thirtieth of
# the time (most news is typed with precomposed য়, which NFC splits). They stay the
# specification; tests/test_normalise_native.py compares the two.
try:
    from . import _normalise
except ImportError:  # built without a compiler: normalise_python serves
    _normalise = None

_FIX_BITS: dict[str, int] = (
    {} if _normalise is None else {fix.name: getattr(_normalise, fix.name.upper()) for fix in FIXES}
)
# Fixes _normalise.c applies in one pass, where their regex tries its pattern at every
# position: the no-break spaces of scraped news, the joiners of typed Bengali.
_NATIVE_APPLY: dict[str, Callable[[str], str]] = (
    {} if _normalise is None else {"whitespace": _normalise.whitespace, "zero_width": _normalise.zero_width}
)
# A fix that swaps a character no other check looks at for one none looks at either: after
# it, the scan of the text before still answers every check but the fix's own.
_SCAN_STILL_HOLDS = frozenset({"dari"})


def normalise(text: str) -> tuple[str, list[str]]:
    """Return `text` in the canonical form every later stage reads, and the fixes applied.

    Lines are kept (each stripped, with "\n" between them) so the segmenter can still tell
    the headline from the paragraphs. The same as normalise_python, the specification, but
    the checks that decide what to run come from one C scan of the text where it was built,
    and NFC and the commonest fixes from C too.
    """
    mask = None if _normalise is None else _normalise.scan(text)
    if mask is None:  # no C scan, or a character NFC may act on outside the Bengali block
        return normalise_python(text)
    if mask & _normalise.NOT_NFC:
        # The rest is what normalise does to the NFC text: scanned afresh, since NFC moves
        # marks (which can line up two equal signs).
        text, applied = normalise(_normalise.nfc(text))
        return text, ["nfc", *applied]
    if not mask:
        return text, []
    # From here each scan again returns a mask: the fixes write only "।", "ৎ", " " and "\n",
    # and NFC changes only the Bengali of text the scan answered for, into Bengali.
    applied = []
    if mask & _normalise.LINE_BREAK:
        text = _LINE_BREAK.sub("\n", text)
        mask = _normalise.scan(text)  # " \r\n" is " \n" now: an edge space
    for fix in FIXES:  # the first round of _fix_rounds, with the scan's answers
        if mask & _FIX_BITS[fix.name]:
            fixed = _NATIVE_APPLY.get(fix.name, fix.apply)(text)
            if fixed != text:
                applied.append(fix.name)
                text = fixed
                if fix.name not in _SCAN_STILL_HOLDS:  # new neighbours, spaces at a line's edge
                    mask = _normalise.scan(text)
    # Here `mask` answers for `text` (but for the dari). The later rounds are rare: only after
    # a fix that deletes, when the text is no longer NFC.
    if mask & _normalise.NOT_NFC and not _DELETING.isdisjoint(applied):
        text = _normalise.nfc(text)
        if needs_work(text):
            text = _fix_rounds(text, applied, _MAX_PASSES - 1)
        mask = _normalise.scan(text)
    if mask & _normalise.EDGE_SPACE:
        text = _strip_lines(text)
    return text, applied


def nfc(text: str) -> str:
    """unicodedata.normalize("NFC", text); by the C scan where it was built and answers
    (for the date lexicon's 22,000 inflected words at import: 3.7 ms instead of 14)."""
    mask = None if _normalise is None else _normalise.scan(text)
    if mask is None:
        return unicodedata.normalize("NFC", text)
    return _normalise.nfc(text) if mask & _normalise.NOT_NFC else text


def _strip_lines(text: str) -> str:
    """_EDGE_SPACE.sub("", text) by str methods, where the regex tries at every position (40 us
    an article, as often as a no-break space ends a line)."""
    return "\n".join(line.strip(_EDGE_SPACES) for line in text.split("\n"))
