"""The overall judgement: this inspection's grade and the previous one, on the five-tier scale."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hmic_extract.models import Grade
from hmic_extract.vocabulary import GRADE_PATTERN, NO_GRADE, PREVIOUS_CUE, SAME_GRADE

_SENTENCE = re.compile(r"(?<=[.!?])[”’\"']?\s+(?=[A-Z“‘\"'])")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


@dataclass(frozen=True, slots=True)
class Grades:
    grade: Grade | None
    previous: Grade | None
    no_grade_stated: bool  # the text says there is no single grade (thematic, PEEL 2021/22)


_CANONICAL: dict[str, Grade] = {
    "outstanding": "Outstanding",
    "good": "Good",
    "adequate": "Adequate",
    "inadequate": "Inadequate",
}


def canonical_grade(printed: str) -> Grade | None:
    """A printed grade in any spelling, as one of the five scale values."""
    words = " ".join(printed.split()).casefold()
    if words.endswith("improvement"):
        return "Requires improvement"
    return _CANONICAL.get(words)


def _earlier_year(sentence: str, inspection_year: int | None) -> bool:
    """Whether a sentence names a year before the inspection's: it tells of another
    ("the 2014 audit did not grade forces"; not "since 2021 it no longer grades")."""
    return inspection_year is not None and any(
        int(year) < inspection_year for year in _YEAR.findall(_SINCE.sub("", sentence))
    )


_SINCE = re.compile(r"\b(?:since|from)\s+(?:19|20)\d\d\b", re.I)


def _is_previous_cue(cue: re.Match[str], inspection_year: int | None) -> bool:
    """A cue points back in time; a bare year does only when it is before the inspection's."""
    year = _YEAR.search(cue.group(0))
    if year is None or inspection_year is None:
        return True
    return int(year.group(1)) < inspection_year


# A year printed right after a grade dates that grade: "'requires improvement' in
# 2016", "Good (2016)", "good, for 2017"; not "Good (2016: …)", where the year
# labels the grade after it.
_OWN_YEAR = re.compile(r"[’'”\"]?\s*[(,]?\s*(?:in|for)?\s*\(?((?:19|20)\d\d)\b(?!\s*:)", re.I)
# "Now" right before a grade makes it this inspection's: "is now judged 'good'".
_NOW = re.compile(r"\b(?:now|this\s+year|currently)\b[^.]{0,20}$", re.I)


def _dated_previous(
    sentence: str, grade: re.Match[str], inspection_year: int | None
) -> bool | None:
    """Whether a grade's own date puts it before this inspection (None: no date, or "now")."""
    if _NOW.search(sentence, 0, grade.start()):
        return False
    dated = _OWN_YEAR.match(sentence, grade.end())
    if dated is None or inspection_year is None:
        return None
    return int(dated.group(1)) < inspection_year


# A grade given to some of the areas inspected is not an overall one: "graded as
# good in one area, adequate in four areas", "outstanding in the area of …",
# "requires improvement across three of the nine questions".
_GRADED_AREAS = re.compile(
    r"[’'”\"]?\s*,?\s+(?:in|across|for)\s+(?:[\w’'-]+\s+){0,4}?"
    # one pillar or strand is the inspection's own subject ("graded 'good' in the
    # efficiency strand"); several are graded one by one
    r"(?:areas?|questions?|pillars|strands)\b",
    re.I,
)

# PEEL's pillars, each graded on its own in the integrated assessments (2017-2019):
# "good at effectiveness, requires improvement at efficiency and good at
# legitimacy" grades three pillars, not the force. One pillar alone may be the
# inspection's own subject ("judged good at effectiveness" in an effectiveness report).
_PILLAR_GRADE = re.compile(
    r"[’'”\"]?\s*,?\s+(?:at|for|in)\s+(?:its\s+|their\s+)?"
    # or the pillar in other words: "good at operating efficiently", "good at treating
    # the public and its workforce legitimately"
    r"(?:[\w-]+\s+){0,6}?(?:effective(?:ness|ly)?|efficien(?:cy|tly)|legitima(?:cy|tely))\b",
    re.I,
)

# Outside a judgement section, only sentences that say a judgement was made count.
_JUDGED = re.compile(
    r"\b(?:judged|graded|assessed|rated|judgement|judgment|grade|concluded)\b", re.I
)


# In prose anywhere (a news release, a letter), a grade counts only right after the
# verb that gives it: "rated as 'inadequate'", "judged the force to be good", not "a
# good service" in a sentence that mentions an assessment.
_GIVEN_BY = re.compile(
    r"\b(?:judged|graded|rated|assessed|found|concluded|judgement|judgment|grade|grading|"
    r"rating)"
    # then only the words that lead to a grade: "as", "to be", "the force", a name,
    # "concluded that Xshire Constabulary requires improvement"
    r"(?:\s+(?:as|to|be|being|of|the|that|force|it|was|is|overall|police|constabulary|service|"
    # a force's name of two places: "judged Xshire and Yshire Police to be good"
    r"and|"
    r"(?-i:[A-Z][\w’'-]*))){0,7}\s*[‘'\"“]?$",
    re.I,
)
# … or the grade names itself as one: "a 'good' grading", "the inadequate grade".
_NAMED_GRADE = re.compile(r"[’'\"”]?\s*(?:overall\s+)?(?:grade|grading|rating|judgement)\b", re.I)


