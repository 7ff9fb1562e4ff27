"""Remote triplestores: push the named graphs to any SPARQL 1.1 store, and query it.

``push`` uses the SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT …?graph=IRI``
per named graph (the ontology, each source, the derived edges). A PUT replaces
that graph, so pushing twice leaves the same data. A PUT is never sent without
a graph: on Oxigraph that would replace the whole dataset. After the upload,
the triples of each graph are counted through the query endpoint and compared.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result, ResultRow

from aigraph.errors import RemoteError
from aigraph.formats import of_kind

#: What a query asks the endpoint for: SPARQL JSON for SELECT/ASK, N-Triples for graphs.
ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
#: Media type → rdflib parser of a CONSTRUCT or DESCRIBE answer (text/plain: old N-Triples).
_GRAPH_PARSERS = {
    **{
        fmt.media_type: str(fmt.parser)
        for fmt in of_kind("rdf").values()
        if fmt.name in ("nt", "ttl")
    },
    "text/plain": "nt",
}
_COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@dataclass(frozen=True)
class PushReport:
    """What :func:`push_dataset` uploaded: each graph's IRI and triple count."""

    graph_store: str
    graphs: tuple[tuple[str, int], ...]

    @property
    def summary(self) -> str:
        """One line per graph, then the total."""
        lines = [f"{n:>8}  {name}" for name, n in self.graphs]
        total = sum(n for _name, n in self.graphs)
        return "\n".join(
            [*lines, f"pushed {len(self.graphs)} graphs, {total} triples, to {self.graph_store}"]
        )


def graph_store_url(endpoint: str) -> str:
    """Return the Graph Store Protocol URL that goes with a query endpoint, for known layouts.

    Oxigraph serves queries at ``/query`` and graphs at ``/store``; Fuseki serves
    a dataset's queries at ``/DS/sparql`` (or ``/DS/query``) and its graphs at ``/DS/data``.

    :raises RemoteError: when the layout is not one of those.

    >>> graph_store_url("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/store'
    >>> graph_store_url("http://localhost:3030/aigraph/sparql")
    'http://localhost:3030/aigraph/data'
    """
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")
    if path == "/query":
        new_path = "/store"
    elif path.endswith(("/sparql", "/query")) and path.count("/") >= 2:
        new_path = path.rsplit("/", 1)[0] + "/data"
    else:
        raise RemoteError(f"cannot tell the graph store URL of {endpoint}; give --graph-store")
    return urlunsplit((parts.scheme, parts.netloc, new_path, "", ""))


def pushed_graphs(dataset: Dataset) -> list[URIRef]:
    """Return the named graphs a push uploads: every non-empty named graph, sorted.

    >>> from aigraph.rdf.parse import new_dataset
    >>> pushed_graphs(new_dataset())
    []
    """
    return sorted(
        g.identifier
        for g in dataset.graphs()
        if isinstance(g.identifier, URIRef) and g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)
    )


#: Seconds to wait for a connection to a remote store before saying it cannot be reached.
CONNECT_TIMEOUT = 10.0


def push_dataset(
    dataset: Dataset,
    endpoint: str,
    /,
    *,
    graph_store: str | None = None,
    timeout: float = 60.0,
    client: Any = None,
) -> PushReport:
    """Replace each named graph of *dataset* in the remote store, then check the counts.

    :param endpoint: the store's SPARQL query endpoint, used to check the upload.
    :param graph_store: its Graph Store Protocol URL (default: :func:`graph_store_url`).
    :param client: an ``httpx.Client`` to send the requests with (default: a new one).
    :raises RemoteError: when the store cannot be reached, refuses a graph, or
        holds a different number of triples afterwards.
    """
    import httpx

    store_url = graph_store or graph_store_url(endpoint)
    if client is None:
        # A store that is not there fails fast; one that never answers, after *timeout*.
        with httpx.Client(timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT)) as own:
            return push_dataset(dataset, endpoint, graph_store=store_url, client=own)
    from aigraph.export.serialize import serialize_graph

    pushed: list[tuple[str, int]] = []
    names = pushed_graphs(dataset)
    for name in names:
        graph = dataset.graph(name)
        try:
            _put_graph(client, store_url, name, serialize_graph(graph, "nt"))
        except RemoteError as exc:
            raise RemoteError(
                f"{exc}; {len(pushed)} of {len(names)} graphs were replaced before it, the others "
                "still hold what they held (push again to finish)"
            ) from exc
        pushed.append((str(name), len(graph)))
    remote = _remote_counts(client, endpoint)
    for pushed_name, count in pushed:
        if remote.get(pushed_name) != count:
            raise RemoteError(
                f"{pushed_name}: pushed {count} triples but {endpoint} holds "
                f"{remote.get(pushed_name, 0)}"
            )
    return PushReport(store_url, tuple(pushed))


