"""Guided stories (data/stories/): checked by the shapes, every fact they state in the graph.

The two stories are written in the project's words; each fact a step states is an RDF
statement that must be in the named graph of the source it cites, and each node a step
focuses must be drawn on the page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from aigraph import load
from aigraph.errors import LoadError
from aigraph.rdf.namespaces import AIG, SCHEMA
from aigraph.project.files import project_paths
from aigraph.network.projection import to_networkx
from aigraph.network.stories import read_stories

ROOT = Path(__file__).resolve().parents[2]
STORIES = sorted((ROOT / "data" / "stories").glob("*.ttl"))
B = "https://w3id.org/aigraph/"


def test_two_stories_with_ordered_bilingual_steps():
    stories = read_stories(project_paths(ROOT))
    assert [(s["id"], s["title"]["en"], len(s["steps"])) for s in stories] == [
        ("bletchley-to-new-delhi", "From Bletchley to New Delhi", 5),
        ("seoul-commitments", "Who kept the Seoul commitments", 4),
    ]
    for story in stories:
        assert set(story["title"]) == {"en", "ko"}
        for k, step in enumerate(story["steps"], start=1):
            assert step["position"] == k and set(step["text"]) == {"en", "ko"} and step["focus"]
            assert 1 <= step["depth"] <= 3
    # the first story walks the series in order: Bletchley, Seoul, ..., Paris, New Delhi
    walk = [step["focus"] for step in stories[0]["steps"]]
    assert walk[0] == [B + "summit/ai-safety-summit-2023"] and walk[-1] == [B + "summit/india-ai-impact-summit-2026"]


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.name)
def test_every_fact_a_story_states_is_in_its_sources_graph(path: Path):
    dataset = load().dataset
    story = Graph().parse(path)
    facts = list(story.subjects(RDF.type, RDF.Statement))
    assert len(facts) == len(set(story.objects(None, AIG.statesFact))) > 0
    for fact in facts:
        s, p, o = (story.value(fact, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        sources = list(story.objects(fact, PROV.wasDerivedFrom))
        assert sources
        for source in sources:
            assert (s, p, o, source) in dataset, f"{fact}: ({s} {p} {o}) is not in {source}"


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.name)
def test_every_focused_node_is_drawn(path: Path):
    nodes = set(to_networkx(load().dataset))
    story = Graph().parse(path)
    focused = {str(o) for o in story.objects(None, SCHEMA.about)}
    assert focused and focused <= nodes


def _project_with(tmp_path: Path, mini_root: Path, text: str) -> Path:
    (mini_root / "data" / "stories").mkdir()
    (mini_root / "data" / "stories" / "broken.ttl").write_text(text, encoding="utf-8")
    return mini_root


def test_a_step_without_its_korean_text_is_refused_naming_the_file(tmp_path, mini_root):
    text = (ROOT / "data" / "stories" / "seoul-commitments.ttl").read_text(encoding="utf-8")
    broken = text.replace('"프런티어 AI 안전 서약은', '"Frontier', 1).replace(
        "OpenAI와 네이버도 그중 하나다.\"@ko", 'x"@en', 1)
    assert broken != text
    root = _project_with(tmp_path, mini_root, broken)
    with pytest.raises(LoadError) as caught:
        read_stories(project_paths(root))
    message = str(caught.value)
    assert message.startswith(str(root / "data" / "stories" / "broken.ttl") + ": ")
    assert "story/seoul-commitments/step-1" in message and "schema:text" in message
    assert "\n" not in message


def test_a_depth_outside_one_to_three_is_refused(tmp_path, mini_root):
    text = (ROOT / "data" / "stories" / "bletchley-to-new-delhi.ttl").read_text(encoding="utf-8")
    broken = text.replace("schema:position 2 ;", "schema:position 2 ; aig:focusDepth 4 ;", 1)
    root = _project_with(tmp_path, mini_root, broken)
    with pytest.raises(LoadError, match="focusDepth is one integer from 1 to 3"):
        read_stories(project_paths(root))


def test_the_shapes_still_compile_to_sparql():
    # the story shapes use only SHACL that aigraph.rdf.shacl translates: validation stays fast
    from aigraph.rdf.validate import validate_dataset

    project = load()
    assert validate_dataset(project.dataset, paths=project.paths, engine="sparql").conforms
    assert URIRef(B + "shape/Story") in set(Graph().parse(project.paths.shapes).subjects())
