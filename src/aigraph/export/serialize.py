"""Deterministic serialisation: the same graph gives the same bytes, every run.

rdflib's own output order follows set iteration for N-Triples and N-Quads and
labels blank nodes at random, so this module (and only this module) fixes it:
every format is written from the sorted N-Quads lines of the data, blank nodes
canonicalised, by Oxigraph's writers (which keep the order they are given),
with one fixed prefix table; JSON keys and arrays are sorted.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal as TypingLiteral, cast

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from aigraph.errors import ExportError
from aigraph.formats import of_kind
from aigraph.rdf.namespaces import PREFIXES
from aigraph.rdf.store import is_sealed, raw_store, store_name

RdfFormat = TypingLiteral["ttl", "trig", "nt", "nq", "jsonld", "xml"]

#: Format name → (file extension, media type), from the registry (:mod:`aigraph.formats`).
FORMATS: dict[str, tuple[str, str]] = {
    name: (fmt.extension, fmt.media_type) for name, fmt in of_kind("rdf").items()
}


def serialize_graph(graph: Graph, fmt: RdfFormat = "ttl") -> bytes:
    """Serialise one graph deterministically (quad formats put it in the default graph).

    >>> from rdflib import Graph, URIRef, Literal
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://w3id.org/aigraph/person/a"),
    ...            URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("A", lang="en")))
    >>> print(serialize_graph(g, "nt").decode().strip())
    <https://w3id.org/aigraph/person/a> <http://www.w3.org/2000/01/rdf-schema#label> "A"@en .
    """
    _check(fmt)
    if fmt == "jsonld":
        return _jsonld(graph)
    return _write(_canonical_lines(_rdflib_quads((s, p, o, None) for s, p, o in graph)), fmt)


def serialize_dataset(dataset: Dataset, fmt: RdfFormat = "trig") -> bytes:
    """Serialise a dataset deterministically; triple formats get the merge of its graphs.

    Every format is written from one canonical form: the dataset's N-Quads lines,
    sorted, blank nodes labelled canonically. So the bytes depend on the data
    only, never on the store or the run. TriG, N-Quads and JSON-LD (written by
    :mod:`aigraph.jsonld`, one ``@graph`` per named graph) keep every named graph.

    :raises ExportError: for an unknown format.
    """
    _check(fmt)
    if fmt == "jsonld":
        return _jsonld(dataset)
    dumped = _dumped_lines(dataset, merged=fmt in ("nt", "ttl", "xml"))
    if dumped is not None:
        return _write_triples(dumped, fmt) if fmt in ("nt", "ttl", "xml") else _write(dumped, fmt)
    return _write(_canonical_lines(_dataset_quads(dataset)), fmt)


def _dumped_lines(dataset: Dataset, *, merged: bool) -> list[bytes] | None:
    """Return the lines of :func:`_canonical_lines`, dumped by Oxigraph (no Python object per quad).

    For a sealed Oxigraph dataset with no blank node: with *merged*, the sorted
    N-Triples lines of its default graph (which sealing made the merge, a set);
    otherwise the sorted N-Quads lines of its named graphs (each graph's
    N-Triples dump, the graph's name put before the final dot). ``None`` for
    any other dataset, which takes the general way.
    """
    import pyoxigraph as ox

    if store_name(dataset) != "oxigraph" or not is_sealed(dataset):
        return None
    store = raw_store(dataset)
    if merged:
        dumped = _written(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))
        lines = dumped.splitlines(keepends=True)
    else:
        lines = []
        for name in store.named_graphs():
            if not isinstance(name, ox.NamedNode):
                return None
            tail = f" {name} .\n".encode()
            dumped = _written(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name))
            lines.extend(line[:-3] + tail for line in dumped.splitlines(keepends=True))
    # maybe a blank node: the general way labels them canonically
    if any(b"_:" in line for line in lines):
        return None
    lines.sort()
    return lines


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")


def _dataset_quads(dataset: Dataset) -> Iterable[Any]:
    """Every quad of *dataset* as pyoxigraph quads (a sealed store's merge left out)."""
    if store_name(dataset) != "oxigraph":
        return _rdflib_quads((s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None)))
    store = raw_store(dataset)
    if not is_sealed(dataset):
        return iter(store)
    return (
        q for name in store.named_graphs() for q in store.quads_for_pattern(None, None, None, name)
    )


def _rdflib_quads(quads: Iterable[tuple]) -> Iterable[Any]:
    import pyoxigraph as ox
    from oxrdflib._converter import to_ox

    for s, p, o, g in quads:
        name = getattr(g, "identifier", g)
        graph = (
            ox.DefaultGraph() if name is None or name == DATASET_DEFAULT_GRAPH_ID else to_ox(name)
        )
        # oxrdflib types to_ox for any term: here a subject, predicate, object and graph name
        yield ox.Quad(
            cast("ox.NamedNode | ox.BlankNode", to_ox(s)),
            cast("ox.NamedNode", to_ox(p)),
            cast("ox.NamedNode | ox.BlankNode | ox.Literal", to_ox(o)),
            cast("ox.NamedNode | ox.BlankNode | ox.DefaultGraph", graph),
        )


def _canonical_lines(quads: Iterable[Any]) -> list[bytes]:
    """Return the sorted, distinct N-Quads lines of *quads*, blank nodes labelled canonically."""
    import pyoxigraph as ox

    data = _written(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    if b"_:" in data:  # maybe a blank node (or "_:" in a literal): label them canonically
        data = _canonical_blank_nodes(data)
    return sorted(set(data.splitlines(keepends=True)))


def _canonical_blank_nodes(data: bytes) -> bytes:
    """Relabel blank nodes so that their labels depend on the data (rdflib's canonical form)."""
    from rdflib.compare import to_canonical_graph

    parsed = Dataset()
    parsed.parse(data=data, format="nquads")
    out = Dataset()
    for graph in parsed.graphs():
        if not len(graph):
            continue
        target = (
            out.default_graph
            if graph.identifier == DATASET_DEFAULT_GRAPH_ID
            else out.graph(graph.identifier)
        )
        for triple in to_canonical_graph(graph):
            target.add(triple)
    return out.serialize(format="nquads", encoding="utf-8")


def _write(lines: list[bytes], fmt: str) -> bytes:
    """Write sorted N-Quads *lines* in *fmt*: their order becomes the order of the output."""
    import pyoxigraph as ox

    if fmt == "nq":
        return b"".join(lines)
    quads = ox.parse(b"".join(lines), format=ox.RdfFormat.N_QUADS)
    if fmt == "trig":
        trig = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_PREFIXES)
        return _sorted_prefixes(_written(trig))
    # The triple formats hold the merge: a triple stated in several graphs is one triple.
    merged = _written(ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES))
    return _write_triples(sorted(set(merged.splitlines(keepends=True))), fmt)


