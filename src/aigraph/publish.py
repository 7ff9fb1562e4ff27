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

from aigraph.load import new_dataset
from aigraph.namespaces import AIG
from aigraph.store import raw_store, store_name

#: The annotation that marks a property or class as a drawing hint.
DRAWING_HINT = AIG.drawingHint


def drawing_hints(dataset: Dataset, /) -> tuple[set[URIRef], set[URIRef]]:
    """Return the properties and the classes the ontology marks as drawing hints.

    >>> from aigraph.build import assemble
    >>> properties, classes = drawing_hints(assemble())
    >>> AIG.graphColour in properties, AIG.EdgeRule in classes
    (True, True)
    """
    marked = {s for s, o in dataset.subject_objects(DRAWING_HINT) if o == Literal(True)}
    classes = {s for s in marked if isinstance(s, URIRef)
               and ((s, RDF.type, OWL.Class) in dataset or (s, RDF.type, RDFS.Class) in dataset)}
    return {s for s in marked if isinstance(s, URIRef)} - classes, classes


def published(dataset: Dataset, /) -> Dataset:
    """Return a copy of *dataset* without the drawing hints, in the same kind of store.

    >>> from aigraph.build import assemble
    >>> ds = assemble()
    >>> (None, AIG.graphColour, None) in ds, (None, AIG.graphColour, None) in published(ds)
    (True, False)
    """
    properties, classes = drawing_hints(dataset)
    hidden = {s for cls in classes for s in dataset.subjects(RDF.type, cls)}
    out = new_dataset(store=store_name(dataset))
    if store_name(dataset) == "oxigraph":
        import pyoxigraph as ox

        drop_p = {ox.NamedNode(str(p)) for p in properties}
        drop_s = {ox.NamedNode(str(s)) for s in hidden if isinstance(s, URIRef)}
        raw_store(out).bulk_extend(
            q for q in raw_store(dataset) if q.predicate not in drop_p and q.subject not in drop_s
        )
        out.store.changed()  # type: ignore[attr-defined]
        return out
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if p not in properties and s not in hidden:
            out.graph(g.identifier if hasattr(g, "identifier") else g).add((s, p, o))
    return out
