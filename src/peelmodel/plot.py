"""The report's charts, drawn with matplotlib (the ``plot`` extra).

Each function returns a :class:`matplotlib.figure.Figure` built with the
object API, touching no pyplot state: a notebook shows it, and
``chart.savefig(path)`` writes it. Values are drawn as floats (matplotlib
draws nothing else); the labels print each published value exactly as the
report does.

>>> from peelmodel import datasets
>>> chart = against_national(datasets.load("hampshire-2015"), source="Figure 4")
>>> [label.get_text() for label in chart.axes[0].get_yticklabels()][:2]
['Charged/summonsed', 'Taken into consideration']
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs

from peelmodel import grades
from peelmodel._typecheck import checked
from peelmodel.analysis.assessment import Assessment, assess
from peelmodel.catalogues import areas
from peelmodel.errors import InvalidValueError
from peelmodel.model.area import Force
from peelmodel.model.figure import Basis
from peelmodel.model.grade import Grade, Pillar
from peelmodel.model.inspection import Inspection
from peelmodel.model.question import InspectionQuestion
from peelmodel.model.record import GradesRecord

try:
    import matplotlib.figure  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # without the plot extra: each function says how to install it
    _HAS_MATPLOTLIB = False
else:
    _HAS_MATPLOTLIB = True

__all__ = ["GRADE_COLOURS", "against_national", "grade_distribution", "grades_over_time"]

#: The colour of each grade in charts, and of forces without a recorded grade (``None``).
GRADE_COLOURS: dict[Grade | None, str] = {
    Grade.OUTSTANDING: "#1a9641",
    Grade.GOOD: "#a6d96a",
    Grade.ADEQUATE: "#ffffbf",
    Grade.REQUIRES_IMPROVEMENT: "#fdae61",
    Grade.INADEQUATE: "#d7191c",
    None: "#d9d9d9",
}
_PER = {
    Basis.COUNT: "number",
    Basis.PERCENT: "percent",
    Basis.PER_1000_POPULATION: "per 1,000 population",
    Basis.PER_1000_HOUSEHOLDS: "per 1,000 households",
    Basis.PER_MILLION_POPULATION: "per million population",
    Basis.PERCENTAGE_CHANGE: "percentage change",
}


def _chart(width: float, height: float) -> matplotlib.figure.Figure:
    if not _HAS_MATPLOTLIB:
        raise ImportError("peelmodel.plot needs matplotlib: pip install 'peelmodel[plot]'")
    return matplotlib.figure.Figure(figsize=(width, height), layout="constrained")


@attrs.frozen
class _Bar:
    """One published value of one area, its range, and the category it is drawn in."""

    category: tuple[str, str]
    label: str
    per: str
    area: str
    published: Decimal
    low: Fraction
    high: Fraction | None


def _bars(assessment: Assessment, source: str) -> list[_Bar]:
    inspection = assessment.inspection
    wanted = {inspection.force.id, areas.ENGLAND_AND_WALES.id}
    found: list[tuple[tuple[str, str], str, str, str, Decimal, str]] = [
        ((f.measure, f.basis.value), f.label, _PER[f.basis], f.area.id, f.published, f.id)
        for f in inspection.figures
        if f.source == source and f.area.id in wanted and f.published is not None
    ]
    rates = [item for item in found if item[2] != _PER[Basis.COUNT]]
    found = rates or found
    found += [
        (
            (r.outcome_id, "rate"),
            r.outcome.name,
            "per 100 offences",
            r.area.id,
            r.rate,
            f"{r.id}.rate",
        )
        for r in inspection.outcome_rates
        if r.source == source and r.area.id in wanted and r.rate is not None
    ]
    bars = []
    for category, label, per, area, published, figure_id in found:
        result = assessment.figure(figure_id)
        high = result.high if result.bounded else None
        bars.append(_Bar(category, label, per, area, published, result.low, high))
    return bars


@checked
def against_national(
    result: Assessment | Inspection, *, source: str = "Figure 2"
) -> matplotlib.figure.Figure:
    """A force's published values beside England and Wales', as the report's figure *source*.

    One pair of bars per measure, in the report's order: crime rates per
    1,000 population for ``"Figure 2"``, outcome rates per 100 offences for
    ``"Figure 4"`` (counts are left out where a figure also gives rates).
    Each bar is labelled with its published value, and a short black line
    spans the range the assessment infers for its exact value (which need
    not hold the rounded published value).

    >>> from peelmodel import datasets
    >>> chart = against_national(datasets.load("hampshire-2015"))
    >>> len(chart.axes[0].patches), chart.axes[0].get_xlabel()
    (12, 'per 1,000 population')
    """
    assessment = result if isinstance(result, Assessment) else assess(result)
    force = assessment.inspection.force
    bars = _bars(assessment, source)
    if not bars:
        raise InvalidValueError(
            "against_national",
            "source",
            source,
            f"names no published figure of {force.id} or England and Wales",
        )
    categories = list(dict.fromkeys(bar.category for bar in bars))
    per = bars[0].per
    chart = _chart(8, 1.5 + 0.5 * len(categories))
    axes = chart.subplots()
    for offset, (area, name, colour) in enumerate(
        ((force.id, force.name, "C0"), (areas.ENGLAND_AND_WALES.id, "England and Wales", "C1"))
    ):
        mine = [bar for bar in bars if bar.area == area]
        rows = [categories.index(bar.category) + 0.4 * offset - 0.2 for bar in mine]
        values = [float(bar.published) for bar in mine]
        drawn = axes.barh(rows, values, height=0.4, color=colour, label=name)
        axes.bar_label(drawn, labels=[str(bar.published) for bar in mine], padding=6)
        ranged = [(row, bar) for row, bar in zip(rows, mine, strict=True) if bar.high is not None]
        axes.hlines(
            [row for row, _ in ranged],
            [float(bar.low) for _, bar in ranged],
            [float(bar.high) for _, bar in ranged if bar.high is not None],
            color="black",
            linewidth=3,
            label="inferred range" if offset else "_nolegend_",
        )
    labels = {bar.category: bar.label for bar in bars if bar.area == force.id}
    labels |= {bar.category: bar.label for bar in bars if bar.category not in labels}
    pers = {bar.category: bar.per for bar in bars}
    axes.set_yticks(
        range(len(categories)),
        [labels[c] + ("" if pers[c] == per else f" ({pers[c]})") for c in categories],
    )
    axes.invert_yaxis()
    axes.set_xlabel(per)
    axes.margins(x=0.12)
    chart.suptitle(f"{source}: {force.name} and England and Wales")
    chart.legend(loc="outside lower center", ncols=3)
    return chart


@checked
def grades_over_time(
    force: str | Force, *, record: GradesRecord | None = None
) -> matplotlib.figure.Figure:
    """A force's pillar grades, programme by programme, one line per pillar.

    Grades the record does not hold are gaps in the lines, never guesses;
    grades on the four-grade and five-grade scales are not joined, because
    they cannot be compared (the chart says so when both appear).

    >>> chart = grades_over_time("hampshire")
    >>> [line.get_label() for line in chart.axes[0].get_lines()]
    ['effectiveness', 'efficiency', 'legitimacy']
    """
    history = grades.history(force, record=record)
    programmes = history.programmes
    positions = {programme.id: index for index, programme in enumerate(programmes)}
    chart = _chart(8, 4)
    axes = chart.subplots()
    for colour, pillar in enumerate(Pillar):
        # One line per run of grades on one scale in consecutive programmes: a
        # missing grade, a programme without an entry or a new scale breaks it.
        runs: list[list[tuple[int, int]]] = [[]]
        scale, last = None, -1
        for entry in (e for e in history.entries if e.pillar is pillar):
            position = positions[entry.programme.id]
            if entry.grade is None or entry.programme.scale != scale or position != last + 1:
                runs.append([])
            if entry.grade is not None:
                runs[-1].append((position, entry.grade.rank))
            scale, last = entry.programme.scale, position
        for index, run in enumerate(run for run in runs if run):
            xs, ys = zip(*run, strict=True)
            label = pillar.value if index == 0 else None
            axes.plot(xs, ys, marker="o", color=f"C{colour}", label=label)
    axes.set_xticks(range(len(programmes)), [p.name for p in programmes])
    shown = [g for g in Grade if any(g in scale for scale in history.scales)]
    axes.set_yticks([g.rank for g in shown], [g.label for g in shown])
    chart.suptitle(f"{history.force.name}: PEEL pillar grades")
    chart.legend(loc="outside lower center", ncols=len(Pillar))
    if history.warning:
        chart.text(0.01, 0.01, history.warning, fontsize="small", wrap=True)
    return chart


@checked
def grade_distribution(
    question: str | InspectionQuestion, *, record: GradesRecord | None = None
) -> matplotlib.figure.Figure:
    """How the forces of each region were graded on *question*, as stacked bars.

    One bar per region (Wales is one), one segment per grade of the
    programme's scale, best first, and a grey segment for members without a
    recorded grade; each segment is labelled with its number of forces.

    >>> chart = grade_distribution("peel-2015.effectiveness")
    >>> len(chart.axes[0].patches), chart.axes[0].get_yticklabels()[0].get_text()
    (50, 'North East')
    """
    regions = grades.by_region(question, record=record)
    chosen = regions[0].question
    chart = _chart(8, 1.5 + 0.45 * len(regions))
    axes = chart.subplots()
    names = [areas.get(region.area).name for region in regions]
    left = [0] * len(regions)
    segments: list[tuple[Grade | None, list[int]]] = [
        (grade, [region.counts[grade] for region in regions])
        for grade in chosen.programme.scale.grades
    ]
    segments.append((None, [len(region.members) - region.graded for region in regions]))
    for grade, counts in segments:
        label = "no grade recorded" if grade is None else grade.label
        drawn = axes.barh(
            names, counts, left=left, color=GRADE_COLOURS[grade], label=label, edgecolor="white"
        )
        axes.bar_label(drawn, labels=[str(c) if c else "" for c in counts], label_type="center")
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.invert_yaxis()
    axes.set_xlabel("forces")
    number = f" question {chosen.number}" if chosen.number else ""
    chart.suptitle(f"{chosen.programme.name} {chosen.pillar.value}{number}: grades by region")
    chart.legend(loc="outside lower center", ncols=len(segments), fontsize="small")
    return chart
