"""Stage 4, segment: split the blocks into the response's sections by their headings.

Headings are matched tolerantly (case, numbering, punctuation, wording
variants) against the vocabulary. Everything before the first recognised
section is the preamble, whose first heading is the document's title.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from hmic_extract.blocks import Block, BlockKind, Location, Role, span_of
from hmic_extract.cues import section_kind
from hmic_extract.roles import (
    asks_questions,
    group_label,
    holds_details_form,
    holds_items,
    holds_office_use_form,
    presents_findings,
    quoted_side,
)
from hmic_extract.vocabulary import (
    AREA_GRADE,
    CHECKED,
    NUMBERED,
    QUESTION_LABEL,
    UNCHECKED,
)

# The document's own title line names the inspectorate or its inspections, and the
# response or more than a heading's few words; before the first section such a line
# is the title ("RESPONSE BY THE PCC TO HMIC INSPECTIONS OF …"), where a short heading
# naming the inspectorate is a section's ("HMIC's judgement", "What HMICFRS found").
_DOCUMENT_TITLE = re.compile(r"\b(?:hmic(?:frs)?|inspections?\s+of|inspectorate)\b", re.I)
_TITLE_RESPONSE = re.compile(r"\brespon", re.I)
_HEADING_WORDS = 6


def _document_title(text: str) -> bool:
    return bool(_DOCUMENT_TITLE.search(text)) and (
        len(text.split()) > _HEADING_WORDS or bool(_TITLE_RESPONSE.search(text))
    )


@dataclass(frozen=True, slots=True)
class Section:
    """A run of blocks under one heading."""

    kind: str
    heading: str
    heading_block: Block
    blocks: tuple[Block, ...]
    location: Location


@dataclass(frozen=True, slots=True)
class Segmented:
    """A document split into its title, preamble and sections."""

    title: str | None
    preamble: tuple[Block, ...]
    sections: tuple[Section, ...]
    unknown_headings: tuple[str, ...]


def _heading_kind(block: Block) -> str | None:
    """The section a block opens, if the role stage made it a section's heading."""
    return block.cue if block.role is Role.SECTION else None


_PLURAL_KIND = re.compile(r"\b(?:recommendations|causes|areas|afis)\b", re.I)
# A label numbering one item ("Recommendation 1", "AFI 2") never opens a section.
_NUMBERED_LABEL = re.compile(r"^\W*[A-Za-z][\w ]{1,40}?\s+\d{1,2}\b")


# A numbered heading ("4. Findings") outranks an unnumbered one beside it.
_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[A-Z][.)])\s+")


def _asks(blocks: Sequence[Block]) -> bool:
    """Whether a question or a graded area is open in these blocks."""
    return asks_questions(blocks) or any(AREA_GRADE.match(b.text.strip()) for b in blocks)


def _same_rank(block: Block, heading: Block) -> bool:
    """Whether a heading ranks with a section's own: the same level (not a bold line),
    type size, capitals and numbering ("Recommendations" beside "What the inspection
    found", not under "FINDINGS" or in smaller type)."""
    return (
        block.kind is BlockKind.HEADING
        and block.level >= 1
        and block.level == heading.level
        and round(block.style.size, 2) == round(heading.style.size, 2)
        and block.text.isupper() == heading.text.isupper()
        and bool(_SECTION_NUMBER.match(block.text)) == bool(_SECTION_NUMBER.match(heading.text))
    )


def _opens_own_section(label: Block, heading: Block, body: Sequence[Block]) -> bool:
    """Whether an item label inside findings opens a findings section of its own: it
    ranks with the section's heading, numbers no single item and ends on no colon;
    under a question it is the question's ("Cause of concern"), unless the source
    itself marks it a heading of that rank and it collects the whole report's
    ("Recommendations" in Word's Heading 1 after a question asked in bold type)."""
    return (
        _same_rank(label, heading)
        and not _NUMBERED_LABEL.match(label.text)
        and not label.text.rstrip(" *_").endswith(":")
        and (not _asks(body) or (bool(_PLURAL_KIND.search(label.text)) and not label.inferred))
    )


def _is_findings_label(text: str) -> bool:
    """Headings that structure findings (questions, areas, item groups) without ending them."""
    text = text.strip()
    return bool(
        text.endswith("?")
        or QUESTION_LABEL.match(text)
        or NUMBERED.match(text)
        or AREA_GRADE.match(text)
        or group_label(text) is not None
    )


# A heading in type this much smaller than its section's heading is a sub-heading.
_SMALLER = 0.95


def _ranks_below(block: Block, heading: Block) -> bool:
    """Whether a block is a sub-heading of a section's heading: a bold line or a deeper
    level under a marked heading, or smaller type (a PDF ranks headings by size)."""
    if heading.level and (block.level == 0 or block.level > heading.level):
        return True
    return 0 < block.style.size < heading.style.size * _SMALLER


def _same_type(block: Block, heading: Block) -> bool:
    """Whether a heading is set as another is: the same weight, size above the body's and
    capitals."""
    return (
        heading.kind is BlockKind.HEADING
        and block.style == heading.style
        and (block.style.bold or block.style.size > 1)
        and block.text.isupper() == heading.text.isupper()
    )


