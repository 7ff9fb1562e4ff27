"""Link the phrases of an article to the graph's entities.

Three passes, each a method in ``ontology/ingest/cues.ttl``:

1. ``label-match``: labels and aliases found whole (see :mod:`aigraph.ingest.matcher`).
   A label inside a longer one is dropped (서울 in AI 서울 정상회의) unless the
   longer one's entity links to it along a property marked ``aig:nestsName``
   (영국 in the post 영국 총리). ``cue-match``: the cue words of role and mode
   concepts name them too (주재 → chair).
2. ``short-name``: a part of a person's name alone (해리스, Harris, 윤 before a
   title) stands for the person when the article names the person in full.
3. ``title-post``: a person next to a title (and a state or organisation) names
   the post of that title: 윤 대통령, 영국 수낵 총리, President Yoon ... of the
   Republic of Korea. These pairings also feed the drafted facts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from aigraph.ingest.lexicon import Lexicon
from aigraph.ingest.matcher import PhraseIndex, TextView, remove_nested
from aigraph.ingest.records import Mention, Span

#: Less sure when the short name comes before the full name (a headline).
EARLY_SHORT_NAME_PENALTY = 0.2

_GAPS = {
    "ws": re.compile(r"\s+"),
    "of": re.compile(r"\s+of(?:\s+the)?\s+"),
    "comma": re.compile(r",\s+(?:the\s+)?"),
    "poss": re.compile(r"(?:'s|\u2019s)?\s+"),
}
#: Person-title patterns: the kinds of neighbouring phrases and the gaps between them.
_PATTERNS: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {
    "ko": (
        (("person", "party", "title"), ("ws", "ws")),
        (("party", "person", "title"), ("ws", "ws")),
        (("person", "post"), ("ws",)),
        (("person", "title"), ("ws",)),
    ),
    "en": (
        (("party", "title", "person"), ("poss", "ws")),
        (("title", "person", "party"), ("ws", "of")),
        (("person", "title", "party"), ("comma", "of")),
        (("person", "party", "title"), ("comma", "ws")),
        (("person", "post"), ("comma",)),
        (("post", "person"), ("ws",)),
        (("title", "person"), ("ws",)),
        (("person", "title"), ("comma",)),
    ),
}


@dataclass(frozen=True)
class PersonTitle:
    """A person named with a title, and the party and post that title points to."""

    span: Span
    person: str
    title: str | None
    party: str | None
    post: str | None


@dataclass(frozen=True)
class _Item:
    start: int
    end: int
    kind: str
    value: str


class Linker:
    """Find known entities in the paragraphs of one article."""

    def __init__(self, lexicon: Lexicon, lang: str) -> None:
        self.lexicon = lexicon
        self.lang = lang
        self.names = PhraseIndex(lexicon.names, lang)
        self.cues = PhraseIndex(
            [
                (cue, concept)
                for concept, cues in lexicon.concept_cues.items()
                for cue in cues.get(lang, ())
            ],
            lang,
        )
        self.titles = PhraseIndex([(t, t) for t in lexicon.titles(lang)], lang)
        self.shorts = PhraseIndex([(s, s) for s, _e, _t in lexicon.short_names], lang)
        self.short_people: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        for short, entity, needs_title in lexicon.short_names:
            self.short_people[short].append((entity, needs_title))

    def _confidence(self, method: str) -> float:
        return self.lexicon.methods[method].confidence

    def label_mentions(self, number: int, view: TextView) -> list[Mention]:
        """Return the label matches of one paragraph, nested ones dropped unless linked."""
        spans = remove_nested(self.names.find(view), keep=self.lexicon.reachable)
        share: defaultdict[tuple[int, int], int] = defaultdict(int)
        for start, end, _entity in spans:
            share[(start, end)] += 1
        base = self._confidence("label-match")
        found = [
            Mention(
                Span(number, s, e),
                view.text[s:e],
                entity,
                "label-match",
                round(base / share[(s, e)], 2),
            )
            for s, e, entity in spans
        ]
        named = {(m.span.start, m.span.end, m.entity) for m in found}
        cue = self._confidence("cue-match")
        found += [
            Mention(Span(number, s, e), view.text[s:e], concept, "cue-match", cue)
            for s, e, concept in remove_nested(self.cues.find(view))
            if not any(s2 <= s and e <= e2 and c == concept for s2, e2, c in named)
        ]
        return found

    def title_spans(self, view: TextView) -> list[tuple[int, int, str]]:
        """Return the title words of one paragraph (the longest where they nest), one per span."""
        by_span: dict[tuple[int, int], str] = {}
        for start, end, title in remove_nested(self.titles.find(view)):
            by_span.setdefault((start, end), title)
        return [(s, e, t) for (s, e), t in sorted(by_span.items())]

    def short_mentions(
        self, number: int, view: TextView, taken: list[Mention], full: dict[str, list[Span]]
    ) -> list[Mention]:
        """Return short names of people whom the article names in full somewhere."""
        titles = {start for start, _end, _t in self.title_spans(view)}
        found = []
        for start, end, short in remove_nested(self.shorts.find(view)):
            if any(m.span.start < end and start < m.span.end for m in taken):
                continue
            next_word = len(view.text[end:]) - len(view.text[end:].lstrip()) + end
            people = [
                person
                for person, needs_title in self.short_people[short]
                if person in full and (not needs_title or next_word in titles)
            ]
            chosen = _nearest(people, Span(number, start, end), full)
            if chosen is not None:
                person, before = chosen
                confidence = self._confidence("short-name") - (
                    0 if before else EARLY_SHORT_NAME_PENALTY
                )
                found.append(
                    Mention(
                        Span(number, start, end),
                        view.text[start:end],
                        person,
                        "short-name",
                        round(confidence, 2),
                    )
                )
        return found

    def person_titles(
        self, number: int, view: TextView, mentions: list[Mention]
    ) -> tuple[list[PersonTitle], list[Mention]]:
        """Pair people with titles and parties; return the pairings and the posts they name."""
        items = self._items(view, mentions)
        pairs, used = [], set()
        for kinds, gaps in _PATTERNS[self.lang]:
            for i in range(len(items) - len(kinds) + 1):
                window = items[i : i + len(kinds)]
                if tuple(it.kind for it in window) != kinds or not _gaps_fit(
                    view.text, window, gaps
                ):
                    continue
                person = next(it for it in window if it.kind == "person")
                if (person.start, person.end) in used:
                    continue
                used.add((person.start, person.end))
                pairs.append(self._resolve(number, window))
        posts = [
            Mention(
                Span(number, *title_span),
                view.text[slice(*title_span)],
                pair.post,
                "title-post",
                self._confidence("title-post"),
            )
            for pair, title_span in pairs
            if pair.post
            and title_span
            and not any(m.entity == pair.post for m in mentions if m.span.paragraph == number)
        ]
        return [pair for pair, _t in pairs], posts

    def _items(self, view: TextView, mentions: list[Mention]) -> list[_Item]:
        items = [_Item(s, e, "title", t) for s, e, t in self.title_spans(view)]
        for m in mentions:
            kind = next(
                (k for k in ("person", "post", "party") if self.lexicon.has_kind(m.entity, k)), None
            )
            if kind:
                items.append(_Item(m.span.start, m.span.end, kind, m.entity))
        # An item inside another (영국 in 영국 총리, 총리 in 영국 총리) is part of it.
        outer = [
            it
            for it in items
            if not any(
                o is not it
                and o.start <= it.start
                and it.end <= o.end
                and (o.end - o.start) > (it.end - it.start)
                for o in items
            )
        ]
        return sorted(outer, key=lambda it: (it.start, -it.end, it.kind))

    def _resolve(
        self, number: int, window: list[_Item]
    ) -> tuple[PersonTitle, tuple[int, int] | None]:
        by_kind = {it.kind: it for it in window}
        person = by_kind["person"].value
        title = by_kind.get("title")
        party = by_kind["party"].value if "party" in by_kind else None
        post = by_kind["post"].value if "post" in by_kind else None
        if post is None and title is not None:
            post = (
                self.lexicon.post_for(party, title.value)
                if party
                else self.lexicon.held_post(person, title.value)
            )
        if party is None and post is not None:
            party = self.lexicon.post_party.get(post)
        span = Span(number, window[0].start, window[-1].end)
        pair = PersonTitle(span, person, title.value if title else None, party, post)
        return pair, ((title.start, title.end) if title and "post" not in by_kind else None)


def _gaps_fit(text: str, window: list[_Item], gaps: tuple[str, ...]) -> bool:
    return all(
        _GAPS[gap].fullmatch(text[left.end : right.start]) is not None
        for gap, left, right in zip(gaps, window, window[1:], strict=False)
    )


def _nearest(people: list[str], at: Span, full: dict[str, list[Span]]) -> tuple[str, bool] | None:
    """Pick the person whose full name came last before *at*, else the first after it."""
    before = [
        (max(s for s in full[p] if s < at), p) for p in people if any(s < at for s in full[p])
    ]
    if before:
        return max(before)[1], True
    after = [(min(full[p]), p) for p in people]
    return (min(after)[1], False) if after else None


def link_paragraphs(
    views: dict[int, TextView], linker: Linker
) -> tuple[list[Mention], list[PersonTitle]]:
    """Return the known-entity mentions and person-title pairings of an article's paragraphs.

    :param views: paragraph number → its :class:`TextView`.
    """
    lexicon = linker.lexicon
    labelled = {n: linker.label_mentions(n, view) for n, view in views.items()}
    full: dict[str, list[Span]] = defaultdict(list)
    for found in labelled.values():
        for m in found:
            if lexicon.has_kind(m.entity, "person"):
                full[m.entity].append(m.span)
    mentions: list[Mention] = []
    pairs: list[PersonTitle] = []
    for n, view in views.items():
        found = labelled[n] + linker.short_mentions(n, view, labelled[n], full)
        paired, posts = linker.person_titles(n, view, found)
        mentions += found + posts
        pairs += paired
    return sorted(mentions), pairs
