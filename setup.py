"""Only the optional C extensions; the project's metadata is in pyproject.toml.

`optional=True`: where it cannot be compiled (no compiler, no Python headers) the install
still succeeds and tokens.py, dates/__init__.py, segment.py and normalise.py use their Python
code, which gives the same results more slowly.
"""

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
    Python version has its own Unicode version, and its own build of the extension)."""

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


setup(
    cmdclass={"build_ext": BuildExt},
    ext_modules=[
        Extension("newsingest.dates._tokenize", ["src/newsingest/dates/_tokenize.c"], optional=True),
        Extension("newsingest._counts", ["src/newsingest/_counts.c"], optional=True),
        Extension("newsingest._normalise", ["src/newsingest/_normalise.c"], optional=True),
        Extension("newsingest.dates._tense", ["src/newsingest/dates/_tense.c"], optional=True),
    ],
)
