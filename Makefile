# The newcomer's two commands: `make demo` and `make test`.
# Everything they need is installed here, into .venv; nothing is assumed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint install build bench clean wheel constraints

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Every extra and the test tools, at the exact versions of constraints.txt.
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[all,test]'
	touch $(STAMP)

install: $(STAMP)

## demo: build dist/ from the curated sources (exports and dist/graph.html), print the summary and one answer
demo: install
	$(BIN)/aigraph build
	@echo
	@echo "== Open dist/graph.html in a browser to explore the graph (one file, works offline)"
	@echo
	@echo "== Who co-chaired the leaders' session of the AI Seoul Summit? (queries/cq01-co-chairs.rq)"
	$(BIN)/aigraph query cq01-co-chairs
	@echo
	@echo "== The summit series, in order (queries/cq20-summit-timeline.rq)"
	$(BIN)/aigraph query cq20-summit-timeline

## test: install the test extras and run the whole suite, in parallel (one worker per core;
## a test module's tests share one worker, see tests/conftest.py); plain `pytest` runs it serially
WORKERS ?= auto
test: install
	$(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup

## lint: ruff and mypy on src/ (ruff on benchmarks/ too); their settings are in pyproject.toml
lint: install
	$(BIN)/ruff check src benchmarks
	$(BIN)/mypy

## build: write dist/ (Turtle, TriG, N-Triples, N-Quads, JSON-LD and its context, RDF/XML, VoID, ontology.html, graph.html)
build: install
	$(BIN)/aigraph build

## bench: synthetic graphs at 10^4, 10^5 and 10^6 triples; prints the tables and puts them in docs/benchmarks.md
## (about half an hour on 2 cores; SIZES=1e4,1e5 for a quick run)
SIZES ?= 1e4,1e5,1e6
MEMORY_SIZES ?= 1e4
bench: install
	$(BIN)/python benchmarks/bench.py --sizes $(SIZES) --memory-sizes $(MEMORY_SIZES) --doc docs/benchmarks.md
	@for script in $(filter-out benchmarks/bench_viz.py,$(wildcard benchmarks/bench_*.py)); do echo "== $$script"; $(BIN)/python $$script || exit 1; done
	$(BIN)/python benchmarks/bench_viz.py --out benchmarks/results.md

## wheel: build the installable package (it ships the curated graph) into dist-wheel/
wheel: install
	$(BIN)/python -m pip wheel --quiet --no-deps -w dist-wheel .

## constraints: pin what the venv holds now into constraints.txt (after changing a dependency)
constraints: install
	{ head -n 2 constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -v '^aigraph' | sort -f; } > constraints.txt.new
	mv constraints.txt.new constraints.txt

clean:
	rm -rf dist dist-wheel $(VENV)
