"""Check the assembled graph against the SHACL shapes and the curation rules.

Two kinds of check run: the SHACL shapes in ``ontology/shapes.ttl`` over the
union of all graphs (pySHACL), and the rules SHACL cannot see because they are
about named graphs: every source graph describes its source, and no curated
graph states an edge that the rules derive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Literal as TypingLiteral

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.query import ResultRow
from rdflib.term import Node

from aigraph.project.files import ProjectPaths
from aigraph.rdf.namespaces import DERIVED_GRAPH, ONTOLOGY_GRAPH, SH
from aigraph.rdf.parse import parse_file, source_graphs
from aigraph.rdf.shacl import Unsupported, compile_shapes
from aigraph.rdf.shacl_run import (
    datatypes_used,
    ill_formed_literals,
    results_graph,
    run_checks,
    subclasses_in,
)
from aigraph.rdf.store import (
    from_ox,
    is_sealed,
    merged_store,
    raw_store,
    select,
    store_name,
)

if TYPE_CHECKING:
    import pyoxigraph

#: ``auto``: SPARQL on a sealed Oxigraph dataset, else pySHACL (see :func:`validate_dataset`).
ValidationEngine = TypingLiteral["auto", "sparql", "pyshacl"]


@dataclass(frozen=True)
class Violation:
    """One reason the graph does not conform."""

    focus: str
    path: str
    message: str
    #: ``FILE:LINE`` where the offending value (or the node) is written, when found.
    where: str = ""

    def __str__(self) -> str:
        located = f"{self.where}: " if self.where else ""
        return f"{located}{self.focus}  [{self.path}]  {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate_dataset`: a verdict, the SHACL results graph and a text."""

    conforms: bool
    results_graph: Graph
    violations: tuple[Violation, ...] = field(default=())

    @property
    def text(self) -> str:
        """A human-readable report: one line a violation, sorted."""
        if self.conforms:
            return "conforms"
        lines = [f"does not conform: {len(self.violations)} violation(s)"]
        lines += [f"  {v}" for v in self.violations]
        return "\n".join(lines)


def union_graph(dataset: Dataset) -> Graph:
    """Return one Graph holding every triple of every graph of *dataset*."""
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace)
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate_dataset(
    dataset: Dataset,
    /,
    *,
    paths: ProjectPaths,
    engine: ValidationEngine = "auto",
    extra_files: tuple[Path, ...] = (),
) -> ValidationReport:
    """Validate *dataset* (ontology, sources and derived edges) against the project's shapes.

    Each violation names the file and line where its value (or node) is written,
    looked for in *extra_files* (e.g. a draft being accepted), then the project's files.

    :param engine: ``"auto"`` runs the shapes as SPARQL on Oxigraph
        (:mod:`aigraph.rdf.shacl`) when *dataset* is a sealed Oxigraph dataset, and
        pySHACL otherwise or when a shape uses SHACL the compiler does not
        translate; ``"pyshacl"`` always runs pySHACL (the reference);
        ``"sparql"`` insists on the compiled shapes (Oxigraph datasets only).
    :returns: a :class:`ValidationReport`; it never raises for a non-conforming graph.
    :raises LoadError: when the shapes file is missing or malformed.
    :raises Unsupported: with ``engine="sparql"``, for shapes the compiler does not translate.

    >>> from aigraph import load
    >>> project = load()
    >>> validate_dataset(project.dataset, paths=project.paths).conforms
    True
    """
    shapes = Graph()
    parse_file(shapes, paths.shapes)
    conforms, results_graph, violations = check_shapes(dataset, shapes, engine=engine)
    searched = (*extra_files, *paths.data_files(), *paths.ontology_files())
    violations = _located(violations, results_graph, searched) + _graph_violations(dataset)
    return ValidationReport(
        conforms=conforms and not violations,
        results_graph=results_graph,
        violations=tuple(sorted(set(violations), key=lambda v: (v.focus, v.path, v.message))),
    )


def _located(
    violations: list[Violation], results: Graph, searched: tuple[Path, ...]
) -> list[Violation]:
    """Give each violation the file and line of its value (or node), from the results graph."""
    from dataclasses import replace

    from aigraph.rdf.locate import locate

    terms: dict[tuple[str, str], tuple[Node | None, Node | None]] = {}
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus, path = results.value(result, SH.focusNode), results.value(result, SH.resultPath)
        key = (_show(focus), _show(path) if path is not None else "-")
        terms.setdefault(key, (focus, results.value(result, SH.value)))
    located = []
    for violation in violations:
        focus, value = terms.get((violation.focus, violation.path), (None, None))
        where = locate(searched, focus, value) if focus is not None else None
        located.append(replace(violation, where=where) if where else violation)
    return located


