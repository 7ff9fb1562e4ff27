"""The ontology describes itself as linked-data tools expect, and its documentation is generated."""

from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from aigraph import load
from aigraph.build import build
from aigraph.rdf.namespaces import AIG

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = URIRef("https://w3id.org/aigraph/ontology")
VANN = "http://purl.org/vocab/vann/"
TERM_TYPES = (OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
              RDF.Property)


def _ontology() -> Graph:
    graph = Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        if path.name != "shapes.ttl":
            graph.parse(path, format="turtle")
    return graph


def _terms(graph: Graph) -> set[URIRef]:
    return {s for t in TERM_TYPES for s in graph.subjects(RDF.type, t)
            if isinstance(s, URIRef) and str(s).startswith(str(AIG))}


def test_version_info_is_the_package_version_and_the_version_iri_names_it():
    graph = _ontology()
    assert graph.value(ONTOLOGY, OWL.versionInfo) == Literal(version("aigraph"))
    assert graph.value(ONTOLOGY, OWL.versionIRI) == URIRef(f"{ONTOLOGY}/{version('aigraph')}")


def test_licence_creator_prefix_and_comment():
    graph = _ontology()
    assert graph.value(ONTOLOGY, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert graph.value(ONTOLOGY, DCTERMS.creator) == URIRef("https://w3id.org/aigraph/project")
    assert graph.value(ONTOLOGY, URIRef(VANN + "preferredNamespacePrefix")) == Literal("aig")
    assert graph.value(ONTOLOGY, URIRef(VANN + "preferredNamespaceUri")) == Literal(str(AIG))
    assert {c.language for c in graph.objects(ONTOLOGY, RDFS.comment)} == {"en", "ko"}


def test_every_term_has_labels_and_a_definition_in_english_and_korean():
    graph = _ontology()
    terms = _terms(graph)
    assert len(terms) > 50
    for term in sorted(terms):
        labels = {lit.language for lit in graph.objects(term, RDFS.label)}
        notes = {lit.language for p in (SKOS.definition, RDFS.comment) for lit in graph.objects(term, p)}
        assert {"en", "ko"} <= labels, f"{term}: needs rdfs:label in en and ko"
        assert {"en", "ko"} <= notes, f"{term}: needs skos:definition (or rdfs:comment) in en and ko"


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.hrefs.add(attributes["href"])


def test_build_writes_the_documentation_of_every_term(mini_root: Path, tmp_path: Path):
    build(load(mini_root), out_dir=tmp_path / "dist")
    page = (tmp_path / "dist" / "ontology.html").read_text(encoding="utf-8")
    parser = _Anchors()
    parser.feed(page)
    names = {str(t)[len(str(AIG)):] for t in _terms(_ontology())}
    assert names <= parser.ids, sorted(names - parser.ids)[:5]
    # internal links all land on a documented term
    assert {h[1:] for h in parser.hrefs if h.startswith("#")} <= parser.ids
    assert "https://creativecommons.org/licenses/by/4.0/" in parser.hrefs
    assert "정상회의" in page and version("aigraph") in page


def test_the_documentation_escapes_what_it_shows(tmp_path: Path):
    from aigraph.export.ontology_page import render_ontology_html

    graph = _ontology()
    graph.add((AIG.Summit, SKOS.definition, Literal("<script>alert(1)</script>", lang="xx")))
    graph.remove((AIG.Summit, SKOS.definition, None))
    graph.add((AIG.Summit, SKOS.definition, Literal("<script>alert(1)</script>", lang="en")))
    page = render_ontology_html(graph)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
