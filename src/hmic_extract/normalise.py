"""Stage 2, normalise: clean glyphs, drop page furniture, rebuild paragraphs and lists.

Loaders of line-based formats (text, PDF) emit one LINE block per physical
line; this stage groups them into headings, paragraphs and list items using
indentation, spacing and markers, so every later stage sees the same kinds of
blocks whatever the input format was. Normalising twice changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from hmic_extract.blocks import Block, BlockKind
from hmic_extract.vocabulary import (
    AREA_GRADE,
    BULLET_GLYPHS,
    CHECKBOX_GLYPHS,
    CHECKED,
    ENUMERATOR,
    GROUP_LABEL_MAX_WORDS,
    ITEM_GROUP_LABELS,
    ITEM_TABLE_HEADER,
    LIGATURES,
    PAGE_NUMBER,
    PROTECTIVE_MARKINGS,
    QUESTION_LABEL,
    SALUTATION,
    SECTION_HEADINGS,
    TYPED_BOX,
    UNAMBIGUOUS_BULLETS,
    UNCHECKED,
    VALEDICTION,
    heading_key,
    section_kind,
)

# Lines this many from the top or bottom of a page are where running headers,
# footers and page numbers live.
_FURNITURE_BAND = 3
# Running headers and footers sit at the same height on every page, give or take
# this many points.
_SAME_PLACE = 4.0
# A headline is at most this many words; longer lines are prose.
_HEADING_MAX_WORDS = 12
# A line this short that names a section in other words is its heading.
_KEYWORD_HEADING_WORDS = 5
# A font this much larger than the body text makes a line a heading.
_HEADING_SIZE = 1.15
# A line ending this far short of the column's right edge (as a fraction of the
# column width) ends its paragraph when it also ends a sentence.
_SHORT_LINE = 0.85
# Extra space above a PDF line, in line heights, that makes it start a paragraph.
_PARAGRAPH_EXTRA = 0.2
# Word prefixes that keep their hyphen when split across a line ("re-offending").
_HYPHEN_PREFIXES = frozenset(
    (
        "re co non pre anti self well cross multi inter sub post over under ex semi "
        "counter long short high low part full cyber child"
    ).split()
)
# Two or more spaces inside a line: columns of a form row ("Title of Inspection   PEEL …").
# Such a row is a block of its own; its neighbours are other rows, not its continuation.
_COLUMN_GAP = re.compile(r"\S\s{2,}\S")
# A line of nothing but bullet glyphs: pdftotext's reading order can print a
# list's bullets apart from, and before, the items they mark.
_LONE_BULLETS = re.compile(
    r"^[•●▪◦\uf0b7\uf0a7\uf076\uf0d8](?:\s+[•●▪◦\uf0b7\uf0a7\uf076\uf0d8])*$"
)
_UNDERLINE = re.compile(r"^[=\-~_*]{3,}$")
_QUESTION_END = re.compile(r"\?[”\"’]?\s*$")
_TERMINAL = re.compile(r"[.!?:”\"’]\s*$")
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


def clean_text(text: str) -> str:
    """Glyph-level cleanup: ligatures, invisible characters, odd spaces, box glyphs."""
    if not text.isascii():
        text = text.translate(_GLYPHS)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    if "[" in text:
        text = TYPED_BOX.sub(lambda m: CHECKED if m.group(1) else UNCHECKED, text)
    return text


def flatten(text: str) -> str:
    """Whitespace collapsed to single spaces: how a paragraph's text is recorded."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class _Marker:
    marker: str
    rest: str
    family: str  # what kind of marker: the glyph itself, or "number" / "letter"


def split_marker(text: str) -> _Marker | None:
    """The list marker starting ``text``, if any, and the text after it."""
    stripped = text.lstrip()
    if not stripped:
        return None
    first = stripped[0]
    if first in BULLET_GLYPHS:
        rest = stripped[1:]
        if rest[:1].isspace() and rest.strip():
            return _Marker(first, rest.strip(), first)
        if first in UNAMBIGUOUS_BULLETS and rest.strip():
            return _Marker(first, rest.strip(), first)
        if _DASH_BULLET.match(stripped):
            return _Marker(first, rest.strip(), first)
        return None
    match = ENUMERATOR.match(stripped)
    if match:
        marker = match["marker"]
        core = marker.strip("().")
        family = "number" if core.isdigit() else "letter"
        return _Marker(marker, stripped[match.end() :].strip(), family)
    return None


