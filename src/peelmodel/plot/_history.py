"""A force's grades over time: one panel per grading scale, pillars (and core questions) and areas."""

from __future__ import annotations

import itertools
import math
import textwrap
from typing import Any, Final

from peelmodel import grades
from peelmodel._typecheck import checked
from peelmodel.errors import InvalidValueError
from peelmodel.grades import History
from peelmodel.model.area import Force
from peelmodel.model.grade import GradingScale, Pillar
from peelmodel.model.question import QuestionLevel
from peelmodel.model.record import GradeEntry, GradesRecord, RecordState
from peelmodel.plot._chart import Chart, footnote, legend_line, new_figure
from peelmodel.plot._grades import STATE_STYLES, record_note

__all__ = ["grades_over_time", "offsets"]

#: The states without a grade, each in a row of its own under the grades.
_STATES: Final = (RecordState.NOT_INSPECTED, RecordState.NOT_GRADED, RecordState.UNKNOWN)
#: The marker of each state: drawn in the row that names the state.
_STATE_MARKERS: Final[dict[RecordState, dict[str, Any]]] = {
    RecordState.NOT_INSPECTED: {"fillstyle": "bottom"},
    RecordState.NOT_GRADED: {"fillstyle": "none"},
    RecordState.UNKNOWN: {"marker": "$?$"},
}
_ROW_NAMES: Final = {
    RecordState.NOT_INSPECTED: "not inspected",
    RecordState.NOT_GRADED: "not graded",
    RecordState.UNKNOWN: "unknown",
}
#: How far apart the state rows are, in grade steps.
_STATE_GAP: Final = 0.7
_MARKERS: Final = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<")
_LINES: Final = ("-", "--", ":")
#: The preferred vertical distance between two series' points in a row, in grade steps.
_STEP: Final = 0.13
#: The furthest a point is drawn from its own row, in grade steps (or from its programme, across).
SPREAD: Final = 0.3
#: The most series stacked in one column of offsets; more are set across too, about three a column.
_STACKED: Final = 5
_GRID_ROWS: Final = 3
#: The widest a row of state markers is set side by side, in programme steps, and their spacing.
_STATE_SPREAD: Final = 0.3
_STATE_STEP: Final = 0.2
#: The widest a legend label is, in characters per line, and the most lines it has.
_LABEL_WIDTH: Final = 40
_LABEL_LINES: Final = 3
#: The least room between two programmes' names under a panel, in pixels (at 100 per inch).
_TICK_GAP: Final = 6


def offsets(count: int, *, widest: float = 0.15) -> list[tuple[float, float]]:
    """Where each of *count* series is drawn in a cell, (across, up), within ±:data:`SPREAD`.

    Each series has a height of its own, first at the top, so that no two
    lines ever coincide; up to five are stacked, more are also set across in
    up to five columns (at most *widest* apart), neighbours in different
    ones, so that their markers do not cover each other. A point is thus
    always nearer its own row than any other, and a series keeps its place
    in every programme, so an unchanged grade stays a level line.

    >>> offsets(3)
    [(0.0, 0.13), (0.0, 0.0), (0.0, -0.13)]
    >>> max(abs(dy) for _, dy in offsets(15)), max(abs(dx) for dx, _ in offsets(15))
    (0.3, 0.3)
    """
    if count <= 1:
        return [(0.0, 0.0)] * count
    up = min(_STEP, 2 * SPREAD / (count - 1))
    columns = 1 if count <= _STACKED else min(_STACKED, math.ceil(count / _GRID_ROWS))
    across = 0.0 if columns == 1 else min(widest, 2 * SPREAD / (columns - 1))
    found = []
    for index in range(count):
        dx = (index % columns - (columns - 1) / 2) * across
        dy = ((count - 1) / 2 - index) * up
        found.append((round(dx, 6) + 0.0, round(dy, 6) + 0.0))
    return found


def _series(entry: GradeEntry) -> str:
    """What a line follows across programmes: the pillar, the question within it, or the area."""
    return entry.question.local_id


def _series_order(entry: GradeEntry) -> tuple[int, tuple[int, ...]]:
    """Pillars in their order, each followed by its core questions by number; then areas."""
    question = entry.question
    pillar = len(Pillar) if question.pillar is None else tuple(Pillar).index(question.pillar)
    number = tuple(int(part) for part in question.number.split(".")) if question.number else ()
    return (pillar, number)


def _series_label(entry: GradeEntry) -> str:
    """A pillar's name; a core question's pillar, number and text; an area's name; wrapped."""
    question = entry.question
    if question.level is QuestionLevel.HEADLINE and question.pillar is not None:
        return question.pillar.value
    text = question.text
    if question.pillar is not None and question.number:
        text = f"{question.pillar.value} {question.number}: {text}"
    lines = textwrap.wrap(text, _LABEL_WIDTH, max_lines=_LABEL_LINES, placeholder=" ...")
    return "\n".join(lines)


