"""Tests of peelmodel.plot: charts that show themselves, read from their figures, not pixels."""

from __future__ import annotations

import importlib.util
import itertools
import re
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from peelmodel import (
    Grade,
    GradeEntry,
    GradesRecord,
    InspectionQuestion,
    InvalidValueError,
    Pillar,
    RecordState,
    datasets,
    forces,
    grades,
    plot,
    programmes,
)
from peelmodel.arithmetic import places
from peelmodel.catalogues import areas, questions
from peelmodel.model.question import QuestionLevel
from peelmodel.plot import _chart, _history

matplotlib_figure = pytest.importorskip("matplotlib.figure")
ROOT = Path(__file__).resolve().parent.parent
matplotlib_image = pytest.importorskip("matplotlib.image")

FIGURE_2 = [
    "Recorded crime (excluding fraud)",
    "Victim-based crime",
    "Sexual offences",
    "Assault with injury",
    "Burglary in a dwelling\n(per 1,000 households)",
    "Anti-social behaviour incidents",
]
FOUR_GRADES = ["Outstanding", "Good", "Requires improvement", "Inadequate"]
STATE_ROWS = ["not inspected", "not graded", "unknown"]
PNG = b"\x89PNG\r\n\x1a\n"


def _axes(chart, index=0):
    return chart.figure.axes[index]


def _ticks(chart, index=0):
    return [label.get_text() for label in _axes(chart, index).get_yticklabels()]


def _bar_labels(chart):
    return [text.get_text() for text in _axes(chart).texts]


def _legend(chart, index=0):
    legend = _axes(chart, index).get_legend() or chart.figure.legends[0]
    return [text.get_text() for text in legend.get_texts()]


def _xticks(chart, index=0):
    """The programmes under a panel, as one line each."""
    return [label.get_text().replace("\n", " ") for label in _axes(chart, index).get_xticklabels()]


def _overlapping(labels):
    """Whether any two of *labels* (drawn) overlap across."""
    boxes = sorted((label.get_window_extent() for label in labels), key=lambda box: box.x0)
    return any(after.x0 < before.x1 for before, after in itertools.pairwise(boxes))


def _graded_lines(chart, index=0):
    """The lines that join grades: drawn with a line and a marker."""
    lines = _axes(chart, index).get_lines()
    return [line for line in lines if "None" not in {line.get_linestyle(), line.get_marker()}]


def _footnote(chart):
    return chart.figure.get_supxlabel()


def _mixed_record():
    """The shipped record with made-up five-grade entries for Hampshire, to draw two scales."""
    made: list[GradeEntry] = []
    chosen = {
        "peel-2021-22": (Grade.ADEQUATE, Grade.GOOD, None),
        "peel-2023-25": (Grade.ADEQUATE, Grade.REQUIRES_IMPROVEMENT, Grade.GOOD),
    }
    for programme, found in chosen.items():
        for pillar, grade in zip(Pillar, found, strict=False):
            question = InspectionQuestion(
                programme=programmes.get(programme),
                pillar=pillar,
                number="",
                text=pillar.value,
                graded=True,
            )
            made.append(
                GradeEntry(
                    force=forces.get("hampshire"),
                    question=question,
                    state=RecordState.GRADED if grade else RecordState.UNKNOWN,
                    grade=grade,
                    last_updated=date(2024, 1, 1),
                    source=f"https://example.org/{programme}",
                )
            )
    return GradesRecord(entries=(*datasets.grades_record().entries, *made))


