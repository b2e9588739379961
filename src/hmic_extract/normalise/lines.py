"""Normalise, lines: headings, paragraphs and list items rebuilt from physical lines.

Indentation, spacing, typography and markers decide where a block starts;
hyphenated words broken across lines are rejoined on the way.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from hmic_extract.blocks import Block, BlockKind
from hmic_extract.cues import names_section
from hmic_extract.normalise.glyphs import TERMINAL, Marker, split_marker
from hmic_extract.normalise.lists import list_depths
from hmic_extract.normalise.tables import text_tables
from hmic_extract.vocabulary import (
    AREA_GRADE,
    CHECKED,
    DETAIL_LABELS,
    GROUP_LABEL_MAX_WORDS,
    ITEM_GROUP_LABELS,
    QUESTION_LABEL,
    SALUTATION,
    UNCHECKED,
    VALEDICTION,
)

# A headline is at most this many words; longer lines are prose.
_HEADING_MAX_WORDS = 12
# A line in title case this short is a heading or a label, not a paragraph's rest.
_TITLE_LINE_WORDS = 5
# A font this much larger than the body text makes a line a heading.
_HEADING_SIZE = 1.15
# A line ending this far short of the column's right edge (as a fraction of the
# column width) ends its paragraph when it also ends a sentence.
_SHORT_LINE = 0.85
# A line that fills less than this share of its column was ended on purpose (a
# hard line break, a list of options), not wrapped: no word is that long.
_BROKEN_LINE = 0.5
# Wrapped lines needed before the document's wrap floor is trusted.
_WRAP_SAMPLES = 3
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
_COLUMN_GAP = re.compile(r"\S\s{2,}\S|\S ?\.{4,} +\S")  # spaces, or a dotted leader
# Every character the pattern's \s matches but the space (Python's str.isspace set).
_OTHER_SPACE = frozenset(
    chr(code)
    for code in (
        *range(0x09, 0x0E),
        *range(0x1C, 0x20),
        0x85,
        0xA0,
        0x1680,
        *range(0x2000, 0x200B),
        0x2028,
        0x2029,
        0x202F,
        0x205F,
        0x3000,
    )
)


def _has_column_gap(text: str) -> bool:
    """Whether a line holds a form row's column gap. Most lines hold single spaces
    only, which substring tests tell far cheaper than the pattern's scan."""
    if "  " not in text and "...." not in text and _OTHER_SPACE.isdisjoint(text):
        return False
    return bool(_COLUMN_GAP.search(text))


# A line of nothing but bullet glyphs: pdftotext's reading order can print a
# list's bullets apart from, and before, the items they mark.
_LONE_BULLETS = re.compile(
    r"^[•●▪◦–o\uf0b7\uf0a7\uf076\uf0d8](?:\s+[•●▪◦–o\uf0b7\uf0a7\uf076\uf0d8])*$"
)
_UNDERLINE = re.compile(r"^[=\-~_*]{3,}$")
# How a list's point ends when another follows: "…;", "…; and", "…; or".
_POINT_END = re.compile(r";\s*(?:and|or)?\s*$")
_HYPHENATED_END = re.compile(r"(\w+)-$")
# A rule of a plain-text table: dash runs, alone or one per column.
_RULE_LINE = re.compile(r"^[=\-~_*]{3,}(?: +[=\-~_*]{3,})*$")
# An underline is about as long as the heading it marks.
_UNDERLINE_SLACK = 3


def _underlines(rule: Block | None, line: Block) -> bool:
    """Whether ``rule`` underlines ``line`` (a setext-style heading), not a table's rule."""
    if rule is None or not _UNDERLINE.match(rule.text.strip()):
        return False
    if not any(char.isalpha() for char in line.text):
        return False  # two table rules in a row
    return abs(len(rule.text.strip()) - len(line.text.strip())) <= _UNDERLINE_SLACK


_QUESTION_END = re.compile(r"\?[”\"’]?\s*$")


