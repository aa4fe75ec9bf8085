"""The C tokenizer (newsingest.dates._tokenize) against its specification, tokenize_python.

The texts mix what the regular expressions of tokens.py tell apart: Bengali letters inside
and just outside their range, digits of several scripts, the separators of numbers, number
suffixes, quotes, sentence marks, kinds of whitespace, Latin letters, and whole lexicon
entries (two-word phrases too, with other whitespace between their words). Numbers, which
the C classifies by shape and suffix as _number_token does, get a strategy of their own that
builds every shape densely around the bounds of its rules. Every text here is written for
this file.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsingest.dates import tokens
from newsingest.dates.tokens import Token, tokenize_python

from .conftest import bytes_kept, examples

native = tokens._tokenize


def test_the_c_tokenizer_is_built_and_used() -> None:
    assert native is not None, (
        "newsingest.dates._tokenize was not built, so `tokenize` is the slow Python reference. "
        "The editable install compiles src/newsingest/dates/_tokenize.c (setup.py, optional=True); "
        "install a C compiler and the Python headers, then run `make clean test` and read pip's output."
    )
    assert tokens.tokenize is native.tokenize



def test_word_starts_are_the_first_characters_of_a_word_token() -> None:
    """tokens.WORD_STARTS, by which the grammar tells an ordinary word from a number or a mark,
    is exactly what the token pattern's word group may begin with."""
    characters = map(chr, range(sys.maxunicode + 1))
    token = tokens._patterns().token
    begins_word = {c for c in characters if (m := token.fullmatch(c)) and m.lastgroup == "word"}
    assert begins_word == tokens.WORD_STARTS

needs_native = pytest.mark.skipif(native is None, reason="the C tokenizer is not built (see the test above)")

BENGALI = "অআইঈউএওকখগঘচজটডতদনপবমযরলশসহড়য়ৎংঃঁািীুূৃেৈোৌ়্ৗ"
EDGES = "\u0980\u09e5\u09f0\u09fc\u09fd\u09fe\u09ff\u097f\u0a00"  # in and just outside the BN range
DIGITS = "০১২৩৯0159٣३１²"  # Bengali, ASCII, Arabic-Indic, Devanagari, fullwidth, superscript (no \d)
MARKS = ":.-/'’,।?!()[]–—|;\"%"
SPACES = " \t\n\u00a0\u2009\u3000\x1c\x85\r\f"
LATIN = "AaBbTtSsNnDdRrHhZz"
# ZWJ (a BN letter), ZWNJ, astral characters (a math digit 0 is \d), BOM, a lone surrogate
OTHER = "\u200d\u200c😀\U0001d7ce\ufeff\ud800"
ALPHABET = BENGALI + EDGES + DIGITS + MARKS + SPACES + LATIN + OTHER

ENTRIES = sorted(tokens.WORDS)
PHRASES = sorted(key for key in tokens.WORDS if " " in key)
TRIGGERS = sorted(tokens._TRIGGERS)
ASCII_ENTRIES = sorted(key for key in tokens.WORDS if key.isascii())  # january, jan ...

DIGIT_RUN = st.builds(
    lambda script, n: script * n, st.sampled_from(["১", "৯", "2", "0", "٣", "३"]), st.integers(1, 4)
)
NUMBER = st.builds(
    lambda first, rest, suffix: first + "".join(sep + run for sep, run in rest) + suffix,
    DIGIT_RUN,
    st.lists(st.tuples(st.sampled_from(":.-/"), DIGIT_RUN), max_size=3),
    st.sampled_from(["", "ই", "-এ", "'র", "’তে", "-", "st", "nd", "rd", "th", "টায়", "টি", "s", "-a"]),
)

