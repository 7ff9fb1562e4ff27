"""Docs cannot rot: every docstring example runs, every command is documented."""

import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import click
import pytest

import aigraph
from aigraph.cli.commands import cli

ROOT = Path(__file__).resolve().parents[1]
# walk_packages reaches subpackages too (aigraph.ingest.*)
MODULES = sorted(m.name for m in pkgutil.walk_packages(aigraph.__path__, "aigraph.") if m.name != "aigraph.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


@pytest.mark.parametrize("name", MODULES)
def test_every_public_function_has_a_docstring(name: str):
    module = importlib.import_module(name)
    assert module.__doc__, f"{name} has no module docstring"
    for attr, value in vars(module).items():
        if attr.startswith("_") or getattr(value, "__module__", None) != name:
            continue
        if callable(value):
            assert value.__doc__, f"{name}.{attr} has no docstring"


def _commands(group: click.Group, prefix: str = ""):
    for name, command in sorted(group.commands.items()):
        yield prefix + name, command
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + name + " ")


@pytest.mark.parametrize("name,command", list(_commands(cli)))
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name: str, command: click.Command):
    assert command.help and "Example:" in command.help, f"aigraph {name}: help needs an Example: block"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"aigraph {re.escape(name)}\b", readme), f"README.md does not show `aigraph {name}`"


def _readme_query_examples():
    """Each `$ aigraph query ...` of a README text block, with the output shown under it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```text\n(.*?)```", readme, flags=re.S):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if not line.startswith("$ aigraph query "):
                continue
            shown = []
            for after in lines[i + 1 :]:
                if after.startswith(("$ ", "== ")):
                    break
                shown.append(after)
            while shown and not shown[-1]:
                shown.pop()
            yield line[2:], shown


@pytest.mark.parametrize("command,shown", list(_readme_query_examples()))
def test_readme_query_examples_print_what_they_show(command: str, shown: list[str]):
    import shlex

    from click.testing import CliRunner

    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    assert result.exit_code == 0, result.output
    printed = result.output.splitlines()
    if "..." in shown:  # an excerpt: the lines around "..." begin and end the output
        cut = shown.index("...")
        head, tail = shown[:cut], shown[cut + 1 :]
        assert printed[:cut] == head and printed[len(printed) - len(tail) :] == tail
    else:
        assert printed == shown
