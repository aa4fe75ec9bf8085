"""--jobs, batching and streaming: same output in the same order, workers only when worth it."""

from __future__ import annotations

import functools
import json
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newsingest import parallel, pipeline
from newsingest.cli import cli
from newsingest.errors import InputError, Reason
from newsingest.pipeline import Failure
from newsingest.progress import Progress

from .conftest import ARTICLE, SEED, examples

PARAGRAPHS = SEED.read_text(encoding="utf-8").splitlines()[1:] + ARTICLE.splitlines()[1:]


def corpus(folder: Path, count: int, bad: tuple[int, ...] = ()) -> Path:
    """`count` distinct articles in nested folders; the numbers in `bad` are not UTF-8."""
    for i in range(count):
        path = folder / f"{i // 50:02d}" / f"{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        if i in bad:
            path.write_bytes(b"broken \xfa\xfb")
            continue
        body = "\n".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(3))
        path.write_text(f"শিরোনাম {i}\n{body}\n", encoding="utf-8")
    return folder


def newsingest(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newsingest", *args], capture_output=True)


def test_jobs_keep_input_order_and_output(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 2 * parallel.MIN_FILES_FOR_WORKERS + 7, bad=(3, 150))
    one = newsingest("parse", str(folder), "-j", "1", "--stats", str(tmp_path / "one.json"))
    two = newsingest("parse", str(folder), "-j", "2", "--stats", str(tmp_path / "two.json"))
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    headlines = [json.loads(line)["headline"] for line in two.stdout.splitlines()]
    expected = [f"শিরোনাম {i}" for i in range(2 * parallel.MIN_FILES_FOR_WORKERS + 7) if i not in (3, 150)]
    assert headlines == expected
    assert one.stderr == two.stderr
    stats_one = json.loads((tmp_path / "one.json").read_text())
    stats_two = json.loads((tmp_path / "two.json").read_text())
    assert stats_one["workers"] == 0 and stats_two["workers"] == 2
    for stats in (stats_one, stats_two):
        assert stats["articles"] == len(expected) and stats["failed_by_reason"] == {"encoding": 2}


def test_small_runs_start_no_workers(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", parallel.MIN_FILES_FOR_WORKERS - 1)
    done = newsingest("parse", str(folder), "-j", "2", "--stats", str(tmp_path / "s.json"))
    assert done.returncode == 0 and len(done.stdout.splitlines()) == parallel.MIN_FILES_FOR_WORKERS - 1
    assert json.loads((tmp_path / "s.json").read_text())["workers"] == 0


def test_failures_cross_process_boundaries() -> None:
    failure = Failure("a.txt", InputError(Reason.TOO_LARGE, "too big"))
    again = pickle.loads(pickle.dumps(failure))
    assert (again.path, again.error.reason, again.error.message) == ("a.txt", Reason.TOO_LARGE, "too big")


def test_a_bug_on_one_input_is_reported_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus(tmp_path, 3)

    def parse(paths: list[str]):
        if any(path.endswith("00001.txt") for path in paths):
            raise IndexError("list index out of range")
        yield from __import__("newsingest").parse_paths(paths)

    results = list(parallel.Runner(parse, jobs=1).run([str(tmp_path)]))
    assert isinstance(results[0], bytes) and isinstance(results[2], bytes)
    assert results[1].error.reason == Reason.INTERNAL and "IndexError" in results[1].error.message


def test_a_bug_inside_a_batch_costs_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline analyses a batch of files at once; a bug on one of them fails that file only."""
    corpus(tmp_path, 5)
    real = pipeline.Article

    def article(fields):  # the record made last for each article of the batch
        if fields["headline"] == "শিরোনাম 3":
            raise ZeroDivisionError("division by zero")
        return real(fields)

    monkeypatch.setattr(pipeline, "Article", article)
    results = list(parallel.Runner(pipeline.parse_paths, jobs=1).run([str(tmp_path)]))
    assert [json.loads(r)["headline"] for r in results if isinstance(r, bytes)] == [
        f"শিরোনাম {i}" for i in (0, 1, 2, 4)
    ]
    assert results[3].path.endswith("00003.txt") and "ZeroDivisionError" in results[3].error.message


def test_parse_files_reads_what_it_is_given_and_lists_nothing(tmp_path: Path) -> None:
    """The runner walks once and hands parse_files the files (no second stat of each)."""
    folder = corpus(tmp_path / "in", 3)
    files = sorted(str(p) for p in folder.rglob("*.txt"))
    walked = [a.source.path for a in pipeline.parse_paths([str(folder)])]
    assert walked == files == [a.source.path for a in pipeline.parse_files(files)]
    (failure,) = pipeline.parse_files([str(folder)])
    assert isinstance(failure, Failure) and failure.error.reason == Reason.UNREADABLE


def test_no_progress_display_on_a_pipe(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", 5)
    done = newsingest("parse", str(folder), "-v")
    assert b"\r" not in done.stderr and b"\x1b" not in done.stderr


class _Terminal:
    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass


def test_progress_shows_on_a_terminal_for_long_runs_only(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    assert Progress.wanted(quiet=False, stream=terminal)
    assert not Progress.wanted(quiet=True, stream=terminal)
    progress = Progress(True, terminal)
    progress.update(1, 1, 0)
    assert terminal.text == ""  # not yet a second into the run
    progress.started -= 5
    progress.next_draw = 0
    progress.update(10, 9, 1)
    assert "10 files, 9 articles" in terminal.text and ", 1 error" in terminal.text
    assert "1 errors" not in terminal.text
    progress.close()
    assert terminal.text.endswith("\r\x1b[K")


def test_the_progress_line_fits_a_narrow_terminal() -> None:
    """A line longer than the terminal is wide would wrap, and \r would then redraw only its
    last row: each redraw would leave a copy behind."""
    termios = pytest.importorskip("termios")  # (a POSIX terminal)
    import pty

    leader, follower = pty.openpty()
    termios.tcsetwinsize(follower, (24, 40))
    with open(follower, "w", encoding="utf-8", closefd=True) as terminal:
        progress = Progress(True, terminal)
        progress.started -= 100
        progress.next_draw = 0
        progress.update(123_456, 1_234_567, 12)
        progress.close()
        shown = os.read(leader, 4096).decode().replace("\r\n", "\n")
    os.close(leader)
    line = shown.split("\r\x1b[K")[1]
    assert line == "newsingest: 123,456 files, 1,234,567 ar"  # 39 columns: the cursor stays on the row


@pytest.mark.parametrize(
    ("v2", "v1", "cpus"),
    [
        ("200000 100000\n", None, 2),  # Docker --cpus 2 (cgroup v2)
        ("150000 100000\n", None, 2),  # 1.5 CPUs' time: two workers, each at three quarters
        ("50000 100000\n", None, 1),
        ("max 100000\n", None, None),  # no limit
        (None, ("100000\n", "100000\n"), 1),  # cgroup v1
        (None, ("-1\n", "100000\n"), None),
        (None, None, None),  # no cgroup files: not Linux, or not mounted
        ("garbage\n", None, None),
    ],
)
def test_default_jobs_keep_to_the_cpu_quota(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    v2: str | None,
    v1: tuple[str, str] | None,
    cpus: int | None,
) -> None:
    """A container limited to fewer CPUs than the host's cores starts a worker per CPU."""
    if v2 is not None:
        (tmp_path / "cpu.max").write_text(v2)
    if v1 is not None:
        (tmp_path / "cpu").mkdir()
        (tmp_path / "cpu" / "cpu.cfs_quota_us").write_text(v1[0])
        (tmp_path / "cpu" / "cpu.cfs_period_us").write_text(v1[1])
    monkeypatch.setattr(parallel, "CGROUP_ROOT", str(tmp_path))
    monkeypatch.setattr(parallel, "PROC_CGROUP", str(tmp_path / "missing"))
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: set(range(64)), raising=False)
    assert parallel.cpu_quota() == cpus
    assert parallel.default_jobs() == (cpus or 64)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda _: {0}, raising=False)
    assert parallel.default_jobs() == 1  # fewer cores than the quota: the cores


