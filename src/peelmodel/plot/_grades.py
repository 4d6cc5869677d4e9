"""Charts of the grades record: a force's grades over time, and how regions were graded."""

from __future__ import annotations

from typing import Any, Final

from peelmodel import grades
from peelmodel._typecheck import checked
from peelmodel.catalogues import areas
from peelmodel.errors import InvalidValueError
from peelmodel.grades import Distribution, History
from peelmodel.model.area import Force
from peelmodel.model.grade import Grade, GradingScale
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.model.record import GradeEntry, GradesRecord, RecordState
from peelmodel.plot._chart import Chart, footnote, legend_line, new_figure

__all__ = ["GRADE_COLOURS", "STATE_STYLES", "grade_distribution", "grades_over_time"]

#: The colour of each grade in charts.
GRADE_COLOURS: Final[dict[Grade, str]] = {
    Grade.OUTSTANDING: "#1a9641",
    Grade.GOOD: "#a6d96a",
    Grade.ADEQUATE: "#ffffbf",
    Grade.REQUIRES_IMPROVEMENT: "#fdae61",
    Grade.INADEQUATE: "#d7191c",
}
#: How each state without a grade is drawn: its label, face colour and hatching.
STATE_STYLES: Final[dict[str, tuple[str, str, str]]] = {
    RecordState.NOT_INSPECTED.value: ("not inspected (an earlier grade stands)", "#bdbdbd", ""),
    RecordState.NOT_GRADED.value: ("not graded", "#f0f0f0", ""),
    RecordState.UNKNOWN.value: ("unknown (no source read states it)", "#ffffff", "///"),
    "missing": ("no entry in the record", "#ffffff", "..."),
}
#: The marker of each state in :func:`grades_over_time`: drawn in the row that names the state.
_STATE_MARKERS: Final[dict[RecordState, dict[str, Any]]] = {
    RecordState.NOT_INSPECTED: {"fillstyle": "bottom"},
    RecordState.NOT_GRADED: {"fillstyle": "none"},
    RecordState.UNKNOWN: {"marker": "$?$", "markersize": 11},
}
_ROW_NAMES: Final = {
    RecordState.NOT_INSPECTED: "not inspected",
    RecordState.NOT_GRADED: "not graded",
    RecordState.UNKNOWN: "unknown",
}
_MARKERS: Final = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<")
#: How far apart the series' points are drawn in a row, so that no line hides another.
_OFFSET: Final = 0.13


def _series(entry: GradeEntry) -> str:
    """What a line follows across programmes: the pillar, or the question within it."""
    return entry.question.id.partition(".")[2]


def _series_label(entry: GradeEntry) -> str:
    question = entry.question
    if question.level is QuestionLevel.HEADLINE and question.pillar is not None:
        return question.pillar.value
    return f"{question.number} {question.text}" if question.number else question.text


def _record_note(entries: tuple[GradeEntry, ...], what: str) -> str:
    dates = sorted(entry.last_updated for entry in entries if entry.last_updated is not None)
    sources = len({entry.source for entry in entries if entry.source})
    updated = f", pages last updated {dates[0]:%B %Y} to {dates[-1]:%B %Y}" if dates else ""
    plural = "" if sources == 1 else "s"
    return f"Source: peelmodel's PEEL grades record, {what}: {sources} HMIC/HMICFRS page{plural}{updated}."


