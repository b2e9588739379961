"""Normalise: furniture, hyphenation, glyphs, paragraphs and lists from lines."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from hmic_extract.blocks import BlockKind
from hmic_extract.load.text import load_text
from hmic_extract.normalise import clean_text, normalise, split_marker


def _blocks(text: str) -> list[tuple[BlockKind, str, int]]:
    return [(b.kind, b.text, b.depth) for b in normalise(load_text(text).blocks)]


def test_glyphs_are_cleaned() -> None:
    assert clean_text("\ufb01nd \uf0fe yes [X] no [ ]") == "find ☒ yes ☒ no ☐"
    assert clean_text("a\u00a0b\u00adc") == "a bc"


def test_markers_of_every_kind() -> None:
    for line in (
        "\uf0b7 text",
        "• text",
        "- text",
        "– text",
        "o text",
        "▪ text",
        "1) text",
        "(a) text",
        "iv) text",
    ):
        marker = split_marker(line)
        assert marker is not None, line
        assert marker.rest == "text"
    assert split_marker("-The force") is not None  # a dash glued to its item (the seed)
    assert split_marker("2.5 million crimes") is None
    assert split_marker("often the case") is None


def test_a_number_run_into_its_item_is_a_marker() -> None:
    """Regression: LibreOffice sets "10." flush against the text when the number fills
    the tab ("10.The force should"), and the item kept "10." in its text."""
    marker = split_marker("10.The force should improve its training.")
    assert marker is not None
    assert (marker.marker, marker.rest) == ("10.", "The force should improve its training.")
    for text in ("10.30am meeting", "2.5 million crimes", "a.m. start", "1.A"):
        assert split_marker(text) is None, text


def test_page_furniture_is_dropped() -> None:
    page = "OFFICIAL\nReport title footer\n{body}\nReport title footer\nPage {n} of 2\n"
    text = (
        page.format(body="First page body.", n=1)
        + "\f"
        + page.format(body="Second page body.", n=2)
    )
    texts = [t for _, t, _ in _blocks(text)]
    assert texts == ["First page body. Second page body."]


def test_hyphenated_words_are_rejoined_but_compounds_kept() -> None:
    text = (
        "The force should ensure that investigations are allocated to offi-\n"
        "cers and that re-\n"
        "offending falls, as re-offending must.\n"
    )
    [(_, joined, _)] = _blocks(text)
    assert "officers" in joined
    assert joined.count("re-offending") == 2


@given(st.lists(st.from_regex(r"[a-z]{2,12}", fullmatch=True), max_size=120))
def test_a_word_hyphenated_after_any_amount_of_text_is_rejoined(words: list[str]) -> None:
    """Only the paragraph's tail is searched for the hyphen: its length must not matter.
    (Words of two letters or more: a line starting "o " is a bullet.)"""
    wrapped = textwrap.wrap(" ".join(["The force is well known", *words, "and"]), width=70)
    text = "\n".join(wrapped) + " well-\nknown investi-\ngations continue.\n"
    [(_, joined, _)] = _blocks(text)
    assert joined.endswith(" well-known investigations continue.")


def test_lists_nest_by_indent_and_marker() -> None:
    text = (
        "Areas for improvement\n"
        "  - The force should do one thing\n"
        "    across two lines.\n"
        "      o first sub-point;\n"
        "      o second sub-point.\n"
        "  - The force should do another.\n"
    )
    assert _blocks(text)[1:] == [
        (BlockKind.LIST_ITEM, "The force should do one thing across two lines.", 0),
        (BlockKind.LIST_ITEM, "first sub-point;", 1),
        (BlockKind.LIST_ITEM, "second sub-point.", 1),
        (BlockKind.LIST_ITEM, "The force should do another.", 0),
    ]


def test_an_item_back_from_a_sub_list_rejoins_its_list_though_shifted() -> None:
    """Regression: pdftotext -layout printed the second "–" item two columns right of
    the first, after the first's "o" points; it was taken as a fifth point."""
    text = (
        "Recommendations\n"
        "   – By 30 June 2018, the force should review its practices so\n"
        "     that:\n"
        "              o   calls are graded by risk;\n"
        "              o   supervisors monitor waiting calls.\n"
        "     –    By 30 September 2018, the force should train its staff.\n"
        "\n"
        "Areas for improvement\n"
        "   1. First numbered.\n"
        "        a) its point.\n"
        "     3. Not the next number: a list of its own.\n"
    )
    assert [(t[:12], depth) for _, t, depth in _blocks(text)[1:]] == [
        ("By 30 June 2", 0),
        ("calls are gr", 1),
        ("supervisors ", 1),
        ("By 30 Septem", 0),
        ("Areas for im", 0),
        ("First number", 0),
        ("its point.", 1),
        ("Not the next", 1),
    ]


