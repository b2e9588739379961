"""Cue vocabulary: the words that signal each section kind and item kind, with a weight.

Offices name the same part of a response in many ways ("Findings", "What the
inspection found", "Summary of what inspectors found", "The Commissioner's
view"). Instead of a table of whole headings, each kind lists the words (or
word stems, written ``stem*``) that signal it; a heading's score for a kind is
the sum of the weights of the cues it holds, the first content word (the head
of an English heading: "*Summary* of findings") counting ``HEAD_BONUS`` times.
A wording nobody listed still lands on its kind when its words do.

Every number that decides a kind is in ``THRESHOLDS`` with its reason.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from typing import Final

# --- the one table of thresholds ---------------------------------------------

THRESHOLDS: Final[Mapping[str, float]] = {
    # the first content word of a heading is its head noun: "Summary of findings" is a
    # summary, "Findings summary" too, but "Key findings" is a summary (key is the head)
    "head_bonus": 1.5,
    # a kind needs the weight of one strong cue ("Findings", "Introduction") or of a
    # weak cue with its actor ("force" + "response")
    "section_min": 2.0,
    # a line that names a section this strongly is a heading even in body type
    # ("Summary", "Annex", "Recommendations"); weaker wordings need layout too
    "section_strong": 2.25,
    # headings are short: a longer line that holds the words is a sentence about them
    "section_max_words": 10,
    # a line this short is a label ("Areas to improve"); longer is prose
    "label_max_words": 8,
    # most of a heading's words are cues; a line with a name, a place or a verb besides
    # them is a sentence or a title ("Chief Constable Jo Bloggs said …", "Office of
    # the Kent Police and Crime Commissioner")
    "section_cover": 0.6,
    "section_strong_cover": 0.7,
    # an item kind needs one cue of its own ("recommendation", "concern", "improvement")
    "item_min": 2.0,
}

HEAD_BONUS: Final = THRESHOLDS["head_bonus"]

# --- section kinds ------------------------------------------------------------

# Words that carry no meaning of their own in a heading; the head is the first
# word that is not one of them. "my" and "our" are cues, not stop words.
STOP_WORDS: Final = frozenset(
    "the a an of to for and from by in on with what how has have had is are was were been "
    "be this that these those its it their his her we which who where when s main only".split()
)

# Words that ask for someone's answer; a response section also needs its actor.
_RESPONSE_WORDS: Final = {
    "respon*": 1.0,
    "comment*": 1.0,
    "view*": 1.0,
    "reply": 1.0,
    "statement*": 1.0,
    "said": 1.0,
    "say*": 1.0,
    "reaction": 1.0,
    "reflection*": 1.0,
    "observation*": 1.0,
    "feedback": 1.0,
    # "A word from the Commissioner", "Foreword by the Chief Constable"
    "word": 1.0,
    "foreword": 1.0,
}

SECTION_CUES: Final[Mapping[str, Mapping[str, float]]] = {
    "inspection_details": {
        "detail*": 3.0,
        "particular*": 3.0,
        "information": 1.5,
        "fact*": 1.5,
        "inspection": 0.75,
        "report": 0.5,
    },
    "executive_summary": {
        "executive": 3.0,
        "introduction": 3.0,
        "background": 3.0,
        "overview": 3.0,
        "synopsis": 3.0,
        "context": 2.0,
        "about": 1.0,
        "summary": 1.25,
        "report": 1.0,
        "inspection": 1.0,
        "hmic": 0.75,
        "hmicfrs": 0.75,
    },
    "overall_judgement": {
        "judgement*": 3.0,
        "judgment*": 3.0,
        "grade*": 3.0,
        "grading*": 3.0,
        "rating*": 3.0,
        "assessment": 1.5,
        "overall": 1.0,
        "graded": 2.0,
    },
    "overall_summary": {
        "summary": 1.5,
        "overall": 1.5,
        "key": 1.5,
        "conclusion*": 3.0,
        "headline*": 2.0,
    },
    "findings": {
        "find*": 2.0,
        "area*": 0.5,
        "found": 2.0,
        "improv*": 2.0,
        "recommend*": 2.0,
        "concern*": 2.0,
        "afi*": 2.5,
        "cause*": 0.5,
    },
    "force_response": {
        **_RESPONSE_WORDS,
        "force": 1.5,
        "constabulary": 1.5,
        # "The response of Xshire Police": a force named by its own name; weaker than
        # the commissioner's words, so a "Police and Crime Commissioner's" heading
        # stays the commissioner's
        "police": 0.5,
        "constable*": 1.5,
        "chief": 0.5,
        "done": 0.75,
        "doing": 0.75,
        "action*": 0.75,
        "progress": 0.75,
        # the Met's chief officer is the Commissioner of Police of the Metropolis
        "metropolis": 2.0,
    },
    "pcc_response": {
        **_RESPONSE_WORDS,
        "commissioner*": 1.5,
        "pcc*": 1.5,
        "pfcc*": 1.5,
        "opcc": 1.5,
        "mayor*": 1.5,
        "my": 1.0,
    },
    "office_use": {"office": 1.5, "use": 1.5, "administrat*": 1.5},
    "other": {
        "purpose": 3.0,
        "next": 1.5,
        "step*": 1.5,
        "appendix": 3.0,
        "appendices": 3.0,
        "annex*": 1.5,
        "contact*": 3.0,
        "related": 1.5,
        "document*": 1.0,
        "further": 1.5,
        "glossary": 3.0,
        # a table's key to its marks ("Key to progress ratings", "Legend")
        "legend": 3.0,
        "reference*": 2.0,
        "links": 2.0,
        # a news release's "Notes to editors" and its "ENDS"
        "editor*": 2.0,
        "notes": 1.0,
        "ends": 3.0,
    },
}

# Actors: a response section names whose response it is.
_ACTORS: Final = {
    "force_response": frozenset(
        {
            "force",
            "constabulary",
            "constable*",
            "police",
            "done",
            "doing",
            "action*",
            "progress",
            "metropolis",
        }
    ),
    "pcc_response": frozenset({"commissioner*", "pcc*", "pfcc*", "opcc", "mayor*", "my"}),
}
# Kinds whose cues name what is answered rather than who answers: "Response to the
# recommendations" is the force's (the recommendations are addressed to it).
_ANSWERED: Final = frozenset({"recommend*", "afi*", "concern*"})
# Cues a kind cannot do without: "Office of the Commissioner" is no office-use block.
# A response section says what is said or done, not only who by: "Chief Constable
# Jane Example" is a name.
_ANSWERING: Final = frozenset({*_RESPONSE_WORDS, "done", "doing", "action*", "progress"})
_REQUIRED: Final = {
    "office_use": frozenset({"use"}),
    "force_response": _ANSWERING,
    "pcc_response": _ANSWERING,
}
# Of the two summaries, the report's own is an executive summary when a report
# word stands with "summary"; plain "Summary" is the response's overall summary.

# --- item kinds -----------------------------------------------------------------

ITEM_CUES: Final[Mapping[str, Mapping[str, float]]] = {
    "area_for_improvement": {
        "improvement*": 2.0,
        "improve": 2.0,
        "afi*": 2.5,
        "better": 1.0,
        "area*": 0.5,
        "development": 1.0,
        "develop": 1.0,
    },
    "recommendation": {
        "recommendation*": 2.5,
        "recommend": 2.0,
        "recommended": 2.0,
        "rec": 2.0,
        "recs": 2.0,
    },
    "cause_of_concern": {"concern*": 2.5, "coc*": 2.0, "cause*": 0.5},
}

# --- matching -------------------------------------------------------------------

_TOKEN = re.compile(r"[a-z]+")
# A line holding a checkbox is a form's row, never a heading.
_BOX = re.compile("[☒☐]")
_POSSESSIVE = re.compile(r"[’'`]s\b")


@functools.lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-case words of a heading, possessives and punctuation dropped."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return tuple(_TOKEN.findall(_POSSESSIVE.sub("", folded)))


def _matches(cue: str, token: str) -> bool:
    if cue.endswith("*"):
        return token.startswith(cue[:-1])
    return token in (cue, f"{cue}s")


def _cues_in(
    words: tuple[str, ...], cues: Mapping[str, float], no_bonus: frozenset[str] = frozenset()
) -> dict[str, float]:
    """Each cue found in ``words`` with its weight, the head word's times the bonus
    (except cues in ``no_bonus``)."""
    head = next((w for w in words if w not in STOP_WORDS), None)
    found: dict[str, float] = {}
    for word in words:
        for cue, weight in cues.items():
            if _matches(cue, word):
                bonus = HEAD_BONUS if word == head and cue not in no_bonus else 1.0
                found[cue] = max(found.get(cue, 0.0), weight * bonus)
    return found


# "Police" after a name and not before "and Crime" / "Fire" is a force by its own
# name ("How Xshire Police is responding"), as strong a cue as "force".
_FORCE_NAMED = re.compile(
    r"\b(?!(?:the|and|of|for|by|to|from|with)\b)[a-z]+ police\b(?! and| fire| crime)"
)


# A force by its full name in a heading ("How South Wales Police was graded"): one
# word, "force", so that the place's words do not dilute the heading's cues.
_FORCE_BY_NAME = re.compile(
    r"\b(?:(?!(?:How|What|Where|Why|When|Which|Who|The|Our|My|Response|Reply|Comments?|"
    r"Update|Report|Progress)\b)[A-Z][a-z]+[\s-]+(?:(?:and|&)\s+)?)+(?:Police|Constabulary)\b"
    r"(?!\s+and\s+Crime|,?\s+Fire)"
)


@functools.lru_cache(maxsize=16384)
def section_scores(text: str) -> Mapping[str, float]:
    """Each section kind's cue score for a heading; kinds without a cue are absent."""
    words = tokens(text)
    if "police" in words and _FORCE_NAMED.search(" ".join(words)):
        words = tuple("force" if w == "police" else w for w in words)
    scores: dict[str, float] = {}
    for kind, cues in SECTION_CUES.items():
        actors = _ACTORS.get(kind)
        # an actor is not what a heading is about: "Where the *force* could do better"
        found = _cues_in(words, cues, actors or frozenset())
        if actors is not None and not (set(found) & actors):
            # "Response" alone is nobody's; "Response to the recommendations" is the force's
            answered = any(_matches(c, w) for c in _ANSWERED for w in words)
            if kind != "force_response" or not answered:
                found = {c: w for c, w in found.items() if c not in _RESPONSE_WORDS}
            elif any(_matches(c, words[0]) for c in _RESPONSE_WORDS if words):
                found["respon*"] = SECTION_CUES["force_response"]["force"] + 1.0
        required = _REQUIRED.get(kind)
        if found and (required is None or set(found) & required):
            scores[kind] = sum(found.values())
    return scores


