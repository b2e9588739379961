"""Stage 3, roles: what each block is, decided in one place from named features.

Loaders and normalise report layout (heading level, type size, bold, markers,
table cells); this stage reads each block's features — its layout plus the cue
scores of ``cues.py`` — and gives it a role: a section heading, an item-group
label, a lead-in that announces items, a note that there are none, a form row,
a numbered paragraph of prose, or body text for the readers to interpret. Every
weight and threshold is in ``ROLE_WEIGHTS`` or ``cues.THRESHOLDS`` with its
reason (docling's ``LayoutPostprocessor`` and GROBID's segmentation features
are the models).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Final, Generic, TypeVar, overload

from hmic_extract.blocks import Block, BlockKind, Location, Role
from hmic_extract.cues import (
    CONTAINER,
    THRESHOLDS,
    item_kind,
    names_section,
    question_section_kind,
    section_kind,
)
from hmic_extract.normalise import normalise
from hmic_extract.vocabulary import (
    ANNOUNCED_GROUPS,
    ANNOUNCEMENT_MAX_WORDS,
    ANNOUNCING,
    AREA_GRADE,
    CHECKED,
    FORM_FIELD,
    GRADE_PATTERN,
    ITEM_GROUP_LABELS,
    LABELLED_ITEM,
    NO_AFI_NOTE,
    NOTHING_TO_IMPROVE,
    OFFICE_USE_FIELDS,
    RECOMMENDED_THAT,
    SALUTATION,
    SENTENCE_HEADING_MAX_WORDS,
    TO_THE_MEETING,
    UNCHECKED,
    Gated,
    has_detail_label,
    names_a_section,
)

# Words that make a paragraph an item rather than prose about items: what the force
# should or must do, or (a cause of concern) a failing it has, often contracted.
ITEM_VOICE: Final = Gated(
    r"\b(?:should|must|needs?\s+to|(?:is|are|does)\s+not|cannot|(?:is|are|does|do|ca)n[’']t|"
    r"recommends?\s+that)\b",
    ("should", "must", "need", "not", "n’t", "n't", "recommend"),
)
# A sentence ending in one of these announces what follows: "… the recommendations are:".
_ANNOUNCING_END: Final = re.compile(
    r"\b(?:are|is|were|was|include|includes|included|as\s+follows|below)\s*:$", re.I
)
# A grade ("Requires improvement", "Grade: Requires improvement") is no label of AFIs.
_GRADE: Final = re.compile(rf"^(?:{GRADE_PATTERN.pattern})\W*$|\brequir\w*\s+improvement\b", re.I)
_NOWHERE: Final = Location(None, 0, 0)
_LAST_SENTENCE: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# A decimal paragraph number ("3.2", "4.1."): papers number their prose this way.
_DECIMAL: Final = re.compile(r"^\(?\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\.?\)?$")

# A question a page asks on its reader's behalf: "What did they find?", "Where does
# the force need to get better?", "How is the force responding?" ("how" straight before
# its verb; the inspection's own asks "How effective is …", "How well does …").
_READERS_QUESTION: Final = re.compile(
    r"^(?:what|where|why|who|when|which|how\s+(?:is|are|was|were|has|have|will|can|could|do|"
    r"did|does|should|would|much|many|long))\b",
    re.I,
)
# A part of a document by its one letter or digit: "Part A –", "Annex 2:", "PART C ".
_PART_LABEL: Final = re.compile(
    r"^(?i:annex|appendix|section|part|schedule)\s+(?:[A-Z]|[0-9])(?![\w])\s*[:\-–—.]?\s+\w"
)
# The words of an inspection's core question, which judges how well the force does.
_JUDGES_THE_FORCE: Final = re.compile(
    r"\b(?:effective\w*|efficien\w*|legitima\w*|well|extent|sustainab\w*|good\s+at)\b", re.I
)

# --- the one table of role weights ----------------------------------------------

ROLE_WEIGHTS: Final[Mapping[str, float]] = {
    # a heading's layout (markdown #, Word Heading N, large or bold type in a PDF)
    "section.heading_layout": 2.0,
    # the words name a section strongly ("Findings", "Summary", "Annex"), whatever the type
    "section.strong_cue": 2.0,
    # the words name a section at all ("What the inspection found")
    "section.weak_cue": 1.0,
    # a short sentence-case paragraph standing alone names its section ("My comments")
    "section.short_alone": 2.0,
    # a one-line paragraph set wholly in bold: a heading where the writer marked it by
    # weight, not by a heading style (Word's bold Normal paragraphs); as strong as layout
    "section.bold_alone": 2.0,
    # a short numbered line that ends no sentence ("4. AREAS FOR IMPROVEMENT", "2.
    # Inspection findings"): a paper's numbered heading, where plain text shows no type;
    # so is a part's label before a few words ("Part B: What the inspectors found")
    "section.numbered_short": 2.0,
    # a heading is reached at this total: layout and a weak cue, or a strong cue alone
    "section.threshold": 3.0,
}


# Characters past which a block holds more words than any short role allows
# (a note's 40, a lead-in's 25): the cheap first test of most paragraphs.
_LONG_TEXT = 400
# A note is one short sentence or two ("HMICFRS did not identify any areas for
# improvement under this question."); a longer paragraph is prose.
_NOTE_MAX_WORDS = 40


_T = TypeVar("_T")


class _once(Generic[_T]):  # a decorator, named like functools' own
    """A feature worked out on first use and kept on the instance: functools'
    cached_property without its lock (Python 3.11), which cost more than the features."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__

    @overload
    def __get__(self, instance: None, owner: type) -> _once[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type) -> _T: ...
    def __get__(self, instance: object | None, owner: type) -> _once[_T] | _T:
        if instance is None:
            return self
        value = self.func(instance)
        instance.__dict__[self.name] = value
        return value


