"""The aggregate root: one inspection report of one force."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

import attrs

from peelmodel import _html
from peelmodel._validators import check_date, check_text, check_tuple, is_text
from peelmodel.errors import (
    DuplicateIdError,
    InvalidTypeError,
    InvalidValueError,
    UnknownReferenceError,
)
from peelmodel.model.area import ENGLAND_AND_WALES, Area, Force
from peelmodel.model.figure import Figure
from peelmodel.model.finding import AreaForImprovement, CauseOfConcern, Recommendation
from peelmodel.model.grade import Pillar, Programme
from peelmodel.model.judgment import Judgment
from peelmodel.model.outcome import OutcomeRate, reference_period
from peelmodel.model.period import Period
from peelmodel.model.question import InspectionQuestion, QuestionLevel

__all__ = ["OUTCOME_FIGURES", "Inspection"]

#: The figures of an outcome row, each id the row's id and one of these: ``.count``, ``.rate``
#: and ``.offences``. Each is reserved for its row, whether or not the row gives the number.
OUTCOME_FIGURES = ("count", "rate", "offences")
_OUTCOME_FIGURE_ENDINGS = tuple(f".{part}" for part in OUTCOME_FIGURES)


@attrs.frozen(kw_only=True)
class Inspection:
    """One report: a force, a programme's pillar, its judgments, findings and figures.

    Figures and outcome rates may be for the force itself or for its
    comparator areas: England and Wales, or the force's region. ``notes``
    record how the report's text was read where it is not plain.

    >>> from peelmodel import datasets
    >>> report = datasets.load("hampshire-2015")
    >>> report.force.name, report.overall.grade.label, len(report.outcome_rates)
    ('Hampshire Constabulary', 'Good', 18)
    """

    force: Force
    programme: Programme
    pillar: Pillar
    title: str
    published: date
    fieldwork: tuple[Period, ...] = ()
    judgments: tuple[Judgment, ...] = ()
    areas_for_improvement: tuple[AreaForImprovement, ...] = ()
    causes_of_concern: tuple[CauseOfConcern, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    outcome_rates: tuple[OutcomeRate, ...] = ()
    figures: tuple[Figure, ...] = ()
    notes: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.force, Force):
            raise InvalidTypeError("Inspection", "force", self.force, "a Force")
        if not isinstance(self.programme, Programme):
            raise InvalidTypeError("Inspection", "programme", self.programme, "a Programme")
        if not isinstance(self.pillar, Pillar):
            raise InvalidTypeError("Inspection", "pillar", self.pillar, "a Pillar")
        check_text("Inspection", "title", self.title)
        check_date("Inspection", "published", self.published)
        check_tuple("Inspection", "fieldwork", self.fieldwork)
        check_tuple("Inspection", "notes", self.notes)
        for index, period in enumerate(self.fieldwork):
            if not isinstance(period, Period) or period.end > self.published:
                raise InvalidValueError(
                    "Inspection",
                    f"fieldwork[{index}]",
                    period,
                    "must be a period before publication",
                )
        for index, note in enumerate(self.notes):
            if not is_text(note):
                check_text("Inspection", f"notes[{index}]", note)
        self._check_judgments()
        self._check_findings()
        self._check_outcome_rates()
        self._check_figures()

    def _check_question(self, field: str, question: InspectionQuestion) -> None:
        if question.programme is not self.programme and question.programme != self.programme:
            raise InvalidValueError(
                "Inspection", field, question.id, f"is not a question of {self.programme.name}"
            )

    def _check_judgments(self) -> None:
        seen: set[str] = set()
        for index, judgment in enumerate(_typed(self.judgments, Judgment, "judgments")):
            field = f"judgments[{index}].question"
            self._check_question(field, judgment.question)
            if judgment.question.pillar is not self.pillar:
                raise InvalidValueError(
                    "Inspection",
                    field,
                    judgment.question.id,
                    f"is not a {self.pillar.value} question",
                )
            if judgment.question.id in seen:
                raise InvalidValueError(
                    "Inspection", field, judgment.question.id, "is judged more than once"
                )
            seen.add(judgment.question.id)

    def _check_findings(self) -> None:
        for name, kind in (
            ("areas_for_improvement", AreaForImprovement),
            ("causes_of_concern", CauseOfConcern),
            ("recommendations", Recommendation),
        ):
            for index, finding in enumerate(_typed(getattr(self, name), kind, name)):
                self._check_question(f"{name}[{index}].question", finding.question)

    def _check_area(self, field: str, area: Area, comparators: tuple[Area, ...]) -> None:
        if area not in comparators and area != self.force:
            raise InvalidValueError(
                "Inspection",
                field,
                area.id,
                f"must be {self.force.id}, its region or england-and-wales",
            )

    def _check_outcome_rates(self) -> None:
        # Periods are keyed by (start, end), which is how they compare, and hash faster;
        # the key of a row stands for its id, which is one per area, outcome and period.
        seen: dict[tuple[str, date, date, str], int] = {}
        comparators = self.comparators
        allowed = {id(area) for area in (self.force, *comparators)}
        for index, row in enumerate(_typed(self.outcome_rates, OutcomeRate, "outcome_rates")):
            if id(row.area) not in allowed:
                self._check_area(f"outcome_rates[{index}].area", row.area, comparators)
                allowed.add(id(row.area))  # the same area object passes again
            key = (row.area.id, row.period.start, row.period.end, row.outcome_id)
            first = seen.setdefault(key, index)
            if first != index:
                raise DuplicateIdError(
                    "Inspection",
                    f"outcome_rates[{index}]",
                    self.row_id(row),
                    f"outcome_rates[{first}]",
                    what="has the area, outcome and period, and so the id, of",
                )

    def _outcome_figures(self) -> dict[str, int]:
        """The ids of the outcome rows' figures, each with the index of its row."""
        reference = self.reference_period
        return {
            f"{row.id_in(reference)}.{part}": index
            for index, row in enumerate(self.outcome_rates)
            for part in OUTCOME_FIGURES
        }

    def _check_figures(self) -> None:
        # The ids of outcome rows' figures ("<row id>.count", ".rate" and ".offences") are
        # reserved, whether or not the row gives that number.
        rows: dict[str, int] | None = None
        seen: dict[str, int] = {}
        comparators = self.comparators
        allowed = {id(area) for area in (self.force, *comparators)}
        for index, figure in enumerate(_typed(self.figures, Figure, "figures")):
            figure_id = figure.id
            first = seen.setdefault(figure_id, index)
            if first != index:
                raise DuplicateIdError(
                    "Inspection",
                    f"figures[{index}].id",
                    figure_id,
                    f"figures[{first}].id",
                    what="is also given by",
                )
            if figure_id.endswith(_OUTCOME_FIGURE_ENDINGS):
                if rows is None:
                    rows = self._outcome_figures()
                row = rows.get(figure_id)
                if row is not None:
                    raise DuplicateIdError(
                        "Inspection",
                        f"figures[{index}].id",
                        figure_id,
                        f"outcome_rates[{row}]",
                        what="is also the id of a figure of",
                    )
            if id(figure.area) not in allowed:
                self._check_area(f"figures[{index}].area", figure.area, comparators)
                allowed.add(id(figure.area))

    @property
    def reference_period(self) -> Period | None:
        """The period of the report's outcome rows whose ids carry no period.

        The period of its rows that ends last (of those that end on the same
        day, the longest), or ``None`` without outcome rows.

        >>> from peelmodel import datasets
        >>> str(datasets.load("hampshire-2015").reference_period)
        '12 months to 30 June 2015'
        """
        return reference_period(self.outcome_rates)

    def row_id(self, row: OutcomeRate) -> str:
        """The id of one of the report's outcome rows: see :meth:`OutcomeRate.id_in`.

        >>> from peelmodel import datasets
        >>> report = datasets.load("hampshire-2015")
        >>> report.row_id(report.outcome_rates[0])
        'hampshire.outcomes.type-1'
        """
        return row.id_in(self.reference_period)

    @property
    def comparators(self) -> tuple[Area, ...]:
        """The areas the force may be compared with: England and Wales and its region."""
        return (ENGLAND_AND_WALES, self.force.region)

    @property
    def overall(self) -> Judgment | None:
        """The judgment of the pillar's headline question, if given."""
        return next((j for j in self.judgments if j.question.level is QuestionLevel.HEADLINE), None)

    def judgment(self, question_id: str) -> Judgment | None:
        """The judgment of the question with this id, if given."""
        return next((j for j in self.judgments if j.question.id == question_id), None)

    def figure(self, figure_id: str) -> Figure:
        """The figure with this id; raise :class:`~peelmodel.errors.UnknownReferenceError`."""
        for figure in self.figures:
            if figure.id == figure_id:
                return figure
        raise UnknownReferenceError("figure", figure_id, (f.id for f in self.figures))

    @property
    def areas(self) -> tuple[Area, ...]:
        """Every area the inspection publishes numbers for, the force first."""
        found: dict[str, Area] = {self.force.id: self.force}
        for area in (*(r.area for r in self.outcome_rates), *(f.area for f in self.figures)):
            found.setdefault(area.id, area)
        return tuple(found.values())

    def __repr__(self) -> str:
        return (
            f"<Inspection {self.force.id} {self.programme.id} {self.pillar.value}: "
            f"{len(self.figures)} figures, {len(self.outcome_rates)} outcome rows, "
            f"{len(self.judgments)} judgments>"
        )

    def _repr_html_(self) -> str:
        """The report as tables, for notebooks: judgments, outcome rows and figures."""
        judgments = _html.table(
            ("question", "text", "grade"),
            [(j.question.id, j.question.text, j.grade.label) for j in self.judgments],
            caption="Judgments",
        )
        reference = self.reference_period
        outcome_rates = _html.table(
            ("id", "outcome", "period", "count", "rate", "offences", "source"),
            [
                (
                    r.id_in(reference),
                    r.outcome.name,
                    r.period,
                    r.count,
                    r.rate,
                    r.offences,
                    r.source,
                )
                for r in self.outcome_rates
            ],
            caption="Outcome rates (per 100 offences)",
        )
        figures = _html.table(
            ("id", "label", "period", "basis", "published", "source"),
            [(f.id, f.label, f.period, f.basis.value, f.published, f.source) for f in self.figures],
            caption="Figures",
        )
        title = f"{self.title} ({self.force.name}, {self.programme.name}, {self.published})"
        return _html.block(title, judgments, outcome_rates, figures)


_T = TypeVar("_T")


def _typed(items: Sequence[_T], kind: type[_T], field: str) -> Sequence[_T]:
    check_tuple("Inspection", field, items)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidTypeError("Inspection", f"{field}[{index}]", item, f"{kind.__name__}")
    return items
