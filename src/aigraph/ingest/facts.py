"""Draft facts where a sentence pairs known entities in a known pattern.

Two patterns, each a method in ``ontology/ingest/cues.ttl``:

- ``person-title-party``: a person named with a title and a state or
  organisation (카멀라 해리스 미국 부통령; Lee Jae-yong, chairman of Samsung
  Electronics) took part, for that party and with that post, in the event the
  sentence names, else the paragraph, else the event the article names most.
  Role and mode come from the cues of the role and mode concepts (주재 → chair,
  화상 → by video); the role is participant otherwise.
- ``adoption-pattern``: a sentence names a document, an adoption verb and
  people (or, failing people, states): each of them endorsed the document, for
  the party the person's title names.

A fact's confidence starts at its method's base confidence; an attendance verb
or an event in the sentence raises it, a negation near the verb lowers it.
"""

from __future__ import annotations

import re
from collections import Counter

from aigraph.ingest.lexicon import Lexicon
from aigraph.ingest.mentions import PersonTitle
from aigraph.ingest.records import Fact, Mention, Paragraph, Span
from aigraph.rdf.namespaces import BASE

#: The role a drafted participation gets when no role cue is in its sentence.
DEFAULT_ROLE = BASE + "role/participant"
#: How far (in characters) from a verb a negation still counts.
NEGATION_REACH = 12
_SENTENCE_END = re.compile(r"(?<=[.!?\u3002])[\"'\u201d\u2019)]*\s+")


def sentences(text: str, /) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans of the sentences of a paragraph.

    >>> text = "윤 대통령은 말했다. 해리스 부통령도 참석했다."
    >>> [text[s:e] for s, e in sentences(text)]
    ['윤 대통령은 말했다.', '해리스 부통령도 참석했다.']
    """
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return spans


def find_cue(sentence: str, cues: tuple[str, ...], lang: str) -> list[tuple[int, int]]:
    """Return where any of *cues* occurs: inside words in Korean, as whole words in English.

    >>> find_cue("He signed the Seoul Declaration.", ("sign", "signed"), "en")
    [(3, 9)]
    >>> find_cue("서울선언을 채택했다", ("채택",), "ko")
    [(6, 8)]
    """
    found = []
    for cue in cues:
        pattern = re.escape(cue) if lang == "ko" else r"(?<!\w)" + re.escape(cue) + r"(?!\w)"
        flags = 0 if lang == "ko" else re.IGNORECASE
        found += [(m.start(), m.end()) for m in re.finditer(pattern, sentence, flags)]
    return sorted(found)


class FactFinder:
    """Apply the fact patterns to one article's linked paragraphs."""

    def __init__(self, lexicon: Lexicon, lang: str, mentions: list[Mention]) -> None:
        self.lexicon = lexicon
        self.lang = lang
        self.mentions = [m for m in mentions if not m.candidate]
        # Looked up per paragraph: scanning every mention for every fact grows with the
        # square of the article's length.
        self._by_paragraph: dict[int, list[Mention]] = {}
        for m in self.mentions:
            self._by_paragraph.setdefault(m.span.paragraph, []).append(m)
        events = Counter(m.entity for m in self.mentions if lexicon.has_kind(m.entity, "event"))
        first = {m.entity: m.span for m in reversed(self.mentions)}
        self.main_event = min(events, key=lambda e: (-events[e], first[e])) if events else None

    def _cues(self, name: str) -> tuple[str, ...]:
        return self.lexicon.cues.get(name, {}).get(self.lang, ())

    def _in(self, span: Span, kind: str) -> list[Mention]:
        return [
            m
            for m in self._by_paragraph.get(span.paragraph, ())
            if span.start <= m.span.start
            and m.span.end <= span.end
            and self.lexicon.has_kind(m.entity, kind)
        ]

    def _negated(self, sentence: str, verbs: list[tuple[int, int]]) -> bool:
        negations = find_cue(sentence, self._cues("negation"), self.lang)
        if self.lang == "ko":
            return any(0 <= n[0] - v[1] <= NEGATION_REACH for v in verbs for n in negations)
        return any(0 <= v[0] - n[1] <= NEGATION_REACH for v in verbs for n in negations)

    def _concept(self, sentence: str, kind: str) -> str | None:
        prefix = BASE + kind + "/"
        hits = sorted(
            (
                c
                for c, cues in self.lexicon.concept_cues.items()
                if c.startswith(prefix) and find_cue(sentence, cues.get(self.lang, ()), self.lang)
            ),
            key=lambda c: -max(len(w) for w in self.lexicon.concept_cues[c].get(self.lang, ("",))),
        )
        return hits[0] if hits else None

    def participation(self, pair: PersonTitle, paragraph: Paragraph) -> Fact | None:
        """Draft a participation from a person-title pairing that names a party."""
        if pair.party is None:
            return None
        start, end = _sentence_of(paragraph.text, pair.span.start)
        sentence, here = paragraph.text[start:end], Span(paragraph.number, start, end)
        events = self._in(here, "event") or self._in(
            Span(paragraph.number, 0, len(paragraph.text)), "event"
        )
        event = events[0].entity if events else self.main_event
        attend = find_cue(sentence, self._cues("attendance"), self.lang)
        confidence = self.lexicon.methods["person-title-party"].confidence
        confidence += 0.1 * bool(attend and not self._negated(sentence, attend)) + 0.1 * bool(
            self._in(here, "event")
        )
        confidence -= 0.3 * self._negated(sentence, attend)
        slots = {
            "participant": pair.person,
            "party": pair.party,
            "role": self._concept(sentence, "role") or DEFAULT_ROLE,
        }
        for name, value in (
            ("event", event),
            ("post", pair.post),
            ("mode", self._concept(sentence, "mode")),
        ):
            if value:
                slots[name] = value
        note = None if event else "no event named: add aig:event before accepting"
        return Fact(
            "participation",
            here,
            "person-title-party",
            _clamp(confidence),
            slots,
            title=None if pair.post else pair.title,
            note=note,
        )

    def endorsements(self, paragraph: Paragraph, pairs: list[PersonTitle]) -> list[Fact]:
        """Draft endorsements from the sentences naming a document and an adoption verb."""
        facts = []
        for start, end in sentences(paragraph.text):
            here, sentence = Span(paragraph.number, start, end), paragraph.text[start:end]
            documents = sorted({m.entity for m in self._in(here, "document")})
            verbs = find_cue(sentence, self._cues("adoption"), self.lang)
            if not documents or not verbs:
                continue
            people = [m.entity for m in self._in(here, "person")]
            actors = list(dict.fromkeys(people or [m.entity for m in self._in(here, "polity")]))
            parties = _parties(pairs, paragraph.number, start, end)
            base = self.lexicon.methods["adoption-pattern"].confidence
            confidence = _clamp(base - 0.3 * self._negated(sentence, verbs))
            for actor in actors:
                for document in documents:
                    slots = {"endorser": actor, "document": document}
                    if parties.get(actor):
                        slots["party"] = parties[actor]
                    facts.append(Fact("endorsement", here, "adoption-pattern", confidence, slots))
        return facts


