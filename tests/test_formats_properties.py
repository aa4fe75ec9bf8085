"""Properties of the input readers: any bytes in any format give Articles or clean failures."""

from __future__ import annotations

import io
import json
import os
import tarfile
import zipfile

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsingest.errors import InputError
from newsingest.formats import Options, extension
from newsingest.formats.bijoy import BIJOY_TO_UNICODE, convert_bijoy
from newsingest.formats.clean import clean
from newsingest.formats.compressed import _BZIP2_BLOCK, _KINDS, compression_of
from newsingest.formats.dateline import _DATELINE, may_be_dateline
from newsingest.formats.published import parse_published
from newsingest.models import Article
from newsingest.pipeline import Failure, parse_file

from .conftest import ARTICLE, examples

_PIECES_TEXT = (
    "প্রকাশ: আপডেট: নিজস্ব প্রতিবেদক ঢাকা, ১২ অক্টোবর (বাসস) – শেয়ার করুন ফেসবুক "
    '২৭ এপ্রিল, ২০২৪ ২২:০১ সেতু খুলেছে। সেতু খুলেছে। | \n \n à¦¢à¦¾ ‡ † v w © { } [ ] " , : title body'
)
_PIECES = _PIECES_TEXT.split(" ")
TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=30).map(" ".join)
NAMES = st.sampled_from(["a.txt", "a.jsonl", "a.json", "a.csv", "-", "a.txt.gz"])


@settings(max_examples=examples(200), deadline=None)
@given(TEXT, NAMES, st.booleans(), st.booleans())
def test_any_input_gives_articles_or_failures(text: str, name: str, bijoy: bool, clean_on: bool) -> None:
    options = Options(bijoy=bijoy, clean=clean_on)
    try:
        results = list(parse_file(text.encode("utf-8"), name, None, options))
    except InputError:
        return
    for result in results:
        if isinstance(result, Failure):
            assert result.error.message and "\n" not in str(result)
            continue
        Article.model_validate(json.loads(result.model_dump_json()))
        for date in result.dates:
            assert getattr(result, date.field)[date.start : date.end] == date.text


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(sorted(BIJOY_TO_UNICODE)), max_size=40).map("".join))
def test_bijoy_conversion_never_leaves_a_placeholder(text: str) -> None:
    converted = convert_bijoy(text)
    assert "\ue000" not in converted
    assert not any(char in "‡†©¨ª" for char in converted)


@settings(max_examples=examples(300), deadline=None)
@given(TEXT)
def test_parse_published_is_iso_or_none(text: str) -> None:
    import datetime as dt

    value = parse_published(text)
    if value is not None:
        dt.date.fromisoformat(value[:10])
        if len(value) > 10:
            dt.datetime.fromisoformat(value)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(TEXT, max_size=8))
def test_clean_only_removes(paragraphs: list[str]) -> None:
    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    cleaned = clean("শিরোনাম", paragraphs)
    assert len(cleaned.paragraphs) + cleaned.boilerplate <= len(paragraphs)
    assert cleaned.repeated >= 0 and cleaned.boilerplate >= 0
    # Idempotent: cleaning clean text changes nothing.
    again = clean("শিরোনাম", cleaned.paragraphs)
    assert again.paragraphs == cleaned.paragraphs


_LINE_PIECES = ["ঢাকা", "নিউ ইয়র্ক", ",", " ", " " * 30, "\xa0", "১২", "অক্টোবর", "(বাসস)", "–", ":", "।", "ক" * 9]
LINE = st.lists(st.sampled_from(_LINE_PIECES))


@settings(max_examples=examples(500), deadline=None)
@given(LINE.map("".join))
@example("ক" * 31 + "  , ১২ অক্টোবর –")  # the longest place, then spaces before its comma
@example("ঢাকা," + " " * 250 + "১২ অক্টোবর –")  # the date beyond the prefilter's window
@example("ঢাকা, " + "ক" * 40 + " –")  # the longest date
def test_dateline_prefilter_never_rejects_a_dateline(line: str) -> None:
    if _DATELINE.match(line):
        assert may_be_dateline(line)


@settings(max_examples=examples(500), deadline=None)
@given(st.lists(st.sampled_from(["a", "b", ".", "/", "txt", "gz", " ", "ক"]), max_size=12).map("".join))
@example("archive/.hidden")
@example("archive.d/..gz")
@example("a.")
def test_extension_is_what_splitext_gives(name: str) -> None:
    assert extension(name) == os.path.splitext(name)[1]


@given(st.binary(max_size=12))
@example(b"BZh91AY&SY")
@example(b"\x1f\x8b\x08")
def test_compression_of_is_a_magic_number_at_the_start(data: bytes) -> None:
    expected = next((kind for kind, magic, _ in _KINDS if data.startswith(magic)), None)
    if expected == "bzip2" and not _BZIP2_BLOCK.match(data):
        expected = None
    assert compression_of(data) == expected


def _archive(kind: str) -> bytes:
    """A small archive of three articles, as `kind` packs them."""
    members = [(f"d/{i}.txt", ARTICLE.replace("\n", f" ({i})\n", 1).encode()) for i in range(3)]
    out = io.BytesIO()
    if kind == "tar":
        with tarfile.open(fileobj=out, mode="w") as archive:
            for name, data in members:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
    else:
        method = {"zip": zipfile.ZIP_DEFLATED, "stored.zip": zipfile.ZIP_STORED, "bz2.zip": zipfile.ZIP_BZIP2}
        with zipfile.ZipFile(out, "w", method[kind]) as archive:
            for name, data in members:
                archive.writestr(name, data)
    return out.getvalue()


_ARCHIVES = {kind: _archive(kind) for kind in ("zip", "stored.zip", "bz2.zip", "tar")}
# A change to an archive's bytes: a byte set, a run of them cut out, or bytes put in.
_DAMAGE = st.tuples(
    st.floats(0, 1, exclude_max=True),
    st.sampled_from(["set", "cut", "add"]),
    st.binary(min_size=1, max_size=24),
)


def _at(kind: str, index: int) -> float:
    """Where byte `index` of an archive of `kind` is, as a _DAMAGE place."""
    return (index + 0.5) / len(_ARCHIVES[kind])




@settings(max_examples=examples(300), deadline=None)
@given(st.sampled_from(sorted(_ARCHIVES)), st.lists(_DAMAGE, min_size=1, max_size=4))
# (compressed data damaged so that it asks for more than its entry holds: zipfile's
# EOFError, which has no message)
@example("zip", [(_at("zip", 96), "set", b"\xd9"), (_at("zip", 251), "set", b"\x69")])
def test_a_damaged_archive_gives_articles_or_failures(
    kind: str, damage: list[tuple[float, str, bytes]]
) -> None:
    data = bytearray(_ARCHIVES[kind])
    for place, change, some in damage:
        at = int(place * len(data))
        if change == "set":
            data[at] = some[0]
        elif change == "cut":
            del data[at : at + len(some)]
        else:
            data[at:at] = some
    try:
        results = list(parse_file(bytes(data), "news." + kind.rpartition(".")[2]))
    except InputError as error:
        assert error.message and "\n" not in error.message
        return
    for result in results:
        if isinstance(result, Failure):
            assert result.error.message.rpartition(": ")[2] and "\n" not in str(result)