def _is_heading_line(line: Block, next_line: Block | None, marker: Marker | None) -> int | None:
    """The heading level a line shows (1 strong, 0 weak), or None for body text.

    ``marker`` is the line's list marker (the caller has split it off already).
    """
    text = line.text.strip()
    words = text.split()
    if not words or len(words) > _HEADING_MAX_WORDS:
        return None
    if _underlines(next_line, line):
        return 1  # "3. SCHEDULE OF FINDINGS" over "~~~~~~~~", numbered or not
    if marker:
        # numbered, short, no sentence's end, in a heading's type: "3. Areas for
        # improvement and the force's response", "2.2 Findings by question"
        if (
            (line.style.size >= _HEADING_SIZE or line.style.bold)
            and marker.family == "number"
            and not text.endswith((".", ",", ";", ":"))
        ):
            return 1
        return None
    if text.isupper():  # cheap first test: a line in capitals has no lower-case letter
        letters = [c for c in text if c.isalpha()]
        if len(letters) >= 4 and all(c.isupper() for c in letters) and not _CHECKBOXES.search(text):
            return 1
    if line.style.size >= _HEADING_SIZE:
        return 1
    if line.style.bold and not text.endswith((".", ",", ";")) and not text[:1].islower():
        return 0  # (a bold line in lower case goes on the bold line above it)
    return None


_CHECKBOXES = re.compile(f"[{CHECKED}{UNCHECKED}]")


def _wrapped_at(previous: Block, line: Block, right_edge: _Edges) -> bool:
    """Whether a line ran to its column's edge, or had no room for the next line's
    first word (a large title wraps early): it wrapped there, and was not ended."""
    column = right_edge.of(previous) or 1.0
    overflow = _overflow(previous, line)
    return previous.right >= column * _SHORT_LINE or (overflow is not None and overflow > column)


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
    # Only the tail is searched: ``first`` is the paragraph so far, and grows.
    match = _HYPHENATED_END.search(first, max(len(first) - 64, 0)) if first.endswith("-") else None
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
    label: bool = False  # a label line: only its own wrapped rest may join it
    taken: list[Block] = field(default_factory=list)  # a form row's lines after its first

    def take(self, line: Block, text: str) -> None:
        """Extend the block to ``line``; ``text`` is the block's text with it joined."""
        self.text, self.last = text, line

    def unfolded(self) -> tuple[Block, ...]:
        """A form row read as a label over its content ("Findings      Question 1: How
        effective …", its content going on below in its column): the label as a
        heading, then the content's own lines, for the role stage to take where the
        label names a section."""
        first = self.first
        if not self.columns or len(first.columns) < 2:
            return ()
        label, _, rest = first.text.strip().partition("  ")
        heading = replace(
            first, kind=BlockKind.HEADING, text=label, columns=(), level=1, gap_before=1.0
        )
        content = replace(first, text=rest.strip(), indent=first.columns[1], columns=())
        return (heading, content, *self.taken)


# A sheet set in two text columns: this many of its lines start past its middle, and
# this share of those starting before it end before it too.
_COLUMN_LINES = 5
_IN_ITS_COLUMN = 0.8


class _Edges:
    """The right edge of the text column each line stands in: a high percentile of its
    sheet's line ends, or of its column's where the sheet is set in two columns (a
    newsletter's page, which the PDF loaders read column by column)."""

    def __init__(self, lines: Sequence[Block]) -> None:
        by_sheet: dict[int, list[Block]] = {}
        for line in lines:
            by_sheet.setdefault(line.sheet, []).append(line)
        everything = sorted(line.right for line in lines)
        overall = everything[int(len(everything) * 0.9)] if everything else 0.0
        self.middles: dict[int, float] = {}
        self.edges: dict[tuple[int, bool], float] = {}
        for sheet, members in by_sheet.items():
            middle = (min(m.indent for m in members) + max(m.right for m in members)) / 2
            beyond = sum(1 for m in members if m.indent >= middle)
            before = [m for m in members if m.indent < middle]
            if beyond >= _COLUMN_LINES and sum(m.right <= middle for m in before) >= (
                _IN_ITS_COLUMN * len(before)
            ):
                self.middles[sheet] = middle
            for side in (False, True):
                values = sorted(m.right for m in members if self._side(m) is side)
                if values:
                    edge = values[int(len(values) * 0.9)]
                    self.edges[(sheet, side)] = (
                        edge if sheet in self.middles else max(overall, edge)
                    )

    def _side(self, line: Block) -> bool:
        middle = self.middles.get(line.sheet)
        return middle is not None and line.indent >= middle

    def of(self, line: Block) -> float:
        """The right edge of ``line``'s column."""
        side = bool(self.middles) and self._side(line)  # most documents: one column
        return self.edges.get((line.sheet, side), line.right)


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


# Lines starting this close (points, or characters of text) share a column.
_SAME_COLUMN = 3.0


