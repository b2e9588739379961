"""The other word-processor formats: OpenDocument text, RTF, legacy Word, and Word's
content controls, form fields and notes (issue 14)."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from hmic_extract.blocks import BlockKind
from hmic_extract.cli import app
from hmic_extract.errors import CorruptDocumentError, EncryptedDocumentError
from hmic_extract.load import load_bytes, sniff_format
from hmic_extract.load.odt import load_odt
from hmic_extract.load.rtf import rtf_text
from hmic_extract.options import Options
from hmic_extract.write import record_json
from tests.conftest import EXPECTED, SAMPLES
from tests.fixture_documents import render_odt
from tests.helpers import differences, record_of
from tests.odf import odt_bytes

runner = CliRunner()
LISTS = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=")"/>'
    '<text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="("'
    ' style:num-suffix=")"/>'
    '<text:list-level-style-bullet text:level="3" text:bullet-char="▪"/>'
    "</text:list-style>"
)


def _blocks(body: str, **parts: str) -> list[tuple[str, str, int, str]]:
    loaded = load_odt(odt_bytes(body, **parts))
    return [(b.kind.value, b.text, b.depth or b.level, b.marker) for b in loaded.blocks]


def test_odt_headings_lists_and_tables() -> None:
    body = (
        '<text:h text:outline-level="2">Findings</text:h>'
        '<text:list text:style-name="L1">'
        "<text:list-item><text:p>First</text:p>"
        "<text:list><text:list-item><text:p>Sub one</text:p></text:list-item>"
        "<text:list-item><text:p>Sub two</text:p>"
        "<text:list><text:list-item><text:p>Deep</text:p></text:list-item></text:list>"
        "</text:list-item></text:list></text:list-item>"
        "<text:list-item><text:p>Second</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Title</text:p></table:table-cell>"
        "<table:table-cell><text:p>PEEL<text:s text:c='2'/>2016</text:p></table:table-cell>"
        "<table:covered-table-cell/></table:table-row></table:table>"
    )
    assert _blocks(body, automatic_styles=LISTS) == [
        ("heading", "Findings", 2, ""),
        ("list_item", "First", 0, "1)"),
        ("list_item", "Sub one", 1, "(a)"),
        ("list_item", "Sub two", 1, "(b)"),
        ("list_item", "Deep", 2, "▪"),
        ("list_item", "Second", 0, "2)"),
        ("table_row", "Title\nPEEL  2016", 0, ""),
    ]


def test_odt_checkbox_controls_and_glyphs_read_as_boxes() -> None:
    forms = (
        '<form:form><form:checkbox form:id="c1" form:label="National" form:current-state='
        '"checked"/><form:checkbox form:id="c2" form:label="Thematic" form:state="unchecked"/>'
        '<form:checkbox form:id="c3" form:state="checked"/></form:form>'
    )
    body = (
        '<text:p><draw:control draw:control="c1"/><draw:control draw:control="c2"/></text:p>'
        '<text:p>Published on website <draw:control draw:control="c3"/></text:p>'
        "<text:p>Yes ☒ No ☐</text:p>"
    )
    texts = [text.strip() for _, text, _, _ in _blocks(body, forms=forms)]
    assert texts == ["☒ National ☐ Thematic", "Published on website ☒", "Yes ☒ No ☐"]


def test_odt_bold_from_paragraph_style_or_every_span() -> None:
    styles = (
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Strong"/>'
        '<style:style style:name="T1" style:family="text">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
    )
    named = (
        '<style:style style:name="Strong" style:family="paragraph">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
    )
    body = (
        '<text:p text:style-name="P1">Inherited bold</text:p>'
        '<text:p><text:span text:style-name="T1">All</text:span> '
        '<text:span text:style-name="T1">spans</text:span></text:p>'
        '<text:p><text:span text:style-name="T1">Some</text:span> plain</text:p>'
    )
    loaded = load_odt(odt_bytes(body, automatic_styles=styles, styles=named))
    assert [b.style.bold for b in loaded.blocks] == [True, True, False]


def test_odt_frames_follow_their_anchor_and_notes_are_read_apart() -> None:
    """A note's text (and its citation mark) never enters an item's text: it is one of
    the document's notes."""
    body = (
        "<text:p>Anchor<draw:frame><draw:text-box><text:p>In the box</text:p>"
        "</draw:text-box></draw:frame> text.</text:p>"
        '<text:list text:style-name="L1"><text:list-item><text:p>The force should act'
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>See the report.</text:p></text:note-body></text:note>"
        " now.</text:p></text:list-item></text:list>"
        "<text:p>Kept<office:annotation><text:p>a comment</text:p></office:annotation></text:p>"
    )
    assert [t for _, t, _, _ in _blocks(body, automatic_styles=LISTS)] == [
        "Anchor text.",
        "In the box",
        "The force should act now.",
        "Kept",
    ]
    assert load_odt(odt_bytes(body, automatic_styles=LISTS)).notes == ("See the report.",)


