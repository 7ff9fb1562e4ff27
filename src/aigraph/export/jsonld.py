"""JSON-LD with a term context: keys read ``label``, ``sameAs``, ``participant``, graphs kept.

:func:`term_context` makes the ``@context`` from the data itself: the
vocabulary prefixes, and one term per property and class used, named by its
local name (``rdfs:label`` → ``label``). A property whose values are all IRIs
is coerced to ``@id``; one whose values all share one datatype, to that
datatype. A local name that two IRIs share (or that a prefix already uses)
stays a compact IRI (``dcterms:title``), defined with its coercion, so no key
is ambiguous. Entity IRIs are written in full.

:func:`to_jsonld` writes a Dataset with one ``@graph`` per named graph, each
with the graph's name as its ``@id``; a Graph is written as one ``@graph``.
Output is deterministic: blank nodes are canonical, nodes, keys and values sorted.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, XSD

from aigraph.rdf.namespaces import BASE, PREFIXES
from aigraph.rdf.store import is_sealed, raw_store, store_name
from aigraph.rdf.triples import TermCache

#: The prefixes of the context: vocabularies only (entity IRIs are written in full).
VOCABULARY_PREFIXES: tuple[str, ...] = tuple(
    p for p, ns in PREFIXES.items() if not ns.startswith(BASE) or p == "aig"
)
_PLAIN = {None, XSD.string}


def _local(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[-1]
    return iri


def _compact(iri: str) -> str | None:
    """Return ``prefix:local`` for a vocabulary IRI, or None."""
    for prefix in VOCABULARY_PREFIXES:
        namespace = PREFIXES[prefix]
        if (
            iri.startswith(namespace)
            and len(iri) > len(namespace)
            and not iri[len(namespace) :].startswith("//")
        ):
            return f"{prefix}:{iri[len(namespace):]}"
    return None


def _quads(data: Dataset | Graph) -> Iterable[tuple[Any, Any, Any, Any]]:
    if isinstance(data, Dataset) and store_name(data) == "oxigraph":
        yield from _oxigraph_quads(data)
    elif isinstance(data, Dataset):
        yield from data.quads((None, None, None, None))
    else:
        for s, p, o in data:
            yield s, p, o, None


def _oxigraph_quads(data: Dataset) -> Iterable[tuple[Any, Any, Any, Any]]:
    """One pass over Oxigraph's store, each term converted once (not a look-up per triple)."""
    import pyoxigraph as ox

    sealed, terms = is_sealed(data), TermCache()
    for quad in raw_store(data):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            if sealed:
                continue  # the merge of the named graphs, for SPARQL only
            name = DATASET_DEFAULT_GRAPH_ID
        else:
            name = terms(quad.graph_name)
        yield terms(quad.subject), terms(quad.predicate), terms(quad.object), name


def term_context(data: Dataset | Graph, /) -> dict[str, Any]:
    """Return the term ``@context`` for *data*: prefixes, then one term per property and class.

    >>> from rdflib import Graph, Literal, URIRef
    >>> from rdflib.namespace import RDFS
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://w3id.org/aigraph/person/a"), RDFS.label,
    ...            Literal("A", lang="en")))
    >>> _ = g.add((URIRef("https://w3id.org/aigraph/person/a"), URIRef("https://schema.org/sameAs"),
    ...            URIRef("http://www.wikidata.org/entity/Q1")))
    >>> context = term_context(g)
    >>> context["label"], context["sameAs"]
    ({'@id': 'http://www.w3.org/2000/01/rdf-schema#label', '@container': '@language'},
     {'@id': 'https://schema.org/sameAs', '@type': '@id'})
    """
    kinds: dict[URIRef, set[Any]] = defaultdict(set)
    classes: set[URIRef] = set()
    for _s, p, o, _g in _quads(data):
        if p == RDF.type:
            if isinstance(o, URIRef):
                classes.add(o)
            continue
        if isinstance(o, Literal):
            kinds[p].add(
                ("lang", None)
                if o.language
                else ("literal", o.datatype if o.datatype not in _PLAIN else None)
            )
        else:
            kinds[p].add(("id", None))
    context: dict[str, Any] = {prefix: PREFIXES[prefix] for prefix in VOCABULARY_PREFIXES}
    claims: dict[str, set[URIRef]] = defaultdict(set)
    for iri in [*kinds, *classes]:
        claims[_local(str(iri))].add(iri)
    for iri in sorted({*kinds, *classes}):
        name = _local(str(iri))
        key = (
            name
            if len(claims[name]) == 1 and name not in context and name.isidentifier()
            else _compact(str(iri))
        )
        if key is None:
            continue  # a term from an unknown namespace stays a full IRI
        definition: dict[str, str] = {"@id": str(iri)}
        found = kinds.get(iri, set())
        if found == {("id", None)}:
            definition["@type"] = "@id"
        elif found == {("lang", None)}:
            definition["@container"] = "@language"  # "label": {"en": "...", "ko": "..."}
        elif (
            len(found) == 1
            and next(iter(found))[0] == "literal"
            and next(iter(found))[1] is not None
        ):
            definition["@type"] = str(next(iter(found))[1])
        context[key] = definition if len(definition) > 1 else str(iri)
    return context


