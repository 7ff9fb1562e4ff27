"""Deterministic serialisation: the same graph gives the same bytes, every run.

rdflib's own output order follows set iteration for N-Triples and N-Quads and
labels blank nodes at random, so this module (and only this module) fixes it:
blank nodes are canonicalised, triples are added to a fresh graph in sorted
order, line formats are sorted, JSON keys and arrays are sorted, and one fixed
prefix table is bound.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal as TypingLiteral

from rdflib import BNode, Dataset, Graph
from rdflib.compare import to_canonical_graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from aigraph.errors import ExportError
from aigraph.namespaces import PREFIXES

RdfFormat = TypingLiteral["ttl", "trig", "nt", "nq", "jsonld", "xml"]

#: Format name → (file extension, media type).
FORMATS: dict[str, tuple[str, str]] = {
    "ttl": (".ttl", "text/turtle"),
    "trig": (".trig", "application/trig"),
    "nt": (".nt", "application/n-triples"),
    "nq": (".nq", "application/n-quads"),
    "jsonld": (".jsonld", "application/ld+json"),
    "xml": (".rdf", "application/rdf+xml"),
}


def _bind(target: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        target.bind(prefix, namespace, override=True, replace=True)


def _sorted_graph(triples: object) -> Graph:
    """Return a fresh Graph with *triples* added in sorted order, blank nodes canonical."""
    graph = Graph()
    triples = list(triples)  # type: ignore[call-overload]
    if any(isinstance(t, BNode) for triple in triples for t in triple):
        source = Graph()
        for triple in triples:
            source.add(triple)
        triples = list(to_canonical_graph(source))
    for triple in sorted(triples):
        graph.add(triple)
    _bind(graph)
    return graph


def serialize_graph(graph: Graph, fmt: RdfFormat = "ttl") -> bytes:
    """Serialise one graph deterministically in a triple format.

    >>> from rdflib import Graph, URIRef, Literal
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://w3id.org/aigraph/person/a"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("A", lang="en")))
    >>> print(serialize_graph(g, "nt").decode().strip())
    <https://w3id.org/aigraph/person/a> <http://www.w3.org/2000/01/rdf-schema#label> "A"@en .
    """
    if fmt in ("trig", "nq"):
        dataset = Dataset()
        dataset.graph(DATASET_DEFAULT_GRAPH_ID)
        for triple in graph:
            dataset.add(triple)
        return serialize_dataset(dataset, fmt)
    return _WRITERS[fmt](_sorted_graph(graph))


def serialize_dataset(dataset: Dataset, fmt: RdfFormat = "trig") -> bytes:
    """Serialise a dataset deterministically; triple formats get the union of its graphs.

    TriG, N-Quads and JSON-LD keep every named graph.

    :raises ExportError: for an unknown format.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    if fmt == "jsonld":  # a quad format too: one @graph per named graph
        from aigraph.jsonld import to_jsonld

        return to_jsonld(dataset)
    if fmt not in ("trig", "nq"):
        return serialize_graph(_union(dataset), fmt)
    ordered = Dataset()
    _bind(ordered)
    names = sorted({g.identifier for g in dataset.graphs()})
    for name in names:
        triples = list(dataset.graph(name))
        if not triples:
            continue
        target = ordered.default_graph if name == DATASET_DEFAULT_GRAPH_ID else ordered.graph(name)
        for triple in _sorted_graph(triples):
            target.add(triple)
    if fmt == "nq":
        lines = ordered.serialize(format="nquads", encoding="utf-8").splitlines(keepends=True)
        return b"".join(sorted(line for line in lines if line.strip()))
    return _trig(ordered, names)


def _trig(dataset: Dataset, names: list) -> bytes:
    """Write TriG graph by graph in name order.

    rdflib's TriG writer visits graphs in store order, which changes from run to
    run; its Turtle writer is stable, so each graph is written as Turtle and
    wrapped in its graph block.
    """
    prefixes: set[str] = set()
    blocks: list[str] = []
    for name in names:
        graph = dataset.graph(name)
        if not len(graph):
            continue
        body = [
            line
            for line in _ttl(_sorted_graph(graph)).decode("utf-8").splitlines()
            if not (line.startswith("@prefix") and prefixes.add(line) is None)
        ]
        # No re-indenting: a line may sit inside a multi-line literal.
        inner = "\n".join(body).strip("\n")
        head = "{" if name == DATASET_DEFAULT_GRAPH_ID else f"{name.n3()} {{"
        blocks.append(f"{head}\n{inner}\n}}\n")
    return ("\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)).encode("utf-8")


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    for s, p, o, _g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _nt(graph: Graph) -> bytes:
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)
    return b"".join(sorted(line for line in lines if line.strip()))


def _ttl(graph: Graph) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


class _SortedGraph(Graph):
    """A Graph whose triple look-ups come out sorted.

    rdflib's RDF/XML writer emits subjects in store order, which changes from
    run to run; sorting the look-ups it makes fixes the order of the output.
    """

    def triples(self, pattern, /):  # type: ignore[override]  # noqa: D102
        yield from sorted(super().triples(pattern))


def _xml(graph: Graph) -> bytes:
    ordered = _SortedGraph()
    for triple in graph:
        ordered.add(triple)
    _bind(ordered)
    return ordered.serialize(format="xml", encoding="utf-8")


def _jsonld(graph: Graph) -> bytes:
    from aigraph.jsonld import to_jsonld  # JSON-LD with a term context lives in its own module

    return to_jsonld(graph)


_WRITERS: dict[str, Callable[[Graph], bytes]] = {
    "ttl": _ttl,
    "nt": _nt,
    "jsonld": _jsonld,
    "xml": _xml,
}


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write *data* to *path* through a temporary file, so no half-written file is left.

    :raises ExportError: when the file cannot be written.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)  # mkstemp creates 0600; exports are for everyone to read
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return target
