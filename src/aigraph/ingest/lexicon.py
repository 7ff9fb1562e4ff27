"""What ingest knows, read from the graph: entities and their labels, posts and titles, cues.

Nothing here is hard-coded. Entities are the instances of the classes that
``ontology/aigraph.ttl`` marks ``aig:linkable``; their names are their
``rdfs:label``, ``skos:prefLabel`` and ``skos:altLabel`` in every language. The
titles of posts come from the posts' labels; the methods and cue words from
``ontology/ingest/*.ttl``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SKOS
from rdflib.term import Node

from aigraph.errors import LoadError
from aigraph.labels import label_texts, pick
from aigraph.rdf.namespaces import AIG, ONTOLOGY_GRAPH, SCHEMA, local_name
from aigraph.rdf.parse import parse_file

#: Entity kinds ingest reasons about, and the class each kind is a subclass of.
KIND_CLASSES: dict[str, URIRef] = {
    "person": SCHEMA.Person,
    "party": SCHEMA.Organization,
    "polity": AIG.Polity,
    "event": SCHEMA.Event,
    "document": AIG.Document,
    "post": ORG.Post,
    "place": SCHEMA.Place,
}
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class Method:
    """An ingest method: its IRI, labels, base confidence and fact templates."""

    iri: str
    labels: dict[str, str]
    confidence: float
    label_templates: dict[str, str] = field(default_factory=dict)
    description_templates: dict[str, str] = field(default_factory=dict)


@dataclass
class Lexicon:
    """The graph's entities, names, posts and cue words, as ingest needs them."""

    kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    names: list[tuple[str, str]] = field(default_factory=list)
    short_names: list[tuple[str, str, bool]] = field(default_factory=list)
    post_party: dict[str, str] = field(default_factory=dict)
    post_titles: dict[str, frozenset[str]] = field(default_factory=dict)
    held_posts: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    links: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    cues: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    concept_cues: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    methods: dict[str, Method] = field(default_factory=dict)
    nesting: frozenset[str] = frozenset()

    def has_kind(self, entity: str, kind: str) -> bool:
        """Tell whether *entity* is of *kind* (``person``, ``party``, ``event``, ...).

        >>> lex = Lexicon(kinds={"x": frozenset({"person"})})
        >>> lex.has_kind("x", "person"), lex.has_kind("x", "post")
        (True, False)
        """
        return kind in self.kinds.get(entity, frozenset())

    def label(self, entity: str, lang: str) -> str:
        """Return *entity*'s label for a reader of *lang* (:mod:`aigraph.labels`), else its tail.

        >>> Lexicon(labels={"x": {"en": "Harris", "ko": "해리스"}}).label("x", "ko")
        '해리스'
        """
        return pick(self.labels.get(entity, {}), lang) or local_name(entity)

    def titles(self, lang: str) -> list[str]:
        """Return the title words in *lang*: the title cues and the titles of known posts.

        >>> Lexicon(cues={"title": {"ko": ("총리",)}}).titles("ko")
        ['총리']
        """
        words = set(self.cues.get("title", {}).get(lang, ()))
        for titles in self.post_titles.values():
            words |= {t for t in titles if bool(_HANGUL.search(t)) == (lang == "ko")}
        return sorted(words)

    def post_for(self, party: str, title: str) -> str | None:
        """Return the known post of *title* in *party*, if exactly one fits."""
        wanted = title.casefold()
        fits = [
            p
            for p, org in self.post_party.items()
            if org == party and wanted in self.post_titles[p]
        ]
        return fits[0] if len(fits) == 1 else None

    def held_post(self, person: str, title: str) -> str | None:
        """Return the known post of *title* that *person* holds, if exactly one fits."""
        wanted = title.casefold()
        fits = [
            p
            for p in sorted(self.held_posts.get(person, ()))
            if wanted in self.post_titles.get(p, ())
        ]
        return fits[0] if len(fits) == 1 else None

    def reachable(self, source: str, target: str, hops: int = 2) -> bool:
        """Tell whether *target* is linked from *source* within *hops* name-nesting edges.

        >>> Lexicon(links={"post": {"org"}, "org": {"eu"}}).reachable("post", "eu")
        True
        """
        frontier = {source}
        for _ in range(hops):
            frontier = {o for s in frontier for o in self.links.get(s, ())}
            if target in frontier:
                return True
        return False


