"""Each competency question (shared/competency-questions.md) answered as the sources say.

The expected answers are written by hand from the Kwangju Ilbo article of 22 May 2024
(paragraph numbers as in shared/sources/README.md), never pasted from query output.
"""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from aigraph.query import run_query

BASE = "https://w3id.org/aigraph/"
SOURCE = URIRef(BASE + "source/kwangju-ilbo-2024-05-22-ai-seoul-summit")
SESSION = URIRef(BASE + "summit/ai-seoul-summit-2024/leaders-session")
SUMMIT = URIRef(BASE + "summit/ai-seoul-summit-2024")
AIG = "https://w3id.org/aigraph/ontology#"


def _ns(prefix: str):
    return lambda name: URIRef(BASE + prefix + name)


person = _ns("person/")
country = _ns("country/")
organization = _ns("organization/")
post = _ns("post/")
document = _ns("document/")
principle = _ns("principle/")
place = _ns("place/")
summit = _ns("summit/")
kind = _ns("commitment-kind/")
role = _ns("role/")
mode = _ns("mode/")
commitment = _ns("commitment/")
statement = _ns("statement/ai-seoul-summit-2024-leaders-session/")


def aig(name: str) -> URIRef:
    return URIRef(AIG + name)


def rows(dataset, name: str) -> list:
    return list(run_query(dataset, name))


def as_int(term) -> int | None:
    return None if term is None else int(term)


# --- 1. co-chairs (p.3, p.6)


def test_cq01_co_chairs(dataset):
    got = {(r.person, r.post, r.polity) for r in rows(dataset, "cq01-co-chairs")}
    assert got == {
        (person("yoon-suk-yeol"), post("president-of-the-republic-of-korea"), country("republic-of-korea")),
        (person("rishi-sunak"), post("prime-minister-of-the-united-kingdom"), country("united-kingdom")),
    }


# --- 2. date, form, and where the Korean host sat (p.6: "last 21st" in an article of 22 May 2024; p.7)


def test_cq02_session_date_form_and_host_location(dataset):
    result = rows(dataset, "cq02-session-date-and-form")
    assert result, "no answer"
    assert {r.session for r in result} == {SESSION}
    assert {r.date for r in result} == {Literal("2024-05-21", datatype=XSD.date)}
    assert {r.attendanceMode for r in result} == {URIRef("https://schema.org/OnlineEventAttendanceMode")}
    assert {(r.host, r.hostMode, r.location) for r in result} == {
        (person("yoon-suk-yeol"), mode("video"), place("yeongbingwan"))
    }
    # Yeongbingwan, the state guest house of Cheong Wa Dae, in Seoul, Republic of Korea
    assert {r.within for r in result} == {
        place("yeongbingwan"),
        place("cheong-wa-dae"),
        place("seoul"),
        country("republic-of-korea"),
    }


# --- 3. the leaders who took part (p.18, plus the co-chairs of p.6)

LEADERS = {
    (person("yoon-suk-yeol"), country("republic-of-korea"), post("president-of-the-republic-of-korea")),
    (person("rishi-sunak"), country("united-kingdom"), post("prime-minister-of-the-united-kingdom")),
    (person("kamala-harris"), country("united-states"), post("vice-president-of-the-united-states")),
    (person("justin-trudeau"), country("canada"), post("prime-minister-of-canada")),
    (person("olaf-scholz"), country("germany"), post("chancellor-of-germany")),
    (person("lawrence-wong"), country("singapore"), post("prime-minister-of-singapore")),
    (person("kishida-fumio"), country("japan"), post("prime-minister-of-japan")),
    (person("giorgia-meloni"), country("italy"), post("prime-minister-of-italy")),
    (person("emmanuel-macron"), country("france"), post("president-of-france")),
    (person("vera-jourova"), country("european-union"), post("vice-president-of-the-european-commission")),
}


def test_cq03_leaders(dataset):
    result = rows(dataset, "cq03-leaders")
    assert {(r.person, r.polity, r.post) for r in result} == LEADERS
    chairs = {r.person for r in result if r.role == role("chair")}
    assert chairs == {person("yoon-suk-yeol"), person("rishi-sunak")}


