"""Benchmark `aigraph ingest` on the seed article against the curated graph of that article.

Runs ingest over ../shared/sources/kwangju-2024-05-22-ai-seoul-summit.ko.txt (next
to the repository; another file and graph may be given) and compares the known
entities it finds with the entities that the curated source graph says the
article mentions (``aig:mentionedIn`` one of its paragraphs):

- by entity: is each curated entity found somewhere in the article, and is each
  entity found one that the curated graph lists?
- by (entity, paragraph): the same, paragraph by paragraph.

It also counts candidates, dates and drafted facts, and times the run in this
fresh process (loading the project, the Kiwi model and all). Targets: entity
recall at least 95%, precision at least 90%, under 5 s. The figures are printed;
the script exits 0 even below target (it measures, it does not test).

Usage: python benchmarks/bench_ingest.py [ARTICLE [SOURCE-GRAPH-IRI]]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "sources" / "kwangju-2024-05-22-ai-seoul-summit.ko.txt"
GRAPH = "https://w3id.org/aigraph/source/kwangju-ilbo-2024-05-22-ai-seoul-summit"
TARGETS = {"recall": 0.95, "precision": 0.90, "seconds": 5.0}


def curated_pairs(graph_iri: str) -> set[tuple[str, int]]:
    """Return (entity, paragraph number) for every aig:mentionedIn in the source's named graph."""
    from rdflib import URIRef

    from aigraph import load
    from aigraph.rdf.namespaces import AIG

    dataset = load(ROOT).dataset
    graph = dataset.graph(URIRef(graph_iri))
    pairs = set()
    for entity, paragraph in graph.subject_objects(AIG.mentionedIn):
        number = dataset.value(paragraph, AIG.paragraphNumber)
        pairs.add((str(entity), int(number)))
    return pairs


def ratio(hits: int, total: int) -> float:
    """Return hits / total, or 1.0 for an empty total."""
    return hits / total if total else 1.0


def main(argv: list[str]) -> int:
    """Run the benchmark and print its figures."""
    article = Path(argv[0]) if argv else ARTICLE
    graph_iri = argv[1] if len(argv) > 1 else GRAPH
    if not article.is_file():
        print(f"skipped: {article} is not present")
        return 0
    started = time.perf_counter()
    from aigraph.ingest import ingest_file

    result = ingest_file(article, root=ROOT, write=False)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    ingest_file(article, root=ROOT, write=False)
    warm = time.perf_counter() - started

    curated = curated_pairs(graph_iri)
    found = {(m.entity, m.span.paragraph) for m in result.mentions}
    by_entity = ({e for e, _p in curated}, {e for e, _p in found})
    rows = []
    for name, (want, got) in {"entity": by_entity, "entity+paragraph": (curated, found)}.items():
        rows.append(
            (
                name,
                len(want),
                len(got),
                ratio(len(want & got), len(want)),
                ratio(len(want & got), len(got)),
            )
        )

    paras, lang = len(result.article.paragraphs), result.article.language
    print(f"article: {article.name} ({paras} paragraphs, {lang})")
    print(f"curated graph: {graph_iri}")
    print(f"{'level':<18}{'curated':>8}{'found':>8}{'recall':>9}{'precision':>11}")
    for name, want, got, recall, precision in rows:
        print(f"{name:<18}{want:>8}{got:>8}{recall:>9.1%}{precision:>11.1%}")
    counts = (len(result.candidates), len(result.dates), len(result.facts))
    print("candidates: {}   dates: {}   drafted facts: {}".format(*counts))
    print(
        f"time: {seconds:.2f} s in a fresh process (project, Kiwi model and all); {warm:.2f} s warm"
    )

    from aigraph.rdf.namespaces import local_name

    missed = sorted(local_name(e) for e in by_entity[0] - by_entity[1])
    extra = sorted(local_name(e) for e in by_entity[1] - by_entity[0])
    print(f"missed entities: {', '.join(missed) or '-'}")
    print(f"found, not curated: {', '.join(extra) or '-'}")
    _, _, _, recall, precision = rows[0]
    verdict = {
        "recall": recall >= TARGETS["recall"],
        "precision": precision >= TARGETS["precision"],
        "seconds": seconds < TARGETS["seconds"],
    }
    print(
        "targets (entity recall >= 95%, precision >= 90%, < 5 s): "
        + ", ".join(f"{k} {'met' if ok else 'NOT met'}" for k, ok in verdict.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
