"""The benchmark's synthetic summit graphs: they conform to the shapes, and both stores agree on them."""

import sys
from aigraph import load
from aigraph.project.files import project_paths
from pathlib import Path

import pytest
from helpers import ROOT, canonical_answer

from aigraph.build import assemble, count_classes
from aigraph.sparql.query import list_queries, run_query
from aigraph.export.serialize import serialize_dataset
from aigraph.rdf.store import STORES
from aigraph.rdf.validate import validate_dataset

sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import generate, make_project  # noqa: E402


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synthetic") / "project"
    make_project(6000, root)  # two summits and more: Bletchley's declaration, then Seoul
    return root


@pytest.fixture(scope="module")
def both(synthetic: Path) -> dict:
    return {store: load(synthetic, store=store).dataset for store in STORES}


def test_size_is_what_was_asked_and_the_same_every_time():
    text, count = generate(2000)
    assert 2000 <= count < 2000 + 2000  # whole summits are added until the size is reached
    assert generate(2000) == (text, count)


def test_synthetic_graph_conforms_to_the_shapes(synthetic: Path, both: dict):
    report = validate_dataset(both["oxigraph"], paths=project_paths(synthetic))
    assert report.conforms, report.text


def test_synthetic_graph_has_every_kind_of_node(both: dict):
    counts = count_classes(both["oxigraph"])
    for kind in ("sources", "summits", "sessions", "people", "countries", "organisations", "documents",
                 "participations", "endorsements", "commitments", "statements"):
        assert counts[kind] > 0, kind


def test_every_query_answers_the_same_on_both_stores(synthetic: Path, both: dict):
    names = [q.name for q in list_queries(project_paths(synthetic))]
    assert any(n.startswith("bench-") for n in names) and any(n.startswith("cq") for n in names)
    for name in names:
        answers = [canonical_answer(run_query(both[s], name, paths=project_paths(synthetic))) for s in STORES]
        assert answers[0] == answers[1], name


#: Questions about follow-through (issue 13), whose nodes benchmarks/synth.py does not make yet:
#: the benchmark reports them with 0 rows. Once it does, this set empties and the test says so.
NOT_YET_SYNTHESISED = {
    "cq24-frontier-commitments-kept",
    "cq25-framework-timing",
    "cq26-weakened-revisions",
    "cq27-summit-follow-through",
    "cq28-new-delhi-endorser-counts",
}


def test_every_benchmark_query_finds_rows(synthetic: Path, both: dict):
    # the benchmark times work, not an index miss: the synthetic graph holds the entities each query names
    empty = {q.name for q in list_queries(project_paths(synthetic))
             if not list(run_query(both["oxigraph"], q.name, paths=project_paths(synthetic)))}
    assert empty == NOT_YET_SYNTHESISED


def test_the_named_entities_are_where_the_queries_look(synthetic: Path, both: dict):
    paths = project_paths(synthetic)
    chairs = {str(row.person).rsplit("/", 1)[-1] for row in run_query(both["oxigraph"], "cq01-co-chairs", paths=paths)}
    assert chairs == {"s1-p0", "s1-p1"}  # summit 1 is Seoul; its first two people co-chair
    earlier = {str(row.earlier).rsplit("/", 1)[-1] for row in run_query(both["oxigraph"], "cq10-earlier-summit",
                                                                          paths=paths)}
    assert earlier == {"s0"}


@pytest.mark.parametrize("fmt", ["nq", "trig", "ttl"])
def test_exports_are_byte_identical_on_both_stores(both: dict, fmt: str):
    assert serialize_dataset(both["oxigraph"], fmt) == serialize_dataset(both["memory"], fmt)
