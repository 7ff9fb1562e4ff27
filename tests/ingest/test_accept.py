"""Accepting a draft (aigraph.ingest.accept): it validates or nothing is written, and nothing is overwritten.

Expected mentions, candidates, dates and facts are read off the fixture articles
(tests/fixtures/ingest/) with str.find, never copied from the program's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_support import ARTICLES, HARRIS, B, has, root  # noqa: F401 (fixtures: root)
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from aigraph.errors import IngestError
from aigraph.ingest import accept_draft, ingest_file
from aigraph.project.files import project_paths
from aigraph.rdf.namespaces import AIG


@pytest.mark.parametrize("name", ["summit.ko.txt", "summit.en.txt"])

def test_accepted_draft_validates(root: Path, name: str):
    from aigraph import load
    from aigraph.rdf.validate import validate_dataset

    draft = ingest_file(
        ARTICLES / name,
        root=root,
        title="Leaders adopt the Seoul Declaration",
        publisher="예시일보",
        date="2024-05-22",
    ).dest
    result = accept_draft(draft, root=root)
    assert result.dest == root / "data" / "summit.trig"
    assert validate_dataset(load(root).dataset, paths=project_paths(root)).conforms
    curated = Dataset()
    curated.parse(result.dest, format="trig")
    assert not has(curated, None, RDF.type, AIG.Draft)
    assert not has(curated, None, AIG.draftConfidence, None)
    assert has(curated, URIRef(HARRIS), AIG.mentionedIn, URIRef(f"{B}source/summit#p5"))
    assert not has(curated, None, RDF.type, AIG.Candidate)
    assert has(curated, None, RDF.type, AIG.Endorsement)
    assert result.dropped_candidates == (5 if name.endswith(".en.txt") else 4)


def test_a_resolved_candidate_becomes_an_entity(root: Path):
    draft = ingest_file(
        ARTICLES / "summit.ko.txt", root=root, title="정상들", publisher="예시일보"
    ).dest
    # The curator's edit: a class and labels in both languages instead of aig:Candidate.
    before = 'candidate:리시-수낵 a aig:Candidate , aig:Draft ;\n\t\trdfs:label "리시 수낵"@ko'
    after = 'candidate:리시-수낵 a schema:Person ;\n\t\trdfs:label "Rishi Sunak"@en , "리시 수낵"@ko'
    text = draft.read_text(encoding="utf-8").replace(before, after)
    assert text != draft.read_text(encoding="utf-8")
    draft.write_text(text, encoding="utf-8")
    accept_draft(draft, root=root)
    curated = Dataset()
    curated.parse(root / "data" / "summit.trig", format="trig")
    person = URIRef(B + "candidate/리시-수낵")
    assert has(curated, person, RDF.type, URIRef("https://schema.org/Person"))
    assert has(curated, person, AIG.mentionedIn, URIRef(f"{B}source/summit#p3"))
    assert not has(curated, person, AIG.draftConfidence)


def test_accept_refuses_a_draft_that_would_not_validate_and_writes_nothing(root: Path):
    draft = ingest_file(ARTICLES / "summit.en.txt", root=root).dest  # no date given
    # The curator's edit gives a date that is not one, next to the draft's "not recorded".
    with draft.open("a", encoding="utf-8") as f:
        f.write(f'\n<{B}source/summit> {{ <{B}source/summit> <http://purl.org/dc/terms/issued> "soon" . }}\n')
    with pytest.raises(IngestError, match="would not conform") as info:
        accept_draft(draft, root=root)
    assert "dcterms:issued" in str(info.value)
    assert not (root / "data" / "summit.trig").exists()


def test_accept_never_overwrites(root: Path):
    draft = ingest_file(
        ARTICLES / "summit.en.txt", root=root, title="t", publisher="Example Daily"
    ).dest
    (root / "data" / "summit.trig").write_text("# mine\n", encoding="utf-8")
    with pytest.raises(IngestError, match="exists already"):
        accept_draft(draft, root=root)
    assert (root / "data" / "summit.trig").read_text(encoding="utf-8") == "# mine\n"


def test_cli_accept_then_validate(root: Path):
    from click.testing import CliRunner

    from aigraph.cli.commands import cli

    runner = CliRunner()
    draft = root / "data" / "drafts" / "summit.trig"
    made = runner.invoke(
        cli,
        [
            "ingest",
            str(ARTICLES / "summit.ko.txt"),
            "--root",
            str(root),
            "--title",
            "정상들, 서울선언 채택",
            "--publisher",
            "Example Daily",
        ],
    )
    assert made.exit_code == 0, made.output
    accepted = runner.invoke(cli, ["ingest", "--accept", str(draft), "--root", str(root)])
    assert accepted.exit_code == 0, accepted.output
    assert "validation: conforms" in accepted.output
    assert runner.invoke(cli, ["validate", "--root", str(root)]).exit_code == 0
