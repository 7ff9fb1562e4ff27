"""Check the assembled graph against the SHACL shapes and the curation rules.

Two kinds of check run: the SHACL shapes in ``ontology/shapes.ttl`` over the
union of all graphs (pySHACL), and the rules SHACL cannot see because they are
about named graphs: every source graph describes its source, and no curated
graph states an edge that the rules derive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from aigraph.parse import parse_file, source_graphs
from aigraph.namespaces import AIG, ONTOLOGY_GRAPH, SH
from aigraph.paths import ProjectPaths


@dataclass(frozen=True)
class Violation:
    """One reason the graph does not conform."""

    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus}  [{self.path}]  {self.message}"


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


def validate_dataset(dataset: Dataset, /, *, paths: ProjectPaths) -> ValidationReport:
    """Validate *dataset* (ontology, sources and derived edges) against the project's shapes.

    :returns: a :class:`ValidationReport`; it never raises for a non-conforming graph.
    :raises LoadError: when the shapes file is missing or malformed.

    >>> from aigraph import load
    >>> project = load()
    >>> validate_dataset(project.dataset, paths=project.paths).conforms
    True
    """
    import pyshacl  # heavy: imported only when validating

    shapes = Graph()
    parse_file(shapes, paths.shapes)
    conforms, results_graph, _text = pyshacl.validate(
        union_graph(dataset),
        shacl_graph=shapes,
        inference="none",
        allow_warnings=False,
    )
    violations = _shacl_violations(results_graph) + _graph_violations(dataset)
    return ValidationReport(
        conforms=bool(conforms) and not violations,
        results_graph=results_graph,
        violations=tuple(sorted(set(violations), key=lambda v: (v.focus, v.path, v.message))),
    )


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
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    derived = set(ontology.subjects(AIG.derived, Literal(True)))
    found = []
    for name in source_graphs(dataset):
        graph = dataset.graph(name)
        if (name, RDF.type, None) not in graph:
            found.append(
                Violation(_show(name), "graph", "a source's graph must describe the source itself")
            )
        for predicate in sorted(set(graph.predicates()) & derived):
            subject = next(graph.subjects(predicate, None))
            found.append(
                Violation(
                    _show(subject),
                    _show(predicate),
                    f"derived edge typed by hand in {_show(name)}; "
                    "the rules in ontology/rules/ derive it",
                )
            )
    return found


def _show(term: object) -> str:
    return term.n3() if isinstance(term, URIRef | Literal) else str(term)
