"""Query worker processes: where a query runs, so that it can be killed at its deadline.

pyoxigraph cannot cancel a running query and rdflib's engine cannot either, so
the endpoint never runs a query in its own process. Each worker loads a
snapshot of the sealed dataset (the merged default graph included): Oxigraph's
on-disk store, opened read-only by every worker, or an N-Quads file loaded into
the chosen store; then it answers one task at a time over a pipe with a
complete :class:`~aigraph.server.answers.Answer`.
A worker that misses the deadline is killed and replaced; the others keep serving.
"""

from __future__ import annotations

import asyncio
import math
import multiprocessing
from collections.abc import Awaitable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from aigraph.rdf.store import StoreName
from aigraph.runner import resident_bytes
from aigraph.server.answers import Answer
from aigraph.server.fairness import FairGate, Refused

#: Seconds a worker may take to load the snapshot before it counts as failed.
START_TIMEOUT = 600.0
#: Extra seconds a light client may wait for a worker: time for a worker to be replaced.
LIGHT_GRACE = 30.0


def load_snapshot(snapshot: str, store: StoreName) -> Any:
    """Return the sealed dataset of *snapshot*: an Oxigraph store directory, or N-Quads.

    >>> import tempfile
    >>> from aigraph.rdf.parse import new_dataset
    >>> from aigraph.rdf.store import dump_nquads
    >>> path = dump_nquads(new_dataset(), Path(tempfile.mkdtemp()) / "s.nq")
    >>> len(load_snapshot(str(path), "oxigraph"))
    0
    """
    from aigraph.rdf.parse import new_dataset, parse_file
    from aigraph.rdf.store import seal

    if store == "oxigraph":  # the snapshot holds the merge already
        import pyoxigraph as ox

        # an on-disk store, shared by every worker through the page cache
        if Path(snapshot).is_dir():
            loaded = ox.Store.read_only(snapshot)
        else:  # an N-Quads file: Oxigraph's bulk loader, a copy per worker
            loaded = ox.Store()
            loaded.bulk_load(path=snapshot, format=ox.RdfFormat.N_QUADS)
        dataset = new_dataset(store=store, wrap=loaded)
        seal(dataset, merged=True)
    else:
        dataset = new_dataset(store=store)
        parse_file(dataset, Path(snapshot))
    return dataset


def worker_main(conn: Connection, snapshot: str, store: StoreName, max_results: int) -> None:
    """Load *snapshot*, say ``"ready"``, then answer tasks until the pipe closes."""
    import rdflib.plugins.sparql

    from aigraph.server import answers as endpoint

    # rdflib would fetch the graphs a FROM clause names from the web: never here.
    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False
    dataset = load_snapshot(snapshot, store)
    conn.send("ready")
    while True:
        try:
            kind, arg, accept = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if kind == "sparql":
                text, graphs = arg if isinstance(arg, tuple) else (arg, None)
                answer = endpoint.answer_query(
                    dataset, text, accept=accept, max_results=max_results, graphs=graphs
                )
            else:
                answer = endpoint.describe_entity(dataset, arg, accept=accept)
        except Exception as exc:  # a bug, not the client's fault: report it, keep serving
            answer = Answer.error(500, f"internal error: {type(exc).__name__}: {exc}")
        conn.send(answer)


class OverMemory(Exception):
    """A worker passed its memory cap while answering."""


@dataclass(eq=False)  # compared by identity: kept in a set
class _Worker:
    process: Any
    conn: Connection


