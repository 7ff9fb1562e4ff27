"""From an article to a draft: read, link, find candidates and dates, draft facts, write.

The draft goes to ``data/drafts/`` (or where asked), which ``build`` never
loads; nothing is written when the article cannot be ingested.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, URIRef

from aigraph.atomic import write_new
from aigraph.errors import IngestError
from aigraph.export.serialize import serialize_dataset, write_atomic
from aigraph.ingest.candidates import collect_candidates
from aigraph.ingest.draft import DraftWriter, SourceInfo, candidate_iri, slug
from aigraph.ingest.facts import draft_facts
from aigraph.ingest.lexicon import Lexicon, build_lexicon
from aigraph.ingest.matcher import text_view
from aigraph.ingest.mentions import Linker, link_paragraphs
from aigraph.ingest.records import Candidate, DateMention, Fact, Mention
from aigraph.ingest.report import render_report
from aigraph.ingest.temporal import article_date_from_text, find_dates
from aigraph.ingest.text import Article, read_article
from aigraph.labels import LANGUAGES
from aigraph.project.files import ProjectPaths, project_paths
from aigraph.rdf.namespaces import BASE


@dataclass(frozen=True)
class IngestResult:
    """What ingest found in an article, the draft it made and where it wrote it."""

    article: Article
    source: SourceInfo
    mentions: tuple[Mention, ...]
    candidates: tuple[Candidate, ...]
    dates: tuple[DateMention, ...]
    facts: tuple[Fact, ...]
    draft: Dataset
    report: str
    dest: Path | None


def default_source_iri(path: Path, /) -> str:
    """Return the source IRI for an article file: its name without language and extension.

    >>> default_source_iri(Path("news/kwangju-2024-05-22-ai-seoul-summit.ko.txt"))
    'https://w3id.org/aigraph/source/kwangju-2024-05-22-ai-seoul-summit'
    """
    stem = re.sub(r"\.(ko|en)$", "", path.name.rsplit(".", 1)[0] if "." in path.name else path.name)
    return f"{BASE}source/{slug(stem)}"


def resolve_publisher(
    publisher: str | None, lexicon: Lexicon
) -> tuple[str | None, Candidate | None]:
    """Return the publisher's IRI: given as an IRI, found by label, or else a new candidate.

    >>> daily = "https://w3id.org/aigraph/organization/example-daily"
    >>> lex = Lexicon(names=[("Example Daily", daily)], kinds={daily: frozenset({"party"})})
    >>> resolve_publisher("example daily", lex)[0]
    'https://w3id.org/aigraph/organization/example-daily'
    >>> resolve_publisher("Unknown Times", lex)[0]
    'https://w3id.org/aigraph/candidate/unknown-times'
    """
    if publisher is None:
        return None, None
    if re.match(r"https?://", publisher):
        return publisher, None
    wanted = publisher.strip().casefold()
    found = sorted(
        {
            e
            for name, e in lexicon.names
            if name.casefold() == wanted and lexicon.has_kind(e, "party")
        }
    )
    if found:
        return found[0], None
    candidate = Candidate(
        publisher.strip(), "capitalised-run", 0.5, (), "https://schema.org/Organization"
    )
    return str(candidate_iri(candidate.label)), candidate


def _settle_date(article: Article, date: dt.date | str | None) -> tuple[dt.date | None, str]:
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError as exc:
            raise IngestError(
                f"--date must be YYYY-MM-DD, not {date!r}", path=article.path
            ) from exc
    if date is not None:
        return date, "given"
    found = article_date_from_text(article.paragraphs, article.language)
    if found is None:
        return None, "none found: relative dates stay unresolved (give --date)"
    return found[0], f"from paragraph {found[1]}"


def _taken_spans(mentions, dates, titles) -> dict[int, list[tuple[int, int]]]:
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        taken[m.span.paragraph].append((m.span.start, m.span.end))
    for d in dates:
        taken[d.span.paragraph].append((d.span.start, d.span.end))
    for number, spans in titles.items():
        taken[number] += [(s, e) for s, e, _t in spans]
    return taken


@dataclass(frozen=True)
class Findings:
    """Everything ingest found in one article, before it is written as a draft."""

    mentions: list[Mention]
    dates: list[DateMention]
    candidates: list[Candidate]
    facts: list[Fact]
    article_date: dt.date | None
    date_origin: str


def find_all(article: Article, lexicon: Lexicon, date: dt.date | str | None) -> Findings:
    """Link the article, then find its dates, candidates and facts.

    :raises IngestError: when the article names no known entity.
    """
    views = {p.number: text_view(p.text, article.language) for p in article.paragraphs}
    linker = Linker(lexicon, article.language)
    mentions, pairs = link_paragraphs(views, linker)
    if not mentions:
        raise IngestError(
            f"no known entity found in the text ({len(lexicon.kinds)} entities known): "
            "nothing to draft; curate the main entities in data/ first",
            path=article.path,
        )
    article_date, date_origin = _settle_date(article, date)
    confidence = lexicon.methods["date-rule"].confidence
    dates = find_dates(
        article.paragraphs, article.language, article_date=article_date, confidence=confidence
    )
    titles = {n: linker.title_spans(v) for n, v in views.items()}
    starts = {n: {s for s, _e, _t in spans} for n, spans in titles.items()}
    taken = _taken_spans(mentions, dates, titles)
    candidates = collect_candidates(views, taken, lexicon, article.language, starts)
    facts = draft_facts(article.paragraphs, mentions, pairs, lexicon, article.language)
    return Findings(mentions, dates, candidates, facts, article_date, date_origin)


def _write_draft(
    source: SourceInfo,
    lexicon: Lexicon,
    existing: set[str],
    found: Findings,
    publisher_candidate: Candidate | None,
) -> Dataset:
    writer = DraftWriter(source, lexicon, existing)
    by_span: dict[tuple, list[Mention]] = defaultdict(list)
    for m in found.mentions:
        by_span[(m.span, m.text)].append(m)
    for group in by_span.values():
        for index, m in enumerate(sorted(group, key=lambda m: m.entity)):
            writer.add_mention(m, m.entity, index)
    for d in found.dates:
        writer.add_date(d)
    for c in found.candidates:
        writer.add_candidate(c)
    for f in found.facts:
        writer.add_fact(f)
    publisher = source.publisher
    labels: dict[str, str] = {}
    if publisher in lexicon.kinds:
        labels = {lang: lexicon.label(publisher, lang) for lang in LANGUAGES}
    if publisher_candidate is not None:
        labels = {"en": publisher_candidate.label, "ko": publisher_candidate.label}
        writer.add_candidate(publisher_candidate)
    return writer.finish(labels)


def language_warning(article: Article, /) -> list[str]:
    """Return a warning line when the article does not look written in the language it is read as.

    ``--lang ko`` on an English article finds little (Korean particles and Kiwi's
    proper nouns do not apply), so the curator is told, with the way out.
    """
    from aigraph.ingest.text import detect_language

    looks = detect_language("\n".join(p.text for p in article.paragraphs))
    if looks == article.language:
        return []
    names = {"ko": "Korean", "en": "English"}
    return [
        f"warning: the text looks {names[looks]} but is read as {names[article.language]} "
        f"(--lang {article.language}); entities and facts are found in the language read: "
        f"give --lang {looks} or --lang auto"
    ]


def _header(
    article: Article, source: SourceInfo, found: Findings, target: Path | None
) -> list[str]:
    day = found.article_date.isoformat() if found.article_date else "-"
    return [
        f"Draft of {article.path} ({article.language}, {len(article.paragraphs)} paragraphs)",
        *language_warning(article),
        f"source: {source.iri}",
        f"article date: {day} ({found.date_origin})",
        f"title: {source.title or '(none: give --title, or add dcterms:title before accepting)'}",
        f"publisher: {source.publisher or '(none: give --publisher, or add dcterms:publisher)'}",
        f"draft: {target or '(not written)'}",
    ]


def ingest_file(
    path: str | Path,
    /,
    *,
    root: str | Path | ProjectPaths | None = None,
    lang: str = "auto",
    source_iri: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    date: dt.date | str | None = None,
    dest: str | Path | None = None,
    write: bool = True,
    force: bool = False,
) -> IngestResult:
    """Ingest the article at *path* against the graph of the project at *root*; write its draft.

    :param dest: the draft file (default ``ROOT/data/drafts/<source>.trig``).
    :param write: ``False`` to return the draft without writing it.
    :param force: replace an existing file at the destination (a reviewed draft is
        otherwise never overwritten).
    :raises IngestError: for an empty, binary or non-UTF-8 file, one naming no known
        entity, or an existing destination without *force*.
    """
    from aigraph.build import assemble  # the whole pipeline: only needed here

    paths = root if isinstance(root, ProjectPaths) else project_paths(root)
    article = read_article(path, language=lang)
    iri = source_iri or default_source_iri(article.path)
    target = Path(dest) if dest is not None else paths.drafts / f"{iri.rsplit('/', 1)[-1]}.trig"
    if write and not force and target.exists():  # say so before the slow part, too
        raise _exists(target, article.path)
    dataset = assemble(paths)
    lexicon = build_lexicon(dataset, cues=paths.ingest)
    found = find_all(article, lexicon, date)
    publisher_iri, publisher_candidate = resolve_publisher(publisher, lexicon)
    source = SourceInfo(iri, article.language, title, publisher_iri, found.article_date)
    existing = {str(s) for s in dataset.subjects() if isinstance(s, URIRef)}
    draft = _write_draft(source, lexicon, existing, found, publisher_candidate)
    report = render_report(
        header=_header(article, source, found, target if write else None),
        mentions=found.mentions,
        candidates=found.candidates,
        dates=found.dates,
        facts=found.facts,
        lexicon=lexicon,
    )
    if write and force:
        write_atomic(target, serialize_dataset(draft, "trig"))
    elif write:
        try:
            write_new(target, serialize_dataset(draft, "trig"))
        except FileExistsError:
            raise _exists(target, article.path) from None
    return IngestResult(
        article=article,
        source=source,
        mentions=tuple(found.mentions),
        candidates=tuple(found.candidates),
        dates=tuple(found.dates),
        facts=tuple(found.facts),
        draft=draft,
        report=report,
        dest=target if write else None,
    )


def _exists(target: Path, article: Path) -> IngestError:
    return IngestError(
        f"{target} exists already and may hold a curator's edits: give another -o, "
        "or --force to replace it",
        path=article,
    )
