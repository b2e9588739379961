"""Score the tool on other renderings of the development corpus.

    python scripts/eval_renderings.py [--corpus ../shared/corpus] [--work out/renderings]

The tool is measured on documents from producers it has never seen. This
re-renders the corpus the ways analysts' files are commonly made and scores
each rendering against the corpus's own gold answers:

- ``pdftotext -layout``, ``pdftotext`` (reading order) and ``pdftotext -raw``
  (content-stream order) of every PDF (poppler-utils), and the text scripts
  get from pdfminer.six's ``extract_text()``, pdfplumber's ``extract_text()``
  and PyPDFium2's ``get_text_range()`` (installed with pdfplumber);
- pandoc's gfm, pandoc-markdown and plain-text writers on every Word file (pandoc);
- every Word file through LibreOffice to PDF, to plain text, and saved again as
  Word by way of OpenDocument (soffice);
- every markdown file through pandoc to Word, and that Word file through
  LibreOffice to PDF; and through pandoc to a web page printed to PDF by
  LibreOffice's web layout (pandoc, soffice);
- every markdown file as a web page: markdown-it-py's HTML wrapped in a site's
  template (skip link, cookie banner, navigation, breadcrumbs, share buttons,
  related links, footer), which must score within 0.01 of the markdown itself
  (the ``markdown`` rendering: the files unchanged);
- every text and markdown file edited as other producers write: CRLF line ends,
  tab indents, title-case headings, other bullet glyphs, no blank lines; and
  reworded, its headings and item-group labels put in other offices' words
  (``REWORDINGS``: "What the inspection found", "Areas to improve", "The
  Commissioner's view" …), which must score within 0.02 of the original.

A converter that is not installed is skipped with a note. Nothing here is a
test: the figures are a yardstick for changes that touch layout reading.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from hmic_extract.errors import HmicError
from hmic_extract.load.text import decode_text

ROOT = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).parent / "hmic-extract")

Converter = Callable[[Path, Path], None]


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=300)


def _pdftotext(*flags: str) -> Converter:
    return lambda source, target: _run("pdftotext", *flags, str(source), str(target))


def _pdfminer(source: Path, target: Path) -> None:
    """pdfminer.six's text of a PDF (what a Python script's extract_text() gives), which
    splits paragraphs into boxes and prints a form's labels and boxes as columns."""
    script = (
        "import sys; from pdfminer.high_level import extract_text; "
        "open(sys.argv[2], 'w', encoding='utf-8').write(extract_text(sys.argv[1]))"
    )
    _run(sys.executable, "-c", script, str(source), str(target))


def _python_text(engine: str) -> Converter:
    """A PDF's text as a script using pdfplumber (extract_text() per page, joined by
    line ends) or PyPDFium2 (get_text_range() per page, joined by bare page breaks)
    writes it: no page furniture removed, pages run on."""
    scripts = {
        "pdfplumber": (
            "import sys, pdfplumber; pdf = pdfplumber.open(sys.argv[1]); "
            "text = '\\n'.join(page.extract_text() or '' for page in pdf.pages)"
        ),
        "pdfium": (
            "import sys, pypdfium2; doc = pypdfium2.PdfDocument(sys.argv[1]); "
            "text = '\\f'.join(page.get_textpage().get_text_range() for page in doc)"
        ),
    }
    script = scripts[engine] + "; open(sys.argv[2], 'w', encoding='utf-8').write(text)"
    return lambda source, target: _run(sys.executable, "-c", script, str(source), str(target))


def _pandoc(writer: str) -> Converter:
    return lambda source, target: _run("pandoc", str(source), "-t", writer, "-o", str(target))


def _markdown_to_word(source: Path, target: Path) -> None:
    _run("pandoc", str(source), "-f", "markdown", "-o", str(target))


def _soffice(source: Path, target_filter: str, folder: Path) -> None:
    _run(
        "soffice", "--headless", "--convert-to", target_filter, "--outdir", str(folder), str(source)
    )


