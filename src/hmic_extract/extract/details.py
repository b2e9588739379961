"""Inspection details, force name and office-use boxes: label/value reading of form text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from hmic_extract.blocks import Block, BlockKind
from hmic_extract.extract.dates import find_dates, parse_date
from hmic_extract.normalise import flatten
from hmic_extract.normalise.glyphs import TERMINAL
from hmic_extract.vocabulary import (
    CHECKED,
    DETAIL_LABELS,
    LEADER,
    OFFICE_USE_FIELDS,
    SALUTATION,
    TYPE_OPTION,
    UNCHECKED,
)

_BOX = f"[{CHECKED}{UNCHECKED}]"
# ("Yes ☒", or the box a line or two below, as pdfminer prints a form)
_ANSWER_AFTER = re.compile(rf"\b(?P<answer>Yes|No)[ \t]*(?:\n[ \t]*){{0,2}}(?P<box>{_BOX})")
_ANSWER_BEFORE = re.compile(rf"(?P<box>{_BOX})[ \t]*(?P<answer>Yes|No)\b")
# The answers as a row of labels over a row of boxes: "Yes No" then "☒ ☐" (on the
# next line, or run into one line when the two rows were read as one paragraph).
_ANSWERS_OVER_BOXES = re.compile(
    rf"\b(?P<first>Yes|No)[ \t]+(?P<second>Yes|No)\b\s+"
    rf"(?P<box1>{_BOX})[ \t]*(?P<box2>{_BOX})"
)
_BOX_THEN_LABEL = re.compile(rf"(?P<box>{_BOX})\s*(?P<label>[^{CHECKED}{UNCHECKED}]+)")
_LABEL_THEN_BOX = re.compile(rf"(?P<label>[^{CHECKED}{UNCHECKED}]+?)\s*(?P<box>{_BOX})")
# A stray boxed option is a short label: longer boxed text is something else.
_OPTION_MAX_WORDS = 6
# "On 2 March 2017, HMIC published …", "… inspection, published 20 March 2018":
# a date in the same sentence as "published" is the publication date.
_PUBLISHED_SENTENCE = re.compile(
    r"[^.\n]*\b(?:publish(?:ed|ing)|publication\s+(?:on|of))\b[^.\n]*", re.I
)
# A force's name: capitalised words before "Police" or "Constabulary"
# ("Sussex Police", "British Transport Police", "Devon & Cornwall Police").
_FORCE_NAME = re.compile(
    # "Hampshire and Isle of Wight", "… and the Isles of Scilly": an isle's "of" inside
    # a place's name
    r"\b((?:(?:City\s+of\s+)?[A-Z][a-z]+(?:[-\s]+(?:(?:and|&)\s+)?(?:Isles?\s+of\s+)?"
    r"[A-Z][a-z]+)*)\s+"
    r"(?:Police(?:\s+Service)?|Constabulary))\b(?!\s+and\s+Crime)"
)
# Words that start a capitalised phrase but are never part of a force's name.
_NOT_FORCE_WORDS = frozenset(
    {
        "The",
        "Her",
        "His",
        "Majesty",
        "Inspectorate",
        "Chief",
        "Deputy",
        "Assistant",
        "Commissioner",
        "Crime",
        "National",
        "Each",
        "All",
    }
)
# A heading that names the inspection: "Response to HMICFRS PEEL: Police effectiveness 2018".
_TITLE_HEADING = re.compile(
    r"^(?:(?:the\s+)?(?:pcc'?s?\s+|commissioner'?s?\s+)?response\s+to\s+(?:the\s+)?)?"
    r"(?:hmic(?:frs)?(?:'s)?\s+(?:report|inspection)?\s*[:\-–—]?\s*)(?P<title>.+)$",
    re.I,
)
# Words a force's name keeps in lower case when a capitalised title is re-cased.
_SMALL_WORDS = frozenset({"and", "of", "the"})
# A tick written after an office-use label.
_TICK = re.compile(r"[✓✔]")
# A yes/no written after an office-use label.
_WORD_ANSWER = re.compile(r"[:\-–—]?\s*\b(?P<answer>yes|no)\b\.?", re.I)
# A subject line's tail that dates rather than names the inspection.
_PUBLISHED_SUFFIX = re.compile(r",?\s*(?:published|dated)\b.*$", re.I)
_TITLE_MAX_WORDS = 20
# "Response to HMICFRS report: X", and with the respondent named between:
# "Response of the Police and Crime Commissioner for Lancashire to the HMICFRS report X".
# Not the template's banner, "RESPONSE BY THE PCC TO HMIC INSPECTIONS OF <force>".
_RESPONSE_TO = re.compile(
    r"\bresponse\s+(?:(?:of|from|by)\s+[^:]{1,80}?\s+)?to\s+(?:the\s+)?hmic(?:frs)?(?:'s)?\b\s*"
    r"(?:(?:report|inspection)\b\s*)?"
    r"(?:on\s+|into\s+)?[:\-–—]?\s*(?!\s*inspections?\s+of\b)(?P<title>.+)$",
    re.I,
)
# "RESPONSE BY THE PCC TO HMIC INSPECTIONS OF CLEVELAND POLICE": the force is
# named at the end of the title line.
_FORCE_IN_TITLE = re.compile(
    r"\b(?i:inspections?\s+of)\s+(?:(?i:the)\s+)?"
    r"(?P<force>[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|and|&|of|the))*"
    r"\s+(?i:police|constabulary)(?:\s+(?i:service))?)\s*$"
)
_FORCE_WORDS = re.compile(r"\b(?:police|constabulary|service)\b", re.I)


@dataclass(frozen=True, slots=True)
class TypeOption:
    label: str
    checked: bool | None


@dataclass(frozen=True, slots=True)
class Details:
    """What the inspection-details form says."""

    title: str | None
    published: date | None
    published_text: str | None
    types: tuple[TypeOption, ...]
    force_quoted: bool | None
    force: str | None


# A form table's first cell this short is the row's label.
_ROW_LABEL_MAX_WORDS = 8


def _row_text(block: Block) -> str:
    """A block's text for the form reader: a two-cell table row is "label: value" (the
    cell edge says what a colon would), unless its label already ends on one, asks a
    question or holds a box."""
    if block.kind is BlockKind.TABLE_ROW and len(block.cells) == 2:
        label, value = block.cells
        label = " ".join(label.split())
        if (
            label
            and value.strip()
            and len(label.split()) <= _ROW_LABEL_MAX_WORDS
            and not label.endswith((":", "?"))
            and not re.search(_BOX, label)
        ):
            return f"{label}: {value}"
    return block.text


def form_text(blocks: Sequence[Block]) -> str:
    """A section's text with one line per block line, as the form reader wants it."""
    return "\n".join(_row_text(block) for block in blocks)