def test_cq03_albanese_is_not_counted_as_attending(dataset):
    assert person("anthony-albanese") not in {r.person for r in rows(dataset, "cq03-leaders")}


# --- 4. adopted the declaration without attending (p.18)


def test_cq04_endorsed_without_attending(dataset):
    got = {(r.person, r.polity, r.post, r.document) for r in rows(dataset, "cq04-endorsed-without-attending")}
    assert got == {
        (
            person("anthony-albanese"),
            country("australia"),
            post("prime-minister-of-australia"),
            document("seoul-declaration"),
        )
    }


# --- 5. international organisations (p.18)


def test_cq05_international_organisations(dataset):
    got = {(r.organisation, r.person, r.post) for r in rows(dataset, "cq05-international-organisations")}
    assert got == {
        (organization("united-nations"), person("antonio-guterres"), post("secretary-general-of-the-united-nations")),
        (organization("oecd"), person("mathias-cormann"), post("secretary-general-of-the-oecd")),
    }


# --- 6. companies and foundations, titles as the article reports them (p.19)


def test_cq06_companies_and_foundations(dataset):
    got = {(r.organisation, r.person, r.post) for r in rows(dataset, "cq06-companies")}
    assert got == {
        (organization("schmidt-foundation"), person("eric-schmidt"), post("founder-of-the-schmidt-foundation")),
        (organization("google-deepmind"), person("demis-hassabis"), post("chairman-of-google-deepmind")),
        (organization("anthropic"), person("dario-amodei"), post("chairman-of-anthropic")),
        (organization("samsung-electronics"), person("lee-jae-yong"), post("chairman-of-samsung-electronics")),
        (organization("naver"), person("lee-hae-jin"), post("founder-of-naver")),
        (organization("mistral-ai"), person("arthur-mensch"), post("chairman-of-mistral-ai")),
        (organization("openai"), person("anna-makanju"), post("vice-president-of-openai")),
        (organization("microsoft"), person("brad-smith"), post("president-of-microsoft")),
        (
            organization("amazon-web-services"),
            person("david-zapolsky"),
            post("vice-chairman-of-amazon-web-services"),
        ),
        (organization("meta"), person("nick-clegg"), post("president-of-meta")),
        (organization("xai"), person("elon-musk"), post("founder-of-xai")),
    }
    foundations = {r.organisation for r in rows(dataset, "cq06-companies") if r.kind == aig("Foundation")}
    assert foundations == {organization("schmidt-foundation")}


# --- 7. documents adopted at the session, and how they relate (p.13)


def test_cq07_adopted_documents(dataset):
    got = {(r.document, r.type, r.annexOf) for r in rows(dataset, "cq07-adopted-documents")}
    assert got == {
        (document("seoul-declaration"), aig("Declaration"), None),
        (document("seoul-statement-of-intent"), aig("Annex"), document("seoul-declaration")),
    }


# --- 8. the inter-related goals (p.14)


def test_cq08_inter_related_goals(dataset):
    result = rows(dataset, "cq08-inter-related-goals")
    assert {r.principle for r in result} == {principle("safety"), principle("innovation"), principle("inclusivity")}
    assert {as_int(r.paragraphNumber) for r in result} == {14}


# --- 9. what the adopters recognise, support and call for (p.14-16)

DECLARATION_POINTS = {
    # point: (kind, principles it serves, paragraph)
    "inter-related-goals": ("recognition", {"safety", "innovation", "inclusivity"}, 14),
    "interoperability": ("recognition", {"interoperability", "safety"}, 15),
    "frontier-developer-responsibility": ("recognition", {"responsible-ai", "safety"}, 15),
    "safety-institutes": ("support", {"safety", "international-cooperation"}, 15),
    "human-centric-ai": ("call", {"human-centricity"}, 16),
    "democratic-values-and-rights": (
        "call",
        {"democracy", "rule-of-law", "human-rights", "fundamental-freedoms", "privacy"},
        16,
    ),
    "closing-divides": ("call", {"digital-inclusion"}, 16),
    "human-well-being": ("call", {"human-well-being"}, 16),
    "international-cooperation": ("call", {"international-cooperation", "safety", "innovation", "inclusivity"}, 16),
}


