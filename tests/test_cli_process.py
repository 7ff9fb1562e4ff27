"""The command line as a process: where the process boundary is the point.

Everything else about the commands is tested in process (tests/cli/, through click's
CliRunner); here are what only a real process shows: ``python -m aigraph`` and the
installed script agree, and agree with the in-process runner; a full or closed standard
output; Ctrl-C reaching the command and its query worker; a server that cannot listen.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, invoke, run_cli

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_python_m_and_console_script_agree(mini_root: Path):
    script = shutil.which("aigraph")
    via_m = run_cli("query", "people", "--root", str(mini_root))
    assert via_m.returncode == 0
    if script:
        direct = subprocess.run([script, "query", "people", "--root", str(mini_root)], capture_output=True, text=True)
        assert direct.stdout == via_m.stdout


@pytest.mark.parametrize("args", [
    ["query", "people", "-f", "csv"],  # success: the answer on stdout
    ["query", "no-such-query"],  # a user error: exit 2, one line on stderr
    ["export", "--format", "csv"],  # a usage error from click itself
], ids=["answer", "unknown-query", "usage"])
def test_in_process_and_a_process_give_the_same_status_and_streams(mini_root: Path, args: list[str]):
    # What the in-process tests rely on: click's runner sees what a user's terminal sees.
    process = run_cli(*args, "--root", str(mini_root))
    in_process = invoke(*args, "--root", str(mini_root))
    assert (in_process.returncode, in_process.stdout) == (process.returncode, process.stdout)
    assert in_process.stderr == process.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_standard_output_is_one_line_exit_2(mini_root: Path):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "aigraph", "export", "--root", str(mini_root), "--format", "nt"],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=300,
        )
    assert result.returncode == 2
    assert result.stderr.strip() == "Error: cannot write the output: No space left on device"


def test_a_reader_that_has_gone_away_ends_the_command_quietly_with_141():
    # `aigraph export --format nt | head -1`, the reader gone before the output comes (a pipe
    # may hold the whole export, so the read end is closed before the command writes).
    read, write = os.pipe()
    os.close(read)
    process = subprocess.Popen(
        [sys.executable, "-m", "aigraph", "export", "--root", str(ROOT), "--format", "nt"],
        stdout=write, stderr=subprocess.PIPE,
    )
    os.close(write)
    err = process.stderr.read()
    process.wait(timeout=300)
    assert process.returncode == 141  # as a shell reports a process ended by SIGPIPE
    assert err == b""  # no traceback, no "Broken pipe" message


def test_serve_on_a_taken_port_says_so_and_never_says_serving(mini_root: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_cli("serve", "--root", str(mini_root), "--port", str(port))
    assert result.returncode == 2
    assert "serving" not in result.stderr + result.stdout
    assert result.stderr.strip() == f"Error: cannot listen on 127.0.0.1:{port}: Address already in use"


def test_ctrl_c_stops_the_query_and_its_worker(mini_root: Path):
    process = subprocess.Popen(
        [sys.executable, "-m", "aigraph", "query", "--root", str(mini_root), "--timeout", "600", CROSS],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    group = os.getpgid(process.pid)
    try:
        worker = _wait_for_worker(group, process.pid)
        os.killpg(group, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole group
        _out, err = process.communicate(timeout=30)  # the query alone would run for minutes
    finally:
        if process.poll() is None:
            os.killpg(group, signal.SIGKILL)
    assert process.returncode == 130
    assert err.strip() == "interrupted"
    state = (worker / "stat").read_text().rsplit(")", 1)[1].split()[0] if worker.exists() else "gone"
    assert state in ("gone", "Z"), state  # the worker was killed with it


def _wait_for_worker(group: int, main: int, timeout: float = 120.0) -> Path:
    """Wait until the query worker (a process of the group other than *main*; forked or spawned) is busy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        members = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _group_of(p) == group]
        workers = [p for p in members if int(p.name) != main]
        if workers and _cpu_ticks(workers[0]) > 150:  # loaded the project, now answering
            return workers[0]
        time.sleep(0.2)
    raise AssertionError("the query worker did not start")


def _group_of(proc: Path) -> int | None:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[2])
    except (OSError, ValueError, IndexError):
        return None


def _cpu_ticks(proc: Path) -> int:
    try:
        fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return 0
