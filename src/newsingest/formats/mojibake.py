"""Mojibake repair: UTF-8 Bengali that was decoded as cp1252 or latin-1 (`à¦¢à¦¾à¦•à¦¾`).

ftfy does the repair; only its encoding fix runs (`ftfy.fix_encoding`), never its quote,
width or line-break rewrites, which would change text that was right.
"""

from __future__ import annotations

import re

# UTF-8 Bengali read as cp1252/latin-1 starts each letter with "à¦" or "à§" (E0 A6 / E0 A7).
_MARK = re.compile("[\u00e0][\u00a6\u00a7]")


def repair_mojibake(text: str) -> tuple[str, bool]:
    """`text` with mojibake undone, and whether anything changed. Cheap when there is none."""
    if not _MARK.search(text):
        return text, False
    import ftfy

    fixed = ftfy.fix_encoding(text)
    return fixed, fixed != text
