"""Generate synthetic summit graphs in the project's own ontology, at a chosen size.

The output is an aigraph project directory (``ontology/`` and ``queries/``
copied from this checkout, ``data/synthetic.trig`` generated) whose data
conforms to ``ontology/shapes.ttl``: summits with sessions and a venue,
people holding posts for states, participations, documents with annexes,
endorsements, commitments serving principles, statements and count claims,
each in the named graph of a news-article source whose paragraphs it cites,
with English and Korean labels. The names are invented; the same size and
seed give the same bytes.

The competency queries name real entities (the Seoul summit's leaders'
session, the Bletchley and Seoul declarations, the Frontier AI Safety
Commitments, the President of the Republic of Korea...). So that every
query finds rows at every size, and is timed on work rather than on an
index miss, the generator gives those IRIs to its own nodes: summit 0 adopts
the Bletchley Declaration and summit 1 is the Seoul summit, every summit has
a ``leaders-session``, every first chair speaks for the Republic of Korea as
its President, and each summit has organisation delegates, a companies'
pledge, a disputed head count and people with two titles.

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
PRINCIPLES = [
    "safety",
    "innovation",
    "inclusivity",
    "interoperability",
    "human-centricity",
    "democracy",
    "rule-of-law",
    "human-rights",
    "privacy",
    "international-cooperation",
]
KINDS = ["recognition", "commitment", "support", "call"]
MODES = ["in-person", "video", "not-attending"]
ORG_KINDS = [("company", "aig:Company", 60), ("igo", "aig:InternationalOrganization", 20),
             ("ministry", "aig:GovernmentBody", 60), ("foundation", "aig:Foundation", 20)]
STATES = 120
SOURCES_PER_SUMMIT = 4
PARAGRAPHS = 5
PEOPLE_PER_SUMMIT = 30
PRESIDENT = f"<{BASE}post/president-of-the-republic-of-korea>"
#: Real names the competency queries look up, given to synthetic summits 0 and 1.
NAMED_SUMMITS = {0: ("s0", "bletchley-declaration", "s0-pledge"),
                 1: ("ai-seoul-summit-2024", "seoul-declaration", "frontier-ai-safety-commitments")}


def _names(i: int) -> tuple[str, str, str]:
    """Return the slugs of summit *i*, its declaration and its pledge."""
    return NAMED_SUMMITS.get(i, (f"s{i}", f"s{i}-declaration", f"s{i}-pledge"))


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

    def labelled(
        self, subject: str, cls: str, en: str, ko: str, *pairs: tuple[str, str | list[str]]
    ) -> None:
        """Write a typed node with its English and Korean labels."""
        self.node(subject, ("a", cls), ("rdfs:label", [_lit(en, "en"), _lit(ko, "ko")]), *pairs)

    def text(self) -> str:
        """Return the TriG document: the prefixes, then each graph in the order first used."""
        blocks = [
            f"<{name}> {{\n" + "\n".join(body) + "\n}\n" for name, body in self.graphs.items()
        ]
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
    """Write the states and organisations every summit draws on, in their own source graph."""
    _name, paragraphs = _source(
        w, "synthetic-registry", _iri("organization/company-0"), "2023-01-01"
    )
    states = []
    for n in range(STATES):
        state = _iri("country/republic-of-korea" if n == 0 else f"country/state-{n}")
        w.labelled(
            state,
            "aig:State",
            f"State {n}",
            f"국가 {n}",
            ("aig:mentionedIn", paragraphs[n % PARAGRAPHS]),
            ("schema:sameAs", f"<http://www.wikidata.org/entity/Q{1000 + n}>"),
        )
        states.append(state)
    # The post every summit's first chair holds (cq11, cq12 ask for it by name).
    w.labelled(PRESIDENT, "org:Post", "President of the Republic of Korea", "대한민국 대통령",
               ("org:postIn", states[0]), ("aig:mentionedIn", paragraphs[0]))
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
    slug, declaration_slug, pledge_slug = _names(i)
    summit, place, city = _iri(f"summit/{slug}"), _iri(f"place/venue-{i}"), _iri(f"place/city-{i}")
    graphs = [
        _source(w, f"s{i}-a{k}", rng.choice(orgs[:60]), date) for k in range(SOURCES_PER_SUMMIT)
    ]

    def cite() -> str:
        """Put the next node in one of the summit's sources and cite a paragraph of it."""
        name, paragraphs = rng.choice(graphs)
        w.use(name)
        return rng.choice(paragraphs)

    sessions = [
        _iri(f"summit/{slug}/{'leaders-session' if k == 0 else f'session-{k}'}") for k in range(3)
    ]
    w.labelled(
        summit,
        "aig:Summit",
        f"Summit {i}",
        f"정상회의 {i}",
        ("schema:startDate", f'"{date}"^^xsd:date'),
        ("schema:location", place),
        ("aig:mentionedIn", cite()),
        *([("aig:follows", _iri(f"summit/{_names(i - 1)[0]}"))] if i else []),
    )
    w.labelled(
        place,
        "schema:Place",
        f"Venue {i}",
        f"회의장 {i}",
        ("schema:containedInPlace", city),
        ("aig:mentionedIn", cite()),
    )
    w.labelled(city, "schema:Place", f"City {i}", f"도시 {i}", ("aig:mentionedIn", cite()))
    for k, session in enumerate(sessions):
        w.labelled(session, "aig:Session", f"Session {k} of summit {i}", f"정상회의 {i} 세션 {k}",
                   ("schema:superEvent", summit), ("aig:mentionedIn", cite()))
    declaration, annex = _iri(f"document/{declaration_slug}"), _iri(f"document/s{i}-annex")
    pledge = _iri(f"document/{pledge_slug}")
    earlier = _iri(f"document/{_names(i - 1)[1]}") if i else declaration
    # The declaration is adopted at the leaders' session, as the real ones are (cq07).
    w.labelled(
        declaration,
        "aig:Declaration",
        f"Declaration {i}",
        f"선언 {i}",
        ("aig:adoptedAt", sessions[0]),
        ("aig:mentionedIn", cite()),
    )
    w.labelled(annex, "aig:Annex", f"Annex {i}", f"부속서 {i}", ("aig:annexOf", declaration),
               ("aig:mentionedIn", cite()))
    w.labelled(pledge, "aig:Pledge", f"Pledge {i}", f"서약 {i}", ("aig:mentionedIn", cite()))
    people = _people(w, rng, i, states, [*sessions, summit], place, cite)
    delegates = _delegates(w, rng, i, orgs, sessions[0], cite)
    _endorsements(w, rng, i, people, declaration, orgs, cite)
    _pledge(w, rng, i, pledge, delegates, orgs, cite)
    _commitments(w, rng, i, declaration, declaration_slug, cite)
    _statements(w, rng, i, people, summit, declaration, earlier, cite)
    _count(w, rng, i, summit, len(people), cite)