def check_shapes(
    dataset: Dataset, shapes: Graph, /, *, engine: ValidationEngine = "auto"
) -> tuple[bool, Graph, list[Violation]]:
    """Check the merge of *dataset*'s graphs against *shapes*: verdict, results graph, violations.

    *engine* as in :func:`validate_dataset`.
    """
    if engine not in ("auto", "sparql", "pyshacl"):
        raise ValueError(f"unknown validation engine {engine!r}")
    if engine == "sparql" or (engine == "auto" and is_sealed(dataset)):
        if store_name(dataset) != "oxigraph":
            raise ValueError("the SPARQL validator needs a dataset in the Oxigraph store")
        try:
            return _sparql_shacl(merged_store(dataset), shapes)
        except Unsupported:
            if engine == "sparql":
                raise
    return _pyshacl(dataset, shapes)


def _pyshacl(dataset: Dataset, shapes: Graph) -> tuple[bool, Graph, list[Violation]]:
    import pyshacl  # heavy: imported only when validating

    conforms, results_graph, _text = pyshacl.validate(
        union_graph(dataset),
        shacl_graph=shapes,
        inference="none",
        allow_warnings=False,
    )
    return bool(conforms), results_graph, _shacl_violations(results_graph)


def _sparql_shacl(store: pyoxigraph.Store, shapes: Graph) -> tuple[bool, Graph, list[Violation]]:
    ill_formed = ill_formed_literals(store, *datatypes_used(shapes))
    checks = compile_shapes(shapes, ill_formed=ill_formed, subclasses=subclasses_in(store))
    results = run_checks(store, checks)
    violations = [
        Violation(
            _show(r.focus),
            _show(r.path) if r.path is not None else "-",
            _with_value(r.message, r.value),
        )
        for r in results
    ]
    return not results, results_graph(results), violations


def _with_value(message: str, value: object) -> str:
    if value is not None and isinstance(value, URIRef | Literal):
        return f"{message} (value: {value.n3()})"
    return message


def _shacl_violations(results: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        value = results.value(result, SH.value)
        text = str(message) if message is not None else "constraint violated"
        if value is not None and isinstance(value, URIRef | Literal):
            text += f" (value: {value.n3()})"
        found.append(
            Violation(
                focus=_show(focus),
                path=_show(path) if path is not None else "-",
                message=text,
            )
        )
    return found


def _graph_violations(dataset: Dataset) -> list[Violation]:
    """Check the curation rules about named graphs with SPARQL, on either store."""
    sources = _sources(dataset)
    found = [
        Violation(_show(name), "graph", "a source's graph must describe the source itself")
        for name in sources
        if not _describes_itself(dataset, name)
    ]
    text = (files("aigraph") / "checks" / "hand-typed-derived-edges.rq").read_text(encoding="utf-8")
    if store_name(dataset) == "oxigraph":
        rows = [
            tuple(from_ox(row[name]) for name in ("g", "p", "subject"))
            for row in select(raw_store(dataset), text)
        ]
    else:
        rows = [tuple(row) for row in dataset.query(text) if isinstance(row, ResultRow)]
    for name, predicate, subject in sorted(rows):
        if name in sources:
            found.append(
                Violation(
                    _show(subject),
                    _show(predicate),
                    f"derived edge typed by hand in {_show(name)}; "
                    "the rules in ontology/rules/ derive it",
                )
            )
    return found


def _sources(dataset: Dataset) -> set[URIRef]:
    """Return the names of the sources' graphs, without counting them.

    The names are those :func:`aigraph.rdf.parse.source_graphs` gives.
    """
    if store_name(dataset) != "oxigraph":
        return set(source_graphs(dataset))
    import pyoxigraph as ox

    store = raw_store(dataset)
    skip = {str(ONTOLOGY_GRAPH), str(DERIVED_GRAPH)}
    return {
        URIRef(graph.value)
        for graph in store.named_graphs()
        if isinstance(graph, ox.NamedNode) and graph.value not in skip
        and next(store.quads_for_pattern(None, None, None, graph), None) is not None
    }


def _describes_itself(dataset: Dataset, name: URIRef) -> bool:
    if store_name(dataset) != "oxigraph":
        return (name, RDF.type, None) in dataset.graph(name)
    import pyoxigraph as ox

    node = ox.NamedNode(name)
    return (
        next(
            raw_store(dataset).quads_for_pattern(node, ox.NamedNode(str(RDF.type)), None, node),
            None,
        )
        is not None
    )


def _show(term: object) -> str:
    return term.n3() if isinstance(term, URIRef | Literal) else str(term)
