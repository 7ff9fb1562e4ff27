"""Issue 11, case 1: no script links. Only http(s) addresses become links, the shapes
refuse any other scheme with file and line, and every HTML response carries a CSP."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from helpers import invoke, serving

from aigraph.network.links import STRICT_CSP, web_address

ADA = "<https://w3id.org/aigraph/person/ada-example> a schema:Person ;"
JS = "javascript:alert(document.domain)"


def with_address(root: Path, prop: str, value: str) -> Path:
    """Give Ada (in the mini source) one more address property; return the data file."""
    data = root / "data" / "mini-source.trig"
    text = data.read_text(encoding="utf-8")
    assert ADA in text
    data.write_text(text.replace(ADA, f"{ADA}\n        {prop} {value} ;"), encoding="utf-8")
    return data


@pytest.mark.parametrize("address", [
    JS, "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x",
    " https://example.org", "java\tscript:alert(1)", "https://ex.org/\"onmouseover=x", "//evil.org/x",
])
def test_only_http_and_https_addresses_are_links(address: str):
    assert web_address(address) is None


def test_web_addresses_are_links():
    for address in ("https://www.wikidata.org/entity/Q42", "http://example.org/a?b=c#d"):
        assert web_address(address) == address


@pytest.mark.parametrize(("prop", "value"), [
    ("schema:url", f"<{JS}>"),
    ("dcterms:source", "<data:text/html,x>"),
    ("rdfs:seeAlso", "<vbscript:msgbox>"),
    ("schema:url", f'"{JS}"'),
])
def test_validate_refuses_other_schemes_with_file_and_line(mini_root: Path, prop: str, value: str):
    data = with_address(mini_root, prop, value)
    line = next(n for n, text in enumerate(data.read_text().splitlines(), 1) if value in text)
    result = invoke("validate", "--root", str(mini_root))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{data}:{line}:" in result.stderr
    assert "an address must be an http: or https: IRI" in result.stderr


def test_http_and_https_addresses_still_conform(mini_root: Path):
    with_address(mini_root, "schema:url", "<https://example.org/ada>")
    result = invoke("validate", "--root", str(mini_root))
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def js_server(tmp_path_factory):
    """`aigraph serve` over a project holding a javascript: address (serve does not validate); one per module."""
    import shutil

    from helpers import MINI, ROOT

    root = tmp_path_factory.mktemp("js") / "mini"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(MINI / "data", root / "data")
    shutil.copytree(MINI / "queries", root / "queries")
    with_address(root, "schema:url", f"<{JS}>")
    with serving(root, "--workers", "1", "--store", "memory") as base:
        yield base


@pytest.mark.server
def test_entity_page_shows_a_script_address_as_text(js_server: str):
    page = httpx.get(f"{js_server}/person/ada-example", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert JS in page.text  # shown ...
    assert 'href="javascript' not in page.text.lower()  # ... but never as a link
    assert 'href="https://schema.org/url"' in page.text  # http(s) addresses stay links


@pytest.mark.server
def test_every_html_response_carries_a_content_security_policy(js_server: str):
    html_pages = {
        "entity": httpx.get(f"{js_server}/person/ada-example", headers={"Accept": "text/html"}),
        "form": httpx.get(f"{js_server}/sparql", headers={"Accept": "text/html"}),
    }
    for name, response in html_pages.items():
        assert response.headers["content-type"].startswith("text/html"), name
        assert response.headers["content-security-policy"] == STRICT_CSP, name
        assert "script-src" not in STRICT_CSP and "default-src 'none'" in STRICT_CSP
    graph = httpx.get(f"{js_server}/")
    policy = graph.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'; script-src 'sha256-")
    import html
    import re

    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', graph.text)
    assert meta and html.unescape(meta.group(1)) == policy  # the header is the page's own policy
    assert httpx.get(f"{js_server}/sparql?query=ASK{{}}").headers["x-content-type-options"] == "nosniff"
