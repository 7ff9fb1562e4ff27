"""Derive the convenience edges from the n-ary nodes.

The rules are SPARQL CONSTRUCT queries in ``ontology/rules/*.rq``; their
results go into their own named graph (:data:`DERIVED_GRAPH`), so the curated
graphs stay as curated and the two can never disagree.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset
from rdflib.plugins.sparql import prepareQuery

from aigraph.errors import LoadError
from aigraph.namespaces import DERIVED_GRAPH
from aigraph.paths import ProjectPaths, project_paths

#: Rules may build on each other's output; this bounds the passes.
MAX_PASSES = 5


def load_rules(rules_dir: Path) -> list[tuple[str, object]]:
    """Return ``(name, prepared query)`` for every rule file, in name order.

    :raises LoadError: when a rule is not a valid SPARQL CONSTRUCT query.
    """
    rules = []
    for path in sorted(rules_dir.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        try:
            prepared = prepareQuery(text)
        except Exception as exc:
            raise LoadError(f"malformed rule: {exc}", path=path) from exc
        if prepared.algebra.name != "ConstructQuery":
            raise LoadError("a rule must be a CONSTRUCT query", path=path)
        rules.append((path.stem, prepared))
    return rules


def derive_edges(dataset: Dataset, /, *, root: str | Path | ProjectPaths | None = None) -> int:
    """Add the edges the rules derive to *dataset*'s derived graph.

    The derived graph is emptied first, then the rules run until a pass adds
    nothing new.

    :returns: the number of derived triples.
    :raises LoadError: when a rule is malformed.

    >>> from aigraph.load import load_dataset
    >>> ds = load_dataset()
    >>> derive_edges(ds) > 0
    True
    """
    paths = root if isinstance(root, ProjectPaths) else project_paths(root)
    rules = load_rules(paths.rules)
    derived = dataset.graph(DERIVED_GRAPH)
    derived.remove((None, None, None))
    for _ in range(MAX_PASSES):
        before = len(derived)
        for _name, rule in rules:
            for triple in dataset.query(rule):
                derived.add(triple)
        if len(derived) == before:
            break
    return len(derived)