# ---- numbers, shape by shape ----
# Every script \d covers reads as its digit values in int(): Bengali, ASCII, Arabic-Indic,
# Devanagari, fullwidth and (astral) mathematical bold.
SCRIPTS = ("০১২৩৪৫৬৭৮৯", "0123456789", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "０１２３４５６７８９", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗")
# Values on and beside every bound of _number_token: hours, minutes, days, months, years.
EDGES = [0, 1, 2, 9, 10, 12, 13, 23, 24, 25, 28, 29, 30, 31, 32, 59, 60, 99, 100, 999, 1000, 1900]
EDGES += [1999, 2000, 2023, 2024, 2099, 2100, 2198, 2199, 2200, 9999]
# The longest runs the C reads itself (18 digits), and past them, where a long long would
# overflow and _number_token is called back.
LONG_EDGES = [10**17, 10**18 - 1, 10**18, 2**63 - 1, 2**63, 10**19 - 1, 10**19]
VALUE = st.one_of(
    st.sampled_from(EDGES),
    st.sampled_from(EDGES),  # twice: one_of picks its branches about evenly
    st.integers(0, 2300),
    st.sampled_from(LONG_EDGES),
    st.integers(0, 10**40),
)
# Giant runs: past what int() reads by default (4,300 digits), and past _LONGEST_NUMBER.
GIANT = st.sampled_from([640, 4300, 4301]).map("9".__mul__)
SEPARATOR = st.sampled_from(":./-")
# Every suffix of the real sets, bare or behind one of the characters the suffix group takes
# before Bengali letters, and suffixes of no set.
BARE_SUFFIX = st.sampled_from(
    [
        *sorted(tokens._CLOCK_SUFFIXES | tokens._COUNT_SUFFIXES | tokens._ORDINAL_SUFFIXES),
        *["", "", "এর", "ের", "তে", "টিই", "জনের", "st", "TH", "s"],
    ]
)
SUFFIX = st.builds(str.__add__, st.sampled_from(["", "", "-", "'", "’"]), BARE_SUFFIX)


def _in_script(digits: str, script: str) -> str:
    return digits.translate(str.maketrans("0123456789", script))


@st.composite
def digit_run(draw: st.DrawFn) -> str:
    """A value's digits, perhaps zero-padded, in one script (mostly Bengali or ASCII) or in
    several mixed; now and then a giant run."""
    if draw(st.integers(0, 200)) == 200:  # not 0: shrinking toward 0 must not make giants
        return _in_script(draw(GIANT), draw(st.sampled_from(SCRIPTS)))
    digits = str(draw(VALUE)).zfill(draw(st.sampled_from([1, 1, 2, 4])))
    if draw(st.booleans()):
        return _in_script(digits, draw(st.sampled_from(SCRIPTS[:2] + SCRIPTS)))
    return "".join(draw(st.sampled_from(SCRIPTS))[int(digit)] for digit in digits)


# dd/mm/yyyy (and with '.' or '-', or two different separators) and yyyy-mm-dd, valid or not:
# day and month run past their bounds, the years include leap years and year 0.
DAY, MONTH = st.integers(0, 32), st.integers(0, 13)
YEAR = st.sampled_from([0, 1, 1900, 1999, 2000, 2023, 2024, 2100, 9999])
DAY_FIRST = st.builds(
    lambda day, sep, month, sep2, year: f"{day}{sep}{month}{sep2}{year:04d}",
    DAY,
    st.sampled_from("/.-"),
    MONTH,
    st.sampled_from("/.-:"),
    YEAR,
)
YEAR_FIRST = st.builds(lambda year, month, day: f"{year:04d}-{month}-{day:02d}", YEAR, MONTH, DAY)
# ২০২৩-২৪, ২০২৩-২০২৪ and their neighbours
YEAR_PAIR = st.builds(
    lambda a, step, width: f"{a:04d}-{(a + step) % 10**width:0{width}d}",
    st.sampled_from([999, 1000, 1999, 2023, 2099, 2199, 2200, 9999]),
    st.sampled_from([-1, 0, 1, 2]),
    st.sampled_from([1, 2, 4]),
)
# ১০:৩০, ১০.৩০, ১০-৩০ around the bounds of hours and minutes
CLOCK = st.builds(
    lambda hour, sep, minute, width: f"{hour}{sep}{minute:0{width}d}",
    st.integers(0, 26),
    st.sampled_from(":.-"),
    st.integers(0, 61),
    st.sampled_from([1, 2, 2, 3]),
)
DAY_RANGE = st.builds(lambda a, b: f"{a}-{b}", st.integers(0, 33), st.integers(0, 33))
SHAPED = st.builds(
    _in_script,
    st.one_of(DAY_FIRST, YEAR_FIRST, YEAR_PAIR, CLOCK, DAY_RANGE),
    st.sampled_from(SCRIPTS[:2]),
)
# Any runs and separators: shapes of no class, and more of those above.
RUNS = st.builds(
    lambda first, rest: first + "".join(sep + run for sep, run in rest),
    digit_run(),
    st.lists(st.tuples(SEPARATOR, digit_run()), max_size=4),
)
NUMBER_SHAPE = st.builds(str.__add__, st.one_of(digit_run(), RUNS, SHAPED), SUFFIX)
BETWEEN = st.sampled_from([" ", " ", "-", ".", ":", "/", "। ", " মে "])
NUMBERS = st.lists(st.one_of(NUMBER_SHAPE, BETWEEN), max_size=8).map("".join)

PHRASE = st.builds(
    lambda key, space: key.replace(" ", space),
    st.sampled_from(PHRASES),
    st.sampled_from([" ", "\t", "\u00a0", "\n", "  "]),
)
CASED = st.builds(
    lambda word, case: getattr(word, case)(),
    st.sampled_from(ASCII_ENTRIES),
    st.sampled_from(["lower", "upper", "title"]),
)
PIECE = st.one_of(
    st.text(ALPHABET, min_size=1, max_size=4),
    st.sampled_from(ENTRIES),
    st.sampled_from(TRIGGERS),
    PHRASE,
    CASED,
    NUMBER,
    NUMBER_SHAPE,
    st.sampled_from([" ", " ", "। ", "\n", ". ", "."]),
)
TEXT = st.one_of(st.lists(PIECE, max_size=30).map("".join), st.text(ALPHABET, max_size=60))


def _same(text: str) -> None:
    expected = tokenize_python(text)
    got = native.tokenize(text)
    assert got == expected
    assert all(type(token) is Token for token in got)
    assert [tuple(map(type, token)) for token in got] == [tuple(map(type, token)) for token in expected]


@needs_native
@settings(max_examples=examples(1500), deadline=None)
@given(TEXT)
def test_native_tokenize_equals_python(text: str) -> None:
    _same(text)


@needs_native
@settings(max_examples=examples(1500), deadline=None)
@given(NUMBERS)
def test_native_tokenize_numbers_equal_python(text: str) -> None:
    _same(text)


@needs_native
@settings(max_examples=examples(1500), deadline=None)
@given(st.one_of(TEXT, NUMBERS))
def test_tokenize_tuples_gives_the_tokens_as_plain_tuples(text: str) -> None:
    """The same fields as tokenize's Tokens, each token a tuple of them (a very long number,
    classed by the Python _number_token, stays a Token): what the compiled grammar reads."""
    tokens, tuples = native.tokenize(text), native.tokenize_tuples(text)
    assert tuples == tokens
    assert [tuple(map(type, token)) for token in tuples] == [tuple(map(type, token)) for token in tokens]
    assert all(type(token) is tuple or type(token) is Token for token in tuples)
    assert all(type(token) is Token for token in tokens)  # (each call makes its own kind)


@needs_native
def test_tokenize_tuples_makes_tuples() -> None:
    tuples = native.tokenize_tuples("গত ১২ মার্চ সভা হয়, ২০২৩-২৪ অর্থবছরে ১০:৩০টায়।")
    assert len(tuples) > 5 and all(type(token) is tuple for token in tuples)


@needs_native
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("১২/১০/২০২৩", ("X", dt.date(2023, 10, 12), "")),
        ("১২.১০.২০২৩-এ", ("X", dt.date(2023, 10, 12), "-এ")),
        ("1-2-2024", ("X", dt.date(2024, 2, 1), "")),
        ("২০২৪-০২-২৯", ("X", dt.date(2024, 2, 29), "")),
        ("২৯/০২/২০২৩", ("o", None, "")),  # not a leap year: date() raises ValueError
        ("১২/১৩/২০২৩-এ", ("o", None, "")),  # month 13: "o" drops the ending too
        ("১/১/০০০০", ("o", None, "")),  # year 0
        ("১২/১০-২০২৩", ("o", None, "")),  # two different separators: no date, and a '/'
        ("১২:১০:২০২৩", ("o", None, "")),  # ':' is not a date separator
        ("১০:৩০", ("c", (10, 30), "")),
        ("২৪.৫৯টায়", ("c", (24, 59), "টায়")),
        ("২৫:০০", ("o", None, "")),
        ("১০:৩", ("o", None, "")),  # minutes are two digits
        ("১০:৩০-৪৫", ("o", None, "")),  # re.split gives "৩০-৪৫" as the minutes
        ("১০-৪৫", ("c", (10, 45), "")),
        ("১০-৩০", ("r", (10, 30), "")),  # a day range before a clock time
        ("২০২৩-২৪ ", ("F", (2023, 2024), "")),
        ("2099-00", ("F", (2099, 2100), "")),  # (a + 1) % 100
        ("২০২৩-২০২৪", ("F", (2023, 2024), "")),
        ("১৯৯০-২০০৫", ("F", (1990, 2005), "")),
        ("০৯৯৯-১০০০", ("F", (999, 1000), "")),  # four digits and a < b, though no year
        ("১০-১২", ("r", (10, 12), "")),
        ("১২-১০", ("c", (12, 10), "")),
        ("৩০-৪৫", ("o", None, "")),
        ("১-২-৩-৪", ("o", None, "")),
        ("১০/১২", ("o", None, "")),
        ("১০টায়", ("t", (10, 0), "টায়")),
        ("৯-টার", ("t", (9, 0), "-টার")),
        ("২৪টা", ("t", (24, 0), "টা")),
        ("০টা", ("t", (0, 0), "টা")),
        ("২৫টায়", ("N", 25, "টায়")),
        ("৫টি", ("N", 5, "টি")),
        ("৫’টি", ("N", 5, "’টি")),
        ("১২জন", ("o", 12, "জন")),  # a count suffix other than টি: "o" that keeps its value
        ("১৯৭১", ("y", 1971, "")),
        ("১৯৭১-এ", ("Y", 1971, "-এ")),
        ("২২০০ ", ("N", 2200, "")),
        ("০০১২", ("d", 12, "")),
        ("১২ই", ("D", 12, "ই")),
        ("21st", ("D", 21, "st")),
        ("৩২শে", ("N", 32, "শে")),
        ("১২", ("d", 12, "")),
        ("০", ("N", 0, "")),
        ("٣١", ("d", 31, "")),  # Arabic-Indic
        ("१९७१", ("y", 1971, "")),  # Devanagari
        ("１２", ("d", 12, "")),  # fullwidth
        ("১2", ("d", 12, "")),  # scripts mixed in one run
        ("৯" * 18, ("N", 10**18 - 1, "")),  # the longest run the C reads itself
        ("১" + "০" * 18 + "টি", ("N", 10**18, "টি")),  # one longer: called back
    ],
)
def test_number_classes(text: str, expected: tuple[str, object, str]) -> None:
    assert native.tokenize(text)[0][2:] == expected
    _same(text)