class TestChart:
    def test_wraps_a_figure(self, assessment):
        """Every chart function gives a Chart holding a matplotlib Figure outside pyplot."""
        charts = [
            plot.against_national(assessment),
            plot.inferred_ranges(assessment),
            plot.grades_over_time("hampshire"),
            plot.grade_distribution("peel-2015.effectiveness"),
        ]
        for chart in charts:
            assert isinstance(chart, plot.Chart)
            assert isinstance(chart.figure, matplotlib_figure.Figure)
            assert chart.figure.canvas.manager is None  # no pyplot window or global figure

    def test_repr_png(self):
        """Jupyter gets a PNG drawn at twice the size it is shown at."""
        chart = plot.grades_over_time("hampshire")
        data, shown = chart._repr_png_()
        assert data.startswith(PNG)
        width, height = chart.figure.get_size_inches()
        assert shown == {"width": round(width * 100), "height": round(height * 100)}

    def test_ipython_displays_it(self):
        """IPython's display formatter finds an image/png for a chart, no magic needed."""
        formatters = pytest.importorskip("IPython.core.formatters")
        data, _ = formatters.DisplayFormatter().format(plot.grades_over_time("hampshire"))
        assert data["image/png"].startswith(PNG)
        assert data["text/plain"].startswith("<Chart ")

    def test_save(self, tmp_path):
        """save writes the format its suffix names, at the size of the figure."""
        chart = plot.grade_distribution("peel-2015.effectiveness")
        chart.save(tmp_path / "chart.png")
        chart.save(tmp_path / "chart.svg")
        image = matplotlib_image.imread(tmp_path / "chart.png")
        width, height = chart.figure.get_size_inches()
        assert image.shape[:2] == (round(height * 100), round(width * 100))
        assert "<svg" in (tmp_path / "chart.svg").read_text(encoding="utf-8")
        assert chart.svg().lstrip().startswith("<?xml")

    def test_repr_short(self):
        """A chart's repr names its title, panels and size on one short line."""
        text = repr(plot.grades_over_time("hampshire", record=_mixed_record()))
        assert text.startswith(
            "<Chart 'Hampshire Constabulary: PEEL grades by programme': 2 panels"
        )
        assert len(text) < 300

    def test_install_hint(self, monkeypatch):
        """Without matplotlib, a chart function says which extra to install."""
        monkeypatch.setattr(_chart, "_HAS_MATPLOTLIB", False)
        with pytest.raises(ImportError, match=r"pip install 'peelmodel\[plot\]'"):
            plot.grades_over_time("kent")


class TestAgainstNational:
    def test_figure_2(self, assessment):
        """Figure 2: six crime types, a bar for each area, labelled with the published values."""
        chart = plot.against_national(assessment, source="Figure 2")
        axes = _axes(chart)
        assert len(axes.patches) == 12
        assert _ticks(chart) == FIGURE_2
        assert axes.get_xlabel() == "per 1,000 population"
        hampshire = ["62.5", "53.6", "2.0", "7.8", "4.8", "29.0"]
        national = ["63.0", "56.0", "1.6", "6.3", "8.4", "32.9"]
        assert _bar_labels(chart) == [*hampshire, *national]

    def test_figure_4(self, assessment):
        """Figure 4: nine outcome rates per 100 offences for each area."""
        chart = plot.against_national(assessment, source="Figure 4")
        axes = _axes(chart)
        assert len(axes.patches) == 18
        assert _ticks(chart)[0] == "Charged/summonsed"
        assert axes.get_xlabel() == "per 100 offences"
        assert _bar_labels(chart)[:2] == ["14.4", "0.3"]

    def test_bar_values(self, assessment):
        """Each bar is as long as the published value."""
        chart = plot.against_national(assessment, source="Figure 4")
        widths = [patch.get_width() for patch in _axes(chart).patches]
        assert widths[0] == pytest.approx(14.4)
        assert widths[9] == pytest.approx(16.0)

    def test_ranges_span_low_to_high(self, assessment):
        """Each bar's range mark spans the low and high the assessment infers, with caps."""
        chart = plot.against_national(assessment, source="Figure 2")
        bars = [c for c in _axes(chart).collections if c.get_segments()]
        segments = [segment for collection in bars for segment in collection.get_segments()]
        assert len(segments) == 12
        result = assessment.figure("hampshire.recorded-crime.per-1000-population")
        (low, row), (high, _) = segments[0]
        assert (low, high) == (pytest.approx(float(result.low)), pytest.approx(float(result.high)))
        assert row == pytest.approx(-0.2)

    def test_ranges_visible(self, assessment):
        """Range marks are thick, with caps wide enough to see however narrow the range."""
        chart = plot.against_national(assessment, source="Figure 2")
        ranges = [c for c in _axes(chart).collections if c.get_segments()]
        assert all(width >= 2 for c in ranges for width in c.get_linewidths())
        caps = [line for line in _axes(chart).get_lines() if line.get_marker() == "|"]
        assert len(caps) == 4  # a left and a right cap line for each area
        assert all(line.get_markersize() >= 10 for line in caps)

    def test_legend(self):
        """An inspection is assessed first; the legend names both areas and the ranges."""
        chart = plot.against_national(datasets.load("hampshire-2015"))
        assert _ticks(chart) == FIGURE_2
        assert sorted(_legend(chart)) == [
            "England and Wales",
            "Hampshire Constabulary",
            "range the other figures allow",
        ]

    def test_source_and_period(self, report, assessment):
        """The title names the figure and the areas; the footnote the report and the period."""
        chart = plot.against_national(assessment, source="Figure 4")
        assert chart.title == "Figure 4: Hampshire Constabulary and England and Wales"
        assert chart.figure.get_suptitle() == chart.title
        note = _footnote(chart)
        assert f"Source: {report.title} (published 1 February 2016), Figure 4." in note
        assert "Period: 12 months to 30 June 2015." in note

    def test_unknown_source(self, assessment):
        """A source that names no figures is refused rather than drawn empty."""
        with pytest.raises(InvalidValueError, match="Figure 99"):
            plot.against_national(assessment, source="Figure 99")


