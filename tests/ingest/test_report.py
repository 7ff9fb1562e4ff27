"""The ingest report (aigraph.ingest.report) as `aigraph ingest` prints it.

Expected mentions, candidates, dates and facts are read off the fixture articles
(tests/fixtures/ingest/) with str.find, never copied from the program's output.
"""

from __future__ import annotations

from pathlib import Path

from ingest_support import ARTICLES, root  # noqa: F401 (fixtures: root)


def test_cli_ingest_prints_the_report(root: Path):
    from click.testing import CliRunner

    from aigraph.cli.commands import cli

    result = CliRunner().invoke(
        cli,
        ["ingest", str(ARTICLES / "summit.en.txt"), "--root", str(root), "--date", "2024-05-22"],
    )
    assert result.exit_code == 0, result.output
    assert "Known entities (" in result.output and '"Rishi Sunak"' in result.output
    assert (root / "data" / "drafts" / "summit.trig").is_file()
    assert CliRunner().invoke(cli, ["ingest", "--root", str(root)]).exit_code == 2