def test_a_sentence_ended_where_the_next_word_would_have_fitted_ends_its_paragraph() -> None:
    """Regression: pdftotext's reading order drops bullets; an item ending on a nearly
    full line ran into the next, though the next one's first word had room there."""
    text = (
        "The force should ensure that where crimes are allocated to specialist investigators,\n"
        "they have the skills and accreditation to investigate them to a good standard.\n"
        "The force should continue to improve its strategic understanding of victims.\n"
        "The force should take immediate steps to understand the reasons why such a high share\n"
        "of crimes fall into the outcome category of evidential difficulties with victims, so\n"
        "that it pursues justice.\n"
    )
    assert [t[:40] for _, t, _ in _blocks(text)] == [
        "The force should ensure that where crime",
        "The force should continue to improve its",
        "The force should take immediate steps to",
    ]


def test_bullets_printed_apart_from_their_items_go_to_the_nearest_item() -> None:
    """Regression: pdftotext's reading order printed the second item's "–" before the
    first item's "o" points; every detached bullet became a "•" at one depth."""
    text = (
        "Recommendations\n"
        "– By 30 June 2018, the force should review its practices so that:\n\n"
        "–\n\n"
        "o\n\ncalls are graded by risk;\n\n"
        "o\n\nsupervisors monitor waiting calls.\n\n"
        "By 30 September 2018, the force should train its staff.\n\n"
        "–\n\n4)\n\nThe force should act.\n"
    )
    assert [(t[:12], depth) for _, t, depth in _blocks(text)[1:]] == [
        ("By 30 June 2", 0),
        ("calls are gr", 1),
        ("supervisors ", 1),
        ("By 30 Septem", 0),
        ("4)", 0),
        ("The force sh", 0),
    ]
    assert [kind for kind, _, _ in _blocks(text)[-2:]] == [
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
    ]


def test_lines_of_uneven_length_keep_a_sentence_ending_inside_a_paragraph() -> None:
    """Text read from proportional fonts wraps at uneven character counts: a sentence
    ending a line is not a paragraph end unless the next word fits where no wrapped
    line in the document left room (the document's own wrap floor)."""
    lines = [
        "The force should improve the way it supervises investigations into crime",
        "and should make sure that officers are given the time to do the work.",
        "It should review how it allocates crime across all of its local policing",
        "teams and tell victims what is happening with the investigations",
        "so that they can rely on it in future, and report the results to the board",
    ]
    # Wrapped lines leave at least 64 + len(" so") = 67 columns; the sentence ends at
    # 69, and " It" would reach 72: inside the column (74), but past the floor.
    assert [len(line) for line in lines] == [72, 69, 72, 64, 74]
    text = (
        "\n".join(
            [*lines, "of the force in the next year, as it has said it would do in its plan."]
        )
        + "\n"
    )
    [(_, joined, _)] = _blocks(text)
    assert joined.startswith("The force should")
    assert joined.endswith("in its plan.")


def test_underlined_and_capital_headings() -> None:
    blocks = _blocks("Findings\n--------\nText here.\n\nFORCE RESPONSE\nMore text.\n")
    assert blocks[0][:2] == (BlockKind.HEADING, "Findings")
    assert blocks[2][:2] == (BlockKind.HEADING, "FORCE RESPONSE")


def test_a_sentence_case_heading_stands_alone() -> None:
    """A short sentence-case line naming a section is a heading only as a paragraph of
    its own; inside a paragraph, or as a note or a form's label, it is text. Normalise
    keeps the lines apart by layout alone; the role stage says which is a heading."""
    from hmic_extract.blocks import Role
    from hmic_extract.roles import assign_roles

    blocks = assign_roles(
        normalise(
            load_text(
                "Intro text.\n\nWhat HMICFRS found\n\nText.\n\nNo areas for improvement\n\n"
                "Response published on PCC website\n\nSome prose that wraps onto\n"
                "What HMICFRS found\nin this paragraph.\n"
            ).blocks
        )
    )
    assert [(b.kind, b.role) for b in blocks] == [
        (BlockKind.PARAGRAPH, Role.BODY),
        (BlockKind.HEADING, Role.SECTION),
        (BlockKind.PARAGRAPH, Role.BODY),
        (BlockKind.PARAGRAPH, Role.NOTE),
        (BlockKind.PARAGRAPH, Role.BODY),
        (BlockKind.PARAGRAPH, Role.BODY),
    ]


