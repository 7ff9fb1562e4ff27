"""Benchmark network analysis (aigraph analyze) on synthetic projections of growing size.

The graphs are the projection-shaped synthetic graphs of ``bench_viz.py`` (the real
ontology's node classes, ~1.5 edges per node, a few hubs), so the two benchmarks
measure the same shapes. Each row times :func:`aigraph.network.measures.analyze_projection`
and, within it, the betweenness step, which is exact up to
``BETWEENNESS_EXACT_UP_TO`` nodes and sampled from ``BETWEENNESS_SAMPLE`` pivots
above. Printed as a Markdown table; docs/benchmarks.md quotes it. Not a test: nothing here
asserts.

    .venv/bin/python benchmarks/bench_analyze.py [SIZES...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from rdflib import Graph

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_viz import synthetic_graph  # noqa: E402  (the shared synthetic projection)

import aigraph.network.measures  # noqa: E402
from aigraph.network.categories import class_kinds  # noqa: E402
from aigraph.network.measures import (  # noqa: E402
    BETWEENNESS_EXACT_UP_TO,
    BETWEENNESS_SAMPLE,
    analyze_projection,
)

SIZES = (1_000, 2_000, 10_000, 50_000)
ONTOLOGY = HERE.parent / "ontology" / "aigraph.ttl"


TIMES: dict[str, float] = {}
_betweenness = aigraph.network.measures.betweenness


def _timed_betweenness(*args: Any, **kwargs: Any) -> Any:
    """Time the betweenness step inside analyze_projection (the module calls it by name)."""
    started = time.perf_counter()
    result = _betweenness(*args, **kwargs)
    TIMES["betweenness"] = time.perf_counter() - started
    return result


aigraph.network.measures.betweenness = _timed_betweenness


def measure(size: int, kinds_of_class: dict) -> dict:
    """Analyse a synthetic graph of *size* nodes; return its size and timings."""
    graph = synthetic_graph(size)
    kinds = {node: kinds_of_class.get(cls, "other") for node, cls in graph.nodes(data="cls")}
    started = time.perf_counter()
    analysis = analyze_projection(graph, kinds)
    total = time.perf_counter() - started
    method = analysis.summary["betweenness"]
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "method": f"sampled, k={method['pivots']}" if method["sampled"] else "exact",
        "betweenness": TIMES["betweenness"],
        "total": total,
    }


def main(sizes: tuple[int, ...]) -> None:
    """Print one Markdown row per size."""
    kinds_of_class = class_kinds(Graph().parse(ONTOLOGY))
    print(f"betweenness: exact up to {BETWEENNESS_EXACT_UP_TO:,} nodes, "
          f"else sampled from {BETWEENNESS_SAMPLE} pivots")
    print("| nodes | edges | betweenness | betweenness time | whole analysis |")
    print("| ---: | ---: | --- | ---: | ---: |")
    for size in sizes:
        row = measure(size, kinds_of_class)
        print(f"| {row['nodes']:,} | {row['edges']:,} | {row['method']} | "
              f"{row['betweenness']:.1f} s | {row['total']:.1f} s |", flush=True)


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
