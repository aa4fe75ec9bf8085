"""Benchmark `newsingest parse` against the I/O floor and dateparser, on a synthetic corpus.

    python benchmarks/bench.py                 # N = 10,000 and 100,000
    python benchmarks/bench.py --small         # N = 1,000 (a quick look)
    python benchmarks/bench.py -n 5000 --jobs 1 2 4 --dateparser-sample 100

The corpus is built in a temporary folder: N plain-text articles, each a headline and 8-16
paragraphs drawn from the repo's own articles (seeds/ and the tests' fixture), plus a
sentence or two with dates varied per article (Gregorian, Bengali-calendar, relative).
Every figure is measured on the same files in the same run, so the ratios hold on a noisy
machine even when the absolute rates move, and each timing is the fastest of --repeat rounds
(3), each round timing every run once: a shared machine only ever adds time. Beside each
figure, `host`: how fast a fixed CPU loop ran just before and after that run, against its
fastest around the same N's rounds (a shared host can run at half speed for seconds at a time):
where the floor's best run and newsingest's met the host at different speeds, their ratio
is off by as much. The figures:

- newsingest parse DIR --jobs J (a subprocess, stdout to /dev/null): articles/s, MB/s and the
  peak RSS of the largest process;
- newsingest parse over the same articles as one dump: JSON Lines, a JSON array and a CSV,
  each plain and gzipped (once per --jobs value): a dump over 16 MiB, or compressed, is
  read a record at a time, so its peak RSS should not grow with N, and cut into pieces that
  the workers share; and the files as one zip and one .tgz, read a member at a time (a
  zip's list of entries too), shared out in pieces of members;
- two `newsingest parse --jobs 1` runs side by side, one on each half of the files: what
  the host gives two processes at that moment, the ceiling for --jobs 2;
- the I/O floor: a plain Python loop that reads each file and writes its text as a JSON line;
- dateparser.search.search_dates(text, languages=["bn"]) per article, on a sample (it is slow).

dateparser is a benchmark-only dependency: pip install -e ".[bench]".
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TypeVar

REPO = Path(__file__).resolve().parent.parent
T = TypeVar("T")
DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def _words(text: str) -> list[str]:
    return text.split()


MONTHS = _words("জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর")
BENGALI_MONTHS = _words("বৈশাখ জ্যৈষ্ঠ আষাঢ় শ্রাবণ ভাদ্র আশ্বিন কার্তিক অগ্রহায়ণ পৌষ মাঘ ফাল্গুন চৈত্র")
WEEKDAYS = _words("শনিবার রবিবার সোমবার মঙ্গলবার বুধবার বৃহস্পতিবার শুক্রবার")
# Sentences with dates to vary per article; {d} day, {m} month, {y} year, {w} weekday, {b}
# Bengali month, {by} Bengali year, {h} hour.
DATE_SENTENCES = [
    "{y} সালের {d} {m} এই ঘটনা ঘটে।",
    "গত {w} ({d} {m}) সংবাদ সম্মেলনে তিনি এ কথা বলেন।",
    "আগামী {d} {m} থেকে নতুন নিয়ম কার্যকর হবে।",
    "{b} {by} বঙ্গাব্দে প্রতিষ্ঠানটির যাত্রা শুরু হয়।",
    "গতকাল সকাল {h}টায় বৈঠক শুরু হয়ে চলে তিন ঘণ্টা ধরে।",
    "{y}-{y2} অর্থবছরে বাজেট বাড়ানো হয়েছে।",
    "চলতি মাসের শেষ সপ্তাহে প্রতিবেদন জমা দেওয়ার কথা রয়েছে।",
]


def source_paragraphs() -> tuple[list[str], list[str]]:
    """Headlines and paragraphs of the repo's own articles."""
    headlines, paragraphs = [], []
    texts = [path.read_text(encoding="utf-8") for path in sorted((REPO / "seeds").glob("*.txt"))]
    conftest = (REPO / "tests" / "conftest.py").read_text(encoding="utf-8")
    start = conftest.find("ARTICLE = (")
    if start >= 0:
        block = conftest[start : conftest.find("\n)\n", start)]
        texts.append("".join(line.strip().strip('"').replace("\\n", "\n") for line in block.splitlines()[1:]))
    for text in texts:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        headlines.append(lines[0])
        paragraphs.extend(lines[1:])
    return headlines, paragraphs


