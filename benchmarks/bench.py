"""Benchmark aigraph on synthetic summit graphs: `make bench` runs this and prints a Markdown report.

For each size (10^4, 10^5, 10^6 triples by default) it generates a project
(benchmarks/synth.py) and measures, each in a fresh process so that peak memory
is the step's own: load, derive, the queries (every queries/*.rq and
benchmarks/queries/*.rq, p50 of several runs), export in every format,
projection to networkx, the HTML page and `analyze` on the projection, and
validation, on each store; raw pyoxigraph (Store.load and the same queries)
in the same run, so the overhead is a ratio; a full `build` with peak memory;
and p50/p95 latency of `aigraph serve` under 8 concurrent clients.

Usage: python benchmarks/bench.py [--sizes 1e4,1e5,1e6] [--readme README.md]
       python benchmarks/bench.py step {engine,raw,build} ROOT [STORE]   (internal)
"""

from __future__ import annotations
from aigraph.paths import project_paths

import argparse
import json
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

#: A step that takes longer than this is stopped and reported as "> N s".
QUERY_LIMIT = 60
VALIDATE_LIMIT = 1200
STEP_LIMIT = 3600


class Overtime(Exception):
    """A measured step ran past its limit."""


@contextmanager
def limit(seconds: int):
    """Stop Python code that runs past *seconds* (rdflib and pySHACL are Python)."""

    def stop(_signum, _frame):
        raise Overtime

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def timed(function, *args, **kwargs):
    """Return (seconds, result)."""
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def query_files(root: Path) -> list[Path]:
    return sorted((root / "queries").glob("*.rq"))


def repeats_for(triples: int) -> int:
    return 5 if triples <= 200_000 else 3


# --- steps, each run in its own process ------------------------------------------------------


def engine_step(root: Path, store: str) -> dict:
    """Everything on rdflib over one store."""
    from aigraph.derive import derive_edges
    from aigraph.errors import QueryError
    from aigraph.parse import load_dataset
    from aigraph.namespaces import DERIVED_GRAPH
    from aigraph.query import run_query
    from aigraph.serialize import serialize_dataset
    from aigraph.validate import validate_dataset

    out: dict = {"store": store}
    with limit(STEP_LIMIT):
        out["load_s"], dataset = timed(load_dataset, root, store=store)
        out["triples"] = sum(1 for _ in dataset.quads((None, None, None, None)))
        out["derive_s"], _ = timed(derive_edges, dataset, paths=project_paths(root))
    if store == "oxigraph":  # raw pyoxigraph queries the same derived edges
        (root / "derived.nt").write_bytes(
            dataset.graph(DERIVED_GRAPH).serialize(format="nt", encoding="utf-8"))
    out["queries"] = {}
    repeats = repeats_for(out["triples"])
    for path in query_files(root):
        times = []
        try:
            while len(times) < repeats and sum(times) < 2:  # a slow query is timed once
                with limit(QUERY_LIMIT):
                    try:
                        seconds, rows = timed(lambda p=path: list(run_query(dataset, p, paths=project_paths(root))))
                    except QueryError as exc:  # run_query wraps whatever stops the engine
                        if isinstance(exc.__cause__, Overtime):
                            raise exc.__cause__ from None
                        raise
                times.append(seconds)
            out["queries"][path.stem] = {"p50": statistics.median(times), "rows": len(rows)}
        except Overtime:
            out["queries"][path.stem] = {"p50": None, "over": QUERY_LIMIT}
    out["export_s"] = {}
    for fmt in ("ttl", "trig", "nq"):  # the three the table shows; `build` writes all six
        try:
            with limit(STEP_LIMIT):
                out["export_s"][fmt], _ = timed(serialize_dataset, dataset, fmt)
        except Overtime:
            out["export_s"][fmt] = None
    out["projection_s"], out["html_s"], out["analyze"] = projection_and_page(dataset)
    out["validate_s"] = out["conforms"] = None
    if store == "memory":  # pySHACL runs on the same in-memory copy of the union either way
        out["peak_mb"] = peak_mb()
        return out
    try:
        with limit(VALIDATE_LIMIT):
            out["validate_s"], report = timed(validate_dataset, dataset, paths=project_paths(root))
        out["conforms"] = report.conforms
    except Overtime:
        out["validate_s"], out["conforms"] = None, None
    out["peak_mb"] = peak_mb()
    return out


