"""The graph page as an investigation tool (issue 14), in Debian's chromium via Playwright.

Focus and depth, expand and back, the filters, the URL fragment, the sources in the
panel and the drawing placed at build time. Expected neighbourhoods that are not
hand-checked here are computed with networkx from the projection, apart from the
page's own script.
"""

from __future__ import annotations

import re

import networkx as nx
import pytest
from page_support import BROWSER_ONLY

B = "https://w3id.org/aigraph/"
HARRIS = B + "person/kamala-harris"
LEADERS = B + "summit/ai-seoul-summit-2024/leaders-session"
SEOUL = B + "summit/ai-seoul-summit-2024"
BLETCHLEY = B + "summit/ai-safety-summit-2023"
PARIS = B + "summit/ai-action-summit-2025"
DELHI = B + "summit/india-ai-impact-summit-2026"
KWANGJU = B + "source/kwangju-ilbo-2024-05-22-ai-seoul-summit"
ENDORSED = B + "ontology#endorsementEdge"

pytestmark = BROWSER_ONLY


@pytest.fixture(scope="module")
def whole(tmp_path_factory):
    from aigraph import load
    from aigraph.network.projection import to_networkx
    from aigraph.network.stories import read_stories
    from aigraph.network.page import graph_payload, render_html

    project = load()
    graph = to_networkx(project.dataset)
    path = tmp_path_factory.mktemp("page") / "graph.html"
    render_html(graph, dest=path, stories=read_stories(project.paths))
    return path, graph, graph_payload(graph)


def drawn(page) -> set[str]:
    return set(page.eval("() => window.aigraph.network.body.nodeIndices"))


def drawn_edges(page) -> list[dict]:
    return page.eval(
        "() => window.aigraph.network.body.edgeIndices.map(id => window.aigraph.data.edges"
        ".find(e => e.id === id))"
    )


def within(graph, node, depth) -> set[str]:
    return set(nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), node, cutoff=depth))


def test_fragment_focuses_kamala_harris_and_her_neighbours_with_her_panel(whole, open_page):
    path, graph, _payload = whole
    page = open_page(path, "#focus=kamala-harris&depth=1")
    # KH-0412 and the Kwangju Ilbo (p.18): she took part in the leaders' session for the
    # United States and adopted the Seoul Declaration and its annex, the Statement of Intent
    assert drawn(page) == {
        HARRIS, LEADERS, B + "country/united-states",
        B + "document/seoul-declaration", B + "document/seoul-statement-of-intent",
    }
    assert page.page.get_attribute("#panel", "data-shows") == HARRIS
    assert page.page.inner_text("#panel h2") == "Kamala Harris"
    assert page.eval("() => window.aigraph.network.getSelectedNodes()") == [HARRIS]
    # every edge among the five is drawn, and no other
    expected = {(u, v) for u, v in graph.edges() if {u, v} <= drawn(page)}
    assert {(e["from"], e["to"]) for e in drawn_edges(page)} == expected
    assert page.console == [] and page.requests == [page.url]


LABEL_BOXES = """() => {
  const network = window.aigraph.network, scale = network.getScale();
  return network.body.nodeIndices.map(id => {
    const label = network.body.nodes[id].labelModule;
    return { id: id, onScreen: label.fontOptions.size * scale, box: label.size };
  });
}"""


def test_zoomed_in_the_large_labels_are_capped_and_cover_no_other_label(whole, open_page):
    path, _graph, _payload = whole
    page = open_page(path, "#focus=kamala-harris&depth=1")
    labels = page.eval(LABEL_BOXES)
    assert len(labels) == 5 and page.eval("() => window.aigraph.network.getScale()") > 0.6
    # the documents' and the session's labels are made 36 px high, to be read at the overview
    assert max(label["onScreen"] for label in labels) <= 20.01
    boxes = [(label["id"], label["box"]) for label in labels]
    for i, (a, one) in enumerate(boxes):
        for b, other in boxes[i + 1:]:
            apart = (one["left"] + one["width"] <= other["left"] or other["left"] + other["width"] <= one["left"]
                     or one["top"] + one["height"] <= other["top"] or other["top"] + other["height"] <= one["top"])
            assert apart, f"the labels of {a} and {b} overlap"
    # zoomed back out to the whole graph, the large labels are drawn as made again
    page.page.click("#show-all")
    made = [LEADERS, B + "document/seoul-declaration", B + "document/seoul-statement-of-intent"]
    sizes = page.eval("ids => ids.map(id => window.aigraph.network.body.nodes[id].labelModule.fontOptions.size)",
                      made)
    assert sizes == [36, 36, 36] and page.console == []


