"""Run the checks :mod:`aigraph.rdf.shacl` compiles on a pyoxigraph store, and read what they need.

The compiled queries need two facts about the data: each class with its
subclasses (``rdfs:subClassOf*``, as SHACL's ``sh:targetClass`` and
``sh:class`` read them) and the literals whose lexical form is not a value of
their datatype (``"1 January 2024"^^xsd:date``), which rdflib, and so pySHACL,
tells apart and SPARQL does not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from aigraph.rdf.namespaces import SH
from aigraph.rdf.shacl import Check, Result
from aigraph.rdf.store import from_ox, select

if TYPE_CHECKING:
    import pyoxigraph


def datatypes_used(shapes: Graph, /) -> tuple[set[URIRef], set[URIRef] | None]:
    """Return the datatypes ``sh:datatype`` asks for, and the predicates whose values it checks.

    The datatypes are those whose literals may be ill-formed; the predicates are ``None``
    when a node shape checks focus nodes (any predicate).

    >>> from rdflib import Graph
    >>> shapes = Graph().parse(format="turtle", data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> .
    ...     @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    ...     <urn:S> sh:property [ sh:path <urn:p> ; sh:or ( [ sh:datatype xsd:date ] ) ] .''')
    >>> datatypes_used(shapes)
    ({rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date')}, {rdflib.term.URIRef('urn:p')})
    """
    datatypes: set[URIRef] = set()
    paths: set[URIRef] | None = set()
    for node, datatype in shapes.subject_objects(SH.datatype):
        if not isinstance(datatype, URIRef):
            continue  # not a datatype: the compiler refuses the shape
        if datatype in (XSD.string, RDF.langString, RDFS.Literal, RDFS.Datatype):
            continue
        datatypes.add(datatype)
        owners = _owning_paths(shapes, node, set())
        paths = None if paths is None or owners is None else paths | owners
    return datatypes, paths


def _owning_paths(shapes: Graph, node: Node, seen: set) -> set[URIRef] | None:
    """Return the paths whose values *node*'s value constraints see; ``None`` for focus nodes.

    ``None`` too for a path other than a predicate (any predicate may then hold the values).
    """
    path = shapes.value(node, SH.path)
    if isinstance(path, URIRef):
        return {path}
    if path is not None:
        return None
    if node in seen:
        return set()
    seen.add(node)
    parents = [*shapes.subjects(SH["not"], node), *shapes.subjects(SH.node, node)]
    for head in _list_heads(shapes, node):
        parents += [p for name in ("or", "xone", "and") for p in shapes.subjects(SH[name], head)]
    if not parents:
        return None
    found: set[URIRef] = set()
    for parent in parents:
        owners = _owning_paths(shapes, parent, seen)
        if owners is None:
            return None
        found |= owners
    return found


def _list_heads(shapes: Graph, member: Node) -> list:
    heads = []
    for cell in shapes.subjects(RDF.first, member):
        while (previous := shapes.value(None, RDF.rest, cell)) is not None:
            cell = previous
        heads.append(cell)
    return heads


def ill_formed_literals(
    store: pyoxigraph.Store, datatypes: set[URIRef], predicates: set[URIRef] | None = None, /
) -> dict[URIRef, list[str]]:
    """Return, for each of *datatypes*, its ill-formed literals in *store* as SPARQL terms.

    A literal is ill-formed when rdflib (and so pySHACL) cannot read its lexical
    form as a value of its datatype, e.g. ``"1 January 2024"^^xsd:date``. Only
    the values of *predicates* are read, unless it is ``None``.
    """
    found: dict[URIRef, list[str]] = {datatype: [] for datatype in datatypes}
    if not datatypes:
        return {}
    listed = ", ".join(datatype.n3() for datatype in sorted(datatypes))
    only = (
        f"VALUES ?p {{ {' '.join(p.n3() for p in sorted(predicates))} }}"
        if predicates is not None
        else ""
    )
    query = (
        f"SELECT DISTINCT ?o WHERE {{ {only} ?s ?p ?o "
        f"FILTER (isLiteral(?o) && DATATYPE(?o) IN ({listed})) }}"
    )
    for row in select(store, query):
        literal = from_ox(row["o"])
        if getattr(literal, "ill_typed", None) is True:
            found[literal.datatype].append(str(row["o"]))
    return {datatype: sorted(terms) for datatype, terms in found.items()}


def subclasses_in(store: pyoxigraph.Store) -> Callable[[URIRef], list[URIRef]]:
    """Return a function: a class → it and its subclasses in *store*'s default graph.

    The subclasses are those of ``rdfs:subClassOf*``.
    """
    found: dict[URIRef, list[URIRef]] = {}

    def subclasses(cls: URIRef) -> list[URIRef]:
        if cls not in found:
            query = f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* {cls.n3()} }}"
            found[cls] = [from_ox(row["c"]) for row in select(store, query)]
        return found[cls]

    return subclasses


def run_checks(store: pyoxigraph.Store, checks: list[Check], /) -> list[Result]:
    """Run each check on *store* (its default graph the merge); return every violation once."""
    results: dict[Result, None] = {}
    for check in checks:
        answer = select(store, check.query)
        names = {variable.value for variable in answer.variables}
        for row in answer:
            bound = {name: from_ox(row[name]) for name in names if not name.startswith("_")}
            path = check.path if check.path is not None else bound.get("path")
            for i, component in enumerate(check.components):
                if component != "sparql" and not _true(row[f"_k{i}"]):
                    continue
                message = check.message.replace("{component}", component)
                if component == "sparql":
                    message = _fill(message, bound)
                found = Result(
                    bound["this"], path, bound.get("value"), message, check.shape, component
                )
                results.setdefault(found)
    return list(results)


def _true(term: object) -> bool:
    return getattr(term, "value", None) == "true"


def _fill(message: str, bindings: dict) -> str:
    """Replace ``{?name}`` and ``{$name}`` in a SPARQL constraint's message by the bound terms."""
    for name, term in bindings.items():
        shown = _show(term) if term is not None else ""
        message = message.replace(f"{{?{name}}}", shown).replace(f"{{${name}}}", shown)
    return message


def results_graph(results: list[Result], /) -> Graph:
    """Return a SHACL validation report graph holding *results*."""
    graph = Graph()
    graph.bind("sh", SH)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(not results)))
    for found in results:
        node = BNode()
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.focusNode, found.focus))
        graph.add((node, SH.resultSeverity, SH.Violation))
        graph.add((node, SH.sourceShape, found.shape))
        graph.add((node, SH.sourceConstraintComponent, SH[f"{found.component[0].upper()}"
                                                           f"{found.component[1:]}ConstraintComponent"]))
        graph.add((node, SH.resultMessage, Literal(found.message)))
        if found.path is not None:
            graph.add((node, SH.resultPath, found.path))
        if found.value is not None:
            graph.add((node, SH.value, found.value))
    return graph


def _show(term: object) -> str:
    return term.n3() if isinstance(term, URIRef | Literal) else str(term)