def _checked(box: str) -> bool:
    return box == CHECKED


# A form row's own label right before boxed options, in whatever words ("Kind of
# inspection: ☒ Force-specific ☐ National", "Report category:"): from the line's start
# up to a colon, the first box after it.
# A label on a line of its own (a form table's first cell, "Category of inspection")
# holds no digit: a line of a date or a number above boxes is a value, not a label.
_OPTIONS_LABEL = re.compile(
    rf"^[ \t]*(?P<label>[^\n:{CHECKED}{UNCHECKED}]{{3,60}}?)[ \t]*:[ \t]*\n?[ \t]*(?={_BOX})|"
    rf"^[ \t]*(?P<own_line>[^\n:\d{CHECKED}{UNCHECKED}]{{3,60}}?)[ \t]*\n[ \t]*(?={_BOX})",
    re.M,
)


def _options_label(text: str) -> re.Match[str] | None:
    """The label of a row of two or more boxed options that are not a Yes/No answer:
    what the inspection types are, by the form's layout when its words are unknown."""
    for match in _OPTIONS_LABEL.finditer(text):
        row = text[match.end() :].split("\n\n", 1)[0]
        labels = [m["label"].strip(" :;,").casefold() for m in _BOX_THEN_LABEL.finditer(row)]
        if len(labels) >= 2 and not {"yes", "no"} & set(labels):
            return match
    return None


