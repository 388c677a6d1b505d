"""`make run`: build the warehouse once from the articles folder and print a short summary of the marts."""

from __future__ import annotations

import gc
import os
import shutil
import sys
import time

import duckdb
from dagster import DagsterInstance
from dagster._core.instance.ref import InstanceRef

from orchestration.definitions import defs
from orchestration.run_history import run_history_overrides
from orchestration.run_lock import WarehouseBusy, run_lock
from orchestration.warehouse import PROJECT_ROOT, Warehouse, project_path

# Each district's status with every date of it, short-named so the table fits an 80-column terminal; the one
# corpus-wide as_of_date is printed above it.
STATUS_SQL = """
select district, status, scheduled_date as scheduled, revised_date as revised, handed_over_date as handed_over
from marts.district_handover_status order by district
"""
SUMMARY_WIDTH = 80


def dagster_instance() -> DagsterInstance:
    """The instance `make ui` reads (DAGSTER_HOME, default .dagster_home), so a `make run` shows in the UI's run
    history and asset catalogue; created with the project's dagster.yaml when missing, as `make ui` does. Its
    runs are written through orchestration.run_history, into the same files the UI reads."""
    home = project_path(os.environ.get("DAGSTER_HOME") or ".dagster_home")
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        shutil.copyfile(PROJECT_ROOT / "dagster.yaml", home / "dagster.yaml")
    return DagsterInstance.from_ref(InstanceRef.from_dir(str(home), overrides=run_history_overrides(home)))


def build(instance: DagsterInstance | None = None, job_name: str = "ingest_new") -> bool:
    """One run of every asset; True when it succeeded (and so was published). Without an instance the run is
    recorded nowhere, as the tests' builds should be."""
    job = defs.resolve_job_def(job_name)
    result = job.execute_in_process(
        instance=instance or DagsterInstance.ephemeral(),
        raise_on_error=False,
        # INFO: the progress lines of long steps reach the terminal; Dagster's own step events are DEBUG
        run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}},
    )
    return result.success


def print_summary(path: str) -> None:
    with duckdb.connect(path, read_only=True) as connection:
        *counts, as_of = connection.execute(
            "select (select count(*) from staging.articles), (select count(*) from staging.rejected_files), "
            "(select count(*) from marts.handover_events), (select count(*) from marts.actor_mentions), "
            "(select count(*) from marts.figures_by_source), "
            "(select max(as_of_date) from marts.district_handover_status)"
        ).fetchone()
        print("articles={} rejected={} handover_events={} actor_mentions={} figures={}".format(*counts))
        print(f"district status as of {as_of}:")
        connection.sql(STATUS_SQL).show(max_width=SUMMARY_WIDTH, null_value="")


def main() -> int:
    """Build, publish and summarise. The some 300,000 objects the imports leave (Dagster's, mostly) are frozen
    first and everything again at the end: every full garbage collection of the run walked them (0.4 s in
    all), and the interpreter's exit walked them once more (0.6 s), to free nothing a process needs."""
    gc.freeze()
    try:
        return _build_and_report(Warehouse.from_env())
    finally:
        gc.freeze()


def _build_and_report(warehouse: Warehouse) -> int:
    started = time.perf_counter()
    try:
        with run_lock(warehouse.lock_path, "make run", lambda message: print(message, file=sys.stderr)):
            with dagster_instance() as instance:
                succeeded = build(instance)
    except WarehouseBusy as busy:
        print(busy, file=sys.stderr)
        return 1
    if not succeeded:
        print("build failed: the published warehouse was left as it was", file=sys.stderr)
        return 1
    print(f"built and published {warehouse.published_path} in {time.perf_counter() - started:.1f}s")
    print_summary(str(warehouse.published_path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