@contextmanager
def _int_max_str_digits(limit: int) -> Iterator[None]:
    saved = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(limit)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(saved)


@needs_native
def test_very_long_numbers_are_ordinary_words() -> None:
    """A run of hundreds of digits is no date: "o" from both, never int()'s ValueError past
    sys.get_int_max_str_digits(), which failed the whole article that held one."""
    with _int_max_str_digits(640):
        for text in ("১" * 641, "১" * 641 + ":৩০", "৫-" + "১" * 641, "১" * 641 + ":৩", "১/" + "২" * 700):
            assert [token.cls for token in native.tokenize(text)] == ["o"]
            _same(text)
    _same("১" * 4301)


@needs_native
@pytest.mark.parametrize(
    "text",
    [
        "",
        "সোমবার.",  # '.' at the very end: not glued to the word (its lookahead needs a space)
        "সোমবার.\nমঙ্গলবার. বুধবার",  # '.' then whitespace: part of the word
        "১০-abc ২০২৩-XY ১২/",  # a number, then '-' or '/' with no digit after it
        "১২-ই জানুয়ারি ১০:ক",  # '-' + Bengali is a suffix; ':' + letter is not a time
        "১.২.৩-৪/৫.৬",  # the [-/] groups come after all the [:.] groups
        "10st 3rdly 2th 7TH",  # Latin suffixes are lower case and exactly two letters
        "আজ ৫",  # a lone digit at the end
        "৫",
        "😀 ১২ জানুয়ারি 😀 𝟎",  # astral characters count one index each
        "গত\tবছর, গত\u00a0মাসে।",  # a phrase across other whitespace
        "সেপ্টেম্বর",
        "JANUARY January january",
        "১২ ই\u200dমে",
        "কাল রাত ১০টায় (২৫ মার্চ) — ঢাকা।",
        "\u09fd১২\u09fe",
        "২০২৩-২৪ অর্থবছরে",
    ],
)
def test_edge_cases(text: str) -> None:
    _same(text)