class Features:
    """What one block shows; every role is scored from these alone. Each feature is
    worked out on first use: most blocks are settled by the cheap ones."""

    def __init__(self, block: Block) -> None:
        self.block = block
        self.text = block.text.strip()

    @_once
    def words(self) -> int:
        return len(self.text.split())

    @property
    def heading_layout(self) -> bool:
        """A HEADING block: its level, type size or weight made it one."""
        return self.block.kind is BlockKind.HEADING

    @property
    def single_line(self) -> bool:
        return "\n" not in self.text

    @_once
    def ends_colon(self) -> bool:
        return self.text.rstrip("*_ ").endswith(":")

    @_once
    def ends_question(self) -> bool:
        return self.text.rstrip("*_ ”’\"'").endswith("?")

    @_once
    def has_box(self) -> bool:
        return CHECKED in self.text or UNCHECKED in self.text

    @_once
    def decimal_marker(self) -> bool:
        return bool(_DECIMAL.match(self.block.marker))

    @_once
    def item_voice(self) -> bool:
        """Speaks as an item does ("should", "needs to"), unless to say there is nothing
        to do ("nothing that the force needs to improve")."""
        return bool(ITEM_VOICE.search(self.text)) and not _NOTHING_TO_DO.search(self.text)

    @_once
    def note(self) -> bool:
        """Says a question has no items: short, saying "no" or "not", then the pattern."""
        lowered = f" {self.text.casefold()}"
        return (
            self.words <= _NOTE_MAX_WORDS
            and (" no" in lowered or " not " in lowered)
            and bool(NO_AFI_NOTE.search(self.text))
        )

    @_once
    def salutation(self) -> bool:
        return self.text[:4].casefold() == "dear" and bool(SALUTATION.match(self.text))

    @_once
    def section_cue(self) -> str | None:
        """The section kind the words name, weakly or strongly."""
        if self.words > THRESHOLDS["section_max_words"]:
            return None
        return section_kind(self.text)

    @_once
    def strong_cue(self) -> bool:
        return self.section_cue is not None and names_section(self.text)

    @_once
    def readers_question(self) -> bool:
        """A heading asking the reader's question about the report ("What did the
        inspectors find?", "What happens next?"), not the inspection's own question
        about the force, which asks how well it does something ("How effective is the
        force at …?", "To what extent …?")."""
        return (
            self.heading_layout
            and self.block.level >= 1
            and self.ends_question
            and bool(_READERS_QUESTION.match(self.text))
            and not _JUDGES_THE_FORCE.search(self.text)
        )

    @_once
    def leader_row(self) -> bool:
        """A form's row whose label a dotted leader joins to its value ("Finding type
        ........ Cause of concern"): a field, never a heading."""
        return "...." in self.text and bool(FORM_FIELD.match(self.text))

    @_once
    def short_line(self) -> bool:
        """One line of a label's few words, ending no sentence."""
        return (
            self.single_line
            and self.words <= THRESHOLDS["label_max_words"]
            and not self.text.endswith((".", ",", ";", ":", "?"))
        )

    @_once
    def numbered_short(self) -> bool:
        """A short top-level numbered list item, or a short paragraph opening with a
        part's label ("Part C:", "Section 4 –")."""
        if self.block.kind is BlockKind.LIST_ITEM:
            numbered = not self.block.depth and self.block.marker[:1].isdigit()
        else:
            numbered = self.block.kind is BlockKind.PARAGRAPH and bool(CONTAINER.match(self.text))
        return numbered and self.short_line

    @_once
    def part_label(self) -> bool:
        """A short line opening with a part's label by one letter or digit ("Part A –",
        "Annex 2:"; not the Act's "Section 55 response")."""
        return (
            self.block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)
            and self.short_line
            and bool(_PART_LABEL.match(self.text))
            and not self.has_box
        )

    @_once
    def bold_alone(self) -> bool:
        """One line of its own, all in bold, not ending a sentence."""
        return (
            self.block.kind is BlockKind.PARAGRAPH
            and self.block.style.bold
            and self.single_line
            and not self.text.rstrip("*_ ").endswith((".", ",", ";", ":"))  # "Recommendation:"
        )

    @_once
    def short_sentence(self) -> bool:
        """A few sentence-case words in a paragraph of their own, no closing punctuation."""
        return (
            self.block.kind is BlockKind.PARAGRAPH
            and self.single_line
            and self.words <= SENTENCE_HEADING_MAX_WORDS
            and self.text[:1].isupper()
            and not self.text.endswith((".", ",", ";", ":"))
        )


