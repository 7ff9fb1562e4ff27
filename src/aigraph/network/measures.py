"""Measure the projected network: who is central, in which community, tied to what.

Every measure is taken on the projection (:func:`aigraph.network.projection.to_networkx`)
seen as a simple undirected graph: two nodes are neighbours when any edge joins
them, either way round. Vocabulary values (roles, modes, kinds of commitment)
are never nodes of the projection, so they never rank as hubs.

* *degree*: the number of distinct neighbours;
* *betweenness*: normalised shortest-path betweenness. It is exact up to
  :data:`BETWEENNESS_EXACT_UP_TO` nodes; above that it is estimated from
  :data:`BETWEENNESS_SAMPLE` pivot nodes drawn with a fixed seed, and the
  summary says so (exact betweenness costs one breadth-first search per node);
* *eigenvector*: eigenvector centrality by power iteration;
* *community*: Louvain communities with a fixed seed, numbered by size.

An actor's *ties* are its neighbours, the nodes named by the records (n-ary
nodes such as participations and endorsements) that name it, and the
neighbours of its small nodes (what its statements link to). Its summits are
the outermost events (following ``schema:superEvent``) among its ties, its
documents the documents among them, its principles those among them and those
its documents serve.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from rdflib import Dataset

from aigraph.errors import AnalysisError
from aigraph.network.categories import Kind, node_kinds
from aigraph.network.info import network_info
from aigraph.rdf.namespaces import ONTOLOGY_GRAPH, SCHEMA

#: Exact betweenness up to this many nodes (about 7 s on one core), sampled above it
#: (see benchmarks/bench_analyze.py for the figures).
BETWEENNESS_EXACT_UP_TO = 2_000
#: The number of pivot nodes that sampled betweenness starts from.
BETWEENNESS_SAMPLE = 200
#: The seed of sampled betweenness and of the community algorithm.
SEED = 0
#: The relation that places an event inside a larger one (a session in its summit).
PART_OF = str(SCHEMA.superEvent)


@dataclass(frozen=True)
class NetworkAnalysis:
    """The figures of a network: a summary, then one row per actor, document and principle.

    Rows name nodes and classes by IRI; ``labels`` gives each one's label in the asked
    language.
    """

    summary: dict[str, Any]
    actors: list[dict[str, Any]]
    documents: list[dict[str, Any]]
    principles: list[dict[str, Any]]
    labels: dict[str, str] = field(repr=False)


def simple_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Return *graph* as a simple undirected graph, nodes and edges in the same order.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    >>> sorted(simple_graph(g).edges())
    [('a', 'b'), ('b', 'c')]
    """
    simple: nx.Graph[str] = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    return simple


def betweenness(
    simple: nx.Graph, /, *, exact_up_to: int = BETWEENNESS_EXACT_UP_TO,
    sample: int = BETWEENNESS_SAMPLE, seed: int = SEED,
) -> tuple[dict[str, float], dict[str, Any]]:
    """Return normalised betweenness, exact or sampled by size, and how it was computed.

    >>> values, method = betweenness(nx.path_graph(["a", "b", "c"]))
    >>> values["b"], method["sampled"]
    (1.0, False)
    >>> betweenness(nx.path_graph(5), exact_up_to=3, sample=2)[1]["pivots"]
    2
    """
    n = simple.number_of_nodes()
    if n <= exact_up_to:
        return nx.betweenness_centrality(simple), {"sampled": False, "nodes": n}
    k = min(sample, n)
    values = nx.betweenness_centrality(simple, k=k, seed=seed)
    return values, {"sampled": True, "nodes": n, "pivots": k, "seed": seed,
                    "exact_up_to": exact_up_to}


def eigenvector(simple: nx.Graph) -> dict[str, float]:
    """Return eigenvector centrality (power iteration), or zeros for a graph with no edges.

    :raises AnalysisError: when the iteration does not converge.

    >>> round(eigenvector(nx.star_graph(3))[0], 3)
    0.707
    """
    if simple.number_of_edges() == 0:
        return dict.fromkeys(simple, 0.0)
    try:
        return nx.eigenvector_centrality(simple, max_iter=1000, tol=1e-6)
    except nx.PowerIterationFailedConvergence as exc:
        raise AnalysisError(f"eigenvector centrality did not converge: {exc}") from exc