def _is_marking(text: str) -> bool:
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


def _furniture(lines: Sequence[Block]) -> set[int]:
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
            heading = heading_key(text) in SECTION_HEADINGS  # a heading may open two pages
            if PAGE_NUMBER.match(text) or (repeated and not heading):
                drop.add(i)
    drop.update(i for i, line in enumerate(lines) if _is_marking(line.text))
    return drop


def _is_heading_line(line: Block, next_line: Block | None) -> int | None:
    """The heading level a line shows (1 strong, 0 weak), or None for body text."""
    text = line.text.strip()
    words = text.split()
    if not words or len(words) > _HEADING_MAX_WORDS:
        return None
    if heading_key(text) in SECTION_HEADINGS:
        return 1  # numbering allowed: "3. FINDINGS"
    if (
        len(words) <= _KEYWORD_HEADING_WORDS
        and not text.endswith((".", ",", ";", ":"))
        and not _COLUMN_GAP.search(text)
        and all(w[:1].isupper() for w in words if len(w) >= 4)
        and section_kind(text) is not None
    ):
        return (
            1  # a short title-case line naming a section in other words: "Annex: Recommendations"
        )
    if split_marker(text):
        return None
    if next_line is not None and _UNDERLINE.match(next_line.text.strip()):
        return 1
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters) and not _CHECKBOXES.search(text):
        return 1
    if line.style.size >= _HEADING_SIZE:
        return 1
    if line.style.bold and not text.endswith((".", ",", ";")):
        return 0
    return None


_CHECKBOXES = re.compile(f"[{CHECKED}{UNCHECKED}]")


def _vocabulary(lines: Sequence[Block]) -> set[str]:
    """Words the document prints whole: fragments around a line-end hyphen left out."""
    words: set[str] = set()
    after_hyphen = False
    for line in lines:
        text = line.text.strip()
        found = re.findall(r"[A-Za-z]+", re.sub(r"\w+-$", "", text))
        words.update(w.casefold() for w in (found[1:] if after_hyphen else found))
        after_hyphen = text.endswith("-")
    return words


class _LazyVocabulary:
    """The document's whole words, collected only when a hyphenated break needs them."""

    def __init__(self, lines: Sequence[Block]) -> None:
        self.lines = lines
        self.words: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self.words is None:
            self.words = _vocabulary(self.lines)
        return word in self.words


def _join_lines(first: str, second: str, vocabulary: _LazyVocabulary) -> str:
    """Two lines of one paragraph, a hyphenated word split across them rejoined."""
    match = re.search(r"(\w+)-$", first)
    if match and second[:1].islower():
        left = match.group(1).casefold()
        right = re.match(r"[\w’']+", second)
        right_word = right.group(0).casefold() if right else ""
        keep = left in _HYPHEN_PREFIXES or (
            len(left) > 2 and left in vocabulary and right_word in vocabulary
        )
        return first + second if keep else first[:-1] + second
    if match and second[:1].isupper():
        return first + second  # a capitalised compound broken at its hyphen: "DYFED-" "POWYS"
    return f"{first} {second}"


@dataclass
class _Open:
    """A block being assembled from lines."""

    kind: BlockKind
    text: str
    first: Block
    last: Block
    marker: str = ""
    family: str = ""
    level: int = 0
    text_indent: float = 0.0  # where the text after the marker starts
    columns: tuple[float, ...] = ()  # a form row: where its value columns start


def _column_right(lines: Sequence[Block]) -> dict[int, float]:
    """The right edge of the text column on each sheet (a high percentile of line ends)."""
    rights: dict[int, list[float]] = {}
    for line in lines:
        rights.setdefault(line.sheet, []).append(line.right)
    everything = sorted(r for values in rights.values() for r in values)
    overall = everything[int(len(everything) * 0.9)] if everything else 0.0
    return {
        sheet: max(overall, sorted(values)[int(len(values) * 0.9)])
        for sheet, values in rights.items()
    }


