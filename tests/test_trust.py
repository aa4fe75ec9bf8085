"""Every input accounted for, hostile inputs handled, interruption safe, output always valid."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newsingest import InputError, parse_paths, parse_text, pipeline
from newsingest.accounting import counted
from newsingest.cli import cli
from newsingest.errors import Reason
from newsingest.models import Article
from newsingest.pipeline import Failure
from newsingest.write import to_json_line

from .conftest import ARTICLE, SEED, examples, held_open_in
from .test_properties import TEXT

ROOT = os.geteuid() == 0  # root reads files whatever their mode


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def build_corrupted_corpus(folder: Path) -> dict[str, str | None]:
    """One file per hostile case; maps each input path to its expected reason (None: article)."""
    expected: dict[str, str | None] = {}

    def put(name: str, data: bytes, reason: str | None) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[str(path)] = reason

    good = ARTICLE.encode()
    put("01_good.txt", good, None)
    put("02_empty.txt", b"", "empty")
    put("03_nul.txt", good[:40] + b"\x00\x00" + good[40:], "binary")
    truncated = SEED.read_bytes()[:301]  # cuts a three-byte Bengali letter
    assert truncated.decode("utf-8", "ignore").encode() != truncated
    put("04_truncated.txt", truncated, "encoding")
    put("05_huge.txt", good + ("শব্দ " * 10_000).encode(), "too_large")  # over --max-bytes 100000 below
    put("06_long_line.txt", "দীর্ঘ\n".encode() + ("শব্দ " * 7_000).encode(), None)  # one 91 KB line
    put("07_tiny_paragraphs.txt", "শিরোনাম\n".encode() + "ক।\n".encode() * 20_000, "too_large")
    put("08_tiny_paragraphs_ok.txt", "শিরোনাম\n".encode() + "ক।\n".encode() * 12_000, None)
    put("09_only_spaces_and_joiners.txt", "\u200b\n\u200c \n".encode(), "no_headline")
    # A decompression bomb: 5 KB of gzip, 5 MB of text (over --max-decompressed-bytes below).
    put("09_bomb.txt.gz", gzip.compress(good + b"a" * 5_000_000), "decompressed_too_large")
    nested = folder / "10_nested"
    deep = nested
    for _ in range(300):
        deep = deep / "d"
    put(str((deep / "deep.txt").relative_to(folder)), good, None)
    # Symlink loops: a folder pointing at its parent, and two links pointing at each other.
    (nested / "loop").symlink_to(nested, target_is_directory=True)
    (folder / "11_a.txt").symlink_to(folder / "11_b.txt")
    (folder / "11_b.txt").symlink_to(folder / "11_a.txt")
    expected[str(folder / "11_a.txt")] = "unreadable"
    expected[str(folder / "11_b.txt")] = "unreadable"
    (folder / "12_dangling.txt").symlink_to(folder / "nowhere.txt")
    expected[str(folder / "12_dangling.txt")] = "unreadable"
    if not ROOT:
        put("13_locked.txt", good, "unreadable")
        (folder / "13_locked.txt").chmod(0)
        locked = folder / "14_locked_folder"
        locked.mkdir()
        (locked / "inside.txt").write_bytes(good)
        locked.chmod(0)
        expected[str(locked)] = "unreadable"
    return expected


def test_corrupted_corpus_is_accounted_for_exactly(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    expected = build_corrupted_corpus(folder)
    errors, stats = tmp_path / "errors.jsonl", tmp_path / "stats.json"
    try:
        result = run(
            "parse",
            str(folder),
            "--max-bytes",
            "100000",
            "--max-decompressed-bytes",
            "1000000",
            "--errors",
            str(errors),
            "--stats",
            str(stats),
        )
    finally:
        for path in (folder / "13_locked.txt", folder / "14_locked_folder"):
            if path.exists():
                path.chmod(0o755)
    assert result.exit_code == 1
    written = [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()]
    assert written == sorted(path for path, reason in expected.items() if reason is None)
    failures = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert {f["path"]: f["reason"] for f in failures} == {p: r for p, r in expected.items() if r}
    assert len(failures) == len([r for r in expected.values() if r])
    for failure in failures:
        assert set(failure) == {"path", "record", "reason", "message"} and failure["message"]
        assert failure["reason"] in {reason.value for reason in Reason}
    counts = json.loads(stats.read_text())
    assert counts["inputs"] == len(expected) == counts["articles"] + counts["failed"] + counts["skipped"]
    assert counts["articles"] == len(written) and counts["failed"] == len(failures)
    by_reason: dict[str, int] = {}
    for reason in expected.values():
        if reason:
            by_reason[reason] = by_reason.get(reason, 0) + 1
    assert counts["failed_by_reason"] == by_reason
    summary = result.stderr.strip().splitlines()[-1]
    assert (
        f"{counted(len(expected), 'file')} read, {counted(len(written), 'article')} written, "
        f"{counted(len(failures), 'file')} failed" in summary
    )


def test_a_file_that_vanishes_mid_run(tmp_path: Path) -> None:
    # One file more than a batch: the last is read only after the first batch is out.
    names = [f"{i:03}.txt" for i in range(pipeline.BATCH_DOCUMENTS + 1)]
    for name in names:
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    results = parse_paths([str(tmp_path)])
    assert isinstance(next(results), Article)
    (tmp_path / names[-1]).unlink()  # listed by the walk, gone before it is read
    *articles, failure = list(results)
    assert len(articles) == len(names) - 2 and all(isinstance(a, Article) for a in articles)
    assert isinstance(failure, Failure) and failure.error.reason == Reason.VANISHED


def test_max_bytes_reads_no_more_than_it_needs(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(ARTICLE.encode() * 10)
    (failure,) = list(parse_paths([str(path)], max_bytes=len(ARTICLE.encode())))
    assert failure.error.reason == Reason.TOO_LARGE and "max-bytes" in failure.error.message
    (article,) = list(parse_paths([str(path)], max_bytes=len(ARTICLE.encode()) * 10))
    assert isinstance(article, Article)
    result = run("parse", "-", "--max-bytes", "10", input=ARTICLE.encode())
    assert result.exit_code == 1 and "too_large" not in result.stdout and "max-bytes" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("max_bytes", [10, 10_000])
def test_a_file_larger_than_its_size_is_read_to_the_limit(tmp_path: Path, max_bytes: int) -> None:
    """A named pipe reports size 0, as a file growing while it is read reports too little."""
    import contextlib
    import threading

    from newsingest.read import read_bytes

    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    data = ARTICLE.encode()

    def write() -> None:
        with contextlib.suppress(BrokenPipeError):  # the reader stops at max_bytes + 1
            path.write_bytes(data)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        if max_bytes < len(data):
            with pytest.raises(InputError, match="max-bytes"):
                read_bytes(str(path), max_bytes)
        else:
            assert read_bytes(str(path), max_bytes) == data
    finally:
        writer.join()


def test_stats_file_on_a_clean_run(tmp_path: Path) -> None:
    stats = tmp_path / "stats.json"
    result = run("parse", str(SEED), "--stats", str(stats), "-j", "1")
    assert result.exit_code == 0 and result.stderr == ""
    counts = json.loads(stats.read_text())
    assert (counts["files"], counts["inputs"], counts["articles"], counts["failed"]) == (1, 1, 1, 0)
    assert counts["failed_by_reason"] == {} and counts["interrupted"] is False


def test_every_reason_code_is_documented() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for reason in Reason:
        assert f"`{reason.value}`" in readme, reason


# --- validate -----------------------------------------------------------------------------


def test_validate_accepts_parse_output(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run("parse", str(SEED), "-o", str(out)).exit_code == 0
    result = run("validate", str(out))
    assert result.exit_code == 0
    assert result.stderr.strip() == "newsingest: 1 line checked, 1 valid, 0 invalid"


def test_validate_reports_bad_lines_by_number(tmp_path: Path) -> None:
    good = to_json_line(parse_text(ARTICLE)).decode()
    record = json.loads(good)
    record["stats"]["words"] = -1
    extra = dict(json.loads(good), colour="blue")
    lines = [good, "{not json\n", json.dumps(record) + "\n", "\n", good, json.dumps(extra) + "\n"]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 1
    reported = result.stderr.strip().splitlines()
    assert [line.split(":")[2] for line in reported[:-1]] == ["2", "3", "4", "6"]
    assert "stats.words" in reported[1] and "colour" in reported[3]
    assert reported[-1] == "newsingest: 6 lines checked, 2 valid, 4 invalid"


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_validate_reads_a_compressed_output_as_parse_writes_it(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out.jsonl{suffix}"
    assert run("parse", str(SEED), str(SEED), "-o", str(out)).exit_code == 0
    for source in (str(out), "-"):
        result = run("validate", source, input=out.read_bytes() if source == "-" else None)
        assert result.exit_code == 0, result.stderr
        assert result.stderr.strip() == "newsingest: 2 lines checked, 2 valid, 0 invalid"


def test_validate_says_a_compressed_file_is_cut_short(tmp_path: Path) -> None:
    whole = gzip.compress(to_json_line(parse_text(ARTICLE)) * 50)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    result = run("validate", str(path))
    assert result.exit_code != 0 and "corrupt gzip data" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_reads_stdin_and_refuses_missing_files(tmp_path: Path) -> None:
    good = to_json_line(parse_text(ARTICLE))
    assert run("validate", "-", input=good * 3).exit_code == 0
    assert run("validate", str(tmp_path / "missing.jsonl")).exit_code == 2


# --- output always valid and deterministic ----------------------------------------------------


@settings(max_examples=examples(150), deadline=None)
@given(st.one_of(TEXT.map(str.encode), st.binary()), st.one_of(st.none(), st.dates()))
def test_output_validates_against_the_schema_and_is_deterministic(data: bytes, reference) -> None:
    from newsingest import parse_bytes

    try:
        first = to_json_line(parse_bytes(data, "x.txt", reference))
    except InputError as error:
        assert error.reason in set(Reason) and error.message and "\n" not in error.message
        return
    Article.model_validate_json(first)  # what `newsingest validate` checks
    assert first.endswith(b"\n") and first.count(b"\n") == 1
    assert to_json_line(parse_bytes(data, "x.txt", reference)) == first


# --- interruption ----------------------------------------------------------------------------


def _writing(folder: Path, pid: int) -> bool:
    """Whether the run `pid`'s temporary output in `folder` holds its first lines yet."""
    for path in _temporary_files(pid, folder, ".newsingest-*"):
        try:
            if path.stat().st_size:
                return True
        except FileNotFoundError:  # closed or renamed into place meanwhile: the run is over
            pass
    return False