def _opens_unknown_section(block: Block, current: str | None, current_heading: Block) -> bool:
    """Whether an unrecognised heading is strong enough to start a section of its own."""
    if block.kind is not BlockKind.HEADING or current is None or block.role is Role.FORM:
        return False  # a form's row ("Is the force named in the report? ☒ Yes ☐ No")
    if block.level == 0 and current_heading.level == 0 and _same_type(block, current_heading):
        # headings told by their type alone (plain text, RTF, a PDF): one set as the
        # section's own heading is, that is no question or label, ranks with it
        return not _is_findings_label(block.text)
    if block.level == 0 or block.level > 3:
        return False  # a bold line or a deep heading structures its section, not the document
    if current_heading.level and block.level > current_heading.level:
        return False  # a sub-heading of the current section ("### Investigating crime")
    if 0 < block.style.size < current_heading.style.size * _SMALLER:
        return False  # the same in a PDF, which ranks headings by their type's size
    if current == "findings" and _next_numbered_section(block, current_heading):
        return True  # "4. Response of …" after "3. What the inspectors found"
    return not (current == "findings" and _is_findings_label(block.text))


def _opens_first_section(block: Block, preamble: Sequence[Block]) -> bool:
    """Whether an unrecognised heading opens the document's first section: a heading
    the source marked, ranked below the title before it ("## The short version" under
    "# …"), or after the opening prose of a page with no title heading (a blog post)."""
    if block.kind is not BlockKind.HEADING or block.level < 1 or block.inferred:
        return False
    if block.role is Role.FORM or _document_title(block.text):
        return False
    titles = [b.level for b in preamble if b.kind is BlockKind.HEADING and b.level >= 1]
    if titles:
        return min(titles) < block.level
    return any(
        b.kind is BlockKind.PARAGRAPH and len(b.text.split()) >= _PROSE_WORDS for b in preamble
    )


# A paragraph this long is prose, not a title's or an address's line.
_PROSE_WORDS = 20


def _next_numbered_section(block: Block, heading: Block) -> bool:
    """Whether a heading carries the next section number after the section's own, at
    its rank ("4. …" after "3. Findings"): the document's numbering, not a question's."""
    this, current = _SECTION_NUMBER.match(block.text), _SECTION_NUMBER.match(heading.text)
    if this is None or current is None or block.text.rstrip().endswith("?"):
        return False
    numbers = [re.match(r"\s*(\d+)", m.group(0)) for m in (this, current)]
    if numbers[0] is None or numbers[1] is None:
        return False
    return _same_rank(block, heading) and int(numbers[0][1]) == int(numbers[1][1]) + 1


# A form's value is a few words: an option's label, a box, "Yes", "No".
_FORM_VALUE_MAX_WORDS = 6


def _is_form_value(block: Block) -> bool:
    text = block.text.strip()
    return len(text.split()) <= _FORM_VALUE_MAX_WORDS and not text.endswith((".", ":", ";"))


def _form_values_back(sections: list[Section]) -> list[Section]:
    """Sections with a details form's values put back where a text rendering moved
    them: past the next heading. pdfminer prints a form's labels, then the heading
    after the form, then the option labels, boxes and Yes/No; those values, up to the
    section's prose, are the form's when a box is among them."""
    out = list(sections)
    for index, (form, after) in enumerate(itertools.pairwise(sections)):
        if form.kind != "inspection_details":
            continue
        count = 0
        while count < len(after.blocks) and _is_form_value(after.blocks[count]):
            count += 1
        values = after.blocks[:count]
        if not any(CHECKED in b.text or UNCHECKED in b.text for b in values):
            continue
        blocks = (*form.blocks, *values)
        out[index] = replace(form, blocks=blocks, location=span_of([form.heading_block, *blocks]))
        rest = after.blocks[count:]
        out[index + 1] = replace(after, blocks=rest, location=span_of([after.heading_block, *rest]))
    return out


# Kinds a section's content may overrule: an unknown heading, or one that names a
# summary or a judgement but holds the findings' labelled items.
_OPEN_KINDS = frozenset({"other", "overall_judgement", "overall_summary", "executive_summary"})
# Kinds a details form overrules: a heading about the report names its details too.
_FORM_KINDS = frozenset({"other", "executive_summary", "overall_summary"})


def _kind_from_content(section: Section) -> Section:
    """A section's kind from what it holds where its heading is unknown or weak:
    a details form makes it the details ("About the report"), boxes for the office's
    own steps its office use, labelled items make it findings, quotes by one side
    that side's response; a findings heading over prose alone ("What the inspection
    found") is a summary."""
    kind = section.kind
    if kind in _FORM_KINDS and holds_details_form(section.blocks):
        kind = "inspection_details"
    elif kind == "other" and holds_office_use_form(section.blocks):
        kind = "office_use"
    elif kind in _OPEN_KINDS and holds_items(section.blocks):
        kind = "findings"
    elif kind == "other" and (side := quoted_side(section.blocks)) is not None:
        kind = side
    elif (
        kind == "findings"
        and group_label(section.heading) is None
        and not presents_findings(section.blocks)
    ):
        kind = "overall_summary"
    return section if kind == section.kind else replace(section, kind=kind)