@dataclass
class WorkerPool:
    """A fixed number of query workers over one snapshot, used from an asyncio server."""

    snapshot: Path
    store: StoreName
    size: int = 2
    timeout: float = 10.0
    max_results: int = 10_000
    #: Resident memory a worker may reach while it answers, in MB (0: no limit).
    max_memory_mb: int = 0
    gate: FairGate = field(default_factory=FairGate)
    _all: set = field(default_factory=set, init=False)
    _closed: bool = field(default=False, init=False)
    _tasks: set = field(default_factory=set, init=False)  # respawns in flight, kept from GC

    async def start(self) -> None:
        """Start every worker and wait until each has loaded the snapshot."""
        self.gate.size = self.size
        self.gate.retry_after = max(1, math.ceil(self.timeout))
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)))
        for worker in workers:
            self.gate.add_worker(worker)

    async def _spawn(self) -> _Worker:
        context = multiprocessing.get_context("spawn")  # no fork: the server has threads
        parent, child = context.Pipe()
        process = context.Process(
            target=worker_main,
            args=(child, str(self.snapshot), self.store, self.max_results),
            daemon=True,
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._all.add(worker)
        if await self._receive(worker, START_TIMEOUT) != "ready":
            self._kill(worker)
            raise RuntimeError("a query worker failed to load the dataset")
        return worker

    async def _receive(self, worker: _Worker, timeout: float, *, capped: bool = False) -> Any:
        """Wait for the worker's next message without blocking the event loop.

        :param capped: watch the worker's memory meanwhile (:class:`OverMemory` past the cap).
        """
        loop = asyncio.get_running_loop()
        ready: asyncio.Future = loop.create_future()
        fd = worker.conn.fileno()

        def wake() -> None:
            if not ready.done():
                ready.set_result(None)

        loop.add_reader(fd, wake)
        deadline = loop.time() + timeout
        cap = self.max_memory_mb * 1024 * 1024 if capped else 0
        try:
            while not ready.done():
                left = deadline - loop.time()
                if left <= 0:
                    raise TimeoutError
                await asyncio.wait({ready}, timeout=min(left, 0.1) if cap else left)
                used = resident_bytes(worker.process.pid) if cap and not ready.done() else None
                if used is not None and used > cap:
                    raise OverMemory
        finally:
            loop.remove_reader(fd)
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            return None

    async def run(self, kind: str, arg: Any, accept: str | None, client: str = "local") -> Answer:
        """Run one task for *client* on a worker the gate grants, and return its answer.

        The gate (:mod:`aigraph.server.fairness`) refuses a client with too many requests
        in flight, or a full queue, at once (429). A task then waits at most twice
        the time limit for a worker, and a light client :data:`LIGHT_GRACE` more
        (then 429 for a client that used the workers heavily, 503 otherwise), and has
        the time limit and the memory cap to finish (503, and its worker is replaced).
        """
        try:
            ticket = self.gate.admit(client)
        except Refused as exc:
            return Answer.error(429, str(exc))
        worker = None
        try:
            # A light client may wait until a slow query is stopped and its worker replaced.
            wait = 2 * self.timeout + (0 if self.gate.heavy(client) else LIGHT_GRACE)
            try:
                worker = await self.gate.acquire(ticket, wait)
            except TimeoutError:
                if self.gate.heavy(client):
                    return Answer.error(
                        429,
                        "the workers are busy and this client used them heavily "
                        "of late; try again later",
                    )
                return Answer.error(
                    503, f"every query worker is busy; try again (limit {self.timeout:g} s)"
                )
            answer, worker = await self._task(worker, (kind, arg, accept))
            return answer
        finally:
            self.gate.release(ticket, worker)

    async def _task(self, worker: _Worker, task: tuple) -> tuple[Answer, _Worker | None]:
        """Send *task* to *worker*; return the answer and the worker (None when it was replaced)."""
        worker.conn.send(task)
        try:
            answer = await self._receive(worker, self.timeout, capped=self.max_memory_mb > 0)
        except TimeoutError:
            self._replace(worker)
            return Answer.error(
                503, f"the query exceeded the time limit of {self.timeout:g} s and was stopped"
            ), None
        except OverMemory:
            self._replace(worker)
            return Answer.error(
                503, f"the query needed more than the memory limit of {self.max_memory_mb} MB "
                     "per worker and was stopped"
            ), None
        except BaseException:  # cancelled mid-task: the worker's state is unknown, replace it
            self._replace(worker)
            raise
        if not isinstance(answer, Answer):
            self._replace(worker)
            return Answer.error(500, "the query worker stopped unexpectedly"), None
        return answer, worker

    def _replace(self, worker: _Worker) -> None:
        self._kill(worker)
        if not self._closed:
            self._background(self._respawn())

    async def _respawn(self) -> None:
        try:
            self.gate.add_worker(await self._spawn())
        except (RuntimeError, TimeoutError, OSError):
            await asyncio.sleep(1.0)
            if not self._closed:
                self._background(self._respawn())

    def _background(self, task: Awaitable) -> None:
        future = asyncio.ensure_future(task)
        self._tasks.add(future)
        future.add_done_callback(self._tasks.discard)

    def _kill(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        for worker in list(self._all):
            self._kill(worker)
