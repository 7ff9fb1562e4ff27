"""Benchmark the endpoint's fairness and the query stops of `aigraph query` (issue 11).

1. `aigraph serve` over the miniature test project (default 2 workers,
   --timeout 3): a well-behaved client asks a small query every 0.2 s for 24 s,
   alone and then while two abusive clients (each from its own loopback
   address) keep three cross products going each. Prints its requests, how many
   failed, and its p50/p95 latency, with the abusers' statuses.
2. `aigraph query` on a cross product: seconds from Ctrl-C (SIGINT to the
   process group, as a terminal sends it) to the end of the process, and the
   exit status.

Usage: python benchmarks/bench_fairness.py
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SMALL = "SELECT ?p WHERE { ?p a <https://schema.org/Person> } ORDER BY ?p"
SECONDS = 24.0


def project() -> Path:
    """Make a throw-away copy of the miniature project."""
    root = Path(tempfile.mkdtemp(prefix="bench-fair-")) / "mini"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(MINI / "data", root / "data")
    return root


def free_port() -> int:
    """Return a free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(root: Path) -> tuple[subprocess.Popen, str]:
    """Start `aigraph serve` and wait until it answers."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "aigraph", "serve", "--root", str(root),
                                "--port", str(port), "--timeout", "3"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(f"{base}/sparql", timeout=2)
            return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start")


def http(address: str) -> httpx.Client:
    """Return a client sending from its own loopback address."""
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=120)


def load(base: str, *, abusers: int) -> dict:
    """Run the well-behaved client for SECONDS, with *abusers* abusive clients beside it."""
    stop_at = time.monotonic() + SECONDS
    statuses: Counter = Counter()

    def abuse(address: str) -> None:
        with http(address) as client:
            while time.monotonic() < stop_at:
                statuses[client.post(f"{base}/sparql", data={"query": CROSS}).status_code] += 1

    threads = [threading.Thread(target=abuse, args=(f"127.0.0.{2 + i}",))
               for i in range(abusers) for _ in range(3)]
    for thread in threads:
        thread.start()
    time.sleep(0.5 if abusers else 0)
    latencies, failed = [], Counter()
    with http("127.0.0.9") as client:
        while time.monotonic() < stop_at:
            start = time.monotonic()
            response = client.get(f"{base}/sparql", params={"query": SMALL})
            latencies.append(time.monotonic() - start)
            if response.status_code != 200:
                failed[response.status_code] += 1
            time.sleep(0.2)
    for thread in threads:
        thread.join()
    q = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else latencies * 19
    return {"requests": len(latencies), "failed": dict(failed), "p50": statistics.median(latencies),
            "p95": q[18], "max": max(latencies), "abusers": dict(statuses)}


def ctrl_c(root: Path) -> tuple[float, int]:
    """Seconds from Ctrl-C to the end of `aigraph query` busy on a cross product, and its status."""
    process = subprocess.Popen(
        [sys.executable, "-m", "aigraph", "query", "--root", str(root), CROSS],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(8)  # loaded and answering
    start = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=120)
    return time.monotonic() - start, process.returncode


def main() -> None:
    """Print the figures."""
    root = project()
    process, base = start_server(root)
    try:
        print("| clients | well-behaved requests | failed | p50 | p95 | max | abusers' statuses |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for abusers in (0, 2):
            r = load(base, abusers=abusers)
            print(
                f"| 1 well-behaved + {abusers} abusive | {r['requests']} | "
                f"{sum(r['failed'].values())} "
                f"{r['failed'] or ''} | {r['p50'] * 1000:.0f} ms | {r['p95'] * 1000:.0f} ms | "
                f"{r['max'] * 1000:.0f} ms | {r['abusers'] or '-'} |"
            )
    finally:
        process.terminate()
        process.wait(timeout=30)
    seconds, status = ctrl_c(root)
    print(
        f"\naigraph query on a cross product: stopped {seconds:.2f} s after Ctrl-C, exit {status}"
    )
    shutil.rmtree(root.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
