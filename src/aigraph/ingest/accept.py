"""Accept a reviewed draft: turn it into a curated source file that passes validation.

A curator reviews the draft first: deletes the drafted facts and mentions that
are wrong, completes the facts (an event where none was found), and either
drops a candidate or makes it an entity (gives it a class such as
``schema:Person`` instead of ``aig:Candidate``, labels in English and Korean,
and preferably an IRI of its own). Accepting then:

- turns each mention of an entity into ``ENTITY aig:mentionedIn PARAGRAPH``;
- drops the candidates still typed ``aig:Candidate``, their mentions, the date
  mentions and the ingest activities;
- removes the draft marks (``aig:Draft`` and every ``aig:draftOnly`` property:
  confidence, offsets, method) from the facts and entities it keeps;
- checks the project with the new file added against the shapes, and writes
  ``data/<draft name>.trig`` only when it conforms.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF
from rdflib.term import Identifier

from aigraph.atomic import write_new
from aigraph.errors import IngestError
from aigraph.export.serialize import serialize_dataset
from aigraph.project.files import ProjectPaths, project_paths
from aigraph.rdf.derive import derive_edges
from aigraph.rdf.namespaces import AIG, ONTOLOGY_GRAPH
from aigraph.rdf.parse import load_dataset, parse_file, source_graphs
from aigraph.rdf.validate import validate_dataset


@dataclass(frozen=True)
class AcceptResult:
    """What :func:`accept_draft` kept, dropped and wrote."""

    draft: Path
    dest: Path
    source: str
    mentioned: int
    facts: int
    dropped_candidates: int
    dropped_dates: int

    @property
    def summary(self) -> str:
        """One paragraph for the curator."""
        return (
            f"accepted {self.draft} as {self.dest}\n"
            f"source graph: {self.source}\n"
            f"kept: {self.mentioned} mentionedIn links, {self.facts} facts; "
            f"dropped: {self.dropped_candidates} candidates, {self.dropped_dates} date mentions\n"
            "validation: conforms"
        )


def _draft_graph(draft: Path) -> Graph:
    dataset = Dataset()
    parse_file(dataset, draft)
    stray = next(iter(dataset.default_graph), None)
    if stray is not None:  # accepting would drop it silently: every fact belongs to its source
        from aigraph.rdf.locate import locate

        where = locate([draft], stray[0], stray[2])
        line = int(where.rsplit(":", 1)[1]) if where else None
        raise IngestError(
            f"triple outside the source's graph: {stray[0].n3()} {stray[1].n3()} ...; "
            "move it inside the graph's braces or delete it",
            path=draft, line=line,
        )
    graphs = [
        g
        for g in dataset.graphs()
        if isinstance(g.identifier, URIRef)
        and len(g)
        and not str(g.identifier).startswith("urn:x-rdflib:")
    ]
    if len(graphs) != 1:
        raise IngestError(
            f"a draft holds exactly one source graph, this one holds {len(graphs)}", path=draft
        )
    graph = graphs[0]
    if (graph.identifier, RDF.type, None) not in graph:
        raise IngestError(
            f"the graph {graph.identifier.n3()} does not describe its source", path=draft
        )
    return graph


def accepted_graph(draft: Graph, draft_only: set[URIRef], /) -> tuple[Graph, dict[str, int]]:
    """Return the curated graph a reviewed draft becomes, and counts of what was kept and dropped.

    :raises IngestError: when a kept triple still points to a candidate.
    """
    candidates = set(draft.subjects(RDF.type, AIG.Candidate))
    mentions = {m for m in draft.subjects(RDF.type, AIG.Mention) if isinstance(m, Identifier)}
    dates = set(draft.subjects(RDF.type, AIG.DateMention))
    activities = {
        a for a in draft.subjects(RDF.type, PROV.Activity) if (a, AIG.method, None) in draft
    }
    dropped = candidates | mentions | dates | activities
    # A draft node is typed aig:Draft, or (when the curator removed that type) still
    # carries a confidence or points to an ingest activity.
    drafts = (
        set(draft.subjects(RDF.type, AIG.Draft))
        | set(draft.subjects(AIG.draftConfidence, None))
        | {s for a in activities for s in draft.subjects(PROV.wasGeneratedBy, a)}
    ) - dropped
    out = Graph(identifier=draft.identifier)
    for s, p, o in draft:
        if s in dropped or (s in drafts and ((p, o) == (RDF.type, AIG.Draft) or p in draft_only)):
            continue
        if o in candidates:
            raise IngestError(
                f"{s.n3()} still points to the candidate {o.n3()}: make it an entity or "
                "remove the reference before accepting"
            )
        out.add((s, p, o))
    for mention in sorted(mentions):
        entity, paragraph = (
            draft.value(mention, AIG.mentionOf),
            draft.value(mention, PROV.wasDerivedFrom),
        )
        if entity is not None and paragraph is not None and entity not in candidates:
            out.add((entity, AIG.mentionedIn, paragraph))
    counts = {
        "mentioned": len(set(out.triples((None, AIG.mentionedIn, None)))),
        "facts": len(drafts & set(out.subjects())),
        "dropped_candidates": len(candidates),
        "dropped_dates": len(dates),
    }
    return out, counts


def accept_draft(
    draft: str | Path,
    /,
    *,
    root: str | Path | ProjectPaths | None = None,
    dest: str | Path | None = None,
) -> AcceptResult:
    """Turn the reviewed draft at *draft* into a curated file in ``data/``, if the result validates.

    :param dest: the curated file (default ``ROOT/data/<draft file name>``); never overwritten.
    :raises IngestError: when the draft is malformed, its source is already curated,
        the destination exists, or the project would not conform with it.
    :raises LoadError: when the draft is not valid TriG.
    """
    paths = root if isinstance(root, ProjectPaths) else project_paths(root)
    draft = Path(draft)
    graph = _draft_graph(draft)
    target = Path(dest) if dest is not None else paths.data / draft.name
    if target.exists():
        raise IngestError(
            f"{target} exists already: give another -o, or remove it first", path=draft
        )
    dataset = load_dataset(paths)
    if graph.identifier in source_graphs(dataset):
        raise IngestError(
            f"the source {graph.identifier.n3()} is curated already in {paths.data}", path=draft
        )
    draft_only = {
        URIRef(str(p))
        for p in dataset.graph(ONTOLOGY_GRAPH).subjects(AIG.draftOnly, Literal(True))
    }
    curated, counts = accepted_graph(graph, draft_only)
    for triple in curated:
        dataset.graph(graph.identifier).add(triple)
    derive_edges(dataset, paths=paths)
    report = validate_dataset(dataset, paths=paths, extra_files=(draft,))
    if not report.conforms:
        raise IngestError(
            f"the accepted draft would not conform, so nothing was written:\n{report.text}",
            path=draft,
        )
    alone = Dataset()
    for triple in curated:
        alone.graph(graph.identifier).add(triple)
    try:
        write_new(target, serialize_dataset(alone, "trig"))
    except FileExistsError:
        raise IngestError(
            f"{target} exists already: give another -o, or remove it first", path=draft
        ) from None
    return AcceptResult(draft, target, str(graph.identifier), **counts)
