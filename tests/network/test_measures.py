"""aigraph analyze: who is central, in which community, tied to which summits, texts and principles.

Expected answers come from the article (paragraph N = N-th non-empty line): the
Seoul Declaration was adopted by the leaders at the session (p.13), Albanese took
part in adopting it without attending (p.18), the companies' pledge is on preventing
AI risks and responsible AI (p.17), the president spoke on safety (p.11).
"""

import csv
import io
import json

import networkx as nx
import pytest
from helpers import invoke

from aigraph.network.report import render_analysis, summary_lines
from aigraph.network.measures import analyze_network, analyze_projection, betweenness, communities
from aigraph.errors import AnalysisError
from aigraph.rdf.namespaces import AIG, SCHEMA

B = "https://w3id.org/aigraph/"
ACTOR_CLASSES = {
    str(SCHEMA.Person),
    str(AIG.Polity),
    str(AIG.InternationalOrganization),
    str(AIG.GovernmentBody),
    str(AIG.Company),
    str(AIG.Foundation),
    str(AIG.Tracker),  # METR, SaferAI and the other trackers of followthrough.md
}
VOCABULARIES = ("role/", "mode/", "commitment-kind/", "post/", "source/")


@pytest.fixture(scope="module")
def analysis(dataset):
    return analyze_network(dataset)


def _row(rows, iri):
    return next(row for row in rows if row["iri"] == B + iri)


def test_top_actors_are_people_states_or_organisations_never_vocabulary(analysis):
    top = analysis.actors[:10]
    assert len(top) == 10
    assert {row["class"] for row in top} <= ACTOR_CLASSES
    every_row = analysis.actors + analysis.documents + analysis.principles
    assert not [
        r["iri"] for r in every_row if r["iri"].startswith(tuple(B + v for v in VOCABULARIES))
    ]
    assert [r["betweenness"] for r in analysis.actors] == sorted(
        (r["betweenness"] for r in analysis.actors), reverse=True
    )


def test_every_actor_of_the_article_is_a_row_and_nothing_else(analysis):
    classes = {row["class"] for row in analysis.actors}
    assert classes <= ACTOR_CLASSES
    assert {
        B + "person/yoon-suk-yeol",
        B + "country/australia",
        B + "organization/naver",
        B + "organization/united-nations",
    } <= {row["iri"] for row in analysis.actors}
    assert B + "summit/ai-seoul-summit-2024/leaders-session" not in {
        r["iri"] for r in analysis.actors
    }


def test_actor_ties_to_summits_documents_and_principles(analysis):
    lee = _row(analysis.actors, "person/lee-hae-jin")  # p.19: at the session, for Naver
    assert lee["summits"] == [B + "summit/ai-seoul-summit-2024"]
    assert lee["documents"] == []
    yoon = _row(analysis.actors, "person/yoon-suk-yeol")  # p.9: he spoke of Bletchley Park
    assert set(yoon["summits"]) == {
        B + "summit/ai-seoul-summit-2024",
        B + "summit/ai-safety-summit-2023",
    }
    assert B + "principle/safety" in yoon["principles"]
    australia = _row(analysis.actors, "country/australia")
    assert set(australia["documents"]) == {
        B + "document/seoul-declaration",  # facts.md §2 (and p.18, through Albanese)
        B + "document/seoul-statement-of-intent",  # §3
        B + "document/international-network-of-ai-safety-institutes",  # §3: ICTCAREER
        B + "document/seoul-ministerial-statement",  # §5
        B + "document/bletchley-declaration",  # §8
    }


def test_documents_list_their_endorsers_and_principles(analysis):
    declaration = _row(analysis.documents, "document/seoul-declaration")
    assert {
        B + "country/republic-of-korea",
        B + "country/united-kingdom",
        B + "country/australia",
        B + "person/anthony-albanese",
        B + "person/kamala-harris",
    } <= set(declaration["endorsers"])
    assert {B + "principle/safety", B + "principle/innovation", B + "principle/inclusivity"} <= set(
        declaration["principles"]
    )
    intent = _row(analysis.documents, "document/seoul-statement-of-intent")
    assert B + "country/republic-of-korea" in intent["endorsers"]
    assert (
        B + "person/anthony-albanese" not in intent["endorsers"]
    )  # he adopted the declaration only
    pledge = _row(analysis.documents, "document/frontier-ai-safety-commitments")
    assert set(pledge["principles"]) == {B + "principle/safety", B + "principle/responsible-ai"}


def test_principles_list_who_invoked_them(analysis):
    safety = _row(analysis.principles, "principle/safety")
    assert {B + "document/seoul-declaration", B + "document/frontier-ai-safety-commitments"} <= set(
        safety["documents"]
    )
    assert B + "statement/ai-seoul-summit-2024-leaders-session/yoon-safety" in safety["statements"]
    assert B + "summit/ai-safety-summit-2023" in safety["events"]  # Bletchley's theme, p.9


