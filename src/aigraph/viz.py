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
from aigraph.serialize import write_atomic

#: Where vis-network sits inside the pyvis package (pyvis is pinned in pyproject.toml).
VIS_DIR = ("lib", "vis-9.1.2")
PAGE_TITLE = {"en": "AI summits knowledge graph", "ko": "AI 정상회의 지식 그래프"}
_CLOSING_TAG = re.compile(r"</(script|style)", re.IGNORECASE)


def graph_payload(graph: nx.MultiDiGraph, /) -> dict[str, Any]:
    """Return the nodes, edges and details that the page draws, as JSON-ready values.

    Nodes and edges keep the graph's (sorted) order; an edge's id is its position.

    >>> from aigraph import load
    >>> from aigraph.project import to_networkx
    >>> payload = graph_payload(to_networkx(load().dataset, focus="kamala-harris"))
    >>> sorted(payload)
    ['classes', 'edgeGroups', 'edges', 'lang', 'nodes', 'records', 'sources', 'terms']
    """
    nodes = [
        {"id": node, "degree": graph.degree(node), **_without(data, "label")}
        for node, data in graph.nodes(data=True)
    ]
    edges = [
        {"id": f"e{i}", "from": u, "to": v, "relation": key, **_without(data, "label", "relation")}
        for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True))
    ]
    classes = sorted(
        ({"iri": iri, **info} for iri, info in graph.graph.get("classes", {}).items()),
        key=lambda c: (c["labels"]["en"], c["iri"]),
    )
    return {
        "lang": graph.graph.get("lang", "en"),
        "classes": classes,
        "nodes": nodes,
        "edges": edges,
        "records": graph.graph.get("records", {}),
        "sources": graph.graph.get("sources", {}),
        "terms": graph.graph.get("terms", {}),
        # Colour groups of edge labels (fulfilment statuses: kept, late, not kept, disputed).
        "edgeGroups": graph.graph.get("edge_groups", {}),
    }


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
) -> str | Path:
    """Render *graph* as a self-contained HTML page; write it to *dest* when given.

    :param lang: the page's first language, ``en`` or ``ko`` (default: the graph's).
    :returns: the page, or the path written.
    :raises ExportError: when vis-network cannot be found or *dest* cannot be written.

    >>> from aigraph import load
    >>> from aigraph.project import to_networkx
    >>> page = render_html(to_networkx(load().dataset))
    >>> page.startswith("<!DOCTYPE html>"), "https://" in page.split("<script")[0]
    (True, False)
    """
    payload = graph_payload(graph)
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
