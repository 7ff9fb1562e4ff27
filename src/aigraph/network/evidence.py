"""What the sources say about a node or an edge: its labels, facts, evidence and records.

The projection (:mod:`aigraph.network.projection`) draws the network; this module gathers
the details shown beside it. Only the sources' named graphs are read for facts,
so derived edges and the ontology never pose as something a source said.
Evidence follows the model that ``ontology/shapes.ttl`` requires: an entity is
``aig:mentionedIn`` a paragraph, an n-ary node is ``prov:wasDerivedFrom`` a
paragraph (or a whole source), and a paragraph ``dcterms:isPartOf`` its source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import networkx as nx
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from aigraph.labels import LABEL_PROPERTIES, LabelIndex, bilingual, literal_texts
from aigraph.network.info import network_info
from aigraph.rdf.namespaces import AIG, ONTOLOGY_GRAPH, SCHEMA
from aigraph.rdf.parse import source_graphs
from aigraph.rdf.triples import TripleIndex, graph_quads, merged_pairs

Labels = dict[str, str]

#: The evidence properties that ontology/shapes.ttl requires: where a source names
#: an entity, and which paragraph an n-ary node is read from.
EVIDENCE_PROPERTIES = (AIG.mentionedIn, PROV.wasDerivedFrom)
#: Links to the same thing in Wikidata (shapes.ttl: schema:sameAs, skos:exactMatch).
SAME_AS_PROPERTIES = (SCHEMA.sameAs, SKOS.exactMatch)
#: Shown in the title, the description or the evidence of a node, not among its facts.
NOT_FACTS = frozenset(
    {
        RDF.type,
        SKOS.altLabel,
        DCTERMS.description,
        *LABEL_PROPERTIES,
        *EVIDENCE_PROPERTIES,
        *SAME_AS_PROPERTIES,
    }
)
#: Evidence is never a record of the entities it names.
EVIDENCE_CLASSES = (AIG.Source, AIG.Paragraph)
# Looked up once: each attribute of an rdflib Namespace makes a new URIRef.
_IS_PART_OF, _PARAGRAPH_NUMBER, _MENTIONED_IN = (
    DCTERMS.isPartOf,
    AIG.paragraphNumber,
    AIG.mentionedIn,
)
WIKIDATA_QID = re.compile(r"^http://www\.wikidata\.org/entity/(Q[1-9][0-9]*)$")


class SourceReader:
    """Look-ups over the dataset: labels, types and what the sources say.

    >>> from aigraph import load
    >>> reader = SourceReader(load().dataset)
    >>> reader.labels(URIRef("https://w3id.org/aigraph/person/kamala-harris"))
    {'en': 'Kamala Harris', 'ko': '카멀라 해리스'}
    """

    def __init__(self, dataset: Dataset) -> None:
        """Index the labels and types of *dataset* and the union of its sources' graphs."""
        self.dataset = dataset
        self.ontology = dataset.graph(ONTOLOGY_GRAPH)
        self.sources = source_graphs(dataset)
        self.said = TripleIndex()  # the union of the sources' graphs
        self.origin: dict[tuple, set[str]] = defaultdict(set)
        for s, p, o, name in graph_quads(dataset, self.sources):
            self.said.add((s, p, o))
            self.origin[(s, p, o)].add(name)
        self.said.freeze()  # the store's order may change from run to run; the page may not
        # The names of a thing are shown as its title, never as a fact (aigraph.labels).
        self._labels = LabelIndex(*(merged_pairs(dataset, prop) for prop in LABEL_PROPERTIES))
        self._types: dict[URIRef, set[URIRef]] = defaultdict(set)
        for s, o in merged_pairs(dataset, RDF.type):
            if isinstance(o, URIRef):
                self._types[s].add(o)
        self._superclasses: dict[URIRef, list[URIRef]] = {}

    def labels(self, iri: URIRef) -> Labels:
        """Return the English and Korean labels of *iri*, or its local name."""
        return self._labels.bilingual(iri)

    def texts(self, subject: URIRef, prop: URIRef) -> Labels | None:
        """Return the bilingual value of a literal property, or ``None``."""
        found = literal_texts(self.said.objects(subject, prop))
        return bilingual(found) if found else None

    def types(self, iri: URIRef) -> list[URIRef]:
        """Return the types of *iri* stated anywhere (ontology or sources), sorted."""
        return sorted(self._types.get(iri, ()))

    def superclasses(self, cls: URIRef) -> list[URIRef]:
        """Return *cls* and its superclasses, nearest first (breadth first, sorted per level)."""
        if cls in self._superclasses:
            return self._superclasses[cls]
        seen, level = [cls], [cls]
        while level:
            parents = {p for c in level for p in self.ontology.objects(c, RDFS.subClassOf)}
            nxt = sorted(p for p in parents if isinstance(p, URIRef))
            level = [p for p in nxt if p not in seen]
            seen += level
        self._superclasses[cls] = seen
        return seen


