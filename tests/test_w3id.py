"""The w3id redirect file: each kind of IRI goes where `aigraph serve` (or a build) answers it.

The rules of w3id/.htaccess are read and applied here the way Apache's
mod_rewrite applies them in a directory context (conditions on the Accept
header, [OR], the first rule with [L] that matches wins).
"""

import re
from pathlib import Path

import pytest

from aigraph.build import CONTEXT_FILE, ONTOLOGY_DOC_FILE, OUTPUTS, VOID_FILE
from aigraph.server.app import DIST_FILES

ROOT = Path(__file__).resolve().parents[1]
HTACCESS = ROOT / "w3id" / ".htaccess"
HOST = "https://aigraph.example.org"


def _rules() -> list[tuple[list[tuple[str, bool]], str, str, str]]:
    rules, conditions = [], []
    for line in HTACCESS.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if words[0] == "RewriteCond":
            assert words[1] == "%{HTTP_ACCEPT}", line
            conditions.append((words[2], len(words) > 3 and "OR" in words[3]))
        elif words[0] == "RewriteRule":
            rules.append((conditions, words[1], words[2], words[3]))
            conditions = []
    return rules


def resolve(path: str, accept: str = "*/*") -> tuple[int, str]:
    """Return (status, location) for https://w3id.org/aigraph/PATH asked with *accept*."""
    for conditions, pattern, target, flags in _rules():
        groups: list[list[str]] = [[]]  # "A [OR] B, C" is (A or B) and C
        for regex, or_next in conditions:
            groups[-1].append(regex)
            if not or_next:
                groups.append([])
        matched = all(any(re.search(r, accept) for r in group) for group in groups if group)
        found = re.search(pattern, path)
        if matched and found:
            location = re.sub(r"\$(\d)", lambda m: found.group(int(m.group(1))) or "", target)
            return int(re.search(r"R=(\d+)", flags).group(1)), location
    raise AssertionError(f"no rule for {path!r}")


def test_rewrite_engine_is_on_and_every_target_is_the_one_host():
    text = HTACCESS.read_text(encoding="utf-8")
    assert "RewriteEngine on" in text
    assert all(target.startswith(HOST + "/") for _c, _p, target, _f in _rules())


@pytest.mark.parametrize("path", ["person/kamala-harris", "source/kwangju-ilbo-2024-05-22-ai-seoul-summit",
                                  "summit/ai-seoul-summit-2024/leaders-session", "dataset", "dataset/source/kbs-612"])
def test_entities_and_the_dataset_go_to_the_server_which_negotiates(path: str):
    assert resolve(path) == (303, f"{HOST}/{path}")
    assert resolve(path, "text/turtle") == (303, f"{HOST}/{path}")


def test_the_ontology_goes_to_its_documentation_for_browsers_and_to_rdf_otherwise():
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert resolve("ontology", browser) == (303, f"{HOST}/ontology.html")
    assert resolve("ontology", "text/turtle") == (303, f"{HOST}/ontology")
    assert resolve("ontology", "application/ld+json") == (303, f"{HOST}/ontology")


def test_every_dump_and_the_context_go_to_files_the_server_serves():
    names = [*OUTPUTS.values(), VOID_FILE, CONTEXT_FILE, ONTOLOGY_DOC_FILE]
    for name in names:
        assert resolve(f"dist/{name}") == (302, f"{HOST}/dist/{name}")
        assert name in DIST_FILES, name
    assert resolve("context.jsonld") == (302, f"{HOST}/dist/context.jsonld")


def test_readme_documents_the_redirect_file():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "w3id/.htaccess" in readme and "Making the IRIs resolve" in readme
