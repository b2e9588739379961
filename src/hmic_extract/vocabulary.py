"""Vocabulary as data: the words and glyphs the templates use, each with its reason.

Stages import these names instead of spelling patterns inline, so adapting the
tool to a new house style is an edit here, not a hunt through the code.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

from hmic_extract.cues import names_section, section_kind


class Gated:
    """A case-blind pattern tried only on text that holds one of its key words.

    Every match of the pattern contains one of ``keys`` (lower case), so text
    without any cannot match: a substring test costs a tenth of the regex
    engine's scan of a paragraph, and most paragraphs hold none of the words.
    """

    def __init__(self, pattern: str, keys: tuple[str, ...]) -> None:
        self.pattern = re.compile(pattern, re.I)
        self.keys = keys

    def _may_match(self, text: str) -> bool:
        folded = text.casefold()
        return any(key in folded for key in self.keys)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self._may_match(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self._may_match(text) else None


# --- glyphs -----------------------------------------------------------------

# Typographic ligatures that PDF fonts emit as one code point.
LIGATURES: Final = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}

CHECKED: Final = "☒"
UNCHECKED: Final = "☐"

# Every way a document draws a box, mapped to the two canonical glyphs. The
# private-use code points are Wingdings / Wingdings 2 glyphs that Word leaves
# in PDFs when a form uses those fonts for its boxes.
CHECKBOX_GLYPHS: Final = {
    "☒": CHECKED,
    "☑": CHECKED,
    "✓": CHECKED,
    "✔": CHECKED,
    "✗": CHECKED,
    "✘": CHECKED,
    "⊠": CHECKED,
    "■": CHECKED,
    "\uf0fe": CHECKED,  # Wingdings: box with tick
    "\uf0fd": CHECKED,  # Wingdings: box with cross
    "\uf053": CHECKED,  # Wingdings 2: box with cross
    "\uf054": CHECKED,  # Wingdings 2: box with tick
    "☐": UNCHECKED,
    "□": UNCHECKED,
    "❏": UNCHECKED,
    "❑": UNCHECKED,
    "\uf0a8": UNCHECKED,  # Wingdings: empty box
    "\uf06f": UNCHECKED,  # Wingdings: empty box (lower-case o slot)
    "\uf0a3": UNCHECKED,  # Wingdings 2: empty box
}

# Typed boxes in plain text and markdown task lists: "[X]", "[x]", "[ ]", "[✓]".
TYPED_BOX: Final = re.compile(r"\[\s*([xX✓✔*])\s*\]|\[\s\]")
# A table cell or a form's column holding only a mark: a ticked box ("National  X").
TICK_MARK: Final = re.compile(r"^\s*[xX✓✔]\s*$")

# Bullet glyphs that mark a list item when they start a line. The private-use
# ones are what Word's Symbol and Wingdings fonts leave in PDF text layers.
BULLET_GLYPHS: Final = frozenset(
    "•●▪■►▸‣◦○◘∙·➢➤✓❖-–—*o\uf0b7\uf0a7\uf076\uf0d8\uf0a8\uf0fc\uf06e\uf071\uf0e8"
)
# Of those, the glyphs that only mean "bullet" and never start a word, so they
# mark an item even with no space after them ("-The force should" in the seed).
UNAMBIGUOUS_BULLETS: Final = frozenset("•●▪►▸‣◦➢➤\uf0b7\uf0a7\uf076\uf0d8")

# A list marker at the start of a line: a bullet glyph, or an enumerator such as
# "1)", "1.", "(1)", "a)", "(a)", "iv)". Enumerators need the following space so
# that "2.5 million" or "a.m." never read as markers.
ENUMERATOR: Final = re.compile(
    r"^(?P<marker>\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[\).](?=\s)|\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)(?=\s)"
    # decimal numbering ("1.2 The force should"), only before a capital so that
    # "2.5 million" never reads as a marker
    r"|\d{1,2}(?:\.\d{1,2})+\.?(?=\s+[A-Z])"
    # a number run into its item's first word, as LibreOffice sets "10." when the
    # number fills the tab before the text ("10.The force should")
    r"|\d{1,2}[.)](?=[A-Z][a-z]))"
)

# --- page furniture -----------------------------------------------------------

# Government Security Classification and older protective markings, printed as
# running headers/footers; they carry no content.
PROTECTIVE_MARKINGS: Final = re.compile(
    r"^(?:official(?:[\s\-–—:]+sensitive)?|not\s+protectively\s+marked|unclassified|"
    r"restricted|protect|official\s*-\s*for\s+public\s+release)$",
    re.IGNORECASE,
)
# A line that is nothing but a page number in one of the usual forms.
PAGE_NUMBER: Final = re.compile(
    r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE
)
# What a browser prints around a web page (Chrome, Edge, Firefox, Safari) in the top
# and bottom lines of every page: the date and time (the page's title after it), the
# page's address (a "1/3" counter after it), a counter before the date. Matched in a
# page's furniture band only, so it holds on a one-page print that nothing repeats on.
_PRINT_STAMP = (
    r"(?:\d{1,2}/\d{1,2}/\d{2,4},?|\d{4}-\d{2}-\d{2}[ ,T]?)\s*\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"(?:\s*[ap]\.?m\.?)?"
)
_PRINT_ADDRESS = r"(?:https?://|file:///?|www\.)\S+"
_PRINT_COUNTER = r"(?:\d{1,4}\s*/\s*\d{1,4}|page\s+\d{1,4}\s+of\s+\d{1,4})"
BROWSER_PRINT: Final = re.compile(
    rf"^(?:{_PRINT_COUNTER}\s+)?{_PRINT_STAMP}(?:\s+.{{0,200}})?$"
    rf"|^(?:{_PRINT_COUNTER}\s+)?{_PRINT_ADDRESS}(?:\s+{_PRINT_COUNTER})?$",
    re.IGNORECASE,
)
# A website's furniture in a page saved or pasted as text: cookie banners, skip
# links, accessibility bars, menus, breadcrumbs, share bars, footer links, copyright.
SITE_CHROME: Final = re.compile(
    r"^(?:"
    r".*\b(?:we\s+use\s+cookies|accept\s+(?:all\s+)?cookies|reject\s+(?:all\s+|non-essential\s+)?"
    r"cookies|cookie\s+(?:settings|policy|preferences))\b.*"
    r"|skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|footer|navigation|search|menu)"
    r"|text\s+(?:size|only)\b.*|(?:high\s+|change\s+)?contrast|(?:open|close|main)?\s*menu"
    r"|search(?:\s+this\s+site)?|back\s+to\s+top|print(?:\s+this\s+page)?|listen|translate"
    r"|(?:home|you\s+are\s+here:?)\s*(?:/|>|»|›|\|)\s*.+"
    r"|(?:share(?:\s+this(?:\s+page|\s+article)?)?\s*:?\s*)?"
    r"(?:(?:facebook|twitter|x|linkedin|instagram|youtube|email|e-mail|whatsapp|print|copy\s+link)"
    r"[\s|,·•]*)+"
    r"|share(?:\s+this(?:\s+page|\s+article)?)?\s*:?"
    r"|(?:[^|]{1,40}\|){2,}[^|]{1,40}"
    r"|(?:©|copyright\b).*"
    r"|(?:tags|categories|category|related\s+(?:news|articles|links))\s*:.*"
    r"|(?:previous|next)\s+(?:article|post|story)\b.*"
    r"|was\s+this\s+page\s+helpful\??.*"
    r")$",
    re.IGNORECASE,
)
# "Page 2 of 3" is a page's number wherever it stands (text extracted from a PDF
# without page breaks puts it mid-document, even mid-sentence).
PAGE_X_OF_Y: Final = re.compile(r"^page\s+\d{1,4}\s+of\s+\d{1,4}$", re.IGNORECASE)

# --- sections -----------------------------------------------------------------

# A letter's salutation ("Dear Sir Thomas,"): what follows is the PCC's response,
# written as a letter to HM Chief Inspector.
SALUTATION: Final = re.compile(r"^dear\s+[A-Z][\w’'.\- ]{0,60},?$", re.I)
# A letter's closing ("Yours sincerely,"): the signature follows it.
VALEDICTION: Final = re.compile(
    r"^(?:yours\s+(?:sincerely|faithfully|truly)|kind\s+regards|best\s+wishes)\b[\s,.]*$", re.I
)

_HEADING_NUMBERING = re.compile(
    r"^(?:(?:section|part)\s+)?(?:\d{1,2}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4})[\.\):]?\s+", re.I
)


_MARKUP = re.compile(r"[#*_`]+")
_TRAILING_PUNCTUATION = re.compile(r"[:.\-–—]+$")
_NOT_WORD = re.compile(r"[^\w' ]+")


@functools.lru_cache(maxsize=8192)
def heading_key(text: str) -> str:
    """The comparable form of a heading: case, numbering, quotes and punctuation folded.

    Cached: every short line of a document is looked up, often more than once.
    """
    key = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").casefold()
    key = _MARKUP.sub("", key)
    key = _HEADING_NUMBERING.sub("", key.strip())
    key = _TRAILING_PUNCTUATION.sub("", key.strip())
    key = _NOT_WORD.sub(" ", key)
    return " ".join(key.split())


# A form's value is a few words ("Overall grade | Good"); a section says more.
FORM_VALUE_WORDS: Final = 3


def names_a_section(label: str, content: str) -> bool:
    """Whether a layout table's row is a section: its label strongly names a section
    ("Findings", "PCC Response") and beside it is more than a form's value, which an
    answer is however long ("Graded | No – custody inspections are not graded")."""
    return (
        names_section(label)
        and len(content.split()) > FORM_VALUE_WORDS
        and not _FORM_ANSWER.match(content)
    )


_FORM_ANSWER = re.compile(r"\s*(?:yes|no|n/a|not\s+applicable)\b", re.I)


# A line this short, in sentence case, may head the section it names in other
# words ("What HMICFRS found"); a form's label runs longer ("Response published on
# PCC website").
SENTENCE_HEADING_MAX_WORDS: Final = 4


def sentence_heading_kind(text: str) -> str | None:
    """The section a short sentence-case line names in other words ("What HMICFRS
    found", "My comments"), or None; a note ("No areas for improvement") names none.
    Whether the line stands apart as a heading is for the caller to tell."""
    text = text.strip()
    if (
        len(text.split()) > SENTENCE_HEADING_MAX_WORDS
        or not text[:1].isupper()
        or text.endswith((".", ",", ";", ":"))
        or NO_AFI_NOTE.search(text)
    ):
        return None
    return section_kind(text)


# --- findings -----------------------------------------------------------------

# Labels that open a group of items inside findings; the group's items are of
# that kind until the next label or question.
# A label's word may run into its number: "AFI2", "Rec3".
ITEM_GROUP_LABELS: Final = (
    (re.compile(r"^causes?\s+(?:of|for)\s+concern(?:\b|(?=\d))", re.I), "cause_of_concern"),
    (re.compile(r"^recommendations?(?:\b|(?=\d))", re.I), "recommendation"),
    (
        re.compile(r"^areas?\s+(?:for|of)\s+improvement(?:\b|(?=\d))", re.I),
        "area_for_improvement",
    ),
    (re.compile(r"^afis?(?:\b|(?=\d))", re.I), "area_for_improvement"),
    (re.compile(r"^recs?(?:\b|(?=\d))", re.I), "recommendation"),
    (re.compile(r"^coc(?:\b|(?=\d))", re.I), "cause_of_concern"),
)
# A sentence that announces the items after it ("HMIC made the following
# recommendations:", "The following areas for improvement were identified:"):
# the group it names, which the sentence must end on a colon to introduce.
ANNOUNCED_GROUPS: Final = (
    (re.compile(r"\bcauses?\s+(?:of|for)\s+concern\b", re.I), "cause_of_concern"),
    (
        # one announced by "following" is as plain as several: "made the following
        # recommendation under this question:"
        re.compile(
            r"\brecommendations\b|\brecommendation\s*:\s*$|\bfollowing\s+(?:\w+\s+)?recommendation\b",
            re.I,
        ),
        "recommendation",
    ),
    (re.compile(r"\bareas?\s+(?:for|of)\s+improvement\b", re.I), "area_for_improvement"),
)
# A sentence whose last words are "recommended that:" hands over to the recommendations
# themselves, one per item ("To address that concern, the inspectorate recommended
# that:"); "recommends that the force:" is one recommendation introducing its points.
RECOMMENDED_THAT: Final = Gated(r"\brecommend(?:s|ed)?\s+that\s*:$", ("recommend",))
# … and the words that make it an announcement rather than prose that mentions items.
ANNOUNCING: Final = re.compile(
    r"\b(?:following|made|identified|raised|found|set\s+out|listed|gave|makes|identifies)\b",
    re.I,
)
ANNOUNCEMENT_MAX_WORDS: Final = 25
# A lead-in addressed to the meeting a paper goes to ("The Panel is recommended to:",
# "Members are asked to:"): what follows is the meeting's business, not the
# inspectorate's items.
TO_THE_MEETING: Final = re.compile(
    r"^(?:the\s+)?(?:police\s+(?:,\s*fire\s+)?and\s+crime\s+)?(?:panel|committee|board|"
    r"members?|meeting|sub-committee)\b[^:]{0,40}?\b(?:recommended|asked|invited|requested)\b"
    r"[^:]{0,40}:$",
    re.I,
)

# The header row of a table of items: columns set apart by wide gaps, one of
# them a group label, the first a group label or the question/area each row is
# about ("Recommendation   Response   Owner", "Core question   Areas for improvement").
_TABLE_GROUP_COLUMN = re.compile(
    r"^(?:recommendations?|areas?\s+for\s+improvement|causes?\s+(?:of|for)\s+concern|afis?)\s*:?$",
    re.IGNORECASE,
)
_COLUMN_BREAK = re.compile(r"\s{2,}")
# The column of a findings table naming the question or area each row is about:
# "Question", "Inspection question", "Core question", "Area of policing", "Theme"
# (not "Improvement area", whose rows are items).
QUESTION_COLUMN: Final = re.compile(
    r"^(?!.*\bimprov)(?:[\w’'-]+\s+){0,2}(?:questions?|areas?(?:\s+of\s+policing)?|themes?)"
    r"\s*:?$",
    re.IGNORECASE,
)


# A column numbering an action plan's rows: "No.", "Ref", "#".
_TABLE_NUMBER_COLUMN = re.compile(r"^(?:no\.?|number|ref(?:erence)?\.?|#|item)$", re.IGNORECASE)


def is_number_column(text: str) -> bool:
    """Whether a table's column title numbers its rows ("No.", "Ref", "#")."""
    return bool(_TABLE_NUMBER_COLUMN.match(text.strip()))


def is_item_table_header(text: str) -> bool:
    """Whether a line (columns split by two or more spaces) heads a table of items."""
    columns = [c for c in _COLUMN_BREAK.split(text.strip()) if c]
    if columns and _TABLE_NUMBER_COLUMN.match(columns[0]):
        columns = columns[1:]  # the rows' numbers, then the items
    if len(columns) < 2 or not any(_TABLE_GROUP_COLUMN.match(c) for c in columns):
        return False
    return bool(_TABLE_GROUP_COLUMN.match(columns[0]) or QUESTION_COLUMN.match(columns[0]))


# A group label is a short line: longer text starting with these words is prose.
GROUP_LABEL_MAX_WORDS: Final = 8

# What a document prints where a question has no areas for improvement.
# Saying there is nothing to improve, in an item's own words or not: "Inspectors found
# nothing that the force needs to improve", "did not find anything that the force must
# improve here", "nothing to change".
NOTHING_TO_IMPROVE: Final = (
    r"\b(?:nothing|(?:not|n[’']t)\s+(?:find|found|identify|identified|see|saw)\s+anything)\b"
    r"(?:(?!\bbut\b)[^.;]){0,60}?\b(?:improve|change|do\s+differently)\b"
)
NO_AFI_NOTE: Final = re.compile(
    NOTHING_TO_IMPROVE + "|"
    r"\bno\s+(?:areas?\s+for\s+improvement|afis?|recommendations|causes?\s+of\s+concern)\b|"
    r"\bnone\s+(?:identified|raised|made|found)\b|^none\.?$|\bnot\s+graded\b|\bnot\s+inspected\b|"
    r"\bnot\s+assessed\b|\bno\s+(?:further\s+)?issues\s+(?:were\s+)?(?:identified|raised)\b|"
    r"\bthere\s+(?:are|were)\s+no\s+areas\b|"
    # "HMIC did not identify any areas for improvement", "has not made any recommendations"
    r"\bnot\s+(?:identify|identified|find|found|make|made|raise|raised)\s+any\s+"
    r"(?:areas?\s+for\s+improvement|afis?|recommendations|causes?\s+of\s+concern)\b",
    re.I,
)

# A question announced by a label: "Question 2 – How well …", "Core question 2".
# The number may be a word ("Question one – How well …") and carry an aside
# ("Question 2 (effectiveness): How …").
QUESTION_LABEL: Final = re.compile(
    r"^(?:(?:core\s+)?question\s+|q)"
    r"(?P<number>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"(?:\s*\([^()]{1,40}\))?\s*(?:[:.\-–—)]\s*)?(?P<text>.*)$",
    re.I,
)