def _put_graph(client: Any, store_url: str, graph: URIRef, body: bytes) -> None:
    """PUT one graph; *graph* must be an IRI, so the request always names its graph."""
    if not isinstance(graph, URIRef) or not str(graph) or graph == DATASET_DEFAULT_GRAPH_ID:
        raise RemoteError(f"refusing to PUT without a named graph ({graph!r})")
    response = _send(client, "PUT", store_url, params={"graph": str(graph)}, content=body,
                     headers={"Content-Type": "application/n-triples"})
    if response.status_code not in (200, 201, 204):
        raise RemoteError(f"{store_url} refused graph {graph}: {_describe(response)}")


def _remote_counts(client: Any, endpoint: str) -> dict[str, int]:
    result = _query(client, endpoint, _COUNT)
    return {str(row.g): int(row.n) for row in result if isinstance(row, ResultRow)}


def _send(client: Any, method: str, url: str, **kwargs: Any) -> Any:
    import httpx

    try:
        return client.request(method, url, **kwargs)
    except httpx.ConnectTimeout as exc:
        raise RemoteError(
            f"cannot reach {url}: no connection within {CONNECT_TIMEOUT:g} s"
        ) from exc
    except httpx.TimeoutException as exc:
        waited = getattr(getattr(client, "timeout", None), "read", None)
        within = f" within {waited:g} s" if isinstance(waited, int | float) else ""
        raise RemoteError(f"{url} accepted the connection but did not answer{within}") from exc
    except httpx.HTTPError as exc:
        raise RemoteError(f"cannot reach {url}: {exc}") from exc


def _describe(response: Any) -> str:
    return f"HTTP {response.status_code}: {response.text.strip()[:500]}"


def _query(client: Any, endpoint: str, text: str) -> Result:
    response = _send(client, "POST", endpoint, data={"query": text}, headers={"Accept": ACCEPT})
    if response.status_code != 200:
        raise RemoteError(f"{endpoint} answered {_describe(response)}")
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media in ("application/sparql-results+json", "application/json"):
        return Result.parse(io.BytesIO(response.content), format="json")
    if media in _GRAPH_PARSERS:
        result = Result("CONSTRUCT")
        result.graph = Graph().parse(data=response.content, format=_GRAPH_PARSERS[media])
        return result
    raise RemoteError(
        f"{endpoint} answered in {media or 'no media type'}, which aigraph cannot read"
    )


def query_endpoint(endpoint: str, text: str, /, *, timeout: float = 60.0) -> Result:
    """Run SPARQL *text* at a remote endpoint and return the rdflib Result.

    :raises RemoteError: when the endpoint cannot be reached or answers with an error.
    """
    import httpx

    with httpx.Client(timeout=timeout) as client:
        return _query(client, endpoint, text)


def fetch_labels(endpoint: str, result: Result, /, *, timeout: float = 60.0) -> Graph:
    """Return the labels of the IRIs in *result*, from the endpoint, to render a table.

    :raises RemoteError: when the endpoint cannot be reached or answers with an error.
    """
    from aigraph.sparql.results import labels_query

    text = labels_query(result)
    if text is None:
        return Graph()
    labels = query_endpoint(endpoint, text, timeout=timeout)
    return labels.graph if labels.graph is not None else Graph()