def test_depth_expand_and_back_change_what_is_shown(whole, open_page):
    path, graph, _payload = whole
    page = open_page(path, "#focus=kamala-harris&depth=1")
    one = drawn(page)
    page.page.select_option("#depth", "2")
    assert drawn(page) == within(graph, HARRIS, 2) != one
    assert "depth=2" in page.eval("() => location.hash")
    page.page.select_option("#depth", "1")
    assert drawn(page) == one
    # expand from the leaders' session: its neighbours join hers
    page.click_node(LEADERS)  # clicking focuses the session...
    assert drawn(page) == within(graph, LEADERS, 1)
    page.page.click("#back")  # ... back returns to her
    assert drawn(page) == one
    page.eval("id => window.aigraph.network.selectNodes([id])", LEADERS)
    page.page.click("#expand")
    assert drawn(page) == one | within(graph, LEADERS, 1)
    assert "expand=leaders-session" in page.eval("() => location.hash")
    page.page.click("#back")
    assert drawn(page) == one
    page.page.click("#show-all")
    assert drawn(page) == set(graph)
    # dimmed instead of hidden: everything is drawn, the rest faint
    page.page.click("#back")
    page.page.check("#dim")
    assert drawn(page) == set(graph)
    faint = page.eval("() => window.aigraph.nodes.get().filter(n => n.opacity < 1).map(n => n.id)")
    assert set(faint) == set(graph) - one
    assert page.console == []


def test_relation_filter_keeps_only_the_kinds_checked(whole, open_page):
    path, graph, _payload = whole
    page = open_page(path)
    for box in page.page.locator("#rel-items input").all():
        if box.get_attribute("data-rule") != ENDORSED:
            box.uncheck()
    edges = drawn_edges(page)
    endorsed = [(u, v) for u, v, d in graph.edges(data=True) if d["rule"] == ENDORSED]
    assert sorted((e["from"], e["to"]) for e in edges) == sorted(endorsed)
    assert drawn(page) == {n for pair in endorsed for n in pair}
    assert "rel=endorsementEdge" in page.eval("() => location.hash")


def test_summit_filter_shows_the_summits_part(whole, open_page):
    path, graph, _payload = whole
    page = open_page(path)
    page.page.select_option("#summit", label="AI Seoul Summit")
    # README: the summit, its sessions and side events, the texts adopted at them, and
    # every node joined to one of these by an edge
    core = {SEOUL} | {u for u, v, k in graph.in_edges(SEOUL, keys=True) if k.endswith("/superEvent")}
    core |= {u for c in list(core) for u, v, k in graph.in_edges(c, keys=True) if k.endswith("#adoptedAt")}
    part = set(core) | {n for c in core for n in nx.all_neighbors(graph, c)}
    assert drawn(page) == part
    assert HARRIS in part and BLETCHLEY in part  # Seoul follows Bletchley (aig:follows)
    assert DELHI not in part
    assert "summit=ai-seoul-summit-2024" in page.eval("() => location.hash")


def test_time_filter_keeps_what_is_dated_in_the_range(whole, open_page):
    path, graph, payload = whole
    page = open_page(path, "#from=2024-05&to=2024-05")
    shown = drawn(page)
    # the Seoul summit met on 21-22 May 2024; Bletchley in November 2023, Paris in February 2025
    assert SEOUL in shown and LEADERS in shown
    assert BLETCHLEY not in shown and PARIS not in shown and DELHI not in shown
    dated = {n["id"]: n["date"] for n in payload["nodes"] if n.get("date")}
    assert all(dated[n].startswith("2024-05") for n in shown if n in dated)
    # undated nodes are shown when joined to a node dated in the range
    undated = {n for n in shown if n not in dated}
    assert HARRIS in undated
    assert all(any(dated.get(m, "").startswith("2024-05") for m in nx.all_neighbors(graph, n)) for n in undated)


def test_source_filters(whole, open_page):
    path, graph, payload = whole
    page = open_page(path)
    page.page.select_option("#source", KWANGJU)
    edges = drawn_edges(page)
    assert edges and all(KWANGJU in e["src"] for e in edges)
    names = {n["id"] for n in payload["nodes"] if KWANGJU in n.get("src", [])}
    assert HARRIS in drawn(page)  # the article names her (p.18)
    assert drawn(page) == names | {n for e in edges for n in (e["from"], e["to"])}
    page.page.select_option("#source", "")
    page.page.check("#multi")
    edges = drawn_edges(page)
    assert edges and all(len(e["src"]) >= 2 for e in edges)
    assert len(edges) == sum(1 for e in payload["edges"] if len(e.get("src", [])) >= 2)
    assert "multi=1" in page.eval("() => location.hash")


