"""The modules mypyc compiled (setup.py's COMPILED_MODULES) against their own source.

Compiled, a type annotation is enforced: one that lies (an int passed where `float` is
declared) converts a value or raises, in the compiled build only. So the same articles
(synthetic news, every test_dates sentence, date words in random order) are parsed twice,
once by the installed build and once, in a subprocess, by the .py files alone.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks.bench import build_corpus

from .conftest import REPO
from .test_dates import _SALAD, ALL_CASES

PACKAGE = REPO / "src" / "newsingest"


def source_of(so: Path) -> Path:
    return so.with_name(so.name.split(".")[0] + ".py")


def compiled_twins(package: Path) -> list[Path]:
    """The extension modules built from a .py file beside them (the C ones have a .c)."""
    return [so for so in package.rglob("*.so") if source_of(so).exists()]


def test_each_compiled_module_is_newer_than_its_source() -> None:
    """An editable install runs the .so, not an edited .py: a stale build tests old code."""
    stale = [so.name for so in compiled_twins(PACKAGE) if so.stat().st_mtime < source_of(so).stat().st_mtime]
    assert not stale, f"rebuild with `make test` (or pip install -e .): {stale} older than their .py"


def parse(folder: Path, pythonpath: str | None, *options: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    command = [sys.executable, "-m", "newsingest", "parse", "--jobs", "1", *options, str(folder)]
    finished = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    assert "failed" not in finished.stderr, finished.stderr
    return finished.stdout


@pytest.mark.parametrize("options", [(), ("--reference-date", "2024-02-29")])
def test_compiled_build_gives_what_its_source_gives(tmp_path: Path, options: tuple[str, ...]) -> None:
    twins = compiled_twins(PACKAGE)
    if not twins:
        pytest.skip("built without mypyc (NEWSINGEST_PURE_PYTHON or no compiler): nothing to compare")
    interpreted = tmp_path / "interpreted"
    shutil.copytree(PACKAGE, interpreted / "newsingest", ignore=shutil.ignore_patterns("*.so"))
    for so in PACKAGE.rglob("*.so"):  # the hand-written C extensions stay; the compiled twins go
        if so not in twins:
            shutil.copy(so, interpreted / "newsingest" / so.relative_to(PACKAGE))
    where = subprocess.run(
        [sys.executable, "-c", "import newsingest.dates.grammar as g; print(g.__file__)"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(interpreted)}, check=True,
    )
    assert where.stdout.strip() == str(interpreted / "newsingest" / "dates" / "grammar.py")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    build_corpus(corpus, 300, seed=7)
    for number, case in enumerate(ALL_CASES):  # every sentence test_dates.py reads, as an article
        body = case.values[0] if hasattr(case, "values") else case[0]
        (corpus / f"case-{number:04}.txt").write_text(f"শিরোনাম\n{body}\n", encoding="utf-8")
    words, rng = _SALAD.split(" "), random.Random(11)  # and date words in random order
    for number in range(500):
        salad = " ".join(rng.choices(words, k=rng.randint(1, 30)))
        (corpus / f"salad-{number:04}.txt").write_text(f"শিরোনাম\n{salad}\n", encoding="utf-8")
    compiled_output = parse(corpus, None, *options)
    assert compiled_output.count("\n") == 300 + len(ALL_CASES) + 500
    assert parse(corpus, str(interpreted), *options) == compiled_output