# Prose that tells of the inspectorate's report: "HMICFRS published its report on …",
# "The inspectors' report … looked at how forces …".
_INSPECTORATE = re.compile(r"\b(?:hmic\w*|inspectorates?|inspectors)\b", re.I)
_REPORT = re.compile(r"\b(?:report|inspection|published)\b", re.I)


def _describes_the_report(section: Section) -> bool:
    """Whether an unknown first section opens by telling of the inspectorate's report,
    and holds nothing else of a response (no items, no one quoted): the report's
    summary ("The inspection", "The report")."""
    opening = next((b.text for b in section.blocks if b.kind is BlockKind.PARAGRAPH), "")
    return (
        bool(_INSPECTORATE.search(opening))
        and bool(_REPORT.search(opening))
        and not any(
            block.role in (Role.QUOTE, Role.GROUP_LABEL, Role.LEAD_IN) for block in section.blocks
        )
    )


# The writer speaking: "I welcome the report", "my assessment".
_FIRST_PERSON = re.compile(r"\b(?:I|my|me)\b")
# A section in which the writer speaks this often is the writer's own comment.
_FIRST_PERSON_MIN = 2


def _letter_writers(section: Section) -> Section:
    """In a commissioner's letter, an unknown section in the writer's own voice ("My
    assessment": "I welcome the report …") is the commissioner's response."""
    if section.kind != "other" or section.heading_block.role is Role.SECTION:
        return section  # a known kind, or one its heading names ("Next steps")
    text = "\n".join([section.heading, *(block.text for block in section.blocks)])
    if len(_FIRST_PERSON.findall(text)) < _FIRST_PERSON_MIN:
        return section
    return replace(section, kind="pcc_response")


def _lone_top_heading(blocks: Sequence[Block]) -> Block | None:
    """The heading opening the document, when the source ranks it above every other
    (a page's one ``<h1>``, a markdown ``#`` over ``##`` sections): the document's
    title, whatever its words ("Commissioner welcomes inspection findings")."""
    if not blocks or blocks[0].kind is not BlockKind.HEADING or blocks[0].level != 1:
        return None
    levels = [b.level for b in blocks[1:] if b.kind is BlockKind.HEADING and not b.inferred]
    return blocks[0] if levels and min(levels) > 1 else None


def segment(blocks: Sequence[Block]) -> Segmented:
    """Sections in document order, the preamble before them, and unknown headings met."""
    preamble: list[Block] = []
    sections: list[Section] = []
    unknown: list[str] = []
    kind: str | None = None
    heading = ""
    body: list[Block] = []
    heading_block: Block | None = None

    def close() -> None:
        if kind is not None and heading_block is not None:
            sections.append(
                Section(kind, heading, heading_block, tuple(body), span_of([heading_block, *body]))
            )

    title_heading = _lone_top_heading(blocks)
    for block in blocks:
        found = _heading_kind(block)
        if (
            kind is None
            and found is not None
            and (
                block is title_heading
                or (
                    _document_title(block.text)
                    and not any(b.kind is BlockKind.HEADING for b in preamble)
                )
            )
        ):
            found = None  # "RESPONSE BY THE PCC TO HMICFRS INSPECTIONS …" is the title
        if (
            found == "findings"
            and kind == "findings"
            and _is_findings_label(block.text)
            and not (heading_block is not None and _opens_own_section(block, heading_block, body))
        ):
            found = None  # "Recommendations" inside findings labels a group of items
        if (
            found == "findings"
            and kind not in (None, "findings")
            and heading_block is not None
            and _ranks_below(block, heading_block)
            and _is_findings_label(block.text)
            and _asks(body)
        ):
            # "**Areas to improve**" under a question asked in the current section
            # labels that question's items; the section's content makes it findings
            found = None
        if (
            found is None
            and heading_block is not None
            and _opens_unknown_section(block, kind, heading_block)
        ) or (found is None and kind is None and _opens_first_section(block, preamble)):
            found = "other"
            unknown.append(block.text)
        if found is not None:
            close()
            kind, heading, body, heading_block = found, block.text, [], block
            continue
        if kind is None:
            preamble.append(block)
        else:
            body.append(block)
    close()
    sections = [_kind_from_content(s) for s in _form_values_back(sections)]
    if (
        sections
        and sections[0].kind == "other"
        and section_kind(sections[0].heading) is None  # words naming no kind, not "Purpose"
        and _describes_the_report(sections[0])
    ):
        sections[0] = replace(sections[0], kind="executive_summary")
    if any(block.role is Role.SALUTATION for block in preamble):
        sections = [_letter_writers(section) for section in sections]
    title = next((b.text for b in preamble if b.kind is BlockKind.HEADING), None)
    if title is None and preamble:
        title = preamble[0].text
    return Segmented(title, tuple(preamble), tuple(sections), tuple(unknown))
