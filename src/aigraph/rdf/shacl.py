"""SHACL shapes run as SPARQL queries on Oxigraph: the fast validator of a sealed project.

:func:`compile_shapes` turns each shape of a shapes graph into SELECT queries
that return the focus node, value and path of every violation;
:func:`run_checks` runs them on a pyoxigraph store whose default graph is the
RDF merge (a sealed project). It covers what the project's shapes use:
targets (``sh:targetClass`` with ``rdfs:subClassOf*``, ``sh:targetSubjectsOf``,
``sh:targetObjectsOf``, ``sh:targetNode``), property shapes with a predicate
path, the cardinality, value-type, value-range, string and logical
components, ``sh:node``/``sh:property`` nesting and ``sh:sparql`` SELECT
constraints on node shapes. Anything else raises :class:`Unsupported`, and the
caller then validates with pySHACL: a shape is never skipped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import count

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from aigraph.rdf.namespaces import SH


class Unsupported(Exception):
    """A shape uses SHACL this compiler does not translate: validate with pySHACL instead."""


#: Predicates a shape may carry besides those in the ``sh:`` namespace checked below.
_SH_KNOWN = {
    SH[name]
    for name in (
        "targetClass targetSubjectsOf targetObjectsOf targetNode property path minCount maxCount "
        "class datatype nodeKind hasValue in pattern flags languageIn uniqueLang minInclusive "
        "maxInclusive minExclusive maxExclusive minLength maxLength or xone and not node sparql "
        "message name description deactivated severity order group defaultValue"
    ).split()
}
_VALUE_COMPONENTS = (
    "class datatype nodeKind hasValue in pattern languageIn minInclusive maxInclusive "
    "minExclusive maxExclusive minLength maxLength or xone and not node property"
).split()
_RANGE_OPS = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}
_NODE_KINDS: dict[Node, str] = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isIRI({v}) || isBlank({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
#: A class → the class and its subclasses in the data graph.
Subclasses = Callable[[URIRef], Iterable[URIRef]]


@dataclass(frozen=True)
class Check:
    """One SELECT query for one or more constraint components of *shape*.

    Each row names a focus node ``?this`` and, where there is one, ``?value``
    (and ``?path`` for SPARQL-based constraints); ``?_kI`` is true when the
    row violates ``components[I]``. *message* may hold ``{component}``.
    """

    query: str
    shape: URIRef | BNode
    components: tuple[str, ...]
    path: URIRef | None
    message: str


@dataclass(frozen=True)
class Result:
    """One violation found by a :class:`Check` (rdflib terms)."""

    focus: Node
    path: URIRef | None
    value: Node | None
    message: str
    shape: URIRef | BNode
    component: str


def compile_shapes(
    shapes: Graph,
    /,
    *,
    ill_formed: dict[URIRef, list[str]] | None = None,
    subclasses: Subclasses | None = None,
) -> list[Check]:
    """Return the checks of every shape of *shapes* that has a target.

    :param ill_formed: datatype → its ill-formed literals in the data, as SPARQL terms
        (see :func:`aigraph.rdf.shacl_run.ill_formed_literals`); a ``sh:datatype`` refuses them.
    :param subclasses: a class → it and its subclasses in the data (``rdfs:subClassOf*``);
        by default a class has none.
    :raises Unsupported: when a shape uses SHACL the compiler does not translate.

    >>> from rdflib import Graph
    >>> shapes = Graph().parse(format="turtle", data='''
    ...     @prefix sh: <http://www.w3.org/ns/shacl#> .
    ...     <urn:S> sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:minCount 1 ] .''')
    >>> [check.components for check in compile_shapes(shapes)]
    [('minCount',)]
    """
    compiler = _Compiler(shapes, ill_formed or {}, subclasses or (lambda c: [c]))
    checks = []
    for shape in sorted(set(compiler.shapes_with_targets()), key=str):
        checks += compiler.shape_checks(shape)
    return checks


class _Compiler:
    def __init__(
        self, shapes: Graph, ill_formed: dict[URIRef, list[str]], subclasses: Subclasses
    ) -> None:
        self.g = shapes
        self.subclasses = subclasses
        self.ill_formed = ill_formed
        self.fresh = count()

    def var(self) -> str:
        return f"?_v{next(self.fresh)}"

    def shapes_with_targets(self) -> Iterator[URIRef | BNode]:
        for target in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode):
            yield from (_shape(shape) for shape in self.g.subjects(target, None))
        for kind in (RDFS.Class, URIRef("http://www.w3.org/2002/07/owl#Class")):
            for shape in self.g.subjects(RDF.type, kind):
                node_shape = (shape, RDF.type, SH.NodeShape) in self.g
                if node_shape or (shape, RDF.type, SH.PropertyShape) in self.g:
                    raise Unsupported(f"implicit class target of {shape.n3()}")

    def one(self, node: Node, predicate: URIRef) -> Node | None:
        values = list(self.g.objects(node, predicate))
        if len(values) > 1:
            raise Unsupported(f"{node} has {len(values)} values of {predicate}")
        return values[0] if values else None

    def members(self, node: Node) -> list:
        return list(Collection(self.g, node))

    def inspect(self, shape: Node) -> None:
        """Refuse a shape that carries a ``sh:`` term this compiler does not know."""
        for predicate in self.g.predicates(shape, None):
            if str(predicate).startswith(str(SH)) and predicate not in _SH_KNOWN:
                raise Unsupported(f"{predicate.n3()} on shape {shape.n3()}")
        path = self.one(shape, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise Unsupported(f"non-predicate sh:path on shape {shape.n3()}")

    def deactivated(self, shape: Node) -> bool:
        return any(value == Literal(True) for value in self.g.objects(shape, SH.deactivated))

    def message(self, shape: Node, default: str) -> str:
        messages = sorted(str(m) for m in self.g.objects(shape, SH.message))
        return messages[0] if messages else default

    def targets(self, shape: Node) -> str:
        parts = []
        classes = [self.classes(c) for c in self.g.objects(shape, SH.targetClass)]
        if classes:
            parts.append(f"VALUES ?_tc {{ {' '.join(classes)} }} ?this <{RDF.type}> ?_tc .")
        for predicate in self.g.objects(shape, SH.targetSubjectsOf):
            parts.append(f"?this {predicate.n3()} ?_to .")
        for predicate in self.g.objects(shape, SH.targetObjectsOf):
            parts.append(f"?_ts {predicate.n3()} ?this .")
        nodes = " ".join(_term(n) for n in self.g.objects(shape, SH.targetNode))
        if nodes:
            parts.append(f"VALUES ?this {{ {nodes} }}")
        # A node may be found more than once: counts are of distinct values, results a set.
        return "{ " + " UNION ".join(f"{{ {part} }}" for part in parts) + " }"

    def classes(self, cls: Node) -> str:
        """*cls* and its subclasses in the data, as SPARQL terms."""
        if not isinstance(cls, URIRef):
            raise Unsupported(f"the class {cls.n3()}: not an IRI")
        return " ".join(sorted({_term(c) for c in self.subclasses(cls)}))

    # --- top-level checks: one query per constraint component

    def shape_checks(self, shape: URIRef | BNode) -> list[Check]:
        self.inspect(shape)
        if self.deactivated(shape):
            return []
        targets = self.targets(shape)
        if self.one(shape, SH.path) is not None:
            return [c for c in self.property_checks(shape, targets, shape) if c is not None]
        checks: list[Check | None] = [
            self.flagged(
                shape,
                None,
                "SELECT ?this (?this AS ?value) {flags} WHERE { " + targets + " FILTER ({any}) }",
                self.value_conditions(shape, "?this", skip=("property",)),
            )
        ]
        for prop in map(_shape, self.g.objects(shape, SH.property)):
            self.inspect(prop)
            if not self.deactivated(prop):
                checks += self.property_checks(prop, targets, shape)
        for constraint in self.g.objects(shape, SH.sparql):
            checks.append(self.sparql_check(shape, constraint, targets))
        return [check for check in checks if check is not None]

    def flagged(self, shape: URIRef | BNode, path: URIRef | None, template: str,
                violated: list[tuple[str, str]], *, negate: bool = True) -> Check | None:
        """One query for several components: ``?_kI`` is true where component I is violated."""
        if not violated:
            return None
        tests = [f"(!({expr}))" if negate else f"({expr})" for _name, expr in violated]
        flags = " ".join(f"(COALESCE({test}, true) AS ?_k{i})" for i, test in enumerate(tests))
        violation = " || ".join(f"COALESCE({test}, true)" for test in tests)
        query = template.replace("{flags}", flags).replace("{any}", violation)
        default = "{component} constraint violated" + (
            f" on {path.n3()}" if path is not None else ""
        )
        return Check(
            query,
            shape,
            tuple(name for name, _expr in violated),
            path,
            self.message(shape, default),
        )

    def property_checks(
        self, prop: URIRef | BNode, targets: str, shape: Node
    ) -> list[Check | None]:
        if self.g.value(prop, SH.sparql) is not None:
            raise Unsupported(f"sh:sparql on property shape {prop.n3()}")
        path = self.one(prop, SH.path)
        if not isinstance(path, URIRef):  # inspect() refused any other path; here, none at all
            raise Unsupported(f"property shape {prop.n3()} without sh:path")
        p = path.n3()
        # Nodes with a value are targets anyway when the shape targets the subjects of the path.
        valued = "" if path in set(self.g.objects(shape, SH.targetSubjectsOf)) else targets
        low, high = self.one(prop, SH.minCount), self.one(prop, SH.maxCount)
        counts = []
        if low is not None and int(str(low)) > 0:
            counts.append(("minCount", f"COUNT(DISTINCT ?_x) < {int(str(low))}"))
        if high is not None:
            counts.append(("maxCount", f"COUNT(DISTINCT ?_x) > {int(str(high))}"))
        if self.one(prop, SH.uniqueLang) == Literal(True):
            counts.append(("uniqueLang", "COUNT(DISTINCT ?_lx) > COUNT(DISTINCT ?_lg)"))
        # ?_none is never bound: no value where untagged
        tagged = 'isLiteral(?_x) && LANG(?_x) != ""'
        values = (f"?this {p} ?_x BIND (IF({tagged}, ?_x, ?_none) AS ?_lx) "
                  f"BIND (IF({tagged}, LCASE(LANG(?_x)), ?_none) AS ?_lg)")
        pattern = (
            f"{targets} OPTIONAL {{ {values} }}"
            if counts and counts[0][0] == "minCount"
            else f"{valued} {values}"
        )
        checks = [self.flagged(prop, path, "SELECT ?this {flags} WHERE { " + pattern
                               + " } GROUP BY ?this HAVING ({any})", counts, negate=False)]
        for value in self.g.objects(prop, SH.hasValue):
            checks.append(
                self.flagged(
                    prop,
                    path,
                    "SELECT ?this {flags} WHERE { " + targets + " FILTER ({any}) }",
                    [("hasValue", f"EXISTS {{ ?this {p} {_term(value)} }}")],
                )
            )
        checks.append(self.flagged(prop, path, "SELECT ?this ?value {flags} WHERE { " + valued
                                   + f" ?this {p} ?value FILTER ({{any}}) }}",
                                   self.value_conditions(prop, "?value", skip=("hasValue",))))
        return checks

    def sparql_check(
        self, shape: URIRef | BNode, constraint: Node, targets: str
    ) -> Check | None:
        if self.deactivated(constraint):
            return None
        select = self.one(constraint, SH.select)
        if select is None or set(self.g.predicates(constraint, None)) - {
            RDF.type,
            SH.select,
            SH.message,
            SH.prefixes,
            SH.deactivated,
        }:
            raise Unsupported(f"SPARQL constraint {constraint.n3()} of {shape.n3()}")
        text = str(select)
        if re.search(r"\$(PATH|currentShape|shapesGraph)\b", text):
            raise Unsupported(f"pre-bound variable other than $this in {shape.n3()}")
        match = re.search(r"\bSELECT\b", text, flags=re.IGNORECASE)
        projection = re.match(
            r"\s*SELECT\s+(DISTINCT\s+|REDUCED\s+)?(.*?)\s*WHERE",
            text[match.start() :] if match else "",
            flags=re.IGNORECASE | re.DOTALL,
        )
        if (
            match is None
            or projection is None
            or not re.search(r"[$?]this\b|\*", projection.group(2))
        ):
            raise Unsupported(f"sh:select of {shape.n3()} does not project $this")
        prologue = self.prefixes(constraint) + text[: match.start()]
        body = text[match.start():].replace("$this", "?this")
        message = self.message(constraint, self.message(shape, "SPARQL constraint violated"))
        return Check(
            f"{prologue}\nSELECT * WHERE {{ {targets} {{ {body} }} }}",
            shape,
            ("sparql",),
            None,
            message,
        )

    def prefixes(self, constraint: Node) -> str:
        lines = []
        for ontology in self.g.objects(constraint, SH.prefixes):
            for declaration in self.g.objects(ontology, SH.declare):
                prefix = self.one(declaration, SH.prefix)
                namespace = self.one(declaration, SH.namespace)
                lines.append(f"PREFIX {prefix}: <{namespace}>")
        return "\n".join(sorted(lines)) + "\n"

    # --- conditions: SPARQL expressions true when a value node conforms

    def value_conditions(self, shape: Node, v: str, *, skip: tuple = ()) -> list[tuple[str, str]]:
        found = []
        for name in _VALUE_COMPONENTS:
            if name in skip:
                continue
            for value in self.g.objects(shape, SH[name]):
                found.append((name, self.condition(shape, name, value, v)))
        return found

    def condition(self, shape: Node, name: str, value: Node, v: str) -> str:
        if name == "class":
            c = self.var()
            return f"EXISTS {{ VALUES {c} {{ {self.classes(value)} }} {v} <{RDF.type}> {c} }}"
        if name == "datatype":
            return self.datatype(value, v)
        if name == "nodeKind":
            if value not in _NODE_KINDS:
                raise Unsupported(f"sh:nodeKind {value}")
            return _NODE_KINDS[value].format(v=v)
        if name == "hasValue":
            return f"sameTerm({v}, {_term(value)})"
        if name == "in":
            return (
                "("
                + " || ".join(
                    [f"sameTerm({v}, {_term(m)})" for m in self.members(value)] or ["false"]
                )
                + ")"
            )
        if name == "pattern":
            flags = self.one(shape, SH.flags)
            extra = f", {Literal(str(flags)).n3()}" if flags is not None else ""
            return f"(!isBlank({v}) && REGEX(STR({v}), {Literal(str(value)).n3()}{extra}))"
        if name == "languageIn":
            tests = [
                f"LANGMATCHES(LANG({v}), {Literal(str(m)).n3()})" for m in self.members(value)
            ] or ["false"]
            return f"(isLiteral({v}) && ({' || '.join(tests)}))"
        if name in _RANGE_OPS:
            return f"COALESCE({v} {_RANGE_OPS[name]} {_term(value)}, false)"
        if name in ("minLength", "maxLength"):
            op = ">=" if name == "minLength" else "<="
            return f"(!isBlank({v}) && STRLEN(STR({v})) {op} {int(str(value))})"
        return self.logical(name, value, v)

    def logical(self, name: str, value: Node, v: str) -> str:
        if name == "not":
            return f"(!{self.conforms(value, v)})"
        if name in ("node", "property"):
            return self.conforms(value, v)
        parts = [self.conforms(member, v) for member in self.members(value)]
        if name == "and":
            return "(" + " && ".join(parts or ["true"]) + ")"
        if name == "or":
            return "(" + " || ".join(parts or ["false"]) + ")"
        return "((" + " + ".join([f"IF({p}, 1, 0)" for p in parts] or ["0"]) + ") = 1)"  # xone

    def datatype(self, datatype: Node, v: str) -> str:
        if datatype == RDFS.Literal:
            return f"isLiteral({v})"
        if datatype == RDF.langString:
            return f"(isLiteral({v}) && LANG({v}) != \"\")"
        test = f"(isLiteral({v}) && sameTerm(DATATYPE({v}), {datatype.n3()})"
        if datatype not in (XSD.string,):
            if not isinstance(datatype, URIRef) or datatype not in self.ill_formed:
                raise Unsupported(f"no well-formedness check for sh:datatype {datatype.n3()}")
            # sameTerm: `=` or IN would compare values, and fail
            for term in self.ill_formed[datatype]:
                test += f" && !sameTerm({v}, {term})"
        return test + ")"

    def conforms(self, shape: Node, v: str) -> str:
        """Return an expression true when the node in *v* conforms to the (nested) *shape*."""
        self.inspect(shape)
        if self.deactivated(shape):
            return "true"
        if self.g.value(shape, SH.sparql) is not None:
            raise Unsupported(f"sh:sparql in nested shape {shape.n3()}")
        path = self.one(shape, SH.path)
        if path is None:
            parts = [expr for _name, expr in self.value_conditions(shape, v)]
        else:
            parts = self.nested_property(shape, path.n3(), v)
        return "(" + " && ".join(parts or ["true"]) + ")"

    def nested_property(self, prop: Node, p: str, v: str) -> list[str]:
        parts = []
        low, high = self.one(prop, SH.minCount), self.one(prop, SH.maxCount)
        if (low is not None and int(str(low)) > 1) or (high is not None and int(str(high)) > 0):
            raise Unsupported(
                f"nested cardinality other than minCount 1 / maxCount 0 in {prop.n3()}"
            )
        if low is not None and int(str(low)) == 1:
            parts.append(f"EXISTS {{ {v} {p} {self.var()} }}")
        if high is not None:
            parts.append(f"NOT EXISTS {{ {v} {p} {self.var()} }}")
        for value in self.g.objects(prop, SH.hasValue):
            parts.append(f"EXISTS {{ {v} {p} {_term(value)} }}")
        if self.one(prop, SH.uniqueLang) == Literal(True):
            parts.append(f"NOT EXISTS {{ {_duplicate_language(v, p, self.var(), self.var())} }}")
        inner = self.var()
        conditions = [
            expr for _name, expr in self.value_conditions(prop, inner, skip=("hasValue",))
        ]
        if conditions:
            parts.append(f"NOT EXISTS {{ {v} {p} {inner} FILTER (!({' && '.join(conditions)})) }}")
        return parts


def _duplicate_language(v: str, p: str, a: str = "?_a", b: str = "?_b") -> str:
    return (f"{v} {p} {a} . {v} {p} {b} FILTER (isLiteral({a}) && LANG({a}) != \"\" && "
            f"LCASE(LANG({a})) = LCASE(LANG({b})) && !sameTerm({a}, {b}))")


def _shape(node: Node) -> URIRef | BNode:
    """Return *node* as the name of a shape (an IRI or a blank node, never a literal)."""
    if not isinstance(node, (URIRef, BNode)):
        raise Unsupported(f"the literal {node.n3()} as a shape")
    return node


def _term(term: Node) -> str:
    if isinstance(term, BNode):
        raise Unsupported("a blank node as a constraint value")
    return term.n3()