def features(block: Block) -> Features:
    """The named features of a block."""
    return Features(block)


def section_score(block: Block, found: Features) -> float:
    """How strongly a block reads as a section's heading (see ``ROLE_WEIGHTS``)."""
    if found.section_cue is None or found.has_box or found.note or found.leader_row:
        return 0.0
    longest = THRESHOLDS["section_max_words" if found.strong_cue else "label_max_words"]
    if block.kind is not BlockKind.HEADING and (not found.single_line or found.words > longest):
        return 0.0  # body text names a section only as a short line of its own
    score = ROLE_WEIGHTS["section.weak_cue"]
    if found.heading_layout:
        score += ROLE_WEIGHTS["section.heading_layout"]
    elif found.bold_alone:
        score += ROLE_WEIGHTS["section.bold_alone"]
    elif found.numbered_short:
        score += ROLE_WEIGHTS["section.numbered_short"]
    if found.strong_cue:
        score += ROLE_WEIGHTS["section.strong_cue"]
    elif found.short_sentence:
        score += ROLE_WEIGHTS["section.short_alone"]
    return score


def group_label(text: str) -> str | None:
    """The item kind a short label announces ("Areas for improvement", "Areas to
    improve", "Recommendations"), if it is one."""
    stripped = text.strip().strip("*_: ")
    if (
        len(stripped.split()) > THRESHOLDS["label_max_words"]
        or ITEM_VOICE.search(stripped)
        or TO_THE_MEETING.match(text.strip())  # "The Panel is recommended to:"
        or stripped[:1].islower()  # the end of a wrapped sentence, not a label
    ):
        return None
    for pattern, kind in ITEM_GROUP_LABELS:
        if pattern.match(stripped):
            return kind
    if NO_AFI_NOTE.search(stripped) or stripped.endswith((".", "?")) or _GRADE.search(stripped):
        return None  # a note, a sentence, or a grade ("Requires improvement")
    return item_kind(stripped)


# A lead-in that reports what the inspectorate wants in the force's voice, naming no
# kind itself: "It said that the force should:", "HMIC recommends the force must:".
_REPORTED_LEAD: Final = re.compile(
    r"^(?:it|they|hmic\w*|the\s+(?:report|inspectorate|inspectors?))\b[^:]{0,30}?\b"
    r"(?:said|says|found|finds|recommend\w*|conclude[sd]|stated?|states|noted|wants?)\b"
    r"(?:\s+that)?\s+(?:the\s+)?(?:force|constabulary|chief\s+constable|police)\s+"
    r"(?:should|must|needs?\s+to|ought\s+to)\s*:$",
    re.I,
)


