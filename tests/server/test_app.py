"""`aigraph serve`: the SPARQL 1.1 Protocol, its safety rules and its behaviour under load.

One server per store is started as a user would (``python -m aigraph serve``)
on a free loopback port, with a short time limit, and stopped at the end.
"""

import csv
import io
import json
import socket
import threading
from pathlib import Path

import httpx
import pytest
from helpers import MINI, ROOT, serving
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.query import Result

pytestmark = pytest.mark.server

TIMEOUT = 2  # seconds: the servers' --timeout
MAX_RESULTS = 40
PERSON = "https://schema.org/Person"
PEOPLE = f"SELECT ?p WHERE {{ ?p a <{PERSON}> }} ORDER BY ?p"
ADA = "https://w3id.org/aigraph/person/ada-example"
EVIL = "https://w3id.org/aigraph/person/eve-example"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SELECT_TYPES = [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
]

# A second source whose label would run script in a page that did not escape it.
EVIL_SOURCE = f"""
<https://w3id.org/aigraph/source/evil> {{
    <{EVIL}> a <{PERSON}> ;
        <http://www.w3.org/2000/01/rdf-schema#label> "<script>alert(1)</script>"@en .
    <{ADA}> a <{PERSON}> .  # stated in the mini source too: still one person in the union
}}
"""


@pytest.fixture(scope="module", params=["oxigraph", "memory"])
def server(request, tmp_path_factory):
    """A running `aigraph serve` over the miniature project; yields its base URL."""
    import shutil

    root = tmp_path_factory.mktemp(f"serve-{request.param}") / "mini"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(MINI / "data", root / "data")
    shutil.copytree(MINI / "queries", root / "queries")
    (root / "data" / "zz-evil.trig").write_text(EVIL_SOURCE)
    options = ["--store", request.param, "--timeout", str(TIMEOUT), "--max-results", str(MAX_RESULTS)]
    with serving(root, *options, "--workers", "2") as base:
        yield base


