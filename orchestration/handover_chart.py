"""The handover timeline chart: one row per district, dates along the bottom, one mark per date sources give.

Pure drawing, no I/O: the Dagster asset reads the marts and writes the files. It draws on matplotlib's Agg
canvas, which needs no display, so it runs the same in a terminal, a test or a Dagster worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

# Each kind of mark keeps its own lane inside a district's row, so a deadline and an entry on one day both show.
# A postponement that gives no new date is drawn hollow at the district's first date: the deadline it moved.
_STYLES = {
    "scheduled": {"label": "scheduled", "marker": "o", "color": "#1f77b4", "lane": 0.22, "filled": False},
    "postponed": {"label": "postponed to this date", "marker": ">", "color": "#ff7f0e", "lane": 0.0, "filled": True},
    "postponed_undated": {"label": "postponed, no new date", "marker": ">", "color": "#ff7f0e", "lane": 0.0,
                          "filled": False},
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
    figure = Figure(figsize=(10, 1.8 + 0.9 * max(len(districts), 1)), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    placed = _placed(marks)
    for district in districts:
        days = [day for name, _, day, _ in placed if name == district]
        if len(days) > 1:
            axes.plot([min(days), max(days)], [rows[district]] * 2, color="#bbbbbb", linewidth=1, zorder=1)
    for kind, style in _STYLES.items():  # one collection per kind of mark, not one per mark: a draw visits each
        _draw_marks(axes, style, [(day, rows[district], n) for district, mark, day, n in placed if mark == kind])
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
    axes.legend(handles=[_legend_handle(style) for style in _STYLES.values()], loc="upper left",
                bbox_to_anchor=(1.01, 1), frameon=False)
    return figure


def _placed(marks: list[HandoverMark]) -> list[tuple[str, str, date, int]]:
    """(district, style, date, n_sources) of every mark that can stand on the time axis."""
    placed = [(m.district, m.event_type, m.event_date, m.n_sources) for m in marks
              if m.event_date is not None and m.event_type in _STYLES]
    first_days = {}
    for district, _, day, _ in placed:
        first_days[district] = min(day, first_days.get(district, day))
    placed += [(m.district, "postponed_undated", first_days[m.district], m.n_sources) for m in marks
               if m.event_type == "postponed" and m.event_date is None and m.district in first_days]
    return placed


def _draw_marks(axes: Axes, style: dict, marks: list[tuple[date, int, int]]) -> None:
    """Marks of one style at (day, row, n_sources), sized and labelled by their number of sources. The labels
    stay out of the layout: they sit inside the axes, and measuring hundreds of them dominated the drawing."""
    if not marks:
        return
    areas = [40 + 30 * min(n_sources, 10) for _, _, n_sources in marks]
    axes.scatter([day for day, _, _ in marks], [row + style["lane"] for _, row, _ in marks], s=areas,
                 marker=style["marker"], zorder=3, edgecolors=style["color"],
                 facecolors=style["color"] if style["filled"] else "white", linewidths=1.5)
    for (day, row, n_sources), area in zip(marks, areas):
        label = axes.annotate(str(n_sources), (day, row + style["lane"]), xytext=(area ** 0.5 / 2 + 4, 0),
                              textcoords="offset points", va="center", fontsize=8, color=style["color"])
        label.set_in_layout(False)


def _legend_handle(style: dict) -> Line2D:
    return Line2D([], [], linestyle="none", marker=style["marker"], markersize=8, label=style["label"],
                  markeredgecolor=style["color"], markerfacecolor=style["color"] if style["filled"] else "white")
