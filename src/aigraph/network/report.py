"""Render a :class:`~aigraph.network.measures.NetworkAnalysis` as tables, CSV or JSON.

``table`` is for reading: summary lines first, then the actor, document and
principle tables, long lists cut short. ``csv`` is one table (actors unless
another is asked for), every list in full, items separated by ``"; "``.
``json`` holds the summary and all three tables, each item with IRI and label.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Literal as TypingLiteral

from aigraph.errors import AnalysisError
from aigraph.network.measures import NetworkAnalysis
from aigraph.sparql.results import format_table

AnalysisFormat = TypingLiteral["table", "csv", "json"]
ANALYSIS_FORMATS: tuple[str, ...] = ("table", "csv", "json")
TABLES: tuple[str, ...] = ("actors", "documents", "principles")
#: How many items of a list a table cell shows before "(+N)", and how long each may be.
CELL_ITEMS = 2
CELL_WIDTH = 28
#: The columns of each table: list-valued columns hold IRIs.
COLUMNS = {
    "actors": ("rank", "iri", "class", "degree", "betweenness", "eigenvector", "community",
               "summits", "documents", "principles"),
    "documents": ("iri", "endorsers", "principles", "events", "other_actors"),
    "principles": ("iri", "documents", "statements", "events"),
}


def summary_lines(analysis: NetworkAnalysis) -> list[str]:
    """Return the summary of *analysis* as lines of text, the sampling of betweenness included.

    >>> from aigraph.network.measures import analyze_network
    >>> from aigraph import load
    >>> summary_lines(analyze_network(load().dataset))[3]
    'betweenness: exact, over all ... nodes (sampled above 2,000 nodes)'
    """
    s, labels = analysis.summary, analysis.labels
    method = s["betweenness"]
    if method["sampled"]:
        between = (
            f"betweenness: SAMPLED from {method['pivots']:,} pivot nodes (seed {method['seed']}),"
            f" because the network has {method['nodes']:,} nodes, more than"
            f" {method['exact_up_to']:,}; figures are estimates"
        )
    else:
        from aigraph.network.measures import BETWEENNESS_EXACT_UP_TO

        between = (f"betweenness: exact, over all {method['nodes']:,} nodes"
                   f" (sampled above {BETWEENNESS_EXACT_UP_TO:,} nodes)")
    central = ", ".join(labels[row["iri"]] for row in analysis.actors[:3])
    return [
        f"network: {s['nodes']:,} nodes, {s['edges']:,} edges ({s['neighbour_pairs']:,} pairs of"
        f" neighbours), {s['components']:,} components (largest {s['largest_component']:,} nodes)",
        "kinds: " + ", ".join(f"{kind} {n:,}" for kind, n in s["kinds"].items()),
        "classes: " + ", ".join(f"{cls} {n:,}" for cls, n in s["classes"].items()),
        between,
        f"communities: {s['communities']:,} ({s['community_algorithm']})",
        f"most central actors (betweenness): {central or 'none'}",
    ]


def _cell(value: Any, labels: dict[str, str], *, cut: bool) -> str:
    if isinstance(value, list):
        names = [labels[v] if v in labels else v for v in value]
        if not cut:
            return "; ".join(names)
        short = [n if len(n) <= CELL_WIDTH else n[: CELL_WIDTH - 1] + "…" for n in names]
        more = f" (+{len(names) - CELL_ITEMS})" if len(names) > CELL_ITEMS else ""
        return ", ".join(short[:CELL_ITEMS]) + more
    if isinstance(value, float):
        return f"{value:.4f}" if cut else f"{value:.6f}"
    if isinstance(value, str) and value in labels:
        return labels[value]
    return str(value)


def _rows(analysis: NetworkAnalysis, table: str, top: int | None) -> list[dict[str, Any]]:
    rows = getattr(analysis, table)
    return rows[:top] if top is not None and table == "actors" else rows


def _render_table(analysis: NetworkAnalysis, top: int | None) -> str:
    parts = ["\n".join(summary_lines(analysis))]
    for table in TABLES:
        rows = _rows(analysis, table, top)
        title = f"{table} ({len(rows)} of {len(getattr(analysis, table))})"
        headers = [c if c != "iri" else table[:-1] for c in COLUMNS[table]]
        body = [[_cell(row[c], analysis.labels, cut=True) for c in COLUMNS[table]] for row in rows]
        parts.append(title + "\n" + format_table(headers, body))
    return "\n\n".join(parts) + "\n"


def _render_csv(analysis: NetworkAnalysis, table: str, top: int | None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = COLUMNS[table]
    at = columns.index("iri") + 1  # the label follows the IRI
    writer.writerow([*columns[:at], "label", *columns[at:]])
    for row in _rows(analysis, table, top):
        cells = [row[c] if c == "iri" else _cell(row[c], analysis.labels, cut=False)
                 for c in columns]
        cells.insert(at, analysis.labels[row["iri"]])
        writer.writerow(cells)
    return out.getvalue()


def _json_value(value: Any, labels: dict[str, str]) -> Any:
    if isinstance(value, list):
        return [{"iri": v, "label": labels.get(v, v)} for v in value]
    if isinstance(value, float):
        return round(value, 6)
    return value


def _render_json(analysis: NetworkAnalysis, top: int | None) -> str:
    data: dict[str, Any] = {"summary": analysis.summary}
    for table in TABLES:
        data[table] = [
            {"label": analysis.labels[row["iri"]],
             **{c: _json_value(row[c], analysis.labels) for c in COLUMNS[table]}}
            for row in _rows(analysis, table, top)
        ]
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_analysis(
    analysis: NetworkAnalysis, /, *, fmt: AnalysisFormat = "table", top: int | None = None,
    table: str = "actors",
) -> str:
    """Render *analysis* as text: summary and tables, one CSV table, or JSON.

    :param top: keep only the first *top* actors (by betweenness); every document and principle
        is kept.
    :param table: the table that ``csv`` writes: ``actors``, ``documents`` or ``principles``.
    :raises AnalysisError: for an unknown format or table.

    >>> from aigraph.network.measures import analyze_network
    >>> from aigraph import load
    >>> csv = render_analysis(analyze_network(load().dataset), fmt="csv", top=1)
    >>> print(csv.splitlines()[1][:48])
    1,https://w3id.org/aigraph/organization/anthropi
    """
    if fmt not in ANALYSIS_FORMATS:
        raise AnalysisError(f"unknown format {fmt!r} (known: {', '.join(ANALYSIS_FORMATS)})")
    if table not in TABLES:
        raise AnalysisError(f"unknown table {table!r} (known: {', '.join(TABLES)})")
    if top is not None and top < 1:
        raise AnalysisError("--top must be 1 or more")
    if fmt == "csv":
        return _render_csv(analysis, table, top)
    if fmt == "json":
        return _render_json(analysis, top)
    return _render_table(analysis, top)
