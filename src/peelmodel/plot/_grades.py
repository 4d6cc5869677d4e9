"""Charts of the grades record: how each region's forces were graded; the colours and styles of grades."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from peelmodel import grades
from peelmodel._typecheck import checked
from peelmodel.catalogues import areas
from peelmodel.grades import Distribution
from peelmodel.model.grade import Grade
from peelmodel.model.question import InspectionQuestion
from peelmodel.model.record import GradeEntry, GradesRecord, RecordState
from peelmodel.plot._chart import Chart, footnote, new_figure

__all__ = ["GRADE_COLOURS", "STATE_STYLES", "grade_distribution", "record_note"]

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


def record_note(entries: Sequence[GradeEntry], what: str) -> str:
    """The footnote's source line: the record, what is drawn, how many pages and their dates."""
    dates = sorted(entry.last_updated for entry in entries if entry.last_updated is not None)
    sources = len({entry.source for entry in entries if entry.source})
    updated = f", pages last updated {dates[0]:%B %Y} to {dates[-1]:%B %Y}" if dates else ""
    plural = "" if sources == 1 else "s"
    return f"Source: peelmodel's PEEL grades record, {what}: {sources} HMIC/HMICFRS page{plural}{updated}."


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
    footnote(figure, [record_note(held, chosen.id), f"Scale: {chosen.programme.scale.id}."])
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
