"""Benchmark how `aigraph ingest` grows with the size of the article (issue 11).

Articles of about 10 KB, 100 KB and 1 MB are made by repeating the Korean and
English test articles (tests/fixtures/ingest/articles/, the project's own words)
and ingested in a fresh process each, against the test fixture's project; a
10 MB article shows the size guard (refused before it is read). Prints seconds,
seconds per 100 KB and peak resident memory; time about linear in the input
means a flat seconds-per-100 KB column.

Usage: python benchmarks/bench_ingest_size.py [SIZE_KB ...]   (default: 10 100 1000 10000)
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def article(path: Path, size: int, lang: str) -> Path:
    """Write an article of about *size* bytes (never over) in *lang*.

    The article repeats the fixture's paragraphs.
    """
    lines = [line for line in (FIXTURES / "articles" / f"summit.{lang}.txt").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    out, total, i = [], 0, 0
    while True:
        line = lines[i % len(lines)] + "\n"
        if total + len(line.encode()) > size:
            break
        out.append(line)
        total += len(line.encode())
        i += 1
    path.write_text("".join(out), encoding="utf-8")
    return path


def run(root: Path, text: Path, lang: str) -> tuple[float, int, float]:
    """Ingest *text* in a fresh process; return seconds, exit status, peak MB of children so far."""
    start = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "aigraph",
            "ingest",
            str(text),
            "--root",
            str(root),
            "--lang",
            lang,
            "-o",
            str(text.with_suffix(".trig")),
            "--force",
        ],
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, done.returncode, peak


def main() -> None:
    """Print one row per size and language."""
    sizes = [int(a) for a in sys.argv[1:]] or [10, 100, 1000, 10000]
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    root = work / "project"
    shutil.copytree(ROOT / "ontology", root / "ontology")
    shutil.copytree(FIXTURES / "data", root / "data")
    print("| article | bytes | exit | seconds | seconds per 100 KB | peak MB (largest so far) |")
    print("|---|---:|---:|---:|---:|---:|")
    for lang in ("ko", "en"):
        for kb in sizes:
            size = kb * 1000 if kb < 10000 else kb * 1000 + 1
            text = article(work / f"a{kb}.{lang}.txt", size, lang)
            nbytes = text.stat().st_size
            seconds, status, peak = run(root, text, lang)
            per = f"{seconds / (nbytes / 100_000):.1f}" if status == 0 else "refused"
            print(
                f"| {kb} KB {lang} | {nbytes:,} | {status} | {seconds:.1f} | {per} | {peak:.0f} |"
            )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