def group_lines(lines: Sequence[Block]) -> list[Block]:
    """Headings, paragraphs and list items rebuilt from physical lines.

    Blocks other than LINE (table rows read by a loader) pass through in place.
    """
    lines = text_tables(lines)
    physical = [line for line in lines if line.kind is BlockKind.LINE]
    vocabulary = _LazyVocabulary(physical)
    right_edge = _Edges(physical)
    wrap_floor = _wrap_floor(physical, right_edge)
    # Every line a whole paragraph or item (Word saved as text): none runs on.
    unwrapped = wrap_floor is None and _unwrapped(physical)
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
                    # plain text shows no type size: its headings are guessed at
                    inferred=current.kind is BlockKind.HEADING and not current.first.style.size,
                    unfolded=current.unfolded(),
                )
            )
        current = None

    skip_next = False
    detached_bullets: list[str] = []
    bullets_just_before = False
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
        marker = split_marker(text)
        level = _is_heading_line(line, next_line, marker)
        blank_above = line.gap_before >= (1 if line.location.bbox is None else para_gap)
        if current is not None and current.last.sheet != line.sheet:
            blank_above = (
                False  # space above a page's first line is the page break, not a paragraph break
            )
        elif (
            blank_above
            and current is not None
            and current.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
            and not current.label
            and not current.columns
            and text[:1].islower()
            and not TERMINAL.search(current.last.text)
        ):
            # A sentence cannot start in lower case: a gap before the rest of an
            # unfinished sentence is a layout accident (pdfminer splits a paragraph
            # into two text boxes), not a paragraph break.
            blank_above = False
        after_bullets, bullets_just_before = bullets_just_before, False
        if (
            current is not None
            and marker is None
            and not blank_above
            and _wraps_into(current, line, level, right_edge, unit)
        ):
            current.take(line, _join_lines(current.text, text, vocabulary))
            continue
        if level is not None:
            detached_bullets = []
            underlined = _underlines(next_line, line)
            merge = (
                current is not None
                and current.kind is BlockKind.HEADING
                and (not blank_above or _heading_leading(line))
                and current.level == level
                and current.first.style.bold == line.style.bold
                and round(current.first.style.size, 2) == round(line.style.size, 2)
                # a heading wraps only when it fills its line: a short one ended there
                # ("FINDINGS" over "QUESTION 1: …")
                and _wrapped_at(current.last, line, right_edge)
                and not _is_label(text)
                and not _apart_in_text(line)
            )
            if merge and current is not None:
                current.take(line, _join_lines(current.text, text, vocabulary))
            else:
                close()
                current = _Open(BlockKind.HEADING, text, line, line, level=level)
            if underlined:
                skip_next = True
                close()
            continue
        if _RULE_LINE.match(text):
            close()  # a table's rule: what follows starts afresh
            continue
        if _LONE_BULLETS.match(text):
            detached_bullets += text.split()  # bullets whose items come after them
            bullets_just_before = True
            continue
        if marker is not None:
            detached_bullets = []
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
        if _is_label(text) or _names_graded_area(current, text, next_line):
            close()
            current = _Open(BlockKind.PARAGRAPH, text, line, line, label=True)
            continue
        if _has_column_gap(text):
            close()
            current = _Open(BlockKind.PARAGRAPH, text, line, line, columns=line.columns[1:])
            continue
        if current is not None and current.label:
            close()  # a label stands alone
        if current is not None and current.columns and not blank_above:
            if any(abs(line.indent - column) <= unit for column in current.columns):
                current.take(line, f"{current.text} {text}")  # the form row's value goes on
                current.taken.append(line)
                continue
            close()
        # Bullets still waiting for their items (pdftotext's reading order printed
        # them apart): an item that ended a point is followed by the next item, not
        # by more of itself; so is one that ended a sentence, when the sentences
        # starting from here are no more than the bullets left (else some are an
        # item's second sentence, and the short lines that end items will tell).
        next_item_waits = (
            bool(detached_bullets)
            and current is not None
            and current.kind is BlockKind.LIST_ITEM
            and (
                bool(_POINT_END.search(current.last.text))
                or (
                    bool(TERMINAL.search(current.last.text))
                    and text[:1].isupper()
                    and _sentence_starts(lines, index) <= len(detached_bullets)
                )
            )
        )
        if (
            current is not None
            and not blank_above
            and not next_item_waits
            and not unwrapped
            and not _starts_form_row(text)
            and _continues(current, line, right_edge, unit, wrap_floor)
        ):
            current.take(line, _join_lines(current.text, text, vocabulary))
            continue
        close()
        if detached_bullets and not _is_label(text) and any(c.isalpha() for c in text):
            # pdftotext's reading order puts a list's bullets before its items: the
            # bullet printed right above an item is its own, else the oldest waiting.
            glyph = detached_bullets.pop(-1 if after_bullets else 0)
            current = _Open(
                BlockKind.LIST_ITEM,
                text,
                line,
                line,
                marker=glyph,
                family=glyph,
                text_indent=line.indent,
            )
            continue
        current = _Open(BlockKind.PARAGRAPH, text, line, line, text_indent=line.indent)
    close()
    return list_depths(out, unit, left_edge)


