"""Only the optional C extensions; the project's metadata is in pyproject.toml.

`optional=True`: where it cannot be compiled (no compiler, no Python headers) the install
still succeeds and tokens.py, dates/__init__.py, segment.py and normalise.py use their Python
code, which gives the same results more slowly.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("newsingest.dates._tokenize", ["src/newsingest/dates/_tokenize.c"], optional=True),
        Extension("newsingest._counts", ["src/newsingest/_counts.c"], optional=True),
        Extension("newsingest._normalise", ["src/newsingest/_normalise.c"], optional=True),
        Extension("newsingest.dates._tense", ["src/newsingest/dates/_tense.c"], optional=True),
    ]
)
