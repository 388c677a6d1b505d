"""kill -9 at any moment leaves the published warehouse whole; readers querying through rebuilds see no error."""

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from orchestration.warehouse import PROJECT_ROOT
from tests.conftest import build_warehouse, mart_snapshot

UNSEEN = PROJECT_ROOT / "tests" / "fixtures" / "unseen"
KILL_DELAYS = (0.4, 0.9, 1.4, 1.9, 2.4, 2.9, 3.4, 4.0, 5.0)
PAUSE_POINTS = ("before_publish", "inside_publish", "after_rename")  # orchestration/warehouse.py


def run_build(env: dict, kill_after: float | str | None = None) -> int | None:
    """Run `make run`'s build; kill -9 it after `kill_after` seconds, or at the named pause point of the publish."""
    if isinstance(kill_after, str):
        env = {**env, "NEWS_PAUSE_AT": kill_after}
    process = subprocess.Popen(
        [sys.executable, "-m", "orchestration.build"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    if kill_after is None:
        return process.wait(timeout=300)
    if isinstance(kill_after, str):
        published = Path(env["NEWS_WAREHOUSE_PATH"])
        marker = published.with_name(f".{published.name}.paused-{kill_after}")
        deadline = time.monotonic() + 300
        while not marker.exists():
            assert process.poll() is None and time.monotonic() < deadline, f"the run never reached {kill_after}"
            time.sleep(0.05)
        marker.unlink()
    else:
        time.sleep(kill_after)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return None


def test_kill_9_during_builds_never_breaks_the_published_file(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(PROJECT_ROOT / "seeds" / "articles", articles)
    published = tmp_path / "news.duckdb"
    env = {**os.environ, "NEWS_ARTICLES_DIR": str(articles), "NEWS_WAREHOUSE_PATH": str(published)}
    assert run_build(env) == 0
    before = mart_snapshot(published)

    for path in UNSEEN.glob("*.txt"):
        shutil.copy(path, articles)
    clean = tmp_path / "clean.duckdb"
    assert run_build({**env, "NEWS_WAREHOUSE_PATH": str(clean)}) == 0
    after = mart_snapshot(clean)
    assert after != before

    for point in PAUSE_POINTS:
        run_build(env, kill_after=point)
        expected = after if point == "after_rename" else before
        assert mart_snapshot(published) == expected, f"killed at {point}"
    for delay in KILL_DELAYS:
        run_build(env, kill_after=delay)
        assert mart_snapshot(published) in (before, after), f"killed after {delay}s"
    print(
        f"kill -9: {len(PAUSE_POINTS)} kills at named points of the publish and {len(KILL_DELAYS)} after delays, "
        "published file whole after each"
    )
    assert run_build(env) == 0
    assert mart_snapshot(published) == after
    assert not list(tmp_path.glob(".news.duckdb.publishing-*"))


READER = textwrap.dedent("""
    import json, sys, time, duckdb
    path, stop = sys.argv[1], sys.argv[2]
    seen, errors, queries = set(), [], 0
    import os
    while not os.path.exists(stop):
        try:
            with duckdb.connect(path, read_only=True) as connection:
                seen.add(connection.execute(
                    "select (select count(*) from marts.handover_events), (select count(*) from marts.actor_mentions), "
                    "(select sum(n_articles) from marts.district_handover_status)").fetchone())
            queries += 1
        except Exception as error:
            errors.append(repr(error))
        time.sleep(0.02)
    print(json.dumps({"queries": queries, "errors": errors, "seen": sorted(seen)}))
""")


def published_state(path: Path) -> tuple:
    snapshot = mart_snapshot(path)
    status = snapshot["district_handover_status"]
    n_articles_column = 5
    return (
        len(snapshot["handover_events"]),
        len(snapshot["actor_mentions"]),
        sum(row[n_articles_column] for row in status),
    )


def test_readers_never_wait_nor_see_a_partial_mart_through_rebuilds(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    shutil.copytree(PROJECT_ROOT / "seeds" / "articles", articles)
    published = build_warehouse(monkeypatch, articles, tmp_path / "news.duckdb")
    states = {published_state(published)}
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(published), str(stop)], stdout=subprocess.PIPE, text=True
    )
    try:
        for batch in (sorted(UNSEEN.glob("0*.txt")), sorted(UNSEEN.glob("1*.txt")), []):
            for path in batch:
                shutil.copy(path, articles)
            started = time.perf_counter()
            build_warehouse(monkeypatch, articles, published)
            assert time.perf_counter() - started < 120
            states.add(published_state(published))
    finally:
        stop.touch()
    report = json.loads(reader.communicate(timeout=60)[0])
    print(f"reader: {report['queries']} queries, {len(report['errors'])} errors, {len(states) - 1} rebuilds")
    assert report["errors"] == []
    assert report["queries"] >= 20
    assert {tuple(s) for s in report["seen"]} <= states
