"""One run at a time per warehouse, whatever starts it: `make run`, a UI job, the sensor or the schedule.

The lock is an exclusive `flock` on a file beside the build file, held for the whole run. The kernel drops it
when its process ends, even on `kill -9`, so no lock is ever left stale. The file holds who has it (process,
what started it, since when) for the run that waits: it says so once, and gives up after NEWS_LOCK_TIMEOUT
seconds (default 600) with one line. Within one process the lock is re-entrant: `make run` takes it before
the job starts, and the job's resource, which takes it for runs the UI launches, then finds it held.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

DEFAULT_TIMEOUT_SECONDS = 600
POLL_SECONDS = 0.2
_held: dict[Path, int] = {}  # lock path -> how many holders in this process


class WarehouseBusy(RuntimeError):
    """Another run held the warehouse for longer than the timeout."""


def lock_timeout() -> float:
    return float(os.environ.get("NEWS_LOCK_TIMEOUT") or DEFAULT_TIMEOUT_SECONDS)


@contextmanager
def run_lock(
    path: Path, started_by: str, on_wait: Callable[[str], None] = lambda message: None, timeout: float | None = None
) -> Iterator[None]:
    """Hold the warehouse's run lock at `path` while the block runs; wait for another holder (telling `on_wait`
    once who it is) and raise WarehouseBusy when it is still held after `timeout` seconds."""
    path = path.resolve()
    if path in _held:
        _held[path] += 1
        try:
            yield
        finally:
            _held[path] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(descriptor, path, lock_timeout() if timeout is None else timeout, on_wait)
        since = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"process {os.getpid()} ({started_by}) since {since}".encode(), 0)
        _held[path] = 1
        try:
            yield
        finally:
            del _held[path]
            os.ftruncate(descriptor, 0)
    finally:
        os.close(descriptor)  # closing the descriptor releases the flock


def _acquire(descriptor: int, path: Path, timeout: float, on_wait: Callable[[str], None]) -> None:
    deadline, told = time.monotonic() + timeout, False
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            holder = path.read_text(encoding="utf-8", errors="replace").strip() or "another process"
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"gave up after {timeout:g} s: the warehouse is being built by {holder} "
                    f"(lock {path}; NEWS_LOCK_TIMEOUT sets the wait)"
                ) from None
            if not told:
                on_wait(f"waiting for the warehouse: it is being built by {holder}")
                told = True
            time.sleep(POLL_SECONDS)
