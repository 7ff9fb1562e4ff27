"""Where a project's curated files live: ontology/, data/, queries/.

A project directory is any directory with those sub-directories. It is resolved
once (:func:`project_paths`): from ``--root``, ``AIGRAPH_ROOT``, the current
directory, the checkout this package runs from, or the graph an installed wheel
ships.
"""

from __future__ import annotations

import os
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


#: The environment variable that names the project directory when ``--root`` is not given.
ROOT_VARIABLE = "AIGRAPH_ROOT"
#: Where an installed wheel keeps the curated graph (ontology/, data/, queries/).
SHIPPED = Path(__file__).resolve().parents[1] / "shipped"


def _is_project(root: Path) -> bool:
    return (root / "ontology").is_dir() and (root / "data").is_dir()


def default_root() -> Path:
    """Return the project directory used when none is given.

    In order: the ``AIGRAPH_ROOT`` variable; the current directory, when it holds
    ``ontology/`` and ``data/``; the source checkout this package runs from; the
    graph shipped inside the installed package.

    :raises LoadError: when none of them is a project, saying what is missing.

    >>> (default_root() / "ontology").is_dir()
    True
    """
    if os.environ.get(ROOT_VARIABLE):
        return Path(os.environ[ROOT_VARIABLE])
    checkout = Path(__file__).resolve().parents[3]
    for candidate in (Path.cwd(), checkout, SHIPPED):
        if _is_project(candidate):
            return candidate
    raise LoadError(
        "no aigraph project found: the current directory has no ontology/ and data/, and this "
        f"installation ships no graph; give --root DIR or set {ROOT_VARIABLE}",
        path=Path.cwd(),
    )


def project_paths(root: str | Path | None = None) -> ProjectPaths:
    """Resolve *root* (default: :func:`default_root`) once, into the paths of its project.

    Everything else takes the :class:`ProjectPaths` this returns, and never
    resolves a root again.

    :raises LoadError: when *root* has no ``ontology/`` or ``data/`` directory.

    >>> project_paths().data.name
    'data'
    """
    paths = ProjectPaths(Path(root) if root is not None else default_root())
    for needed in (paths.ontology, paths.data):
        if not needed.is_dir():
            raise LoadError("not an aigraph project: directory missing", path=needed)
    return paths
