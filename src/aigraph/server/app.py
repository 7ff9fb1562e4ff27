"""``aigraph serve``: a read-only SPARQL 1.1 Protocol endpoint, the graph page and entity pages.

Built on Starlette (ASGI) and served by uvicorn; the HTTP parsing is theirs.
Routes: ``/sparql`` (GET and POST, form or direct body; results by content
negotiation), ``/`` (the graph page), and every other path ``/P`` for the
entity ``https://w3id.org/aigraph/P``. Queries run in worker processes
(:mod:`aigraph.server.workers`) with a time limit and a result-size limit, and every
answer is buffered before it is sent, so a failure is a proper 4xx/5xx status.
"""

from __future__ import annotations

import asyncio
import gc
import html
import re
import shutil
import socket
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from rdflib import Dataset
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route

from aigraph.errors import AigraphError, EndpointError
from aigraph.export.serialize import FORMATS
from aigraph.network.links import HtmlPolicyMiddleware, content_security_policy
from aigraph.project.files import ProjectPaths
from aigraph.rdf.namespaces import DATASET_IRI, ONTOLOGY_GRAPH
from aigraph.rdf.store import DEFAULT_STORE, StoreName
from aigraph.runner import Limits
from aigraph.server.answers import (
    DEFAULT_MAX_RESULTS,
    ENTITY_TYPES,
    FORMAT_PARAMETER,
    Answer,
    ProtocolDataset,
    entity_iri,
    negotiate,
)
from aigraph.server.workers import WorkerPool

#: A query (or form body) larger than this is refused with 413.
MAX_REQUEST_BYTES = 256 * 1024
#: The limits of the child that makes the graph page (at 10^6 triples: about a minute, a few GB).
PAGE_LIMITS = Limits(timeout=900.0, max_memory_mb=16384)
_HEADERS = {"Vary": "Accept", "Access-Control-Allow-Origin": "*"}


@dataclass(frozen=True)
class ServeOptions:
    """How the endpoint runs: engine, limits and number of worker processes."""

    store: StoreName = DEFAULT_STORE
    timeout: float = 10.0
    max_results: int = DEFAULT_MAX_RESULTS
    workers: int = 2
    #: Resident memory one worker may reach while answering, in MB (0: no cap).
    max_memory_mb: int = 2048


def create_app(
    root: str | Path | ProjectPaths | None = None,
    /,
    *,
    options: ServeOptions = ServeOptions(),
    on_ready: Callable[[], None] | None = None,
) -> Starlette:
    """Load the project and return the ASGI app; workers start with the app's lifespan.

    :raises LoadError: when a curated file is malformed (before anything listens).
    """
    from aigraph import load
    from aigraph.export.ontology_page import render_ontology_html
    from aigraph.network.stories import read_stories
    from aigraph.rdf.publish import published
    from aigraph.rdf.store import dump_nquads

    project = load(root.root if isinstance(root, ProjectPaths) else root, store=options.store)
    paths = project.paths
    stories = read_stories(paths)
    workdir = Path(tempfile.mkdtemp(prefix="aigraph-serve-"))
    # The page reads the drawing hints (what is served leaves them out); made on first request.
    page = GraphPage(dump_nquads(project.dataset, workdir / "page.nq"), options.store, stories)
    if options.store == "oxigraph":  # on disk, opened read-only by every worker: one copy for all
        snapshot = workdir / "store"
        dataset = published(project.dataset, directory=snapshot)
    else:
        dataset = published(project.dataset)
        snapshot = dump_nquads(dataset, workdir / "snapshot.nq")
    description = VoidDocument(dataset, paths)
    docs = str(render_ontology_html(dataset.graph(ONTOLOGY_GRAPH)))
    del dataset, project  # the workers hold the data from here on (Oxigraph's writer is closed)
    gc.collect()
    pool = WorkerPool(snapshot, options.store, size=options.workers, timeout=options.timeout,
                      max_results=options.max_results, max_memory_mb=options.max_memory_mb)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        try:
            await pool.start()
            if on_ready is not None:
                on_ready()
            yield
        finally:
            pool.close()
            shutil.rmtree(workdir, ignore_errors=True)

    async def sparql(request: Request) -> Response:
        return await _sparql(request, pool)

    async def index(_request: Request) -> Response:
        try:
            html_page, policy = await page.get()
        except AigraphError as exc:
            return _respond(Answer.error(503, f"the graph page could not be made: {exc}"))
        return HTMLResponse(html_page, headers={**_HEADERS, "Content-Security-Policy": policy})

    async def ontology_docs(_request: Request) -> Response:
        return HTMLResponse(docs, headers=_HEADERS)

    async def dist(request: Request) -> Response:
        name = request.path_params["name"]
        path = paths.root / "dist" / name
        if name not in DIST_FILES or not path.is_file():
            return _respond(Answer.error(404, f"no file {name} in dist/ (run aigraph build)"))
        return FileResponse(path, media_type=DIST_FILES[name], headers=_HEADERS)

    async def entity(request: Request) -> Response:
        accept, problem = _accept(request)
        if problem is not None:
            return _respond(problem)
        iri = str(entity_iri(request.path_params["path"]))
        if iri == str(ONTOLOGY_GRAPH) and _prefers_html(accept):
            return HTMLResponse(docs, headers=_HEADERS)
        if (
            iri == str(DATASET_IRI)
            or iri.startswith(f"{DATASET_IRI}/")
            or iri in description.subjects
        ):
            endpoint = str(request.base_url).rstrip("/") + "/sparql"
            return _respond(description.answer(iri, accept, endpoint))
        return _respond(await pool.run("entity", iri, accept, client_of(request)), pool)

    routes = [
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/", index, methods=["GET"]),
        Route("/ontology.html", ontology_docs, methods=["GET"]),
        Route("/dist/{name}", dist, methods=["GET"]),
        Route("/{path:path}", entity, methods=["GET"]),
    ]
    return Starlette(
        routes=routes, lifespan=lifespan, middleware=[Middleware(HtmlPolicyMiddleware)]
    )


