"""aigraph export --format graphml|gexf: the projected network, read back with networkx."""

from pathlib import Path

import networkx as nx
import pytest
from helpers import invoke

from aigraph.export.network import export_network, network_format
from aigraph.network.projection import to_networkx

B = "https://w3id.org/aigraph/"
LEE = B + "person/lee-hae-jin"
SESSION = B + "summit/ai-seoul-summit-2024/leaders-session"


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_reads_back_with_classes_labels_and_edge_kinds(dataset, tmp_path: Path, fmt, read):
    path = export_network(dataset, dest=tmp_path / f"network.{fmt}")
    back = read(path)
    projected = to_networkx(dataset)
    assert set(back.nodes) == set(projected.nodes)
    assert back.number_of_edges() == projected.number_of_edges()
    lee = back.nodes[LEE]
    assert (lee["label"], lee["label_en"], lee["label_ko"]) == (
        "Lee Hae-jin",
        "Lee Hae-jin",
        "이해진",
    )
    assert (lee["class"], lee["class_en"], lee["class_ko"]) == (
        "https://schema.org/Person",
        "person",
        "인물",
    )
    kinds = {data["kind"] for _u, _v, data in back.edges(LEE, data=True)}
    assert kinds == {B + "role/participant", B + "ontology#representationEdge"}  # p.19: for Naver
    to_session = next(d for _u, v, d in back.edges(LEE, data=True) if v == SESSION)
    assert '"paragraph": 19' in to_session["evidence"]
    assert (to_session["label_en"], to_session["label_ko"]) == ("participant", "참석자")


def test_gexf_carries_class_colours_and_no_date(dataset):
    data = export_network(dataset, fmt="gexf")
    assert b'<viz:color r="31" g="119" b="180"' in data  # people: #1f77b4
    assert b"lastmodifieddate" not in data
    assert data == export_network(dataset, fmt="gexf")


def test_format_follows_the_extension():
    assert network_format(None, "x.graphml") == "graphml"
    assert network_format(None, "x.ttl") is None
    assert network_format("nq", "x.graphml") is None


def test_cli_export_network_formats_keep_rdf_formats(tmp_path: Path):
    out = tmp_path / "aigraph.graphml"
    proc = invoke("export", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert nx.read_graphml(out).number_of_nodes() > 0
    gexf = invoke("export", "--format", "gexf")
    assert gexf.returncode == 0 and gexf.stdout.startswith("<gexf")
    ttl = invoke("export", "--format", "ttl")
    assert ttl.returncode == 0 and "@prefix" in ttl.stdout
