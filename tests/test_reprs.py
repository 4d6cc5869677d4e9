"""Notebook forms: short reprs of the big objects, and escaped HTML tables."""

from __future__ import annotations

from datetime import date

import attrs

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
)
from peelmodel._html import block, table
from peelmodel.analysis import assess

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
        html = table(("a<", "b"), [("<td>", None)], caption="c & d")
        assert html == (
            "<table><caption>c &amp; d</caption><thead><tr><th>a&lt;</th><th>b</th></tr></thead>"
            "<tbody><tr><td>&lt;td&gt;</td><td></td></tr></tbody></table>"
        )

    def test_block_escapes_title_only(self):
        """The title is escaped; the parts are HTML already."""
        assert block("<t>", "<p>x</p>") == "<div><p><strong>&lt;t&gt;</strong></p><p>x</p></div>"
