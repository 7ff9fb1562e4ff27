"""The exception hierarchy: one root, a few subclasses that carry context.

The command-line interface maps :class:`AigraphError` to exit status 2 and a
non-conforming graph (:class:`ValidationError`) to exit status 1.
"""

from __future__ import annotations

from pathlib import Path


class AigraphError(Exception):
    """Root of every error that aigraph reports to its user."""

    exit_code = 2


class LoadError(AigraphError):
    """A curated file is missing, unreadable or malformed.

    >>> str(LoadError("unexpected '.'", path=Path("data/a.trig"), line=3, column=7))
    "data/a.trig:3:7: unexpected '.'"
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [str(self.path)] if self.path is not None else []
        where += [str(n) for n in (self.line, self.column) if n is not None]
        return ":".join(where) + ": " + self.message if where else self.message


class IngestError(LoadError):
    """An article cannot be ingested, or a draft cannot be accepted.

    >>> str(IngestError("empty file: no text to ingest", path=Path("a.txt")))
    'a.txt: empty file: no text to ingest'
    """


class ValidationError(AigraphError):
    """The assembled graph does not conform to ``ontology/shapes.ttl``."""

    exit_code = 1

    def __init__(self, report: object) -> None:
        self.report = report
        super().__init__(getattr(report, "text", str(report)))


class QueryError(AigraphError):
    """A query is unknown, unreadable or malformed."""

    def __init__(self, message: str, *, query: str | None = None) -> None:
        self.query = query
        super().__init__(f"{query}: {message}" if query else message)


class ExportError(AigraphError):
    """An export was asked for in an unknown format or could not be written."""


class ProjectionError(AigraphError):
    """A projection was asked for an entity or a class that the graph does not have.

    >>> str(ProjectionError("no entity matches 'nobody'"))
    "no entity matches 'nobody'"
    """


class AnalysisError(AigraphError):
    """A network question has no answer: no connection between two entities, or no figures.

    >>> str(AnalysisError("no connection within 4 hops"))
    'no connection within 4 hops'
    """


class EndpointError(QueryError):
    """A SPARQL request the endpoint refuses or cannot answer, with its HTTP status.

    >>> EndpointError(403, "SERVICE is refused").status
    403
    """

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


class RemoteError(AigraphError):
    """A remote SPARQL endpoint or graph store failed or could not be reached."""


class ReadOnlyError(AigraphError):
    """An assembled graph was asked to change: it is read-only once assembled.

    >>> from aigraph import load
    >>> from rdflib import URIRef
    >>> load().dataset.add((URIRef("urn:s"), URIRef("urn:p"), URIRef("urn:o")))
    Traceback (most recent call last):
    ...
    aigraph.errors.ReadOnlyError: the assembled graph is read-only;
    load the project again to change it
    """
