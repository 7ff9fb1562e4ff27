"""Describe the dataset in VoID: licence, creator, date, size, classes, subsets and dumps.

The curated part (title, description, licence, creator) is the file
``ontology/void/dataset.ttl``; the figures are counted here. Counts are said as
what they are: ``void:triples`` of the dataset is the number of distinct
triples in the union of its graphs, and each subset (one per named graph:
the ontology, the derived edges, every source) counts the triples of its
graph, so the subsets add up to the number of quads.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, VOID, XSD

from aigraph.project.files import ProjectPaths
from aigraph.rdf.namespaces import (
    BASE,
    DATASET_IRI,
    DERIVED_GRAPH,
    ONTOLOGY_GRAPH,
    PREFIXES,
    SD,
    local_name,
)
from aigraph.rdf.parse import source_graphs
from aigraph.rdf.store import is_sealed, raw_store, select

#: Where the dumps are published, under the base (``dist/`` of a build).
DUMPS_BASE = BASE + "dist/"
#: The subsets of the two graphs that are not sources.
ONTOLOGY_SUBSET = URIRef(f"{DATASET_IRI}/ontology")
DERIVED_SUBSET = URIRef(f"{DATASET_IRI}/derived")


def describe_dataset(
    dataset: Dataset,
    /,
    *,
    dumps: list[str] | None = None,
    paths: ProjectPaths,
    endpoint: str | None = None,
    modified: str | None = None,
) -> Graph:
    """Return a VoID description of *dataset*: one subset per named graph, IRIs only.

    :param dumps: file names of the dataset's dumps, published under :data:`DUMPS_BASE`.
    :param paths: the project whose ``ontology/void/dataset.ttl`` and ``data/`` file names
        (the sources' keys) are read.
    :param endpoint: the SPARQL endpoint serving the dataset (``void:sparqlEndpoint``).
    :param modified: the date of ``dcterms:modified`` (default: :func:`modified_date`).

    >>> from aigraph import load
    >>> project = load()
    >>> void = describe_dataset(project.dataset, paths=project.paths)
    >>> int(void.value(DATASET_IRI, VOID.triples)) > 0
    True
    >>> str(void.value(DATASET_IRI, DCTERMS.license))
    'https://creativecommons.org/licenses/by/4.0/'
    """
    void = Graph()
    for prefix in ("void", "dcterms", "rdfs", "xsd", "sd"):
        void.bind(prefix, PREFIXES[prefix])
    curated = paths.ontology / "void" / "dataset.ttl"
    if curated.is_file():
        void.parse(curated, format="turtle")
    _describe(void, DATASET_IRI, _statistics(dataset, None))
    void.add((DATASET_IRI, RDF.type, VOID.Dataset))
    void.add((DATASET_IRI, VOID.uriSpace, Literal(BASE)))
    date = modified if modified is not None else modified_date(paths.root)
    if date:
        void.add((DATASET_IRI, DCTERMS.modified, Literal(date, datatype=XSD.date)))
    if endpoint:
        void.add((DATASET_IRI, VOID.sparqlEndpoint, URIRef(endpoint)))
    for namespace in sorted(
        {PREFIXES[p] for p in ("aig", "schema", "org", "prov", "skos", "dcterms")}
    ):
        void.add((DATASET_IRI, VOID.vocabulary, URIRef(namespace)))
    for name in dumps or []:
        void.add((DATASET_IRI, VOID.dataDump, URIRef(DUMPS_BASE + name)))
    keys = source_keys(paths)
    subsets = [(ONTOLOGY_SUBSET, ONTOLOGY_GRAPH), (DERIVED_SUBSET, DERIVED_GRAPH)]
    subsets += [
        (URIRef(f"{DATASET_IRI}/source/{_key(dataset, g, keys)}"), g)
        for g in source_graphs(dataset)
    ]
    for subset, graph_name in subsets:
        statistics = _statistics(dataset, graph_name)
        if not statistics.triples:
            continue
        void.add((DATASET_IRI, VOID.subset, subset))
        void.add((subset, RDF.type, VOID.Dataset))
        void.add((subset, SD.name, graph_name))
        if graph_name not in (ONTOLOGY_GRAPH, DERIVED_GRAPH):
            void.add((subset, DCTERMS.source, graph_name))
        _describe(void, subset, statistics)
    return void


def source_keys(paths: ProjectPaths, /) -> dict[URIRef, str]:
    """Return each source graph's key: the name of the ``data/`` file that holds it.

    >>> from aigraph.project.files import project_paths
    >>> keys = source_keys(project_paths())
    >>> keys[URIRef("https://w3id.org/aigraph/source/kwangju-ilbo-2024-05-22-ai-seoul-summit")]
    'kwangju-2024-05-22-ai-seoul-summit'
    """
    import pyoxigraph as ox

    keys: dict[URIRef, str] = {}
    for path in paths.data_files():
        try:
            names = {q.graph_name.value for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG)
                     if isinstance(q.graph_name, ox.NamedNode)}
        except (SyntaxError, OSError):
            continue  # the load reports a malformed file with its position
        for name in names:
            keys.setdefault(URIRef(name), path.stem)
    return keys


def _key(dataset: Dataset, graph_name: URIRef, keys: dict[URIRef, str]) -> str:
    """Return the subset's readable name: file key, else the source's notation, else IRI tail."""
    if graph_name in keys:
        return keys[graph_name]
    notation = dataset.graph(graph_name).value(graph_name, SKOS.notation)
    text = str(notation) if notation is not None else local_name(str(graph_name))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "source"


def modified_date(root: Path, /) -> str | None:
    """Return the date the curated files last changed: ``SOURCE_DATE_EPOCH``, else the last commit.

    Never the clock: two builds of one commit give the same VoID.

    >>> os.environ["SOURCE_DATE_EPOCH"] = "1716336000"
    >>> modified_date(Path("."))
    '2024-05-22'
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%cs", "--", "ontology", "data"],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out if re.fullmatch(r"\d{4}-\d{2}-\d{2}", out) else None


@dataclass(frozen=True)
class _Statistics:
    """What VoID says of a graph: its size, and how many entities of each class it holds."""

    triples: int
    subjects: int
    properties: int
    classes: dict[URIRef, int]


#: The statistics of one graph (``GRAPH <g>``) or of the merge of all (no GRAPH), in SPARQL.
_SIZE = (
    "SELECT (COUNT(*) AS ?t) (COUNT(DISTINCT ?s) AS ?s_) (COUNT(DISTINCT ?p) AS ?p_) WHERE {{ {} }}"
)
_CLASSES = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {} FILTER(isIRI(?c)) }} GROUP BY ?c"


