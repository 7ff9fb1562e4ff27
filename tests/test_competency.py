"""Each competency question (shared/competency-questions.md) answered as the sources say.

The expected answers are written by hand from the Kwangju Ilbo article of 22 May 2024
(paragraph numbers as in shared/sources/README.md) and, where other pages now answer the
same question, from shared/sources/facts.md; never pasted from query output. Questions
17-23 (the summit series) are in test_competency_series.py.
"""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from aigraph.project.files import project_paths
from aigraph.sparql.query import run_query
from helpers import ROOT
from facts import AIG, BASE, P, country, document, ns, organization, person, place, post, principle, summit
from facts import ARTICLE as SOURCE

SESSION = URIRef(BASE + "summit/ai-seoul-summit-2024/leaders-session")
SUMMIT = URIRef(BASE + "summit/ai-seoul-summit-2024")
kind = ns("commitment-kind/")
role = ns("role/")
mode = ns("mode/")
commitment = ns("commitment/")
statement = ns("statement/ai-seoul-summit-2024-leaders-session/")


def aig(name: str) -> URIRef:
    return URIRef(AIG + name)


def rows(dataset, name: str) -> list:
    return list(run_query(dataset, name, paths=project_paths(ROOT)))


def of_article(result: list) -> list:
    """The rows whose source is the Kwangju Ilbo article."""
    return [r for r in result if r.source == SOURCE]




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
    result = of_article(result)
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


