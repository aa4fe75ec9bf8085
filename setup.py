"""Only the optional compiled parts; the project's metadata is in pyproject.toml.

Two kinds, both `optional=True`: where they cannot be compiled (no compiler, no Python
headers) the install still succeeds and the same Python code runs, more slowly.

- Five C extensions written by hand, each the fast path of a Python function that stays its
  specification (tokens.py, dates/__init__.py, segment.py, normalise.py and read.py choose).
- The date finder itself (COMPILED_MODULES) compiled by mypyc from its own typed Python:
  there is no second source, the .py files are the code. Set NEWSINGEST_PURE_PYTHON=1 when
  installing to skip it (an editable install then runs edits to those files at once).
"""

import os
import sys
import unicodedata
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


def nfc_active_ranges() -> list[tuple[int, int]]:
    """The code points NFC may act on, as (first, last) ranges: combining marks (NFC orders
    them), those NFC replaces, and those that compose with a character before them.

    Every other character is a starter that NFC leaves as it is wherever it stands (in
    Unicode's terms canonical combining class 0 and NFC_Quick_Check=Yes), which lets
    _normalise.c answer for text holding it. unicodedata has no quick-check property, so the
    third kind is found as the last part of every composite's decomposition (Hangul
    syllables, which unicodedata.decomposition leaves out, included).
    """
    composing = set()
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        parts = unicodedata.normalize("NFD", char)
        if len(parts) > 1 and unicodedata.normalize("NFC", char) == char:
            composing.add(parts[-1])
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.combining(char) or unicodedata.normalize("NFC", char) != char or char in composing:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return ranges


class BuildExt(build_ext):
    """Writes _normalise_nfc.h from the unicodedata of the Python being built for (each
    Python version has its own Unicode version, and its own build of the extension), and
    builds mypyc's small per-module extensions only once their shared library is built: one
    without it would fail at import where the .py would have served."""

    library_built = False

    def run(self) -> None:
        folder = Path(self.build_temp) / "generated"
        folder.mkdir(parents=True, exist_ok=True)
        rows = "\n".join(f"    {{0x{first:04X}, 0x{last:04X}}}," for first, last in nfc_active_ranges())
        (folder / "_normalise_nfc.h").write_text(
            f"/* Written by setup.py from unicodedata {unicodedata.unidata_version}: the code points\n"
            " * NFC may act on, as sorted (first, last) ranges (see nfc_active_ranges there). */\n"
            f"static const Py_UCS4 NFC_ACTIVE[][2] = {{\n{rows}\n}};\n",
            encoding="utf-8",
        )
        for extension in self.extensions:
            if extension.name == "newsingest._normalise":
                extension.include_dirs.append(str(folder))
        super().run()

    def build_extension(self, ext: Extension) -> None:
        if getattr(ext, "needs_compiled_library", False) and not self.library_built:
            self.warn(f"skipping {ext.name}: its library did not build, so its .py serves")
            return
        super().build_extension(ext)  # raises when it fails (an optional one is then skipped)
        if ext.name == COMPILED_LIBRARY + "__mypyc":
            self.library_built = True


# The date finder (grammar, resolver and the code around them: ~45% of a parse's instructions
# interpreted, ~25% compiled), the per-paragraph loops of cleaning and segmenting, and the
# pipeline that hands each article from stage to stage (compiling it saves 19K instructions
# an article, 2% of them). One path per line: the Makefile reads this list.
COMPILED_MODULES = [
    "src/newsingest/dates/__init__.py",
    "src/newsingest/dates/grammar.py",
    "src/newsingest/dates/resolve.py",
    "src/newsingest/dates/calendars.py",
    "src/newsingest/formats/clean.py",
    "src/newsingest/formats/text.py",
    "src/newsingest/formats/dateline.py",
    "src/newsingest/segment.py",
    "src/newsingest/read.py",
    "src/newsingest/formats/__init__.py",
    "src/newsingest/pipeline.py",
]


COMPILED_LIBRARY = "newsingest_compiled"  # mypyc's shared library: newsingest_compiled__mypyc.*.so


def compiled_modules() -> list[Extension]:
    """COMPILED_MODULES as mypyc extensions, type-checked as they are built."""
    if os.environ.get("NEWSINGEST_PURE_PYTHON"):
        # An editable install would still load the .so an earlier build left beside each .py.
        for module in map(Path, COMPILED_MODULES):
            for built in module.parent.glob(module.stem + ".*.so"):
                built.unlink()
        for built in Path("src").glob(COMPILED_LIBRARY + "__mypyc.*.so"):
            built.unlink()
        return []
    from mypyc.build import mypycify

    extensions = mypycify(
        ["--ignore-missing-imports", "--follow-imports=silent", *COMPILED_MODULES],
        group_name=COMPILED_LIBRARY,
    )
    for extension in extensions:
        extension.optional = True
        extension.needs_compiled_library = extension.name != COMPILED_LIBRARY + "__mypyc"
    return extensions


setup(
    cmdclass={"build_ext": BuildExt},
    ext_modules=[
        Extension("newsingest.dates._tokenize", ["src/newsingest/dates/_tokenize.c"], optional=True),
        Extension("newsingest._counts", ["src/newsingest/_counts.c"], optional=True),
        Extension("newsingest._read", ["src/newsingest/_read.c"], optional=True),
        Extension("newsingest._models", ["src/newsingest/_models.c"], optional=True),
        Extension("newsingest._write", ["src/newsingest/_write.c"], optional=True),
        Extension("newsingest.formats._scan", ["src/newsingest/formats/_scan.c"], optional=True),
        Extension("newsingest._normalise", ["src/newsingest/_normalise.c"], optional=True),
        Extension("newsingest.dates._tense", ["src/newsingest/dates/_tense.c"], optional=True),
        *compiled_modules(),
    ],
)