class _Writer:
    """Turns triples into JSON-LD node objects under one context."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.keys: dict[str, tuple[str, str | None]] = {}
        self.language_maps: set[str] = set()
        for key, value in context.items():
            if isinstance(value, dict):
                self.keys[value["@id"]] = (key, value.get("@type"))
                if value.get("@container") == "@language":
                    self.language_maps.add(key)
            elif key not in VOCABULARY_PREFIXES:
                self.keys[value] = (key, None)

    def key(self, predicate: URIRef) -> tuple[str, str | None]:
        return self.keys.get(str(predicate)) or (_compact(str(predicate)) or str(predicate), None)

    @staticmethod
    def _sorted(values: list[Any]) -> Any:
        ordered = sorted(values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
        return ordered[0] if len(ordered) == 1 else ordered

    def type_name(self, cls: Any) -> str:
        if isinstance(cls, BNode):
            return f"_:{cls}"
        key, coercion = self.keys.get(str(cls), (None, None))
        return key if key is not None and coercion is None else (_compact(str(cls)) or str(cls))

    @staticmethod
    def node_id(term: Any) -> str:
        return f"_:{term}" if isinstance(term, BNode) else str(term)

    def value(self, term: Any, coercion: str | None) -> Any:
        if isinstance(term, Literal):
            if coercion is not None and coercion != "@id":
                return str(term)  # the term's datatype applies
            if term.language:
                return {"@language": term.language, "@value": str(term)}
            if term.datatype in _PLAIN:
                return str(term)
            return {
                "@type": _compact(str(term.datatype)) or str(term.datatype),
                "@value": str(term),
            }
        if coercion == "@id":
            return self.node_id(term)
        return {"@id": self.node_id(term)}

    def nodes(self, triples: Iterable[tuple[Any, Any, Any]]) -> list[dict[str, Any]]:
        by_subject: dict[Any, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for s, p, o in triples:
            if p == RDF.type and not isinstance(o, Literal):
                by_subject[s]["@type"].append(self.type_name(o))
            else:
                key, coercion = self.key(p)
                by_subject[s][key].append(self.value(o, coercion))
        out = []
        for subject, properties in by_subject.items():
            node: dict[str, Any] = {"@id": self.node_id(subject)}
            for key, values in properties.items():
                if key in self.language_maps:  # every value has a language: a map by language
                    by_language: dict[str, list[str]] = defaultdict(list)
                    for value in values:
                        by_language[value["@language"]].append(value["@value"])
                    node[key] = {lang: self._sorted(texts) for lang, texts in by_language.items()}
                else:
                    node[key] = self._sorted(values)
            out.append(node)
        return sorted(out, key=lambda n: n["@id"])


def _canonical(triples: list[tuple[Any, Any, Any]], tag: str) -> list[tuple[Any, Any, Any]]:
    """Relabel blank nodes canonically, prefixed with *tag* so no two graphs share a label."""
    if not any(isinstance(t, BNode) for triple in triples for t in triple):
        return triples
    source = Graph()
    for triple in triples:
        source.add(triple)
    return [tuple(BNode(f"{tag}{t}") if isinstance(t, BNode) else t for t in triple)  # type: ignore[misc]
            for triple in to_canonical_graph(source)]


def to_jsonld(data: Dataset | Graph, /, *, context: dict[str, Any] | None = None) -> bytes:
    """Serialise *data* as JSON-LD with a term context (default: :func:`term_context` of *data*).

    A Dataset keeps its named graphs, each as ``{"@id": graph, "@graph": [...]}``.

    >>> from rdflib import Dataset, Literal, URIRef
    >>> from rdflib.namespace import RDFS
    >>> ds = Dataset()
    >>> _ = ds.graph(URIRef("https://example.org/g")).add(
    ...     (URIRef("https://example.org/a"), RDFS.label, Literal("A", lang="en")))
    >>> doc = json.loads(to_jsonld(ds))
    >>> doc["@graph"][0]["@id"], doc["@graph"][0]["@graph"][0]["label"]
    ('https://example.org/g', {'en': 'A'})
    """
    context = term_context(data) if context is None else context
    writer = _Writer(context)
    if isinstance(data, Dataset):
        graphs: dict[Any, list[tuple[Any, Any, Any]]] = defaultdict(list)
        for s, p, o, g in _quads(data):
            name = g.identifier if isinstance(g, Graph) else g
            graphs[name].append((s, p, o))
        body: list[dict[str, Any]] = []
        for index, name in enumerate(sorted(graphs, key=str)):
            nodes = writer.nodes(_canonical(graphs[name], f"g{index}"))
            if name in (None, DATASET_DEFAULT_GRAPH_ID):
                body.extend(nodes)
            else:
                body.append({"@id": writer.node_id(name), "@graph": nodes})
        body.sort(key=lambda n: n["@id"])
    else:
        body = writer.nodes(_canonical(list(data), "b"))
    document = {"@context": context, "@graph": body}
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return text.encode("utf-8")


def context_document(context: dict[str, Any], /) -> bytes:
    r"""Return the context as a file of its own (``dist/context.jsonld``).

    >>> context_document({"label": "http://www.w3.org/2000/01/rdf-schema#label"})[:14]
    b'{\n "@context":'
    """
    return (
        json.dumps({"@context": context}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    ).encode("utf-8")
