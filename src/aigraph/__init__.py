"""aigraph: a linked-data knowledge graph of the international AI summits.

The curated files in ``ontology/`` and ``data/`` are the source of truth; every
other artefact (exports, the VoID description, query answers) is derived from
them by the functions re-exported here.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from aigraph.errors import (
    AigraphError,
    ExportError,
    LoadError,
    ProjectionError,
    QueryError,
    ValidationError,
)

try:
    __version__ = version("aigraph")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0+unknown"

__all__ = [
    "AigraphError",
    "ExportError",
    "LoadError",
    "ProjectionError",
    "QueryError",
    "ValidationError",
    "__version__",
]