class TestInferredRanges:
    def test_one_row_per_value(self, assessment):
        """One row per published value of the figure, labelled with it as published."""
        chart = plot.inferred_ranges(assessment, source="Figure 2")
        ticks = _ticks(chart)
        assert len(ticks) == 12
        assert ticks[0] == "Recorded crime (excluding fraud): 62.5"
        assert ticks[6] == "Recorded crime (excluding fraud): 63.0"

    def test_ranges_in_units_of_the_last_place(self, assessment):
        """Each range is drawn as (value - published) in units of the last published place."""
        chart = plot.inferred_ranges(assessment, source="Figure 4")
        lines = [c for c in _axes(chart).collections if c.get_segments()]
        segments = [segment for collection in lines for segment in collection.get_segments()]
        result = assessment.figure("hampshire.outcomes.type-1.rate")
        published = Fraction(result.claim.published)
        unit = Fraction(1, 10 ** places(result.claim.published))
        (start, row), (end, _) = segments[0]
        assert row == 0
        assert start == pytest.approx(float((result.low - published) / unit))
        assert end == pytest.approx(float((result.high - published) / unit))
        assert all(line.get_linewidth() >= 5 for line in lines)

    def test_rounding_bands(self, assessment):
        """Every row has the band of values that round to its published value, -1/2 to +1/2."""
        chart = plot.inferred_ranges(assessment, source="Figure 2")
        bands = _axes(chart).patches
        assert len(bands) == 12
        assert all(band.get_x() == -0.5 and band.get_width() == 1 for band in bands)

    def test_legend_and_notes(self, assessment):
        """The legend names each area's ranges and the bands; the footnote the source."""
        chart = plot.inferred_ranges(assessment, source="Figure 2")
        assert _legend(chart) == [
            "Hampshire Constabulary: values the other figures allow",
            "England and Wales: values the other figures allow",
            "values that round to it",
        ]
        assert "Figure 2." in _footnote(chart)
        assert "Period: 12 months to 30 June 2015." in _footnote(chart)