# A short last sentence that points back to what the one before it named: "Those
# addressed to chief constables apply to the force:", "These are:", "The force should:",
# "I've copied them here word for word:".
_HANDS_ON: Final = re.compile(
    r"^(?:(?:those|these|they|each|all|both|two|three|four|five|six)\b[^:.]{0,80}|"
    r"[^:.]{0,60}\b(?:them|these|those|they)\b[^:.]{0,80}|"
    r"(?:the\s+)?(?:force|constabulary|chief\s+constables?)\s+(?:should|must|needs?\s+to)\s*)"
    r":$",
    re.I,
)


# "Inspectors found nothing that the force needs to improve": a note in an item's words.
_NOTHING_TO_DO: Final = re.compile(NOTHING_TO_IMPROVE, re.I)


def announced_group(text: str) -> str | None:
    """The item kind a sentence ending on a colon announces ("HMIC made the following
    recommendations:", "The recommendations for chief constables are:"); None for an
    item introducing its own points, which speaks in an item's voice ("… recommends
    that the force:"), or a sentence naming two kinds."""
    # the sentence that ends on the colon announces; one before it may mention other
    # kinds ("HMICFRS made no recommendations. It identified the following AFIs:")
    sentences = _LAST_SENTENCE.split(text.strip().strip("*_ "))
    stripped = sentences[-1]
    if TO_THE_MEETING.match(stripped):
        return None  # "The Panel is recommended to:": the meeting's business
    if (
        len(sentences) > 1
        and stripped.endswith(":")
        and _HANDS_ON.match(stripped)
        and not any(pattern.search(stripped) for pattern, _ in ANNOUNCED_GROUPS)
    ):
        # "The report makes five recommendations. Those addressed to chief constables
        # apply to the force:", "… two areas for improvement. The force should:": the
        # last sentence points back to the kind the one before it named
        kinds = {kind for pattern, kind in ANNOUNCED_GROUPS if pattern.search(sentences[-2])}
        if len(kinds) == 1:
            return kinds.pop()
    if _REPORTED_LEAD.match(stripped):
        # "… identified three areas for improvement. It said that the force should:":
        # the reported lead-in hands on the kind the sentence before it named; naming
        # none, what the inspectorate "recommends" is a recommendation, what it
        # "said" or "found" the force should do an area for improvement
        kinds = {kind for pattern, kind in ANNOUNCED_GROUPS if pattern.search(text)}
        if not kinds:
            return _unnamed_kind(stripped)
        return kinds.pop() if len(kinds) == 1 else None
    if RECOMMENDED_THAT.search(stripped) and len(stripped.split()) <= ANNOUNCEMENT_MAX_WORDS:
        return "recommendation"
    if (
        len(sentences) > 1
        and stripped.endswith(":")
        and len(stripped.split()) <= ANNOUNCEMENT_MAX_WORDS
        and _REPORTING.match(sentences[0])
        and not ITEM_VOICE.search(stripped)
    ):
        # "The inspectorate found that the force does not … The changes it wants to see
        # are that:": a report of what was found, closing on a colon, hands over to
        # what the inspectorate wants done, of the one kind it named (or, naming none,
        # as for a reported lead-in)
        kinds = {kind for pattern, kind in ANNOUNCED_GROUPS if pattern.search(text)}
        return kinds.pop() if len(kinds) == 1 else _unnamed_kind(stripped)
    if (
        not stripped.endswith(":")
        or len(stripped.split()) > ANNOUNCEMENT_MAX_WORDS
        # an item's own voice, unless the inspectorate is reported speaking in it
        # ("HMIC identified four areas in which the force needs to improve:")
        or (ITEM_VOICE.search(stripped) and not _REPORTING.match(stripped))
        or not (ANNOUNCING.search(stripped) or _ANNOUNCING_END.search(stripped))
    ):
        return None
    kinds = {kind for pattern, kind in ANNOUNCED_GROUPS if pattern.search(stripped)}
    if not kinds and ITEM_VOICE.search(stripped):
        return _unnamed_kind(stripped)  # reported speech: what the inspectorate wants
    if len(kinds) > 1:
        # "To address this cause of concern, the inspectorate made two recommendations:":
        # a kind named in the clause before the last comma is what the items answer;
        # the main clause's kind is what they are
        main = stripped.rpartition(",")[2]
        kinds = {kind for pattern, kind in ANNOUNCED_GROUPS if pattern.search(main)}
    return kinds.pop() if len(kinds) == 1 else None


