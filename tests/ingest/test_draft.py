"""The draft (aigraph.ingest.draft): every node with its evidence, what was not recorded said so.

Expected mentions, candidates, dates and facts are read off the fixture articles
(tests/fixtures/ingest/) with str.find, never copied from the program's output.
"""

from __future__ import annotations

from pathlib import Path

from ingest_support import ARTICLES, KO, B, has, ko, paragraphs, root  # noqa: F401 (fixtures: root, ko)
from rdflib import Dataset, URIRef
from rdflib.namespace import PROV, RDF

from aigraph.ingest import ingest_file
from aigraph.project.files import project_paths
from aigraph.rdf.namespaces import AIG


def test_every_draft_node_carries_paragraph_offsets_method_and_confidence(ko):
    graph = ko.draft.graph(URIRef(ko.source.iri))
    texts = paragraphs(KO)
    drafts = set(graph.subjects(RDF.type, AIG.Draft)) - set(graph.subjects(RDF.type, AIG.Candidate))
    assert drafts
    for node in drafts:
        activity = graph.value(node, PROV.wasGeneratedBy)
        assert graph.value(activity, AIG.method) is not None, node
        assert 0 < float(graph.value(node, AIG.draftConfidence)) <= 1, node
        number = int(graph.value(graph.value(node, PROV.wasDerivedFrom), AIG.paragraphNumber))
        start, end = int(graph.value(node, AIG.startOffset)), int(graph.value(node, AIG.endOffset))
        surface = graph.value(node, AIG.surfaceForm)
        if surface is not None:
            assert texts[number][start:end] == str(surface), node


def test_what_the_curator_did_not_give_is_stated_as_not_recorded(root: Path):
    from rdflib.namespace import DCTERMS, SDO

    source = URIRef(B + "source/summit")
    bare = Dataset()
    bare.parse(ingest_file(ARTICLES / "summit.en.txt", root=root).dest, format="trig")
    not_recorded = {o for _, _, o, _ in bare.quads((source, AIG.notRecorded, None, None))}
    assert {SDO.url, DCTERMS.publisher} <= not_recorded
    # The article's dateline gives the date; had it not, the date would be "not recorded".
    assert has(bare, source, DCTERMS.issued) != (DCTERMS.issued in not_recorded)
    assert not has(bare, source, DCTERMS.publisher) and not has(bare, source, SDO.url)

    page = "https://news.example.org/2024/05/summit"
    full = Dataset()
    full.parse(ingest_file(ARTICLES / "summit.en.txt", root=root, source_iri=page,
                           publisher="Example Daily", date="2024-05-22",
                           dest=root / "full.trig").dest, format="trig")
    assert has(full, URIRef(page), SDO.url, URIRef(page))
    assert has(full, URIRef(page), DCTERMS.issued)
    assert not has(full, URIRef(page), AIG.notRecorded)


def test_a_draft_copied_into_data_unaccepted_does_not_validate(root: Path, ko):
    from aigraph import load
    from aigraph.export.serialize import serialize_dataset
    from aigraph.rdf.validate import validate_dataset

    (root / "data" / "raw.trig").write_bytes(serialize_dataset(ko.draft, "trig"))
    report = validate_dataset(load(root).dataset, paths=project_paths(root))
    assert not report.conforms
    assert "aigraph ingest --accept" in report.text
