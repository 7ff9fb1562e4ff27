"""Read the projection rules from the ontology's annotations (see ``ontology/aigraph.ttl``).

``aig:graphNode`` marks node classes (with ``aig:graphColour``,
``aig:graphShape`` and ``aig:graphSmall`` for drawing them), ``aig:graphEdge``
marks properties drawn as edges, and each ``aig:EdgeRule`` says how the
instances of an n-ary class are drawn as edges.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from aigraph.labels import LANGUAGES, bilingual, label_texts
from aigraph.rdf.namespaces import AIG, local_name

#: Shapes that vis-network draws with the label below the node (so size follows degree).
SHAPES = ("dot", "square", "diamond", "star", "triangle", "triangleDown", "hexagon")
DEFAULT_COLOUR = "#999999"


@dataclass(frozen=True)
class NodeClass:
    """A class whose instances are drawn as nodes, and how they look."""

    iri: str
    labels: dict[str, str]
    colour: str
    shape: str
    small: bool


@dataclass(frozen=True)
class EdgeRule:
    """How each instance of an n-ary class is drawn as edges between nodes."""

    iri: str
    labels: dict[str, str]
    classes: tuple[URIRef, ...]
    sources: tuple[URIRef, ...]
    targets: tuple[URIRef, ...]
    label_from: URIRef | None


@dataclass(frozen=True)
class ProjectionRules:
    """Every projection rule of an ontology."""

    node_classes: dict[URIRef, NodeClass]
    edge_properties: tuple[URIRef, ...]
    edge_rules: tuple[EdgeRule, ...]
    #: How a detail of an edge reads in a sentence, by property: ``{"en": "for {}", ...}``.
    hop_phrases: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Edge colours by the value that labels an edge (a fulfilment status): each concept with
    #: an ``aig:graphColour`` that is not a node class, and every concept narrower than it,
    #: maps to ``{"group": concept, "colour": "#rrggbb", "labels": {...}, "order": n}``.
    edge_groups: dict[str, dict] = field(default_factory=dict)


def _true(ontology: Graph, subject: URIRef, prop: URIRef) -> bool:
    value = ontology.value(subject, prop)
    return isinstance(value, Literal) and value.toPython() is True


def _labels(ontology: Graph, iri: URIRef) -> dict[str, str]:
    return bilingual(label_texts(ontology, iri), fallback=local_name(str(iri)))


def _node_class(ontology: Graph, iri: URIRef) -> NodeClass:
    colour = str(ontology.value(iri, AIG.graphColour) or DEFAULT_COLOUR)
    shape = str(ontology.value(iri, AIG.graphShape) or "dot")
    return NodeClass(
        iri=str(iri),
        labels=_labels(ontology, iri),
        colour=colour if colour.startswith("#") and len(colour) == 7 else DEFAULT_COLOUR,
        shape=shape if shape in SHAPES else "dot",
        small=_true(ontology, iri, AIG.graphSmall),
    )


def _sorted_iris(ontology: Graph, subject: URIRef, prop: URIRef) -> tuple[URIRef, ...]:
    return tuple(sorted(o for o in ontology.objects(subject, prop) if isinstance(o, URIRef)))


def read_rules(ontology: Graph) -> ProjectionRules:
    """Return the projection rules that *ontology* states, in IRI order.

    >>> from aigraph.rdf.parse import load_dataset
    >>> from aigraph.project.files import project_paths
    >>> from aigraph.rdf.namespaces import ONTOLOGY_GRAPH
    >>> rules = read_rules(load_dataset(project_paths()).graph(ONTOLOGY_GRAPH))
    >>> rules.node_classes[AIG.Company].labels
    {'en': 'company', 'ko': '기업'}
    >>> [local_name(r.iri) for r in rules.edge_rules][:2]
    ['assessmentEdge', 'commitmentEdge']
    >>> rules.hop_phrases[str(AIG.onBehalfOf)]
    {'en': 'for {}', 'ko': '{} 대표로'}
    """
    node_classes = {
        iri: _node_class(ontology, iri)
        for iri in sorted(
            s for s in ontology.subjects(AIG.graphNode, None) if isinstance(s, URIRef)
        )
        if _true(ontology, iri, AIG.graphNode)
    }
    edge_properties = tuple(
        sorted(
            s
            for s in ontology.subjects(AIG.graphEdge, None)
            if isinstance(s, URIRef) and _true(ontology, s, AIG.graphEdge)
        )
    )
    edge_rules = tuple(
        EdgeRule(
            iri=str(rule),
            labels=_labels(ontology, rule),
            classes=_sorted_iris(ontology, rule, AIG.ruleFor),
            sources=_sorted_iris(ontology, rule, AIG.edgeSource),
            targets=_sorted_iris(ontology, rule, AIG.edgeTarget),
            label_from=ontology.value(rule, AIG.edgeLabelFrom),  # type: ignore[arg-type]
        )
        for rule in sorted(
            s for s in ontology.subjects(RDF.type, AIG.EdgeRule) if isinstance(s, URIRef)
        )
    )
    hop_phrases = {}
    for prop in sorted(s for s in ontology.subjects(AIG.hopPhrase, None) if isinstance(s, URIRef)):
        said = {o.language: str(o) for o in ontology.objects(prop, AIG.hopPhrase)
                if isinstance(o, Literal) and o.language in LANGUAGES and "{}" in str(o)}
        if said:
            hop_phrases[str(prop)] = {
                "en": said.get("en") or said["ko"],
                "ko": said.get("ko") or said["en"],
            }
    return ProjectionRules(
        node_classes, edge_properties, edge_rules, hop_phrases, edge_groups(ontology)
    )


def edge_groups(ontology: Graph, /) -> dict[str, dict]:
    """Return the colour group of each edge-labelling concept that the ontology colours.

    The fulfilment statuses are drawn in four colours: a status takes the colour of the
    top concept it falls under (on time and published are kept; not published and partial
    are not kept).

    >>> from aigraph.rdf.parse import load_dataset
    >>> from aigraph.project.files import project_paths
    >>> from aigraph.rdf.namespaces import ONTOLOGY_GRAPH
    >>> groups = edge_groups(load_dataset(project_paths()).graph(ONTOLOGY_GRAPH))
    >>> groups["https://w3id.org/aigraph/status/on-time"]["labels"]
    {'en': 'kept', 'ko': '이행'}
    """
    found: dict[str, dict] = {}
    heads = sorted(
        s for s in ontology.subjects(AIG.graphColour, None)
        if isinstance(s, URIRef) and (s, AIG.graphNode, None) not in ontology
    )
    for order, head in enumerate(heads):
        colour = str(ontology.value(head, AIG.graphColour))
        if not (colour.startswith("#") and len(colour) == 7):
            continue
        group = {
            "group": str(head),
            "colour": colour,
            "labels": _labels(ontology, head),
            "order": order,
        }
        for member in ontology.transitive_subjects(SKOS.broader, head):
            found[str(member)] = group
    return found