class TestGradesOverTime:
    def test_one_point_per_grade(self):
        """Every pillar grade the record holds is a point; the ticks name the programmes."""
        chart = plot.grades_over_time("hampshire")
        history = grades.history("hampshire")
        lines = _graded_lines(chart)
        assert sum(len(line.get_xdata()) for line in lines) == sum(
            entry.grade is not None for entry in history.entries
        )
        assert _xticks(chart) == [programme.name for programme in history.programmes]

    def test_areas_in_the_five_grade_panel(self):
        """By default the areas' grades are drawn, one point each, in the five-grade panel."""
        chart = plot.grades_over_time("metropolitan")
        drawn = [
            e
            for e in grades.history("metropolitan", areas=True).entries
            if e.question.level is QuestionLevel.AREA and e.question.graded
        ]
        assert len(chart.figure.axes) == 2
        lines = _graded_lines(chart, 1)
        assert sum(len(line.get_xdata()) for line in lines) == sum(
            e.grade is not None for e in drawn
        )
        assert _xticks(chart, 1) == ["PEEL 2021/22", "PEEL 2023-25"]
        names = {e.question.text for e in drawn}
        legend = [label.replace("\n", " ") for label in _legend(chart, 1)]
        assert names <= set(legend)
        assert len([label for label in legend if label in names]) == len(names)

    def test_areas_can_be_left_out(self):
        """With areas=False a force's pillar grades alone are drawn, on their own scale."""
        chart = plot.grades_over_time(forces.get("durham"), areas=False)
        assert _ticks(chart) == [*FOUR_GRADES, *STATE_ROWS]
        assert len(chart.figure.axes) == 1
        assert "cannot be compared" not in _footnote(chart)

    def test_ungraded_areas_named_not_drawn(self):
        """Areas HMICFRS never grades are left out of the chart, and the footnote names them."""
        chart = plot.grades_over_time("kent")
        never = {q.text for q in questions.areas() if not q.graded}
        held = {e.question.text for e in grades.history("kent", areas=True).entries}
        assert never & held
        legend = {label.replace("\n", " ") for label in _legend(chart, 1)}
        assert not legend & never
        for name in never & held:
            assert name in _footnote(chart)

    @pytest.mark.parametrize(("force", "core"), [("kent", False), ("derbyshire", True)])
    def test_points_nearer_their_own_row(self, force, core):
        """However many series, a point is within 0.3 of its grade's row, and no two share a place."""
        chart = plot.grades_over_time(force, core=core)
        for index in range(len(chart.figure.axes)):
            places = [
                (x, y)
                for line in _graded_lines(chart, index)
                for x, y in zip(*line.get_data(), strict=True)
            ]
            assert all(abs(y - round(y)) <= 0.3 + 1e-9 for _, y in places)
            assert all(abs(x - round(x)) <= 0.3 + 1e-9 for x, _ in places)
            assert len(places) == len(set(places))

    @pytest.mark.parametrize("count", range(1, 31))
    def test_offsets_bounded(self, count):
        """Offsets of any number of series stay within ±0.3 and give each series its own height."""
        found = _history.offsets(count)
        assert len({dy for _, dy in found}) == count  # no two series' lines coincide
        assert all(abs(dx) <= _history.SPREAD and abs(dy) <= _history.SPREAD for dx, dy in found)

    @pytest.mark.parametrize(("force", "core"), [("kent", False), ("derbyshire", True)])
    def test_series_styles_distinct(self, force, core):
        """Within a panel, no two series share colour, marker and line style."""
        chart = plot.grades_over_time(force, core=core)
        for axes in chart.figure.axes:
            handles = axes.get_legend().legend_handles
            styles = [(h.get_color(), h.get_marker(), h.get_linestyle()) for h in handles]
            assert len(styles) == len(set(styles))

    @pytest.mark.parametrize(("force", "core"), [("kent", False), ("derbyshire", True)])
    def test_legends_beside_their_panels(self, force, core):
        """Each panel has its own legend, outside its plotting area and inside the figure."""
        chart = plot.grades_over_time(force, core=core)
        figure = chart.figure
        figure.draw_without_rendering()
        assert not figure.legends
        for axes in figure.axes:
            legend = axes.get_legend().get_window_extent()
            assert legend.x0 >= axes.get_window_extent().x1
            assert legend.x1 <= figure.bbox.x1

    @pytest.mark.parametrize(("force", "core"), [("kent", False), ("derbyshire", True)])
    def test_programmes_never_overlap(self, force, core):
        """The programmes' names under each panel do not overlap."""
        chart = plot.grades_over_time(force, core=core)
        chart.figure.draw_without_rendering()
        for axes in chart.figure.axes:
            assert not _overlapping(axes.get_xticklabels())

    def test_crowded_names_wrapped_or_turned(self):
        """Names that would touch in a narrow figure are wrapped, then stood up, until they do not."""
        chart = plot.grades_over_time("derbyshire", core=True, areas=False)
        figure = chart.figure
        figure.set_size_inches(5.5, 6)
        figure.draw_without_rendering()
        assert _overlapping(figure.axes[0].get_xticklabels())
        _history._fit_ticks(figure)
        labels = figure.axes[0].get_xticklabels()
        assert not _overlapping(labels)
        assert all("\n" in label.get_text() or label.get_rotation() == 90 for label in labels)

    def test_one_panel_per_scale(self):
        """Four-grade and five-grade programmes are drawn in panels of their own scales."""
        chart = plot.grades_over_time("hampshire", record=_mixed_record())
        assert len(chart.figure.axes) == 2
        assert _ticks(chart, 0) == [*FOUR_GRADES, *STATE_ROWS]
        assert _ticks(chart, 1) == [
            "Outstanding",
            "Good",
            "Adequate",
            "Requires improvement",
            "Inadequate",
            *STATE_ROWS,
        ]
        five = [label.get_text() for label in _axes(chart, 1).get_xticklabels()]
        assert five == ["PEEL 2021/22", "PEEL 2023-25"]
        assert "cannot be compared" in _footnote(chart)

    def test_rows_evenly_spaced(self):
        """Each scale's grades are one row apart: no hole where another scale's grade would be."""
        chart = plot.grades_over_time("hampshire", record=_mixed_record())
        for index in (0, 1):
            ticks = list(_axes(chart, index).get_yticks())
            grades_drawn = len(ticks) - len(STATE_ROWS)
            rows = ticks[:grades_drawn]
            assert [a - b for a, b in itertools.pairwise(rows)] == [1] * (grades_drawn - 1)

    def test_lines_apart(self):
        """Pillars with the same grades are drawn a little apart, each with its own marker."""
        chart = plot.grades_over_time("hampshire")
        lines = _graded_lines(chart)
        at_2017 = {
            float(y) for line in lines for x, y in zip(*line.get_data(), strict=True) if x == 3
        }
        assert len(at_2017) == 3
        assert len({line.get_marker() for line in lines}) == 3

    def test_states_distinct(self, record_with_states):
        """Not graded, not inspected and unknown are drawn differently, in their own rows."""
        record = record_with_states(
            {
                ("humberside", "peel-2015.effectiveness"): RecordState.NOT_GRADED,
                ("humberside", "peel-2016.efficiency"): RecordState.NOT_INSPECTED,
                ("humberside", "peel-2017.legitimacy"): RecordState.UNKNOWN,
            }
        )
        chart = plot.grades_over_time("humberside", record=record)
        points = [line for line in _axes(chart).get_lines() if line.get_linestyle() == "None"]
        styles = {(line.get_fillstyle(), line.get_marker()) for line in points}
        assert ("none", "o") in styles  # not graded: hollow
        assert ("bottom", "s") in styles  # not inspected: half-filled, efficiency's marker
        assert any(marker == "$?$" for _, marker in styles)  # unknown
        rows = dict(zip(_ticks(chart), _axes(chart).get_yticks(), strict=True))
        drawn = {line.get_marker(): float(line.get_ydata()[0]) for line in points}
        assert drawn["$?$"] == pytest.approx(rows["unknown"])
        assert drawn["s"] == pytest.approx(rows["not inspected"])
        legend = _legend(chart)
        assert legend[:3] == ["effectiveness", "efficiency", "legitimacy"]
        assert legend[3:] == [
            "not inspected (an earlier grade stands)",
            "not graded",
            "unknown (no source read states it)",
        ]

    def test_missing_programme_breaks_lines(self):
        """A programme the record holds no entry for is a gap, not a joined line."""
        record = datasets.grades_record()
        kept = tuple(
            entry
            for entry in record.entries
            if entry.key != ("hampshire", "peel-2016.effectiveness")
        )
        chart = plot.grades_over_time("hampshire", record=GradesRecord(entries=kept))
        effectiveness = [line for line in _graded_lines(chart) if line.get_color() == "C0"]
        assert [list(line.get_xdata()) for line in effectiveness] == [[1], [3, 4]]

    def test_source(self):
        """The footnote names the record and the pages it rests on, and says the scales differ."""
        chart = plot.grades_over_time("hampshire")
        history = grades.history("hampshire", areas=True)
        drawn = [
            e
            for e in history.entries
            if e.question.level is not QuestionLevel.AREA or e.question.graded
        ]
        pages = len({entry.source for entry in drawn if entry.source})
        assert f"Source: peelmodel's PEEL grades record, Hampshire Constabulary: {pages} " in (
            _footnote(chart)
        )
        assert "cannot be compared" in _footnote(chart)

    def test_no_entries(self):
        """A force the record holds nothing of is refused, by name."""
        with pytest.raises(InvalidValueError, match="hampshire"):
            plot.grades_over_time("hampshire", record=GradesRecord(entries=()))


