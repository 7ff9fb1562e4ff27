"""The CLI maps errors to exit codes in one place: every command of the group does it alike."""

from __future__ import annotations

import errno

import click
import pytest
from click.testing import CliRunner

from aigraph.cli.commands import (
    EXIT_INTERRUPTED,
    EXIT_UNEXPECTED,
    ReportingCommand,
    ReportingGroup,
    cli,
)
from aigraph.errors import LoadError, QueryError


def test_every_command_of_aigraph_maps_its_errors() -> None:
    assert isinstance(cli, ReportingGroup)
    assert cli.commands
    for name, command in cli.commands.items():
        assert isinstance(command, ReportingCommand), name


def _group_raising(error: BaseException) -> click.Group:
    group = ReportingGroup()

    @group.command()
    def fail() -> None:
        raise error

    return group


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (QueryError("no query named 'x'"), 2, "Error: no query named 'x'"),
        (LoadError("cannot read file: gone"), 2, "Error: cannot read file: gone"),
        (KeyboardInterrupt(), EXIT_INTERRUPTED, "interrupted"),
        (OSError(errno.ENOSPC, "No space left on device"), 2,
         "Error: cannot write the output: No space left on device"),
        (RuntimeError("what went wrong"), EXIT_UNEXPECTED, "Error: unexpected RuntimeError: what went wrong"),
    ],
)
def test_an_error_becomes_its_exit_code_and_one_line(
    error: BaseException, code: int, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AIGRAPH_DEBUG", raising=False)
    result = CliRunner().invoke(_group_raising(error), ["fail"])
    assert result.exit_code == code
    assert result.stderr.strip().startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_a_usage_error_is_click_s_own_exit_2() -> None:
    result = CliRunner().invoke(_group_raising(RuntimeError()), ["fail", "--no-such-option"])
    assert result.exit_code == 2
    assert "No such option" in result.stderr
