"""Pictures of the network, drawn with matplotlib's Agg backend (no display needed).

* ``centrality``: the top actors by betweenness, as bars in their class colours;
* ``principles``: which documents and statements invoke which principles, as a matrix;
* ``timeline``: the summits by date, each with the documents adopted at it;
* ``followthrough``: the signatories of each commitment against each source's verdict on
  whether they delivered, coloured by status (kept, late, not kept, disputed).

Each function returns PNG bytes, or writes them to *dest*. The data behind the
matrix and the timeline is public too (:func:`principle_matrix`,
:func:`summit_timeline`), so what a picture shows can be checked as data.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal as TypingLiteral

import networkx as nx
from rdflib import Dataset

from aigraph.errors import AnalysisError
from aigraph.export.serialize import write_atomic
from aigraph.network.categories import Kind, node_kinds
from aigraph.network.info import network_info
from aigraph.rdf.namespaces import ONTOLOGY_GRAPH, SCHEMA

PlotKind = TypingLiteral["centrality", "principles", "timeline", "followthrough"]
PLOTS: tuple[str, ...] = ("centrality", "principles", "timeline", "followthrough")
#: Fonts tried in order; the CJK ones draw Korean labels where they are installed.
FONTS = ("DejaVu Sans", "Noto Sans CJK KR", "Noto Sans CJK JP", "NanumGothic")
START_DATE = str(SCHEMA.startDate)
PART_OF = str(SCHEMA.superEvent)
DPI = 100


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def _png(figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None}, bbox_inches="tight")
    return out.getvalue()


def _fonts() -> list[str]:
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [name for name in FONTS if name in installed] or ["sans-serif"]


def _short(text: str, size: int = 48) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def principle_matrix(
    graph: nx.MultiDiGraph, kinds: dict[str, Kind]
) -> tuple[list[str], list[str], set[tuple[str, str]]]:
    """Return the rows (documents, then statements), columns (principles) and filled cells.

    A cell ``(row, principle)`` is filled when an edge runs from the row to the principle.
    Principles are ordered by how many rows invoke them, then by label.

    >>> from aigraph import load
    >>> from aigraph.network.projection import to_networkx
    >>> ds = load().dataset
    >>> g = to_networkx(ds)
    >>> rows, cols, cells = principle_matrix(g, node_kinds(g, ds.graph(ONTOLOGY_GRAPH)))
    >>> rows[0], cols[0]
    ('https://w3id.org/aigraph/document/seoul-declaration', 'https://w3id.org/aigraph/principle/safety')
    """
    cells = {
        (u, v) for u, v in graph.edges()
        if kinds[v] == "principle" and kinds[u] in ("document", "other")
    }
    label = graph.nodes

    def order(n: str) -> tuple:
        return (-sum(1 for c in cells if n in c), label[n]["label"].casefold(), n)

    rows = sorted({u for u, _v in cells}, key=lambda n: (kinds[n] != "document", *order(n)))
    cols = sorted({v for _u, v in cells}, key=order)
    return rows, cols, cells


def _parse_date(text: str) -> date | None:
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts[:3]] + [1] * (3 - len(parts[:3]))
        return date(*numbers)
    except ValueError:
        return None


def _start(graph: nx.MultiDiGraph, node: str) -> date | None:
    for fact in graph.nodes[node].get("facts", ()):
        if fact["p"] == START_DATE and "text" in fact:
            return _parse_date(next(iter(fact["text"].values())))
    return None


def summit_timeline(graph: nx.MultiDiGraph, kinds: dict[str, Kind]) -> list[dict[str, Any]]:
    """Return the outermost events by date, each with its date and the documents tied to it.

    An event's date is its start date, else the earliest start date of its parts
    (``schema:superEvent``); its documents are those linked to it or to its parts.

    >>> from aigraph import load
    >>> from aigraph.network.projection import to_networkx
    >>> ds = load().dataset
    >>> g = to_networkx(ds)
    >>> [(g.nodes[s["summit"]]["label"], str(s["date"]), len(s["documents"]))
    ...  for s in summit_timeline(g, node_kinds(g, ds.graph(ONTOLOGY_GRAPH)))]
    [('AI Safety Summit', '2023-11-01', 2), ('AI Seoul Summit', '2024-05-21', 6),
     ('AI Action Summit', '2025-02-10', 3), ('India AI Impact Summit', '2026-02-16', 2)]
    """
    events = [n for n in graph if kinds[n] == "event"]
    parts: dict[str, list[str]] = {}
    for event in events:
        parents = [v for _u, v, k in graph.out_edges(event, keys=True) if k == PART_OF]
        if not parents:
            parts.setdefault(event, []).append(event)
        for parent in parents:
            parts.setdefault(parent, []).append(event)
    found = []
    for summit, members in parts.items():
        dates = [d for d in (_start(graph, m) for m in [summit, *members]) if d is not None]
        near = {n for m in members for n in nx.all_neighbors(graph, m)}
        documents = sorted((n for n in near if kinds[n] == "document"),
                           key=lambda n: graph.nodes[n]["label"].casefold())
        found.append({"summit": summit, "date": _start(graph, summit) or min(dates, default=None),
                      "documents": documents})
    return sorted(found, key=lambda s: (s["date"] is None, s["date"] or date.min, s["summit"]))


def _draw_centrality(graph: nx.MultiDiGraph, kinds: dict[str, Kind], top: int):
    from aigraph.network.measures import analyze_projection

    rows = analyze_projection(graph, kinds).actors[:top]
    classes = network_info(graph).classes
    lang = network_info(graph).lang
    figure = _figure(9, 1.5 + 0.35 * len(rows))
    axes = figure.add_subplot()
    names = [_short(graph.nodes[r["iri"]]["label"], 40) for r in rows][::-1]
    colours = [classes.get(r["class"], {}).get("colour", "#999999") for r in rows][::-1]
    axes.barh(names, [r["betweenness"] for r in rows][::-1], color=colours)
    axes.set_xlabel("betweenness centrality (normalised)" if lang == "en"
                    else "매개 중심성 (정규화)")
    axes.set_title(f"Top {len(rows)} actors by betweenness" if lang == "en"
                   else f"매개 중심성 상위 행위자 {len(rows)}")
    shown = sorted({r["class"] for r in rows})
    from matplotlib.patches import Patch

    axes.legend(handles=[Patch(color=classes[c]["colour"], label=classes[c]["labels"][lang])
                         for c in shown if c in classes], loc="lower right")
    return figure


def principle_rows(graph: nx.MultiDiGraph, rows: list[str], cells: set[tuple[str, str]],
                   size: int = 64) -> list[tuple[str, list[str]]]:
    """Return the matrix's rows as ``(label, nodes)``: each label distinct and at most *size* long.

    Rows with the same label and the same principles (one statement as several sources
    report it) are merged into one row that says how many sources it has. A long label
    keeps its start and its end (``…`` between), where labels such as "…, per Business
    Upturn" differ; labels still alike get the source that reports them.

    >>> g = nx.MultiDiGraph()
    >>> for n in "abc":
    ...     g.add_node(n, label="A very long statement label that goes on, per " + n.upper(),
    ...                evidence=[])
    >>> rows = principle_rows(g, ["a", "b", "c"], {("a", "p"), ("b", "p"), ("c", "q")}, 30)
    >>> [label for label, _nodes in rows]
    ['A very long statement…, per A', 'A very long statement…, per B',
     'A very long statement…, per C']
    """
    lang = network_info(graph).lang
    merged: dict[tuple[str, frozenset], list[str]] = {}
    for row in rows:
        principles = frozenset(c for r, c in cells if r == row)
        merged.setdefault((graph.nodes[row]["label"], principles), []).append(row)
    found = []
    for (label, _principles), nodes in merged.items():
        if len(nodes) > 1:
            label += f" ({len(nodes)} sources)" if lang == "en" else f" (출처 {len(nodes)}곳)"
        found.append((label, nodes))
    labels = [_middle(label, size) for label, _nodes in found]
    sources = network_info(graph).sources
    for i, (label, nodes) in enumerate(found):
        if labels.count(labels[i]) > 1:
            evidence = graph.nodes[nodes[0]].get("evidence") or [{}]
            source = sources.get(evidence[0].get("source"), {})
            name = (source.get("publisher") or source.get("label") or {}).get(lang, "")
            labels[i] = _middle(label, size - len(name) - 3) + (f" ({name})" if name else "")
    return list(zip(labels, [nodes for _label, nodes in found], strict=True))


def _middle(text: str, size: int) -> str:
    """Return *text* at most *size* long: its start, ``…`` and its end."""
    if len(text) <= size:
        return text
    tail = min(len(text) // 3, size // 2, 24)
    if ", per " in text[-40:]:
        tail = len(text) - text.rindex(", per ")
    tail = min(tail, size - 8)
    return text[: size - tail - 1].rstrip() + "…" + text[len(text) - tail:]


def _draw_principles(graph: nx.MultiDiGraph, kinds: dict[str, Kind]):
    rows, cols, cells = principle_matrix(graph, kinds)
    if not cells:
        raise AnalysisError("no document or statement invokes a principle: nothing to draw")
    merged = principle_rows(graph, rows, cells)
    figure = _figure(3.5 + 0.45 * len(cols), 3.2 + 0.4 * len(merged))
    axes = figure.add_subplot()
    classes = network_info(graph).classes
    shown: dict[str, str] = {}
    for y, (_label, nodes) in enumerate(merged):
        for col in cols:
            if (nodes[0], col) in cells:
                cls = graph.nodes[nodes[0]]["cls"]
                colour = classes.get(cls, {}).get("colour", "#555555")
                shown[cls] = colour
                axes.scatter(cols.index(col), y, s=180, marker="s", color=colour)
    axes.set_xticks(range(len(cols)), [_short(graph.nodes[c]["label"], 36) for c in cols],
                    rotation=60, ha="right")
    axes.set_yticks(range(len(merged)), [label for label, _nodes in merged])
    axes.set_xlim(-0.6, len(cols) - 0.4)
    axes.set_ylim(len(merged) - 0.4, -0.6)
    axes.grid(True, color="#dddddd")
    axes.set_axisbelow(True)
    lang = network_info(graph).lang
    from matplotlib.patches import Patch

    # the legend names the kinds of row: documents, statements, frameworks (their colours)
    axes.legend(
        handles=[
            Patch(color=colour, label=classes.get(cls, {}).get("labels", {}).get(lang, cls))
            for cls, colour in sorted(shown.items(), key=lambda kv: kv[0])
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        title="row" if lang == "en" else "행",
    )
    axes.set_title("Principles invoked by documents and statements" if lang == "en"
                   else "문서와 발언이 내세운 원칙")
    return figure


def _draw_timeline(graph: nx.MultiDiGraph, kinds: dict[str, Kind]):
    summits = [s for s in summit_timeline(graph, kinds) if s["date"] is not None]
    if not summits:
        raise AnalysisError("no summit has a date: nothing to draw")
    import textwrap

    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    # Each document in full, wrapped to the width a summit has; the figure is as tall as
    # the longest list needs, on either side of the line.
    notes = [
        "\n".join(
            textwrap.fill(graph.nodes[d]["label"], 34, initial_indent="• ", subsequent_indent="  ")
            for d in s["documents"]
        )
        for s in summits
    ]
    lines = [n.count("\n") + 1 if n else 0 for n in notes]
    # the first summit's name is above the line and its documents below; then they alternate
    above = max([lines[i] for i in range(1, len(lines), 2)] + [0])
    below = max([lines[i] for i in range(0, len(lines), 2)] + [0])
    # inches above and below the line (a line of 8-point text is about 0.15 inch)
    high, low = 0.8 + 0.15 * above, 0.8 + 0.15 * below
    figure = _figure(4 + 3.2 * len(summits), 1.3 + high + low)
    axes = figure.add_subplot()
    locator = AutoDateLocator(minticks=3, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    colour = network_info(graph).classes.get(graph.nodes[summits[0]["summit"]]["cls"], {})
    xs = [s["date"] for s in summits]
    axes.plot(xs, [0] * len(xs), color="#999999", zorder=1)
    axes.scatter(xs, [0] * len(xs), s=300, marker="*", color=colour.get("colour", "#d62728"),
                 zorder=2)
    # Summits close in time would overlap: every other one has its name below the line
    # and its documents above.
    for i, s in enumerate(summits):
        up = 1 if i % 2 == 0 else -1
        axes.annotate(f"{graph.nodes[s['summit']]['label']}\n{s['date']:%Y-%m-%d}", (s["date"], 0),
                      xytext=(0, 14 * up), textcoords="offset points", ha="center",
                      va="bottom" if up > 0 else "top", weight="bold")
        text = notes[i]
        if text:
            axes.annotate(text, (s["date"], 0), xytext=(0, -18 * up), textcoords="offset points",
                          ha="center", va="top" if up > 0 else "bottom", fontsize=8,
                          multialignment="left")
    axes.set_yticks([])
    axes.set_ylim(-low, high)  # in inches, roughly: each side as tall as its text
    span = max(xs) - min(xs)
    pad = max(span / 4, timedelta(days=120))
    axes.set_xlim(min(xs) - pad, max(xs) + pad)
    for side in ("left", "right", "top"):
        axes.spines[side].set_visible(False)
    lang = network_info(graph).lang
    axes.set_title("Summits and the documents adopted at them" if lang == "en"
                   else "정상회의와 채택 문서")
    return figure


def fulfilment_matrix(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Return who delivered what, by source: the data behind the ``followthrough`` plot.

    Rows are the signatories a verdict names, columns a commitment document and the
    publisher of a page that gives verdicts on it; a cell holds the status groups
    (kept, late, not kept, disputed) that the publisher's pages give, one or more.

    >>> from aigraph import load
    >>> from aigraph.network.projection import to_networkx
    >>> m = to_networkx(load().dataset, focus="frontier-ai-safety-commitments", depth=1)
    >>> matrix = fulfilment_matrix(m)
    >>> xai = "https://w3id.org/aigraph/organization/xai"
    >>> sorted({g.rsplit("/", 1)[1]
    ...         for (row, col), gs in matrix["cells"].items() if row == xai for g in gs})
    ['kept', 'late']
    """
    groups = network_info(graph).edge_groups
    records = network_info(graph).records
    sources = network_info(graph).sources
    lang = network_info(graph).lang
    cells: dict[tuple[str, tuple[str, str]], set[str]] = {}
    for actor, document, key, data in graph.edges(keys=True, data=True):
        if key not in groups:
            continue
        for record in data.get("records", []):
            for item in records.get(record, {}).get("evidence", []):
                source = sources.get(item.get("source"), {})
                publisher = (source.get("publisher") or source.get("label") or {}).get(
                    lang
                ) or item.get("source")
                cells.setdefault((actor, (document, publisher)), set()).add(groups[key]["group"])
    rows = sorted({r for r, _c in cells}, key=lambda n: (graph.nodes[n]["label"].casefold(), n))
    cols = sorted(
        {c for _r, c in cells}, key=lambda c: (graph.nodes[c[0]]["label"], c[1].casefold())
    )
    order = {g["group"]: g for g in groups.values()}
    return {"rows": rows, "cols": cols, "groups": order,
            "cells": {k: sorted(v, key=lambda g: order[g]["order"]) for k, v in cells.items()}}


