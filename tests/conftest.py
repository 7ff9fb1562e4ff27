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


XSS = Path(__file__).resolve().parent / "fixtures" / "xss"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/ from the current output instead of comparing with it.",
    )


@pytest.fixture()
def golden(request: pytest.FixtureRequest):
    """Compare text with tests/golden/NAME, or rewrite the file under --update-golden."""

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.is_file(), f"{path} is missing; run `pytest --update-golden` and review the diff"
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, (
            f"output differs from {path}; if the change is intended, run "
            "`pytest --update-golden` and review the diff"
        )

    return check


@pytest.fixture()
def xss_root(tmp_path: Path) -> Path:
    """A throw-away project whose only source tries to inject script through every label."""
    root = tmp_path / "xss"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(XSS / "data", root / "data")
    return root
