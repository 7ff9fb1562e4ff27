"""aigraph plot: each PNG is read back (size, not blank, the class colours drawn), and the data
behind the matrix and the timeline is checked against the article and facts.md."""

from datetime import date
from pathlib import Path

import pytest
from helpers import invoke
from PIL import Image
from facts import DOCUMENTS, TIMELINE

from aigraph.errors import AnalysisError
from aigraph.network.categories import node_kinds
from aigraph.rdf.namespaces import ONTOLOGY_GRAPH
from aigraph.network.plots import fulfilment_matrix, plot_network, principle_matrix, summit_timeline
from aigraph.network.projection import to_networkx

B = "https://w3id.org/aigraph/"


@pytest.fixture(scope="module")
def projected(dataset):
    graph = to_networkx(dataset)
    return graph, node_kinds(graph, dataset.graph(ONTOLOGY_GRAPH))


def _read(path: Path) -> Image.Image:
    image = Image.open(path)
    assert image.format == "PNG"
    return image.convert("RGB")


def _has_colour(image: Image.Image, hex_colour: str) -> bool:
    rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return any(count and colour == rgb for count, colour in image.getcolors(maxcolors=1 << 20))


@pytest.mark.parametrize(
    "kind,colour",
    [
        ("centrality", "#1f77b4"),  # people's bars
        ("principles", "#9467bd"),  # documents' cells
        ("timeline", "#d62728"),  # summits' stars
        ("followthrough", "#ff7f0e"),  # xAI's late verdicts
    ],
)
def test_each_plot_is_a_readable_non_blank_png(dataset, tmp_path: Path, kind: str, colour: str):
    path = plot_network(dataset, kind, dest=tmp_path / f"{kind}.png")  # type: ignore[arg-type]
    image = _read(path)
    assert image.width >= 400 and image.height >= 250
    colours = {c: n for n, c in image.getcolors(maxcolors=1 << 20)}
    inked = image.width * image.height - colours.get((255, 255, 255), 0)
    assert inked / (image.width * image.height) > 0.02, "the picture is (nearly) blank"
    assert len(colours) > 10
    assert _has_colour(image, colour)


def test_principles_matrix_shows_the_declaration_s_three_goals(projected):
    # the declaration's title and p.13: safe, innovative and inclusive AI
    rows, cols, cells = principle_matrix(*projected)
    declaration = B + "document/seoul-declaration"
    for goal in ("safety", "innovation", "inclusivity"):
        assert (declaration, B + "principle/" + goal) in cells
        assert B + "principle/" + goal in cols
    assert rows.index(declaration) < rows.index(
        B + "statement/ai-seoul-summit-2024-leaders-session/yoon-safety"
    )
    pledge = B + "document/frontier-ai-safety-commitments"  # p.17
    assert {c for r, c in cells if r == pledge} == {
        B + "principle/safety",
        B + "principle/responsible-ai",
    }


def test_timeline_has_the_four_summits_in_order_with_their_documents(projected):
    # facts.md §1, §8, §9 (tests/series.py): each summit at its first day, with the
    # documents adopted at it, at one of its sessions or at a side event
    timeline = summit_timeline(*projected)
    assert [(s["summit"], s["date"]) for s in timeline] == [
        (B + "summit/" + slug, date.fromisoformat(start)) for slug, start, *_ in TIMELINE
    ]
    for entry, (slug, *_) in zip(timeline, TIMELINE):
        assert set(entry["documents"]) == {B + "document/" + d for d in DOCUMENTS[slug]}, slug


def test_unknown_plot_is_an_error(dataset):
    with pytest.raises(AnalysisError, match="unknown plot"):
        plot_network(dataset, "pie")  # type: ignore[arg-type]


def test_cli_plot_writes_the_file(tmp_path: Path):
    out = tmp_path / "centrality.png"
    proc = invoke("plot", "centrality", "-o", str(out), "--top", "5", "--lang", "ko")
    assert proc.returncode == 0, proc.stderr
    assert _read(out).height >= 250
    assert invoke("plot", "pie", "-o", str(out)).returncode == 2


def test_followthrough_matrix_is_each_source_s_verdict(projected):
    # followthrough.md §1.2-1.4: METR and SaferAI count the same twelve publishers and eight
    # non-publishers; Overdue Tracker names six on time and xAI late
    graph, _kinds = projected
    matrix = fulfilment_matrix(graph)
    fasc = B + "document/frontier-ai-safety-commitments"
    kept, late, not_kept = (B + "status/" + s for s in ("kept", "late", "not-kept"))

    def verdicts(publisher):
        return {row.rsplit("/", 1)[1]: tuple(groups) for (row, (doc, pub)), groups in matrix["cells"].items()
                if doc == fasc and pub == publisher}

    metr = verdicts("METR")
    assert sorted(k for k, v in metr.items() if v == (kept,)) == sorted([
        "amazon", "anthropic", "cohere", "g42", "google-deepmind", "magic", "meta", "microsoft", "naver",
        "nvidia", "openai", "xai"])
    assert sorted(k for k, v in metr.items() if v == (not_kept,)) == sorted([
        "01-ai", "ibm", "inflection-ai", "minimax", "mistral-ai", "samsung-electronics",
        "technology-innovation-institute", "zhipu-ai"])
    assert verdicts("SaferAI") == metr
    overdue = verdicts("Overdue Tracker")
    assert overdue == {**{c: (kept,) for c in ("meta", "google-deepmind", "microsoft", "openai", "amazon", "g42")},
                       "xai": (late,)}


def test_principles_rows_are_told_apart_and_the_legend_names_their_kinds(projected):
    from aigraph.network.plots import _draw_principles, principle_rows

    graph, kinds = projected
    rows, _cols, cells = principle_matrix(graph, kinds)
    merged = principle_rows(graph, rows, cells)
    labels = [label for label, _nodes in merged]
    assert len(labels) == len(set(labels))  # no two rows read the same
    assert all(len(label) <= 64 for label in labels)
    # one statement that several sources report is one row, saying how many
    raimondo = [(label, nodes) for label, nodes in merged if label.startswith("Gina Raimondo")]
    assert len(raimondo) == 1 and len(raimondo[0][1]) > 1
    assert raimondo[0][0].endswith(f"({len(raimondo[0][1])} sources)")
    # each reported version of Lee Jong-ho's announcement keeps the source that tells it apart
    lee = [label for label in labels if label.startswith("Lee Jong-ho")]
    assert len(lee) > 1 and any("Business Upturn" in label for label in lee)
    figure = _draw_principles(graph, kinds)
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert {"document", "statement"} <= set(legend)


def test_timeline_names_each_document_in_full(projected):
    from aigraph.network.plots import _draw_timeline

    graph, kinds = projected
    figure = _draw_timeline(graph, kinds)
    text = " ".join(t.get_text() for t in figure.axes[0].texts).replace("\n  ", " ").replace("\n", " ")
    for summit in summit_timeline(graph, kinds):
        for document in summit["documents"]:
            assert "• " + graph.nodes[document]["label"] in text
    assert "…" not in text
    assert "Seoul Statement of Intent toward International Cooperation on AI Safety Science" in text