def _regions(text: str) -> dict[str, tuple[re.Match[str], str]]:
    """Each label found, with the text between it and the next label; the type options'
    label by its options when its words are not the vocabulary's."""
    found = []
    for name, pattern in DETAIL_LABELS.items():
        match = pattern.search(text)
        if match:
            found.append((match.start(), name, match))
    if not any(name == "types" for _, name, _ in found):
        options = _options_label(text)
        taken = {start for start, _, _ in found}
        if options is not None and options.start() not in taken:
            found.append((options.start(), "types", options))
    found.sort()
    regions = {}
    for index, (_, name, match) in enumerate(found):
        end = found[index + 1][0] if index + 1 < len(found) else len(text)
        regions[name] = (match, text[match.end() : end])
    return regions


def _quoted_answer(text: str) -> tuple[bool | None, list[tuple[int, int]]]:
    """The Yes/No answer and where it was written (to keep it out of the type options)."""
    for pattern in (_ANSWER_AFTER, _ANSWER_BEFORE):
        answers = {m["answer"].casefold(): m for m in pattern.finditer(text)}
        if {"yes", "no"} <= answers.keys():
            spans = [answers["yes"].span(), answers["no"].span()]
            yes, no = _checked(answers["yes"]["box"]), _checked(answers["no"]["box"])
            return _answer(yes, no), spans
    for match in _ANSWERS_OVER_BOXES.finditer(text):
        boxes = {
            match["first"].casefold(): _checked(match["box1"]),
            match["second"].casefold(): _checked(match["box2"]),
        }
        if boxes.keys() == {"yes", "no"}:
            return _answer(boxes["yes"], boxes["no"]), [match.span()]
    return None, []


def _answer(yes: bool, no: bool) -> bool | None:
    """The answer two boxes give: one ticked is that answer; both or neither, unknown."""
    return True if yes and not no else False if no and not yes else None


def _plain_answer(value: str) -> bool | None:
    """An answer written without boxes: "Yes" alone is yes, "No" alone is no."""
    words = {w.casefold() for w in re.findall(r"\b(?:Yes|No)\b", value, re.I)}
    if words == {"yes"}:
        return True
    if words == {"no"}:
        return False
    return None


def _box_order(value: str) -> tuple[re.Pattern[str], int]:
    """How a form's boxes pair with their labels, and where in the flattened text to
    start: box first where the text opens on a box or every box opens a line of its
    label ("☒ National" a line, the words before the first box the form's
    instruction, "(tick all that apply)"); else label first."""
    flat = " ".join(value.split())
    # a lone box on its line pairs with the label above it, not the one below
    box_lines = [line.strip() for line in value.split("\n") if re.search(_BOX, line)]
    boxed_labels = box_lines and all(
        re.match(rf"{_BOX}\s*[^\s{CHECKED}{UNCHECKED}]", line) for line in box_lines
    )
    if re.match(_BOX, flat) or boxed_labels:
        first = re.search(_BOX, flat)
        return _BOX_THEN_LABEL, first.start() if first else 0
    return _LABEL_THEN_BOX, 0


def _options(value: str) -> tuple[TypeOption, ...]:
    """The type options listed in ``value``, each with its box state: a box beside
    each label; labels and boxes as two columns; or labels run together apart from
    their boxes, told apart by the template's option names."""
    paired = _column_options(value)
    if paired:
        return paired
    flat = " ".join(_options_rows(value).split())
    if re.search(_BOX, flat):
        pattern, start = _box_order(value)
        options = tuple(
            TypeOption(label, _checked(m["box"]))
            for m in pattern.finditer(flat, start)
            if (label := m["label"].strip(" :;,"))
        )
        if any(len(TYPE_OPTION.findall(option.label)) > 1 for option in options):
            return _run_together_options(value) or options
        return options
    labels = [
        part.strip(" :;,•-") for line in value.split("\n") for part in re.split(r"\s{2,}", line)
    ]
    return tuple(TypeOption(label, None) for label in labels if label)