def _json_rows(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    data = json.loads(response.content)
    return [b["p"]["value"] for b in data["results"]["bindings"]]


def test_get_post_form_and_direct_body_agree(server: str):
    expected = [ADA, EVIL]  # the two people of the fixture's sources, Ada once though typed twice
    by_get = httpx.get(f"{server}/sparql", params={"query": PEOPLE})
    by_form = httpx.post(f"{server}/sparql", data={"query": PEOPLE})
    by_body = httpx.post(f"{server}/sparql", content=PEOPLE.encode(),
                         headers={"Content-Type": "application/sparql-query"})
    for response in (by_get, by_form, by_body):
        assert _json_rows(response) == expected
        assert response.headers["content-type"] == "application/sparql-results+json"


@pytest.mark.parametrize("media", SELECT_TYPES)
def test_select_in_each_result_format(server: str, media: str):
    response = httpx.get(f"{server}/sparql", params={"query": PEOPLE}, headers={"Accept": media})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    if media == "text/csv":
        rows = list(csv.reader(io.StringIO(response.text)))
        assert rows == [["p"], [ADA], [EVIL]]
    elif media == "text/tab-separated-values":
        assert response.text.splitlines() == ["?p", f"<{ADA}>", f"<{EVIL}>"]
    else:
        fmt = "json" if media.endswith("json") else "xml"
        result = Result.parse(io.BytesIO(response.content), format=fmt)
        assert [str(row[0]) for row in result] == [ADA, EVIL]


def test_any_type_gets_sparql_json_and_q_values_are_honoured(server: str):
    star = httpx.get(f"{server}/sparql", params={"query": PEOPLE}, headers={"Accept": "*/*"})
    assert star.headers["content-type"] == "application/sparql-results+json"
    ranked = httpx.get(f"{server}/sparql", params={"query": PEOPLE},
                       headers={"Accept": "text/csv;q=0.4, application/sparql-results+xml;q=0.9"})
    assert ranked.headers["content-type"].startswith("application/sparql-results+xml")


def test_unservable_accept_is_406_naming_the_types(server: str):
    response = httpx.get(f"{server}/sparql", params={"query": PEOPLE}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    for media in SELECT_TYPES:
        assert media in response.text


@pytest.mark.parametrize(("media", "fmt"), [("text/turtle", "turtle"), ("application/n-triples", "nt")])
def test_construct_as_turtle_and_ntriples(server: str, media: str, fmt: str):
    query = f"CONSTRUCT {{ ?p <{RDFS.label}> ?l }} WHERE {{ ?p a <{PERSON}> ; <{RDFS.label}> ?l }}"
    response = httpx.get(f"{server}/sparql", params={"query": query}, headers={"Accept": media})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    graph = Graph().parse(data=response.text, format=fmt)
    assert (URIRef(ADA), RDFS.label, Literal("에이다 예시", lang="ko")) in graph
    assert len(graph) == 3  # Ada's two labels and Eve's one


def test_ask(server: str):
    response = httpx.get(f"{server}/sparql", params={"query": f"ASK {{ <{ADA}> a <{PERSON}> }}"})
    assert response.status_code == 200 and json.loads(response.content)["boolean"] is True


def test_malformed_query_is_400_with_the_parser_message(server: str):
    response = httpx.get(f"{server}/sparql", params={"query": "SELECT ?s WHERE {\n  ?s ?p \n}"})
    assert response.status_code == 400
    assert "line 2, column 3: malformed SPARQL" in response.text


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"content": b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
         "headers": {"Content-Type": "application/sparql-update"}},
        {"data": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"data": {"query": "DELETE WHERE { ?s ?p ?o }"}},
        {"data": {"query": "DROP ALL"}},
    ],
    ids=["update-form", "update-body", "insert-as-query", "delete-as-query", "drop-as-query"],
)
def test_updates_are_refused_and_change_nothing(server: str, request_kwargs: dict):
    response = httpx.post(f"{server}/sparql", **request_kwargs)
    assert response.status_code == 403 and "read-only" in response.text
    assert _json_rows(httpx.get(f"{server}/sparql", params={"query": PEOPLE})) == [ADA, EVIL]


