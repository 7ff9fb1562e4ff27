"""The label policy: which name of a thing a reader sees, and in which language.

One policy for every reader (query tables, the page, paths, the server, ingest):

* a thing's names are its ``skos:prefLabel`` values, then its ``rdfs:label`` values: a
  preferred label wins over a plain one in the same language;
* a reader asks in English or Korean; the label in that language is shown, else one
  without a language tag, else the one in the other language, else the IRI's local name;
* should a thing have two labels of one property in one language, the least in
  N-Triples order wins, so that the same one is shown on every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal as TypingLiteral

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS
from rdflib.term import Node

from aigraph.rdf.namespaces import local_name

Language = TypingLiteral["en", "ko"]
#: The languages of the project: every entity has a label in each.
LANGUAGES: tuple[Language, ...] = ("en", "ko")
#: Where a name is read from, the strongest first.
LABEL_PROPERTIES: tuple[URIRef, ...] = (SKOS.prefLabel, RDFS.label)
#: Texts keyed by language tag (``""`` for a literal without one).
Texts = Mapping[str, str]


def other_language(lang: str) -> Language:
    """Return the project language that is not *lang*.

    >>> other_language("en"), other_language("ko")
    ('ko', 'en')
    """
    return "ko" if lang == "en" else "en"


def pick(texts: Texts, lang: str) -> str | None:
    """Return the text of *texts* a reader of *lang* sees, or ``None`` if there is none.

    >>> pick({"ko": "서울", "en": "Seoul"}, "ko"), pick({"ko": "서울"}, "en")
    ('서울', '서울')
    >>> pick({"": "Seoul", "ko": "서울"}, "en"), pick({"de": "Söul"}, "en"), pick({}, "en")
    ('Seoul', 'Söul', None)
    """
    for key in (lang, "", other_language(lang)):
        if texts.get(key):
            return texts[key]
    rest = sorted(key for key, text in texts.items() if text)
    return texts[rest[0]] if rest else None


def bilingual(texts: Texts, fallback: str = "") -> dict[str, str]:
    """Return ``{"en": …, "ko": …}``: what a reader of each language sees.

    >>> bilingual({"ko": "서울", "": "Seoul"})
    {'en': 'Seoul', 'ko': '서울'}
    >>> bilingual({}, fallback="seoul")
    {'en': 'seoul', 'ko': 'seoul'}
    """
    return {lang: pick(texts, lang) or fallback for lang in LANGUAGES}


def literal_texts(values: Iterable[object]) -> dict[str, str]:
    """Return the literals among *values* keyed by language; per language the least wins.

    >>> literal_texts([Literal("b", lang="en"), Literal("a", lang="en"), URIRef("x:y")])
    {'en': 'a'}
    """
    found: dict[str, Literal] = {}
    for value in values:
        if isinstance(value, Literal):
            key = value.language or ""
            if key not in found or value.n3() < found[key].n3():
                found[key] = value
    return {key: str(value) for key, value in found.items()}


def label_texts(graph: Graph, iri: Node) -> dict[str, str]:
    """Return the names of *iri* in *graph* keyed by language, by the policy's precedence.

    >>> g = Graph()
    >>> x = URIRef("https://w3id.org/aigraph/x")
    >>> _ = g.add((x, RDFS.label, Literal("plain", lang="en")))
    >>> _ = g.add((x, RDFS.label, Literal("평문", lang="ko")))
    >>> _ = g.add((x, SKOS.prefLabel, Literal("preferred", lang="en")))
    >>> label_texts(g, x)
    {'en': 'preferred', 'ko': '평문'}
    """
    texts: dict[str, str] = {}
    for prop in LABEL_PROPERTIES:
        for key, text in literal_texts(graph.objects(iri, prop)).items():
            texts.setdefault(key, text)
    return texts


def label(graph: Graph, term: object, lang: str = "en") -> str:
    """Return what a reader of *lang* sees for *term*: its label, or its local name.

    Literals and other terms are shown as their text.

    >>> label(Graph(), URIRef("https://w3id.org/aigraph/person/kamala-harris"))
    'person/kamala-harris'
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return pick(label_texts(graph, term), lang) or local_name(str(term))
    return str(term)


class LabelIndex:
    """The labels of every IRI in a graph, read once: for many look-ups.

    >>> g = Graph()
    >>> x = URIRef("https://w3id.org/aigraph/x")
    >>> _ = g.add((x, RDFS.label, Literal("엑스", lang="ko")))
    >>> index = LabelIndex(g.subject_objects(RDFS.label))
    >>> index.label(x, "en"), index.texts(x)
    ('엑스', {'ko': '엑스'})
    """

    def __init__(self, *pairs_by_property: Iterable[tuple[object, object]]) -> None:
        """Index (subject, label) pairs, one iterable per property, the strongest first."""
        self._texts: dict[URIRef, dict[str, str]] = {}
        for pairs in pairs_by_property:
            grouped: dict[URIRef, list[object]] = {}
            for subject, value in pairs:
                if isinstance(subject, URIRef):
                    grouped.setdefault(subject, []).append(value)
            for subject, values in grouped.items():
                texts = self._texts.setdefault(subject, {})
                for key, text in literal_texts(values).items():
                    texts.setdefault(key, text)

    @classmethod
    def of(cls, graph: Graph) -> LabelIndex:
        """Return the index of every label in *graph*, by the policy's properties."""
        return cls(*(graph.subject_objects(prop) for prop in LABEL_PROPERTIES))

    def texts(self, iri: URIRef) -> dict[str, str]:
        """Return the names of *iri* keyed by language (empty if it has none)."""
        return dict(self._texts.get(iri, {}))

    def label(self, term: object, lang: str = "en") -> str:
        """Return what a reader of *lang* sees for *term* (see :func:`label`)."""
        if term is None:
            return ""
        if isinstance(term, URIRef):
            return pick(self._texts.get(term, {}), lang) or local_name(str(term))
        return str(term)

    def bilingual(self, iri: URIRef) -> dict[str, str]:
        """Return ``{"en": …, "ko": …}`` for *iri*, its local name where it has no label."""
        return bilingual(self._texts.get(iri, {}), fallback=local_name(str(iri)))