class TestGradeDistribution:
    def test_segments(self):
        """Ten regions, one segment per grade of the scale; states only where they occur."""
        chart = plot.grade_distribution("peel-2015.effectiveness")
        assert len(_axes(chart).patches) == 40
        assert _ticks(chart)[0] == "North East"
        assert _ticks(chart)[-1] == "Wales"
        assert _legend(chart) == FOUR_GRADES

    def test_widths_count_members(self):
        """The segments of a region add up to its number of forces."""
        chart = plot.grade_distribution("peel-2017.legitimacy")
        regions = grades.by_region("peel-2017.legitimacy")
        patches = _axes(chart).patches
        segments = len(patches) // len(regions)
        for index, region in enumerate(regions):
            widths = [patches[index + len(regions) * s].get_width() for s in range(segments)]
            assert sum(widths) == len(region.members)
            assert areas.get(region.area).name == _ticks(chart)[index]

    def test_states_distinct(self, record_with_states):
        """Not graded and unknown are separate segments, shaded and hatched differently."""
        record = record_with_states(
            {
                ("kent", "peel-2017.legitimacy"): RecordState.NOT_GRADED,
                ("durham", "peel-2017.legitimacy"): RecordState.UNKNOWN,
            }
        )
        chart = plot.grade_distribution("peel-2017.legitimacy", record=record)
        assert _legend(chart) == [*FOUR_GRADES, "not graded", "unknown (no source read states it)"]
        patches = _axes(chart).patches
        regions = len(_ticks(chart))
        not_graded, unknown = patches[4 * regions], patches[5 * regions]
        assert not_graded.get_hatch() in {None, ""}
        assert unknown.get_hatch() == "///"

    def test_title_and_source(self):
        """The title names the question; the footnote the record and the scale."""
        chart = plot.grade_distribution("peel-2017.legitimacy")
        assert chart.title == "PEEL 2017 legitimacy: grades by region"
        assert "Source: peelmodel's PEEL grades record, peel-2017.legitimacy:" in _footnote(chart)
        assert "Scale: four-grade." in _footnote(chart)


