"""Where a project's curated files live: ontology/, data/, queries/.

A project directory is any directory with those sub-directories; the default is
the repository this package was installed from, or the current directory.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aigraph.errors import LoadError


@dataclass(frozen=True)
class ProjectPaths:
    """The directories of one aigraph project."""

    root: Path

    @property
    def ontology(self) -> Path:
        """Ontology, vocabularies and SHACL shapes (Turtle)."""
        return self.root / "ontology"

    @property
    def rules(self) -> Path:
        """SPARQL CONSTRUCT rules that derive the convenience edges."""
        return self.root / "ontology" / "rules"

    @property
    def shapes(self) -> Path:
        """The SHACL shapes file."""
        return self.root / "ontology" / "shapes.ttl"

    @property
    def data(self) -> Path:
        """One TriG file per source."""
        return self.root / "data"

    @property
    def drafts(self) -> Path:
        """Drafts written by ``aigraph ingest``: never loaded as curated data."""
        return self.root / "data" / "drafts"

    @property
    def ingest(self) -> Path:
        """The methods and cue words that ``aigraph ingest`` reads (Turtle)."""
        return self.root / "ontology" / "ingest"

    @property
    def queries(self) -> Path:
        """Named SPARQL queries (``*.rq``)."""
        return self.root / "queries"

    def ontology_files(self) -> list[Path]:
        """Return the ontology's Turtle files, shapes excluded, in name order."""
        return sorted(p for p in self.ontology.glob("*.ttl") if p.name != "shapes.ttl")

    def data_files(self) -> list[Path]:
        """Return the curated TriG files in name order (``data/drafts/`` is not curated)."""
        return sorted(self.data.glob("*.trig"))


def default_root() -> Path:
    """Return the project directory used when none is given.

    The current directory wins when it holds ``ontology/`` and ``data/``;
    otherwise the source checkout this package lives in.
    """
    cwd = Path.cwd()
    if (cwd / "ontology").is_dir() and (cwd / "data").is_dir():
        return cwd
    return Path(__file__).resolve().parents[2]


def project_paths(root: str | Path | None = None) -> ProjectPaths:
    """Return the paths of the project at *root* (default: :func:`default_root`).

    :raises LoadError: when *root* has no ``ontology/`` or ``data/`` directory.

    >>> project_paths().data.name
    'data'
    """
    paths = ProjectPaths(Path(root) if root is not None else default_root())
    for needed in (paths.ontology, paths.data):
        if not needed.is_dir():
            raise LoadError("not an aigraph project: directory missing", path=needed)
    return paths
