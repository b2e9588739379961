"""Web pages: sniffing, the main content without the site, structure kept, the page's date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hmic_extract.blocks import BlockKind
from hmic_extract.errors import HmicError
from hmic_extract.load import sniff_format
from hmic_extract.load.html import load_html
from hmic_extract.normalise import normalise
from tests.conftest import FIXTURES
from tests.helpers import assert_golden, record_of

PAGES = FIXTURES / "html"
PROBES = FIXTURES / "probes"
# pages as saved (.html), and two blind probes kept with the probes, not copied: a page
# saved with its assets, and one printed from a browser to PDF
PAGE_FILES = sorted(
    [*PAGES.glob("*.html"), PROBES / "saved-with-assets.html", PROBES / "printed-page.pdf"]
)


def _expected(page: Path) -> Path:
    """A page's golden record, in the expected/ folder beside it."""
    return page.parent / "expected" / f"{page.name}.json"


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_page_matches_expected_record(page: Path, update_golden: bool) -> None:
    assert_golden(page, _expected(page), update=update_golden)


def test_every_page_has_an_expected_record() -> None:
    names = {f"{p.name}.json" for p in PAGE_FILES}
    assert len(names) >= 6
    assert all(_expected(page).exists() for page in PAGE_FILES)
    assert {f"{p.name}.json" for p in PAGE_FILES if p.parent == PAGES} == {
        p.name for p in (PAGES / "expected").glob("*.json")
    }


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body><p>x</p></body></html>",
        b"\xef\xbb\xbf<!doctype HTML>\n<p>x</p>",
        b"<?xml version='1.0'?>\n<!-- saved -->\n<html xmlns='http://www.w3.org/1999/xhtml'>",
        b'<html lang="en"><head><title>x</title></head></html>',
        # a fragment saved without doctype or <html>: a head dense with tags
        b"<div class='page'><h1>Response</h1><p>One</p><p>Two</p><ul><li>a</li><li>b</li>"
        b"</ul><p>Three</p><p>Four</p></div>",
        "<!DOCTYPE html><p>x</p>".encode("utf-16"),
    ],
)
def test_html_is_told_by_its_bytes(data: bytes) -> None:
    assert sniff_format(data) == "html"


@pytest.mark.parametrize(
    "data",
    [
        b"Our website moved to a new CMS; every page now starts with <html> as usual.\n"
        b"The response to the inspection follows below.\n",
        b"# Response\n\nSave the page as <b>text</b>, not as <html>.\n\n## Findings\n",
    ],
)
def test_prose_that_mentions_tags_is_not_html(data: bytes) -> None:
    assert sniff_format(data) in ("text", "markdown")


def test_a_page_named_as_text_is_read_as_a_page(tmp_path: Path) -> None:
    page = tmp_path / "response.txt"
    page.write_bytes((PAGES / "news-release-custody-2019.html").read_bytes())
    assert record_of(page)["source"]["format"] == "html"


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_headings_keep_their_levels() -> None:
    blocks = load_html(_page("<main><h1>A</h1><h2>B</h2><h4>C <em>D</em></h4></main>")).blocks
    assert [(b.kind, b.text, b.level) for b in blocks] == [
        (BlockKind.HEADING, "A", 1),
        (BlockKind.HEADING, "B", 2),
        (BlockKind.HEADING, "C D", 4),
    ]


def test_nested_lists_give_depth_and_markers() -> None:
    html = _page(
        "<ul><li>one<ul><li>one a<ol type='a' start='3'><li>deep</li><li>deeper</li></ol>"
        "</li></ul></li><li>two</li></ul><ol start='4'><li>four</li><li value='9'>nine</li>"
        "<li>ten</li></ol><ol type='I'><li>first</li></ol>"
    )
    blocks = load_html(html).blocks
    assert [(b.kind, b.text, b.depth, b.marker) for b in blocks] == [
        (BlockKind.LIST_ITEM, "one", 0, "•"),
        (BlockKind.LIST_ITEM, "one a", 1, "•"),
        (BlockKind.LIST_ITEM, "deep", 2, "c)"),
        (BlockKind.LIST_ITEM, "deeper", 2, "d)"),
        (BlockKind.LIST_ITEM, "two", 0, "•"),
        (BlockKind.LIST_ITEM, "four", 0, "4."),
        (BlockKind.LIST_ITEM, "nine", 0, "9."),
        (BlockKind.LIST_ITEM, "ten", 0, "10."),
        (BlockKind.LIST_ITEM, "first", 0, "I)"),
    ]


def test_table_rows_keep_their_cells_header_included() -> None:
    html = _page(
        "<table><thead><tr><th>No.</th><th>Recommendation</th></tr></thead>"
        "<tbody><tr><td>1</td><td>The force should <b>act</b>.<br>Soon.</td></tr></tbody></table>"
    )
    rows = load_html(html).blocks
    assert [(b.kind, b.cells) for b in rows] == [
        (BlockKind.TABLE_ROW, ("No.", "Recommendation")),
        (BlockKind.TABLE_ROW, ("1", "The force should act.\nSoon.")),
    ]


