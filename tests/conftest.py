"""Shared fixtures: the real project, a miniature copy, and a CLI runner."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture(scope="session")
def dataset():
    """The real project's assembled dataset (ontology + sources + derived edges)."""
    from aigraph.build import assemble

    return assemble(ROOT)


@pytest.fixture()
def mini_root(tmp_path: Path) -> Path:
    """A throw-away project: the real ontology with the miniature data and queries."""
    root = tmp_path / "mini"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(MINI / "data", root / "data")
    shutil.copytree(MINI / "queries", root / "queries")
    return root


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    """Run ``python -m aigraph ARGS`` as a user would; return the CompletedProcess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "aigraph", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=300,
    )


@pytest.fixture()
def cli():
    """The CLI runner, as a fixture."""
    return run_cli
