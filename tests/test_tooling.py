"""`make run` as the UI sees it (its run recorded in DAGSTER_HOME, an 80-column summary) and progress logging."""

import os
import subprocess
import sys

from dagster import AssetKey, DagsterInstance, DagsterRunStatus

from orchestration.progress import Progress
from orchestration.run_history import OPEN_DATABASES, OpenEventLogStorage
from orchestration.warehouse import PROJECT_ROOT


def test_make_run_records_its_run_where_the_ui_reads_and_fits_80_columns(tmp_path):
    home = tmp_path / "dagster_home"
    env = {
        **os.environ,
        "NEWS_ARTICLES_DIR": str(PROJECT_ROOT / "seeds" / "articles"),
        "NEWS_WAREHOUSE_PATH": str(tmp_path / "news.duckdb"),
        "DAGSTER_HOME": str(home),
    }
    done = subprocess.run(
        [sys.executable, "-m", "orchestration.build"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    built, *lines = done.stdout.splitlines()  # the first line names the warehouse's path, as long as it is
    assert built.startswith("built and published") and max(len(line) for line in lines) <= 80
    assert any(
        all(f" {column} " in line for column in ("district", "status", "scheduled", "revised", "handed_over"))
        for line in lines
    )
    with DagsterInstance.from_config(str(home)) as instance:  # as the UI reads it: Dagster's stock storage
        [run] = instance.get_runs()
        assert run.job_name == "ingest_new" and run.status == DagsterRunStatus.SUCCESS
        assert instance.get_latest_materialization_event(AssetKey(["marts", "district_handover_status"]))


def test_run_history_keeps_a_bounded_number_of_databases_open(tmp_path):
    storage = OpenEventLogStorage(str(tmp_path))
    for shard in [f"run_{number}" for number in range(OPEN_DATABASES + 3)] + ["run_0"]:
        with storage.run_connection(shard) as connection:
            connection.exec_driver_sql("select 1")
    assert list(storage._engines)[-1] == "run_0" and len(storage._engines) == OPEN_DATABASES
    storage.dispose()
    assert not storage._engines


def test_progress_logs_counts_and_rate_at_most_once_per_interval():
    now, lines = [0.0], []
    progress = Progress(lines.append, "parsed", 10_000, interval=10, clock=lambda: now[0])
    for seconds, articles in [(4, 1000), (9.9, 1000), (12, 2000), (15, 1000), (22, 5000)]:
        now[0] = seconds
        progress.advance(articles)
    assert lines == ["parsed 4,000 of 10,000 articles (333/s)", "parsed 10,000 of 10,000 articles (455/s)"]