@pytest.mark.parametrize(
    ("own", "limits", "cpus"),
    [
        # systemd's CPUQuota=300% on a service: its own cgroup holds the limit
        ("0::/system.slice/app.service", {"system.slice/app.service": "300000 100000"}, 3),
        # a limit on a parent holds below it, and the least of several is the one that binds
        ("0::/kube/pod1/box", {"kube/pod1": "200000 100000", "kube/pod1/box": "max 100000"}, 2),
        ("0::/kube/pod1/box", {"kube/pod1": "400000 100000", "kube/pod1/box": "100000 100000"}, 1),
        # cgroup v1: the cpu controller's path and its directory
        ("4:cpu,cpuacct:/docker/abc\n0::/", {"cpu/docker": ("250000", "100000")}, 3),
        # outside the cgroup namespace's view: only its root counts
        ("0::/../../other", {"other": "100000 100000", "": "200000 100000"}, 2),
    ],
)
def test_the_cpu_quota_of_a_parent_cgroup_holds(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    own: str,
    limits: dict[str, str | tuple[str, str]],
    cpus: int,
) -> None:
    """Where the process's cgroup is not the root of what it sees (no cgroup namespace: a
    systemd service, some container runtimes), its own and its parents' limits count."""
    for directory, limit in limits.items():
        (tmp_path / directory).mkdir(parents=True, exist_ok=True)
        if isinstance(limit, str):
            (tmp_path / directory / "cpu.max").write_text(limit + "\n")
        else:
            (tmp_path / directory / "cpu.cfs_quota_us").write_text(limit[0])
            (tmp_path / directory / "cpu.cfs_period_us").write_text(limit[1])
    (tmp_path / "cgroup").write_text(own + "\n")
    monkeypatch.setattr(parallel, "CGROUP_ROOT", str(tmp_path))
    monkeypatch.setattr(parallel, "PROC_CGROUP", str(tmp_path / "cgroup"))
    assert parallel.cpu_quota() == cpus


