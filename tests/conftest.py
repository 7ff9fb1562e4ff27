"""Shared fixtures: the real project, a miniature copy, the command line, golden files;
and how a parallel run deals the tests out. The helpers they use are in helpers.py."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Tests import what they share from helpers.py, never from a conftest: tests/network has its own.
from helpers import GOLDEN, MINI, ROOT, XSS, invoke, loaded


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


# Parallel runs: `make test` runs pytest -n auto --dist loadgroup, dealt out by the
# scheduler below. A test module's tests run in one worker, so its module-scoped fixtures
# (a server, a browser, the wheel) are made once. The tables say where to depart from that.

#: Modules of independent tests over the session's dataset: dealt out test by test.
SPREAD = {
    "tests/test_competency.py",
    "tests/test_competency_series.py",
    "tests/test_data.py",
    "tests/test_docs.py",
    "tests/test_followthrough.py",
}
#: Modules run by one worker together: they ask the real project the same questions,
#: answered once per process (helpers.local_answer).
GROUPS = {
    "tests/rdf/test_store.py": "answers",
    "tests/sparql/test_remote.py": "answers",
    "tests/sparql/test_virtuoso.py": "answers",
}
#: The longest groups, handed out first, so that no worker is left with one at the end.
START_EARLY = (
    "tests/sparql/test_remote.py",
    "tests/rdf/test_store.py",
    "tests/sparql/test_virtuoso.py",
    "tests/test_wheel.py",
    "tests/server/test_fairness.py",
    "tests/server/test_app_store.py",
    "tests/rdf/test_shacl.py",
    "tests/export/test_rdf.py",
)


def _module(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put the longest groups first; the scheduler hands the groups out in this order."""
    def rank(item: pytest.Item) -> int:
        module = _module(item.nodeid)
        return START_EARLY.index(module) if module in START_EARLY else len(START_EARLY)

    items.sort(key=rank)  # stable: the rest keep their order


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """Deal tests out by the tables above (for --dist loadgroup).

    xdist's own loadgroup reads xdist_group marks by renaming test ids, which pytest 9
    no longer allows (every test ran apart and each module's servers started in both
    workers); this scheduler groups by module path instead, in collection order.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByModule(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = _module(nodeid)
            if module in SPREAD:
                return nodeid
            return GROUPS.get(module, module)

    config.option.loadscopereorder = False  # keep collection order: the longest groups first
    return ByModule(config, log)
