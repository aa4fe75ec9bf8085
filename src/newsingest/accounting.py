"""Every input accounted for: counts by outcome and reason, the --errors and --stats files.

The books always balance: inputs = articles written + inputs failed + records skipped.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from .read import printable_path
from .write import writing

if TYPE_CHECKING:
    from .parallel import Runner
    from .pipeline import Failure


class Tally:
    """Counts one run's outcomes; writes each failure to `errors_path` (JSON Lines) if given."""

    def __init__(self, errors_path: str | None = None) -> None:
        self.written = 0
        self.failed = 0
        self.skipped = 0
        self.reasons: Counter[str] = Counter()
        self.skip_reasons: Counter[str] = Counter()
        self.started = time.monotonic()
        self.files = 0
        self._errors_path = errors_path
        self._errors: TextIO | None = None
        if errors_path:
            with writing(errors_path):
                self._errors = open(errors_path, "w", encoding="utf-8")  # noqa: SIM115 (finish closes it)

    @property
    def inputs(self) -> int:
        return self.written + self.failed + self.skipped

    def fail(self, failure: Failure) -> None:
        self.failed += 1
        reason = str(failure.error.reason)
        self.reasons[reason] += 1
        if self._errors is not None:
            import json  # (here: only --errors and --stats write JSON)

            with writing(self._errors_path):
                self._errors.write(json.dumps(error_record(failure), ensure_ascii=False) + "\n")

    def skip(self, reason: str) -> None:
        self.skipped += 1
        self.skip_reasons[reason] += 1

    def summary(self, files: int | None = None) -> str:
        """One line: what was read, written and failed (by reason).

        When some files held several records (JSON Lines, CSV...), records are counted apart
        from files: "3 files, 120 records read, 118 articles written, 2 records failed".
        Without `files` (a run that stopped early, whose workers had files not yet read
        out), inputs are counted, whatever they were.
        """
        if files is None:
            line = (
                f"{counted(self.inputs, 'input')} read, {counted(self.written, 'article')} written, "
                f"{counted(self.failed, 'input')} failed"
            )
        elif files == self.inputs:
            line = (
                f"{counted(self.inputs, 'file')} read, {counted(self.written, 'article')} written, "
                f"{counted(self.failed, 'file')} failed"
            )
        else:
            line = (
                f"{counted(files, 'file')}, {counted(self.inputs, 'record')} read, "
                f"{counted(self.written, 'article')} written, {counted(self.failed, 'record')} failed"
            )
        if self.reasons:
            detail = ", ".join(f"{count:,} {reason}" for reason, count in sorted(self.reasons.items()))
            line += f" ({detail})"
        if self.skipped:
            detail = ", ".join(f"{count:,} {reason}" for reason, count in sorted(self.skip_reasons.items()))
            line += f", {counted(self.skipped, 'record')} skipped ({detail})"
        return line

    def as_dict(self, runner: Runner | None = None, interrupted: bool = False) -> dict[str, Any]:
        return {
            "files": runner.files if runner else self.files,
            "inputs": self.inputs,
            "articles": self.written,
            "failed": self.failed,
            "skipped": self.skipped,
            "failed_by_reason": dict(sorted(self.reasons.items())),
            "skipped_by_reason": dict(sorted(self.skip_reasons.items())),
            "seconds": round(time.monotonic() - self.started, 3),
            "workers": runner.workers if runner else 0,
            "interrupted": interrupted,
        }

    def finish(self, runner: Runner | None, stats_path: str | None, interrupted: bool = False) -> None:
        """Close the errors file and write the stats file, if asked for (OutputError when
        either cannot be written)."""
        if self._errors is not None:
            errors, self._errors = self._errors, None
            with writing(self._errors_path):
                errors.close()
        if stats_path:
            import json

            with writing(stats_path), open(stats_path, "w", encoding="utf-8") as handle:
                json.dump(self.as_dict(runner, interrupted), handle, indent=2)
                handle.write("\n")


def counted(number: int, noun: str) -> str:
    """`number` `noun`s, for people: "1 file", "12,034 files"."""
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def error_record(failure: Failure) -> dict[str, Any]:
    """A failure as one --errors line: {path, record, reason, message}."""
    return {
        "path": printable_path(failure.path),
        "record": getattr(failure, "record", None),
        "reason": str(failure.error.reason),
        "message": failure.error.message,
    }
