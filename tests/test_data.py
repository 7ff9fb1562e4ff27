"""The real curated data: it parses, conforms, answers every query, and copies no source."""

import re
from aigraph.project.files import project_paths
import subprocess
from pathlib import Path

import pytest
from source_runs import fingerprint, hangul_windows, load_fingerprints, word_windows
from rdflib import BNode, Dataset
from rdflib.namespace import RDF, RDFS

from aigraph.rdf.parse import source_graphs
from aigraph.rdf.namespaces import BASE, PREFIXES
from aigraph.sparql.query import list_queries, run_query
from aigraph.rdf.validate import validate_dataset

ROOT = Path(__file__).resolve().parents[1]
DATA_FILES = sorted((ROOT / "data").glob("*.trig"))
QUERIES = list_queries(project_paths(ROOT))


def test_there_is_data_and_a_query_per_competency_question():
    assert DATA_FILES, "data/ holds no source"
    names = [q.name for q in QUERIES]
    for n in range(1, 17):
        assert any(name.startswith(f"cq{n:02d}-") for name in names), f"no query for question {n}"


def test_the_graph_conforms(dataset):
    report = validate_dataset(dataset, paths=project_paths(ROOT))
    assert report.conforms, report.text + "\nfix the data, then run `aigraph validate`"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_each_file_is_one_source_graph_without_blank_nodes(path: Path):
    ds = Dataset()
    ds.parse(path, format="trig")
    names = [g.identifier for g in ds.graphs() if len(g) and g.identifier != ds.default_graph.identifier]
    assert len(names) == 1, f"{path.name}: one named graph per file, found {names}"
    graph = ds.graph(names[0])
    assert (names[0], RDF.type, None) in graph, f"{path.name}: the graph must describe its source"
    blanks = {t for triple in graph for t in triple if isinstance(t, BNode)}
    assert not blanks, f"{path.name}: blank nodes {sorted(blanks)[:3]}; give every node an IRI"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_data_files_use_the_project_prefixes(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"@prefix\s+(\w*):\s+<([^>]+)>", line)
        if match and match.group(1) in PREFIXES:
            assert match.group(2) == PREFIXES[match.group(1)], f"{path.name}: {line}"


def test_every_entity_iri_is_under_the_base(dataset):
    for name in source_graphs(dataset):
        for subject in set(dataset.graph(name).subjects(RDFS.label)):
            assert str(subject).startswith(BASE) or str(subject).startswith("http"), subject


@pytest.mark.parametrize("named", QUERIES, ids=lambda q: q.name)
def test_every_query_runs_and_states_its_question(dataset, named):
    assert named.question_en.endswith("?"), f"{named.path}: needs '# en: <question>?'"
    assert named.question_ko, f"{named.path}: needs '# ko: <question>'"
    result = run_query(dataset, named.path, paths=project_paths(ROOT))
    list(result)


@pytest.fixture(scope="module")
def exported(dataset):
    """What the exports hold (no drawing hints), and the merge of its graphs."""
    from aigraph.rdf.publish import published
    from aigraph.rdf.validate import union_graph

    exported = published(dataset)
    return exported, union_graph(exported)


def _same_triples(parsed, expected, what) -> None:
    # Without blank nodes, two graphs are isomorphic exactly when they hold the same triples.
    ours, theirs = set(expected), set(parsed)
    assert not any(isinstance(term, BNode) for triple in ours for term in triple), what
    assert ours == theirs, (f"{what}: {len(ours - theirs)} triples lost, e.g. {sorted(ours - theirs)[:2]}; "
                            f"{len(theirs - ours)} gained, e.g. {sorted(theirs - ours)[:2]}")


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nt", "nq", "jsonld", "xml"])
def test_every_export_of_the_real_graph_round_trips(exported, fmt):
    from rdflib import Graph

    from aigraph.export.serialize import serialize_dataset

    dataset, merged = exported
    data = serialize_dataset(dataset, fmt)
    if fmt in ("trig", "nq", "jsonld"):
        parsed = Dataset()
        parsed.parse(data=data, format={"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt])
        names = {graph.identifier for graph in dataset.graphs() if len(graph)}
        assert {graph.identifier for graph in parsed.graphs() if len(graph)} == names
        for name in names:
            _same_triples(parsed.graph(name), dataset.graph(name), name)
    else:
        _same_triples(Graph().parse(data=data, format=fmt if fmt != "ttl" else "turtle"), merged, fmt)


def test_no_source_sentence_is_copied_into_the_project():
    # The sources are not in the checkout: their runs are known by fingerprint (tests/source_runs.py).
    known = load_fingerprints()["hangul"]
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert files, "git ls-files listed nothing"
    copied = {}
    for name in files:
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        hits = sum(1 for window in hangul_windows(text) if fingerprint(window) in known)
        if hits:
            copied[name] = hits
    assert not copied, f"state facts in the project's own words; copied runs: {copied}"


def test_no_eight_word_run_of_a_source_text_is_in_a_test_fixture():
    # Issue 13: a fixture repeated a run of the article's words (digits broke the 24-character
    # check above), so fixtures are checked word by word too.
    known = load_fingerprints()["words"]
    copied = {}
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.txt")):
        hits = sorted(run for run in word_windows(path.read_text(encoding="utf-8")) if fingerprint(run) in known)
        if hits:
            copied[str(path.relative_to(ROOT))] = hits
    assert not copied, f"state the fixture in the project's own words; copied runs: {copied}"


def test_the_fingerprints_catch_a_copied_run():
    # The checks above find a run wherever it sits and however its white space is laid
    # out: shown here with a made-up sentence, fingerprinted as the sources are.
    made_up = "이 문장은 시험을 위해 새로 지은 것이며   어느 기사에도 나오지 않는다"
    known = {fingerprint(w) for w in hangul_windows(made_up)}
    elsewhere = f'label "{made_up.replace("   ", chr(10))}"@ko ; 2024'
    assert {fingerprint(w) for w in hangul_windows(elsewhere)} & known
    assert not {fingerprint(w) for w in hangul_windows("이 문장은 시험을 위해 새로 지은 것")} & known  # too short
    runs = {fingerprint(r) for r in word_windows("one two three four five six seven eight nine")}
    assert fingerprint("two three four five six seven eight nine") in runs and len(runs) == 2
    # and the fingerprints of the real sources are there to be looked for
    fingerprints = load_fingerprints()
    assert len(fingerprints["hangul"]) > 100 and len(fingerprints["words"]) > 100
