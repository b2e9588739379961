"""Normalise, glyphs: character-level cleanup and list markers.

Ligatures, invisible characters, odd spaces and every box glyph are fixed in
one pass; a list marker (bullet glyph or enumerator) is told from text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from hmic_extract.vocabulary import (
    BULLET_GLYPHS,
    CHECKBOX_GLYPHS,
    CHECKED,
    ENUMERATOR,
    LIGATURES,
    TYPED_BOX,
    UNAMBIGUOUS_BULLETS,
    UNCHECKED,
)

# A line or paragraph ending a sentence (a question, a statement, a quotation).
TERMINAL = re.compile(r"[.!?:”\"’]\s*$")
_DASH_BULLET = re.compile(r"^[-–—](?=[A-Z][a-z])")  # "-The force" (no space after the dash)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2007\u2009\u202f"), " ")


# One translation table for every single-character fix: invisible characters
# out, odd spaces to spaces, ligatures to letters, box glyphs to ☒/☐.
_GLYPH_FIXES: dict[int, str | None] = {
    **_INVISIBLE,
    **_SPACES,
    **{ord(ligature): letters for ligature, letters in LIGATURES.items()},
    **{ord(g): c for g, c in CHECKBOX_GLYPHS.items() if g not in (CHECKED, UNCHECKED)},
}
_GLYPHS = str.maketrans(_GLYPH_FIXES)
_FIXABLE = re.compile("[" + re.escape("".join(map(chr, _GLYPH_FIXES))) + "]")


# Emoji: a digit's keycap ("1️⃣": the digit, a variation selector, the enclosing
# keycap), and pictographs (U+1F000 on, stars, the variation selectors that dress them).
_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")
_PICTOGRAPH = re.compile("[\U0001f000-\U0001faff\u2b50\u2b55\ufe0f\u20e3]")
# … removed with the space before them, or after them at a line's start
_PICTOGRAPH_RUN = re.compile(
    "^[\U0001f000-\U0001faff\u2b50\u2b55\ufe0f]+ ?| ?[\U0001f000-\U0001faff\u2b50\u2b55\ufe0f]+",
    re.M,
)


def clean_text(text: str) -> str:
    """Glyph-level cleanup: ligatures, invisible characters, odd spaces, box glyphs."""
    if not text.isascii():
        if _FIXABLE.search(text):  # searching is far cheaper than translating
            text = text.translate(_GLYPHS)
        if _PICTOGRAPH.search(text):
            # "1️⃣ How effective …?" numbers a question as "1." does; "📋 Report at a
            # glance" heads its section with a picture, not a word
            text = _KEYCAP.sub(r"\1.", text.replace("\U0001f51f", "10."))  # 🔟
            text = _PICTOGRAPH_RUN.sub("", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    if "[" in text:
        text = TYPED_BOX.sub(lambda m: CHECKED if m.group(1) else UNCHECKED, text)
    return text


def flatten(text: str) -> str:
    """Whitespace collapsed to single spaces: how a paragraph's text is recorded."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Marker:
    """A list marker found at the start of a line, and the text after it."""

    marker: str
    rest: str
    family: str  # what kind of marker: the glyph itself, or "number" / "letter"


def split_marker(text: str) -> Marker | None:
    """The list marker starting ``text``, if any, and the text after it."""
    stripped = text.lstrip()
    if not stripped:
        return None
    first = stripped[0]
    if first in BULLET_GLYPHS:
        rest = stripped[1:]
        if rest[:1].isspace() and rest.strip():
            return Marker(first, rest.strip(), first)
        if first in UNAMBIGUOUS_BULLETS and rest.strip():
            return Marker(first, rest.strip(), first)
        if _DASH_BULLET.match(stripped):
            return Marker(first, rest.strip(), first)
        return None
    match = ENUMERATOR.match(stripped)
    if match:
        marker = match["marker"]
        core = marker.strip("().")
        family = "number" if core.replace(".", "").isdigit() else "letter"
        return Marker(marker, stripped[match.end() :].strip(), family)
    return None