# A PDF heading's lines stand further apart than the body's (larger type, its own
# leading), but less than a blank line apart.
_HEADING_LINE_GAP = 1.0


def _heading_leading(line: Block) -> bool:
    """Whether the space above a PDF line is no more than a heading's own line spacing."""
    return line.location.bbox is not None and line.gap_before < _HEADING_LINE_GAP


def _starts_form_row(text: str) -> bool:
    """Whether a line starts with a details form's label and its colon ("Published:",
    "Date of publication:"): a row of its own, though no blank line sets it apart."""
    if ":" not in text:
        return False  # most lines: no label's colon
    for pattern in DETAIL_LABELS.values():
        label = pattern.match(text)
        if label is not None and label.group(0).rstrip().endswith(":"):
            return True
    return False


# An area's name above its grade is a few words.
_AREA_NAME_MAX_WORDS = 8


def _names_graded_area(current: _Open | None, text: str, next_line: Block | None) -> bool:
    """Whether a line is the name of an area whose grade follows ("Responding to the
    public" above "Grade: Inadequate") after a finished sentence: it stands alone,
    even where no blank line or type sets it apart (pdftotext's reading order)."""
    return (
        next_line is not None
        and next_line.kind is BlockKind.LINE
        and bool(AREA_GRADE.match(next_line.text.strip()))
        and len(text.split()) <= _AREA_NAME_MAX_WORDS
        and not TERMINAL.search(text)
        and (current is None or bool(TERMINAL.search(current.last.text)))
    )


def _sentence_starts(lines: Sequence[Block], start: int) -> int:
    """Lines from ``start`` on, to the end of the run of plain lines, that begin a
    sentence in capitals after a line that ended one."""
    count = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if line.kind is not BlockKind.LINE or (index > start and line.gap_before >= 1):
            break
        text = line.text.strip()
        if split_marker(text) or _is_label(text) or _LONE_BULLETS.match(text):
            break
        if text[:1].isupper() and TERMINAL.search(lines[index - 1].text):
            count += 1
    return count


def _wraps_into(
    current: _Open, line: Block, level: int | None, right_edge: _Edges, unit: float
) -> bool:
    """Whether ``line`` is the wrapped rest of a heading or numbered question being read.

    A long heading ("Question 2: How efficient is the force at keeping people
    safe and" / "reducing crime?") or a bold numbered question runs over two
    lines in the same type; the second would read as a heading of its own. It
    is the first line's rest when that line ran to the column's edge without
    ending, on the same page, in the same style, at the same indent, and the
    rest reads as part of it: in lower case, or itself in a heading's type.
    """
    if current.kind not in (BlockKind.HEADING, BlockKind.LIST_ITEM) and not current.label:
        return False
    previous = current.last
    if (
        previous.sheet != line.sheet
        or previous.style != line.style
        or not (previous.style.bold or current.kind is BlockKind.HEADING or current.label)
    ):
        return False  # the cheap tests first: most lines continue plain list items
    text = line.text.strip()
    return (
        _wrapped_at(previous, line, right_edge)
        and not TERMINAL.search(previous.text)
        and (text[:1].islower() or level is not None)
        and (
            abs(line.indent - current.first.indent) <= unit
            or abs(line.indent - current.text_indent) <= unit
        )
        and not _is_label(text)
        and not _apart_in_text(line)
    )


# Words a group label may carry after its kind: "Areas for improvement and the
# force's response", "Recommendations for the force".
_LABEL_REST_WORDS = 4


def _is_label(text: str) -> bool:
    """Whether a line is an in-section label that must stand alone as a block.

    Group labels ("Areas for improvement"), area grades ("Grade: Good") and
    question labels ("Core question 2") head what follows; joined to a
    neighbouring line they would hide the structure the extractor reads.
    """
    text = text.strip()
    if text.lstrip("*_ ")[:1].islower():
        return False  # "areas for improvement:" goes on a sentence the line above began
    if AREA_GRADE.match(text) or QUESTION_LABEL.match(text):
        return True
    if SALUTATION.match(text) or VALEDICTION.match(text):
        return True  # a letter's "Dear …," and "Yours sincerely," stand alone
    words = text.strip("*_: ").split()
    if len(words) > GROUP_LABEL_MAX_WORDS:
        return False
    for pattern, _ in ITEM_GROUP_LABELS:
        label = pattern.match(text)
        # a label's few words, not an item's sentence after its number ("AFI3 The
        # constabulary should improve …", wrapped after eight words)
        if label is not None and len(text[label.end() :].split()) <= _LABEL_REST_WORDS:
            return True
    return False