def communities(simple: nx.Graph, /, *, seed: int = SEED) -> dict[str, int]:
    """Return each node's Louvain community, numbered from 1 by size (then first member).

    >>> g = nx.union(nx.complete_graph(["a", "b", "c"]), nx.complete_graph(["x", "y"]))
    >>> communities(g)
    {'a': 1, 'b': 1, 'c': 1, 'x': 2, 'y': 2}
    """
    found = nx.community.louvain_communities(simple, seed=seed)
    ordered = sorted((sorted(map(str, c)) for c in found), key=lambda c: (-len(c), c[0]))
    numbers = {node: i for i, members in enumerate(ordered, start=1) for node in members}
    return {node: numbers[str(node)] for node in simple}


def record_nodes(graph: nx.MultiDiGraph, node: str) -> set[str]:
    """Return the nodes that the records naming *node* also name (its co-participants).

    >>> from aigraph import load
    >>> from aigraph.network.projection import to_networkx
    >>> g = to_networkx(load().dataset)
    >>> "https://w3id.org/aigraph/person/kamala-harris" in record_nodes(
    ...     g, "https://w3id.org/aigraph/country/united-states")
    True
    """
    records = network_info(graph).records
    named = {
        fact["iri"]
        for record in graph.nodes[node].get("records", ())
        for fact in records.get(record, {}).get("facts", ())
        if "iri" in fact
    }
    return {n for n in named if n in graph and n != node}


def ties(graph: nx.MultiDiGraph, node: str, small: set[str]) -> set[str]:
    """Return the nodes *node* is tied to: neighbours, record co-members, and via its small nodes.

    *small* is the set of nodes of a small class (statements): what they link to
    counts as tied to whoever they link.
    """
    near = set(graph.successors(node)) | set(graph.predecessors(node))
    near |= record_nodes(graph, node)
    for other in [n for n in near if n in small]:
        near |= set(graph.successors(other)) | set(graph.predecessors(other))
    near.discard(node)
    return near


def outermost_events(graph: nx.MultiDiGraph, events: set[str]) -> set[str]:
    """Return, for each of *events*, the outermost event it is part of (``schema:superEvent``)."""
    found = set()
    for event in events:
        seen = {event}
        while True:
            parents = sorted(v for _u, v, k in graph.out_edges(event, keys=True) if k == PART_OF)
            if not parents or parents[0] in seen:
                break
            event = parents[0]
            seen.add(event)
        found.add(event)
    return found


def _by_label(nodes: set[str], labels: dict[str, str]) -> list[str]:
    return sorted(nodes, key=lambda n: (labels[n].casefold(), n))


def _actor_rows(graph, kinds, small, measures, labels) -> list[dict[str, Any]]:
    rows = []
    for node in (n for n in graph if kinds[n] == "actor"):
        tied = ties(graph, node, small)
        docs = {n for n in tied if kinds[n] == "document"}
        served = {p for d in docs for p in graph.successors(d) if kinds[p] == "principle"}
        rows.append({
            "iri": node,
            "class": graph.nodes[node]["cls"],
            **{name: values[node] for name, values in measures.items()},
            "summits": _by_label(outermost_events(
                graph, {n for n in tied if kinds[n] == "event"}), labels),
            "documents": _by_label(docs, labels),
            "principles": _by_label({n for n in tied if kinds[n] == "principle"} | served, labels),
        })
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], labels[r["iri"]].casefold()))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows


def _document_rows(graph, kinds, labels) -> list[dict[str, Any]]:
    rows = []
    for doc in (n for n in graph if kinds[n] == "document"):
        endorsers = set()
        for actor, _doc, records in graph.in_edges(doc, data="records"):
            if kinds[actor] == "actor":
                endorsers.add(actor)
                endorsers |= {  # on whose behalf: the actors the same records name
                    end for _a, end, recs in graph.out_edges(actor, data="records")
                    if kinds[end] == "actor" and set(recs or ()) & set(records or ())
                }
        near = set(graph.successors(doc)) | set(graph.predecessors(doc))
        rows.append({
            "iri": doc,
            "endorsers": _by_label(endorsers, labels),
            "principles": _by_label({p for p in graph.successors(doc)
                                     if kinds[p] == "principle"}, labels),
            "events": _by_label({n for n in near if kinds[n] == "event"}, labels),
            "other_actors": _by_label(
                {n for n in near if kinds[n] == "actor"} - endorsers, labels),
        })
    return sorted(rows, key=lambda r: (-len(r["endorsers"]), labels[r["iri"]].casefold()))


