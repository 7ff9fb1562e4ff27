"""Refuse SPARQL that would make an outbound request: ``SERVICE`` anywhere in a query.

Both engines follow ``SERVICE <url>`` to the network (Oxigraph natively,
rdflib through urllib), so ``aigraph query`` refuses such a query before any
engine sees it, as ``aigraph serve`` does (:func:`aigraph.server.answers.check_read_only`).
A cheap lexical scan (keywords outside comments, strings and IRIs) finds the
candidates; only those are parsed, and refused when their algebra holds a
``SERVICE`` or when they cannot be parsed at all.
"""

from __future__ import annotations

import re

from aigraph.errors import QueryError

# Strings (long forms first), IRIs and comments, which may hold the word harmlessly.
_INERT = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|' r"'''(?:[^'\\]|\\.|'(?!''))*'''|"
    r'"(?:[^"\\\n]|\\.)*"|' r"'(?:[^'\\\n]|\\.)*'|"
    r"<[^<>\"{}|^`\\\s]*>|#[^\n]*",
    re.DOTALL,
)
# The keyword, not a variable (?service), a prefixed name (ex:service) or a prefix (service:x).
_SERVICE = re.compile(r"(?<![?$:\w-])SERVICE(?![\w:-])", re.IGNORECASE)

SERVICE_REFUSED = "SERVICE is refused: aigraph makes no outbound requests"


def mentions_service(text: str) -> bool:
    """Tell whether *text* may hold the ``SERVICE`` keyword (outside comments, strings and IRIs).

    >>> mentions_service("SELECT * WHERE { SERVICE <http://x.org/sparql> { ?s ?p ?o } }")
    True
    >>> mentions_service('SELECT ?service WHERE { ?s <http://x.org/SERVICE> "SERVICE" } # SERVICE')
    False
    """
    return bool(_SERVICE.search(_INERT.sub(" ", text)))


def refuse_service(text: str, /, *, label: str = "<query text>") -> None:
    """Raise when the query *text* holds ``SERVICE`` (or may, and cannot be parsed to tell).

    :raises QueryError: naming the query; the CLI exits 2 and no request is made.

    >>> refuse_service("SELECT * WHERE { ?s ?p ?o }")
    >>> refuse_service("ASK { OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/q> { ?s ?p ?o } } }",
    ...                label="q")
    Traceback (most recent call last):
    ...
    aigraph.errors.QueryError: q: SERVICE is refused: aigraph makes no outbound requests
    """
    if not mentions_service(text):
        return
    from aigraph.sparql.query import parse_query

    try:
        prepared = parse_query(text, label=label)
    except QueryError:
        raise QueryError(SERVICE_REFUSED, query=label) from None
    if has_service(prepared.algebra):
        raise QueryError(SERVICE_REFUSED, query=label)


def has_service(algebra: object) -> bool:
    """Walk a parsed query's whole algebra: SERVICE may hide in a sub-query, EXISTS or OPTIONAL.

    >>> from aigraph.sparql.query import parse_query
    >>> parsed = parse_query("ASK { FILTER EXISTS { SERVICE <http://x.org/q> { ?s ?p ?o } } }")
    >>> has_service(parsed.algebra)
    True
    """
    stack = [algebra]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):  # rdflib's CompValue is a dict
            if getattr(item, "name", None) == "ServiceGraphPattern":
                return True
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set):
            stack.extend(item)
    return False
