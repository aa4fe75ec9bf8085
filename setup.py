"""Only the optional C extension; the project's metadata is in pyproject.toml.

`optional=True`: where it cannot be compiled (no compiler, no Python headers) the install
still succeeds and newsingest.dates.tokens uses its Python tokenizer, which gives the same
tokens more slowly.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("newsingest.dates._tokenize", ["src/newsingest/dates/_tokenize.c"], optional=True),
    ]
)
