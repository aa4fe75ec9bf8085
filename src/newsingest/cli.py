"""The `newsingest` command: a thin layer over newsingest.pipeline.

Standard output carries only JSON Lines; every message goes to standard error.
Exit status: 0 when every input became an article, 1 when any failed, 2 for usage errors,
3 when an output (the JSON Lines, --errors, --stats) could not be written; 128 + the signal
when a run was stopped by one (130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP).
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import gc
import os
import signal
import sys
from typing import Any

import click

from . import __version__

# The exit status of a run whose JSON Lines, --errors or --stats file could not be written
# (1 says inputs failed while the output is whole; this, that the output is not).
OUTPUT_FAILED = 3
# Signals that end a run as Ctrl-C does (with status 128 + their number, as Ctrl-C's 130),
# where their default action would end it on the spot: SIGTERM (kill, timeout, a container
# or service stopping) and SIGHUP (its terminal closing; not under nohup, which ignores it:
# a signal ignored stays ignored).
_STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Stopped(KeyboardInterrupt):
    """One of the _STOPPING signals, taken as Ctrl-C is: the run ends the same way, its
    temporary files removed (an -o file's, standard input's named copy) and its summary
    written, where the signal's default action would leave them behind."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def _stop_on_signals() -> dict[int, Any]:
    """Make each _STOPPING signal left to its default action raise Stopped; the handlers it
    replaced, to restore (none outside the main thread, whose signals these are)."""
    replaced = {}
    for signum in _STOPPING:
        try:
            if signal.getsignal(signum) == signal.SIG_DFL:
                replaced[signum] = signal.signal(signum, _stop)
        except ValueError:
            break
    return replaced


