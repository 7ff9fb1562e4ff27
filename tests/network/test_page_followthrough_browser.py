"""Commitment statuses on the graph page (issue 13), in Debian's chromium via Playwright.

The page is the neighbourhood of the Frontier AI Safety Commitments. Expected counts come
from shared/sources/followthrough.md §1.2-1.4: METR and SaferAI count twelve signatories
that published a framework; Overdue Tracker names six that published by the Paris summit;
xAI was late; eight did not publish, two of which (IBM, Samsung) SaferAI calls partial.
"""

from __future__ import annotations

import pytest
from page_support import BROWSER_ONLY, write_page

B = "https://w3id.org/aigraph/"
FASC = B + "document/frontier-ai-safety-commitments"
XAI = B + "organization/xai"
LATE = B + "status/late"

pytestmark = BROWSER_ONLY


@pytest.fixture(scope="module")
def commitments(tmp_path_factory):
    return write_page(None, tmp_path_factory.mktemp("commitments"), focus="frontier-ai-safety-commitments", depth=1)


def _legend(page):
    return page.eval(
        """() => Array.from(document.querySelectorAll('#legend-status li')).map(li =>
             [li.dataset.status, li.querySelector('.swatch').style.color,
              li.querySelector('.count').textContent, li.textContent])"""
    )


def test_legend_lists_the_statuses_with_their_colours(commitments, open_page):
    page = open_page(commitments[0])
    assert page.console == []
    assert page.page.is_visible("#legend-status-title")
    assert page.page.inner_text("#legend-status-title") == "Commitment status (edge colour)"
    got = {status.rsplit("/", 1)[1]: (colour, int(count)) for status, colour, count, _text in _legend(page)}
    # one edge per signatory and status: kept = 12 published + 6 on time; late = xAI;
    # not kept = 8 not published + IBM and Samsung partial
    assert got == {
        "kept": ("rgb(44, 160, 44)", 18),
        "late": ("rgb(255, 127, 14)", 1),
        "not-kept": ("rgb(214, 39, 40)", 10),
    }
    page.page.click("#lang-ko")
    assert page.page.inner_text("#legend-status-title") == "약속 이행 상태 (간선 색)"
    assert {text.split("━")[1].rstrip("0123456789") for *_, text in _legend(page)} == {"이행", "지연 이행", "미이행"}


def test_xai_late_edge_is_orange_and_shows_each_verdict_with_its_source(commitments, open_page):
    path, graph = commitments
    page = open_page(path)
    [edge_id] = [e for e in page.eval("() => window.aigraph.data.edges")
                 if e["from"] == XAI and e["to"] == FASC and e["relation"] == LATE]
    edge = page.eval("id => window.aigraph.edges.get(id)", edge_id["id"])
    assert edge["color"]["color"] == "#ff7f0e"
    # click the edge where it is drawn, half-way along its curve
    x, y = page.eval(
        """id => { const n = window.aigraph.network; const e = n.body.edges[id];
                   const p = e.edgeType.getPoint(0.5); const d = n.canvasToDOM(p);
                   const r = document.getElementById('network').getBoundingClientRect();
                   return [r.left + d.x, r.top + d.y]; }""",
        edge_id["id"],
    )
    page.eval("id => window.aigraph.network.focus(id, {scale: 1.5, animation: false})", XAI)
    x, y = page.eval(
        """id => { const n = window.aigraph.network; const e = n.body.edges[id];
                   const p = e.edgeType.getPoint(0.5); const d = n.canvasToDOM(p);
                   const r = document.getElementById('network').getBoundingClientRect();
                   return [r.left + d.x, r.top + d.y]; }""",
        edge_id["id"],
    )
    page.page.mouse.click(x, y)
    panel = page.page.locator("#panel")
    assert panel.get_attribute("data-shows") == edge_id["id"]
    overdue = page.page.locator(f'#panel section[data-record="{B}fulfilment/frontier-ai-safety-commitments/xai/overduetracker-labs-xai"]')
    text = overdue.inner_text()
    assert "Risk Management Framework, draft of 20 February 2025 (xAI)" in text
    # the record cites the tracker by number; its address is a link, once, in the panel's sources
    ref = overdue.locator("li .ref").inner_text().strip("[] ")
    link = page.page.locator(f'#panel ol.sources li[value="{ref}"] a')
    assert link.get_attribute("href") == "https://overduetracker.org/labs/xai"
    assert link.get_attribute("target") == "_blank"
    # three pages say xAI was late: Overdue Tracker, anteroom.so and techxnow (§1.4)
    assert page.page.locator("#panel section[data-record]").count() == 3