def _scale_panel(axes: Any, history: History, scale: GradingScale, markers: dict[str, int]) -> None:
    """Draw the entries of *history* on *scale*: grades above the line, other states below it."""
    entries = [entry for entry in history.entries if entry.programme.scale == scale]
    programmes = list(dict.fromkeys(entry.programme.id for entry in entries))
    names = {entry.programme.id: entry.programme.name for entry in entries}
    states = [RecordState.NOT_INSPECTED, RecordState.NOT_GRADED, RecordState.UNKNOWN]
    # Rows from the top: the scale's grades, best first, then one row per state.
    levels = [*scale.grades]
    row = {grade: -index for index, grade in enumerate(levels)}
    state_row = {state: -len(levels) - 0.1 - 0.7 * index for index, state in enumerate(states)}
    series = list(dict.fromkeys(_series(entry) for entry in entries))
    for number, key in enumerate(series):
        mine = [entry for entry in entries if _series(entry) == key]
        shift = (number - (len(series) - 1) / 2) * _OFFSET
        style: dict[str, Any] = {"color": f"C{markers[key] % 10}"}
        style["marker"] = _MARKERS[markers[key] % len(_MARKERS)]
        runs: list[list[tuple[float, float]]] = [[]]
        for entry in mine:
            x = programmes.index(entry.programme.id)
            if entry.grade is None:
                runs.append([])
                shown = style | {"markersize": 8} | _STATE_MARKERS[entry.state]
                axes.plot([x + 1.6 * shift], [state_row[entry.state]], linestyle="", **shown)
                continue
            if runs[-1] and runs[-1][-1][0] != x - 1:
                runs.append([])
            runs[-1].append((x, row[entry.grade] + shift))
        for run in (run for run in runs if run):
            xs, ys = zip(*run, strict=True)
            axes.plot(xs, ys, markersize=8, lw=2, **style)
    axes.axhline(-len(levels) + 0.45, color="0.6", lw=0.8)
    axes.set_xticks(range(len(programmes)), [names[p] for p in programmes])
    axes.set_xlim(-0.5, len(programmes) - 0.5)
    ticks = [*(row[g] for g in levels), *(state_row[s] for s in states)]
    axes.set_yticks(ticks, [*(g.label for g in levels), *(_ROW_NAMES[s] for s in states)])
    axes.set_ylim(min(ticks) - 0.5, 0.5)
    for label in axes.get_yticklabels()[len(levels) :]:
        label.set_fontstyle("italic")
        label.set_color("0.35")
    axes.grid(axis="y", color="0.92")
    axes.set_axisbelow(True)
    axes.spines[["top", "right"]].set_visible(False)
    first, last = names[programmes[0]], names[programmes[-1]]
    span = first if first == last else f"{first} to {last}"
    axes.set_title(f"{scale.id.replace('-', ' ')} scale: {span}", fontsize="medium", loc="left")


@checked
def grades_over_time(
    force: str | Force, *, core: bool = False, record: GradesRecord | None = None
) -> Chart:
    """A force's grades, programme by programme: one line per pillar (or question, with *core*).

    Each grading scale has its own panel with its own grades: the four
    grades of PEEL 2014 to 2018/19, and the five (with *adequate*) of PEEL
    2021/22 onward, which HMICFRS says cannot be compared with them, so no
    line crosses from one panel to the other. Entries without a grade are
    drawn in their own rows under the grades, one row per state: not
    inspected (half-filled marker), not graded (hollow) and unknown (``?``).
    Lines are drawn a little apart, each with its own marker, so that none
    hides another. A line breaks where a grade is missing.

    >>> chart = grades_over_time("hampshire")
    >>> axes = chart.figure.axes[0]
    >>> [label.get_text() for label in axes.get_yticklabels()][:4]
    ['Outstanding', 'Good', 'Requires improvement', 'Inadequate']
    >>> [text.get_text() for text in chart.figure.legends[0].get_texts()][:3]
    ['effectiveness', 'efficiency', 'legitimacy']
    """
    history = grades.history(force, core=core, record=record)
    scales = history.scales
    if not scales:
        raise InvalidValueError(
            "grades_over_time", "force", history.force.id, "has no entries in the grades record"
        )
    widths = [
        len({e.programme.id for e in history.entries if e.programme.scale == s}) for s in scales
    ]
    widths = [max(width, 3) for width in widths]  # room for a panel's title and grades
    figure = new_figure(1.3 * sum(widths) + 2.5 + 2 * len(widths), 5.8 if not core else 7.5)
    panels = figure.subplots(1, len(scales), width_ratios=widths, squeeze=False)[0]
    keys = list(dict.fromkeys(_series(entry) for entry in history.entries))
    markers = {key: index for index, key in enumerate(keys)}
    for axes, scale in zip(panels, scales, strict=True):
        _scale_panel(axes, history, scale, markers)
    handles = []
    labels = {_series(entry): _series_label(entry) for entry in history.entries}
    for key in keys:
        style = {"color": f"C{markers[key] % 10}", "marker": _MARKERS[markers[key] % len(_MARKERS)]}
        handles.append(legend_line(labels[key], lw=2, **style))
    for state in (RecordState.NOT_INSPECTED, RecordState.NOT_GRADED, RecordState.UNKNOWN):
        shown: dict[str, Any] = {"color": "0.4", "marker": "o", "linestyle": "", "markersize": 8}
        label = STATE_STYLES[state.value][0]
        handles.append(legend_line(label, **shown | _STATE_MARKERS[state]))
    title = f"{history.force.name}: PEEL grades by programme"
    figure.suptitle(title, fontweight="bold")
    figure.legend(handles=handles, loc="outside right center", fontsize="small", frameon=False)
    notes = [_record_note(history.entries, history.force.name)]
    if history.warning:
        notes.append(f"{history.warning}.")
    footnote(figure, notes)
    return Chart(figure=figure, title=title)


