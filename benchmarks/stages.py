"""Microseconds per article spent in each pipeline stage, measured without a profiler.

    python benchmarks/stages.py            # 2,000 articles of bench.py's corpus
    python benchmarks/stages.py -n 5000 --repeat 5

A sampling profiler slows pure-Python code two to three times and blurs small functions;
this script times each stage as a whole over the same prepared inputs (the best of
`--repeat` runs). The last row is the runner as `parse --jobs 1` drives it: the stages
alone add up to less, as each runs with its code in the processor's caches.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import build_corpus


def _best(function: Callable[[Any], object], inputs: list[Any], repeat: int) -> float:
    """Best wall time of `function` over all inputs; results are dropped at once, as in a run."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for item in inputs:
            function(item)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="articles in the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage; the best counts")
    args = parser.parse_args()

    from newsingest.cli import _collect_garbage_for_a_long_run
    from newsingest.dates import _find, find_dates
    from newsingest.dates.grammar import find_expressions
    from newsingest.dates.tokens import tokenize
    from newsingest.formats import Options
    from newsingest.formats.clean import clean
    from newsingest.formats.dateline import split_header
    from newsingest.formats.text import repair
    from newsingest.normalise import normalise
    from newsingest.parallel import Runner
    from newsingest.pipeline import build_article, plain_files
    from newsingest.plain import ReferenceDate, Source
    from newsingest.read import decode, read_bytes, walk
    from newsingest.segment import count_text, split_article
    from newsingest.write import to_json_line

    folder = Path(tempfile.mkdtemp(prefix="newsingest-stages-"))
    try:
        build_corpus(folder, args.n)
        paths = list(walk([str(folder)]))
        options = Options()
        data = [read_bytes(p) for p in paths]
        texts = [decode(d).text for d in data]
        repaired = [repair(t, options)[0] for t in texts]
        normal = [normalise(t)[0] for t in repaired]
        segments = [split_article(t) for t in normal]
        cleaned = [clean(s.headline, s.paragraphs) for s in segments]
        source = Source(
            {"path": "x", "format": "text", "encoding": "utf-8", "bytes": 1, "sha256": "0" * 64}
            | {"record": None, "compression": None}
        )
        from newsingest.formats.text import build_document

        documents = [build_document(t, source, options) for t in texts]
        fields = [{"headline": d.headline, "body": "\n\n".join(d.paragraphs)} for d in documents]
        reference = ReferenceDate({"value": "2024-05-01", "source": "option"})
        tokens = [[(tokenize(text), text) for text in f.values()] for f in fields]
        articles = [build_article(d) for d in documents]

        stages: list[tuple[str, list[Any], Callable[[Any], object]]] = [
            ("read (open + read)", paths, read_bytes),
            ("hash (sha256 of bytes)", data, lambda d: hashlib.sha256(d).hexdigest()),
            ("decode", data, decode),
            ("repair (mojibake, Bijoy)", texts, lambda t: repair(t, options)),
            ("normalise", repaired, normalise),
            ("split_article", normal, split_article),
            ("clean", segments, lambda s: clean(s.headline, s.paragraphs)),
            ("split_header", cleaned, lambda c: split_header(c.paragraphs, None, None)),
            ("= build_document (all above but read)", texts, lambda t: build_document(t, source, options)),
            ("dates: tokenize", fields, lambda f: [tokenize(text) for text in f.values()]),
            ("dates: grammar", tokens, lambda pair: [find_expressions(t, text) for t, text in pair]),
            ("dates: tokenize+grammar+tense", fields, lambda f: [_find(k, v) for k, v in f.items()]),
            ("= find_dates (with resolve)", fields, lambda f: find_dates(f, reference)),
            ("count_text (words, sentences)", documents, lambda d: count_text((d.headline, *d.paragraphs))),
            ("= build_article (dates, stats, model)", documents, build_article),
            ("to_json_line", articles, to_json_line),
            ("== parse --jobs 1 (runner + JSON)", [paths], lambda ps: list(Runner(plain_files).run(ps))),
        ]
        _collect_garbage_for_a_long_run()  # as the parse command does before its run
        n = len(paths)
        print(f"{n} articles, best of {args.repeat}; microseconds per article")
        for name, inputs, function in stages:
            print(f"{_best(function, inputs, args.repeat) / n * 1e6:10.1f}  {name}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
