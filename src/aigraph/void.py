"""Describe the dataset in VoID: its size, classes, properties, sources and dumps."""

from __future__ import annotations

from collections import Counter

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID, XSD

from aigraph.load import source_graphs
from aigraph.namespaces import BASE, DATASET_IRI, PREFIXES, local_name


def describe_dataset(dataset: Dataset, /, *, dumps: list[str] | None = None) -> Graph:
    """Return a VoID description of *dataset*: one subset per source graph, IRIs only.

    :param dumps: file names of the dataset's dumps, relative to the description.

    >>> from aigraph.build import assemble
    >>> from rdflib.namespace import VOID
    >>> void = describe_dataset(assemble())
    >>> int(void.value(DATASET_IRI, VOID.triples)) > 0
    True
    """
    void = Graph()
    for prefix in ("void", "dcterms", "rdfs", "xsd"):
        void.bind(prefix, PREFIXES[prefix])
    union = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    _describe(void, DATASET_IRI, union)
    void.add((DATASET_IRI, RDF.type, VOID.Dataset))
    void.add((DATASET_IRI, DCTERMS.title, Literal("aigraph: the AI summits knowledge graph", lang="en")))
    void.add((DATASET_IRI, DCTERMS.title, Literal("aigraph: AI 정상회의 지식 그래프", lang="ko")))
    void.add((DATASET_IRI, VOID.uriSpace, Literal(BASE)))
    for namespace in sorted({PREFIXES[p] for p in ("aig", "schema", "org", "prov", "skos", "dcterms")}):
        void.add((DATASET_IRI, VOID.vocabulary, URIRef(namespace)))
    # Relative IRIs on purpose: they resolve against void.ttl's own address, next to the dumps.
    for name in dumps or []:
        void.add((DATASET_IRI, VOID.dataDump, URIRef(name)))
    for graph_name in source_graphs(dataset):
        subset = URIRef(f"{DATASET_IRI}/source/{local_name(str(graph_name)).split('/')[-1]}")
        void.add((DATASET_IRI, VOID.subset, subset))
        void.add((subset, RDF.type, VOID.Dataset))
        void.add((subset, DCTERMS.source, graph_name))
        _describe(void, subset, dataset.graph(graph_name))
    return void


def _describe(void: Graph, node: URIRef, graph: Graph) -> None:
    """Add the statistics of *graph* to *void* about *node*; partitions get IRIs, not blank nodes."""
    classes = Counter(o for o in graph.objects(None, RDF.type) if isinstance(o, URIRef))
    properties = Counter(graph.predicates())
    void.add((node, VOID.triples, Literal(len(graph), datatype=XSD.integer)))
    void.add((node, VOID.distinctSubjects, Literal(len(set(graph.subjects())), datatype=XSD.integer)))
    void.add((node, VOID.classes, Literal(len(classes), datatype=XSD.integer)))
    void.add((node, VOID.properties, Literal(len(properties), datatype=XSD.integer)))
    for cls, count in classes.items():
        partition = URIRef(f"{node}/class/{_slug(cls)}")
        void.add((node, VOID.classPartition, partition))
        void.add((partition, VOID["class"], cls))
        void.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))


def _slug(iri: URIRef) -> str:
    for prefix, namespace in PREFIXES.items():
        if str(iri).startswith(namespace):
            return f"{prefix}-{str(iri)[len(namespace):]}"
    return local_name(str(iri))
