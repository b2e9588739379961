"""Stage 5, extract: every field of the record from the segmented document.

Each field has its own reader module (details, judgement, findings,
statements, dates); this module composes them into one record and notes
anything doubtful as a warning rather than guessing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from hmic_extract.blocks import Block, BlockKind, Role
from hmic_extract.extract.details import (
    cited_title,
    force_in_prose,
    published_in_prose,
    read_details,
    read_office_use,
    title_in_headings,
    title_in_prose,
)
from hmic_extract.extract.findings import (
    Findings,
    question_numbers,
    read_findings,
    record_location,
)
from hmic_extract.extract.judgement import Grades, grades_by_year, grades_in_form, read_grades
from hmic_extract.extract.statements import find_named, handed_over, read_statements, signed_by
from hmic_extract.models import (
    Inspection,
    InspectionType,
    Item,
    Judgement,
    OfficeUse,
    Record,
    Response,
    Section,
    Source,
    Statement,
    Warning,
)
from hmic_extract.normalise import flatten
from hmic_extract.segment import Segmented
from hmic_extract.vocabulary import (
    CHECKED,
    CHIEF_CONSTABLE_ROLES,
    COMMISSIONER_LED_FORCE,
    COMMISSIONER_ROLES,
    UNCHECKED,
    has_detail_label,
)

_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# Where a document without a details form names its inspection: its first few
# paragraphs (a letter's subject line).
_TITLE_SEARCH = 8


# Sections that are forms, never lists of items.
_FORMS = frozenset({"inspection_details", "office_use"})


def _item_count(findings: Findings) -> int:
    return (
        sum(len(q.areas_for_improvement) for q in findings.questions)
        + len(findings.areas_for_improvement)
        + len(findings.recommendations)
        + len(findings.causes_of_concern)
    )


def _same_item_key(text: str) -> str:
    """Enough of an item's words to know it again when a table restates it."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split()[:12])


def _merged(findings: Findings, tables: Findings) -> Findings:
    """The findings with the items of tables elsewhere: a restated item lends the one
    already read its response; a new one is added."""
    if _item_count(tables) == 0:
        return findings
    known: dict[str, Item] = {}
    for item in (
        *(a for q in findings.questions for a in q.areas_for_improvement),
        *findings.areas_for_improvement,
        *findings.recommendations,
        *findings.causes_of_concern,
    ):
        known[_same_item_key(item.text)] = item
    added: dict[str, list[Item]] = {"afi": [], "rec": [], "coc": []}
    responses: dict[int, str] = {}
    for field, items in (
        ("afi", tables.areas_for_improvement),
        ("rec", tables.recommendations),
        ("coc", tables.causes_of_concern),
    ):
        for item in items:
            earlier = known.get(_same_item_key(item.text))
            if earlier is None:
                added[field].append(item)
            elif earlier.response is None and item.response:
                responses[id(earlier)] = item.response

    def answered(items: Sequence[Item]) -> tuple[Item, ...]:
        return tuple(
            i.model_copy(update={"response": responses[id(i)]}) if id(i) in responses else i
            for i in items
        )

    return replace(
        findings,
        questions=tuple(
            q.model_copy(update={"areas_for_improvement": list(answered(q.areas_for_improvement))})
            for q in findings.questions
        ),
        areas_for_improvement=answered(findings.areas_for_improvement) + tuple(added["afi"]),
        recommendations=answered(findings.recommendations) + tuple(added["rec"]),
        causes_of_concern=answered(findings.causes_of_concern) + tuple(added["coc"]),
    )


# A heading's rest that describes an inspection rather than naming its report: "(HMICFRS
# inspection) of the management of registered sex offenders …".
_DESCRIBED = re.compile(r"^(?:of|into)\s", re.I)


def _headed_blocks(segmented: Segmented, skip: frozenset[str] = frozenset()) -> list[Block]:
    """The preamble, then each section's heading and blocks, but for sections of the
    kinds in ``skip``."""
    return [
        *segmented.preamble,
        *(
            b
            for s in segmented.sections
            if s.kind not in skip
            for b in (s.heading_block, *s.blocks)
        ),
    ]


