"""The commands (aigraph.cli.commands) as a user runs them: output and exit status, run in
process through click's runner (tests/test_cli_process.py checks that a process agrees)."""

import json
from pathlib import Path

from helpers import invoke


def test_build_prints_a_summary_and_writes_dist(mini_root: Path):
    proc = invoke("build", "--root", str(mini_root))
    assert proc.returncode == 0, proc.stderr
    assert "1 people" in proc.stdout and "validation: conforms" in proc.stdout
    assert (mini_root / "dist" / "aigraph.trig").is_file()


def test_validate_conforms_exit_0(mini_root: Path):
    proc = invoke("validate", "--root", str(mini_root))
    assert proc.returncode == 0
    assert proc.stdout.startswith("conforms")


def _break_label(root: Path) -> None:
    data = root / "data" / "mini-source.trig"
    data.write_text(data.read_text().replace('"Ada Example"@en, "에이다 예시"@ko', '"Ada Example"@en'))


def test_validate_not_conforming_exit_1_with_report(mini_root: Path):
    _break_label(mini_root)
    proc = invoke("validate", "--root", str(mini_root))
    assert proc.returncode == 1
    assert "<https://w3id.org/aigraph/person/ada-example>" in proc.stderr
    assert "rdfs:label" in proc.stderr or "rdf-schema#label" in proc.stderr


def test_build_writes_nothing_when_the_graph_does_not_conform(mini_root: Path):
    _break_label(mini_root)
    proc = invoke("build", "--root", str(mini_root))
    assert proc.returncode == 1
    assert not (mini_root / "dist").exists()


def test_malformed_data_file_exit_2_names_file_and_line(mini_root: Path, tmp_path: Path):
    bad = mini_root / "data" / "mini-source.trig"
    lines = bad.read_text().splitlines()
    lines[11] = lines[11].replace(" ;", " ;;; ]")  # a syntax error on line 12
    bad.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.ttl"
    for args in (["build"], ["validate"], ["query", "people"], ["export", "-o", str(out)]):
        proc = invoke(*args, "--root", str(mini_root))
        assert proc.returncode == 2, (args, proc.stderr)
        assert f"{bad}:12:" in proc.stderr, proc.stderr
        assert proc.stderr.count("\n") <= 2, "one short message, no traceback"
    assert not out.exists() and not (mini_root / "dist").exists()


def test_malformed_sparql_exit_2_with_position(mini_root: Path):
    # the incomplete triple pattern starts on line 2, column 3
    proc = invoke("query", "SELECT ?s WHERE {\n  ?s ?p \n}", "--root", str(mini_root))
    assert proc.returncode == 2
    assert "line 2, column 3: malformed SPARQL" in proc.stderr


def test_unknown_query_name_exit_2(mini_root: Path):
    proc = invoke("query", "no-such-query", "--root", str(mini_root))
    assert proc.returncode == 2
    assert "unknown query name" in proc.stderr and "people" in proc.stderr


def test_unknown_format_exit_2(mini_root: Path):
    for args in (["export", "--format", "csv"], ["query", "people", "--format", "xlsx"]):
        proc = invoke(*args, "--root", str(mini_root))
        assert proc.returncode == 2
        assert "Invalid value" in proc.stderr


def test_query_list_and_formats(mini_root: Path):
    listed = invoke("query", "--list", "--root", str(mini_root))
    assert listed.stdout == "people\tWho took part in which event?\n"
    listed_ko = invoke("query", "--list", "--lang", "ko", "--root", str(mini_root))
    assert listed_ko.stdout == "people\t누가 어떤 행사에 참여했는가?\n"
    as_json = json.loads(invoke("query", "people", "-f", "json", "--root", str(mini_root)).stdout)
    assert as_json["results"]["bindings"][0]["event"]["value"] == "https://w3id.org/aigraph/summit/mini-summit"
    table = invoke("query", "people", "--lang", "ko", "--root", str(mini_root)).stdout
    assert table.splitlines()[2].split() == ["에이다", "예시", "미니", "정상회의"]


def test_export_to_stdout_and_file(mini_root: Path, tmp_path: Path):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    stdout = invoke("export", "--format", "nt", "--root", str(mini_root))
    assert stdout.returncode == 0
    dest = tmp_path / "graph.nt"
    to_file = invoke("export", "-o", str(dest), "--root", str(mini_root))
    assert to_file.returncode == 0 and f"wrote {dest}" in to_file.stderr
    assert isomorphic(Graph().parse(data=stdout.stdout, format="nt"), Graph().parse(dest, format="nt"))


def test_unwritable_destination_exit_2(mini_root: Path, tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    proc = invoke("export", "-o", str(blocker / "sub" / "graph.ttl"), "--root", str(mini_root))
    assert proc.returncode == 2
    assert "cannot write" in proc.stderr
