"""Whether a document is a PCC's response to an inspection, from its sections or its body.

A response names the inspectorate, one force, and the commissioner (or the
mayor's office) answering it: headings of a response form; a letter under
section 55; a news release in which the commissioner "said", "responds" or
"welcomed"; a web page headed "PCC responds to HMICFRS report". Documents
about inspections that are not one force's response — the inspectorate's own
report page, a national association's statement, an annual report — lack the
commissioner's answer or are written by a national body, and are refused with
a message that says what was looked for and what was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from hmic_extract.models import Record
from hmic_extract.segment import Segmented

# Section kinds that show a document is a PCC response; two are enough alone.
RESPONSE_KINDS: Final = frozenset(
    {"inspection_details", "overall_judgement", "findings", "force_response", "pcc_response"}
)
_INSPECTORATE: Final = re.compile(
    r"\bHMIC(?:FRS)?\b|\binspectorate\b|\binspectors?\b|\bInspectorate\s+of\s+Constabulary\b",
    re.I,
)
_COMMISSIONER: Final = r"(?:commissioner|pcc|pfcc|opcc|mayor)"
# The commissioner acting: speaking, answering, welcoming; or the office as author.
_COMMISSIONER_ANSWERS: Final = re.compile(
    rf"\b{_COMMISSIONER}\b[^.!?\n]{{0,90}}?\b(?:said|says|respond(?:s|ed)?|welcome[sd]?|"
    r"comment(?:s|ed)?|call(?:s|ed)|demand(?:s|ed)?|back(?:s|ed)|react(?:s|ed)|"
    r"statement|response)\b"
    rf"|\b(?:said|says)\b[^.!?\n]{{0,60}}?\b{_COMMISSIONER}\b"
    rf"|\boffice\s+of\s+the\s+(?:police(?:,?\s+fire)?\s+and\s+crime\s+)?{_COMMISSIONER}\b"
    rf"|\b(?:my|our)\s+(?:response|comments)\b",
    re.I,
)
# The commissioner's statutory comments on an inspection report.
_SECTION_55: Final = re.compile(r"\bsection\s+55\b|\bs\.?\s?55\b", re.I)
# A national body writes for all forces; its statement is not one force's response.
_NATIONAL_BODY: Final = re.compile(
    r"\bAssociation\s+of\s+Police\s+and\s+Crime\s+Commissioners\b|\bAPCC\b|"
    r"\bNational\s+Police\s+Chiefs['’]?\s+Council\b|\bNPCC\b|\bCollege\s+of\s+Policing\b",
)
# The business of a meeting: its record (minutes) or agenda reports on an
# inspection response, but is not one. Each marker is a meeting's procedure, with a
# word it cannot do without, looked for first in the lower-cased text: a regex over a
# whole document costs more than the rest of this stage.
_MEETING_MARKERS: Final = (
    ("minutes", re.compile(r"\bminutes\s+of\s+(?:the\s+)?(?:previous\s+)?meeting\b", re.I)),
    ("apologies", re.compile(r"^\W*apologies(?:\s+for\s+absence)?\b", re.I | re.M)),
    ("declaration", re.compile(r"\bdeclarations?\s+of\s+(?:pecuniary\s+)?interests?\b", re.I)),
    ("resolved", re.compile(r"^\W*resolved\s*:", re.I | re.M)),
    ("present", re.compile(r"^\W*(?:also\s+)?present\s*:", re.I | re.M)),
)
# Two markers make a meeting's record; one may be a paper's aside.
_MEETING_MIN = 2
# A title that says the document answers the inspectorate.
_RESPONSE_WORD: Final = re.compile(r"\brespon(?:se|ds?|ding)\b|\bcomments\b", re.I)
# Where a document's author shows: its first lines.
_AUTHOR_LINES: Final = 6
_AUTHOR_WORDS: Final = 12


@dataclass(frozen=True, slots=True)
class Recognition:
    """Whether a document is a response, and the evidence found for the message."""

    recognised: bool
    found: tuple[str, ...]
    missing: tuple[str, ...]

    def message(self) -> str:
        """The one line a refused document gets."""
        found = ", ".join(self.found) or "none of them"
        missing = ", ".join(self.missing)
        return (
            "not recognised as a PCC response: looked for response headings (inspection "
            "details, judgement, findings, force and PCC responses), the inspectorate, a "
            f"force and the commissioner answering; found {found}; missing {missing} "
            "(--accept-unrecognised writes it anyway)"
        )


# The inspectorate writing of its own inspection: "We have identified …", "we judged".
_INSPECTORATE_VOICE = re.compile(
    r"\b(?:we|our\s+inspectors?)\s+(?:have\s+)?(?:found|identified|judged|assessed|graded|"
    r"inspected|are\s+pleased\s+with)\b",
    re.I,
)


def recognise(segmented: Segmented, record: Record) -> Recognition:
    """The evidence that a segmented document (and its record) is a PCC response."""
    kinds = {s.kind for s in segmented.sections} & RESPONSE_KINDS
    paragraphs = [b.text for b in segmented.preamble] + [
        b.text for s in segmented.sections for b in (s.heading_block, *s.blocks)
    ]
    text = "\n".join(paragraphs)
    # the author names itself in a short line at the top (a letterhead, a masthead)
    head = "\n".join(
        line for line in text.splitlines()[:_AUTHOR_LINES] if len(line.split()) <= _AUTHOR_WORDS
    )
    evidence = {
        f"{len(kinds)} response heading(s)": bool(kinds),
        "the inspectorate": bool(_INSPECTORATE.search(text)),
        "a force": record.force is not None,
        # the cheapest evidence first: a regex over the whole text costs more than
        # the rest of this stage
        "the commissioner answering": bool(
            any(s.kind == "pcc_response" for s in segmented.sections)
            or _COMMISSIONER_ANSWERS.search(text)
            or (_SECTION_55.search(text) and re.search(_COMMISSIONER, text, re.I))
        ),
    }
    found = tuple(name for name, present in evidence.items() if present)
    missing = tuple(name for name, present in evidence.items() if not present)
    if _NATIONAL_BODY.search(head):
        return Recognition(False, found, (*missing, "a force-level author (a national body)"))
    lowered = text.casefold()
    markers = sum(bool(marker.search(text)) for word, marker in _MEETING_MARKERS if word in lowered)
    if markers >= _MEETING_MIN:
        return Recognition(False, found, (*missing, "a response rather than a meeting's record"))
    title = segmented.title or ""
    if _INSPECTORATE.search(title) and _RESPONSE_WORD.search(title):
        # "PCC responds to HMICFRS report on …", "Commissioner's response to HMICFRS: …"
        return Recognition(True, (*found, "a title answering the inspectorate"), missing)
    answered = record.pcc_response is not None or record.force_response is not None
    if not answered and _INSPECTORATE_VOICE.search(text):
        # "We have identified the following areas …": the inspectorate's own report
        # (a page of its site pasted), naming the commissioner without anyone answering
        return Recognition(
            False, found, (*missing, "a response rather than the inspectorate's own words")
        )
    if len(kinds) >= 2 and (
        evidence["the commissioner answering"] or re.search(rf"\b{_COMMISSIONER}\b", text, re.I)
    ):
        return Recognition(True, found, missing)
    body = (
        evidence["the inspectorate"]
        and evidence["a force"]
        and evidence["the commissioner answering"]
    )
    return Recognition(body, found, missing)
