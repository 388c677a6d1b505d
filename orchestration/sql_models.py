"""The SQL model layer: `sql/<layer>/<name>.sql` files become tables `<layer>.<name>`.

Each file holds one SELECT and opens with a header comment:

    -- One line or more of description.
    -- grain: one row per ...
    -- audit: unique(article_id, district)
    -- audit: not_null(district)
    -- audit: accepted_values(status, handed_over, pending, overdue)
    -- audit: evidence
    -- audit: traces_to_article
    -- incremental: article_id
    -- materialized: view
    -- column district: the district's canonical name

Each `column <name>: <description>` line describes one column of the table: it becomes the column's COMMENT in
DuckDB and its description in Dagster's column schema. A described column the table lacks fails the build.

Dependencies are never declared: sqlglot parses the SELECT and a scope walk collects the tables it reads
(CTE and subquery names are scopes, not tables). Unknown tables, cycles and duplicate names fail loudly.
Audits are queries that return bad rows; they become Dagster asset checks. An audit kind is a file,
`<sql dir>/audits/<kind>.sql`: one SELECT of the bad rows after a header saying what it checks, `-- blocking:
yes` or `-- blocking: no` (a warning) and why, and optionally `-- scope: whole table` (an incremental run then
audits the whole table, not only the rows it wrote). Its placeholders take the arguments of the model's
`-- audit: kind(a, b, ...)` line:

    @this_model   the model's table, e.g. marts.handover_events
    @columns      every argument: a, b, ...
    @column       the first argument
    @values       the arguments after the first, as string literals: 'b', ...
    @any(cond)    cond once per argument, its @column that argument, joined by `or` (unparenthesised)

`incremental: article_id` declares that an article's rows depend on that article's source rows alone (and on
reference data). Such a model is built whole once, then each run only deletes the rows of articles that left
and inserts those of new articles: `incremental_sql` rewrites the SELECT so every non-reference table it reads
is narrowed to the pending articles. That keeps the cost of a run proportional to the new articles.

`materialized: view` makes the model a view instead of a table: for a mart that joins per-article tables
(incremental ones) to corpus-wide ones that are small (the syndication clusters), so its rows are computed when
read and a run neither rebuilds nor republishes them. The published catalog keeps it as a view over the
published tables (orchestration/snapshots.py).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import NamedTuple

import sqlglot
from sqlglot import exp
from sqlglot.optimizer.scope import Scope, traverse_scope

LAYERS = ("staging", "intermediate", "marts")
DIALECT = "duckdb"
_AUDIT = re.compile(r"^(?P<kind>\w+)(?:\((?P<args>[^)]*)\))?$")
_PLACEHOLDER = re.compile(r"@any\((?P<condition>(?:[^()]|\([^()]*\))*)\)|@(?P<name>\w+)")  # one nesting level
_COLUMN = re.compile(r"^column\s+(?P<name>\w+)\s*:\s*(?P<text>\S.*)$")
_FIRST_SENTENCE = re.compile(r"^.+?[.!?](?=\s|$)")


class ModelError(ValueError):
    """A SQL model that cannot be loaded: names the file and the reason."""


@dataclass(frozen=True)
class Audit:
    name: str
    kind: str
    args: tuple[str, ...]
    sql: str
    blocking: bool
    whole_table: bool  # audited whole on incremental runs too


@dataclass(frozen=True)
class SqlModel:
    name: str  # '<layer>.<stem>'
    layer: str
    path: Path
    sql: str
    description: str
    grain: str
    depends_on: tuple[str, ...]
    audits: tuple[Audit, ...] = field(default=())
    incremental_key: str | None = None
    columns: dict[str, str] = field(default_factory=dict)  # column name -> description, from the header
    view: bool = False  # `materialized: view`

    @property
    def summary(self) -> str:
        """The description's first sentence: the table's COMMENT, short enough for a listing of tables."""
        match = _FIRST_SENTENCE.match(self.description)
        return match.group(0) if match else self.description

    @property
    def code_version(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()[:16]


def table_name(table: exp.Table) -> str:
    return f"{table.db}.{table.name}" if table.db else table.name


def read_tables(tree: exp.Expression) -> list[exp.Table]:
    """The table nodes a query reads, found with a scope walk so CTE names are not mistaken for tables."""
    return [
        source
        for scope in traverse_scope(tree)
        for source in scope.sources.values()
        if isinstance(source, exp.Table) and not isinstance(source, Scope)
    ]


def _table_names(tree: exp.Expression) -> set[str]:
    return {table_name(table) for table in read_tables(tree)}


def referenced_tables(sql: str) -> set[str]:
    """Names of the tables a SELECT reads."""
    return _table_names(sqlglot.parse_one(sql, read=DIALECT))


def _audit(model_path: Path, table: str, name: str, kind: str, args: tuple[str, ...]) -> Audit:
    """The audit `kind(args)` of `table`, from `<sql dir>/audits/<kind>.sql` beside the model's layer (a test's
    tree has its own): an audit kind is a file, not Python. The query is checked to parse here, so a broken
    audit file fails loading instead of a build."""
    path = model_path.parents[1] / "audits" / f"{kind}.sql"
    if not path.is_file():
        raise ModelError(f"{model_path}: unknown audit kind '{kind}' (no file {path})")
    lines = path.read_text(encoding="utf-8").splitlines()
    body = next((i for i, line in enumerate(lines) if not line.startswith("--")), len(lines))
    settings = {line[2:].strip() for line in lines[:body]}
    if ("blocking: yes" in settings) == ("blocking: no" in settings):
        raise ModelError(f"{path}: the header needs a '-- blocking: yes' or '-- blocking: no' line")
    values = {
        "this_model": table,
        "columns": ", ".join(args),
        "values": ", ".join(exp.Literal.string(value).sql() for value in args[1:]),
    }

    def render(text: str, column: str) -> str:
        def put(match: re.Match) -> str:
            if match["condition"] is not None:
                return " or ".join(render(match["condition"], argument) for argument in args)
            if match["name"] == "column":
                return column
            if match["name"] not in values:
                raise ModelError(f"{path}: unknown placeholder '@{match['name']}'")
            return values[match["name"]]

        return _PLACEHOLDER.sub(put, text)

    sql = render("\n".join(lines[body:]).strip(), args[0] if args else "")
    try:
        sqlglot.parse_one(sql, read=DIALECT)
    except sqlglot.errors.ParseError as error:
        raise ModelError(f"{path}: audit '{name}' of {table} does not parse: {error}") from error
    return Audit(name, kind, args, sql, "blocking: yes" in settings, "scope: whole table" in settings)


class _Header(NamedTuple):
    description: str
    grain: str
    audits: tuple[Audit, ...]
    incremental_key: str | None
    columns: dict[str, str]
    view: bool


def _parse_header(path: Path, text: str, table: str) -> _Header:
    description: list[str] = []
    grain = ""
    incremental_key = None
    view = False
    audits: list[Audit] = []
    columns: dict[str, str] = {}
    continued: str | None = None
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        body = line[2:].strip()
        if body.startswith("grain:"):
            grain = body.removeprefix("grain:").strip()
        elif body.startswith("incremental:"):
            incremental_key = body.removeprefix("incremental:").strip()
            if incremental_key != "article_id":
                raise ModelError(f"{path}: only 'incremental: article_id' is supported")
        elif body.startswith("materialized:"):
            kind = body.removeprefix("materialized:").strip()
            if kind not in ("table", "view"):
                raise ModelError(f"{path}: 'materialized:' is 'table' (the default) or 'view', not '{kind}'")
            view = kind == "view"
        elif body.startswith("audit:"):
            spec = body.removeprefix("audit:").strip()
            match = _AUDIT.match(spec)
            if not match:
                raise ModelError(f"{path}: cannot read audit '{spec}'")
            args = tuple(a.strip() for a in (match.group("args") or "").split(",") if a.strip())
            kind = match.group("kind")
            name = f"{kind}_{args[0]}" if kind == "accepted_values" else kind
            if any(audit.name == name for audit in audits):
                raise ModelError(f"{path}: two audits named '{name}'")
            audits.append(_audit(path, table, name, kind, args))
        elif body.startswith("column "):
            match = _COLUMN.match(body)
            if not match or match.group("name") in columns:
                raise ModelError(f"{path}: cannot read '{body}' (one 'column <name>: <description>' line per column)")
            columns[match.group("name")] = match.group("text").strip()
            continued = match.group("name")
            continue
        elif body and continued:  # a column's description may run on over the lines after it
            columns[continued] += " " + body
            continue
        elif body:
            description.append(body)
        continued = None
    if not description or not grain:
        raise ModelError(f"{path}: the header comment needs a description and a 'grain:' line")
    if view and incremental_key:
        raise ModelError(f"{path}: a view is computed when read; it cannot also be incremental")
    return _Header(" ".join(description), grain, tuple(audits), incremental_key, columns, view)


def load_model(path: Path, layer: str) -> SqlModel:
    text = path.read_text(encoding="utf-8")
    name = f"{layer}.{path.stem}"
    header = _parse_header(path, text, name)
    try:
        statements = [s for s in sqlglot.parse(text, read=DIALECT) if s is not None]
    except sqlglot.errors.ParseError as error:
        raise ModelError(f"{path}: SQL does not parse: {error}") from error
    if len(statements) != 1 or not isinstance(statements[0], exp.Query):
        raise ModelError(f"{path}: a model file holds exactly one SELECT")
    depends_on = tuple(sorted(_table_names(statements[0])))  # from this parse: parsing every model takes 0.1 s
    return SqlModel(
        name,
        layer,
        path,
        text,
        header.description,
        header.grain,
        depends_on,
        header.audits,
        header.incremental_key,
        header.columns,
        header.view,
    )


def load_models(sql_dir: Path, source_tables: set[str]) -> list[SqlModel]:
    """Every model under `sql_dir`, in dependency order; raises ModelError on unknown tables, cycles, duplicates."""
    models: dict[str, SqlModel] = {}
    for layer in LAYERS:
        for path in sorted((sql_dir / layer).glob("*.sql")):
            model = load_model(path, layer)
            if model.name in models or model.name in source_tables:
                raise ModelError(f"{path}: duplicate model name '{model.name}'")
            models[model.name] = model
    known = set(models) | source_tables
    for model in models.values():
        unknown = [t for t in model.depends_on if t not in known]
        if unknown:
            raise ModelError(f"{model.path}: reads unknown table(s) {', '.join(unknown)}")
        upstream_models = [models[t] for t in model.depends_on if t in models]
        if model.incremental_key and any(not m.incremental_key for m in upstream_models):
            raise ModelError(
                f"{model.path}: an incremental model may read only sources, reference data and other incremental models"
            )
    graph = {name: {d for d in model.depends_on if d in models} for name, model in models.items()}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise ModelError(f"SQL models form a cycle: {' -> '.join(error.args[1])}") from error
    return [models[name] for name in order]


def materialize_sql(model: SqlModel) -> str:
    """The statement that (re)builds a model's table, or (re)defines its view."""
    return f"create or replace {'view' if model.view else 'table'} {model.name} as\n{model.sql}"