def projection_and_page(dataset) -> tuple[float | None, float | None, dict]:
    """Time the networkx projection, the HTML page and `analyze` on the projection."""
    from aigraph.analyze import analyze_projection
    from aigraph.kinds import node_kinds
    from aigraph.namespaces import ONTOLOGY_GRAPH
    from aigraph.project import to_networkx
    from aigraph.viz import render_html

    seconds, graph = timed(to_networkx, dataset)
    page_seconds, _ = timed(render_html, graph)
    analysis: dict = {"nodes": graph.number_of_nodes()}
    try:
        with limit(STEP_LIMIT):
            kinds = node_kinds(graph, dataset.graph(ONTOLOGY_GRAPH))
            analysis["s"], result = timed(analyze_projection, graph, kinds)
        analysis["sampled"] = result.summary["betweenness"]["sampled"]
    except Overtime:
        analysis["s"] = None
    return seconds, page_seconds, analysis


def raw_step(root: Path) -> dict:
    """pyoxigraph alone: Store.load of the same files, then the same queries."""
    import pyoxigraph as ox

    store = ox.Store()
    files = [*sorted((root / "ontology").glob("*.ttl")), *sorted((root / "data").glob("*.trig"))]
    files = [f for f in files if f.name != "shapes.ttl"]
    start = time.perf_counter()
    for path in files:
        fmt = ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.TURTLE
        graph = None if path.suffix == ".trig" else ox.NamedNode("https://w3id.org/aigraph/ontology")
        store.load(path=str(path), format=fmt, base_iri=path.resolve().as_uri(), to_graph=graph)
    out = {"load_s": time.perf_counter() - start, "triples": len(store)}
    derived = root / "derived.nt"
    if derived.exists():
        store.load(path=str(derived), format=ox.RdfFormat.N_TRIPLES,
                   to_graph=ox.NamedNode("https://w3id.org/aigraph/graph/derived"))
    out["queries"] = {}
    for path in query_files(root):
        text = path.read_text(encoding="utf-8")
        times = []
        for _ in range(repeats_for(out["triples"])):
            seconds, rows = timed(lambda t=text: list(store.query(t, use_default_graph_as_union=True)))
            times.append(seconds)
        out["queries"][path.stem] = {"p50": statistics.median(times), "rows": len(rows)}
    out["peak_mb"] = peak_mb()
    return out


def build_step(root: Path) -> dict:
    """A full `aigraph build` (load, derive, validate, every export) on the default store."""
    from aigraph.build import build

    with limit(STEP_LIMIT):
        seconds, result = timed(build, root, out_dir=root / "dist")
    return {"build_s": seconds, "peak_mb": peak_mb(), "triples": result.triples}


def run_step(*args: str, timeout: float = STEP_LIMIT + 600) -> dict:
    """Run one step in a fresh Python process and return what it measured."""
    proc = subprocess.run([sys.executable, __file__, "step", *args], capture_output=True, text=True,
                          timeout=timeout)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the endpoint under load --------------------------------------------------------------------


def load_test(root: Path, *, clients: int = 8, per_client: int = 25) -> dict:
    """Latency of `aigraph serve` (default store) with *clients* concurrent clients."""
    import socket

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "aigraph", "serve", "--root", str(root),
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                httpx.get(url, timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.3)
        texts = [p.read_text(encoding="utf-8") for p in query_files(root)]
        latencies: list[float] = []
        errors: list[int] = []

        def client(index: int) -> None:
            with httpx.Client(timeout=60) as http:
                for n in range(per_client):
                    start = time.perf_counter()
                    response = http.post(url, data={"query": texts[(index * per_client + n) % len(texts)]})
                    latencies.append(time.perf_counter() - start)
                    if response.status_code != 200:
                        errors.append(response.status_code)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "statuses": sorted(set(errors)),
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p95_ms": 1000 * latencies[int(len(latencies) * 0.95)],
    }


# --- the report -----------------------------------------------------------------------------


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    memory = ""
    if Path("/proc/meminfo").exists():
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.1f} GB RAM"
    from importlib.metadata import version

    libs = ", ".join(f"{p} {version(p)}" for p in ("rdflib", "pyoxigraph", "oxrdflib", "pyshacl"))
    return f"{cpu}, {os.cpu_count()} cores{memory}; Linux {platform.release()}; Python {platform.python_version()}; {libs}"


def fmt_s(value) -> str:
    if value is None:
        return "n/a"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"


def _analysis_cell(analysis: dict) -> str:
    """`analyze`'s time, the projection's node count, and whether betweenness was sampled."""
    if not analysis:
        return "n/a"
    if analysis.get("s") is None:
        return f"> {STEP_LIMIT} s ({analysis['nodes']:,})"
    sampled = ", sampled" if analysis.get("sampled") else ""
    return f"{fmt_s(analysis['s'])} ({analysis['nodes']:,}{sampled})"


