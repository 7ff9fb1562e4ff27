"""Run a function in a worker process that can be stopped: a time limit, a memory limit, Ctrl-C.

Neither pyoxigraph nor rdflib's engine can cancel a running query, and a
query inside Oxigraph does not see Ctrl-C until it returns. So ``aigraph
query`` answers in a child process (as ``aigraph serve`` does, see
:mod:`aigraph.server.workers`) and only waits for it: at the deadline, on Ctrl-C, or
when the child passes its memory limit, the child is killed and the command
ends at once with a one-line message.

The memory limit is on the child's resident memory: the parent reads it
from ``/proc`` ten times a second and kills the child past the limit, so a
runaway cross product stops long before the machine runs out of memory. (A
limit on the address space, ``RLIMIT_AS``, would make allocations fail inside
the Rust engine, which then aborts noisily or hangs; it is used only where
``/proc`` is missing.)
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.context import ForkContext, SpawnContext
from typing import Any, Literal

from aigraph.errors import AigraphError

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

#: Default time limit of ``aigraph query``, in seconds.
DEFAULT_TIMEOUT = 60.0
#: Default memory limit of a query worker, in megabytes of resident memory.
DEFAULT_MAX_MEMORY_MB = 4096
#: How often the parent looks at the worker's memory, in seconds.
WATCH_INTERVAL = 0.1


class LimitError(AigraphError):
    """A worker passed its time or memory limit, or stopped unexpectedly, and was killed.

    >>> str(LimitError("the query exceeded the time limit of 1 s and was stopped"))
    'the query exceeded the time limit of 1 s and was stopped'
    """


class WorkerError(AigraphError):
    """An :class:`~aigraph.errors.AigraphError` from the worker, with its message and exit code.

    >>> WorkerError("q: unknown query name", 2).exit_code
    2
    """

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class Limits:
    """The limits a worker runs under: seconds of wall time and megabytes of address space."""

    timeout: float = DEFAULT_TIMEOUT
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB


def _child(
    conn: Any, max_memory_mb: int, function: Callable[..., Any], args: tuple, kwargs: dict
) -> None:
    """Run the worker: ignore Ctrl-C (the parent decides), cap memory, run, send the outcome."""
    import resource

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if resident_bytes(os.getpid()) is None:  # no /proc to watch from outside: a hard cap
        limit = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        outcome: tuple = ("ok", function(*args, **kwargs))
    except AigraphError as exc:
        outcome = ("error", str(exc), exc.exit_code)
    except MemoryError:
        outcome = ("memory",)
    except BaseException as exc:  # an unexpected failure: its type and message, no traceback
        outcome = ("crash", f"{type(exc).__name__}: {exc}")
    try:
        conn.send(outcome)
    except MemoryError:
        conn.send(("memory",))
    finally:
        conn.close()


def run_limited(
    function: Callable[..., Any], /, *args: Any, limits: Limits = Limits(), **kwargs: Any
) -> Any:
    """Return ``function(*args, **kwargs)`` computed in a worker process under *limits*.

    *function* and its arguments must be picklable (a module-level function).
    Ctrl-C kills the worker at once and raises ``KeyboardInterrupt``.

    :raises LimitError: when the worker passes the time or memory limit, or dies.
    :raises WorkerError: for an :class:`~aigraph.errors.AigraphError` raised in the worker.

    >>> run_limited(pow, 2, 10, limits=Limits(timeout=60))
    1024
    """
    context: ForkContext | SpawnContext = (
        multiprocessing.get_context("fork")
        if start_method() == "fork"
        else multiprocessing.get_context("spawn")
    )
    parent, child = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(child, limits.max_memory_mb, function, args, kwargs), daemon=True
    )
    _start_deaf(process)
    child.close()
    try:
        if not watch(process, parent, limits):
            raise LimitError(
                f"the query exceeded the time limit of {limits.timeout:g} s and was stopped; "
                "raise --timeout, or narrow the query"
            )
        try:
            outcome = parent.recv()
        except (EOFError, OSError):
            outcome = ("died",)
    finally:
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
        parent.close()
    return _unwrap(outcome, limits, process.exitcode)


def start_method() -> Literal["fork", "spawn"]:
    """How the worker starts: ``fork`` while this process runs one thread only, else ``spawn``.

    A forked worker has every module the caller imported already (``aigraph
    query`` starts in about half the time); but fork copies only the calling
    thread, so a caller with other threads (the server, which makes its page
    from a thread) gets a fresh interpreter instead.

    >>> start_method() in ("fork", "spawn")
    True
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _start_deaf(process: Any) -> None:
    """Start *process* with Ctrl-C ignored from its first instruction.

    A terminal sends Ctrl-C to the whole process group; the worker must not
    print a traceback of its own while it starts. An ignored SIGINT survives
    ``exec``, and Python then leaves it ignored.
    """
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: nothing to inherit
        process.start()
        return
    try:
        process.start()
    finally:
        signal.signal(signal.SIGINT, previous)


def watch(process: Any, conn: Any, limits: Limits) -> bool:
    """Wait until *conn* has the worker's outcome (True) or the time is up (False).

    :raises LimitError: as soon as the worker's resident memory passes the limit
        (the caller kills it).
    """
    deadline = time.monotonic() + limits.timeout
    cap = limits.max_memory_mb * 1024 * 1024
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        if conn.poll(min(WATCH_INTERVAL, left)):
            return True
        used = resident_bytes(process.pid)
        if used is not None and used > cap:
            raise LimitError(_memory_message(limits))


def resident_bytes(pid: int) -> int | None:
    """Return the resident memory of process *pid* in bytes, or None where ``/proc`` cannot tell.

    >>> resident_bytes(os.getpid()) > 0
    True
    """
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


def _memory_message(limits: Limits) -> str:
    return (
        f"the query needed more than the memory limit of {limits.max_memory_mb} MB and was "
        "stopped; raise --max-memory, or narrow the query"
    )


def _unwrap(outcome: tuple, limits: Limits, exitcode: int | None) -> Any:
    kind = outcome[0]
    if kind == "ok":
        return outcome[1]
    if kind == "error":
        raise WorkerError(outcome[1], outcome[2])
    if kind == "crash":
        raise LimitError(f"the query worker failed: {outcome[1]}")
    if kind == "memory" or exitcode in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGKILL):
        raise LimitError(_memory_message(limits))
    raise LimitError(f"the query worker stopped unexpectedly (exit status {exitcode})")
