"""Quoted statements: who said what, in the force's and the PCC's responses."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hmic_extract.vocabulary import NAME, ROLES

_ROLE = "|".join(re.escape(role) for role in ROLES)
# "Chief Constable Iain Spittal", "Police and Crime Commissioner Julia O’Hare":
# a role then a name, the name not followed by another capitalised word.
SPEAKER = re.compile(rf"\b(?P<role>{_ROLE})\s+(?P<name>{NAME})(?![\w’'])")
_OPEN = "“"
_CLOSE = "”"
_STRAIGHT = '"'


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str
    role: str
    text: str


def _quote_start(paragraph: str, after: int = 0) -> int | None:
    for mark in (_OPEN, _STRAIGHT):
        position = paragraph.find(mark, after)
        if position >= 0:
            return position
    return None


def _closes(paragraph: str, start: int) -> int | None:
    """Where the quote opened at ``start`` closes in this paragraph, if it does."""
    closing = paragraph.find(_CLOSE, start + 1)
    if closing < 0:
        closing = paragraph.find(_STRAIGHT, start + 1)
    return None if closing < 0 else closing


def _starts_quote(paragraph: str) -> bool:
    return paragraph.lstrip().startswith((_OPEN, _STRAIGHT))


def read_statements(paragraphs: Sequence[str]) -> list[Quote]:
    """Statements in a response section: a named speaker followed by quoted words.

    A quotation may run over several paragraphs (each reopening with “), and
    the quote may begin in a later paragraph ("… has praised … He said: “…").
    """
    quotes: list[Quote] = []
    index = 0
    while index < len(paragraphs):
        speaker = SPEAKER.search(paragraphs[index])
        if speaker is None:
            index += 1
            continue
        found = None
        for offset in range(2):
            candidate = index + offset
            if candidate >= len(paragraphs):
                break
            if offset and SPEAKER.search(paragraphs[candidate]):
                break
            start = _quote_start(paragraphs[candidate], speaker.end() if offset == 0 else 0)
            if start is not None:
                found = (candidate, start)
                break
        if found is None:
            index += 1
            continue
        candidate, start = found
        parts: list[str] = []
        paragraph, position = paragraphs[candidate], start
        while True:
            closing = _closes(paragraph, position)
            if closing is None:
                parts.append(paragraph[position + 1 :].strip())
            else:
                parts.append(paragraph[position + 1 : closing].strip())
            candidate += 1
            if candidate >= len(paragraphs):
                break
            if closing is not None and not _starts_quote(paragraphs[candidate]):
                break
            paragraph = paragraphs[candidate]
            leading = len(paragraph) - len(paragraph.lstrip())
            position = leading if _starts_quote(paragraph) else -1
        quotes.append(
            Quote(
                " ".join(speaker["name"].split()),
                speaker["role"],
                "\n\n".join(p for p in parts if p),
            )
        )
        index = candidate
    return quotes


def find_named(text: str, roles: frozenset[str]) -> str | None:
    """The first name printed after one of ``roles`` anywhere in ``text``."""
    for match in SPEAKER.finditer(" ".join(text.split())):
        if match["role"] in roles:
            return match["name"]
    return None
