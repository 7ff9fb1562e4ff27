"""The records that ingest finds in an article: paragraphs, mentions, dates, candidates, facts.

Every record points to its paragraph (numbered as ``shared/sources/README.md``
numbers them: paragraph N is the N-th non-empty line) and to a span of that
paragraph's text by character offsets (Unicode code points, start inclusive,
end exclusive), so ``paragraph.text[start:end]`` is the phrase itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """One non-empty line of the article.

    >>> Paragraph(number=2, line=3, text="Harris spoke.").text[:6]
    'Harris'
    """

    number: int
    line: int
    text: str


@dataclass(frozen=True, order=True)
class Span:
    """Where a phrase sits: paragraph number and character offsets in that paragraph.

    >>> Span(6, 0, 3).locator
    'p6[0:3]'
    """

    paragraph: int
    start: int
    end: int

    @property
    def locator(self) -> str:
        """The span as ``pN[start:end]``, the form the report uses."""
        return f"p{self.paragraph}[{self.start}:{self.end}]"


@dataclass(frozen=True, order=True)
class Mention:
    """A phrase that names a known entity (or, with ``candidate`` set, a candidate).

    >>> Mention(Span(6, 0, 3), "윤석열", "person/yoon-suk-yeol", "label-match", 0.9).text
    '윤석열'
    """

    span: Span
    text: str
    entity: str
    method: str
    confidence: float
    candidate: bool = False


@dataclass(frozen=True, order=True)
class DateMention:
    """A date phrase and the date it resolves to (``None`` when there is no article date).

    ``value`` is ISO 8601: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    >>> DateMention(Span(6, 4, 10), "지난 21일", "2024-05-21", 0.8).datatype
    'date'
    """

    span: Span
    text: str
    value: str | None
    confidence: float

    @property
    def datatype(self) -> str:
        """``date``, ``gYearMonth`` or ``gYear`` after the shape of :attr:`value`."""
        if self.value is None:
            return "unresolved"
        return {10: "date", 7: "gYearMonth"}.get(len(self.value), "gYear")


@dataclass(frozen=True)
class Candidate:
    """A name that matches no known entity, with every place it occurs.

    >>> Candidate("리시 수낵", "kiwi-nnp", 0.5, (Span(6, 16, 21),)).label
    '리시 수낵'
    """

    label: str
    method: str
    confidence: float
    spans: tuple[Span, ...]
    suggested_class: str | None = None


@dataclass(frozen=True)
class Fact:
    """A drafted fact: a pattern that pairs known entities in one sentence.

    ``kind`` is ``participation`` or ``endorsement``; ``slots`` maps a slot name
    (participant, event, party, post, role, mode, endorser, document) to an IRI.

    >>> fact = Fact("endorsement", Span(5, 0, 40), "adoption-pattern", 0.7, {"endorser": "x"})
    >>> fact.slots["endorser"]
    'x'
    """

    kind: str
    span: Span
    method: str
    confidence: float
    slots: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    note: str | None = None