def _people(w: Writer, rng: random.Random, i: int, states: list[str], events: list[str], venue: str,
            cite) -> list:
    """Return the summit's people, each with a post for a state and two participations.

    The first two co-chair the leaders' session; the first speaks for the Republic
    of Korea as its President, from the venue. People 2 and 3 hold a second title
    at their second event (cq22).
    """
    people = []
    for j in range(PEOPLE_PER_SUMMIT):
        person = _iri(f"person/s{i}-p{j}")
        state = states[0] if j == 0 else rng.choice(states)
        w.labelled(
            person, "schema:Person", f"Person {i}-{j}", f"인물 {i}-{j}", ("aig:mentionedIn", cite())
        )
        posts = [PRESIDENT] if j == 0 else [_iri(f"post/s{i}-p{j}")]
        if j in (2, 3):
            posts.append(_iri(f"post/s{i}-p{j}-b"))
        for k, post in enumerate(posts[1:] if j == 0 else posts):
            w.labelled(
                post,
                "org:Post",
                f"Envoy {i}-{j}{'b' if k else ''}",
                f"대표 {i}-{j}{'b' if k else ''}",
                ("org:postIn", state),
                ("aig:mentionedIn", cite()),
            )
        chosen = [events[0], events[-1]] if j < 2 else rng.sample(events, 2)
        for n, event in enumerate(chosen):  # the first two people co-chair the leaders' session
            role = (
                "chair" if j < 2 and event == events[0] else rng.choice(["participant", "endorser"])
            )
            mode = "in-person" if j == 0 else rng.choice(MODES)
            where = [("aig:location", venue)] if j == 0 and event == events[0] else []
            w.labelled(
                _iri(f"participation/s{i}-p{j}/{event.rsplit('/', 1)[-1][:-1]}"),
                "aig:Participation",
                f"Person {i}-{j} at {event[len(BASE) + 1 : -1]}",
                f"인물 {i}-{j}의 참여",
                (
                    "dcterms:description",
                    [_lit("A synthetic participation.", "en"), _lit("합성 참여.", "ko")],
                ),
                ("aig:participant", person),
                ("aig:event", event),
                ("aig:role", _iri(f"role/{role}")),
                ("aig:onBehalfOf", state),
                ("aig:post", posts[min(n, len(posts) - 1)]),
                ("aig:mode", _iri(f"mode/{mode}")),
                *where,
                ("prov:wasDerivedFrom", cite()),
            )
        people.append((person, state))
    return people


