"""Render query results: an aligned table with labels, CSV, TSV, SPARQL JSON or XML, or a graph.

``table`` is for reading: IRIs become their label in the reader's language.
``csv``, ``tsv``, ``json`` and ``xml`` are the W3C SPARQL 1.1 result formats, for
SELECT and ASK. CONSTRUCT and DESCRIBE results are graphs: ``ttl`` (also what
``table`` shows), ``nt`` or ``jsonld``. A format that does not fit the query's
form is refused (:class:`~aigraph.errors.QueryError`, exit 2), never swapped.
"""

from __future__ import annotations

import unicodedata
from typing import Literal as TypingLiteral

from rdflib import Graph, URIRef
from rdflib.query import Result, ResultRow

from aigraph.errors import QueryError
from aigraph.labels import LABEL_PROPERTIES, LabelIndex, Language

ResultFormat = TypingLiteral["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"]
RESULT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld")
#: The formats of a SELECT or ASK answer, and of a CONSTRUCT or DESCRIBE graph.
SOLUTION_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS: tuple[str, ...] = ("table", "ttl", "nt", "jsonld")


class Labeller:
    """Turn IRIs into labels in one language, by the project's label policy (:mod:`aigraph.labels`).

    >>> from rdflib import Graph, Literal, URIRef
    >>> from rdflib.namespace import RDFS
    >>> g = Graph()
    >>> iri = URIRef("https://w3id.org/aigraph/person/yoon-suk-yeol")
    >>> g.add((iri, RDFS.label, Literal("윤석열", lang="ko")))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> Labeller(g, "en")(iri), Labeller(g, "ko")(iri)
    ('윤석열', '윤석열')
    """

    def __init__(self, graph: Graph, lang: Language = "en") -> None:
        """Read the labels in *graph* once."""
        self.lang = lang
        self._index = LabelIndex.of(graph)

    def __call__(self, term: object) -> str:
        """Return the text of *term* for a reader."""
        return self._index.label(term, self.lang)


def labels_query(result: Result, /, *, limit: int = 1000) -> str | None:
    """Return a CONSTRUCT query for the labels of the IRIs in a SELECT *result*, or ``None``.

    >>> from rdflib.query import Result
    >>> labels_query(Result("ASK")) is None
    True
    """
    if result.type != "SELECT":
        return None
    iris = sorted({t for row in _rows(result) for t in row if isinstance(t, URIRef)})
    if not iris:
        return None
    values = " ".join(i.n3() for i in iris[:limit])
    return (
        f"CONSTRUCT {{ ?x ?p ?l }} WHERE {{ VALUES ?x {{ {values} }} "
        f"VALUES ?p {{ {' '.join(p.n3() for p in LABEL_PROPERTIES)} }} ?x ?p ?l }}"
    )


def _width(text: str) -> int:
    """Return the number of terminal columns *text* takes (Hangul is two wide)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    """Return an aligned plain-text table.

    >>> print(format_table(["a", "bb"], [["1", "안녕"], ["22", "x"]]))
    a   bb
    --  ----
    1   안녕
    22  x
    """
    widths = [_width(h) for h in headers]
    for row in rows:
        widths = [max(w, _width(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = [
        "  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += [
        "  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    return "\n".join(lines)


def format_tsv(result: Result) -> str:
    """Render SELECT results as SPARQL 1.1 TSV: terms in N-Triples syntax, unbound empty.

    rdflib has no TSV writer; this follows https://www.w3.org/TR/sparql11-results-csv-tsv/.
    """
    variables = list(result.vars or [])
    lines = ["\t".join(f"?{v}" for v in variables)]
    for row in _rows(result):
        lines.append("\t".join("" if row[v] is None else row[v].n3() for v in variables))
    return "\n".join(lines) + "\n"


def render_result(
    result: Result,
    /,
    *,
    fmt: ResultFormat = "table",
    labels: Graph | None = None,
    lang: Language = "en",
) -> str:
    """Render a query *result* as text in format *fmt*.

    :param labels: the graph to take labels from for ``table`` (default: none, IRIs shown).
    :raises QueryError: for an unknown format, or one that does not fit the query's form.

    >>> from rdflib.query import Result
    >>> ask = Result("ASK"); ask.askAnswer = True
    >>> "<boolean>true</boolean>" in render_result(ask, fmt="xml")
    True
    >>> render_result(ask, fmt="ttl")
    Traceback (most recent call last):
    ...
    aigraph.errors.QueryError: -f ttl is for CONSTRUCT and DESCRIBE;
    the ASK query answers in table, csv, tsv, json or xml
    """
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {fmt!r} (known: {', '.join(RESULT_FORMATS)})")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        if fmt not in GRAPH_FORMATS:
            raise QueryError(
                f"-f {fmt} is for SELECT and ASK; the {result.type} query answers in "
                f"{', '.join(GRAPH_FORMATS[1:-1])} or {GRAPH_FORMATS[-1]} (table shows Turtle)"
            )
        from aigraph.export.serialize import serialize_graph

        graph = Graph()
        for triple in result.graph if result.graph is not None else ():
            graph.add(triple)
        return serialize_graph(graph, "ttl" if fmt == "table" else fmt).decode("utf-8")  # type: ignore[arg-type]
    if fmt not in SOLUTION_FORMATS:
        raise QueryError(
            f"-f {fmt} is for CONSTRUCT and DESCRIBE; the {result.type} query answers in "
            f"{', '.join(SOLUTION_FORMATS[:-1])} or {SOLUTION_FORMATS[-1]}"
        )
    if fmt == "json":
        return _serialized(result, "json") + "\n"
    if fmt == "xml":
        return _serialized(result, "xml") + "\n"
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    if fmt == "csv":
        return _serialized(result, "csv")
    if fmt == "tsv":
        return format_tsv(result)
    label = Labeller(labels if labels is not None else Graph(), lang)
    headers = [str(v) for v in result.vars or []]
    rows = [[label(row[v]) for v in result.vars or []] for row in _rows(result)]
    footer = f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
    return format_table(headers, rows) + "\n" + footer + "\n"


def _rows(result: Result) -> list[ResultRow]:
    """Return the rows of a SELECT *result*."""
    return [row for row in result if isinstance(row, ResultRow)]


def _serialized(result: Result, fmt: str) -> str:
    """Return *result* written by rdflib in *fmt*, as text."""
    data = result.serialize(format=fmt)
    if data is None:  # rdflib returns None only when it wrote to a destination
        raise TypeError("rdflib wrote the result elsewhere")
    return data.decode("utf-8")
