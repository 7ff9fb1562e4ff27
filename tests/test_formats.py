"""The one format registry (aigraph.formats) and the readers and writers that use it."""

from __future__ import annotations

import pytest
import rdflib.plugin
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.parser import Parser

from aigraph.cli.commands import cli
from aigraph.errors import ExportError
from aigraph.export.network import network_format
from aigraph.export.rdf import format_for_path
from aigraph.export.serialize import serialize_dataset
from aigraph.formats import FORMATS, by_extension, by_media_type, by_parser, of_kind
from aigraph.server.answers import ENTITY_TYPES, GRAPH_TYPES, SELECT_TYPES

RDF_FORMATS = list(of_kind("rdf").values())


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.name)
def test_rdflib_knows_each_media_type_as_the_same_parser(fmt) -> None:
    # rdflib registers its parsers under media types too: ours must name the same parser
    assert rdflib.plugin.get(fmt.media_type, Parser) is rdflib.plugin.get(fmt.parser, Parser)


@pytest.mark.parametrize("fmt", RDF_FORMATS, ids=lambda f: f.name)
def test_what_aigraph_writes_in_a_format_reads_back_with_its_parser(fmt) -> None:
    dataset = Dataset()
    graph = dataset.graph(URIRef("https://w3id.org/aigraph/source/example"))
    graph.add((URIRef("https://w3id.org/aigraph/x"), RDFS.label, Literal("서울", lang="ko")))
    data = serialize_dataset(dataset, fmt.name)
    back = Dataset(default_union=True)
    back.parse(data=data, format=fmt.parser)
    assert (URIRef("https://w3id.org/aigraph/x"), RDFS.label, Literal("서울", lang="ko")) in back
    named = {g.identifier for g in back.graphs() if len(g)}
    assert (URIRef("https://w3id.org/aigraph/source/example") in named) == fmt.quads


def test_names_are_unique_within_a_kind_and_extensions_across_kinds() -> None:
    for kind in ("rdf", "network", "results"):
        names = [f.name for f in FORMATS if f.kind == kind]
        assert len(names) == len(set(names)), kind
    extensions = [ext for f in FORMATS for ext in f.extensions]
    assert len(extensions) == len(set(extensions))


def test_a_file_name_gives_its_format_or_a_clear_error() -> None:
    assert format_for_path("out/graph.rdf") == "xml"
    assert format_for_path("out/graph.json") == "jsonld"  # JSON-LD is often saved as .json
    with pytest.raises(ExportError, match="give --format"):
        format_for_path("out/graph.gexf")
    assert network_format(None, "out/graph.graphml") == "graphml"
    assert network_format(None, "out/graph.ttl") is None
    assert by_extension(".srx", "results").media_type == "application/sparql-results+xml"


def test_lookups_by_media_type_and_parser() -> None:
    assert by_media_type("text/tab-separated-values", "results").name == "tsv"
    assert by_media_type("text/turtle", "network") is None
    assert by_parser("trig").extension == ".trig"
    with pytest.raises(ValueError, match="no RDF format"):
        by_parser("n3")


def test_the_command_line_and_the_server_offer_what_the_registry_holds() -> None:
    export = cli.commands["export"]
    (option,) = [p for p in export.params if p.name == "fmt"]
    assert set(option.type.choices) == {*of_kind("rdf"), *of_kind("network")}
    assert set(SELECT_TYPES.values()) == set(of_kind("results"))
    assert all(by_media_type(media, "rdf").name == name for media, name in GRAPH_TYPES.items())
    entity = {media: name for media, name in ENTITY_TYPES.items() if media != "text/html"}
    assert all(by_media_type(media, "rdf").name == name for media, name in entity.items())
