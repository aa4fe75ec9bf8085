"""Legacy Bijoy (SutonnyMJ) ASCII-encoded Bengali: detection, and conversion to Unicode.

Before Unicode, Bengali was typed with Bijoy into fonts such as SutonnyMJ that draw Bengali
glyphs over ASCII and Windows-1252 code points: `Avwg evsjvq MvB` is আমি বাংলায় গাই. Such
text is still common in older archives and PDFs. The glyphs are visual, so conversion is:

1. map each glyph code to its Unicode letters, by the table below (one code point each;
   `Av` is the only two-glyph letter, আ);
2. join a half-form with the phala after it (স্ + ্ত is স্ত, not স্্ত);
3. move each pre-base vowel sign (ি ে ৈ, typed before its consonant cluster) after the
   cluster, joining ে…া into ো and ে…ৗ into ৌ;
4. move each reph (র্, typed after the cluster it sits on, maybe after its vowel sign)
   before that cluster;
5. put a chandrabindu after the vowel sign it was typed before.
"""

from __future__ import annotations

import functools
import re

# --- The glyph table (SutonnyMJ) ---------------------------------------------------------------
_REPH = "\ue000"  # a private mark for ©, resolved in step 4

BIJOY_TO_UNICODE: dict[str, str] = {
    # independent vowels
    "A": "অ", "B": "ই", "C": "ঈ", "D": "উ", "E": "ঊ", "F": "ঋ", "G": "এ", "H": "ঐ", "I": "ও", "J": "ঔ",
    # consonants
    "K": "ক", "L": "খ", "M": "গ", "N": "ঘ", "O": "ঙ", "P": "চ", "Q": "ছ", "R": "জ", "S": "ঝ", "T": "ঞ",
    "U": "ট", "V": "ঠ", "W": "ড", "X": "ঢ", "Y": "ণ", "Z": "ত", "_": "থ", "`": "দ", "a": "ধ", "b": "ন",
    "c": "প", "d": "ফ", "e": "ব", "f": "ভ", "g": "ম", "h": "য", "i": "র", "j": "ল", "k": "শ", "l": "ষ",
    "m": "স", "n": "হ", "o": "ড়", "p": "ঢ়", "q": "য়", "r": "ৎ",
    # signs
    "s": "ং", "t": "ঃ", "u": "ঁ",
    "v": "া", "w": "ি", "x": "ী", "y": "ু", "z": "ু", "“": "ু", "æ": "ু", "~": "ূ", "ƒ": "ূ",
    "„": "ৃ", "…": "ৃ", "‡": "ে", "†": "ে", "‰": "ৈ", "ˆ": "ৈ", "Š": "ৗ",
    "&": "্", "©": _REPH,
    # phalas and other forms that follow a consonant
    "ª": "্র", "Ö": "্র", "«": "্র", "¨": "্য", "^": "্ব", "¡": "্ব", "¦": "্ব", "Ÿ": "্ব",
    "œ": "্ন", "è": "্ণ", "¥": "্ম", "§": "্ম", "¬": "্ল", "ø": "্ল", "¢": "্ভ", "£": "্ভ্র",
    "—": "্ত", "Í": "্ত", "‘": "্তু", "¿": "্ত্র", "’": "্থ", "‹": "্ক", "Œ": "্ক্র", "ú": "্প",
    # half forms that precede a consonant or a phala
    "š": "ন্", "›": "ন্", "¯": "স্", "®": "ষ্", "¤": "ম্", "˜": "দ্", "™": "দ্", "”": "চ্", "•": "ঙ্",
    # conjunct glyphs
    "°": "ক্ক", "±": "ক্ট", "²": "ক্ষ্ম", "³": "ক্ত", "µ": "ক্র", "¶": "ক্ষ", "ÿ": "ক্ষ", "·": "ক্স",
    "¸": "গু", "»": "গ্ধ", "¼": "ঙ্ক", "½": "ঙ্গ", "¾": "জ্জ", "À": "জ্ঝ", "Á": "জ্ঞ", "Â": "ঞ্চ",
    "Ã": "ঞ্ছ", "Ä": "ঞ্জ", "Å": "ঞ্ঝ", "Æ": "ট্ট", "Ç": "ড্ড", "È": "ণ্ট", "É": "ণ্ঠ", "Ê": "ণ্ড",
    "Ë": "ত্ত", "Ì": "ত্থ", "Î": "ত্র", "Ï": "দ্দ", "×": "দ্ধ", "Ø": "দ্ব", "Ù": "দ্ম", "Ú": "ন্ঠ",
    "Û": "ন্ড", "Ü": "ন্ধ", "Ý": "ন্স", "Þ": "প্ট", "ß": "প্ত", "à": "প্প", "á": "প্স", "â": "ব্জ",
    "ã": "ব্দ", "ä": "ব্ধ", "å": "ভ্র", "ç": "ম্ফ", "é": "ল্ক", "ê": "ল্গ", "ë": "ল্ট", "ì": "ল্ড",
    "í": "ল্প", "î": "ল্ফ", "ï": "শু", "ð": "শ্চ", "ò": "ষ্ণ", "ó": "ষ্ট", "ô": "ষ্ঠ", "õ": "ষ্ফ",
    "ö": "স্খ", "÷": "স্ট", "ù": "স্ফ", "û": "হু", "ý": "হ্ন", "þ": "হ্ম", "ü": "হৃ",
    # digits and punctuation
    "0": "০", "1": "১", "2": "২", "3": "৩", "4": "৪", "5": "৫", "6": "৬", "7": "৭", "8": "৮", "9": "৯",
    "|": "।", "Ô": "‘", "Õ": "’", "Ò": "“", "Ó": "”", "Ñ": "–",
}  # fmt: skip