def _libreoffice(target_filter: str) -> Converter:
    """A Word file opened by LibreOffice and saved as PDF, as text, or as Word again."""

    def convert(source: Path, target: Path) -> None:
        staging = target.parent / ".staging"
        staging.mkdir(exist_ok=True)
        copy = staging / f"{target.stem}.docx"
        shutil.copy(source, copy)
        if target.suffix == ".docx":  # through OpenDocument, so LibreOffice writes it anew
            _soffice(copy, "odt", staging)
            copy = staging / f"{target.stem}.odt"
        _soffice(copy, target_filter, staging)
        (staging / target.name).replace(target)
        shutil.rmtree(staging)

    return convert


def _markdown_to_pdf(source: Path, target: Path) -> None:
    word = target.with_suffix(".docx")
    _markdown_to_word(source, word)
    _libreoffice("pdf")(word, target)
    word.unlink()


def _markdown_to_web_pdf(source: Path, target: Path) -> None:
    """A markdown file as a web page (pandoc's HTML) printed to PDF by LibreOffice's
    web layout: tables centre their cells vertically, as browsers do."""
    staging = target.parent / ".staging"
    staging.mkdir(exist_ok=True)
    page = staging / f"{target.stem}.html"
    _run("pandoc", str(source), "-f", "gfm", "-s", "--metadata", "title= ", "-o", str(page))
    _soffice(page, "pdf:writer_web_pdf_Export", staging)
    (staging / target.name).replace(target)
    shutil.rmtree(staging)


# A CMS page around the content: everything but <main>'s content is the site's.
_SITE_TEMPLATE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{title} | Office of the Police and Crime Commissioner</title>
<link rel="stylesheet" href="/assets/site.css"><script src="/assets/site.js"></script>
</head>
<body>
<a class="skip-link" href="#content">Skip to main content</a>
<div class="cookie-banner" role="dialog"><p>We use cookies to make this site work.</p>
<button>Accept all cookies</button><button>Reject non-essential cookies</button></div>
<header class="site-header"><a href="/">Police and Crime Commissioner</a>
<nav aria-label="Main menu"><ul><li><a href="/about/">About</a></li>
<li><a href="/news/">News</a></li><li><a href="/publications/">Publications</a></li>
<li><a href="/contact/">Contact us</a></li></ul></nav></header>
<nav class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/publications/">Publications</a>
&gt; <span>{title}</span></nav>
<main id="content">
{body}
<div class="share-buttons">Share this page: <a href="#">Facebook</a> <a href="#">Twitter</a>
<a href="#">Email</a></div>
</main>
<aside class="related"><h2>Related articles</h2><ul><li><a href="/news/1/">New officers</a></li>
<li><a href="/news/2/">Budget agreed</a></li></ul></aside>
<footer class="site-footer"><ul><li><a href="/privacy/">Privacy</a></li>
<li><a href="/accessibility/">Accessibility</a></li></ul>
<p>&copy; 2024 Office of the Police and Crime Commissioner</p></footer>
</body>
</html>
"""


def _markdown_to_site_html(source: Path, target: Path) -> None:
    """A markdown file as a web page: markdown-it-py's HTML in a site's template."""
    from html import escape

    from markdown_it import MarkdownIt

    text = decode_text(source.read_bytes())
    body = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)
    page = _SITE_TEMPLATE.format(title=escape(source.stem), body=body)
    target.write_text(page, encoding="utf-8")


def _edited(edit: Callable[[str], str]) -> Converter:
    """A converter that rewrites a text or markdown file the way another producer might."""

    def convert(source: Path, target: Path) -> None:
        # the corpus holds UTF-16 and Windows-1252 files too: read them as the tool does
        target.write_bytes(edit(decode_text(source.read_bytes())).encode("utf-8"))

    return convert


def _title_case_headings(text: str) -> str:
    return re.sub(r"^([A-Z][A-Z ’'&]{6,})$", lambda m: m.group(1).title(), text, flags=re.M)


# Other wordings for the corpus's headings and item-group labels, as other offices
# print them: the gold answers stay true under every one.
REWORDINGS: dict[str, str] = {
    "inspection details": "Report particulars",
    "report details": "Inspection particulars",
    "executive summary of report": "Summary of the inspection report",
    "introduction": "Background",
    "summary of the report": "About the report",
    "overall judgement": "The inspectorate's judgement",
    "overall summary": "Summary of what inspectors found",
    "summary of findings": "Main conclusions",
    "findings": "What the inspection found",
    "force response to recommendations": "How the force has responded",
    "chief constable's comments": "The Chief Constable's view",
    "response from the chief constable": "What the Chief Constable has said",
    "pcc response to inspection": "The Commissioner's view",
    "commissioner's comments": "Comments of the Commissioner",
    "commissioner's response": "Comments of the Commissioner",
    "my response": "My comments",
    "for office use only": "Office use",
    "areas for improvement": "Areas to improve",
    "area for improvement": "Improvement needed",
    "recommendations": "Recommendations for the force",
    "cause of concern": "Concern identified",
    "causes of concern": "Concerns identified",
}
_HEADING_LINE = re.compile(
    r"^(?P<before>\s*(?:#{1,6}\s+)?(?:\*\*|__)?\s*(?:\d{1,2}[.)]\s+)?)"
    r"(?P<words>[A-Za-z][A-Za-z’' ]{2,60}?)"
    r"(?P<after>\s*:?\s*(?:\*\*|__)?:?\s*)$"
)
_UNDERLINE = re.compile(r"^\s*([=\-~])\1{2,}\s*$")


def _reword(text: str) -> str:
    """Headings and item-group labels put in other offices' words, keeping their case,
    markup and numbering; a text heading's underline is redrawn to its new length."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _HEADING_LINE.match(line.rstrip("\r"))
        if match is None:
            continue
        key = match["words"].strip().replace("’", "'").casefold()
        new = REWORDINGS.get(key)
        if new is None:
            continue
        words = match["words"].strip()
        if words.isupper():
            new = new.upper()
        elif all(w[:1].isupper() for w in words.split() if len(w) > 3):
            new = " ".join(
                w if w in ("the", "of", "to") else w[:1].upper() + w[1:] for w in new.split()
            )
        end = "\r" if line.endswith("\r") else ""
        lines[index] = f"{match['before']}{new}{match['after']}{end}"
        following = lines[index + 1] if index + 1 < len(lines) else ""
        underline = _UNDERLINE.match(following.rstrip("\r"))
        if underline:
            width = len(lines[index].rstrip("\r").strip())
            lines[index + 1] = underline.group(1) * width + (
                "\r" if following.endswith("\r") else ""
            )
    return "\n".join(lines)