# The next row of a form: its label, then a colon and a value ("Graded: No – …").
_NEXT_ROW = re.compile(r"^\s*[A-Z][^:\n]{1,60}:\s+\S")


def _options_rows(value: str) -> str:
    """The lines of boxed options, up to a line of the form's next question or label
    ("Does the report quote the force?", "Graded: No") that follows them without a box
    of its own."""
    lines = value.split("\n")
    boxed = False
    for index, line in enumerate(lines):
        if re.search(_BOX, line):
            boxed = True
        elif boxed and (line.rstrip(" *_").endswith(("?", ":")) or _NEXT_ROW.match(line)):
            return "\n".join(lines[:index])
    return value


def _paired_columns(text: str) -> list[tuple[str, bool]]:
    """Labels printed as a column and their boxes as another (pdfminer's text of a
    form): each run of label lines paired in order with a run of as many lone boxes
    right after it, or else right before it."""
    runs: list[tuple[bool, list[str]]] = []  # (is a run of boxes, its lines)
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        is_box = bool(re.fullmatch(_BOX, line))
        if not is_box and re.search(_BOX, line):
            runs.append((False, []))  # a line mixing boxes and words breaks the columns
            continue
        if runs and runs[-1][0] == is_box:
            runs[-1][1].append(line)
        else:
            runs.append((is_box, [line]))
    pairs: list[tuple[str, bool]] = []
    used: set[int] = set()
    for index, (is_box, labels) in enumerate(runs):
        if is_box or not labels:
            continue
        for other in (index + 1, index - 1):
            if 0 <= other < len(runs) and other not in used:
                boxes_run, boxes = runs[other]
                if boxes_run and len(boxes) == len(labels):
                    pairs.extend(zip(labels, map(_checked, boxes), strict=True))
                    used.add(other)
                    break
    return pairs if len(pairs) >= 2 else []


def _column_options(value: str) -> tuple[TypeOption, ...]:
    """Options printed as a column of labels and a column of boxes."""
    return tuple(TypeOption(label.strip(" :;,"), box) for label, box in _paired_columns(value))


def _run_together_options(value: str) -> tuple[TypeOption, ...]:
    """Options whose labels ran together apart from their boxes ("☒ ☐ ☐ Cumbria
    Specific Follow Up / Partner Inspection National ☐ ☐"): the template's labels
    in order, paired with the boxes in order, when they are as many."""
    boxes = [_checked(box) for box in re.findall(_BOX, value)]
    labels = [m.group(0) for m in TYPE_OPTION.finditer(re.sub(_BOX, " ", value))]
    if len(labels) < 2 or len(labels) != len(boxes):
        return ()
    return tuple(
        TypeOption(" ".join(label.split()), box) for label, box in zip(labels, boxes, strict=True)
    )


def _stray_options(value: str, known: tuple[TypeOption, ...]) -> tuple[TypeOption, ...]:
    """Boxed options printed after the quoted question (pdftotext's reading order can
    carry part of a two-column type list past it): lines of one short boxed label."""
    if not known or any(option.checked is None for option in known):
        return ()
    labels = {option.label.casefold() for option in known}
    found = []
    for line in value.split("\n"):
        options = _options(line)
        if len(options) != 1 or options[0].checked is None:
            continue
        [option] = options
        if len(option.label.split()) <= _OPTION_MAX_WORDS and option.label.casefold() not in labels:
            labels.add(option.label.casefold())
            found.append(option)
    return tuple(found)


def _value_column(
    values: str,
) -> tuple[str | None, str | None, date | None, tuple[TypeOption, ...]]:
    """Title, date and options from a column of values: the title runs up to the date."""
    dates = find_dates(values)
    if not dates:
        return None, None, None, ()
    first = dates[0]
    title = flatten(values[: first.start]).strip(" :") or None
    return title, first.text, first.date, _options(values[first.start + len(first.text) :])


