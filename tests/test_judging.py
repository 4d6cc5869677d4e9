"""Checks of graded judgments and the modelled overall grade."""

from __future__ import annotations

from datetime import date

import pytest

from peelmodel import Grade, Inspection, Judgment, Pillar, datasets
from peelmodel.analysis.judging import modelled_overall, overall_anomalies, question_grades
from peelmodel.catalogues import forces, programmes, questions
from peelmodel.errors import InvalidValueError

G, RI, OUT, BAD = Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.OUTSTANDING, Grade.INADEQUATE


def inspection(overall: Grade | None, *grades: Grade) -> Inspection:
    """A PEEL 2015 effectiveness inspection with these overall and question grades."""
    judgments = [
        Judgment(question=questions.get(f"peel-2015.effectiveness.{n}"), grade=grade)
        for n, grade in enumerate(grades, start=1)
    ]
    if overall is not None:
        judgments.insert(
            0, Judgment(question=questions.get("peel-2015.effectiveness"), grade=overall)
        )
    return Inspection(
        force=forces.get("dorset"),
        programme=programmes.get("peel-2015"),
        pillar=Pillar.EFFECTIVENESS,
        title="PEEL: Police effectiveness 2015",
        published=date(2016, 2, 1),
        judgments=tuple(judgments),
    )


class TestQuestionGrades:
    def test_hampshire(self):
        """Hampshire's four question grades, without the overall one."""
        assert question_grades(datasets.load("hampshire-2015")) == {
            "peel-2015.effectiveness.1": G,
            "peel-2015.effectiveness.2": G,
            "peel-2015.effectiveness.3": RI,
            "peel-2015.effectiveness.4": G,
        }


class TestOverallAnomalies:
    def test_hampshire_has_none(self):
        """Good overall with grades Good, Good, RI, Good is no anomaly."""
        assert overall_anomalies(datasets.load("hampshire-2015")) == ()

    def test_better_than_every_question(self):
        """Outstanding overall over Good questions is flagged."""
        found = overall_anomalies(inspection(OUT, G, G, G, G))
        assert found == ("the overall grade 'Outstanding' is better than every question grade",)

    def test_worse_than_every_question(self):
        """Inadequate overall over RI and Good questions is flagged."""
        found = overall_anomalies(inspection(BAD, RI, G, RI, G))
        assert found == ("the overall grade 'Inadequate' is worse than every question grade",)

    def test_equal_to_best_or_worst_is_fine(self):
        """An overall grade equal to some question grade is not an anomaly."""
        assert overall_anomalies(inspection(G, G, RI, RI, RI)) == ()
        assert overall_anomalies(inspection(RI, G, RI, G, G)) == ()

    def test_nothing_to_check(self):
        """No overall grade, or no question grades: nothing is flagged."""
        assert overall_anomalies(inspection(None, BAD, BAD)) == ()
        assert overall_anomalies(inspection(OUT)) == ()


class TestModelledOverall:
    @pytest.mark.parametrize(
        ("grades", "expected"),
        [
            ([G, G, RI, G], G),
            ([G, RI], RI),
            ([OUT, G], G),
            ([OUT, OUT, G, G], G),
            ([RI, RI, G], RI),
            ([OUT, BAD], BAD),
            ([OUT], OUT),
            ([G, G, RI, RI, OUT], RI),
        ],
    )
    def test_most_frequent_ties_to_lower(self, grades, expected):
        """The most frequent grade wins; a tie goes to the lower grade."""
        assert modelled_overall(grades) is expected

    def test_needs_a_grade(self):
        """An empty list has no modelled overall grade."""
        with pytest.raises(InvalidValueError) as raised:
            modelled_overall([])
        assert str(raised.value) == (
            "peelmodel.analysis.judging.modelled_overall.grades:"
            " must hold at least one question grade (found [])"
        )
