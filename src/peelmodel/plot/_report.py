"""The report's charts: a force beside England and Wales, and the exact values behind them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from peelmodel._typecheck import checked
from peelmodel.analysis.assessment import Assessment, assess
from peelmodel.arithmetic import places
from peelmodel.catalogues import areas
from peelmodel.errors import InvalidValueError
from peelmodel.model.figure import Basis
from peelmodel.model.inspection import Inspection
from peelmodel.model.period import Period
from peelmodel.plot._chart import Chart, footnote, legend_line, new_figure

__all__ = ["against_national", "inferred_ranges"]

_PER: Final = {
    Basis.COUNT: "number",
    Basis.PERCENT: "percent",
    Basis.PER_1000_POPULATION: "per 1,000 population",
    Basis.PER_1000_HOUSEHOLDS: "per 1,000 households",
    Basis.PER_MILLION_POPULATION: "per million population",
    Basis.PERCENTAGE_CHANGE: "percentage change",
}
#: The colour of the force's bars and of England and Wales'.
_AREA_COLOURS: Final = ("#1f77b4", "#ff7f0e")
#: The colour of the band of values that round to a published figure.
_BAND_COLOUR: Final = "#d9d9d9"


@attrs.frozen
class _Bar:
    """One published value of one area, the range the assessment allows, and its category."""

    category: tuple[str, str]
    label: str
    per: str
    area: str
    published: Decimal
    period: Period
    low: Fraction
    high: Fraction | None


def _bars(assessment: Assessment, source: str) -> list[_Bar]:
    inspection = assessment.inspection
    wanted = {inspection.force.id, areas.ENGLAND_AND_WALES.id}
    found: list[tuple[tuple[str, str], str, str, str, Decimal, Period, str]] = [
        ((f.measure, f.basis.value), f.label, _PER[f.basis], f.area.id, f.published, f.period, f.id)
        for f in inspection.figures
        if f.source == source and f.area.id in wanted and f.published is not None
    ]
    rates = [item for item in found if item[2] != _PER[Basis.COUNT]]
    found = rates or found
    for r in inspection.outcome_rates:
        if r.source == source and r.area.id in wanted and r.rate is not None:
            category = (r.outcome_id, "rate")
            per = "per 100 offences"
            found.append(
                (
                    category,
                    r.outcome.name,
                    per,
                    r.area.id,
                    r.rate,
                    r.period,
                    f"{inspection.row_id(r)}.rate",
                )
            )
    bars = []
    for category, label, per, area, published, period, figure_id in found:
        result = assessment.figure(figure_id)
        high = result.high if result.bounded else None
        bars.append(_Bar(category, label, per, area, published, period, result.low, high))
    if not bars:
        raise InvalidValueError(
            "plot",
            "source",
            source,
            f"names no published figure of {inspection.force.id} or England and Wales",
        )
    return bars


def _notes(assessment: Assessment, source: str, bars: list[_Bar]) -> list[str]:
    """The footnote: where the figures come from, and the periods they cover."""
    inspection = assessment.inspection
    periods = "; ".join(dict.fromkeys(str(bar.period) for bar in bars))
    published = f"{inspection.published.day} {inspection.published:%B %Y}"
    return [
        f"Source: {inspection.title} (published {published}), {source}.",
        f"Period: {periods}.",
    ]


def _areas(assessment: Assessment) -> tuple[tuple[str, str, str], ...]:
    force = assessment.inspection.force
    return (
        (force.id, force.name, _AREA_COLOURS[0]),
        (areas.ENGLAND_AND_WALES.id, areas.ENGLAND_AND_WALES.name, _AREA_COLOURS[1]),
    )


@checked
def against_national(result: Assessment | Inspection, *, source: str = "Figure 2") -> Chart:
    """A force's published values beside England and Wales', as the report's figure *source*.

    One pair of bars per measure, in the report's order: crime rates per
    1,000 population for ``"Figure 2"``, outcome rates per 100 offences for
    ``"Figure 4"`` (counts are left out where a figure also gives rates).
    Each bar is labelled with its published value, and a black I-beam spans
    the exact values the other figures allow (:func:`inferred_ranges` draws
    those ranges large). The footnote names the report and the period.

    >>> from peelmodel import datasets
    >>> chart = against_national(datasets.load("hampshire-2015"))
    >>> axes = chart.figure.axes[0]
    >>> len(axes.patches), axes.get_xlabel()
    (12, 'per 1,000 population')
    """
    assessment = result if isinstance(result, Assessment) else assess(result)
    force = assessment.inspection.force
    bars = _bars(assessment, source)
    categories = list(dict.fromkeys(bar.category for bar in bars))
    per = bars[0].per
    figure = new_figure(9, 2.2 + 0.55 * len(categories))
    axes = figure.subplots()
    for offset, (area, name, colour) in enumerate(_areas(assessment)):
        mine = [bar for bar in bars if bar.area == area]
        rows = [categories.index(bar.category) + 0.4 * offset - 0.2 for bar in mine]
        drawn = axes.barh(rows, [float(bar.published) for bar in mine], 0.4, color=colour)
        drawn.set_label(name)
        axes.bar_label(drawn, labels=[str(bar.published) for bar in mine], padding=8)
        ranged = [(row, bar) for row, bar in zip(rows, mine, strict=True) if bar.high is not None]
        middles = [float((bar.low + (bar.high or bar.low)) / 2) for _, bar in ranged]
        halves = [float(((bar.high or bar.low) - bar.low) / 2) for _, bar in ranged]
        axes.errorbar(
            middles,
            [row for row, _ in ranged],
            xerr=halves,
            fmt="none",
            ecolor="black",
            elinewidth=2.5,
            capsize=6,
            capthick=2.5,
            label="range the other figures allow" if offset else "_nolegend_",
        )
    labels = {bar.category: bar.label for bar in reversed(bars)}
    labels |= {bar.category: bar.label for bar in bars if bar.area == force.id}
    pers = {bar.category: bar.per for bar in bars}
    axes.set_yticks(
        range(len(categories)),
        [labels[c] + ("" if pers[c] == per else f"\n({pers[c]})") for c in categories],
    )
    axes.invert_yaxis()
    axes.set_xlabel(per)
    axes.margins(x=0.1)
    axes.spines[["top", "right"]].set_visible(False)
    title = f"{source}: {force.name} and England and Wales"
    figure.suptitle(title, fontweight="bold")
    axes.legend(loc="lower right", fontsize="small")
    footnote(figure, _notes(assessment, source, bars))
    return Chart(figure=figure, title=title)


def _span(bar: _Bar) -> tuple[Fraction, Fraction | None]:
    """*bar*'s range, in units of its last published place, from its published value."""
    unit = Fraction(1, 10 ** places(bar.published))
    published = Fraction(bar.published)
    high = None if bar.high is None else (bar.high - published) / unit
    return (bar.low - published) / unit, high


