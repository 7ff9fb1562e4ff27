"""The graph page in a real browser: Debian's chromium, driven by Playwright.

The page is the whole graph of the real project, except for the hostile
and the 2,000-node graphs. Each test opens the generated file from disk and
records every request and console message. The tests skip only when /usr/bin/chromium is absent (CI
installs it: see .ci/run).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDFS

from aigraph import load
from aigraph.network.projection import to_networkx
from aigraph.network.page import render_html
from page_support import BROWSER_ONLY, write_page

B = "https://w3id.org/aigraph/"
HARRIS = B + "person/kamala-harris"
ALBANESE = B + "person/anthony-albanese"
ALBANESE_ENDORSEMENT = B + "endorsement/seoul-declaration/australia"

pytestmark = BROWSER_ONLY


@pytest.fixture(scope="module")
def seoul(tmp_path_factory):
    """The real project's page (the whole graph) and its projection, written once."""
    return write_page(None, tmp_path_factory.mktemp("seoul"))


def test_opens_offline_without_errors_or_requests(seoul, open_page):
    page = open_page(seoul[0])
    assert page.console == []
    assert page.requests == [page.url]  # every script and style is inlined


def test_draws_every_node_and_edge_of_the_projection(seoul, open_page):
    path, graph = seoul
    page = open_page(path)
    drawn = page.eval(
        "() => [window.aigraph.network.body.nodeIndices.length,"
        " window.aigraph.network.body.edgeIndices.length]"
    )
    assert drawn == [graph.number_of_nodes(), graph.number_of_edges()]
    assert page.eval("() => window.aigraph.state.frozen") is True  # settled, then stopped
    assert page.page.inner_text("#physics") == "Resume layout"
    page.page.click("#physics")
    assert page.eval("() => window.aigraph.network.physics.physicsEnabled") is True
    assert page.page.inner_text("#physics") == "Freeze layout"
    page.page.click("#physics")
    assert page.eval("() => window.aigraph.network.physics.physicsEnabled") is False