# Words of the genre that headings use freely, signalling no kind of their own
# ("Response from the Police and Crime Commissioner", "What the inspectorate found").
NEUTRAL_WORDS: Final = ("police", "crime", "inspector*", "inspectorate*", "hmic*", "hmcpsi")


def cover(words: tuple[str, ...]) -> float:
    """The share of a line's content words that are cues of some section kind."""
    content = [w for w in words if w not in STOP_WORDS]
    if not content:
        return 0.0
    cued = sum(
        1
        for w in content
        if any(_matches(c, w) for c in NEUTRAL_WORDS)
        or any(_matches(c, w) for cues in SECTION_CUES.values() for c in cues)
    )
    return cued / len(content)


# A year or an opening quotation mark: a title ("PCC response to HMIC – PEEL 2016")
# or a quotation; a grade after a dash or colon: an area and its grade ("Responding
# to the public – Requires improvement", "Grade: Good"); never a section's heading.
# A line opening with a negation is a note ("No areas for improvement"); one naming
# the inspectorate with a response is the document's title ("Response by the PCC to
# HMIC inspections of …").
# A signature's job title ("Chief Executive") names no section.
_NOT_A_HEADING = re.compile(
    r"^(?:no|none|not|nil)\b|\bchief\s+executive\b|"
    r"\bhmic(?:frs)?\b.*\brespon|\brespon\w*\b.*\bhmic(?:frs)?\b|"
    r"\b(?:19|20)\d\d\b|[“‘\"]|(?:^|[\s:\-–—])(?:outstanding|good|adequate|inadequate|"
    r"requires?\s+improvement|not\s+graded)\W*$|"
    # a line of a wrapped sentence, ending on a word no heading ends on ("The
    # inspection concluded the overall judgement for Xshire Police was")
    r"\b(?:was|were|is|are|the|a|an|and|or|of|for|by|with|that|which)\W*$|"
    # a news headline credited after a comma ("…, say inspectors", "…, says PCC")
    r",\s*(?:says?|said)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?\W*$",
    re.I,
)


