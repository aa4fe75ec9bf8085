"""CPU instructions per article of one pipeline stage, counted by valgrind's callgrind.

    python benchmarks/instructions.py full          # parse_paths + JSON, 100 articles
    python benchmarks/instructions.py dates -n 200  # find_dates alone

Wall-clock figures on a shared two-core machine move by half from one run to the next;
an instruction count does not. Each stage runs twice under callgrind on the same articles
of bench.py's corpus, once only preparing its inputs and once also running the stage; the
difference divided by N is the stage's cost per article. Use it to compare two versions
of the code (a change is real when the count moves), and bench.py for the rates.
Needs valgrind (Debian: apt install valgrind); a run takes about a minute.
"""

from __future__ import annotations

import argparse
import gc
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

STAGES = ("full", "read", "document", "normalise", "dates", "tokenize", "grammar", "article", "json")


def _stage(name: str, folder: Path, count: int) -> Callable[[], Any]:
    """Prepare the inputs of stage `name` and return a function that runs it once over them."""
    from newsingest.dates import find_dates
    from newsingest.dates.grammar import find_expressions
    from newsingest.dates.tokens import tokenize
    from newsingest.formats import Options
    from newsingest.formats.text import build_document
    from newsingest.normalise import normalise
    from newsingest.pipeline import build_article, plain_files
    from newsingest.plain import Source
    from newsingest.read import decode, read_bytes, walk
    from newsingest.write import to_json_line

    paths = sorted(walk([str(folder)]))[:count]
    if name == "full":
        return lambda: list(map(to_json_line, plain_files(paths)))
    if name == "read":
        return lambda: [decode(read_bytes(path)) for path in paths]
    texts = [decode(read_bytes(path)).text for path in paths]
    source = Source(
        {"path": "x", "format": "text", "encoding": "utf-8", "bytes": 1, "sha256": "0" * 64}
        | {"record": None, "compression": None}
    )
    if name == "document":
        return lambda: [build_document(text, source, Options()) for text in texts]
    if name == "normalise":
        return lambda: list(map(normalise, texts))
    documents = [build_document(text, source, Options()) for text in texts]
    if name == "article":
        return lambda: list(map(build_article, documents))
    if name == "json":
        articles = list(map(build_article, documents))
        return lambda: list(map(to_json_line, articles))
    fields = [{"headline": d.headline, "body": "\n\n".join(d.paragraphs)} for d in documents]
    if name == "dates":
        return lambda: [find_dates(f, None) for f in fields]
    if name == "tokenize":
        return lambda: [tokenize(text) for f in fields for text in f.values()]
    texts = [text for f in fields for text in f.values()]
    tokens = list(map(tokenize, texts))
    return lambda: list(map(find_expressions, tokens, texts))


def _count(args: list[str]) -> int:
    """Instructions callgrind counts for this script run with `args`."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    finished = subprocess.run(
        [*command, sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    refs = re.search(r"refs:\s*([\d,]+)", finished.stderr)
    if refs is None:
        sys.exit(f"instructions.py: no count in valgrind's output:\n{finished.stderr[-2000:]}")
    return int(refs[1].replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stage", choices=STAGES)
    parser.add_argument("-n", type=int, default=100, help="articles (default 100)")
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)  # set for the child runs
    parser.add_argument("--run", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.corpus is not None:  # a child under valgrind: prepare, and run the stage if asked
        # The collector as `newsingest parse` sets it (cli._collect_garbage_for_a_long_run):
        # off while importing, then the imports' objects frozen out of its sight. With the
        # default thresholds it walks them over and over, and a stage that makes many
        # objects (the tokenizer) counted twice what it costs in the command.
        gc.disable()
        run = _stage(args.stage, args.corpus, args.n)
        gc.freeze()
        gc.set_threshold(10_000, 10, 10)
        gc.enable()
        if args.run:
            run()
        return

    from bench import build_corpus

    with tempfile.TemporaryDirectory(prefix="newsingest-instructions-") as folder:
        build_corpus(Path(folder), args.n)
        child = [args.stage, "-n", str(args.n), "--corpus", folder]
        prepared, ran = _count(child), _count([*child, "--run"])
    print(f"{args.stage}: {(ran - prepared) / args.n:,.0f} instructions per article ({args.n} articles)")


if __name__ == "__main__":
    main()
