"""What is published: the assembled dataset without the drawing hints that only the page needs.

Which properties and classes are drawing hints is data: the ontology marks them
``aig:drawingHint true`` (``aig:graphColour``, ``aig:graphShape``, the edge rules...).
Exports, the VoID counts and the served endpoint leave out every triple whose
property is so marked, and every triple about an instance of a class so marked;
the declarations of the hint terms themselves stay, so a reader can look them up.
The graph page reads the hints from the assembled dataset, before this step.
"""

from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from aigraph.parse import new_dataset
from aigraph.namespaces import AIG
from aigraph.store import is_sealed, raw_store, seal, store_name

#: The annotation that marks a property or class as a drawing hint.
DRAWING_HINT = AIG.drawingHint


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


def published(dataset: Dataset, /) -> Dataset:
    """Return a copy of *dataset* without the drawing hints, in the same kind of store.

    A sealed dataset gives a sealed copy (:func:`aigraph.store.seal`).

    >>> from aigraph import load
    >>> ds = load().dataset
    >>> (None, AIG.graphColour, None) in ds, (None, AIG.graphColour, None) in published(ds)
    (True, False)
    """
    properties, classes = drawing_hints(dataset)
    hidden = {s for cls in classes for s in dataset.subjects(RDF.type, cls)}
    out = new_dataset(store=store_name(dataset))
    if store_name(dataset) == "oxigraph":
        import pyoxigraph as ox

        # All in Oxigraph's own engine: one N-Quads copy (the merged default graph
        # of a sealed store included), then the hints deleted from every graph.
        store = raw_store(out)
        store.bulk_load(raw_store(dataset).dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        for variable, terms in (("p", properties), ("s", {s for s in hidden if isinstance(s, URIRef)})):
            if terms:
                values = " ".join(t.n3() for t in sorted(terms))
                store.update(f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                             f"VALUES ?{variable} {{ {values} }} }} ;\n"
                             f"DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o VALUES ?{variable} {{ {values} }} }}")
        if is_sealed(dataset):
            seal(out, merged=True)
        return out
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if p not in properties and s not in hidden:
            out.graph(g.identifier if hasattr(g, "identifier") else g).add((s, p, o))
    return out
