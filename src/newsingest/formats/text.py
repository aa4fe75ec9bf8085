"""From an article's raw text (and what its container said about it) to a pipeline Document.

Every format ends here: repair (mojibake, legacy Bijoy), normalise, split headline and
paragraphs, remove scraping artefacts, take the header lines (byline, dateline, stamps) off
the top. The order matters: repeats are found on normalised text, and a header line is
found once the share buttons above it are gone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from ..errors import InputError, Reason
from ..normalise import normalise
from ..plain import Cleaning, Dateline, Source
from ..segment import split_article
from .bijoy import convert_bijoy, looks_like_bijoy
from .clean import clean, native_scan
from .dateline import split_header
from .mojibake import repair_mojibake
from .options import Options

_BENGALI: Final = re.compile("[\u0985-\u09b9\u09dc-\u09df]")  # Bengali letters


@dataclass(frozen=True)
class Meta:
    """What a container (a JSON record, an HTML page) says about its article."""

    headline: str | None = None
    published: str | None = None
    updated: str | None = None
    url: str | None = None
    author: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()


_NO_META: Final = Meta()


@dataclass(init=False)
class Document:
    """An article's text after reading and normalising, before any analysis.

    Defined here, where it is made, so that mypyc builds it as a native class, with the
    __init__ below: a dataclass's generated one runs as Python (6,200 instructions an
    article against ~300), and a frozen one sets each field through object.__setattr__.
    Nothing changes a Document once made. newsingest.pipeline exports it."""

    headline: str
    paragraphs: list[str]
    source: Source
    fixes: list[str]
    # What the container or the lines above the body said (newsingest.formats).
    published: str | None
    updated: str | None
    url: str | None
    author: str | None
    category: str | None
    tags: list[str]
    dateline: Dateline | None
    byline: str | None
    cleaning: Cleaning | None

    def __init__(
        self,
        headline: str,
        paragraphs: list[str],
        source: Source,
        fixes: list[str] | None = None,
        published: str | None = None,
        updated: str | None = None,
        url: str | None = None,
        author: str | None = None,
        category: str | None = None,
        tags: list[str] | None = None,
        dateline: Dateline | None = None,
        byline: str | None = None,
        cleaning: Cleaning | None = None,
    ) -> None:
        self.headline = headline
        self.paragraphs = paragraphs
        self.source = source
        self.fixes = [] if fixes is None else fixes
        self.published = published
        self.updated = updated
        self.url = url
        self.author = author
        self.category = category
        self.tags = [] if tags is None else tags
        self.dateline = dateline
        self.byline = byline
        self.cleaning = cleaning


def repair(text: str, options: Options) -> tuple[str, list[str]]:
    """Undo mojibake; convert (with --bijoy) or refuse legacy Bijoy ASCII text."""
    fixes: list[str] = []
    text, changed = repair_mojibake(text)
    if changed:
        fixes.append("mojibake")
    # Lines already in Unicode Bengali stay as they are: a Unicode headline over a Bijoy body
    # (a common half-converted archive) is judged, and converted, by its other lines.
    legacy = _legacy_lines(text)  # (nearly always none: the text is split only for some)
    if not legacy:
        return text, fixes
    lines = text.split("\n")
    if looks_like_bijoy("\n".join(lines[i] for i in legacy)):
        if not options.bijoy:
            raise InputError(
                Reason.BIJOY,
                "looks like legacy Bijoy (SutonnyMJ) ASCII-encoded Bengali, not Unicode; "
                "rerun with --bijoy to convert it",
            )
        for i in legacy:
            lines[i] = convert_bijoy(lines[i])
        text = "\n".join(lines)
        fixes.append("bijoy")
    return text, fixes


def legacy_lines_python(text: str) -> list[int]:
    """The indices of the lines of `text` that hold something but no Bengali letter."""
    return [i for i, line in enumerate(text.split("\n")) if line.strip() and not _BENGALI.search(line)]


# The C loop (_scan.c) when it was built: the function above stays the specification.
_legacy_lines: Final[Callable[[str], list[int]]] = (
    legacy_lines_python if native_scan is None else native_scan.legacy_lines
)


def build_document(text: str, source: Source, options: Options, meta: Meta | None = None) -> Document:
    """One Document from an article's text: headline on the first line unless `meta` gives it."""
    meta = meta or _NO_META
    if meta.headline is not None:
        text = " ".join(meta.headline.split()) + "\n" + text  # a headline is one line
    text, fixes = repair(text, options)
    normal, normal_fixes = normalise(text)
    fixes += [name for name in normal_fixes if name not in fixes]
    segments = split_article(normal)
    paragraphs = segments.paragraphs
    cleaning = None
    if options.clean:
        # Normalising leaves single spaces only, but for a lone no-break space (normalise.py).
        cleaned = clean(segments.headline, paragraphs, squeezed="\xa0" not in normal)
        paragraphs = cleaned.paragraphs
        cleaning = Cleaning({"repeated": cleaned.repeated, "boilerplate": cleaned.boilerplate})
    header = split_header(paragraphs, meta.published, meta.author)
    paragraphs = header.paragraphs
    return Document(
        segments.headline,
        paragraphs,
        source,
        fixes,
        published=meta.published or header.published,
        updated=meta.updated or header.updated,
        url=meta.url,
        author=meta.author,
        category=meta.category,
        tags=list(meta.tags),
        dateline=header.dateline,
        byline=header.byline,
        cleaning=cleaning,
    )