def _paragraph_gap(lines: Sequence[Block]) -> float:
    """The space above a PDF line (in line heights) that starts a new paragraph.

    The commonest gap is the line spacing within paragraphs; anything clearly
    larger (by a fifth of a line) is paragraph spacing.
    """
    gaps = Counter(
        round(line.gap_before * 20) / 20
        for line in lines
        if line.location.bbox is not None and line.gap_before > 0
    )
    if not gaps:
        return 0.5
    spacing = min(gaps.most_common(3), key=lambda pair: pair[0])[0]
    return spacing + _PARAGRAPH_EXTRA


def _unit(lines: Sequence[Block]) -> float:
    """How far apart two indents must be to differ: a character, or ~3 points in a PDF."""
    return 3.0 if any(line.location.bbox for line in lines) else 1.0


def _chunks(line: Block) -> list[tuple[float, str]]:
    """A text line's pieces between column gaps, each with the column it starts at."""
    return [
        (line.indent + match.start(), match.group(0))
        for match in re.finditer(r"\S+(?: \S+)*", line.text)
    ]


def _text_tables(lines: Sequence[Block]) -> list[Block]:
    """Item tables laid out in plain text (columns of spaces) read as table rows.

    The header row ("Recommendation   Response   Owner") gives the columns; each
    later line's pieces go to the column they start in; a row ends where its
    first cell ends a sentence and the next line starts the first cell again.
    """
    out: list[Block] = []
    index = 0
    while index < len(lines):
        header = lines[index]
        if (
            header.kind is not BlockKind.LINE
            or header.location.bbox is not None
            or not ITEM_TABLE_HEADER.match(header.text)
        ):
            out.append(header)
            index += 1
            continue
        starts = [start for start, _ in _chunks(header)]
        out.append(_table_row(header, [text for _, text in _chunks(header)], header))
        rows: list[tuple[Block, Block, list[list[str]]]] = []
        index += 1
        while index < len(lines):
            line = lines[index]
            if (
                line.kind is not BlockKind.LINE
                or line.gap_before >= 1
                or line.sheet != header.sheet
            ):
                break
            cells: list[list[str]] = [[] for _ in starts]
            for start, text in _chunks(line):
                column = max((i for i, s in enumerate(starts) if s <= start + 1), default=0)
                cells[column].append(text)
            first_ended = bool(rows) and bool(_TERMINAL.search(" ".join(rows[-1][2][0])))
            if not rows or (cells[0] and first_ended):
                rows.append((line, line, cells))
            else:
                first, _, row = rows[-1]
                for column, parts in enumerate(cells):
                    row[column].extend(parts)
                rows[-1] = (first, line, row)
            index += 1
        out.extend(
            _table_row(first, [" ".join(parts) for parts in row], last) for first, last, row in rows
        )
    return out


def _table_row(first: Block, cells: list[str], last: Block) -> Block:
    return Block(
        BlockKind.TABLE_ROW,
        "\n".join(cell for cell in cells if cell),
        first.location.span(last.location),
        cells=tuple(cells),
    )