EDITS: dict[str, Callable[[str], str]] = {
    "reworded": _reword,
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "tabs": lambda text: re.sub(
        r"^( {4})+", lambda m: "\t" * (len(m.group(0)) // 4), text, flags=re.M
    ),
    "title-case": _title_case_headings,
    "other-bullets": lambda text: (
        text.replace("•", "▪").replace("\uf0b7", "•").replace("  - ", "  * ")
    ),
    "no-blank-lines": lambda text: re.sub(r"\n\s*\n", "\n", text),
}

# name: (tool needed, source suffix, rendered suffix, converter)
RENDERINGS: dict[str, tuple[str, str, str, Converter]] = {
    "pdftotext-layout": ("pdftotext", ".pdf", ".txt", _pdftotext("-layout")),
    "pdftotext-reading": ("pdftotext", ".pdf", ".txt", _pdftotext()),
    "pdftotext-raw": ("pdftotext", ".pdf", ".txt", _pdftotext("-raw")),
    "pdfminer": ("python3", ".pdf", ".txt", _pdfminer),
    "pdfplumber-text": ("python3", ".pdf", ".txt", _python_text("pdfplumber")),
    "pdfium-text": ("python3", ".pdf", ".txt", _python_text("pdfium")),
    "pandoc-gfm": ("pandoc", ".docx", ".md", _pandoc("gfm")),
    "pandoc-markdown": ("pandoc", ".docx", ".md", _pandoc("markdown")),
    "pandoc-plain": ("pandoc", ".docx", ".txt", _pandoc("plain")),
    "word-to-pdf": ("soffice", ".docx", ".pdf", _libreoffice("pdf")),
    "word-resaved": ("soffice", ".docx", ".docx", _libreoffice("docx")),
    "word-to-text": (
        "soffice",
        ".docx",
        ".txt",
        _libreoffice("txt:Text (encoded):UTF8"),
    ),
    "markdown-to-word": ("pandoc", ".md", ".docx", _markdown_to_word),
    "markdown-to-pdf": ("soffice", ".md", ".pdf", _markdown_to_pdf),
    "markdown-to-web-pdf": ("soffice", ".md", ".pdf", _markdown_to_web_pdf),
    "markdown": ("python3", ".md", ".md", _edited(lambda text: text)),
    "html": ("python3", ".md", ".html", _markdown_to_site_html),
}
for _name, _edit in EDITS.items():  # the text and markdown files, edited
    RENDERINGS[f"{_name}-txt"] = ("python3", ".txt", ".txt", _edited(_edit))
    RENDERINGS[f"{_name}-md"] = ("python3", ".md", ".md", _edited(_edit))


def render(name: str, corpus: Path, folder: Path) -> int:
    """The corpus's ``name`` rendering in ``folder`` with gold answers renamed to match."""
    _, suffix, rendered, convert = RENDERINGS[name]
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "gold").mkdir(parents=True)
    count = 0
    for source in sorted(corpus.glob(f"*{suffix}")):
        gold = corpus / "gold" / f"{source.name}.json"
        target = folder / f"{source.stem}{rendered}"
        if not gold.exists():
            continue
        try:
            convert(source, target)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, HmicError):
            continue  # a document its converter cannot read (the corpus's broken files)
        if target.exists():
            shutil.copy(gold, folder / "gold" / f"{target.name}.json")
            count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--work", type=Path, default=ROOT / "out" / "renderings")
    parser.add_argument("--only", nargs="*", choices=sorted(RENDERINGS), help="renderings to run")
    parser.add_argument(
        "--hold",
        nargs="*",
        default=[],
        metavar="RENDERING:REFERENCE",
        help="fail when a rendering's mean score falls more than --within below its reference's",
    )
    parser.add_argument("--within", type=float, default=0.01)
    args = parser.parse_args()
    score = args.corpus.parent / "eval" / "score.py"
    means: dict[str, float] = {}
    for name in args.only or RENDERINGS:
        tool = RENDERINGS[name][0]
        if shutil.which(tool) is None:
            print(f"{name:18} skipped: {tool} is not installed")
            continue
        folder, out = args.work / name, args.work / f"{name}-out"
        count = render(name, args.corpus, folder)
        shutil.rmtree(out, ignore_errors=True)
        # the rendering's own files, whatever the folder walk takes by default
        files = f"*{RENDERINGS[name][2]}"
        subprocess.run(
            [
                CLI,
                "extract",
                str(folder),
                "--glob",
                files,
                "--out",
                str(out),
                "--quiet",
                "--jobs",
                "2",
            ],
            check=False,
            capture_output=True,
        )
        result = subprocess.run(
            [sys.executable, str(score), "--corpus", str(folder), "--pred", str(out), "-v"],
            check=False,
            capture_output=True,
            text=True,
        )
        lines = result.stdout.strip().splitlines()
        misses = [line.strip() for line in lines if line.startswith("    ")]
        summary = " | ".join(
            line[line.find("P=") :] if "P=" in line else line for line in lines[-2:]
        )
        print(f"{name:18} {count:2} files: {summary}")
        for miss in misses:
            print(f"{'':21}{miss[:110]}")
        mean = re.search(r"mean score ([0-9.]+)", result.stdout)
        if mean:
            means[name] = float(mean[1])
    failed = False
    for pair in args.hold:
        name, reference = pair.split(":")
        if name not in means or reference not in means:
            print(f"hold {name} to {reference}: not both scored")
            failed = True
            continue
        gap = means[reference] - means[name]
        verdict = "ok" if gap <= args.within else "FAILED"
        print(
            f"hold {name} ({means[name]:.3f}) within {args.within} of {reference} "
            f"({means[reference]:.3f}): {verdict}"
        )
        failed = failed or gap > args.within
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
