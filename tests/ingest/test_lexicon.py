"""The vocabulary the matcher knows (aigraph.ingest.lexicon): concepts named in the text.

Expected mentions, candidates, dates and facts are read off the fixture articles
(tests/fixtures/ingest/) with str.find, never copied from the program's output.
"""

from __future__ import annotations

from ingest_support import KO, B, at, found, ko  # noqa: F401 (fixtures: ko)


def test_korean_vocabulary_concepts(ko):
    assert (at(KO, 4, "안전"), B + "principle/safety") in found(ko)
    assert (at(KO, 4, "혁신"), B + "principle/innovation") in found(ko)
    assert (at(KO, 3, "화상"), B + "mode/video") in found(ko)
    assert (at(KO, 3, "이끌"), B + "role/chair") in found(ko)  # a cue word of the role