def _statistics(dataset: Dataset, graph_name: URIRef | None) -> _Statistics:
    """Count *graph_name*'s triples (``None``: the merge of all graphs), in Oxigraph when sealed."""
    if not is_sealed(dataset):
        return _counted(dataset.graph(graph_name) if graph_name is not None else _union(dataset))
    store = raw_store(dataset)
    def scoped(pattern: str) -> str:
        return f"GRAPH <{graph_name}> {{ {pattern} }}" if graph_name is not None else pattern

    [size] = select(store, _SIZE.format(scoped("?s ?p ?o")))
    classes = {URIRef(row["c"].value): int(row["n"].value)
               for row in select(store, _CLASSES.format(scoped(f"?s {RDF.type.n3()} ?c")))}
    return _Statistics(int(size["t"].value), int(size["s_"].value), int(size["p_"].value), classes)


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _counted(graph: Graph) -> _Statistics:
    classes = Counter(o for o in graph.objects(None, RDF.type) if isinstance(o, URIRef))
    return _Statistics(
        len(graph), len(set(graph.subjects())), len(set(graph.predicates())), dict(classes)
    )


def _describe(void: Graph, node: URIRef, statistics: _Statistics) -> None:
    """Add *statistics* to *void* about *node*; partitions get IRIs, not blank nodes."""
    void.add((node, VOID.triples, Literal(statistics.triples, datatype=XSD.integer)))
    void.add((node, VOID.distinctSubjects, Literal(statistics.subjects, datatype=XSD.integer)))
    void.add((node, VOID.classes, Literal(len(statistics.classes), datatype=XSD.integer)))
    void.add((node, VOID.properties, Literal(statistics.properties, datatype=XSD.integer)))
    for cls, count in statistics.classes.items():
        partition = URIRef(f"{node}/class/{_slug(cls)}")
        void.add((node, VOID.classPartition, partition))
        void.add((partition, VOID["class"], cls))
        void.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))


def _slug(iri: URIRef) -> str:
    for prefix, namespace in PREFIXES.items():
        if str(iri).startswith(namespace):
            return f"{prefix}-{str(iri)[len(namespace):]}"
    return local_name(str(iri))