def _group_lines(lines: Sequence[Block]) -> list[Block]:
    """Headings, paragraphs and list items rebuilt from physical lines.

    Blocks other than LINE (table rows read by a loader) pass through in place.
    """
    lines = _text_tables(lines)
    physical = [line for line in lines if line.kind is BlockKind.LINE]
    vocabulary = _LazyVocabulary(physical)
    right_edge = _column_right(physical)
    left_edge = min((line.indent for line in physical), default=0.0)
    unit = _unit(physical)
    para_gap = _paragraph_gap(physical)
    out: list[Block] = []
    current: _Open | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            out.append(
                Block(
                    current.kind,
                    current.text,
                    current.first.location.span(current.last.location),
                    marker=current.marker,
                    level=current.level,
                    style=current.first.style,
                    indent=current.first.indent,
                )
            )
        current = None

    skip_next = False
    detached_bullets = 0
    for index, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        if line.kind is not BlockKind.LINE:
            close()
            out.append(line)
            continue
        next_line = lines[index + 1] if index + 1 < len(lines) else None
        text = line.text.strip()
        level = _is_heading_line(line, next_line)
        marker = split_marker(text)
        blank_above = line.gap_before >= (1 if line.location.bbox is None else para_gap)
        if current is not None and current.last.sheet != line.sheet:
            blank_above = (
                False  # space above a page's first line is the page break, not a paragraph break
            )
        if level is not None:
            detached_bullets = 0
            underlined = next_line is not None and _UNDERLINE.match(next_line.text.strip())
            merge = (
                current is not None
                and current.kind is BlockKind.HEADING
                and not blank_above
                and current.level == level
                and section_kind(current.text) is None
                and section_kind(text) is None
                and not _is_label(current.text)
                and not _is_label(text)
                and current.first.style.bold == line.style.bold
            )
            if merge and current is not None:
                current.text = _join_lines(current.text, text, vocabulary)
                current.last = line
            else:
                close()
                current = _Open(BlockKind.HEADING, text, line, line, level=level)
            if underlined:
                skip_next = True
                close()
            continue
        if _UNDERLINE.match(text):
            continue
        if _LONE_BULLETS.match(text):
            detached_bullets += len(text.split())  # bullets whose items come after them
            continue
        if marker is not None:
            detached_bullets = 0
            close()
            text_indent = line.indent + (len(line.text) - len(marker.rest) if unit == 1.0 else 0.0)
            current = _Open(
                BlockKind.LIST_ITEM,
                marker.rest,
                line,
                line,
                marker=marker.marker,
                family=marker.family,
                text_indent=text_indent,
            )
            continue
        if _is_label(text):
            close()
            out.append(
                Block(
                    BlockKind.PARAGRAPH, text, line.location, style=line.style, indent=line.indent
                )
            )
            continue
        if _COLUMN_GAP.search(text):
            close()
            current = _Open(BlockKind.PARAGRAPH, text, line, line, columns=line.columns[1:])
            continue
        if current is not None and current.columns and not blank_above:
            if any(abs(line.indent - column) <= unit for column in current.columns):
                current.text = f"{current.text} {text}"  # the form row's value goes on
                current.last = line
                continue
            close()
        if current is not None and not blank_above and _continues(current, line, right_edge, unit):
            current.text = _join_lines(current.text, text, vocabulary)
            current.last = line
            continue
        close()
        if detached_bullets and not _is_label(text):
            # pdftotext's reading order puts a list's bullets before its items.
            detached_bullets -= 1
            current = _Open(
                BlockKind.LIST_ITEM,
                text,
                line,
                line,
                marker="•",
                family="•",
                text_indent=line.indent,
            )
            continue
        current = _Open(BlockKind.PARAGRAPH, text, line, line, text_indent=line.indent)
    close()
    return _list_depths(out, unit, left_edge)


def _is_label(text: str) -> bool:
    """Whether a line is an in-section label that must stand alone as a block.

    Group labels ("Areas for improvement"), area grades ("Grade: Good") and
    question labels ("Core question 2") head what follows; joined to a
    neighbouring line they would hide the structure the extractor reads.
    """
    text = text.strip()
    if AREA_GRADE.match(text) or QUESTION_LABEL.match(text):
        return True
    if SALUTATION.match(text) or VALEDICTION.match(text):
        return True  # a letter's "Dear …," and "Yours sincerely," stand alone
    words = text.strip("*_: ").split()
    return len(words) <= GROUP_LABEL_MAX_WORDS and any(
        pattern.match(text) for pattern, _ in ITEM_GROUP_LABELS
    )


def _continues(current: _Open, line: Block, right_edge: dict[int, float], unit: float) -> bool:
    """Whether ``line`` carries on the block being assembled."""
    if current.kind is BlockKind.HEADING:
        return False
    previous = current.last
    column = right_edge.get(previous.sheet, previous.right) or 1.0
    previous_full = previous.right >= column * _SHORT_LINE
    ended = bool(_TERMINAL.search(previous.text)) and not previous_full
    if current.kind is BlockKind.LIST_ITEM:
        if line.indent > current.first.indent + unit:
            return True
        # Back at the marker's indent, a line goes on with the item unless the
        # item ended (a short line, or a question) and a new sentence starts.
        sentence_over = (
            bool(_QUESTION_END.search(previous.text)) and line.text.lstrip()[:1].isupper()
        )
        return not (ended or sentence_over) and abs(line.indent - current.first.indent) <= unit
    if ended:
        return False
    return abs(line.indent - current.first.indent) <= unit * 4 or line.indent >= current.text_indent