def test_cq02_each_source_places_the_host_as_it_says(dataset):
    # facts.md §1 and Discrepancies: Yeongbingwan (KH-0521, P["KOREANET"], P["MEDIAPEN"] caption, the article);
    # P["CDA"] says "Blue House", the compound of which Yeongbingwan is the guest house
    got = {(r.source, r.location) for r in rows(dataset, "cq02-session-date-and-form")}
    assert got == {
        (SOURCE, place("yeongbingwan")),
        (P["KH-0521"], place("yeongbingwan")),
        (P["KOREANET"], place("yeongbingwan")),
        (P["MEDIAPEN"], place("yeongbingwan")),
        (P["CDA"], place("cheong-wa-dae")),
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
    result = of_article(rows(dataset, "cq03-leaders"))
    assert {(r.person, r.polity, r.post) for r in result} == LEADERS
    chairs = {r.person for r in result if r.role == role("chair")}
    assert chairs == {person("yoon-suk-yeol"), person("rishi-sunak")}


def test_cq03_albanese_is_not_counted_as_attending(dataset):
    assert person("anthony-albanese") not in {r.person for r in rows(dataset, "cq03-leaders")}


def test_cq03_other_sources_name_the_same_leaders_with_the_same_titles(dataset):
    # facts.md §7: P["MEDIAPEN"] lists the eight leaders of p.18 with the same titles; PRES-VIDEO shows
    # Harris, Trudeau, Scholz, Kishida and Macron; §1: KH-0412 and others name the two co-chairs
    result = rows(dataset, "cq03-leaders")
    mediapen = {(r.person, r.polity, r.post) for r in result if r.source == P["MEDIAPEN"]}
    assert mediapen == {t for t in LEADERS if t[0] != person("rishi-sunak")}
    pres = {r.person for r in result if r.source == P["PRES-VIDEO"]}
    assert pres == {person(p) for p in ("kamala-harris", "justin-trudeau", "olaf-scholz", "kishida-fumio", "emmanuel-macron")}
    assert {(r.person, r.role) for r in result if r.source == P["KH-0412"]} == {
        (person("yoon-suk-yeol"), role("chair")),
        (person("rishi-sunak"), role("chair")),
    }
    # every title any source gives a leader is the article's
    assert {(r.person, r.polity, r.post) for r in result} == LEADERS


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
    result = rows(dataset, "cq05-international-organisations")
    got = {(r.organisation, r.person, r.post) for r in result if r.person is not None}
    assert got == {
        (organization("united-nations"), person("antonio-guterres"), post("secretary-general-of-the-united-nations")),
        (organization("oecd"), person("mathias-cormann"), post("secretary-general-of-the-oecd")),
    }
    # facts.md §7: KBS-597 says the UN and the OECD were represented, without naming anyone
    unnamed = {(r.organisation, r.source) for r in result if r.person is None}
    assert {(organization("united-nations"), P["KBS-597"]), (organization("oecd"), P["KBS-597"])} <= unnamed


# --- 6. companies and foundations, titles as the article reports them (p.19)


def test_cq06_companies_and_foundations(dataset):
    got = {(r.organisation, r.person, r.post) for r in of_article(rows(dataset, "cq06-companies"))}
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


def test_cq06_mediapen_names_the_companies_people(dataset):
    # facts.md §7: P["MEDIAPEN"] lists Schmidt (Korean title: founder of the Schmidt foundation),
    # Lee Jae-yong (chairman of Samsung Electronics), Lee Hae-jin (founder of Naver), and
    # Hassabis, Amodei, Mensch and Makanju by company, with no title recorded
    got = {(r.organisation, r.person, r.post) for r in rows(dataset, "cq06-companies") if r.source == P["MEDIAPEN"]}
    assert got == {
        (organization("schmidt-foundation"), person("eric-schmidt"), post("founder-of-the-schmidt-foundation")),
        (organization("samsung-electronics"), person("lee-jae-yong"), post("chairman-of-samsung-electronics")),
        (organization("naver"), person("lee-hae-jin"), post("founder-of-naver")),
        (organization("google-deepmind"), person("demis-hassabis"), None),
        (organization("anthropic"), person("dario-amodei"), None),
        (organization("mistral-ai"), person("arthur-mensch"), None),
        (organization("openai"), person("anna-makanju"), None),
    }


# --- 7. documents adopted at the session, and how they relate (p.13)


def test_cq07_adopted_documents(dataset):
    got = {(r.document, r.type, r.annexOf) for r in of_article(rows(dataset, "cq07-adopted-documents"))}
    assert got == {
        (document("seoul-declaration"), aig("Declaration"), None),
        (document("seoul-statement-of-intent"), aig("Annex"), document("seoul-declaration")),
    }


def test_cq07_other_sources_add_the_network_of_safety_institutes(dataset):
    # facts.md §2-3: AKEX, KH-0521, P["KOREANET"], P["CDA"] (declaration); GOVUK-SOI, P["KOREANET"], ICTCAREER
    # (annex); P["CDA"]: the ten states and the EU agreed there to launch the network of institutes
    result = rows(dataset, "cq07-adopted-documents")
    assert {r.document for r in result} == {
        document("seoul-declaration"),
        document("seoul-statement-of-intent"),
        document("international-network-of-ai-safety-institutes"),
    }
    assert {r.source for r in result if r.document == document("international-network-of-ai-safety-institutes")} == {P["CDA"]}


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
    got = {r.commitment for r in of_article(rows(dataset, "cq09-declaration-commitments"))}
    assert got == {commitment("seoul-declaration/" + point) for point in DECLARATION_POINTS}


def test_cq09_other_sources_report_the_linked_goals(dataset):
    # facts.md §2: KH-0521 and P["KOREANET"] also report the three inter-related goals
    others = [r for r in rows(dataset, "cq09-declaration-commitments") if r.source != SOURCE]
    assert {(r.source, r.principle) for r in others} == {
        (src, principle(p)) for src in (P["KH-0521"], P["KOREANET"]) for p in ("safety", "innovation", "inclusivity")
    }


@pytest.mark.parametrize("point", sorted(DECLARATION_POINTS))
def test_cq09_each_point(dataset, point):
    expected_kind, expected_principles, paragraph = DECLARATION_POINTS[point]
    mine = [r for r in rows(dataset, "cq09-declaration-commitments") if r.commitment == commitment("seoul-declaration/" + point)]
    assert {r.kind for r in mine} == {kind(expected_kind)}
    assert {r.principle for r in mine} == {principle(p) for p in expected_principles}
    assert {as_int(r.paragraphNumber) for r in mine} == {paragraph}


# --- 10. the earlier summit (p.9: "last November", Bletchley Park, UK, on AI safety)


def test_cq10_earlier_summit(dataset):
    result = [r for r in rows(dataset, "cq10-earlier-summit") if r.dateSource == SOURCE]
    got = {(r.earlier, r.date, r.location, r.country, r.topic) for r in result}
    assert got == {
        (
            summit("ai-safety-summit-2023"),
            Literal("2023-11", datatype=XSD.gYearMonth),
            place("bletchley-park"),
            country("united-kingdom"),
            principle("safety"),
        )
    }


def test_cq10_each_source_dates_bletchley_as_it_says(dataset):
    # facts.md §1 (KH-0412, P["AIASIAPAC"]: Nov 2023) and §8 (GOVUK-BLETCHLEY, P["DAILYAI"]: 1-2 November 2023)
    got = {(r.dateSource, r.date) for r in rows(dataset, "cq10-earlier-summit")}
    month, day = Literal("2023-11", datatype=XSD.gYearMonth), Literal("2023-11-01", datatype=XSD.date)
    assert {(SOURCE, month), (P["KH-0412"], month), (P["AIASIAPAC"], month), (P["GOVUK-BLETCHLEY"], day), (P["DAILYAI"], day)} <= got
    assert {r.date for r in rows(dataset, "cq10-earlier-summit")} == {month, day}


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
    result = of_article(rows(dataset, "cq12-president-statements"))
    assert {r.statement for r in result} == {statement(s) for s in STATEMENTS}
    assert {r.speaker for r in result} == {person("yoon-suk-yeol")}
    assert {r.event for r in result} == {SESSION}
    assert len({r.statement for r in result if as_int(r.paragraphNumber) == 11}) == 3


def test_cq12_other_sources_add_the_safety_institute_statements(dataset):
    # facts.md §3: KBS-597 (Yoon on networks between AI safety institutes), P["KOREANET"] (Korea to set
    # up its own institute and join the network)
    others = {(r.source, r.statement) for r in rows(dataset, "cq12-president-statements") if r.source != SOURCE}
    assert others == {
        (P["KBS-597"], URIRef(str(statement("yoon-safety-institute-network")) + "/kbs-597")),
        (P["KOREANET"], URIRef(str(statement("yoon-korean-safety-institute")) + "/koreanet")),
    }


@pytest.mark.parametrize("name", sorted(STATEMENTS))
def test_cq12_each_statement(dataset, name):
    paragraph, principles = STATEMENTS[name]
    mine = [r for r in rows(dataset, "cq12-president-statements") if r.statement == statement(name)]
    assert {as_int(r.paragraphNumber) for r in mine} == {paragraph}
    assert {r.principle for r in mine if r.principle is not None} == {principle(p) for p in principles}


# --- 13. the companies' pledge (p.17)


def test_cq13_company_pledge(dataset):
    got = {(r.pledge, r.commitment, r.kind, r.principle) for r in of_article(rows(dataset, "cq13-company-pledge"))}
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


def test_cq13_each_page_reports_the_pledges_points(dataset):
    # facts.md §4: the four core undertakings (P["INFOSEC"], P["CENTER"], P["CYBERNOZ"]); §6: the three priorities
    # of the Seoul AI Business Pledge (KSUMMIT-PLEDGE-SPEECH, KSUMMIT-PLEDGE, P["BIZUPTURN"])
    result = rows(dataset, "cq13-company-pledge")
    faisc = document("frontier-ai-safety-commitments")
    pledge = document("seoul-ai-business-pledge")
    per_source = {}
    for r in result:
        if r.source != SOURCE:
            per_source.setdefault((r.pledge, r.source), set()).add(r.commitment)
    assert {key: len(points) for key, points in per_source.items()} == {
        **{(faisc, src): 4 for src in (P["INFOSEC"], P["CENTER"], P["CYBERNOZ"])},
        **{(pledge, src): 3 for src in (P["KSUMMIT-PLEDGE-SPEECH"], P["KSUMMIT-PLEDGE"], P["BIZUPTURN"])},
        # followthrough.md §1.1: the pages that state what the commitments ask (a framework) or
        # by when, one point each
        **{(faisc, URIRef(src)): 1 for src in FOLLOWTHROUGH_ASK},
        # followthrough.md §4: the two points of the New Delhi Frontier AI Impact Commitments
        **{(document("new-delhi-frontier-ai-impact-commitments"), URIRef(src)): 2 for src in (
            "https://startuppoint.in/new-delhi-frontier-ai-impact-commitments-india",
            "https://www.millenniumpost.in/business/leading-ai-firms-innovators-make-new-delhi-ai-impact-pledge-min-649011",
            "https://www.htsyndication.com/ht-lucknow/article/assurances-for-a-shared-ai-future/97755637")},
    }


FOLLOWTHROUGH_ASK = (
    "https://winbuzzer.com/2024/05/22/tech-giants-agree-on-ai-safety-at-seoul-summit-xcxwbn/",
    "https://safetyframeworkguide.com",
    "https://www.mobileworldlive.com/ai-cloud/ai-leaders-commit-to-safe-ai-development/",
    "https://www.thenationalnews.com/future/2024/05/21/uae-developers-join-google-and-microsoft-in-global-ai-safety-pledge/",
    "https://montrealethics.ai/ai-policy-corner-frontier-ai-safety-commitments-ai-seoul-summit-2024",
    "https://ratings.safer-ai.org/methodology",
    "https://overduetracker.org/labs/xai",
)


# --- 14. evidence for a participation: source and paragraph

EVIDENCE = {
    "kamala-harris": {18},
    "yoon-suk-yeol": {3, 6, 7},
    "rishi-sunak": {3, 6},
    "antonio-guterres": {18},
    "elon-musk": {19},
    "lee-jae-yong": {19},
}


@pytest.mark.parametrize("slug", sorted(EVIDENCE))
def test_cq14_participation_evidence(dataset, slug):
    mine = [r for r in rows(dataset, "cq14-participation-evidence") if r.person == person(slug)]
    assert {(r.event, r.source) for r in mine if r.source == SOURCE} == {(SESSION, SOURCE)}
    assert {as_int(r.paragraphNumber) for r in mine if r.source == SOURCE} == EVIDENCE[slug]


# facts.md §1 and §7: every page that reports the person taking part in the leaders' session
EVIDENCE_PAGES = {
    "kamala-harris": {P["MEDIAPEN"], P["PRES-VIDEO"]},
    "yoon-suk-yeol": {P["KH-0412"], P["GOVUK-PROG"], P["KOREANET"], P["KH-0521"], P["MEDIAPEN"], P["CDA"]},
    "rishi-sunak": {P["KH-0412"], P["GOVUK-PROG"], P["KOREANET"], P["KH-0521"]},
    "antonio-guterres": {P["MEDIAPEN"]},  # KBS-597 names the UN, not him
    "elon-musk": {P["PRES-VIDEO"], P["KBS-597"], P["YNA-KR"]},
    "lee-jae-yong": {P["MEDIAPEN"], P["KBS-597"], P["YNA-KR"]},
    "lee-hae-jin": {P["MEDIAPEN"], P["YNA-KR"], P["YNA-JP"]},
    "brad-smith": set(),  # KWANGJU p.19 only
}


@pytest.mark.parametrize("slug", sorted(EVIDENCE_PAGES))
def test_cq14_every_page_that_reports_a_participation(dataset, slug):
    mine = [r for r in rows(dataset, "cq14-participation-evidence") if r.person == person(slug) and r.event == SESSION]
    assert {r.source for r in mine} == EVIDENCE_PAGES[slug] | {SOURCE}


def test_cq14_confidence_is_the_rating_of_facts_md(dataset):
    # §7: Wong and Meloni "1 (+ KWANGJU)", Albanese's non-attendance 1, Smith, Zapolsky and Clegg
    # attendance 1; Harris 2+
    got = {(r.person, r.confidence) for r in rows(dataset, "cq14-participation-evidence") if r.source == SOURCE}
    one, two = URIRef(BASE + "confidence/one"), URIRef(BASE + "confidence/two-or-more")
    for slug in ("lawrence-wong", "giorgia-meloni", "brad-smith", "david-zapolsky", "nick-clegg"):
        assert (person(slug), one) in got
    assert (person("kamala-harris"), two) in got


def test_cq14_every_participant_of_the_article_has_evidence(dataset):
    people = {r.person for r in rows(dataset, "cq14-participation-evidence") if r.source == SOURCE}
    # 2 co-chairs + 8 leaders + 2 heads of international organisations (p.18) + 11 of p.19;
    # Albanese (p.18) did not attend, so he is not among them
    assert len(people) == 23


def test_cq14_albanese_did_not_take_part(dataset):
    # KWANGJU p.18 (shared/sources/README.md): he did not attend the session, though he joined
    # in adopting the declaration; no source reports him taking part
    assert person("anthony-albanese") not in {r.person for r in rows(dataset, "cq14-participation-evidence")}


# --- 15. count claims (p.3: 20 countries); the article names ten states


def test_cq15_count_claims(dataset):
    mine = [r for r in rows(dataset, "cq15-count-claims") if r.source == SOURCE]
    assert len(mine) == 1
    [claim] = mine
    assert claim.claim == URIRef(BASE + "claim/kwangju-ilbo-2024-05-22/participating-countries")
    assert claim.event == SESSION
    assert claim.countedClass == aig("State")
    # ResultRow is a tuple, so .count is tuple.count: index the variable by name
    assert claim["count"] == Literal(20)  # xsd:integer: every store keeps it as written
    assert as_int(claim.paragraphNumber) == 3
    # Korea, UK, US, Canada, Germany, Singapore, Japan, Italy, France, Australia (the EU is a union)
    assert as_int(claim.namedInGraph) == 10


# --- 16. data quality: no entity lacks labels or a source; Wikidata links only where verified

LINKED = {  # the first table of shared/sources/wikidata-qids.md
    country("republic-of-korea"): "Q884", country("united-kingdom"): "Q145", country("united-states"): "Q30",
    country("japan"): "Q17", country("canada"): "Q16", country("germany"): "Q183", country("singapore"): "Q334",
    country("italy"): "Q38", country("france"): "Q142", country("australia"): "Q408",
    country("european-union"): "Q458", organization("united-nations"): "Q1065", organization("oecd"): "Q41550",
    country("china"): "Q148", country("india"): "Q668", country("united-arab-emirates"): "Q878",
    organization("g7"): "Q1764511", organization("european-commission"): "Q8880",
    organization("un-general-assembly"): "Q47423", person("kamala-harris"): "Q10853588",
    person("justin-trudeau"): "Q3099714", person("olaf-scholz"): "Q61053", person("emmanuel-macron"): "Q3052772",
    person("demis-hassabis"): "Q3022141", person("dario-amodei"): "Q103335665", person("elon-musk"): "Q317521",
    person("narendra-modi"): "Q1058", organization("google-deepmind"): "Q15733006", organization("google"): "Q95",
    organization("anthropic"): "Q116758847", organization("samsung-electronics"): "Q20718",
    organization("openai"): "Q21708200", organization("microsoft"): "Q2283", organization("amazon"): "Q3884",
    organization("amazon-web-services"): "Q456157", organization("meta"): "Q380", organization("ibm"): "Q37156",
    place("seoul"): "Q8684",
}  # fmt: skip
UNLINKED = [  # not in the first table (disputed, single-source, or absent)
    person("yoon-suk-yeol"), person("rishi-sunak"), person("lawrence-wong"), person("kishida-fumio"),
    person("giorgia-meloni"), person("vera-jourova"), person("anthony-albanese"), person("antonio-guterres"),
    person("mathias-cormann"), person("eric-schmidt"), person("lee-jae-yong"), person("lee-hae-jin"),
    person("arthur-mensch"), person("anna-makanju"), person("brad-smith"), person("david-zapolsky"),
    person("nick-clegg"), person("oh-kwang-rok"), organization("naver"), organization("mistral-ai"),
    organization("xai"), organization("kwangju-ilbo"), organization("schmidt-foundation"),
    organization("office-of-the-president-of-korea"), organization("government-of-korea"),
    # the second table (single-source or disputed) and entities of the new sources it does not list
    country("new-zealand"), country("brazil"), country("kenya"), person("lee-jong-ho"),
    person("michelle-donelan"), person("han-duck-soo"), organization("tesla"), organization("nvidia"),
    organization("ministry-of-science-and-ict"), organization("african-union-commission"),
]  # fmt: skip


def test_cq16_no_entity_lacks_labels_or_a_source(dataset):
    problems = [(r.entity, str(r.missing)) for r in rows(dataset, "cq16-data-quality") if str(r.missing) != "Wikidata link"]
    assert problems == []


def test_cq16_missing_wikidata_links_are_exactly_the_unverified(dataset):
    unlinked = {r.entity for r in rows(dataset, "cq16-data-quality") if str(r.missing) == "Wikidata link"}
    assert set(UNLINKED) <= unlinked
    assert not set(LINKED) & unlinked


def test_every_wikidata_link_is_one_of_the_first_table(dataset):
    links = {(s, o) for s, o in dataset.subject_objects(URIRef("https://schema.org/sameAs"))}
    expected = {(entity, URIRef("http://www.wikidata.org/entity/" + qid)) for entity, qid in LINKED.items()}
    assert links == expected
