"""How long a file dropped into NEWS_ARTICLES_DIR takes to reach the published marts, with `make ui` running.

Starts the Dagster UI and daemon (as `make ui` does) on a copy of the seeds in a temporary folder, waits for
the first published build, drops one new article and polls the published file until it shows up.
Prints the seconds it took. Usage: python benchmarks/sensor_latency.py [--port 3123] [--timeout 300]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
NEW_ARTICLE = """Convoys cross into Lachin

Published: 2 December 2020

Azerbaijani units entered Lachin on 1 December 2020, the defence ministry in Baku said.
"""


def published_articles(path: Path) -> int | None:
    if not path.exists():
        return None
    try:
        with duckdb.connect(str(path), read_only=True) as connection:
            return connection.execute("select count(*) from staging.articles").fetchone()[0]
    except duckdb.Error:
        return None


def wait_for(predicate, timeout: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if predicate():
            return time.perf_counter() - started
        time.sleep(0.25)
    raise TimeoutError(f"nothing after {timeout:.0f}s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", default="3123")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        articles, warehouse, home = scratch / "articles", scratch / "news.duckdb", scratch / "dagster_home"
        shutil.copytree(ROOT / "seeds" / "articles", articles)
        home.mkdir()
        shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
        env = {
            **os.environ,
            "NEWS_ARTICLES_DIR": str(articles),
            "NEWS_WAREHOUSE_PATH": str(warehouse),
            "DAGSTER_HOME": str(home),
        }
        ui = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "dagster"),
                "dev",
                "-m",
                "orchestration.definitions",
                "-h",
                "127.0.0.1",
                "-p",
                args.port,
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            first = wait_for(lambda: published_articles(warehouse) == 5, args.timeout)
            print(f"first build published {first:.1f}s after start (UI start-up included)")
            time.sleep(2)
            (articles / "new_report.txt").write_text(NEW_ARTICLE)
            latency = wait_for(lambda: published_articles(warehouse) == 6, args.timeout)
            print(f"new file reached the published marts in {latency:.1f}s")
        finally:
            os.killpg(ui.pid, 15)
            ui.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
