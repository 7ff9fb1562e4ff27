"""Named and ad-hoc SPARQL queries over the dataset.

A query is given as a path to a ``.rq`` file, the name of a file in
``queries/`` (without ``.rq``), or SPARQL text. Each named query starts with a
comment header stating its question in English (``# en:``) and Korean (``# ko:``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph
from rdflib.query import Result

from aigraph.errors import QueryError
from aigraph.project.files import ProjectPaths, project_paths
from aigraph.rdf.store import (
    DEFAULT_STORE,
    StoreName,
    local_graphs_only,
    ox_query,
    store_name,
    to_result,
)
from aigraph.sparql.guard import refuse_service

_HEADER = re.compile(r"^#\s*(en|ko)\s*:\s*(.+?)\s*$")
_KEYWORDS = re.compile(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class NamedQuery:
    """A query file of ``queries/`` with the question it answers."""

    name: str
    path: Path
    question_en: str
    question_ko: str

    @property
    def text(self) -> str:
        """The SPARQL text of the query."""
        return self.path.read_text(encoding="utf-8")


def read_named_query(path: Path) -> NamedQuery:
    """Read a ``.rq`` file and its ``# en:`` / ``# ko:`` header.

    :raises QueryError: when the file cannot be read.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file: {exc}", query=str(path)) from exc
    questions = {"en": "", "ko": ""}
    for line in text.splitlines():
        match = _HEADER.match(line)
        if match and not questions[match.group(1)]:
            questions[match.group(1)] = match.group(2)
    return NamedQuery(path.stem, path, questions["en"], questions["ko"])


def list_queries(paths: ProjectPaths, /) -> list[NamedQuery]:
    """Return the project's named queries, sorted by name.

    >>> from aigraph.project.files import project_paths
    >>> [q.name for q in list_queries(project_paths())][:1]
    ['cq01-co-chairs']
    """
    return [read_named_query(p) for p in sorted(paths.queries.glob("*.rq"), key=lambda p: p.stem)]


def resolve_query(query: str | Path, /, *, paths: ProjectPaths | None = None) -> tuple[str, str]:
    """Return ``(label, SPARQL text)`` for a file path, a query name or SPARQL text.

    A query name, looked up in the ``queries/`` of *paths*, may be shortened to
    any prefix that names one query (``cq04``).

    :raises QueryError: for an unknown or ambiguous query name, or an unreadable file.

    >>> resolve_query("SELECT * WHERE { ?s ?p ?o }")[0]
    '<query text>'
    """
    text = str(query)
    # "<" for DESCRIBE <iri> too
    if _KEYWORDS.search(text) and ("{" in text or "\n" in text or "<" in text):
        return "<query text>", text
    path = Path(text)
    if path.suffix == ".rq" or path.exists():
        return str(path), read_named_query(path).text
    if paths is None:
        raise QueryError("not SPARQL text nor a .rq file; a query name needs a project", query=text)
    named = paths.queries / f"{text}.rq"
    if named.is_file():
        return text, read_named_query(named).text
    queries = list_queries(paths)
    # Like git's abbreviated commands: a unique prefix ("cq04") names its query.
    matches = [q for q in queries if q.name.startswith(text)] if text else []
    if len(matches) == 1:
        return matches[0].name, matches[0].text
    if len(matches) > 1:
        names = ", ".join(q.name for q in matches)
        raise QueryError(f"ambiguous query name; it starts: {names}", query=text)
    known = ", ".join(q.name for q in queries) or "none"
    raise QueryError(f"unknown query name (named queries: {known})", query=text)


