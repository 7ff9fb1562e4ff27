"""Korean text (aigraph.ingest.korean): labels found through particles, nested names, surnames, titles.

Expected mentions, candidates, dates and facts are read off the fixture articles
(tests/fixtures/ingest/) with str.find, never copied from the program's output.
"""

from __future__ import annotations

from ingest_support import (  # noqa: F401 (fixtures: ko)
    CHAIRMAN,
    DECLARATION,
    HARRIS,
    KO,
    KOREA,
    LEE,
    NAVER,
    PRESIDENT,
    SAMSUNG,
    SUMMIT,
    UK,
    US,
    VICE_PRESIDENT,
    YOON,
    at,
    found,
    ko,
)


def test_korean_labels_are_found_through_particles(ko):
    expected = {
        (at(KO, 1, "서울선언"), DECLARATION),
        (at(KO, 1, "AI 서울 정상회의"), SUMMIT),
        (at(KO, 3, "윤석열"), YOON),
        (at(KO, 3, "영국"), UK),
        (at(KO, 3, "AI 서울 정상회의"), SUMMIT),  # 정상회의를
        (at(KO, 4, "대한민국"), KOREA),  # 대한민국이
        (at(KO, 5, "카멀라 해리스"), HARRIS),
        (at(KO, 5, "미국 부통령"), VICE_PRESIDENT),  # 부통령은
        (at(KO, 5, "영국"), UK),  # 영국에서
        (at(KO, 6, "미국"), US),
        (at(KO, 6, "서울선언"), DECLARATION),  # 서울선언에서
        (at(KO, 6, "서울선언", 2), DECLARATION),  # 서울선언을
        (at(KO, 8, "삼성전자"), SAMSUNG),
        (at(KO, 8, "이재용"), LEE),
        (at(KO, 8, "네이버"), NAVER),  # 네이버 관계자들도
    }
    assert expected <= found(ko)


def test_korean_nested_names(ko):
    # 미국 inside the post 미국 부통령 counts (the post is a post of the US) ...
    assert (at(KO, 5, "미국"), US) in found(ko)
    # ... but 서울 inside AI 서울 정상회의 names no place of its own.
    assert not any(m.text == "서울" for m in ko.mentions)


def test_korean_surname_after_full_name(ko):
    assert (at(KO, 4, "윤"), YOON) in found(ko)  # 윤 대통령은
    assert (at(KO, 6, "해리스"), HARRIS) in found(ko)  # 해리스 부통령은
    methods = {m.text: m.method for m in ko.mentions if m.entity in (YOON, HARRIS)}
    assert methods["윤"] == methods["해리스"] == "short-name"


def test_korean_titles_name_posts(ko):
    assert (at(KO, 3, "대통령"), PRESIDENT) in found(ko)  # 윤석열 대통령: the post Yoon holds
    assert (at(KO, 4, "대통령"), PRESIDENT) in found(ko)  # 윤 대통령
    assert (at(KO, 6, "부통령"), VICE_PRESIDENT) in found(ko)  # 해리스 부통령
    assert (at(KO, 8, "회장"), CHAIRMAN) in found(ko)  # 삼성전자 이재용 회장
