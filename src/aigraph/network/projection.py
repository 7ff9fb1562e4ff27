"""Project the RDF dataset onto a networkx MultiDiGraph: the network that is drawn and measured.

What becomes a node and what becomes an edge is data, not code: the projection
annotations of ``ontology/aigraph.ttl``. Instances of a class marked
``aig:graphNode`` (or of its subclasses) that a source names are nodes; triples
of a property marked ``aig:graphEdge`` between two nodes are edges; each
instance of an n-ary class is drawn as edges by its ``aig:EdgeRule``s.
Everything else a source says (roles, modes, posts, descriptions, paragraphs)
stays attached to its node or edge as details, so no vocabulary value ever
becomes a hub.

The graph is built in sorted order with IRIs as node ids, so it is the same
from run to run. Its attributes are plain JSON values:

* node: ``label`` (in the asked language), ``labels`` (``{"en", "ko"}``),
  ``cls`` (its node class), ``alt`` (other names), ``wikidata`` (a QID or
  ``None``), ``description``, ``facts``, ``evidence`` and ``records`` (the
  n-ary nodes that name it);
* edge (key: the relation): ``rule`` (the property or edge rule), ``relation``,
  ``labels``, ``label``, ``records`` (for an edge drawn from n-ary nodes) and
  ``evidence``;
* graph: ``classes`` (the node classes, with colour and shape), ``records``,
  ``sources``, ``terms`` (labels of every other IRI the details name),
  ``rules`` (the labels of each relation kind, the ``rule`` of the edges) and
  ``lang``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import networkx as nx
from rdflib import Dataset, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from aigraph.errors import ProjectionError
from aigraph.labels import Language
from aigraph.network.evidence import (
    NOT_FACTS,
    Details,
    SourceReader,
    is_evidence,
    mentions,
    wikidata_qid,
)
from aigraph.network.info import NetworkInfo, network_info, set_network_info
from aigraph.network.rules import ProjectionRules, read_rules
from aigraph.rdf.namespaces import local_name


def _node_class(reader: SourceReader, rules: ProjectionRules, iri: URIRef) -> URIRef | None:
    """Return the node class of *iri*: the nearest annotated class among its types'."""
    best: tuple[int, str] | None = None
    for cls in reader.types(iri):
        for depth, ancestor in enumerate(reader.superclasses(cls)):
            if ancestor in rules.node_classes and (best is None or (depth, str(ancestor)) < best):
                best = (depth, str(ancestor))
    return URIRef(best[1]) if best else None


def _find_nodes(reader: SourceReader, rules: ProjectionRules) -> dict[URIRef, URIRef]:
    """Return every node, with its class: entities of a node class that a source names."""
    named = {t for triple in reader.said for t in (triple[0], triple[2]) if isinstance(t, URIRef)}
    nodes = {}
    for iri in sorted(named):
        cls = _node_class(reader, rules, iri)
        if cls is not None:
            nodes[iri] = cls
    return nodes


def _direct_edges(
    reader: SourceReader, rules: ProjectionRules, nodes: dict, details: Details
) -> dict:
    """Return the edges drawn from ``aig:graphEdge`` triples between two nodes.

    The evidence of such an edge is each source that states it, with the
    paragraphs of that source that name both ends.
    """
    edges = {}
    for prop in rules.edge_properties:
        for graph in (reader.said, reader.ontology):
            for s, o in graph.subject_objects(prop):
                if s not in nodes or o not in nodes or (str(s), str(o), str(prop)) in edges:
                    continue
                assert isinstance(s, URIRef) and isinstance(o, URIRef)  # as the nodes are
                both = mentions(reader, s), mentions(reader, o)
                evidence = []
                for source in sorted(reader.origin.get((s, prop, o), ())):
                    details.source(source)
                    shared = sorted(both[0].get(source, set()) & both[1].get(source, set()))
                    evidence += [{"source": source, "paragraph": n} for n in shared] or [
                        {"source": source}
                    ]
                edges[(str(s), str(o), str(prop))] = {
                    "rule": str(prop),
                    "labels": reader.labels(prop),
                    "evidence": evidence,
                    "records": [],
                }
    return edges


def _instances(reader: SourceReader, classes: Iterable[URIRef]) -> list[URIRef]:
    subclasses = {
        sub for cls in classes for sub in reader.ontology.transitive_subjects(RDFS.subClassOf, cls)
    }
    return sorted(
        {
            s
            for cls in subclasses
            for s in reader.said.subjects(RDF.type, cls)
            if isinstance(s, URIRef)
        }
    )