def _ordinal(marker: str) -> int | None:
    """The position an enumerator gives: "3." is 3, "(c)" is 3; None for bullets."""
    core = marker.strip("().")
    if core.isdigit():
        return int(core)
    if len(core) == 1 and core.isalpha():
        return ord(core.lower()) - ord("a") + 1
    return None


def _list_depths(blocks: Iterable[Block], unit: float, left_edge: float) -> list[Block]:
    """Nesting depth of list items from their indent, marker family and numbering.

    Where indentation is lost (pdftotext's reading order), a list that starts
    again at 1 right under a numbered item is nested in it.
    """
    out: list[Block] = []
    stack: list[list[float | str | int | None]] = []  # [indent, family, last ordinal]
    previous_was_item = False
    for block in blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            if block.kind is BlockKind.HEADING or block.indent <= left_edge + unit:
                stack = []
            previous_was_item = False
            out.append(block)
            continue
        marker = split_marker(block.marker + " x")
        family = marker.family if marker else block.marker
        ordinal = _ordinal(block.marker)
        same = [
            position
            for position, (indent, fam, _) in enumerate(stack)
            if fam == family and abs(float(indent or 0) - block.indent) <= unit
        ]
        # Of the open lists this item could continue, the one whose next number it
        # carries; else the innermost. A "1" right after an item starts a new list.
        follows = [p for p in same if ordinal is not None and stack[p][2] == ordinal - 1]
        depth = follows[-1] if follows else (same[-1] if same else None)
        if (
            depth is not None
            and not follows
            and ordinal == 1
            and isinstance(stack[depth][2], int)
            and previous_was_item
            and depth == len(stack) - 1
        ):
            depth = None
        if depth is not None:
            del stack[depth + 1 :]
            stack[depth][2] = ordinal
        else:
            while stack and block.indent < float(stack[-1][0] or 0) - unit:
                stack.pop()
            stack.append([block.indent, family, ordinal])
            depth = len(stack) - 1
        previous_was_item = True
        out.append(replace(block, depth=depth))
    return out


def _promote_marked_paragraph(block: Block) -> Block:
    """A paragraph that starts with a bullet glyph is a list item whose marker was typed."""
    if block.kind is not BlockKind.PARAGRAPH:
        return block
    marker = split_marker(block.text)
    if marker is None or marker.family in ("number", "letter"):
        return block
    return replace(block, kind=BlockKind.LIST_ITEM, text=marker.rest, marker=marker.marker)


# A table cell holding only a mark is a ticked box ("X" in an office-use column).
_TICK_CELL = re.compile(r"^\s*[xX✓✔]\s*$")


def _with_text(block: Block, text: str) -> Block:
    if block.kind is BlockKind.TABLE_ROW and any(_TICK_CELL.match(c) for c in block.cells):
        cells = tuple(CHECKED if _TICK_CELL.match(c) else clean_text(c) for c in block.cells)
        return replace(block, text="\n".join(c for c in cells if c.strip()), cells=cells)
    return block if text == block.text else replace(block, text=text)


def normalise(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Clean, furniture-free structural blocks (no LINE blocks) in document order."""
    cleaned = [_with_text(b, clean_text(b.text)) for b in blocks]
    lines = [b for b in cleaned if b.kind is BlockKind.LINE]
    if lines:
        dropped = {id(lines[i]) for i in _furniture(lines)}
        kept = [b for b in cleaned if id(b) not in dropped]
        structural = _group_lines(kept)
    else:
        structural = [
            _promote_marked_paragraph(b)
            for b in cleaned
            if b.text.strip() and not _is_marking(b.text)
        ]
    return tuple(_tidy(b) for b in structural if b.text.strip())


def _tidy(block: Block) -> Block:
    """Final text of a block: bullet glyphs out of the text, spaces trimmed per line."""
    text = "\n".join(
        " ".join(part.split()) if block.kind is not BlockKind.TABLE_ROW else part.strip()
        for part in block.text.split("\n")
    )
    marker = block.marker
    if marker and marker != "•" and not ENUMERATOR.match(marker + " "):
        marker = "•"
    text = text.strip()
    if text == block.text and marker == block.marker:
        return block
    return replace(block, text=text, marker=marker)