def _principle_rows(graph, kinds, labels) -> list[dict[str, Any]]:
    rows = []
    for principle in (n for n in graph if kinds[n] == "principle"):
        before = set(graph.predecessors(principle))
        rows.append({
            "iri": principle,
            "documents": _by_label({n for n in before if kinds[n] == "document"}, labels),
            "statements": _by_label({n for n in before if kinds[n] == "other"}, labels),
            "events": _by_label({n for n in before if kinds[n] == "event"}, labels),
        })
    return sorted(rows, key=lambda r: (
        -len(r["documents"]) - len(r["statements"]), labels[r["iri"]].casefold()))


def _summary(graph, simple, kinds, method, groups) -> dict[str, Any]:
    components = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    classes = network_info(graph).classes
    lang = network_info(graph).lang
    by_class = Counter(
        classes.get(cls, {}).get("labels", {}).get(lang, cls) for _n, cls in graph.nodes(data="cls")
    )
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "neighbour_pairs": simple.number_of_edges(),
        "components": len(components),
        "largest_component": components[0] if components else 0,
        "kinds": dict(sorted(Counter(kinds.values()).items())),
        "classes": dict(sorted(by_class.items())),
        "betweenness": method,
        "communities": len(set(groups.values())),
        "community_algorithm": f"Louvain (networkx), seed {SEED}",
    }


def analyze_projection(
    graph: nx.MultiDiGraph, kinds: dict[str, Kind], /, *,
    exact_up_to: int = BETWEENNESS_EXACT_UP_TO, sample: int = BETWEENNESS_SAMPLE,
) -> NetworkAnalysis:
    """Analyse a projected *graph* whose node kinds are *kinds* (see :func:`analyze_network`).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("p", label="P", cls="c", records=[])
    >>> g.add_node("d", label="D", cls="c", records=[])
    >>> g.add_edge("p", "d", key="endorsed", records=[])
    'endorsed'
    >>> result = analyze_projection(g, {"p": "actor", "d": "document"})
    >>> result.actors[0]["documents"], result.documents[0]["endorsers"]
    (['d'], ['p'])
    """
    simple = simple_graph(graph)
    between, method = betweenness(simple, exact_up_to=exact_up_to, sample=sample)
    groups = communities(simple)
    measures = {
        "degree": dict(simple.degree()),
        "betweenness": between,
        "eigenvector": eigenvector(simple),
        "community": groups,
    }
    classes = network_info(graph).classes
    lang = network_info(graph).lang
    labels = {cls: info["labels"][lang] for cls, info in classes.items()}
    labels.update(graph.nodes(data="label"))
    small = {
        n for n, data in graph.nodes(data=True) if classes.get(data.get("cls", ""), {}).get("small")
    }
    return NetworkAnalysis(
        summary=_summary(graph, simple, kinds, method, groups),
        actors=_actor_rows(graph, kinds, small, measures, labels),
        documents=_document_rows(graph, kinds, labels),
        principles=_principle_rows(graph, kinds, labels),
        labels=labels,
    )


def analyze_network(
    dataset: Dataset, /, *, lang: str = "en",
    exact_up_to: int = BETWEENNESS_EXACT_UP_TO, sample: int = BETWEENNESS_SAMPLE,
) -> NetworkAnalysis:
    """Project *dataset* and analyse the network: actors, documents and principles.

    :param lang: the language of the labels (``en`` or ``ko``).
    :param exact_up_to: compute exact betweenness up to this many nodes, else sample.
    :param sample: the number of pivot nodes of sampled betweenness.

    >>> from aigraph import load
    >>> result = analyze_network(load().dataset)
    >>> result.summary["betweenness"]["sampled"]
    False
    >>> yoon = next(r for r in result.actors if r["iri"].endswith("/yoon-suk-yeol"))
    >>> [result.labels[iri] for iri in yoon["summits"]]
    ['AI Safety Summit', 'AI Seoul Summit']
    """
    from aigraph.network.projection import to_networkx

    graph = to_networkx(dataset, lang=lang)  # type: ignore[arg-type]
    kinds = node_kinds(graph, dataset.graph(ONTOLOGY_GRAPH))
    return analyze_projection(graph, kinds, exact_up_to=exact_up_to, sample=sample)
