"""Blind probes: documents written from a description of the genre by someone who had
not read the code, each with a gold answer. Their scores may not fall below the
floors pinned in eval/baseline.json (``make eval-pin`` raises them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hmic_extract.errors import HmicError
from hmic_extract.options import Options
from hmic_extract.pipeline import extract_path
from hmic_extract.write import record_json
from tests import gold_score
from tests.helpers import assert_golden

ROOT = Path(__file__).resolve().parent.parent
PROBES = ROOT / "tests" / "fixtures" / "probes"
GOLD = sorted((PROBES / "gold").glob("*.json"))
EXPECTED = PROBES / "expected"
# The probes that are responses (the others must be refused): each has a golden record.
RESPONSES = [
    PROBES / gold.stem
    for gold in GOLD
    if json.loads(gold.read_text(encoding="utf-8")).get("expect") != "error"
]


def _record(path: Path) -> dict[str, object] | None:
    try:
        return json.loads(record_json(extract_path(path, options=Options())))  # type: ignore[no-any-return]
    except HmicError:
        return None


@pytest.fixture(scope="module")
def scored() -> dict[str, dict[str, object]]:
    return {
        gold.stem: gold_score.score_doc(
            json.loads(gold.read_text(encoding="utf-8")), _record(PROBES / gold.stem)
        )
        for gold in GOLD
    }


def test_every_probe_has_its_document() -> None:
    assert len(GOLD) >= 12
    assert all((PROBES / gold.stem).exists() for gold in GOLD)


def test_probes_stay_at_their_floors(scored: dict[str, dict[str, object]]) -> None:
    floors = json.loads((ROOT / "eval" / "baseline.json").read_text(encoding="utf-8"))["probes"]
    matched = predicted = wanted = 0
    for doc in scored.values():
        items = doc.get("items") or {}
        if items:
            matched += items["strict"]["matched"]  # type: ignore[index]
            predicted += items["strict"]["pred"]  # type: ignore[index]
            wanted += items["strict"]["gold"]  # type: ignore[index]
    item_f1 = gold_score.prf(matched, predicted, wanted)["f1"]
    mean = sum(float(doc["score"]) for doc in scored.values()) / len(scored)  # type: ignore[arg-type]
    perfect = sum(1 for doc in scored.values() if doc["ok"])
    assert round(item_f1, 4) >= floors["floors"]["item_f1"]
    assert round(mean, 4) >= floors["floors"]["mean_score"]
    assert perfect >= floors["floors"]["perfect"]


def test_non_responses_are_refused(scored: dict[str, dict[str, object]]) -> None:
    refusals = {name: doc for name, doc in scored.items() if doc["expect"] == "error"}
    assert refusals
    assert all(doc["ok"] for doc in refusals.values()), sorted(refusals)


@pytest.mark.parametrize("probe", RESPONSES, ids=lambda p: p.name)
def test_probe_matches_its_golden_record(probe: Path, update_golden: bool) -> None:
    """Field by field: a change in any record shows as a diff to review, not only as a
    score that moved (``pytest --update-golden`` rewrites them)."""
    assert_golden(probe, EXPECTED / f"{probe.name}.json", update=update_golden)


def test_every_response_probe_has_a_golden_record() -> None:
    assert {f"{p.name}.json" for p in RESPONSES} == {p.name for p in EXPECTED.glob("*.json")}
