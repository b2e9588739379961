"""Benchmark: throughput, overhead over raw text extraction, scaling, memory, start-up.

    python scripts/bench.py [--docs 200] [--plumber-docs 40] [--work out/bench]

Builds two benchmark sets from content in the repo, each 200 PDFs of 2 to 40
pages: the seed rendered by fpdf2 (core fonts, cheap for PDFium to read), and
pages cut from the PDF LibreOffice made of the seed's Word file (embedded
fonts, as published responses are). Then measures in one run, so every figure
is a ratio against a baseline taken on the same machine at the same time.
Targets come from the speed issue; each line says whether it is met.
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixture_documents import render_pdf  # noqa: E402  (the repo root is added above)

BIN = Path(sys.executable).parent
CLI = str(BIN / "hmic-extract")
SET_VERSION = "3"  # bump when the generated sets change
PRODUCER_PDF = ROOT / "tests" / "fixtures" / "libreoffice" / "seed.pdf"


def _lengths(count: int) -> list[int]:
    """Page counts for ``count`` documents: the first 40, the second 4, most short."""
    chance = random.Random(2017)
    return [
        40
        if index == 0
        else 4
        if index == 1
        else chance.choice(
            [2, 3, 3, 4, 4, 4, 5, 5, 6, 8, 10, 20, 40] if index % 20 == 0 else [2, 3, 4, 4, 5, 6]
        )
        for index in range(count)
    ]


def _cached(
    folder: Path, name: str, make: Callable[[Path, int, int], None], count: int
) -> list[Path]:
    """``count`` PDFs made by ``make(path, index, pages)`` once and reused."""
    marker = folder / f".complete-{name}-{SET_VERSION}-{count}"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for index, pages in enumerate(_lengths(count)):
            make(folder / f"doc-{index:03}-{pages:02}p.pdf", index, pages)
        marker.touch()
    return sorted(folder.glob("*.pdf"))


def build_set(folder: Path, count: int) -> list[Path]:
    """The seed rendered by fpdf2 (core fonts, nothing embedded) at 2 to 40 pages."""
    return _cached(folder, "fpdf", lambda path, _, pages: render_pdf(path, pages=pages), count)


def build_producer_set(folder: Path, count: int) -> list[Path]:
    """The same page counts cut from a PDF LibreOffice made of a Word file (embedded
    subset fonts, a text object per line), as PCC responses are published."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(PRODUCER_PDF)

    def make(path: Path, _: int, pages: int) -> None:
        document = pdfium.PdfDocument.new()
        document.import_pages(source, [page % len(source) for page in range(pages)])
        document.save(path)
        document.close()

    try:
        return _cached(folder, "libreoffice", make, count)
    finally:
        source.close()


