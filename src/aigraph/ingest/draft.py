"""Write what ingest found as a draft: RDF in the project's ontology, every node marked.

The draft is one named graph, named after the source as its curated graph will
be. It holds the source and its paragraphs as curated data would, and the
machine's proposals as draft nodes (``aig:Draft``): mentions (``aig:Mention``),
dates (``aig:DateMention``), candidates (``aig:Candidate``) and drafted facts
(``aig:Participation`` or ``aig:Endorsement``). Each draft node names its
paragraph (``prov:wasDerivedFrom``), its offsets, its confidence and the
activity that made it (``prov:wasGeneratedBy``), whose ``aig:method`` is the
rule applied.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from aigraph.ingest.lexicon import Lexicon
from aigraph.ingest.records import Candidate, DateMention, Fact, Mention, Span
from aigraph.labels import LANGUAGES
from aigraph.rdf.namespaces import AIG, BASE, LANGUAGE, local_name
from aigraph.rdf.parse import new_dataset

_FACT_CLASSES = {"participation": AIG.Participation, "endorsement": AIG.Endorsement}
_FACT_SLOTS = {
    "participant": AIG.participant,
    "event": AIG.event,
    "party": AIG.onBehalfOf,
    "post": AIG.post,
    "role": AIG.role,
    "mode": AIG.mode,
    "endorser": AIG.endorser,
    "document": AIG.document,
}
_TEMPLATE_SLOT = re.compile(r"\{(\w+)(?:\|([^}/]+)/([^}]+))?\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class SourceInfo:
    """What the curator says about the source (from the command line) or ingest worked out."""

    iri: str
    language: str
    title: str | None = None
    publisher: str | None = None
    date: dt.date | None = None


def slug(text: str, /) -> str:
    """Return *text* as a path segment: lower case, words joined by hyphens.

    >>> slug("Kamala Harris"), slug("에마뉘엘 마크롱"), slug("person/kamala-harris")
    ('kamala-harris', '에마뉘엘-마크롱', 'person-kamala-harris')
    """
    words = re.findall(r"\w+", text.casefold().replace("_", " "))
    return "-".join(words) or "unnamed"


def has_final_consonant(word: str, /) -> bool | None:
    """Tell whether a word ends in a Hangul syllable with a final consonant (받침).

    ``None`` when the word does not end in Hangul.

    >>> has_final_consonant("해리스"), has_final_consonant("서울선언"), has_final_consonant("G7")
    (False, True, None)
    """
    last = word.rstrip()[-1:] or " "
    code = ord(last) - 0xAC00
    return (code % 28 != 0) if 0 <= code < 11172 else None


def render_template(template: str, labels: Mapping[str, str | None]) -> str:
    """Fill a fact template: ``{slot}``, ``{slot|은/는}`` (with its particle), ``[optional]``.

    An optional part disappears when a slot in it has no value; a required slot
    without a value shows as ``?``.

    >>> labels = {"a": "해리스", "b": None, "c": "회의"}
    >>> render_template("{a|은/는}[ {b} 자격으로] {c}에 참여했다.", labels)
    '해리스는 회의에 참여했다.'
    """

    def fill(part: str, optional: bool) -> str | None:
        missing = False

        def one(m: re.Match[str]) -> str:
            nonlocal missing
            value = labels.get(m.group(1))
            if value is None:
                missing = True
                return "?"
            if m.group(2):
                final = has_final_consonant(value)
                particle = (
                    m.group(2)
                    if final
                    else m.group(3)
                    if final is False
                    else f"{m.group(2)}({m.group(3)})"
                )
                return value + particle
            return value

        text = _TEMPLATE_SLOT.sub(one, part)
        return None if (optional and missing) else text

    with_optional = _OPTIONAL.sub(lambda m: fill(m.group(1), True) or "", template)
    return fill(with_optional, False) or ""


class DraftWriter:
    """Build the draft dataset of one article."""

    def __init__(self, source: SourceInfo, lexicon: Lexicon, taken: set[str]) -> None:
        self.source = source
        self.lexicon = lexicon
        self.taken = taken
        self.dataset: Dataset = new_dataset()
        self.graph: Graph = self.dataset.graph(URIRef(source.iri))
        self.paragraphs: set[int] = set()
        self.activities: set[str] = set()

    def _paragraph(self, number: int) -> URIRef:
        self.paragraphs.add(number)
        return URIRef(f"{self.source.iri}#p{number}")

    def _activity(self, method: str) -> URIRef:
        self.activities.add(method)
        return URIRef(f"{self.source.iri}#ingest-{method}")

    def _draft(self, node: URIRef, cls: URIRef, span: Span, method: str, confidence: float) -> None:
        g = self.graph
        g.add((node, RDF.type, cls))
        g.add((node, RDF.type, AIG.Draft))
        g.add((node, PROV.wasDerivedFrom, self._paragraph(span.paragraph)))
        g.add((node, AIG.startOffset, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        g.add((node, AIG.endOffset, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        g.add((node, AIG.draftConfidence, Literal(f"{confidence:.2f}", datatype=XSD.decimal)))
        g.add((node, PROV.wasGeneratedBy, self._activity(method)))

    def add_mention(self, mention: Mention, entity: str, index: int = 0) -> None:
        """Add a mention of *entity* (a known entity or a candidate)."""
        span = mention.span
        node = URIRef(
            f"{self.source.iri}#mention-p{span.paragraph}-{span.start}-{span.end}"
            + (f"-{index + 1}" if index else "")
        )
        self._draft(node, AIG.Mention, span, mention.method, mention.confidence)
        self.graph.add((node, AIG.mentionOf, URIRef(entity)))
        self.graph.add((node, AIG.surfaceForm, Literal(mention.text, lang=self.source.language)))

    def add_date(self, date: DateMention) -> None:
        """Add a date phrase and the date it resolves to."""
        span = date.span
        node = URIRef(f"{self.source.iri}#date-p{span.paragraph}-{span.start}-{span.end}")
        self._draft(node, AIG.DateMention, span, "date-rule", date.confidence)
        self.graph.add((node, AIG.surfaceForm, Literal(date.text, lang=self.source.language)))
        if date.value is not None:
            self.graph.add(
                (node, AIG.resolvedDate, Literal(date.value, datatype=XSD[date.datatype]))
            )

    def add_candidate(self, candidate: Candidate) -> URIRef:
        """Add a candidate entity and a mention for each place its name occurs."""
        node = candidate_iri(candidate.label)
        g = self.graph
        g.add((node, RDF.type, AIG.Candidate))
        g.add((node, RDF.type, AIG.Draft))
        g.add((node, RDFS.label, Literal(candidate.label, lang=self.source.language)))
        g.add(
            (
                node,
                AIG.draftConfidence,
                Literal(f"{candidate.confidence:.2f}", datatype=XSD.decimal),
            )
        )
        g.add((node, PROV.wasGeneratedBy, self._activity(candidate.method)))
        if candidate.suggested_class:
            g.add((node, AIG.suggestedClass, URIRef(candidate.suggested_class)))
        for span in candidate.spans:
            text = candidate.label
            self.add_mention(
                Mention(span, text, str(node), candidate.method, candidate.confidence, True),
                str(node),
            )
        return node

    def fact_iri(self, fact: Fact) -> URIRef:
        """Mint a drafted fact's IRI as curated facts are named, never one the graph has."""
        first, second = (
            ("event", "participant") if fact.kind == "participation" else ("document", "endorser")
        )
        scope = fact.slots.get(first)
        head = _local(scope) if scope else slug(local_name(self.source.iri))
        iri = f"{BASE}{fact.kind}/{head}/{_local(fact.slots[second])}"
        if iri in self.taken:
            iri += "/" + slug(local_name(self.source.iri).split("/", 1)[-1])
        self.taken.add(iri)
        return URIRef(iri)

    def add_fact(self, fact: Fact) -> None:
        """Add a drafted participation or endorsement, labelled and described by its templates."""
        node = self.fact_iri(fact)
        self._draft(node, _FACT_CLASSES[fact.kind], fact.span, fact.method, fact.confidence)
        for slot, value in sorted(fact.slots.items()):
            self.graph.add((node, _FACT_SLOTS[slot], URIRef(value)))
        method = self.lexicon.methods[fact.method]
        for lang in LANGUAGES:
            labels = {slot: self.lexicon.label(v, lang) for slot, v in fact.slots.items()}
            if fact.title and "post" not in labels:
                labels["post"] = fact.title
            self.graph.add(
                (
                    node,
                    RDFS.label,
                    Literal(render_template(method.label_templates[lang], labels), lang=lang),
                )
            )
            text = render_template(method.description_templates[lang], labels)
            self.graph.add((node, DCTERMS.description, Literal(text, lang=lang)))
        if fact.title:
            self.graph.add(
                (node, AIG.reportedTitle, Literal(fact.title, lang=self.source.language))
            )
        if fact.note:
            self.graph.add((node, SKOS.editorialNote, Literal(fact.note, lang="en")))

    def finish(self, publisher_labels: dict[str, str]) -> Dataset:
        """Add the source, its paragraphs and the activities; return the draft dataset."""
        g, s = self.graph, URIRef(self.source.iri)
        day = self.source.date.isoformat() if self.source.date else "undated"
        g.add((s, RDF.type, AIG.NewsArticle))
        g.add(
            (s, RDFS.label, Literal(f"{publisher_labels.get('en', 'Article')}, {day}", lang="en"))
        )
        g.add((s, RDFS.label, Literal(f"{publisher_labels.get('ko', '기사')} {day}", lang="ko")))
        g.add((s, DCTERMS.language, LANGUAGE[self.source.language]))
        if self.source.title:
            g.add((s, DCTERMS.title, Literal(self.source.title, lang=self.source.language)))
        # What is not known is stated as not recorded, never guessed: the shapes want one
        # or the other for the address, the publisher and the date.
        if self.source.iri.startswith(BASE + "source/"):
            g.add((s, AIG.notRecorded, SDO.url))
        else:
            g.add((s, SDO.url, s))
        if self.source.publisher:
            g.add((s, DCTERMS.publisher, URIRef(self.source.publisher)))
        else:
            g.add((s, AIG.notRecorded, DCTERMS.publisher))
        if self.source.date:
            g.add((s, DCTERMS.issued, Literal(self.source.date.isoformat(), datatype=XSD.date)))
        else:
            g.add((s, AIG.notRecorded, DCTERMS.issued))
        for number in sorted(self.paragraphs):
            p = URIRef(f"{self.source.iri}#p{number}")
            g.add((p, RDF.type, AIG.Paragraph))
            g.add((p, RDFS.label, Literal(f"paragraph {number}", lang="en")))
            g.add((p, RDFS.label, Literal(f"{number}문단", lang="ko")))
            g.add((p, AIG.paragraphNumber, Literal(number)))
            g.add((p, DCTERMS.isPartOf, s))
        for method in sorted(self.activities):
            a = URIRef(f"{self.source.iri}#ingest-{method}")
            g.add((a, RDF.type, PROV.Activity))
            g.add((a, AIG.method, URIRef(self.lexicon.methods[method].iri)))
            g.add((a, PROV.used, s))
            for lang, label in sorted(self.lexicon.methods[method].labels.items()):
                g.add((a, RDFS.label, Literal(f"aigraph ingest: {label}", lang=lang)))
        return self.dataset


def candidate_iri(label: str, /) -> URIRef:
    """Return the IRI of the candidate named *label*.

    >>> str(candidate_iri("Justin Trudeau"))
    'https://w3id.org/aigraph/candidate/justin-trudeau'
    """
    return URIRef(f"{BASE}candidate/{slug(label)}")


def _local(iri: str) -> str:
    """Return an entity IRI's readable part without its kind: kamala-harris for person/…."""
    name = local_name(iri)
    return slug(name.split("/", 1)[-1]) if "/" in name else slug(name)
