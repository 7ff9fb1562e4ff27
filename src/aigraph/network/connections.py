"""How two entities are connected: every shortest path between them, and why each hop holds.

Paths run over the projection (:func:`aigraph.network.projection.to_networkx`), either
way along an edge. Each hop is told in the edge's own direction, as a
sentence-like line ("Kamala Harris — took part in (…) — Leaders' Session …"):
the edge rule's label, then what the record behind it adds (on whose behalf,
which post, which role). Its evidence is the paragraphs the edge or its records
are read from, by source.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from rdflib import Dataset

from aigraph.errors import AnalysisError
from aigraph.network.evidence import edge_evidence
from aigraph.network.info import network_info
from aigraph.network.projection import resolve_entity
from aigraph.rdf.namespaces import ONTOLOGY_GRAPH

#: The longest path searched for, and the most paths returned, unless asked otherwise.
MAX_HOPS = 4
LIMIT = 10


@dataclass(frozen=True)
class Link:
    """One edge of a hop, in its own direction, with what it rests on."""

    start: str
    end: str
    relation: str
    phrase: str
    qualifiers: list[tuple[str, str]]
    evidence: list[dict[str, Any]]
    #: The qualifiers that read as words of the sentence ("for Naver", "as founder of Naver").
    phrased: list[str] = field(default_factory=list)
    #: The other qualifiers, as ``(property, value)`` labels.
    details: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Connections:
    """The shortest paths from ``start`` to ``end``.

    Each path is a list of nodes; ``links`` holds, per path, one list of links per hop.
    ``more`` tells whether paths beyond the limit were left out.
    """

    start: str
    end: str
    hops: int
    paths: list[list[str]]
    links: list[list[list[Link]]]
    more: bool
    labels: dict[str, str] = field(repr=False)
    sources: dict[str, dict[str, Any]] = field(repr=False)
    lang: str = "en"


def _label(graph: nx.MultiDiGraph, iri: str, lang: str) -> str:
    if iri in graph:
        return graph.nodes[iri]["labels"][lang]
    labels = network_info(graph).terms.get(iri)
    return labels[lang] if labels else iri


def _qualifiers(
    graph: nx.MultiDiGraph, u: str, v: str, key: str, data: dict
) -> list[tuple[str, str]]:
    """Return what the edge's records add, as ``(property, value)`` IRIs.

    The value that labels the edge (a role, a kind of commitment) comes first.
    The rest is what every record of the edge says (one source per record, so a
    post that two sources give differently is left to the evidence), leaving out
    the properties that name the ends (and so their siblings, such as the other
    principles of one commitment).
    """
    all_records = network_info(graph).records
    per_record = [
        [fact for fact in all_records.get(record, {}).get("facts", ()) if "iri" in fact]
        for record in data.get("records", ())
    ]
    facts = [fact for record in per_record for fact in record]
    keyed = {(f["p"], key) for f in facts if f["iri"] == key}
    ends = {f["p"] for f in facts if f["iri"] in (u, v)}
    said = [
        {(f["p"], f["iri"]) for f in record if f["p"] not in ends and f["iri"] != key}
        for record in per_record
    ]
    common = set.intersection(*said) if said else set()
    return sorted(keyed) + sorted(common)


def hop_links(
    graph: nx.MultiDiGraph, u: str, v: str, rule_labels: dict[str, dict[str, str]], lang: str,
    phrases: dict[str, dict[str, str]] | None = None,
) -> list[Link]:
    """Return every edge between *u* and *v*, either way, as :class:`Link`s.

    A qualifier whose property has a phrase (*phrases*, from ``aig:hopPhrase``) reads
    as words of the sentence; the others stay ``(property, value)`` pairs.
    """
    phrases = phrases or {}
    links = []
    for start, end in ((u, v), (v, u)):
        for key, data in sorted((graph.get_edge_data(start, end) or {}).items()):
            rule = rule_labels.get(data.get("rule", ""))
            qualifiers = _qualifiers(graph, start, end, str(key), data)
            links.append(
                Link(
                    start=start,
                    end=end,
                    relation=str(key),
                    phrase=rule[lang] if rule else data["labels"][lang],
                    qualifiers=[
                        (_label(graph, p, lang), _label(graph, o, lang)) for p, o in qualifiers
                    ],
                    evidence=edge_evidence(graph, start, end, data),
                    phrased=[
                        phrases[p][lang].format(_label(graph, o, lang))
                        for p, o in qualifiers
                        if p in phrases
                    ],
                    details=[
                        (_label(graph, p, lang), _label(graph, o, lang))
                        for p, o in qualifiers
                        if p not in phrases
                    ],
                )
            )
    return links


def connections_in(
    graph: nx.MultiDiGraph, a: str, b: str, /, *,
    rule_labels: dict[str, dict[str, str]] | None = None,
    phrases: dict[str, dict[str, str]] | None = None,
    max_hops: int = MAX_HOPS, limit: int = LIMIT, lang: str = "en",
) -> Connections:
    """Return the shortest paths between *a* and *b* in a projected *graph*.

    :param rule_labels: the labels of the edge rules, by IRI (see :func:`find_connections`).
    :param phrases: how a detail of an edge reads in a sentence, by property IRI.
    """
    if max_hops < 1 or limit < 1:
        raise AnalysisError("--max-hops and --limit must be 1 or more")
    start, end = resolve_entity(graph, a), resolve_entity(graph, b)
    if start == end:
        raise AnalysisError(f"{a!r} and {b!r} name the same entity, {start}")
    simple: nx.Graph[str] = nx.Graph(graph.to_undirected(as_view=True))
    names = f"{_label(graph, start, lang)} and {_label(graph, end, lang)}"
    try:
        length = int(nx.shortest_path_length(simple, start, end))  # edges: a whole number
    except nx.NetworkXNoPath:
        raise AnalysisError(f"no connection between {names}") from None
    if length > max_hops:
        raise AnalysisError(
            f"no connection between {names} within {max_hops} hops"
            f" (the shortest has {length}; raise --max-hops)"
        )
    found = list(itertools.islice(nx.all_shortest_paths(simple, start, end), limit + 1))
    labels = {r: info["labels"][lang] for r, info in network_info(graph).records.items()}
    labels.update((n, _label(graph, n, lang)) for n in graph)
    paths = sorted(found[:limit], key=lambda p: [(labels[n].casefold(), n) for n in p])
    rules = rule_labels or {}
    links = [[hop_links(graph, p[i], p[i + 1], rules, lang, phrases) for i in range(length)]
             for p in paths]
    return Connections(
        start=start, end=end, hops=length, paths=paths, links=links, more=len(found) > limit,
        labels=labels, sources=network_info(graph).sources, lang=lang,
    )


def find_connections(
    dataset: Dataset, a: str, b: str, /, *,
    max_hops: int = MAX_HOPS, limit: int = LIMIT, lang: str = "en",
) -> Connections:
    """Return every shortest path (up to *limit*) between the entities *a* and *b*.

    *a* and *b* are IRIs, local names (``person/kamala-harris``, ``kamala-harris``)
    or labels in either language.

    :raises ProjectionError: when a name matches no entity, or several (they are listed).
    :raises AnalysisError: when no path joins them, or none within *max_hops*.

    >>> from aigraph import load
    >>> found = find_connections(load().dataset, "Lee Hae-jin", "António Guterres")
    >>> [found.labels[n] for n in found.paths[0]]
    ['Lee Hae-jin', "Leaders' Session of the AI Seoul Summit", 'António Guterres']
    >>> [e["paragraph"] for hop in found.links[0] for e in hop[0].evidence if "paragraph" in e]
    [19, 18]
    """
    from aigraph.network.projection import to_networkx
    from aigraph.network.rules import read_rules

    rules = read_rules(dataset.graph(ONTOLOGY_GRAPH))
    rule_labels = {rule.iri: rule.labels for rule in rules.edge_rules}
    graph = to_networkx(dataset, lang=lang)  # type: ignore[arg-type]
    return connections_in(graph, a, b, rule_labels=rule_labels, phrases=rules.hop_phrases,
                          max_hops=max_hops, limit=limit, lang=lang)


WORDS = {
    "en": {"evidence": "evidence", "paragraph": "paragraph {n}", "via": "{n} shortest "
           "connection{s} of {h} hop{hs}", "more": "(more exist; raise --limit to see them)"},
    "ko": {"evidence": "근거", "paragraph": "{n}문단", "via": "최단 연결 {n}개, {h}단계",
           "more": "(더 있음; --limit을 늘리면 보임)"},
}


def _evidence_line(item: dict[str, Any], found: Connections, words: dict, note: str) -> str:
    source = found.sources.get(item["source"], {})
    publisher = (source.get("publisher") or {}).get(found.lang)
    title = (source.get("title") or {}).get(found.lang)
    label = (source.get("label") or {}).get(found.lang)
    where = ", ".join(x for x in (publisher, source.get("date")) if x) or label or item["source"]
    text = f"{where}, “{title}”" if title else where
    if source.get("url"):
        text += f" <{source['url']}>"
    if "paragraph" in item:
        text += ", " + words["paragraph"].format(n=item["paragraph"])
    return f"     {words['evidence']}: {text}{note}"


def _sentence(link: Link) -> str:
    """Return the middle of a hop's line: the relation, its phrased details, then the others.

    >>> _sentence(Link("a", "b", "r", "took part in", [], [], phrased=["for Naver"],
    ...                details=[("role", "participant")]))
    'took part in, for Naver (role: participant)'
    """
    rest = "; ".join(f"{p}: {value}" for p, value in link.details)
    return ", ".join([link.phrase, *link.phrased]) + (f" ({rest})" if rest else "")


def render_connections(found: Connections) -> str:
    """Return *found* as text: a heading, then each path and each hop with its evidence.

    >>> from aigraph import load
    >>> found = find_connections(load().dataset, "kamala-harris", "united-states")
    >>> text = render_connections(found)
    >>> print(text.splitlines()[2])
    1. Kamala Harris → United States
    """
    words, labels = WORDS[found.lang], found.labels
    n = len(found.paths)
    lines = [
        f"{labels[found.start]} → {labels[found.end]}: " + words["via"].format(
            n=n, s="s" if n != 1 else "", h=found.hops, hs="s" if found.hops != 1 else ""),
    ]
    for number, (path, hops) in enumerate(zip(found.paths, found.links, strict=True), start=1):
        lines += ["", f"{number}. " + " → ".join(labels[node] for node in path)]
        for link in (link for hop in hops for link in hop):
            lines.append(f"   {labels[link.start]} — {_sentence(link)} — {labels[link.end]}")
            several = len({e.get("record") for e in link.evidence}) > 1
            for item in link.evidence:
                record = item.get("record")
                note = f" — {labels.get(record, record)}" if several and record else ""
                lines.append(_evidence_line(item, found, words, note))
    if found.more:
        lines += ["", words["more"]]
    return "\n".join(lines) + "\n"
