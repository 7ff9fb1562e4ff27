"""The graph page: its payload (golden), its safety as static HTML, the CLI and the build."""

from __future__ import annotations
from aigraph import load

import json
from html.parser import HTMLParser
from pathlib import Path

from aigraph.build import assemble, build
from aigraph.network.projection import to_networkx
from aigraph.network.page import graph_payload, payload_json, render_html


class _Tags(HTMLParser):
    """Collect start tags with their attributes, and the text of script elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def test_payload_of_the_mini_project_matches_golden(mini_root: Path, golden):
    payload = graph_payload(to_networkx(load(mini_root).dataset))
    golden("viz-payload.json", payload_json(payload, indent=1) + "\n")


def test_payload_carries_what_the_page_needs(mini_root: Path):
    payload = graph_payload(to_networkx(load(mini_root).dataset))
    ada = next(n for n in payload["nodes"] if n["id"].endswith("person/ada-example"))
    assert ada["degree"] == 3  # chair of the summit, for Examplia, endorsed the declaration
    assert [e["id"] for e in payload["edges"]] == [f"e{i}" for i in range(5)]
    assert [c["labels"]["en"] for c in payload["classes"]] == [
        "company",
        "country",
        "document",
        "person",
        "principle",
        "summit",
    ]
    assert {c["shape"] for c in payload["classes"]} <= {
        "dot",
        "square",
        "diamond",
        "star",
        "triangle",
        "triangleDown",
        "hexagon",
    }


def test_json_cannot_close_its_script_element():
    text = payload_json({"a": "</script><script>alert(1)</script>", "b": "<!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script>", "b": "<!-- & -->"}


def test_page_loads_nothing_from_the_network(mini_root: Path):
    page = render_html(to_networkx(load(mini_root).dataset))
    tags = _parse(page).tags
    for tag, attrs in tags:
        for name in ("src", "href"):
            assert not (attrs.get(name) or "").startswith(("http:", "https:", "//")), (tag, attrs)
    assert not any(tag == "link" for tag, _ in tags)
    assert sum(1 for tag, attrs in tags if tag == "script" and "src" in attrs) == 0
    csp = next(
        a["content"]
        for t, a in tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert (
        "default-src 'none'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )


def test_hostile_labels_stay_inside_the_json(xss_root: Path):
    page = render_html(to_networkx(load(xss_root).dataset))
    parsed = _parse(page)
    # three scripts: the JSON payload, vis-network and the page's own; nothing injected
    assert [attrs.get("type") for tag, attrs in parsed.tags if tag == "script"] == [
        "application/json",
        None,
        None,
    ]
    assert not any(tag in ("img", "iframe", "svg", "b", "a") for tag, _ in parsed.tags)
    assert "<img src=x" not in page and "window.__xss" in page  # present, but only as escaped JSON
    data = json.loads(parsed.scripts[0])
    labels = {n["labels"]["en"] for n in data["nodes"]}
    assert '<img src=x onerror="window.__xss=1">Mallory' in labels
    assert "</script><script>window.__xss=3</script>" in labels
    mallory = next(n for n in data["nodes"] if n["id"].endswith("mallory"))
    assert mallory.get("wikidata") is None  # a javascript: IRI is not a Wikidata link (left out)


def test_page_is_the_same_bytes_every_time(mini_root: Path):
    dataset = load(mini_root).dataset
    assert render_html(to_networkx(dataset)) == render_html(to_networkx(load(mini_root).dataset))


def test_lang_sets_the_page_language(mini_root: Path):
    page = render_html(to_networkx(load(mini_root).dataset, lang="ko"), lang="ko")
    assert page.splitlines()[1] == '<html lang="ko">'
    assert "<title>AI 정상회의 지식 그래프</title>" in page


def test_cli_viz_writes_the_page(mini_root: Path, tmp_path: Path, cli):
    out = tmp_path / "page" / "graph.html"
    result = cli(
        "viz", "--root", str(mini_root), "-o", str(out), "--focus", "Examplia", "--depth", "1"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"wrote {out}"
    data = json.loads(_parse(out.read_text(encoding="utf-8")).scripts[0])
    assert sorted(n["labels"]["en"] for n in data["nodes"]) == ["Ada Example", "Examplia"]


def test_cli_viz_to_standard_output_with_classes(mini_root: Path, cli):
    result = cli("viz", "--root", str(mini_root), "--classes", "Person,Company", "--lang", "ko")
    assert result.returncode == 0, result.stderr
    data = json.loads(_parse(result.stdout).scripts[0])
    assert sorted(n["labels"]["ko"] for n in data["nodes"]) == ["미니 신문", "에이다 예시"]
    assert data["lang"] == "ko"


def test_cli_viz_errors_are_one_line_with_exit_2(mini_root: Path, tmp_path: Path, cli):
    out = tmp_path / "graph.html"
    result = cli("viz", "--root", str(mini_root), "--focus", "nobody", "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == "Error: 'nobody' matches no drawn entity"
    assert not out.exists()
    result = cli("viz", "--root", str(mini_root), "--classes", "Dragon")
    assert result.returncode == 2 and "unknown class 'Dragon'" in result.stderr


def test_build_writes_the_graph_page(mini_root: Path, tmp_path: Path):
    result = build(load(mini_root), out_dir=tmp_path / "dist")
    page = tmp_path / "dist" / "graph.html"
    assert page in result.files
    data = json.loads(_parse(page.read_text(encoding="utf-8")).scripts[0])
    assert len(data["nodes"]) == 6