def page_count(paths: Sequence[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for path in paths:
        document = pdfium.PdfDocument(path)
        total += len(document)
        document.close()
    return total


def raw_pdfplumber(paths: Sequence[Path]) -> None:
    import pdfplumber

    for path in paths:
        with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()


def raw_pdfium(paths: Sequence[Path]) -> None:
    import pypdfium2 as pdfium

    for path in paths:
        document = pdfium.PdfDocument(path.read_bytes())
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        document.close()


STAGES = ("load", "normalise", "roles", "segment", "extract", "validate, JSON and write")


def stage_times(
    paths: Sequence[Path], out: Path, repeat: int = 3
) -> tuple[float, dict[str, float]]:
    """PDFium's raw extraction of ``paths`` and each pipeline stage over them, in
    seconds, timed in this process (best of ``repeat``, the two interleaved so
    that both see the machine in the same state).

    What the end-to-end figure is made of: the stages after loading are the part
    no PDF engine, however fast, can take away.
    """
    import hashlib

    from hmic_extract import __version__
    from hmic_extract.extract import extract
    from hmic_extract.load import load_bytes
    from hmic_extract.models import Source
    from hmic_extract.normalise import normalise
    from hmic_extract.options import Options
    from hmic_extract.roles import assign_roles
    from hmic_extract.segment import segment
    from hmic_extract.validate import validate
    from hmic_extract.write import output_path, record_json, write_atomic

    options = Options()
    inputs = [(path, path.read_bytes()) for path in paths]
    best = dict.fromkeys(STAGES, float("inf"))
    raw = float("inf")
    for _ in range(repeat):
        raw = min(raw, timed(lambda: raw_pdfium(paths)))
        spent = dict.fromkeys(STAGES, 0.0)
        for path, data in inputs:
            started = time.perf_counter()
            loaded = load_bytes(data, options=options)
            loaded_at = time.perf_counter()
            blocks = normalise(loaded.blocks)
            normalised_at = time.perf_counter()
            roled = assign_roles(blocks)
            roled_at = time.perf_counter()
            segmented = segment(roled)
            segmented_at = time.perf_counter()
            source = Source(
                path=path.name,
                sha256=hashlib.sha256(data).hexdigest(),
                format="pdf",
                pages=loaded.pages,
            )
            record = extract(segmented, source=source, tool_version=__version__)
            extracted_at = time.perf_counter()
            write_atomic(output_path(out, Path(path.name)), record_json(validate(record)))
            written_at = time.perf_counter()
            spent["load"] += loaded_at - started
            spent["normalise"] += normalised_at - loaded_at
            spent["roles"] += roled_at - normalised_at
            spent["segment"] += segmented_at - roled_at
            spent["extract"] += extracted_at - segmented_at
            spent["validate, JSON and write"] += written_at - extracted_at
        best = {stage: min(best[stage], spent[stage]) for stage in STAGES}
    return raw, best


def stage_times_apart(folder: Path, out: Path) -> tuple[float, dict[str, float]]:
    """``stage_times`` over the PDFs in ``folder``, run in a fresh interpreter as the
    CLI's is: this process holds pdfplumber, fpdf2 and the sets it built, whose
    objects every garbage collection would walk too."""
    found = subprocess.run(
        [sys.executable, __file__, "--stages", str(folder), "--work", str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    raw, stages = json.loads(found.stdout)
    return float(raw), {stage: float(stages[stage]) for stage in STAGES}


def timed(action: Callable[[], object], repeat: int = 1) -> float:
    """The best of ``repeat`` wall-clock timings, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def cli(*args: str) -> None:
    subprocess.run([CLI, *args], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def end_to_end(
    folder: Path, out: Path, engine: str, jobs: int, *, workers: bool, repeat: int = 1
) -> float:
    """The best of ``repeat`` runs of ``hmic-extract extract`` over ``folder``."""
    shutil.rmtree(out, ignore_errors=True)
    timeout = "120" if workers else "0"
    return timed(
        lambda: cli(
            "extract",
            str(folder),
            "--out",
            str(out),
            "--engine",
            engine,
            "--jobs",
            str(jobs),
            "--timeout",
            timeout,
            "--quiet",
            "--force",
        ),
        repeat,
    )


def peak_rss(path: Path) -> int:
    """Peak resident memory (KiB) of extracting one document in a fresh process."""
    process = subprocess.Popen(
        [CLI, "extract", str(path), "--stdout", "--timeout", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, _, usage = os.wait4(process.pid, 0)
    return int(usage.ru_maxrss)


def start_up(command: list[str], runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument(
        "--plumber-docs",
        type=int,
        default=40,
        help="documents for the (slow) pdfplumber measurements",
    )
    parser.add_argument("--work", type=Path, default=ROOT / "out" / "bench")
    parser.add_argument("--stages", type=Path, help=argparse.SUPPRESS)  # see stage_times_apart
    args = parser.parse_args()
    if args.stages is not None:
        print(json.dumps(stage_times(sorted(args.stages.glob("*.pdf")), args.work)))
        return 0

    # The package as a regular install leaves it: compiled to bytecode (pip compiles at
    # install time). An editable install under PYTHONDONTWRITEBYTECODE would otherwise
    # compile every module again at every start, and the start-up measured would be
    # the compiler's (on this machine, a tenth of the end-to-end time).
    compileall.compile_dir(ROOT / "src", quiet=1)
    started = time.perf_counter()
    folder = args.work / "set"
    docs = build_set(folder, args.docs)
    pages = page_count(docs)
    print(
        f"benchmark set: {len(docs)} documents, {pages} pages "
        f"(built or reused in {time.perf_counter() - started:.0f} s)"
    )
    producer_folder = args.work / "libreoffice-set"
    producer_docs = build_producer_set(producer_folder, args.docs)
    producer_pages = page_count(producer_docs)
    subset = args.work / "plumber-set"
    shutil.rmtree(subset, ignore_errors=True)
    subset.mkdir(parents=True)
    for path in docs[: args.plumber_docs]:
        shutil.copy(path, subset / path.name)
    subset_docs = sorted(subset.glob("*.pdf"))
    subset_pages = page_count(subset_docs)
    out = args.work / "out"

    raw_ium = timed(lambda: raw_pdfium(docs), repeat=3)
    # Best of three (pdfplumber's: two, as its runs are long), as each raw
    # baseline is: a pdfium run takes seconds, so one stray pause on a shared
    # machine moves a single run's ratio by a tenth.
    ium_1 = end_to_end(folder, out, "pdfium", 1, workers=False, repeat=3)
    ium_w1 = end_to_end(folder, out, "pdfium", 1, workers=True, repeat=3)
    ium_w2 = end_to_end(folder, out, "pdfium", 2, workers=True, repeat=3)
    raw_producer = timed(lambda: raw_pdfium(producer_docs), repeat=3)
    ium_producer = end_to_end(producer_folder, out, "pdfium", 1, workers=False, repeat=3)
    one_doc = args.work / "one-doc"
    shutil.rmtree(one_doc, ignore_errors=True)
    one_doc.mkdir(parents=True)
    shutil.copy(docs[1], one_doc / docs[1].name)
    fixed_w1 = end_to_end(one_doc, out, "pdfium", 1, workers=True, repeat=3)
    fixed_w2 = end_to_end(one_doc, out, "pdfium", 2, workers=True, repeat=3)
    fixed_1 = end_to_end(one_doc, out, "pdfium", 1, workers=False, repeat=3)
    raw_here, stages = stage_times_apart(folder, out / "stages")
    raw_plumber = timed(lambda: raw_pdfplumber(subset_docs), repeat=2)
    plumber_1 = end_to_end(subset, out, "pdfplumber", 1, workers=False, repeat=2)
    plumber_w1 = end_to_end(subset, out, "pdfplumber", 1, workers=True)
    plumber_w2 = end_to_end(subset, out, "pdfplumber", 2, workers=True)
    long_doc = next(p for p in docs if p.name.endswith("-40p.pdf"))
    short_doc = next(p for p in docs if p.name.endswith("-04p.pdf"))
    rss_long, rss_short = peak_rss(long_doc), peak_rss(short_doc)
    version = start_up([CLI, "--version"])
    typer_only = start_up([sys.executable, "-c", "import typer"])

    # Where the pdfium end-to-end time goes, each part over PDFium's raw work timed
    # beside it in this process; a process's start-up and imports are what a
    # one-document run of the CLI costs.
    parts = [
        ("PDFium's own work (the raw baseline)", raw_here),
        ("load: our code around PDFium", stages["load"] - raw_here),
        *((stage, stages[stage]) for stage in STAGES[1:]),
    ]
    breakdown = [(f"    {name}", f"{seconds / raw_here:.2f}", "") for name, seconds in parts]
    start_up_share = fixed_1 / raw_ium
    breakdown.append(("    start-up and imports (a 1-document run)", f"{start_up_share:.2f}", ""))
    # The end-to-end ratio if our loading code cost nothing: PDFium's work plus
    # every part after it and the start-up, the least any loader could reach.
    floor = (raw_here + sum(stages[stage] for stage in STAGES[1:])) / raw_here + start_up_share
    rows = [
        ("pdfium end-to-end, pages/s (1 process)", f"{pages / ium_1:,.0f}", ""),
        ("pdfplumber end-to-end, pages/s (1 process)", f"{subset_pages / plumber_1:,.1f}", ""),
        (
            "pdfium engine speed over pdfplumber engine",
            f"{(pages / ium_1) / (subset_pages / plumber_1):.1f}x",
            "",
        ),
        ("pdfium end-to-end / raw get_text_range", f"{ium_1 / raw_ium:.2f}", "<= 2.0"),
        ("  made of (each over PDFium's raw work):", "", ""),
        *breakdown,
        ("  same, if our loading code cost nothing", f"{floor:.2f}", ""),
        (
            "  same, on LibreOffice-made pages",
            f"{ium_producer / raw_producer:.2f}",
            "<= 2.0",
        ),
        ("pdfplumber end-to-end / raw extract_text", f"{plumber_1 / raw_plumber:.2f}", "<= 1.3"),
        ("--jobs 2 / --jobs 1 throughput (pdfium)", f"{ium_w1 / ium_w2:.2f}", ">= 1.8"),
        ("--jobs 2 / --jobs 1 throughput (pdfplumber)", f"{plumber_w1 / plumber_w2:.2f}", ">= 1.8"),
        (
            # What parallelism can divide: each run less a one-document run's fixed cost
            # (process start, imports in the workers), which no number of workers shortens.
            "  same, pdfium, fixed start-up excluded",
            f"{(ium_w1 - fixed_w1) / (ium_w2 - fixed_w2):.2f}",
            "",
        ),
        ("peak RSS 40-page / 4-page document", f"{rss_long / rss_short:.2f}", "<= 1.5"),
        ("start-up: --version / import typer", f"{version / typer_only:.2f}", "<= 1.5"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"\n{'measure':{width}}  {'value':>9}  target")
    for name, value, target in rows:
        verdict = ""
        if target:
            bound = float(target.split()[1])
            number = float(value.rstrip("x").replace(",", ""))
            verdict = (
                "met"
                if (number <= bound if target.startswith("<=") else number >= bound)
                else "NOT MET"
            )
        print(f"{name:{width}}  {value:>9}  {target} {verdict}")
    print(
        f"\n(pdfium figures on {len(docs)} fpdf2 documents, {pages} pages, and on "
        f"{len(producer_docs)} documents, {producer_pages} pages, cut from {PRODUCER_PDF.name}; "
        f"pdfplumber figures on the first {len(subset_docs)} documents, {subset_pages} pages; "
        f"bench took {time.perf_counter() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