def date_sentence(rng: random.Random) -> str:
    year = rng.randint(1948, 2025)
    values = {
        "d": str(rng.randint(1, 28)),
        "m": rng.choice(MONTHS),
        "y": str(year),
        "y2": str(year + 1)[2:],
        "w": rng.choice(WEEKDAYS),
        "b": rng.choice(BENGALI_MONTHS),
        "by": str(rng.randint(1380, 1432)),
        "h": str(rng.randint(6, 11)),
    }
    return rng.choice(DATE_SENTENCES).format(**values).translate(DIGITS)


def build_corpus(folder: Path, count: int, seed: int = 1) -> int:
    """Write `count` articles below `folder` (1,000 per subfolder); return the total bytes."""
    rng = random.Random(seed)
    headlines, paragraphs = source_paragraphs()
    total = 0
    for i in range(count):
        sub = folder / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        chosen = rng.sample(paragraphs, min(len(paragraphs), rng.randint(8, 16)))
        for _ in range(rng.randint(1, 2)):
            at = rng.randrange(len(chosen))
            chosen[at] = f"{chosen[at]} {date_sentence(rng)}"
        text = "\n".join([f"{rng.choice(headlines)} ({i})", *chosen]) + "\n"
        data = text.encode("utf-8")
        (sub / f"{i:07d}.txt").write_bytes(data)
        total += len(data)
    return total


def corpus_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.txt"))


def _peak_rss_kb(pid: int) -> int:
    """The most resident memory `pid` has held so far (VmHWM), in KB."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    except (OSError, ValueError):
        return 0


def _tree(pid: int) -> list[int]:
    """pid and its descendants (Linux /proc), for the workers of --jobs."""
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as children:
                todo.extend(int(child) for child in children.read().split())
        except OSError:
            pass
    return pids


class RssSampler(threading.Thread):
    """Samples the peak resident memory of each process of a tree every 100 ms: the largest,
    and their sum (an upper bound of what they held at once).

    (wait4's ru_maxrss would also count the memory the child inherits from this script
    between fork and exec, which with 100,000 paths in a list is most of the figure.) Each
    process's own high-water mark is read, so a peak between samples is not missed, and
    sampling seldom leaves the processor to the run: every 20 ms it took 3% of one, which
    --jobs 2 on two cores feels and the runs side by side did not pay.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.largest, self.total = pid, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            sizes = [_peak_rss_kb(pid) for pid in _tree(self.pid)]
            self.largest = max(self.largest, *sizes)
            self.total = max(self.total, sum(sizes))


class Run(NamedTuple):
    """One timed run of newsingest: wall and CPU seconds, peak RSS, exit status, articles."""

    seconds: float
    cpu: float  # user + system, the workers' included
    rss_mb: float  # the largest process
    rss_all_mb: float  # all processes together
    status: int
    lines: int


def run_newsingest(inputs: Path, jobs: int) -> Run:
    """Time `newsingest parse` over `inputs`.

    Output goes to /dev/null, as the floor's does: written to a file, its 70 MB would be
    flushed to disk during the next run. The articles written are counted by --stats.
    """
    with tempfile.TemporaryDirectory() as scratch:
        stats = Path(scratch) / "stats.json"
        command = [
            *(str(Path(sys.executable).parent / "newsingest"), "parse", str(inputs), "-q"),
            *("-j", str(jobs), "--stats", str(stats)),
        ]
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        sampler = RssSampler(process.pid)
        sampler.start()
        stderr = process.stderr.read() if process.stderr else b""
        # wait4's usage counts the child and the workers it waited for.
        _, wait_status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(wait_status)
        sampler.done.set()
        sampler.join()
        if process.returncode not in (0, 1):
            sys.exit(f"newsingest failed ({process.returncode}): {stderr.decode(errors='replace')}")
        written = json.loads(stats.read_text(encoding="utf-8"))["articles"]
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, sampler.largest / 1024, sampler.total / 1024, process.returncode, written)