def _closure(dataset: Dataset, cls: Node) -> set[Node]:
    return {c for c in dataset.transitive_subjects(RDFS.subClassOf, cls) if c is not None}


def _entities(dataset: Dataset) -> dict[str, frozenset[str]]:
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    linkable: set[Node] = set()
    for cls in ontology.subjects(AIG.linkable, Literal(True)):
        linkable |= _closure(dataset, cls)
    closures = {kind: _closure(dataset, cls) for kind, cls in KIND_CLASSES.items()}
    kinds: dict[str, set[str]] = defaultdict(set)
    for entity, cls in dataset.subject_objects(RDF.type):
        if cls in linkable and isinstance(entity, URIRef):
            kinds[str(entity)].add("entity")
            kinds[str(entity)] |= {kind for kind, members in closures.items() if cls in members}
    return {entity: frozenset(k - {"entity"}) for entity, k in kinds.items()}


def _add_names(lexicon: Lexicon, dataset: Dataset) -> None:
    names = set()
    for entity in lexicon.kinds:
        node = URIRef(entity)
        for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
            for value in dataset.objects(node, prop):
                if isinstance(value, Literal) and str(value).strip():
                    names.add((str(value).strip(), entity))
        texts = label_texts(dataset, node)
        if texts:
            lexicon.labels[entity] = texts
    lexicon.names = sorted(names)
    lexicon.short_names = sorted(
        {
            (short, e, needs_title)
            for name, e in names
            if lexicon.has_kind(e, "person")
            for short, needs_title in short_names(name)
        }
        - {(name, e, False) for name, e in names}
    )


def short_names(name: str, /) -> list[tuple[str, bool]]:
    """Return the parts of a person's name that may stand for the person alone.

    Each comes with whether it needs a title after it: a one-syllable Korean
    surname does (윤 대통령), the first or last word of a longer name does not.

    >>> short_names("카멀라 해리스")
    [('카멀라', False), ('해리스', False)]
    >>> short_names("윤석열")
    [('윤', True)]
    >>> short_names("Kamala Harris")
    [('Kamala', False), ('Harris', False)]
    """
    words = name.split()
    if len(words) == 1:
        if (
            _HANGUL.fullmatch(name[0])
            and 2 <= len(name) <= 4
            and all(_HANGUL.match(c) for c in name)
        ):
            return [(name[0], True)]
        return []
    parts = [words[0], words[-1]]
    return [
        (w, False)
        for w in dict.fromkeys(parts)
        if len(w) >= 2 and (_HANGUL.match(w) or w[0].isupper())
    ]


def post_titles(post_labels: list[str], party_labels: list[str], /) -> frozenset[str]:
    """Return the titles a post's labels give, case-folded.

    A Korean label ends with the title (미국 부통령); an English one starts with it
    (Vice President of the United States) or ends with it after the party's name.

    >>> sorted(post_titles(["미국 부통령", "Vice President of the United States"], ["미국"]))
    ['vice president', '부통령']
    >>> sorted(post_titles(["Microsoft president"], ["Microsoft"]))
    ['president']
    """
    titles = set()
    for label in post_labels:
        if _HANGUL.search(label):
            titles.add(label.split()[-1])
        elif " of " in label:
            titles.add(label.split(" of ", 1)[0].strip())
        else:
            rest = label
            for party in party_labels:
                rest = rest.replace(party, " ")
            if rest.strip():
                titles.add(" ".join(rest.split()))
    return frozenset(t.casefold() for t in titles if t)


