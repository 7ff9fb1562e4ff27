"""Benchmark the graph page: HTML generation, and time to a stable layout in headless chromium.

Synthetic graphs of 200, 2,000 and 10,000 nodes, shaped like the projection
(the real ontology's node classes, ~1.5 edges per node, a few hubs), are
rendered with aigraph.viz and opened from disk in Debian's chromium, after
the real project's own graph. Printed
as a Markdown table; the README quotes it. Not a test: nothing here asserts.

    .venv/bin/python benchmarks/bench_viz.py [SIZES...]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from playwright.sync_api import sync_playwright
from rdflib import Graph

from aigraph import load
from aigraph.project import to_networkx
from aigraph.projection_rules import read_rules
from aigraph.viz import render_html

SIZES = (200, 2_000, 10_000)
ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "aigraph.ttl"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def synthetic_graph(size: int, seed: int = 1) -> nx.MultiDiGraph:
    """Return a projection-shaped graph of *size* nodes: classes, labels, details and hubs."""
    rng = random.Random(seed)
    rules = read_rules(Graph().parse(ONTOLOGY))
    classes = sorted(str(c) for c in rules.node_classes)
    graph = nx.MultiDiGraph()
    nodes = [f"https://w3id.org/aigraph/synthetic/{i:05d}" for i in range(size)]
    for i, node in enumerate(nodes):
        labels = {"en": f"Entity {i}", "ko": f"개체 {i}"}
        graph.add_node(
            node,
            label=labels["en"],
            labels=labels,
            cls=classes[i % len(classes)],
            alt=[],
            wikidata=None,
            description=None,
            facts=[],
            evidence=[],
            records=[],
        )
    for i, node in enumerate(nodes[1:], start=1):
        # each node links to an earlier one (a few hubs emerge), half of them to a second
        for _ in range(1 if rng.random() < 0.5 else 2):
            target = nodes[int(rng.random() ** 3 * i)]
            graph.add_edge(
                node,
                target,
                key=f"rel{i % 5}",
                relation=f"rel{i % 5}",
                labels={"en": f"relation {i % 5}", "ko": f"관계 {i % 5}"},
                label=f"relation {i % 5}",
                rule="synthetic",
                records=[],
                evidence=[],
            )
    graph.graph.update(
        lang="en",
        records={},
        sources={},
        terms={},
        classes={str(k): vars(v) for k, v in rules.node_classes.items()},
    )
    return graph


def measure(browser, name: str, graph: nx.MultiDiGraph, workdir: Path) -> dict:
    """Render *graph* and time it in the browser: layout, a search, a language switch."""
    started = time.perf_counter()
    page_text = str(render_html(graph))
    generate = time.perf_counter() - started
    size = graph.number_of_nodes()
    path = workdir / f"graph-{size}.html"
    path.write_text(page_text, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-layout=stable]", timeout=900_000)
    stable = page.evaluate("() => window.aigraph.state.stableAt") / 1000
    started = time.perf_counter()
    page.fill("#search", graph.nodes[list(graph)[size // 2]]["labels"]["ko"])
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.aigraph.network.getSelectedNodes().length === 1")
    search = time.perf_counter() - started
    started = time.perf_counter()
    page.click("#lang-ko")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    relabel = time.perf_counter() - started
    page.close()
    return {
        "graph": name,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "size_kb": len(page_text.encode("utf-8")) / 1024,
        "generate": generate,
        "stable": stable,
        "search": search,
        "relabel": relabel,
    }


def main(sizes: tuple[int, ...]) -> None:
    """Print one table row per size."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=LAUNCH_ARGS
        )
        rows.append(measure(browser, "the project's graph", to_networkx(load().dataset), Path(tmp)))
        for size in sizes:
            rows.append(measure(browser, "synthetic", synthetic_graph(size), Path(tmp)))
        browser.close()
    print(
        "| graph | nodes | edges | page size | HTML generation | stable layout | search → focus "
        "| relabel en→ko |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(
            f"| {r['graph']} | {r['nodes']:,} | {r['edges']:,} | {r['size_kb']:,.0f} KB "
            f"| {r['generate']:.2f} s "
            f"| {r['stable']:.1f} s | {r['search']:.2f} s | {r['relabel']:.2f} s |"
        )


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
