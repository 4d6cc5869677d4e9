"""Tests of peelmodel.plot: the report's charts as matplotlib figures."""

from __future__ import annotations

import pytest

from peelmodel import GradesRecord, InvalidValueError, datasets, forces, grades, plot
from peelmodel.catalogues import areas

matplotlib_figure = pytest.importorskip("matplotlib.figure")

FIGURE_2 = [
    "Recorded crime (excluding fraud)",
    "Victim-based crime",
    "Sexual offences",
    "Assault with injury",
    "Burglary in a dwelling (per 1,000 households)",
    "Anti-social behaviour incidents",
]


def _ticks(chart):
    return [label.get_text() for label in chart.axes[0].get_yticklabels()]


def _bar_labels(chart):
    return [text.get_text() for text in chart.axes[0].texts]


class TestAgainstNational:
    def test_figure_2(self, assessment):
        """Figure 2: six crime types, a bar for each area, labelled with the published values."""
        chart = plot.against_national(assessment, source="Figure 2")
        assert isinstance(chart, matplotlib_figure.Figure)
        axes = chart.axes[0]
        assert len(axes.patches) == 12
        assert _ticks(chart) == FIGURE_2
        assert axes.get_xlabel() == "per 1,000 population"
        hampshire = ["62.5", "53.6", "2.0", "7.8", "4.8", "29.0"]
        national = ["63.0", "56.0", "1.6", "6.3", "8.4", "32.9"]
        assert _bar_labels(chart) == [*hampshire, *national]

    def test_figure_4(self, assessment):
        """Figure 4: nine outcome rates per 100 offences for each area."""
        chart = plot.against_national(assessment, source="Figure 4")
        axes = chart.axes[0]
        assert len(axes.patches) == 18
        assert _ticks(chart)[0] == "Charged/summonsed"
        assert axes.get_xlabel() == "per 100 offences"
        assert _bar_labels(chart)[:2] == ["14.4", "0.3"]

    def test_bar_values(self, assessment):
        """Each bar is as long as the published value."""
        chart = plot.against_national(assessment, source="Figure 4")
        widths = [patch.get_width() for patch in chart.axes[0].patches]
        assert widths[0] == pytest.approx(14.4)
        assert widths[9] == pytest.approx(16.0)

    def test_inferred_ranges(self, assessment):
        """Each bar's range line spans the low and high the assessment infers."""
        chart = plot.against_national(assessment, source="Figure 2")
        segments = [
            segment
            for collection in chart.axes[0].collections
            for segment in collection.get_segments()
        ]
        assert len(segments) == 12
        result = assessment.figure("hampshire.recorded-crime.per-1000-population")
        (low, row), (high, _) = segments[0]
        assert (low, high) == (pytest.approx(float(result.low)), pytest.approx(float(result.high)))
        assert row == pytest.approx(-0.2)

    def test_inspection_assessed(self):
        """An inspection is assessed first, and the legend names both areas and the ranges."""
        chart = plot.against_national(datasets.load("hampshire-2015"))
        assert _ticks(chart) == FIGURE_2
        legend = [text.get_text() for text in chart.legends[0].texts]
        assert sorted(legend) == ["England and Wales", "Hampshire Constabulary", "inferred range"]

    def test_unknown_source(self, assessment):
        """A source that names no figures is refused rather than drawn empty."""
        with pytest.raises(InvalidValueError, match="Figure 99"):
            plot.against_national(assessment, source="Figure 99")


class TestGradesOverTime:
    def test_one_point_per_grade(self):
        """Every pillar grade the record holds is a point; the ticks name the programmes."""
        chart = plot.grades_over_time("hampshire")
        history = grades.history("hampshire")
        points = sum(len(line.get_xdata()) for line in chart.axes[0].get_lines())
        assert points == sum(entry.grade is not None for entry in history.entries)
        ticks = [label.get_text() for label in chart.axes[0].get_xticklabels()]
        assert ticks == [programme.name for programme in history.programmes]

    def test_gaps_break_lines(self):
        """A pillar without a grade in one programme is drawn as two lines, not joined."""
        history = grades.history("avon-and-somerset", pillar="effectiveness")
        assert history.entries[0].grade is None
        chart = plot.grades_over_time("avon-and-somerset")
        effectiveness = [line for line in chart.axes[0].get_lines() if line.get_color() == "C0"]
        assert sum(len(line.get_xdata()) for line in effectiveness) == sum(
            entry.grade is not None for entry in history.entries
        )
        assert all(0 not in line.get_xdata() for line in effectiveness)

    def test_missing_programme_breaks_lines(self):
        """A programme the record holds no entry for is a gap, not a joined line."""
        record = datasets.grades_record()
        kept = tuple(
            entry
            for entry in record.entries
            if entry.key != ("hampshire", "peel-2016.effectiveness")
        )
        chart = plot.grades_over_time("hampshire", record=GradesRecord(entries=kept))
        effectiveness = [line for line in chart.axes[0].get_lines() if line.get_color() == "C0"]
        assert [list(line.get_xdata()) for line in effectiveness] == [[1], [3, 4]]

    def test_grade_ticks(self):
        """The grade axis is labelled with the four grades of the scale."""
        chart = plot.grades_over_time(forces.get("durham"))
        labels = [label.get_text() for label in chart.axes[0].get_yticklabels()]
        assert labels == ["Outstanding", "Good", "Requires improvement", "Inadequate"]


class TestGradeDistribution:
    def test_segments(self):
        """Ten regions, five segments each: four grades and no grade recorded."""
        chart = plot.grade_distribution("peel-2015.effectiveness")
        axes = chart.axes[0]
        assert len(axes.patches) == 50
        assert _ticks(chart)[0] == "North East"
        assert _ticks(chart)[-1] == "Wales"

    def test_widths_count_members(self):
        """The segments of a region add up to its number of forces."""
        chart = plot.grade_distribution("peel-2016.legitimacy")
        patches = chart.axes[0].patches
        regions = grades.by_region("peel-2016.legitimacy")
        for index, region in enumerate(regions):
            widths = [patches[index + len(regions) * segment].get_width() for segment in range(5)]
            assert sum(widths) == len(region.members)
            assert areas.get(region.area).name == _ticks(chart)[index]


class TestMissingMatplotlib:
    def test_install_hint(self, monkeypatch):
        """Without matplotlib, a chart function says which extra to install."""
        monkeypatch.setattr(plot, "_HAS_MATPLOTLIB", False)
        with pytest.raises(ImportError, match=r"pip install 'peelmodel\[plot\]'"):
            plot.grades_over_time("kent")
