"""Charts drawn from the marts, written beside the published warehouse so analysts find them with it."""

from __future__ import annotations

import base64
import hashlib
import multiprocessing
import os
from pathlib import Path
from typing import TYPE_CHECKING

from dagster import AssetKey, MaterializeResult, MetadataValue, asset

from orchestration.assets.models import model_key
from orchestration.warehouse import Warehouse

if TYPE_CHECKING:
    from matplotlib.figure import Figure

HANDOVER_TIMELINE_CHART = AssetKey(["charts", "handover_timeline"])
DRAWING_CODE = Path(__file__).resolve().parents[1] / "handover_chart.py"
CHART_FORMATS = ("png", "svg")


def drawn_from(folder: Path, name: str) -> Path:
    """Where the digest of the rows a chart was drawn from is kept: a run that changes none of them redraws nothing."""
    return folder / f".{name}.rows"


def chart_files(folder: Path, name: str) -> dict[str, Path]:
    """`<name>.png` and `<name>.svg` in `folder`, by format."""
    return {extension: folder / f"{name}.{extension}" for extension in CHART_FORMATS}


def is_current(folder: Path, name: str, digest: str) -> bool:
    rows_file = drawn_from(folder, name)
    files = [*chart_files(folder, name).values(), rows_file]
    return all(path.exists() for path in files) and rows_file.read_text(encoding="utf-8") == digest


def save_chart(figure: Figure, folder: Path, name: str) -> dict[str, Path]:
    """`<name>.png` and `<name>.svg` in `folder`, each renamed into place whole: a reader never sees half a file.
    A forked copy of this process writes the SVG while this one writes the PNG: each takes a quarter of a
    second, and nothing else of the run is left to keep the second core busy."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = chart_files(folder, name)
    svg_writer = multiprocessing.get_context("fork").Process(target=_save, args=(figure, paths["svg"]))
    svg_writer.start()
    _save(figure, paths["png"])
    svg_writer.join()
    if svg_writer.exitcode != 0:
        raise RuntimeError(f"could not write {paths['svg']}: its writer exited with code {svg_writer.exitcode}")
    return paths


def _save(figure: Figure, path: Path) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    figure.savefig(partial, format=path.suffix.removeprefix("."), dpi="figure")
    os.replace(partial, path)


@asset(
    key=HANDOVER_TIMELINE_CHART,
    group_name="charts",
    kinds={"python", "matplotlib"},
    deps=[model_key("marts.handover_timeline")],
)
def handover_timeline_chart(warehouse: Warehouse) -> MaterializeResult:
    """Districts × dates: when each handover was scheduled, postponed and entered, and by how many independent
    sources; PNG and SVG beside the published warehouse, and the PNG inline in the asset's metadata."""
    with warehouse.connect() as connection:
        rows = connection.execute(
            "select district, event_type, event_date, n_sources from marts.handover_timeline order by all"
        ).fetchall()
    folder, name = warehouse.published_path.parent, "handover_timeline"
    digest = hashlib.sha256(DRAWING_CODE.read_bytes() + repr(rows).encode()).hexdigest()
    redrawn = not is_current(folder, name, digest)
    if redrawn:
        # imported here: matplotlib takes most of a second to import, which a run that redraws nothing skips
        from orchestration.handover_chart import HandoverMark, draw_handover_timeline

        save_chart(draw_handover_timeline([HandoverMark(*row) for row in rows]), folder, name)
        drawn_from(folder, name).write_text(digest, encoding="utf-8")
    paths = chart_files(folder, name)
    inline = base64.b64encode(paths["png"].read_bytes()).decode("ascii")
    return MaterializeResult(
        metadata={
            "redrawn": redrawn,
            "chart": MetadataValue.md(f"![handover timeline](data:image/png;base64,{inline})"),
            "png": MetadataValue.path(str(paths["png"])),
            "svg": MetadataValue.path(str(paths["svg"])),
            "marks": len(rows),
        }
    )
