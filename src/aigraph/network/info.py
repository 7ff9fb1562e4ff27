"""What a projected network carries beside its nodes and edges: its typed contract.

:func:`aigraph.network.projection.to_networkx` returns a networkx ``MultiDiGraph`` (the
public API, so that any networkx algorithm runs on it) and keeps in its graph
attributes (``graph.graph``) what the page, the measures, the plots, the connections
and the network exports need to name and explain what they show. :class:`NetworkInfo`
is that contract, typed: consumers read it through :func:`network_info`, never by key.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

import networkx as nx

from aigraph.labels import Language


@dataclass(frozen=True)
class NetworkInfo:
    """The graph attributes of a projected network."""

    #: The language of the nodes' and edges' ``label`` attribute.
    lang: Language = "en"
    #: Node class IRI → its drawing (colour, shape, labels...), for the classes drawn.
    classes: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Record (n-ary node) IRI → its facts and evidence, for the records of nodes and edges.
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Source IRI → its labels, date and address.
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: IRI of a value that is not a node (a role, a post, a mode) → its labels.
    terms: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Edge key → the group of relation kinds it belongs to (for the page's filters).
    edge_groups: dict[str, Any] = field(default_factory=dict)
    #: Edge rule or property IRI → its labels, for the relation kinds drawn.
    rules: dict[str, dict[str, str]] = field(default_factory=dict)


def network_info(graph: nx.MultiDiGraph) -> NetworkInfo:
    """Return the contract of a projected *graph* (defaults for a graph made by hand).

    >>> network_info(nx.MultiDiGraph(lang="ko")).lang, network_info(nx.MultiDiGraph()).classes
    ('ko', {})
    """
    known = NetworkInfo.__dataclass_fields__
    return NetworkInfo(**{key: value for key, value in graph.graph.items() if key in known})


def set_network_info(graph: nx.MultiDiGraph, info: NetworkInfo) -> None:
    """Store *info* as the graph attributes of *graph*.

    >>> g = nx.MultiDiGraph()
    >>> set_network_info(g, NetworkInfo(lang="ko"))
    >>> g.graph["lang"]
    'ko'
    """
    graph.graph.update({f.name: getattr(info, f.name) for f in fields(info)})  # not copied
