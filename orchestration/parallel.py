"""Spreading per-article Python work over the machine's cores.

Parsing and extraction are pure functions of one article, so a batch splits into chunks that worker
processes handle independently; small batches (an incremental run) stay in-process, where a pool would
cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
MIN_PARALLEL_ITEMS = 200


def workers() -> int:
    return max(1, int(os.environ.get("NEWS_WORKERS") or os.cpu_count() or 1))


def map_chunks(function: Callable[[Sequence[Item]], Result], items: Sequence[Item]) -> list[Result]:
    """`function` applied to consecutive chunks of `items`, results in chunk order."""
    count = workers()
    if count == 1 or len(items) < MIN_PARALLEL_ITEMS:
        return [function(items)]
    size = -(-len(items) // (count * 4))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(function, chunks))