def test_jobs_option_is_checked() -> None:
    result = CliRunner().invoke(cli, ["parse", str(SEED), "--jobs", "0"])
    assert result.exit_code == 2


def _parse_or_die(paths: list[str], culprit: int = 50, slow_first: bool = False):
    """A parse that kills its worker process on one file, as the OOM killer or a crash would;
    with `slow_first`, the first file's batch takes 0.3 s more."""
    if any(path.endswith(f"{culprit:05d}.txt") for path in paths):
        os._exit(9)
    if slow_first and any(path.endswith("00000.txt") for path in paths):
        import time

        time.sleep(0.3)
    from newsingest import parse_paths

    yield from parse_paths(paths)


# Forked workers where the system can fork (Linux), a ProcessPoolExecutor elsewhere: both here.
BOTH_POOLS = pytest.mark.parametrize("forked", [True, False], ids=["forked", "executor"])


@BOTH_POOLS
@pytest.mark.parametrize(
    ("culprit", "slow_first"),
    # The culprit in the first batch; or in the second, parsed beside the first, which is
    # slow: it is still at it when the worker dies (a broken executor pool fails it too).
    [(50, False), (parallel.BATCH_FILES + 5, True)],
    ids=["first-batch", "beside-the-first"],
)
def test_a_worker_that_dies_costs_only_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: bool, culprit: int, slow_first: bool
) -> None:
    monkeypatch.setattr(parallel, "FORKED_WORKERS", forked)
    count = 2 * parallel.MIN_FILES_FOR_WORKERS
    corpus(tmp_path, count)
    parse = functools.partial(_parse_or_die, culprit=culprit, slow_first=slow_first)
    results = list(parallel.Runner(parse, jobs=2).run([str(tmp_path)]))
    assert len(results) == count
    failed = {i: r for i, r in enumerate(results) if not isinstance(r, bytes)}
    assert list(failed) == [culprit]
    assert failed[culprit].error.reason == Reason.INTERNAL
    assert "worker process died" in failed[culprit].error.message
    headlines = [json.loads(r)["headline"] for r in results if isinstance(r, bytes)]
    assert headlines == [f"শিরোনাম {i}" for i in range(count) if i != culprit]


@BOTH_POOLS
def test_workers_give_one_process_results_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked
) -> None:
    monkeypatch.setattr(parallel, "FORKED_WORKERS", forked)
    # Batches of uneven cost (a file of 40 articles' text among single ones), so workers
    # finish out of order; and failures among the results.
    folder = corpus(tmp_path, 3 * parallel.MIN_FILES_FOR_WORKERS + 5, bad=(7, 200))
    (folder / "00" / "00010.txt").write_text("শিরোনাম\n" + "\n".join(PARAGRAPHS * 40), encoding="utf-8")
    one = list(parallel.Runner(pipeline.parse_files, jobs=1).run([str(folder)]))
    runner = parallel.Runner(pipeline.parse_files, jobs=3)
    three = list(runner.run([str(folder)]))
    assert runner.workers == 3
    assert [r if isinstance(r, bytes) else str(r) for r in three] == [
        r if isinstance(r, bytes) else str(r) for r in one
    ]


def _parse_slow_first_batch(paths: list[str]):
    """The first batch waits until other batches have been parsed (counted in a file beside
    the corpus), up to 20 s; each other batch counts itself once parsed."""
    import time

    done = Path(paths[0]).parents[2] / "done"
    if any(path.endswith("00000.txt") for path in paths):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(done.read_text()) < 2 * parallel.IN_FLIGHT_PER_WORKER:
            time.sleep(0.01)
        (done.parent / "waited").write_text(done.read_text())  # what was parsed meanwhile
    yield from pipeline.parse_files(paths)
    with done.open("a") as counted:
        counted.write("x")


