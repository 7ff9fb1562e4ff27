"""Runs of a source's words, and their fingerprints: how the tests tell a copied sentence.

The sources (shared/sources, beside the checkout) are never copied into the project, so
the tests carry only one-way fingerprints of their runs (tests/fixtures/source-runs.json,
made by ``python tests/source_runs.py ../shared/sources``) and look for those in the
project's files. Two kinds of run:

- ``hangul``: 24 characters of Korean text (Hangul syllables, spaces, commas, middle
  dots) with white space made single;
- ``words``: 8 words in a row, punctuation and quotation marks taken out (digits break
  the first kind, so fixtures are checked word by word too).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HANGUL_LENGTH = 24
WORDS_LENGTH = 8
FINGERPRINTS = Path(__file__).resolve().parent / "fixtures" / "source-runs.json"


def fingerprint(run: str) -> str:
    """A one-way fingerprint of *run*: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(run.encode("utf-8")).hexdigest()[:16]


def hangul_windows(text: str, *, step: int = 1) -> set[str]:
    """Every *HANGUL_LENGTH*-character window of the Korean runs of *text* (every *step*-th one)."""
    text = re.sub(r"\s+", " ", text)
    windows = set()
    for run in re.findall(rf"[가-힣][가-힣 ,·]{{{HANGUL_LENGTH - 1},}}", text):
        windows.update(run[i : i + HANGUL_LENGTH] for i in range(0, len(run) - HANGUL_LENGTH + 1, step))
    return windows


def words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", re.sub(r"[‘’“”'\"…·,.()]", " ", text)) if w]


def word_windows(text: str) -> set[str]:
    """Every run of *WORDS_LENGTH* words of *text*."""
    found = words(text)
    return {" ".join(found[i : i + WORDS_LENGTH]) for i in range(len(found) - WORDS_LENGTH + 1)}


def load_fingerprints() -> dict[str, set[str]]:
    data = json.loads(FINGERPRINTS.read_text(encoding="utf-8"))
    return {kind: set(data[kind]) for kind in ("hangul", "words")}


def main(sources: Path) -> None:
    """Write the fingerprints of every ``*.txt`` source in *sources* (run by hand when a source changes)."""
    hangul: set[str] = set()
    runs: set[str] = set()
    for source in sorted(sources.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        hangul.update(fingerprint(w) for w in hangul_windows(text))
        runs.update(fingerprint(w) for w in word_windows(text))
    data = {
        "sources": sorted(p.name for p in sources.glob("*.txt")),
        "hangul": sorted(hangul),
        "words": sorted(runs),
    }
    FINGERPRINTS.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
