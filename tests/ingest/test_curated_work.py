"""Issue 11, cases 1 and 4 and the ingest items of 8: a curator's work is never lost,
and a reviewed draft with a script address or a stray triple is refused, not rewritten."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from aigraph.cli.commands import cli
from aigraph.errors import IngestError
from aigraph.ingest import accept_draft, ingest_file

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ARTICLE = FIXTURES / "articles" / "summit.en.txt"
B = "https://w3id.org/aigraph/"
EDIT = "# reviewed by a curator\n"


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(FIXTURES / "data", root / "data")
    return root


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def draft_of(root: Path) -> Path:
    return ingest_file(ARTICLE, root=root, title="t", publisher="Example Daily", date="2024-05-22").dest


def test_ingest_never_overwrites_a_reviewed_draft(root: Path):
    draft = draft_of(root)
    reviewed = draft.read_text(encoding="utf-8") + EDIT
    draft.write_text(reviewed, encoding="utf-8")
    result = run("ingest", str(ARTICLE), "--root", str(root), "--title", "t")
    assert result.exit_code == 2
    assert "exists already" in result.output and "--force" in result.output
    assert draft.read_text(encoding="utf-8") == reviewed


def test_ingest_o_never_overwrites_a_curated_file(root: Path):
    curated = root / "data" / "known.trig"
    before = curated.read_bytes()
    result = run("ingest", str(ARTICLE), "--root", str(root), "-o", str(curated))
    assert result.exit_code == 2 and "exists already" in result.output
    assert curated.read_bytes() == before


def test_force_replaces_the_draft(root: Path):
    draft = draft_of(root)
    draft.write_text(EDIT, encoding="utf-8")
    result = run("ingest", str(ARTICLE), "--root", str(root), "--title", "t", "--force")
    assert result.exit_code == 0, result.output
    assert EDIT not in draft.read_text(encoding="utf-8")


def test_accept_refuses_a_script_address_naming_the_draft_and_line(root: Path):
    draft = draft_of(root)
    text = draft.read_text(encoding="utf-8")
    text += f"\n<{B}source/summit> {{\n    <{B}person/kamala-harris> <https://schema.org/url> <javascript:alert(1)> .\n}}\n"
    draft.write_text(text, encoding="utf-8")
    line = len(text.splitlines()) - 1
    with pytest.raises(IngestError, match="would not conform") as info:
        accept_draft(draft, root=root)
    assert f"{draft}:{line}:" in str(info.value)
    assert "an address must be an http: or https: IRI" in str(info.value)
    assert not (root / "data" / "summit.trig").exists()


def test_accept_refuses_triples_outside_the_source_graph(root: Path):
    draft = draft_of(root)
    text = draft.read_text(encoding="utf-8")
    text += f"\n<{B}person/kamala-harris> <{B}ontology#note> \"outside any graph\" .\n"
    draft.write_text(text, encoding="utf-8")
    result = run("ingest", "--accept", str(draft), "--root", str(root))
    assert result.exit_code == 2
    assert f"{draft}:{len(text.splitlines())}:" in result.output
    assert "outside the source's graph" in result.output
    assert not (root / "data" / "summit.trig").exists()


def test_ingest_refuses_an_article_over_the_size_limit(root: Path, tmp_path: Path):
    from aigraph.ingest.text import MAX_ARTICLE_BYTES

    big = tmp_path / "huge.en.txt"
    line = ARTICLE.read_text(encoding="utf-8").splitlines()[0] + "\n"
    big.write_text(line * (MAX_ARTICLE_BYTES // len(line.encode()) + 1), encoding="utf-8")
    assert big.stat().st_size > MAX_ARTICLE_BYTES
    result = run("ingest", str(big), "--root", str(root))
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"Error: {big}: the article is larger than 1 MB, the most ingest reads (a news article is "
        "rarely over 100 KB): split it, or ingest the part to curate"
    ]
    assert not (root / "data" / "drafts").exists()


def test_ingest_warns_when_the_text_is_not_in_the_language_given(root: Path):
    result = run("ingest", str(ARTICLE), "--root", str(root), "--lang", "ko")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == (
        "warning: the text looks English but is read as Korean (--lang ko); entities and facts "
        "are found in the language read: give --lang en or --lang auto"
    )
    plain = run("ingest", str(ARTICLE), "--root", str(root), "--lang", "en", "--force")
    assert "warning:" not in plain.output
