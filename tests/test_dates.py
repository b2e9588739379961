"""Dates and deadlines as documents print them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hmic_extract.extract.dates import add_months, find_deadlines, parse_date


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("2 March 2017", date(2017, 3, 2)),
        ("13th September 2018", date(2018, 9, 13)),
        ("09/06/2022", date(2022, 6, 9)),  # UK: day first
        ("1st of May 2017", date(2017, 5, 1)),
        ("March 2, 2017", date(2017, 3, 2)),
        ("2017-03-02", date(2017, 3, 2)),
        ("22 Sept 2018", date(2018, 9, 22)),
        ("Date: 31/02/2019", None),  # no such day
        ("no date here", None),
    ],
)
def test_parse_date(printed: str, expected: date | None) -> None:
    assert parse_date(printed) == expected


def test_absolute_deadlines_keep_their_words() -> None:
    text = "It is recommended that by 1 May 2017 the force should report by 1 June 2017;"
    found = find_deadlines(text, date(2017, 3, 2))
    assert [(f.text, f.date) for f in found] == [
        ("by 1 May 2017", date(2017, 5, 1)),
        ("by 1 June 2017", date(2017, 6, 1)),
    ]


@pytest.mark.parametrize(
    ("text", "words", "due"),
    [
        ("The force should do this by the end of 2018.", "by the end of 2018", date(2018, 12, 31)),
        (
            "by the end of the financial year 2018/19",
            "by the end of the financial year 2018/19",
            date(2019, 3, 31),
        ),
        ("Completed by: 30 September 2018", "by: 30 September 2018", date(2018, 9, 30)),
        ("Deadline: 30 September 2018", "Deadline: 30 September 2018", date(2018, 9, 30)),
        ("Target date – 30/09/2018", "Target date – 30/09/2018", date(2018, 9, 30)),
        ("Timescale: December 2018", "Timescale: December 2018", date(2018, 12, 31)),
    ],
)
def test_year_ends_and_action_table_labels_are_due_dates(text: str, words: str, due: date) -> None:
    """Regression: each of these was found by probing house styles and read as no deadline."""
    assert [(f.text, f.date) for f in find_deadlines(text, date(2017, 11, 9))] == [(words, due)]


@pytest.mark.parametrize(
    "text",
    [
        "by 2018 the force will have grown",  # a year alone is not a day
        "at the end of 2018 the force will review it",  # no due cue
        "by the end of the financial year 2018",  # 2017/18 or 2018/19?
        "Date published: 2 May 2019",
    ],
)
def test_years_without_a_due_end_are_not_deadlines(text: str) -> None:
    assert find_deadlines(text, date(2017, 11, 9)) == []


def test_dates_without_a_due_cue_are_not_deadlines() -> None:
    assert find_deadlines("The panel meets on 4 December 2018.", date(2018, 9, 13)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Within three months, the force should", date(2018, 12, 13)),
        ("Within six months of the publication of this report, forces", date(2019, 3, 13)),
        ("within 12 months the force", date(2019, 9, 13)),
        ("within 28 days of publication", date(2018, 10, 11)),
        ("within two weeks the force should", date(2018, 9, 27)),
    ],
)
def test_relative_deadlines_count_from_publication(text: str, expected: date) -> None:
    assert [f.date for f in find_deadlines(text, date(2018, 9, 13))] == [expected]


def test_relative_deadline_without_publication_is_undated() -> None:
    assert find_deadlines("Within three months, the force should", None) == []


def test_month_arithmetic_clamps_to_month_end() -> None:
    assert add_months(date(2019, 1, 31), 1) == date(2019, 2, 28)
    assert add_months(date(2018, 11, 30), 3) == date(2019, 2, 28)


@given(st.text())
def test_date_parsing_never_raises(text: str) -> None:
    parse_date(text)
    find_deadlines(text, date(2020, 1, 31))
