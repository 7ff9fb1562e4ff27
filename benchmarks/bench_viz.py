"""Benchmark the graph page: HTML generation, first full drawing and actions in headless chromium.

Synthetic graphs of 200, 2,000 and 10,000 nodes, shaped like the projection
(the real ontology's node classes, ~1.5 edges per node, a few hubs), are
rendered with aigraph.network.page and opened from disk in Debian's chromium, after
the real project's own graph. Measured in the page (performance.now()):

* first full drawing: from the start of navigation until every node and edge is
  shown; above 1,000 nodes that is the page's plain-canvas drawing (the frame
  after it), else vis-network's first drawing; target ≤ 2 s;
* interactive: vis-network's first drawing, from when the page answers clicks,
  search and filters (the same as the first drawing up to 1,000 nodes);
* focus: picking a node (its neighbourhood at depth 1 shown, the rest hidden,
  the view fitted, its panel written) until two animation frames later, i.e.
  drawn; the most connected node and four others; target ≤ 200 ms;
* filter: leaving each focus (every node shown again, the largest change),
  hiding one class and showing it again, each until drawn; target ≤ 200 ms.

Printed as a Markdown table with the targets; docs/benchmarks.md quotes it. With --out,
the table (with the load average and the commit measured) also replaces the graph page's
section of that file (benchmarks/results.md; bench.py keeps the section when it rewrites
the rest). Not a test: nothing here asserts.

    .venv/bin/python benchmarks/bench_viz.py [--out benchmarks/results.md] [SIZES...]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx
from bench import VIZ_END, VIZ_START, code_version, load_average
from playwright.sync_api import sync_playwright
from rdflib import Graph

from aigraph import load
from aigraph.network.page import render_html
from aigraph.network.projection import to_networkx
from aigraph.network.rules import read_rules

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


#: The targets of issue 14, in seconds.
TARGET_DRAW, TARGET_ACTION = 2.0, 0.2

#: Runs an action in the page and resolves with the milliseconds until it is drawn.
_TIMED = """async ([name, args]) => {
  const a = window.aigraph;
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  await frames();
  const t0 = performance.now();
  a[name].apply(a, args);
  await frames();
  return performance.now() - t0;
}"""


def measure(browser, name: str, graph: nx.MultiDiGraph, workdir: Path) -> dict:
    """Render *graph* and time it in the browser: first drawing, focus, filters, relabel."""
    started = time.perf_counter()
    page_text = str(render_html(graph))
    generate = time.perf_counter() - started
    size = graph.number_of_nodes()
    path = workdir / f"graph-{size}.html"
    path.write_text(page_text, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-layout=stable]", timeout=900_000)
    drawn = page.evaluate("() => window.aigraph.state.stableAt") / 1000
    # above 1,000 nodes the page first draws every node and edge on a plain canvas
    preview = page.evaluate("() => window.aigraph.timing.previewShown || null")
    # five nodes to focus: the most connected (the hardest) and four others, each from the
    # whole view; then the filters: a class hidden, shown again, the focus left
    nodes = sorted(graph, key=lambda n: (-graph.degree(n), n))
    picks = [nodes[0], *random.Random(7).sample(nodes[1:], 4)]
    cls = graph.nodes[nodes[len(nodes) // 2]]["cls"]
    focus, filters = [], []
    for node in picks:
        focus.append(page.evaluate(_TIMED, ["focusOn", [[node]]]) / 1000)
        filters.append(page.evaluate(_TIMED, ["showAll", []]) / 1000)
    filters.append(page.evaluate(_TIMED, ["setClassHidden", [cls, True]]) / 1000)
    filters.append(page.evaluate(_TIMED, ["setClassHidden", [cls, False]]) / 1000)
    relabel = page.evaluate(_TIMED, ["setLang", ["ko"]]) / 1000
    page.close()
    return {
        "graph": name,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "size_kb": len(page_text.encode("utf-8")) / 1024,
        "generate": generate,
        "drawn": drawn,
        "preview": preview / 1000 if preview else None,
        "focus": (statistics.median(focus), max(focus)),
        "filter": (statistics.median(filters), max(filters)),
        "relabel": relabel,
    }


def table(rows: list[dict]) -> str:
    """Return the Markdown table of *rows*, with the targets in its heading."""
    lines = [
        "| graph | nodes | edges | page size | HTML generation (with layout) | first full drawing "
        f"(target ≤ {TARGET_DRAW:g} s) | interactive | focus, median / worst (≤ "
        f"{TARGET_ACTION * 1000:g} ms) | filter, median / worst (≤ {TARGET_ACTION * 1000:g} ms) "
        "| relabel en→ko |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['graph']} | {r['nodes']:,} | {r['edges']:,} | {r['size_kb']:,.0f} KB "
            f"| {r['generate']:.2f} s | {(r['preview'] or r['drawn']):.2f} s | {r['drawn']:.2f} s "
            f"| {r['focus'][0] * 1000:.0f} / {r['focus'][1] * 1000:.0f} ms "
            f"| {r['filter'][0] * 1000:.0f} / {r['filter'][1] * 1000:.0f} ms "
            f"| {r['relabel']:.2f} s |"
        )
    return "\n".join(lines) + "\n"


def write_section(path: Path, text: str, machine: str, code: str) -> None:
    """Replace (or append) the graph page's section of *path* with *text*."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    section = (
        f"{VIZ_START}\n## The graph page (`benchmarks/bench_viz.py`, headless Chromium)\n\n"
        f"Load average (1, 5, 15 min) as it started: {machine} (code {code}).\n\n{text}{VIZ_END}\n"
    )
    if VIZ_START in old:
        before, rest = old.split(VIZ_START, 1)
        after = rest.split(VIZ_END, 1)[1].lstrip("\n")
        new = before + section + after
    else:
        new = old + ("\n" if old else "") + section
    path.write_text(new, encoding="utf-8")


def main() -> None:
    """Print one table row per size (and write it to --out)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument(
        "--out", type=Path, default=None, help="replace the graph page's section of this file"
    )
    args = parser.parse_args()
    machine, code = load_average(), code_version()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=LAUNCH_ARGS
        )
        rows.append(measure(browser, "the project's graph", to_networkx(load().dataset), Path(tmp)))
        for size in args.sizes:
            rows.append(measure(browser, "synthetic", synthetic_graph(size), Path(tmp)))
        browser.close()
    text = table(rows)
    print(f"load average {machine} (code {code})\n{text}", end="")
    if args.out:
        write_section(args.out, text, machine, code)


if __name__ == "__main__":
    main()
