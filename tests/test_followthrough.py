"""Follow-through (issue 13): were the Seoul commitments kept? Questions 24-28.

Every expected answer is written by hand from shared/sources/followthrough.md (section
numbers in the comments), never pasted from query output. Pages are named by their address
exactly as the dossier gives it.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from aigraph.project.files import project_paths
from aigraph.sparql.query import run_query
from facts import AIG, BASE, P, confidence, country, document, organization

REPOSITORY = URIRef(BASE + "source/unrecorded-repository-file")
STATUS = lambda name: URIRef(BASE + "status/" + name)  # noqa: E731
KEPT, LATE, NOT_KEPT, DISPUTED = STATUS("kept"), STATUS("late"), STATUS("not-kept"), STATUS("disputed")
FASC = document("frontier-ai-safety-commitments")

METR = URIRef("https://metr.org/common-elements")
METR_CACHE = URIRef("https://www.longtermwiki.com/resources/c8782940b880d00f")
SAFERAI = URIRef("https://ratings.safer-ai.org")
SAFERAI_METHOD = URIRef("https://ratings.safer-ai.org/methodology")
OVERDUE_XAI = URIRef("https://overduetracker.org/labs/xai")
OVERDUE_ALL = URIRef("https://overduetracker.org/labs/multi-lab")

# §1.2: the twelve that published a frontier safety framework (METR and SaferAI agree)
TWELVE = {organization(s) for s in (
    "anthropic", "openai", "google-deepmind", "magic", "naver", "meta", "g42", "cohere", "microsoft",
    "amazon", "xai", "nvidia")}
# §1.2: the eight signatories not among them (six of the original 16, two later joiners)
EIGHT = {organization(s) for s in (
    "ibm", "inflection-ai", "mistral-ai", "samsung-electronics", "technology-innovation-institute",
    "zhipu-ai", "minimax", "01-ai")}


ROOT = Path(__file__).resolve().parents[1]


def rows(dataset, name):
    return list(run_query(dataset, name, paths=project_paths(ROOT)))


# --- 24. kept, late, not kept, each with its source


def _by_source(result, source, group):
    return {r.signatory for r in result if r.source == source and r.group == group}


def test_cq24_metr_and_saferai_count_the_same_twelve_publishers(dataset):
    result = rows(dataset, "cq24-frontier-commitments-kept")
    for source in (METR, METR_CACHE, SAFERAI, SAFERAI_METHOD):
        assert _by_source(result, source, KEPT) == TWELVE, source


def test_cq24_the_eight_that_did_not_publish(dataset):
    result = rows(dataset, "cq24-frontier-commitments-kept")
    # METR by omission, SaferAI by name (§1.2)
    assert _by_source(result, METR, NOT_KEPT) == EIGHT
    assert _by_source(result, SAFERAI, NOT_KEPT) == EIGHT
    # SaferAI's reading (§1.2, 1 source): IBM a governance summary, Samsung on-device only
    partial = {r.signatory for r in result if r.status == STATUS("partial")}
    assert partial == {organization("ibm"), organization("samsung-electronics")}
    assert {r.source for r in result if r.status == STATUS("partial")} == {SAFERAI_METHOD}


def test_cq24_no_source_counts_a_signatory_both_ways(dataset):
    result = rows(dataset, "cq24-frontier-commitments-kept")
    for source in {r.source for r in result}:
        assert not (_by_source(result, source, KEPT) & _by_source(result, source, NOT_KEPT)), source


def test_cq24_overdue_tracker_on_time_and_xai_late(dataset):
    result = rows(dataset, "cq24-frontier-commitments-kept")
    # §1.2: Overdue Tracker names these as published by the Paris summit
    on_time = {r.signatory for r in result if r.source == OVERDUE_ALL and r.status == STATUS("on-time")}
    assert on_time == {organization(s) for s in ("meta", "google-deepmind", "microsoft", "openai", "amazon", "g42")}
    # §1.4 xAI: missed (contested), only a draft by the due date
    [xai] = [r for r in result if r.source == OVERDUE_XAI]
    assert (xai.signatory, xai.group, xai.contested) == (organization("xai"), LATE, Literal(True))
    assert xai.delivered == document("xai-risk-management-framework-draft")
    late = {r.source for r in result if r.signatory == organization("xai") and r.group == LATE}
    assert late == {OVERDUE_XAI, URIRef("https://anteroom.so/system-cards/xai"),
                    URIRef("https://techxnow.com/news/ai/xai-misses-deadline-on-ai-safety-report-raising-concerns/")}
    # nobody else is late
    assert {r.signatory for r in result if r.group == LATE} == {organization("xai")}


def test_cq24_every_signatory_has_a_verdict(dataset):
    result = rows(dataset, "cq24-frontier-commitments-kept")
    assert {r.signatory for r in result} == TWELVE | EIGHT


# --- 25. before the Paris summit, or later


def test_cq25_who_published_before_paris_and_who_only_later(dataset):
    result = rows(dataset, "cq25-framework-timing")
    before = {r.company for r in result if str(r.timing) == "before"}
    # §1.3-1.4: first versions in 2023-2024 (Anthropic, OpenAI, Google DeepMind, Naver, Magic) or
    # early February 2025 (Meta 3 Feb, Microsoft 1 or 8 Feb, G42 6 Feb, Cohere 7 Feb, Amazon 9 Feb)
    assert before == TWELVE - {organization("xai"), organization("nvidia")}
    # xAI: drafts of 10 and 20 Feb 2025; NVIDIA: 11 Feb, 17 Feb or Aug 2025: never before 10 Feb 2025
    assert {r.company for r in result} - before == {organization("xai"), organization("nvidia")}
    assert not {r.company for r in result} & EIGHT
    # Google signed; its unit Google DeepMind made the framework
    assert {r.signatory for r in result if r.company == organization("google-deepmind")} == {organization("google")}


def test_cq25_xai_final_framework_is_late(dataset):
    result = rows(dataset, "cq25-framework-timing")
    final = [r for r in result if r.framework == document("xai-risk-management-framework")]
    assert {(str(r.date), str(r.timing), r.source) for r in final} == {
        ("2025-08-20", "not before", URIRef("https://anteroom.so/system-cards/xai")),
        ("2025-08-20", "not before", URIRef("https://www.modelcards.net/documents/159")),
    }
    assert {r.replaces for r in final} == {document("xai-risk-management-framework-draft")}


def test_cq25_disputed_dates_stay_side_by_side(dataset):
    result = rows(dataset, "cq25-framework-timing")
    naver = {(str(r.date), r.source) for r in result if r.framework == document("naver-ai-safety-framework")}
    # §1.4 Naver: 17 June 2024 (Naver, Yonhap, Edaily, g-enews) vs 7 August 2024 (secondary)
    assert ("2024-08-07", REPOSITORY) in naver
    assert ("2024-06-17", URIRef("https://navercorp.com/en/media/pressReleasesDetail?seq=31865")) in naver
    nvidia = {str(r.date) for r in result if r.signatory == organization("nvidia")}
    assert nvidia == {"2025-02-11", "2025-02-17", "2025-08"}


# --- 26. revisions, and which a source calls a weakening


def test_cq26_revisions_called_a_weakening(dataset):
    result = [r for r in rows(dataset, "cq26-weakened-revisions") if r.weakening is not None]
    got = {(r.later, r.earlier, r.source) for r in result}
    # §1.4 Anthropic v3.0: the unconditional pause promise removed (seven pages, 2+)
    v3 = {s for (later, _, s) in got if later == document("anthropic-rsp-v3")}
    assert len(v3) == 7
    # §1.5: SaferAI on OpenAI's v2 (Beta's "unknown unknowns") and Anthropic's ASL-3 threshold vs v1
    assert (document("openai-preparedness-framework-v2"), document("openai-preparedness-framework-beta"),
            URIRef("https://ratings.safer-ai.org/company/openai/?tab=1-risk-identification")) in got
    assert (None, document("anthropic-rsp-v1"),
            URIRef("https://ratings.safer-ai.org/company/anthropic/?tab=4-risk-governance")) in got
    assert {r.company for r in result} == {organization("anthropic"), organization("openai")}


def test_cq26_later_versions_replace_earlier_ones(dataset):
    result = [r for r in rows(dataset, "cq26-weakened-revisions") if r.weakening is None]
    pairs = {(r.later, r.earlier) for r in result}
    # §1.4: Meta's Advanced AI Scaling Framework replaces the Frontier AI Framework; xAI's
    # FAIF replaces its RMF; Google DeepMind v3 replaces v2; OpenAI v2 replaces the Beta
    for later, earlier in (
        ("meta-advanced-ai-scaling-framework-v2", "meta-frontier-ai-framework"),
        ("xai-frontier-ai-framework", "xai-risk-management-framework"),
        ("google-deepmind-fsf-v3", "google-deepmind-fsf-v2"),
        ("openai-preparedness-framework-v2", "openai-preparedness-framework-beta"),
        ("anthropic-rsp-v2", "anthropic-rsp-v1"),
    ):
        assert (document(later), document(earlier)) in pairs


# --- 27. what the commitments led to


def test_cq27_seoul_commitments_lead_to_verdicts_and_a_renamed_network(dataset):
    result = rows(dataset, "cq27-summit-follow-through")
    seoul = URIRef(BASE + "summit/ai-seoul-summit-2024")
    mine = {(r.document, str(r.followUp), r.status): int(r.actors) for r in result if r.summit == seoul}
    assert mine[(FASC, "fulfilment", STATUS("published"))] == 12
    assert mine[(FASC, "fulfilment", STATUS("not-published"))] == 8
    assert mine[(FASC, "fulfilment", STATUS("late"))] == 1
    renamed = BASE + "document/international-network-for-advanced-ai-measurement-evaluation-and-science"
    assert (document("international-network-of-ai-safety-institutes"), renamed, None) in mine


# --- 28. New Delhi endorser counts (§4)


def test_cq28_new_delhi_endorser_counts_by_source(dataset):
    result = rows(dataset, "cq28-new-delhi-endorser-counts")
    got = {}
    for r in result:
        got.setdefault(int(r["count"]), set()).add(r.source)
    assert set(got) == {85, 86, 88, 89, 92}
    assert len(got[88]) == 5 and len(got[86]) == 4
    assert got[92] == {URIRef("https://pibtracker.com/article/2026-03-02/india-ai-impact-summit-2026-2234343")}
    # Deccan Chronicle, Livemint, EuroDemocracy, Brussels Times: 86 countries plus the EU and IFAD
    assert {r.alsoCounted for r in result if int(r["count"]) == 86} == {country("european-union"), organization("ifad")}
    assert {r.alsoCounted for r in result if int(r["count"]) != 86} == {None}


# --- the model itself


def test_trackers_and_frameworks_have_korean_and_english_labels(dataset):
    for cls in ("Tracker", "Framework"):
        for node in set(dataset.subjects(RDF.type, URIRef(AIG + cls))):
            langs = {o.language for o in dataset.objects(node, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
            assert langs == {"en", "ko"}, node


def test_commitment_deadlines(dataset):
    deadline = URIRef(AIG + "deadline")
    # §1.1: SaferAI words it as February 2025; Overdue Tracker uses 10 February 2025
    got = {(getattr(g, "identifier", g), o) for s, p, o, g in dataset.quads((None, deadline, None, None))
           if "publish-safety-framework" in str(s)}
    assert got == {(SAFERAI_METHOD, Literal("2025-02", datatype=XSD.gYearMonth)),
                   (OVERDUE_XAI, Literal("2025-02-10", datatype=XSD.date))}


def test_nothing_from_the_unverified_list(dataset):
    # no date of signing for the later joiners; no IBM document; no Samsung date
    for joiner in ("magic", "minimax", "01-ai", "nvidia"):
        for e in dataset.subjects(URIRef(AIG + "endorser"), organization(joiner)):
            assert (e, URIRef("http://purl.org/dc/terms/date"), None) not in dataset
    samsung = document("samsung-ai-safety-framework-consumer-electronics")
    assert (samsung, URIRef("http://purl.org/dc/terms/issued"), None) not in dataset
    assert not {o for e in dataset.subjects(URIRef(AIG + "actor"), organization("ibm"))
                for o in dataset.objects(e, URIRef(AIG + "delivered"))}
    assert confidence("disputed") not in set(dataset.objects(None, URIRef(AIG + "confidence")))


# --- facts.md rows that were missing or half stated (issue 13 review), hand-checked from facts.md

SCHEMA = "https://schema.org/"
LEADERS = URIRef(BASE + "summit/ai-seoul-summit-2024/leaders-session")
MINISTERIAL = URIRef(BASE + "summit/ai-seoul-summit-2024/ministerial-session")


def _in_graph(dataset, page, triple):
    return triple in dataset.graph(URIRef(page))


def test_leaders_session_in_the_evening(dataset):
    # §1: PRES-VIDEO ("5월 21일 저녁") and YNA-KR ("21일 저녁부터"); 2+
    for key in ("PRES-VIDEO", "YNA-KR"):
        assert _in_graph(dataset, P[key], (LEADERS, URIRef(AIG + "partOfDay"), Literal("evening", lang="en")))


def test_who_was_invited_to_the_leaders_session(dataset):
    # §1: G7 leaders, Australia, Singapore; heads of the UN, EU and OECD; the companies named
    # (Samsung, Naver, Google, Amazon, Meta, Microsoft, OpenAI) — YNA-KR, YNA-JP, PRES-VIDEO; 2+
    expected = {organization("g7"), country("australia"), country("singapore"), organization("united-nations"),
                country("european-union"), organization("oecd")} | {organization(c) for c in (
                    "samsung-electronics", "naver", "google", "amazon", "meta", "microsoft", "openai")}
    for key in ("YNA-KR", "YNA-JP", "PRES-VIDEO"):
        graph = dataset.graph(P[key])
        invited = {graph.value(i, URIRef(AIG + "party")) for i in graph.subjects(RDF.type, URIRef(AIG + "Invitation"))
                   if (i, URIRef(AIG + "event"), LEADERS) in graph}
        assert invited == expected, key
    # being invited is not taking part: Singapore's invitation adds no participation
    assert not {p for p in dataset.subjects(URIRef(AIG + "onBehalfOf"), country("singapore"))
                if (p, RDF.type, URIRef(AIG + "Invitation")) in dataset}


def test_welcome_reception_on_day_one(dataset):
    # §1: GOVUK-PROG; 1
    reception = URIRef(BASE + "summit/ai-seoul-summit-2024/welcome-reception")
    graph = dataset.graph(P["GOVUK-PROG"])
    assert (reception, URIRef(SCHEMA + "superEvent"), URIRef(BASE + "summit/ai-seoul-summit-2024")) in graph
    assert (reception, URIRef(SCHEMA + "startDate"), Literal("2024-05-21", datatype=XSD.date)) in graph
    assert (reception, URIRef(SCHEMA + "organizer"), organization("ministry-of-foreign-affairs-of-korea")) in graph


def test_ministerial_session_hall_hours_and_invitations(dataset):
    # §1: Convention Hall at KIST, 14:20-17:40 KST, invitation only — KSUMMIT-PROG, KBS-612, ASIAE; 2+
    hall = URIRef(BASE + "place/kist-convention-hall")
    assert (hall, URIRef(SCHEMA + "containedInPlace"), URIRef(BASE + "place/kist")) in dataset
    for page in ("http://aiseoulsummit.kr/program/?uid=9&mod=document", P["KBS-612"], P["ASIAE"]):
        graph = dataset.graph(URIRef(page))
        assert (MINISTERIAL, URIRef(SCHEMA + "location"), hall) in graph
        assert (MINISTERIAL, URIRef(SCHEMA + "startTime"), Literal("14:20:00+09:00", datatype=XSD.time)) in graph
        assert (MINISTERIAL, URIRef(SCHEMA + "endTime"), Literal("17:40:00+09:00", datatype=XSD.time)) in graph
        assert (MINISTERIAL, URIRef(AIG + "invitationOnly"), Literal(True)) in graph


def test_un_resolution_led_by_the_united_states(dataset):
    # §10: US-led, co-sponsored by 120+ member states — KUNA, BGF, DPA, OODA; 2+
    sponsors = {g for _s, _p, _o, g in dataset.quads((document("unga-ai-resolution"), URIRef(SCHEMA + "sponsor"),
                                                        country("united-states"), None))}
    assert {getattr(g, "identifier", g) for g in sponsors} == {URIRef(u) for u in (
        "https://menafn.com/1108007968/UNGA-Unanimously-Adopts-Resolution-On-Safe-Artificial-Intelligence",
        "https://bostonglobalforum.org/news/united-nations-general-assembly-adopts-by-consensus-u-s-led-resolution-on-seizing-the-opportunities-of-safe-secure-and-trustworthy-artificial-intelligence-systems-for-sustainable-development/",
        "https://www.finanznachrichten.de/nachrichten-2024-03/61759347-un-general-assembly-adopts-resolution-on-promoting-ai-020.htm",
        "https://www.oodaloop.com/cyber/2024/03/22/un-adopts-resolution-backing-efforts-to-ensure-artificial-intelligence-is-safe/")}


def _descriptions(dataset, subject):
    return " ".join(str(o) for o in dataset.objects(subject, URIRef("http://purl.org/dc/terms/description"))
                    if o.language == "en")


def test_stated_rows_of_sections_8_to_10(dataset):
    assert "cabinet meeting" in _descriptions(dataset, document("digital-bill-of-rights"))  # §10
    assert "eleven" in _descriptions(dataset, document("hiroshima-guiding-principles"))  # §10
    assert "voluntary" in _descriptions(dataset, document("hiroshima-code-of-conduct"))  # §10
    assert "People, Planet and Progress" in _descriptions(dataset, URIRef(BASE + "summit/india-ai-impact-summit-2026"))  # §9
    assert "within six months" in _descriptions(dataset, URIRef(BASE + "summit/ai-safety-summit-2023"))  # §8


def test_korean_labels_of_the_seoul_documents(dataset):
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    ko = lambda s: {str(o) for o in dataset.objects(s, label) if o.language == "ko"}  # noqa: E731
    # the pages' own name, Frontier AI Safety Commitments, in Korean; the Statement of Intent's full title
    assert ko(FASC) == {"프런티어 AI 안전 서약"}
    assert ko(document("seoul-statement-of-intent")) == {"AI 안전 과학에 관한 국제 협력을 위한 서울 의향서"}
