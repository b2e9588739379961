"""Dates as documents print them, and deadlines (absolute and relative)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from hmic_extract.vocabulary import MONTHS, NUMBER_WORDS

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# The written forms seen in responses: "2 March 2017", "13th September 2018",
# "March 2, 2017", "09/06/2022" (UK: day first), "2017-03-02".
_DATE_FORMS = (
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)?\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
_DIGIT = re.compile(r"\d")
# A month without a day ("by March 2018") is due at the end of that month.
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I)

_NUMBER = r"(?P<count>\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
# "Within three months", "within 6 months of the publication of this report".
_RELATIVE = re.compile(
    rf"\bwithin\s+(?:the\s+next\s+)?{_NUMBER}\s+(?P<unit>months?|years?|weeks?|days?)\b", re.I
)
# Words that make a following date a due date: "by 1 May 2017", "no later than",
# and the labels of action tables: "Completed by: 30 June 2018", "Target date – …".
_DUE_CUE = re.compile(
    r"\b(?:by|before|no\s+later\s+than|not\s+later\s+than|deadline(?:\s+of)?|due(?:\s+by)?|"
    r"until|on\s+or\s+before|(?:target|due|completion)\s+date|timescales?)"
    r"\s*[:\-–—]?\s*(?:the\s+)?(?:end\s+of\s+)?$",
    re.I,
)
# A year due at its end: "by the end of 2018" (31 December), "by the end of the
# financial year 2018/19" (a UK financial year ends on 31 March).
_YEAR_END = re.compile(
    r"\bend\s+of\s+(?:the\s+)?(?:(?P<financial>financial|fiscal)\s+year\s+)?"
    r"(?:calendar\s+year\s+)?(?P<year>(?:19|20)\d\d)(?P<next>\s*[/-]\s*\d\d(?:\d\d)?)?\b",
    re.I,
)


# The year's end with no year named: "by the end of the calendar year", "by the end
# of this financial year" — the year the report was published in.
_THIS_YEAR_END = re.compile(
    r"\bend\s+of\s+(?:the|this)\s+(?:(?P<financial>financial|fiscal)|calendar)\s+year\b"
    r"(?!\s*(?:19|20)\d\d)",
    re.I,
)


def _end_of(match: re.Match[str], published: date) -> date:
    """The end of the calendar or financial year (31 March) a report was published in."""
    if match["financial"]:
        return date(published.year + (published.month > 3), 3, 31)
    return date(published.year, 12, 31)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text, with the exact words that gave it."""

    text: str
    date: date
    start: int


def _build(year: str, month: str, day: str | None) -> date | None:
    y = int(year)
    if y < 100:
        y += 2000
    m = int(month) if month.isdigit() else MONTHS.get(month.casefold().rstrip("."), 0)
    if not 1 <= m <= 12:
        return None
    d = int(day) if day else calendar.monthrange(y, m)[1]
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return date(y, m, d)


def find_dates(text: str) -> list[FoundDate]:
    """Every full date in ``text``, in order of appearance, without overlaps."""
    if not _DIGIT.search(text):
        return []  # every written date has a day or a year in digits
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_FORMS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            value = _build(match["year"], match["month"], match["day"])
            if value is not None:
                found.append(FoundDate(match.group(0), value, match.start()))
                taken.append(match.span())
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str) -> date | None:
    """The first date written in ``text``, or None."""
    dates = find_dates(text)
    return dates[0].date if dates else None


def add_months(start: date, months: int) -> date:
    """Calendar-month arithmetic, clamping to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _due_cue_start(text: str, at: int) -> int | None:
    """Where a due-date cue ("by", "no later than") ending just before ``at`` starts."""
    window_start = max(0, at - 30)
    cue = _DUE_CUE.search(text[window_start:at])
    return None if cue is None else window_start + cue.start()


def _year_end(match: re.Match[str]) -> date | None:
    """The last day of the year a _YEAR_END match names; None for a financial year
    given as one number ("financial year 2018" could be 2017/18 or 2018/19)."""
    year = int(match["year"])
    if match["next"]:
        return date(year + 1, 3, 31)  # "2018/19": a UK financial year
    return None if match["financial"] else date(year, 12, 31)


def find_deadlines(text: str, published: date | None) -> list[FoundDate]:
    """Due dates in an item's text: a date, month or year's end after a due cue ("by",
    "Deadline:", "by the end of 2018"), or "within N months".

    Relative deadlines count from the published date; without one they cannot
    be dated and are left out (the caller warns).
    """
    found: list[FoundDate] = []
    # each form needs a digit or a word of its own: most items hold none of them
    folded = text.casefold()
    digits = _DIGIT.search(text) is not None
    within = "within" in folded
    year_end = "end" in folded
    if not (digits or within or year_end):
        return found
    full_dates = find_dates(text) if digits else []
    for item in full_dates:
        start = _due_cue_start(text, item.start)
        if start is not None:
            found.append(FoundDate(text[start : item.start] + item.text, item.date, start))
    for match in _MONTH_YEAR.finditer(text) if digits else ():
        if any(d.start <= match.start() < d.start + len(d.text) for d in full_dates):
            continue
        start = _due_cue_start(text, match.start())
        value = _build(match["year"], match["month"], None)
        if start is not None and value is not None:
            found.append(FoundDate(text[start : match.end()], value, start))
    for match in _YEAR_END.finditer(text) if digits and year_end else ():
        due = _year_end(match)
        start = _due_cue_start(text, match.start())  # the cue before "end of"
        overlaps = any(
            d.start < match.end() and match.start() < d.start + len(d.text) for d in full_dates
        )
        if due is not None and start is not None and not overlaps:
            found.append(FoundDate(text[start : match.end()], due, start))
    if published is not None:
        for match in _THIS_YEAR_END.finditer(text) if year_end else ():
            start = _due_cue_start(text, match.start())
            if start is not None:
                found.append(FoundDate(text[start : match.end()], _end_of(match, published), start))
        for match in _RELATIVE.finditer(text) if within else ():
            count_text = match["count"].casefold()
            count = int(count_text) if count_text.isdigit() else NUMBER_WORDS[count_text]
            unit = match["unit"].casefold()
            if unit.startswith(("day", "week")):
                due = published + timedelta(days=count * (7 if unit.startswith("week") else 1))
            else:
                due = add_months(published, count * 12 if unit.startswith("year") else count)
            found.append(FoundDate(match.group(0), due, match.start()))
    return sorted(found, key=lambda f: f.start)


def has_relative_deadline(text: str) -> bool:
    """Whether ``text`` states a deadline relative to publication."""
    return _RELATIVE.search(text) is not None