def _rule_edges(
    reader: SourceReader, rules: ProjectionRules, nodes: dict, details: Details
) -> dict:
    """Return the edges that the edge rules draw from the n-ary nodes.

    An edge's key is the value that labels it (such as the role ``chair``) or
    else its rule, so instances with the same ends and label share one edge.
    """
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for rule in rules.edge_rules:
        for instance in _instances(reader, rule.classes):
            ends = [
                sorted(o for p in props for o in reader.said.objects(instance, p) if o in nodes)
                for props in (rule.sources, rule.targets)
            ]
            value = reader.said.value(instance, rule.label_from) if rule.label_from else None
            key, labels = (
                (str(value), reader.labels(value)) if value is not None else (rule.iri, rule.labels)
            )
            for start in ends[0]:
                for end in ends[1]:
                    edge = edges.setdefault(
                        (str(start), str(end), key),
                        {"rule": rule.iri, "labels": labels, "evidence": [], "records": []},
                    )
                    edge["records"].append(details.record(instance))
    return edges


def _node_records(reader: SourceReader, nodes: dict, details: Details) -> dict[URIRef, list[str]]:
    """Return, for each node, the records that name it (n-ary nodes, posts, claims...)."""
    found: dict[URIRef, set[str]] = defaultdict(set)
    for s, p, o in reader.said:
        if o in nodes and s not in nodes and p not in NOT_FACTS and isinstance(s, URIRef):
            if not is_evidence(reader, s):
                found[o].add(details.record(s))
    return {node: sorted(records) for node, records in found.items()}


def _node_attributes(
    reader: SourceReader, details: Details, iri: URIRef, cls: URIRef, lang: Language
) -> dict:
    labels = reader.labels(iri)
    alt = sorted(
        {str(o) for o in reader.dataset.objects(iri, SKOS.altLabel)} - set(labels.values())
    )
    return {
        "label": labels[lang],
        "labels": labels,
        "cls": str(cls),
        "alt": alt,
        "wikidata": wikidata_qid(reader, iri),
        "description": reader.texts(iri, DCTERMS.description),
        "facts": details.facts(iri),
        "evidence": details.evidence(iri),
    }


def _build(dataset: Dataset, lang: Language, classes: Iterable[str] | None) -> nx.MultiDiGraph:
    reader = SourceReader(dataset)
    rules = read_rules(reader.ontology)
    nodes = _find_nodes(reader, rules)
    if classes is not None:
        keep = resolve_classes(rules, classes)
        nodes = {iri: cls for iri, cls in nodes.items() if cls in keep}
    details = Details(reader)
    edges = {
        **_rule_edges(reader, rules, nodes, details),
        **_direct_edges(reader, rules, nodes, details),
    }
    records = _node_records(reader, nodes, details)
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    # Sorted insertion: networkx keeps insertion order, and so every output does.
    for iri in sorted(nodes, key=str):
        graph.add_node(
            str(iri),
            **_node_attributes(reader, details, iri, nodes[iri], lang),
            records=records.get(iri, []),
        )
    for (start, end, key), attrs in sorted(edges.items()):
        graph.add_edge(start, end, key=key, relation=key, label=attrs["labels"][lang], **attrs)
    used = {graph.nodes[n]["cls"] for n in graph}
    set_network_info(graph, NetworkInfo(
        lang=lang,
        classes={str(c): vars(nc) for c, nc in rules.node_classes.items() if str(c) in used},
        records=details.records,
        sources=details.sources,
        terms=details.terms,
        edge_groups={k: v for k, v in rules.edge_groups.items() if k in {key for *_, key in edges}},
        rules=_rule_labels(reader, rules, {attrs["rule"] for attrs in edges.values()}),
    ))
    return graph


def _rule_labels(reader: SourceReader, rules: ProjectionRules, used: set[str]) -> dict:
    """Return the labels of the relation kinds that draw edges: edge rules and properties."""
    found = {rule.iri: rule.labels for rule in rules.edge_rules if rule.iri in used}
    for prop in rules.edge_properties:
        if str(prop) in used:
            found[str(prop)] = reader.labels(prop)
    return dict(sorted(found.items()))


