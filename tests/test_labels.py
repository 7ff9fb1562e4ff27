"""The one label policy (aigraph.labels) and the readers that follow it."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from aigraph.labels import LabelIndex, bilingual, label, label_texts, pick
from aigraph.network.evidence import SourceReader
from aigraph.sparql.results import Labeller

THING = URIRef("https://w3id.org/aigraph/organization/example")


def test_a_preferred_label_wins_over_a_plain_label_in_the_same_language() -> None:
    graph = Graph()
    graph.add((THING, RDFS.label, Literal("Plain", lang="en")))
    graph.add((THING, SKOS.prefLabel, Literal("Preferred", lang="en")))
    graph.add((THING, RDFS.label, Literal("평문", lang="ko")))
    assert label(graph, THING, "en") == "Preferred"
    # the plain label still serves the language the preferred one lacks
    assert label(graph, THING, "ko") == "평문"


@pytest.mark.parametrize(
    ("texts", "lang", "expected"),
    [
        ({"en": "Seoul", "ko": "서울"}, "ko", "서울"),
        ({"en": "Seoul"}, "ko", "Seoul"),  # the other language when the reader's is missing
        ({"": "untagged", "en": "Seoul"}, "ko", "untagged"),  # no tag before the other language
        ({"de": "Söul"}, "en", "Söul"),  # any language before nothing
        ({}, "en", None),
    ],
)
def test_the_language_fallback_order(texts: dict[str, str], lang: str, expected: str | None) -> None:
    assert pick(texts, lang) == expected


def test_without_a_label_the_local_name_is_shown() -> None:
    assert label(Graph(), THING, "ko") == "organization/example"
    assert LabelIndex.of(Graph()).bilingual(THING) == {
        "en": "organization/example",
        "ko": "organization/example",
    }


def test_two_labels_in_one_language_give_the_same_one_whatever_the_order_added() -> None:
    first = Graph()
    first.add((THING, RDFS.label, Literal("Beta", lang="en")))
    first.add((THING, RDFS.label, Literal("Alpha", lang="en")))
    second = Graph()
    second.add((THING, RDFS.label, Literal("Alpha", lang="en")))
    second.add((THING, RDFS.label, Literal("Beta", lang="en")))
    assert label_texts(first, THING) == label_texts(second, THING) == {"en": "Alpha"}
    assert LabelIndex.of(first).label(THING) == LabelIndex.of(second).label(THING) == "Alpha"


def test_bilingual_fills_each_language_from_the_other() -> None:
    assert bilingual({"ko": "서울"}) == {"en": "서울", "ko": "서울"}


def test_query_tables_and_the_page_panel_name_a_thing_alike() -> None:
    # Before the policy was one module, tables read rdfs:label first and the page's
    # panel skos:prefLabel first: the same node could be named two ways.
    dataset = Dataset(default_union=True)
    graph = dataset.graph(URIRef("https://w3id.org/aigraph/source/example"))
    graph.add((THING, RDFS.label, Literal("Plain", lang="en")))
    graph.add((THING, SKOS.prefLabel, Literal("Preferred", lang="en")))
    graph.add((THING, SKOS.prefLabel, Literal("선호", lang="ko")))
    table = Labeller(dataset, "en")(THING), Labeller(dataset, "ko")(THING)
    panel = SourceReader(dataset).labels(THING)
    assert table == (panel["en"], panel["ko"]) == ("Preferred", "선호")


def test_every_entity_of_the_project_is_named_alike_by_tables_and_page(dataset: Dataset) -> None:
    reader = SourceReader(dataset)
    english, korean = Labeller(dataset, "en"), Labeller(dataset, "ko")
    named = {s for s in dataset.subjects(RDFS.label) if isinstance(s, URIRef)}
    assert len(named) > 100
    for iri in sorted(named):
        assert reader.labels(iri) == {"en": english(iri), "ko": korean(iri)}, iri
