"""Sort the projection's node classes into the kinds that network analysis speaks of.

The kinds are data: the ontology marks the root classes of each with
``aig:networkCategory`` (``ontology/aigraph.ttl``). There, an *actor* is a person or
an organisation (states and unions, international organisations, government bodies,
companies, foundations): a class under ``schema:Person`` or ``schema:Organization``.
An *event* is a class under ``schema:Event`` (summits, sessions), a *document* one
under ``aig:Document``, a *principle* one under ``aig:Principle``. Every other node
class (places, statements) is ``other``. The kinds follow the ontology's
``rdfs:subClassOf`` hierarchy, so a new subclass of organisation is an actor with no
code change.
"""

from __future__ import annotations

from typing import Literal as TypingLiteral

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from aigraph.errors import ProjectionError
from aigraph.rdf.namespaces import AIG

Kind = TypingLiteral["actor", "event", "document", "principle", "other"]

#: The kinds a class may be given, in the order they are checked.
KINDS: tuple[Kind, ...] = ("actor", "event", "document", "principle")


def kind_roots(ontology: Graph) -> tuple[tuple[Kind, tuple[URIRef, ...]], ...]:
    """Return, for each kind, the classes whose subclasses make it (``aig:networkCategory``).

    :raises ProjectionError: for a category the analysis does not know.

    >>> from aigraph.rdf.parse import load_dataset
    >>> from aigraph.project.files import project_paths
    >>> from aigraph.rdf.namespaces import ONTOLOGY_GRAPH
    >>> roots = dict(kind_roots(load_dataset(project_paths()).graph(ONTOLOGY_GRAPH)))
    >>> [str(c) for c in roots["event"]]
    ['https://schema.org/Event']
    """
    roots: dict[str, list[URIRef]] = {kind: [] for kind in KINDS}
    for cls, value in ontology.subject_objects(AIG.networkCategory):
        if str(value) not in roots:
            raise ProjectionError(
                f"{cls} has the network category {str(value)!r}; known: {', '.join(KINDS)}"
            )
        if isinstance(cls, URIRef):
            roots[str(value)].append(cls)
    return tuple((kind, tuple(sorted(roots[kind]))) for kind in KINDS)


def class_kinds(ontology: Graph, classes: list[str] | None = None) -> dict[str, Kind]:
    """Return the kind of each node class of *ontology* (or of *classes*), by class IRI.

    >>> from aigraph.rdf.parse import load_dataset
    >>> from aigraph.project.files import project_paths
    >>> from aigraph.rdf.namespaces import ONTOLOGY_GRAPH
    >>> kinds = class_kinds(load_dataset(project_paths()).graph(ONTOLOGY_GRAPH))
    >>> kinds[str(AIG.Polity)], kinds[str(AIG.Session)], kinds[str(AIG.Statement)]
    ('actor', 'event', 'other')
    """
    if classes is None:
        classes = sorted(str(s) for s in ontology.subjects(AIG.graphNode, None))
    roots = kind_roots(ontology)
    kinds: dict[str, Kind] = {}
    for cls in classes:
        ancestors = set(ontology.transitive_objects(URIRef(cls), RDFS.subClassOf))
        kinds[cls] = next(
            (kind for kind, tops in roots if ancestors & set(tops)), "other"
        )
    return kinds


def node_kinds(graph: nx.MultiDiGraph, ontology: Graph) -> dict[str, Kind]:
    """Return the kind of every node of a projected *graph*, by node id.

    >>> from aigraph import load
    >>> from aigraph.rdf.namespaces import ONTOLOGY_GRAPH
    >>> from aigraph.network.projection import to_networkx
    >>> ds = load().dataset
    >>> node_kinds(to_networkx(ds), ds.graph(ONTOLOGY_GRAPH))[
    ...     "https://w3id.org/aigraph/person/kamala-harris"]
    'actor'
    """
    by_class = class_kinds(ontology, sorted({data["cls"] for _n, data in graph.nodes(data=True)}))
    return {node: by_class[data["cls"]] for node, data in graph.nodes(data=True)}
