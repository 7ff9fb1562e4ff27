"""Query limits (aigraph.runner) as `aigraph query` applies them: a query is stopped at its
time limit and at its memory limit, each with one line and exit 2; limits must be positive."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import invoke

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
# Every row of a cross product joined into one string: memory grows fast.
GREEDY = ("SELECT (STRLEN(GROUP_CONCAT(?x)) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
          "BIND(CONCAT(STR(?a), STR(?b), STR(?c), STR(?d), STR(?e), STR(?f), STR(?g), STR(?h), STR(?i)) AS ?x) }")


def test_query_stops_at_its_time_limit(mini_root: Path):
    result = invoke("query", "--root", str(mini_root), "--timeout", "2", CROSS)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (
        "Error: the query exceeded the time limit of 2 s and was stopped; raise --timeout, or narrow the query"
    )


def test_query_stops_at_its_memory_limit(mini_root: Path):
    result = invoke("query", "--root", str(mini_root), "--timeout", "200", "--max-memory", "300", GREEDY)
    assert result.returncode == 2, result.stderr
    assert "needed more than the memory limit of 300 MB and was stopped" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("option", [["--timeout", "0"], ["--timeout", "-1"], ["--max-memory", "1"]])
def test_query_limits_must_be_positive(mini_root: Path, option: list[str]):
    result = invoke("query", "--root", str(mini_root), *option, "SELECT * WHERE {}")
    assert result.returncode == 2 and "Invalid value" in result.stderr