# Codes that only Bijoy text is full of: vowel signs, reph, phalas, half forms, conjuncts.
_BIJOY_MARKS = frozenset("‡†‰ˆ„…©ª«¨¯¶·¸½Ñ¤®›•¿Í×¡¥¬¦§¢£³±µ°»¼¾ÁÂÄÆÇËÎÏÙÚÛÜÝßãåï÷")

# --- Reordering ------------------------------------------------------------------------------------
_CONSONANT = "[কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহৎ]\u09bc?"
_CLUSTER = f"(?:{_CONSONANT}\u09cd)*{_CONSONANT}"
_SIGN = "[\u09be-\u09cc\u09d7]"
_TABLE = str.maketrans(BIJOY_TO_UNICODE)


@functools.cache
def _reordering() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns of a pre-base vowel sign, a reph and a chandrabindu to move, compiled on
    first use: most runs meet no Bijoy text, and they took ~1.5 ms of every start-up."""
    return (
        re.compile(f"([িেৈ])({_CLUSTER})([াৗ]?)"),
        re.compile(f"({_CLUSTER})({_SIGN}?){_REPH}"),
        re.compile(f"ঁ({_SIGN})"),
    )


def looks_like_bijoy(text: str) -> bool:
    """Text with almost no Bengali letters but many Bijoy-only codes and Bijoy's া/ি (v, w)."""
    sample = text[:20_000]
    letters = bengali = marks = signs = 0
    for char in sample:
        if "\u0980" <= char <= "\u09ff":
            bengali += 1
        elif char.isalpha() or char in _BIJOY_MARKS:
            letters += 1
            if char in _BIJOY_MARKS:
                marks += 1
            elif char in "vw":
                signs += 1
    if letters < 12 or bengali > 0.05 * letters:
        return False
    return marks >= 0.015 * letters and signs >= 0.05 * letters


def convert_bijoy(text: str) -> str:
    """Bijoy (SutonnyMJ) ASCII text as Unicode Bengali.

    >>> convert_bijoy("12 A‡±vei 2023")
    '১২ অক্টোবর ২০২৩'
    """
    text = text.replace("Av", "আ").translate(_TABLE)
    text = text.replace("\u09cd\u09cd", "\u09cd")
    pre_kar, reph_after, chandrabindu = _reordering()
    text = pre_kar.sub(_place_pre_kar, text)
    text = reph_after.sub(lambda m: f"র\u09cd{m.group(1)}{m.group(2)}", text)
    text = text.replace(_REPH, "র\u09cd")  # a reph with no cluster before it, left as typed
    return chandrabindu.sub(r"\1ঁ", text)


def _place_pre_kar(match: re.Match[str]) -> str:
    sign, cluster, after = match.groups()
    if sign == "ে" and after == "া":
        return cluster + "ো"
    if sign == "ে" and after == "ৗ":
        return cluster + "ৌ"
    return cluster + sign + after
