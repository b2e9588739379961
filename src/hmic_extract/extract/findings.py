"""Findings: core questions (or graded areas) and the items under each.

Reads the findings blocks in order as a small state machine: a question opens
a scope; a group label ("Cause of concern", "Recommendations", "Areas for
improvement") sets the kind of the items that follow; a top-level list item
starts an item, a nested one adds a sub-item; a note ("No areas for
improvement") is kept on its question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Final

from hmic_extract.blocks import Block, BlockKind, Location, Role
from hmic_extract.cues import head_item_kind, section_kind
from hmic_extract.extract.dates import find_deadlines, has_relative_deadline
from hmic_extract.extract.judgement import canonical_grade
from hmic_extract.models import CoreQuestion, Deadline, Grade, Item, PageBox
from hmic_extract.models import Location as RecordLocation
from hmic_extract.normalise import flatten
from hmic_extract.normalise.glyphs import TERMINAL
from hmic_extract.roles import ITEM_VOICE, announced_group, group_label, is_note
from hmic_extract.vocabulary import (
    AREA_GRADE,
    ENUMERATOR,
    FORM_FIELD,
    LABELLED_ITEM,
    NUMBERED,
    QUESTION_COLUMN,
    QUESTION_LABEL,
    TO_THE_MEETING,
    is_number_column,
    label_number,
)

AFI = "area_for_improvement"
RECOMMENDATION = "recommendation"
CAUSE = "cause_of_concern"

# An area's name is a heading's length: "Protecting vulnerable people and supporting victims".
_AREA_MAX_WORDS = 12
# A question as the inspectorate words one.
_QUESTION_START = re.compile(r"^(?:how|to\s+what\s+extent|what|is|are|does|do)\b", re.I)


def _rounded(box: tuple[float, float, float, float]) -> list[float]:
    """Boxes to a hundredth of a point: finer digits are noise between PDF engines."""
    return [round(value, 2) for value in box]


def record_location(location: Location) -> RecordLocation:
    """A block location as the record states it."""
    return RecordLocation(
        page=location.page,
        line_start=location.line_start,
        line_end=location.line_end,
        bbox=_rounded(location.bbox) if location.bbox is not None else None,
        boxes=[PageBox(page=page, bbox=_rounded(box)) for page, box in location.boxes] or None,
    )


@dataclass
class _ItemDraft:
    kind: str
    text: str
    location: Location
    question: int | None
    question_text: str | None
    from_list: bool
    depth: int
    sub_items: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    response: str | None = None
    owner: str | None = None
    target: str | None = None  # the response table's target date, in its words
    aside: str | None = None  # what its label adds: "Recommendation 1 (by 6 May 2020):"


# A heading in type this much larger than a question's ranks above it.
_LARGER = 1.05


@dataclass
class _QuestionDraft:
    number: int | None
    text: str
    location: Location
    note: str | None = None
    grade: Grade | None = None
    items: list[_ItemDraft] = field(default_factory=list)
    level: int = 0  # the level of the heading that asked it (markdown, Word), else 0
    size: float = 0.0  # that heading's type size relative to the body (PDF), else 0


@dataclass(frozen=True, slots=True)
class Findings:
    questions: tuple[CoreQuestion, ...]
    areas_for_improvement: tuple[Item, ...]
    recommendations: tuple[Item, ...]
    causes_of_concern: tuple[Item, ...]
    undated_relative_deadlines: int


def _numbered(block: Block) -> tuple[int, str] | None:
    """The number and text of a numbered block, from its list marker or its text.

    A decimal marker gives its last part: questions numbered within their
    section ("3.2 How well …" under "3. Findings") are question 2.
    """
    marker = block.marker.strip("().")
    if marker.isdigit():
        return int(marker), block.text
    last = marker.rsplit(".", 1)[-1]
    if "." in marker and last.isdigit() and marker.replace(".", "").isdigit():
        return int(last), block.text
    match = NUMBERED.match(block.text)
    if match:
        return int(match["number"]), match["text"]
    return None


def _is_emphasised(block: Block) -> bool:
    return block.kind is BlockKind.HEADING or block.style.bold or block.style.italic


def question_numbers(blocks: Sequence[Block]) -> dict[str, int]:
    """Numbered questions listed anywhere (the executive summary lists them), text → number."""
    known: dict[str, int] = {}
    for block in blocks:
        numbered = _numbered(block)
        if numbered and numbered[1].rstrip().endswith("?"):
            known.setdefault(_key(numbered[1]), numbered[0])
    return known


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


# Column headings of an item table ("Recommendation | Response | Owner"): the
# A paragraph answering the item before it: "Response: Accepted. …".
_ANSWER = re.compile(
    r"^(?:(?:force|pcc|our|the\s+force's|chief\s+constable's)\s+)?response\s*[:\-–—]\s*"
    r"(?P<response>\S.*)$",
    re.I | re.S,
)
# column holding the items' text, and the one holding the force's response.
_RESPONSE_COLUMN = re.compile(
    r"^(?:force\s+|pcc\s+)?(?:response|action(?:s|\s+taken)?|update|progress|comments?)\b", re.I
)


# Columns of a response table that say who answers for an item and by when: the
# force's plan, kept as the item's owner and target, never its text or deadlines.
_OWNER_COLUMN = re.compile(
    r"^(?:(?:action\s+|named\s+)?(?:owner|lead)(?:\s+officer)?|responsible(?:\s+officer)?|"
    r"who|accountable(?:\s+officer)?)\s*:?$",
    re.I,
)
_TARGET_COLUMN = re.compile(
    r"^(?:target(?:\s+(?:date|completion))?|(?:completion|due|target)\s+date|deadline|"
    r"timescales?|by\s+when|when|by|date\s+due)\s*:?$",
    re.I,
)


# The column of an action plan that names each row's kind ("Type": AFI, Recommendation,
# Cause of concern), where no column is titled by one kind.
_KIND_COLUMN = re.compile(
    r"^(?:(?:finding|item|issue)\s+)?(?:type|kind|category|classification)"
    r"(?:\s+of\s+(?:finding|item|issue))?\s*:?$",
    re.I,
)
# Bullets inside a table cell, where several items share one cell.
_CELL_BULLET = re.compile(r"(?:^|\s)[•●▪◦\uf0b7\uf0a7]\s+")


@dataclass(frozen=True, slots=True)
class _ItemTable:
    kind: str
    text_column: int
    response_column: int | None
    question_column: int | None  # a findings table: a question per row, its items beside it
    owner_column: int | None = None
    target_column: int | None = None
    kind_column: int | None = None  # each row's kind, named in its own cell
    number_column: int | None = None  # "No.", "Ref": a findings table's question numbers


def _answer_columns(
    titles: Sequence[tuple[int, str]],
) -> tuple[int | None, int | None, int | None, int | None]:
    """The columns (index, title) give beside the items': the force's response, the
    question each row is about, who owns the item and by when."""
    return (
        next((i for i, t in titles if _RESPONSE_COLUMN.match(t)), None),
        next((i for i, t in titles if QUESTION_COLUMN.match(t)), None),
        next((i for i, t in titles if _OWNER_COLUMN.match(t)), None),
        next((i for i, t in titles if _TARGET_COLUMN.match(t)), None),
    )


# Another column's title beside the items': a few words, not a bare number.
_COLUMN_TITLE = re.compile(r"^(?!\(?\d+(?:\.\d+)*[.)]?$)\S+(?:\s+\S+){0,4}$")


def _item_table(block: Block) -> _ItemTable | None:
    """The layout of an item table, if this row is its header."""
    if block.kind is not BlockKind.TABLE_ROW or len(block.cells) < 2:
        return None
    for index, cell in enumerate(block.cells):
        kind = group_label(cell) if len(cell.split()) <= 4 else None
        if kind is not None:
            others = [(i, c.strip()) for i, c in enumerate(block.cells) if i != index]
            if not any(_COLUMN_TITLE.match(c) for _, c in others):
                continue  # "5. | RECOMMENDATIONS": a numbered heading, not column titles
            numbers = next((i for i, c in others if is_number_column(c)), None)
            return _ItemTable(kind, index, *_answer_columns(others), number_column=numbers)
    return _typed_table(block)


def _typed_table(block: Block) -> _ItemTable | None:
    """An action plan's header whose rows each name their kind in a column of their own
    ("Ref | Finding | Type | Lead officer | Target date"): the items' text is the first
    column the header does not give another part (number, type, owner, date, response,
    question)."""
    titles = [(i, cell.strip()) for i, cell in enumerate(block.cells)]
    kind_column = next((i for i, t in titles if _KIND_COLUMN.match(t)), None)
    if kind_column is None or not all(_COLUMN_TITLE.match(t) for _, t in titles if t):
        return None
    answers = _answer_columns(titles)
    taken = {kind_column, *answers}
    text_column = next(
        (i for i, t in titles if t and i not in taken and not is_number_column(t)), None
    )
    if text_column is None:
        return None
    numbers = next((i for i, t in titles if is_number_column(t)), None)
    return _ItemTable(AFI, text_column, *answers, kind_column=kind_column, number_column=numbers)


# Words no English sentence of some length goes without.
_ENGLISH_WORDS: Final = re.compile(
    r"\b(?:the|and|to|of|its|it|that|should|for|with|in|is|are|be|on|or|by|as|at|from|"
    r"this|who|when|will|has|have|was|were|not|their|they|we|our|an|which|than|but)\b",
    re.I,
)
_LANGUAGE_SAMPLE_WORDS = 8


def _other_language(text: str) -> bool:
    """Whether a sentence is in another language (a bilingual response's Welsh): long
    enough to tell, and without one of English's commonest words."""
    return len(text.split()) >= _LANGUAGE_SAMPLE_WORDS and not _ENGLISH_WORDS.search(text)


# The writer speaking for themselves ("I have asked …", "For my part"), as the
# inspectorate's lead-ins never do (its "we recommend" is the inspectorate's own).
_FIRST_PERSON: Final = re.compile(r"\b(?:I|I[’']ve|I[’']ll|[Mm]y)\b")


# A field's value that is a finding in its own words: a sentence or more.
_SENTENCE: Final = re.compile(r"^[A-Z](?:\S+\s+){5,}.*[.!?]$", re.S)


# An item's label by its letter and number alone: "R1" a recommendation, "C2" a cause.
_LETTERED: Final = {"r": RECOMMENDATION, "c": CAUSE}


def _label_kind(label: str, lettered: bool) -> str | None:
    """The kind an item's label names ("AFI 3", "Recommendation 2"; with ``lettered``,
    "R1", "C2" too)."""
    if label[:1].casefold() in _LETTERED and label[1:2].isdigit():
        return _LETTERED[label[:1].casefold()] if lettered else None
    return group_label(label)


def _labelled_row(block: Block) -> tuple[str, str, str | None] | None:
    """A table row whose first cell opens with a line naming an item's kind ("Cause of
    concern", "Recommendation 2") above the item: its kind, its text, and the other
    cells (the force's answer beside it)."""
    if len(block.cells) < 2:
        return None
    label, _, text = block.cells[0].strip().partition("\n")
    kind = group_label(label) if label.strip() else None
    if kind is None or not text.strip() or not ITEM_VOICE.search(text):
        return None
    answer = " ".join(flatten(cell) for cell in block.cells[1:] if cell.strip())
    return kind, flatten(text), answer or None


def _cell(block: Block, column: int | None) -> str | None:
    """A row's cell in ``column``, flattened; None for no such column or an empty cell."""
    if column is None or column >= len(block.cells):
        return None
    return flatten(block.cells[column]) or None


def _cell_items(cell: str) -> list[str]:
    """The items in one table cell: one per bullet; else a new one wherever a line
    starts a sentence after a line that ended one (a wrapped item runs on)."""
    if _CELL_BULLET.search(cell):
        return [flatten(part) for part in _CELL_BULLET.split(cell) if part.strip()]
    items: list[str] = []
    for line in (line.strip() for line in cell.split("\n")):
        if not line:
            continue
        if items and not (TERMINAL.search(items[-1]) and line[:1].isupper()):
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
    return items


class _Reader:
    """The state machine over findings blocks."""

    def __init__(
        self,
        known_questions: dict[str, int],
        *,
        context_only: bool = False,
        tables_only: bool = False,
        section_starts: frozenset[int] = frozenset(),
    ) -> None:
        self.known = known_questions
        # Outside a findings section items are read only in an item context: after a
        # label, a lead-in, a question or an item table's header; prose ends it.
        self.context_only = context_only
        self.tables_only = tables_only
        self.questions: list[_QuestionDraft] = []
        self.top_items: list[_ItemDraft] = []
        self.question: _QuestionDraft | None = None
        self.kind = AFI
        self.item: _ItemDraft | None = None
        self.pending_number: tuple[int, Location] | None = None
        self.group_open = False  # a label or question was just read: a paragraph may be an item
        self.table: _ItemTable | None = None  # inside an item table: each row is an item
        # The last numbered list item at each depth, and its kind, since the last
        # group label or question: "2." after "1." is the same kind of item, though a
        # "Recommendation:" labelled under "1." came between.
        self.numbered: dict[int, tuple[int, str]] = {}
        # list depth of the items a numbered lead-in announced: they are top-level
        self.depth_offset = 0
        # the headings that open findings sections (ids of their blocks)
        self.section_starts: frozenset[int] = section_starts
        # the heading of the section being read: its sub-headings may name areas
        self.section_heading: Block | None = None
        # under the writer's own lead-in ("I have asked the Chief Constable to:")
        self.writers_points = False
        # depth of a list item passed over as another language's (a bilingual
        # response's Welsh): its points, nested deeper, are that language's too
        self.other_language_depth: int | None = None

    def _end_context(self) -> None:
        """Outside the findings, what is not an item ends the items before it."""
        if self.context_only:
            self.group_open, self.item = False, None

    def _open_question(
        self, printed: int | None, text: str, location: Location, heading: Block | None = None
    ) -> None:
        text = flatten(text).strip("*_ ")
        number = printed if printed is not None else self.known.get(_key(text))
        level, size = (heading.level, heading.style.size) if heading else (0, 0.0)
        self.question = _QuestionDraft(number, text, location, level=level, size=size)
        self.questions.append(self.question)
        self.kind = AFI
        self.item = None
        self.group_open = True
        self.numbered.clear()

    def _question_of(self, block: Block, following: Block | None) -> tuple[int | None, str] | None:
        """The question a block opens, if it opens one."""
        if (
            block.role is Role.SECTION
            or id(block) in self.section_starts
            or section_kind(block.text) is not None
        ):
            return None  # a section's heading ("3. Findings", "3. SCHEDULE"), no question
        label = QUESTION_LABEL.match(block.text)
        if label:
            return label_number(label["number"]), label["text"]
        grade_follows = following is not None and bool(AREA_GRADE.match(following.text))
        numbered = _numbered(block)
        text = numbered[1] if numbered else block.text
        if ITEM_VOICE.search(text) and not text.rstrip().endswith("?"):
            return None
        if numbered and (text.rstrip().endswith("?") or grade_follows or _is_emphasised(block)):
            return numbered
        if numbered is None and (
            grade_follows
            or (
                text.rstrip().endswith("?")
                and _QUESTION_START.match(text)
                and (_is_emphasised(block) or _key(text) in self.known)
            )
        ):
            return None, text
        if numbered is None and self._area_heading(block, text):
            return None, text
        return None

    def _area_heading(self, block: Block, text: str) -> bool:
        """A marked sub-heading of the findings section naming an area ("### Investigating
        crime" under "## Findings by area"): it groups that area's items as a question
        does. Not a label of items, not a sentence, not a section's own heading."""
        section = self.section_heading
        return (
            section is not None
            and block.kind is BlockKind.HEADING
            and block.role is Role.BODY
            and 1 <= section.level < block.level
            and len(text.split()) <= _AREA_MAX_WORDS
            and not text.rstrip(" *_").endswith((".", ":", ";", ","))
            and group_label(text) is None
        )

    def _add_item(self, block: Block, from_list: bool) -> None:
        if not from_list and (typed := ENUMERATOR.match(block.text)):
            block = replace(block, text=block.text[typed.end() :].strip())  # "1.2 The force …"
        question = self.question.number if self.question else None
        question_text = self.question.text if self.question else None
        self.item = _ItemDraft(
            self.kind,
            flatten(block.text),
            block.location,
            question,
            question_text,
            from_list,
            block.depth,
        )
        if self.question is not None and self.kind == AFI:
            self.question.items.append(self.item)
        else:
            self.top_items.append(self.item)

    def _add_numbered_item(self, block: Block) -> None:
        """A list item; one numbered on from an earlier one is of that one's kind."""
        marker = block.marker.strip("().")
        if not marker.isdigit():
            self._add_item(block, from_list=True)
            return
        earlier = self.numbered.get(block.depth)
        if earlier is not None and earlier[0] == int(marker) - 1:
            self.kind = earlier[1]
        self._add_item(block, from_list=True)
        self.numbered[block.depth] = (int(marker), self.kind)

    def read(self, blocks: Sequence[Block]) -> None:
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            self._read_block(block, following)

    def _above_question(self, heading: Block) -> bool:
        """Whether a heading ranks above the open question's: a lower level where the
        source numbers them (markdown, Word), larger type where it does not (PDF)."""
        question = self.question
        if question is None or (heading.inferred and question.level):
            return False  # a guessed heading never outranks a marked question's
        if 1 <= heading.level < question.level:
            return True
        return question.size > 0 and heading.style.size > question.size * _LARGER

    def _sibling(self, text: str) -> bool:
        """A deeper list item that is an item of its own: a whole "The force should …"
        sentence under an item that does not introduce points (its indent is an
        accident of the layout, such as a typed dash before the first item)."""
        item = self.item
        if item is None or item.sub_items or item.text.rstrip().endswith(":"):
            return False
        return text[:1].isupper() and bool(ITEM_VOICE.search(text))

    def _continues_points(self, text: str) -> bool:
        """A list item that lost its nesting but still reads as the current item's point.

        Word's "List Bullet 2" converted to markdown comes out as a list of its
        own: an item that introduces points ("… how it will:") followed by items
        starting in lower case has those as its sub-items.
        """
        item = self.item
        if item is None or not text[:1].islower():
            return False
        return bool(item.sub_items) or item.text.rstrip().endswith(":")

    def _read_table_row(self, block: Block) -> bool:
        """Read a row of an item table; False when the block is not one."""
        table = self.table
        # an action plan's row names its own kind ("AFI" in its Type column): a row of
        # the table, never a new header, though its cells are a header's few words
        row_kind = (
            _label_kind(_cell(block, table.kind_column) or "", lettered=True)
            if table is not None and table.kind_column is not None
            else None
        )
        header = None if row_kind is not None else _item_table(block)
        if header is not None:
            self.table, self.kind, self.item = header, header.kind, None
            return True
        if block.kind is not BlockKind.TABLE_ROW:
            self.table = None
            return False
        if table is None and (labelled := _labelled_row(block)) is not None:
            # "Recommendation 1 / Within three months, the force should …" beside the
            # force's answer: the row's own label names its item's kind
            self.kind, text, response = labelled
            self._add_item(replace(block, text=text), from_list=False)
            if self.item is not None:
                self.item.response = response
            return True
        if table is None:
            return False
        filled = [flatten(cell) for cell in block.cells if cell.strip()]
        if len(filled) == 1 and self._open_asked(filled[0], block.location, alone=True):
            return True  # a row across the table naming the question the rows below answer
        if len(filled) == 1 and len(block.cells) > 1 and (kind := group_label(filled[0])):
            self.kind, self.item = kind, None  # a row across it naming the kind below
            return True
        if len(block.cells) <= table.text_column:
            return False
        if table.question_column is not None and table.question_column < len(block.cells):
            self._read_question_row(block, table, table.question_column)
            return True
        text = flatten(block.cells[table.text_column])
        if not text:
            return True
        if is_note(text):  # "No areas for improvement …": the question's note, no item
            if self.question is not None and not self.question.items:
                self.question.note = self.question.note or text
            return True
        if table.kind_column is not None:
            if row_kind is None:
                return True  # a row of the plan that is not one of the inspectorate's items
            self.kind = row_kind
        self._add_item(replace(block, text=text), from_list=False)
        if self.item is not None:
            self.item.response = _cell(block, table.response_column)
            self.item.owner = _cell(block, table.owner_column)
            self.item.target = _cell(block, table.target_column)
        return True

    def _open_asked(
        self, asked: str, location: Location, *, alone: bool, number: str | None = None
    ) -> bool:
        """Open the question a table cell asks ("Question 2: How …?", "2. How …?"), or
        numbered in a column of its own (``number``); a cell of its own (``alone``) asks
        one only when it says so: by its label or its question mark."""
        label = QUESTION_LABEL.match(asked)
        numbered = NUMBERED.match(asked)
        if label and label["text"].strip():
            self._open_question(label_number(label["number"]), label["text"], location)
        elif alone and not asked.rstrip().endswith("?"):
            return False
        elif numbered:
            self._open_question(int(numbered["number"]), numbered["text"], location)
        elif asked:
            printed = int(number) if number is not None and number.isdigit() else None
            self._open_question(printed, asked, location)
        return bool(asked)

    def _read_question_row(self, block: Block, table: _ItemTable, column: int) -> None:
        """A findings-table row: the question in one cell, its items (or a note) in another."""
        self._open_asked(
            flatten(block.cells[column]),
            block.location,
            alone=False,
            number=_cell(block, table.number_column),
        )
        self.kind, self.table = table.kind, table
        for text in _cell_items(block.cells[table.text_column]):
            if self.question is not None and is_note(text):
                self.question.note = self.question.note or text
            else:
                self._add_item(replace(block, text=text), from_list=False)

    def _read_block(self, block: Block, following: Block | None) -> None:
        if self._read_table_row(block) or self.tables_only:
            return
        if block.kind is not BlockKind.LIST_ITEM:
            self.writers_points = False  # only the list right under its lead-in
            self.other_language_depth = None
        if block.role is Role.QUOTE:
            self._end_context()
            return  # someone's quoted words are never an item
        if block.kind is BlockKind.LIST_ITEM and self.depth_offset:
            if block.depth < self.depth_offset:
                self.depth_offset = 0  # the announcing paragraph's numbering goes on
            else:
                block = replace(block, depth=block.depth - self.depth_offset)
        elif block.kind is BlockKind.HEADING:
            self.depth_offset = 0
        if block.role is Role.SECTION or id(block) in self.section_starts:
            self.section_heading = block  # a known heading, or one its content named
        if id(block) in self.section_starts:
            # a findings section of its own ("Recommendations" beside "Areas for
            # improvement"): what it holds is under no question asked before it
            self.question, self.item = None, None
        if block.kind is BlockKind.HEADING and self._above_question(block):
            # A heading above the question's own ("## Recommendations" after
            # "### Question 3") ends the question: what follows is not under it.
            self.question, self.item = None, None
        text = flatten(block.text)
        if self.pending_number is not None:
            pending, location = self.pending_number
            self.pending_number = None
            if block.kind is not BlockKind.LIST_ITEM and not group_label(text):
                self._open_question(pending, text, location.span(block.location))
                return
        question = self._question_of(block, following)
        if question is not None:
            number, question_text = question
            if not question_text.strip():
                if number is not None:
                    self.pending_number = (number, block.location)
                return
            heading = block if block.kind is BlockKind.HEADING else None
            self._open_question(number, question_text, block.location, heading)
            return
        grade = AREA_GRADE.match(text)
        if grade and self.question is not None and self.item is None:
            self.question.grade = canonical_grade(grade["grade"].strip(" .*_‘’'\"“”"))
            return
        # a lead-in's kind is the one its last words announce, as the role stage read it
        # ("… one cause of concern. To address it, the inspectorate recommended that:")
        lead_in = block.cue if block.role is Role.LEAD_IN else None
        kind = lead_in or group_label(text) or announced_group(text)
        if kind is None and block.role is Role.SECTION:
            kind = head_item_kind(text)  # "Causes of concern and the recommendations …"
        if kind is not None and (
            block.kind is not BlockKind.LIST_ITEM or block.role is Role.LEAD_IN
        ):
            self.kind, self.item, self.group_open = kind, None, True
            self.numbered.clear()
            if block.kind is BlockKind.LIST_ITEM:
                # a numbered paragraph announcing items ("4.1 The report identifies the
                # following areas for improvement:"): the list under it is the items
                self.depth_offset = block.depth + 1
            return
        # a record's field, its label set apart by a dotted leader ("Category ........")
        row = FORM_FIELD.match(text) if "...." in text else None
        if row is not None and (row_kind := group_label(row["value"])) is not None:
            # a record's field naming the kind of what it records ("Category ......
            # Recommendation"): its finding follows in another field
            self.kind, self.item, self.group_open = row_kind, None, True
            return
        if row is not None and self.group_open and _SENTENCE.match(row["value"]):
            # the field holding the finding's own words, in whatever voice
            self._add_item(replace(block, text=row["value"]), from_list=False)
            self.group_open = False
            return
        labelled = LABELLED_ITEM.match(text)
        # a row's reference ("R1 | Make ethnicity … | ACC | 30/09/2023") labels the
        # force's own action, not a recommendation: letters label items in text only
        lettered = block.kind is not BlockKind.TABLE_ROW
        if labelled and (label_kind := _label_kind(labelled["label"], lettered)) is not None:
            self.kind = label_kind
            self._add_item(replace(block, text=labelled["text"]), from_list=True)
            if self.item is not None:
                self.item.aside = labelled["aside"]
            return
        # a numbered paragraph of prose ("3.2 Inspectors found …") is no item
        is_list = block.kind is BlockKind.LIST_ITEM and block.role is not Role.PROSE
        if not is_list and self.question is not None and not self.question.items and is_note(text):
            self.question.note = self.question.note or text
            self.group_open = False
            return
        if is_list and (
            self.writers_points
            or (self.context_only and not (self.group_open or self.item is not None))
        ):
            return  # a list outside an item context: the commissioner's own points
        if is_list and self.other_language_depth is not None:
            if block.depth > self.other_language_depth:
                return  # a point of an item passed over, whatever its words
            self.other_language_depth = None
        if is_list and _other_language(text):
            # the Welsh of a bilingual response: its items are the English ones
            self.other_language_depth = block.depth
            return
        if is_list:
            if self.item is not None and (
                (block.depth > self.item.depth and not self._sibling(text))
                or self._continues_points(text)
            ):
                self.item.sub_items.append(text)
            else:
                self._add_numbered_item(block)
            return
        if block.kind is BlockKind.HEADING:
            self._end_context()  # a heading naming no items
            return
        if text.rstrip().endswith(":") and (
            _FIRST_PERSON.search(text) or TO_THE_MEETING.match(text.strip())
        ):
            # "For my part, I have asked the Chief Constable to:", "The Panel is
            # recommended to:": the writer's own points follow, or the meeting's
            # business, not the inspectorate's items, inside the findings too
            self.group_open, self.item, self.writers_points = False, None, True
            return
        answer = _ANSWER.match(text)
        if answer and self.item is not None and self.item.response is None:
            # "Response: Accepted. …" right after an item, as letters answer each one
            self.item.response = answer["response"]
            self.item.location = self.item.location.span(block.location)
            return
        introduces_points = text.rstrip().endswith(":") and bool(ITEM_VOICE.search(text))
        if self.item is not None and self.item.from_list and not introduces_points:
            if self.item.sub_items and not self.item.closing:
                # The paragraph that closes an item's list of points ("This action
                # plan … will be reviewed") belongs to the item; later prose is the
                # section's, not an item's.
                self.item.closing.append(text)
                self.item.location = self.item.location.span(block.location)
            else:
                self._end_context()  # prose: the items have ended
        elif (self.group_open or (self.item is not None)) and ITEM_VOICE.search(text):
            # An item's own paragraph; after a list's items, only one that introduces
            # points of its own ("… recommends that the force:").
            self._add_item(block, from_list=False)
        else:
            self._end_context()  # prose: the items have ended


def _item(draft: _ItemDraft, published: date | None) -> tuple[Item, int]:
    text = "\n\n".join([draft.text, *draft.closing])
    parts = [*([draft.aside] if draft.aside else []), draft.text, *draft.sub_items]
    deadlines = [
        Deadline(text=found.text, date=found.date)
        for part in parts
        for found in find_deadlines(part, published)
    ]
    undated = 0
    if published is None:
        undated = sum(has_relative_deadline(p) for p in parts)
    item = Item(
        text=text,
        sub_items=list(draft.sub_items),
        deadlines=deadlines,
        question=draft.question,
        question_text=draft.question_text,
        response=draft.response,
        owner=draft.owner,
        target=draft.target,
        location=record_location(draft.location),
    )
    return item, undated


def read_findings(
    blocks: Sequence[Block],
    *,
    known_questions: dict[str, int],
    published: date | None,
    context_only: bool = False,
    tables_only: bool = False,
    section_starts: frozenset[int] = frozenset(),
) -> Findings:
    """Questions and items of the findings section(s); with ``context_only``, of any
    blocks, where items count only in an item context (label, lead-in, table); with
    ``tables_only``, the rows of item tables alone (a response's table of the
    recommendations it answers)."""
    reader = _Reader(
        known_questions,
        context_only=context_only,
        tables_only=tables_only,
        section_starts=section_starts,
    )
    reader.read(blocks)
    undated = 0
    questions = []
    for draft in reader.questions:
        afis = []
        for item_draft in draft.items:
            item, missing = _item(item_draft, published)
            undated += missing
            afis.append(item)
        questions.append(
            CoreQuestion(
                number=draft.number,
                text=draft.text,
                areas_for_improvement=afis,
                note=draft.note,
                grade=draft.grade,
                location=record_location(draft.location),
            )
        )
    by_kind: dict[str, list[Item]] = {AFI: [], RECOMMENDATION: [], CAUSE: []}
    for item_draft in reader.top_items:
        item, missing = _item(item_draft, published)
        undated += missing
        by_kind[item_draft.kind].append(item)
    return Findings(
        tuple(questions),
        tuple(by_kind[AFI]),
        tuple(by_kind[RECOMMENDATION]),
        tuple(by_kind[CAUSE]),
        undated,
    )
