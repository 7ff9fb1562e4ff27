"""Guided stories: the steps that the graph page plays, read from ``data/stories/*.ttl``.

A story is data (ontology: ``ontology/story.ttl``): an ``aig:Story`` with a
label in English and Korean and ordered ``aig:StoryStep`` parts; each step has
a text in both languages (``schema:text``), the nodes it focuses
(``schema:about``), the depth of that focus (``aig:focusDepth``), the filters
it sets, written as in the page's URL fragment (``aig:viewFilters``), and the
facts its text states (``aig:statesFact``: RDF statements, each with the
source graph that holds it). Each file is checked against the project's SHACL
shapes (``shape:Story``, ``shape:StoryStep``, ``shape:StoryFact``) when read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS
from rdflib.term import Identifier, Node

from aigraph.errors import LoadError
from aigraph.labels import LANGUAGES, label_texts, literal_texts
from aigraph.project.files import ProjectPaths
from aigraph.rdf.namespaces import AIG, SCHEMA
from aigraph.rdf.parse import parse_file


def story_files(paths: ProjectPaths) -> list[Path]:
    """Return the story files of the project, in name order."""
    return sorted((paths.data / "stories").glob("*.ttl"))


def _texts(graph: Graph, subject: Node, prop: URIRef) -> dict[str, str]:
    found = (
        label_texts(graph, subject)
        if prop == RDFS.label
        else literal_texts(graph.objects(subject, prop))
    )
    return {lang: text for lang, text in found.items() if lang in LANGUAGES}


def _value(graph: Graph, subject: Node, predicate: URIRef, path: Path) -> Identifier:
    """Return the value of *predicate* the shapes require *subject* to have."""
    value = graph.value(subject, predicate)
    if not isinstance(value, Identifier):
        raise LoadError(f"{subject}: no {predicate}", path=path)
    return value


def read_story(path: Path, shapes: Graph) -> dict[str, Any]:
    """Read one story file and check it against *shapes*.

    :raises LoadError: naming the file, for a syntax error or the first violation of a shape.
    """
    import pyshacl  # heavy: imported only when reading stories

    graph = Graph()
    parse_file(graph, path)
    conforms, results, _text = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    if not conforms:
        SH = "http://www.w3.org/ns/shacl#"
        found = sorted(
            (
                str(results.value(r, URIRef(SH + "focusNode"))),
                str(results.value(r, URIRef(SH + "resultMessage"))),
            )
            for r in results.subjects(RDF.type, URIRef(SH + "ValidationResult"))
        )
        focus, message = found[0]
        raise LoadError(f"{focus}: {message}", path=path)
    stories = list(graph.subjects(RDF.type, AIG.Story))
    if len(stories) != 1:
        raise LoadError(f"a story file holds one aig:Story, not {len(stories)}", path=path)
    story = stories[0]
    steps: list[dict[str, Any]] = []
    for step in graph.objects(story, SCHEMA.hasPart):
        depth = graph.value(step, AIG.focusDepth)
        filters = graph.value(step, AIG.viewFilters)
        facts = [
            {
                "s": str(graph.value(fact, RDF.subject)),
                "p": str(graph.value(fact, RDF.predicate)),
                "o": _value(graph, fact, RDF.object, path).n3(),
                "sources": sorted(str(s) for s in graph.objects(fact, PROV.wasDerivedFrom)),
            }
            for fact in sorted(f for f in graph.objects(step, AIG.statesFact)
                               if isinstance(f, Identifier))
        ]
        steps.append(
            {
                "position": int(_value(graph, step, SCHEMA.position, path)),
                "text": _texts(graph, step, SCHEMA.text),
                "focus": sorted(str(o) for o in graph.objects(step, SCHEMA.about)),
                "depth": int(str(depth)) if depth is not None else 1,
                "view": str(filters) if filters is not None else "",
                "facts": facts,
            }
        )
    steps.sort(key=lambda s: s["position"])
    positions = [s["position"] for s in steps]
    if positions != list(range(1, len(steps) + 1)):
        raise LoadError(
            f"story steps must be numbered 1 to {len(steps)}, found {positions}", path=path
        )
    return {
        "id": str(graph.value(story, SCHEMA.identifier)),
        "iri": str(story),
        "title": _texts(graph, story, RDFS.label),
        "steps": steps,
    }


def read_stories(paths: ProjectPaths) -> list[dict[str, Any]]:
    """Return the project's stories, each checked against the shapes, in file name order.

    >>> from aigraph.project.files import project_paths
    >>> [s["id"] for s in read_stories(project_paths())]
    ['bletchley-to-new-delhi', 'seoul-commitments']
    """
    files = story_files(paths)
    if not files:
        return []
    shapes = Graph()
    parse_file(shapes, paths.shapes)
    stories = [read_story(path, shapes) for path in files]
    ids = [s["id"] for s in stories]
    for story_id in ids:
        if ids.count(story_id) > 1:
            raise LoadError(
                f"two stories have the identifier {story_id!r}", path=paths.data / "stories"
            )
    return stories


def stories_for(stories: list[dict[str, Any]], nodes: set[str]) -> list[dict[str, Any]]:
    """Return the stories that a page of *nodes* can play: those whose every focus is a node.

    >>> stories_for([{"steps": [{"focus": ["a"]}]}, {"steps": [{"focus": ["b"]}]}], {"a"})
    [{'steps': [{'focus': ['a']}]}]
    """
    return [s for s in stories if all(set(step["focus"]) <= nodes for step in s["steps"])]