def test_shared_fragment_restores_the_same_state(whole, open_page):
    path, _graph, _payload = whole
    page = open_page(path)
    page.page.fill("#search", "해리스")
    page.page.keyboard.press("Enter")
    page.page.select_option("#depth", "2")
    page.page.uncheck('#legend-items input[data-class$="#Company"]')
    page.page.click("#lang-ko")
    fragment = page.eval("() => location.hash")
    assert fragment.startswith("#focus=kamala-harris&depth=2") and "lang=ko" in fragment
    assert "hide=Company" in fragment
    before = (drawn(page), page.page.inner_text("#panel h2"), page.page.inner_text("#legend-title"))
    again = open_page(path, fragment)
    assert (drawn(again), again.page.inner_text("#panel h2"), again.page.inner_text("#legend-title")) == before
    assert before[1] == "카멀라 해리스" and before[2] == "분류"
    page.page.reload()
    page.page.wait_for_selector("body[data-layout=stable]")
    assert drawn(page) == before[0]
    assert again.console == [] and page.console == []


def test_sources_are_listed_once_with_links_that_open_a_new_tab(whole, open_page):
    path, _graph, _payload = whole
    page = open_page(path, "#focus=anthony-albanese&depth=1")
    sources = page.page.locator("#panel ol.sources > li")
    iris = [li.get_attribute("data-source") for li in sources.all()]
    assert iris and len(iris) == len(set(iris))  # each source once
    assert KWANGJU in iris
    kwangju = page.page.locator(f'#panel ol.sources > li[data-source="{KWANGJU}"]')
    assert "18" in kwangju.inner_text()  # his endorsement: paragraph 18
    assert kwangju.locator("a").count() == 0  # the article is a file, with no address
    page.page.click('#panel button[data-node$="/seoul-declaration"]')
    assert page.page.get_attribute("#panel", "data-shows") == B + "document/seoul-declaration"
    links = page.eval(
        "() => Array.from(document.querySelectorAll('#panel a')).map(a => [a.getAttribute('href'),"
        " a.target, a.rel])")
    assert len(links) >= 5
    for href, target, rel in links:
        assert re.match(r"^https?://", href) and target == "_blank" and rel == "noopener noreferrer"
    page.page.click("#lang-ko")
    assert page.page.locator("#panel h3").all_inner_texts()[-1] == "출처"
    assert page.requests == [page.url] and page.console == []


def test_the_drawing_comes_placed_with_the_summits_in_series_order(whole, open_page):
    path, _graph, payload = whole
    page = open_page(path)
    assert page.eval("() => window.aigraph.network.physics.physicsEnabled") is False
    positions = page.eval("() => window.aigraph.network.getPositions()")
    for node in payload["nodes"]:
        assert (round(positions[node["id"]]["x"]), round(positions[node["id"]]["y"])) == (node["x"], node["y"])
    # Bletchley 2023, Seoul 2024, Paris 2025, New Delhi 2026: one line, left to right
    xs = [positions[s]["x"] for s in (BLETCHLEY, SEOUL, PARIS, DELHI)]
    assert xs == sorted(xs) and len({positions[s]["y"] for s in (BLETCHLEY, SEOUL, PARIS, DELHI)}) == 1
    assert payload["backbone"] == [BLETCHLEY, SEOUL, PARIS, DELHI]


def test_a_story_plays_forward_and_back_focusing_its_steps(whole, open_page):
    path, graph, _payload = whole
    page = open_page(path)
    page.page.select_option("#stories", "bletchley-to-new-delhi")
    assert page.page.is_visible("#story")
    assert page.page.get_attribute("#story", "data-step") == "1"
    assert drawn(page) == within(graph, BLETCHLEY, 1)
    assert page.page.get_attribute("#panel", "data-shows") == BLETCHLEY
    assert "Bletchley Park" in page.page.inner_text("#story-text")
    assert page.page.inner_text("#story-count") == "Step 1 of 5"
    page.page.click("#story-next")
    assert drawn(page) == within(graph, SEOUL, 1)
    assert page.eval("() => location.hash") == "#story=bletchley-to-new-delhi&step=2&lang=en"
    # the sources of what the step says, as links
    assert page.page.locator('#story-sources a[href="https://lbc.co.uk/tech/95f26bbb5a0b4c2baea7f542408cd57d"]').count() == 1
    page.page.click("#story-next")
    assert drawn(page) == within(graph, LEADERS, 1) | within(graph, B + "document/frontier-ai-safety-commitments", 1)
    page.page.click("#story-prev")
    assert drawn(page) == within(graph, SEOUL, 1)
    page.page.click("#lang-ko")
    assert page.page.inner_text("#story-count") == "5단계 중 2단계"
    assert "서울" in page.page.inner_text("#story-text")
    # the last step of the series, from a shared link, then the story closed
    last = open_page(path, "#story=bletchley-to-new-delhi&step=5")
    assert drawn(last) == within(graph, DELHI, 1)
    assert last.page.is_disabled("#story-next")
    last.page.click("#story-close")
    assert last.page.is_hidden("#story")
    assert page.console == [] and last.console == []


