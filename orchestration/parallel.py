"""Spreading per-article Python work over the machine's cores.

Parsing and extraction are pure functions of one article, so a batch splits into chunks that worker
processes handle independently; small batches (an incremental run) stay in-process, where a pool would
cost more than it saves. Batches are pipelined: while the caller writes one batch's results, the workers
already compute the next, so the cores do not wait on the caller's reads and writes.

A worker that dies (killed for memory, a crash in a C extension) breaks the whole pool. Its chunks are then
done again in single-use processes, halved until the item that kills its process is found: that item alone
gets the caller's `crashed` result, and the run goes on.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
MIN_PARALLEL_ITEMS = 200


def workers() -> int:
    return max(1, int(os.environ.get("NEWS_WORKERS") or os.cpu_count() or 1))


def map_batches(
    function: Callable[[Sequence[Item]], Result],
    batches: Iterable[Sequence[Item]],
    crashed: Callable[[Item, BaseException], Result] | None = None,
) -> Iterator[list[Result]]:
    """For each batch in turn, `function` applied to consecutive chunks of it, results in chunk order. The next
    batch is taken from `batches` (and sent to the workers) before the current batch's results are yielded.
    `crashed(item, error)` stands for the result of an item whose worker process died; without it, the
    BrokenProcessPool is raised."""
    count = workers()
    pool: ProcessPoolExecutor | None = None
    pending: list[tuple[Future, Sequence[Item]]] | None = None

    def results(submitted: list[tuple[Future, Sequence[Item]]]) -> list[Result]:
        nonlocal pool
        done: list[Result] = []
        for future, chunk in submitted:
            try:
                done.append(future.result())
            except BrokenProcessPool:
                if crashed is None:
                    raise
                if pool is not None:  # broken for good: let it go, and the next batch gets a new one
                    pool.shutdown(wait=False)
                    pool = None
                done += _isolated(function, chunk, crashed)
        return done

    try:
        for batch in batches:
            if count == 1 or len(batch) < MIN_PARALLEL_ITEMS:
                if pending is not None:
                    yield results(pending)
                    pending = None
                yield [function(batch)]
                continue
            pool = pool or _pool(count)
            size = -(-len(batch) // (count * 4))
            chunks = [batch[i : i + size] for i in range(0, len(batch), size)]
            futures = [(pool.submit(function, chunk), chunk) for chunk in chunks]
            if pending is not None:
                yield results(pending)
            pending = futures
        if pending is not None:
            yield results(pending)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _pool(count: int) -> ProcessPoolExecutor:
    # A worker starts with the parent's heap (Dagster and all, some 200,000 objects): frozen, it is not
    # walked again by each of the worker's garbage collections (4-7% of an extraction chunk's time).
    return ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"), initializer=gc.freeze)


def _isolated(
    function: Callable[[Sequence[Item]], Result],
    chunk: Sequence[Item],
    crashed: Callable[[Item, BaseException], Result],
) -> list[Result]:
    """`function` over `chunk` in a process of its own, halving the chunk while its process dies."""
    with _pool(1) as pool:
        try:
            return [pool.submit(function, chunk).result()]
        except BrokenProcessPool as error:
            if len(chunk) == 1:
                return [crashed(chunk[0], error)]
    middle = len(chunk) // 2
    return _isolated(function, chunk[:middle], crashed) + _isolated(function, chunk[middle:], crashed)
