"""Shared fixtures: the real project, a miniature copy, the command line, golden files;
and how a parallel run deals the tests out. The helpers they use are in helpers.py."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Re-exported: some tests import these from conftest.
from helpers import (  # noqa: F401
    GOLDEN, MINI, ROOT, XSS, Invoked, canonical_answer, free_port, invoke, loaded, local_answer,
    query_files, run_cli, stop, wait_for,
)


# Assembled graphs the CLI keeps (aigraph.rdf.engine) go to a folder of this test run, not ~/.cache.
os.environ.setdefault("AIGRAPH_CACHE", tempfile.mkdtemp(prefix="aigraph-test-cache-"))


@pytest.fixture(scope="session")
def dataset():
    """The real project's assembled dataset (ontology + sources + derived edges)."""
    return loaded(ROOT).dataset


@pytest.fixture()
def mini_root(tmp_path: Path) -> Path:
    """A throw-away project: the real ontology with the miniature data and queries."""
    root = tmp_path / "mini"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(MINI / "data", root / "data")
    shutil.copytree(MINI / "queries", root / "queries")
    return root


@pytest.fixture()
def cli():
    """The command line run in process, as a fixture."""
    return invoke


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


@pytest.fixture(scope="session")
def shared_mini_root(tmp_path_factory) -> Path:
    """The miniature project, made once per session; tests must not change it."""
    root = tmp_path_factory.mktemp("shared") / "mini"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(MINI / "data", root / "data")
    shutil.copytree(MINI / "queries", root / "queries")
    return root


# Parallel runs (make test: pytest -n auto --dist loadgroup). A test module's tests run
# in one worker, so a module-scoped fixture (a server, a browser, the wheel) is made once;
# a module whose tests share no costly fixture says SPREAD = True and its tests are dealt
# out one by one. Modules that ask the same questions of the real project (the stores,
# the remote stores, Virtuoso) share a group, so each answer is computed once (local_answer).
# Modules that say START_EARLY = True (the longest groups) are handed out first, so that
# no worker is left with a long group at the end while the other waits.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    def module_flag(item: pytest.Item, name: str) -> bool:
        return bool(getattr(getattr(item, "module", None), name, False))

    items.sort(key=lambda item: not module_flag(item, "START_EARLY"))  # stable: the rest keep their order
    for item in items:
        if item.get_closest_marker("xdist_group") is not None or module_flag(item, "SPREAD"):
            continue
        item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))
