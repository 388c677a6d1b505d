"""The assets by layer."""

import warnings
from pathlib import Path

from dagster import (
    AssetKey,
    AssetSpec,
    BetaWarning,
    CodeReferencesMetadataValue,
    LocalFileCodeReference,
    TableColumn,
    TableSchema,
)

from orchestration.duckdb_io import written_tables


def source_file(path: Path, label: str) -> dict:
    """Asset metadata linking an asset to the file it is built from (an SQL model, a reference CSV): the UI then
    opens that file, besides the Python that runs it, which with_source_code_references adds in definitions.py."""
    with warnings.catch_warnings(action="ignore", category=BetaWarning):  # a beta API, stable enough for a link
        reference = LocalFileCodeReference(file_path=str(path), label=label)
        return {"dagster/code_references": CodeReferencesMetadataValue(code_references=[reference])}


def table_specs(keys: tuple[AssetKey, ...], group_name: str, kinds: set[str], deps=()) -> list[AssetSpec]:
    """Specs of the Python-written tables a multi-asset materialises, described as sql/sources.sql declares them."""
    tables = written_tables()
    return [
        AssetSpec(
            key, group_name=group_name, deps=deps, kinds=kinds, description=tables[".".join(key.path)].doc.description
        )
        for key in keys
    ]


def table_metadata(connection, keys: tuple[AssetKey, ...]) -> dict[AssetKey, dict]:
    """Per asset, the materialization's row count and typed, described column schema, as the SQL models carry:
    the UI shows them for the Python-written tables too."""
    tables, found = written_tables(), {}
    for key in keys:
        name = ".".join(key.path)
        table = tables[name]
        columns = [TableColumn(column, kind, table.doc.columns.get(column)) for column, kind in table.types.items()]
        rows = connection.execute(f"select count(*) from {name}").fetchone()[0]
        found[key] = {"dagster/row_count": rows, "dagster/column_schema": TableSchema(columns)}
    return found
