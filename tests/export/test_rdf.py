import hashlib
import os
from aigraph import load
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import VOID

from aigraph.build import OUTPUTS, build
from aigraph.errors import ExportError
from aigraph.export.rdf import export_dataset, format_for_path
from aigraph.export.serialize import FORMATS, serialize_dataset
from aigraph.rdf.namespaces import DATASET_IRI
from aigraph.rdf.validate import union_graph

PARSERS = {"ttl": "turtle", "nt": "nt", "xml": "xml"}
QUAD_PARSERS = {"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_triple_formats_round_trip_to_the_union(mini_root: Path, fmt: str):
    ds = load(mini_root).dataset
    parsed = Graph().parse(data=serialize_dataset(ds, fmt), format=PARSERS[fmt])
    assert isomorphic(parsed, union_graph(ds))


@pytest.mark.parametrize("fmt", sorted(QUAD_PARSERS))
def test_quad_formats_keep_every_named_graph(mini_root: Path, fmt: str):
    ds = load(mini_root).dataset
    parsed = Dataset()
    parsed.parse(data=serialize_dataset(ds, fmt), format=QUAD_PARSERS[fmt])
    names = sorted(str(g.identifier) for g in ds.graphs() if len(g))
    assert sorted(str(g.identifier) for g in parsed.graphs() if len(g)) == names
    for g in ds.graphs():
        if len(g):
            assert isomorphic(parsed.graph(g.identifier), g), g.identifier


def test_line_formats_are_sorted(mini_root: Path):
    lines = serialize_dataset(load(mini_root).dataset, "nq").splitlines()
    assert lines == sorted(lines) and len(lines) > 100


def _digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


REAL_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("which", ["mini", "real"])
def test_two_builds_in_fresh_processes_are_byte_identical(mini_root: Path, tmp_path: Path, which: str):
    root = mini_root if which == "mini" else REAL_ROOT
    digests = []
    for seed in ("1", "2"):
        out = tmp_path / f"dist-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "aigraph", "build", "--root", str(root), "-o", str(out)],
            check=True, env=env, capture_output=True,
        )
        digests.append(_digest(out))
    assert digests[0] == digests[1]
    assert set(digests[0]) == set(OUTPUTS.values()) | {"void.ttl", "graph.html", "context.jsonld", "ontology.html"}


def test_multiline_literal_survives_trig(mini_root: Path):
    data = mini_root / "data" / "mini-source.trig"
    data.write_text(data.read_text().replace(
        '"The adopters put safety first."@en',
        '"""The adopters\n  put safety first."""@en',
    ))
    ds = load(mini_root).dataset
    parsed = Dataset()
    parsed.parse(data=serialize_dataset(ds, "trig"), format="trig")
    assert isomorphic(union_graph(parsed), union_graph(ds))


def test_blank_nodes_are_labelled_canonically(mini_root: Path):
    data = mini_root / "data" / "mini-source.trig"
    data.write_text(data.read_text().replace(
        "    <https://w3id.org/aigraph/principle/safety>",
        "    <https://w3id.org/aigraph/person/ada-example> <urn:x:note> [ <urn:x:text> \"a\" ] .\n"
        "    <https://w3id.org/aigraph/principle/safety>",
    ))
    first = serialize_dataset(load(mini_root).dataset, "nt")
    second = serialize_dataset(load(mini_root).dataset, "nt")
    assert first == second and b"_:" in first


def test_export_to_file_and_format_from_extension(mini_root: Path, tmp_path: Path):
    ds = load(mini_root).dataset
    dest = export_dataset(ds, dest=tmp_path / "out.nq")
    assert dest.read_bytes() == export_dataset(ds, fmt="nq")
    assert format_for_path("x.jsonld") == "jsonld"
    with pytest.raises(ExportError, match="cannot tell the format"):
        format_for_path("x.csv")
    with pytest.raises(ExportError, match="unknown format"):
        export_dataset(ds, fmt="csv")  # type: ignore[arg-type]


def test_build_writes_every_format_and_void(mini_root: Path, tmp_path: Path):
    result = build(load(mini_root), out_dir=tmp_path / "dist")
    assert sorted(p.name for p in result.files) == sorted(
        [*OUTPUTS.values(), "void.ttl", "graph.html", "context.jsonld", "ontology.html"])
    assert set(FORMATS) == set(OUTPUTS)
    void = Graph().parse(tmp_path / "dist" / "void.ttl")
    assert int(void.value(DATASET_IRI, VOID.triples)) == result.triples
    assert result.counts["people"] == 1 and result.counts["participations"] == 1