def halves(folder: Path, files: list[Path]) -> tuple[list[str], list[str]]:
    """The corpus in two halves of the same size, as paths to give `newsingest parse`: its
    subfolders of 1,000 files where it has an even number of them, else the files."""
    folders = sorted(path for path in folder.iterdir() if path.is_dir())
    parts = [str(path) for path in (folders if len(folders) % 2 == 0 else files)]
    return parts[: len(parts) // 2], parts[len(parts) // 2 :]


def run_side_by_side(parts: tuple[list[str], list[str]]) -> tuple[float, float]:
    """(wall, CPU seconds) of two `newsingest parse --jobs 1` runs at once, one on each half.

    What this host gives two processes: the same work as --jobs 2 in two processes with no
    hand-over between them, so --jobs 2 / --jobs 1 is judged against the speed-up the
    machine itself allows at that moment (a shared host's two vCPUs are seldom two cores).
    """
    command = [str(Path(sys.executable).parent / "newsingest"), "parse", "-q", "-j", "1"]
    started = time.perf_counter()
    processes = [subprocess.Popen([*command, *part], stdout=subprocess.DEVNULL) for part in parts]
    cpu = 0.0
    for process in processes:
        _, wait_status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(wait_status)
        if process.returncode != 0:
            sys.exit(f"newsingest failed ({process.returncode}) on half the corpus")
        cpu += usage.ru_utime + usage.ru_stime
    return time.perf_counter() - started, cpu


def write_dump(files: list[Path], path: Path) -> None:
    """The corpus as one dump, a record per article, as a scraper writes it: JSON Lines, for
    a .json name a JSON array of a record per line (as scrapy's feed export writes it), for a
    .csv name a CSV (as pandas writes it)."""
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["title", "body"])
            writer.writerows(file.read_text(encoding="utf-8").partition("\n")[::2] for file in files)
        return
    array = path.suffix == ".json"
    with path.open("w", encoding="utf-8") as out:
        out.write("[\n" if array else "")
        for index, file in enumerate(files):
            headline, _, body = file.read_text(encoding="utf-8").partition("\n")
            record = json.dumps({"title": headline, "body": body}, ensure_ascii=False)
            out.write((",\n" if array and index else "") + record + ("" if array else "\n"))
        out.write("\n]\n" if array else "")


def write_archive(files: list[Path], folder: Path, path: Path) -> None:
    """The corpus's files in one archive, named as they are below `folder`: a zip (deflated)
    for a .zip name, else a gzipped tar; each compressed fast (level 1), as a scraper's
    export would not wait on it."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for file in files:
                archive.write(file, file.relative_to(folder).as_posix())
        return
    with gzip.open(path, "wb", compresslevel=1) as packed, tarfile.open(fileobj=packed, mode="w") as archive:
        for file in files:
            archive.add(file, file.relative_to(folder).as_posix())


def run_startup(path: Path) -> tuple[float, float]:
    """(wall, CPU seconds) `newsingest parse` takes over one article: the start-up every run
    pays once (interpreter, imports, the date lexicon), which --jobs 2 cannot share out."""
    command = [str(Path(sys.executable).parent / "newsingest"), "parse", str(path), "-q", "-j", "1"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def run_floor(files: list[Path]) -> tuple[float, float]:
    """The I/O floor: read each file, write its text as one JSON line (to /dev/null).
    (wall seconds, CPU seconds)"""
    started, cpu = time.perf_counter(), time.process_time()
    with open(os.devnull, "w", encoding="utf-8") as out:
        for path in files:
            text = path.read_bytes().decode("utf-8")
            out.write(json.dumps({"path": str(path), "text": text}, ensure_ascii=False) + "\n")
    return time.perf_counter() - started, time.process_time() - cpu


# A fixed pure-Python loop: ~20 ms on a quiet 2-vCPU host of this kind.
_PACE_LOOP = 500_000


def host_pace() -> float:
    """Seconds the fixed loop takes now: how fast the host runs this process at the moment.

    Timed just before and after each run (`paced`), so that a figure can be read with the
    host's speed beside it: one shared host here ran the same loop in 0.11 s and in 0.20 s by
    turns, spells of one to several seconds each, which no number of rounds evens out for a
    run of a few seconds.
    """
    started = time.perf_counter()
    total = 0
    for number in range(_PACE_LOOP):
        total += number
    return time.perf_counter() - started


def paced(measure: Callable[[], T]) -> tuple[T, float]:
    """measure()'s result, and the host's pace around it (the mean of one before, one after)."""
    before = host_pace()
    result = measure()
    return result, (before + host_pace()) / 2


def run_dateparser(files: list[Path], sample: int) -> tuple[float, int] | None:
    """(articles/s, articles timed) for dateparser's search_dates over a sample of the files."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    chosen = files[:: max(1, len(files) // sample)][:sample]
    search_dates("১২ অক্টোবর ২০২৩", languages=["bn"])  # load its language data first
    started = time.perf_counter()
    for path in chosen:
        search_dates(path.read_text(encoding="utf-8"), languages=["bn"])
    return len(chosen) / (time.perf_counter() - started), len(chosen)