def test_edges_joining_the_same_two_nodes_are_drawn_apart(seoul, open_page):
    # the Seoul Declaration commits to safety in more than one way (call to action,
    # recognition, support): one edge each, and each label must stay readable
    path, graph = seoul
    declaration, safety = B + "document/seoul-declaration", B + "principle/safety"
    page = open_page(path)
    ids = page.eval("pair => window.aigraph.data.edges.filter(e => pair.includes(e.from)"
                    " && pair.includes(e.to)).map(e => e.id)", [declaration, safety])
    assert len(ids) == sum(1 for u, v in graph.edges() if {u, v} == {declaration, safety}) > 1
    middles = page.eval(
        "ids => ids.map(id => { const p = window.aigraph.network.body.edges[id].edgeType"
        ".getPoint(0.5); return [p.x, p.y]; })", ids)
    gaps = [((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
            for i, a in enumerate(middles) for b in middles[i + 1 :]]
    assert min(gaps) > 10, middles


def test_search_in_korean_focuses_kamala_harris(seoul, open_page):
    page = open_page(seoul[0])
    page.page.fill("#search", "해리스")  # part of her Korean name
    assert page.page.inner_text("#search-results li").startswith("Kamala Harris")
    page.page.keyboard.press("Enter")
    assert page.eval("() => window.aigraph.network.getSelectedNodes()") == [HARRIS]
    assert page.page.inner_text("#panel h2") == "Kamala Harris"
    # the article links her to Wikidata (shared/sources/wikidata-qids.md: Q10853588)
    link = page.page.locator("#panel a[data-wikidata]")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q10853588"


def test_class_filter_hides_companies(seoul, open_page):
    path, graph = seoul
    page = open_page(path)
    companies = {n for n, cls in graph.nodes(data="cls") if cls.endswith("#Company")}
    assert B + "organization/openai" in companies  # the article names OpenAI (p.19)
    page.page.uncheck('#legend-items input[data-class$="#Company"]')
    drawn = set(page.eval("() => window.aigraph.network.body.nodeIndices"))
    assert drawn == set(graph) - companies
    page.page.check('#legend-items input[data-class$="#Company"]')
    assert (
        len(page.eval("() => window.aigraph.network.body.nodeIndices")) == graph.number_of_nodes()
    )


def test_language_switch_relabels_in_place(seoul, open_page):
    dataset = load().dataset
    labels = {lit.language: str(lit) for lit in dataset.objects(URIRef(HARRIS), RDFS.label)}
    page = open_page(seoul[0])
    label = "id => window.aigraph.nodes.get(id).label"
    assert page.eval(label, HARRIS) == labels["en"] == "Kamala Harris"
    page.page.click("#lang-ko")
    assert page.eval(label, HARRIS) == labels["ko"]
    assert page.eval("() => document.documentElement.lang") == "ko"
    assert page.page.inner_text("#legend-title") == "분류"
    assert page.console == []


def test_clicking_albanese_shows_his_endorsement_with_paragraph_18(seoul, open_page):
    page = open_page(seoul[0])
    page.click_node(ALBANESE)
    assert page.page.get_attribute("#panel", "data-shows") == ALBANESE
    record = page.page.locator(f'#panel section[data-record="{ALBANESE_ENDORSEMENT}"]')
    assert "Seoul Declaration" in record.inner_text()
    evidence = record.locator("li[data-paragraph]")
    assert evidence.get_attribute("data-paragraph") == "18"
    assert "Kwangju Ilbo" in evidence.inner_text() and "2024-05-22" in evidence.inner_text()


def test_hassabis_shows_both_titles_each_with_its_source(seoul, open_page):
    # facts.md §7 and Discrepancies: the article (p.19) calls him 회장 (chairman); exbulletin
    # gives co-founder and CEO of Google DeepMind. The panel keeps both, each with its source.
    hassabis = B + "person/demis-hassabis"
    page = open_page(seoul[0])
    page.click_node(hassabis)
    assert page.page.get_attribute("#panel", "data-shows") == hassabis
    article = page.page.locator(
        f'#panel section[data-record="{B}participation/ai-seoul-summit-2024-leaders-session/demis-hassabis"]')
    assert "chairman of Google DeepMind" in article.inner_text()
    assert article.locator("li[data-paragraph]").get_attribute("data-paragraph") == "19"
    page_title = page.page.locator(
        f'#panel section[data-record="{B}membership/demis-hassabis/co-founder-and-ceo-of-google-deepmind/exbulletin"]')
    assert "co-founder and chief executive officer of Google DeepMind" in page_title.inner_text()
    # the record cites the page by number; the page's address is a link, once, in the sources
    ref = page_title.locator("li .ref").inner_text()
    source = page.page.locator(f'#panel ol.sources li[value="{ref.strip("[] ")}"]')
    link = source.locator("a")
    assert link.get_attribute("href") == "https://exbulletin.com/tech/2722725/"
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("rel") == "noopener noreferrer"


def test_screenshots_of_the_whole_graph_a_focused_view_and_a_story_step(tmp_path, open_page):
    """Save three views (to $AIGRAPH_SCREENSHOTS when set, e.g. to refresh docs/*.png)."""
    from aigraph.network.stories import read_stories

    out = Path(os.environ.get("AIGRAPH_SCREENSHOTS", tmp_path))
    project = load()
    path = tmp_path / "graph.html"
    render_html(to_networkx(project.dataset), dest=path, stories=read_stories(project.paths))
    page = open_page(path)
    page.page.screenshot(path=out / "graph.png")
    page.page.goto(page.url + "#focus=kamala-harris&depth=1&lang=ko")
    page.page.reload()
    page.page.wait_for_selector("body[data-layout=stable]")
    assert page.page.get_attribute("#panel", "data-shows") == HARRIS
    page.page.screenshot(path=out / "graph-focus.png")
    page.page.goto(page.url + "#story=seoul-commitments&step=3")
    page.page.reload()
    page.page.wait_for_selector("body[data-layout=stable]")
    assert page.page.get_attribute("#story", "data-step") == "3"
    page.page.screenshot(path=out / "graph-story.png")
    for name in ("graph.png", "graph-focus.png", "graph-story.png"):
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.console == []


def test_hostile_labels_run_no_script(xss_root, tmp_path, open_page):
    path, _graph = write_page(xss_root, tmp_path)
    page = open_page(path)
    page.page.fill("#search", "mallory")
    page.page.keyboard.press("Enter")
    page.page.click("#lang-ko")
    page.page.click("#lang-en")
    panel = page.page.inner_text("#panel")
    assert '<img src=x onerror="window.__xss=1">Mallory' in panel  # shown as text
    assert "<svg><script>window.__xss=4</script></svg> &lt;b&gt;" in panel
    assert page.eval("() => window.__xss") is None
    assert (
        page.eval(
            "() => document.querySelectorAll('img, iframe, svg, #panel script, #panel a').length"
        )
        == 0
    )
    assert page.dialogs == [] and page.console == []
    assert page.requests == [page.url]


def test_a_2000_node_graph_settles_and_stays_usable(tmp_path, open_page):
    import networkx as nx

    graph = nx.MultiDiGraph(
        lang="en",
        records={},
        sources={},
        terms={},
        classes={
            "c": {
                "iri": "c",
                "labels": {"en": "thing", "ko": "것"},
                "colour": "#1f77b4",
                "shape": "dot",
                "small": False,
            }
        },
    )
    for i in range(2000):
        labels = {"en": f"Entity {i}", "ko": f"개체 {i}"}
        graph.add_node(
            f"n{i:04d}",
            label=labels["en"],
            labels=labels,
            cls="c",
            alt=[],
            wikidata=None,
            description=None,
            facts=[],
            evidence=[],
            records=[],
        )
        if i:
            graph.add_edge(
                f"n{i:04d}",
                f"n{(i * 7919) % i:04d}",
                key="r",
                labels={"en": "r", "ko": "r"},
                relation="r",
                rule="r",
                records=[],
                evidence=[],
            )
    path = tmp_path / "big.html"
    render_html(graph, dest=path)
    page = open_page(path)  # waits until the layout is stable and frozen
    # above 1,000 nodes every node and edge is first drawn on a plain canvas, shown before
    # vis-network makes its objects, and removed once vis-network has drawn
    timing = page.eval("() => window.aigraph.timing")
    assert timing["preview"] < timing["previewShown"] < timing["network"] < timing["drawn"]
    assert page.eval("() => document.querySelectorAll('#preview').length") == 0
    page.page.fill("#search", "개체 1234")
    page.page.keyboard.press("Enter")
    assert page.eval("() => window.aigraph.network.getSelectedNodes()") == ["n1234"]
    # picking a node shows its neighbourhood: every edge here ends at n0000 ((i * 7919) % i == 0)
    assert sorted(page.eval("() => window.aigraph.network.body.nodeIndices")) == ["n0000", "n1234"]
    page.page.click("#show-all")
    assert page.eval("() => window.aigraph.network.body.nodeIndices.length") == 2000
    # above 1,000 nodes a small node's label is made once the view zooms in on it
    label = "id => window.aigraph.nodes.get(id).label"
    assert page.eval(label, "n1500") is None
    page.eval("id => window.aigraph.network.moveTo({position: window.aigraph.network.getPositions([id])[id],"
              " scale: 1.5})", "n1500")
    box = page.page.locator("#network").bounding_box()
    page.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.page.mouse.wheel(0, -50)  # a user's zoom: the page adds the labels in view
    page.page.wait_for_function("() => window.aigraph.nodes.get('n1500').label === 'Entity 1500'")
    assert page.console == []