def _unnamed_kind(lead_in: str) -> str:
    """The kind a reported lead-in announces without naming it: what the inspectorate
    recommends is a recommendation; what it said or found the force should do, an
    area for improvement."""
    return "recommendation" if "recommend" in lead_in.casefold() else "area_for_improvement"


def is_note(text: str) -> bool:
    """Whether a line says a question has no items ("No areas for improvement")."""
    found = features(Block(BlockKind.PARAGRAPH, text, _NOWHERE))
    return found.note and not found.item_voice


def role_of(block: Block) -> tuple[Role, str | None]:
    """A block's role and the kind it names (a section kind or an item kind)."""
    if block.kind is BlockKind.TABLE_ROW and len(block.cells) > 1:
        return Role.BODY, None  # a table's rows are read by the readers, cell by cell
    found = features(block)
    if block.kind is not BlockKind.HEADING and len(found.text) > _LONG_TEXT:
        # far past every short role (heading, label, lead-in, note): prose or body
        if found.decimal_marker and (not found.item_voice or _REPORTING.match(found.text)):
            return Role.PROSE, None
        return Role.BODY, None
    if found.has_box:
        return Role.FORM, None
    if found.salutation and block.kind is not BlockKind.HEADING:
        # a letter's "Dear Minister,": its body is the commissioner's response, but
        # not a headed section of its own
        return Role.SALUTATION, None
    if found.readers_question:
        # a web page's "What did they find?", "What happens next?": its sections, named
        # by their cues or else by what they hold
        return Role.SECTION, question_section_kind(found.text) or "other"
    if section_score(block, found) >= ROLE_WEIGHTS["section.threshold"]:
        return Role.SECTION, found.section_cue
    if found.part_label:
        # "Part A – The report": a part of the document by its own label, whatever its
        # words; what it holds names its kind
        return Role.SECTION, "other"
    text = block.text
    if found.note and not found.item_voice:
        return Role.NOTE, None
    if found.ends_colon:
        announced = announced_group(text)
        if announced is not None:
            return Role.LEAD_IN, announced
    if block.kind is not BlockKind.LIST_ITEM or found.words <= THRESHOLDS["label_max_words"]:
        label = group_label(text)
        if label is not None:
            return Role.GROUP_LABEL, label
    if (
        found.decimal_marker
        and (not found.item_voice or _REPORTING.match(text))
        and found.words > THRESHOLDS["label_max_words"]
    ):
        # a numbered paragraph ("3.1 HMICFRS concluded that …"): prose, even where it
        # reports what the inspectorate found in an item's words
        return Role.PROSE, None
    return Role.BODY, None


# A paragraph telling what the report says ("The report found that …", "Inspectors
# noted …") is prose about findings, whatever its voice.
_REPORTING: Final = re.compile(
    r"^(?:the\s+)?(?:report|inspectorates?[’']?|inspectors|inspection|hmic\w*)\b.{0,40}?\b"
    r"(?:found|finds|makes|made|identifie[sd]|concluded|noted|notes|says|said|states?|sets?|"
    r"highlight(?:s|ed)|raise[sd]|list(?:s|ed))\b",
    re.I,
)


def _paragraph_numbers(blocks: Sequence[Block], roles: Sequence[tuple[Role, str | None]]) -> bool:
    """Whether the document numbers its paragraphs: a numbered list that runs on across
    a section heading ("5." ends one section, "6." starts the next), as letters and
    papers do. Its numbers then mark paragraphs, not items."""
    last = 0
    crossed = False
    for block, (role, cue) in zip(blocks, roles, strict=True):
        if role is Role.SECTION:
            # a list of items runs on from causes into AFIs ("Areas for improvement"
            # between 2. and 3.); paragraphs run on into other kinds of section
            crossed = crossed or (last > 0 and cue != "findings")
            continue
        if block.kind is not BlockKind.LIST_ITEM or block.depth or not block.marker[:1].isdigit():
            continue
        number = block.marker.rstrip(".)")
        if not number.isdigit():
            continue
        if crossed and int(number) == last + 1 and last > 1:
            return True
        last, crossed = int(number), False
    return False