def test_a_story_step_sets_its_filters(whole, open_page):
    path, graph, _payload = whole
    page = open_page(path, "#story=seoul-commitments&step=2")
    edges = drawn_edges(page)
    fulfilment = B + "ontology#fulfilmentEdge"
    fasc = B + "document/frontier-ai-safety-commitments"
    assert edges and {e["rule"] for e in edges} == {fulfilment}
    expected = {(u, v, k) for u, v, k, d in graph.edges(keys=True, data=True) if d["rule"] == fulfilment and v == fasc}
    assert {(e["from"], e["to"], e["relation"]) for e in edges} == expected
    # IBM: not published for METR, partial for SaferAI (both edges kept)
    page.page.click("#story-next")
    page.page.click("#story-next")
    ibm = {e["relation"].rsplit("/", 1)[1] for e in drawn_edges(page) if e["from"] == B + "organization/ibm"}
    assert ibm == {"not-published", "partial"}
    assert page.console == []


def test_every_label_of_the_panel_follows_the_page_language(whole, open_page):
    path, _graph, _payload = whole
    page = open_page(path, "#focus=ai-seoul-summit-2024&depth=1&lang=ko")
    names = page.eval("() => Array.from(document.querySelectorAll('#panel tr > td:first-child'))"
                      ".map(td => td.textContent)")
    assert "시작일" in names and "종료일" in names  # schema:startDate, schema:endDate
    assert names and all(re.search("[가-힣]", name) for name in names), names
    headings = page.page.locator("#panel h3").all_inner_texts()
    assert headings and all(re.search("[가-힣]", h) for h in headings), headings


# ---- above 1,000 nodes: the page keeps its own record of what is drawn and draws the
# overview's small nodes and plain edges itself (graph.js, main); what is shown must not change


CLASSES = {  # shapes the page fills itself at the overview, each class its colour
    f"c{k}": {"iri": f"c{k}", "labels": {"en": f"kind {k}", "ko": f"종류 {k}"}, "colour": colour,
              "shape": shape, "small": False}
    for k, (colour, shape) in enumerate(
        [("#1f77b4", "dot"), ("#2ca02c", "square"), ("#d62728", "triangle"), ("#9467bd", "hexagon")])
}