def _draw_followthrough(graph: nx.MultiDiGraph):
    from matplotlib.patches import Patch, Rectangle

    matrix = fulfilment_matrix(graph)
    rows, cols, cells, groups = matrix["rows"], matrix["cols"], matrix["cells"], matrix["groups"]
    if not cells:
        raise AnalysisError("no source gives a verdict on a commitment: nothing to draw")
    figure = _figure(3 + 0.9 * len(cols), 1.5 + 0.32 * len(rows))
    axes = figure.add_subplot()
    for (row, col), found in cells.items():
        y, x = rows.index(row), cols.index(col)
        # A publisher giving more than one verdict (as SaferAI's pages do for IBM) shows each.
        for j, group in enumerate(found):
            axes.add_patch(
                Rectangle(
                    (x + j / len(found), y),
                    1 / len(found),
                    1,
                    facecolor=groups[group]["colour"],
                    edgecolor="white",
                    linewidth=1.5,
                )
            )
    axes.set_xlim(0, len(cols))
    axes.set_ylim(len(rows), 0)
    axes.set_xticks([i + 0.5 for i in range(len(cols))])
    axes.set_xticklabels(
        [_short(publisher, 24) for _doc, publisher in cols], rotation=40, ha="right", fontsize=8
    )
    axes.set_yticks([i + 0.5 for i in range(len(rows))])
    axes.set_yticklabels([graph.nodes[r]["label"] for r in rows], fontsize=9)
    axes.tick_params(length=0)
    for side in ("left", "right", "top", "bottom"):
        axes.spines[side].set_visible(False)
    lang = network_info(graph).lang
    used = sorted({g for found in cells.values() for g in found}, key=lambda g: groups[g]["order"])
    axes.legend(
        handles=[Patch(color=groups[g]["colour"], label=groups[g]["labels"][lang]) for g in used],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    documents = sorted({graph.nodes[d]["label"] for d, _p in cols})
    axes.set_title(
        (
            "Who delivered: each source's verdict on "
            if lang == "en"
            else "이행 여부: 출처별 판정 — "
        )
        + ", ".join(documents)
    )
    return figure


def plot_network(
    dataset: Dataset, kind: PlotKind, /, *, dest: str | Path | None = None, lang: str = "en",
    top: int = 15,
) -> bytes | Path:
    r"""Draw the *kind* plot of *dataset*'s network as PNG; write it to *dest*, else return it.

    :param kind: ``centrality``, ``principles``, ``timeline`` or ``followthrough``.
    :param top: how many actors the centrality plot shows.
    :raises AnalysisError: for an unknown plot, or a graph with nothing to draw.

    >>> from aigraph import load
    >>> plot_network(load().dataset, "timeline")[:8]
    b'\x89PNG\r\n\x1a\n'
    """
    from matplotlib import rc_context

    from aigraph.network.projection import to_networkx

    if kind not in PLOTS:
        raise AnalysisError(f"unknown plot {kind!r} (known: {', '.join(PLOTS)})")
    if top < 1:
        raise AnalysisError("--top must be 1 or more")
    graph = to_networkx(dataset, lang=lang)  # type: ignore[arg-type]
    kinds = node_kinds(graph, dataset.graph(ONTOLOGY_GRAPH))
    with rc_context({"font.family": _fonts(), "svg.hashsalt": "aigraph"}):
        if kind == "centrality":
            figure = _draw_centrality(graph, kinds, top)
        elif kind == "principles":
            figure = _draw_principles(graph, kinds)
        elif kind == "followthrough":
            figure = _draw_followthrough(graph)
        else:
            figure = _draw_timeline(graph, kinds)
        data = _png(figure)
    return data if dest is None else write_atomic(dest, data)
