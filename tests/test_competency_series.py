"""The summit series (issue 5): questions 17-23 answered as shared/sources/facts.md says.

Every expected answer below is written by hand from facts.md (section numbers in the
comments), never pasted from query output. Pages are named by their address exactly as
facts.md's key table gives it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from aigraph.rdf.parse import source_graphs
from aigraph.project.files import project_paths
from aigraph.sparql.query import run_query
from helpers import ROOT
from facts import (
    AIG, ARTICLE, BASE, CHAIRS, DOCUMENTS, TIMELINE, P, confidence, country, document, organization,
    person, place, post, summit,
)

ROOT = Path(__file__).resolve().parents[1]
REPOSITORY = URIRef(BASE + "source/unrecorded-repository-file")
LEADERS_SESSION = URIRef(BASE + "summit/ai-seoul-summit-2024/leaders-session")


TWO, ONE, ONE_SECONDARY = confidence("two-or-more"), confidence("one"), confidence("one-secondary")



def rows(dataset, name: str) -> list:
    return list(run_query(dataset, name, paths=project_paths(ROOT)))


# --- 17. Bletchley but not Seoul (§2 signatories of the Seoul Declaration; §8 of the Bletchley Declaration)

BLETCHLEY_NOT_SEOUL = {
    # state: confidence facts.md gives its Bletchley signature
    "brazil": TWO, "chile": ONE_SECONDARY, "china": TWO, "india": TWO, "indonesia": TWO, "ireland": TWO,
    "israel": ONE_SECONDARY, "kenya": TWO, "netherlands": ONE_SECONDARY, "new-zealand": TWO, "nigeria": TWO,
    "philippines": ONE_SECONDARY, "rwanda": TWO, "saudi-arabia": TWO, "spain": ONE_SECONDARY,
    "turkiye": ONE_SECONDARY, "ukraine": TWO, "united-arab-emirates": TWO,
}  # fmt: skip


def test_cq17_states_of_bletchley_but_not_seoul(dataset):
    result = rows(dataset, "cq17-bletchley-not-seoul")
    assert {r.state: r.confidence for r in result} == {country(k): v for k, v in BLETCHLEY_NOT_SEOUL.items()}


def test_cq17_switzerland_is_not_taken_from_an_unverified_line(dataset):
    assert country("switzerland") not in {r.state for r in rows(dataset, "cq17-bletchley-not-seoul")}


def test_cq17_sources_and_late_joiners(dataset):
    result = {r.state: r for r in rows(dataset, "cq17-bletchley-not-seoul")}
    # Kenya: NATTECH, EXPORTORG, HUGHBO; Chile: a repository file only; New Zealand joined later
    # (repository files, longtermwiki resource page)
    assert int(result[country("kenya")].sources) == 3
    assert int(result[country("chile")].sources) == 1
    assert int(result[country("new-zealand")].sources) == 2
    assert {s for s, r in result.items() if int(r.joinedLater)} == {country("new-zealand")}


# --- 18. Frontier AI Safety Commitments signatories at the leaders' session (§4, §7, KWANGJU p.19)

REPRESENTED = {
    # signatory: (unit the person took part for, person)
    "google": ("google-deepmind", "demis-hassabis"),
    "anthropic": ("anthropic", "dario-amodei"),
    "samsung-electronics": ("samsung-electronics", "lee-jae-yong"),
    "naver": ("naver", "lee-hae-jin"),
    "mistral-ai": ("mistral-ai", "arthur-mensch"),
    "openai": ("openai", "anna-makanju"),
    "microsoft": ("microsoft", "brad-smith"),
    "amazon": ("amazon-web-services", "david-zapolsky"),
    "meta": ("meta", "nick-clegg"),
    "xai": ("xai", "elon-musk"),
}


def test_cq18_signatories_with_a_representative(dataset):
    got = {(r.company, r.representedFor, r.person) for r in rows(dataset, "cq18-commitment-signatories-at-leaders-session")}
    assert got == {(organization(c), organization(unit), person(p)) for c, (unit, p) in REPRESENTED.items()}


def test_cq18_signatories_without_a_representative_are_absent(dataset):
    companies = {r.company for r in rows(dataset, "cq18-commitment-signatories-at-leaders-session")}
    for absent in ("cohere", "g42", "ibm", "inflection-ai", "technology-innovation-institute", "zhipu-ai", "nvidia"):
        assert organization(absent) not in companies
    # Schmidt's "former Google CEO" (YNA-KR, YNA-JP) is a past title, not a seat for Google
    assert person("eric-schmidt") not in {r.person for r in rows(dataset, "cq18-commitment-signatories-at-leaders-session")}


def test_cq18_units_are_modelled_not_merged(dataset):
    sub = URIRef("http://www.w3.org/ns/org#subOrganizationOf")
    assert (organization("google-deepmind"), sub, organization("google")) in dataset
    assert (organization("amazon-web-services"), sub, organization("amazon")) in dataset
    assert organization("google") != organization("google-deepmind")


# --- 19. endorsed without attending (KWANGJU p.18; Discrepancies: KH-0521 and KBS-597 list Australia)


def test_cq19_endorsed_without_attending(dataset):
    result = rows(dataset, "cq19-endorsed-without-attending-any-summit")
    assert {(r.party, r.absentPerson, r.absenceSource) for r in result} == {
        (country("australia"), person("anthony-albanese"), ARTICLE)
    }
    # the Seoul Declaration (§2, §7), its annex (§3) and the network agreed with it (§3: ICTCAREER, CDA)
    assert {r.document for r in result} == {
        document("seoul-declaration"),
        document("seoul-statement-of-intent"),
        document("international-network-of-ai-safety-institutes"),
    }
    assert {r.contradictedBy for r in result} == {P["KH-0521"], P["KBS-597"]}


def test_cq19_albanese_is_credited_only_with_what_the_article_says(dataset):
    # KWANGJU p.18: Albanese joined in adopting the Seoul Declaration for Australia. The other
    # pages record Australia's endorsements without naming him, so he is not credited with them.
    result = rows(dataset, "cq19-endorsed-without-attending-any-summit")
    named = {(r.document, r.person) for r in result if r.person is not None}
    assert named == {(document("seoul-declaration"), person("anthony-albanese"))}
    assert {int(r.endorsingSources) for r in result if r.person is not None} == {1}


# --- 20. the timeline (§1, §8, §9)

# TIMELINE, DOCUMENTS and CHAIRS: tests/facts.py (the timeline plot checks them too)


def test_cq20_summits_in_order_with_dates(dataset):
    result = rows(dataset, "cq20-summit-timeline")
    order = []
    for r in result:
        if r.summit not in order:
            order.append(r.summit)
    assert order == [summit(s) for s, *_ in TIMELINE]
    for slug, start, end, _hosts, _place in TIMELINE:
        mine = [r for r in result if r.summit == summit(slug)]
        assert {(r.start, r.end) for r in mine} == {
            (Literal(start, datatype=XSD.date), Literal(end, datatype=XSD.date))
        }, slug


@pytest.mark.parametrize("slug,start,end,hosts,where", TIMELINE, ids=[t[0] for t in TIMELINE])
def test_cq20_each_summit(dataset, slug, start, end, hosts, where):
    mine = [r for r in rows(dataset, "cq20-summit-timeline") if r.summit == summit(slug)]
    by = lambda aspect: {r.value for r in mine if str(r.aspect) == aspect}  # noqa: E731
    assert by("host") == {country(h) for h in hosts}
    assert by("place") == {place(where)}
    assert by("document") == {document(d) for d in DOCUMENTS[slug]}
    assert by("chair") == {person(p) for p in CHAIRS.get(slug, set())}


def test_cq20_each_summit_follows_the_one_before(dataset):
    follows = {(r.summit, r.value) for r in rows(dataset, "cq20-summit-timeline") if str(r.aspect) == "follows"}
    slugs = [s for s, *_ in TIMELINE]
    assert follows == {(summit(later), summit(earlier)) for earlier, later in zip(slugs, slugs[1:])}
    # aig:followedBy is derived, never curated
    followed_by = URIRef(AIG + "followedBy")
    assert (summit(slugs[0]), followed_by, summit(slugs[1])) in dataset
    for name in source_graphs(dataset):
        assert (None, followed_by, None) not in dataset.graph(name)


def test_adoption_dates_come_from_the_pages_that_give_them(dataset):
    # §2: the Seoul Declaration adopted 21 May 2024 (AKEX, KH-0521, KOREANET, CDA); §3: its
    # annex the same day (GOVUK-SOI); §5: the Ministerial Statement 22 May (CW, IRISHNEWS,
    # KBS-612, ASIAE)
    expected = {
        document("seoul-declaration"): ("2024-05-21", {"AKEX", "KH-0521", "KOREANET", "CDA"}),
        document("seoul-statement-of-intent"): ("2024-05-21", {"GOVUK-SOI"}),
        document("seoul-ministerial-statement"): ("2024-05-22", {"CW", "IRISHNEWS", "KBS-612", "ASIAE"}),
    }
    for doc, (day, keys) in expected.items():
        said = {(g, o) for _, _, o, g in dataset.quads((doc, DCTERMS.issued, None, None))}
        assert said == {(P[k], Literal(day, datatype=XSD.date)) for k in keys}, doc


def test_only_sessions_carry_an_attendance_mode(dataset):
    # §1: a virtual leaders' session on 21 May, an in-person ministerial session on 22 May;
    # §8's "(virtual) mini-summit" was the plan announced at Bletchley, not the summit's mode
    mode = URIRef("https://schema.org/eventAttendanceMode")
    assert (summit("ai-seoul-summit-2024"), mode, None) not in dataset
    assert (LEADERS_SESSION, mode, URIRef("https://schema.org/OnlineEventAttendanceMode")) in dataset
    assert (summit("ai-seoul-summit-2024/ministerial-session"), mode,
            URIRef("https://schema.org/OfflineEventAttendanceMode")) in dataset


# --- 21. disagreeing counts (Discrepancies table; §2, §5, §8, §9)


def _figures(result, event):
    got = {}
    for r in result:
        if r.event != event:
            continue
        figure = (r.document, r.countedClass, r["count"] and int(r["count"]), r.countMoreThan and int(r.countMoreThan))
        got.setdefault(figure, set()).add(r.source)
    return got


def test_cq21_how_many_took_part_in_the_leaders_session(dataset):
    got = _figures(rows(dataset, "cq21-disagreeing-counts"), LEADERS_SESSION)
    state = URIRef(AIG + "State")
    assert got == {
        (None, state, 20, None): {ARTICLE},  # the article's sub-headline
        (document("seoul-declaration"), state, 10, None): {P["AKEX"], P["CDA"], P["SIIA"], P["EUTECH"]},
        (document("seoul-statement-of-intent"), state, 10, None): {P["GOVUK-SOI"]},
        # followthrough.md §2: the network agreed at the session has ten members
        (document("international-network-of-ai-safety-institutes"), URIRef(AIG + "Polity"), 10, None): {URIRef(u) for u in (
            "https://tagitnews.com/en/Article/page/u-s-secretary-of-commerce-and-u-s-secretary-of-state-announce-inaugural-convening-of-international-network-of-ai-safety-institutes-in-san-francisco",
            "https://babl.ai/?p=6163", "https://digital-strategy.ec.europa.eu/en/news/first-meeting-international-network-ai-safety-institutes",
            "https://thefederalnewswire.com/stories/666058987-us-launches-international-network-of-ai-safety-institutes-at-san-francisco-meeting",
            "https://blog.burges-salmon.com/post/102jrdo/international-network-of-a-i-safety-institutes-launched",
            "https://www.gov.uk/government/news/efforts-to-share-best-practices-on-ai-measurement-and-evaluations-driven-forward-through-the-international-network-for-advanced-ai-measurement-evalua")},
    }


def test_cq21_paris_statement_signatory_counts(dataset):
    got = _figures(rows(dataset, "cq21-disagreeing-counts"), summit("ai-action-summit-2025"))
    paris, state = document("statement-on-inclusive-and-sustainable-ai"), URIRef(AIG + "State")
    U = URIRef
    assert {k: v for k, v in got.items() if k[0] == paris} == {
        (paris, state, 58, None): {P["BRUSSELSTIMES"], P["ELOQUENCE"], U("https://theinnovator.news/key-takeaways-from-the-ai-action-summit/")},
        (paris, state, 61, None): {P["WAM"], P["BAHRAIN"], U("https://quickbreaknews.com/us-and-uk-decline-to-sign-global-ai-declaration"),
                                   U("https://www.computerweekly.com/news/366619274/AI-Action-Summit-UK-and-US-refuse-to-sign-inclusive-AI-statement")},
        (paris, state, None, 60): {P["CARAVEL"]},
        (paris, state, 63, None): {REPOSITORY},
        # followthrough.md §5: 60 (BusinessCloud), 57 + Vatican, EU, AU Commission (LBC), over 70 (POLITICO repost)
        (paris, state, 60, None): {U("https://businesscloud.co.uk/?p=160408")},
        (paris, state, 57, None): {U("https://www.lbc.co.uk/tech/c8b6d8c942c04074bb0482a1335322a2/")},
        (paris, URIRef(AIG + "Polity"), None, 70): {U("https://vocesdelsur.prensa-latina.cu/?p=19809")},
    }
    also = {r.alsoCounted for r in rows(dataset, "cq21-disagreeing-counts") if r.source == REPOSITORY}
    assert also == {organization("african-union-commission"), country("european-union")}
    # followthrough.md §5: Current AI's government partners, 10 or nine
    current = document("current-ai")
    assert {k[2] for k in got if k[0] == current} == {9, 10}


def test_cq21_ministerial_statement_and_bletchley_counts(dataset):
    result = rows(dataset, "cq21-disagreeing-counts")
    sms, state = document("seoul-ministerial-statement"), URIRef(AIG + "State")
    ministerial = _figures(result, summit("ai-seoul-summit-2024/ministerial-session"))
    assert ministerial[(sms, state, 27, None)] == {P[k] for k in ("IRISHNEWS", "LBC-0522", "CW", "EUTECH", "LTWIKI")}
    assert ministerial[(sms, state, 28, None)] == {P["KBS-612"], P["ASIAE"]}
    bletchley = _figures(result, summit("ai-safety-summit-2023"))
    bd = document("bletchley-declaration")
    assert bletchley == {
        (bd, state, 28, None): {P["EXPORTORG"], P["AIBUS"], P["DAILYAI"], P["KH-0521"]},
        (bd, state, 29, None): {P["DECRYPT"]},
        (bd, URIRef(AIG + "Polity"), 29, None): {P["HUNTON-BD"]},  # 29 nations, the EU among them
    }


def test_cq21_agreeing_counts_are_not_reported_as_disagreements(dataset):
    # the Seoul AI Business Pledge: 14 companies in every source (§6)
    docs = {r.document for r in rows(dataset, "cq21-disagreeing-counts")}
    assert document("seoul-ai-business-pledge") not in docs


# --- 22. disagreeing titles (§7 and Discrepancies: titles of company representatives)

TITLES = {
    # person: {(source, post, former)}
    "demis-hassabis": {(ARTICLE, "chairman-of-google-deepmind", None),
                       (P["EXBULLETIN"], "co-founder-and-ceo-of-google-deepmind", None)},
    "dario-amodei": {(ARTICLE, "chairman-of-anthropic", None), (P["ASIAN-NEWS"], "ceo-of-anthropic", None)},
    "arthur-mensch": {(ARTICLE, "chairman-of-mistral-ai", None),
                      (P["ASIAN-NEWS"], "co-founder-and-ceo-of-mistral-ai", None),
                      (P["TIME"], "co-founder-and-ceo-of-mistral-ai", None)},
    "david-zapolsky": {(ARTICLE, "vice-chairman-of-amazon-web-services", None),
                       (P["LAWCOM"], "senior-vice-president-general-counsel-and-secretary-of-amazon", None),
                       (P["USATRUSTED"], "chief-global-affairs-and-legal-officer-of-amazon", None)},
    "eric-schmidt": {(ARTICLE, "founder-of-the-schmidt-foundation", None),
                     (P["MEDIAPEN"], "founder-of-the-schmidt-foundation", None),
                     (P["YNA-KR"], "ceo-of-google", True), (P["YNA-JP"], "ceo-of-google", True)},
    "elon-musk": {(ARTICLE, "founder-of-xai", None), (P["YNA-KR"], "ceo-of-tesla", None)},
    "lee-hae-jin": {(ARTICLE, "founder-of-naver", None), (P["MEDIAPEN"], "founder-of-naver", None),
                    (P["YNA-KR"], "founder-of-naver", None), (P["YNA-JP"], "founder-of-naver", None),
                    (P["ADVFN"], "chair-of-the-board-of-naver", None), (P["ADVFN"], "chairman-of-a-holdings", None)},
}  # fmt: skip


@pytest.mark.parametrize("slug", sorted(TITLES))
def test_cq22_titles_side_by_side(dataset, slug):
    mine = [r for r in rows(dataset, "cq22-disagreeing-titles") if r.person == person(slug)]
    got = {(r.source, r.post, r.former and r.former.toPython()) for r in mine}
    assert got == {(src, post(p), former) for src, p, former in TITLES[slug]}


def test_cq22_a_title_s_confidence_is_that_of_the_title_not_of_the_attendance(dataset):
    # §7: Hassabis' attendance is 2+, his English title (exbulletin) rated 1; the article's
    # 회장 has no rating of its own, so no confidence is shown for it
    mine = {(r.source, r.confidence) for r in rows(dataset, "cq22-disagreeing-titles")
            if r.person == person("demis-hassabis")}
    assert mine == {(ARTICLE, None), (P["EXBULLETIN"], ONE)}


def test_cq22_zapolsky_titles_are_dated_and_none_is_claimed_for_may_2024(dataset):
    mine = [r for r in rows(dataset, "cq22-disagreeing-titles") if r.person == person("david-zapolsky")]
    assert {str(r.asOf) for r in mine if r.asOf is not None} == {"2020", "2025"}


def test_cq22_agreeing_titles_are_left_out(dataset):
    # Brad Smith: president of Microsoft in the article and in both English sources (§7)
    assert person("brad-smith") not in {r.person for r in rows(dataset, "cq22-disagreeing-titles")}


# --- 23. which sources support a fact, and how confident each is


def _support(dataset, subject, obj):
    return {(r.source, r.confidence) for r in rows(dataset, "cq23-fact-support") if r.subject == subject and r.object == obj}


def test_cq23_a_well_supported_signature(dataset):
    # §8: Kenya signed the Bletchley Declaration — NATTECH, EXPORTORG, HUGHBO; 2+
    assert _support(dataset, country("kenya"), document("bletchley-declaration")) == {
        (P["NATTECH"], TWO), (P["EXPORTORG"], TWO), (P["HUGHBO"], TWO)
    }


def test_cq23_a_secondary_only_signature(dataset):
    # §8: Chile — a repository file; 1 (secondary)
    assert _support(dataset, country("chile"), document("bletchley-declaration")) == {(REPOSITORY, ONE_SECONDARY)}


def test_cq23_a_refusal_to_sign(dataset):
    # §9: the United States did not sign the Paris statement — BRUSSELSTIMES, WAM, ELOQUENCE, CARAVEL; 2+
    got = {
        (r.source, r.confidence)
        for r in rows(dataset, "cq23-fact-support")
        if r.subject == country("united-states")
        and r.object == document("statement-on-inclusive-and-sustainable-ai")
        and r.kind == URIRef(AIG + "NonEndorsement")
    }
    # followthrough.md §5 adds Reuters (brecorder), devdiscourse, QuickBreakNews, Computer Weekly; 2+
    assert got == {(P[k], TWO) for k in ("BRUSSELSTIMES", "WAM", "ELOQUENCE", "CARAVEL")} | {(URIRef(u), TWO) for u in (
        "https://www.brecorder.com/news/40347430/us-britain-have-not-signed-paris-ai-summit-declaration",
        "https://www.devdiscourse.com/article/law-order/3261088-major-powers-hesitant-on-ai-summit-declaration",
        "https://quickbreaknews.com/us-and-uk-decline-to-sign-global-ai-declaration",
        "https://www.computerweekly.com/news/366619274/AI-Action-Summit-UK-and-US-refuse-to-sign-inclusive-AI-statement")}


def test_cq23_later_joiners_of_the_commitments(dataset):
    # §4: Magic, MiniMax, 01.AI (CENTER; 1); NVIDIA (CENTER, MAIEI; 2+)
    faisc = document("frontier-ai-safety-commitments")
    # followthrough.md §1.1 rates the later joiners 2+ on METR's and SaferAI's pages; each
    # node keeps its own dossier's rating, side by side
    later = {(URIRef("https://metr.org/common-elements"), TWO), (URIRef("https://ratings.safer-ai.org"), TWO)}
    for company in ("magic", "minimax", "01-ai"):
        assert _support(dataset, organization(company), faisc) == {(P["CENTER"], ONE)} | later
    assert _support(dataset, organization("nvidia"), faisc) == {(P["CENTER"], TWO), (P["MAIEI"], TWO)} | later


def test_cq23_a_single_source_participation(dataset):
    # §7: Lawrence Wong took part — MEDIAPEN, "1 (+ KWANGJU)"
    assert _support(dataset, person("lawrence-wong"), LEADERS_SESSION) == {(P["MEDIAPEN"], ONE), (ARTICLE, ONE)}


# --- The rules for the source graphs themselves


def _web_pages(dataset):
    return sorted(dataset.subjects(RDF.type, URIRef(AIG + "WebPage")))


def test_every_page_graph_is_named_by_its_address(dataset):
    names = set(source_graphs(dataset))
    pages = _web_pages(dataset)
    # facts.md's 93 pages, plus one data/ft-*.trig per followthrough.md page that facts.md does not cite
    assert len(pages) == 93 + len(list((ROOT / "data").glob("ft-*.trig")))
    for page in pages:
        assert page in names
        assert (page, URIRef("https://schema.org/url"), page) in dataset.graph(page)


def test_every_page_address_is_one_facts_md_gives(dataset):
    # tests/fixtures/source-addresses.txt: the addresses facts.md and followthrough.md give
    lines = (ROOT / "tests" / "fixtures" / "source-addresses.txt").read_text(encoding="utf-8").splitlines()
    given = {line for line in lines if line and not line.startswith("#")}
    for page in _web_pages(dataset):
        assert str(page) in given, f"{page} is not an address of facts.md or followthrough.md"


# A page date only where facts.md or the address states it: the address holds the date, or
# facts.md gives it (GOV.UK: "published 21 May 2024", "published 1 Nov 2023").
DATES_FROM_FACTS = {P["GOVUK-SOI"]: "2024-05-21", URIRef(
    "https://www.gov.uk/government/publications/ai-safety-summit-2023-the-bletchley-declaration/"
    "the-bletchley-declaration-by-countries-attending-the-ai-safety-summit-1-2-november-2023"
): "2023-11-01"}


def _date_in_address(address: str, value: str) -> bool:
    parts = value.split("-")
    y, m, d = (parts + [None, None])[:3]
    forms = [y] if m is None else [f"{y}-{m}", f"{y}/{m}", f"{y}/{int(m)}"]
    if d is not None:
        forms = [f"{y}{m}{d}", f"{y}-{m}-{d}", f"{y}/{m}/{d}", f"{y}/{int(m)}/{int(d)}", f"{d}{m}{y}"]
    return any(re.search(rf"(?<!\d){re.escape(f)}", address) for f in forms)


def test_page_dates_come_from_the_address_or_facts_md(dataset):
    dated = 0
    for page in _web_pages(dataset):
        for value in dataset.graph(page).objects(page, DCTERMS.issued):
            dated += 1
            if page in DATES_FROM_FACTS:
                assert str(value) == DATES_FROM_FACTS[page]
            else:
                assert _date_in_address(str(page), str(value)), f"{page}: date {value} is not in its address"
    assert dated == 21


def test_undated_pages_say_so(dataset):
    not_recorded = URIRef(AIG + "notRecorded")
    for page in _web_pages(dataset):
        graph = dataset.graph(page)
        has_date = (page, DCTERMS.issued, None) in graph
        assert has_date != ((page, not_recorded, DCTERMS.issued) in graph), page


def test_repository_files_are_one_secondary_source_with_nothing_made_up(dataset):
    graph = dataset.graph(REPOSITORY)
    assert (REPOSITORY, RDF.type, URIRef(AIG + "RepositoryFile")) in graph
    unknown = set(graph.objects(REPOSITORY, URIRef(AIG + "notRecorded")))
    assert unknown == {URIRef("https://schema.org/url"), DCTERMS.publisher, DCTERMS.issued}


def test_nothing_from_an_unverified_line(dataset):
    # §5: the complete list of the 27 signatories was not found: only the six named ones are recorded
    signers = {
        o
        for e in dataset.subjects(URIRef(AIG + "document"), document("seoul-ministerial-statement"))
        if (e, RDF.type, URIRef(AIG + "Endorsement")) in dataset
        for o in dataset.objects(e, URIRef(AIG + "endorser"))
    }
    assert signers == {country(c) for c in ("united-kingdom", "republic-of-korea", "united-states", "france",
                                            "united-arab-emirates", "australia")}  # fmt: skip
    # §8: Switzerland as a Bletchley signatory is unverified
    assert (country("switzerland"), None, None) not in dataset
