"""How `make run` writes its run history into the UI's Dagster instance: Dagster's SQLite storage, with an event
log that keeps its connections open.

Dagster's SQLite event log builds a SQLAlchemy engine, opens a connection and throws both away for every
event it stores; a run of this project stores some 440 events (about 2,000 connections), which cost 1.5 to
3 s a run whatever the corpus size. Here each database keeps one engine for the life of the process. The
files and tables are Dagster's own, and the UI reads them with its stock storage (dagster.yaml is unchanged).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dagster._core.storage.event_log import SqliteEventLogStorage
from dagster._core.storage.sql import create_engine
from dagster._core.storage.sqlite import SQLITE_BUSY_TIMEOUT_SECONDS, create_db_conn_string
from dagster._core.storage.sqlite_storage import DagsterSqliteStorage, _event_logs_directory
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

# A process stores into the index and one run at a time; the UI reads a few runs at once. Older engines close.
OPEN_DATABASES = 8


def run_history_overrides(home: Path) -> dict:
    """Instance overrides for `make run`: the storage below, in the folders of the instance at `home`."""
    storage = {"module": __name__, "class": RunHistoryStorage.__name__, "config": {"base_dir": str(home)}}
    return {"storage": {"custom": storage}}


class RunHistoryStorage(DagsterSqliteStorage):
    """Dagster's SQLite storage (runs, event log, schedules) with the event log below."""

    def __init__(self, base_dir: str, inst_data=None):
        super().__init__(base_dir, inst_data)
        self._event_log_storage = OpenEventLogStorage(_event_logs_directory(base_dir))

    @classmethod
    def from_config_value(cls, inst_data, config_value) -> RunHistoryStorage:
        return cls.from_local(inst_data=inst_data, **config_value)


class OpenEventLogStorage(SqliteEventLogStorage):
    """One engine per database file (the index and each run's shard), the newest OPEN_DATABASES kept open."""

    def __init__(self, base_dir: str, inst_data=None):
        self._engines: OrderedDict[str, Engine] = OrderedDict()  # before Dagster's init, which opens the index
        super().__init__(base_dir, inst_data)

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        with self._db_lock:
            engine = self._engine(shard)
            with engine.connect() as connection, connection.begin():
                yield connection

    def _engine(self, shard: str) -> Engine:
        engine = self._engines.pop(shard, None)
        if engine is None:
            engine = create_engine(
                create_db_conn_string(self._base_dir, shard), connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS}
            )
            event.listen(engine, "connect", _without_fsync)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
        self._engines[shard] = engine
        while len(self._engines) > OPEN_DATABASES:
            self._engines.popitem(last=False)[1].dispose()
        return engine

    def wipe(self) -> None:
        """Wiping deletes the run databases: close them first, so no connection writes to a deleted file."""
        self._close_all()
        super().wipe()

    def dispose(self) -> None:
        self._close_all()
        super().dispose()

    def _close_all(self) -> None:
        with self._db_lock:
            while self._engines:
                self._engines.popitem()[1].dispose()


def _without_fsync(connection, _record) -> None:
    """A crash or kill still loses nothing (SQLite's journal guards each transaction); only a power loss may lose
    or damage the newest run history, never the warehouse. With fsync each event's commit cost about 10 ms."""
    connection.execute("pragma synchronous = off")
