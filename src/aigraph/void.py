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
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, VOID, XSD

from aigraph.parse import source_graphs
from aigraph.namespaces import BASE, DATASET_IRI, DERIVED_GRAPH, ONTOLOGY_GRAPH, PREFIXES, SD, local_name
from aigraph.paths import ProjectPaths

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
    union = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    _describe(void, DATASET_IRI, union)
    void.add((DATASET_IRI, RDF.type, VOID.Dataset))
    void.add((DATASET_IRI, VOID.uriSpace, Literal(BASE)))
    date = modified if modified is not None else modified_date(paths.root)
    if date:
        void.add((DATASET_IRI, DCTERMS.modified, Literal(date, datatype=XSD.date)))
    if endpoint:
        void.add((DATASET_IRI, VOID.sparqlEndpoint, URIRef(endpoint)))
    for namespace in sorted({PREFIXES[p] for p in ("aig", "schema", "org", "prov", "skos", "dcterms")}):
        void.add((DATASET_IRI, VOID.vocabulary, URIRef(namespace)))
    for name in dumps or []:
        void.add((DATASET_IRI, VOID.dataDump, URIRef(DUMPS_BASE + name)))
    keys = source_keys(paths)
    subsets = [(ONTOLOGY_SUBSET, ONTOLOGY_GRAPH), (DERIVED_SUBSET, DERIVED_GRAPH)]
    subsets += [(URIRef(f"{DATASET_IRI}/source/{_key(dataset, g, keys)}"), g) for g in source_graphs(dataset)]
    for subset, graph_name in subsets:
        graph = dataset.graph(graph_name)
        if not len(graph):
            continue
        void.add((DATASET_IRI, VOID.subset, subset))
        void.add((subset, RDF.type, VOID.Dataset))
        void.add((subset, SD.name, graph_name))
        if graph_name not in (ONTOLOGY_GRAPH, DERIVED_GRAPH):
            void.add((subset, DCTERMS.source, graph_name))
        _describe(void, subset, graph)
    return void


def source_keys(paths: ProjectPaths, /) -> dict[URIRef, str]:
    """Return each source graph's key: the name of the ``data/`` file that holds it.

    >>> from aigraph.paths import project_paths
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
    """The subset's readable name: the file key, else the source's notation, else its IRI's tail."""
    if graph_name in keys:
        return keys[graph_name]
    notation = dataset.graph(graph_name).value(graph_name, SKOS.notation)
    text = str(notation) if notation is not None else local_name(str(graph_name))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "source"


def modified_date(root: Path, /) -> str | None:
    """Return the date the curated files last changed: ``SOURCE_DATE_EPOCH``, else git's last commit.

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