def test_odt_is_sniffed_by_mimetype_or_manifest() -> None:
    assert sniff_format(odt_bytes("<text:p>x</text:p>")) == "odt"
    assert sniff_format(odt_bytes("<text:p>x</text:p>", mimetype=False)) == "odt"


def test_a_damaged_odt_is_refused() -> None:
    data = odt_bytes("<text:p>x</text:p>").replace(b"content.xml", b"content.xmX")
    with pytest.raises(CorruptDocumentError, match="damaged OpenDocument"):
        load_odt(data)


def test_odt_seed_rendering_is_up_to_date_and_scores_as_word(tmp_path: Path) -> None:
    """The bundled .odt sample is what the builder makes, and its record is the Word one's."""
    fresh = tmp_path / "seed.odt"
    render_odt(fresh)
    assert fresh.read_bytes() == (SAMPLES / "cleveland-seed-rendered.odt").read_bytes()
    word = (EXPECTED / "cleveland-seed-rendered.docx.json").read_text(encoding="utf-8")
    import json

    assert differences(json.loads(word), record_of(fresh), ignore=("source",)) == []


SEED_RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}{\f1\fcharset2 Symbol;}}"
    "\n"
    r"\pard\b\fs28 EXECUTIVE SUMMARY\b0\fs22\par"
    "\n"
    r"\pard The force is good \endash  and improving.\par"
    "\n"
    r"{\listtext\pard\plain\f1 \u-3913 ?\tab}\ls1 The force should \u8216?act\u8217?.\par"
    "\n"
    r"{\listtext\pard\plain \bullet\tab}The force should review caf\u233?.\par"
    "\n"
    r"{\*\pn\pnlvlblt{\pntxtb\'B7}}\pard Type: \u9746? National \u9744? Thematic\par"
    "\n"
    r"\trowd\cellx3000\cellx6000\pard\intbl Title of Inspection\cell PEEL 2016\cell\row"
    "\n"
    r"\trowd\cellx3000\cellx6000\pard\intbl Published\cell 2 March 2017\cell\row"
    "\n"
    r"\pard Name\tab Barry Copping\par}"
)


def test_rtf_reads_as_text_with_paragraphs_lists_rows_and_boxes() -> None:
    assert rtf_text(SEED_RTF) == (
        "EXECUTIVE SUMMARY\n\n"
        "The force is good – and improving.\n\n"
        "\uf0b7 The force should ‘act’.\n"
        "• The force should review café.\n\n"
        "Type: ☒ National ☐ Thematic\n\n"
        "Title of Inspection    PEEL 2016\n"
        "Published    2 March 2017\n\n"
        "Name Barry Copping\n"
    )
    loaded = load_bytes(SEED_RTF.encode("ascii"), options=Options())
    assert loaded.format == "rtf"
    assert BlockKind.LINE in {b.kind for b in loaded.blocks}


def test_rtf_record_of_the_seed(tmp_path: Path) -> None:
    """The seed written as Word writes RTF reads as the text rendering does."""
    from tests.fixture_documents import render_rtf

    path = tmp_path / "seed.rtf"
    path.write_text(render_rtf(), encoding="ascii")
    record = record_of(path)
    assert record["source"]["format"] == "rtf"
    assert record["judgement"]["grade"] == "Good"
    questions = record["core_questions"]
    assert [len(q["areas_for_improvement"]) for q in questions] == [0, 2, 5, 2, 0]


