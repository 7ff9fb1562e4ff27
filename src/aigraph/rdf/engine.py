"""The Oxigraph engine: a project assembled straight into one pyoxigraph Store, and kept.

Assembling reads each curated file with Oxigraph's own bulk loader (the
ontology into its graph, each TriG file into the graphs it names), runs the
derivation rules in Oxigraph, and seals the store: its default graph becomes
the RDF merge of every graph (:func:`aigraph.rdf.store.seal`). No rdflib term is
made on the way, so loading runs at Oxigraph's speed.

A sealed store depends on its files only, so it is kept as an N-Quads file in
a cache directory, under a key made of every input file's path, size and
modification time: the next command on unchanged sources loads that file
instead of assembling again. ``AIGRAPH_CACHE`` names the directory (default
``$XDG_CACHE_HOME/aigraph``, else ``~/.cache/aigraph``); ``AIGRAPH_CACHE=off``
turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from aigraph.errors import LoadError
from aigraph.formats import by_parser, oxigraph_format
from aigraph.project.files import ProjectPaths
from aigraph.rdf.namespaces import ONTOLOGY_GRAPH

if TYPE_CHECKING:
    import pyoxigraph

#: The environment variable naming the cache directory, or ``off``.
CACHE_VARIABLE = "AIGRAPH_CACHE"
#: How many assembled projects the cache keeps (the least recently used go first).
CACHE_ENTRIES = 8
#: The modules whose code decides what an assembled store holds.
_ASSEMBLING_CODE = ("engine.py", "parse.py", "derive.py", "store.py")


def assemble_store(paths: ProjectPaths, /) -> pyoxigraph.Store:
    """Load, derive and seal the project at *paths* in a new pyoxigraph Store.

    :raises LoadError: naming the file (and line) of a missing, malformed or
        misplaced piece of data, or a malformed rule.

    >>> from aigraph.project.files import project_paths
    >>> store = assemble_store(project_paths())
    >>> len(list(store.query("SELECT ?p WHERE { ?p a <https://schema.org/Person> }")))
    41
    """
    import pyoxigraph as ox

    from aigraph.rdf.derive import derive_in_oxigraph, load_rules
    from aigraph.rdf.store import merge_into_default

    store = ox.Store()
    for path in paths.ontology_files():
        _load_file(store, path, to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)))
    for path in paths.data_files():
        _load_file(store, path)
        stray = next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None)
        if stray is not None:
            raise LoadError(
                f"triple outside any named graph: {stray.subject} {stray.predicate} ...; "
                "put every fact inside its source's graph",
                path=path,
            )
    derive_in_oxigraph(store, load_rules(paths.rules, prepare=False))
    merge_into_default(store)
    return store


def _load_file(
    store: pyoxigraph.Store, path: Path, /, *, to_graph: pyoxigraph.NamedNode | None = None
) -> None:
    """Bulk-load one curated file, refusing a literal Oxigraph would rewrite."""
    from aigraph.rdf.parse import read_curated, refuse_changed_literals, syntax_error

    fmt, data = read_curated(path)
    refuse_changed_literals(data, fmt, path)
    format_ = oxigraph_format(by_parser(fmt))
    try:
        store.bulk_load(data, format=format_, base_iri=path.resolve().as_uri(), to_graph=to_graph)
    except SyntaxError as exc:
        raise syntax_error(exc, path) from exc


def cached_store(paths: ProjectPaths, /) -> pyoxigraph.Store:
    """Return the sealed store of *paths*: from the cache when its files are unchanged.

    >>> from aigraph.project.files import project_paths
    >>> bool(cached_store(project_paths()).query("ASK { ?s ?p ?o }"))
    True
    """
    import pyoxigraph as ox

    folder = cache_dir()
    if folder is None:
        return assemble_store(paths)
    kept = folder / f"{fingerprint(paths)}.nq"
    if kept.is_file():
        store = ox.Store()
        try:
            store.bulk_load(path=str(kept), format=ox.RdfFormat.N_QUADS)
            os.utime(kept)  # most recently used
            return store
        except (OSError, SyntaxError, ValueError):
            kept.unlink(missing_ok=True)  # unreadable: assemble again
    store = assemble_store(paths)
    _keep(store, kept)
    return store


def cache_dir() -> Path | None:
    """Return the cache directory, or ``None`` when ``AIGRAPH_CACHE=off``."""
    chosen = os.environ.get(CACHE_VARIABLE, "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "aigraph"


def fingerprint(paths: ProjectPaths, /) -> str:
    """Return a key that changes when any file the assembled graph is made of changes.

    >>> from aigraph.project.files import project_paths
    >>> len(fingerprint(project_paths()))
    32
    """
    digest = hashlib.sha256(f"{paths.root.resolve()}\n".encode())
    # The code that assembles counts too: a new version of it makes a new key.
    code = [Path(__file__).with_name(name) for name in _ASSEMBLING_CODE]
    files = [*code, *sorted([*paths.ontology.rglob("*"), *paths.data_files()])]
    for path in files:
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path}\t{stat.st_size}\t{stat.st_mtime_ns}\t{stat.st_ino}\n".encode())
    return digest.hexdigest()[:32]


def _keep(store: pyoxigraph.Store, target: Path) -> None:
    """Write *store* to *target* atomically; a cache that cannot be written is skipped."""
    import pyoxigraph as ox

    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".assembling.", dir=target.parent)
        os.close(fd)
        store.dump(tmp, format=ox.RdfFormat.N_QUADS)
        os.replace(tmp, target)
        entries = sorted(target.parent.glob("*.nq"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[CACHE_ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