# An annex or appendix named by what it holds is a section of that kind: "Annex A –
# Force response to recommendations", "Appendix 2: Recommendations".
CONTAINER = re.compile(
    r"^(?:annex|appendix|section|part|schedule)"
    # its letter or number, then a colon or dash ("Annex A –"), or only spaces after a
    # capital letter or a number ("PART C SCHEDULE OF FINDINGS")
    r"(?:\s*[A-Z0-9]{0,3}\s*[:\-–—.]\s*|\s+(?-i:[A-Z]|[0-9]{1,2})\s+)(?=\w)",
    re.I,
)


@functools.lru_cache(maxsize=16384)
def section_kind(
    text: str,
    minimum: float = THRESHOLDS["section_min"],
    min_cover: float = THRESHOLDS["section_cover"],
) -> str | None:
    """The section kind a heading's words name, or None when no kind reaches ``minimum``.

    A line longer than a heading, one that ends a sentence or asks, or one with too
    many words besides its cues, names none.
    """
    stripped = _FORCE_BY_NAME.sub("force", CONTAINER.sub("", text.strip().strip("*_#")))
    if " / " in stripped:
        # one heading in two languages ("Manylion yr Adroddiad / Report Details"): the
        # part whose words name a kind
        kinds = {section_kind(part, minimum, min_cover) for part in stripped.split(" / ")}
        kinds.discard(None)
        return kinds.pop() if len(kinds) == 1 else None
    words = tokens(stripped)
    if (
        not words
        or len(words) > THRESHOLDS["section_max_words"]
        or stripped.endswith((".", ";", "?"))  # a sentence or a question, not a heading
        or _NOT_A_HEADING.search(stripped)
        or cover(words) < min_cover
    ):
        return None
    scores = section_scores(stripped)
    if not scores:
        return None
    kind, best = max(scores.items(), key=lambda pair: pair[1])
    ties = [k for k, s in scores.items() if s == best]
    if best < minimum or len(ties) > 1:
        return None
    return kind


