"""What is published: the assembled dataset without the drawing hints that only the page needs.

Which properties and classes are drawing hints is data: the ontology marks them
``aig:drawingHint true`` (``aig:graphColour``, ``aig:graphShape``, the edge rules...).
Exports, the VoID counts and the served endpoint leave out every triple whose
property is so marked, and every triple about an instance of a class so marked;
the declarations of the hint terms themselves stay, so a reader can look them up.
The graph page reads the hints from the assembled dataset, before this step.

Dates for schema.org readers: a schema.org property whose value is a month or a
year (``"2023-11"^^xsd:gYearMonth``, which schema.org consumers reject) also gets
the same value typed ``schema:Date`` (ISO 8601 allows a month or a year), in the
same graph. rdflib users keep the precise type; schema.org users find a Date.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from aigraph.rdf.namespaces import AIG, SCHEMA
from aigraph.rdf.parse import new_dataset
from aigraph.rdf.store import is_sealed, raw_store, seal, store_name

#: The annotation that marks a property or class as a drawing hint.
DRAWING_HINT = AIG.drawingHint
#: The type that a month or a year under a schema.org property also gets.
SCHEMA_DATE = SCHEMA.Date
_TWINS = """
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
INSERT {{ {target} }} WHERE {{ {source}
  FILTER(STRSTARTS(STR(?p), "https://schema.org/") && DATATYPE(?o) IN (xsd:gYearMonth, xsd:gYear))
  BIND(STRDT(STR(?o), <https://schema.org/Date>) AS ?d) }}
"""


def drawing_hints(dataset: Dataset, /) -> tuple[set[URIRef], set[URIRef]]:
    """Return the properties and the classes the ontology marks as drawing hints.

    >>> from aigraph import load
    >>> properties, classes = drawing_hints(load().dataset)
    >>> AIG.graphColour in properties, AIG.EdgeRule in classes
    (True, True)
    """
    marked = {s for s, o in dataset.subject_objects(DRAWING_HINT) if o == Literal(True)}
    classes = {s for s in marked if isinstance(s, URIRef)
               and ((s, RDF.type, OWL.Class) in dataset or (s, RDF.type, RDFS.Class) in dataset)}
    return {s for s in marked if isinstance(s, URIRef)} - classes, classes


def published(dataset: Dataset, /, *, directory: Path | None = None) -> Dataset:
    """Return a copy of *dataset* without the drawing hints, in the same kind of store.

    A sealed dataset gives a sealed copy (:func:`aigraph.rdf.store.seal`).

    :param directory: an Oxigraph dataset only: keep the copy on disk in this new
        directory (Oxigraph's RocksDB store), not in memory. Once the copy is
        dropped, other processes can open it with ``pyoxigraph.Store.read_only``
        and share it through the page cache (what ``aigraph serve``'s workers do).

    >>> from aigraph import load
    >>> ds = load().dataset
    >>> (None, AIG.graphColour, None) in ds, (None, AIG.graphColour, None) in published(ds)
    (True, False)
    """
    properties, classes = drawing_hints(dataset)
    hidden = {s for cls in classes for s in dataset.subjects(RDF.type, cls)}
    if store_name(dataset) == "oxigraph":
        import pyoxigraph as ox

        # All in Oxigraph's own engine: one N-Quads copy (the merged default graph
        # of a sealed store included), then the hints deleted from every graph.
        if directory is None:
            store = ox.Store()
            store.bulk_load(
                raw_store(dataset).dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS
            )
        else:
            store = ox.Store(str(directory))
            # through a file: no copy in memory
            nquads = directory.with_name(directory.name + ".nq")
            raw_store(dataset).dump(output=str(nquads), format=ox.RdfFormat.N_QUADS)
            store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
            nquads.unlink()
        out = new_dataset(store="oxigraph", wrap=store)
        for variable, terms in (
            ("p", properties),
            ("s", {s for s in hidden if isinstance(s, URIRef)}),
        ):
            if terms:
                values = " ".join(t.n3() for t in sorted(terms))
                store.update(
                    f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                    f"VALUES ?{variable} {{ {values} }} }} ;\n"
                    f"DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o VALUES ?{variable} {{ {values} }} }}"
                )
        store.update(_TWINS.format(target="GRAPH ?g { ?s ?p ?d }", source="GRAPH ?g { ?s ?p ?o }"))
        if is_sealed(dataset):  # the merge in the default graph gets them too
            store.update(_TWINS.format(target="?s ?p ?d", source="?s ?p ?o"))
        if directory is not None:
            store.flush()
        if is_sealed(dataset):
            seal(out, merged=True)
        return out
    if directory is not None:
        raise ValueError("only an Oxigraph dataset can be published on disk")
    out = new_dataset(store=store_name(dataset))
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if p not in properties and s not in hidden:
            graph = out.graph(getattr(g, "identifier", g))
            graph.add((s, p, o))
            if (
                isinstance(o, Literal)
                and o.datatype in (XSD.gYearMonth, XSD.gYear)
                and str(p).startswith(str(SCHEMA))
            ):
                graph.add((s, p, Literal(str(o), datatype=SCHEMA_DATE)))
    return out
