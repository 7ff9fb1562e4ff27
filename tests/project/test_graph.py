"""The Python API: ``aigraph.load()`` and the project object it returns."""

from pathlib import Path

import pytest
from helpers import ROOT, people_in_files
from rdflib import URIRef

import aigraph
from aigraph.errors import LoadError, ReadOnlyError
from aigraph.project.files import ROOT_VARIABLE, default_root

PREFIXES = "PREFIX schema: <https://schema.org/>\nPREFIX aig: <https://w3id.org/aigraph/ontology#>\n"
# No DISTINCT: a person typed in many sources must still be one row.
PEOPLE = PREFIXES + "SELECT ?p WHERE { ?p a schema:Person }"
SUMMITS = PREFIXES + "SELECT ?s WHERE { ?s a aig:Summit }"
HARRIS = URIRef("https://w3id.org/aigraph/person/kamala-harris")


PEOPLE_IN_FILES = people_in_files()


@pytest.fixture(scope="module", params=["oxigraph", "memory"])
def project(request):
    return aigraph.load(ROOT, store=request.param)


def test_load_is_exported_and_documented():
    assert "load" in aigraph.__all__ and "Project" in aigraph.__all__
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "aigraph.load()" in readme


def test_query_counts_each_person_once(project):
    # Each person once however many sources type her (issue 16: 104 rows where 30 people were):
    # as many rows as distinct people in the files, and 4 summits, hand-counted from data/.
    assert PEOPLE_IN_FILES >= 30
    assert len(project.query(PEOPLE)) == PEOPLE_IN_FILES
    assert len(project.query(SUMMITS)) == 4


def test_rdflib_own_query_is_just_as_right(project):
    assert len(project.dataset.query(PEOPLE)) == PEOPLE_IN_FILES
    assert len(project.dataset.query(SUMMITS)) == 4


def test_graph_reaches_each_source(project):
    per_source = PREFIXES + f"SELECT ?g WHERE {{ GRAPH ?g {{ <{HARRIS}> a schema:Person }} }}"
    graphs = {str(row[0]) for row in project.query(per_source)}
    assert len(graphs) >= 2  # she is typed in the article and in other pages
    assert all(g.startswith("http") for g in graphs)


def test_named_queries_by_name(project):
    assert project.queries()[0].name == "cq01-co-chairs"
    assert len(project.query("cq01")) == len(project.query(project.queries()[0].path))


def test_the_assembled_graph_is_read_only():
    project = aigraph.load(ROOT)  # the Oxigraph store (rdflib's memory store has no read-only mode)
    triple = (HARRIS, URIRef("urn:x:p"), URIRef("urn:x:o"))
    with pytest.raises(ReadOnlyError):
        project.dataset.add(triple)
    with pytest.raises(ReadOnlyError):
        project.dataset.remove((HARRIS, None, None))
    assert len(project.query(PEOPLE)) == PEOPLE_IN_FILES


def test_union_iteration_keeps_the_named_graphs(project):
    graphs = {g for *_t, g in project.dataset.quads((HARRIS, None, None, None))}
    assert graphs and all(str(g).startswith("http") for g in graphs)  # never the merged default graph


def test_root_comes_from_the_variable_then_the_current_directory(mini_root: Path, monkeypatch):
    mini = mini_root
    monkeypatch.setenv(ROOT_VARIABLE, str(mini))
    assert default_root() == mini
    assert len(aigraph.load().query(PEOPLE)) == 1  # the mini project has one person
    monkeypatch.delenv(ROOT_VARIABLE)
    monkeypatch.chdir(mini)
    assert default_root() == mini
    assert aigraph.load(ROOT).root == ROOT  # an explicit root wins


def test_no_project_says_what_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv(ROOT_VARIABLE, str(tmp_path))
    with pytest.raises(LoadError, match="not an aigraph project"):
        aigraph.load()
    monkeypatch.delenv(ROOT_VARIABLE)
    monkeypatch.chdir(tmp_path)
    # Inside the checkout the checkout itself is the fallback; the wheel test covers the rest.
    assert default_root() == ROOT