def parse_query(text: str, /, *, label: str = "<query text>", base: str | None = None):
    """Parse SPARQL *text*, reporting a syntax error with its line and column.

    :param base: the IRI that relative IRIs in *text* resolve against.

    :raises QueryError: with the parser's message and the position of the error.

    >>> parse_query("SELECT ?s WHERE { ?s ?p }", label="q")
    Traceback (most recent call last):
    ...
    aigraph.errors.QueryError: q: line 1, column 19: malformed SPARQL: ...
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(text, base=base) if base else prepareQuery(text)
    except ParseException as exc:
        raise QueryError(
            f"line {exc.lineno}, column {exc.col}: malformed SPARQL: {exc.msg}"
            f" (near {exc.line.strip()[:60]!r})",
            query=label,
        ) from exc
    except Exception as exc:  # rdflib raises plain exceptions for unknown prefixes
        raise QueryError(f"malformed SPARQL: {exc}", query=label) from exc


def run_query(
    dataset: Dataset,
    query: str | Path,
    /,
    *,
    paths: ProjectPaths | None = None,
) -> Result:
    """Answer *query* (a path, a name in the ``queries/`` of *paths*, or SPARQL) over *dataset*.

    The default graph is the merge of every graph; ``GRAPH ?g`` reaches each
    source's named graph.

    :raises QueryError: for an unknown name, unreadable file or malformed SPARQL.

    >>> from aigraph import load
    >>> project = load()
    >>> len(run_query(project.dataset, "cq01-co-chairs", paths=project.paths)) >= 2
    True
    """
    label, text = resolve_query(query, paths=paths)
    refuse_service(text, label=label)  # both engines would follow it to the network
    if store_name(dataset) == "oxigraph":
        return _run_text(dataset, text, label)
    prepared = parse_query(text, label=label)
    try:
        with local_graphs_only():
            return dataset.query(prepared)
    except Exception as exc:
        raise QueryError(f"query failed: {exc}", query=label) from exc


def _run_text(dataset: Dataset, text: str, label: str) -> Result:
    """Let Oxigraph parse and answer *text* over *dataset* (see :func:`run_on_store`)."""
    return run_on_store(lambda: ox_query(dataset, text), text, label)


def run_on_store(ask: Callable[[], Any], text: str, label: str, /) -> Result:
    """Return the answer of ``ask()``, a pyoxigraph query of *text*, as an rdflib Result.

    The query goes to pyoxigraph directly, with no prefixes declared for it: the
    same SPARQL as rdflib's parser and any remote endpoint accept. A syntax error
    is worded as rdflib's parser words it, with its position.

    :raises QueryError: for malformed SPARQL or a failed query.
    """
    try:
        return to_result(ask())
    except SyntaxError as exc:
        parse_query(text, label=label)  # raises with rdflib's clearer message and position
        raise QueryError(f"malformed SPARQL: {exc}", query=label) from exc
    except Exception as exc:
        raise QueryError(f"query failed: {exc}", query=label) from exc


def answer(
    query: str | Path,
    /,
    *,
    root: str | Path | None = None,
    store: StoreName = DEFAULT_STORE,
    endpoint: str | None = None,
    labels: bool = True,
) -> tuple[Result, Graph]:
    """Answer *query* from the project at *root*, or from a remote SPARQL *endpoint*.

    :returns: the result and a graph to take labels from (empty unless *labels*).
    :raises QueryError: for an unknown name, unreadable file or malformed SPARQL.
    :raises RemoteError: when the endpoint cannot be reached or answers with an error.

    >>> result, _labels = answer("cq01-co-chairs")
    >>> result.type
    'SELECT'
    """
    if endpoint is not None:
        from aigraph.sparql.remote import fetch_labels, query_endpoint

        paths = None if root is None and _is_sparql_or_file(query) else project_paths(root)
        label, text = resolve_query(query, paths=paths)
        refuse_service(text, label=label)
        result = query_endpoint(endpoint, text)
        return result, fetch_labels(endpoint, result) if labels else Graph()
    from aigraph.project.graph import load

    project = load(root, store=store, cache=True)
    result = project.query(query)
    return result, project.labels(result) if labels else Graph()


def _is_sparql_or_file(query: str | Path) -> bool:
    text = str(query)
    return (
        bool(_KEYWORDS.search(text) and ("{" in text or "\n" in text)) or Path(text).suffix == ".rq"
    )


def render_answer(
    query: str | Path,
    /,
    *,
    root: str | Path | None = None,
    store: StoreName = DEFAULT_STORE,
    endpoint: str | None = None,
    fmt: str = "table",
    lang: str = "en",
) -> str:
    """Answer *query* as :func:`answer` does; return the rendered text ``aigraph query`` prints.

    A module-level function, so that :func:`aigraph.runner.run_limited` can run
    it in a worker process.

    >>> print(render_answer("SELECT (1 AS ?one) WHERE {}"))
    one
    ---
    1
    (1 row)
    <BLANKLINE>
    """
    from aigraph.sparql.results import render_result

    result, labels = answer(query, root=root, store=store, endpoint=endpoint, labels=fmt == "table")
    return render_result(result, fmt=fmt, labels=labels, lang=lang)  # type: ignore[arg-type]
