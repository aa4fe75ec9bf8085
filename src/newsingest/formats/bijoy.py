"""Legacy Bijoy (SutonnyMJ) ASCII-encoded Bengali: detection and conversion to Unicode."""

from __future__ import annotations


def looks_like_bijoy(text: str) -> bool:
    return False


def convert_bijoy(text: str) -> str:
    return text