def _take_options_before_label(
    regions: dict[str, tuple[re.Match[str], str]],
) -> tuple[TypeOption, ...]:
    """Boxed options printed above the type label, after the value of the field
    before it, taken out of that field's value. A web page printed to PDF centres
    the label beside its options, so the first of them come before it."""
    types_at = regions["types"][0].start()
    before = [name for name, (label, _) in regions.items() if label.start() < types_at]
    if not before:
        return ()
    name = max(before, key=lambda field: regions[field][0].start())
    label, value = regions[name]
    first_box = re.search(_BOX, value)
    if first_box is None or not value[: first_box.start()].strip():
        return ()  # no options, or no value of the field's own before them
    options = [
        TypeOption(" ".join(m["label"].split()).strip(" :;,"), _checked(m["box"]))
        for m in _BOX_THEN_LABEL.finditer(value, first_box.start())
    ]
    if any(o.label.casefold() in ("", "yes", "no") for o in options) or any(
        len(o.label.split()) > _OPTION_MAX_WORDS for o in options
    ):
        return ()  # boxes of something else: an answer, or longer text
    regions[name] = (label, value[: first_box.start()])
    return tuple(options)


# Where a form's value runs on into the next row's label, known or not: a few
# capitalised words and a colon ("Published by HMICFRS:", "Inspectorates:"), or a
# label before a date ("Published 11 April 2019"), after the value's own first words.
_FORM_VALUE = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?-i:[A-Z])[a-z]+\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/\d{2,4}|[☒☐]|"
    r"(?-i:[A-Z]{3,})\b|(?:Yes|No)\b)"
)
_NEXT_LABEL = re.compile(
    rf"\s+(?=(?-i:[A-Z])[\w’'()/-]*(?:\s+[\w’'()/-]+){{0,5}}?\s*:\s+{_FORM_VALUE})"
    # the rows a report's details hold, whatever their value
    r"|\s+(?=(?-i:Inspectorates?|Published|Publication\s+date|Date\s+of\s+\w+|Response\s+"
    r"(?:by|date|published)|Force|Type\s+of\s+inspection)\b\s*:?\s+(?-i:[A-Z0-9]))"
    r"|\s+(?=(?-i:[A-Z])\w+(?:\s+on)?\s+\d{1,2}(?:st|nd|rd|th)?\s+(?-i:[A-Z])[a-z]+\s+(?:19|20)\d\d)"
)
# A value's own first words may hold a colon ("PEEL: Police efficiency 2017").
_VALUE_HEAD_WORDS = 3


def _value_end(value: str | None) -> str | None:
    """A form's value cut where the next label begins."""
    if value is None:
        return None
    words = value.split()
    head = " ".join(words[:_VALUE_HEAD_WORDS])
    rest = value[len(head) :] if value.startswith(head) else ""
    cut = _NEXT_LABEL.search(rest)
    return (head + rest[: cut.start()]).strip(" :") if cut else value


def read_details(
    blocks: Sequence[Block], document_title: str | None, *, rows_apart: bool = False
) -> Details:
    """Title, publication date, type options, quoted answer and force from the details form.

    With ``rows_apart`` (rows picked out of a preamble, not a form's section), a title
    given on its label's line ends with that line: the next block is another paragraph
    ("HMICFRS report: Title" over "A copy of this letter will be published …")."""
    # dotted leaders join a label to its value ("Published ........ 2 May 2019")
    text = LEADER.sub(": ", form_text(blocks))
    quoted, answer_spans = _quoted_answer(text)
    masked = text
    for start, end in answer_spans:
        masked = masked[:start] + " " * (end - start) + masked[end:]
    regions = _regions(masked)
    title = published_text = force = None
    published = None
    types: tuple[TypeOption, ...] = ()
    if "types" in regions:
        types = _take_options_before_label(regions)
    if "title" in regions:
        value = regions["title"][1]
        own_line = value.lstrip(" \t:").partition("\n")[0]
        if rows_apart and own_line.strip():
            value = own_line
        title = flatten(value).strip(" :") or None
    if "published" in regions:
        published_text = flatten(regions["published"][1]).strip(" :") or None
        published = parse_date(published_text or "")
    if "types" in regions:
        types += _options(regions["types"][1])
    if "quoted" in regions:
        label, value = regions["quoted"]
        named = flatten(label["force"] or label["object"] or "")
        force = named if _FORCE_WORDS.search(named) else None  # not "the force"
        if not answer_spans:
            quoted = _plain_answer(value)
        # options printed after the quoted question: as columns, or a line at a time
        types += _column_options(value)
        types += _stray_options(value, types)
    if title is None and (published is None or "title" in regions) and regions:
        # Labels printed as one column, then their values as another (pdftotext's
        # reading order): the values all follow the last label, and the title
        # label, if printed, has none of its own.
        last = max(regions.values(), key=lambda region: region[0].start())
        title, column_published_text, column_published, column_types = _value_column(last[1])
        if published is None:
            published_text, published = column_published_text, column_published
        types = column_types or types  # the options are in the values column too
    if force is None and document_title:
        force = force_from_title(document_title)
    return Details(_value_end(title), published, published_text, types, quoted, force)