def test_an_area_name_above_its_grade_stands_alone() -> None:
    """Regression: in pdftotext's reading order (no blank lines), an area's name after
    an item's last sentence ran into that item, and the area was lost."""
    blocks = _blocks(
        "Grade: Adequate\n"
        "The force should improve how it manages registered sex offenders.\n"
        "Responding to the public\n"
        "Grade: Inadequate\n"
        "The force is not answering calls quickly enough.\n"
    )
    assert [text for _, text, _ in blocks] == [
        "Grade: Adequate",
        "The force should improve how it manages registered sex offenders.",
        "Responding to the public",
        "Grade: Inadequate",
        "The force is not answering calls quickly enough.",
    ]


def test_form_rows_without_blank_lines_stay_rows() -> None:
    """Regression: pdftotext printed a web page's form with no blank lines; its rows
    ran into the line above, so the title labelled mid-paragraph was not read. A
    line starting with a form label and its colon starts a block; a wrapped value
    and prose about publication still run on."""
    blocks = _blocks(
        "West Mercia Police and Crime Commissioner\n"
        "HMICFRS inspection: PEEL 2018/19 - West Mercia Police\n"
        "Published: 27 September 2019\n"
        "\n"
        "The report, which HMICFRS announced in the spring and finally\n"
        "published on 27 September 2019, is welcome.\n"
    )
    assert [text for _, text, _ in blocks] == [
        "West Mercia Police and Crime Commissioner",
        "HMICFRS inspection: PEEL 2018/19 - West Mercia Police",
        "Published: 27 September 2019",
        "The report, which HMICFRS announced in the spring and finally published on "
        "27 September 2019, is welcome.",
    ]


@given(st.text())
def test_normalising_arbitrary_text_never_raises(text: str) -> None:
    normalise(load_text(text).blocks)


@given(st.lists(st.sampled_from(["Heading", "  - item", "    o sub", "Para text.", "", "1) Q?"])))
def test_normalising_twice_changes_nothing(lines: list[str]) -> None:
    once = normalise(load_text("\n".join(lines)).blocks)
    assert normalise(once) == once


def test_a_repeated_line_is_furniture_only_on_most_pages() -> None:
    """Regression: a question ending two of five pages was dropped as a running footer."""
    pages = []
    for number in range(1, 6):
        body = (
            "5) How effective are the force's specialist capabilities?"
            if number in (1, 3)
            else (f"Body text of page {number}.")
        )
        pages.append(f"Intro line {number} here.\n{body}\nPCC response footer\nPage {number}\n")
    texts = [t for _, t, _ in _blocks("\f".join(pages))]
    assert sum("specialist capabilities" in t for t in texts) == 2
    assert not any("PCC response footer" in t for t in texts)


def test_a_capitalised_compound_broken_at_its_hyphen() -> None:
    [(_, text, _)] = _blocks("INSPECTIONS OF DYFED-\nPOWYS POLICE\n")
    assert text == "INSPECTIONS OF DYFED-POWYS POLICE"


# pdftotext's reading order: a list's Symbol bullets printed apart from, and
# before, its items; the items' lines run on with no blank line between them.
WAITING_BULLETS = """Areas for improvement:
\uf0b7
\uf0b7
\uf0b7

The force should improve how it supervises investigations so that victims are kept
informed about progress at every stage and are told of the outcome in good time;
the force should review its call handling so that every call is graded correctly.
The force should make sure that officers record crime accurately, whoever reports it.

This action plan will be reviewed by the inspectorate during the year.
"""


def test_bullets_waiting_for_items_start_the_next_one() -> None:
    """Regression: an item ending at a full line ("…; " or a sentence) ran into the next
    one, and the bullet left over made the closing paragraph an item."""
    blocks = _blocks(WAITING_BULLETS)
    items = [text for kind, text, _ in blocks if kind is BlockKind.LIST_ITEM]
    assert [text[:32] for text in items] == [
        "The force should improve how it ",
        "the force should review its call",
        "The force should make sure that ",
    ]
    assert blocks[-1][:2] == (
        BlockKind.PARAGRAPH,
        "This action plan will be reviewed by the inspectorate during the year.",
    )


def test_a_bullet_opening_pages_is_not_furniture() -> None:
    """Regression: a bullet printed apart from its item at the top of two pages was
    dropped as a running header, and its item read as prose."""
    topics = ("its supervision of investigations", "its call handling", "its crime recording")
    pages = [
        f"OFFICIAL\n\uf0b7\nThe force should improve {topic}.\n"
        "HMICFRS found that the force had made progress since its last inspection.\n"
        f"It reviewed {n * 20} cases and spoke to officers and staff across the force.\n"
        f"Page {n} of 3\n"
        for n, topic in enumerate(topics, start=1)
    ]
    items = [
        b for b in normalise(load_text("\f".join(pages)).blocks) if b.kind is BlockKind.LIST_ITEM
    ]
    assert [b.text for b in items] == [f"The force should improve {topic}." for topic in topics]


