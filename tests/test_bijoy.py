"""Legacy Bijoy (SutonnyMJ) ASCII Bengali: detected, refused without --bijoy, converted with it.

The Bijoy strings are typed by hand from the Bengali beside them (SutonnyMJ key codes).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsingest.cli import cli
from newsingest.errors import InputError, Reason
from newsingest.formats import Options
from newsingest.formats.bijoy import convert_bijoy, looks_like_bijoy
from newsingest.pipeline import parse_text

# Bijoy as typed -> Unicode. Covers pre-base vowel signs (ি ে ৈ, ো ৌ joined), reph before and
# after a vowel sign, r- and y-phala, half forms joined to phalas, conjunct glyphs, chandrabindu.
WORDS = [
    ("12 A‡±vei 2023", "১২ অক্টোবর ২০২৩"),
    ("Avwg evsjvq Mvb MvB|", "আমি বাংলায় গান গাই।"),
    ("XvKvq bZzb †mZz Ly‡j †`Iqv n‡q‡Q|", "ঢাকায় নতুন সেতু খুলে দেওয়া হয়েছে।"),
    ("5 Rvbyqvwi 2024 Zvwi‡L wbe©vPb n‡e|", "৫ জানুয়ারি ২০২৪ তারিখে নির্বাচন হবে।"),
    ("me©‡kl Le‡i", "সর্বশেষ খবরে"),
    ("cÖavbgš¿x", "প্রধানমন্ত্রী"),
    ("Kg©KZ©v", "কর্মকর্তা"),
    ("Kg©x‡`i", "কর্মীদের"),
    ("agx©q", "ধর্মীয়"),
    ("ag©xq", "ধর্মীয়"),
    ("m~h©", "সূর্য"),
    ("e„n¯úwZevi", "বৃহস্পতিবার"),
    ("wØZxq", "দ্বিতীয়"),
    ("†KŠkj", "কৌশল"),
    ("†gvU", "মোট"),
    ("Pvu`", "চাঁদ"),
    ("Puv`", "চাঁদ"),
    ("¯^vaxbZv", "স্বাধীনতা"),
    ("e¨vsK", "ব্যাংক"),
    ("cÖ‡kœi", "প্রশ্নের"),
    ("e¨w³MZ", "ব্যক্তিগত"),
    ("wkÿv", "শিক্ষা"),
    ("ivóª", "রাষ্ট্র"),
    ("`ª“Z", "দ্রুত"),
    ("XvKv, 12 A‡±vei (evmm) Ñ", "ঢাকা, ১২ অক্টোবর (বাসস) –"),
    ("XvKv wek¦we`¨vjq", "ঢাকা বিশ্ববিদ্যালয়"),
    ("‡K›`ª", "কেন্দ্র"),
    ("KZ©„K", "কর্তৃক"),
    ("‰kkeKvj", "শৈশবকাল"),
    ("Ab¨vb¨", "অন্যান্য"),
    ("mv¤úªwZK", "সাম্প্রতিক"),
    ("AvšÍR©vwZK", "আন্তর্জাতিক"),
    ("gš¿Yvjq", "মন্ত্রণালয়"),
    ("wµ‡KU", "ক্রিকেট"),
    ("‡mvgevi 14 b‡f¤^i", "সোমবার ১৪ নভেম্বর"),
]

ARTICLE = (
    "XvKvq bZzb †mZz Ly‡j †`Iqv n‡q‡Q\n"
    "wbR¯^ cÖwZ‡e`K\n"
    "XvKv, 12 A‡±vei (evmm) Ñ MZKvj eyaevi bZzb †mZz Ly‡j †`Iqv n‡q‡Q|\n"
    "cÖavbgš¿x †mZzwU D‡Øvab K‡ib| 5 Rvbyqvwi 2024 Zvwi‡L wbe©vPb n‡e|\n"
)


@pytest.mark.parametrize(("bijoy", "unicode"), WORDS)
def test_convert(bijoy: str, unicode: str) -> None:
    assert unicodedata.normalize("NFC", convert_bijoy(bijoy)) == unicodedata.normalize("NFC", unicode)


def test_detection() -> None:
    assert looks_like_bijoy(ARTICLE)
    assert not looks_like_bijoy(convert_bijoy(ARTICLE))
    assert not looks_like_bijoy("The minister visited the new bridge on Wednesday, the twelfth of October.")
    assert not looks_like_bijoy("Über die Brücke gehen wir, während die Vögel singen. Voilà, très bien.")
    assert not looks_like_bijoy("ঢাকায় নতুন সেতু খুলে দেওয়া হয়েছে। The bridge (সেতু) is new.")


def test_bijoy_article_is_refused_with_a_clear_reason() -> None:
    with pytest.raises(InputError) as caught:
        parse_text(ARTICLE)
    assert caught.value.reason == Reason.BIJOY
    assert "--bijoy" in caught.value.message


def test_bijoy_article_converted_end_to_end() -> None:
    article = parse_text(ARTICLE, options=Options(bijoy=True))
    assert article.headline == "ঢাকায় নতুন সেতু খুলে দেওয়া হয়েছে"
    assert "bijoy" in article.normalisation
    assert article.byline == "নিজস্ব প্রতিবেদক"
    assert article.dateline is not None and article.dateline.agency == "বাসস"
    assert article.body.startswith("গতকাল বুধবার নতুন সেতু")
    assert "2024-01-05" in [d.value for d in article.dates]  # ৫ জানুয়ারি ২০২৪ (তারিখে)


def test_cli_windows_1252_bijoy_file(tmp_path: Path) -> None:
    """Old archives keep Bijoy text as Windows "ANSI" bytes: not UTF-8, still recognised."""
    path = tmp_path / "old.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    refused = CliRunner().invoke(cli, ["parse", str(path)])
    assert refused.exit_code == 1
    assert "legacy Bijoy (SutonnyMJ)" in refused.stderr and "--bijoy" in refused.stderr
    converted = CliRunner().invoke(cli, ["parse", "--bijoy", str(path)])
    assert converted.exit_code == 0, converted.output
    record = json.loads(converted.stdout)
    assert record["headline"] == "ঢাকায় নতুন সেতু খুলে দেওয়া হয়েছে"
    assert record["source"]["encoding"] == "cp1252"
    assert "bijoy" in record["normalisation"]


def test_unicode_text_is_untouched_by_bijoy_option() -> None:
    text = "শিরোনাম\nগতকাল বুধবার সেতু খোলা হয়।"
    assert parse_text(text, options=Options(bijoy=True)).body == "গতকাল বুধবার সেতু খোলা হয়।"


def test_unicode_headline_over_a_bijoy_body() -> None:
    text = "ঢাকায় নতুন সেতু\n" + ARTICLE.split("\n", 1)[1]
    with pytest.raises(InputError):
        parse_text(text)
    article = parse_text(text, options=Options(bijoy=True))
    assert article.headline == "ঢাকায় নতুন সেতু"
    assert article.byline == "নিজস্ব প্রতিবেদক"
    assert article.body.endswith("৫ জানুয়ারি ২০২৪ তারিখে নির্বাচন হবে।")