class Details:
    """The facts, evidence and records of nodes and edges, and the labels they name.

    >>> from aigraph import load
    >>> details = Details(SourceReader(load().dataset))
    >>> [evidence] = details.evidence(
    ...     URIRef("https://w3id.org/aigraph/endorsement/seoul-declaration/australia"))
    >>> evidence["paragraph"], details.sources[evidence["source"]]["publisher"]["en"]
    (18, 'Kwangju Ilbo')
    """

    def __init__(self, reader: SourceReader) -> None:
        """Start empty; the tables fill as nodes and edges ask for their details."""
        self.reader = reader
        self.terms: dict[str, Labels] = {}
        self.sources: dict[str, dict[str, Any]] = {}
        self.records: dict[str, dict[str, Any]] = {}

    def term(self, iri: URIRef) -> str:
        """Note the labels of *iri* for the panel and return it as a string."""
        if str(iri) not in self.terms:
            self.terms[str(iri)] = self.reader.labels(iri)
        return str(iri)

    def facts(self, subject: URIRef) -> list[dict[str, Any]]:
        """Return what the sources say about *subject*, one fact per value, sorted."""
        said, origin_of = self.reader.said, self.reader.origin
        literals: dict[URIRef, dict[str, str]] = defaultdict(dict)
        facts = []
        for p, o in sorted(said.predicate_objects(subject)):
            if p in NOT_FACTS:
                continue
            sources = [self.source(g) for g in sorted(origin_of[(subject, p, o)])]
            if isinstance(o, Literal) and o.language:
                literals[p][o.language] = str(o)
                continue
            value = {"iri": self.term(o)} if isinstance(o, URIRef) else {"text": {"": str(o)}}
            facts.append({"p": self.term(p), **value, "sources": sources})
        for p, texts in sorted(literals.items()):
            origin = {g for o in said.objects(subject, p) for g in origin_of[(subject, p, o)]}
            sources = [self.source(s) for s in sorted(origin)]
            facts.append({"p": self.term(p), "text": texts, "sources": sources})
        return facts

    def evidence(self, subject: URIRef) -> list[dict[str, Any]]:
        """Return the paragraphs (or sources) that *subject* is read from or named in."""
        said, found = self.reader.said, set()
        for prop in EVIDENCE_PROPERTIES:
            for target in said.objects(subject, prop):
                source = said.value(target, _IS_PART_OF)
                number = said.value(target, _PARAGRAPH_NUMBER)
                if source is None:  # the target is the source itself
                    source, number = target, None
                found.add((self.source(source), int(number) if number is not None else 0))
        return [{"source": s, "paragraph": n} if n else {"source": s} for s, n in sorted(found)]

    def source(self, iri: URIRef | str) -> str:
        """Note a source's label, title, publisher, date and address; return its IRI.

        What a source does not record (a web page's title, say) is ``None``.
        """
        iri = URIRef(iri)
        if str(iri) not in self.sources:
            said = self.reader.said
            publisher = said.value(iri, DCTERMS.publisher)
            issued = said.value(iri, DCTERMS.issued)
            url = said.value(iri, SCHEMA.url)
            self.sources[str(iri)] = {
                "label": self.reader.labels(iri),
                "title": self.reader.texts(iri, DCTERMS.title),
                "publisher": self.reader.labels(publisher) if publisher is not None else None,
                "date": str(issued) if issued is not None else None,
                "url": str(url) if url is not None else None,
            }
        return str(iri)

    def record(self, iri: URIRef) -> str:
        """Note an n-ary node (or any other non-node that names a node) as a record."""
        if str(iri) not in self.records:
            types = self.reader.types(iri)
            self.records[str(iri)] = {
                "cls": self.term(types[0]) if types else None,
                "labels": self.reader.labels(iri),
                "description": self.reader.texts(iri, DCTERMS.description),
                "facts": self.facts(iri),
                "evidence": self.evidence(iri),
            }
        return str(iri)


