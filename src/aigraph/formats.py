"""The one registry of file formats: name → extension, media type, and the parser that reads it.

Every reader and writer looks a format up here: the loader (which files are RDF), the
exporters (``aigraph export -f``, a destination's extension), the query results, the
server's content negotiation and the remote-store client. Three kinds:

* ``rdf``: graphs and datasets (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML);
* ``network``: the projected network (GraphML, GEXF);
* ``results``: the answer to a SELECT or ASK query (SPARQL JSON and XML, CSV, TSV).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["rdf", "network", "results"]


@dataclass(frozen=True)
class Format:
    """A file format: what it is called, how its files end, what it is served as."""

    #: The name given to ``-f`` and ``?format=``.
    name: str
    kind: Kind
    #: The extension of the files aigraph writes in it.
    extension: str
    media_type: str
    #: The name people know it by.
    title: str
    #: rdflib's name for its parser (RDF only).
    parser: str | None = None
    #: The name of its ``pyoxigraph.RdfFormat`` member, where Oxigraph reads and writes it.
    oxigraph: str | None = None
    #: Whether it holds named graphs (a dataset), not one graph.
    quads: bool = False
    #: Further extensions read as this format.
    also: tuple[str, ...] = ()

    @property
    def extensions(self) -> tuple[str, ...]:
        """Every extension this format is known by, its own first."""
        return (self.extension, *self.also)


FORMATS: tuple[Format, ...] = (
    Format("ttl", "rdf", ".ttl", "text/turtle", "Turtle", "turtle", "TURTLE"),
    Format("trig", "rdf", ".trig", "application/trig", "TriG", "trig", "TRIG", quads=True),
    Format("nt", "rdf", ".nt", "application/n-triples", "N-Triples", "nt", "N_TRIPLES"),
    Format("nq", "rdf", ".nq", "application/n-quads", "N-Quads", "nquads", "N_QUADS", quads=True),
    Format(
        "jsonld",
        "rdf",
        ".jsonld",
        "application/ld+json",
        "JSON-LD",
        "json-ld",
        quads=True,
        also=(".json",),
    ),
    Format("xml", "rdf", ".rdf", "application/rdf+xml", "RDF/XML", "xml", "RDF_XML"),
    Format("gexf", "network", ".gexf", "application/gexf+xml", "GEXF"),
    Format("graphml", "network", ".graphml", "application/graphml+xml", "GraphML"),
    Format("json", "results", ".srj", "application/sparql-results+json", "SPARQL JSON"),
    Format("xml", "results", ".srx", "application/sparql-results+xml", "SPARQL XML"),
    Format("csv", "results", ".csv", "text/csv", "CSV"),
    Format("tsv", "results", ".tsv", "text/tab-separated-values", "TSV"),
)


def of_kind(kind: Kind) -> dict[str, Format]:
    """Return the formats of *kind* by name, in the registry's order.

    >>> list(of_kind("network"))
    ['gexf', 'graphml']
    """
    return {fmt.name: fmt for fmt in FORMATS if fmt.kind == kind}


def by_extension(suffix: str, kind: Kind) -> Format | None:
    """Return the format of *kind* whose files end in *suffix*, or ``None``.

    >>> by_extension(".json", "rdf").name, by_extension(".gexf", "rdf")
    ('jsonld', None)
    """
    for fmt in FORMATS:
        if fmt.kind == kind and suffix in fmt.extensions:
            return fmt
    return None


def by_media_type(media_type: str, kind: Kind) -> Format | None:
    """Return the format of *kind* served as *media_type*, or ``None``.

    >>> by_media_type("application/sparql-results+xml", "results").name
    'xml'
    """
    for fmt in FORMATS:
        if fmt.kind == kind and fmt.media_type == media_type:
            return fmt
    return None


def media_types(kind: Kind, names: tuple[str, ...]) -> dict[str, str]:
    """Return media type → format name for the formats *names* of *kind*, in that order.

    >>> media_types("rdf", ("ttl", "nt"))
    {'text/turtle': 'ttl', 'application/n-triples': 'nt'}
    """
    formats = of_kind(kind)
    return {formats[name].media_type: name for name in names}


def by_parser(parser: str) -> Format:
    """Return the RDF format that rdflib's parser *parser* reads.

    :raises ValueError: for a parser of no registered format.

    >>> by_parser("nquads").name
    'nq'
    """
    for fmt in FORMATS:
        if fmt.kind == "rdf" and fmt.parser == parser:
            return fmt
    raise ValueError(f"no RDF format is read by rdflib's {parser!r} parser")


def oxigraph_format(fmt: Format) -> Any:
    """Return the ``pyoxigraph.RdfFormat`` of *fmt*.

    :raises ValueError: for a format Oxigraph does not read.

    >>> oxigraph_format(of_kind("rdf")["trig"]).name
    'TriG'
    """
    import pyoxigraph as ox

    if fmt.oxigraph is None:
        raise ValueError(f"Oxigraph does not read {fmt.title}")
    return getattr(ox.RdfFormat, fmt.oxigraph)
