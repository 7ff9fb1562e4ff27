"""The storage engine under rdflib: Oxigraph (the default) or rdflib's memory store.

rdflib stays the API everywhere; only the store underneath changes. The
Oxigraph store answers SPARQL natively (pyoxigraph), parses with Oxigraph's
own parsers (the ``ox-*`` formats) and holds a triple in about a quarter of
the memory. The two stores give the same answers: Oxigraph's plain literals
come back typed ``xsd:string`` (RDF 1.1), so this module turns them back into
rdflib's plain literals, and the serialised output does not depend on the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal as TypingLiteral, cast

from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.term import BNode, Literal, URIRef, Variable

from aigraph.formats import by_parser, oxigraph_format

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib.query import Result
    from rdflib.store import Store

StoreName = TypingLiteral["oxigraph", "memory"]
#: The stores a dataset can live in, the default first.
STORES: tuple[str, ...] = ("oxigraph", "memory")
DEFAULT_STORE: StoreName = "oxigraph"

#: rdflib parser name → the Oxigraph parser registered by oxrdflib.
_OX_FORMATS = {"turtle": "ox-turtle", "trig": "ox-trig", "nt": "ox-ntriples", "nquads": "ox-nquads"}


def new_store(
    name: StoreName = DEFAULT_STORE, /, *, wrap: pyoxigraph.Store | None = None
) -> Store | str:
    """Return a fresh, empty store for a Dataset: an Oxigraph store or ``"Memory"``.

    :param wrap: an existing pyoxigraph Store to put under rdflib instead of a new one.
    :raises ValueError: for an unknown store name.

    >>> type(new_store("oxigraph")).__name__, new_store("memory")
    ('OxStore', 'Memory')
    """
    if name == "memory":
        return "Memory"
    if name == "oxigraph":
        return _ox_store_class()(store=wrap)
    raise ValueError(f"unknown store {name!r} (known: {', '.join(STORES)})")


def store_name(graph: Graph) -> StoreName:
    """Return which engine holds *graph*.

    >>> from rdflib import Dataset
    >>> store_name(Dataset(store=new_store("oxigraph"))), store_name(Graph())
    ('oxigraph', 'memory')
    """
    return "oxigraph" if hasattr(graph.store, "ox") else "memory"


def parser_format(fmt: str, graph: Graph) -> str:
    """Return the parser to use for rdflib format *fmt* when parsing into *graph*.

    Oxigraph's parsers are an order of magnitude faster than rdflib's, but only
    when asked for by name: plain ``turtle`` into an Oxigraph store still runs
    rdflib's parser.

    >>> parser_format("trig", Graph())
    'trig'
    """
    return _OX_FORMATS.get(fmt, fmt) if store_name(graph) == "oxigraph" else fmt


def raw_store(graph: Graph) -> pyoxigraph.Store:
    """Return the pyoxigraph Store under *graph* (which must live in the Oxigraph store).

    >>> from rdflib import Dataset
    >>> type(raw_store(Dataset(store=new_store()))).__name__
    'Store'
    """
    return graph.store.ox  # type: ignore[attr-defined]


def from_ox(term: Any) -> Any:
    """Turn a pyoxigraph term into the rdflib term the memory store would hold.

    >>> import pyoxigraph as ox
    >>> from_ox(ox.Literal("a"))
    rdflib.term.Literal('a')
    """
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        # RDF 1.1 made every plain literal an xsd:string; rdflib keeps them plain.
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Triple):
        return from_ox(term.subject), from_ox(term.predicate), from_ox(term.object)
    if term is None:
        return None
    raise ValueError(f"unexpected Oxigraph term: {term!r}")


_XSD_STRING = str(XSD.string)


def _ox_store_class() -> type:
    """Define the Oxigraph store class on first use: pyoxigraph loads only when needed."""
    global _OxStore
    if _OxStore is None:
        _OxStore = _define_ox_store()
    return _OxStore


_OxStore: type | None = None


def _define_ox_store() -> type:
    import pyoxigraph as ox
    from oxrdflib._converter import to_ox, to_ox_quad_pattern
    from oxrdflib.store import OxigraphStore

    from aigraph.errors import ReadOnlyError

    class OxStore(OxigraphStore):
        """oxrdflib's store, returning rdflib's own terms and taking SPARQL text only.

        Once :func:`seal` has made its default graph the RDF merge of its named
        graphs, it is read-only: union queries read that merge (each triple once),
        and iterating the union skips it, so the named graphs are seen as before.
        """

        sealed = False

        @property
        def ox(self) -> ox.Store:
            """The pyoxigraph Store underneath."""
            return self._inner

        def _writable(self) -> None:
            if self.sealed:
                raise ReadOnlyError(
                    "the assembled graph is read-only; load the project again to change it"
                )

        def add(self, triple, context, quoted=False):
            self._writable()
            super().add(triple, context, quoted)

        def addN(self, quads):
            self._writable()
            super().addN(quads)

        def remove(self, triple, context=None):
            self._writable()
            super().remove(triple, context)

        def add_graph(self, graph):
            if self.sealed:
                return  # rdflib's Dataset.graph(name) adds the graph even to read it: no change
            super().add_graph(graph)

        def remove_graph(self, graph):
            self._writable()
            super().remove_graph(graph)

        def __len__(self, context=None):
            if (
                self.sealed
                and context is not None
                and context.identifier == DATASET_DEFAULT_GRAPH_ID
            ):
                return 0  # the merge is for SPARQL only (see _triples)
            return super().__len__(context)

        def contexts(self, triple=None):
            if triple is None or not self.sealed:
                return super().contexts(triple)
            return (g for g in super().contexts(triple) if g.identifier != DATASET_DEFAULT_GRAPH_ID)

        def triples(self, triple_pattern, context=None):
            try:
                pattern = to_ox_quad_pattern(triple_pattern, context)
            except (TypeError, ValueError):
                return iter(())
            return self._triples(pattern)

        def _triples(self, pattern: tuple) -> Iterator:
            graphs: dict[Any, Graph] = {}  # one Graph object per graph, not one per triple
            # Sealed, the default graph holds the merge for SPARQL only: triple look-ups see
            # the named graphs, and an empty default graph, as on rdflib's memory store.
            if self.sealed and isinstance(pattern[3], ox.DefaultGraph):
                return
            skip_merge = self.sealed and pattern[3] is None
            for quad in self._inner.quads_for_pattern(*pattern):
                name = quad.graph_name
                if skip_merge and isinstance(name, ox.DefaultGraph):
                    continue
                graph = graphs.get(name)
                if graph is None:
                    identifier = (
                        DATASET_DEFAULT_GRAPH_ID
                        if isinstance(name, ox.DefaultGraph)
                        else from_ox(name)
                    )
                    graph = graphs[name] = Graph(store=self, identifier=identifier)
                triple = (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object))
                yield triple, iter((graph,))

        def query(
            self,
            query: Any,
            initNs: Mapping[str, Any],
            initBindings: Mapping[str, Any],
            queryGraph: Any,
            **kwargs: object,
        ) -> Result:
            if not isinstance(query, str) or kwargs:
                raise NotImplementedError("the Oxigraph store answers SPARQL text only")
            union = queryGraph == "__UNION__"
            # oxrdflib's to_ox is typed for any term: here a graph name, then bound terms
            graph = to_ox(queryGraph) if isinstance(queryGraph, URIRef | BNode) else None
            answer = self._inner.query(
                query,
                # sealed: the default graph is the merge, each triple once (oxigraph #1919)
                use_default_graph_as_union=union and not self.sealed,
                default_graph=cast("ox.NamedNode | ox.BlankNode | ox.DefaultGraph | None", graph),
                prefixes={k: str(v) for k, v in {**self._namespace_for_prefix, **initNs}.items()},
                substitutions={
                    ox.Variable(k): cast("ox.NamedNode | ox.BlankNode | ox.Literal", to_ox(v))
                    for k, v in initBindings.items()
                },
            )
            return to_result(answer)

    return OxStore


def to_result(answer: Any, /, *, limit: int | None = None) -> Result:
    """Wrap a pyoxigraph query answer as an rdflib Result holding rdflib terms.

    :param limit: read at most this many rows or triples of the answer; rows
        are read lazily, as the Result is iterated.

    >>> import pyoxigraph as ox
    >>> to_result(ox.Store().query("ASK { ?s ?p ?o }")).askAnswer
    False
    """
    import pyoxigraph as ox
    from rdflib.query import Result

    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
    elif isinstance(answer, ox.QuerySolutions):
        result = Result("SELECT")
        names = [Variable(v.value) for v in answer.variables]
        result.vars = names
        result.bindings = (  # a generator: rdflib reads it lazily
            {v: from_ox(value) for v, value in zip(names, row, strict=True) if value is not None}
            for row in islice(answer, limit)
        )
    else:
        result = Result("CONSTRUCT")
        result.graph = Graph()
        result.graph.addN((*from_ox(t), result.graph) for t in islice(answer, limit))
    return result


def dump_nquads(dataset: Graph, path: Path, /) -> Path:
    """Write every quad of *dataset* to *path* as N-Quads (unsorted: a snapshot, not an export).

    A sealed Oxigraph store's merged default graph is written too: load the
    snapshot and ``seal(dataset, merged=True)`` to have the same dataset again.

    >>> import tempfile
    >>> from rdflib import Dataset
    >>> dump_nquads(Dataset(store=new_store()), Path(tempfile.mkdtemp()) / "s.nq").stat().st_size
    0
    """
    if store_name(dataset) == "oxigraph":
        import pyoxigraph as ox

        raw_store(dataset).dump(str(path), format=ox.RdfFormat.N_QUADS)
    else:
        dataset.serialize(destination=str(path), format="nquads", encoding="utf-8")
    return path


def ox_query(graph: Graph, text: str, /, **options: Any) -> Any:
    """Run SPARQL *text* on the pyoxigraph store under *graph*; return pyoxigraph's answer.

    The default graph is the RDF merge of all graphs, each triple once, as in
    rdflib's Dataset, unless the query names its own (``FROM``/``FROM NAMED``).
    A sealed store (:func:`seal`) holds that merge; any other store is merged
    into a throw-away copy first, which costs its size once more.

    :param options: passed on to pyoxigraph's ``Store.query`` (``base_iri``...).
    :raises SyntaxError: when Oxigraph cannot parse *text*.

    >>> from rdflib import Dataset, URIRef
    >>> ds = Dataset(store=new_store())
    >>> for name in ("urn:g1", "urn:g2"):
    ...     _ = ds.graph(URIRef(name)).add((URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:o")))
    >>> list(ox_query(ds, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))[0]["n"].value
    '1'
    """
    return merged_store(graph).query(text, **options)


def select(store: pyoxigraph.Store, text: str, /) -> pyoxigraph.QuerySolutions:
    """Run the SPARQL SELECT *text* on *store*; return its solutions.

    :raises TypeError: when *text* is another form of query (ASK, CONSTRUCT, DESCRIBE).
    """
    import pyoxigraph as ox

    answer = store.query(text)
    if not isinstance(answer, ox.QuerySolutions):
        raise TypeError(f"not a SELECT query: {text[:60]!r}")
    return answer


def merged_store(graph: Graph, /) -> pyoxigraph.Store:
    """Return a pyoxigraph store whose default graph is the merge of *graph*'s graphs.

    A sealed dataset's own store; otherwise a throw-away merged copy.
    """
    if is_sealed(graph):
        return raw_store(graph)
    import pyoxigraph as ox

    merged = ox.Store()
    merged.bulk_extend(raw_store(graph))
    merge_into_default(merged)
    return merged


def merge_into_default(store: pyoxigraph.Store) -> None:
    """Add every triple of the named graphs of *store* to its default graph."""
    # In Oxigraph's own engine: no Python object per quad (measured at 10^6 triples:
    # cheaper than dumping the graphs and bulk-loading them into the default graph).
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def seal(graph: Graph, /, *, merged: bool = False) -> None:
    """Make *graph*'s default graph the RDF merge of its named graphs, and make it read-only.

    pyoxigraph 0.5's union default graph yields a triple once per graph that holds it
    (oxigraph issue #1919, fixed after 0.5.13), so ``COUNT(*)`` over the union would
    count a person typed in 40 sources 40 times; the merge, made once here, holds each
    triple once, and every union query (rdflib's ``Dataset.query`` included) reads it.
    On rdflib's memory store, whose union is already a merge, nothing changes.

    :param merged: the store already holds the merge (a snapshot of a sealed store).

    >>> from rdflib import Dataset, URIRef
    >>> ds = Dataset(store=new_store(), default_union=True)
    >>> for name in ("urn:g1", "urn:g2"):
    ...     _ = ds.graph(URIRef(name)).add((URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:o")))
    >>> seal(ds)
    >>> len(ds.query("SELECT * WHERE { ?s ?p ?o }")), len(list(ds.quads()))
    (1, 2)
    """
    if store_name(graph) != "oxigraph" or is_sealed(graph):
        return
    if not merged:
        if next(raw_store(graph).quads_for_pattern(None, None, None, _default_graph()), None):
            raise ValueError("the default graph must be empty before it becomes the merge")
        merge_into_default(raw_store(graph))
    graph.store.sealed = True  # type: ignore[attr-defined]


def is_sealed(graph: Graph, /) -> bool:
    """Whether *graph* lives in an Oxigraph store whose default graph is the merge."""
    return bool(getattr(graph.store, "sealed", False))


def _default_graph() -> Any:
    import pyoxigraph as ox

    return ox.DefaultGraph()


@contextmanager
def local_graphs_only() -> Iterator[None]:
    """Keep rdflib's engine from fetching the graphs a ``FROM`` clause names from the web.

    A ``FROM`` graph then means a graph of the dataset, as it does on Oxigraph.

    >>> with local_graphs_only():
    ...     import rdflib.plugins.sparql
    ...     rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS
    False
    """
    import rdflib.plugins.sparql as sparql

    before = sparql.SPARQL_LOAD_GRAPHS
    sparql.SPARQL_LOAD_GRAPHS = False
    try:
        yield
    finally:
        sparql.SPARQL_LOAD_GRAPHS = before


#: XSD datatypes whose literals Oxigraph stores by value: it may rewrite them
#: ("1.50" → "1.5", xsd:nonNegativeInteger → xsd:integer).
_BY_VALUE = (
    "nonNegativeInteger|positiveInteger|negativeInteger|nonPositiveInteger|unsignedLong|unsignedInt"
    "|unsignedShort|unsignedByte|long|int|short|byte|decimal|double|float|boolean"
)
_TYPED = re.compile(rf"(?:{_BY_VALUE})\b".encode())
_BARE = re.compile(rb"\d\.\d|\d[eE][+-]?\d")


def _may_change(data: bytes) -> bool:
    """Whether *data* may hold a literal Oxigraph rewrites: only a trigger for the exact check.

    It looks for an explicit by-value datatype after ``XMLSchema#`` or ``xsd:``, or a
    bare Turtle decimal or double; a false alarm costs time, never a wrong answer.
    """
    for marker in (b"XMLSchema#", b"xsd:"):
        at = data.find(marker)
        while at != -1:
            if _TYPED.match(data, at + len(marker)):
                return True
            at = data.find(marker, at + 1)
    return _BARE.search(data) is not None


#: A language tag, right after the quote that closes a literal, with an upper-case letter.
_MIXED_CASE_TAG = re.compile(rb"""(?<!\\)["']@[a-z0-9-]*[A-Z]""")


def changed_literal(data: bytes, fmt: str, /, *, base: str | None = None) -> tuple[Any, Any] | None:
    """Return the first literal of *data* that Oxigraph would not keep as rdflib reads it.

    Oxigraph stores numbers and booleans by value, so ``"20"^^xsd:nonNegativeInteger``
    comes back as ``"20"^^xsd:integer`` and ``"1.50"`` as ``"1.5"``; and it keeps
    language tags in lower case (``@sa-Latn`` as ``@sa-latn``). Data with such literals
    would give different answers and exports on the two stores.

    :returns: ``(as written, as Oxigraph keeps it)`` as rdflib terms, or None.

    >>> changed_literal(b'<urn:a> <urn:b> '
    ...                 b'"20"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .', "nt")
    (rdflib.term.Literal('20',
      datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#nonNegativeInteger')),
     rdflib.term.Literal('20',
      datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')))
    >>> changed_literal(b'<urn:a> <urn:b> "Sarvajana Hitaya"@sa-Latn .', "nt")
    (rdflib.term.Literal('Sarvajana Hitaya', lang='sa-Latn'),
     rdflib.term.Literal('Sarvajana Hitaya', lang='sa-latn'))
    """
    if _MIXED_CASE_TAG.search(data):
        tagged = _mixed_case_tag(data, fmt, base)
        if tagged is not None:
            return tagged
    if not _may_change(data):
        return None
    import pyoxigraph as ox

    format_ = oxigraph_format(by_parser(fmt))
    written = {
        quad.object
        for quad in ox.parse(input=data, format=format_, base_iri=base)
        if isinstance(quad.object, ox.Literal) and quad.object.datatype.value.startswith(str(XSD))
        and quad.object.datatype.value != _XSD_STRING
    }
    scratch = ox.Store()
    subject, predicate = ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p")
    for literal in sorted(written, key=str):
        scratch.add(ox.Quad(subject, predicate, literal))
        [kept] = [q.object for q in scratch]
        scratch.clear()
        as_read = Literal(literal.value, datatype=URIRef(literal.datatype.value))
        if from_ox(kept) != as_read:
            return as_read, from_ox(kept)
    return None


def _mixed_case_tag(data: bytes, fmt: str, base: str | None) -> tuple[Any, Any] | None:
    """Return the first literal (in sorted order) whose language tag is not lower case."""
    from rdflib import Dataset

    read = Dataset()
    try:
        read.parse(data=data, format=fmt, publicID=base)
    except Exception:
        return None
    tagged = sorted({o for _, _, o, _ in read.quads() if isinstance(o, Literal) and o.language
                     and o.language != o.language.lower()})
    if not tagged:
        return None
    return tagged[0], Literal(str(tagged[0]), lang=str(tagged[0].language).lower())
