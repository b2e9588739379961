# Set-up and everyday targets. Every target creates or updates .venv itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := tests/fixtures/samples
CORPUS ?= ../shared/corpus
PROBES := tests/fixtures/probes

.PHONY: run test lint pytest eval eval-pin eval-renderings engines bench schema clean

$(BIN)/hmic-extract: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@# an editable install leaves the package uncompiled; where PYTHONDONTWRITEBYTECODE
	@# is set (containers, CI) every run would compile every module again
	$(BIN)/python -m compileall -q src
	touch $@

$(VENV)/.test-deps: $(BIN)/hmic-extract
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## run: extract the bundled sample documents into out/
run: $(BIN)/hmic-extract
	$(BIN)/hmic-extract extract $(SAMPLES) --out out

## test: lint, type-check and run the test suite
test: lint pytest

lint: $(VENV)/.test-deps
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy

pytest: $(VENV)/.test-deps
	$(BIN)/pytest

## eval: score the corpus (reads ../shared) and the blind probes; fail below the pinned floors
eval: $(BIN)/hmic-extract
	rm -rf out/eval out/eval-probes
	-$(BIN)/hmic-extract extract $(CORPUS) --out out/eval --quiet
	-$(BIN)/hmic-extract extract $(PROBES) --out out/eval-probes --quiet
	$(BIN)/python $(CORPUS)/../eval/score.py --corpus $(CORPUS) --pred out/eval -v $(EVAL_ARGS)
	$(BIN)/python scripts/eval_gate.py --name corpus --corpus $(CORPUS) --pred out/eval
	$(BIN)/python scripts/eval_gate.py --name probes --corpus $(PROBES) --pred out/eval-probes
	$(BIN)/python scripts/eval_renderings.py --corpus $(CORPUS) --only markdown html --hold html:markdown

## eval-pin: raise the floors in eval/baseline.json to today's scores (PIN_ARGS=--lower to lower)
eval-pin: eval
	$(BIN)/python scripts/eval_gate.py --name corpus --corpus $(CORPUS) --pred out/eval --pin $(PIN_ARGS)
	$(BIN)/python scripts/eval_gate.py --name probes --corpus $(PROBES) --pred out/eval-probes --pin $(PIN_ARGS)

## eval-renderings: score pdftotext / pandoc / LibreOffice renderings of the corpus (reads ../shared)
eval-renderings: $(BIN)/hmic-extract
	$(BIN)/python scripts/eval_renderings.py --corpus $(CORPUS)

## engines: hold the two PDF engines to the same records on the corpus's PDFs (reads ../shared)
engines: $(VENV)/.test-deps
	$(BIN)/python scripts/compare_engines.py $(CORPUS)

## bench: speed, scaling, memory and start-up, as ratios measured in one run
bench: $(VENV)/.test-deps
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

## schema: regenerate the published JSON Schema of the record
schema: $(BIN)/hmic-extract
	$(BIN)/hmic-extract schema > schema/record.schema.json

clean:
	rm -rf $(VENV) out .mypy_cache .pytest_cache .ruff_cache
