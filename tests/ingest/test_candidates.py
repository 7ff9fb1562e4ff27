"""Candidates (aigraph.ingest.candidates): names the graph does not know yet.

Expected mentions, candidates, dates and facts are read off the fixture articles
(tests/fixtures/ingest/) with str.find, never copied from the program's output.
"""

from __future__ import annotations

from pathlib import Path

from ingest_support import EN, HARRIS, KO, at, en, ko, root  # noqa: F401 (fixtures: root, ko, en)

from aigraph.ingest import ingest_file


def test_korean_candidates(ko):
    candidates = {c.label: [(s.paragraph, s.start, s.end) for s in c.spans] for c in ko.candidates}
    assert candidates == {
        "리시 수낵": [at(KO, 3, "리시 수낵")],
        "에마뉘엘 마크롱": [at(KO, 7, "에마뉘엘 마크롱")],
        "프랑스": [at(KO, 7, "프랑스")],
        "한빛AI재단": [at(KO, 7, "한빛AI재단")],
    }
    org_like = {
        c.label for c in ko.candidates if c.suggested_class == "https://schema.org/Organization"
    }
    assert org_like == {"한빛AI재단"}


def test_english_candidates(en):
    candidates = {c.label: [(s.paragraph, s.start, s.end) for s in c.spans] for c in en.candidates}
    assert candidates == {
        "Rishi Sunak": [at(EN, 3, "Rishi Sunak")],
        "Bletchley Park": [at(EN, 4, "Bletchley Park")],
        "Justin Trudeau": [at(EN, 6, "Justin Trudeau")],
        "Canada": [at(EN, 6, "Canada")],
        "France": [at(EN, 7, "France")],
    }


def test_surname_alone_without_the_full_name_is_a_candidate(root: Path, tmp_path: Path):
    article = tmp_path / "harris.txt"
    article.write_text(
        "The Seoul Declaration was welcomed by Harris in a short speech.\n", encoding="utf-8"
    )
    result = ingest_file(article, root=root, write=False)
    assert HARRIS not in {m.entity for m in result.mentions}
    assert [c.label for c in result.candidates] == ["Harris"]
