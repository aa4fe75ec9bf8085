"""newsingest: Bengali news articles in, clean JSON Lines records out.

The library API (the `newsingest` command is a thin layer over it):

    >>> import newsingest
    >>> article = newsingest.parse_text("শিরোনাম\\n১৯৪৮ সালের ১২ অক্টোবর সম্পর্ক স্থাপিত হয়।")
    >>> article.dates[0].value
    '1948-10-12'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "InputError", "__version__", "parse_bytes", "parse_paths", "parse_text"]

if TYPE_CHECKING:
    from .errors import InputError
    from .models import Article
    from .pipeline import parse_bytes, parse_paths, parse_text

# Imported on first use, so `newsingest --help` does not pay for pydantic and the date tables.
_LAZY = {
    "Article": "models",
    "InputError": "errors",
    "parse_bytes": "pipeline",
    "parse_paths": "pipeline",
    "parse_text": "pipeline",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'newsingest' has no attribute {name!r}")
