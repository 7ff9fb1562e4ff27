# The newcomer's two commands: `make demo` and `make test`.
# Everything they need is installed here, into .venv; nothing is assumed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install build bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## demo: build dist/ from the curated sources, print the summary and one answer
demo: install
	$(BIN)/aigraph build
	@echo
	@echo "== Who co-chaired the leaders' session of the AI Seoul Summit? (queries/cq01-co-chairs.rq)"
	$(BIN)/aigraph query cq01-co-chairs

## test: install the test extras and run the whole suite
test: install
	$(BIN)/python -m pytest

## build: write dist/ (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML, VoID)
build: install
	$(BIN)/aigraph build

## bench: run every benchmark in benchmarks/ and print its figures
bench: install
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf dist $(VENV)
