"""Where one process spends its time: pyinstrument over `parse` of a small synthetic corpus.

    python benchmarks/profile.py            # 500 articles, text report on stdout
    python benchmarks/profile.py -n 2000 --html profile.html

Uses the corpus of benchmarks/bench.py and the same in-process path as `parse --jobs 1`
(walk, read, decode, formats, normalise, segment, dates, model, JSON). pyinstrument is in
the `bench` extra: pip install -e ".[bench]".
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import build_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=500, help="articles in the corpus")
    parser.add_argument("--html", metavar="FILE", help="write pyinstrument's HTML report to FILE")
    args = parser.parse_args()

    from pyinstrument import Profiler

    from newsingest.parallel import Runner
    from newsingest.pipeline import plain_files

    folder = Path(tempfile.mkdtemp(prefix="newsingest-profile-"))
    try:
        build_corpus(folder, args.n)
        runner = Runner(plain_files, jobs=1)
        profiler = Profiler(interval=0.0005)
        started = time.perf_counter()
        with profiler:
            count = sum(1 for _ in runner.run([str(folder)]))
        seconds = time.perf_counter() - started
        print(f"{count} results in {seconds:.2f} s: {count / seconds:,.0f} articles/s (under the profiler)")
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        if args.html:
            Path(args.html).write_text(profiler.output_html(), encoding="utf-8")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
