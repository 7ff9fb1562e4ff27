"""The readable report of an ingest: known entities, candidates, dates and drafted facts.

Every line names its paragraph and offsets (``p6[0:3]``), so a curator can
check each finding against the text before accepting the draft.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from aigraph.ingest.lexicon import Lexicon
from aigraph.ingest.records import Candidate, DateMention, Fact, Mention
from aigraph.rdf.namespaces import local_name

_SLOT_ORDER = ("participant", "endorser", "post", "party", "event", "document", "role", "mode")


def _lang_label(lexicon: Lexicon, iri: str) -> str:
    en, ko = lexicon.label(iri, "en"), lexicon.label(iri, "ko")
    return en if en == ko else f"{ko} / {en}"


def known_section(mentions: Iterable[Mention], lexicon: Lexicon) -> list[str]:
    """Return the lines about known entities: one per entity, then its mentions.

    >>> from aigraph.ingest.records import Span
    >>> lex = Lexicon(labels={"https://w3id.org/aigraph/person/x": {"en": "X", "ko": "엑스"}})
    >>> x = "https://w3id.org/aigraph/person/x"
    >>> mention = Mention(Span(2, 0, 2), "엑스", x, "label-match", 0.9)
    >>> known_section([mention], lex)
    ['Known entities (1):', '  person/x  엑스 / X', '    p2[0:2] "엑스"  label-match 0.90']
    """
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_entity[m.entity].append(m)
    lines = [f"Known entities ({len(by_entity)}):"]
    for entity in sorted(by_entity, key=local_name):
        lines.append(f"  {local_name(entity)}  {_lang_label(lexicon, entity)}")
        lines += [
            f'    {m.span.locator} "{m.text}"  {m.method} {m.confidence:.2f}'
            for m in sorted(by_entity[entity])
        ]
    return lines


def candidate_section(candidates: Iterable[Candidate]) -> list[str]:
    """Return the lines about candidates: name, suggested class, where it occurs."""
    candidates = list(candidates)
    lines = [f"Candidates, unknown to the graph ({len(candidates)}):"]
    for c in candidates:
        hint = f" (looks like {local_name(c.suggested_class)})" if c.suggested_class else ""
        lines.append(
            f'  "{c.label}"{hint}  {c.method} {c.confidence:.2f}  '
            + ", ".join(s.locator for s in c.spans)
        )
    return lines


def date_section(dates: Iterable[DateMention]) -> list[str]:
    """Return the lines about dates: phrase, resolved value, where."""
    dates = list(dates)
    lines = [f"Dates ({len(dates)}):"]
    for d in dates:
        value = d.value or "(unresolved: no article date)"
        lines.append(f'  {d.span.locator} "{d.text}" -> {value}  date-rule {d.confidence:.2f}')
    return lines


def fact_section(facts: Iterable[Fact], lexicon: Lexicon) -> list[str]:
    """Return the lines about drafted facts: kind, slots, method, confidence, where."""
    facts = list(facts)
    lines = [f"Proposed facts, to review ({len(facts)}):"]
    for f in facts:
        lines.append(f"  {f.span.locator} {f.kind}  {f.method} {f.confidence:.2f}")
        for slot in _SLOT_ORDER:
            if slot in f.slots:
                lines.append(f"    {slot}: {_lang_label(lexicon, f.slots[slot])}")
        if f.title:
            lines.append(f"    title in the text: {f.title} (no known post)")
        if f.note:
            lines.append(f"    note: {f.note}")
    return lines


def render_report(
    *,
    header: list[str],
    mentions: Iterable[Mention],
    candidates: Iterable[Candidate],
    dates: Iterable[DateMention],
    facts: Iterable[Fact],
    lexicon: Lexicon,
) -> str:
    """Return the whole report: the header lines, then one section per kind of finding."""
    sections = [
        header,
        known_section(mentions, lexicon),
        candidate_section(candidates),
        date_section(dates),
        fact_section(facts, lexicon),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"