def test_cq09_the_declaration_has_exactly_the_nine_points(dataset):
    got = {r.commitment for r in rows(dataset, "cq09-declaration-commitments")}
    assert got == {commitment("seoul-declaration/" + point) for point in DECLARATION_POINTS}


@pytest.mark.parametrize("point", sorted(DECLARATION_POINTS))
def test_cq09_each_point(dataset, point):
    expected_kind, expected_principles, paragraph = DECLARATION_POINTS[point]
    mine = [r for r in rows(dataset, "cq09-declaration-commitments") if r.commitment == commitment("seoul-declaration/" + point)]
    assert {r.kind for r in mine} == {kind(expected_kind)}
    assert {r.principle for r in mine} == {principle(p) for p in expected_principles}
    assert {as_int(r.paragraphNumber) for r in mine} == {paragraph}


# --- 10. the earlier summit (p.9: "last November", Bletchley Park, UK, on AI safety)


def test_cq10_earlier_summit(dataset):
    got = {(r.earlier, r.date, r.location, r.country, r.topic) for r in rows(dataset, "cq10-earlier-summit")}
    assert got == {
        (
            summit("ai-safety-summit-2023"),
            Literal("2023-11", datatype=XSD.gYearMonth),
            place("bletchley-park"),
            country("united-kingdom"),
            principle("safety"),
        )
    }


# --- 11. the earlier efforts the president named, and whose each is (p.10)


def test_cq11_earlier_efforts(dataset):
    got = {(r.document, r.creator) for r in rows(dataset, "cq11-earlier-efforts")}
    assert got == {
        (document("digital-bill-of-rights"), organization("government-of-korea")),
        (document("unga-ai-resolution"), organization("un-general-assembly")),
        (document("hiroshima-ai-process"), organization("g7")),
    }
    assert {r.speaker for r in rows(dataset, "cq11-earlier-efforts")} == {person("yoon-suk-yeol")}


# --- 12. the president's statements (p.7-11; p.11 holds three)

STATEMENTS = {
    # statement: (paragraph, principles)
    "yoon-harmonious-pursuit": (7, {"safety", "innovation", "inclusivity"}),
    "yoon-pace-of-ai": (8, set()),
    "yoon-bletchley-follow-up": (9, {"safety", "innovation", "inclusivity"}),
    "yoon-earlier-efforts": (10, set()),
    "yoon-safety": (11, {"safety", "democracy"}),
    "yoon-innovation": (11, {"innovation", "open-research"}),
    "yoon-inclusivity": (11, {"inclusivity"}),
}


def test_cq12_the_president_made_exactly_these_statements(dataset):
    result = rows(dataset, "cq12-president-statements")
    assert {r.statement for r in result} == {statement(s) for s in STATEMENTS}
    assert {r.speaker for r in result} == {person("yoon-suk-yeol")}
    assert {r.event for r in result} == {SESSION}
    assert len({r.statement for r in result if as_int(r.paragraphNumber) == 11}) == 3


@pytest.mark.parametrize("name", sorted(STATEMENTS))
def test_cq12_each_statement(dataset, name):
    paragraph, principles = STATEMENTS[name]
    mine = [r for r in rows(dataset, "cq12-president-statements") if r.statement == statement(name)]
    assert {as_int(r.paragraphNumber) for r in mine} == {paragraph}
    assert {r.principle for r in mine if r.principle is not None} == {principle(p) for p in principles}


# --- 13. the companies' pledge (p.17)


def test_cq13_company_pledge(dataset):
    got = {(r.pledge, r.commitment, r.kind, r.principle) for r in rows(dataset, "cq13-company-pledge")}
    pledge = document("frontier-ai-safety-commitments")
    assert got == {
        (pledge, commitment("frontier-ai-safety-commitments/prevent-ai-risks"), kind("commitment"), principle("safety")),
        (
            pledge,
            commitment("frontier-ai-safety-commitments/develop-responsible-ai"),
            kind("commitment"),
            principle("responsible-ai"),
        ),
    }


# --- 14. evidence for a participation: source and paragraph