class TestGallery:
    """The gallery page shows every chart of docs/charts.py beside the call that draws it."""

    @staticmethod
    def _gallery():
        spec = importlib.util.spec_from_file_location("gallery_charts", ROOT / "docs" / "charts.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def test_page_shows_each_call_and_image(self):
        """Each image is on the page, right after a doctest of the call that draws it."""
        page = (ROOT / "docs" / "gallery.md").read_text(encoding="utf-8")
        for name, call in self._gallery().GALLERY.items():
            shown = re.search(
                rf">>> {re.escape(call)}\n<Chart [^\n]*>\n\n```\n\n!\[[^\]]*\]\(([^)]*)\)", page
            )
            assert shown, call
            assert shown.group(1) == f"_build/charts/{name}"

    def test_every_image_drawn(self):
        """Every image the gallery and the frames page show is one that docs/charts.py draws."""
        drawn = {f"_build/charts/{name}" for name in self._gallery().GALLERY}
        for page in ("gallery.md", "frames-and-charts.md"):
            text = (ROOT / "docs" / page).read_text(encoding="utf-8")
            assert set(re.findall(r"!\[[^\]]*\]\(([^)]*)\)", text)) <= drawn, page

    def test_write(self, tmp_path):
        """The script draws one PNG per chart, each of its chart's size."""
        gallery = self._gallery()
        gallery.write(tmp_path)
        for name in gallery.GALLERY:
            image = matplotlib_image.imread(tmp_path / name)
            assert image.shape[0] > 400
            assert image.shape[1] > 800