def test_checkbox_inputs_become_boxes_and_printed_boxes_stay() -> None:
    html = _page(
        "<p><input type='checkbox' checked> National <input type='checkbox'> Thematic</p>"
        "<p>☒ Yes ☐ No</p>"
    )
    texts = [b.text for b in normalise(load_html(html).blocks)]
    assert texts == ["☒ National ☐ Thematic", "☒ Yes ☐ No"]


def test_bold_blocks_blockquotes_and_line_breaks() -> None:
    html = _page(
        "<p><strong>Areas for improvement</strong></p><p>Some <b>bold</b> words</p>"
        "<blockquote><p>“Quoted.”</p><p>“Again.”</p></blockquote>"
        "<p>Sam Whitfield<br>Commissioner</p><p>One.<br><br>Two.</p>"
        "<p>Actions:<br>1. first<br>2. second</p>"
    )
    blocks = load_html(html).blocks
    assert [(b.kind, b.text, b.style.bold) for b in blocks] == [
        (BlockKind.PARAGRAPH, "Areas for improvement", True),
        (BlockKind.PARAGRAPH, "Some bold words", False),
        (BlockKind.PARAGRAPH, "“Quoted.”", False),
        (BlockKind.PARAGRAPH, "“Again.”", False),
        (BlockKind.PARAGRAPH, "Sam Whitfield\nCommissioner", False),
        (BlockKind.PARAGRAPH, "One.", False),
        (BlockKind.PARAGRAPH, "Two.", False),
        (BlockKind.PARAGRAPH, "Actions:", False),
        (BlockKind.PARAGRAPH, "1. first", False),
        (BlockKind.PARAGRAPH, "2. second", False),
    ]


def test_the_site_around_the_content_is_dropped() -> None:
    html = _page(
        "<a class='skip-link' href='#c'>Skip to main content</a>"
        "<div id='cookie-notice'><p>We use cookies.</p></div>"
        "<header><p>Site name</p><nav><ul><li><a href='/'>Home</a></li></ul></nav></header>"
        "<div class='breadcrumbs'><a href='/'>Home</a> &gt; News</div>"
        "<div class='page-body'><h1>Response</h1><p>The text.</p>"
        "<div class='share-buttons'>Share: <a>Facebook</a></div>"
        "<ul><li><a href='/a'>Another story</a></li><li><a href='/b'>More news</a></li></ul>"
        "<p style='display:none'>Hidden</p><form role='search'><input type='search'></form>"
        "</div><aside><h2>Related</h2></aside><footer><p>Copyright 2024</p></footer>"
    )
    assert [b.text for b in load_html(html).blocks] == ["Response", "The text."]


def test_an_article_header_in_the_landmark_is_kept() -> None:
    html = _page(
        "<header class='site-header'>Site</header><main><article><header>"
        "<h1>Title</h1></header><p>Body.</p><footer>Tags: x</footer></article></main>"
    )
    assert [b.text for b in load_html(html).blocks] == ["Title", "Body."]


def test_a_title_above_the_landmark_is_kept() -> None:
    html = _page(
        "<nav><h1>Site</h1></nav><div class='hero'><h1>Title</h1></div><main><p>Body.</p></main>"
    )
    assert [b.text for b in load_html(html).blocks] == ["Title", "Body."]


def test_locations_count_one_line_per_block() -> None:
    blocks = load_html(_page("<h1>A</h1><p>B</p><ul><li>C</li></ul>")).blocks
    assert [(b.location.line_start, b.location.line_end) for b in blocks] == [
        (1, 1),
        (2, 2),
        (3, 3),
    ]


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (
            "<meta property='article:published_time' content='2022-06-14T09:30:00+01:00'>",
            "",
            date(2022, 6, 14),
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
            ' "datePublished": "2019-11-21"}]}</script>',
            "",
            date(2019, 11, 21),
        ),
        (
            "",
            "<main><p>Posted <time datetime='2021-09-02'>2 Sept</time></p></main>",
            date(2021, 9, 2),
        ),
        ("<script type='application/ld+json'>{not json</script>", "<p>x</p>", None),
        ("<meta property='article:published_time' content='2022-13-40'>", "", None),
    ],
)
def test_the_page_date_comes_from_its_metadata(head: str, body: str, expected: date | None) -> None:
    assert load_html(_page(body or "<p>x</p>", head)).page_date == expected


_RELEASE = (
    "<main><h1>Commissioner responds to HMICFRS report on Westdale Police</h1>"
    "<p>{published}</p><h2>Areas for improvement</h2>"
    "<ul><li>The force should improve how it answers calls.</li></ul>"
    "<p>Police and Crime Commissioner Jo Bloggs said: “I welcome the report.”</p></main>"
)
_PAGE_DATE = "<meta property='article:published_time' content='2023-02-01'>"


