"""Model unit tests: run one SQL model, or one of its CTEs, on rows a test gives and compare with the rows it expects.

A test has the shape of SQLMesh's tests/*.yaml; ours live in tests/model_tests/<model name>.yaml:

    test_name:
      model: marts.district_handover_status
      inputs:                      # rows of tables the model reads
        marts.handover_events:
          - {article_id: a1, district: Agdam, event_type: entered, event_date: 2020-11-20}
      outputs:
        query:                     # the model's rows
          - {district: Agdam, status: handed_over}
        ctes:                      # and/or the rows of some of its CTEs
          best_dates:
            - {district: Agdam, event_type: entered, event_date: 2020-11-20}

Every table the model reads exists with its real column types, so a row names only the columns that matter and the
others are null: source tables as sql/sources.sql declares them, model tables with the columns their own SQL gives
(built empty, on empty upstream tables). A table the test gives holds only its rows; the others are empty, except
reference tables, loaded from seeds/reference as the pipeline loads them, so a test need not restate a lexicon.
Only the columns the expected rows list are compared, in any row order, nulls equal and floats within 1e-9. Quote
strings that YAML would read as something else ('1,000', 'a: b', yes/no/on/off). From Python,
`model_test_failures(test)` runs a dict of the same shape.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import duckdb
import polars as pl
import sqlglot
import yaml
from sqlglot import exp

from orchestration.duckdb_io import ensure_sources, source_tables
from orchestration.reference import REFERENCE_DIR, reference_tables
from orchestration.sql_models import DIALECT, SqlModel, load_models
from orchestration.warehouse import SQL_DIR

TESTS_DIR = Path(__file__).parent / "model_tests"


@cache
def models() -> dict[str, SqlModel]:
    """Every SQL model by name, loaded as the pipeline loads them, once per process."""
    known = source_tables() | {f"reference.{name}" for name in reference_tables()}
    return {model.name: model for model in load_models(SQL_DIR, known)}


def load_tests() -> dict[str, dict]:
    """Every test of tests/model_tests/*.yaml by name: names are ids, so one used twice fails loudly."""
    tests: dict[str, dict] = {}
    for path in sorted(TESTS_DIR.glob("*.yaml")):
        for name, test in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            if name in tests:
                raise ValueError(f"{path}: test '{name}' is defined twice")
            tests[name] = test
    return tests


def cte_sql(sql: str, name: str) -> str:
    """The model's query cut at one CTE: the CTEs up to it (a CTE reads only those before it), then its rows."""
    tree = sqlglot.parse_one(sql, read=DIALECT)
    names = [cte.alias for cte in tree.ctes]
    if name not in names:
        raise ValueError(f"the model has no CTE '{name}' (it has {', '.join(names)})")
    with_ = tree.ctes[0].parent
    query = exp.select("*").from_(name)
    query.set(
        with_.arg_key, exp.With(expressions=tree.ctes[: names.index(name) + 1], recursive=with_.args.get("recursive"))
    )
    return query.sql(dialect=DIALECT)


def _create(connection: duckdb.DuckDBPyConnection, table: str, given: set[str], created: set[str]) -> None:
    """Create a table the model reads, empty or (reference data a test does not give) with the seed rows."""
    if table in created:
        return
    created.add(table)
    schema, name = table.split(".")
    if schema == "reference":  # as orchestration/assets/reference.py loads it: every column a string
        connection.register("_reference", pl.read_csv(REFERENCE_DIR / f"{name}.csv", infer_schema=False))
        keep = " limit 0" if table in given else ""
        connection.execute(f"create table {table} as select * from _reference{keep}")
        connection.unregister("_reference")
    elif table in models():
        model = models()[table]
        for upstream in model.depends_on:
            _create(connection, upstream, given, created)
        connection.execute(f"create table {table} as select * from (\n{model.sql}\n) limit 0")
    # source tables: ensure_sources has created them


def _insert(connection: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Insert by column name, as parameters: DuckDB casts YAML's values to the table's types (a row's missing
    columns are null)."""
    if rows:
        columns = list(dict.fromkeys(column for row in rows for column in row))
        names = ", ".join(f'"{column}"' for column in columns)
        marks = ", ".join("?" for _ in columns)
        connection.executemany(
            f"insert into {table} ({names}) values ({marks})", [[row.get(column) for column in columns] for row in rows]
        )


def _is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _same(expected: tuple, actual: tuple) -> bool:
    return all(
        math.isclose(e, a, rel_tol=0, abs_tol=1e-9) if _is_number(e) and _is_number(a) else e == a
        for e, a in zip(expected, actual)
    )


def _show(columns: list[str], row: tuple) -> str:
    """A row as a YAML flow mapping, strings quoted so that '2020-11-20' and the date 2020-11-20 differ."""

    def value(v) -> str:
        return (
            "null" if v is None else repr(v) if isinstance(v, str) else v.isoformat() if isinstance(v, date) else str(v)
        )

    return "{" + ", ".join(f"{column}: {value(v)}" for column, v in zip(columns, row)) + "}"


def _mismatch(connection: duckdb.DuckDBPyConnection, label: str, sql: str, expected: list[dict]) -> str | None:
    """What differs between the rows `sql` returns and the expected ones, or None when they match."""
    cursor = connection.execute(sql)
    names = [column[0] for column in cursor.description]
    columns = list(expected[0]) if expected else names
    if any(row.keys() != set(columns) for row in expected):
        raise ValueError(f"{label}: every expected row must list the same columns: {', '.join(columns)}")
    if unknown := [column for column in columns if column not in names]:
        raise ValueError(f"{label}: no column(s) {', '.join(unknown)} (it has {', '.join(names)})")
    actual = [tuple(row[names.index(column)] for column in columns) for row in cursor.fetchall()]
    wanted = [tuple(row[column] for column in columns) for row in expected]
    unexpected, missing = list(actual), []
    for row in wanted:
        match = next((i for i, other in enumerate(unexpected) if _same(row, other)), None)
        if match is None:
            missing.append(row)
        else:
            unexpected.pop(match)
    if not missing and not unexpected:
        return None

    def listing(title: str, rows: list[tuple]) -> str:
        shown = sorted(_show(columns, row) for row in rows)
        return f"  {title} ({len(rows)}):" + "".join(f"\n    {row}" for row in shown)

    return "\n".join(
        [
            f"{label}: rows differ",
            listing("expected, not returned", missing),
            listing("returned, not expected", unexpected),
            listing("all expected", wanted),
            listing("all returned", actual),
        ]
    )


def model_test_failures(test: dict) -> str:
    """Run one test: what differs in each output whose rows differ, with expected and returned rows; '' if none."""
    model = models()[test["model"]]
    inputs = test.get("inputs") or {}
    if unread := set(inputs) - set(model.depends_on):
        raise ValueError(f"{model.name} does not read {', '.join(sorted(unread))}")
    outputs = test["outputs"]
    checks = [(model.name, model.sql, outputs["query"])] if "query" in outputs else []
    checks += [
        (f"{model.name} CTE {name}", cte_sql(model.sql, name), rows)
        for name, rows in (outputs.get("ctes") or {}).items()
    ]
    if not checks:
        raise ValueError("a test needs outputs: query and/or ctes")
    with duckdb.connect() as connection:
        ensure_sources(connection)
        created: set[str] = set()
        for table in model.depends_on:
            _create(connection, table, set(inputs), created)
        for table, rows in inputs.items():
            _insert(connection, table, rows or [])
        failures = [
            failure for label, sql, rows in checks if (failure := _mismatch(connection, label, sql, rows or []))
        ]
    return "\n\n".join(failures)