def _overflow(previous: Block, line: Block) -> float | None:
    """Where the line before would end had it taken this line's first word too."""
    text = previous.text.strip()
    words = line.text.split(None, 1)  # the first word is all that is needed
    if not words or not text:
        return None
    char_width = (previous.right - previous.indent) / len(text)
    return previous.right + (len(words[0]) + 1) * char_width


def _wrap_floor(lines: Sequence[Block], right_edge: _Edges) -> float | None:
    """The least overflow of any full line certainly wrapped (the next starts in lower case).

    A full line whose overflow falls below it had room for the next word: wrapping
    did not end it. Measured on the document, so proportional fonts read as text
    (whose lines vary in length) set a lower, safer floor than the column edge.
    """
    overflows = [
        overflow
        for before, after in itertools.pairwise(lines)
        if before.sheet == after.sheet
        and before.right >= right_edge.of(before) * _SHORT_LINE
        and after.text.lstrip()[:1].islower()
        and not before.text.rstrip().endswith("-")
        and (overflow := _overflow(before, after)) is not None
    ]
    return min(overflows) if len(overflows) >= _WRAP_SAMPLES else None


# Text whose lines run this long was not wrapped to a page's width.
_UNWRAPPED_WIDTH = 100
# A line at least this long, followed by one in lower case, was wrapped.
_WRAPPED_WIDTH = 60


def _unwrapped(lines: Sequence[Block]) -> bool:
    """Whether plain text keeps each paragraph on one line (Word saved as text): some
    lines run longer than any page, and no long line runs on into a lower-case one."""
    if not lines or any(line.location.bbox is not None for line in lines):
        return False
    if max(line.right for line in lines) <= _UNWRAPPED_WIDTH:
        return False
    return not any(
        before.sheet == after.sheet
        and before.right >= _WRAPPED_WIDTH
        and after.text.lstrip()[:1].islower()
        and not before.text.rstrip().endswith("-")
        for before, after in itertools.pairwise(lines)
    )


def _next_word_fits(previous: Block, line: Block, wrap_floor: float | None) -> bool:
    """Whether the line's first word had room at the end of the line before: if so,
    wrapping did not put it there, and the break before it was made on purpose."""
    overflow = _overflow(previous, line)
    return wrap_floor is not None and overflow is not None and overflow < wrap_floor


def _apart_in_text(line: Block) -> bool:
    """Whether a plain-text line names a section, and so must not run on from the line
    above. Plain text run together shows nothing else of a heading ("… 2017" then
    "Inspection details"): the one place normalise reads words, to keep a line apart;
    whether it heads a section is still the role stage's to say."""
    return line.location.bbox is None and names_section(line.text)


def _title_line(text: str) -> bool:
    """A few words in title case ending no sentence: a heading or a label, not the
    second line of a paragraph ("For Office Use Only", "Next Steps")."""
    words = text.split()
    return (
        0 < len(words) <= _TITLE_LINE_WORDS
        and not text.rstrip().endswith((".", ",", ";", ":"))
        and not _has_column_gap(text.strip())
        and all(word[:1].isupper() for word in words if len(word) >= 4)
    )


def _continues(
    current: _Open,
    line: Block,
    right_edge: _Edges,
    unit: float,
    wrap_floor: float | None,
) -> bool:
    """Whether ``line`` carries on the block being assembled."""
    if current.kind is BlockKind.HEADING:
        return False
    previous = current.last
    column = right_edge.of(previous) or 1.0
    previous_full = previous.right >= column * _SHORT_LINE
    ended = bool(TERMINAL.search(previous.text)) and (
        not previous_full or _next_word_fits(previous, line, wrap_floor)
    )
    if previous.right - previous.indent < _BROKEN_LINE * (
        column - previous.indent
    ) and not previous.text.endswith("-"):
        return False  # a line under half the column's width was broken on purpose
    if TERMINAL.search(previous.text) and _title_line(line.text):
        return False  # "… by the PCC." then "For Office Use Only": a title starts afresh
    if _apart_in_text(line):
        return False
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
