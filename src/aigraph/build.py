"""The pipeline: load → derive → validate → write every export into one directory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS

from aigraph.atomic import replace_directory
from aigraph.errors import ExportError, ValidationError
from aigraph.export.serialize import (
    FORMATS,
    RdfFormat,
    serialize_dataset,
    serialize_graph,
    write_atomic,
)
from aigraph.project.files import ProjectPaths
from aigraph.rdf.derive import derive_edges
from aigraph.rdf.namespaces import AIG, DERIVED_GRAPH, ONTOLOGY_GRAPH
from aigraph.rdf.parse import load_dataset
from aigraph.rdf.store import DEFAULT_STORE, StoreName, is_sealed, raw_store, seal, select
from aigraph.rdf.validate import ValidationReport

if TYPE_CHECKING:
    from aigraph.project.graph import Project

#: Output file name (in the build directory) for each format.
OUTPUTS: dict[RdfFormat, str] = {
    cast(RdfFormat, fmt): "aigraph" + ext for fmt, (ext, _media) in FORMATS.items()
}
VOID_FILE = "void.ttl"
#: The JSON-LD term context of aigraph.jsonld, as a file of its own.
CONTEXT_FILE = "context.jsonld"
#: The documentation of the ontology's terms (aigraph.export.ontology_page).
ONTOLOGY_DOC_FILE = "ontology.html"
#: The interactive, self-contained graph page (aigraph.network.page).
GRAPH_FILE = "graph.html"


@dataclass(frozen=True)
class BuildResult:
    """What :func:`build` wrote and what the graph holds."""

    out_dir: Path
    files: tuple[Path, ...]
    quads: int  # every (triple, graph) pair: a triple stated by 3 sources counts 3 times
    triples: int  # distinct triples of the union of the graphs, as VoID's void:triples counts them
    derived: int
    counts: dict[str, int]
    report: ValidationReport

    @property
    def summary(self) -> str:
        """A short, human-readable summary of the build."""
        counts = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        return (
            f"{self.quads} quads, {self.triples} distinct triples ({self.derived} derived); "
            f"{counts}\n"
            f"validation: {self.report.text}\n"
            f"wrote {len(self.files)} files to {self.out_dir}"
        )


def assemble(paths: ProjectPaths, /, *, store: StoreName = DEFAULT_STORE) -> Dataset:
    """Load the project at *paths*, add the derived edges and seal the result.

    Sealing makes the default graph the merge of all graphs, once, and the dataset
    read-only (:func:`aigraph.rdf.store.seal`). :func:`aigraph.load` wraps this.

    :param store: the engine underneath rdflib, ``"oxigraph"`` (default) or ``"memory"``.

    >>> from aigraph.project.files import project_paths
    >>> ds = assemble(project_paths())
    >>> len(ds.graph(DERIVED_GRAPH)) > 0
    True
    """
    dataset = load_dataset(paths, store=store)
    derive_edges(dataset, paths=paths)
    seal(dataset)
    return dataset


def summary_classes(ontology: Graph) -> tuple[tuple[str, tuple[URIRef, ...]], ...]:
    """Return the counts of the build summary: each name and its classes, in order.

    The ontology gives them (``aig:countedAs``, ``aig:countOrder``).

    >>> from aigraph import load
    >>> summary = summary_classes(load().dataset.graph(ONTOLOGY_GRAPH))
    >>> summary[0][0], len(summary[5][1])
    ('sources', 4)
    """
    classes: dict[str, set[URIRef]] = {}
    order: dict[str, int] = {}
    for cls, name in ontology.subject_objects(AIG.countedAs):
        if isinstance(cls, URIRef):
            classes.setdefault(str(name), set()).add(cls)
            place = ontology.value(cls, AIG.countOrder)
            order[str(name)] = min(
                order.get(str(name), 10**6), int(str(place)) if place is not None else 10**6
            )
    names = sorted(classes, key=lambda name: (order[name], name))
    return tuple((name, tuple(sorted(classes[name]))) for name in names)


def count_classes(dataset: Dataset) -> dict[str, int]:
    """Count the instances of the summary classes (subclasses included).

    >>> from aigraph import load
    >>> count_classes(load().dataset)["summits"]
    4
    """
    summary = summary_classes(dataset.graph(ONTOLOGY_GRAPH))
    if is_sealed(dataset):
        return {name: _count_in_oxigraph(dataset, classes) for name, classes in summary}
    typed = set(dataset.subject_objects(RDF.type))
    counts = {}
    for name, classes in summary:
        members = {m for cls in classes for m in dataset.transitive_subjects(RDFS.subClassOf, cls)}
        counts[name] = len({s for s, o in typed if o in members})
    return counts


def _count_in_oxigraph(dataset: Dataset, classes: tuple[URIRef, ...]) -> int:
    values = " ".join(c.n3() for c in classes)
    text = (f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?top {{ {values} }} "
            f"?c {RDFS.subClassOf.n3()}* ?top . ?s {RDF.type.n3()} ?c }}")
    return int(next(iter(select(raw_store(dataset), text)))["n"].value)


def _sizes(dataset: Dataset) -> tuple[int, int]:
    """Return the number of quads of the named graphs and of distinct triples (their merge)."""
    if not is_sealed(dataset):
        quads = list(dataset.quads((None, None, None, None)))
        return len(quads), len({(s, p, o) for s, p, o, _g in quads})
    store = raw_store(dataset)
    [row] = select(store, "SELECT (COUNT(*) AS ?q) WHERE { GRAPH ?g { ?s ?p ?o } }")
    [merged] = select(store, "SELECT (COUNT(*) AS ?t) WHERE { ?s ?p ?o }")
    return int(row["q"].value), int(merged["t"].value)


def build(project: Project, /, *, out_dir: str | Path | None = None) -> BuildResult:
    """Validate *project* and write every export and the graph page to *out_dir*.

    *out_dir* defaults to ``ROOT/dist``; the page is ``graph.html``.

    Nothing is written when the graph does not conform.

    :raises ValidationError: when the graph does not conform to the shapes.
    :raises LoadError: when a curated file is malformed.
    """
    from aigraph.export.jsonld import context_document, term_context
    from aigraph.export.ontology_page import render_ontology_html
    from aigraph.network.page import render_html
    from aigraph.network.projection import to_networkx  # only a build needs VoID and the page
    from aigraph.network.stories import read_stories
    from aigraph.rdf.void import describe_dataset

    dataset = project.dataset
    report = project.validate()
    if not report.conforms:
        raise ValidationError(report)
    target = Path(out_dir) if out_dir is not None else project.root / "dist"
    _check_replaceable(target)
    stories = read_stories(project.paths)
    # the page keeps the drawing hints (the exports are made from the published dataset)
    page = str(render_html(to_networkx(dataset), stories=stories)).encode("utf-8")
    dataset = project.published
    payloads = {name: serialize_dataset(dataset, fmt) for fmt, name in OUTPUTS.items()}
    void = describe_dataset(
        dataset, dumps=sorted([*OUTPUTS.values(), CONTEXT_FILE]), paths=project.paths
    )
    payloads[VOID_FILE] = serialize_graph(void, "ttl")
    payloads[CONTEXT_FILE] = context_document(term_context(dataset))
    ontology_page = str(render_ontology_html(dataset.graph(ONTOLOGY_GRAPH)))
    payloads[ONTOLOGY_DOC_FILE] = ontology_page.encode("utf-8")
    payloads[GRAPH_FILE] = page
    # The whole set is written into a fresh directory and swapped in at the end:
    # a failure anywhere (a disk full, a bug) leaves the previous build untouched.
    with replace_directory(target) as fresh:
        for name, data in sorted(payloads.items()):
            write_atomic(fresh / name, data)
    files = tuple(target / name for name in sorted(payloads))
    quads, triples = _sizes(dataset)
    return BuildResult(
        out_dir=target,
        files=files,
        quads=quads,
        triples=triples,
        derived=len(dataset.graph(DERIVED_GRAPH)),
        counts=count_classes(project.dataset),  # the summary classes are drawing hints
        report=report,
    )


def _check_replaceable(target: Path) -> None:
    """Refuse to replace a directory holding anything a build did not write.

    The build directory is replaced as a whole, so ``-o .`` or ``-o data`` must
    not wipe a person's files.

    :raises ExportError: naming the first few files that are not build outputs.
    """
    if not target.is_dir():
        return
    ours = {*OUTPUTS.values(), VOID_FILE, GRAPH_FILE, CONTEXT_FILE, ONTOLOGY_DOC_FILE}
    foreign = sorted(p.name for p in target.iterdir() if p.name not in ours)
    if foreign:
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise ExportError(
            f"{target} holds files that aigraph build did not write ({shown}); the build replaces "
            "its directory as a whole, so give a new or empty directory with -o"
        )