def is_evidence(reader: SourceReader, iri: URIRef) -> bool:
    """Tell whether *iri* is a source or a paragraph (evidence, never a record).

    >>> from aigraph import load
    >>> reader = SourceReader(load().dataset)
    >>> source = "https://w3id.org/aigraph/source/kwangju-ilbo-2024-05-22-ai-seoul-summit"
    >>> is_evidence(reader, URIRef(source + "#p18")), is_evidence(reader, URIRef(source))
    (True, True)
    >>> is_evidence(reader, URIRef("https://w3id.org/aigraph/person/kamala-harris"))
    False
    """
    classes = {c for cls in reader.types(iri) for c in reader.superclasses(cls)}
    return any(cls in classes for cls in EVIDENCE_CLASSES)


def mentions(reader: SourceReader, iri: URIRef) -> dict[str, set[int]]:
    """Return, per source, the numbers of the paragraphs that name *iri*.

    >>> from aigraph import load
    >>> found = mentions(SourceReader(load().dataset), URIRef("https://w3id.org/aigraph/person/kamala-harris"))
    >>> [(source.rsplit("/", 1)[-1], numbers) for source, numbers in found.items()]
    [('kwangju-ilbo-2024-05-22-ai-seoul-summit', {18})]
    """
    found: dict[str, set[int]] = defaultdict(set)
    for paragraph in reader.said.objects(iri, _MENTIONED_IN):
        source = reader.said.value(paragraph, _IS_PART_OF)
        number = reader.said.value(paragraph, _PARAGRAPH_NUMBER)
        if source is not None and number is not None:
            found[str(source)].add(int(number))
    return found


def wikidata_qid(reader: SourceReader, iri: URIRef) -> str | None:
    """Return the Wikidata QID that a source links *iri* to, or ``None``.

    >>> from aigraph import load
    >>> wikidata_qid(SourceReader(load().dataset), URIRef("https://w3id.org/aigraph/person/kamala-harris"))
    'Q10853588'
    """
    for prop in SAME_AS_PROPERTIES:
        for target in sorted(reader.said.objects(iri, prop)):
            match = WIKIDATA_QID.match(str(target))
            if match:
                return match.group(1)
    return None


def _shared_paragraphs(graph: nx.MultiDiGraph, u: str, v: str, source: str) -> list[int]:
    """Return the paragraphs of *source* that both ends are read from or named in."""
    numbers = [
        {e["paragraph"] for e in graph.nodes[n]["evidence"]
         if e["source"] == source and "paragraph" in e}
        for n in (u, v)
    ]
    return sorted(numbers[0] & numbers[1])


def edge_evidence(graph: nx.MultiDiGraph, u: str, v: str, data: dict) -> list[dict[str, Any]]:
    """Return the evidence of the edge *u* → *v* with attributes *data*, its records' included.

    An edge stated by a source without a paragraph gets the paragraphs that name both
    ends. Each item has ``source``, and ``paragraph`` and ``record`` when known.
    """
    found = []
    for item in data.get("evidence", ()):
        if "paragraph" in item:
            found.append(dict(item))
        else:  # the source states the edge; say where it names both ends, when it does
            shared = _shared_paragraphs(graph, u, v, item["source"])
            found += [{"source": item["source"], "paragraph": n} for n in shared] or [dict(item)]
    records = network_info(graph).records
    for record in data.get("records", ()):
        for item in records.get(record, {}).get("evidence", ()):
            found.append({**item, "record": record})
    unique = {tuple(sorted(item.items())): item for item in found}
    return sorted(unique.values(), key=lambda e: (
        e["source"], e.get("paragraph", 0), e.get("record", "")))
