"""The Article record: what one line of `newsingest parse` output holds.

Field names are a contract with the tools that read our output (jq filters, DuckDB views,
training pipelines); add fields, never rename them.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar, overload

from pydantic import BaseModel, ConfigDict, Field

from . import plain, write

DateType = Literal["DATE", "TIME", "DURATION", "SET"]
FieldName = Literal["headline", "body"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Source(_Record):
    """Where an article came from, so any record can be traced back to its bytes."""

    path: str = Field(
        description='The input path as given (joined below a directory); "-" for stdin. A byte of a '
        "file name that is not UTF-8 is written as \\xNN."
    )
    format: str = Field(description='The input format, e.g. "text".')
    encoding: str = Field(description="The encoding the bytes were decoded with.")
    bytes: int = Field(ge=0, description="Size of the input file in bytes.")
    sha256: str = Field(description="SHA-256 of the input file's bytes, hex.")
    record: int | None = Field(
        default=None,
        description="Index (from 0) of the record in its file, for JSON Lines, JSON arrays and CSV; "
        "null for a file that holds one article.",
    )
    compression: str | None = Field(
        default=None, description='"gzip", "bzip2", "xz" or "zstd" when the file was compressed.'
    )


class DateMention(_Record):
    """A temporal expression as written, where it stands, and its TIMEX3 value."""

    text: str = Field(description="The expression exactly as it stands in the field.")
    field: FieldName = Field(description="Which field holds it.")
    start: int = Field(ge=0, description="Offset in code points into the field: field[start:end] == text.")
    end: int = Field(ge=0)
    type: DateType
    value: str = Field(description="TIMEX3 / ISO 8601 value; X stands for what cannot be known.")
    earliest: str | None = Field(
        default=None, description="First day (ISO date) the value covers, where it pins a span of days."
    )
    latest: str | None = Field(default=None, description="Last day (ISO date) the value covers.")


class ReferenceDate(_Record):
    """The date relative expressions are resolved against, and where it came from."""

    value: str = Field(description="ISO date, YYYY-MM-DD.")
    source: Literal["option", "published", "inferred"] = Field(
        description='"option": --reference-date; "published": the record\'s publication date; '
        '"inferred": the latest fully known date the text reports.'
    )


class Stats(_Record):
    """Sizes of the article, for filtering and corpus statistics."""

    characters: int = Field(ge=0, description="Code points in headline and body.")
    words: int = Field(ge=0, description="Tokens by bnlp-toolkit's BasicTokenizer, headline and body.")
    sentences: int = Field(ge=0, description="Sentences in headline and body (ended by । ? ! or a line end).")
    paragraphs: int = Field(ge=0, description="Body paragraphs.")


class Dateline(_Record):
    """The dateline that opens a wire or staff report: `ঢাকা, ১২ অক্টোবর (বাসস) –`."""

    text: str = Field(description="The dateline as written, without its closing dash.")
    place: str | None = Field(default=None, description="Where the report was filed.")
    date: str | None = Field(default=None, description="TIMEX3 value of the dateline's date (may hold X).")
    agency: str | None = Field(default=None, description="The news agency named in brackets, e.g. বাসস.")


class Cleaning(_Record):
    """What `--clean` removed: scraping artefacts, never article text."""

    repeated: int = Field(
        default=0, ge=0, description="Paragraphs or sentences repeated right after themselves."
    )
    boilerplate: int = Field(default=0, ge=0, description="Share/follow/subscribe lines.")


class Article(_Record):
    """One Bengali news article, cleaned, with every date it reports."""

    id: str = Field(description='First 16 hex digits of SHA-256 over headline + "\\n" + body.')
    source: Source
    headline: str
    body: str = Field(description='The paragraphs joined by "\\n\\n".')
    language: Literal["bn"] = "bn"
    dates: list[DateMention]
    reference_date: ReferenceDate | None
    stats: Stats
    normalisation: list[str] = Field(
        description="Names of the normalisation fixes that changed the text (see newsingest.normalise), "
        'plus "mojibake" (repaired with ftfy) and "bijoy" (converted from SutonnyMJ ASCII).'
    )
    published: str | None = Field(
        default=None,
        description="Publication date or date-time (ISO 8601, with its UTC offset when known), from the "
        "record's date field, the page's metadata or a প্রকাশ: line.",
    )
    updated: str | None = Field(
        default=None, description="Last update (ISO 8601), from an আপডেট: line or the page's metadata."
    )
    url: str | None = Field(default=None, description="The article's URL, where the input gives one.")
    author: str | None = Field(default=None, description="The author, where the input gives one.")
    category: str | None = Field(default=None, description="The category or section, where given.")
    tags: list[str] = Field(default_factory=list, description="Tags or keywords, where given.")
    dateline: Dateline | None = Field(default=None, description="The dateline opening the body, if any.")
    byline: str | None = Field(
        default=None, description="The byline above the body (নিজস্ব প্রতিবেদক, a desk, a reporter)."
    )
    cleaning: Cleaning | None = Field(
        default=None, description="Scraping artefacts removed (null when --no-clean)."
    )


# Every record above: their fields are plain (str, int, None, lists, records), with no
# serializer of their own, so newsingest.write may write their JSON itself.
RECORDS: tuple[type[BaseModel], ...] = (
    Source, DateMention, ReferenceDate, Stats, Dateline, Cleaning, Article
)
write.register({model: tuple(model.model_fields) for model in RECORDS})

Model = TypeVar("Model", bound=BaseModel)


def trusted_python(model: type[Model], values: dict[str, Any]) -> Model:
    """An instance of `model` holding `values`, unvalidated: every field, in the model's types
    and in the model's order (JSON writes the keys as the dict holds them).

    For records built from values the pipeline made itself (its plain records: from_plain),
    as pydantic's model_construct does, but directly: model_construct runs in Python and
    costs more than validating (3 us against 1.2 for a DateMention), this 0.7, and `trusted`
    (the same in _models.c) 0.15. tests/test_models.py holds what they build equal to what
    validation builds, field for field and in JSON, for every record the library makes so.
    """
    instance = object.__new__(model)
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", set(values))
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance


try:
    from ._models import trusted
except ImportError:  # built without a compiler: the Python specification serves
    trusted = trusted_python


@overload
def from_plain(record: plain.Article) -> Article: ...
@overload
def from_plain(record: plain.Record) -> BaseModel: ...
def from_plain(record: plain.Record) -> BaseModel:
    """The model of a plain record the pipeline built (newsingest.plain), with its own.

    The models take over the plain records' dicts, which hold every field in order; the
    plain records are not to be used again.
    """
    if type(record) is not plain.Article:
        return trusted(_MODEL_OF[type(record)], record.__dict__)
    values = record.__dict__.copy()
    for name, model in _ARTICLE_RECORDS:
        held = values[name]
        if held is not None:
            values[name] = trusted(model, held.__dict__)
    values["dates"] = [trusted(DateMention, mention.__dict__) for mention in values["dates"]]
    return trusted(Article, values)


# An Article's fields that hold one record (or None), and the record's model.
_ARTICLE_RECORDS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("source", Source),
    ("reference_date", ReferenceDate),
    ("stats", Stats),
    ("dateline", Dateline),
    ("cleaning", Cleaning),
)
_MODEL_OF: dict[type, type[BaseModel]] = {
    plain.Source: Source,
    plain.DateMention: DateMention,
    plain.ReferenceDate: ReferenceDate,
    plain.Stats: Stats,
    plain.Dateline: Dateline,
    plain.Cleaning: Cleaning,
    plain.Article: Article,
}


def to_plain(source: Source) -> plain.Source:
    """A Source model given to the library API, as the pipeline holds it."""
    return plain.Source(source.model_dump())
