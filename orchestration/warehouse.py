"""The warehouse resource: where articles come from, the private build file, and the atomic publish.

DuckDB lets one process write a database file, and any reader holding it open blocks that writer.
So the pipeline only ever writes a private build file that nobody else opens, and publishes
`NEWS_WAREHOUSE_PATH` as a snapshot (orchestration/snapshots.py): the rows the run changed go to new Parquet
segments, and a small catalog of views over them is renamed over the old one. Readers keep the old catalog
(inode) and its segments until they reconnect; they never block a build nor see a half-built one.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, InitResourceContext

from orchestration.rewrites import forget_rewritten
from orchestration.run_lock import run_lock
from orchestration.snapshots import Build, published_builds, remove_unread_segments, restore_build, write_snapshot

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLES_DIR = "seeds/articles"
DEFAULT_WAREHOUSE_PATH = "warehouse/news.duckdb"
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
DEFAULT_DUCKDB_MEMORY = "1GB"  # bigger joins spill to disk beside the build file; enough for 100,000 articles
# DuckDB rewrites a table's last row group whole when rows are appended to it, at the next checkpoint. With the
# default 122,880 rows a group, a run that adds 200 articles rewrote every appended table's last group (all
# 20,000 documents' text, say); groups of 16,384 rows bound that rewrite to a small slice of the corpus.
ROW_GROUP_ROWS = 16_384

SQL_DIR = PROJECT_ROOT / "sql"


def project_path(value: str) -> Path:
    """Relative settings are relative to the project, so the UI and the CLI agree wherever they start."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


class Warehouse(ConfigurableResource):
    """Paths of the pipeline. Unset fields follow NEWS_ARTICLES_DIR and NEWS_WAREHOUSE_PATH at run time."""

    articles_dir: str | None = None
    warehouse_path: str | None = None

    @classmethod
    def from_env(cls) -> Warehouse:
        return cls()

    @property
    def articles_path(self) -> Path:
        return project_path(self.articles_dir or os.environ.get("NEWS_ARTICLES_DIR") or DEFAULT_ARTICLES_DIR)

    @property
    def published_path(self) -> Path:
        return project_path(self.warehouse_path or os.environ.get("NEWS_WAREHOUSE_PATH") or DEFAULT_WAREHOUSE_PATH)

    @property
    def max_file_bytes(self) -> int:
        """Files larger than this (NEWS_MAX_FILE_BYTES, default 20 MiB) are quarantined unread."""
        return int(os.environ.get("NEWS_MAX_FILE_BYTES") or DEFAULT_MAX_FILE_BYTES)

    @property
    def build_path(self) -> Path:
        """The private build file: beside the published one, hidden, never opened by users."""
        published = self.published_path
        return published.parent / ".build" / published.name

    @property
    def lock_path(self) -> Path:
        """The run lock (orchestration/run_lock.py): beside the build file."""
        return self.build_path.with_name(f"{self.build_path.name}.lock")

    @contextmanager
    def yield_for_execution(self, context: InitResourceContext) -> Iterator[Warehouse]:
        """A Dagster run (the in-process executor sets the resource up once per run) holds the run lock from its
        first step to its last, whatever launched it: the UI, the sensor or the schedule."""
        started_by = f"Dagster run {context.run.run_id[:8]}" if context.run else "a Dagster run"
        with run_lock(self.lock_path, started_by, context.log.info if context.log else print):
            yield self

    def _open_build(self) -> duckdb.DuckDBPyConnection:
        """A connection whose default database is the build file. The row group size is an option of ATTACH,
        not of connect, so the file is attached to an in-memory connection and made its default."""
        self.build_path.parent.mkdir(parents=True, exist_ok=True)
        memory = os.environ.get("NEWS_DUCKDB_MEMORY") or DEFAULT_DUCKDB_MEMORY
        # Tables are sets (readers order what they read), so DuckDB need not buffer rows to keep their order.
        if not self.build_path.exists() and self.published_path.exists():
            self._start_from_published()
        connection = duckdb.connect(
            config={
                "memory_limit": memory,
                "preserve_insertion_order": False,
                "temp_directory": f"{self.build_path}.tmp",
            }
        )
        try:
            path = str(self.build_path).replace("'", "''")
            connection.execute(f"attach '{path}' as build (row_group_size {ROW_GROUP_ROWS})")
            connection.execute("use build")
        except BaseException:
            connection.close()
            raise
        return connection

    def _start_from_published(self) -> None:
        """With no build file (the hidden folder deleted, or NEWS_WAREHOUSE_PATH pointed at a copy), the build
        starts from the published snapshot's tables: the archive of removed files and old versions survives,
        and the next publish does not replace it with an empty start. A file an earlier version of the
        pipeline published whole is a complete database, and is copied."""
        if published_builds(self.published_path):
            restore_build(self.published_path, self.build_path)
            return
        partial = self.build_path.with_name(f".{self.build_path.name}.restoring-{os.getpid()}")
        shutil.copyfile(self.published_path, partial)
        os.replace(partial, self.build_path)

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction on the private build database: an asset's writes land whole or not at all, so a
        crash (even kill -9) leaves the build as it was before the asset started."""
        connection = self._open_build()
        try:
            connection.begin()
            yield connection
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        finally:
            connection.close()

    def publish(self) -> Build:
        """Write the build's new segments and catalog beside the published file, fsync it, and rename it into
        place; then forget the journal the snapshot acted on and delete segments no kept build reads."""
        published = self.published_path
        published.parent.mkdir(parents=True, exist_ok=True)
        self._pause_point("before_publish")
        for stale in published.parent.glob(f".{published.name}.publishing-*"):
            stale.unlink(missing_ok=True)
        staging = published.with_name(f".{published.name}.publishing-{os.getpid()}")
        with self._open_build() as connection:
            builds, acted_on = write_snapshot(connection, published, staging)
            self._pause_point("inside_publish")
            os.replace(staging, published)
            self._pause_point("after_rename")
            directory = os.open(published.parent, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
            forget_rewritten(connection, acted_on)
        remove_unread_segments(published, builds)
        return builds[-1]

    def _pause_point(self, name: str) -> None:
        """For crash tests: with NEWS_PAUSE_AT=<name> the run stops here until killed, after touching
        `.<published name>.paused-<name>` beside the published file, so a kill -9 lands at a named point."""
        if os.environ.get("NEWS_PAUSE_AT") == name:
            self.published_path.with_name(f".{self.published_path.name}.paused-{name}").touch()
            time.sleep(3600)