def _write_triples(lines: list[bytes], fmt: str) -> bytes:
    """Write sorted, distinct N-Triples *lines* in *fmt* (``nt``, ``ttl`` or ``xml``), in order."""
    import pyoxigraph as ox

    ntriples = b"".join(lines)
    if fmt == "nt":
        return ntriples
    writer = {"ttl": ox.RdfFormat.TURTLE, "xml": ox.RdfFormat.RDF_XML}[fmt]
    # N-Triples parse into quads of the default graph, which the triple writers take as they are.
    written = _written(ox.serialize(
        ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES), format=writer, prefixes=_PREFIXES
    ))
    return _sorted_prefixes(written) if fmt == "ttl" else written


def _written(data: bytes | None) -> bytes:
    """Return what pyoxigraph wrote in memory (``None`` is its answer when it wrote a file)."""
    if data is None:
        raise TypeError("pyoxigraph wrote a file where bytes were asked for")
    return data


def _sorted_prefixes(text: bytes) -> bytes:
    """Put the ``@prefix`` lines Oxigraph writes first (in its own order) in name order."""
    lines = text.split(b"\n")
    head = 0
    while head < len(lines) and lines[head].startswith(b"@prefix "):
        head += 1
    return b"\n".join(sorted(lines[:head]) + lines[head:])


def _jsonld(data: Dataset | Graph) -> bytes:
    from aigraph.export.jsonld import (
        to_jsonld,  # JSON-LD with a term context lives in its own module
    )

    return to_jsonld(data)


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


#: The prefixes the Turtle, TriG and RDF/XML writers declare, in name order.
_PREFIXES = dict(sorted(PREFIXES.items()))