# A paragraph crediting a quotation: "X said: “…”", "“…,” said X", "X said:".
_ATTRIBUTED: Final = re.compile(
    r"\b(?:said|says|added|adds|commented|stated)\b\s*[:,]?\s*(?:[“\"‘]|$)|[”\"’],?\s+(?:said|says)\b",
    re.I,
)
_CREDITING: Final = ("said", "says", "added", "adds", "commented", "stated")
_OPENS_QUOTE: Final = re.compile(r"^\s*[“\"‘]")


def _quotations(
    blocks: Sequence[Block], found: list[tuple[Role, str | None]]
) -> list[tuple[Role, str | None]]:
    """Attributed quotations, and the quoted paragraphs that continue them, as QUOTE."""
    out = list(found)
    quoting = False
    for index, block in enumerate(blocks):
        role = out[index][0]
        if role not in (Role.BODY, Role.PROSE) or block.kind is BlockKind.TABLE_ROW:
            quoting = False
            continue
        lowered = block.text.casefold()
        attributed = any(verb in lowered for verb in _CREDITING) and bool(
            _ATTRIBUTED.search(block.text)
        )
        if attributed or (quoting and _OPENS_QUOTE.match(block.text)):
            out[index] = (Role.QUOTE, None)
            quoting = True
        else:
            quoting = False
    return out


def unfold_sections(blocks: Sequence[Block]) -> list[Block]:
    """Rows of a layout table read as sections where their label names one, with more
    than a form's value beside it ("Findings" | the findings); other rows stay rows
    ("Title of inspection" | the title; "Graded" | "No – not graded"; "AFI 1" | its
    text, which labels one item)."""
    out: list[Block] = []
    for block in blocks:
        if not block.unfolded:
            out.append(block)
            continue
        label = block.unfolded[0].text
        content = " ".join(b.text for b in block.unfolded[1:])
        if names_a_section(label, content) and not LABELLED_ITEM.match(f"{label} {content}"):
            # normalised only now: most rows are a form's, and stay rows
            out.extend(normalise(block.unfolded))
        else:
            out.append(block)
    return out


