"""The endpoint's answers without HTTP: Oxigraph alone parses a plain query, and answers as rdflib's check does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aigraph.server import answers as endpoint
from aigraph.server.answers import answer_query

ROOT = Path(__file__).resolve().parents[2]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
ACCEPTS = ["application/sparql-results+json", "text/csv", "application/sparql-results+xml", "text/turtle", None]


@pytest.fixture(scope="module")
def sealed():
    from helpers import loaded

    return loaded(ROOT).dataset


def _refuse(_text: str) -> None:
    raise AssertionError("rdflib's parser was asked")


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(endpoint, "_cannot_reach_out", lambda _text: False)


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_every_named_query_gets_the_same_answer_without_rdflibs_parser(sealed, path: Path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr(endpoint, "check_read_only", _refuse)  # the fast way really is taken
        fast = {accept: answer_query(sealed, text, accept=accept) for accept in ACCEPTS}
    assert all(a.status in (200, 406) for a in fast.values())
    _slow(monkeypatch)
    slow = {accept: answer_query(sealed, text, accept=accept) for accept in ACCEPTS}
    assert fast == slow


def test_a_plain_query_never_reaches_rdflibs_parser(sealed, monkeypatch):
    monkeypatch.setattr(endpoint, "check_read_only", _refuse)
    answer = answer_query(sealed, "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://schema.org/Person> }")
    assert answer.status == 200
    count = int(json.loads(answer.body)["results"]["bindings"][0]["n"]["value"])
    assert count == len(set(sealed.query("SELECT DISTINCT ?s WHERE { ?s a <https://schema.org/Person> }")))


@pytest.mark.parametrize(
    ("text", "status", "says"),
    [
        ("INSERT DATA { <urn:s> <urn:p> <urn:o> }", 403, "read-only"),
        ("SELECT * WHERE { ?s ?p }", 400, ""),
        ("SELECT * WHERE { ?s ?p ?o }", 400, "more than 10 results"),
    ],
    ids=["update", "malformed", "over-the-limit"],
)
def test_what_oxigraph_refuses_or_overflows_gets_the_same_refusal(sealed, text, status, says, monkeypatch):
    fast = answer_query(sealed, text, max_results=10)
    assert fast.status == status and says in fast.body.decode()
    _slow(monkeypatch)
    assert answer_query(sealed, text, max_results=10) == fast


def test_no_format_for_the_form_is_406_on_both_ways(sealed, monkeypatch):
    fast = answer_query(sealed, "ASK { ?s ?p ?o }", accept="text/turtle")
    _slow(monkeypatch)
    assert fast.status == 406 and answer_query(sealed, "ASK { ?s ?p ?o }", accept="text/turtle") == fast