def question_section_kind(text: str) -> str | None:
    """The section kind a reader's question names ("What did they find?" findings, "What
    has the force said?" the force's response), by its cues alone: a question's verbs
    and pronouns are no title's words, so the share of cues does not count."""
    scores = section_scores(text.strip().rstrip("?"))
    if not scores:
        return None
    kind, best = max(scores.items(), key=lambda pair: pair[1])
    if best < THRESHOLDS["section_min"] or sum(1 for s in scores.values() if s == best) > 1:
        return None
    return kind


def names_section(text: str) -> bool:
    """Whether a short capitalised line names a section strongly enough to be its
    heading whatever its type ("Summary", "3. FINDINGS", "For Office Use Only")."""
    stripped = text.strip().strip("*_#").lstrip("0123456789.) ").strip()
    if not stripped[:1].isupper() or stripped.endswith((",", ":")) or _BOX.search(stripped):
        return False
    if " / " in stripped:  # one heading in two languages
        return any(names_section(part) for part in stripped.split(" / "))
    strong = section_kind(
        stripped, THRESHOLDS["section_strong"], THRESHOLDS["section_strong_cover"]
    )
    return strong is not None


def head_item_kind(text: str) -> str | None:
    """The item kind a heading's head word names, however long the heading ("Causes of
    concern and the recommendations that go with them": causes), if one kind's cue is
    that word."""
    head = next((w for w in tokens(text) if w not in STOP_WORDS), None)
    if head is None:
        return None
    kinds = [kind for kind, cues in ITEM_CUES.items() if any(_matches(c, head) for c in cues)]
    return kinds[0] if len(kinds) == 1 else None


@functools.lru_cache(maxsize=16384)
def item_kind(text: str) -> str | None:
    """The item kind a short label names ("Areas to improve", "Recommendations",
    "Causes of concern"), by its cues; None when none or two kinds tie."""
    words = tokens(text)
    if not words or len(words) > THRESHOLDS["label_max_words"]:
        return None
    scores = {
        kind: sum(_cues_in(words, cues).values())
        for kind, cues in ITEM_CUES.items()
        if _cues_in(words, cues)
    }
    if not scores:
        return None
    kind, best = max(scores.items(), key=lambda pair: pair[1])
    if best < THRESHOLDS["item_min"] or sum(1 for s in scores.values() if s >= best) > 1:
        return None
    return kind
