"""The accuracy gate: score a corpus and fail when a score falls below its pinned floor.

    python scripts/eval_gate.py --name corpus --corpus ../shared/corpus --pred out/eval
    python scripts/eval_gate.py ... --pin            # raise floors to today's scores
    python scripts/eval_gate.py ... --pin --lower    # also lower them (say why in the commit)

Floors live in ``eval/baseline.json``, one entry per corpus, with a digest of
the corpus's inputs and gold answers (trafilatura's ``tests/eval_gate.py`` is
the model). A floor only moves up unless ``--lower`` is given. When the corpus
itself has changed (another digest), the floors do not apply to it: the gate
says so and passes, and ``--pin`` records the new corpus.

The scorer is the corpus's own ``eval/score.py`` beside it, else the copy in
``tests/gold_score.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "eval" / "baseline.json"
# Scores may differ in the last digits between Python builds; a drop smaller than
# this is not a regression.
TOLERANCE = 1e-6
METRICS = ("item_f1", "mean_score", "perfect")


def corpus_digest(corpus: Path) -> str:
    """sha256 over every input and gold answer of the corpus, by relative path."""
    digest = hashlib.sha256()
    # the documents and their gold answers: a probe's golden record (expected/) is the
    # tool's output, rewritten with every change, and no part of what is scored
    for path in sorted(
        p
        for p in corpus.rglob("*")
        if p.is_file() and "expected" not in p.relative_to(corpus).parts
    ):
        digest.update(str(path.relative_to(corpus)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def scorer_for(corpus: Path) -> Path:
    beside = corpus.parent / "eval" / "score.py"
    return beside if beside.exists() else ROOT / "tests" / "gold_score.py"


def score(corpus: Path, pred: Path) -> dict[str, float]:
    """The corpus's scores: strict item F1, mean document score, perfect documents."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [sys.executable, str(scorer_for(corpus)), "--corpus", str(corpus)]
        command += ["--pred", str(pred), "--json", str(report)]
        subprocess.run(command, check=True, capture_output=True)
        data = json.loads(report.read_text(encoding="utf-8"))
    return {
        "item_f1": round(data["items"]["f1"], 4),
        "mean_score": round(data["mean_score"], 4),
        "perfect": data["perfect"],
        "documents": data["count"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--name", required=True, help="the corpus's entry in the baseline")
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--pred", required=True, type=Path, help="the records written for it")
    parser.add_argument("--pin", action="store_true", help="raise the floors to today's scores")
    parser.add_argument("--lower", action="store_true", help="with --pin: lower floors too")
    args = parser.parse_args()

    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    entry = baseline.get(args.name, {})
    scores = score(args.corpus, args.pred)
    digest = corpus_digest(args.corpus)
    print(
        f"{args.name}: item F1 {scores['item_f1']:.4f}, mean {scores['mean_score']:.4f}, "
        f"{scores['perfect']}/{scores['documents']} perfect"
    )
    same_corpus = entry.get("digest") == digest
    if args.pin:
        floors = dict(entry.get("floors", {})) if same_corpus else {}
        for metric in METRICS:
            old = floors.get(metric)
            if old is None or args.lower or scores[metric] > old:
                floors[metric] = scores[metric]
        baseline[args.name] = {"digest": digest, "documents": scores["documents"], "floors": floors}
        BASELINE.parent.mkdir(exist_ok=True)
        BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{args.name}: floors pinned in {BASELINE.relative_to(ROOT)}: {floors}")
        return 0
    if not entry:
        print(f"{args.name}: no floors pinned yet (make eval-pin)", file=sys.stderr)
        return 0
    if not same_corpus:
        print(
            f"{args.name}: the corpus has changed since its floors were pinned; they do not "
            "apply (re-pin with make eval-pin)",
            file=sys.stderr,
        )
        return 0
    failed = [
        f"{metric} {scores[metric]} < floor {floor}"
        for metric, floor in entry["floors"].items()
        if scores[metric] < floor - TOLERANCE
    ]
    for failure in failed:
        print(f"{args.name}: BELOW THE FLOOR: {failure}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
