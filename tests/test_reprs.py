"""Notebook forms: short reprs of the big objects, and escaped HTML tables."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from peelmodel import (
    FOUR_GRADE,
    Figure,
    GradeEntry,
    GradesRecord,
    InspectionQuestion,
    Pillar,
    Programme,
    RecordState,
    datasets,
    forces,
    grades,
    plot,
)
from peelmodel._html import block, number, table
from peelmodel.analysis import aggregation, assess

SHORT = 200


def _marked(report):
    """The report with a first figure whose label holds markup."""
    figure: Figure = report.figures[0]
    marked = attrs.evolve(figure, label="Crime <b>rate</b> & more")
    return attrs.evolve(report, title="A <script> report", figures=(marked, *report.figures[1:]))


class TestInspectionRepr:
    def test_short_and_counted(self, report):
        """The repr names the force, programme and pillar, and counts the contents."""
        text = repr(report)
        assert len(text) < SHORT
        assert text == (
            "<Inspection hampshire peel-2015 effectiveness: "
            f"{len(report.figures)} figures, {len(report.outcome_rates)} outcome rows, "
            f"{len(report.judgments)} judgments>"
        )

    def test_html_rows(self, report):
        """The HTML has one row per judgment, outcome row and figure, under three headers."""
        html = report._repr_html_()
        rows = len(report.judgments) + len(report.outcome_rates) + len(report.figures)
        assert html.count("<tr>") == rows + 3
        assert "Hampshire Constabulary" in html

    def test_html_escapes(self, report):
        """Markup in the title and labels is escaped."""
        html = _marked(report)._repr_html_()
        assert "A &lt;script&gt; report" in html
        assert "Crime &lt;b&gt;rate&lt;/b&gt; &amp; more" in html
        assert "<script>" not in html
        assert "<b>" not in html


class TestAssessmentRepr:
    def test_short_and_counted(self, assessment):
        """The repr counts figures, lost figures and inferred quantities, and says consistent."""
        text = repr(assessment)
        assert len(text) < SHORT
        assert text == (
            "<Assessment hampshire peel-2015 effectiveness: "
            f"{len(assessment.figures)} figures, {len(assessment.lost)} lost, "
            f"{len(assessment.inferred)} quantities inferred, consistent>"
        )

    def test_inconsistent_counted(self, report):
        """An assessment with inconsistent figures says how many."""
        figure = report.figure("hampshire.ocgs.count")
        tampered = attrs.evolve(
            report,
            figures=tuple(
                attrs.evolve(f, published=f.published + 40) if f is figure else f
                for f in report.figures
            ),
        )
        text = repr(assess(tampered))
        assert text.endswith(" inconsistent>")
        assert not text.endswith(" 0 inconsistent>")

    def test_html_rows_and_counts(self, assessment):
        """The HTML has one row per figure, published or lost, and the status counts."""
        html = assessment._repr_html_()
        assert html.count("<tr>") == len(assessment.figures) + len(assessment.lost) + 1
        counts = assessment.counts()
        assert all(f"{count} {status.value}" in html for status, count in counts.items())

    def test_html_escapes(self, report):
        """Markup in a figure's label is escaped."""
        html = assess(_marked(report))._repr_html_()
        assert "Crime &lt;b&gt;rate&lt;/b&gt; &amp; more" in html
        assert "<b>" not in html


class TestReconciliationRepr:
    def test_short_and_counted(self, assessment):
        """The repr counts quantities, exact and unbounded ones, conflicts and limits."""
        reconciliation = assessment.reconciliation
        intervals = reconciliation.intervals
        text = repr(reconciliation)
        assert len(text) < SHORT
        exact = sum(interval.is_exact for interval in intervals)
        unbounded = sum(not interval.is_bounded for interval in intervals)
        assert text == (
            f"<Reconciliation: {len(intervals)} quantities ({exact} exact, {unbounded} unbounded), "
            f"0 conflicts, {len(reconciliation.limits)} limits>"
        )