def test_a_slow_batch_does_not_hold_the_other_workers_back(tmp_path: Path) -> None:
    """While the first batch is slow, the other worker goes on past the batches it was first
    sent (their results wait, read ahead, for the first batch's); output stays in order."""
    folder = corpus(tmp_path / "in", 12 * parallel.BATCH_FILES)
    (tmp_path / "done").write_text("")
    expected = list(parallel.Runner(pipeline.parse_files, jobs=1).run([str(folder)]))
    got = list(parallel.Runner(_parse_slow_first_batch, jobs=2).run([str(folder)]))
    assert got == expected
    assert len((tmp_path / "waited").read_text()) >= 2 * parallel.IN_FLIGHT_PER_WORKER


def test_a_system_that_cannot_fork_parses_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = corpus(tmp_path, parallel.MIN_FILES_FOR_WORKERS + 3)
    expected = list(parallel.Runner(pipeline.parse_files, jobs=1).run([str(folder)]))

    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(parallel, "FORKED_WORKERS", True)
    monkeypatch.setattr(parallel.os, "fork", no_fork)
    runner = parallel.Runner(pipeline.parse_files, jobs=2)
    assert list(runner.run([str(folder)])) == expected
    assert runner.workers == 0


def _dump(folder: Path, records: int) -> Path:
    """A JSON Lines dump of `records` articles beside the text files of `corpus`."""
    path = folder / "00" / "00000-dump.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"title": f"রেকর্ড {i}", "body": PARAGRAPHS[i % len(PARAGRAPHS)]}, ensure_ascii=False)
        for i in range(records)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _flat(chunks) -> list[bytes | str]:
    return [r if isinstance(r, bytes) else str(r) for chunk in chunks for r in chunk.results()]


def test_a_dump_is_handed_on_as_it_is_parsed(tmp_path: Path) -> None:
    dump = _dump(tmp_path, 5 * parallel.CHUNK_RESULTS)
    parsed = []

    def parse(paths: list[str]):
        yield from pipeline.parse_files(paths)
        parsed.append(paths)

    chunks = parallel.Runner(parse, jobs=1).run_chunks([str(dump)])
    first = next(chunks)
    assert first.size == parallel.CHUNK_RESULTS and not parsed  # before the file's end
    rest = list(chunks)
    assert all(chunk.size <= parallel.CHUNK_RESULTS for chunk in rest)
    assert sum(chunk.size for chunk in rest) == 4 * parallel.CHUNK_RESULTS and parsed


def test_a_bug_after_results_were_given_repeats_none(tmp_path: Path) -> None:
    """The batch is parsed again a file at a time past what was given: nothing twice."""
    corpus(tmp_path, 5)
    _dump(tmp_path, 3 * parallel.CHUNK_RESULTS)
    expected = _flat(parallel.Runner(pipeline.parse_files, jobs=1).run_chunks([str(tmp_path)]))

    def parse(paths: list[str]):
        for count, result in enumerate(pipeline.parse_files(paths)):
            if len(paths) > 1 and count == parallel.CHUNK_RESULTS + 10:
                raise RuntimeError("a bug in the batch, past its first chunk")
            yield result

    assert _flat(parallel.Runner(parse, jobs=1).run_chunks([str(tmp_path)])) == expected


def _parse_or_die_in_the_dump(paths: list[str]):
    """Kill the worker 100 records into the dump, on the first attempt only (a marker file
    beside the corpus says it happened), or on every attempt when the marker is a folder."""
    marker = Path(paths[0]).parents[2] / "died"  # beside the corpus, out of its walk
    for result in pipeline.parse_files(paths):
        dump = not isinstance(result, Failure) and result.source.path.endswith("dump.jsonl")
        if dump and result.source.record == 100 and not marker.is_file():
            if not marker.exists():
                marker.write_text("once")
            os._exit(9)
        yield result


