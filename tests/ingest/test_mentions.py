"""Mentions (aigraph.ingest.mentions): where the article names a known entity.

Expected mentions, candidates, dates and facts are read off the fixture articles
(tests/fixtures/ingest/) with str.find, never copied from the program's output.
"""

from __future__ import annotations

from ingest_support import (  # noqa: F401 (fixtures: en)
    CHAIRMAN,
    DECLARATION,
    EN,
    HARRIS,
    KOREA,
    LEE,
    PRESIDENT,
    SAMSUNG,
    SUMMIT,
    UK,
    US,
    VICE_PRESIDENT,
    YOON,
    at,
    en,
    found,
)


def test_english_mentions(en):
    expected = {
        (at(EN, 1, "Seoul Declaration"), DECLARATION),
        (at(EN, 3, "President"), PRESIDENT),  # President Yoon Suk Yeol of the Republic of Korea
        (at(EN, 3, "Yoon Suk Yeol"), YOON),
        (at(EN, 3, "Republic of Korea"), KOREA),
        (at(EN, 3, "United Kingdom"), UK),
        (at(EN, 3, "AI Seoul Summit"), SUMMIT),
        (at(EN, 4, "Yoon"), YOON),  # surname alone after the full name
        (at(EN, 5, "US"), US),
        (at(EN, 5, "Vice President"), VICE_PRESIDENT),
        (at(EN, 5, "Kamala Harris"), HARRIS),
        (at(EN, 5, "Harris", 2), HARRIS),
        (at(EN, 5, "United States"), US),
        (at(EN, 6, "Lee Jae-yong"), LEE),
        (at(EN, 6, "chairman of Samsung Electronics"), CHAIRMAN),
        (at(EN, 6, "Samsung Electronics"), SAMSUNG),
    }
    assert expected <= found(en)
    # "Korea", an alias, is inside "Republic of Korea" and is not a second mention.
    assert not any(m.text == "Korea" for m in en.mentions)