def assign_roles(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """Every block with its role and the kind it names (rows of a layout table unfolded
    into the sections they hold)."""
    blocks = unfold_sections(blocks)
    found = [role_of(block) for block in blocks]
    if _paragraph_numbers(blocks, found):
        found = [
            (Role.PROSE, None)
            if role in (Role.BODY, Role.NOTE)
            and block.kind is BlockKind.LIST_ITEM
            and not block.depth
            and block.marker[:1].isdigit()
            and (not ITEM_VOICE.search(block.text) or _REPORTING.match(block.text))
            else (role, cue)
            for block, (role, cue) in zip(blocks, found, strict=True)
        ]
    found = _quotations(blocks, found)
    out = []
    for block, (role, cue) in zip(blocks, found, strict=True):
        if role is Role.SECTION and block.kind is not BlockKind.HEADING:
            out.append(_as_heading(block, cue))
            continue
        same = (role, cue) == (block.role, block.cue)
        out.append(block if same else replace(block, role=role, cue=cue))
    return tuple(out)


def _as_heading(block: Block, cue: str | None) -> Block:
    """A paragraph or numbered line the role stage found to head a section, as the
    heading it is: its number back in its text ("4. AREAS FOR IMPROVEMENT"), ranked
    as a guessed heading (a bold line below a marked one)."""
    text = f"{block.marker} {block.text}" if block.marker[:1].isdigit() else block.text
    return replace(
        block,
        kind=BlockKind.HEADING,
        text=text,
        marker="",
        depth=0,
        level=0 if block.style.bold else 1,
        inferred=True,
        role=Role.SECTION,
        cue=cue,
    )


# A quotation credited to a role: "Police and Crime Commissioner Jo Bloggs said:",
# "…," said the Chief Constable.
_QUOTED_BY: Final = {
    "pcc_response": re.compile(
        r"\b(?:commissioner|pcc|pfcc|mayor)\b[^.“\"]{0,60}\bsaid\b|\bsaid\b[^.]{0,40}?"
        r"\b(?:commissioner|pcc|pfcc|mayor)\b",
        re.I,
    ),
    "force_response": re.compile(
        r"\bconstable\b[^.“\"]{0,60}\bsaid\b|\bsaid\b[^.]{0,40}?\bconstable\b", re.I
    ),
}


def holds_items(blocks: Sequence[Block]) -> bool:
    """Whether blocks present items: a label or lead-in with a list or an item's
    sentence after it, a core question with a list in the item's voice after it, or a
    table with a column of items."""
    if sum(1 for b in blocks if b.kind is BlockKind.LIST_ITEM and _ITEM_FORMULA.match(b.text)) >= 2:
        return True  # "- The force should …" twice: the inspectorate's items, listed
    labelled = (LABELLED_ITEM.match(b.text) for b in blocks if b.kind is not BlockKind.TABLE_ROW)
    if sum(1 for m in labelled if m is not None and ITEM_VOICE.search(m["text"])) >= 2:
        return True  # "AFI1 The force should …", "R2 Within six months, …": labelled items
    announced = asked = False
    for block in blocks:
        if block.role in (Role.GROUP_LABEL, Role.LEAD_IN):
            announced = True
        elif block.role is Role.BODY and block.kind is not BlockKind.LIST_ITEM and _asks(block):
            asked = True
        elif (
            (
                block.kind is BlockKind.TABLE_ROW
                and any(group_label(cell) for cell in block.cells if len(cell.split()) <= 4)
            )
            or (announced and (block.kind is BlockKind.LIST_ITEM or ITEM_VOICE.search(block.text)))
            or (asked and block.kind is BlockKind.LIST_ITEM and ITEM_VOICE.search(block.text))
        ):
            return True
    return False


# How the inspectorate words an item: "The force should …", "Chief constables must …".
_ITEM_FORMULA: Final = re.compile(
    r"^(?:the\s+)?(?:force|forces|constabulary|chief\s+constables?|police\s+forces)\s+"
    r"(?:should|must|needs?\s+to)\b",
    re.I,
)


def _asks(block: Block) -> bool:
    return block.text.rstrip(" *_”’\"'").endswith("?")


# Prose this long is no form's row: a details form holds labels and short values.
_FORM_ROW_MAX_WORDS = 40


def holds_details_form(blocks: Sequence[Block]) -> bool:
    """Whether blocks are a report's details form: rows of a label and a short value, at
    least two of them labelled as details are (report, date published, type, quoted),
    and no prose."""
    if any(len(block.text.split()) > _FORM_ROW_MAX_WORDS for block in blocks):
        return False
    labelled = sum(
        1 for block in blocks if has_detail_label(block.cells[0] if block.cells else block.text)
    )
    rows = sum(1 for block in blocks if block.cells or FORM_FIELD.match(block.text))
    return labelled >= 2 and max(labelled, rows) * 2 >= len(blocks)


def holds_office_use_form(blocks: Sequence[Block]) -> bool:
    """Whether blocks are the office's own record of the response: rows with boxes, one
    naming a step the office takes (sent to the Home Office, put on its website)."""
    boxed = [block for block in blocks if features(block).has_box]
    return bool(boxed) and any(
        pattern.search(block.text) for block in boxed for _, pattern in OFFICE_USE_FIELDS
    )


def asks_questions(blocks: Sequence[Block]) -> bool:
    """Whether blocks hold a question ("How effective is the force at …?")."""
    return any(_asks(block) for block in blocks)


def quoted_side(blocks: Sequence[Block]) -> str | None:
    """The response kind whose people alone are quoted in blocks, if one is."""
    text = "\n".join(block.text for block in blocks)
    sides = {kind for kind, pattern in _QUOTED_BY.items() if pattern.search(text)}
    return sides.pop() if len(sides) == 1 else None


# Reported speech: what the inspectorate found, not what the force should do.
_REPORTED: Final = re.compile(
    r"\b(?:found|finds|concluded|noted|notes|reported|said|says|considered)\s+that\b", re.I
)


def presents_findings(blocks: Sequence[Block]) -> bool:
    """Whether blocks hold more than prose about findings: items (labelled, listed, or a
    sentence in an item's voice that is not reported speech), questions or area grades."""
    return (
        holds_items(blocks)
        or asks_questions(blocks)
        or any(
            (block.kind is BlockKind.LIST_ITEM and block.role is not Role.PROSE)
            or AREA_GRADE.match(block.text.strip())
            or (
                block.role is not Role.PROSE
                and ITEM_VOICE.search(block.text)
                and not _REPORTING.match(block.text)
                and not _REPORTED.search(block.text)
            )
            for block in blocks
        )
    )
