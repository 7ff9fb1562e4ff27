"""Exit codes (aigraph.cli.commands): one line and a documented code for every failure, and
serve's options checked. (A full or closed standard output and a taken port, which need a
real process, are in tests/test_cli_process.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT, invoke

from aigraph.cli.commands import EXIT_UNEXPECTED, cli


def test_an_unexpected_failure_exits_70_with_one_line_and_a_hint(mini_root: Path, monkeypatch):
    import aigraph.build

    def broken(*_args, **_kwargs):
        raise TypeError("unsupported operand type(s) for +: 'int' and 'str'")

    monkeypatch.setattr(aigraph.build, "build", broken)
    result = CliRunner().invoke(cli, ["build", "--root", str(mini_root)])
    assert result.exit_code == EXIT_UNEXPECTED == 70
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: unexpected TypeError: unsupported operand")
    assert "AIGRAPH_DEBUG=1" in lines[0]


@pytest.mark.parametrize(("option", "value"), [
    ("--port", "99999"), ("--port", "0"), ("--workers", "0"), ("--timeout", "0"), ("--max-results", "0"),
])
def test_serve_refuses_impossible_options(option: str, value: str):
    result = CliRunner().invoke(cli, ["serve", option, value])
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.output
    assert "Traceback" not in result.output


def test_the_readme_lists_every_exit_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Errors and exit codes", 1)[1].split("\n## ", 1)[0]
    documented = [int(code) for code in re.findall(r"^\| (\d+) \|", section, flags=re.M)]
    from aigraph.cli import commands as cli_module

    used = {0, 1, 2, cli_module.EXIT_UNEXPECTED, cli_module.EXIT_INTERRUPTED, cli_module.EXIT_BROKEN_PIPE}
    assert sorted(documented) == sorted(used)  # each once, none missing


@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_an_invalid_date_is_reported_with_file_and_line_and_no_traceback(mini_root: Path, store: str):
    data = mini_root / "data" / "mini-source.trig"
    text = data.read_text(encoding="utf-8")
    assert 'schema:startDate "2024-01-01"^^xsd:date' in text
    data.write_text(text.replace('"2024-01-01"^^xsd:date', '"2024-13-45"^^xsd:date'), encoding="utf-8")
    line = next(n for n, t in enumerate(data.read_text().splitlines(), 1) if "2024-13-45" in t)
    result = invoke("validate", "--root", str(mini_root), "--store", store)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "does not conform: 1 violation(s)"
    assert lines[1].startswith(f"  {data}:{line}: <https://w3id.org/aigraph/summit/mini-summit>")
