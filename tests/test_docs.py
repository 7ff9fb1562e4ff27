"""Docs cannot rot: every docstring example runs, every command is documented, and the README
and the pages of docs/ show what the commands print, link only to what exists, and the README
stays short (issue 12: at most 15 KB, the rest in docs/*.md)."""

import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import click
import pytest

import aigraph
from aigraph.cli.commands import cli
from aigraph.network import projection

ROOT = Path(__file__).resolve().parents[1]
# The README and every page of docs/: their examples are tested alike.
PAGES = ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]
README_MAX_BYTES = 15_000
# walk_packages reaches subpackages too (aigraph.ingest.*)
MODULES = sorted(m.name for m in pkgutil.walk_packages(aigraph.__path__, "aigraph.") if m.name != "aigraph.__main__")


#: The real project as the examples load it, assembled once per process: the examples only
#: read it, and assembling it anew for each of them was a third of this file's time.
_LOADED: dict[tuple, aigraph.Project] = {}


def _load_once(root=None, /, **options):
    key = (None if root is None else str(root), tuple(sorted(options.items())))
    if key not in _LOADED:
        _LOADED[key] = _real_load(root, **options)
    return _LOADED[key]


_real_load = aigraph.load

#: Its projections likewise, made once per process; each example gets its own copy.
_PROJECTED: dict[tuple, object] = {}


def _project_once(dataset, /, **options):
    key = (id(dataset), tuple(sorted(options.items())))
    if key not in _PROJECTED:
        _PROJECTED[key] = (dataset, _real_to_networkx(dataset, **options))  # the dataset kept alive: its id stays its own
    return _PROJECTED[key][1].copy()


_real_to_networkx = projection.to_networkx


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(aigraph, "load", _load_once)
    monkeypatch.setattr(projection, "to_networkx", _project_once)
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


def _query_examples(page: str):
    """Each `$ aigraph query ...` of a text block of the page, with the output shown under it."""
    text = (ROOT / page).read_text(encoding="utf-8")
    for block in re.findall(r"```text\n(.*?)```", text, flags=re.S):
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
            yield page, line[2:], shown


QUERY_EXAMPLES = [example for page in PAGES for example in _query_examples(page)]


def test_the_readme_and_the_command_line_page_show_query_examples():
    pages = {page for page, _, _ in QUERY_EXAMPLES}
    assert {"README.md", "docs/cli.md"} <= pages


@pytest.mark.parametrize("page,command,shown", QUERY_EXAMPLES)
def test_query_examples_print_what_they_show(page: str, command: str, shown: list[str]):
    import shlex

    from click.testing import CliRunner

    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    assert result.exit_code == 0, f"{page}: {result.output}"
    printed = result.output.splitlines()
    if "..." in shown:  # an excerpt: the lines around "..." begin and end the output
        cut = shown.index("...")
        head, tail = shown[:cut], shown[cut + 1 :]
        assert printed[:cut] == head and printed[len(printed) - len(tail) :] == tail, page
    else:
        assert printed == shown, page


def test_the_readme_lists_each_command_once_in_its_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `aigraph (\w+)", section, flags=re.M)
    assert sorted(rows) == sorted(cli.commands)


def test_the_readme_is_at_most_15_kb():
    size = len((ROOT / "README.md").read_bytes())
    assert size <= README_MAX_BYTES, f"README.md is {size} bytes: move details to docs/*.md"


def _without_code(text: str) -> str:
    """The Markdown text without fenced blocks and inline code, where brackets are not links."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return re.sub(r"`[^`\n]*`", "", text)


def _anchors(path: Path) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown file (duplicates get -1, -2, ...)."""
    seen: dict[str, int] = {}
    anchors = set()
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.S | re.M)
    for heading in re.findall(r"^#{1,6} (.+)$", text, flags=re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        anchors.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
        seen[slug] = seen.get(slug, 0) + 1
    return anchors


@pytest.mark.parametrize("page", PAGES)
def test_relative_links_and_images_point_to_files_and_headings_that_exist(page: str):
    path = ROOT / page
    links = re.findall(r"\]\(([^)\s]+)\)", _without_code(path.read_text(encoding="utf-8")))
    relative = [link for link in links if not re.match(r"[a-z]+:", link)]
    for link in relative:
        target, _, anchor = link.partition("#")
        file = (path.parent / target).resolve() if target else path
        assert file.exists(), f"{page}: {link} names no file"
        if anchor:
            assert anchor in _anchors(file), f"{page}: {link} names no heading of {file.name}"


def test_every_page_of_docs_is_linked_from_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((docs/[^)#\s]+\.md)", readme))
    assert linked == {page for page in PAGES if page.startswith("docs/")}


def test_the_readme_shows_the_two_screenshots_and_every_key_of_the_url_fragment():
    # issue 14: the README documents the fragment format and shows docs/graph-focus.png and
    # docs/graph-story.png; the full table of keys is on docs/page.md.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for image in ("docs/graph-focus.png", "docs/graph-story.png"):
        assert f"]({image})" in readme and (ROOT / image).is_file()
    page = (ROOT / "docs/page.md").read_text(encoding="utf-8")
    table = page.split("## Links that can be shared", 1)[1].split("\n## ", 1)[0]
    cells = re.findall(r"^\| (`[^|]+`) \|", table, flags=re.M)  # the key column, e.g. `from`, `to`
    keys = {key for cell in cells for key in re.findall(r"`(\w+)`", cell)}
    assert len(keys) >= 10
    summary = readme.split("## The graph page", 1)[1].split("\n## ", 1)[0]
    assert all(f"`{key}" in summary for key in keys), keys - set(re.findall(r"`(\w+)", summary))


def _python_examples():
    for page in PAGES:
        if page == "docs/analysis.md":  # run, with what it prints checked, by test_network_docs.py
            continue
        text = (ROOT / page).read_text(encoding="utf-8")
        for n, code in enumerate(re.findall(r"```python\n(.*?)```", text, flags=re.S)):
            yield pytest.param(page, code, id=f"{page}-{n}")


@pytest.mark.parametrize("page,code", list(_python_examples()))
def test_python_examples_run(page: str, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)  # anything an example writes goes here; load() finds the checkout
    exec(compile(code, page, "exec"), {})
