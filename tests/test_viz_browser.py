"""The graph page in a real browser: Debian's chromium, driven by Playwright.

Each test opens the generated file from disk and records every request and
console message. The tests skip only when /usr/bin/chromium is absent (CI
installs it: see .ci/run).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDFS

from aigraph.build import assemble
from aigraph.project import to_networkx
from aigraph.viz import render_html

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
B = "https://w3id.org/aigraph/"
ADA = B + "person/ada-example"
ENDORSEMENT = B + "endorsement/mini-declaration/examplia"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs Playwright for Python")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield launched
        launched.close()


class Page:
    """An open graph page, with everything it logged and requested."""

    def __init__(self, browser, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.console: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url)
        self.page.wait_for_selector("body[data-layout=stable]", timeout=60_000)

    def eval(self, script: str, arg=None):
        return self.page.evaluate(script, arg)

    def click_node(self, node_id: str) -> None:
        """Click the node where it is drawn on the canvas, as a user would."""
        x, y = self.eval(
            """id => { const n = window.aigraph.network; const p = n.getPositions([id])[id];
                       const d = n.canvasToDOM(p); const r = document.getElementById('network')
                       .getBoundingClientRect(); return [r.left + d.x, r.top + d.y]; }""",
            node_id,
        )
        self.page.mouse.click(x, y)


@pytest.fixture()
def open_page(browser):
    pages: list[Page] = []

    def opener(path: Path) -> Page:
        pages.append(Page(browser, path))
        return pages[-1]

    yield opener
    for page in pages:
        page.page.close()


def _write(root: Path, tmp_path: Path, **kwargs) -> tuple[Path, object]:
    graph = to_networkx(assemble(root), **kwargs)
    path = tmp_path / "graph.html"
    render_html(graph, dest=path)
    return path, graph


def test_opens_offline_without_errors_or_requests(mini_root, tmp_path, open_page):
    path, _graph = _write(mini_root, tmp_path)
    page = open_page(path)
    assert page.console == []
    assert page.requests == [page.url]


def test_draws_every_node_and_edge_of_the_projection(mini_root, tmp_path, open_page):
    path, graph = _write(mini_root, tmp_path)
    page = open_page(path)
    drawn = page.eval(
        "() => [window.aigraph.network.body.nodeIndices.length,"
        " window.aigraph.network.body.edgeIndices.length]"
    )
    assert drawn == [graph.number_of_nodes(), graph.number_of_edges()]
    assert page.eval("() => window.aigraph.state.frozen") is True  # settled, then stopped


def test_search_in_korean_focuses_the_node(mini_root, tmp_path, open_page):
    path, _graph = _write(mini_root, tmp_path)
    page = open_page(path)
    page.page.fill("#search", "에이다")  # part of the Korean label
    assert page.page.inner_text("#search-results li") .startswith("Ada Example")
    page.page.keyboard.press("Enter")
    assert page.eval("() => window.aigraph.network.getSelectedNodes()") == [ADA]
    assert page.page.inner_text("#panel h2") == "Ada Example"


def test_class_filter_hides_companies(mini_root, tmp_path, open_page):
    path, graph = _write(mini_root, tmp_path)
    page = open_page(path)
    companies = [n for n, cls in graph.nodes(data="cls") if cls.endswith("#Company")]
    assert companies  # Mini Press
    page.page.uncheck('#legend-items input[data-class$="#Company"]')
    drawn = page.eval("() => window.aigraph.network.body.nodeIndices")
    assert len(drawn) == graph.number_of_nodes() - len(companies)
    assert not set(companies) & set(drawn)
    page.page.check('#legend-items input[data-class$="#Company"]')
    assert len(page.eval("() => window.aigraph.network.body.nodeIndices")) == graph.number_of_nodes()


def test_language_switch_relabels_in_place(mini_root, tmp_path, open_page):
    dataset = assemble(mini_root)
    labels = {lit.language: str(lit) for lit in dataset.objects(URIRef(ADA), RDFS.label)}
    path, _graph = _write(mini_root, tmp_path)
    page = open_page(path)
    label = "id => window.aigraph.nodes.get(id).label"
    assert page.eval(label, ADA) == labels["en"]
    page.page.click("#lang-ko")
    assert page.eval(label, ADA) == labels["ko"]
    assert page.eval("() => document.documentElement.lang") == "ko"
    assert page.page.inner_text("#legend-title") == "분류"
    assert page.console == []


def test_clicking_a_node_shows_its_records_with_their_paragraph(mini_root, tmp_path, open_page):
    path, _graph = _write(mini_root, tmp_path)
    page = open_page(path)
    page.click_node(ADA)
    record = page.page.locator(f'#panel section[data-record="{ENDORSEMENT}"]')
    assert "Ada Example adopted the Mini Declaration for Examplia." in record.inner_text()
    evidence = record.locator("li[data-paragraph]")
    assert evidence.get_attribute("data-paragraph") == "1"
    assert "Mini test article" in evidence.inner_text()


def test_hostile_labels_run_no_script(xss_root, tmp_path, open_page):
    path, _graph = _write(xss_root, tmp_path)
    page = open_page(path)
    page.page.fill("#search", "mallory")
    page.page.keyboard.press("Enter")
    page.page.click("#lang-ko")
    page.page.click("#lang-en")
    panel = page.page.inner_text("#panel")
    assert '<img src=x onerror="window.__xss=1">Mallory' in panel  # shown as text
    assert "<svg><script>window.__xss=4</script></svg> &lt;b&gt;" in panel
    assert page.eval("() => window.__xss") is None
    assert page.eval("() => document.querySelectorAll('img, iframe, svg, #panel script, #panel a').length") == 0
    assert page.dialogs == [] and page.console == []
    assert page.requests == [page.url]


def test_a_2000_node_graph_settles_and_stays_usable(tmp_path, open_page):
    import networkx as nx

    graph = nx.MultiDiGraph(lang="en", records={}, sources={}, terms={}, classes={
        "c": {"iri": "c", "labels": {"en": "thing", "ko": "것"}, "colour": "#1f77b4", "shape": "dot",
              "small": False}})
    for i in range(2000):
        labels = {"en": f"Entity {i}", "ko": f"개체 {i}"}
        graph.add_node(f"n{i:04d}", label=labels["en"], labels=labels, cls="c", alt=[], wikidata=None,
                       description=None, facts=[], evidence=[], records=[])
        if i:
            graph.add_edge(f"n{i:04d}", f"n{(i * 7919) % i:04d}", key="r", labels={"en": "r", "ko": "r"},
                           relation="r", rule="r", records=[], evidence=[])
    path = tmp_path / "big.html"
    render_html(graph, dest=path)
    page = open_page(path)  # waits until the layout is stable and frozen
    page.page.fill("#search", "개체 1234")
    page.page.keyboard.press("Enter")
    assert page.eval("() => window.aigraph.network.getSelectedNodes()") == ["n1234"]
    assert page.eval("() => window.aigraph.network.body.nodeIndices.length") == 2000
    assert page.console == []