class _Listener:
    """A loopback TCP socket that records whether anything connected to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.setblocking(False)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"

    def connected(self) -> bool:
        """Whether a connection is waiting: one made before the server answered is queued by now."""
        try:
            conn, _ = self.sock.accept()
        except BlockingIOError:
            return False
        conn.close()
        return True


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ ?s a <https://schema.org/Person> OPTIONAL {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }} }}",
        "ASK {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        "LOAD <{url}>",
        "LOAD SILENT <{url}> INTO GRAPH <urn:g>",
    ],
    ids=["service", "in-optional", "in-exists", "in-subquery", "load", "load-into"],
)
def test_service_and_load_are_refused_without_any_outbound_request(server: str, template: str):
    listener = _Listener()
    query = template.format(url=listener.url)
    response = httpx.post(f"{server}/sparql", data={"query": query})
    assert response.status_code == 403, response.text
    assert not listener.connected(), "the server connected out"


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ \\U00000053ervice <{url}> {{ ?s ?p ?o }} }}",
    ],
    ids=["mixed-case", "escaped", "long-escape"],
)
def test_service_in_any_spelling_is_refused_without_any_outbound_request(server: str, template: str):
    """A query Oxigraph alone answers must plainly hold no SERVICE: these go through the full check."""
    listener = _Listener()
    response = httpx.post(f"{server}/sparql", data={"query": template.format(url=listener.url)})
    assert response.status_code in (400, 403), response.text
    assert not listener.connected(), "the server connected out"


def test_from_clause_never_fetches_a_graph(server: str):
    listener = _Listener()
    query = f"SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }}"
    response = httpx.post(f"{server}/sparql", data={"query": query})
    assert response.status_code == 200, response.text
    assert json.loads(response.content)["results"]["bindings"] == []
    assert not listener.connected(), "the server fetched the FROM graph"


def test_too_many_results_is_a_clear_error(server: str):
    response = httpx.get(f"{server}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 400
    assert f"more than {MAX_RESULTS} results" in response.text
    limited = httpx.get(f"{server}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
    assert len(json.loads(limited.content)["results"]["bindings"]) == 5


def test_other_protocol_errors(server: str):
    no_query = httpx.get(f"{server}/sparql", headers={"Accept": "application/sparql-results+json"})
    assert no_query.status_code == 400
    form_page = httpx.get(f"{server}/sparql", headers={"Accept": "text/html"})
    assert form_page.status_code == 200 and "<form" in form_page.text
    wrong_type = httpx.post(f"{server}/sparql", content=b"x", headers={"Content-Type": "text/plain"})
    assert wrong_type.status_code == 415
    too_big = httpx.post(f"{server}/sparql", data={"query": "#" * 300_000})
    assert too_big.status_code == 413
    dataset_params = httpx.get(f"{server}/sparql", params={"query": PEOPLE, "default-graph-uri": "not an IRI"})
    assert dataset_params.status_code == 400 and "default-graph-uri" in dataset_params.text


def test_entity_as_turtle_and_html(server: str):
    turtle = httpx.get(f"{server}/person/ada-example", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef(ADA), RDFS.label, Literal("Ada Example", lang="en")) in graph
    page = httpx.get(f"{server}/person/ada-example", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<h1>Ada Example</h1>" in page.text
    assert 'href="/source/mini"' in page.text  # the source the facts come from
    assert 'href="/summit/mini-summit"' in page.text  # a linked entity, under this server
    assert httpx.get(f"{server}/person/ada-example?format=ttl").headers["content-type"].startswith("text/turtle")


def test_entity_pages_escape_the_data(server: str):
    page = httpx.get(f"{server}/person/eve-example")
    assert page.status_code == 200
    assert "<script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_unknown_entity_is_404(server: str):
    assert httpx.get(f"{server}/person/nobody-at-all").status_code == 404


def test_graph_page_at_root(server: str):
    response = httpx.get(f"{server}/", timeout=120)  # the page is made on first request, in a child process
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")


def test_listens_on_loopback_only(server: str):
    port = int(server.rsplit(":", 1)[1])
    proc_net = Path("/proc/net/tcp")
    if not proc_net.exists():
        pytest.skip("needs Linux /proc/net/tcp")
    listening = [
        line.split()[1] for line in proc_net.read_text().splitlines()[1:]
        if line.split()[3] == "0A" and int(line.split()[1].split(":")[1], 16) == port
    ]
    assert listening == [f"0100007F:{port:04X}"]  # 127.0.0.1, and nothing else


def test_load_eight_clients_while_a_query_times_out(server: str):
    """8 clients, 320 queries: every answer right; a cross product is cut and nobody else waits on it."""
    errors: list[str] = []
    answered = []
    queries = [PEOPLE, f"ASK {{ <{ADA}> a <{PERSON}> }}", (MINI / "queries" / "people.rq").read_text()]

    def client(index: int) -> None:
        with httpx.Client(timeout=60) as http:
            for n in range(40):
                query = queries[(index + n) % len(queries)]
                response = http.post(f"{server}/sparql", data={"query": query})
                if response.status_code != 200:
                    errors.append(f"{response.status_code}: {response.text}")
                    continue
                data = json.loads(response.content)
                ok = data.get("boolean") is True or len(data.get("results", {}).get("bindings", [])) in (1, 2)
                (answered if ok else errors).append(query)

    slow: list[httpx.Response] = []
    cross = threading.Thread(
        target=lambda: slow.append(httpx.post(f"{server}/sparql", data={"query": CROSS}, timeout=60))
    )
    cross.start()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in [*threads, cross]:
        thread.join(timeout=300)
    assert errors == []
    assert len(answered) == 320
    assert slow[0].status_code == 503 and "time limit" in slow[0].text
    # and the server is still whole afterwards
    assert _json_rows(httpx.get(f"{server}/sparql", params={"query": PEOPLE})) == [ADA, EVIL]