def _parse_reference_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _parse_fields(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> dict[str, str]:
    from .formats import FIELDS

    fields: dict[str, str] = {}
    for item in value:
        name, equals, key = item.partition("=")
        name = name.strip()
        if not equals or not key.strip():
            raise click.BadParameter(f"{item!r} is not NAME=KEY (for example headline=title)")
        if name not in FIELDS:
            raise click.BadParameter(f"{name!r} is not one of {', '.join(FIELDS)}")
        fields[name] = key.strip()
    return fields


def _check_paths(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    for path in value:
        if path != "-" and not os.path.lexists(path):
            raise click.BadParameter(f"{path!r} does not exist", param_hint="PATH")
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="newsingest")
def cli() -> None:
    """Turn Bengali news articles into JSON Lines, one record per article.

    Each record holds the headline, the body, every date and time the article reports
    (normalised to ISO 8601 / TIMEX3 values) and a few statistics.

    \b
    Examples:
      newsingest parse seeds/                      # every file below seeds/
      newsingest parse article.txt -o out.jsonl    # write a file, atomically
      cat article.txt | newsingest parse -         # standard input
      newsingest schema                            # the record's JSON Schema
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...", callback=_check_paths)
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write the JSON Lines to FILE instead of standard output. The file appears only when "
    "the run ends (written beside it, then renamed), so an interrupted run never leaves half a "
    "file, and on Linux even a killed one (SIGKILL) leaves nothing behind; /dev/null or a "
    "named pipe is written to as it is. A FILE named .gz, .bz2, .xz or .zst is compressed so "
    "(.zst is the fastest by far). "
    "Example: -o articles.jsonl.zst",
)
@click.option(
    "-r",
    "--reference-date",
    metavar="YYYY-MM-DD",
    callback=_parse_reference_date,
    help="The date relative expressions (আজ, গতকাল, গত মাসে, bare weekdays) are resolved "
    "against, usually the publication date. Without it the date is inferred from the text "
    "where the text fixes it. Example: --reference-date 2023-10-13",
)
@click.option(
    "--today",
    metavar="YYYY-MM-DD",
    callback=_parse_reference_date,
    help="The date taken for today (default: the system's). Without a reference date, a "
    "weekday with a day and month but no year takes the latest such year up to today: set "
    "it so that a rerun on another day gives the same output. Example: --today 2026-01-01",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes (default: one per core this process may use, or per CPU of its "
    "cgroup's CPU limit where that is fewer: a container's, systemd's CPUQuota=). 1 parses "
    "in this process. Workers start "
    "for runs of a hundred files or more, and share out a dump read a record at a time (see "
    "--max-bytes) in pieces, from a file or standard input (but a compressed CSV or JSON "
    "array piped in past --max-bytes: name the file), and a zip or .tar.gz (...) of 128 KiB "
    "or more (a plain .tar: 1 MiB), named or piped in (copied to TMPDIR, removed at the end). "
    "Output keeps the input order. Example: -j 2",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=50 * 1024 * 1024,
    show_default=True,
    metavar="N",
    help="Read inputs of up to N bytes whole (dumps over 16 MiB excepted). A larger dump (JSON "
    "Lines, CSV or a JSON array) is read a record at a time, in flat memory, each record up "
    "to N bytes; an archive (zip, tar) of any size a member at a time, each member up to N "
    "bytes; any other larger input is refused unread (reason too_large). "
    "Example: --max-bytes 10000000",
)
@click.option(
    "--errors",
    "errors_file",
    metavar="FILE",
    help='Write one JSON line per failed input to FILE: {"path", "record", "reason", "message"}, '
    "reason one of the codes listed in the README. Example: --errors failed.jsonl",
)
@click.option(
    "--stats",
    "stats_file",
    metavar="FILE",
    help="Write the run's counts (files, inputs, articles, failed by reason, seconds) to FILE "
    "as one JSON object.",
)
@click.option(
    "-f",
    "--format",
    "input_format",
    type=click.Choice(["auto", "text", "jsonl", "json", "csv", "html"]),
    default="auto",
    show_default=True,
    help="Input format. auto detects it from the extension (.txt .jsonl .ndjson .json .csv .tsv "
    ".html .htm, after .gz .bz2 .xz .zst), then from the content. Example: --format jsonl",
)
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="NAME=KEY",
    callback=_parse_fields,
    help="For JSON/JSONL/CSV records: read the article's NAME (headline, body, published, url, "
    "author, category, tags) from the record's KEY instead of the detected one; a dotted KEY "
    "reaches into nested objects. Repeatable. "
    "Example: --field headline=shironam --field published=meta.time",
)
@click.option(
    "--clean/--no-clean",
    default=True,
    show_default=True,
    help="Remove scraping artefacts: a paragraph or sentence repeated right after itself, and "
    "share/follow lines; the record's `cleaning` counts what went. Example: --no-clean",
)
@click.option(
    "--bijoy",
    is_flag=True,
    help="Convert legacy Bijoy (SutonnyMJ) ASCII-encoded Bengali to Unicode. Without it such a "
    "file fails with reason bijoy. Example: newsingest parse --bijoy old-archive/",
)
@click.option(
    "--max-decompressed-bytes",
    type=click.IntRange(min=1),
    default=256 * 1024 * 1024,
    show_default=True,
    metavar="N",
    help="Stop decompressing a .gz/.bz2/.xz/.zst input past N bytes (reason "
    "decompressed_too_large): a guard against decompression bombs. Compressed dumps (JSON "
    "Lines, CSV, a JSON array) are decompressed a record at a time instead, each record up to "
    "--max-bytes. "
    "Example: --max-decompressed-bytes 1000000000",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress display and no line per failed input.")
@click.option("-v", "--verbose", is_flag=True, help="Always print the summary line on standard error.")
def parse(
    paths: tuple[str, ...],
    output: str | None,
    reference_date: dt.date | None,
    today: dt.date | None,
    jobs: int | None,
    max_bytes: int,
    errors_file: str | None,
    stats_file: str | None,
    input_format: str,
    fields: dict[str, str],
    clean: bool,
    bijoy: bool,
    max_decompressed_bytes: int,
    quiet: bool,
    verbose: bool,
) -> None:
    """Parse articles under PATH... and write one JSON line per article.

    PATH is a plain-text file (headline on the first line, then one paragraph per line), a
    directory (walked recursively in sorted order; hidden files and folders, and named
    pipes, sockets and devices, skipped), or "-" for standard input. Files are UTF-8
    (with or without BOM) or UTF-16 with a BOM.

    JSON Lines, JSON arrays and CSV files give one article per record (keys such as title,
    body/content, date/published, url, author, category, tags are detected; --field
    overrides), saved HTML pages one article each (needs the [html] extra), and any of
    these may be compressed (.gz .bz2 .xz .zst) or in a .zip or .tar(.gz ...) archive.
    A byline, dateline or প্রকাশ: line at the top of a body is reported apart; mojibake
    is repaired.

    A file that cannot be parsed gets one line on standard error naming it and the
    reason; the other files are still parsed, and the exit status is 1. An output that
    cannot be written (a missing folder, a full disk) stops the run with status 3.

    \b
    Examples:
      newsingest parse seeds/
      newsingest parse news/ -o news.jsonl --reference-date 2023-10-13
      newsingest parse seeds/ | jq '.dates[] | .value'
      newsingest parse dump.jsonl.gz --field body=article_text
      newsingest parse pages/ --format html --no-clean
    """
    import functools

    from .accounting import Tally
    from .dates import set_today
    from .formats import Options
    from .formats.pieces import split_dumps
    from .parallel import Runner, default_jobs
    from .pipeline import plain_files
    from .progress import Progress
    from .write import OutputError, open_output

    options = Options(
        format=input_format,
        fields=fields,
        clean=clean,
        bijoy=bijoy,
        max_decompressed=max_decompressed_bytes,
    )
    # The runner walks the paths and hands over files.
    parse_batch = functools.partial(
        plain_files, reference_date=reference_date, max_bytes=max_bytes, options=options
    )
    set_today(today)  # before the workers are started: they inherit it
    _collect_garbage_for_a_long_run()
    split = functools.partial(split_dumps, max_bytes=max_bytes, options=options)
    runner = Runner(parse_batch, jobs or default_jobs(), split)
    progress = Progress(Progress.wanted(quiet))
    tally = None
    replaced = _stop_on_signals()
    try:
        tally = Tally(errors_file)
        with open_output(output) as out:
            # A batch of files' lines in one write, flushed at once so a reader down a pipe
            # sees each batch as it is done.
            for chunk in runner.run_chunks(list(paths)):
                out.write(chunk.lines)
                if output is None:
                    out.flush()
                tally.written += chunk.line_count
                for _, failure in chunk.failures:
                    tally.fail(failure)
                    if not quiet:
                        progress.close()
                        click.echo(f"newsingest: {failure}", err=True)
                progress.update(runner.files, tally.written, tally.failed)
        tally.finish(runner, stats_file)
    except KeyboardInterrupt as stop:
        progress.close()
        signum = stop.signum if isinstance(stop, Stopped) else signal.SIGINT
        if tally is not None:
            with contextlib.suppress(OutputError):
                tally.finish(runner, stats_file, interrupted=True)
            how = "interrupted" if signum == signal.SIGINT else f"stopped by {signal.Signals(signum).name}"
            click.echo(f"newsingest: {how}; {tally.summary()}", err=True)
        sys.exit(128 + signum)
    except OutputError as error:
        progress.close()
        click.echo(f"newsingest: {error}", err=True)
        if tally is not None:
            with contextlib.suppress(OutputError):
                tally.finish(runner, stats_file if stats_file != error.path else None, interrupted=True)
            click.echo(f"newsingest: {tally.summary()}", err=True)
        sys.exit(OUTPUT_FAILED)
    finally:
        for signum, handler in replaced.items():
            signal.signal(signum, handler)
    progress.close()
    if runner.files == 0 and not quiet:  # (a mistyped folder would otherwise pass unseen)
        click.echo(f"newsingest: no files to parse in {', '.join(paths)}", err=True)
    if tally.failed or verbose:
        click.echo(f"newsingest: {tally.summary(runner.files)}", err=True)
    if tally.failed:
        sys.exit(1)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the Article record that `parse` writes.

    \b
    Example:
      newsingest schema > article.schema.json
    """
    import json

    from .models import Article

    click.echo(json.dumps(Article.model_json_schema(), ensure_ascii=False, indent=2))


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...", callback=_check_paths)
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line, not each bad line.")
def validate(files: tuple[str, ...], quiet: bool) -> None:
    """Check JSON Lines files (from `parse`) against the Article record.

    Each bad line is reported on standard error as FILE:LINE: what is wrong; a summary line
    follows. The exit status is 1 when any line is bad, 0 when all are valid. FILE "-" reads
    standard input; a compressed FILE (gzip, bzip2, xz, zstd, as `parse -o` writes one named
    so) is read decompressed.

    \b
    Examples:
      newsingest validate articles.jsonl
      newsingest parse seeds/ | newsingest validate -
    """
    from .accounting import counted
    from .validate import check_file

    _collect_garbage_for_a_long_run()

    lines = bad = 0
    for path in files:
        try:
            for problem in check_file(path):
                lines += 1
                if problem is not None:
                    bad += 1
                    if not quiet:
                        click.echo(f"newsingest: {problem}", err=True)
        except OSError as exc:
            raise click.FileError(path, exc.strerror or str(exc)) from None
    click.echo(
        f"newsingest: {counted(lines, 'line')} checked, {lines - bad:,} valid, {bad:,} invalid", err=True
    )
    if bad:
        sys.exit(1)


def _collect_garbage_for_a_long_run() -> None:
    """Set the cyclic garbage collector, off while the command imported, for a long run.

    The pipeline makes few reference cycles, but with the default thresholds the collector
    ran several times per article, and each full pass walked every object the imports had
    made (pydantic's schemas, the lexicon). Those are frozen out of its sight (workers
    forked later inherit that, and their pages stay shared) and it runs a fourteenth as
    often: `parse` over 3,000 articles took 0.93 s instead of 1.00 s, peak memory unchanged.
    """
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    gc.enable()


def main() -> None:
    """Console-script entry point: a closed pipe (`| head -1`) ends the run quietly."""
    # The command uses no pydantic plugins; looking for them reads the metadata of every
    # installed package (~20 ms of a ~0.25 s start-up). A user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Imports make objects by the hundred thousand and no garbage: collecting while they run
    # was 6% of the instructions of `parse` over one article. A command that runs long turns
    # the collector back on once it has imported (_collect_garbage_for_a_long_run).
    gc.disable()
    try:
        cli.main(prog_name="newsingest")
    except SystemExit as done:  # how click ends every command, and ours end with a status
        _end(done.code)
    except BrokenPipeError:
        _end(1)


def _end(code: object) -> None:
    """Exit with `code` as sys.exit would, without tearing the interpreter down.

    Finalizing frees every object the imports made (pydantic's schemas, the date lexicon)
    one by one, ~4 ms after one article and ~13 ms after 10,000, for nothing: the process
    ends. By the time a command returns, its files are closed and its workers reaped, so
    only standard output and error are left to flush, and the functions registered with
    atexit to run (where there is no /proc, they remove standard input's named copy:
    streamed.named_temporary). A closed pipe (`| head -1`) ends the run quietly, with
    status 1.
    """
    if isinstance(code, str):
        print(code, file=sys.stderr)  # sys.exit("message"): the message, status 1
    status = code if isinstance(code, int) else 0 if code is None else 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = 1
    except OSError as exc:  # (a full disk under `> file`: the end of the output is lost)
        print(f"newsingest: cannot write standard output: {exc.strerror or exc}", file=sys.stderr)
        status = OUTPUT_FAILED
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    atexit._run_exitfuncs()  # (os._exit runs none: the temporary files they remove would stay)
    os._exit(status)
