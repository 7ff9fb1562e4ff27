"""Generate synthetic summit graphs in the project's own ontology, at a chosen size.

The output is an aigraph project directory (``ontology/`` and ``queries/``
copied from this checkout, ``data/synthetic.trig`` generated) whose data
conforms to ``ontology/shapes.ttl``: summits with sessions and a venue,
people holding posts for states, participations, documents with annexes,
endorsements, commitments serving principles, statements and count claims,
each in the named graph of a news-article source whose paragraphs it cites,
with English and Korean labels. The names are invented; the same size and
seed give the same bytes.

Usage: python benchmarks/synth.py TRIPLES OUT_DIR
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

BASE = "https://w3id.org/aigraph/"
PREFIXES = """@prefix aig: <https://w3id.org/aigraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
PRINCIPLES = ["safety", "innovation", "inclusivity", "interoperability", "human-centricity", "democracy",
              "rule-of-law", "human-rights", "privacy", "international-cooperation"]
KINDS = ["recognition", "commitment", "support", "call"]
MODES = ["in-person", "video", "not-attending"]
ORG_KINDS = [("company", "aig:Company", 60), ("igo", "aig:InternationalOrganization", 20),
             ("ministry", "aig:GovernmentBody", 60), ("foundation", "aig:Foundation", 20)]
STATES = 120
SOURCES_PER_SUMMIT = 4
PARAGRAPHS = 5
PEOPLE_PER_SUMMIT = 30


class Writer:
    """Accumulates TriG text in several named graphs and counts the triples written."""

    def __init__(self) -> None:
        self.graphs: dict[str, list[str]] = {}
        self.current = ""
        self.triples = 0

    def use(self, name: str) -> None:
        """Write the following nodes into the named graph *name*."""
        self.current = name
        self.graphs.setdefault(name, [])

    def node(self, subject: str, *pairs: tuple[str, str | list[str]]) -> None:
        """Write one subject with its predicate-object pairs (a list means several objects)."""
        lines = []
        for predicate, objects in pairs:
            values = objects if isinstance(objects, list) else [objects]
            self.triples += len(values)
            lines.append(f"{predicate} {', '.join(values)}")
        self.graphs[self.current].append(f"  {subject} " + " ;\n    ".join(lines) + " .")

    def labelled(self, subject: str, cls: str, en: str, ko: str, *pairs: tuple[str, str | list[str]]) -> None:
        """Write a typed node with its English and Korean labels."""
        self.node(subject, ("a", cls), ("rdfs:label", [_lit(en, "en"), _lit(ko, "ko")]), *pairs)

    def text(self) -> str:
        """The TriG document: the prefixes, then each graph in the order first used."""
        blocks = [f"<{name}> {{\n" + "\n".join(body) + "\n}\n" for name, body in self.graphs.items()]
        return PREFIXES + "\n" + "\n".join(blocks)


