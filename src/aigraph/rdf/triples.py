"""A plain in-memory triple index: the few look-ups the projection makes, without a store per call.

The projection (:mod:`aigraph.network.projection`, :mod:`aigraph.network.evidence`) asks millions of
small questions (the objects of a subject, the first value of a property).
Asked of rdflib's Graph API over Oxigraph, each crosses into the store and
converts its terms; asked of this index, each is a dict look-up. The index is
filled once, in one pass over the store, each distinct term converted once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import Dataset, URIRef

from aigraph.rdf.store import from_ox, is_sealed, raw_store, store_name


class TripleIndex:
    """A set of triples indexed by subject and by predicate, in the order they were added.

    >>> from rdflib import URIRef
    >>> index = TripleIndex([(URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:o"))])
    >>> s, p, o = URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:o")
    >>> index.value(s, p), list(index.subjects(p, o))
    (rdflib.term.URIRef('urn:o'), [rdflib.term.URIRef('urn:s')])
    """

    def __init__(self, triples: Iterable[tuple[Any, Any, Any]] = ()) -> None:
        """Index *triples* (duplicates are kept once)."""
        self._triples: dict[tuple[Any, Any, Any], None] = {}  # an ordered set
        self._spo: dict[Any, dict[Any, list[Any]]] = defaultdict(lambda: defaultdict(list))
        self._pos: dict[Any, dict[Any, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for triple in triples:
            self.add(triple)

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        """Add one triple."""
        if triple in self._triples:
            return
        self._triples[triple] = None
        s, p, o = triple
        self._spo[s][p].append(o)
        self._pos[p][o].append(s)

    def freeze(self) -> None:
        """Put the values of each look-up in one order, whatever order the triples came in.

        A store yields its triples in an order of its own, which may change from process
        to process; after this, ``objects``, ``subjects`` and ``value`` do not depend on it.
        """
        for index in (self._spo, self._pos):
            for by_key in index.values():
                for key, values in by_key.items():
                    if len(values) > 1:
                        by_key[key] = sorted(values, key=_n3)

    def __iter__(self) -> Iterator[tuple[Any, Any, Any]]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def objects(self, subject: Any, predicate: Any) -> Iterator[Any]:
        """Return the objects of *subject* and *predicate*."""
        by_p = self._spo.get(subject)
        return iter(by_p.get(predicate, ()) if by_p else ())

    def subjects(self, predicate: Any, obj: Any) -> Iterator[Any]:
        """Return the subjects of *predicate* and *obj*."""
        by_o = self._pos.get(predicate)
        return iter(by_o.get(obj, ()) if by_o else ())

    def value(self, subject: Any, predicate: Any) -> Any:
        """Return the first object of *subject* and *predicate*, or ``None``."""
        return next(self.objects(subject, predicate), None)

    def predicate_objects(self, subject: Any) -> Iterator[tuple[Any, Any]]:
        """Every ``(predicate, object)`` of *subject*."""
        by_p = self._spo.get(subject) or {}
        return ((p, o) for p, objects in by_p.items() for o in objects)

    def subject_objects(self, predicate: Any) -> Iterator[tuple[Any, Any]]:
        """Every ``(subject, object)`` of *predicate*."""
        by_o = self._pos.get(predicate) or {}
        return ((s, o) for o, subjects in by_o.items() for s in subjects)


def graph_quads(
    dataset: Dataset, names: Iterable[URIRef], /
) -> Iterator[tuple[Any, Any, Any, str]]:
    """Yield ``(s, p, o, name)`` for every triple of the named graphs *names*, as rdflib terms.

    On Oxigraph the quads are read in one pass per graph and each distinct term
    is converted once.
    """
    if store_name(dataset) != "oxigraph":
        for name in names:
            for s, p, o in dataset.graph(name):
                yield s, p, o, str(name)
        return
    import pyoxigraph as ox

    store, terms = raw_store(dataset), TermCache()
    for name in names:
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(str(name))):
            yield terms(quad.subject), terms(quad.predicate), terms(quad.object), str(name)


def merged_pairs(dataset: Dataset, predicate: URIRef, /) -> Iterator[tuple[Any, Any]]:
    """Yield each ``(subject, object)`` of *predicate* in the merge of all graphs, once."""
    if not is_sealed(dataset):
        yield from set(dataset.subject_objects(predicate))
        return
    import pyoxigraph as ox

    terms = TermCache()
    pattern = (None, ox.NamedNode(str(predicate)), None, ox.DefaultGraph())
    for quad in raw_store(dataset).quads_for_pattern(*pattern):  # the merge: each triple once
        yield terms(quad.subject), terms(quad.object)


def _n3(term: Any) -> str:
    return term.n3()


class TermCache(dict):
    """pyoxigraph term → rdflib term, each converted once (terms repeat across triples)."""

    def __call__(self, term: Any) -> Any:
        """Return *term* as an rdflib term."""
        found = self.get(term)
        if found is None:
            found = self[term] = from_ox(term)
        return found
