"""Saved HTML article pages: headline, body paragraphs and publication date via trafilatura.

trafilatura (with htmldate for the date) finds the article in the page's boilerplate and
reads its metadata (title, author, date, categories, tags, canonical URL). Only the page's
markup is asked for a date (htmldate's extensive text search is off: it guesses from any
number in the page). Where the markup has none, the visible Bengali stamp
(`প্রকাশ: ১৩ অক্টোবর ২০২৩, ১০:৩০`, which neither library reads) is found in the page's
text and read by our own Bengali publication-date reader, keeping the time and +06:00.

trafilatura is an optional extra: `pip install "newsingest[html]"`. It is imported only
when an HTML file is met.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from ..errors import InputError, Reason
from ..read import decode
from . import source_of
from .dateline import UPDATED_LABEL, alternation
from .options import Options
from .published import parse_published
from .text import Meta, build_document
from .vocabulary import PUBLISHED_LABELS, UPDATED_LABELS

if TYPE_CHECKING:
    from ..pipeline import Document

_MISSING = 'HTML input needs the optional extra: pip install "newsingest[html]" (trafilatura)'
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


_VISIBLE_STAMP = re.compile(
    rf"^[\s|•·]*(?P<label>{alternation(PUBLISHED_LABELS)}|{alternation(UPDATED_LABELS)})\s*(?P<colon>[:ঃ]?)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


def read_html(data: bytes, base: dict[str, Any], options: Options) -> Document:
    """One Document from a saved article page's bytes."""
    try:
        import trafilatura
    except ImportError:
        raise InputError(Reason.MISSING_EXTRA, _MISSING) from None
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        page: str | bytes = decode(data).text
        encoding = "utf-8"
    except InputError:
        page, encoding = data, "detected"  # trafilatura reads <meta charset> and guesses
    extracted = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "outputformat": _DATE_FORMAT,
        },
    )
    assert not isinstance(extracted, dict)  # (a Document: as_dict is off)
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(Reason.NO_BODY, "no article text found in the HTML page")
    headline = (extracted.title or "").strip()
    if not headline:
        raise InputError(Reason.NO_HEADLINE, "no headline: the HTML page has no title")
    published = _metadata_date(extracted.date)
    visible_published, visible_updated = _visible_stamps(page)
    # The visible stamp wins where it says more: the same day as the markup, with a time.
    if visible_published and (
        not published or (len(published) == 10 and visible_published[:10] == published)
    ):
        published = visible_published
    meta = Meta(
        headline=headline,
        published=published,
        updated=visible_updated,
        url=extracted.url or None,
        author=extracted.author or None,
        category=", ".join(extracted.categories or []) or None,
        tags=tuple(extracted.tags or ()),
    )
    source = source_of(base, encoding, None)
    # trafilatura keeps the page's <h1> as the text's first line: it is the headline, not body.
    text = (extracted.text or "").strip()
    first, _, rest = text.partition("\n")
    if " ".join(first.split()) == " ".join(headline.split()):
        text = rest
    return build_document(text, source, options, meta)


def _metadata_date(value: str | None) -> str | None:
    """htmldate's date; a time of exactly midnight without an offset is its filler for "no time"."""
    if not value:
        return None
    if value.endswith("T00:00:00"):
        value = value[:10]
    return parse_published(value)


def _visible_stamps(page: str | bytes) -> tuple[str | None, str | None]:
    """The publication and update stamps written in the page's visible text, if any."""
    import lxml.html

    try:
        root = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):  # type: ignore[attr-defined]
        return None, None
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    lines = [" ".join(text.split()) for text in root.itertext()]
    lines = [line for line in lines if line]
    published = updated = None
    for i, line in enumerate(lines):
        match = _VISIBLE_STAMP.match(line)
        if match is None:
            continue
        rest = match.group("rest").strip(" \xa0|")
        if rest and not match.group("colon"):
            continue  # `প্রকাশিত হয়েছে ১২ অক্টোবর …` is a sentence, not a stamp
        rest = rest or (lines[i + 1] if i + 1 < len(lines) else "")
        if len(rest) > 80:
            continue
        # A stamp line may hold both: `প্রকাশ: … | আপডেট: …`.
        rest = re.split(rf"\s*\|?\s*(?:{alternation(UPDATED_LABELS)})\s*[:ঃ]", rest)[0]
        value = parse_published(rest)
        if value is None:
            continue
        if UPDATED_LABEL.match(match.group("label")):
            updated = updated or value
        else:
            published = published or value
    return published, updated
