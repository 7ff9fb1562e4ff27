"""The installed package, as a new user gets it: a wheel in a fresh venv, run from elsewhere."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import MINI, ROOT, people_in_files

PEOPLE = "PREFIX schema: <https://schema.org/> SELECT ?p WHERE { ?p a schema:Person }"


def _run(*args, cwd: Path, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    # The venv's own environment only: no PYTHONPATH or AIGRAPH_ROOT leaking in from the test run.
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AIGRAPH_ROOT", "VIRTUAL_ENV")}
    done = subprocess.run(args, cwd=cwd, env={**clean, **(env or {})}, capture_output=True, text=True,
                          timeout=600)
    if check:
        assert done.returncode == 0, f"{args}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """Build the wheel, install it with its core dependencies only into a fresh venv."""
    base = tmp_path_factory.mktemp("wheel")
    # Built from a copy of what the package is made of: a build writes build/ and *.egg-info
    # beside its sources, and the checkout is no place for a test to write.
    source = base / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("src", "ontology", "data", "queries"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "drafts"))
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(base / "dist"), str(source),
         cwd=base)
    [wheel] = (base / "dist").glob("aigraph-*.whl")
    python = getattr(sys, "_base_executable", sys.executable)
    # A venv without pip of its own, filled by this run's pip (--python), without compiling
    # every module up front: the same packages installed, 4 s instead of 19 s.
    _run(python, "-m", "venv", "--without-pip", str(base / "venv"), cwd=base)
    _run(sys.executable, "-m", "pip", "--python", str(base / "venv" / "bin" / "python"), "install",
         "--quiet", "--no-compile", "-c", str(ROOT / "constraints.txt"), str(wheel), cwd=base)
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return base / "venv" / "bin", elsewhere, wheel


def test_the_wheel_ships_the_curated_graph_and_no_drafts(installed):
    _bin, _cwd, wheel = installed
    names = zipfile.ZipFile(wheel).namelist()
    sources = sorted(p.name for p in (ROOT / "data").glob("*.trig"))
    shipped = sorted(Path(n).name for n in names
                     if n.startswith("aigraph/shipped/data/") and not n.startswith("aigraph/shipped/data/stories/"))
    assert shipped == sources
    # the guided stories of the graph page ship with it
    stories = sorted(p.name for p in (ROOT / "data" / "stories").glob("*.ttl"))
    assert stories and sorted(Path(n).name for n in names if n.startswith("aigraph/shipped/data/stories/")) == stories
    assert "aigraph/shipped/ontology/shapes.ttl" in names
    assert any(n.startswith("aigraph/shipped/queries/cq01") for n in names)
    assert not any("drafts" in n for n in names)


def test_installed_package_builds_queries_and_draws_from_any_directory(installed):
    bin_, cwd, _wheel = installed
    built = _run(str(bin_ / "aigraph"), "build", "-o", "out", cwd=cwd)
    assert "validation: conforms" in built.stdout
    assert (cwd / "out" / "graph.html").stat().st_size > 0 and (cwd / "out" / "aigraph.trig").is_file()
    chairs = _run(str(bin_ / "aigraph"), "query", "cq01-co-chairs", cwd=cwd).stdout
    assert "Yoon Suk Yeol" in chairs and "Rishi Sunak" in chairs  # the leaders' session's co-chairs
    _run(str(bin_ / "aigraph"), "viz", "-o", "page.html", "--focus", "kamala-harris", cwd=cwd)
    assert "kamala-harris" in (cwd / "page.html").read_text(encoding="utf-8")
    count = _run(str(bin_ / "python"), "-c",
                 f"import aigraph; print(len(aigraph.load().query({PEOPLE!r})))", cwd=cwd).stdout
    assert count.strip() == str(people_in_files())  # each person once (counted apart from the engine)


def test_a_missing_extra_names_the_pip_command(installed):
    bin_, cwd, _wheel = installed
    for command, extra in ((["serve"], "serve"), (["plot", "timeline", "-o", "t.png"], "plot")):
        done = _run(str(bin_ / "aigraph"), *command, cwd=cwd, check=False)
        assert done.returncode == 2, done.stderr
        assert f"pip install 'aigraph[{extra}]'" in done.stderr
        assert "Traceback" not in done.stderr


def test_root_and_the_variable_point_at_a_users_own_project(installed, tmp_path):
    bin_, cwd, _wheel = installed
    empty = tmp_path / "empty"
    empty.mkdir()
    done = _run(str(bin_ / "aigraph"), "query", "cq01", "--root", str(empty), cwd=cwd, check=False)
    assert done.returncode == 2 and "not an aigraph project" in done.stderr
    done = _run(str(bin_ / "aigraph"), "validate", cwd=cwd, env={"AIGRAPH_ROOT": str(empty)}, check=False)
    assert done.returncode == 2 and "not an aigraph project" in done.stderr
    project = tmp_path / "mine"  # the mini project: one person, Ada
    shutil.copytree(MINI / "data", project / "data")
    shutil.copytree(MINI / "queries", project / "queries")
    shutil.copytree(ROOT / "ontology", project / "ontology")
    people = _run(str(bin_ / "aigraph"), "query", PEOPLE, "-f", "csv", cwd=cwd,
                  env={"AIGRAPH_ROOT": str(project)}).stdout
    assert people.splitlines()[1:] == ["https://w3id.org/aigraph/person/ada-example"]
