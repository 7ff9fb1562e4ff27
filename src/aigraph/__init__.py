"""aigraph: a linked-data knowledge graph of the international AI summits.

The curated files in ``ontology/`` and ``data/`` are the source of truth; every
other artefact (exports, the VoID description, query answers) is derived from
them by the functions re-exported here.
"""

from __future__ import annotations

import importlib

from aigraph.errors import (
    AigraphError,
    AnalysisError,
    ExportError,
    LoadError,
    ProjectionError,
    QueryError,
    ReadOnlyError,
    ValidationError,
)
from aigraph.project.graph import Project, load


def __getattr__(name: str) -> object:
    """Import the network functions on first use, so ``import aigraph`` stays light."""
    if name == "__version__":  # importlib.metadata scans every installed package: only on demand
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("aigraph")
        except PackageNotFoundError:  # running from a source tree without installing
            return "0+unknown"
    if name in _LAZY:
        module = importlib.import_module(_LAZY[name])
        return getattr(module, name)
    raise AttributeError(f"module 'aigraph' has no attribute {name!r}")


#: Functions importable from ``aigraph`` itself, and the module each one lives in.
_LAZY = {
    "analyze_network": "aigraph.network.measures",
    "export_network": "aigraph.export.network",
    "find_connections": "aigraph.network.connections",
    "plot_network": "aigraph.network.plots",
    "render_analysis": "aigraph.network.report",
    "render_connections": "aigraph.network.connections",
    "to_networkx": "aigraph.network.projection",
}

__all__ = [
    "AigraphError",
    "AnalysisError",
    "ExportError",
    "LoadError",
    "Project",
    "ProjectionError",
    "QueryError",
    "ReadOnlyError",
    "ValidationError",
    "__version__",
    "analyze_network",
    "export_network",
    "find_connections",
    "load",
    "plot_network",
    "render_analysis",
    "render_connections",
    "to_networkx",
]
