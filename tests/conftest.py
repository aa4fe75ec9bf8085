"""Shared fixtures: small articles written for these tests (never the dev set's)."""

from __future__ import annotations

import datetime as dt
import os
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from newsingest.models import Article
from newsingest.pipeline import Failure

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_34b6e5c89f989953.txt"

ARTICLE = (
    "ঢাকায় নতুন সেতু উদ্বোধন\n"
    "রাজধানীতে গতকাল বুধবার একটি নতুন সেতু উদ্বোধন করা হয়েছে।\n"
    "১৯৭১ সালের ১৬ ডিসেম্বর দেশ স্বাধীন হয়। সেতুর কাজ শুরু হয়েছিল ২০২০ সালে।\n"
)


def bytes_kept(call: Callable[[], object], times: int = 2000) -> int:
    """Bytes still allocated after `times` calls of `call` (a C function's leak test).

    Only allocations made from the file that defines `call` count: other threads of the
    test session (a worker pool's, a progress line's) allocate meanwhile too.
    """
    tracemalloc.start()
    try:
        first = tracemalloc.take_snapshot()
        for _ in range(times):
            call()
        last = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    mine = [tracemalloc.Filter(True, call.__code__.co_filename)]
    changes = last.filter_traces(mine).compare_to(first.filter_traces(mine), "filename")
    return sum(change.size_diff for change in changes)


def dumped(results: Iterable[Article | Failure]) -> list[str]:
    """Results as comparable strings: an article's JSON, a failure's line and reason."""
    return [
        result.model_dump_json() if isinstance(result, Article) else f"{result}|{result.error.reason}"
        for result in results
    ]


def held_open_in(folder: Path, pid: int | str = "self") -> list[Path]:
    """The files in `folder` process `pid` holds open (/proc/PID/fd/N), which may have no
    name there (Linux's unnamed temporary files); none where there is no /proc."""
    opened = Path(f"/proc/{pid}/fd")
    if not opened.is_dir():
        return []
    return [descriptor for descriptor in opened.iterdir() if _points_into(descriptor, folder)]


def _points_into(descriptor: Path, folder: Path) -> bool:
    try:
        return os.readlink(descriptor).startswith(f"{folder}{os.sep}")
    except OSError:  # (closed meanwhile)
        return False


def examples(default: int) -> int:
    """Examples per hypothesis test: `default`, or NEWSINGEST_FUZZ_EXAMPLES (`make fuzz`)."""
    return int(os.environ.get("NEWSINGEST_FUZZ_EXAMPLES", default))


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def fixed_today() -> Iterator[None]:
    """Every test resolves against the same today: without a reference date, a weekday with a
    date takes the latest such year up to today (Thursday 12 October is 2023 until 2028)."""
    from newsingest.dates import set_today, today

    before = today()
    set_today(dt.date(2026, 1, 1))
    yield
    set_today(before)