def _blocks_of(segmented: Segmented, kind: str) -> list[Block]:
    return [b for s in segmented.sections if s.kind == kind for b in s.blocks]


def _all_blocks(segmented: Segmented) -> list[Block]:
    return [*segmented.preamble, *(b for s in segmented.sections for b in s.blocks)]


def _paragraphs(blocks: Sequence[Block]) -> list[str]:
    """Each block's text on one line; numbered list items keep their number ("1) …")."""
    return [
        f"{block.marker} {flatten(block.text)}"
        if block.marker[:1].isalnum() or block.marker[:1] == "("
        else flatten(block.text)
        for block in blocks
        if block.text.strip()
    ]


def _text(blocks: Sequence[Block]) -> str:
    return "\n\n".join(_paragraphs(blocks))


def _letter_body(segmented: Segmented) -> list[Block]:
    """A letter's unheaded body: what follows "Dear …," before any heading, written by
    the commissioner."""
    preamble = list(segmented.preamble)
    start = next((i for i, b in enumerate(preamble) if b.role is Role.SALUTATION), None)
    return [] if start is None else preamble[start + 1 :]


def _responses(
    segmented: Segmented,
    paragraphs: Sequence[str],
    commissioner_roles: frozenset[str],
    chief_roles: frozenset[str],
) -> tuple[Response | None, Response | None]:
    """The force's and the PCC's responses: each headed section's text, and every
    attributed quotation in the document given to the side its speaker is on (a news
    release quotes both anywhere; a letter quotes the Chief Constable in the PCC's
    words). A side with quotations but no section of its own is made of them."""
    quotes = read_statements(paragraphs)
    letter = _letter_body(segmented)
    letter_text = _paragraphs(letter)
    handed = handed_over(letter_text, chief_roles)
    out: list[Response | None] = []
    for kind in ("force_response", "pcc_response"):
        side = [
            Statement(speaker=q.speaker, role=q.role, text=q.text)
            for q in quotes
            if (q.role in commissioner_roles) == (kind == "pcc_response")
        ]
        own = _blocks_of(segmented, kind)
        if kind == "force_response" and handed is not None:
            # a letter hands over to the chief officer's words, up to the sign-off
            passage = letter_text[handed[0] : handed[1]]
            out.append(Response(text="\n\n".join([*passage, _text(own)]).strip(), statements=side))
            continue
        if kind == "pcc_response" and letter:
            words = [
                p
                for i, p in enumerate(letter_text)
                if handed is None or not handed[0] <= i < handed[1]
            ]
            out.append(Response(text="\n\n".join([*words, _text(own)]).strip(), statements=side))
        elif any(s.kind == kind for s in segmented.sections):
            out.append(Response(text=_text(own), statements=side))
        elif side:
            out.append(Response(text="\n\n".join(s.text for s in side), statements=side))
        else:
            out.append(None)
    return out[0], out[1]


# A force's area is its name less "Police" or "Constabulary": "West Mercia Police".
_FORCE_AREA = re.compile(
    r"^(?:the\s+)?(?P<place>.+?)\s+(?:police(?:\s+service)?|constabulary)$", re.I
)


def _credited(response: Response | None, holders: dict[str, str | None]) -> Response | None:
    """The response with each quote credited to a role alone ("said the Commissioner")
    given to the person holding that role; dropped where nobody is named in it."""
    if response is None or all(s.speaker for s in response.statements):
        return response
    statements = [
        statement.model_copy(update={"speaker": holders.get(statement.role)})
        if not statement.speaker
        else statement
        for statement in response.statements
        if statement.speaker or holders.get(statement.role)
    ]
    return response.model_copy(update={"statements": statements})


def _person(
    responses: Sequence[Response | None],
    roles: frozenset[str],
    paragraphs: Sequence[str],
    force: str | None,
) -> str | None:
    """Who holds one of ``roles``: a quoted speaker, else a name beside the role, else a
    letter's signature."""
    for response in responses:
        for statement in response.statements if response else []:
            if statement.role in roles and statement.speaker:
                return statement.speaker
    area = _FORCE_AREA.match(force or "")
    return find_named(paragraphs, roles) or signed_by(
        paragraphs, roles, area["place"] if area else None
    )