@checked
def inferred_ranges(result: Assessment | Inspection, *, source: str = "Figure 2") -> Chart:
    """What the report's other figures say about the exact values behind figure *source*.

    One row per published value of the force and of England and Wales. Each
    row is drawn in units of the value's last published place, centred on
    the published value: the grey band holds every exact value that rounds
    to it (half up), and the black bar the exact values the other figures
    allow. A bar narrower than the band means the other figures pin the
    value down more than its rounding; an arrow means no figure bounds it
    from above.

    >>> from peelmodel import datasets
    >>> chart = inferred_ranges(datasets.load("hampshire-2015"), source="Figure 4")
    >>> axes = chart.figure.axes[0]
    >>> axes.get_yticklabels()[0].get_text(), len(axes.get_yticklabels())
    ('Charged/summonsed: 14.4', 18)
    """
    assessment = result if isinstance(result, Assessment) else assess(result)
    force = assessment.inspection.force
    bars = _bars(assessment, source)
    figure = new_figure(9, 2.2 + 0.3 * len(bars))
    axes = figure.subplots()
    rows: list[str] = []
    handles = []
    spans = {id(bar): _span(bar) for bar in bars}
    reach = max([Fraction(1, 2), *(abs(v) for s in spans.values() for v in s if v is not None)])
    for area, name, colour in _areas(assessment):
        for bar in (bar for bar in bars if bar.area == area):
            index = len(rows)
            axes.barh(index, 1, 0.7, -0.5, color=_BAND_COLOUR)
            start, end = spans[id(bar)]
            right = float(reach) + 0.1 if end is None else float(end)
            axes.hlines(index, float(start), right, colour, lw=6)
            if end is None:  # nothing bounds it from above
                axes.plot(right, index, marker=">", color=colour, markersize=9)
            rows.append(f"{bar.label}: {bar.published}")
        handles.append(legend_line(f"{name}: values the other figures allow", color=colour, lw=6))
        if area != areas.ENGLAND_AND_WALES.id:
            axes.axhline(len(rows) - 0.5, color="0.6", lw=0.8)
    band = legend_line("values that round to it", color=_BAND_COLOUR, lw=10)
    axes.set_yticks(range(len(rows)), rows, fontsize="small")
    axes.invert_yaxis()
    axes.axvline(0, color="black", lw=0.8)
    axes.set_xlim(-float(reach) - 0.25, float(reach) + 0.25)
    axes.set_xticks([-0.5, 0, 0.5], ["−½", "published\nvalue", "+½"])
    axes.set_xlabel("exact value − published value, in units of the last published place")
    axes.spines[["top", "right"]].set_visible(False)
    title = f"{source}: the exact values behind {force.name}'s published figures"
    figure.suptitle(title, fontweight="bold")
    axes.legend(
        handles=[*handles, band],
        loc="lower center",
        bbox_to_anchor=(0.5, 1),
        ncols=2,
        fontsize="small",
        frameon=False,
    )
    footnote(figure, _notes(assessment, source, bars))
    return Chart(figure=figure, title=title)