def _temporary_files(pid: int, folder: Path, pattern: str) -> list[Path]:
    """The temporary files process `pid` made in `folder`: those it holds open there (on
    Linux they have no name), and those named by `pattern` elsewhere."""
    return [*held_open_in(folder, pid), *folder.glob(pattern)]


def _writing_a_run(folder: Path, jobs: str) -> subprocess.Popen[bytes]:
    """`parse folder/in -o folder/out.jsonl --stats folder/stats.json -j jobs` over 5,000
    articles, "previous" in out.jsonl before it, in a session of its own (a signal to its
    group reaches its workers too). Returned once its first lines are written: a run of a
    few thousand files takes well under a second now, so a fixed wait after the start
    could find it already done."""
    inputs = folder / "in"
    inputs.mkdir()
    seed = SEED.read_bytes()
    for i in range(5000):
        (inputs / f"{i:05d}.txt").write_bytes(seed)
    (folder / "out.jsonl").write_text("previous\n")
    outputs = ["-o", str(folder / "out.jsonl"), "--stats", str(folder / "stats.json")]
    process = subprocess.Popen(
        [sys.executable, "-m", "newsingest", "parse", str(inputs), "-j", jobs, *outputs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not _writing(folder, process.pid):
        assert process.poll() is None, "the run ended before it could be stopped"
        assert time.monotonic() < deadline, "the run never started writing"
        time.sleep(0.005)
    return process


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_and_keeps_the_previous_output(tmp_path: Path, jobs: str) -> None:
    process = _writing_a_run(tmp_path, jobs)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert b"Traceback" not in stderr and b"interrupted" in stderr
    assert (tmp_path / "out.jsonl").read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl", "stats.json"]
    assert json.loads((tmp_path / "stats.json").read_text())["interrupted"] is True


def _has_unnamed_files(folder: Path) -> bool:
    """Whether Linux can make a file with no name in `folder` (O_TMPFILE) and name it by /proc."""
    if not hasattr(os, "O_TMPFILE") or not Path("/proc/self/fd").is_dir():
        return False
    try:
        os.close(os.open(folder, os.O_TMPFILE | os.O_RDWR, 0o600))
    except OSError:
        return False
    return True


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_killed_outright_leaves_the_previous_output_and_nothing_else(tmp_path: Path, jobs: str) -> None:
    """SIGKILL, the OOM killer: nothing runs to clean up, and the output being written has
    no name to leave behind."""
    if not _has_unnamed_files(tmp_path):
        pytest.skip("no O_TMPFILE here: the output is written under a temporary name")
    process = _writing_a_run(tmp_path, jobs)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert (tmp_path / "out.jsonl").read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]


def _reading_a_piped_archive(folder: Path, prelude: str = "pass") -> subprocess.Popen[bytes]:
    """`parse - -j 2 -o folder/out.jsonl` (TMPDIR folder/tmp) sent half of a zip on standard
    input, which stays open: it waits for the rest, its standard input spooled to a file
    for the workers. Returned once that file is there. `prelude`: Python run first."""
    temporary = folder / "tmp"
    temporary.mkdir()
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as archive:
        for i in range(200):
            archive.writestr(f"news/{i:03d}.txt", SEED.read_bytes())
    data = packed.getvalue()
    assert len(data) > 4 * 50_000  # (past --max-bytes, as held before it is spooled)
    arguments = ["parse", "-", "-j", "2", "--max-bytes", "50000", "-o", str(folder / "out.jsonl")]
    code = f"import sys; {prelude}; from newsingest.cli import main; sys.argv[1:] = {arguments!r}; main()"
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    assert process.stdin is not None
    process.stdin.write(data[: len(data) // 2])  # (the rest never comes)
    process.stdin.flush()
    deadline = time.monotonic() + 30
    while not _temporary_files(process.pid, temporary, "*"):
        assert process.poll() is None, "the run ended before it could be stopped"
        assert time.monotonic() < deadline, "standard input was never spooled"
        time.sleep(0.005)
    return process


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_stopping_signal_ends_a_run_as_ctrl_c_does_and_leaves_no_temporary_file(
    tmp_path: Path, name: str
) -> None:
    """kill, timeout, a container stopping (SIGTERM), a terminal closing (SIGHUP), to the
    main process alone. The run ends with status 128 + the signal and the previous output
    kept, and nothing is left in TMPDIR: here an archive piped in, spooled to a named file
    for the workers while it is still coming."""
    stopping = getattr(signal, name, None)
    if stopping is None or signal.getsignal(stopping) != signal.SIG_DFL:
        pytest.skip(f"{name} is not left to its default action here (nohup ignores SIGHUP)")
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    process = _reading_a_piped_archive(tmp_path)
    process.send_signal(stopping)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 128 + stopping, stderr
    assert b"Traceback" not in stderr and f"newsingest: stopped by {name};".encode() in stderr
    assert out.read_text() == "previous\n"
    assert not list((tmp_path / "tmp").iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "tmp"]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="a file with no name needs /proc")
def test_a_run_killed_outright_leaves_no_copy_of_a_piped_archive(tmp_path: Path) -> None:
    """SIGKILL, the OOM killer: nothing runs to clean up, and standard input's copy for the
    workers has no name in TMPDIR to leave behind."""
    process = _reading_a_piped_archive(tmp_path)
    assert not list((tmp_path / "tmp").iterdir())  # (held open, with no name)
    process.kill()
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert not list((tmp_path / "tmp").iterdir())


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
def test_a_run_under_nohup_goes_on_when_its_terminal_closes(tmp_path: Path) -> None:
    """A signal ignored when the run starts stays ignored: nohup's SIGHUP."""
    ignored = "import signal; signal.signal(signal.SIGHUP, signal.SIG_IGN)"
    process = _reading_a_piped_archive(tmp_path, ignored)
    process.send_signal(signal.SIGHUP)
    time.sleep(0.3)
    assert process.poll() is None
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 128 + signal.SIGTERM, stderr


def test_records_of_multi_record_files_are_accounted_for(tmp_path: Path) -> None:
    lines = [
        {"title": "শিরোনাম এক", "body": "১২ অক্টোবর ২০২৩ সালে সভা হয়।"},
        {"body": "শুধু দেহ"},
        {"title": "শিরোনাম তিন", "body": "গতকাল বৃষ্টি হয়।"},
    ]
    records = tmp_path / "records.jsonl"
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    records.write_text(text, encoding="utf-8")
    errors, stats = tmp_path / "errors.jsonl", tmp_path / "stats.json"
    result = run("parse", str(records), str(SEED), "--errors", str(errors), "--stats", str(stats))
    assert result.exit_code == 1 and len(result.stdout.splitlines()) == 3
    (failure,) = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert (failure["path"], failure["record"], failure["reason"]) == (str(records), 1, "no_headline")
    counts = json.loads(stats.read_text())
    assert (counts["files"], counts["inputs"], counts["articles"], counts["failed"]) == (2, 4, 3, 1)
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.endswith("2 files, 4 records read, 3 articles written, 1 record failed (1 no_headline)")


def test_unreadable_files_and_folders_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What chmod 0 does for other users, simulated so the test also runs as root."""
    import newsingest.read as read

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "locked.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sealed").mkdir()
    (tmp_path / "sealed" / "inside.txt").write_text(ARTICLE, encoding="utf-8")
    real_open, real_scandir, real_listdir = os.open, os.scandir, os.listdir

    def denied(path: str) -> PermissionError:
        return PermissionError(13, "Permission denied", path)

    def fake_open(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise denied(path)
        return real_open(path, *args, **kwargs)

    def fake_scandir(path):
        if str(path).endswith("sealed"):
            raise denied(path)
        return real_scandir(path)

    def fake_listdir(path):
        if str(path).endswith("sealed"):
            raise denied(path)
        return real_listdir(path)

    monkeypatch.setattr(read.os, "open", fake_open)
    monkeypatch.setattr(read.os, "scandir", fake_scandir)
    monkeypatch.setattr(read.os, "listdir", fake_listdir)
    results = list(parse_paths([str(tmp_path)]))
    assert isinstance(results[0], Article)
    failures = {Path(r.path).name: (r.error.reason, r.error.message) for r in results[1:]}
    assert failures == {
        "locked.txt": (Reason.UNREADABLE, "cannot read: Permission denied"),
        "sealed": (Reason.UNREADABLE, "cannot read folder: Permission denied"),
    }


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(st.one_of(TEXT.map(str.encode), st.binary(max_size=200)), min_size=1, max_size=6))
def test_any_files_through_the_command_are_all_accounted_for(contents: list[bytes]) -> None:
    """Whole pipeline from files on disk: every file is an article or a failure with a reason,
    every output line validates, and a second run writes the same bytes."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for i, data in enumerate(contents):
            Path(folder, f"{i:02d}.txt").write_bytes(data)
        errors, stats = Path(folder, ".errors.jsonl"), Path(folder, ".stats.json")
        options = ["--errors", str(errors), "--stats", str(stats), "-j", "1"]
        first = run("parse", folder, *options)
        second = run("parse", folder, *options)
        assert first.exit_code in (0, 1) and first.stdout_bytes == second.stdout_bytes
        lines = first.stdout_bytes.splitlines()
        failures = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
        counts = json.loads(stats.read_text())
        assert counts["files"] == len(contents)
        assert counts["inputs"] == len(lines) + len(failures) == counts["articles"] + counts["failed"]
        assert (first.exit_code == 1) == bool(failures)
        for line in lines:
            Article.model_validate_json(line)
        for failure in failures:
            assert failure["reason"] in {reason.value for reason in Reason} and failure["message"]


def test_folders_nested_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    depth = sys.getrecursionlimit() + 100
    folder = tmp_path
    for _ in range(depth):  # os.makedirs itself recurses, so one level at a time
        folder = folder / "d"
        folder.mkdir()
    try:
        (folder / "deep.txt").write_text(ARTICLE, encoding="utf-8")
        (tmp_path / "top.txt").write_text(ARTICLE, encoding="utf-8")
        results = list(parse_paths([str(tmp_path)]))
        assert [Path(r.source.path).name for r in results] == ["deep.txt", "top.txt"]
        assert Path(results[0].source.path).relative_to(tmp_path).parts.count("d") == depth
    finally:
        # shutil.rmtree (and so pytest's clean-up of old tmp_path folders) recurses too.
        (folder / "deep.txt").unlink(missing_ok=True)
        while folder != tmp_path:
            folder.rmdir()
            folder = folder.parent


@settings(max_examples=examples(500), deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x3000)), st.binary(max_size=20))
def test_decode_shortcuts_match_their_definitions(text: str, data: bytes) -> None:
    import newsingest.read as read

    marked = not read._BINARY_MARKS.isdisjoint(text[:4096])
    assert bool(read._BINARY_CHAR.search(text, 0, 4096)) == marked
    assert (not data or data.isspace()) == (not data.strip())


@pytest.mark.parametrize("command", [["parse", "-"], ["parse", "-j", "1", "-"], ["validate", "-"]])
def test_a_closed_standard_input_is_a_one_line_error(command: list[str]) -> None:
    """Started with standard input closed (command <&-): an error naming it, no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "newsingest", *command],
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.close(0),
        timeout=120,
        check=False,
    )
    assert result.returncode == 1 and not result.stdout
    assert "standard input is closed" in result.stderr and "Traceback" not in result.stderr