def label_number(printed: str) -> int:
    """A question label's number, printed in digits or as a word."""
    return int(printed) if printed.isdigit() else NUMBER_WORDS[printed.casefold()]


# An item that carries its own label: "Area for improvement 2: The force should …",
# "Recommendation 1 (by 6 February 2020): …" (the aside is kept as ``aside``).
LABELLED_ITEM: Final = re.compile(
    r"^(?P<label>(?:causes?\s+(?:of|for)\s+concern|recommendations?|areas?\s+for\s+improvement|"
    # "R1", "C2": a recommendation's or a cause's letter, always with its number
    r"afis?|recs?|coc|[rc](?=\d))(?:\s*\(?\d{1,2}(?:\.\d{1,2})?\)?)?)"
    r"(?:\s*\((?P<aside>[^()]{1,60})\))?"
    # then punctuation, or (after a number, as Word's "AFI %1" numbering prints) a capital
    r"(?:\s*[:.\-–—]\s+|(?<=\d)\s+(?=(?-i:[A-Z])))(?P<text>\S.*)$",
    re.I | re.S,
)
# Sentences that say the grade did not change, naming it only once.
SAME_GRADE: Final = re.compile(
    r"\b(?:same\s+(?:grade|judgement|judgment|rating)\s+as|maintain(?:s|ed)?|retain(?:s|ed)?|"
    # "the grade it also received in 2016", "the same grade it was given last year"
    r"(?:grade|judgement|judgment|rating)\s+(?:that\s+)?(?:it|the\s+(?:force|constabulary))\s+"
    r"(?:also\s+|had\s+)?"
    r"(?:received|achieved|was\s+(?:also\s+)?(?:given|awarded))|"
    r"(?:grade|judgement|judgment|rating)\s+(?:is|was)\s+unchanged|"
    r"same\s+as\s+(?:last\s+year|(?:in\s+)?(?:19|20)\d\d|(?:the\s+)?previous))\b",
    re.I,
)
# A numbered question or area: "1) How effective …?", "2. Preventing crime".
NUMBERED: Final = re.compile(r"^\(?(?P<number>\d{1,2})[\).:]?\s+(?P<text>\S.*)$")
# The per-area grade line of PEEL 2021 onwards: "Grade: Good".
# ("Rating: Adequate", "Graded: Good" in other offices' words.)
AREA_GRADE: Final = re.compile(
    r"^(?:grade|graded|grading|rating|rated|judgement|judgment)\s*[:\-–—]\s*(?P<grade>.+)$", re.I
)