def replace_tables(query: exp.Expression, source: Callable[[str], str | None]) -> str:
    """`query` with each table it reads replaced by the subquery `source(name)` gives (under the table's alias),
    or left as it is where that is None."""
    for table in read_tables(query):
        if (replacement := source(table_name(table))) is not None:
            table.replace(sqlglot.parse_one(replacement, read=DIALECT).subquery(table.alias_or_name))
    return query.sql(dialect=DIALECT)


def narrowed(sql: str, condition: str, keep=lambda table: False) -> str:
    """`sql` with every table it reads, except where `keep(name)` holds, narrowed to its rows where `condition`
    holds."""
    return replace_tables(
        sqlglot.parse_one(sql, read=DIALECT),
        lambda name: None if keep(name) else f"select * from {name} where {condition}",
    )


def incremental_sql(model: SqlModel, pending: str) -> str:
    """The model's SELECT for the articles in `pending`: everything it reads but reference data is narrowed."""
    key = model.incremental_key
    return narrowed(
        model.sql, f"{key} in (select {key} from {pending})", keep=lambda name: name.startswith("reference.")
    )


def incremental_audit_sql(model: SqlModel, audit: Audit, last_old_row: int) -> str:
    """An audit of the rows an incremental run just wrote: older rows passed it when they were written. A
    whole-table audit (is the table empty?) reads all of it.

    Inside the model's transaction the new rows are those whose rowid is above the table's largest before the
    insert: DuckDB numbers a transaction's appended rows after every committed one. Read by row id, the rows
    of 200 new articles among 8.4 million narrative shingles take 0.01 s; picked by article id, 0.14 s."""
    if audit.whole_table:
        return audit.sql
    return narrowed(audit.sql, f"rowid > {last_old_row}", keep=lambda name: name != model.name)
