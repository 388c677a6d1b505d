"""The handover timeline chart: one row per district, dates along the bottom, one mark per date sources give.

Pure drawing, no I/O: the Dagster asset reads the marts and writes the files. It draws on matplotlib's Agg
canvas, which needs no display, so it runs the same in a terminal, a test or a Dagster worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

DPI = 150  # the layout is computed at the resolution the PNG is saved at
# Each kind of mark keeps its own lane inside a district's row, so a deadline and an entry on one day both show.
# A postponement that gives no new date is drawn hollow at the district's first date: the deadline it moved.
_STYLES = {
    "scheduled": {"label": "scheduled", "marker": "o", "color": "#1f77b4", "lane": 0.22, "filled": False},
    "postponed": {"label": "postponed to this date", "marker": ">", "color": "#ff7f0e", "lane": 0.0, "filled": True},
    "postponed_undated": {
        "label": "postponed, no new date",
        "marker": ">",
        "color": "#ff7f0e",
        "lane": 0.0,
        "filled": False,
    },
    "entered": {"label": "entered", "marker": "s", "color": "#2ca02c", "lane": -0.22, "filled": True},
}


@dataclass(frozen=True)
class HandoverMark:
    """A date that sources give for a district's handover event; no date for a postponement without one."""

    district: str
    event_type: str
    event_date: date | None
    n_sources: int


def draw_handover_timeline(marks: list[HandoverMark]) -> Figure:
    """Districts × dates: scheduled, postponed and entered marks sized and labelled by independent sources."""
    districts = sorted({mark.district for mark in marks}, reverse=True)
    rows = {district: index for index, district in enumerate(districts)}
    figure = Figure(figsize=(10, 1.8 + 0.9 * max(len(districts), 1)), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    placed = _placed(marks)
    for district in districts:
        days = [day for name, _, day, _ in placed if name == district]
        if len(days) > 1:
            axes.plot([min(days), max(days)], [rows[district]] * 2, color="#bbbbbb", linewidth=1, zorder=1)
    by_kind = {
        kind: [(day, rows[district], n) for district, mark, day, n in placed if mark == kind] for kind in _STYLES
    }
    for kind, style in _STYLES.items():  # one collection per kind of mark, not one per mark: a draw visits each
        _draw_marks(axes, style, by_kind[kind])
    axes.set_yticks(range(len(districts)), districts)
    axes.set_ylim(-0.7, len(districts) - 0.3)
    axes.margins(x=0.06)
    if placed:
        locator = AutoDateLocator()
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        axes.grid(axis="x", color="#eeeeee")
    else:
        axes.set_xticks([])
        axes.text(0.5, 0.5, "no dated handover events", transform=axes.transAxes, ha="center", color="#777777")
    axes.set_title("Handovers by district: the dates sources give (number = independent sources)")
    axes.legend(
        handles=[_legend_handle(style) for style in _STYLES.values()],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    _fix_layout(figure)
    for kind, style in _STYLES.items():
        _label_marks(axes, style, by_kind[kind])
    return figure


def _fix_layout(figure: Figure) -> None:
    """Lay the figure out once, before the labels exist, and keep that layout. With a layout engine each save
    first draws the whole figure unseen to lay it out again, labels and all: a third of the chart's time."""
    figure.get_layout_engine().execute(figure)
    figure.set_layout_engine(None)


def _placed(marks: list[HandoverMark]) -> list[tuple[str, str, date, int]]:
    """(district, style, date, n_sources) of every mark that can stand on the time axis."""
    placed = [
        (m.district, m.event_type, m.event_date, m.n_sources)
        for m in marks
        if m.event_date is not None and m.event_type in _STYLES
    ]
    first_days = {}
    for district, _, day, _ in placed:
        first_days[district] = min(day, first_days.get(district, day))
    placed += [
        (m.district, "postponed_undated", first_days[m.district], m.n_sources)
        for m in marks
        if m.event_type == "postponed" and m.event_date is None and m.district in first_days
    ]
    return placed


def _area(n_sources: int) -> int:
    return 40 + 30 * min(n_sources, 10)


def _draw_marks(axes: Axes, style: dict, marks: list[tuple[date, int, int]]) -> None:
    """Marks of one style at (day, row, n_sources), sized by their number of sources."""
    if marks:
        axes.scatter(
            [day for day, _, _ in marks],
            [row + style["lane"] for _, row, _ in marks],
            s=[_area(n_sources) for _, _, n_sources in marks],
            marker=style["marker"],
            zorder=3,
            edgecolors=style["color"],
            facecolors=style["color"] if style["filled"] else "white",
            linewidths=1.5,
        )


def _label_marks(axes: Axes, style: dict, marks: list[tuple[date, int, int]]) -> None:
    """Each mark's number of sources beside it, added once the layout is fixed. Hundreds of labels dominate the
    drawing, so each is kept cheap: at a numeric date (no unit conversion per draw) and never tested for
    clipping, since the axes' limits hold every mark."""
    for day, row, n_sources in marks:
        axes.annotate(
            str(n_sources),
            (date2num(day), row + style["lane"]),
            xytext=(_area(n_sources) ** 0.5 / 2 + 4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
            color=style["color"],
            annotation_clip=False,
        )


def _legend_handle(style: dict) -> Line2D:
    return Line2D(
        [],
        [],
        linestyle="none",
        marker=style["marker"],
        markersize=8,
        label=style["label"],
        markeredgecolor=style["color"],
        markerfacecolor=style["color"] if style["filled"] else "white",
    )
