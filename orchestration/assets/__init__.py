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


def column_schema(types: dict[str, str], descriptions: dict[str, str]) -> TableSchema:
    """The UI's column schema of a table: each column (name: type) with its description."""
    return TableSchema([TableColumn(name, kind, descriptions.get(name)) for name, kind in types.items()])


def materialization_metadata(connection, table: str, types: dict[str, str], descriptions: dict[str, str]) -> dict:
    """What a materialization of `table` tells the UI: its row count and its typed, described columns."""
    rows = connection.execute(f"select count(*) from {table}").fetchone()[0]
    return {"dagster/row_count": rows, "dagster/column_schema": column_schema(types, descriptions)}


def table_metadata(connection, keys: tuple[AssetKey, ...]) -> dict[AssetKey, dict]:
    """materialization_metadata of each Python-written table of `keys`, as sql/sources.sql declares it."""
    tables = written_tables()
    return {
        key: materialization_metadata(connection, name, tables[name].types, tables[name].doc.columns)
        for key in keys
        if (name := ".".join(key.path))
    }