def extract(
    segmented: Segmented,
    *,
    source: Source,
    tool_version: str,
    page_date: date | None = None,
    cited: Sequence[str] = (),
) -> Record:
    """The record of one document, with warnings for whatever could not be settled.

    ``page_date`` is a web page's own date (from its metadata): the publication date
    only when the text gives none, with a warning, as it dates the response page.
    ``cited`` are titles the source set apart in running text (italics, ``<cite>``).
    """
    warnings: list[Warning] = []
    # A form printed before any heading (no "Inspection details" section) is read
    # from the preamble's labelled or boxed rows, and only those: prose is not a value.
    details_section = _blocks_of(segmented, "inspection_details")
    form = details_section or [
        block
        for block in segmented.preamble
        if has_detail_label(block.text) or CHECKED in block.text or UNCHECKED in block.text
    ]
    details = read_details(form, segmented.title, rows_apart=not details_section)
    paragraphs = _paragraphs(_all_blocks(segmented))
    everything = "\n\n".join(paragraphs)
    published = details.published or published_in_prose(everything)
    force = (
        details.force
        or force_in_prose(everything)
        # a force named only in a heading ("4. Response of Xshire Police")
        or force_in_prose("\n\n".join(section.heading for section in segmented.sections))
    )
    chief_roles, commissioner_roles = CHIEF_CONSTABLE_ROLES, COMMISSIONER_ROLES
    if force and COMMISSIONER_LED_FORCE.search(force):
        chief_roles = chief_roles | {"Commissioner"}
        commissioner_roles = commissioner_roles - {"Commissioner"}
    title = details.title or cited_title(cited, paragraphs)
    if title is None:
        headed = title_in_headings(
            [b.text for b in segmented.preamble if b.kind is BlockKind.HEADING],
            paragraphs[:_TITLE_SEARCH],
        )
        if headed is None or _DESCRIBED.match(headed):
            # "HMICFRS inspection of the management of …" describes the inspection: a
            # title the prose quotes names it
            title = title_in_prose(_paragraphs(_headed_blocks(segmented))) or headed
        else:
            title = headed
    if published is None and page_date is not None:
        published = page_date
        warnings.append(
            Warning(
                code="published_from_page",
                message=f"publication date {page_date.isoformat()} is the web page's own date "
                "(the response's), not necessarily the report's: the text gives none",
            )
        )
    if published is None:
        warnings.append(Warning(code="no_published_date", message="no publication date found"))
    if force is None:
        warnings.append(Warning(code="no_force", message="the inspected force is not named"))

    year_source = title or ""
    years = _YEAR.findall(year_source)
    inspection_year = int(years[-1]) if years else (published.year if published else None)
    judgement_blocks = _blocks_of(segmented, "overall_judgement")
    grades = read_grades(_text(judgement_blocks), inspection_year)
    if grades.grade is None and not grades.no_grade_stated:
        # no judgement section, or one that states no grade (a key to a table's
        # ratings): the summaries', then the prose's anywhere
        summaries = _blocks_of(segmented, "overall_summary") + _blocks_of(
            segmented, "executive_summary"
        )
        stated = read_grades(_text(summaries), inspection_year, judged_only=True)
        if stated.grade is None and not stated.no_grade_stated:
            # a news release or a letter states the grade in its prose wherever it
            # stands ("rated as 'inadequate'", "graded 'good', up from …"); a table's
            # "n/a" or "not graded" is said of its row, not of the force
            prose = [b for b in _all_blocks(segmented) if b.kind is not BlockKind.TABLE_ROW]
            stated = read_grades(_text(prose), inspection_year, judged_only=True, given_by=True)
        if stated.grade is not None or stated.no_grade_stated or not judgement_blocks:
            grades = stated
    if grades.previous is None and not grades.no_grade_stated:
        # a table of the grades year by year, in the judgement section or anywhere: the
        # grade where the prose gives none, the previous one where the prose agrees
        graded = judgement_blocks or _all_blocks(segmented)
        rows = [block.cells for block in graded if block.kind is BlockKind.TABLE_ROW]
        by_year = grades_by_year(rows, inspection_year)
        if by_year.grade is not None and grades.grade in (None, by_year.grade):
            grades = by_year
    if grades.grade is None and not grades.no_grade_stated:
        in_form = grades_in_form([block.text for block in form])
        if in_form.grade is not None:
            grades = Grades(in_form.grade, grades.previous or in_form.previous, False)
    if not judgement_blocks and grades.grade is None:
        warnings.append(Warning(code="no_judgement", message="no overall judgement section"))
    elif grades.grade is None and not grades.no_grade_stated:
        warnings.append(
            Warning(code="no_grade", message="the judgement section names no grade on the scale")
        )

    all_blocks = [*segmented.preamble, *(b for s in segmented.sections for b in s.blocks)]
    findings_blocks = [
        b for s in segmented.sections if s.kind == "findings" for b in (s.heading_block, *s.blocks)
    ]
    known = question_numbers(all_blocks)
    findings = read_findings(
        findings_blocks,
        known_questions=known,
        published=published,
        section_starts=frozenset(
            id(s.heading_block) for s in segmented.sections if s.kind == "findings"
        ),
    )
    elsewhere = [
        b
        for s in segmented.sections
        if s.kind not in _FORMS and s.kind != "findings"
        for b in (s.heading_block, *s.blocks)
    ]
    if _item_count(findings) == 0:
        # The first reading found nothing: items may stand anywhere the text presents
        # them as items (after "It identified the following areas for improvement:" in
        # a letter, under a label in the commissioner's response, in an annex table).
        anywhere = read_findings(
            _headed_blocks(segmented, skip=_FORMS),
            known_questions=known,
            published=published,
            context_only=True,
        )
        if _item_count(anywhere) > 0:
            findings = anywhere
    elif any(b.kind is BlockKind.TABLE_ROW for b in elsewhere):
        # A table of items outside the findings (the force's response to each
        # recommendation) gives its items too, or the response to one already read.
        tables = read_findings(
            elsewhere, known_questions=known, published=published, tables_only=True
        )
        findings = _merged(findings, tables)
    if findings.undated_relative_deadlines:
        warnings.append(
            Warning(
                code="relative_deadline_undated",
                message=f"{findings.undated_relative_deadlines} relative deadline(s) "
                "cannot be dated without a publication date",
            )
        )
    for heading in segmented.unknown_headings:
        warnings.append(
            Warning(code="unknown_heading", message=f"unrecognised heading {flatten(heading)!r}")
        )

    force_response, pcc_response = _responses(
        segmented, paragraphs, commissioner_roles, chief_roles
    )
    office = read_office_use(_blocks_of(segmented, "office_use"))
    commissioner = _person([pcc_response, force_response], commissioner_roles, paragraphs, force)
    chief_constable = _person([force_response, pcc_response], chief_roles, paragraphs, force)
    holders: dict[str, str | None] = {
        **dict.fromkeys(commissioner_roles, commissioner),
        **dict.fromkeys(chief_roles, chief_constable),
    }
    force_response = _credited(force_response, holders)
    pcc_response = _credited(pcc_response, holders)
    return Record(
        tool_version=tool_version,
        source=source,
        title=flatten(segmented.title) if segmented.title else None,
        force=force,
        commissioner=commissioner,
        chief_constable=chief_constable,
        inspection=Inspection(
            title=title,
            published=published,
            types=[InspectionType(label=t.label, checked=t.checked) for t in details.types],
            force_quoted=details.force_quoted,
        ),
        judgement=Judgement(
            grade=grades.grade,
            previous_grade=grades.previous,
            text=_text(judgement_blocks) or None,
        ),
        sections=[
            Section(
                kind=s.kind,  # type: ignore[arg-type]  # segment only emits SectionKind values
                heading=flatten(s.heading),
                text=_text(s.blocks),
                location=record_location(s.location),
            )
            for s in segmented.sections
        ],
        core_questions=list(findings.questions),
        areas_for_improvement=list(findings.areas_for_improvement),
        recommendations=list(findings.recommendations),
        causes_of_concern=list(findings.causes_of_concern),
        force_response=force_response,
        pcc_response=pcc_response,
        office_use=OfficeUse(
            forwarded_to_home_office=office["forwarded_to_home_office"],
            published_on_pcc_website=office["published_on_pcc_website"],
        ),
        warnings=warnings,
    )