def _lit(text: str, lang: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def _iri(path: str) -> str:
    return f"<{BASE}{path}>"


def _source(w: Writer, slug: str, publisher: str, issued: str) -> tuple[str, list[str]]:
    """Describe a source and its paragraphs; return its graph IRI and paragraph IRIs."""
    name = f"{BASE}source/{slug}"
    w.use(name)
    paragraphs = [f"<{name}#p{n}>" for n in range(1, PARAGRAPHS + 1)]
    w.labelled(f"<{name}>", "aig:NewsArticle", f"article {slug}", f"기사 {slug}",
               ("dcterms:title", _lit(f"Report {slug}", "en")), ("dcterms:publisher", publisher),
               ("dcterms:issued", f'"{issued}"^^xsd:date'), ("dcterms:language", '"en"'),
               ("aig:notRecorded", "schema:url"))
    for n, paragraph in enumerate(paragraphs, 1):
        w.labelled(paragraph, "aig:Paragraph", f"paragraph {n}", f"{n}문단",
                   ("aig:paragraphNumber", str(n)), ("dcterms:isPartOf", f"<{name}>"))
    return name, paragraphs


def _registry(w: Writer) -> tuple[list[str], list[str]]:
    """The states and organisations every summit draws on, in their own source graph."""
    name, paragraphs = _source(w, "synthetic-registry", _iri("organization/company-0"), "2023-01-01")
    states = []
    for n in range(STATES):
        state = _iri(f"country/state-{n}")
        w.labelled(state, "aig:State", f"State {n}", f"국가 {n}", ("aig:mentionedIn", paragraphs[n % PARAGRAPHS]),
                   ("schema:sameAs", f"<http://www.wikidata.org/entity/Q{1000 + n}>"))
        states.append(state)
    orgs = []
    for slug, cls, count in ORG_KINDS:
        for n in range(count):
            org = _iri(f"organization/{slug}-{n}")
            w.labelled(org, cls, f"{slug.title()} {n}", f"{slug} 기관 {n}",
                       ("aig:mentionedIn", paragraphs[n % PARAGRAPHS]))
            orgs.append(org)
    return states, orgs


def _summit(w: Writer, rng: random.Random, i: int, states: list[str], orgs: list[str]) -> None:
    """One summit with everything around it, spread over its sources' graphs."""
    year, month = 2023 + i // 12, 1 + i % 12
    date = f"{year:04d}-{month:02d}-15"
    # The first summit takes the real Seoul IRIs, so the competency queries find it.
    slug, declaration_slug = ("ai-seoul-summit-2024", "seoul-declaration") if i == 0 else (f"s{i}", f"s{i}-declaration")
    summit, place = _iri(f"summit/{slug}"), _iri(f"place/venue-{i}")
    graphs = [_source(w, f"s{i}-a{k}", rng.choice(orgs[:60]), date) for k in range(SOURCES_PER_SUMMIT)]

    def cite() -> str:
        """Put the next node in one of the summit's sources and cite a paragraph of it."""
        name, paragraphs = rng.choice(graphs)
        w.use(name)
        return rng.choice(paragraphs)

    sessions = [_iri(f"summit/{slug}/session-{k}") for k in range(3)]
    w.labelled(summit, "aig:Summit", f"Summit {i}", f"정상회의 {i}", ("schema:startDate", f'"{date}"^^xsd:date'),
               ("schema:location", place), ("aig:mentionedIn", cite()),
               *([("aig:follows", _iri(f"summit/{'ai-seoul-summit-2024' if i == 1 else f's{i - 1}'}"))] if i else []))
    w.labelled(place, "schema:Place", f"Venue {i}", f"회의장 {i}", ("aig:mentionedIn", cite()))
    for k, session in enumerate(sessions):
        w.labelled(session, "aig:Session", f"Session {k} of summit {i}", f"정상회의 {i} 세션 {k}",
                   ("schema:superEvent", summit), ("aig:mentionedIn", cite()))
    declaration, annex = _iri(f"document/{declaration_slug}"), _iri(f"document/s{i}-annex")
    w.labelled(declaration, "aig:Declaration", f"Declaration {i}", f"선언 {i}", ("aig:adoptedAt", summit),
               ("aig:mentionedIn", cite()))
    w.labelled(annex, "aig:Annex", f"Annex {i}", f"부속서 {i}", ("aig:annexOf", declaration),
               ("aig:mentionedIn", cite()))
    people = _people(w, rng, i, states, sessions + [summit], cite)
    _endorsements(w, rng, i, people, declaration, orgs, cite)
    _commitments(w, rng, i, declaration, cite)
    _statements(w, rng, i, people, summit, declaration, cite)
    _count(w, rng, i, summit, len(people), cite)


def _people(w: Writer, rng: random.Random, i: int, states: list[str], events: list[str], cite) -> list:
    people = []
    for j in range(PEOPLE_PER_SUMMIT):
        person, post = _iri(f"person/s{i}-p{j}"), _iri(f"post/s{i}-p{j}")
        state = rng.choice(states)
        w.labelled(person, "schema:Person", f"Person {i}-{j}", f"인물 {i}-{j}", ("aig:mentionedIn", cite()))
        w.labelled(post, "org:Post", f"Envoy {i}-{j}", f"대표 {i}-{j}", ("org:postIn", state),
                   ("aig:mentionedIn", cite()))
        chosen = [events[0], events[-1]] if j < 2 else rng.sample(events, 2)
        for event in chosen:  # the first two people co-chair the first session
            role = "chair" if j < 2 and event == events[0] else rng.choice(["participant", "endorser"])
            w.labelled(_iri(f"participation/s{i}-p{j}/{event.rsplit('/', 1)[-1][:-1]}"), "aig:Participation",
                       f"Person {i}-{j} at {event[len(BASE) + 1:-1]}", f"인물 {i}-{j}의 참여",
                       ("dcterms:description", [_lit("A synthetic participation.", "en"), _lit("합성 참여.", "ko")]),
                       ("aig:participant", person), ("aig:event", event), ("aig:role", _iri(f"role/{role}")),
                       ("aig:onBehalfOf", state), ("aig:post", post), ("aig:mode", _iri(f"mode/{rng.choice(MODES)}")),
                       ("prov:wasDerivedFrom", cite()))
        people.append((person, state))
    return people


def _endorsements(w: Writer, rng: random.Random, i: int, people: list, document: str, orgs: list, cite) -> None:
    for n, (person, state) in enumerate(rng.sample(people, len(people) * 2 // 3)):
        w.labelled(_iri(f"endorsement/s{i}/{n}"), "aig:Endorsement", f"Endorsement {i}-{n}", f"지지 {i}-{n}",
                   ("dcterms:description", [_lit("A synthetic endorsement.", "en"), _lit("합성 지지.", "ko")]),
                   ("aig:endorser", person), ("aig:onBehalfOf", state), ("aig:document", document),
                   ("prov:wasDerivedFrom", cite()))
    for n, org in enumerate(rng.sample(orgs, 5)):
        w.labelled(_iri(f"endorsement/s{i}/org-{n}"), "aig:Endorsement", f"Endorsement {i}-o{n}",
                   f"기관 지지 {i}-{n}",
                   ("dcterms:description", [_lit("An organisation endorses.", "en"), _lit("기관 지지.", "ko")]),
                   ("aig:endorser", org), ("aig:document", document), ("prov:wasDerivedFrom", cite()))


def _commitments(w: Writer, rng: random.Random, i: int, document: str, cite) -> None:
    for n in range(12):
        principles = [_iri(f"principle/{p}") for p in rng.sample(PRINCIPLES, rng.randint(1, 3))]
        w.labelled(_iri(f"commitment/s{i}/{n}"), "aig:Commitment", f"Commitment {i}-{n}", f"약속 {i}-{n}",
                   ("dcterms:description", [_lit("A synthetic commitment.", "en"), _lit("합성 약속.", "ko")]),
                   ("aig:document", document), ("aig:commitmentKind", _iri(f"commitment-kind/{rng.choice(KINDS)}")),
                   ("aig:servesPrinciple", principles), ("prov:wasDerivedFrom", cite()))


def _statements(w: Writer, rng: random.Random, i: int, people: list, summit: str, document: str, cite) -> None:
    for n in range(10):
        speaker, _state = rng.choice(people)
        w.labelled(_iri(f"statement/s{i}/{n}"), "aig:Statement", f"Statement {i}-{n}", f"발언 {i}-{n}",
                   ("dcterms:description", [_lit("A synthetic statement.", "en"), _lit("합성 발언.", "ko")]),
                   ("aig:event", summit), ("aig:speaker", speaker),
                   ("aig:servesPrinciple", _iri(f"principle/{rng.choice(PRINCIPLES)}")),
                   ("aig:concernsDocument", document), ("prov:wasDerivedFrom", cite()))


def _count(w: Writer, rng: random.Random, i: int, summit: str, people: int, cite) -> None:
    w.labelled(_iri(f"count/s{i}/states"), "aig:CountClaim", f"States at summit {i}", f"정상회의 {i} 참가국 수",
               ("dcterms:description", [_lit("A synthetic count.", "en"), _lit("합성 집계.", "ko")]),
               ("aig:event", summit), ("aig:countedClass", "aig:State"),
               ("aig:count", str(people)), ("prov:wasDerivedFrom", cite()))


def generate(triples: int, *, seed: int = 7) -> tuple[str, int]:
    """Return TriG text with at least *triples* triples, and the exact count."""
    rng = random.Random(seed)
    w = Writer()
    states, orgs = _registry(w)
    i = 0
    while w.triples < triples:
        _summit(w, rng, i, states, orgs)
        i += 1
    return w.text(), w.triples


def make_project(triples: int, out: Path, *, checkout: Path | None = None, seed: int = 7) -> int:
    """Write a synthetic project of about *triples* data triples to *out*; return the count."""
    checkout = checkout or Path(__file__).resolve().parents[1]
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(checkout / "ontology", out / "ontology")
    (out / "queries").mkdir(parents=True)
    for folder in (checkout / "queries", checkout / "benchmarks" / "queries"):
        for query in sorted(folder.glob("*.rq")):
            shutil.copy(query, out / "queries" / query.name)
    text, count = generate(triples, seed=seed)
    (out / "data").mkdir()
    (out / "data" / "synthetic.trig").write_text(text, encoding="utf-8")
    return count


if __name__ == "__main__":
    written = make_project(int(float(sys.argv[1])), Path(sys.argv[2]))
    print(f"{written} triples in {sys.argv[2]}/data/synthetic.trig")  # noqa: T201