class TestGradesRecordRepr:
    def test_short_and_counted(self):
        """The repr counts entries, forces, programmes and statements."""
        record = datasets.grades_record()
        text = repr(record)
        assert len(text) < SHORT
        programmes = len({entry.programme.id for entry in record.entries})
        assert text == (
            f"<GradesRecord: {len(record.entries)} entries, 43 forces, {programmes} programmes, "
            f"{len(record.statements)} national statements>"
        )

    def test_html_one_row_per_programme(self):
        """The HTML counts entries by state, one row per programme."""
        record = datasets.grades_record()
        html = record._repr_html_()
        assert html.count("<tr>") == 1 + len({entry.programme.id for entry in record.entries})
        held = sum(entry.programme.id == "peel-2015" for entry in record.entries)
        assert f"<td>PEEL 2015</td><td>{held}</td>" in html

    def test_html_escapes(self):
        """Markup in a programme's name is escaped."""
        programme = Programme(
            id="peel-x", name="PEEL <x>", scale=FOUR_GRADE, starts=date(2015, 1, 1)
        )
        question = InspectionQuestion(
            programme=programme, pillar=Pillar.EFFICIENCY, number="", text="Efficient?", graded=True
        )
        entry = GradeEntry(
            force=forces.get("kent"),
            question=question,
            state=RecordState.UNKNOWN,
            grade=None,
            last_updated=None,
            source=None,
        )
        html = GradesRecord(entries=(entry,))._repr_html_()
        assert "PEEL &lt;x&gt;" in html
        assert "<x>" not in html


class TestHtml:
    def test_table_escapes_every_cell(self):
        """Headers, cells and captions are escaped; None is an empty cell."""
        html = table(("a<", "b"), [("<td>", None), ("x", 1)], caption="c & d")
        assert html == (
            "<table><caption>c &amp; d</caption><thead><tr><th>a&lt;</th><th>b</th></tr></thead>"
            "<tbody><tr><td>&lt;td&gt;</td><td></td></tr><tr><td>x</td><td>1</td></tr></tbody></table>"
        )

    def test_empty_columns_left_out(self):
        """A column with no value in any row is not drawn; with no rows, every header is."""
        html = table(("a", "b", "c"), [("1", None, ""), ("2", None, None)])
        assert "<th>b</th>" not in html
        assert "<th>c</th>" not in html
        assert html.count("<td>") == 2
        assert table(("a", "b"), []).count("<th>") == 2

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (Fraction(165384), "165384"),
            (Fraction(-9), "-9"),
            (Fraction(1, 3), "0.333"),
            (Fraction(2, 3), "0.667"),
            (Fraction(125, 1000), "0.125"),
            (Fraction(1, 2000), "0.001"),
            (Decimal("29.0"), "29.0"),
            (Decimal(-11), "-11"),
            (7, "7"),
            (None, ""),
        ],
    )
    def test_numbers(self, value, shown):
        """Whole numbers as whole numbers, decimals as published, the rest half up to 3 places."""
        assert number(value) == shown

    def test_block_escapes_title_only(self):
        """The title is escaped; the parts are HTML already."""
        assert block("<t>", "<p>x</p>") == "<div><p><strong>&lt;t&gt;</strong></p><p>x</p></div>"


def _results(report, assessment):
    """Every public result object, by name: each must read well in a notebook."""
    record = datasets.grades_record()
    group = aggregation.national([report])
    return {
        "Inspection": report,
        "Assessment": assessment,
        "FigureResult": assessment.figures[0],
        "Reconciliation": assessment.reconciliation,
        "Aggregate": group,
        "AggregateFigure": group.figures[0],
        "GradesRecord": record,
        "GradeEntry": record.entries[0],
        "History": grades.history("hampshire"),
        "Change": grades.changes(force="humberside")[0],
        "Distribution": grades.distribution("peel-2017.legitimacy"),
        "StatementCheck": grades.check_statements()[0],
        "Coverage": grades.coverage()[0],
        "Comparison": assessment.comparisons[0],
        "Conflict": assess(_conflicting(report)).reconciliation.conflicts[0],
    }


