"""Load the curated files into one rdflib Dataset.

Each ``ontology/*.ttl`` file goes into the ontology graph; each ``data/*.trig``
file keeps its own named graphs (one per source). Queries over the dataset see
the union of all graphs as their default graph.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.parsers.notation3 import BadSyntax

from aigraph.errors import LoadError
from aigraph.formats import of_kind
from aigraph.project.files import ProjectPaths
from aigraph.rdf.namespaces import DERIVED_GRAPH, ONTOLOGY_GRAPH, PREFIXES
from aigraph.rdf.store import (
    DEFAULT_STORE,
    StoreName,
    changed_literal,
    new_store,
    parser_format,
    store_name,
)

#: The formats a curated file may be written in (:mod:`aigraph.formats`).
CURATED_FORMATS = ("ttl", "trig", "nt", "nq")
#: File extension → rdflib parser name; the format is never guessed otherwise.
FORMATS: dict[str, str] = {
    fmt.extension: str(fmt.parser)
    for name, fmt in of_kind("rdf").items()
    if name in CURATED_FORMATS
}


def new_dataset(*, store: StoreName = DEFAULT_STORE, wrap: Any = None) -> Dataset:
    """Return an empty Dataset whose default graph is the union of its graphs.

    :param store: the engine underneath: ``"oxigraph"`` (default) or ``"memory"``
        (rdflib's own); the one place where the choice is made.
    :param wrap: a pyoxigraph Store to hold the data instead of a new, empty one.

    >>> new_dataset().default_union, new_dataset(store="memory").store.__class__.__name__
    (True, 'Memory')
    """
    dataset = Dataset(store=new_store(store, wrap=wrap), default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    return dataset


def parse_file(target: Dataset | Graph, path: Path) -> None:
    """Parse *path* into *target*, choosing the parser from the file extension.

    :raises LoadError: naming the file, line and column of a syntax error, or
        the file when it cannot be read or its extension is unknown.
    """
    fmt, data = read_curated(path)
    if store_name(target) == "oxigraph":
        refuse_changed_literals(data, fmt, path)
    try:
        target.parse(data=data, format=parser_format(fmt, target), publicID=path.resolve().as_uri())
    except BadSyntax as exc:
        line, column = _position(exc)
        raise LoadError(f"syntax error: {exc._why}", path=path, line=line, column=column) from exc
    except SyntaxError as exc:
        raise syntax_error(exc, path) from exc
    except UnicodeDecodeError as exc:
        raise LoadError(f"not UTF-8 text: {exc.reason} at byte {exc.start}", path=path) from exc
    except Exception as exc:  # rdflib raises many types for malformed input
        raise LoadError(f"cannot parse {fmt}: {exc}", path=path) from exc


def read_curated(path: Path) -> tuple[str, bytes]:
    """Return the rdflib format name (from the extension) and the bytes of a curated file.

    :raises LoadError: for an unknown extension or an unreadable file.
    """
    fmt = FORMATS.get(path.suffix)
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise LoadError(f"unknown RDF file extension (known: {known})", path=path)
    try:
        return fmt, path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror}", path=path) from exc


def syntax_error(exc: SyntaxError, path: Path) -> LoadError:
    """Word an Oxigraph parser error (1-based line and column) as a LoadError on *path*."""
    message = re.sub(r"^Parser error (at|between) .*? column \d+: ", "", str(exc.msg))
    return LoadError(f"syntax error: {message}", path=path, line=exc.lineno, column=exc.offset)


def refuse_changed_literals(data: bytes, fmt: str, path: Path) -> None:
    """Refuse a literal the Oxigraph store would rewrite, rather than change the data silently."""
    try:
        changed = changed_literal(data, fmt, base=path.resolve().as_uri())
    except SyntaxError:
        return  # the parse that follows reports it with its position
    if changed is None:
        return
    written, kept = changed
    line = next((n for n, text in enumerate(data.decode("utf-8", "replace").splitlines(), 1)
                 if f'"{written}"' in text or f" {written} " in text), None)
    raise LoadError(
        f"Oxigraph keeps numbers by value and language tags in lower case, so it would store "
        f"{written.n3()} as {kept.n3()}; "
        f"write {kept.n3()} so that every store keeps it as written (or use --store memory)",
        path=path, line=line,
    )


def _position(exc: BadSyntax) -> tuple[int, int]:
    """Return the 1-based line and column of a notation3 parser error."""
    text: bytes = exc._str
    offset = min(exc._i, len(text))
    line_start = text.rfind(b"\n", 0, offset) + 1
    return exc.lines + 1, len(text[line_start:offset].decode("utf-8", "replace")) + 1


def load_dataset(paths: ProjectPaths, /, *, store: StoreName = DEFAULT_STORE) -> Dataset:
    """Load the ontology and every curated source of the project at *paths*.

    :param store: the engine to load into (see :func:`new_dataset`).
    :returns: a Dataset with the ontology graph and one named graph per source.
    :raises LoadError: when a file is missing or malformed.

    >>> from aigraph.project.files import project_paths
    >>> ds = load_dataset(project_paths())
    >>> len(ds.graph(ONTOLOGY_GRAPH)) > 0
    True
    """
    dataset = new_dataset(store=store)
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    for path in paths.ontology_files():
        parse_file(ontology, path)
    for path in paths.data_files():
        parse_file(dataset, path)
    _reject_default_graph_triples(dataset, paths)
    return dataset


def _reject_default_graph_triples(dataset: Dataset, paths: ProjectPaths) -> None:
    """Refuse data outside a named graph: every fact must belong to a source."""
    stray = next(iter(dataset.default_graph), None)
    if stray is not None:
        raise LoadError(
            f"triple outside any named graph: {stray[0].n3()} {stray[1].n3()} ...; "
            "put every fact inside its source's graph",
            path=paths.data,
        )


def source_graphs(dataset: Dataset) -> list[URIRef]:
    """Return the names of the sources' graphs, sorted.

    >>> from aigraph.project.files import project_paths
    >>> names = source_graphs(load_dataset(project_paths()))
    >>> URIRef("https://w3id.org/aigraph/source/kwangju-ilbo-2024-05-22-ai-seoul-summit") in names
    True
    >>> names == sorted(names)
    True
    """
    skip = {ONTOLOGY_GRAPH, DERIVED_GRAPH, DATASET_DEFAULT_GRAPH_ID}
    return sorted(
        g.identifier
        for g in dataset.graphs()
        if isinstance(g.identifier, URIRef) and g.identifier not in skip and len(g)
    )