def force_from_title(title: str) -> str | None:
    """The force named at the end of a title line, in title case if printed in capitals."""
    match = _FORCE_IN_TITLE.search(flatten(title))
    if not match or not _FORCE_WORDS.search(match["force"]):
        return None
    force = match["force"].strip(" .:")
    if not force.isupper():
        return force
    words = force.title().split()
    return " ".join([words[0], *(w.lower() if w.lower() in _SMALL_WORDS else w for w in words[1:])])


def _set_field(states: dict[str, bool | None], label: str, state: bool) -> None:
    """Give ``state`` to the first office-use field, not yet set, that ``label`` names."""
    for name, pattern in OFFICE_USE_FIELDS:
        if states[name] is None and pattern.search(label):
            states[name] = state
            return


def read_office_use(blocks: Sequence[Block]) -> dict[str, bool | None]:
    """The office-use boxes: each field's state from the box beside its label."""
    form = form_text(blocks)
    text = " ".join(form.split())
    states: dict[str, bool | None] = {name: None for name, _ in OFFICE_USE_FIELDS}
    if not re.search(_BOX, text):
        return _office_use_answers(form, states)
    for printed, checked in _paired_columns(form):
        _set_field(states, printed, checked)
    if all(state is not None for state in states.values()):
        return states
    pattern, start = _box_order(form)
    for match in pattern.finditer(text, start):
        _set_field(states, match["label"], _checked(match["box"]))
    # The form has boxes: a listed field with none beside it was left unticked
    # (an empty table cell next to another row's "X").
    for name, label in OFFICE_USE_FIELDS:
        if states[name] is None and label.search(text):
            states[name] = False
    return states


def _office_use_answers(text: str, states: dict[str, bool | None]) -> dict[str, bool | None]:
    """Office-use fields answered in words ("Response forwarded to Home Office: Yes"),
    each answer belonging to the label written since the answer before it."""
    flat = " ".join(text.split())
    label_start = 0
    for answer in _WORD_ANSWER.finditer(flat):
        _set_field(states, flat[label_start : answer.start()], answer["answer"].casefold() == "yes")
        label_start = answer.end()
    # A date or a tick written after a field's label says it was done
    # ("Date forwarded to Home Office: 12/01/2018", "Published on website ✓").
    for line in text.split("\n"):
        for name, pattern in OFFICE_USE_FIELDS:
            found = pattern.search(line)
            if states[name] is None and found:
                rest = line[found.end() :]
                if _TICK.search(rest) or find_dates(rest):
                    states[name] = True
    return states


