"""Charts drawn from the marts, written beside the published warehouse so analysts find them with it."""

import base64
import os
from pathlib import Path

from dagster import AssetKey, MaterializeResult, MetadataValue, asset
from matplotlib.figure import Figure

from orchestration.assets.models import model_key
from orchestration.handover_chart import HandoverMark, draw_handover_timeline
from orchestration.warehouse import Warehouse

HANDOVER_TIMELINE_CHART = AssetKey(["charts", "handover_timeline"])
CHART_FORMATS = ("png", "svg")


def save_chart(figure: Figure, folder: Path, name: str) -> dict[str, Path]:
    """`<name>.png` and `<name>.svg` in `folder`, each renamed into place whole: a reader never sees half a file."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for extension in CHART_FORMATS:
        path = folder / f"{name}.{extension}"
        partial = folder / f".{path.name}.{os.getpid()}"
        figure.savefig(partial, format=extension, dpi=150)
        os.replace(partial, path)
        paths[extension] = path
    return paths


@asset(key=HANDOVER_TIMELINE_CHART, group_name="charts", kinds={"python", "matplotlib"},
       deps=[model_key("marts.handover_timeline")])
def handover_timeline_chart(warehouse: Warehouse) -> MaterializeResult:
    """Districts × dates: when each handover was scheduled, postponed and entered, and by how many independent
    sources; PNG and SVG beside the published warehouse, and the PNG inline in the asset's metadata."""
    with warehouse.connect() as connection:
        rows = connection.execute(
            "select district, event_type, event_date, n_sources from marts.handover_timeline order by all").fetchall()
    paths = save_chart(draw_handover_timeline([HandoverMark(*row) for row in rows]),
                       warehouse.published_path.parent, "handover_timeline")
    inline = base64.b64encode(paths["png"].read_bytes()).decode("ascii")
    return MaterializeResult(metadata={
        "chart": MetadataValue.md(f"![handover timeline](data:image/png;base64,{inline})"),
        "png": MetadataValue.path(str(paths["png"])),
        "svg": MetadataValue.path(str(paths["svg"])),
        "marks": len(rows),
    })