def _style(index: int) -> dict[str, Any]:
    """A series' colour, marker and line: the ten colours again after ten, dashed, then dotted."""
    return {
        "color": f"C{index % 10}",
        "marker": _MARKERS[(index + index // 10) % len(_MARKERS)],
        "linestyle": _LINES[index // 10 % len(_LINES)],
    }


def _shown(history: History) -> tuple[tuple[GradeEntry, ...], tuple[str, ...]]:
    """The entries drawn, and the areas left out because HMICFRS does not grade them at all."""
    drawn = tuple(
        e
        for e in history.entries
        if e.question.level is not QuestionLevel.AREA or e.question.graded
    )
    left_out = {e.question.text: None for e in history.entries if e not in drawn}
    return drawn, tuple(left_out)


class _Panel:
    """One scale's entries, series and rows, and how to draw them on an axes."""

    def __init__(self, entries: tuple[GradeEntry, ...], scale: GradingScale) -> None:
        self.scale = scale
        self.entries = [entry for entry in entries if entry.programme.scale == scale]
        self.programmes = list(dict.fromkeys(entry.programme.id for entry in self.entries))
        self.names = {entry.programme.id: entry.programme.name for entry in self.entries}
        first: dict[str, GradeEntry] = {}
        for entry in self.entries:
            first.setdefault(_series(entry), entry)
        self.series = sorted(first, key=lambda key: _series_order(first[key]))
        #: How many inches one programme takes across, once the figure is sized.
        self.inches_per_step = 1.5
        self.labels = {_series(entry): _series_label(entry) for entry in self.entries}
        self.states = [s for s in _STATES if any(e.state is s for e in self.entries)]
        self.busy = len(self.series) > _STACKED
        # Rows from the top: the scale's grades, best first, then one row per state.
        self.row = {grade: -index for index, grade in enumerate(scale.grades)}
        top = -len(scale.grades) - 0.1
        self.state_row = {s: top - _STATE_GAP * index for index, s in enumerate(_STATES)}

    @property
    def legend_lines(self) -> int:
        """How many lines its legend takes."""
        labels = sum(label.count("\n") + 1 for label in self.labels.values())
        return labels + len(self.states)

    @property
    def kind(self) -> str:
        """What the panel's lines follow."""
        levels = {entry.question.level for entry in self.entries}
        if levels == {QuestionLevel.AREA}:
            return "areas of policing"
        return "pillars and core questions" if QuestionLevel.CORE in levels else "pillars"

    def draw(self, axes: Any) -> None:
        """Draw the panel: grades above the line, other states below it, and its legend."""
        size = {"markersize": 6 if self.busy else 8}
        width = {"lw": 1.5 if self.busy else 2}
        handles = []
        count = len(self.series)
        state_step = 0.0 if count <= 1 else min(_STATE_STEP, 2 * _STATE_SPREAD / (count - 1))
        # Series in a cell sit at most about a quarter of an inch apart across.
        placed = offsets(count, widest=min(0.15, 0.25 / self.inches_per_step))
        for number, (key, offset) in enumerate(zip(self.series, placed, strict=True)):
            style = _style(number) | size | width
            aside = (number - (count - 1) / 2) * state_step
            self._draw_series(axes, key, style, (*offset, aside))
            handles.append(legend_line(self.labels[key], **style))
        for state in self.states:
            shown: dict[str, Any] = {"color": "0.4", "marker": "o", "linestyle": ""}
            handles.append(
                legend_line(STATE_STYLES[state.value][0], **shown | size | _STATE_MARKERS[state])
            )
        self._axes(axes)
        axes.legend(
            handles=handles,
            loc="center left",
            bbox_to_anchor=(1.01, 0.5),
            fontsize="small",
            frameon=False,
            labelspacing=0.6,
        )

    def _draw_series(
        self,
        axes: Any,
        key: str,
        style: dict[str, Any],
        place: tuple[float, float, float],
    ) -> None:
        """One series: its grades joined by lines (moved *dx*, *dy*), its states *aside* in their rows."""
        dx, dy, aside = place
        runs: list[list[tuple[int, float]]] = [[]]
        for entry in (e for e in self.entries if _series(e) == key):
            x = self.programmes.index(entry.programme.id)
            if entry.grade is None:
                runs.append([])
                point = (x + aside, self.state_row[entry.state])
                marked = style | _STATE_MARKERS[entry.state] | {"linestyle": ""}
                if entry.state is RecordState.UNKNOWN:
                    marked["markersize"] = style["markersize"] + 3
                axes.plot([point[0]], [point[1]], **marked)
                continue
            if runs[-1] and runs[-1][-1][0] != x - 1:
                runs.append([])
            runs[-1].append((x, self.row[entry.grade] + dy))
        for run in (run for run in runs if run):
            xs, ys = zip(*run, strict=True)
            axes.plot([x + dx for x in xs], ys, **style)

    def _axes(self, axes: Any) -> None:
        levels = self.scale.grades
        axes.axhline(-len(levels) + 0.45, color="0.6", lw=0.8)
        axes.set_xticks(range(len(self.programmes)), [self.names[p] for p in self.programmes])
        axes.set_xlim(-0.5, len(self.programmes) - 0.5)
        ticks = [*(self.row[g] for g in levels), *(self.state_row[s] for s in _STATES)]
        axes.set_yticks(ticks, [*(g.label for g in levels), *(_ROW_NAMES[s] for s in _STATES)])
        axes.set_ylim(min(ticks) - 0.5, 0.5)
        for label in axes.get_yticklabels()[len(levels) :]:
            label.set_fontstyle("italic")
            label.set_color("0.35")
        axes.grid(axis="y", color="0.92")
        axes.set_axisbelow(True)
        axes.spines[["top", "right"]].set_visible(False)
        first, last = self.names[self.programmes[0]], self.names[self.programmes[-1]]
        span = first if first == last else f"{first} to {last}"
        title = f"{self.scale.id} scale, {self.kind}: {span}"
        axes.set_title(title, fontsize="medium", loc="left")


def _fit_ticks(figure: Any) -> None:
    """Wrap the programmes' names under each panel where they would touch; stand them up if still."""
    figure.draw_without_rendering()
    for axes in figure.axes:
        names = [label.get_text() for label in axes.get_xticklabels()]
        if not _crowded(axes.get_xticklabels()):
            continue
        axes.set_xticks(axes.get_xticks(), [name.replace(" ", "\n", 1) for name in names])
        figure.draw_without_rendering()
        if _crowded(axes.get_xticklabels()):
            axes.set_xticks(axes.get_xticks(), names, rotation=90)
    figure.draw_without_rendering()


def _crowded(labels: list[Any]) -> bool:
    """Whether two neighbouring labels are nearer than a few pixels, or overlap."""
    boxes = sorted((label.get_window_extent() for label in labels), key=lambda box: box.x0)
    return any(after.x0 - before.x1 < _TICK_GAP for before, after in itertools.pairwise(boxes))


@checked
def grades_over_time(
    force: str | Force,
    *,
    core: bool = False,
    areas: bool = True,
    record: GradesRecord | None = None,
) -> Chart:
    """A force's grades, programme by programme: one line per pillar, area (or, with *core*, question).

    Each grading scale has its own panel with its own grades: the four
    grades of PEEL 2014 to 2018/19 (pillars, and with *core* their core
    questions), and the five (with *adequate*) of PEEL 2021/22 onward (the
    areas of policing, unless *areas* is false), which HMICFRS says cannot
    be compared with them, so no line crosses from one panel to the other.
    Areas HMICFRS never grades are left out, and the footnote names them.
    Entries without a grade are drawn in their own rows under the grades,
    one row per state: not inspected (half-filled marker), not graded
    (hollow) and unknown (``?``). Series are drawn a little apart, each with
    its own colour and marker and always nearer their own row than any
    other; a line breaks where a grade is missing. Each panel has its legend
    beside it.

    >>> chart = grades_over_time("kent")
    >>> four, five = chart.figure.axes
    >>> [label.get_text() for label in four.get_yticklabels()][:4]
    ['Outstanding', 'Good', 'Requires improvement', 'Inadequate']
    >>> [text.get_text() for text in four.get_legend().get_texts()][:3]
    ['effectiveness', 'efficiency', 'legitimacy']
    >>> [label.get_text() for label in five.get_xticklabels()]
    ['PEEL 2021/22', 'PEEL 2023-25']
    """
    history = grades.history(force, core=core, areas=areas, record=record)
    entries, left_out = _shown(history)
    scales = tuple(dict.fromkeys(entry.programme.scale for entry in entries))
    if not scales:
        raise InvalidValueError(
            "grades_over_time", "force", history.force.id, "has no entries in the grades record"
        )
    panels = [_Panel(entries, scale) for scale in scales]
    longest = max(
        len(line) for p in panels for label in p.labels.values() for line in label.split("\n")
    )
    programmes = max(max(len(p.programmes), 3) for p in panels)
    width = max(9.0, 2.3 + 1.5 * programmes + 0.075 * max(longest, 34))
    heights = [max(4.2, 0.21 * panel.legend_lines + 1.0) for panel in panels]
    figure = new_figure(round(width, 1), round(sum(heights) + 1.2, 1))
    drawn = figure.subplots(len(panels), 1, height_ratios=heights, squeeze=False)[:, 0]
    for axes, panel in zip(drawn, panels, strict=True):
        panel.inches_per_step = 1.5 * programmes / max(len(panel.programmes), 1)
        panel.draw(axes)
    title = f"{history.force.name}: PEEL grades by programme"
    figure.suptitle(title, fontweight="bold")
    notes = [record_note(entries, history.force.name)]
    if len(scales) > 1:
        notes.append(f"{history.warning or grades.SCALES_WARNING}.")
    if left_out:
        notes.append(f"Not drawn: areas HMICFRS does not grade ({', '.join(left_out)}).")
    footnote(figure, notes)
    _fit_ticks(figure)
    return Chart(figure=figure, title=title)