def serve(
    root: str | Path | ProjectPaths | None = None,
    /,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    options: ServeOptions = ServeOptions(),
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Serve the project until interrupted; binds to the loopback interface unless told otherwise.

    :raises LoadError: when a curated file is malformed.
    """
    import uvicorn

    sock = listen_socket(host, port)  # before anything else: "serving" is said only once bound
    try:
        app = create_app(root, options=options, on_ready=on_ready)
        config = uvicorn.Config(app, log_level="warning", access_log=False)
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


def listen_socket(host: str, port: int) -> socket.socket:
    """Bind and listen on *host*:*port*, or raise a one-line error saying why not.

    :raises ServeError: when the address is taken, not of this machine, or the port is out of range.

    >>> listen_socket("127.0.0.1", 99999)
    Traceback (most recent call last):
    ...
    aigraph.server.app.ServeError: cannot listen on 127.0.0.1:99999:
    the port must be between 1 and 65535
    """
    if not 0 < port < 65536:
        raise ServeError(f"cannot listen on {host}:{port}: the port must be between 1 and 65535")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _name, address = infos[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    sock.set_inheritable(True)
    return sock


class ServeError(AigraphError):
    """The server cannot start: its address cannot be bound.

    >>> ServeError("cannot listen").exit_code
    2
    """


#: The files of a build that ``/dist/NAME`` serves (VoID's dumps), with their media types.
DIST_FILES: dict[str, str] = {
    **{f"aigraph{ext}": media for ext, media in FORMATS.values()},
    "void.ttl": "text/turtle",
    "context.jsonld": "application/ld+json",
    "ontology.html": "text/html; charset=utf-8",
}


def _prefers_html(accept: str | None) -> bool:
    try:
        return negotiate(accept, list(ENTITY_TYPES)) == "text/html"
    except EndpointError:
        return False


_LINKS = (
    '<nav id="aigraph-links" style="position:fixed;right:8px;bottom:6px;z-index:10;'
    'font:13px system-ui,sans-serif;background:#ffffffe0;padding:3px 8px;border-radius:4px">'
    '<a href="/ontology.html">ontology</a> · <a href="/dataset">dataset (VoID)</a> · '
    '<a href="/sparql">SPARQL</a></nav>\n'
)


def with_links(page: str) -> str:
    """Add links to the ontology's documentation, the VoID description and the endpoint to a page.

    >>> with_links("<html><body>x</body></html>").count('href="/ontology.html"')
    1
    """
    at = page.rfind("</body>")
    return page[:at] + _LINKS + page[at:] if at != -1 else page + _LINKS


def _accept(request: Request) -> tuple[str | None, Answer | None]:
    """Return the Accept header, or the media type a ``?format=`` link asks for (it wins)."""
    fmt = request.query_params.get("format")
    if fmt is None:
        return request.headers.get("accept"), None
    if fmt not in FORMAT_PARAMETER:
        return None, Answer.error(
            400, f"unknown format {fmt!r} (known: {', '.join(FORMAT_PARAMETER)})"
        )
    return FORMAT_PARAMETER[fmt], None


class VoidDocument:
    """The VoID description of the served dataset, with the endpoint's address, in every format.

    Made once when the server starts; each format is serialised on first request.
    """

    def __init__(self, dataset: object, paths: object) -> None:
        from aigraph.build import CONTEXT_FILE, OUTPUTS
        from aigraph.rdf.void import describe_dataset

        self.graph = describe_dataset(dataset, dumps=sorted([*OUTPUTS.values(), CONTEXT_FILE]),  # type: ignore[arg-type]
                                      paths=paths)  # type: ignore[arg-type]
        self.subjects = {str(s) for s in self.graph.subjects()}
        self._cache: dict[tuple[str, str, str], bytes] = {}

    def answer(self, iri: str, accept: str | None, endpoint: str) -> Answer:
        """Describe *iri* (the dataset or one of its subsets) from the VoID graph."""
        from rdflib import Graph, URIRef
        from rdflib.namespace import VOID

        try:
            media = negotiate(accept, list(ENTITY_TYPES))
        except EndpointError as exc:
            return Answer.error(exc.status, str(exc))
        if media is None:
            return Answer.error(
                406, f"cannot answer in {accept}; available: {', '.join(ENTITY_TYPES)}"
            )
        subject = URIRef(iri)
        if (subject, None, None) not in self.graph:
            return Answer.error(404, f"no facts about <{iri}>")
        fmt = "ttl" if media == "text/html" else ENTITY_TYPES[media]
        key = (iri, fmt, endpoint)
        if key not in self._cache:
            graph = Graph()
            graph.addN((s, p, o, graph) for s, p, o in self.graph.triples((subject, None, None)))
            if iri == str(DATASET_IRI):  # the whole description, as void.ttl holds it
                graph.addN((*t, graph) for t in self.graph)
                graph.add((subject, VOID.sparqlEndpoint, URIRef(endpoint)))
            from aigraph.export.serialize import serialize_graph

            self._cache[key] = serialize_graph(graph, fmt)  # type: ignore[arg-type]
        if media == "text/html":  # the description is data; a browser gets it as text
            return Answer(200, "text/plain; charset=utf-8", self._cache[key])
        return Answer(200, media, self._cache[key])


def _respond(answer: Answer, pool: WorkerPool | None = None) -> Response:
    headers = _HEADERS
    if answer.status in (429, 503) and pool is not None:  # when to come back: one time limit
        headers = {**_HEADERS, "Retry-After": str(pool.gate.retry_after)}
    return Response(
        answer.body, status_code=answer.status, media_type=answer.media_type, headers=headers
    )


def client_of(request: Request) -> str:
    """Return the key that the fairness rules count a request under: the client's address."""
    return request.client.host if request.client is not None else "unknown"


async def _sparql(request: Request, pool: WorkerPool) -> Response:
    """Handle one SPARQL 1.1 Protocol request (query operation only)."""
    if request.method == "GET":
        params = {k: request.query_params.getlist(k) for k in request.query_params}
    else:
        body = await _read_body(request)
        if body is None:
            return _respond(
                Answer.error(413, f"the request is larger than {MAX_REQUEST_BYTES} bytes")
            )
        params, problem = _post_params(request, body)
        if problem is not None:
            return _respond(problem)
    if "update" in params:
        return _respond(Answer.error(403, "SPARQL Update is refused: this endpoint is read-only"))
    graphs, problem = _protocol_dataset(params)
    if problem is not None:
        return _respond(problem)
    queries = params.get("query", [])
    if len(queries) != 1:
        if not queries and request.method == "GET" and _wants_html(request):
            return HTMLResponse(_FORM, headers=_HEADERS)
        if queries:
            return _respond(Answer.error(400, f"give one query parameter, not {len(queries)}"))
        return _respond(
            Answer.error(
                400, "no query: give the query parameter (or POST application/sparql-query)"
            )
        )
    return _respond(await pool.run("sparql", (queries[0], graphs), request.headers.get("accept"),
                                client_of(request)), pool)


def _wants_html(request: Request) -> bool:
    try:
        return negotiate(request.headers.get("accept"), ["text/html"]) is not None
    except EndpointError:
        return False


#: An absolute IRI: a scheme, then no space, quote, angle bracket or brace (RFC 3987, loosely).
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*")


def _protocol_dataset(params: dict[str, list[str]]) -> tuple[ProtocolDataset | None, Answer | None]:
    """Read ``default-graph-uri`` and ``named-graph-uri``; each must be an absolute IRI."""
    default, named = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
    for name, values in (("default-graph-uri", default), ("named-graph-uri", named)):
        for value in values:
            if not _ABSOLUTE_IRI.fullmatch(value):
                return None, Answer.error(400, f"{name} is not an absolute IRI: {value[:200]!r}")
    if not default and not named:
        return None, None
    return ProtocolDataset(tuple(default), tuple(named)), None


async def _read_body(request: Request) -> bytes | None:
    """Read the body, or None as soon as it exceeds :data:`MAX_REQUEST_BYTES`."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_REQUEST_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _post_params(request: Request, body: bytes) -> tuple[dict[str, list[str]], Answer | None]:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return {}, Answer.error(400, "the request body is not UTF-8")
    if media == "application/x-www-form-urlencoded":
        return parse_qs(text, keep_blank_values=True), None
    if media == "application/sparql-query":
        return {
            "query": [text],
            **{k: request.query_params.getlist(k) for k in request.query_params},
        }, None
    if media == "application/sparql-update":
        return {"update": [text]}, None
    return {}, Answer.error(
        415,
        "POST a query as application/x-www-form-urlencoded (query=...) or application/sparql-query",
    )


def graph_page(dataset: Dataset, stories: list[dict[str, Any]] | None = None) -> str:
    """Return the HTML of the graph page for the served dataset, as a build writes it.

    The page is :mod:`aigraph.network.page`'s.
    """
    from aigraph.network.page import render_html
    from aigraph.network.projection import to_networkx

    return str(render_html(to_networkx(dataset), stories=stories))


def graph_page_of_snapshot(
    snapshot: str, store: StoreName, stories: list[dict[str, Any]] | None = None
) -> str:
    """Return the graph page of a snapshot (:func:`aigraph.server.workers.load_snapshot`)."""
    from aigraph.server.workers import load_snapshot

    return with_links(graph_page(load_snapshot(snapshot, store), stories))


class GraphPage:
    """The served graph page, made once, on first request, in a child process.

    The projection of a large graph takes a while (about a minute at 10^6
    triples) and as much memory as the graph again: made at start-up, it would
    hold up the endpoint and keep the assembled graph in the server's memory.
    Made from a snapshot of the assembled graph (drawing hints included) in a
    child process (:func:`aigraph.runner.run_limited`), it costs nothing until
    someone asks, and the memory is given back when the child ends. Requests
    that come while it is being made wait for the same child.
    """

    def __init__(
        self, snapshot: Path, store: StoreName, stories: list[dict[str, Any]] | None = None
    ) -> None:
        self.snapshot, self.store, self.stories = snapshot, store, stories
        self._made: asyncio.Future[str] | None = None

    async def get(self) -> tuple[str, str]:
        """Return the page and its Content-Security-Policy.

        :raises aigraph.runner.LimitError: when the child fails or passes its limits
            (a later request tries again).
        """
        from aigraph.runner import run_limited

        if self._made is None:
            self._made = asyncio.ensure_future(asyncio.to_thread(
                run_limited, graph_page_of_snapshot, str(self.snapshot), self.store, self.stories,
                limits=PAGE_LIMITS))
        made = self._made
        try:
            page = await asyncio.shield(made)
        except AigraphError:
            if self._made is made:
                self._made = None
            raise
        return page, content_security_policy(page)


_EXAMPLE_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10"
_FORM = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>aigraph SPARQL</title></head><body>
<h1>SPARQL query</h1>
<form method="get" action="/sparql">
<textarea name="query" rows="12" cols="80">{html.escape(_EXAMPLE_QUERY)}</textarea>
<p><button type="submit">Run</button> (read-only; results as SPARQL JSON by default)</p>
</form>
</body></html>
"""
