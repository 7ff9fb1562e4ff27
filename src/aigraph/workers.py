"""Query worker processes: where a query runs, so that it can be killed at its deadline.

pyoxigraph cannot cancel a running query and rdflib's engine cannot either, so
the endpoint never runs a query in its own process. Each worker loads a
snapshot of the sealed dataset (an N-Quads file, the merged default graph
included) into the chosen store, then answers
one task at a time over a pipe with a complete :class:`~aigraph.endpoint.Answer`.
A worker that misses the deadline is killed and replaced; the others keep serving.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Awaitable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from aigraph.endpoint import Answer
from aigraph.store import StoreName

#: Seconds a worker may take to load the snapshot before it counts as failed.
START_TIMEOUT = 600.0


def worker_main(conn: Connection, snapshot: str, store: StoreName, max_results: int) -> None:
    """Load *snapshot*, say ``"ready"``, then answer tasks until the pipe closes."""
    import rdflib.plugins.sparql

    from aigraph import endpoint
    from aigraph.parse import new_dataset, parse_file
    from aigraph.store import seal

    # rdflib would fetch the graphs a FROM clause names from the web: never here.
    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False
    if store == "oxigraph":  # Oxigraph's bulk loader; the snapshot holds the merge already
        import pyoxigraph as ox

        loaded = ox.Store()
        loaded.bulk_load(path=snapshot, format=ox.RdfFormat.N_QUADS)
        dataset = new_dataset(store=store, wrap=loaded)
        seal(dataset, merged=True)
    else:
        dataset = new_dataset(store=store)
        parse_file(dataset, Path(snapshot))
    conn.send("ready")
    while True:
        try:
            kind, arg, accept = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if kind == "sparql":
                text, graphs = arg if isinstance(arg, tuple) else (arg, None)
                answer = endpoint.answer_query(dataset, text, accept=accept, max_results=max_results,
                                               graphs=graphs)
            else:
                answer = endpoint.describe_entity(dataset, arg, accept=accept)
        except Exception as exc:  # a bug, not the client's fault: report it, keep serving
            answer = Answer.error(500, f"internal error: {type(exc).__name__}: {exc}")
        conn.send(answer)


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
    _idle: asyncio.Queue = field(default_factory=asyncio.Queue, init=False)
    _all: set = field(default_factory=set, init=False)
    _closed: bool = field(default=False, init=False)
    _tasks: set = field(default_factory=set, init=False)  # respawns in flight, kept from GC

    async def start(self) -> None:
        """Start every worker and wait until each has loaded the snapshot."""
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)))
        for worker in workers:
            self._idle.put_nowait(worker)

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

    async def _receive(self, worker: _Worker, timeout: float) -> Any:
        """Wait for the worker's next message without blocking the event loop."""
        loop = asyncio.get_running_loop()
        ready: asyncio.Future = loop.create_future()
        fd = worker.conn.fileno()
        loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
        try:
            await asyncio.wait_for(ready, timeout)
        finally:
            loop.remove_reader(fd)
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            return None

    async def run(self, kind: str, arg: Any, accept: str | None) -> Answer:
        """Run one task on an idle worker and return its answer, or a timeout answer.

        A task waits at most the time limit for a free worker (503), then has
        the time limit to finish (503 again, and its worker is replaced).
        """
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.timeout)
        except TimeoutError:
            return Answer.error(503, f"every query worker is busy; try again (limit {self.timeout:g} s)")
        worker.conn.send((kind, arg, accept))
        try:
            answer = await self._receive(worker, self.timeout)
        except TimeoutError:
            self._replace(worker)
            return Answer.error(
                503, f"the query exceeded the time limit of {self.timeout:g} s and was stopped"
            )
        if not isinstance(answer, Answer):
            self._replace(worker)
            return Answer.error(500, "the query worker stopped unexpectedly")
        self._idle.put_nowait(worker)
        return answer

    def _replace(self, worker: _Worker) -> None:
        self._kill(worker)
        if not self._closed:
            self._background(self._respawn())

    async def _respawn(self) -> None:
        try:
            self._idle.put_nowait(await self._spawn())
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
