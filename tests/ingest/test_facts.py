"""Facts (aigraph.ingest.facts): participations, adoptions and posts read from the article.

Expected mentions, candidates, dates and facts are read off the fixture articles
(tests/fixtures/ingest/) with str.find, never copied from the program's output.
"""

from __future__ import annotations

from ingest_support import (  # noqa: F401 (fixtures: ko, en)
    CHAIRMAN,
    DECLARATION,
    HARRIS,
    KOREA,
    LEE,
    PRESIDENT,
    SAMSUNG,
    SUMMIT,
    US,
    VICE_PRESIDENT,
    YOON,
    B,
    en,
    ko,
)


def test_korean_facts(ko):
    facts = {(f.kind, f.span.paragraph): f.slots for f in ko.facts}
    assert facts[("participation", 3)] == {
        "participant": YOON,
        "party": KOREA,
        "post": PRESIDENT,
        "event": SUMMIT,
        "role": B + "role/chair",
        "mode": B + "mode/video",
    }
    assert facts[("participation", 5)] == {
        "participant": HARRIS,
        "party": US,
        "post": VICE_PRESIDENT,
        "event": SUMMIT,
        "role": B + "role/participant",
    }
    assert facts[("endorsement", 6)] == {"endorser": HARRIS, "party": US, "document": DECLARATION}
    assert facts[("participation", 8)]["post"] == CHAIRMAN
    assert facts[("participation", 8)]["party"] == SAMSUNG
    assert len(ko.facts) == 4  # 윤 대통령 (p4) and 해리스 부통령 (p6) repeat facts already drafted


def test_english_facts(en):
    facts = {(f.kind, f.span.paragraph): f.slots for f in en.facts}
    assert facts[("participation", 3)]["role"] == B + "role/chair"  # co-chaired
    assert facts[("participation", 3)]["mode"] == B + "mode/video"  # by video
    assert facts[("participation", 5)]["post"] == VICE_PRESIDENT
    assert facts[("endorsement", 5)] == {
        "endorser": HARRIS,
        "party": US,
        "document": DECLARATION,
    }  # signed
    assert facts[("participation", 6)]["participant"] == LEE
    assert len(en.facts) == 4