# --- judgement ----------------------------------------------------------------

# Every printed spelling of a grade; `require`/`requiring` forms come from prose
# such as "was also judged to require improvement".
GRADE_PATTERN: Final = re.compile(
    r"\b(?P<grade>outstanding|good|adequate|inadequate|"
    r"(?:requires?|requiring|required)\s+improvement)\b",
    re.I,
)
# Sentences that tell of an earlier inspection's grade.
PREVIOUS_CUE: Final = re.compile(
    r"\b(?:last\s+year|previous(?:ly)?|prior|earlier|(?:in|from)\s+(?:the\s+)?(?:19|20)\d\d|was\s+also|"
    r"(?:19|20)\d\d\s+(?:inspection|assessment|grade)|(?:19|20)\d\d\s*:|"
    r"(?:improvement|up|down|rise|fall|change|move)\s+(?:on|from)|compared\s+(?:with|to)|"
    r"decline|deteriorat\w*|remains?|unchanged|same\s+as)",
    re.I,
)
# Statements that the inspection gives no single grade.
NO_GRADE: Final = re.compile(
    r"\bnot\s+applicable\b|\bn/a\b|\bno\s+overall\s+(?:grade|judgement|judgment)\b|"
    r"\b(?:not|no\s+longer)\s+(?:give|gives|award|awards|provide|provides|make|makes|receive|"
    r"receives|get|gets)\s+(?:[\w-]+\s+){0,2}?(?:an?\s+(?:single\s+)?overall\b|grades\b)|"
    r"\bdid\s+not\s+grade\b|\bnot\s+graded\b|\bungraded\b",
    re.I,
)

