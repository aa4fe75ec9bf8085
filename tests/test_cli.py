"""The command as users run it: outputs, errors, exit codes."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import zlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsingest.cli import cli
from newsingest.formats.compressed import compression_of, open_decompressed
from newsingest.models import Article

from .conftest import ARTICLE, SEED

BIN = Path(sys.executable).parent


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_seed_end_to_end() -> None:
    result = run("parse", str(SEED))
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    Article.model_validate(record)
    assert record["headline"] == "পুতিনকে লেখা চিঠিতে রাশিয়ার বিজয় কামনা করলেন কিম"
    assert record["stats"]["paragraphs"] == 13
    assert len(record["body"].split("\n\n")) == 13
    found = {d["text"]: d for d in record["dates"]}
    date = found["১৯৪৮ সালের ১২ অক্টোবর"]
    assert date["value"] == "1948-10-12"
    assert record[date["field"]][date["start"] : date["end"]] == date["text"]
    assert record["source"]["path"] == str(SEED)
    assert record["source"]["sha256"] == __import__("hashlib").sha256(SEED.read_bytes()).hexdigest()


def test_output_keeps_bengali_unescaped(article_file: Path) -> None:
    result = run("parse", str(article_file))
    assert "ঢাকায়" in result.stdout
    assert "\\u09" not in result.stdout


def test_directory_walk_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("দ্বিতীয়\nদেহ", encoding="utf-8")
    (tmp_path / "a.txt").write_text("প্রথম\nদেহ", encoding="utf-8")
    (tmp_path / "c.txt").write_text("তৃতীয়\nদেহ", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("লুকানো\nদেহ", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("গিট\nদেহ", encoding="utf-8")
    result = run("parse", str(tmp_path))
    assert result.exit_code == 0
    assert [r["headline"] for r in records(result.stdout)] == ["প্রথম", "দ্বিতীয়", "তৃতীয়"]
    assert records(result.stdout)[1]["source"]["path"] == str(tmp_path / "b" / "2.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_a_folder_is_skipped_and_one_named_is_read(tmp_path: Path) -> None:
    """Opening a pipe waits for a writer: one in a walked folder would hang the run."""
    import socket

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(folder / "c.txt"))
        walked = subprocess.run(
            [sys.executable, "-m", "newsingest", "parse", str(folder)], capture_output=True, timeout=60
        )
    assert walked.returncode == 0, walked.stderr
    assert [r["source"]["path"] for r in records(walked.stdout.decode())] == [str(folder / "a.txt")]
    # Named, a pipe is read: `newsingest parse <(zcat dump.gz)` names one.
    named = folder / "b.txt"
    writer = threading.Thread(target=lambda: named.write_text(ARTICLE, encoding="utf-8"))
    writer.start()
    result = run("parse", str(named))
    writer.join(timeout=30)
    assert result.exit_code == 0 and len(records(result.stdout)) == 1


def test_a_folder_with_no_files_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty" / ".hidden").mkdir(parents=True)
    result = run("parse", str(tmp_path / "empty"))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"newsingest: no files to parse in {tmp_path / 'empty'}\n"
    assert run("parse", str(tmp_path / "empty"), "-q").stderr == ""


@pytest.mark.skipif(sys.platform != "linux", reason="names that are not UTF-8: Linux file systems")
def test_a_file_name_that_is_not_utf8_is_written_with_its_bytes_escaped(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9.txt"), "w", encoding="utf-8") as article:
        article.write(ARTICLE)
    open(os.path.join(folder, b"empty\xff.txt"), "wb").close()
    errors = tmp_path / "errors.jsonl"
    command = [sys.executable, "-m", "newsingest", "parse", os.fsdecode(folder), "--errors", str(errors)]
    result = subprocess.run(command, capture_output=True, timeout=60)
    assert result.returncode == 1, result.stderr
    (written,) = records(result.stdout.decode("utf-8"))
    assert written["source"]["path"] == str(tmp_path / "in" / "caf\\xe9.txt")
    assert json.loads(errors.read_text(encoding="utf-8"))["path"] == str(tmp_path / "in" / "empty\\xff.txt")
    assert f"{tmp_path / 'in' / 'empty'}\\xff.txt: empty file" in result.stderr.decode("utf-8")


def test_stdin_is_dash() -> None:
    result = run("parse", "-", input=ARTICLE.encode())
    assert result.exit_code == 0
    assert records(result.stdout)[0]["source"]["path"] == "-"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (ARTICLE.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
)
def test_supported_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (record,) = records(run("parse", str(path)).stdout)
    assert record["source"]["encoding"] == encoding
    assert record["headline"] == "ঢাকায় নতুন সেতু উদ্বোধন"
    assert record["source"]["bytes"] == len(data)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("ঢাকা শহর".encode("cp1252", errors="replace") + b"\xff\xfe\xfa", "not UTF-8"),
        ("\u200b\n\u200c".encode(), "no headline"),
    ],
)
def test_bad_file_is_reported_and_the_rest_parsed(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "a_bad.txt").write_bytes(data)
    (tmp_path / "b_good.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("parse", str(tmp_path))
    assert result.exit_code == 1
    assert len(records(result.stdout)) == 1
    error_lines = result.stderr.strip().splitlines()
    assert str(tmp_path / "a_bad.txt") in error_lines[0] and reason in error_lines[0]
    assert "2 files read, 1 article written, 1 file failed (1 " in error_lines[-1]


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    result = run("parse", str(path))
    assert result.exit_code == 1 and "cannot read" in result.stderr


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert result.stdout == ""


def test_bad_reference_date_is_a_usage_error(article_file: Path) -> None:
    result = run("parse", str(article_file), "--reference-date", "13/10/2023")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_reference_date_option(article_file: Path) -> None:
    (record,) = records(run("parse", str(article_file), "--reference-date", "2023-10-12").stdout)
    assert record["reference_date"] == {"value": "2023-10-12", "source": "option"}
    yesterday = next(d for d in record["dates"] if d["text"] == "গতকাল বুধবার")
    assert yesterday["value"] == "2023-10-11"


def test_verbose_prints_summary(article_file: Path) -> None:
    result = run("parse", "-v", str(article_file))
    assert result.stderr.strip() == "newsingest: 1 file read, 1 article written, 0 files failed"


def test_output_file_is_written_atomically(tmp_path: Path, article_file: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    result = run("parse", str(article_file), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert len(records(out.read_text(encoding="utf-8"))) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".newsingest-")]


def _refuse_unnamed_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """A filesystem with no O_TMPFILE (Linux's answer: EOPNOTSUPP)."""
    opening = os.open

    def open_but_unnamed(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & getattr(os, "O_TMPFILE", 0) == getattr(os, "O_TMPFILE", -1):
            raise OSError(errno.EOPNOTSUPP, os.strerror(errno.EOPNOTSUPP))
        return opening(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", open_but_unnamed)


def _refuse_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sandbox that refuses linkat (the unnamed file is then copied to a named one)."""

    def refused(*_: object, **__: object) -> None:
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", refused)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("refuse", [None, _refuse_unnamed_files, _refuse_links])
def test_an_output_file_appears_whole_at_the_end_however_it_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refuse: Any
) -> None:
    """With no name in its folder while it is written where Linux can (O_TMPFILE), else a
    hidden temporary one; the same file at the end, with the mode a new file gets."""
    from newsingest.write import open_output

    if refuse is not None:
        refuse(monkeypatch)
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    out.chmod(0o640)
    with open_output(str(out)) as output:
        output.write(b'{"a": 1}\n')
        seen = sorted(p.name for p in tmp_path.iterdir())
    linux = hasattr(os, "O_TMPFILE") and Path("/proc/self/fd").is_dir()
    if linux and refuse is not _refuse_unnamed_files:
        assert seen == ["out.jsonl"]
    else:
        assert len(seen) == 2 and seen[0].startswith(".newsingest-") and seen[0].endswith(".part")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert out.read_text() == '{"a": 1}\n' and stat.S_IMODE(out.stat().st_mode) == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_output_file_has_the_permissions_a_new_or_replaced_file_would(
    tmp_path: Path, article_file: Path
) -> None:
    """Not mkstemp's owner-only 0600: what open() gives under the umask, or the old file's."""
    new, kept = tmp_path / "new.jsonl", tmp_path / "kept.jsonl"
    kept.write_text("previous\n")
    kept.chmod(0o640)
    umask = os.umask(0o022)
    try:
        for out in (new, kept):
            assert run("parse", str(article_file), "-o", str(out)).exit_code == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz", ".zst", ".ZST"])
def test_an_output_named_as_compressed_is_compressed(tmp_path: Path, suffix: str) -> None:
    """The same lines as a plain output, and the same bytes on every run (no time stamp)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"{number}.txt").write_text(ARTICLE.replace("\n", f" ({number})\n", 1), encoding="utf-8")
    plain = tmp_path / "out.jsonl"
    packed = tmp_path / f"out.jsonl{suffix}"
    assert run("parse", str(folder), "-o", str(plain)).exit_code == 0
    assert run("parse", str(folder), "-o", str(packed)).exit_code == 0
    first = packed.read_bytes()
    assert compression_of(first) is not None
    with open_decompressed(io.BytesIO(first), compression_of(first)) as unpacked:
        assert unpacked.read() == plain.read_bytes()
    assert run("parse", str(folder), "-o", str(packed)).exit_code == 0
    assert packed.read_bytes() == first
    if suffix == ".gz":  # (two runs may fall in one second: gzip's header time, and name)
        assert first[4:8] == bytes(4) and not first[3] & 0x08


def test_a_gzip_output_is_compressed_at_gzips_own_level(tmp_path: Path) -> None:
    """Level 6, as `gzip` compresses: not GzipFile's slower 9 (ten articles, which the two
    levels compress differently)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(10):
        (folder / f"{number}.txt").write_text(ARTICLE.replace("\n", f" ({number})\n", 1), encoding="utf-8")
    plain, packed = tmp_path / "out.jsonl", tmp_path / "out.jsonl.gz"
    assert run("parse", str(folder), "-o", str(plain)).exit_code == 0
    assert run("parse", str(folder), "-o", str(packed)).exit_code == 0
    deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    level_6 = deflate.compress(plain.read_bytes()) + deflate.flush()
    assert packed.read_bytes()[10:-8] == level_6  # (between the header, with no name, and the CRC)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_output_to_a_named_pipe_is_written_in_place(tmp_path: Path, article_file: Path) -> None:
    """-o /dev/null or a pipe: written to as it is, never replaced by a renamed file."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = run("parse", str(article_file), "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0 and stat.S_ISFIFO(fifo.stat().st_mode)
    assert len(records(got[0].decode("utf-8"))) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "pipe"]


def test_interrupted_run_leaves_previous_output(tmp_path: Path, article_file: Path, monkeypatch) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")

    def boom(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("newsingest.pipeline.Article", boom)  # (made for each article)
    run("parse", str(article_file), "-o", str(out))
    assert out.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != "article.txt"] == ["out.jsonl"]


def test_an_output_that_cannot_be_written_stops_the_run_with_status_3(
    tmp_path: Path, article_file: Path
) -> None:
    """A missing folder for -o, --errors or --stats: one line naming the file and why, no
    traceback, and no status 1, which says the output is whole while some inputs failed."""
    missing = tmp_path / "no such folder"
    for option in ("-o", "--errors", "--stats"):
        result = run("parse", str(article_file), option, str(missing / "file"))
        assert result.exit_code == 3, (option, result.output)
        (said, *_) = result.stderr.splitlines()
        assert said == f"newsingest: cannot write {missing / 'file'}: No such file or directory"
        # The JSON Lines are whole when only the --stats file failed, at the end.
        assert len(records(result.stdout)) == (1 if option == "--stats" else 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_stops_the_run_with_status_3(tmp_path: Path, jobs: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(300):  # enough for workers, and for more than one write
        (folder / f"{i:03d}.txt").write_text(ARTICLE.replace("\n", f" ({i})\n", 1), encoding="utf-8")
    command = [sys.executable, "-m", "newsingest", "parse", str(folder), "-j", jobs]
    with open("/dev/full", "wb") as full:
        to_stdout = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, timeout=120)
    to_file = subprocess.run([*command, "-o", "/dev/full"], capture_output=True, timeout=120)
    for result, name in ((to_stdout, "standard output"), (to_file, "/dev/full")):
        assert result.returncode == 3, result.stderr
        lines = result.stderr.decode().splitlines()
        assert lines[0] == f"newsingest: cannot write {name}: No space left on device"
        assert lines[1].startswith("newsingest: ") and "articles written" in lines[1]
        assert b"Traceback" not in result.stderr


def test_schema_is_the_article_model() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema == Article.model_json_schema()
    assert {"id", "source", "headline", "body", "dates", "reference_date", "stats"} <= set(
        schema["properties"]
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("newsingest, version ")
    help_text = run("parse", "--help").stdout
    for option in ("--output", "--reference-date", "--verbose", "Example"):
        assert option in help_text


def test_installed_command_keeps_stdout_pure_json(tmp_path: Path) -> None:
    """The real console script: stdout holds only JSON lines, and neither bnlp's heavy imports
    nor pydantic (plain records are written; newsingest.plain) are ever imported, nor what
    reads archives (zipfile, tarfile) in a run that has none."""
    command = shutil.which("newsingest", path=str(BIN))
    assert command, "the console script is installed with the package"
    # (main ends the process by os._exit, past atexit: the probe names the heavy modules
    # loaded on its way out.)
    probe = (
        f"import os, sys; sys.argv = ['newsingest', 'parse', {str(SEED)!r}]; end = os._exit;"
        "os._exit = lambda status: (sys.stderr.write(' '.join(sorted("
        "m for m in ('nltk', 'scipy', 'gensim', 'bnlp', 'pydantic', 'zipfile', 'tarfile')"
        " if m in sys.modules))), end(status));"
        "from newsingest.cli import main; main()"
    )
    run_ = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run_.returncode == 0, run_.stderr
    assert run_.stderr == ""
    direct = subprocess.run([command, "parse", str(SEED)], capture_output=True, text=True)
    lines = direct.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["headline"]


def test_python_dash_m_works_like_the_command() -> None:
    done = subprocess.run([sys.executable, "-m", "newsingest", "parse", str(SEED)], capture_output=True)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 1


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    for i in range(200):
        (tmp_path / f"{i:03d}.txt").write_text(ARTICLE, encoding="utf-8")
    command = shutil.which("newsingest", path=str(BIN))
    done = subprocess.run(
        f"'{command}' parse '{tmp_path}' | head -1", shell=True, capture_output=True, text=True
    )
    assert len(done.stdout.splitlines()) == 1
    assert "Traceback" not in done.stderr and done.stderr == ""


def test_today_option_pins_the_year_of_a_weekday_with_a_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("সভা\nশুক্রবার (১৫ মার্চ) সংবাদ সম্মেলনে তিনি এ কথা বলেন।\n", encoding="utf-8")
    values = {}
    for today in ("2029-06-01", "2030-06-01"):  # 15 March was last a Friday in 2024, then in 2030
        result = run("parse", str(path), "--today", today, "-j", "2")
        assert result.exit_code == 0, result.output
        (record,) = records(result.stdout)
        values[today] = [date["value"] for date in record["dates"]]
    assert values == {"2029-06-01": ["2024-03-15"], "2030-06-01": ["2030-03-15"]}
    assert run("parse", str(path), "--today", "2030-13-01").exit_code == 2


def test_the_command_ends_with_its_status_and_all_its_output(tmp_path: Path) -> None:
    """main() ends the process without finalizing it: what was written still arrives whole,
    and the status is the command's (1: an input failed)."""
    for i in range(300):
        (tmp_path / f"{i:03d}.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    command = shutil.which("newsingest", path=str(BIN))
    assert command
    done = subprocess.run([command, "parse", "-j", "1", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 300 and done.stdout.endswith("\n")
    assert all(json.loads(line)["headline"] for line in done.stdout.splitlines())
    assert done.stderr.startswith("newsingest: ") and "bad.txt" in done.stderr
    usage = subprocess.run([command, "parse", "--no-such-option"], capture_output=True, text=True)
    assert usage.returncode == 2 and "No such option" in usage.stderr