def _delegates(w: Writer, rng: random.Random, i: int, orgs: list, session: str, cite) -> list[str]:
    """People at the leaders' session for an international organisation, companies, a foundation."""
    kinds = {
        slug: [o for o in orgs if f"/organization/{slug}-" in o] for slug, _cls, _n in ORG_KINDS
    }
    chosen = [
        rng.choice(kinds["igo"]),
        *rng.sample(kinds["company"], 2),
        rng.choice(kinds["foundation"]),
    ]
    for k, org in enumerate(chosen):
        person, post = _iri(f"person/s{i}-d{k}"), _iri(f"post/s{i}-d{k}")
        w.labelled(
            person,
            "schema:Person",
            f"Delegate {i}-{k}",
            f"대표단 {i}-{k}",
            ("aig:mentionedIn", cite()),
        )
        w.labelled(
            post,
            "org:Post",
            f"Head of delegation {i}-{k}",
            f"대표단장 {i}-{k}",
            ("org:postIn", org),
            ("aig:mentionedIn", cite()),
        )
        w.labelled(
            _iri(f"participation/s{i}-d{k}/leaders-session"),
            "aig:Participation",
            f"Delegate {i}-{k} at the leaders' session",
            f"대표단 {i}-{k}의 참여",
            (
                "dcterms:description",
                [_lit("A synthetic delegation.", "en"), _lit("합성 대표단.", "ko")],
            ),
            ("aig:participant", person),
            ("aig:event", session),
            ("aig:role", _iri("role/participant")),
            ("aig:onBehalfOf", org),
            ("aig:post", post),
            ("prov:wasDerivedFrom", cite()),
        )
    return chosen


def _pledge(
    w: Writer, rng: random.Random, i: int, pledge: str, delegates: list[str], orgs: list, cite
) -> None:
    """Write the companies' pledge (cq13, cq18).

    The companies at the leaders' session sign it, and a few more.
    """
    companies = [o for o in delegates if "/organization/company-" in o]
    others = [o for o in rng.sample(orgs[:60], 4) if o not in companies]
    for n, company in enumerate(companies + others):
        w.labelled(
            _iri(f"endorsement/s{i}/pledge-{n}"),
            "aig:Endorsement",
            f"Pledge signature {i}-{n}",
            f"서약 서명 {i}-{n}",
            ("dcterms:description", [_lit("A company signs.", "en"), _lit("기업 서명.", "ko")]),
            ("aig:endorser", company),
            ("aig:document", pledge),
            ("prov:wasDerivedFrom", cite()),
        )
    for n in range(3):
        w.labelled(
            _iri(f"commitment/s{i}-pledge/{n}"),
            "aig:Commitment",
            f"Pledge commitment {i}-{n}",
            f"서약 약속 {i}-{n}",
            (
                "dcterms:description",
                [_lit("A synthetic undertaking.", "en"), _lit("합성 약속.", "ko")],
            ),
            ("aig:document", pledge),
            ("aig:commitmentKind", _iri("commitment-kind/commitment")),
            ("aig:servesPrinciple", _iri(f"principle/{rng.choice(PRINCIPLES)}")),
            ("prov:wasDerivedFrom", cite()),
        )


