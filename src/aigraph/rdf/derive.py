"""Derive the convenience edges from the n-ary nodes.

The rules are SPARQL CONSTRUCT queries in ``ontology/rules/*.rq``; their
results go into their own named graph (:data:`DERIVED_GRAPH`), so the curated
graphs stay as curated and the two can never disagree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Dataset

from aigraph.errors import LoadError
from aigraph.project.files import ProjectPaths
from aigraph.rdf.namespaces import DERIVED_GRAPH
from aigraph.rdf.store import raw_store, store_name

#: Rules may build on each other's output; this bounds the passes.
MAX_PASSES = 5


def load_rules(rules_dir: Path, /, *, prepare: bool = True) -> list[tuple[Path, object]]:
    """Return ``(path, query)`` for every rule file, in name order.

    With *prepare*, the query is parsed by rdflib (what its memory store runs);
    without, it is the SPARQL text (what Oxigraph runs, parsing it itself).

    :raises LoadError: when a prepared rule is not a valid SPARQL CONSTRUCT query.

    >>> from aigraph.project.files import project_paths
    >>> [p.stem for p, _q in load_rules(project_paths().rules, prepare=False)][:1]
    ['attended']
    """
    rules = []
    for path in sorted(rules_dir.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        rules.append((path, _prepare(path, text) if prepare else text))
    return rules


def _prepare(path: Path, text: str) -> object:
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text)
    except Exception as exc:
        raise LoadError(f"malformed rule: {exc}", path=path) from exc
    if prepared.algebra.name != "ConstructQuery":
        raise LoadError("a rule must be a CONSTRUCT query", path=path)
    return prepared


def _construct(dataset: Dataset, path: Path, rule: object) -> list:
    try:
        result = dataset.query(rule)  # type: ignore[arg-type]
    except SyntaxError as exc:  # Oxigraph's parser
        raise LoadError(f"malformed rule: {exc}", path=path) from exc
    if result.type != "CONSTRUCT":
        raise LoadError("a rule must be a CONSTRUCT query", path=path)
    return list(result)


def derive_edges(dataset: Dataset, /, *, paths: ProjectPaths) -> int:
    """Add the edges the rules derive to *dataset*'s derived graph.

    The derived graph is emptied first, then the rules run until a pass adds
    nothing new.

    :returns: the number of derived triples.
    :raises LoadError: when a rule is malformed.

    >>> from aigraph.rdf.parse import load_dataset
    >>> from aigraph.project.files import project_paths
    >>> ds = load_dataset(project_paths())
    >>> derive_edges(ds, paths=project_paths()) > 0
    True
    """
    oxigraph = store_name(dataset) == "oxigraph"
    rules = load_rules(paths.rules, prepare=not oxigraph)
    if oxigraph:
        return derive_in_oxigraph(raw_store(dataset), rules)
    derived = dataset.graph(DERIVED_GRAPH)
    derived.remove((None, None, None))
    for _ in range(MAX_PASSES):
        before = len(derived)
        for path, rule in rules:
            derived.addN((s, p, o, derived) for s, p, o in _construct(dataset, path, rule))
        if len(derived) == before:
            break
    return len(derived)


def derive_in_oxigraph(store: Any, rules: list[tuple[Path, object]]) -> int:
    """Run the rules in Oxigraph's own engine: no rdflib term is made for a derived triple.

    The union default graph repeats a triple once per graph that states it
    (oxigraph #1919); the derived graph is a set, so that changes nothing here.
    """
    import pyoxigraph as ox

    graph = ox.NamedNode(str(DERIVED_GRAPH))
    if store.contains_named_graph(graph):
        store.clear_graph(graph)
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"

    def size() -> int:
        return int(next(iter(store.query(count)))["n"].value)

    for _ in range(MAX_PASSES):
        before = size()
        for path, rule in rules:
            try:
                answer = store.query(rule, use_default_graph_as_union=True)
            except SyntaxError as exc:
                raise LoadError(f"malformed rule: {exc}", path=path) from exc
            if not isinstance(answer, ox.QueryTriples):
                raise LoadError("a rule must be a CONSTRUCT query", path=path)
            # Written and read back by Oxigraph itself: no Python object per triple.
            triples = answer.serialize(format=ox.RdfFormat.N_TRIPLES)
            store.bulk_load(triples, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        if size() == before:
            break
    return size()
