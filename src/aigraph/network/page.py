"""Draw a projected graph as one self-contained, offline HTML page.

The page is rendered from aigraph's own autoescaping Jinja2 template
(``templates/graph.html.j2``). It inlines vis-network (the copy shipped in the
pyvis wheel), its stylesheet and the page's script, so opening the file makes
no network request; a Content-Security-Policy forbids any. pyvis's own
``show()``, ``write_html()`` and template are never used: its template links
Bootstrap from a CDN and does not escape its heading.

The graph travels as JSON in a ``<script type="application/json">`` element,
with ``<``, ``>`` and ``&`` escaped, so no label can close the element; the
page's script puts every label into the document as text, never as markup.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, PackageLoader, StrictUndefined

from aigraph.errors import ExportError
from aigraph.export.serialize import write_atomic
from aigraph.network.info import network_info
from aigraph.network.layout import layout, summit_order
from aigraph.network.stories import stories_for
from aigraph.rdf.namespaces import AIG

#: Where vis-network sits inside the pyvis package (pyvis is pinned in pyproject.toml).
VIS_DIR = ("lib", "vis-9.1.2")
PAGE_TITLE = {"en": "AI summits knowledge graph", "ko": "AI 정상회의 지식 그래프"}
_CLOSING_TAG = re.compile(r"</(script|style)", re.IGNORECASE)


def graph_payload(graph: nx.MultiDiGraph, /) -> dict[str, Any]:
    """Return the nodes, edges and details that the page draws, as JSON-ready values.

    Nodes and edges keep the graph's (sorted) order; an edge's id is its position.
    Each node carries its position (``x``, ``y``), computed here by
    :func:`aigraph.network.layout.layout` with the summits pinned in series order.

    >>> from aigraph import load
    >>> from aigraph.network.projection import to_networkx
    >>> payload = graph_payload(to_networkx(load().dataset, focus="kamala-harris"))
    >>> sorted(payload)
    ['backbone', 'classes', 'edgeGroups', 'edges', 'lang', 'nodes', 'records', 'rules', 'sources',
     'terms']
    """
    backbone = summit_order(graph, str(AIG.Summit))
    positions = layout(graph, backbone=backbone)
    records = network_info(graph).records
    parts = summit_parts(graph, backbone)
    nodes = []
    for node, data in graph.nodes(data=True):
        item = {
            "id": node,
            "degree": graph.degree(node),
            "x": positions[node][0],
            "y": positions[node][1],
            "src": _sources_of(
                data.get("evidence", []), *(f.get("sources", []) for f in data.get("facts", []))
            ),
            **_without(data, "label"),
        }
        item = _compact(item)
        if parts.get(node):
            item["summits"] = parts[node]
        date = node_date(data)
        if date:
            item["date"] = date
        nodes.append(item)
    edges = []
    for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        evidence = list(data.get("evidence", []))
        for record in data.get("records", []):
            evidence += records.get(record, {}).get("evidence", [])
        edges.append(
            _compact(
                {
                    "id": f"e{i}",
                    "from": u,
                    "to": v,
                    "relation": key,
                    "src": _sources_of(evidence),
                    **_without(data, "label", "relation"),
                }
            )
        )
    classes = sorted(
        ({"iri": iri, **info} for iri, info in network_info(graph).classes.items()),
        key=lambda c: (c["labels"]["en"], c["iri"]),
    )
    used_rules = {e.get("rule") for e in edges}
    return {
        "lang": network_info(graph).lang,
        # the summits in series order, pinned on one line: the drawing's backbone
        "backbone": backbone,
        "classes": classes,
        "nodes": nodes,
        "edges": edges,
        "records": records,
        "sources": network_info(graph).sources,
        "terms": network_info(graph).terms,
        # Colour groups of edge labels (fulfilment statuses: kept, late, not kept, disputed).
        "edgeGroups": network_info(graph).edge_groups,
        # The relation kinds (edge rules and edge properties) that the filter lists.
        "rules": {k: v for k, v in network_info(graph).rules.items() if k in used_rules},
    }


def _compact(item: dict[str, Any]) -> dict[str, Any]:
    """Return *item* without its empty lists and missing values (the page restores them)."""
    return {k: v for k, v in item.items() if v is not None and v != []}


def _sources_of(evidence: list[dict[str, Any]], *more: list[str]) -> list[str]:
    """Return the sources that *evidence* (and the lists of source IRIs in *more*) cite, sorted."""
    found = {item["source"] for item in evidence}
    for sources in more:
        found.update(sources)
    return sorted(found)


#: The facts that date a node (an event's start, a text's issue), earliest first.
DATE_PROPERTIES = (
    "https://schema.org/startDate",
    "http://purl.org/dc/terms/issued",
    "http://purl.org/dc/terms/date",
)
_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def node_date(data: dict[str, Any]) -> str | None:
    """Return the earliest date a node's facts give it (start, issue), as ``YYYY[-MM[-DD]]``.

    >>> node_date({"facts": [{"p": "http://purl.org/dc/terms/issued", "text": {"": "2024-05-21"}}]})
    '2024-05-21'
    """
    found = []
    for fact in data.get("facts", []):
        if fact.get("p") in DATE_PROPERTIES:
            for text in (fact.get("text") or {}).values():
                match = _DATE.match(text)
                if match:
                    found.append(match.group(0))
    return min(found) if found else None


#: The relations that make an event part of a summit and a text adopted at it.
_PART_OF_SUMMIT = ("https://schema.org/superEvent",)
_ADOPTED_AT = (str(AIG.adoptedAt),)


def summit_parts(graph: nx.MultiDiGraph, summits: list[str]) -> dict[str, list[int]]:
    """Return, for each node, the positions in *summits* of the summits whose part it is.

    A summit's part of the graph is the summit, its sessions and side events
    (``schema:superEvent``), the documents adopted at any of these
    (``aig:adoptedAt``), and every node joined by an edge to one of them.
    """
    found: dict[str, set[int]] = {}
    for position, summit in enumerate(summits):
        core = {summit}
        core |= {u for u, v, k in graph.in_edges(summit, keys=True) if k in _PART_OF_SUMMIT}
        core |= {
            u for c in list(core) for u, v, k in graph.in_edges(c, keys=True) if k in _ADOPTED_AT
        }
        part = set(core)
        for c in core:
            part.update(graph.predecessors(c))
            part.update(graph.successors(c))
        for node in part:
            found.setdefault(node, set()).add(position)
    return {node: sorted(positions) for node, positions in found.items()}


def _without(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in keys}


def payload_json(payload: dict[str, Any], /, *, indent: int | None = None) -> str:
    r"""Return *payload* as JSON that is safe inside an HTML ``<script>`` element.

    Keys are sorted; ``<``, ``>`` and ``&`` are written as ``\u`` escapes, so a
    label holding ``</script>`` cannot end the element.

    >>> print(payload_json({"label": "</script><b>&"}))
    {"label":"\u003c/script\u003e\u003cb\u003e\u0026"}
    """
    separators = (",", ": ") if indent is not None else (",", ":")
    text = json.dumps(
        payload, ensure_ascii=False, sort_keys=True, indent=indent, separators=separators
    )
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _asset(*parts: str, package: str = "aigraph") -> str:
    resource = files(package).joinpath(*parts)
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"cannot read {package}/{'/'.join(parts)}: {exc}") from exc
    if _CLOSING_TAG.search(text):  # it would end the inline element early
        raise ExportError(f"{package}/{'/'.join(parts)} cannot be inlined: it holds a closing tag")
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_html(
    graph: nx.MultiDiGraph,
    /,
    *,
    lang: str | None = None,
    dest: str | Path | None = None,
    stories: list[dict[str, Any]] | None = None,
) -> str | Path:
    """Render *graph* as a self-contained HTML page; write it to *dest* when given.

    :param lang: the page's first language, ``en`` or ``ko`` (default: the graph's).
    :param stories: guided stories (:func:`aigraph.network.stories.read_stories`); the page
        offers those whose focused nodes it draws.
    :returns: the page, or the path written.
    :raises ExportError: when vis-network cannot be found or *dest* cannot be written.

    >>> from aigraph import load
    >>> from aigraph.network.projection import to_networkx
    >>> page = render_html(to_networkx(load().dataset))
    >>> page.startswith("<!DOCTYPE html>"), "https://" in page.split("<script")[0]
    (True, False)
    """
    payload = graph_payload(graph)
    payload["stories"] = stories_for(stories or [], set(graph))
    if lang is not None:
        payload["lang"] = lang
    vis_js = _asset(*VIS_DIR, "vis-network.min.js", package="pyvis")
    page_js = _asset("templates", "graph.js")
    env = Environment(
        loader=PackageLoader("aigraph", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    page = env.get_template("graph.html.j2").render(
        lang=payload["lang"],
        title=PAGE_TITLE.get(payload["lang"], PAGE_TITLE["en"]),
        script_hashes=" ".join(_csp_hash(s) for s in (vis_js, page_js)),
        vis_css=_asset(*VIS_DIR, "vis-network.css", package="pyvis"),
        page_css=_asset("templates", "graph.css"),
        vis_js=vis_js,
        page_js=page_js,
        data_json=payload_json(payload),
    )
    if dest is None:
        return page
    return write_atomic(dest, page.encode("utf-8"))
