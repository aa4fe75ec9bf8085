"""How real-world inputs are read: the choices `newsingest parse` exposes as options."""

from __future__ import annotations

from dataclasses import dataclass, field

# Format names `--format` accepts; "auto" detects from the extension, then the content.
FORMATS: tuple[str, ...] = ("auto", "text", "jsonl", "json", "csv", "html")
# Article fields a record key can be mapped to with `--field NAME=KEY`.
FIELDS: tuple[str, ...] = ("headline", "body", "published", "url", "author", "category", "tags")
# Default cap on a compressed input's decompressed size: 256 MiB.
MAX_DECOMPRESSED = 256 * 1024 * 1024


@dataclass(frozen=True)
class Options:
    """Reading options. The defaults are what `newsingest parse` does without options."""

    format: str = "auto"
    fields: dict[str, str] = field(default_factory=dict)
    clean: bool = True
    bijoy: bool = False
    max_decompressed: int = MAX_DECOMPRESSED
