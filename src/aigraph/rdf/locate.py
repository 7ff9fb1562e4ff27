"""Find the file and line where a term is written, so a violation points at its source text.

SHACL reports a violation by node, path and value, not by file. The curated
files are small and hand-written, so the line is found by looking for the
value (or, without a value, the node) as it is written: ``<IRI>``, a prefixed
name, or a quoted literal, in the files whose text names the node.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import Literal, URIRef

from aigraph.rdf.namespaces import PREFIXES


def spellings(term: object) -> list[str]:
    """Return the ways *term* may be written in Turtle or TriG.

    >>> spellings(URIRef("https://schema.org/url"))
    ['<https://schema.org/url>', 'schema:url']
    >>> spellings(Literal("x"))
    ['"x"']
    """
    if isinstance(term, URIRef):
        text = str(term)
        found = [f"<{text}>"]
        for prefix, namespace in PREFIXES.items():
            base = str(namespace)
            if text.startswith(base) and len(text) > len(base):
                found.append(f"{prefix}:{text[len(base):]}")
        return found
    if isinstance(term, Literal):
        return [f'"{term}"']
    return []


@lru_cache(maxsize=256)
def _lines(path: Path, mtime: float) -> tuple[str, ...]:
    del mtime  # part of the cache key only: an edited file is read again
    try:
        return tuple(path.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        return ()


def locate(files: Iterable[Path], node: object, value: object = None) -> str | None:
    """Return ``FILE:LINE`` of the first line writing *value* in a file that names *node*.

    Without a value (or when the value is not found) the first line naming the
    node is given; None when neither is written in any file.
    """
    nodes, values = spellings(node), spellings(value)
    first_node: str | None = None
    for path in files:
        try:
            lines = _lines(path, path.stat().st_mtime)
        except OSError:
            continue
        node_line = next(
            (n for n, line in enumerate(lines, 1) if any(s in line for s in nodes)), None
        )
        if node_line is None:
            continue
        if first_node is None:
            first_node = f"{path}:{node_line}"
        value_line = next(
            (n for n, line in enumerate(lines, 1) if any(s in line for s in values)), None
        )
        if value_line is not None:
            return f"{path}:{value_line}"
    return first_node