@needs_native
def test_offsets_and_values_of_a_few_edges() -> None:
    assert native.tokenize("") == []
    end = native.tokenize("শুক্রবার.")
    assert [(t.start, t.end) for t in end] == [(0, 8), (8, 9)] and end[1].cls == "o"
    glued = native.tokenize("শুক্রবার. ")
    assert [(t.start, t.end) for t in glued] == [(0, 9)]
    number = native.tokenize("১০-xy")
    assert [(t.start, t.end, t.cls) for t in number] == [(0, 2, "d"), (2, 3, "-"), (3, 5, "o")]
    assert number[0].ending == ""
    emoji = native.tokenize("😀১২ মে")
    assert [(t.start, t.end) for t in emoji] == [(0, 1), (1, 3), (4, 6)]


@needs_native
def test_tokens_hash_as_tuples_do() -> None:
    """Tokens are made without tuple.__new__ on Python 3.11 and 3.12; they must still be
    whole tuples: equal, hashable and usable as dict keys like the Python ones."""
    text = "গত ১২ জানুয়ারি সকাল ১০:৩০ মিনিটে"
    for got, expected in zip(native.tokenize(text), tokenize_python(text), strict=True):
        assert hash(got) == hash(expected) == hash(tuple(expected))
        assert got._replace(cls="x") == expected._replace(cls="x")
        assert got._asdict() == expected._asdict()