# The response's own publication ("The Commissioner's response was published on 24
# May 2019"): a date, but not the report's.
_RESPONSE_PUBLISHED = re.compile(
    r"\b(?:response|comments|letter|reply|statement|this\s+paper)\b[^.]{0,40}?"
    r"\b(?:was|were|is|are|will\s+be)\s+published\b"
    # a page's own byline: "Published by the Office of the Police and Crime Commissioner"
    r"|\bpublished\s+by\s+(?:the\s+)?(?:office\b|opcc\b|o?pf?cc\b|mayor\b|[^.,]{0,40}?"
    r"\bcommissioner\b)",
    re.I,
)
# "published today", "published yesterday (29 September)": dated by the release.
_PUBLISHED_RELATIVE = re.compile(
    r"\b(?:published|released)\s+(?P<when>today|yesterday)\b(?:\s*\((?P<day>[^()]{3,30})\))?",
    re.I,
)
# A release's dateline or a page's "Posted:" line, near the top: the day it came out.
_DATELINE = re.compile(
    r"^[^\n]{0,80}?(?:(?:posted|published|released|date|updated)\s*(?:on)?\s*:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:19|20)\d\d)\b",
    re.I | re.M,
)
# The dateline stands in the first lines of a release or page.
_DATELINE_SPAN = 1200


def published_in_prose(text: str) -> date | None:
    """The publication date stated in prose, for documents without a details form:
    "published on 9 September 2022", or "published today" on the release's date."""
    for sentence in _PUBLISHED_SENTENCE.finditer(text):
        if _PUBLISHED_RELATIVE.search(sentence.group(0)) or _RESPONSE_PUBLISHED.search(
            sentence.group(0)
        ):
            continue  # its own date (if any) is not the report's
        found = parse_date(sentence.group(0))
        if found is not None:
            return found
    relative = _PUBLISHED_RELATIVE.search(text)
    if relative is not None and relative["day"] and (stated := parse_date(relative["day"])):
        return stated  # "published today (12 December 2017)": the date is given
    dateline = _DATELINE.search(text[:_DATELINE_SPAN])
    if relative is None or dateline is None:
        return None
    released = parse_date(dateline["date"])
    if released is None or relative["when"].casefold() == "today":
        return released
    if relative["day"]:
        named = parse_date(f"{relative['day']} {released.year}")
        if named is not None:
            return named
    return released - timedelta(days=1)


def force_in_prose(text: str) -> str | None:
    """The force named most often in the text, for documents without a details form."""
    counts: dict[str, int] = {}
    for match in _FORCE_NAME.finditer(" ".join(text.split())):
        words = match.group(1).split()
        while words and words[0] in _NOT_FORCE_WORDS:
            words = words[1:]
        if len(words) < 2:
            continue
        name = " ".join(words)
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda name: (counts[name], -len(name)))


# A quoted span, its closing mark the pair of its opening one: a title in double
# quotes may hold single ones ("Both sides of the coin: … in 'county lines' …").
_QUOTED = (
    r"(?:“(?P<a>[^”\n]{8,240})”|\"(?P<b>[^\"\n]{8,240})\"|‘(?P<c>[^\n]{8,240}?)’(?!\w)"
    r"|(?<!\w)'(?P<d>[^\n]{8,240}?)'(?!\w))"
)
# A report named in prose: quoted after "report" ("the report, ‘Living in fear – …’"),
# after "published", or quoted and then published ("‘Both sides …’ was published by …").
_QUOTED_TITLES = (
    # "Commissioner's response to ‘X’", "Response to the HMIC and HMCPSI report ‘X’"
    re.compile(rf"\brespon\w*\s+to\s+(?:[\w&’'-]+\s+){{0,6}}?{_QUOTED}", re.I),
    re.compile(
        r"\b(?:report|inspection|review|publication)(?:\s+(?:entitled|titled|called|named))?"
        rf"\s*,?\s*{_QUOTED}",
        re.I,
    ),
    re.compile(rf"\bpublished\s+(?:its\s+report\s+)?{_QUOTED}", re.I),
    re.compile(rf"{_QUOTED}\s*(?:,\s*)?(?:was|were|has\s+been|is)\s+published\b", re.I),
)
# A PEEL assessment named by its year: "PEEL: Police effectiveness 2017", "PEEL 2021/22",
# "PEEL 2023–25: Police effectiveness, efficiency and legitimacy – An inspection of X".
_PEEL_TITLE = re.compile(
    r"\bPEEL(?:\s*[:\-–—]\s*(?:[A-Z][\w-]*|police|effectiveness|efficiency|legitimacy)"
    r"(?:\s+[\w-]+){0,3}?\s+(?:19|20)\d\d(?:[/\-–]\d\d)?|\s+(?:19|20)\d\d(?:[/\-–]\d\d)?)\b"
)
# A letter's subject line: "Re: HMICFRS inspection report – PEEL: …", "Subject: …".
# A subject telling of the inspection "of" the force ("Subject: HMICFRS inspection of
# Xshire Police (PEEL 2018/19)") describes the report without giving its title.
_SUBJECT = re.compile(
    r"^(?:re|subject)\s*:\s*(?!\s*(?:the\s+)?hmic(?:frs)?\s+(?:inspection|report)\s+of\b)"
    r"(?:(?:the\s+)?hmic(?:frs)?\s*(?:inspection\s+)?(?:report\s+)?"
    r"(?:on\s+|into\s+)?[:\-–—]?\s*)?(?P<title>.+)$",
    re.I,
)


