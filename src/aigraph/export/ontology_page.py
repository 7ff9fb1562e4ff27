"""Human-readable documentation of the ontology: one HTML page, generated from the ontology graph.

Every class and property of the ``aig:`` namespace gets an entry,
anchored by its local name (``ontology.html#Summit`` documents ``ontology#Summit``),
with its labels and definitions in English and Korean, its super-terms, domain and
range. The page
is rendered by Jinja2 with autoescaping, so no string from the data reaches the
page unescaped, and the same ontology gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from aigraph.labels import label_texts, literal_texts
from aigraph.rdf.namespaces import AIG, ONTOLOGY_GRAPH, PREFIXES

VANN = "http://purl.org/vocab/vann/"
#: The kinds of term, in the order the page lists them: (heading, rdf:type values).
KINDS: tuple[tuple[str, tuple[URIRef, ...]], ...] = (
    ("Classes", (OWL.Class, RDFS.Class)),
    ("Object properties", (OWL.ObjectProperty,)),
    ("Datatype properties", (OWL.DatatypeProperty,)),
    ("Annotation properties", (OWL.AnnotationProperty,)),
    ("Other properties", (RDF.Property,)),
)


@dataclass
class Term:
    """One documented term."""

    iri: str
    name: str
    labels: dict[str, str]
    definitions: dict[str, str]
    facts: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)


def _text(graph: Graph, subject: URIRef, predicate: URIRef) -> dict[str, str]:
    return literal_texts(graph.objects(subject, predicate))


def _short(iri: object) -> str:
    text = str(iri)
    if text.startswith(str(AIG)):
        return text[len(str(AIG)):]
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and not namespace.startswith(str(AIG)):
            return f"{prefix}:{text[len(namespace):]}"
    return text


def _link(iri: object) -> tuple[str, str]:
    """(href, text) for a term: a local anchor for our own terms, the IRI otherwise."""
    text = str(iri)
    if text.startswith(str(AIG)):
        return "#" + text[len(str(AIG)):], _short(iri)
    return text, _short(iri)


def _term(graph: Graph, iri: URIRef) -> Term:
    term = Term(str(iri), _short(iri), label_texts(graph, iri),
                {**_text(graph, iri, SKOS.definition), **_text(graph, iri, RDFS.comment)})
    for heading, predicate in (
        ("subclass of", RDFS.subClassOf),
        ("subproperty of", RDFS.subPropertyOf),
        ("domain", RDFS.domain),
        ("range", RDFS.range),
        ("equivalent to", OWL.equivalentClass),
        ("inverse of", OWL.inverseOf),
    ):
        values = sorted(_link(v) for v in graph.objects(iri, predicate) if isinstance(v, URIRef))
        if values:
            term.facts.append((heading, values))
    if (iri, AIG.drawingHint, Literal(True)) in graph:
        term.facts.append(("drawing hint", [("#drawingHint", "left out of the exports")]))
    return term


def document_terms(graph: Graph, /) -> list[tuple[str, list[Term]]]:
    """Return the ontology's own terms by kind, each kind sorted by name.

    >>> from aigraph import load
    >>> kinds = dict(document_terms(load().dataset.graph(ONTOLOGY_GRAPH)))
    >>> [t.name for t in kinds["Classes"]][:2]
    ['Absence', 'Annex']
    """
    seen: set[URIRef] = set()
    out = []
    for heading, types in KINDS:
        terms = sorted(
            {s for t in types for s in graph.subjects(RDF.type, t)
             if isinstance(s, URIRef) and str(s).startswith(str(AIG)) and s not in seen},
            key=str,
        )
        seen.update(terms)
        if terms:
            out.append((heading, [_term(graph, t) for t in terms]))
    return out


def render_ontology_html(graph: Graph, /, *, dest: str | Path | None = None) -> str | Path:
    """Render the documentation page of the ontology in *graph*; write it to *dest* when given.

    >>> from aigraph import load
    >>> page = render_ontology_html(load().dataset.graph(ONTOLOGY_GRAPH))
    >>> 'id="Summit"' in page and "정상회의" in page
    True
    """
    from jinja2 import Environment, PackageLoader, select_autoescape

    ontology = URIRef(str(ONTOLOGY_GRAPH))
    header = {
        "iri": str(ontology),
        "titles": _text(graph, ontology, DCTERMS.title),
        "descriptions": _text(graph, ontology, DCTERMS.description),
        "comments": _text(graph, ontology, RDFS.comment),
        "version_iri": str(graph.value(ontology, OWL.versionIRI) or ""),
        "version": str(graph.value(ontology, OWL.versionInfo) or ""),
        "licence": str(graph.value(ontology, DCTERMS.license) or ""),
        "creator": str(graph.value(ontology, DCTERMS.creator) or ""),
        "prefix": str(graph.value(ontology, URIRef(VANN + "preferredNamespacePrefix")) or ""),
        "namespace": str(graph.value(ontology, URIRef(VANN + "preferredNamespaceUri")) or ""),
    }
    environment = Environment(
        loader=PackageLoader("aigraph", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    page = environment.get_template("ontology.html.j2").render(
        header=header, kinds=document_terms(graph)
    )
    if dest is None:
        return page
    from aigraph.export.serialize import write_atomic

    return write_atomic(dest, page.encode("utf-8"))
