"""The read-only SPARQL endpoint's answers, independent of HTTP and processes.

:func:`answer_query` takes the text of a request and its ``Accept`` header and
returns a complete, buffered :class:`Answer` (status, media type, bytes): a
refusal, an error, or the results serialised in the negotiated format. The
query is parsed by rdflib first, and refused from its algebra when it would
write (SPARQL Update, ``LOAD``) or reach the network (``SERVICE``); the
engine sees only queries that passed. :func:`describe_entity` answers for one
entity IRI: Turtle, or a small HTML page of its facts and their sources.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import islice
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result, ResultRow

from aigraph.errors import EndpointError, QueryError
from aigraph.formats import media_types, of_kind
from aigraph.labels import label
from aigraph.network.links import web_address
from aigraph.rdf.namespaces import BASE
from aigraph.rdf.store import local_graphs_only, ox_query, raw_store, store_name, to_result
from aigraph.sparql.guard import has_service

#: Media type → result format, for SELECT and ASK; the first is the default.
SELECT_TYPES: dict[str, str] = media_types("results", ("json", "xml", "csv", "tsv"))
ASK_TYPES: dict[str, str] = {k: v for k, v in SELECT_TYPES.items() if v in ("json", "xml")}
#: Media type → RDF format, for CONSTRUCT and DESCRIBE; the first is the default.
GRAPH_TYPES: dict[str, str] = media_types("rdf", ("ttl", "nt"))
#: Generic JSON clients get SPARQL JSON.
_ALIASES = {"application/json": "application/sparql-results+json"}

DEFAULT_MAX_RESULTS = 10_000
#: Relative IRIs in a query (``<person/kamala-harris>``) resolve against the data's base.
QUERY_BASE = BASE
#: Media type → format of an entity's description; HTML first, for browsers.
ENTITY_FORMATS = ("ttl", "nt", "jsonld", "xml")
ENTITY_TYPES: dict[str, str] = {"text/html": "html", **media_types("rdf", ENTITY_FORMATS)}


@dataclass(frozen=True)
class ProtocolDataset:
    """The RDF dataset of a request's ``default-graph-uri`` and ``named-graph-uri`` parameters.

    Given, it replaces the query's own ``FROM`` and ``FROM NAMED`` (SPARQL 1.1
    Protocol, 2.1.4). The IRIs name graphs of this dataset; nothing is fetched,
    so an IRI that names no graph here stands for an empty graph.
    """

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """A complete HTTP answer: status, media type and body."""

    status: int
    media_type: str
    body: bytes

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        r"""Return a plain-text error answer.

        >>> Answer.error(400, "no query").body
        b'no query\n'
        """
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """Return the offered media type the ``Accept`` header prefers, or None when none is acceptable.

    python-mimeparse weighs the header (q-values, ``type/*``, ``*/*``, the most
    specific range first, so ``q=0`` on a type refuses it even beside ``*/*``).
    No header gets the first offered type; ties go to the order offered.
    ``application/json`` is taken as SPARQL JSON.

    :raises EndpointError: 400 for a header that is not a list of media ranges.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", list(SELECT_TYPES))
    'application/sparql-results+xml'
    >>> negotiate("*/*", list(SELECT_TYPES)), negotiate("image/png", list(SELECT_TYPES))
    ('application/sparql-results+json', None)
    >>> negotiate("application/sparql-results+json;q=0, */*", list(SELECT_TYPES))
    'application/sparql-results+xml'
    """
    import mimeparse

    if not accept or not accept.strip():
        return offered[0]
    aliases = [alias for alias, target in _ALIASES.items() if target in offered]
    # mimeparse prefers the later of two equal matches: offer in reverse, aliases least preferred
    candidates = [*reversed(aliases), *reversed(offered)]
    try:
        best = mimeparse.best_match(candidates, accept)
    except (mimeparse.MimeTypeParseException, ValueError, IndexError):
        raise EndpointError(400, f"malformed Accept header: {accept[:100]!r}") from None
    return _ALIASES.get(best, best) or None


def check_read_only(text: str) -> Any:
    """Parse *text* with rdflib; return the prepared query, refusing what would write or call out.

    :raises EndpointError: 400 for malformed SPARQL (with the parser's message),
        403 for SPARQL Update (``LOAD`` included) and for ``SERVICE`` anywhere in the query.

    >>> check_read_only("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    aigraph.errors.EndpointError: SERVICE is refused: this endpoint makes no outbound requests
    """
    from aigraph.sparql.query import parse_query

    try:
        prepared = parse_query(text, label="query", base=QUERY_BASE)
    except QueryError as exc:
        if _is_update(text):
            raise EndpointError(
                403, "SPARQL Update is refused: this endpoint is read-only"
            ) from None
        raise EndpointError(400, str(exc)) from None
    if has_service(prepared.algebra):
        raise EndpointError(403, "SERVICE is refused: this endpoint makes no outbound requests")
    return prepared


def _is_update(text: str) -> bool:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


def answer_query(
    dataset: Dataset,
    text: str,
    /,
    *,
    accept: str | None = None,
    max_results: int = DEFAULT_MAX_RESULTS,
    graphs: ProtocolDataset | None = None,
) -> Answer:
    """Answer one SPARQL request over *dataset*, buffered in full: never a 200 with an error inside.

    Relative IRIs resolve against :data:`QUERY_BASE`; *graphs*, when given,
    is the request's dataset and replaces the query's ``FROM``/``FROM NAMED``.

    >>> from aigraph.rdf.parse import new_dataset
    >>> answer = answer_query(new_dataset(), "ASK { ?s ?p ?o }")
    >>> answer.status, answer.media_type, answer.body
    (200, 'application/sparql-results+json', b'{"head": {}, "boolean": false}')
    """
    try:
        if store_name(dataset) == "oxigraph" and _cannot_reach_out(text):
            fast = _answer_on_oxigraph(dataset, text, accept, max_results, graphs)
            if fast is not None:
                return fast
        prepared = check_read_only(text)
        form = prepared.algebra.name
        offered = GRAPH_TYPES if form in ("ConstructQuery", "DescribeQuery") else (
            ASK_TYPES if form == "AskQuery" else SELECT_TYPES
        )
        media = negotiate(accept, list(offered))
        if media is None:
            raise EndpointError(406, f"cannot answer in {accept}; available: {', '.join(offered)}")
        result = _execute(dataset, text, prepared, max_results, graphs)
        return Answer(200, media, _serialise(result, offered[media]))
    except EndpointError as exc:
        return Answer.error(exc.status, str(exc))


def _cannot_reach_out(text: str) -> bool:
    r"""Whether *text* plainly holds no ``SERVICE``: the word is nowhere, in any case or escape.

    SPARQL reads ``\u``/``\U`` escapes anywhere in a query, so a query with one is
    not plainly anything. Oxigraph refuses updates by its own parser (a query is
    not an update), so a query that passes this test and Oxigraph's parser
    can neither write nor call out, and needs no parse by rdflib.

    >>> _cannot_reach_out("SELECT * WHERE { ?s ?p ?o }")
    True
    >>> _cannot_reach_out("SELECT * WHERE { SeRvIcE <http://example.org/> { ?s ?p ?o } }")
    False
    >>> _cannot_reach_out("SELECT * WHERE { \\u0053ERVICE <http://example.org/> { ?s ?p ?o } }")
    False
    """
    return "service" not in text.lower() and "\\u" not in text and "\\U" not in text


def _answer_on_oxigraph(
    dataset: Dataset,
    text: str,
    accept: str | None,
    max_results: int,
    graphs: ProtocolDataset | None,
) -> Answer | None:
    """Answer with Oxigraph's parser alone, or ``None`` when it cannot parse *text*.

    The query form comes from the kind of answer; anything Oxigraph refuses goes
    the slow way, through rdflib's parser, which says what is wrong (or that an
    update is refused).

    :raises EndpointError: 406 when no format fits the query form, 400 over the row limit.
    """
    import pyoxigraph as ox

    try:
        answer = _ox_answer(dataset, text, None, graphs)
    except SyntaxError:
        return None
    if isinstance(answer, ox.QueryTriples):
        offered = GRAPH_TYPES
    else:
        offered = ASK_TYPES if isinstance(answer, ox.QueryBoolean) else SELECT_TYPES
    media = negotiate(accept, list(offered))
    if media is None:
        raise EndpointError(406, f"cannot answer in {accept}; available: {', '.join(offered)}")
    result = _within_limit(to_result(answer, limit=max_results + 1), max_results)
    return Answer(200, media, _serialise(result, offered[media]))


def _execute(
    dataset: Dataset,
    text: str,
    prepared: Any,
    max_results: int,
    graphs: ProtocolDataset | None = None,
) -> Result:
    """Run the query and keep at most *max_results* rows or triples.

    :raises EndpointError: 400 when the answer holds more than *max_results*.
    """
    if store_name(dataset) == "oxigraph":
        result = to_result(_ox_answer(dataset, text, prepared, graphs), limit=max_results + 1)
    else:
        if graphs is not None:
            from rdflib.plugins.sparql.parserutils import CompValue

            prepared.algebra["datasetClause"] = [
                *(CompValue("DatasetClause", default=URIRef(g)) for g in graphs.default),
                *(CompValue("DatasetClause", named=URIRef(g)) for g in graphs.named),
            ]
        with local_graphs_only():
            result = dataset.query(prepared)
    return _within_limit(result, max_results)


def _within_limit(result: Result, max_results: int) -> Result:
    """Return *result* with its rows read, or refuse it when it holds more than *max_results*.

    :raises EndpointError: 400 when the answer holds more than *max_results*.
    """
    if result.type == "SELECT":
        rows = [row for row in islice(result, max_results + 1) if isinstance(row, ResultRow)]
        size = len(rows)
    else:
        size = len(result.graph) if result.graph is not None else 0
    if size > max_results:
        raise EndpointError(
            400,
            f"the answer holds more than {max_results} results; add a LIMIT or narrow the query",
        )
    if result.type == "SELECT":
        limited = Result("SELECT")
        limited.vars = result.vars
        limited.bindings = [
            {v: row[v] for v in result.vars or [] if row[v] is not None} for row in rows
        ]
        return limited
    return result


def _ox_answer(dataset: Dataset, text: str, prepared: Any, graphs: ProtocolDataset | None) -> Any:
    """Ask pyoxigraph, with the base IRI and the request's dataset, if any.

    Without either dataset description the default graph is the merge of all
    graphs (:func:`aigraph.rdf.store.ox_query`); the query's ``FROM`` clauses, or
    the request's parameters, which win over them, name graphs of the store.
    """
    import pyoxigraph as ox

    if graphs is not None:
        default: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]
        default = [ox.NamedNode(g) for g in graphs.default]
        named: list[ox.NamedNode | ox.BlankNode] = [ox.NamedNode(g) for g in graphs.named]
        return raw_store(dataset).query(
            text, base_iri=QUERY_BASE, default_graph=default, named_graphs=named
        )
    return ox_query(dataset, text, base_iri=QUERY_BASE)


def _serialise(result: Result, fmt: str) -> bytes:
    from aigraph.export.serialize import serialize_graph
    from aigraph.sparql.results import format_tsv

    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return serialize_graph(result.graph, fmt)  # type: ignore[arg-type]
    if fmt == "tsv":
        return format_tsv(result).encode("utf-8")
    return result.serialize(format=fmt) or b""


def entity_iri(path: str) -> URIRef:
    """Return the entity IRI that a path under the server stands for.

    >>> entity_iri("person/kamala-harris")
    rdflib.term.URIRef('https://w3id.org/aigraph/person/kamala-harris')
    """
    return URIRef(BASE + path.lstrip("/"))


def local_path(iri: str) -> str:
    """Return the server path of an entity IRI (``#`` percent-encoded, so it reaches the server).

    >>> local_path("https://w3id.org/aigraph/source/mini#p1")
    '/source/mini%23p1'
    """
    return "/" + iri[len(BASE) :].replace("#", "%23")


def describe_entity(dataset: Dataset, iri: str, /, *, accept: str | None = None) -> Answer:
    """Answer for one IRI in the format the ``Accept`` header prefers (:data:`ENTITY_TYPES`).

    The description is every triple about the IRI, in any graph; when the IRI
    names a graph (a source, the ontology), the graph's own triples too, so a
    hash IRI (``source/x#p18``, ``ontology#Summit``) is described by its document.
    HTML is a page of the facts and the graph each comes from; 406 when no
    offered type is acceptable, 404 when nothing is known.

    >>> from aigraph.rdf.parse import new_dataset
    >>> describe_entity(new_dataset(), BASE + "person/nobody").status
    404
    >>> describe_entity(new_dataset(), BASE + "person/nobody", accept="image/png").status
    406
    """
    try:
        media = negotiate(accept, list(ENTITY_TYPES))
    except EndpointError as exc:
        return Answer.error(exc.status, str(exc))
    if media is None:
        return Answer.error(406, f"cannot answer in {accept}; available: {', '.join(ENTITY_TYPES)}")
    subject = URIRef(iri)
    facts = sorted(
        (p, o, g.identifier if isinstance(g, Graph) else g)
        for _s, p, o, g in dataset.quads((subject, None, None, None))
    )
    # rdflib takes a graph's name here too (its annotation asks for a Graph)
    in_graph = dataset.quads((None, None, None, subject))  # type: ignore[arg-type]
    document = [(s, p, o) for s, p, o, _g in in_graph]
    if not facts and not document:
        return Answer.error(404, f"no facts about <{iri}>")
    fmt = ENTITY_TYPES[media]
    if fmt == "html":
        page = _entity_page(dataset, subject, facts, len(document))
        return Answer(200, "text/html; charset=utf-8", page.encode("utf-8"))
    graph = Graph()
    graph.addN((subject, p, o, graph) for p, o, _g in facts)
    graph.addN((*triple, graph) for triple in document)
    if fmt == "jsonld":
        from aigraph.export.jsonld import to_jsonld

        return Answer(200, media, to_jsonld(graph, context=_context(dataset)))
    from aigraph.export.serialize import serialize_graph

    return Answer(200, media, serialize_graph(graph, fmt))  # type: ignore[arg-type]


_CONTEXTS: dict[int, dict] = {}


def _context(dataset: Dataset) -> dict:
    """Return the term context of the whole dataset, made once per dataset (a worker holds one)."""
    from aigraph.export.jsonld import term_context

    key = id(dataset)
    if key not in _CONTEXTS:
        _CONTEXTS.clear()
        _CONTEXTS[key] = term_context(dataset)
    return _CONTEXTS[key]


#: The formats an entity page links to: (media type, ``?format=`` value, name).
_FORMAT_LINKS = tuple(
    (fmt.media_type, fmt.name, fmt.title)
    for fmt in (of_kind("rdf")[name] for name in ENTITY_FORMATS)
)
#: ``?format=`` value → media type, for links that cannot set a header.
FORMAT_PARAMETER = {fmt: media for media, fmt, _name in _FORMAT_LINKS}


def _label(dataset: Dataset, term: object) -> str:
    return label(dataset, term, "en")


def _link(dataset: Dataset, term: object) -> str:
    text = html.escape(_label(dataset, term))
    if isinstance(term, URIRef):
        # Only http(s) addresses become links: a javascript: IRI is shown as text.
        href = local_path(term) if term.startswith(BASE) else web_address(term)
        return f'<a href="{html.escape(href)}">{text}</a>' if href else text
    if isinstance(term, Literal) and term.language:
        lang = html.escape(term.language)
        return f'{text} <small lang="{lang}">@{lang}</small>'
    return text


def _entity_page(dataset: Dataset, subject: URIRef, facts: list, graph_size: int = 0) -> str:
    rows = "\n".join(
        f"<tr><td>{_link(dataset, p)}</td><td>{_link(dataset, o)}</td>"
        f"<td>{_link(dataset, g)}</td></tr>"
        for p, o, g in facts
    )
    title = html.escape(_label(dataset, subject))
    here = html.escape(local_path(subject))
    formats = " · ".join(
        f'<a href="{here}?format={fmt}" type="{html.escape(media)}">{name}</a>'
        for media, fmt, name in _FORMAT_LINKS
    )
    alternates = "".join(
        f'<link rel="alternate" type="{html.escape(media)}" href="{here}?format={fmt}">\n'
        for media, fmt, _name in _FORMAT_LINKS
    )
    graph_note = (
        f"<p>This IRI names a graph of {graph_size} triples; the formats above hold them.</p>\n"
        if graph_size
        else ""
    )
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title>\n{alternates}</head><body>\n<h1>{title}</h1>\n"
        f"<p><code>{html.escape(str(subject))}</code> · {formats} · "
        '<a href="/">graph</a> · <a href="/sparql">SPARQL</a></p>\n'
        f"{graph_note}"
        "<table>\n<tr><th>property</th><th>value</th><th>source graph</th></tr>\n"
        f"{rows}\n</table>\n</body></html>\n"
    )