def _endorsements(
    w: Writer, rng: random.Random, i: int, people: list, document: str, orgs: list, cite
) -> None:
    for n, (person, state) in enumerate(rng.sample(people, len(people) * 2 // 3)):
        w.labelled(
            _iri(f"endorsement/s{i}/{n}"),
            "aig:Endorsement",
            f"Endorsement {i}-{n}",
            f"지지 {i}-{n}",
            (
                "dcterms:description",
                [_lit("A synthetic endorsement.", "en"), _lit("합성 지지.", "ko")],
            ),
            ("aig:endorser", person),
            ("aig:onBehalfOf", state),
            ("aig:document", document),
            ("prov:wasDerivedFrom", cite()),
        )
    for n, org in enumerate(rng.sample(orgs, 5)):
        w.labelled(
            _iri(f"endorsement/s{i}/org-{n}"),
            "aig:Endorsement",
            f"Endorsement {i}-o{n}",
            f"기관 지지 {i}-{n}",
            (
                "dcterms:description",
                [_lit("An organisation endorses.", "en"), _lit("기관 지지.", "ko")],
            ),
            ("aig:endorser", org),
            ("aig:document", document),
            ("prov:wasDerivedFrom", cite()),
        )


def _commitments(w: Writer, rng: random.Random, i: int, document: str, slug: str, cite) -> None:
    for n in range(12):
        principles = [_iri(f"principle/{p}") for p in rng.sample(PRINCIPLES, rng.randint(1, 3))]
        # the first takes the name of the Seoul Declaration's inter-related goals (cq08)
        w.labelled(
            _iri(f"commitment/{slug}/{'inter-related-goals' if n == 0 else n}"),
            "aig:Commitment",
            f"Commitment {i}-{n}",
            f"약속 {i}-{n}",
            (
                "dcterms:description",
                [_lit("A synthetic commitment.", "en"), _lit("합성 약속.", "ko")],
            ),
            ("aig:document", document),
            ("aig:commitmentKind", _iri(f"commitment-kind/{rng.choice(KINDS)}")),
            ("aig:servesPrinciple", principles),
            ("prov:wasDerivedFrom", cite()),
        )


def _statements(w: Writer, rng: random.Random, i: int, people: list, summit: str, document: str,
                earlier: str, cite) -> None:
    """Ten statements; the President's first, on the previous summit's declaration (cq11, cq12)."""
    for n in range(10):
        speaker, _state = people[0] if n == 0 else rng.choice(people)
        w.labelled(
            _iri(f"statement/s{i}/{n}"),
            "aig:Statement",
            f"Statement {i}-{n}",
            f"발언 {i}-{n}",
            (
                "dcterms:description",
                [_lit("A synthetic statement.", "en"), _lit("합성 발언.", "ko")],
            ),
            ("aig:event", summit),
            ("aig:speaker", speaker),
            ("aig:servesPrinciple", _iri(f"principle/{rng.choice(PRINCIPLES)}")),
            ("aig:concernsDocument", earlier if n == 0 else document),
            ("prov:wasDerivedFrom", cite()),
        )


def _count(w: Writer, rng: random.Random, i: int, summit: str, people: int, cite) -> None:
    """Two sources count the states at the summit, and disagree by one (cq21)."""
    for n, figure in enumerate((people, people + 1)):
        w.labelled(
            _iri(f"count/s{i}/states{'-' + str(n) if n else ''}"),
            "aig:CountClaim",
            f"States at summit {i}",
            f"정상회의 {i} 참가국 수",
            ("dcterms:description", [_lit("A synthetic count.", "en"), _lit("합성 집계.", "ko")]),
            ("aig:event", summit),
            ("aig:countedClass", "aig:State"),
            ("aig:count", str(figure)),
            ("prov:wasDerivedFrom", cite()),
        )


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
    print(f"{written} triples in {sys.argv[2]}/data/synthetic.trig")