def _parties(pairs: list[PersonTitle], number: int, start: int, end: int) -> dict[str, str]:
    """Return each person's party: from a title in the sentence, paragraph, else article."""

    def rank(p: PersonTitle) -> tuple[int, Span]:
        in_sentence = p.span.paragraph == number and start <= p.span.start < end
        return (0 if in_sentence else 1 if p.span.paragraph == number else 2), p.span

    parties: dict[str, str] = {}
    for pair in sorted((p for p in pairs if p.party), key=rank):
        parties.setdefault(pair.person, pair.party)  # type: ignore[arg-type]
    return parties


def _sentence_of(text: str, offset: int) -> tuple[int, int]:
    return next(((s, e) for s, e in sentences(text) if s <= offset < e), (0, len(text)))


def _clamp(value: float) -> float:
    return round(min(0.95, max(0.05, value)), 2)


def draft_facts(
    paragraphs: tuple[Paragraph, ...],
    mentions: list[Mention],
    pairs: list[PersonTitle],
    lexicon: Lexicon,
    lang: str,
) -> list[Fact]:
    """Return an article's drafted facts: one per participant and event or endorser and document."""
    finder = FactFinder(lexicon, lang, mentions)
    by_number = {p.number: p for p in paragraphs}
    facts: list[Fact] = []
    for pair in pairs:
        fact = finder.participation(pair, by_number[pair.span.paragraph])
        if fact is not None:
            facts.append(fact)
    for paragraph in paragraphs:
        facts += finder.endorsements(paragraph, pairs)
    seen, unique = set(), []
    # The surest of the same fact wins; the earliest among equals.
    for fact in sorted(facts, key=lambda f: (-f.confidence, f.span)):
        key = (
            fact.kind,
            fact.slots.get("participant") or fact.slots.get("endorser"),
            fact.slots.get("event") or fact.slots.get("document"),
        )
        if key not in seen:
            seen.add(key)
            unique.append(fact)
    return sorted(unique, key=lambda f: (f.span, f.kind, sorted(f.slots.items())))
