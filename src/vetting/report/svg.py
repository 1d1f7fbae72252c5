"""The category chart's geometry: horizontal bars, one per category, with the level thresholds.

Only numbers and texts are computed here; the SVG markup is in the HTML
template (`reports/_chart.html.j2`), so Jinja2's autoescape covers every text
and a user can restyle the chart. Coordinates are fixed-point strings, so the
same scores always give byte-identical SVG.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Bar colours per level: at least 3:1 against white (WCAG 1.4.11, non-text contrast).
LEVEL_FILL = {
    "low": "#2e7d32",
    "moderate": "#8a6100",
    "high": "#c2410c",
    "critical": "#991b1b",
}
TRACK_FILL = "#e8e8e8"
INK = "#1a1a1a"

WIDTH = 480
PLOT_WIDTH = 400
TOP = 24
LABEL_SIZE = 14
BAR_HEIGHT = 11
#: How far below its baseline a label's lowest stroke may reach (descenders of g, p, ç, ...):
#: threshold marks start under it, so they never cross a section's name.
DESCENT = round(LABEL_SIZE * 0.3)
#: Gap between a label's lowest stroke and the top of a threshold mark.
GAP = 2
#: One row: the label, the gap, the mark over the bar, the bar, the mark under it, a gap.
ROW = LABEL_SIZE + DESCENT + GAP + 2 + BAR_HEIGHT + 2 + 4


@dataclass(frozen=True)
class Bar:
    """One category: its label above, its bar below, the score right of the track."""

    label: str
    value: str
    level: str
    level_name: str
    fill: str
    label_y: str
    bar_y: str
    bar_width: str
    value_x: str
    value_y: str
    tick_top: str
    tick_bottom: str


@dataclass(frozen=True)
class Tick:
    """A level threshold: its label on top, a short mark across each bar."""

    x: str
    label: str


@dataclass(frozen=True)
class BarChart:
    """Everything the template needs to draw the chart."""

    width: int
    height: int
    plot_width: int
    bar_height: int
    label_size: int
    track: str
    ink: str
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]


def _fx(value: float) -> str:
    """A coordinate with one decimal, always the same text for the same value."""
    return f"{value:.1f}"


def bar_chart(
    rows: list[tuple[str, float, str, str, str]],
    thresholds: list[tuple[float, str]],
) -> BarChart:
    """Rows of (label, score 0-100, value text, level, level name); thresholds (score, label)."""
    bars: list[Bar] = []
    for index, (label, score, value, level, level_name) in enumerate(rows):
        top = TOP + index * ROW
        clamped = max(0.0, min(100.0, score))
        width = PLOT_WIDTH * clamped / 100
        baseline = top + LABEL_SIZE
        tick_top = baseline + DESCENT + GAP
        bar_y = tick_top + 2
        bars.append(
            Bar(
                label=label,
                value=value,
                level=level,
                level_name=level_name,
                fill=LEVEL_FILL.get(level, INK),
                label_y=_fx(baseline),
                bar_y=_fx(bar_y),
                bar_width=_fx(max(width, 1.5)),
                # Values in a column right of the track: never crossed by a threshold mark.
                value_x=_fx(PLOT_WIDTH + 8),
                value_y=_fx(bar_y + BAR_HEIGHT - 1),
                tick_top=_fx(tick_top),
                tick_bottom=_fx(bar_y + BAR_HEIGHT + 2),
            )
        )
    height = TOP + len(rows) * ROW + 4
    ticks = tuple(
        Tick(x=_fx(PLOT_WIDTH * max(0.0, min(100.0, at)) / 100), label=text)
        for at, text in thresholds
    )
    return BarChart(
        width=WIDTH,
        height=height,
        plot_width=PLOT_WIDTH,
        bar_height=BAR_HEIGHT,
        label_size=LABEL_SIZE,
        track=TRACK_FILL,
        ink=INK,
        bars=tuple(bars),
        ticks=ticks,
    )