def report(results: list[dict]) -> str:
    lines = [f"Machine: {machine()}.", ""]
    lines += ["| triples | store | load | triples/s | vs raw | derive | validate | export (ttl / trig / nq) "
              "| projection | HTML page | analyze (nodes) | peak MB |",
              "|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|"]
    for r in results:
        raw = r["raw"]
        lines.append(f"| {r['triples']:,} | raw pyoxigraph | {fmt_s(raw['load_s'])} | "
                     f"{raw['triples'] / raw['load_s']:,.0f} | 1.0x | | | | | | | {raw['peak_mb']:.0f} |")
        for e in (r["oxigraph"], r["memory"]):
            if "error" in e or "load_s" not in e:
                lines.append(f"| {r['triples']:,} | {e.get('store', '?')} | {e.get('error', 'not run')} |"
                             " | | | | | | | | |")
                continue
            export = " / ".join(fmt_s(e["export_s"].get(f)) for f in ("ttl", "trig", "nq"))
            lines.append(
                f"| {r['triples']:,} | rdflib + {e['store']} | {fmt_s(e['load_s'])} | "
                f"{e['triples'] / e['load_s']:,.0f} | {e['load_s'] / raw['load_s']:.1f}x | {fmt_s(e['derive_s'])} | "
                f"{fmt_s(e['validate_s'])} | {export} | {fmt_s(e['projection_s'])} | {fmt_s(e['html_s'])} | "
                f"{_analysis_cell(e.get('analyze', {}))} | {e['peak_mb']:.0f} |")
    lines += ["", "Queries, p50 (rows) — raw pyoxigraph / rdflib + oxigraph (ratio) / rdflib + memory:", ""]
    sizes = [f"{r['triples']:,}" for r in results]
    lines += ["| query | " + " | ".join(sizes) + " |", "|---|" + "---|" * len(sizes)]
    names = sorted(results[-1]["raw"]["queries"])
    for name in names:
        cells = []
        for r in results:
            raw = r["raw"]["queries"].get(name, {})
            ox_q = r["oxigraph"].get("queries", {}).get(name, {})
            mem_q = r["memory"].get("queries", {}).get(name, {})
            ratio = (ox_q["p50"] / raw["p50"]) if ox_q.get("p50") and raw.get("p50") else None
            mem = fmt_s(mem_q.get("p50")) if mem_q.get("p50") else (f"> {mem_q['over']} s" if "over" in mem_q else "n/a")
            cells.append(f"{fmt_s(raw.get('p50'))} / {fmt_s(ox_q.get('p50'))}"
                         f"{f' ({ratio:.1f}x)' if ratio else ''} / {mem} ({ox_q.get('rows', '?')})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "| triples | full build | build peak MB | serve: requests | not 200 (status) | p50 | p95 |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        b, s = r["build"], r["serve"]
        statuses = f" ({', '.join(map(str, s['statuses']))})" if s["statuses"] else ""
        lines.append(f"| {r['triples']:,} | {fmt_s(b.get('build_s'))} | {b.get('peak_mb', 0):.0f} | "
                     f"{s['requests']} | {s['errors']}{statuses} | {s['p50_ms']:.0f} ms | {s['p95_ms']:.0f} ms |")
    return "\n".join(lines) + "\n"


def update_readme(readme: Path, table: str) -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start not in text:
        return
    before, rest = text.split(start, 1)
    after = rest.split(end, 1)[1]
    readme.write_text(f"{before}{start}\n{table}{end}{after}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1e4,1e5,1e6")
    parser.add_argument("--memory-sizes", default="1e4,1e5",
                        help="sizes at which rdflib's memory store is measured too")
    parser.add_argument("--readme", type=Path, default=None, help="rewrite the table between the bench markers")
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    from synth import make_project

    memory_sizes = {int(float(s)) for s in args.memory_sizes.split(",") if s}
    results = []
    with tempfile.TemporaryDirectory(prefix="aigraph-bench-") as tmp:
        for size in (int(float(s)) for s in args.sizes.split(",")):
            root = Path(tmp) / f"synthetic-{size}"
            make_project(size, root)
            print(f"== {size:,} triples", file=sys.stderr, flush=True)  # noqa: T201
            oxigraph = run_step("engine", str(root), "oxigraph")
            raw = run_step("raw", str(root))
            memory = run_step("engine", str(root), "memory") if size in memory_sizes else {"store": "memory"}
            results.append({"triples": oxigraph.get("triples", size), "oxigraph": oxigraph, "raw": raw,
                            "memory": memory, "build": run_step("build", str(root)), "serve": load_test(root)})
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)  # noqa: T201
    table = report(results)
    args.out.write_text(table, encoding="utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if args.readme:
        update_readme(args.readme, table)
    print(table)  # noqa: T201


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "step":
        kind, root = sys.argv[2], Path(sys.argv[3])
        step = {"engine": lambda: engine_step(root, sys.argv[4]), "raw": lambda: raw_step(root),
                "build": lambda: build_step(root)}[kind]
        print(json.dumps(step()))  # noqa: T201
    else:
        main()
