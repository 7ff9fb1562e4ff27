"""Dates (aigraph.ingest.temporal): dates in the article resolved against its own date.

Expected mentions, candidates, dates and facts are read off the fixture articles
(tests/fixtures/ingest/) with str.find, never copied from the program's output.
"""

from __future__ import annotations

from ingest_support import EN, KO, at, en, ko  # noqa: F401 (fixtures: ko, en)


def test_korean_dates(ko):
    assert [((d.span.paragraph, d.span.start, d.span.end), d.value) for d in ko.dates] == [
        (at(KO, 2, "2024년 5월 22일"), "2024-05-22"),
        (at(KO, 3, "지난 21일"), "2024-05-21"),
        (at(KO, 4, "이날"), "2024-05-21"),  # the day last named
        (at(KO, 5, "지난해 11월"), "2023-11"),
    ]


def test_english_dates(en):
    assert [((d.span.paragraph, d.span.start, d.span.end), d.value) for d in en.dates] == [
        (at(EN, 2, "22 May 2024"), "2024-05-22"),
        (at(EN, 3, "on Tuesday"), "2024-05-21"),  # 22 May 2024 was a Wednesday
        (at(EN, 4, "last November"), "2023-11"),
        (at(EN, 7, "February 2025"), "2025-02"),
    ]