# A report named by a title set apart in the text: "HMICFRS published *Title*", "the
# report *Title* looked at …", "its inspection, *Title*".
_CITING = r"\b(?:published|report|inspection|entitled|titled|called)\b[^.!?]{0,40}?"


def cited_title(cited: Sequence[str], paragraphs: Sequence[str]) -> str | None:
    """The first title set apart in running text (italics, ``<cite>``) that a sentence
    names as the report: it follows "published", "report" or "inspection"."""
    texts = [flatten(paragraph) for paragraph in paragraphs]
    for title in cited:
        if not 2 <= len(title.split()) <= _TITLE_MAX_WORDS * 2:
            continue
        citing = re.compile(_CITING + re.escape(title), re.I)
        if any(citing.search(text) for text in texts):
            return title.strip(" .,")
    return None


def title_in_prose(paragraphs: Sequence[str]) -> str | None:
    """The report's title where only the prose names it: a letter's subject line, a
    quoted title beside "report" or "published", or a PEEL assessment and its year."""
    for index, paragraph in enumerate(paragraphs):
        text = flatten(paragraph)
        subject = _SUBJECT.match(text)
        if subject is None and index and SALUTATION.match(flatten(paragraphs[index - 1])):
            # the line under "Dear Home Secretary," that is no sentence is the subject
            subject = None if TERMINAL.search(text) else _SUBJECT.match(f"Re: {text}")
        if subject and 2 <= len(subject["title"].split()) <= _TITLE_MAX_WORDS:
            return _PUBLISHED_SUFFIX.sub("", subject["title"]).strip(" .:,")
    for paragraph in paragraphs:
        for pattern in _QUOTED_TITLES:
            quoted = pattern.search(flatten(paragraph))
            if quoted:
                title = next(t for t in quoted.group("a", "b", "c", "d") if t).strip(" .,")
                if 2 <= len(title.split()) <= _TITLE_MAX_WORDS * 2:
                    return title
    for paragraph in paragraphs:
        peel = _PEEL_TITLE.search(flatten(paragraph))
        if peel:
            return peel.group(0)
    return None


def title_in_headings(headings: Sequence[str], paragraphs: Sequence[str]) -> str | None:
    """An inspection title given as a heading ("Response to HMICFRS PEEL: …"), or a
    subject line that says so inside a longer first paragraph. Only a heading may
    be the title after a bare "HMICFRS": a paragraph starting so is a sentence."""
    candidates = [(flatten(h), True) for h in headings] + [(flatten(p), False) for p in paragraphs]
    for text, is_heading in candidates:
        match = (_TITLE_HEADING.match(text) if is_heading else None) or _RESPONSE_TO.search(text)
        if match and 2 <= len(match["title"].split()) <= _TITLE_MAX_WORDS:
            quoted = re.search(_QUOTED, match["title"])
            if quoted:  # "… and HMCPSI report ‘Living in fear – …’": the quoted words
                return next(t for t in quoted.group("a", "b", "c", "d") if t).strip(" .,")
            title = _PUBLISHED_SUFFIX.sub("", match["title"])
            return title.strip(" .:,")
    return None