# A previous grade in prose stands this close after its cue: "an improvement on the
# inadequate grade", "up from 'requires improvement'".
_NEAR_CUE = 20


def read_grades(
    text: str, inspection_year: int | None, *, judged_only: bool = False, given_by: bool = False
) -> Grades:
    """Grades stated in a judgement section's prose (or, with ``judged_only``, in a summary;
    with ``given_by``, anywhere, each right after the verb that gives it)."""
    grade: Grade | None = None
    previous: Grade | None = None
    graded_by_area = False
    sentences = _SENTENCE.split(" ".join(text.split()))
    # "… did not grade individual forces" said of an earlier inspection ("the 2014
    # audit") says nothing of this one's grade
    no_grade = any(
        NO_GRADE.search(sentence) and not _earlier_year(sentence, inspection_year)
        for sentence in sentences
    ) and not re.search(r"\boverall\s+grade\s+of\b", text, re.I)
    for sentence in sentences:
        matches = list(GRADE_PATTERN.finditer(sentence))
        if grade is not None and previous is None and not matches and SAME_GRADE.search(sentence):
            previous = grade
            continue
        if not matches or (judged_only and not _JUDGED.search(sentence)):
            continue
        cues = [c for c in PREVIOUS_CUE.finditer(sentence) if _is_previous_cue(c, inspection_year)]
        first_cue = cues[0].start() if cues else len(sentence)
        pillars = sum(bool(_PILLAR_GRADE.match(sentence, m.end())) for m in matches)
        areas = sum(bool(_GRADED_AREAS.match(sentence, m.end())) for m in matches)
        for match in matches:
            # one pillar's grade beside another's, or beside an area's ("outstanding for
            # efficiency and good in every other area"), grades part of the force
            if _GRADED_AREAS.match(sentence, match.end()) or (
                (pillars >= 2 or areas) and _PILLAR_GRADE.match(sentence, match.end())
            ):
                graded_by_area = True
                continue
            value = canonical_grade(match["grade"])
            earlier = _dated_previous(sentence, match, inspection_year)
            if earlier is None:
                earlier = match.start() > first_cue or (bool(cues) and grade is not None)
            if (
                given_by
                and not _GIVEN_BY.search(sentence, 0, match.start())
                and not _NAMED_GRADE.match(sentence, match.end())
            ):
                # outside a judgement, a grade not right after its verb is one only
                # where the sentence dates it before this inspection
                near = any(0 <= match.start() - c.end() <= _NEAR_CUE for c in cues)
                if earlier and near and previous is None and grade is not None:
                    previous = value
                continue
            if earlier:
                previous = previous or value
            elif grade is None and not no_grade:
                grade = value
        if grade is not None and previous is None and SAME_GRADE.search(sentence):
            previous = grade  # "the same grade as last year", "maintained its grade"
    if no_grade or ((judged_only or given_by) and grade is None):
        # outside a judgement section an earlier grade alone is a stray word
        grade = None
        previous = None
    # Grades only ever given area by area: the document prints no single one.
    return Grades(grade, previous, no_grade or (graded_by_area and grade is None))


# A details form's grade row: "Overall grade | Good", "Previous grade: Requires improvement".
_FORM_GRADE = re.compile(
    r"^(?P<label>(?:overall\s+)?(?:grade|grading|judge?ment)|"
    r"(?:previous|last\s+year'?s?)\s+(?:overall\s+)?(?:grade|judge?ment))"
    # a year in brackets may date it: "Previous judgement (2016): Requires improvement"
    r"(?:\s*\([^()]{1,20}\))?\s*[:\-–—]?\s+(?P<value>.+)$",
    re.I,
)


def grades_in_form(rows: Sequence[str]) -> Grades:
    """This inspection's and the previous grade where a details form gives them as rows."""
    grade: Grade | None = None
    previous: Grade | None = None
    for row in rows:
        match = _FORM_GRADE.match(" ".join(row.split()))
        value = canonical_grade(match["value"].strip(" .*_‘’'\"“”")) if match else None
        if match is None or value is None:
            continue
        if match["label"].casefold().startswith(("previous", "last")):
            previous = previous or value
        else:
            grade = grade or value
    return Grades(grade, previous, no_grade_stated=False)


_YEAR_CELL = re.compile(r"^\s*((?:19|20)\d\d)\s*$")


def grades_by_year(rows: Sequence[Sequence[str]], inspection_year: int | None) -> Grades:
    """Grades from a table of years and grades ("2016 | Good", "2017 | Requires
    improvement"): this inspection's year gives the grade (the latest year, where the
    inspection's is not known), the year before it the previous grade."""
    by_year: dict[int, Grade] = {}
    for cells in rows:
        years = [m for cell in cells if (m := _YEAR_CELL.match(cell))]
        graded = [g for cell in cells if (g := canonical_grade(cell.strip(" .*_")))]
        if len(years) == 1 and len(graded) == 1:
            by_year[int(years[0].group(1))] = graded[0]
    if not by_year:
        return Grades(None, None, no_grade_stated=False)
    year = inspection_year if inspection_year in by_year else max(by_year)
    earlier = [y for y in by_year if y < year]
    return Grades(by_year[year], by_year[max(earlier)] if earlier else None, False)
