"""Normalise, page furniture: running headers and footers, page numbers, markings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hmic_extract.blocks import Block
from hmic_extract.normalise.glyphs import flatten
from hmic_extract.vocabulary import (
    BROWSER_PRINT,
    PAGE_NUMBER,
    PAGE_X_OF_Y,
    PROTECTIVE_MARKINGS,
    SITE_CHROME,
    UNAMBIGUOUS_BULLETS,
)

# Lines this many from the top or bottom of a page are where running headers,
# footers and page numbers live.
_FURNITURE_BAND = 3
# Running headers and footers sit at the same height on every page, give or take
# this many points.
_SAME_PLACE = 4.0


def is_marking(text: str) -> bool:
    return bool(PROTECTIVE_MARKINGS.match(text.strip()))


def _mask_digits(text: str) -> str:
    return re.sub(r"\d+", "#", flatten(text).casefold())


def _band_position(line: Block, index: int, indices: Sequence[int]) -> tuple[str, int]:
    """Where a band line sits, to compare across pages: its height on a PDF page,
    else its place counted from the top or the bottom of the page."""
    if line.location.bbox is not None:
        return "y", round(line.location.bbox[1] / _SAME_PLACE)
    offset = indices.index(index)
    if offset < _FURNITURE_BAND:
        return "top", offset
    return "bottom", len(indices) - offset


def furniture(lines: Sequence[Block]) -> set[int]:
    """Indices of LINE blocks that are running headers, footers, page numbers or markings.

    A running header or footer repeats, digits aside, at the same place in the
    top or bottom band of most pages; a line that merely recurs (a question
    listed in the summary and asked again in the findings) does not.
    """
    by_sheet: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_sheet.setdefault(line.sheet, []).append(index)
    drop: set[int] = set()
    seen_on: dict[tuple[str, str, int], set[int]] = {}
    bands: dict[int, list[tuple[int, tuple[str, str, int]]]] = {}
    for sheet, indices in by_sheet.items():
        band = sorted(set(indices[:_FURNITURE_BAND] + indices[-_FURNITURE_BAND:]))
        keyed = [
            (i, (_mask_digits(lines[i].text), *_band_position(lines[i], i, indices))) for i in band
        ]
        bands[sheet] = keyed
        for _, key in keyed:
            seen_on.setdefault(key, set()).add(sheet)
    sheets = len(by_sheet)
    for keyed in bands.values():
        for i, key in keyed:
            text = lines[i].text.strip()
            pages = len(seen_on[key])
            repeated = sheets >= 2 and pages >= max(2, (sheets + 1) // 2)
            # A list's bullet printed apart from its item (pdftotext's reading order)
            # often opens a page; it is content however often that happens.
            bullets = all(c in UNAMBIGUOUS_BULLETS or c.isspace() for c in text)
            printed = BROWSER_PRINT.match(text)  # a browser's date, address, counter
            if PAGE_NUMBER.match(text) or printed or (repeated and not bullets):
                drop.add(i)
    drop.update(
        i
        for i, line in enumerate(lines)
        if is_marking(line.text) or PAGE_X_OF_Y.match(line.text.strip())
    )
    return drop


# A website's furniture sits in the first and last lines of a saved page: runs of
# short lines (a site's name, a menu among them) that hold chrome, and chrome lines
# on their own ("Category: News") before the body's prose.
_CHROME_WINDOW = 25
_CHROME_LINE_MAX_WORDS = 30


def site_chrome(texts: Sequence[str], gaps: Sequence[bool]) -> set[int]:
    """Indices of a web page's furniture at the top and the bottom. ``gaps[i]`` says a
    blank line stands before ``texts[i]``: lines run together form one run, and a run
    that holds chrome (cookie banner, skip link, menu, breadcrumbs) is dropped whole;
    after the first run without chrome, only chrome lines themselves are."""

    def chrome(index: int) -> bool:
        return bool(SITE_CHROME.match(" ".join(texts[index].split())))

    def short(index: int) -> bool:
        return len(texts[index].split()) <= _CHROME_LINE_MAX_WORDS

    def runs(indices: Sequence[int]) -> list[list[int]]:
        out: list[list[int]] = []
        for index in indices:
            if not out or gaps[index]:
                out.append([index])
            else:
                out[-1].append(index)
        return out

    drop: set[int] = set()
    window = min(len(texts), _CHROME_WINDOW)
    head = runs(range(window))
    for number, run in enumerate(head):
        if any(chrome(i) for i in run) and all(short(i) for i in run):
            drop.update(run)
            continue
        drop.update(i for later in head[number:] for i in later if chrome(i))
        break
    tail_start = max(window, len(texts) - _CHROME_WINDOW)
    tail = runs(range(tail_start, len(texts)))
    for number, run in enumerate(reversed(tail)):
        if any(chrome(i) for i in run) and all(short(i) for i in run):
            drop.update(run)
            continue
        drop.update(i for later in tail[: len(tail) - number] for i in later if chrome(i))
        break
    return drop
