"""What the browser tests of the graph page share: Debian's chromium, their marks, an open
page with what it logged, and a page written from the real project (fixtures: conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigraph import load
from aigraph.network.page import render_html
from aigraph.network.projection import to_networkx

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: The marks of every module that drives the browser.
BROWSER_ONLY = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


class Page:
    """An open graph page, with everything it logged and requested."""

    def __init__(self, browser, path: Path, fragment: str = "") -> None:
        self.url = path.resolve().as_uri()
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.console: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url + fragment)
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


def write_page(root: Path | None, tmp_path: Path, **kwargs) -> tuple[Path, object]:
    graph = to_networkx(load(root).dataset, **kwargs)
    path = tmp_path / "graph.html"
    render_html(graph, dest=path)
    return path, graph
