"""Benchmark validation: the shapes run as SPARQL on Oxigraph against pySHACL.

For each synthetic project (benchmarks/synth.py; made in a temporary directory
unless ``--root`` names one already made), in one process: raw pyoxigraph's
``bulk_load`` of the same files (the yardstick: the machine is shared, so
compare within a run), ``aigraph.load``, then ``validate_dataset`` with the
SPARQL engine and, unless ``--no-pyshacl``, with pySHACL. Prints a Markdown
table with the issue's target (validation ≤ 15 s at 10^6 triples). Not a
test: it asserts nothing but that the two engines' verdicts agree.

    .venv/bin/python benchmarks/bench_validate.py [--sizes N ...] [--root DIR ...] [--no-pyshacl]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import make_project

from aigraph import load
from aigraph.project.files import project_paths
from aigraph.rdf.validate import validate_dataset

TARGET_S = 15.0  # issue 16: validation at 10^6 triples


def raw_bulk_load(root: Path) -> float:
    """Seconds for pyoxigraph to bulk-load the same ontology and data files as ``aigraph.load``."""
    paths = project_paths(root)
    store = ox.Store()
    start = time.perf_counter()
    for path in paths.ontology_files():
        store.bulk_load(
            path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(path.as_uri())
        )
    for path in paths.data_files():
        store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    return time.perf_counter() - start


def measure(root: Path, *, pyshacl: bool) -> dict:
    """Time the yardstick, the load and each validator on the project at *root*."""
    row: dict = {"root": str(root), "raw_s": raw_bulk_load(root)}
    start = time.perf_counter()
    project = load(root)
    row["load_s"] = time.perf_counter() - start
    row["triples"] = len(project.query("SELECT * WHERE { ?s ?p ?o }"))
    for engine in ("sparql", "pyshacl") if pyshacl else ("sparql",):
        start = time.perf_counter()
        report = validate_dataset(project.dataset, paths=project.paths, engine=engine)
        row[f"{engine}_s"] = time.perf_counter() - start
        row[f"{engine}_conforms"] = report.conforms
    if pyshacl and row["sparql_conforms"] != row["pyshacl_conforms"]:
        raise SystemExit(f"{root}: the two validators disagree")
    return row


def table(rows: list[dict]) -> str:
    """Return the rows as a Markdown table, each validation time also as a multiple of bulk_load."""
    lines = [
        "| triples | raw bulk_load s | aigraph.load s | SPARQL validate s (x raw) | pySHACL s (x "
        "raw) "
        "| target ≤ 15 s at 10^6 |",
        "|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        def cell(key: str, r=row) -> str:
            return f"{r[key]:.1f} ({r[key] / r['raw_s']:.0f}x)" if key in r else "—"

        verdict = (
            ("met" if row["sparql_s"] <= TARGET_S else "MISSED")
            if row["triples"] >= 900_000
            else "—"
        )
        lines.append(
            f"| {row['triples']:,} | {row['raw_s']:.2f} | {row['load_s']:.1f} | {cell('sparql_s')} "
            f"| {cell('pyshacl_s')} | {verdict} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Measure each project (made here unless --root names them) and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000])
    parser.add_argument(
        "--root", type=Path, nargs="*", default=[], help="synthetic projects already made"
    )
    parser.add_argument(
        "--no-pyshacl", action="store_true", help="skip the reference (slow at 10^6)"
    )
    args = parser.parse_args()
    rows = [measure(root, pyshacl=not args.no_pyshacl) for root in args.root]
    if not args.root:
        with tempfile.TemporaryDirectory() as tmp:
            for size in args.sizes:
                root = Path(tmp) / f"synth-{size}"
                make_project(size, root)
                rows.append(measure(root, pyshacl=not args.no_pyshacl))
    print(table(rows))


if __name__ == "__main__":
    main()