# --- inspection details ---------------------------------------------------------

# A dotted leader between a form's label and its value ("Published ........ 2 May 2019").
LEADER: Final = re.compile(r"\s*\.{4,}\s*")
# A form's row in text: a short label, a colon or a dotted leader, its value ("Scope:
# National", "Category ....... Recommendation").
FORM_FIELD: Final = re.compile(
    r"^(?P<label>[A-Z][\w’'()/ -]{0,40}?)(?::|\s?\.{4,})\s*(?P<value>\S.*)$", re.S
)


def has_detail_label(text: str) -> bool:
    """Whether a block carries a details-form label ("Date published:", "Inspection:",
    "Published ........ 2 May 2019")."""
    text = LEADER.sub(": ", text) if "...." in text else text
    return any(pattern.search(text) for pattern in DETAIL_LABELS.values())


DETAIL_LABELS: Final = {
    # "Title of Inspection", "Report name", or a bare "Inspection:", "Report:",
    # "HMICFRS inspection:" or "Title:" starting a line (with its colon:
    # "Inspection" alone heads other things).
    "title": re.compile(
        r"(?:(?:title|name)\s+of\s+(?:the\s+)?(?:inspection|report)|"
        # on one line: "Report" over "Title of report:" is a legend, then the label
        r"(?:inspection|report)[ \t]+(?:title|name))\s*:?|"
        r"^[ \t]*(?:hmic(?:frs)?[ \t]+)?(?:inspection|report|title)[ \t]*:|"
        # a capitalised "Title:" where a form's lines were run together
        r"(?-i:\bTitle):",
        re.I | re.M,
    ),
    "published": re.compile(
        r"(?:date\s+(?:of\s+)?(?:the\s+)?(?:inspection\s+)?(?:report\s+)?published|"
        r"publication\s+date|date\s+published|date\s+of\s+(?:the\s+)?publication|"
        r"(?:report\s+)?published\s+on|(?-i:\bPublished):|"
        # "Date HMICFRS made it public", "Date released"
        r"date\b[^:\n|]{0,30}?\b(?:made\s+(?:it\s+)?public|released|issued)\b|"
        # "Published:", "Published by HMICFRS:" starting a line
        r"(?m:^[ \t]*published(?:[ \t]+by[ \t]+[\w&’' ]{1,40}?)?[ \t]*:)|"
        # the report's own date is the day it was published ("Report date:")
        r"report\s+date|date\s+of\s+(?:the\s+)?report\b(?!\s+publi))\s*:?",
        re.I,
    ),
    "types": re.compile(r"(?:type\s+of\s+inspection|inspection\s+type)\s*:?", re.I),
    # "Is Cleveland Police quoted in the Report?", or as a bare label: "Force quoted
    # in report:", "Quoted in the report:"; or asked of the report: "Does the report
    # quote Xshire Constabulary?"
    "quoted": re.compile(
        r"(?:(?:is|was)\s+(?P<force>.+?)\s+|\b(?:force\s+)?)"
        r"(?:quoted|named|mentioned|referred\s+to|cited)\s+in\s+"
        r"(?:the\s*(?:report)?|report)\s*[?:]?|"
        r"\b(?:does|did)\s+the\s+report\s+(?:quote|name|mention|cite|refer\s+to)\s+"
        r"(?P<object>[^?:\n|]{2,80}?)\s*[?:]",
        re.I | re.S,
    ),
}

