"""Fair scheduling of the public endpoint's queries (/sparql and the named queries).

A fixed number of slots (one per query worker process) is shared between clients, each named by
its address. A query takes a slot when one is free and its client runs fewer than
`per_client` queries; otherwise it waits in its client's queue, and freed slots go to the
clients in turn (round robin), so one client's burst does not delay another client's query by
more than a turn. Waiting costs no thread: the queue lives on the event loop, and only running
queries hold one of the scheduler's own threads (never the threads that serve lookups and pages).

The time limit starts when the request arrives: time spent waiting counts, and a query that
waited its whole budget is refused (503) without running. A client with more than
`per_client + waiting_per_client` queries running or waiting gets 429 at once; when the queue
as a whole is full, 503 at once.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from .errors import QueryError
from .store import QueryTimeout

T = TypeVar("T")


class TooManyQueries(QueryError):
    """This client already has as many queries running and waiting as it may."""

    http_status = 429


class ServerBusy(QueryError):
    """No slot became free within the time limit, or the queue is full."""

    http_status = 503


@dataclass
class _Client:
    running: int = 0
    waiting: deque[asyncio.Future] = field(default_factory=deque)


class FairScheduler:
    def __init__(self, slots: int, *, per_client: int | None = None,
                 waiting_per_client: int = 32, max_waiting: int = 512) -> None:
        if slots < 1:
            raise ValueError("at least one slot")
        self.slots = slots
        self.per_client = per_client or max(1, slots // 2)
        self.waiting_per_client = waiting_per_client
        self.max_waiting = max_waiting
        self._free = slots
        self._waiting = 0
        self._clients: dict[str, _Client] = {}
        self._turns: deque[str] = deque()  # clients with waiting queries, in turn order
        self._executor = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="pbkg-query")

    # The numbers, for logs and tests.
    @property
    def running(self) -> int:
        return self.slots - self._free

    @property
    def waiting(self) -> int:
        return self._waiting

    async def run(self, client: str, timeout: float, fn: Callable[[float], T]) -> T:
        """Wait for a slot, then run fn(remaining seconds) in a scheduler thread."""
        start = time.monotonic()
        deadline = start + timeout
        await self._acquire(client, deadline, timeout)
        try:
            remaining = deadline - time.monotonic()
            if remaining <= 0.001:
                raise ServerBusy(f"the query waited its whole time limit ({timeout:g} s) for a "
                                 "free slot and was not run; try again later")
            loop = asyncio.get_running_loop()
            try:
                return await loop.run_in_executor(self._executor, fn, remaining)
            except QueryTimeout as exc:
                if type(exc) is not QueryTimeout:
                    raise  # a remote store's own kind (a gateway timeout, 504) says more
                waited = timeout - remaining
                spent = f", of which {waited:.1f} s waiting for a free slot" if waited >= 0.05 \
                    else ""
                raise QueryTimeout(f"the query ran longer than the time limit ({timeout:g} s"
                                   f"{spent}) and was stopped; narrow it or add a LIMIT") from None
        finally:
            self._release(client)

    async def _acquire(self, client: str, deadline: float, timeout: float) -> None:
        state = self._clients.setdefault(client, _Client())
        if self._free > 0 and state.running < self.per_client and not state.waiting:
            self._free -= 1
            state.running += 1
            return
        if state.running + len(state.waiting) >= self.per_client + self.waiting_per_client:
            self._forget(client)
            raise TooManyQueries(
                f"too many queries from your address: {state.running} running and "
                f"{len(state.waiting)} waiting (at most {self.per_client} running and "
                f"{self.waiting_per_client} waiting); wait for them to finish")
        if self._waiting >= self.max_waiting:
            self._forget(client)
            raise ServerBusy(f"the server is busy ({self._waiting} queries waiting); try again "
                             "later")
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        state.waiting.append(future)
        self._waiting += 1
        if len(state.waiting) == 1:
            self._turns.append(client)
        try:
            await asyncio.wait_for(asyncio.shield(future), max(0.0, deadline - time.monotonic()))
        except BaseException as exc:  # a timeout, or the request was cancelled
            if future.done() and not future.cancelled():
                self._release(client)  # granted at the last moment: give the slot back
            else:
                future.cancel()
                self._drop_waiter(client, future)
            if not isinstance(exc, TimeoutError):
                raise
            raise ServerBusy(f"no query slot became free within the time limit ({timeout:g} s); "
                             "the query was not run; try again later") from None

    def _drop_waiter(self, client: str, future: asyncio.Future) -> None:
        state = self._clients.get(client)
        if state is not None and future in state.waiting:
            state.waiting.remove(future)
            self._waiting -= 1
            if not state.waiting and client in self._turns:
                self._turns.remove(client)
        self._forget(client)

    def _release(self, client: str) -> None:
        state = self._clients[client]
        state.running -= 1
        self._free += 1
        self._forget(client)
        self._dispatch()

    def _forget(self, client: str) -> None:
        state = self._clients.get(client)
        if state is not None and state.running == 0 and not state.waiting:
            del self._clients[client]

    def _dispatch(self) -> None:
        """Give free slots to waiting queries, one client after the other."""
        skipped = 0
        while self._free > 0 and self._turns and skipped < len(self._turns):
            client = self._turns[0]
            state = self._clients[client]
            if state.running >= self.per_client:
                self._turns.rotate(-1)  # at its limit: the next client's turn
                skipped += 1
                continue
            future = state.waiting.popleft()
            self._waiting -= 1
            self._turns.popleft()
            if state.waiting:
                self._turns.append(client)
            if future.done():  # given up meanwhile
                continue
            skipped = 0
            state.running += 1
            self._free -= 1
            future.set_result(None)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
