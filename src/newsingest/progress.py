"""A one-line progress display on standard error, for long runs on a terminal only.

It appears after the run has taken a second (a short run never shows it), redraws at most
ten times a second, and erases itself at the end so the summary line stands alone. It is cut
to the terminal's width: a line that wrapped would not be redrawn in place, and a narrow
terminal would fill with copies of it.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from .accounting import counted

SHOW_AFTER = 1.0
REDRAW_EVERY = 0.1


class Progress:
    """Call `update` as results arrive and `close` at the end; does nothing when disabled."""

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.started = time.monotonic()
        self.next_draw = self.started + SHOW_AFTER
        self.drawn = False

    @staticmethod
    def wanted(quiet: bool, stream: TextIO | None = None) -> bool:
        """On by default on a terminal; never on a pipe or a file, never with --quiet."""
        stream = stream if stream is not None else sys.stderr
        return not quiet and stream.isatty()

    def update(self, files: int, articles: int, failed: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now < self.next_draw:
            return
        self.next_draw = now + REDRAW_EVERY
        rate = articles / max(now - self.started, 1e-9)
        line = (
            f"newsingest: {counted(files, 'file')}, {counted(articles, 'article')}, "
            f"{rate:,.0f} articles/s, {counted(failed, 'error')}"
        )
        self.stream.write(f"\r\x1b[K{line[: self._width() - 1]}")
        self.stream.flush()
        self.drawn = True

    def _width(self) -> int:
        """The terminal's columns (asked at each redraw: it may be resized), else 80."""
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, ValueError, OSError):  # no descriptor, or not a terminal
            return 80
        return columns or 80  # (a pseudo-terminal of unknown size says 0)

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False