@checked
def grade_distribution(
    question: str | InspectionQuestion, *, record: GradesRecord | None = None
) -> Chart:
    """How the forces of each region were graded on *question*, as stacked bars.

    One bar per region (Wales is one), one segment per grade of the
    programme's own scale, best first, then one segment per state without a
    grade (not inspected, not graded, unknown, no entry), each in its own
    shade or hatching; each segment is labelled with its number of forces.

    >>> chart = grade_distribution("peel-2017.legitimacy")
    >>> axes = chart.figure.axes[0]
    >>> axes.get_yticklabels()[0].get_text()
    'North East'
    >>> [text.get_text() for text in axes.get_legend().get_texts()][3:]  # states that occur
    ['Inadequate', 'not graded']
    """
    regions = grades.by_region(question, record=record)
    chosen = regions[0].question
    figure = new_figure(9, 2.4 + 0.45 * len(regions))
    axes = figure.subplots()
    names = [areas.get(region.area).name for region in regions]
    left = [0] * len(regions)
    for key, counts in _segments(regions):
        if not any(counts) and not isinstance(key, Grade):
            continue  # every grade of the scale is shown; a state only where it occurs
        style: dict[str, Any]
        if isinstance(key, Grade):
            style = {"color": GRADE_COLOURS[key], "label": key.label}
        else:
            label, colour, hatch = STATE_STYLES[key]
            style = {"color": colour, "label": label, "hatch": hatch}
        drawn = axes.barh(names, counts, left=left, edgecolor="0.35", linewidth=0.6, **style)
        axes.bar_label(
            drawn,
            labels=[str(c) if c else "" for c in counts],
            label_type="center",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1} if _hatch(key) else None,
        )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.invert_yaxis()
    axes.set_xlabel("forces")
    axes.spines[["top", "right"]].set_visible(False)
    number = f" question {chosen.number}" if chosen.number else ""
    where = chosen.pillar.value if chosen.pillar is not None else chosen.text.lower()
    title = f"{chosen.programme.name} {where}{number}: grades by region"
    figure.suptitle(title, fontweight="bold")
    axes.set_xlim(0, max(left) + 0.5)
    axes.set_xticks(range(max(left) + 1))
    axes.legend(
        loc="lower center", bbox_to_anchor=(0.5, 1), ncols=4, fontsize="small", frameon=False
    )
    held = grades.select(question=chosen, record=record)
    footnote(figure, [_record_note(held, chosen.id), f"Scale: {chosen.programme.scale.id}."])
    return Chart(figure=figure, title=title)


def _hatch(key: Grade | str) -> str:
    """The hatching of a segment: none for a grade."""
    return "" if isinstance(key, Grade) else STATE_STYLES[key][2]


def _segments(regions: tuple[Distribution, ...]) -> list[tuple[Grade | str, list[int]]]:
    """The bars' segments: each grade of the scale, then each state without a grade."""
    found: list[tuple[Grade | str, list[int]]] = [
        (grade, [region.counts[grade] for region in regions])
        for grade in regions[0].question.programme.scale.grades
    ]
    for state in STATE_STYLES:
        field = state.replace("-", "_")  # not-inspected is held in Distribution.not_inspected
        found.append((state, [len(getattr(region, field)) for region in regions]))
    return found
