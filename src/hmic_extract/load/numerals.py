"""Loaders' list numbering: the roman numerals of "iv)" markers, for Word and HTML lists."""

from __future__ import annotations

# As far as a list runs: a hundred items is already a long one.
_ROMAN: tuple[tuple[int, str], ...] = (
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(number: int) -> str:
    """``number`` in lower-case roman numerals ("iv")."""
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out
