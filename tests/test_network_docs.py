"""The network-analysis page (docs/analysis.md) shows real output and runnable Python."""

import contextlib
import io
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

from aigraph.cli.commands import cli

PAGE = ROOT / "docs" / "analysis.md"
SECTION = PAGE.read_text(encoding="utf-8")


def _text_blocks():
    for block in re.findall(r"```text\n(.*?)```", SECTION, flags=re.S):
        command, _, output = block.partition("\n")
        yield command.removeprefix("$ "), output


@pytest.mark.parametrize("command,shown", [b for b in _text_blocks() if "plot" not in b[0]])
def test_page_output_is_what_the_command_prints(command: str, shown: str):
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(cli, args)
    printed = result.output
    if shown.rstrip().endswith("..."):  # an excerpt: the lines shown begin the output
        lines = shown.rstrip().splitlines()[:-1]
        assert printed.splitlines()[: len(lines)] == lines
    else:
        assert printed == shown


def test_page_plot_is_committed_and_shown():
    images = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", SECTION)
    assert images and all((PAGE.parent / image).is_file() for image in images)


def test_page_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (code,) = re.findall(r"```python\n(.*?)```", SECTION, flags=re.S)
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(PAGE.relative_to(ROOT)), "exec"), {})
    printed = out.getvalue().splitlines()
    for line in code.splitlines():  # each "# value" comment after a print is what it prints
        match = re.match(r"print\((.*)\)\s+# (\S+)$", line)
        if match:
            assert match.group(2) in printed
    assert (tmp_path / "aigraph.gexf").is_file() and (tmp_path / "timeline.png").is_file()
