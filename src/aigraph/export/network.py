"""Export the projected network as GraphML or GEXF, for Gephi, Cytoscape and yEd.

The network is the projection (:func:`aigraph.network.projection.to_networkx`) with its
attributes flattened to the scalar values that both formats hold:

* node: ``label`` (English), ``label_en``, ``label_ko``, ``class`` (the node
  class IRI), ``class_en``, ``class_ko``, ``colour`` (``#rrggbb``),
  ``wikidata`` (a QID or empty), ``evidence`` (JSON: source and paragraph);
  GEXF also gets the class colour as ``viz:color``, which Gephi draws;
* edge (its id is its relation): ``kind`` (the relation IRI: the property,
  or the value that labels it, such as a role), ``rule``, ``label``,
  ``label_en``, ``label_ko``, ``records`` (space-separated IRIs) and
  ``evidence`` (JSON, the records' paragraphs included).

Both files are the same from run to run: nodes and edges in the projection's
sorted order, and GEXF's ``lastmodifieddate`` left out.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal as TypingLiteral

import networkx as nx
from rdflib import Dataset

from aigraph.errors import ExportError
from aigraph.export.serialize import write_atomic
from aigraph.formats import by_extension, of_kind
from aigraph.network.evidence import edge_evidence
from aigraph.network.info import network_info

NetworkFormat = TypingLiteral["graphml", "gexf"]
#: Each network format and its file extension.
NETWORK_FORMATS: dict[str, str] = {name: fmt.extension for name, fmt in of_kind("network").items()}
_MODIFIED = re.compile(rb' lastmodifieddate="[0-9-]+"')


def network_format(fmt: str | None, dest: str | Path | None) -> NetworkFormat | None:
    """Return the network format that *fmt* or *dest*'s extension names, or ``None`` for RDF.

    >>> network_format(None, "out/graph.gexf"), network_format("ttl", None)
    ('gexf', None)
    """
    if fmt is not None:
        return fmt if fmt in NETWORK_FORMATS else None  # type: ignore[return-value]
    found = by_extension(Path(dest).suffix, "network") if dest is not None else None
    return found.name if found else None  # type: ignore[return-value]


def _rgb(colour: str) -> dict[str, float]:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16),
            "a": 1.0}


def flat_network(graph: nx.MultiDiGraph, /, *, viz: bool = False) -> nx.MultiDiGraph:
    """Return *graph* with scalar attributes only (see the module docstring).

    :param viz: add GEXF's ``viz`` colour to each node.

    >>> from aigraph import load
    >>> from aigraph.network.projection import to_networkx
    >>> flat = flat_network(to_networkx(load().dataset))
    >>> flat.nodes["https://w3id.org/aigraph/person/kamala-harris"]["class_ko"]
    '인물'
    """
    classes = network_info(graph).classes
    flat: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        cls = classes.get(data["cls"], {"labels": {"en": data["cls"], "ko": data["cls"]},
                                        "colour": "#999999"})
        attrs = {
            "label": data["labels"]["en"],
            "label_en": data["labels"]["en"],
            "label_ko": data["labels"]["ko"],
            "class": data["cls"],
            "class_en": cls["labels"]["en"],
            "class_ko": cls["labels"]["ko"],
            "colour": cls["colour"],
            "wikidata": data.get("wikidata") or "",
            "evidence": json.dumps(data.get("evidence", []), sort_keys=True),
        }
        if viz:
            attrs["viz"] = {"color": _rgb(cls["colour"])}
        flat.add_node(node, **attrs)
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(
            u, v, key=key,
            kind=key,
            rule=data.get("rule", ""),
            label=data["labels"]["en"],
            label_en=data["labels"]["en"],
            label_ko=data["labels"]["ko"],
            records=" ".join(data.get("records", [])),
            evidence=json.dumps(edge_evidence(graph, u, v, data), sort_keys=True),
        )
    return flat


def serialize_network(graph: nx.MultiDiGraph, fmt: NetworkFormat) -> bytes:
    """Return a projected *graph* as GraphML or GEXF bytes (UTF-8).

    :raises ExportError: for an unknown format.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", labels={"en": "A", "ko": "가"}, cls="c")
    >>> serialize_network(g, "graphml")[:8]
    b'<graphml'
    """
    if fmt == "graphml":
        text = "\n".join(nx.generate_graphml(flat_network(graph), named_key_ids=True))
        return (text + "\n").encode("utf-8")
    if fmt == "gexf":
        text = "\n".join(nx.generate_gexf(flat_network(graph, viz=True)))
        return _MODIFIED.sub(b"", (text + "\n").encode("utf-8"))
    raise ExportError(f"unknown network format {fmt!r} (known: {', '.join(NETWORK_FORMATS)})")


def export_network(
    dataset: Dataset, /, *, fmt: NetworkFormat | None = None, dest: str | Path | None = None
) -> bytes | Path:
    """Project *dataset* and write the network as *fmt* to *dest*, or return the bytes.

    The format follows *dest*'s extension (``.graphml``, ``.gexf``) when *fmt* is not given.

    :raises ExportError: for an unknown format or an unwritable destination.

    >>> from aigraph import load
    >>> export_network(load().dataset, fmt="gexf")[:5]
    b'<gexf'
    """
    from aigraph.network.projection import to_networkx

    fmt = fmt or network_format(None, dest)
    if fmt not in NETWORK_FORMATS:
        raise ExportError(f"give a network format ({', '.join(NETWORK_FORMATS)})")
    data = serialize_network(to_networkx(dataset), fmt)
    return data if dest is None else write_atomic(dest, data)
