"""The errors a single input can fail with: one reason code and one readable line each."""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why an input produced no article. Codes are stable: scripts match on them."""

    EMPTY = "empty"
    NO_HEADLINE = "no_headline"
    BINARY = "binary"
    ENCODING = "encoding"
    UNREADABLE = "unreadable"
    # Hostile or changing inputs, and our own bugs (newsingest.read, newsingest.parallel).
    TOO_LARGE = "too_large"
    VANISHED = "vanished"
    INTERNAL = "internal"
    # Real-world inputs (newsingest.formats): a malformed container, a record without
    # the fields an article needs, a decompression bomb, legacy Bijoy text, a missing extra.
    MALFORMED = "malformed"
    NO_BODY = "no_body"
    DECOMPRESSED_TOO_LARGE = "decompressed_too_large"
    BIJOY = "bijoy"
    MISSING_EXTRA = "missing_extra"


class InputError(Exception):
    """An input that cannot become an article; the run reports it and goes on."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __reduce__(self) -> tuple[type[InputError], tuple[object, ...]]:
        # Failures cross from worker processes to the main one by pickle.
        return (type(self), (self.reason, self.message))


def unreadable(exc: OSError) -> InputError:
    """The error of an input the system would not let us read: its reason in its words."""
    return InputError(Reason.UNREADABLE, f"cannot read: {exc.strerror or exc}")


class UnreadLine(InputError):
    """A line of a dump read a line at a time that the reader could not give: one longer
    than --max-bytes (read past, never held), or not in the dump's encoding. It fails the
    record it is in.

    `odd_quotes` holds the quote characters csv.Sniffer may find (" and ') that the line
    held an odd number of. A CSV record may run over several lines, and these tell the
    reader whether the line ended inside a quoted field: the records after it are then
    read as they were written.
    """

    def __init__(self, reason: Reason, message: str, odd_quotes: str = "") -> None:
        super().__init__(reason, message)
        self.odd_quotes = odd_quotes

    def __reduce__(self) -> tuple[type[InputError], tuple[object, ...]]:
        return (type(self), (self.reason, self.message, self.odd_quotes))
