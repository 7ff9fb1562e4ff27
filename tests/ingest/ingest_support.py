"""What the ingest tests share: the fixture articles (tests/fixtures/ingest/), the entities
the fixture project knows, where a phrase stands in a paragraph, and the articles ingested
once per test process.

Every expected mention, candidate, date and fact is read off the fixture text: offsets are
found with str.find on the paragraph, never copied from the program's output.
"""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset

from aigraph.ingest import ingest_file

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ARTICLES = FIXTURES / "articles"
KO = "summit.ko.txt"
EN = "summit.en.txt"
B = "https://w3id.org/aigraph/"
YOON, HARRIS, LEE = (
    B + "person/yoon-suk-yeol",
    B + "person/kamala-harris",
    B + "person/lee-jae-yong",
)
KOREA, US, UK = (
    B + "country/republic-of-korea",
    B + "country/united-states",
    B + "country/united-kingdom",
)
SAMSUNG, NAVER = B + "organization/samsung-electronics", B + "organization/naver"
SUMMIT, DECLARATION = B + "summit/ai-seoul-summit-2024", B + "document/seoul-declaration"
PRESIDENT = B + "post/president-of-the-republic-of-korea"
VICE_PRESIDENT = B + "post/vice-president-of-the-united-states"
CHAIRMAN = B + "post/chairman-of-samsung-electronics"


def make_root(base: Path) -> Path:
    """A project with the real ontology and the ingest fixture's known entities."""
    root = base / "project"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(FIXTURES / "data", root / "data")
    return root


@functools.cache
def ingested(name: str, base: Path):
    """The fixture article *name* ingested (not written) into a project under *base*, once per process."""
    root = base / "project"
    if not root.exists():
        make_root(base)
    return ingest_file(ARTICLES / name, root=root, write=False)


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    """A throw-away fixture project, free to change."""
    return make_root(tmp_path)


@pytest.fixture()
def ko(tmp_path_factory):
    """The Korean fixture article, ingested once per test process; tests must not change it."""
    return ingested(KO, tmp_path_factory.getbasetemp() / "ingest-shared")


@pytest.fixture()
def en(tmp_path_factory):
    """The English fixture article, ingested once per test process; tests must not change it."""
    return ingested(EN, tmp_path_factory.getbasetemp() / "ingest-shared")


def paragraphs(name: str) -> dict[int, str]:
    lines = [
        line for line in (ARTICLES / name).read_text(encoding="utf-8").split("\n") if line.strip()
    ]
    return dict(enumerate(lines, start=1))


def at(name: str, number: int, phrase: str, occurrence: int = 1) -> tuple[int, int, int]:
    """(paragraph, start, end) of the occurrence-th *phrase* in paragraph *number*."""
    text, start = paragraphs(name)[number], -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return number, start, start + len(phrase)


def has(dataset: Dataset, s=None, p=None, o=None) -> bool:
    """Whether any named graph of *dataset* holds a triple matching the pattern."""
    return next(iter(dataset.quads((s, p, o, None))), None) is not None


def found(result) -> set[tuple[tuple[int, int, int], str]]:
    return {((m.span.paragraph, m.span.start, m.span.end), m.entity) for m in result.mentions}
