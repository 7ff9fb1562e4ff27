"""Reading the article (aigraph.ingest.text): bad input gets one clear message and exit 2.

Expected mentions, candidates, dates and facts are read off the fixture articles
(tests/fixtures/ingest/) with str.find, never copied from the program's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_support import root  # noqa: F401 (fixtures: root)

from aigraph.errors import IngestError
from aigraph.ingest import ingest_file

BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"\n  \n\t\n", "empty file"),
    "binary.bin": (bytes(range(256)) * 4, "binary file"),
    "cp949.txt": ("윤석열 대통령은 서울선언을 채택했다.\n".encode("cp949"), "not UTF-8"),
    "utf16.txt": ("윤석열 대통령\n".encode("utf-16"), "UTF-16"),
    "unknown.txt": (
        b"Nothing in this line names anything the graph knows about.\n",
        "no known entity",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))

def test_bad_input_clear_message_exit_2_nothing_written(root: Path, tmp_path: Path, name: str):
    from click.testing import CliRunner

    from aigraph.cli.commands import cli

    data, message = BAD_INPUTS[name]
    article = tmp_path / name
    article.write_bytes(data)
    out = tmp_path / "draft.trig"
    result = CliRunner().invoke(cli, ["ingest", str(article), "--root", str(root), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert message in result.output and name in result.output
    assert not out.exists() and not (root / "data" / "drafts").exists()


def test_the_first_bad_byte_is_located_by_line(root: Path, tmp_path: Path):
    article = tmp_path / "mixed.txt"
    article.write_bytes(b"Seoul Declaration\n" + "서울선언\n".encode("cp949"))
    with pytest.raises(IngestError, match=r"mixed.txt:2: not UTF-8"):
        ingest_file(article, root=root)