# The type options of the house template's details form, to tell apart labels
# run together when a renderer prints the option grid as one line of words and
# one of boxes ("☒ ☐ ☐ Cumbria Specific Follow Up / Partner Inspection National").
# The fixed labels come first: at "National North Yorkshire Specific", "National"
# is an option of its own, not part of a place.
TYPE_OPTION: Final = re.compile(
    r"\b(?:Follow[\s\-]+Up|Partner\s+Inspection|Joint\s+Inspection|National|Thematic|"
    r"(?:[A-Z][\w'’\-]*\s+(?:(?:and|&)\s+)?){1,3}Specific)\b"
)

# --- office use -----------------------------------------------------------------

OFFICE_USE_FIELDS: Final = (
    (
        "forwarded_to_home_office",
        # the Home Office, or its minister ("Copy sent to the Home Secretary")
        re.compile(r"forwarded|sent\s+to\s+(?:the\s+)?home\s+(?:office|secretary)", re.I),
    ),
    ("published_on_pcc_website", re.compile(r"published\s+on|website", re.I)),
)

# --- statements -----------------------------------------------------------------

# Roles printed before a speaker's name, longest first so "Deputy Chief
# Constable" wins over "Chief Constable".
ROLES: Final = (
    "Police, Fire and Crime Commissioner",
    "Police Fire and Crime Commissioner",
    "Deputy Police and Crime Commissioner",
    "Police and Crime Commissioner",
    "Deputy Mayor for Policing and Crime",
    "Mayor",
    "Commissioner of Police of the Metropolis",
    "Temporary Chief Constable",
    "Acting Chief Constable",
    "Deputy Chief Constable",
    "Assistant Chief Constable",
    "Chief Constable",
    # the London forces' chief officers below their Commissioner
    "Deputy Assistant Commissioner",
    "Assistant Commissioner",
    "Commissioner",
    "PCC",
)
# Where a mayor holds the PCC's functions (London, Greater Manchester, West
# Yorkshire), the mayor or deputy mayor answers the inspectorate.
# (The Met's "Commissioner of Police of the Metropolis" heads the force: not one.)
COMMISSIONER_ROLES: Final = frozenset(
    r
    for r in ROLES
    if ("Commissioner" in r or "Mayor" in r or r == "PCC")
    and "Metropolis" not in r
    and "Assistant" not in r
)
# The roles whose holder is the force's chief officer.
CHIEF_CONSTABLE_ROLES: Final = frozenset(
    {
        "Chief Constable",
        "Temporary Chief Constable",
        "Acting Chief Constable",
        "Commissioner of Police of the Metropolis",
    }
)
# The London forces are led by a Commissioner, and no PCC answers for them (the
# Mayor's office does for the Met): there a plain "Commissioner" is the chief officer.
COMMISSIONER_LED_FORCE: Final = re.compile(
    r"\bMetropolitan\s+Police\b|\bCity\s+of\s+London\s+Police\b", re.I
)
# A personal name: capitalised words, allowing O’Hare, McDonald, Smith-Jones and
# initials. Two words at least so that a role followed by a verb never reads as a name.
# Words of headings and roles that are never part of a person's name, for
# telling "PCC Response / Police, Fire and Crime Commissioner" from a name.
NOT_NAME_WORDS: Final = frozenset(
    "Police Constabulary Service Response Responses Comments Comment Report Inspection "
    "Commissioner Constable Crime Fire Office Force Mayor Chief Deputy Findings Summary "
    "Judgement Recommendation Recommendations "
    # a letterhead's address run on after the office's name ("… Commissioner Mill
    # House"): words of buildings and streets, not of people's surnames
    "House Street Road Avenue Close Crescent Terrace Square Building Buildings Centre".split()
)
# Each word has a lower-case letter after its capital (or is an initial): a line
# in capitals ("RESPONSE BY THE PCC TO HMICFRS INSPECTIONS OF …") is no name.
# Post-nominals printed after a name stay with it ("Mike Barton QPM").
NAME_WORD: Final = r"[A-Z](?:[a-z]|[’'][A-Z])[\w’'\-]*"
NAME: Final = (
    rf"(?:(?:{NAME_WORD}|[A-Z]\.)\s+){{1,3}}{NAME_WORD}"
    r"(?:\s+(?:QPM|KPM|OBE|MBE|CBE|KBE|DBE|DL|JP))*"
)

# --- dates ------------------------------------------------------------------------

MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
NUMBER_WORDS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "fourteen": 14,
    "twenty-eight": 28,
    "thirty": 30,
}