def bench(count: int, jobs: list[int], sample: int, keep: bool, repeat: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix=f"newsingest-bench-{count}-"))
    try:
        print(f"\n== N = {count:,} articles (building corpus in {folder}) ==", flush=True)
        started = time.perf_counter()
        size = build_corpus(folder, count)
        files = corpus_files(folder)
        megabytes = size / 1e6
        print(f"built {len(files):,} files, {megabytes:,.1f} MB, in {time.perf_counter() - started:.1f} s")
        # Written files reach the disk in the background for a while; wait for that, so
        # no run is timed with the corpus's write-back beside it. Then warm the page cache
        # for every run alike.
        os.sync()
        run_floor(files)
        # Each round times every run once, the floor and start-up included, and each figure
        # is the fastest of its rounds: a shared machine only ever adds time, and its slow
        # spells (which last seconds) then fall on all the runs alike, not on whichever of
        # them happened to be timed during one.
        # Each run is paced (the host's speed timed around it); a figure's pace is its round's.
        floors: list[tuple[tuple[float, float], float]] = []
        startups, side_by_side = [], []
        runs: dict[int, list[tuple[Run, float]]] = {job: [] for job in jobs}
        parts = halves(folder, files)
        for _ in range(repeat):
            floors.append(paced(functools.partial(run_floor, files)))
            startups.append(run_startup(files[0]))
            for job in jobs:
                runs[job].append(paced(functools.partial(run_newsingest, folder, job)))
            if 2 in jobs:
                side_by_side.append(paced(functools.partial(run_side_by_side, parts)))
        ((floor, floor_cpu), floor_pace), (startup, startup_cpu) = min(floors), min(startups)
        paces = [pace for _, pace in floors] + [pace for _, pace in side_by_side]
        fastest = min(paces + [pace for measured in runs.values() for _, pace in measured])

        def host(pace: float) -> float:
            """The host's speed around a run, against its fastest in this N's rounds."""
            return fastest / pace

        results: dict = {"n": count, "megabytes": megabytes, "floor_rate": count / floor}
        results["floor_cpu"] = floor_cpu
        results["floor_host"] = host(floor_pace)
        print(f"best of {repeat} rounds, each timing every run once (--repeat)")
        header = f"{'seconds':>9}{'CPU s':>7}{'articles/s':>12}{'MB/s':>8}"
        header += f"{'peak RSS MB (largest/all)':>27}{'host':>6}"
        print(f"{'run':<26}{header}")
        label = "I/O floor (read + json)"
        figures = f"{floor:>9.2f}{floor_cpu:>7.2f}{count / floor:>12,.0f}{megabytes / floor:>8.1f}"
        print(f"{label:<26}{figures}{'':>27}{host(floor_pace):>6.0%}")
        results["startup_seconds"] = startup
        print(f"{'newsingest, one article':<26}{startup:>9.2f}{'':>7}   (start-up, in every run below)")
        for job in jobs:
            best, pace = min(runs[job])  # (the fastest; its CPU time beside it)
            rss, rss_all = max(r.rss_mb for r, _ in runs[job]), max(r.rss_all_mb for r, _ in runs[job])
            rate = count / best.seconds
            results[f"jobs{job}"] = {
                "seconds": best.seconds,
                "cpu": min(r.cpu for r, _ in runs[job]),
                "rate": rate,
                "rss_mb": rss,
                "rss_all_mb": rss_all,
                "lines": best.lines,
                "host": host(pace),
            }
            label = f"newsingest --jobs {job}"
            memory = f"{rss:.0f} / {rss_all:.0f}"
            figures = f"{best.seconds:>9.2f}{best.cpu:>7.2f}{rate:>12,.0f}{megabytes / best.seconds:>8.1f}"
            print(f"{label:<26}{figures}{memory:>27}{host(pace):>6.0%}")
            if best.lines != count:
                print(f"   note: {count - best.lines} articles not written (exit status {best.status})")
        if side_by_side:
            (pair, pair_cpu), pace = min(side_by_side)
            results["side_by_side"] = {"seconds": pair, "cpu": pair_cpu, "rate": count / pair}
            results["side_by_side"]["host"] = host(pace)
            label = "two --jobs 1, halves"
            figures = f"{pair:>9.2f}{pair_cpu:>7.2f}{count / pair:>12,.0f}{megabytes / pair:>8.1f}"
            print(f"{label:<26}{figures}{'':>27}{host(pace):>6.0%}")
        # The same articles as one dump, JSON Lines, a JSON array and CSV, each plain and
        # gzipped: read a record at a time (the plain ones are over 16 MiB), in flat memory; cut
        # into pieces for the workers.
        with tempfile.TemporaryDirectory(prefix="newsingest-dump-") as scratch:
            dump, array, table = (Path(scratch) / name for name in ("dump.jsonl", "dump.json", "dump.csv"))
            for path in (dump, array, table):
                write_dump(files, path)
            plain_dumps = (dump, array, table)
            packed, packed_array, packed_table = (path.with_name(path.name + ".gz") for path in plain_dumps)
            for path, packing in ((dump, packed), (array, packed_array), (table, packed_table)):
                with path.open("rb") as plain, gzip.open(packing, "wb", compresslevel=1) as out:
                    shutil.copyfileobj(plain, out, 1 << 20)
            # As for the corpus: the 1.6 GB of dumps at N = 100,000 were still being written
            # back to the disk during the runs after them.
            os.sync()
            # And the corpus's files as one zip and one .tgz: read a member at a time, and a
            # zip's list of entries too, in flat memory; shared out in pieces of members.
            zipped, tarred = Path(scratch) / "corpus.zip", Path(scratch) / "corpus.tgz"
            for path in (zipped, tarred):
                write_archive(files, folder, path)
            os.sync()
            size_mb = dump.stat().st_size / 1e6  # (MB/s of the text, for all eight)
            dumps = [("jsonl", dump), ("jsonl.gz", packed), ("json", array), ("json.gz", packed_array)]
            archives = [("zip", zipped), ("tgz", tarred)]
            for name, path in [*dumps, ("csv", table), ("csv.gz", packed_table), *archives]:
                for job in jobs:
                    run, pace = paced(functools.partial(run_newsingest, path, job))
                    results[f"dump_{name}_jobs{job}"] = {
                        "seconds": run.seconds,
                        "cpu": run.cpu,
                        "rate": count / run.seconds,
                        "rss_mb": run.rss_mb,
                        "rss_all_mb": run.rss_all_mb,
                        "lines": run.lines,
                        "host": host(pace),
                    }
                    label, memory = f"one .{name}, --jobs {job}", f"{run.rss_mb:.0f} / {run.rss_all_mb:.0f}"
                    figures = f"{run.seconds:>9.2f}{run.cpu:>7.2f}{count / run.seconds:>12,.0f}"
                    print(f"{label:<26}{figures}{size_mb / run.seconds:>8.1f}{memory:>27}{host(pace):>6.0%}")
                    if run.lines != count:
                        print(f"   note: {count - run.lines} articles not written (exit status {run.status})")
        dp = run_dateparser(files, sample)
        if dp is not None:
            results["dateparser_rate"] = dp[0]
            label = f"dateparser ({dp[1]} sampled)"
            print(f"{label:<26}{dp[1] / dp[0]:>9.2f}{'':>7}{dp[0]:>12,.1f}")
        one = results.get("jobs1")
        print("-- ratios")
        if one:
            slower = one["seconds"] / floor
            print(f"newsingest --jobs 1 / I/O floor time:   {slower:7.1f}x  (target <= 5x)")
            if one["seconds"] > startup:  # the floor's loop runs in this process: no start-up
                print(f"   the same, start-up taken out:        {(one['seconds'] - startup) / floor:7.1f}x")
            # CPU time leaves out the time a shared host gives its other tenants (but not
            # their share of the caches): where the wall ratio jumps and this one holds,
            # the host was busy.
            by_cpu, alone = one["cpu"] / floor_cpu, (one["cpu"] - startup_cpu) / floor_cpu
            print(f"   the same, by CPU time:               {by_cpu:7.1f}x  ({alone:.1f}x without start-up)")
            # CPU time counts a slowed host's seconds too: the pace says whether the two
            # best runs met the host at the same speed.
            met = f"{results['floor_host']:.0%} / {one['host']:.0%}"
            print(f"   host speed around each, floor / -j 1: {met:>9}  (of its fastest, see `host`)")
            if dp is not None:
                print(f"newsingest --jobs 1 / dateparser rate:  {one['rate'] / dp[0]:7.1f}x  (target >= 40x)")
            print(f"newsingest --jobs 1 articles/s:         {one['rate']:7,.0f}   (target >= 4,000)")
            two = results.get("jobs2")
            if two:
                speedup = two["rate"] / one["rate"]
                print(f"--jobs 2 / --jobs 1 speed-up:           {speedup:7.2f}x  (target >= 1.7x)")
                if two["seconds"] > startup:  # the part of the run the workers share
                    parallel = (one["seconds"] - startup) / (two["seconds"] - startup)
                    print(f"   the same, start-up taken out:        {parallel:7.2f}x")
                # What the workers' processes and the hand-overs cost: more CPU for the same work.
                print(f"   CPU time, --jobs 2 / --jobs 1:        {two['cpu'] / one['cpu']:7.2f}x")
                if side_by_side:
                    host = one["seconds"] / results["side_by_side"]["seconds"]
                    halves_line = f"   two --jobs 1 on the halves, at once:  {host:7.2f}x"
                    print(f"{halves_line}  (what the host gives two processes)")
                    print(f"   --jobs 2 / that:                      {speedup / host:7.2f}")
        return results
    finally:
        if keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _compile_bytecode() -> None:
    """Time newsingest as an install runs it, its modules' bytecode cached.

    pip compiles a package's bytecode when it installs it; an editable install leaves that
    to the first run, and with PYTHONDONTWRITEBYTECODE set (as on some CI machines) every
    start-up compiled the pipeline's Python modules anew: ~20 ms of its ~0.2 s.
    """
    import compileall

    import newsingest

    compileall.compile_dir(Path(newsingest.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, nargs="+", default=[10_000, 100_000], help="corpus sizes")
    parser.add_argument("--small", action="store_true", help="one small corpus (N = 1,000)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time")
    parser.add_argument("--dateparser-sample", type=int, default=100, help="articles timed with dateparser")
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds, each timing every run once; the fastest of each counts"
    )
    parser.add_argument("--keep", action="store_true", help="keep the corpus folders")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    sizes = [1_000] if args.small else args.n
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    _compile_bytecode()
    results = [bench(n, args.jobs, args.dateparser_sample, args.keep, max(1, args.repeat)) for n in sizes]
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