def test_an_item_s_second_sentence_is_not_the_next_item() -> None:
    """Regression: with a bullet still waiting, an item's second sentence starting a
    line (after one that ended the first) was taken for the next item. Here two
    sentences start lines and one bullet is left: the short line ends the item."""
    text = (
        "Areas for improvement:\n\uf0b7\n\n\uf0b7\n\n"
        "The force should consider widening its approach to integrated offender\n"
        "management to maximise its impact on reducing the threat, harm and risks.\n"
        "There should be clear measures of success which enable the force to\n"
        "evaluate how effectively it is protecting the public from prolific and\n"
        "harmful offenders.\n"
        "The force should ensure that the risks posed by registered sex offenders\n"
        "are managed effectively.\n"
    )
    items = [t for kind, t, _ in _blocks(text) if kind is BlockKind.LIST_ITEM]
    assert [t[:40] for t in items] == [
        "The force should consider widening its a",
        "The force should ensure that the risks p",
    ]
    assert "There should be clear measures" in items[0]


def test_a_sentence_split_by_a_blank_line_is_rejoined() -> None:
    """Regression: pdfminer splits a paragraph into two text boxes with a blank line
    between them mid-sentence; the rest, starting in lower case, became an item."""
    text = (
        "- The force should ensure that it monitors the use of its information and communications\n"
        "\n"
        "systems, so that it can identify officers and staff who may be misusing them.\n"
        "\n"
        "A new paragraph starts here.\n"
    )
    blocks = _blocks(text)
    assert [kind for kind, _, _ in blocks] == [BlockKind.LIST_ITEM, BlockKind.PARAGRAPH]
    assert blocks[0][1].endswith(
        "communications systems, so that it can identify officers "
        "and staff who may be misusing them."
    )


def test_page_x_of_y_is_dropped_wherever_it_stands() -> None:
    """Regression: text extracted without page breaks has "Page 1 of 3" mid-sentence;
    it was joined into the item, which lost the rest of its sentence."""
    text = (
        "FINDINGS\n\nHMIC asked three questions.\nIt found the following.\n\n"
        "- The force should evaluate the problem-solving work of its teams, so that\n"
        "Page 1 of 3\n"
        "effective approaches are adopted consistently in every district.\n\n"
        "The force has accepted this.\nIt will report on progress.\nIn March.\n"
    )
    [item] = [text for kind, text, _ in _blocks(text) if kind is BlockKind.LIST_ITEM]
    assert item == (
        "The force should evaluate the problem-solving work of its teams, so that "
        "effective approaches are adopted consistently in every district."
    )


def test_a_bold_line_in_lower_case_goes_on_the_bold_line_above() -> None:
    """A letter's bold subject wrapped over two lines ("… ‘Living in fear – the police
    and CPS response" / "to harassment and stalking’"): one paragraph, no heading."""
    from hmic_extract.blocks import Block, Location, Style

    def line(number: int, text: str, right: float, *, bold: bool) -> Block:
        return Block(
            BlockKind.LINE,
            text,
            Location(1, number, number, (72.0, 100.0 + 14 * number, right, 112.0 + 14 * number)),
            style=Style(bold=bold, size=1.0),
            indent=72.0,
            right=right,
            sheet=1,
        )

    blocks = normalise(
        [
            line(1, "Dear Sir,", 120.0, bold=False),
            line(
                2,
                "Response to the HMIC report ‘Living in fear – the police and CPS",
                520.0,
                bold=True,
            ),
            line(3, "response to harassment and stalking’", 300.0, bold=True),
            line(
                4,
                "I write with my comments on the report, as the Act requires of me.",
                520.0,
                bold=False,
            ),
        ]
    )
    assert BlockKind.HEADING not in {b.kind for b in blocks}
    assert any("CPS response to harassment" in " ".join(b.text.split()) for b in blocks)


def test_emoji_number_a_line_as_digits_do_and_pictographs_go() -> None:
    assert clean_text("1️⃣ How effective is the force?") == "1. How effective is the force?"
    assert clean_text("📋 Report at a glance") == "Report at a glance"
    assert clean_text("as 💬 said") == "as said"
    assert clean_text("☒ Yes ☐ No") == "☒ Yes ☐ No"  # boxes are no pictographs


def test_an_email_s_quoted_lines_read_as_an_indented_block() -> None:
    blocks = load_text(
        "Dear Sir,\n\n> Recommendation 1\n>\n> By 30 June, chief constables\n> should act.\n"
    ).blocks
    assert [(b.text, b.indent) for b in blocks] == [
        ("Dear Sir,", 0.0),
        ("Recommendation 1", 2.0),
        ("By 30 June, chief constables", 2.0),
        ("should act.", 2.0),
    ]