def _add_posts(lexicon: Lexicon, dataset: Dataset) -> None:
    for entity in lexicon.kinds:
        if not lexicon.has_kind(entity, "post"):
            continue
        party = dataset.value(URIRef(entity), ORG.postIn)
        if party is None:
            continue
        lexicon.post_party[entity] = str(party)
        own = [n for n, e in lexicon.names if e == entity]
        party_names = [n for n, e in lexicon.names if e == str(party)]
        lexicon.post_titles[entity] = post_titles(own, party_names)
    for person, post in dataset.subject_objects(ORG.holds):
        lexicon.held_posts[str(person)].add(str(post))
    for participation in dataset.subjects(RDF.type, AIG.Participation):
        participant, held = (
            dataset.value(participation, AIG.participant),
            dataset.value(participation, AIG.post),
        )
        if participant is not None and held is not None:
            lexicon.held_posts[str(participant)].add(str(held))


def _add_links(lexicon: Lexicon, dataset: Dataset) -> None:
    """Link entities along the properties marked ``aig:nestsName`` (post → state, body → parent)."""
    for predicate in sorted(lexicon.nesting):
        for s, o in dataset.subject_objects(URIRef(predicate)):
            if str(s) in lexicon.kinds and str(o) in lexicon.kinds:
                lexicon.links[str(s)].add(str(o))


def read_cues(lexicon: Lexicon, directory: Path) -> None:
    """Read the methods and cue words of ``ontology/ingest/*.ttl`` into *lexicon*.

    :raises LoadError: when the directory holds no Turtle file or one is malformed.
    """
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise LoadError("no ingest methods and cues (*.ttl) found", path=directory)
    graph = Graph()
    for path in files:
        parse_file(graph, path)
    by_subject: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for owner, value in graph.subject_objects(AIG.cue):
        if isinstance(value, Literal):
            by_subject[str(owner)][value.language or "en"].append(str(value))
    lexicon.nesting = frozenset(str(p) for p in graph.subjects(AIG.nestsName, Literal(True)))
    cue_sets = {str(s) for s in graph.subjects(RDF.type, AIG.CueSet)}
    for subject, langs in by_subject.items():
        table = {lang: tuple(sorted(words)) for lang, words in langs.items()}
        if subject in cue_sets:
            lexicon.cues[local_name(subject).rsplit("/", 1)[-1]] = table
        else:
            lexicon.concept_cues[subject] = table
    for method in graph.subjects(RDF.type, AIG.IngestMethod):
        confidence = graph.value(method, AIG.baseConfidence)
        lexicon.methods[str(method).rsplit("/", 1)[-1]] = Method(
            iri=str(method),
            labels=_tagged(graph.objects(method, RDFS.label)),
            confidence=float(confidence) if isinstance(confidence, Literal) else 0.5,
            label_templates=_tagged(graph.objects(method, AIG.labelTemplate)),
            description_templates=_tagged(graph.objects(method, AIG.descriptionTemplate)),
        )


def _tagged(values: Iterable[Node]) -> dict[str, str]:
    """Return the language-tagged literals among *values*, by tag."""
    return {v.language: str(v) for v in values if isinstance(v, Literal) and v.language}


def build_lexicon(dataset: Dataset, /, *, cues: Path) -> Lexicon:
    """Read everything ingest needs from an assembled *dataset* and the *cues* directory.

    :raises LoadError: when the cue files are missing or malformed.

    >>> from aigraph import load
    >>> from aigraph.project.files import project_paths
    >>> lex = build_lexicon(load().dataset, cues=project_paths().ingest)
    >>> lex.label("https://w3id.org/aigraph/principle/safety", "ko")
    '안전'
    >>> lex.methods["label-match"].confidence
    0.9
    """
    lexicon = Lexicon(kinds=_entities(dataset))
    read_cues(lexicon, cues)
    _add_names(lexicon, dataset)
    _add_posts(lexicon, dataset)
    _add_links(lexicon, dataset)
    return lexicon