EVIDENCE = {
    "kamala-harris": {18},
    "yoon-suk-yeol": {3, 6, 7},
    "rishi-sunak": {3, 6},
    "anthony-albanese": {18},
    "antonio-guterres": {18},
    "elon-musk": {19},
    "lee-jae-yong": {19},
}


@pytest.mark.parametrize("slug", sorted(EVIDENCE))
def test_cq14_participation_evidence(dataset, slug):
    mine = [r for r in rows(dataset, "cq14-participation-evidence") if r.person == person(slug)]
    assert {(r.event, r.source) for r in mine} == {(SESSION, SOURCE)}
    assert {as_int(r.paragraphNumber) for r in mine} == EVIDENCE[slug]


def test_cq14_every_participant_of_the_article_has_evidence(dataset):
    people = {r.person for r in rows(dataset, "cq14-participation-evidence") if r.source == SOURCE}
    # 2 co-chairs + 8 leaders + Albanese + 2 heads of international organisations (p.18) + 11 of p.19
    assert len(people) == 24


# --- 15. count claims (p.3: 20 countries); the article names ten states


def test_cq15_count_claims(dataset):
    mine = [r for r in rows(dataset, "cq15-count-claims") if r.source == SOURCE]
    assert len(mine) == 1
    [claim] = mine
    assert claim.claim == URIRef(BASE + "claim/kwangju-ilbo-2024-05-22/participating-countries")
    assert claim.event == SESSION
    assert claim.countedClass == aig("State")
    # ResultRow is a tuple, so .count is tuple.count: index the variable by name
    assert claim["count"] == Literal(20, datatype=XSD.nonNegativeInteger)
    assert as_int(claim.paragraphNumber) == 3
    # Korea, UK, US, Canada, Germany, Singapore, Japan, Italy, France, Australia (the EU is a union)
    assert as_int(claim.namedInGraph) == 10


# --- 16. data quality: no entity lacks labels or a source; Wikidata links only where verified

LINKED = [  # QIDs from the first table of shared/sources/wikidata-qids.md
    country("republic-of-korea"), country("united-kingdom"), country("united-states"), country("japan"),
    country("canada"), country("germany"), country("singapore"), country("italy"), country("france"),
    country("australia"), country("european-union"), organization("united-nations"), organization("oecd"),
    organization("g7"), organization("european-commission"), organization("un-general-assembly"),
    person("kamala-harris"), person("justin-trudeau"), person("olaf-scholz"), person("emmanuel-macron"),
    person("demis-hassabis"), person("dario-amodei"), person("elon-musk"), organization("google-deepmind"),
    organization("anthropic"), organization("samsung-electronics"), organization("openai"),
    organization("microsoft"), organization("amazon-web-services"), organization("meta"),
]  # fmt: skip
UNLINKED = [  # not in the first table (disputed, single-source, or absent)
    person("yoon-suk-yeol"), person("rishi-sunak"), person("lawrence-wong"), person("kishida-fumio"),
    person("giorgia-meloni"), person("vera-jourova"), person("anthony-albanese"), person("antonio-guterres"),
    person("mathias-cormann"), person("eric-schmidt"), person("lee-jae-yong"), person("lee-hae-jin"),
    person("arthur-mensch"), person("anna-makanju"), person("brad-smith"), person("david-zapolsky"),
    person("nick-clegg"), person("oh-kwang-rok"), organization("naver"), organization("mistral-ai"),
    organization("xai"), organization("kwangju-ilbo"), organization("schmidt-foundation"),
    organization("office-of-the-president-of-korea"), organization("government-of-korea"),
]  # fmt: skip


def test_cq16_no_entity_lacks_labels_or_a_source(dataset):
    problems = [(r.entity, str(r.missing)) for r in rows(dataset, "cq16-data-quality") if str(r.missing) != "Wikidata link"]
    assert problems == []


def test_cq16_missing_wikidata_links_are_exactly_the_unverified(dataset):
    unlinked = {r.entity for r in rows(dataset, "cq16-data-quality") if str(r.missing) == "Wikidata link"}
    assert set(UNLINKED) <= unlinked
    assert not set(LINKED) & unlinked
