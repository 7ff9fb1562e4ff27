"""The whole ingest (aigraph.ingest.pipeline): where the draft is written, and that a build ignores it.

Expected mentions, candidates, dates and facts are read off the fixture articles
(tests/fixtures/ingest/) with str.find, never copied from the program's output.
"""

from __future__ import annotations

from pathlib import Path

from ingest_support import ARTICLES, has, root  # noqa: F401 (fixtures: root)
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from aigraph.ingest import ingest_file
from aigraph.rdf.namespaces import AIG


def test_draft_is_written_under_data_drafts_and_build_ignores_it(root: Path):
    from aigraph import load

    result = ingest_file(
        ARTICLES / "summit.en.txt",
        root=root,
        title="Leaders adopt Seoul Declaration",
        publisher="Example Daily",
    )
    assert result.dest == root / "data" / "drafts" / "summit.trig"
    parsed = Dataset()
    parsed.parse(result.dest, format="trig")
    assert has(parsed, None, RDF.type, AIG.Draft)
    assert not has(load(root).dataset, None, RDF.type, AIG.Draft)
    assert URIRef(result.source.iri) not in {g.identifier for g in load(root).dataset.graphs()}
