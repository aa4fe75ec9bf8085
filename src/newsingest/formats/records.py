"""Scraper dumps and datasets: JSON Lines, JSON arrays and CSV, one article per record.

Each record's keys are matched to the Article's fields by the key table in vocabulary.py
(`title`/`headline`, `body`/`content`/`article`/`text`, `date`/`published`/`pubDate`, ...);
`--field NAME=KEY` overrides it. A bad record is reported with its index and the others go on.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import html
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from ..errors import InputError, Reason, UnreadLine
from .mojibake import repair_mojibake
from .options import Options
from .published import parse_published
from .streamed import LONE_SURROGATE
from .text import Meta
from .vocabulary import RECORD_KEYS, RECORD_LIST_KEYS, RECORD_WRAPPER_KEYS

# Characters the CSV dialect is guessed from.
_SNIFFED = 8192


@dataclass(frozen=True)
class Record:
    """One record of a container file: its index (from 0) and its text fields, or why it failed."""

    index: int
    body: str | None = None
    meta: Meta | None = None
    error: InputError | None = None


def read_records(text: str, fmt: str, options: Options, *, tabs: bool = False) -> Iterator[Record]:
    """Every record of a JSON Lines, JSON or CSV text (tab-separated when `tabs`), in order."""
    if fmt == "jsonl":
        rows: Iterator[tuple[int, Any]] = _jsonl(_lines(text))
    elif fmt == "json":
        rows = _json(text)
    elif fmt == "csv":
        rows = _csv(io.StringIO(text, newline=""), csv_dialect(text, tabs), options.fields, 1 << 28)
    else:
        raise ValueError(f"not a record format: {fmt}")
    yield from _records(rows, options)


def stream_records(
    lines: Iterable[str | InputError],
    head: str,
    fmt: str,
    options: Options,
    *,
    tabs: bool,
    max_field: int,
    first_record: int = 0,
    first_line: int = 1,
    dialect: dict[str, Any] | None = None,
    columns: list[str] | None = None,
) -> Iterator[Record]:
    """read_records for a JSON Lines or CSV dump given a line at a time (streamed.py), with
    their ends: one too large to hold whole.

    A line the reader could not give (too long, or not in the dump's encoding) is an
    InputError in `lines`, and fails the record it is in (a CSV record may span lines:
    _CsvLines). `head` is the dump's first characters, which the CSV dialect is guessed
    from. A piece of a dump (pieces.split_dumps) begins at record `first_record`, line
    `first_line` of it; a piece of a CSV comes with its file's `dialect` (csv_dialect), and
    past the first, with the `columns` its header names.
    """
    if fmt == "jsonl":
        rows: Iterator[tuple[int, Any]] = _jsonl(lines, first_record, first_line)
    elif fmt == "csv":
        found = _CsvLines(lines, first_line - 1)
        dialect = dialect if dialect is not None else csv_dialect(head, tabs)
        rows = _csv(found, dialect, options.fields, max_field, columns, first_record)
    else:
        raise ValueError(f"not a streamed record format: {fmt}")
    yield from _records(rows, options)


def _records(rows: Iterator[tuple[int, Any]], options: Options) -> Iterator[Record]:
    for index, row in rows:
        if isinstance(row, InputError):
            yield Record(index, error=row)
            continue
        try:
            body, meta = _fields(row, options.fields)
        except InputError as error:
            yield Record(index, error=error)
            continue
        yield Record(index, body, meta)


def _jsonl(lines: Iterable[str | InputError], index: int = 0, first: int = 1) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(lines, first):
        if isinstance(line, InputError):
            yield index, InputError(line.reason, f"line {number}: {line.message}")
            index += 1
            continue
        if not line.strip():
            continue
        try:
            yield index, json.loads(line.removesuffix("\n"))
        except RecursionError:
            yield index, InputError(Reason.MALFORMED, f"line {number}: JSON nested too deeply")
        except json.JSONDecodeError as exc:
            message = f"line {number}: invalid JSON: {exc.msg} (column {exc.colno})"
            yield index, InputError(Reason.MALFORMED, message)
        index += 1


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, one at a time (a dump of a million records is never split whole)."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


# Where a line ends at a "\r" of its own: the csv module's lines end at "\r", "\n" or "\r\n".
_BARE_CR = re.compile("(?<=\r)(?!\n)")


def _pieces(line: str) -> Iterable[str]:
    """A line as the csv module reads lines: a bare "\r" ends one too."""
    return filter(None, _BARE_CR.split(line)) if "\r" in line[:-2] else (line,)


class _CsvLines:
    """The lines of a streamed CSV as the csv module reads them (the lines given end at "\n"
    alone), and those that fail the record they fall in.

    `failed` maps the count of lines yielded when such a line is (the csv reader's line_num)
    to its record's error: an InputError in the lines given (too long, or not in the dump's
    encoding). That comes as a stand-in of one character, behind a quote character when the
    line held an odd number of them (UnreadLine), so that the reader's quoting, and the
    records after it, stay as written. `quotechar` is the dialect's: _csv
    sets it before the reader reads a line. `number` is the last line given's number in
    the file, for the messages of failed lines.
    """

    def __init__(self, lines: Iterable[str | InputError], before: int = 0) -> None:
        self._lines = iter(lines)
        self.failed: dict[int, InputError] = {}
        self.quotechar = '"'
        self.before = before  # the lines of the file before these (in a piece of it)
        self.number = before
        self.skipped = 0  # lines read past (skip_record), as the csv reader counts lines
        self._yielded = 0
        self._quoted = False  # whether the lines of the record so far end inside a quoted field

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            self.number += 1
            if isinstance(line, InputError):
                message = f"line {self.number}: {line.message}"
                self.failed[self._yielded + 1] = InputError(line.reason, message)
                line = self._stand_in(line)
            self._quoted ^= line.count(self.quotechar) % 2 == 1
            for piece in _pieces(line):
                self._yielded += 1
                yield piece

    def _stand_in(self, line: InputError) -> str:
        odd = isinstance(line, UnreadLine) and self.quotechar in line.odd_quotes
        return (self.quotechar if odd else "") + "-\n"

    def record_read(self) -> None:
        """The csv reader made a record of the lines given so far: the next line begins a
        record, outside a quoted field (whatever quote characters the record held as
        characters, 5" screen)."""
        self._quoted = False

    def skip_record(self) -> None:
        """Read past the rest of a record the csv reader gave up on (a field over its
        limit): the lines up to the one that closes its quoted field, if it is in one."""
        while self._quoted and (line := next(self._lines, None)) is not None:
            self.number += 1
            if isinstance(line, InputError):
                line = self._stand_in(line)
            self._quoted ^= line.count(self.quotechar) % 2 == 1
            self.skipped += sum(1 for _ in _pieces(line))


def _json(text: str) -> Iterator[tuple[int, Any]]:
    try:
        document = json.loads(text)
    except RecursionError:
        raise InputError(Reason.MALFORMED, "JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            Reason.MALFORMED, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    if isinstance(document, dict):
        lists = [document[key] for key in document if key.lower() in RECORD_LIST_KEYS]
        lists = [value for value in lists if isinstance(value, list)]
        document = lists[0] if lists else [document]
    if not isinstance(document, list):
        raise InputError(Reason.MALFORMED, "JSON holds neither an array of records nor a record")
    yield from enumerate(document)


def json_records(chunks: Iterable[str], max_chars: int, options: Options, first: int = 0) -> Iterator[Record]:
    """read_records for JSON given a piece of text at a time (streamed.py): each record is
    parsed once it is whole, so a dump of any size is never held (json_elements). A piece of
    an array (pieces.split_dumps) holds its elements from record `first` on."""
    yield from _records(enumerate(json_elements(chunks, max_chars, first), first), options)


def json_elements(chunks: Iterable[str], max_chars: int, first: int = 0) -> Iterator[Any]:
    """The records of the JSON text that `chunks` hold, in pieces of any size, each as soon
    as it is whole: the elements of an array, or of the array an object holds them in (as
    _json picks it: its first member under a RECORD_LIST_KEYS key that is an array), else
    the object itself.

    An element longer than `max_chars` is read past without being held and comes as a
    too_large InputError; one that is not JSON, or holds a character that was not in the
    file's encoding (a lone surrogate), as a malformed or encoding one, and the elements
    after it are read on. Raises InputError when the text is no array or object, or ends
    inside it. The array may be a piece of a larger one whose first element is record
    `first`."""
    text = _Text(iter(chunks))
    opening = text.next_char()
    if opening == "{":
        yield from _object_records(text, max_chars)
    elif opening == "[":
        yield from _array_elements(text, max_chars, first)
    else:
        raise InputError(Reason.MALFORMED, "invalid JSON: not an array or an object")
    if text.next_char():
        whole = "array" if opening == "[" else "object"
        raise InputError(Reason.MALFORMED, f"invalid JSON: more after the {whole}'s end")


def _array_elements(text: _Text, max_chars: int, first: int = 0) -> Iterator[Any]:
    """The elements of the array at `text.pos` (its "["), each parsed or the InputError it
    fails with; `text` is left past its "]"."""
    for _ in _items(text, "]", first):
        yield _element(text, max_chars)


def _items(text: _Text, closing: str, first: int = 0) -> Iterator[int]:
    """Moves `text` to each item of the array or object at its opening bracket in turn (its
    elements, numbered from `first`; its members), and past its closing bracket at the end.
    Raises InputError where no comma parts two items, or where the text ends inside."""
    kind = "array" if closing == "]" else "object"
    text.pos += 1
    index = first
    while (separator := text.next_char()) != closing:
        if separator == "" or (index > first and separator != ","):
            where = "ends" if separator == "" else f"has {separator!r} where a ',' or '{closing}' belongs"
            after = f" after record {index - 1}" if index and kind == "array" else ""
            raise InputError(Reason.MALFORMED, f"invalid JSON: the {kind} {where}{after}")
        if index > first:
            text.pos += 1  # (past the comma)
            text.next_char()
        yield index
        index += 1
    text.pos += 1


def _object_records(text: _Text, max_chars: int) -> Iterator[Any]:
    """The records of the object at `text.pos` (its "{"), as _json takes them from a whole
    one: the elements of its records array, read as an array's are, or else the object,
    one record (held up to `max_chars` characters; a member over them is read past, and the
    object fails too_large). `text` is left past its "}". (A records key given twice counts
    with its first array: json.loads keeps the last value.)"""
    begin = text.offset()
    members: dict[str, Any] = {}
    failed: InputError | None = None  # why the object fails as one record
    found = False  # its records array
    for _ in _items(text, "}"):
        key = _element(text, max_chars)
        if not isinstance(key, str) or text.next_char() != ":":
            raise InputError(Reason.MALFORMED, "invalid JSON: a member of the object is no key and value")
        text.pos += 1
        if text.next_char() == "[" and not found and key.lower() in RECORD_LIST_KEYS:
            found = True
            yield from _array_elements(text, max_chars)
        elif isinstance(value := _element(text, max_chars), InputError):
            failed = failed or value
        elif not found:
            members[key] = value
        if not found and text.offset() - begin > max_chars:  # (too large to be a record)
            members.clear()
            failed = failed or _too_large(max_chars)
    if not found:
        yield failed or (_too_large(max_chars) if text.offset() - begin > max_chars else members)


_JSON: Final = json.JSONDecoder()
_JSON_SPACE: Final = re.compile(r"[ \t\n\r]*")
# What ends an element: outside a string, a bracket, a quote or a comma; inside, a quote or an
# escape. (Used to read past an element without parsing it.)
_OUTSIDE_STRING: Final = re.compile(r'[\[\]{}",]')
_INSIDE_STRING: Final = re.compile(r'["\\]')
# A decoding error this near the end of what was read may only mean the element goes on.
_NEAR_END: Final = 8


class _Text:
    """The text of a JSON array as it is read: `text[pos:]` is what has not been taken."""

    def __init__(self, chunks: Iterator[str]) -> None:
        self.chunks = chunks
        self.text = ""
        self.pos = 0
        self.taken = 0  # the characters let go of
        self.ended = False

    def offset(self) -> int:
        """Where `pos` is in the whole text."""
        return self.taken + self.pos

    def more(self) -> bool:
        """Read another piece (letting go of what was taken); False at the end."""
        chunk = next(self.chunks, None)
        if chunk is None:
            self.ended = True
            return False
        self.taken += self.pos
        self.text = self.text[self.pos :] + chunk
        self.pos = 0
        return True

    def next_char(self) -> str:
        """The next character but for JSON whitespace, at `pos`; "" at the end."""
        while True:
            match = _JSON_SPACE.match(self.text, self.pos)
            self.pos = match.end() if match else self.pos
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""


def _element(text: _Text, max_chars: int) -> Any:
    """The element at `text.pos` (parsed, or the InputError it fails with), taken."""
    while True:
        try:
            value, end = _JSON.raw_decode(text.text, text.pos)
        except json.JSONDecodeError as exc:
            cut_short = exc.msg.startswith("Unterminated string") or exc.pos >= len(text.text) - _NEAR_END
            if not cut_short or text.ended:
                _read_past(text)
                return InputError(Reason.MALFORMED, f"invalid JSON: {exc.msg}")
        except RecursionError:
            _read_past(text)
            return InputError(Reason.MALFORMED, "invalid JSON: nested too deeply")
        else:
            if end < len(text.text) or text.ended:  # (a number at the very end may go on)
                start, text.pos = text.pos, end
                if end - start > max_chars:
                    return _too_large(max_chars)
                if bad := LONE_SURROGATE.search(text.text, start, end):
                    message = f"not in the file's encoding: a stray byte or code unit (U+{ord(bad[0]):04X})"
                    return InputError(Reason.ENCODING, message)
                return value
        if len(text.text) - text.pos > max_chars:
            _read_past(text)
            return _too_large(max_chars)
        text.more()


def _too_large(max_chars: int) -> InputError:
    return InputError(Reason.TOO_LARGE, f"longer than --max-bytes ({max_chars:,} characters)")


def _read_past(text: _Text) -> None:
    """Move `text.pos` to the end of the element there (to the "," or "]" after it), letting
    go of what it reads, without parsing it."""
    depth, in_string = 0, False
    while True:
        pattern = _INSIDE_STRING if in_string else _OUTSIDE_STRING
        found = pattern.search(text.text, text.pos)
        if found is None:
            text.pos = len(text.text)
            if not text.more():
                return
            continue
        char, text.pos = found[0], found.end()
        if char == "\\":
            if text.pos == len(text.text) and not text.more():
                return
            text.pos += 1  # (the escaped character)
        elif char == '"':
            in_string = not in_string
        elif char in "[{":
            depth += 1
        elif char in "]}" and depth:
            depth -= 1
        elif depth == 0:  # a "," or the array's "]"
            text.pos -= 1
            return


def csv_dialect(head: str, tabs: bool) -> dict[str, Any]:
    """A CSV's dialect, as csv.reader's format parameters: guessed from its first characters
    (`head`), or Excel's (tab-separated when `tabs`, a .tsv)."""
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel_tab if tabs else csv.excel
    if not tabs:
        with contextlib.suppress(csv.Error):
            dialect = csv.Sniffer().sniff(head[:_SNIFFED], delimiters=",;\t|")
            # The sniffer says a quote in a quoted field is not doubled ("") whenever the
            # head shows none, and a later record's "" would then end its field early.
            dialect.doublequote = True
    return {name: getattr(dialect, name) for name in _DIALECT}


# What makes a dialect, as csv.reader's keyword arguments.
_DIALECT: Final = ("delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace", "quoting")


def _csv(
    lines: Iterable[str],
    dialect: dict[str, Any],
    overrides: dict[str, str],
    max_field: int,
    columns: list[str] | None = None,
    first: int = 0,
) -> Iterator[tuple[int, Any]]:
    """The rows of a CSV. From _CsvLines, a row read from a failed line is its error, and a
    record the csv reader gives up on fails alone: the rows after it are read on. A piece
    of a CSV past its header comes with the header's `columns`, and its first record's
    index (`first`)."""
    csv.field_size_limit(max_field)
    streamed = lines if isinstance(lines, _CsvLines) else None
    if streamed is not None:
        streamed.quotechar = dialect["quotechar"] or '"'
    reader = csv.DictReader(lines, columns, **dialect)
    try:
        named = reader.fieldnames or []
    except csv.Error as exc:
        raise InputError(Reason.MALFORMED, f"invalid CSV header: {exc}") from None
    failed = streamed.failed if streamed is not None else {}
    if streamed is not None:
        streamed.record_read()  # (the header)
    if failed:  # in the header: no column can be told
        raise failed[min(failed)]
    check_columns(named, overrides)
    index, read_to = first, reader.line_num
    while True:
        try:
            for row in reader:
                if streamed is not None:
                    streamed.record_read()
                # (any of the lines this row was read from)
                bad = [failed.pop(n) for n in range(read_to + 1, reader.line_num + 1) if n in failed]
                read_to = reader.line_num
                if bad:
                    yield index, bad[0]
                elif None in row:
                    message = f"line {_line(reader, streamed)}: more values than the header has columns"
                    yield index, InputError(Reason.MALFORMED, message)
                elif any(value for value in row.values()):
                    yield index, row
                else:
                    continue
                index += 1
            return
        except csv.Error as exc:
            yield index, _csv_error(exc, _line(reader, streamed), max_field if streamed else None)
            if streamed is None:
                return
            streamed.skip_record()
            read = reader.reader.line_num  # (the DictReader's own count stops at its last row)
            for n in range(read_to + 1, read + 1):
                failed.pop(n, None)
            read_to = read
            index += 1


def _line(reader: csv.DictReader[str], streamed: _CsvLines | None) -> int:
    """The number of the last line the reader read, as it counts lines (a bare "\r" ends one)."""
    return reader.reader.line_num + (streamed.skipped + streamed.before if streamed is not None else 0)


def _csv_error(exc: csv.Error, line: int, max_field: int | None) -> InputError:
    if max_field is not None and "field larger than field limit" in str(exc):
        message = f"line {line}: a field longer than --max-bytes ({max_field:,} characters)"
        return InputError(Reason.TOO_LARGE, message)
    return InputError(Reason.MALFORMED, f"line {line}: invalid CSV: {exc}")


def check_columns(columns: Sequence[str], overrides: dict[str, str]) -> None:
    """A CSV whose header names no headline or no body column fails once, not on every row."""
    present = {_key(column) for column in columns}
    for name, reason in (("headline", Reason.NO_HEADLINE), ("body", Reason.NO_BODY)):
        keys = [overrides[name]] if name in overrides else list(RECORD_KEYS[name])
        if not any(_key(key) in present for key in keys):
            shown = ", ".join(columns[:12]) + (", …" if len(columns) > 12 else "")
            hint = f"--field {name}=COLUMN" if name not in overrides else f"--field {name}={overrides[name]}"
            raise InputError(reason, f"no {name} column among: {shown} (see {hint})")


_KEY_NOISE = re.compile(r"[\s_\-]")


@functools.lru_cache(maxsize=4096)
def _key(name: str) -> str:
    """A key as it is matched: no spaces, _ or -, casefolded, NFC (a Bengali key may come
    with য় as one code point or two); cached, as a dump repeats its few keys."""
    return unicodedata.normalize("NFC", _KEY_NOISE.sub("", name).casefold())


# The key table's keys as they are matched, for each field.
_MATCHED_KEYS = {name: tuple(map(_key, keys)) for name, keys in RECORD_KEYS.items()}
_MATCHED_WRAPPERS = tuple(map(_key, RECORD_WRAPPER_KEYS))
# What a record that is not a JSON object is, in the words of JSON.
_JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false"}


def _fields(row: Any, overrides: dict[str, str]) -> tuple[str, Meta]:
    """The body text and the Meta of one record; InputError when it is not an article."""
    if not isinstance(row, dict):
        kind = "null" if row is None else _JSON_KINDS.get(type(row), type(row).__name__)
        raise InputError(Reason.MALFORMED, f"a record must be a JSON object, not {kind}")
    by_key = {_key(str(key)): value for key, value in row.items()}
    for wrapper in _MATCHED_WRAPPERS:
        inner = by_key.get(wrapper)
        if isinstance(inner, dict):
            for key, value in inner.items():
                by_key.setdefault(_key(str(key)), value)
    values: dict[str, Any] = {}
    for name, keys in _MATCHED_KEYS.items():
        if name in overrides:
            key = overrides[name]
            found = _given_key(row, by_key, key)
            if found is _MISSING:
                message = f"no key {key!r} (--field {name}={key}); keys: {_keys(row)}"
                raise InputError(Reason.MALFORMED, message)
            values[name] = found
            continue
        for key in keys:
            value = by_key.get(key)
            if value not in (None, "", []):
                values[name] = value
                break
    headline = _text(values.get("headline"))
    body = _body(values.get("body"))
    if not headline:
        raise InputError(
            Reason.NO_HEADLINE,
            f"no headline (no title/headline key; keys: {_keys(row)}; use --field headline=KEY)",
        )
    if not body:
        raise InputError(
            Reason.NO_BODY,
            f"no body (no body/content/article/text key; keys: {_keys(row)}; use --field body=KEY)",
        )
    raw_published = _text(values.get("published"))
    published = parse_published(raw_published) if raw_published else None
    meta = Meta(
        headline=headline,
        published=published,
        url=_text(values.get("url")) or None,
        author=_repaired(_text(values.get("author"))) or None,
        category=_repaired(_text(values.get("category"))) or None,
        tags=tuple(_repaired(tag) for tag in _tags(values.get("tags"))),
    )
    return body, meta


_MISSING: Final = object()


def _given_key(row: dict[str, Any], by_key: dict[str, Any], key: str) -> Any:
    """The value of a --field KEY: the record's own, or one of the objects it wraps (as
    keys are matched), or a dotted path into nested objects (`_source.title`)."""
    if key in row:
        return row[key]
    if _key(key) in by_key:
        return by_key[_key(key)]
    value: Any = row
    for part in key.split(".") if "." in key else ():
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return _MISSING if value is row else value


def _repaired(text: str) -> str:
    """Metadata went through the same scraper as the body: undo its mojibake too."""
    return repair_mojibake(text)[0]


def _keys(row: dict[str, Any]) -> str:
    names = ", ".join(map(str, list(row)[:12]))
    return names + (", …" if len(row) > 12 else "")


def _text(value: Any) -> str:
    """A scalar, a list of scalars or a {name: ...} object as one line of text."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("value") or ""
    if isinstance(value, list):
        return ", ".join(filter(None, (_text(item) for item in value)))
    return " ".join(str(value).split())


_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"<\s*(?:br\s*/?|/p|/div|/h[1-6]|/li|/blockquote)\s*>", re.IGNORECASE)


def _body(value: Any) -> str:
    """Body text with one paragraph per line; a list is a list of paragraphs, HTML markup is dropped."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_body(item) for item in value)
    if isinstance(value, dict):
        return _body(value.get("text") or value.get("content") or "")
    text = str(value)
    if "<" in text and _TAG.search(text):
        text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", text)))
    return text.strip()


def _tags(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else re.split(r"\s*[,;|]\s*", str(value))
    return tuple(tag for tag in (_text(item) for item in items) if tag)
