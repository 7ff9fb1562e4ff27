"""Share the endpoint's query workers fairly between clients.

Without it, two clients sending slow queries hold every worker, and every
other client gets 503 for as long as they keep sending. The gate between the
HTTP handlers and the workers (:class:`FairGate`) applies four rules:

1. **A bound per client**: at most ``per_client`` requests of one client (by
   address) wait or run at once; one more is answered 429 with ``Retry-After``.
2. **A bounded queue**: at most ``queue_max`` requests wait in all; one more is 429.
3. **Fair order**: a freed worker goes to the waiting request whose client has
   the fewest queries running, then the least recent worker time (seconds,
   decaying with a half-life of ``half_life``), then the earliest.
4. **A reserve**: while more than one client is active, a *heavy* client (one
   whose recent queries took over ``heavy_seconds`` each on average, running
   queries included, both sums decaying with the same half-life) may not take
   the last idle worker; it waits until two are idle. A client sending many
   quick queries is not heavy; one sending slow queries is.

A client whose requests are all light therefore always finds a worker within
one slow query's time limit, however many slow queries others send. Requests
that cannot get a worker in time are answered by the caller (503 or 429).
"""

from __future__ import annotations

import asyncio
import itertools
import math
import time
from dataclasses import dataclass, field
from typing import Any

#: Seconds after which a client that sent nothing no longer counts as active.
ACTIVE_WINDOW = 60.0


class Refused(Exception):
    """A request the gate refuses at once (429), with the seconds after which to retry.

    >>> Refused("too many requests", 3).retry_after
    3
    """

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class _Client:
    in_flight: int = 0
    running: dict[int, float] = field(default_factory=dict)  # ticket -> start time
    usage: float = 0.0  # decayed worker seconds, as of `stamp`
    count: float = 0.0  # decayed number of queries, as of `stamp`
    stamp: float = 0.0
    last_seen: float = 0.0


@dataclass(eq=False)
class Ticket:
    """One admitted request: its client, arrival order and (once granted) its worker."""

    client: str
    order: int
    arrived: float
    future: Any = None
    worker: Any = None


@dataclass
class FairGate:
    """Hand idle workers to waiting requests by the rules of this module.

    >>> gate = FairGate(per_client=1)
    >>> ticket = gate.admit("10.0.0.1")
    >>> gate.admit("10.0.0.1")
    Traceback (most recent call last):
    ...
    aigraph.server.fairness.Refused: this client has 1 request(s) waiting or running already;
    retry later
    """

    per_client: int = 16
    queue_max: int = 64
    heavy_seconds: float = 1.0
    half_life: float = 30.0
    retry_after: int = 10
    _idle: list = field(default_factory=list)
    _waiting: list = field(default_factory=list)
    _clients: dict = field(default_factory=dict)
    _counter: Any = field(default_factory=itertools.count)
    size: int = 0

    # --- workers ---------------------------------------------------------------------

    def add_worker(self, worker: Any) -> None:
        """Give the gate a worker that is idle (at start, after a task, or a new one)."""
        self._idle.append(worker)
        self._dispatch()

    # --- requests --------------------------------------------------------------------

    def admit(self, client: str) -> Ticket:
        """Admit a request of *client*, or refuse it by rules 1 and 2.

        :raises Refused: when the client or the queue is full.
        """
        now = time.monotonic()
        state = self._clients.setdefault(client, _Client())
        if state.in_flight >= self.per_client:
            raise Refused(
                f"this client has {state.in_flight} request(s) waiting or running already; "
                "retry later",
                self.retry_after,
            )
        if len(self._waiting) >= self.queue_max:
            raise Refused(
                f"{len(self._waiting)} requests are waiting already; retry later", self.retry_after
            )
        state.in_flight += 1
        state.last_seen = now
        return Ticket(client, next(self._counter), now)

    async def acquire(self, ticket: Ticket, timeout: float) -> Any:
        """Wait for a worker for *ticket*, at most *timeout* seconds.

        :raises TimeoutError: when no worker was granted in time.
        """
        ticket.future = asyncio.get_running_loop().create_future()
        self._waiting.append(ticket)
        self._dispatch()
        try:
            return await asyncio.wait_for(asyncio.shield(ticket.future), timeout)
        except TimeoutError:
            if ticket.future.done() and not ticket.future.cancelled():
                return ticket.future.result()  # granted at the very last moment
            self._withdraw(ticket)
            raise
        except asyncio.CancelledError:  # the client went away while waiting
            if ticket.future.done() and not ticket.future.cancelled():
                self._clients[ticket.client].running.pop(ticket.order, None)
                self.add_worker(ticket.future.result())  # granted, never used: give it back
            else:
                self._withdraw(ticket)
            raise

    def _withdraw(self, ticket: Ticket) -> None:
        ticket.future.cancel()
        if ticket in self._waiting:
            self._waiting.remove(ticket)

    def release(self, ticket: Ticket, worker: Any | None) -> None:
        """End *ticket*: count its worker time, give its worker (if still usable) to the next."""
        state = self._clients[ticket.client]
        now = time.monotonic()
        started = state.running.pop(ticket.order, None)
        if started is not None:
            self._decay(state, now)
            state.usage += now - started
            state.count += 1
        state.in_flight -= 1
        state.last_seen = now
        if worker is not None:
            self._idle.append(worker)
        self._forget_idle_clients(now)
        self._dispatch()

    def heavy(self, client: str) -> bool:
        """Tell whether *client*'s recent queries took more than ``heavy_seconds`` each on average.

        >>> FairGate().heavy("nobody")
        False
        """
        state = self._clients.get(client)
        if state is None:
            return False
        now = time.monotonic()
        self._decay(state, now)
        seconds = state.usage + sum(now - s for s in state.running.values())
        count = state.count + len(state.running)
        return count > 0 and seconds / count > self.heavy_seconds

    # --- internals -------------------------------------------------------------------

    def _decay(self, state: _Client, now: float) -> None:
        if state.stamp:
            factor = math.pow(0.5, (now - state.stamp) / self.half_life)
            state.usage *= factor
            state.count *= factor
        state.stamp = now

    def _active_clients(self, now: float) -> int:
        return sum(
            1 for s in self._clients.values() if s.in_flight or now - s.last_seen < ACTIVE_WINDOW
        )

    def _forget_idle_clients(self, now: float) -> None:
        for key in [k for k, s in self._clients.items()
                    if not s.in_flight and now - s.last_seen > ACTIVE_WINDOW and s.usage < 0.01]:
            del self._clients[key]

    def _dispatch(self) -> None:
        self._waiting = [t for t in self._waiting if not t.future.done()]
        while self._idle and self._waiting:
            now = time.monotonic()
            chosen = min(self._waiting, key=lambda t: self._rank(t, now))
            if len(self._idle) == 1 and self._active_clients(now) > 1 and self.heavy(chosen.client):
                lighter = [t for t in self._waiting if not self.heavy(t.client)]
                if not lighter:
                    return  # the last worker stays free for a light client
                chosen = min(lighter, key=lambda t: self._rank(t, now))
            self._waiting.remove(chosen)
            worker = self._idle.pop()
            self._clients[chosen.client].running[chosen.order] = now
            chosen.future.set_result(worker)

    def _rank(self, ticket: Ticket, now: float) -> tuple:
        state = self._clients[ticket.client]
        self._decay(state, now)
        return (len(state.running), state.usage, ticket.order)