def test_the_page_date_is_the_published_date_only_when_the_text_gives_none(
    tmp_path: Path,
) -> None:
    undated = tmp_path / "undated.html"
    undated.write_text(_page(_RELEASE.format(published="HMICFRS inspected the force."), _PAGE_DATE))
    record = record_of(undated)
    assert record["inspection"]["published"] == "2023-02-01"
    warning = next(w for w in record["warnings"] if w["code"] == "published_from_page")
    assert "web page" in warning["message"]
    dated = tmp_path / "dated.html"
    dated.write_text(
        _page(
            _RELEASE.format(published="HMICFRS published the report on 5 January 2023."), _PAGE_DATE
        )
    )
    record = record_of(dated)
    assert record["inspection"]["published"] == "2023-01-05"
    assert "published_from_page" not in [w["code"] for w in record["warnings"]]


def test_an_empty_page_is_a_typed_error() -> None:
    with pytest.raises(HmicError):
        load_html("   ")


_TAGS = st.sampled_from(
    "p div span main article nav header footer ul ol li table tr td th h1 h2 h3 b strong em "
    "br input blockquote script style form aside time a".split()
)
_ATTRS = st.sampled_from(
    [
        "",
        " class='cookie'",
        " type='checkbox' checked",
        " start='x'",
        " type='a'",
        " role='main'",
        " datetime='2020-01-01'",
        " hidden",
        " value='-3'",
    ]
)
_PIECES = st.one_of(
    st.builds(lambda t, a: f"<{t}{a}>", _TAGS, _ATTRS),
    st.builds(lambda t: f"</{t}>", _TAGS),
    st.text(max_size=20),
    st.sampled_from(["<", ">", "&amp;", "&#0;", "<!--", "-->", "<![CDATA[", "\x00"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_tag_soup_never_crashes_and_lines_increase(pieces: list[str]) -> None:
    try:
        loaded = load_html("".join(pieces))
    except HmicError:
        return
    lines = [b.location.line_start for b in loaded.blocks]
    assert lines == sorted(set(lines))
    assert all(b.location.line_start == b.location.line_end for b in loaded.blocks)


def _printed_page(bodies: list[str]) -> str:
    """A web page as a browser prints it: date, time and title above each page, the
    address and a page counter below."""
    pages = [
        f"03/12/2024, 15:07 Response to HMICFRS PEEL | Office of the PCC\n\n{body}\n\n"
        f"https://www.opcc.example.gov.uk/news/response-to-peel/ {n}/{len(bodies)}\n"
        for n, body in enumerate(bodies, start=1)
    ]
    return "\f".join(pages)


@pytest.mark.parametrize("count", [1, 3])
def test_a_page_printed_from_a_browser_loses_its_print_furniture(count: int) -> None:
    from hmic_extract.load.text import load_text

    words = ["The force accepts the report.", "I welcome it.", "Progress follows."]
    bodies = words[:count]
    texts = [b.text for b in normalise(load_text(_printed_page(bodies)).blocks)]
    assert " ".join(texts) == " ".join(bodies)  # a paragraph may run on over a page break


def test_print_furniture_is_only_dropped_at_a_page_edge() -> None:
    from hmic_extract.load.text import load_text

    body = "\n\n".join(
        [
            "Top line.",
            "Second.",
            "Third.",
            "https://www.example.org/report",
            "Fifth.",
            "Sixth.",
            "End.",
        ]
    )
    texts = [b.text for b in normalise(load_text(body).blocks)]
    assert "https://www.example.org/report" in texts


def test_chrome_words_that_survive_the_markup_are_dropped_as_in_saved_text() -> None:
    """Furniture without tags or classes that name it ("Skip to content" in a plain
    paragraph) goes as it does from a page saved as text."""
    html = _page(
        "<div><p>Skip to main content</p><p>Home / News / Response</p>"
        "<h1>Response to HMICFRS</h1><p>The text of the response.</p>"
        "<p>Share this page</p><p>© 2024 Office of the PCC</p></div>"
    )
    texts = [b.text for b in normalise(load_html(html).blocks)]
    assert texts == ["Response to HMICFRS", "The text of the response."]


def test_a_dateline_block_is_page_metadata_not_text() -> None:
    """The page's "Published: <time>" line dates the page, not the report: it leaves the
    text (so a report date in the prose wins) and stays the page's date."""
    html = _page(
        "<main><h1>Response</h1><ul><li>Published: <time datetime='2022-11-04'>4 November"
        " 2022</time></li></ul><p>The report was published on <time>13 September 2022</time>"
        " and is the subject of this response to the inspectorate.</p></main>"
    )
    loaded = load_html(html)
    assert [b.text for b in loaded.blocks][:1] == ["Response"]
    assert "4 November 2022" not in " ".join(b.text for b in loaded.blocks)
    assert "13 September 2022" in loaded.blocks[1].text
    assert loaded.page_date == date(2022, 11, 4)


def test_labelled_boxes_side_by_side_are_one_a_line() -> None:
    html = _page(
        "<fieldset><legend>Inspection type (tick all that apply)</legend>"
        "<label><input type='checkbox' checked> National</label>"
        "<label><input type='checkbox'> Thematic</label></fieldset>"
    )
    texts = [b.text for b in load_html(html).blocks]
    assert texts == ["Inspection type (tick all that apply)", "☒ National\n☐ Thematic"]
