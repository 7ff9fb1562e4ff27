"""The projection: which things become nodes and edges is read from the ontology's annotations."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from aigraph import load
from aigraph.errors import ProjectionError
from aigraph.network.projection import to_networkx

B = "https://w3id.org/aigraph/"
ADA, EXAMPLIA = B + "person/ada-example", B + "country/examplia"
SUMMIT, DECLARATION = B + "summit/mini-summit", B + "document/mini-declaration"
SAFETY, PRESS = B + "principle/safety", B + "organization/mini-press"
PARTICIPATION = B + "participation/mini-summit/ada-example"
ENDORSEMENT = B + "endorsement/mini-declaration/examplia"
COMMITMENT = B + "commitment/mini-declaration/safety"


@pytest.fixture()
def mini(mini_root: Path):
    return to_networkx(load(mini_root).dataset)


def test_nodes_are_the_entities_the_source_names(mini):
    # tests/fixtures/mini/data/mini-source.trig names these six entities.
    assert list(mini) == sorted([ADA, EXAMPLIA, SUMMIT, DECLARATION, SAFETY, PRESS])
    assert mini.nodes[ADA]["labels"] == {"en": "Ada Example", "ko": "에이다 예시"}
    assert mini.nodes[EXAMPLIA]["cls"] == B + "ontology#Polity"  # an aig:State, drawn as a polity
    assert mini.nodes[DECLARATION]["cls"] == B + "ontology#Document"  # an aig:Declaration


def test_vocabulary_values_posts_and_evidence_never_become_nodes(mini):
    for node in mini:
        assert not re.match(
            B + r"(role|mode|commitment-kind|post|source|participation|endorsement)/", node
        )
    # principles in the vocabulary that no source invokes are not drawn either
    assert B + "principle/innovation" not in mini


def test_n_ary_nodes_become_labelled_edges_with_their_records(mini):
    edges = {(u, v): data for u, v, data in mini.edges(data=True)}
    assert set(edges) == {
        (ADA, SUMMIT),
        (ADA, EXAMPLIA),
        (ADA, DECLARATION),
        (DECLARATION, SAFETY),
        (DECLARATION, SUMMIT),
    }
    # the participation: labelled by its role, chair
    assert edges[(ADA, SUMMIT)]["labels"] == {"en": "chair", "ko": "의장"}
    assert edges[(ADA, SUMMIT)]["records"] == [PARTICIPATION]
    # the participation and the endorsement both say Ada acted for Examplia: one edge, two records
    assert edges[(ADA, EXAMPLIA)]["records"] == sorted([ENDORSEMENT, PARTICIPATION])
    assert edges[(ADA, DECLARATION)]["labels"]["en"] == "endorsed"
    assert edges[(DECLARATION, SAFETY)]["labels"] == {"en": "commitment", "ko": "약속"}
    assert edges[(DECLARATION, SAFETY)]["records"] == [COMMITMENT]
    # a direct relation between entities keeps its source and the paragraph naming both ends
    assert edges[(DECLARATION, SUMMIT)]["labels"]["en"] == "adopted at"
    assert edges[(DECLARATION, SUMMIT)]["evidence"] == [
        {"source": B + "source/mini", "paragraph": 1}
    ]


def test_records_keep_details_and_evidence(mini):
    record = mini.graph["records"][PARTICIPATION]
    assert record["description"]["en"] == "Ada Example chaired the Mini Summit for Examplia."
    assert record["evidence"] == [{"source": B + "source/mini", "paragraph": 1}]
    facts = {f["p"].rsplit("#", 1)[-1]: f.get("iri") for f in record["facts"]}
    assert facts["post"] == B + "post/president-of-examplia"
    assert facts["role"] == B + "role/chair"
    assert mini.graph["terms"][B + "post/president-of-examplia"]["ko"] == "예시국 대통령"
    assert mini.graph["sources"][B + "source/mini"] == {
        "label": {"en": "mini test article", "ko": "작은 시험 기사"},
        "title": {"en": "Mini test article", "ko": "Mini test article"},
        "publisher": {"en": "Mini Press", "ko": "미니 신문"},
        "date": "2024-01-02",
        "url": None,  # aig:notRecorded schema:url
    }
    # the post names Examplia, so it is one of Examplia's records
    assert B + "post/president-of-examplia" in mini.nodes[EXAMPLIA]["records"]


def test_the_rules_are_data_not_code(mini_root: Path):
    ontology = mini_root / "ontology" / "aigraph.ttl"
    text = ontology.read_text(encoding="utf-8")
    text = text.replace("aig:Company aig:graphNode true ;", "aig:Company aig:graphNode false ;")
    text += "\norg:Post aig:graphNode true .\norg:postIn aig:graphEdge true .\n"
    ontology.write_text(text, encoding="utf-8")
    graph = to_networkx(load(mini_root).dataset)
    assert PRESS not in graph
    assert B + "post/president-of-examplia" in graph
    assert graph.has_edge(B + "post/president-of-examplia", EXAMPLIA)


def test_focus_and_depth(mini_root: Path):
    dataset = load(mini_root).dataset
    assert set(to_networkx(dataset, focus="Examplia", depth=1)) == {EXAMPLIA, ADA}
    assert set(to_networkx(dataset, focus="예시국", depth=2)) == {
        EXAMPLIA,
        ADA,
        SUMMIT,
        DECLARATION,
    }
    assert set(to_networkx(dataset, focus=EXAMPLIA, depth=0)) == {EXAMPLIA}
    # by local name, with or without its kind
    assert ADA in to_networkx(dataset, focus="ada-example")
    assert ADA in to_networkx(dataset, focus="person/ada-example")
    part = to_networkx(dataset, focus="safety", depth=1)
    assert set(part) == {SAFETY, DECLARATION}
    # records that the kept nodes and edges name, and no other
    assert set(part.graph["records"]) == {COMMITMENT, ENDORSEMENT}


def test_classes_keep_only_some_nodes(mini_root: Path):
    graph = to_networkx(load(mini_root).dataset, classes=["Person", "국가"])
    assert list(graph) == [EXAMPLIA, ADA]
    assert [(u, v) for u, v in graph.edges()] == [(ADA, EXAMPLIA)]
    assert set(graph.graph["classes"]) == {B + "ontology#Polity", "https://schema.org/Person"}


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"focus": "nobody"}, "'nobody' matches no drawn entity"),
        ({"depth": 2}, "a depth needs a focus entity"),
        ({"classes": ["Dragon"]}, "unknown class 'Dragon' (known: Company, Document"),
        ({"focus": "Mini Press", "classes": ["Person"]}, "'Mini Press' matches no drawn entity"),
    ],
)
def test_bad_selections_are_clear_errors(mini_root: Path, kwargs, message):
    with pytest.raises(ProjectionError) as info:
        to_networkx(load(mini_root).dataset, **kwargs)
    assert message in str(info.value)
    assert info.value.exit_code == 2


def test_ambiguous_focus_names_the_candidates(mini_root: Path):
    data = mini_root / "data" / "mini-source.trig"
    text = data.read_text(encoding="utf-8").rstrip().rstrip("}")
    text += (
        "    <https://w3id.org/aigraph/person/ada-other> a <https://schema.org/Person> ;\n"
        '        <http://www.w3.org/2000/01/rdf-schema#label> "Ada Example"@en ;\n'
        "        aig:mentionedIn <https://w3id.org/aigraph/source/mini#p1> .\n}\n"
    )
    data.write_text(text, encoding="utf-8")
    with pytest.raises(
        ProjectionError, match=r"ambiguous: .*person/ada-example, .*person/ada-other"
    ):
        to_networkx(load(mini_root).dataset, focus="ada example")


def test_same_graph_across_processes(mini_root: Path):
    code = (
        "import json, sys; from aigraph import load;"
        "from aigraph.network.projection import to_networkx;"
        "g = to_networkx(load(sys.argv[1]).dataset);"
        "print(json.dumps([list(g.nodes(data=True)),"
        " list(g.edges(keys=True, data=True)), g.graph]))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code, str(mini_root)],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert json.loads(outputs.pop())[0][0][0] == EXAMPLIA  # sorted: country/ < document/ < ...