def test_betweenness_is_exact_on_small_graphs_and_sampled_above_the_threshold():
    values, method = betweenness(nx.path_graph(["a", "b", "c"]))
    assert values == {"a": 0.0, "b": 1.0, "c": 0.0} and not method["sampled"]
    star = nx.star_graph(30)
    values, method = betweenness(star, exact_up_to=10, sample=5)
    assert method == {"sampled": True, "nodes": 31, "pivots": 5, "seed": 0, "exact_up_to": 10}
    assert max(values, key=values.get) == 0  # the hub stays on top when sampled


def test_sampling_is_said_in_the_output(dataset):
    from aigraph.network.categories import node_kinds
    from aigraph.rdf.namespaces import ONTOLOGY_GRAPH
    from aigraph.network.projection import to_networkx

    graph = to_networkx(dataset)
    sampled = analyze_projection(
        graph, node_kinds(graph, dataset.graph(ONTOLOGY_GRAPH)), exact_up_to=50, sample=20
    )
    line = next(line for line in summary_lines(sampled) if line.startswith("betweenness"))
    assert "SAMPLED from 20 pivot nodes" in line and "more than 50" in line
    assert render_analysis(sampled).count("SAMPLED") == 1


def test_communities_are_seeded_and_numbered_by_size():
    graph = nx.union(nx.complete_graph(["a", "b", "c", "d"]), nx.complete_graph(["x", "y", "z"]))
    graph.add_edge("d", "x")
    assert communities(graph) == communities(graph)
    assert communities(graph) == {"a": 1, "b": 1, "c": 1, "d": 1, "x": 2, "y": 2, "z": 2}


def test_table_has_summary_lines_first(analysis, dataset):
    from aigraph.network.projection import to_networkx

    text = render_analysis(analysis, top=5)
    lines = text.splitlines()
    assert lines[0].startswith(f"network: {to_networkx(dataset).number_of_nodes()} nodes")
    assert lines[4].startswith("communities: ") and lines[6] == ""
    first = lines[lines.index(f"actors (5 of {len(analysis.actors)})") + 3]
    assert first.startswith("1     " + analysis.labels[analysis.actors[0]["iri"]])
    # 15 documents: the article's 6 (Seoul Declaration, Statement of Intent, Frontier AI
    # Safety Commitments, Digital Bill of Rights, UN resolution, Hiroshima AI Process), and
    # from facts.md the network of safety institutes (§3), the Ministerial Statement (§5),
    # the Business Pledge (§6), the Bletchley Declaration, the chair's statement on safety
    # testing and the interim scientific report (§8), the Paris statement (§9), and the
    # Hiroshima guiding principles and code of conduct (§10); and 37 from followthrough.md:
    # 28 framework versions (Amazon 1, Anthropic 5, Cohere 1, Google DeepMind 4, G42 1, Meta 2,
    # Microsoft 2, Naver 2, OpenAI 3, Samsung 1, xAI 4, Magic 1, NVIDIA 1), the two International
    # AI Safety Reports, the renamed network, the New Delhi Declaration and the companies'
    # commitments there, Current AI, the sustainable-AI coalition, METR's report and SaferAI's paper
    assert "documents (52 of 52)" in lines and "principles (15 of 15)" in lines


def test_csv_and_json_hold_every_list_in_full(analysis):
    rows = list(
        csv.DictReader(io.StringIO(render_analysis(analysis, fmt="csv", table="documents")))
    )
    declaration = next(r for r in rows if r["iri"] == B + "document/seoul-declaration")
    assert "Australia" in declaration["endorsers"].split("; ")
    data = json.loads(render_analysis(analysis, fmt="json", top=3))
    assert list(data) == ["actors", "documents", "principles", "summary"]
    assert len(data["actors"]) == 3 and data["summary"]["betweenness"]["sampled"] is False
    declaration = next(d for d in data["documents"] if d["iri"] == B + "document/seoul-declaration")
    assert {"iri": B + "principle/safety", "label": "safety"} in declaration["principles"]


def test_bad_options_are_errors(analysis):
    with pytest.raises(AnalysisError):
        render_analysis(analysis, fmt="xml")  # type: ignore[arg-type]
    with pytest.raises(AnalysisError):
        render_analysis(analysis, top=0)


def test_cli_analyze_csv_puts_the_summary_on_stderr():
    proc = invoke("analyze", "--format", "csv", "--top", "3", "--lang", "ko")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith("network: ")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(rows) == 3 and all(
        r["class"] in {"인물", "국가", "국제기구", "정부 기관", "기업", "재단"} for r in rows
    )