@pytest.fixture(scope="module")
def thousands(tmp_path_factory):
    """A 2,000-node page: a binary tree (n_i to n_(i//2)), every fifth node also joined to
    n_(7i mod 1999); node n_i is of class c_(i mod 4)."""
    from aigraph.network.page import graph_payload, render_html

    graph = nx.MultiDiGraph(lang="en", records={}, sources={}, terms={}, classes=CLASSES)
    for i in range(2000):
        labels = {"en": f"Entity {i}", "ko": f"개체 {i}"}
        graph.add_node(f"n{i:04d}", label=labels["en"], labels=labels, cls=f"c{i % 4}", alt=[],
                       wikidata=None, description=None, facts=[], evidence=[], records=[])
    for i in range(1, 2000):
        ends = [(i // 2, "r")] + ([((7 * i) % 1999, "s")] if i % 5 == 0 and (7 * i) % 1999 != i else [])
        for j, rule in ends:
            graph.add_edge(f"n{i:04d}", f"n{j:04d}", key=rule, labels={"en": rule, "ko": rule},
                           relation=rule, rule=rule, records=[], evidence=[])
    path = tmp_path_factory.mktemp("thousands") / "graph.html"
    render_html(graph, dest=path)
    return path, graph, graph_payload(graph)


def _without(graph, cls):
    return graph.subgraph([n for n, c in graph.nodes(data="cls") if c != cls])


def _edges_among(graph, nodes):
    return sorted((u, v) for u, v in graph.edges() if u in nodes and v in nodes)


def _status(page):
    return page.page.inner_text("#status")


def test_filters_and_focus_in_any_order_show_exactly_their_set_at_2000_nodes(thousands, open_page):
    path, graph, _payload = thousands
    page = open_page(path)
    one, two = "n0101", "n0998"  # classes c1 and c2; the filter hides c3
    page.page.fill("#search", "Entity 101")
    page.page.keyboard.press("Enter")
    assert drawn(page) == within(graph, one, 1)
    assert sorted((e["from"], e["to"]) for e in drawn_edges(page)) == _edges_among(graph, within(graph, one, 1))
    # hiding a class while focused: the neighbourhood through what the filter keeps
    page.page.uncheck('#legend-items input[data-class="c3"]')
    rest = _without(graph, "c3")
    near = within(rest, one, 1)
    assert "n0203" in within(graph, one, 1) - near  # the filter takes one neighbour away
    assert drawn(page) == near
    assert sorted((e["from"], e["to"]) for e in drawn_edges(page)) == _edges_among(graph, near)
    # leaving the focus: everything the filter keeps
    page.page.click("#show-all")
    assert drawn(page) == set(rest)
    assert sorted((e["from"], e["to"]) for e in drawn_edges(page)) == _edges_among(graph, set(rest))
    assert _status(page) == f"{rest.number_of_nodes()} nodes · {rest.number_of_edges()} edges"
    # another focus under the filter, then the filter lifted: the whole neighbourhood again
    page.eval("id => window.aigraph.focusNode(id)", two)
    assert drawn(page) == within(rest, two, 1) != within(graph, two, 1)
    page.page.check('#legend-items input[data-class="c3"]')
    assert drawn(page) == within(graph, two, 1)
    assert sorted((e["from"], e["to"]) for e in drawn_edges(page)) == _edges_among(graph, within(graph, two, 1))
    shown = page.eval("() => window.aigraph.shown()")
    assert set(shown["nodes"]) == drawn(page)
    # back, step by step, through the same states
    page.page.click("#back")
    assert drawn(page) == within(rest, two, 1)
    page.page.click("#back")
    assert drawn(page) == set(rest)
    page.page.click("#back")
    assert drawn(page) == near
    assert page.console == []


def test_at_2000_nodes_the_overview_draws_each_small_node_where_a_click_finds_it(thousands, open_page):
    path, graph, payload = thousands
    page = open_page(path)
    at_xy = {n["id"]: (n["x"], n["y"]) for n in payload["nodes"]}
    # a leaf with no other node within 80 units (the largest nodes are 32 across)
    leaf = next(
        n for n in sorted(graph, reverse=True)
        if graph.degree(n) == 1 and all(
            (at_xy[n][0] - x) ** 2 + (at_xy[n][1] - y) ** 2 > 80**2 for m, (x, y) in at_xy.items() if m != n))
    colour = CLASSES[graph.nodes[leaf]["cls"]]["colour"]
    # zoomed out until it is 2.8 px across: drawn by the page (the others too), not by vis-network
    page.eval("id => { const n = window.aigraph.network; n.moveTo({scale: 1.4 / n.body.nodes[id].options.size}); }", leaf)
    page.page.wait_for_timeout(100)
    assert page.eval("id => window.aigraph.network.body.nodes[id].plainBox !== undefined", leaf)
    pixel = """id => { const n = window.aigraph.network; const d = n.canvasToDOM(n.getPositions([id])[id]);
                       const c = n.canvas.frame.canvas; const r = c.width / c.clientWidth;
                       const one = document.createElement('canvas'); one.width = one.height = 1;
                       const ctx = one.getContext('2d', {willReadFrequently: true});
                       ctx.drawImage(c, Math.round(d.x * r), Math.round(d.y * r), 1, 1, 0, 0, 1, 1);
                       return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)); }"""
    want = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]

    def coloured(rgb):  # nearer to the class's colour than to the white page
        return sum((a - b) ** 2 for a, b in zip(rgb, want)) < sum((a - 255) ** 2 for a in rgb)

    assert coloured(page.eval(pixel, leaf))
    # moved (as physics or vis-network's moveNode move nodes) to an empty corner, unselected,
    # it is drawn there and found there by the next click
    corner = page.eval("() => window.aigraph.network.DOMtoCanvas({x: 40, y: 40})")
    assert all((corner["x"] - x) ** 2 + (corner["y"] - y) ** 2 > 80**2 for x, y in at_xy.values())
    page.eval("([id, p]) => window.aigraph.network.moveNode(id, p.x, p.y)", [leaf, corner])
    page.page.wait_for_timeout(100)  # the drawing after the move
    assert coloured(page.eval(pixel, leaf))
    page.click_node(leaf)
    assert page.page.get_attribute("#panel", "data-shows") == leaf
    assert drawn(page) == within(graph, leaf, 1)
    assert page.console == []
