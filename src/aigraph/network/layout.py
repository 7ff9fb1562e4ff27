"""Place the projected network's nodes when the page is built, so that the page draws at once.

A force-directed layout (Fruchterman and Reingold's: edges pull, every pair of
nodes pushes apart, the moves cool down step by step) in NumPy, deterministic:
the start positions come from a fixed seed and nodes are taken in the graph's
(sorted) order, so the same graph gets the same positions in every process.

* The summits are the backbone: they are pinned on one horizontal line in
  series order (by their first start date), and the rest settles around them
  (up to :data:`MAX_BACKBONE` summits; more are laid out like any node).
* Up to :data:`EXACT_LIMIT` nodes every pair pushes; above it each node is
  pushed by a fixed-seed sample of :data:`SAMPLE` nodes per step (scaled up to
  the whole), so that 10^4 nodes are placed in seconds.

Positions are in the page's canvas units (about :data:`SPACING` between
neighbours), rounded to whole units.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import numpy as np

#: The ideal distance between two joined nodes, in canvas units.
SPACING = 110.0
#: Above this many nodes, the push between nodes is estimated from a sample.
EXACT_LIMIT = 1500
#: How many nodes push each node per step above EXACT_LIMIT.
SAMPLE = 48
#: How many steps the layout takes.
ITERATIONS = 300
#: How strongly every node is pulled to the centre (in proportion to its distance).
GRAVITY = 1.0
#: The distance between two summits on the backbone, in ideal distances.
SUMMIT_GAP = 7.0


#: The summits are pinned in a line only up to this many (the series has four so far).
MAX_BACKBONE = 20
#: After the layout, nodes closer than this (in ideal distances) are moved apart.
SEPARATION = 1.0


def _separate(pos: np.ndarray, pinned: np.ndarray, least: float, rounds: int = 40) -> None:
    """Move apart, in place, the pairs of nodes closer than *least* (the pinned stay)."""
    for _round in range(rounds):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta**2).sum(axis=-1))
        np.fill_diagonal(dist, 1e9)
        close = dist < least
        if not close.any():
            return
        dist = np.maximum(dist, 1e-6)
        # each node of a close pair goes half the missing distance away from the other
        share = np.where(close, (least - dist) / dist / 2, 0.0)
        move = (delta * share[..., None]).sum(axis=1)
        pos += move * (~pinned)[:, None]


def summit_order(graph: nx.MultiDiGraph, summit_class: str) -> list[str]:
    """Return the summits (nodes of *summit_class*) in series order: first start date, then id.

    >>> g = nx.MultiDiGraph()
    >>> start = "https://schema.org/startDate"
    >>> g.add_node("b", cls="S", facts=[{"p": start, "text": {"": "2023-11-01"}}])
    >>> g.add_node("a", cls="S", facts=[{"p": start, "text": {"": "2024-05-21"}}])
    >>> summit_order(g, "S")
    ['b', 'a']
    """
    found = []
    for node, data in graph.nodes(data=True):
        if data.get("cls") != summit_class:
            continue
        dates = [
            text
            for fact in data.get("facts", [])
            if fact.get("p", "").endswith(("/startDate", "#startDate"))
            for text in (fact.get("text") or {}).values()
        ]
        found.append((min(dates) if dates else "9999", node))
    return [node for _date, node in sorted(found)]


def layout(
    graph: nx.MultiDiGraph,
    /,
    *,
    backbone: Sequence[str] = (),
    seed: int = 7,
    iterations: int = ITERATIONS,
) -> dict[str, tuple[int, int]]:
    """Return a position ``(x, y)`` for every node of *graph*, the *backbone* pinned in order.

    >>> g = nx.path_graph(["a", "b", "c", "d"], create_using=nx.MultiDiGraph)
    >>> pos = layout(g, backbone=["a", "d"])
    >>> pos["a"][1] == pos["d"][1] == 0 and pos["a"][0] < pos["d"][0]
    True
    >>> pos == layout(g, backbone=["a", "d"])
    True
    """
    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in graph.edges()
                    if u != v})
    edges = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    k = 1.0  # the ideal distance, in layout units (scaled to SPACING at the end)
    side = max(1.0, np.sqrt(n)) * k
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    pinned = np.zeros(n, dtype=bool)
    pins = [index[s] for s in backbone if s in index]
    if len(pins) > MAX_BACKBONE:  # a line of hundreds of summits would squash the rest
        pins = []
    for order, i in enumerate(pins):
        pos[i] = ((order - (len(pins) - 1) / 2) * SUMMIT_GAP * k, 0.0)
        pinned[i] = True
    temperature = side / 4
    cooling = temperature / (iterations + 1)
    for _step in range(iterations):
        others = pos if n <= EXACT_LIMIT else pos[rng.choice(n, size=SAMPLE, replace=False)]
        # weights k²/d² between each node and the others; the push sums w·(p_i - p_j)
        dist2 = (
            (pos * pos).sum(axis=1)[:, None]
            + (others * others).sum(axis=1)[None, :]
            - 2 * pos @ others.T
        )
        weight = k * k / np.maximum(dist2, 1e-4)
        push = pos * weight.sum(axis=1)[:, None] - weight @ others
        if n > EXACT_LIMIT:
            push *= n / SAMPLE
        move = push
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            length = np.sqrt((d**2).sum(axis=1)) + 1e-9
            pull = d * (length / k)[:, None]
            for axis in (0, 1):
                move[:, axis] += np.bincount(edges[:, 1], pull[:, axis], minlength=n)
                move[:, axis] -= np.bincount(edges[:, 0], pull[:, axis], minlength=n)
        # a pull to the centre, growing with the distance, keeps apart pieces in view
        move -= pos * GRAVITY / k
        length = np.sqrt((move**2).sum(axis=1)) + 1e-9
        step = np.minimum(length, temperature)
        pos += move / length[:, None] * step[:, None] * (~pinned)[:, None]
        temperature -= cooling
    if n <= EXACT_LIMIT:
        _separate(pos, pinned, SEPARATION * k)
    pos *= SPACING / k
    return {node: (round(x), round(y)) for node, (x, y) in zip(nodes, pos.tolist(), strict=True)}
