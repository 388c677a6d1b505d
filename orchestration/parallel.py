"""Spreading per-article Python work over the machine's cores.

Parsing and extraction are pure functions of one article, so a batch splits into chunks that worker
processes handle independently; small batches (an incremental run) stay in-process, where a pool would
cost more than it saves. Batches are pipelined: while the caller writes one batch's results, the workers
already compute the next, so the cores do not wait on the caller's reads and writes.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
MIN_PARALLEL_ITEMS = 200


def workers() -> int:
    return max(1, int(os.environ.get("NEWS_WORKERS") or os.cpu_count() or 1))


def map_batches(function: Callable[[Sequence[Item]], Result], batches: Iterable[Sequence[Item]]) -> Iterator[list[Result]]:
    """For each batch in turn, `function` applied to consecutive chunks of it, results in chunk order. The next
    batch is taken from `batches` (and sent to the workers) before the current batch's results are yielded."""
    count = workers()
    pool: ProcessPoolExecutor | None = None
    pending: list[Future] | None = None
    try:
        for batch in batches:
            if count == 1 or len(batch) < MIN_PARALLEL_ITEMS:
                if pending is not None:
                    yield [future.result() for future in pending]
                    pending = None
                yield [function(batch)]
                continue
            # A worker starts with the parent's heap (Dagster and all, some 200,000 objects): frozen, it is not
            # walked again by each of the worker's garbage collections (4-7% of an extraction chunk's time).
            pool = pool or ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"),
                                               initializer=gc.freeze)
            size = -(-len(batch) // (count * 4))
            futures = [pool.submit(function, batch[i:i + size]) for i in range(0, len(batch), size)]
            if pending is not None:
                yield [future.result() for future in pending]
            pending = futures
        if pending is not None:
            yield [future.result() for future in pending]
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