@needs_native
def test_not_a_str() -> None:
    for value in (None, b"\xe0\xa7\xa7", 12):
        with pytest.raises(TypeError):
            native.tokenize(value)
        with pytest.raises(TypeError):
            tokenize_python(value)


def _configure(number_token: Callable[[str, str, int, int], Token], words: dict | None = None) -> None:
    """native.configure as tokens.py calls it, with another number callback (or lexicon)."""
    native.configure(
        tokens.WORDS if words is None else words,
        tokens._PHRASE_STARTS,
        tokens._TRIGGERS,
        tokens._PUNCT,
        number_token,
        Token,
        clock_suffixes=tokens._CLOCK_SUFFIXES,
        count_suffixes=tokens._COUNT_SUFFIXES,
        ordinal_suffixes=tokens._ORDINAL_SUFFIXES,
        counted_suffix=tokens._COUNTED_SUFFIX,
        years=(tokens._FIRST_YEAR, tokens._LAST_YEAR),
    )


@needs_native
def test_only_long_numbers_call_back_and_errors_propagate() -> None:
    def broken(*args: object) -> Token:
        raise ZeroDivisionError("from _number_token")

    long_number = "আজ " + "১" * 19 + " মে"
    try:
        _configure(broken)
        with pytest.raises(ZeroDivisionError, match="from _number_token"):
            native.tokenize(long_number)
        for text in ("আজ মে", "আজ ১২ মে", "আজ " + "১" * 18 + " মে", "১২/১০/২০২৩ ১০:৩০ ২০২৩-২৪"):
            assert native.tokenize(text) == tokenize_python(text)
    finally:
        _configure(tokens._number_token)
    assert native.tokenize(long_number) == tokenize_python(long_number)


@needs_native
def test_no_references_or_memory_kept() -> None:
    text = (
        "গত বছরের ১২ জানুয়ারি, সোমবার (2023-24) সকাল ১০টায়। এটি একটি বাক্য।\nJanuary 5th 😀 "
        "১২/১০/২০২৩ ৩১/০২/২০২৩ ১০:৩০ ১০-১২ ৫টি ১৯৭১-এ ১২ই " + "৯" * 25
    )
    entry = tokens.WORDS["জানুয়ারি"]
    watched = [Token, entry, entry[1], tokens._number_token, text]
    native.tokenize(text)  # warm caches (ints, interned strings)
    before = [sys.getrefcount(obj) for obj in watched]
    grown = bytes_kept(lambda: native.tokenize(text))
    assert [sys.getrefcount(obj) for obj in watched] == before
    assert grown < 10_000, f"{grown} bytes still allocated after 2,000 calls"


@needs_native
def test_a_bad_lexicon_is_refused_and_the_tables_before_it_stay() -> None:
    text = "গত ১২ জানুয়ারি সোমবার সকালে। আজ হরতাল।"
    expected = native.tokenize(text)
    with pytest.raises(TypeError, match="lexicon entry"):
        _configure(tokens._number_token, {**tokens.WORDS, "জানুয়ারি": "M"})
    assert native.tokenize(text) == expected == tokenize_python(text)
