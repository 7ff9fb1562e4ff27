"""The projected network's contract (aigraph.network.info): what it carries, typed."""

from __future__ import annotations

import networkx as nx
from rdflib import Dataset

from aigraph.network.info import NetworkInfo, network_info
from aigraph.network.projection import neighbourhood, to_networkx

HARRIS = "https://w3id.org/aigraph/person/kamala-harris"


def _records_used(graph: nx.MultiDiGraph) -> set[str]:
    used = {r for _n, records in graph.nodes(data="records") for r in records}
    return used | {r for _u, _v, records in graph.edges(data="records") for r in records}


def test_the_projection_carries_what_its_nodes_and_edges_refer_to(dataset: Dataset) -> None:
    graph = to_networkx(dataset, lang="ko")
    info = network_info(graph)
    assert info.lang == "ko"
    assert set(info.classes) == {cls for _n, cls in graph.nodes(data="cls")}
    assert _records_used(graph) <= set(info.records)
    cited = {e["source"] for _n, evidence in graph.nodes(data="evidence") for e in evidence}
    assert cited and cited <= set(info.sources)
    assert {rule for *_e, rule in graph.edges(data="rule")} <= set(info.rules)


def test_a_neighbourhood_carries_only_what_it_shows(dataset: Dataset) -> None:
    whole = to_networkx(dataset)
    part = neighbourhood(whole, HARRIS, 1)
    info = network_info(part)
    assert HARRIS in part and len(part) < len(whole)
    assert set(info.classes) == {cls for _n, cls in part.nodes(data="cls")}
    assert set(info.records) == _records_used(part)
    assert info.sources == network_info(whole).sources


def test_a_graph_made_by_hand_reads_as_an_empty_contract() -> None:
    assert network_info(nx.MultiDiGraph()) == NetworkInfo()
