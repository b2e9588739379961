"""Pages set in two text columns (a newsletter's, a bulletin's) are read down the left
column, then down the right; a form's labels and values, and a table's cells, are not
columns of text (regressions from blind set s)."""

from __future__ import annotations

from hmic_extract.blocks import Block, BlockKind, Location, Style
from hmic_extract.load.pdf_layout import Word, _gutter, _in_columns
from hmic_extract.normalise import normalise


def _word(text: str, x0: float, top: float) -> Word:
    return Word(text, x0, x0 + 5.5 * len(text), top, top + 10.0, 10.0, False, False)


_LEFT = [
    "On 9 November 2017 the inspectorate",
    "published its annual assessment of how",
    "efficiently the force keeps people safe",
    "and reduces crime. Inspectors looked",
    "at how well the force understands the",
    "demand it faces and plans for it.",
    "The Commissioner is required to publish",
]
_RIGHT = [
    "The force should improve its grasp of",
    "the skills and capabilities of its staff,",
    "so that it can plan training and fill",
    "the gaps it finds in its workforce.",
    "The force should evaluate the benefits",
    "of its investment in mobile devices, so",
    "that it knows it gets value for money.",
]


def _page() -> list[list[Word]]:
    masthead = [_word("COMMISSIONER’S BULLETIN · ISSUE 14 · NOVEMBER 2017", 40.0, 20.0)]
    rows = [
        [_word(left, 40.0, 60.0 + 14 * i), _word(right, 320.0, 60.0 + 14 * i)]
        for i, (left, right) in enumerate(zip(_LEFT, _RIGHT, strict=True))
    ]
    return [masthead, *rows]


def test_two_text_columns_are_read_one_after_the_other() -> None:
    texts = [" ".join(w.text for w in line) for line in _in_columns(_page())]
    assert texts == ["COMMISSIONER’S BULLETIN · ISSUE 14 · NOVEMBER 2017", *_LEFT, *_RIGHT]


def test_a_form_s_labels_and_values_are_no_columns() -> None:
    form = [
        [_word(label, 40.0, 60.0 + 14 * i), _word(value, 320.0, 60.0 + 14 * i)]
        for i, (label, value) in enumerate(
            [
                ("Title", "PEEL: Police efficiency 2017 report"),
                ("Published", "9 November 2017 by HMICFRS"),
                ("Type", "National force inspection report"),
                ("Force", "Westshire Police and its partners"),
                ("Grade", "Good, as it was in 2016"),
                ("Previous", "Good, as it was in 2015"),
                ("Quoted", "Yes, the force is quoted"),
            ]
        )
    ]
    assert _in_columns(form) is form


def test_a_column_s_lines_join_at_its_own_right_edge() -> None:
    def line(number: int, text: str, x0: float, right: float) -> Block:
        top = 60.0 + 14 * number
        return Block(
            BlockKind.LINE,
            text,
            Location(1, number, number, (x0, top, right, top + 10.0)),
            style=Style(size=1.0),
            indent=x0,
            right=right,
            sheet=1,
        )

    lines = [line(i, text, 40.0, 270.0) for i, text in enumerate(_LEFT)] + [
        line(len(_LEFT) + i, text, 320.0, 550.0) for i, text in enumerate(_RIGHT)
    ]
    paragraphs = [b for b in normalise(lines) if b.kind is BlockKind.PARAGRAPH]
    assert len(paragraphs) <= 3  # the left column's lines are one paragraph, not seven
    assert " ".join(paragraphs[0].text.split()).startswith(" ".join(_LEFT[:3]))


def test_a_line_across_the_gutter_in_separate_words_stays_whole() -> None:
    """An engine that reads word by word sees a masthead's words on both sides of the
    gutter, with no gutter between them: one line across the page, not two halves."""
    page = _page()
    middle = _gutter(page[1:])
    assert middle is not None
    left = [_word("Office of the Westshire", middle - 2.0 - 5.5 * 23, 40.0)]
    words = [*left, _word("Police and Crime Commissioner", middle + 2.0, 40.0)]
    lines = [page[0], words, *page[1:]]
    texts = [" ".join(w.text for w in line) for line in _in_columns(lines)]
    assert texts[1] == "Office of the Westshire Police and Crime Commissioner"
    assert texts[2:] == [*_LEFT, *_RIGHT]