def resolve_classes(rules: ProjectionRules, names: Iterable[str]) -> set[URIRef]:
    """Return the node classes that *names* give, by IRI, local name or label (any case).

    :raises ProjectionError: naming the known classes when a name matches none.

    >>> from aigraph.rdf.parse import load_dataset
    >>> from aigraph.project.files import project_paths
    >>> from aigraph.rdf.namespaces import ONTOLOGY_GRAPH
    >>> rules = read_rules(load_dataset(project_paths()).graph(ONTOLOGY_GRAPH))
    >>> sorted(local_name(c) for c in resolve_classes(rules, ["Person", "기업"]))
    ['Company', 'Person']
    """
    keep = set()
    for name in names:
        wanted = name.strip().casefold()
        found = [
            iri
            for iri, cls in rules.node_classes.items()
            if wanted
            in {
                str(iri).casefold(),
                local_name(str(iri)).casefold(),
                *(label.casefold() for label in cls.labels.values()),
            }
        ]
        if not found:
            known = ", ".join(sorted(local_name(str(c)) for c in rules.node_classes))
            raise ProjectionError(f"unknown class {name!r} (known: {known})")
        keep.update(found)
    return keep


def resolve_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """Return the node that *name* gives: its IRI, local name (or last part) or label.

    :raises ProjectionError: when no node, or more than one, matches.

    >>> from aigraph import load
    >>> graph = to_networkx(load().dataset)
    >>> resolve_entity(graph, "앤서니 앨버니지")
    'https://w3id.org/aigraph/person/anthony-albanese'
    >>> resolve_entity(graph, "anthony-albanese") == resolve_entity(graph, "Anthony Albanese")
    True
    """
    wanted = name.strip().casefold()
    if name in graph:
        return name
    found = sorted(
        node
        for node, data in graph.nodes(data=True)
        if wanted
        in {
            local_name(node).casefold(),
            local_name(node).rsplit("/", 1)[-1].casefold(),
            *(text.casefold() for text in (*data["labels"].values(), *data["alt"])),
        }
    )
    if len(found) != 1:
        problem = (
            "matches no drawn entity" if not found else "is ambiguous: " + ", ".join(found[:5])
        )
        raise ProjectionError(f"{name!r} {problem}")
    return found[0]


def neighbourhood(graph: nx.MultiDiGraph, focus: str, depth: int) -> nx.MultiDiGraph:
    """Return the part of *graph* within *depth* edges of *focus*, either way round.

    Records that no kept node or edge names are dropped.

    >>> from aigraph import load
    >>> graph = to_networkx(load().dataset)
    >>> part = neighbourhood(graph, "https://w3id.org/aigraph/person/anthony-albanese", 1)
    >>> sorted(n.rsplit("/", 1)[-1] for n in part)
    ['anthony-albanese', 'australia', 'leaders-session', 'seoul-declaration']
    """
    keep = set(
        nx.single_source_shortest_path_length(
            graph.to_undirected(as_view=True), focus, cutoff=depth
        )
    )
    part: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    part.add_nodes_from((n, graph.nodes[n]) for n in graph if n in keep)
    for u, v, k, data in graph.edges(keys=True, data=True):
        if u in keep and v in keep:
            part.add_edge(u, v, key=k, **data)
    named = {r for n in part for r in part.nodes[n]["records"]}
    named |= {r for _u, _v, data in part.edges(data=True) for r in data["records"]}
    info = network_info(graph)
    drawn = {part.nodes[n]["cls"] for n in part}
    set_network_info(part, replace(
        info,
        records={r: v for r, v in info.records.items() if r in named},
        classes={c: v for c, v in info.classes.items() if c in drawn},
    ))
    return part


def to_networkx(
    dataset: Dataset,
    /,
    *,
    lang: Language = "en",
    focus: str | None = None,
    depth: int | None = None,
    classes: Iterable[str] | None = None,
) -> nx.MultiDiGraph:
    """Project *dataset* onto a MultiDiGraph, by the ontology's projection annotations.

    :param lang: the language of the ``label`` attributes (both are kept in ``labels``).
    :param focus: keep only the neighbourhood of this entity (IRI, local name or label).
    :param depth: how many edges away from *focus* to keep (default 1).
    :param classes: keep only the nodes of these classes (IRI, local name or label).
    :raises ProjectionError: for an unknown class, an unknown or ambiguous focus, or
        a depth without a focus.

    >>> from aigraph import load
    >>> g = to_networkx(load().dataset, focus="kamala-harris", depth=1)
    >>> g.nodes["https://w3id.org/aigraph/person/kamala-harris"]["labels"]["ko"]
    '카멀라 해리스'
    """
    if depth is not None and (focus is None or depth < 0):
        raise ProjectionError("a depth needs a focus entity and must be 0 or more")
    graph = _build(dataset, lang, classes)
    if focus is None:
        return graph
    return neighbourhood(graph, resolve_entity(graph, focus), 1 if depth is None else depth)
