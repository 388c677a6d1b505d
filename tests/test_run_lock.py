"""One run at a time per warehouse: a second run waits and says for whom, or gives up with one line."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from orchestration.build import build as run_build
from orchestration.run_lock import WarehouseBusy, run_lock
from orchestration.warehouse import PROJECT_ROOT, Warehouse

SEEDS = PROJECT_ROOT / "seeds" / "articles"


def make_run(warehouse: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "orchestration.build"],
        cwd=PROJECT_ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NEWS_ARTICLES_DIR": str(SEEDS), "NEWS_WAREHOUSE_PATH": str(warehouse), **env},
    )


def test_concurrent_make_runs_take_turns_and_all_publish(tmp_path):
    warehouse = tmp_path / "news.duckdb"
    runs = [make_run(warehouse) for _ in range(3)]
    results = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err for _, err in results]
    assert not any("Traceback" in err or "IOException" in err for _, err in results)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert connection.execute("select count(*) from staging.articles").fetchone()[0] == 5


def test_a_run_that_waits_too_long_gives_up_with_one_line(tmp_path):
    warehouse = tmp_path / "news.duckdb"
    with run_lock(Warehouse(warehouse_path=str(warehouse)).lock_path, "a test"):
        out, err = make_run(warehouse, NEWS_LOCK_TIMEOUT="1").communicate(timeout=300)
    lines = err.strip().splitlines()
    assert lines[0].startswith("waiting for the warehouse: it is being built by process")
    assert lines[-1].startswith("gave up after 1 s") and f"process {os.getpid()} (a test)" in lines[-1]
    assert "Traceback" not in err and not warehouse.exists()


def test_a_dagster_run_waits_for_the_lock_whatever_started_it(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_ARTICLES_DIR", str(SEEDS))
    monkeypatch.setenv("NEWS_WAREHOUSE_PATH", str(tmp_path / "news.duckdb"))
    lock = Warehouse.from_env().lock_path
    holding, released = threading.Event(), []

    def hold_for_a_while():  # another process's run, as far as the lock can tell: its own open file
        code = (
            "import sys, time; from pathlib import Path; from orchestration.run_lock import run_lock\n"
            f"with run_lock(Path({str(lock)!r}), 'the sensor'):\n print('held', flush=True); time.sleep(2)"
        )
        holder = subprocess.Popen([sys.executable, "-c", code], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
        holder.stdout.readline()
        holding.set()
        holder.wait()
        released.append(time.monotonic())

    thread = threading.Thread(target=hold_for_a_while)
    thread.start()
    holding.wait(60)
    assert run_build(), "the job (as the UI, the sensor or the schedule run it) waits, then builds"
    finished = time.monotonic()
    thread.join()
    assert released and finished >= released[0]


def test_the_lock_is_reentrant_in_one_process_and_gone_with_it(tmp_path):
    path = tmp_path / "w.lock"
    with run_lock(path, "outer"), run_lock(path, "inner", timeout=0):
        code = (
            "from pathlib import Path; from orchestration.run_lock import run_lock\n"
            f"with run_lock(Path({str(path)!r}), 'other', timeout=0): pass"
        )
        other = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True)
        assert other.returncode != 0 and "WarehouseBusy" in other.stderr
    with run_lock(path, "again", timeout=0):
        pass
    with pytest.raises(WarehouseBusy):
        holder = subprocess.Popen(
            [sys.executable, "-c", code.replace("pass", "import time; time.sleep(30)")], cwd=PROJECT_ROOT
        )
        try:
            time.sleep(2)
            with run_lock(path, "blocked", timeout=0.5):
                pass
        finally:
            holder.kill()
            holder.wait()
    with run_lock(path, "after kill -9", timeout=5):
        pass