NAMES = [
    *("Inspection", "Assessment", "FigureResult", "Reconciliation", "Aggregate"),
    *("AggregateFigure", "GradesRecord", "GradeEntry", "History", "Change", "Distribution"),
    *("StatementCheck", "Coverage", "Comparison", "Conflict"),
]


def _conflicting(report):
    """The report with one rate changed so that it contradicts its count."""
    rates = list(report.outcome_rates)
    rates[0] = attrs.evolve(rates[0], rate=Decimal("40.0"))
    return attrs.evolve(report, outcome_rates=tuple(rates))


class TestEveryResult:
    @pytest.mark.parametrize("name", NAMES)
    def test_repr_short(self, name, report, assessment):
        """Every result's repr is one short line naming its class."""
        text = repr(_results(report, assessment)[name])
        assert len(text) < 300
        assert "\n" not in text
        assert re.match(f"<{name}[ :]", text)

    @pytest.mark.parametrize("name", NAMES)
    def test_html_table(self, name, report, assessment):
        """Every result has an HTML view: a table with a header and at least one row."""
        html = _results(report, assessment)[name]._repr_html_()
        assert "<table>" in html
        assert "<th>" in html
        assert "<td>" in html

    @pytest.mark.parametrize("name", NAMES)
    def test_html_no_empty_column(self, name, report, assessment):
        """No table of an HTML view has a column that is empty in every row."""
        html = _results(report, assessment)[name]._repr_html_()
        for found in re.findall(r"<table>.*?</table>", html):
            rows = [
                re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", found)
            ]
            body = [row for row in rows if row]
            for column in range(len(body[0]) if body else 0):
                assert any(row[column] for row in body), f"{name}: column {column} is empty"

    def test_counts_whole(self, assessment):
        """The assessment's ranges show whole counts as whole numbers, never with places."""
        html = assessment._repr_html_()
        population = next(
            r
            for r in assessment.lost + assessment.figures
            if r.low.denominator == 1 and r.low > 1000
        )
        assert f"<td>{population.low.numerator}</td>" in html
        assert not re.search(r"<td>-?[0-9]+\.000</td>", html)

    def test_published_as_published(self, assessment):
        """Published values keep their places: 29.0 stays 29.0 and -11 stays -11."""
        html = assessment._repr_html_()
        assert "<td>29.0</td>" in html
        assert "<td>-11</td>" in html

    def test_history_summary(self):
        """A history's repr names the force, its entries, span and graded count."""
        history = grades.history("hampshire")
        graded = sum(entry.grade is not None for entry in history.entries)
        assert repr(history) == (
            f"<History hampshire: {len(history.entries)} entries, PEEL 2014 to PEEL 2018/19, "
            f"{graded} graded>"
        )

    def test_distribution_counts(self, record_with_states):
        """A distribution's repr counts each grade and each state that occurs."""
        record = record_with_states(
            {
                ("kent", "peel-2017.legitimacy"): RecordState.UNKNOWN,
                ("durham", "peel-2017.legitimacy"): RecordState.UNKNOWN,
                ("dorset", "peel-2017.legitimacy"): RecordState.NOT_INSPECTED,
            }
        )
        found = grades.distribution("peel-2017.legitimacy", record=record)
        text = repr(found)
        for grade, held in found.by_grade:
            assert f"{grade.value} {len(held)}" in text
        assert len(found.unknown) == 2
        assert "unknown 2" in text
        assert f"not inspected {len(found.not_inspected)}" in text

    def test_entry_states(self):
        """An entry shows its grade, or its state when it has none."""
        record = datasets.grades_record()
        graded = next(e for e in record.entries if e.grade is not None)
        other = next(e for e in record.entries if e.state is RecordState.NOT_INSPECTED)
        assert repr(graded).endswith(f": {graded.grade.label}>")
        assert repr(other).endswith(": not inspected>")

    def test_chart_repr(self):
        """A chart's repr names its title, panels and size."""
        pytest.importorskip("matplotlib")
        text = repr(plot.grades_over_time("hampshire", areas=False))
        assert text.startswith(
            "<Chart 'Hampshire Constabulary: PEEL grades by programme': 1 panel,"
        )
        assert len(text) < 300
