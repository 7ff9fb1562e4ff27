"""Names in an article that match nothing the graph knows: candidate entities.

Korean: runs of proper nouns as Kiwi tags them (NNP), with Latin letters,
digits and an organisation suffix (재단, 연구소, ...) attached; a run of several
words right before a title is split before its last word, since Korean writes
"name state title" (에마뉘엘 마크롱 프랑스 대통령). English: runs of capitalised
words (with of, the, for, and, de inside), less the words that open sentences
(The, On, ...), titles and dates. Phrases already linked, titles and dates are
never candidates. The same name found twice is one candidate with two spans.
"""

from __future__ import annotations

import re
from collections import defaultdict

from aigraph.ingest.lexicon import Lexicon
from aigraph.ingest.matcher import TextView
from aigraph.ingest.records import Candidate, Span

#: Lower-case words that may sit inside an English name (Bank of England).
CONNECTORS = frozenset({"of", "the", "for", "and", "de", "du", "la", "von", "van", "der", "&"})
_WORD = re.compile(r"[\w&][\w'\u2019\-&]*(?:\.\w+)*")
_SENTENCE_START = re.compile(r"(^|[.!?:;\"\u201c\u2018(]\s*)$")
_ORGANIZATION = "https://schema.org/Organization"


def _covered(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def korean_runs(
    view: TextView, taken: list[tuple[int, int]], lexicon: Lexicon, titles: set[int]
) -> list[tuple[int, int, bool]]:
    """Return ``(start, end, organisation-like)`` for each proper-noun run not already linked.

    :param titles: where the paragraph's title words start.
    """
    suffixes = set(lexicon.cues.get("organisation-suffix", {}).get("ko", ()))
    not_names = set(lexicon.cues.get("not-a-name", {}).get("en", ()))
    morphs = [m for m in view.morphemes if not _covered(m.start, m.end, taken)]
    runs: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(morphs):
        first = morphs[i]
        acronym = (
            first.tag == "SL"
            and sum(c.isupper() for c in first.form) >= 2
            and first.form not in not_names
        )
        if first.tag != "NNP" and not acronym:
            i += 1
            continue
        groups, j = [[first]], i + 1
        while j < len(morphs):
            prev, nxt = morphs[j - 1], morphs[j]
            gap = view.text[prev.end : nxt.start]
            attached = gap == "" and (nxt.tag in ("NNP", "SL", "SN") or nxt.form in suffixes)
            spaced = gap.isspace() and (nxt.tag == "NNP" or nxt.form in suffixes)
            if not (attached or spaced) or _covered(prev.end, nxt.start, taken):
                break
            if spaced:
                groups.append([])
            groups[-1].append(nxt)
            j += 1
        after = next((m for m in view.morphemes if m.start >= groups[-1][-1].end), None)
        if len(groups) > 1 and after is not None and after.start in titles:
            runs.append((groups[-1][0].start, groups[-1][-1].end, False))
            groups = groups[:-1]
        runs.append((groups[0][0].start, groups[-1][-1].end, groups[-1][-1].form in suffixes))
        i = j
    return sorted(r for r in runs if r[1] - r[0] >= 2)


def english_runs(
    view: TextView, taken: list[tuple[int, int]], lexicon: Lexicon, capitalised: set[str]
) -> list[tuple[int, int, bool]]:
    """Return ``(start, end, organisation-like)`` for each capitalised run not already linked.

    :param capitalised: words seen capitalised inside a sentence somewhere in the
        article; a lone capitalised word opening a sentence is a candidate only then.
    """
    text = view.text
    not_names = set(lexicon.cues.get("not-a-name", {}).get("en", ()))
    suffixes = set(lexicon.cues.get("organisation-suffix", {}).get("en", ()))
    words = [
        (m.start(), m.end())
        for m in _WORD.finditer(text)
        if not _covered(m.start(), m.end(), taken)
    ]
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in [*words, (len(text) + 1, len(text) + 1)]:
        word = text[start:end]
        joined = current and text[current[-1][1] : start] == " "
        if current and not joined:
            runs.append(current)
            current = []
        if _is_capitalised(word) or (current and word in CONNECTORS):
            current.append((start, end))
        elif current:
            runs.append(current)
            current = []
    found = []
    for run in runs:
        while run and (text[slice(*run[-1])] in CONNECTORS):
            run = run[:-1]
        while run and (text[slice(*run[0])] in not_names or text[slice(*run[0])] in CONNECTORS):
            run = run[1:]
        if not run:
            continue
        start, end = run[0][0], _strip_possessive(text, run[-1][1])
        first = text[start : run[0][1]]
        opens = _SENTENCE_START.search(text[:start]) is not None
        if len(run) == 1 and opens and first not in capitalised:
            continue
        found.append((start, end, text[slice(*run[-1])] in suffixes))
    return found


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1].islower() and any(c.isupper() for c in word[1:]))


def _strip_possessive(text: str, end: int) -> int:
    for suffix in ("'s", "\u2019s"):
        if text[:end].endswith(suffix):
            return end - len(suffix)
    return end


def inner_capitalised(texts: list[str]) -> set[str]:
    """Return the words that appear capitalised somewhere other than at a sentence's start.

    >>> sorted(inner_capitalised(["The talks. Harris spoke with Trudeau."]))
    ['Trudeau']
    """
    seen = set()
    for text in texts:
        for m in _WORD.finditer(text):
            if _is_capitalised(m.group(0)) and not _SENTENCE_START.search(text[: m.start()]):
                seen.add(m.group(0))
    return seen


def collect_candidates(
    views: dict[int, TextView],
    taken: dict[int, list[tuple[int, int]]],
    lexicon: Lexicon,
    lang: str,
    titles: dict[int, set[int]],
) -> list[Candidate]:
    """Return the article's candidates, each with every span where its name occurs.

    :param taken: paragraph number → spans already explained (mentions, titles, dates).
    :param titles: paragraph number → where its title words start.
    """
    method = "kiwi-nnp" if lang == "ko" else "capitalised-run"
    capitalised = inner_capitalised([v.text for v in views.values()]) if lang == "en" else set()
    spans: dict[str, list[Span]] = defaultdict(list)
    labels: dict[str, str] = {}
    organisation: dict[str, bool] = {}
    for number, view in sorted(views.items()):
        if lang == "ko":
            runs = korean_runs(view, taken.get(number, []), lexicon, titles.get(number, set()))
        else:
            runs = english_runs(view, taken.get(number, []), lexicon, capitalised)
        for start, end, org_like in runs:
            name = view.text[start:end]
            key = " ".join(name.split()).casefold()
            labels.setdefault(key, name)
            organisation[key] = organisation.get(key, False) or org_like
            spans[key].append(Span(number, start, end))
    confidence = lexicon.methods[method].confidence
    return [
        Candidate(
            labels[key],
            method,
            confidence,
            tuple(spans[key]),
            _ORGANIZATION if organisation[key] else None,
        )
        for key in sorted(spans, key=lambda k: (spans[k][0], k))
    ]
