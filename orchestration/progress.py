"""Progress lines for the long per-article steps: at 100,000 articles parsing and extraction run for minutes,
and the run log should say how far they got and how fast they go, not only that they started."""

from __future__ import annotations

import time
from collections.abc import Callable

PROGRESS_INTERVAL_SECONDS = 10.0


class Progress:
    """Counts articles done and logs '<verb> N of M articles (R/s)' at most once per `interval` seconds, so a
    long step says where it is without flooding the log. `clock` is injectable: a test need not sleep."""

    def __init__(
        self,
        log: Callable[[str], object],
        verb: str,
        total: int,
        interval: float = PROGRESS_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.log, self.verb, self.total, self.interval, self.clock = log, verb, total, interval, clock
        self.done = 0
        self.started = self.reported = clock()

    def advance(self, articles: int) -> None:
        self.done += articles
        now = self.clock()
        if now - self.reported >= self.interval:
            self.reported = now
            rate = self.done / (now - self.started)
            self.log(f"{self.verb} {self.done:,} of {self.total:,} articles ({rate:,.0f}/s)")
