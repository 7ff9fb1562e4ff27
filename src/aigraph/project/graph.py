"""The graph of a project: what :func:`aigraph.load` returns and every command works on.

A :class:`Project` is assembled once from a project directory: the ontology,
one named graph per curated source, and the edges the rules derive. It is
read-only from then on; its default graph is the RDF merge of all its graphs
(each triple once), so ``project.query(...)`` and rdflib's own
``project.dataset.query(...)`` give the same answers as ``aigraph query``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aigraph.project.files import ProjectPaths, project_paths
from aigraph.rdf.store import DEFAULT_STORE, StoreName

if TYPE_CHECKING:
    from rdflib import Dataset, Graph, URIRef
    from rdflib.query import Result

    from aigraph.export.serialize import RdfFormat
    from aigraph.rdf.validate import ValidationReport
    from aigraph.sparql.query import NamedQuery


@dataclass(frozen=True, eq=False)
class Project:
    """The assembled, read-only graph of one project directory.

    :ivar paths: where its curated files are (resolved once, by :func:`load`).
    :ivar store: the engine underneath (``"oxigraph"``, or rdflib's ``"memory"``).
    :ivar oxigraph: on Oxigraph, the sealed pyoxigraph Store that holds the graph.
    """

    paths: ProjectPaths
    store: StoreName = DEFAULT_STORE
    oxigraph: Any = field(default=None, repr=False)
    _memory: Dataset | None = field(default=None, repr=False)

    @cached_property
    def dataset(self) -> Dataset:
        """An rdflib ``Dataset`` over the same Oxigraph store, made on first use.

        It holds one named graph per source, the ontology graph and the derived graph;
        its default graph is their merge. A query alone never needs it.
        """
        if self._memory is not None:
            return self._memory
        from aigraph.rdf.parse import new_dataset
        from aigraph.rdf.store import seal

        dataset = new_dataset(store="oxigraph", wrap=self.oxigraph)
        seal(dataset, merged=True)
        return dataset

    @property
    def root(self) -> Path:
        """The project directory."""
        return self.paths.root

    def query(self, query: str | Path, /) -> Result:
        """Answer SPARQL text, a ``.rq`` file or the name of a query in ``queries/``.

        The default graph is the merge of all graphs; ``GRAPH ?g`` reaches each source.

        :raises QueryError: for an unknown name, unreadable file or malformed SPARQL.

        >>> people = load().query("SELECT ?p WHERE { ?p a <https://schema.org/Person> }")
        >>> len(people)  # each person once, however many sources type her
        41
        """
        from aigraph.sparql.query import resolve_query, run_on_store, run_query

        if self.oxigraph is None:
            return run_query(self.dataset, query, paths=self.paths)
        label, text = resolve_query(query, paths=self.paths)
        return run_on_store(lambda: self.oxigraph.query(text), text, label)

    def labels(self, result: Result, /) -> Graph:
        """Return the English and Korean labels of the IRIs in *result*, to render it.

        >>> project = load()
        >>> len(project.labels(project.query("cq01"))) > 0
        True
        """
        from rdflib import Graph

        from aigraph.sparql.results import labels_query

        text = labels_query(result)
        found = self.query(text).graph if text is not None else None
        return found if found is not None else Graph()

    def queries(self) -> list[NamedQuery]:
        """Return the named queries of ``queries/``, sorted by name.

        >>> load().queries()[0].name
        'cq01-co-chairs'
        """
        from aigraph.sparql.query import list_queries

        return list_queries(self.paths)

    def validate(self) -> ValidationReport:
        """Check the graph against the project's shapes and curation rules.

        >>> load().validate().conforms
        True
        """
        from aigraph.rdf.validate import validate_dataset

        return validate_dataset(self.dataset, paths=self.paths)

    def export(
        self, fmt: RdfFormat | None = None, /, *, dest: str | Path | None = None
    ) -> bytes | Path:
        """Serialise the graph deterministically (see :func:`aigraph.export.rdf.export_dataset`).

        >>> load().export("nq")[:1]
        b'<'
        """
        from aigraph.export.rdf import export_dataset

        return export_dataset(self.published, fmt=fmt, dest=dest, published=True)

    @cached_property
    def published(self) -> Dataset:
        """The graph as it is exported and served: the drawing hints left out.

        See :mod:`aigraph.rdf.publish`. Made on first use and kept, so that every
        export shares one copy.

        >>> from aigraph.rdf.namespaces import AIG
        >>> project = load()
        >>> hint = (None, AIG.graphColour, None)
        >>> hint in project.dataset, hint in project.published
        (True, False)
        """
        from aigraph.rdf.publish import published

        return published(self.dataset)

    def sources(self) -> list[URIRef]:
        """Return the names of the sources' graphs, sorted."""
        from aigraph.rdf.parse import source_graphs

        return source_graphs(self.dataset)


def load(
    root: str | Path | None = None, /, *, store: StoreName = DEFAULT_STORE, cache: bool = False
) -> Project:
    """Assemble the project at *root*: its sources, the ontology and the derived edges.

    *root* defaults to ``AIGRAPH_ROOT``, then the current directory when it is a
    project, then this checkout, then the graph shipped with the package.

    :param store: the engine: ``"oxigraph"`` (default), or rdflib's ``"memory"``
        store, kept as a reference that must give the same answers.
    :param cache: reuse the graph assembled last time while no source file has
        changed, and keep this one (:mod:`aigraph.rdf.engine`; the CLI does).
    :raises LoadError: when there is no project at *root*, or a file is malformed.

    >>> project = load()
    >>> len(project.query("SELECT ?s WHERE { ?s a <https://w3id.org/aigraph/ontology#Summit> }"))
    4
    """
    paths = project_paths(root)
    if store == "oxigraph":
        from aigraph.rdf.engine import assemble_store, cached_store

        return Project(paths, store, (cached_store if cache else assemble_store)(paths))
    from aigraph.build import assemble

    return Project(paths, store, _memory=assemble(paths, store=store))