@pytest.mark.parametrize("always", [False, True], ids=["once", "always"])
def test_a_worker_that_dies_inside_a_dump_repeats_none(tmp_path: Path, always: bool) -> None:
    folder = corpus(tmp_path / "in", parallel.MIN_FILES_FOR_WORKERS + 20)
    _dump(folder, 3 * parallel.CHUNK_RESULTS)
    if always:
        (tmp_path / "died").mkdir()
    expected = _flat(parallel.Runner(pipeline.parse_files, jobs=1).run_chunks([str(folder)]))
    got = _flat(parallel.Runner(_parse_or_die_in_the_dump, jobs=2).run_chunks([str(folder)]))
    if not always:
        assert got == expected  # the retry gives the rest of the dump, nothing twice
        return
    # The records handed on before the one it dies on (whole chunks of them) are written
    # once; then the dump is reported, and the files after it are all there.
    died = [i for i, r in enumerate(got) if isinstance(r, str)]
    assert len(died) == 1 and "worker process died" in got[died[0]] and "dump.jsonl" in got[died[0]]
    records = [json.loads(r)["source"]["record"] for r in got[: died[0]] if b"dump.jsonl" in r]
    assert records == list(range(parallel.CHUNK_RESULTS))
    after = died[0] - len(records) + 3 * parallel.CHUNK_RESULTS  # past the dump in `expected`
    assert got[: died[0]] == expected[: died[0]] and got[died[0] + 1 :] == expected[after:]


def _through_a_pipe(write: Callable[[int], None], read: Callable[[int], object], count: int) -> list[object]:
    """What `read` gives `count` times from a pipe that `write` fills (on a thread: the
    messages are larger than a pipe holds), then once more after the pipe's end."""
    reading, writing = os.pipe()

    def write_all() -> None:
        try:
            write(writing)
        finally:
            os.close(writing)

    writer = threading.Thread(target=write_all)
    writer.start()
    try:
        return [read(reading) for _ in range(count + 1)]
    finally:
        writer.join(timeout=60)
        os.close(reading)


_LINES = st.text(st.sampled_from('খবর ১২\\"{}a\r\u2028'), max_size=12).map(
    lambda text: json.dumps({"headline": text}, ensure_ascii=False).encode() + b"\n"
)
_FAILURES = st.sampled_from(["a.txt", "খবর.json"]).map(
    lambda path: Failure(path, InputError(Reason.EMPTY, "empty"))
)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.one_of(_LINES, _FAILURES), max_size=20), st.integers(-2, 25))
def test_a_chunk_gives_its_results_in_order_past_any_skip(results: list[bytes | Failure], skip: int) -> None:
    """A chunk joins its lines and keeps the failures' places: its results, and what is left
    after the first `skip` (the results a worker that died had handed on), are the list's."""
    chunk = parallel.Chunk.of(results)
    assert list(chunk.results()) == results
    assert chunk.lines == b"".join(r for r in results if isinstance(r, bytes))
    rest = chunk.after(skip)
    assert list(rest.results()) == results[max(0, skip) :] and rest.size == len(results[max(0, skip) :])


def _seen(chunk: parallel.Chunk) -> tuple[bytes, int, list[tuple[int, str]]]:
    """A chunk as a reader sees it (an exception, in a Failure, equals only itself)."""
    return chunk.lines, chunk.line_count, [(place, str(failure)) for place, failure in chunk.failures]


def test_a_batch_larger_than_a_pipe_arrives_whole() -> None:
    """A task message written and read in parts arrives whole; the pipe's end reads as None."""
    messages = [b"", bytes(range(256)) * 12_000, "খবর\n".encode() * 400_000, b"x"]  # up to 4.8 MB

    def write(fd: int) -> None:
        for message in messages:
            parallel._write_message(fd, parallel._TASK_HEAD.pack(len(message)), message)

    assert _through_a_pipe(write, parallel._read_message, len(messages)) == [*messages, None]


def test_results_larger_than_a_pipe_arrive_whole() -> None:
    """A worker's results go as their joined lines, or pickled where failures are among
    them; either way the main process reads the same chunk, and the end of a batch and the
    end of the pipe (a worker that died) apart."""
    failure = Failure("a.txt", InputError(Reason.EMPTY, "empty file"))
    line = json.dumps({"headline": "খবর " * 50}, ensure_ascii=False).encode() + b"\n"
    chunks = [
        parallel.Chunk(line * 4_000, 4_000),  # 2.2 MB
        parallel.Chunk.of([line, failure, line]),
        parallel.Chunk.of([failure]),
        parallel.Chunk(line, 1),
    ]

    def write(fd: int) -> None:
        for chunk in chunks:
            parallel._send_chunk(fd, chunk)
        parallel._write_message(fd, parallel._END_MESSAGE, b"")

    got = _through_a_pipe(write, lambda fd: parallel._Worker(0, -1, fd).read(), len(chunks) + 1)
    assert [_seen(chunk) for chunk in got[: len(chunks)]] == [_seen(chunk) for chunk in chunks]
    assert got[len(chunks)] is parallel._END and got[-1] is None