def _ole2(streams: tuple[str, ...]) -> bytes:
    """A minimal OLE2 compound file (version 3, 512-byte sectors) whose directory holds
    empty streams with these names: header, one FAT sector, one directory sector."""
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0x1000, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = struct.pack("<II", fat_sector, end) + struct.pack("<I", free) * 126

    def entry(name: str, kind: int, child: int, right: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        out = encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
        out += struct.pack("<III", free, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
        return out + struct.pack("<II", end, 0) + b"\0" * 4

    entries = [entry("Root Entry", 5, 1 if streams else free, free)]
    for index, name in enumerate(streams, start=1):
        entries.append(entry(name, 2, free, index + 1 if index < len(streams) else free))
    directory = b"".join(entries).ljust(512, b"\0")
    return header + fat + directory


@pytest.mark.parametrize(
    ("streams", "code", "words"),
    [
        (("WordDocument", "1Table"), "unsupported_format", "legacy Word 97–2003 document: save"),
        (("EncryptedInfo", "EncryptedPackage"), "encrypted", "password-protected"),
        (("Workbook",), "unsupported_format", "Excel"),
    ],
)
def test_ole2_files_are_refused_in_one_line(
    streams: tuple[str, ...], code: str, words: str, tmp_path: Path
) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(_ole2(streams))
    result = runner.invoke(app, ["extract", str(path), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert words in lines[0]
    assert lines[0].endswith(f"[{code}]")


def test_encrypted_word_raises_the_encrypted_error() -> None:
    with pytest.raises(EncryptedDocumentError):
        sniff_format(_ole2(("EncryptedPackage",)))


def _fake_soffice(folder: Path, body: str) -> None:
    """An executable named soffice whose shell ``body`` plays LibreOffice's part."""
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)


@pytest.fixture
def seed_docx() -> Path:
    return SAMPLES / "cleveland-seed-rendered.docx"


def test_convert_reads_a_legacy_document_through_soffice(
    tmp_path: Path, seed_docx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--convert runs soffice with a private profile and output folder, then reads the .docx."""
    log = tmp_path / "args"
    # the last two arguments are --outdir's folder and the input: copy the prepared docx
    _fake_soffice(
        tmp_path / "bin",
        f'echo "$@" > {log}\nfor a; do prev="$out"; out="$a"; done\n'
        f'mkdir -p "$prev" && cp {seed_docx} "$prev/input.docx"',
    )
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    path = tmp_path / "old.doc"
    path.write_bytes(_ole2(("WordDocument",)))
    result = runner.invoke(app, ["extract", str(path), "--stdout", "--convert", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    import json

    record = json.loads(result.stdout)
    expected = json.loads((EXPECTED / f"{seed_docx.name}.json").read_text(encoding="utf-8"))
    assert differences(expected, record, ignore=("source",)) == []
    assert record["source"]["format"] == "docx"
    arguments = log.read_text(encoding="utf-8")
    assert "-env:UserInstallation=file://" in arguments
    assert "--headless" in arguments
    assert "--convert-to docx" in arguments


def test_convert_times_out_and_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path / "bin", "sleep 30")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(Exception, match=r"did not convert it within 0\.5 s") as caught:
        load_bytes(_ole2(("WordDocument",)), options=Options(convert=True, timeout=0.5))
    assert getattr(caught.value, "code", None) == "timeout"


def test_convert_without_soffice_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert shutil.which("soffice") is None
    path = tmp_path / "old.doc"
    path.write_bytes(_ole2(("WordDocument",)))
    result = runner.invoke(app, ["extract", str(path), "--stdout", "--convert"])
    assert result.exit_code == 1
    assert "--convert needs LibreOffice's soffice on PATH" in result.stderr
    assert result.stderr.strip().endswith("[unsupported_format]")


def test_convert_that_makes_nothing_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path / "bin", "exit 1")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(CorruptDocumentError, match="could not convert"):
        load_bytes(_ole2(("WordDocument",)), options=Options(convert=True))


def _word(build: str) -> list[str]:
    """The block texts of a Word file whose body gets the paragraphs in ``build``."""
    import docx
    from docx.oxml import parse_xml

    from hmic_extract.load.docx import load_docx

    document = docx.Document()
    body = document.element.body
    for xml in build.split("\n"):
        body.insert(len(body) - 1, parse_xml(xml))
    buffer = io.BytesIO()
    document.save(buffer)
    return [b.text for b in load_docx(buffer.getvalue()).blocks]


_WORD_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)


def test_word_content_control_checkboxes_give_their_state() -> None:
    """Regression: a checkbox content control read as its glyph, which the author may
    draw with any font's character (here Wingdings' private-use box)."""

    def control(checked: str, glyph: str, label: str) -> str:
        return (
            f"<w:p {_WORD_NS}><w:sdt><w:sdtPr><w14:checkbox>"
            f'<w14:checked w14:val="{checked}"/></w14:checkbox></w:sdtPr>'
            f"<w:sdtContent><w:r><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"
            f'<w:r><w:t xml:space="preserve"> {label}</w:t></w:r></w:p>'
        )

    texts = _word(control("1", "\uf0fe", "National") + "\n" + control("0", "☒", "Thematic"))
    assert texts == ["☒ National", "☐ Thematic"]


def test_word_legacy_checkbox_state_falls_back_to_its_default() -> None:
    def field(state: str) -> str:
        return (
            f'<w:p {_WORD_NS}><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox>'
            f"{state}</w:checkBox></w:ffData></w:fldChar></w:r>"
            "<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>Box</w:t></w:r></w:p>'
        )

    texts = _word(
        "\n".join(
            field(s)
            for s in (
                '<w:default w:val="1"/>',
                '<w:default w:val="1"/><w:checked w:val="0"/>',
                '<w:default w:val="0"/>',
            )
        )
    )
    assert texts == ["☒ Box", "☐ Box", "☐ Box"]


def test_word_footnotes_never_enter_an_item() -> None:
    """A footnote's reference leaves no mark in the item, and its text is not read."""
    texts = _word(
        f'<w:p {_WORD_NS}><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>'
        "<w:r><w:t>The force should act</w:t></w:r>"
        '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> now.</w:t>'
        '</w:r><w:r><w:endnoteReference w:id="2"/></w:r></w:p>'
    )
    assert texts == ["The force should act now."]


_FOOTNOTES = (
    f"<w:footnotes {_WORD_NS}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve">'
    " HMICFRS, PEEL 2017.</w:t></w:r></w:p></w:footnote></w:footnotes>"
)


def test_word_footnotes_are_the_documents_notes() -> None:
    """A Word file's footnotes are read apart, as the record's notes (the separator
    lines Word keeps among them are not notes)."""
    import zipfile

    import docx

    from hmic_extract.load.docx import load_docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    footnotes_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    relationship = (
        '<Relationship Id="rIdNotes" Target="footnotes.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/footnotes"/>'
    )
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    f'<Override PartName="/word/footnotes.xml" ContentType="{footnotes_type}"/>'
                    "</Types>".encode(),
                )
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", f"{relationship}</Relationships>".encode())
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", _FOOTNOTES)
    assert load_docx(out.getvalue()).notes == ("HMICFRS, PEEL 2017.",)


_STYLED_RTF = (
    r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}{\header\pard OFFICIAL\par}"
    "\n"
    r"\pard\fs28\b\ul Points the force has been asked to address\ulnone\b0\fs24\par"
    "\n"
    r"\pard {\b\i Question 1}\tab {\i How well does the force understand demand?}\par"
    "\n"
    r"\pard\li720\fi-360\bullet\tab The force should improve its understanding of demand.\par"
    "\n"
    r"\pard The force has accepted this and Ren\'e9e Llewellyn will lead the work.\par}"
)


def test_rtf_paragraphs_keep_their_type() -> None:
    from hmic_extract.load.rtf import load_rtf

    styles = {
        b.text: (b.style.bold, b.style.italic, b.style.size)
        for b in load_rtf(_STYLED_RTF.encode("ascii")).blocks
        if b.text.strip()
    }
    assert styles == {
        "Points the force has been asked to address": (True, False, round(28 / 24, 3)),
        "Question 1 How well does the force understand demand?": (False, True, 1.0),
        "• The force should improve its understanding of demand.": (False, False, 1.0),
        "The force has accepted this and Renée Llewellyn will lead the work.": (False, False, 1.0),
    }


def test_an_rtf_bold_line_is_a_heading_after_normalise() -> None:
    from hmic_extract.load.rtf import load_rtf
    from hmic_extract.normalise import normalise

    blocks = normalise(load_rtf(_STYLED_RTF.encode("ascii")).blocks)
    assert (blocks[0].kind, blocks[0].text) == (
        BlockKind.HEADING,
        "Points the force has been asked to address",
    )


@given(st.text(alphabet="{}\\abcdefgipr0123456789 '*\n", max_size=300))
def test_the_rtf_style_scan_reads_any_text(source: str) -> None:
    from hmic_extract.load.rtf import paragraph_styles

    for style in paragraph_styles(source).values():
        assert style.size >= 0


def test_an_unknown_heading_in_a_known_one_s_type_opens_a_section_of_its_own() -> None:
    from hmic_extract.pipeline import extract_bytes

    def bold(text: str) -> str:
        return rf"\pard\fs26\b\ul {text}\ulnone\b0\fs24\par" + "\n"

    source = (
        r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}" + "\n"
        r"\pard Response to HMICFRS from the Office of the Police and Crime Commissioner\par"
        + "\n"
        + bold("Report particulars")
        + r"\pard Report:\tab PEEL: Police efficiency 2017\par"
        + "\n"
        + bold("Points the force has been asked to address")
        + r"\pard {\b\i Question 1}\tab {\i How well does the force understand demand?}\par"
        + "\n"
        + r"\pard\li720\fi-360\bullet\tab The force should improve its understanding"
        r" of demand in Westshire Police.\par"
        + "\n"
        + bold("My response as Commissioner")
        + r"\pard Police and Crime Commissioner Sam Person said:"
        r" \ldblquote I welcome it.\rdblquote\par}"
    )
    record = json.loads(
        record_json(extract_bytes(source.encode("ascii"), path="r.rtf", options=Options()))
    )
    assert [s["kind"] for s in record["sections"]] == [
        "inspection_details",
        "findings",
        "pcc_response",
    ]
    [question] = record["core_questions"]
    assert [i["text"] for i in question["areas_for_improvement"]] == [
        "The force should improve its understanding of demand in Westshire Police."
    ]
