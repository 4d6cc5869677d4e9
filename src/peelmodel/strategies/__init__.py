"""Hypothesis strategies for every public class of peelmodel.

Import this module on demand (``import peelmodel.strategies``); it needs the
``strategies`` extra (``pip install 'peelmodel[strategies]'``). With the extra
installed, peelmodel also registers these strategies with Hypothesis through
its ``hypothesis`` entry point, so ``st.from_type(peelmodel.Inspection)`` works
without importing this module.

Every strategy builds its values from their parts (registry entries, hidden
true counts, the derive functions) rather than filtering, so it never yields
an invalid value. Options are keyword-only; an invalid option raises
:class:`hypothesis.errors.InvalidArgument` when the strategy is first drawn
from, as Hypothesis' own strategies do.

>>> from hypothesis import given, settings
>>> from peelmodel import strategies as pst
>>> from peelmodel.analysis.assessment import assess
>>> @settings(max_examples=20)
... @given(pst.inspections())
... def test_every_figure_holds(inspection):
...     assert assess(inspection).is_consistent
>>> test_every_figure_holds()

:func:`inspections` draws the numbers a report is made from (offences,
population, households, outcome counts) and publishes rounded figures from
them with :mod:`peelmodel.analysis.reproduction`, so every figure is consistent;
:func:`inspections_with_truth` also returns those hidden numbers, and
:func:`inconsistent_inspections` tampers with exactly one figure.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

import attrs

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as error:  # pragma: no cover - exercised in a subprocess without Hypothesis
    raise ImportError(
        "peelmodel.strategies needs Hypothesis: pip install 'peelmodel[strategies]'"
    ) from error

from peelmodel._validators import MAX_DATE, MIN_DATE
from peelmodel.arithmetic import percentage_change, publish, rate, share
from peelmodel.catalogues import areas as _areas
from peelmodel.catalogues import forces as _forces
from peelmodel.catalogues import outcomes as _outcomes
from peelmodel.catalogues import programmes as _programmes
from peelmodel.catalogues import questions as _questions
from peelmodel.claims import STOCK_MEASURES, Quantity
from peelmodel.model.area import Area, AreaKind, Force
from peelmodel.model.figure import Basis, Figure, Qualifier
from peelmodel.model.finding import AreaForImprovement, CauseOfConcern, Recommendation
from peelmodel.model.grade import Grade, GradingScale, Pillar, Programme
from peelmodel.model.inspection import Inspection
from peelmodel.model.judgment import Judgment
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate, OutcomeType
from peelmodel.model.period import Period
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.strategies.grades import (
    grade_entries,
    grades_records,
    national_statements,
    record_states,
)

__all__ = [
    "areas",
    "areas_for_improvement",
    "causes_of_concern",
    "figures",
    "forces",
    "grade_entries",
    "grades",
    "grades_records",
    "grading_scales",
    "inconsistent_inspections",
    "inspection_questions",
    "inspections",
    "inspections_with_truth",
    "judgments",
    "national_statements",
    "outcome_groups",
    "outcome_rates",
    "outcome_types",
    "periods",
    "programmes",
    "recommendations",
    "record_states",
]

T = TypeVar("T")

#: The programme inspections are drawn from unless told otherwise.
_DEFAULT_PROGRAMME = "peel-2015"

# --------------------------------------------------------------------------
# Argument checks, run when a strategy is first drawn from.


def _lazy(build: Callable[[], st.SearchStrategy[T]]) -> st.SearchStrategy[T]:
    """Defer building (and so checking the arguments of) a strategy until it is drawn from."""
    return st.deferred(build)


def _check_strategy(name: str, value: object) -> st.SearchStrategy[Any]:
    if not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a Hypothesis strategy")
    return value


def _check_type(name: str, value: object, kind: type | tuple[type, ...]) -> None:
    if not isinstance(value, kind):
        raise InvalidArgument(f"{name}={value!r} must be {_names(kind)}")


def _names(kind: type | tuple[type, ...]) -> str:
    return kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)


def _nonempty(name: str, choices: Sequence[T], what: str) -> Sequence[T]:
    if not choices:
        raise InvalidArgument(f"no {what} matches {name}")
    return choices


# --------------------------------------------------------------------------
# Reference values: drawn from the registries.


#: The earliest end of a twelve-month period that starts on or after MIN_DATE.
_EARLIEST_END = MIN_DATE.replace(year=MIN_DATE.year + 1)


def periods(
    *, min_end: date = date(2000, 1, 1), max_end: date = date(2030, 12, 31)
) -> st.SearchStrategy[Period]:
    """Reporting periods ending between *min_end* and *max_end*.

    Twelve-month periods ("12 months to 30 June 2015"), single days ("as at")
    and other ranges of up to two years, all within the dates the model
    accepts (1900 to 2100).

    >>> from hypothesis import given
    >>> @given(periods(min_end=date(2015, 1, 1), max_end=date(2015, 12, 31)))
    ... def test_end_year(period):
    ...     assert period.end.year == 2015 and period.start <= period.end
    >>> test_end_year()
    """

    def build() -> st.SearchStrategy[Period]:
        for name, value in (("min_end", min_end), ("max_end", max_end)):
            _check_type(name, value, date)
        if max_end < min_end:
            raise InvalidArgument(f"min_end={min_end!r} must not be after max_end={max_end!r}")
        if min_end < _EARLIEST_END:
            raise InvalidArgument(f"min_end={min_end!r} leaves no room for twelve months")
        if max_end > MAX_DATE:
            raise InvalidArgument(f"max_end={max_end!r} is after {MAX_DATE}")

        @st.composite
        def draw_period(draw: st.DrawFn) -> Period:
            end = draw(st.dates(min_end, max_end))
            shape = draw(st.sampled_from(("twelve-months", "as-at", "range")))
            if shape == "twelve-months":
                return Period.twelve_months_to(end)
            if shape == "as-at":
                return Period.as_at(end)
            days = draw(st.integers(1, min(730, (end - MIN_DATE).days)))
            return Period(start=end - timedelta(days=days), end=end)

        return draw_period()

    return _lazy(build)


def grading_scales() -> st.SearchStrategy[GradingScale]:
    """The grading scales: four grades (PEEL 2014 to 2018/19) and five (2021/22 on).

    >>> sorted(scale.id for scale in _programmes.scales())
    ['five-grade', 'four-grade']
    """
    return _lazy(lambda: st.sampled_from(_programmes.scales()))


def grades(*, scale: GradingScale | None = None) -> st.SearchStrategy[Grade]:
    """Grades, all of them or those on one *scale*.

    >>> from hypothesis import given
    >>> from peelmodel import FOUR_GRADE
    >>> @given(grades(scale=FOUR_GRADE))
    ... def test_on_scale(grade):
    ...     assert grade is not Grade.ADEQUATE
    >>> test_on_scale()
    """

    def build() -> st.SearchStrategy[Grade]:
        if scale is None:
            return st.sampled_from(Grade)
        _check_type("scale", scale, GradingScale)
        return st.sampled_from(scale.grades)

    return _lazy(build)


def areas(*, kind: AreaKind | None = None) -> st.SearchStrategy[Area]:
    """Areas from the registry: England and Wales, its regions and the 43 force areas.

    Force areas are :class:`~peelmodel.Force` instances.

    >>> from hypothesis import given
    >>> @given(areas(kind=AreaKind.REGION))
    ... def test_regions(area):
    ...     assert area.id.endswith("-region")
    >>> test_regions()
    """

    def build() -> st.SearchStrategy[Area]:
        if kind is not None:
            _check_type("kind", kind, AreaKind)
        return st.sampled_from(_nonempty("kind", _areas.all(kind=kind), "area"))

    return _lazy(build)


def forces(*, country: str | None = None, region: str | None = None) -> st.SearchStrategy[Force]:
    """The 43 forces, or those of one *country* (``"England"``, ``"Wales"``) or *region* id.

    >>> from hypothesis import given
    >>> @given(forces(country="Wales"))
    ... def test_welsh(force):
    ...     assert force.region.id == "wales-region"
    >>> test_welsh()
    """

    def build() -> st.SearchStrategy[Force]:
        if country is not None and country not in {"England", "Wales"}:
            raise InvalidArgument(f"country={country!r} must be 'England' or 'Wales'")
        if region is not None:
            _check_type("region", region, str)
        chosen = [
            force
            for force in _forces.all()
            if (country is None or force.country.value == country)
            and (region is None or force.region.id == region)
        ]
        return st.sampled_from(_nonempty("country and region", chosen, "force"))

    return _lazy(build)


def programmes(*, scale: GradingScale | None = None) -> st.SearchStrategy[Programme]:
    """Inspection programmes from the registry, optionally those grading on one *scale*.

    >>> from hypothesis import given
    >>> from peelmodel import FIVE_GRADE
    >>> @given(programmes(scale=FIVE_GRADE))
    ... def test_recent(programme):
    ...     assert programme.starts.year >= 2021
    >>> test_recent()
    """

    def build() -> st.SearchStrategy[Programme]:
        if scale is not None:
            _check_type("scale", scale, GradingScale)
        chosen = [p for p in _programmes.all() if scale is None or p.scale == scale]
        return st.sampled_from(_nonempty("scale", chosen, "programme"))

    return _lazy(build)


def inspection_questions(
    *,
    programme: str | None = None,
    pillar: Pillar | None = None,
    level: QuestionLevel | None = None,
    graded: bool | None = None,
) -> st.SearchStrategy[InspectionQuestion]:
    """Questions from the catalogue, narrowed by programme id, pillar, level and gradedness.

    >>> from hypothesis import given
    >>> @given(
    ...     inspection_questions(
    ...         programme="peel-2015", pillar=Pillar.EFFECTIVENESS, level=QuestionLevel.CORE
    ...     )
    ... )
    ... def test_core(question):
    ...     assert question.graded and question.parent_id == "peel-2015.effectiveness"
    >>> test_core()
    """

    def build() -> st.SearchStrategy[InspectionQuestion]:
        if programme is not None:
            _check_type("programme", programme, str)
        if pillar is not None:
            _check_type("pillar", pillar, Pillar)
        if level is not None:
            _check_type("level", level, QuestionLevel)
        if graded is not None:
            _check_type("graded", graded, bool)
        chosen = [
            q
            for q in _questions.all(programme=programme, pillar=pillar)
            if (level is None or q.level is level) and (graded is None or q.graded is graded)
        ]
        return st.sampled_from(_nonempty("programme, pillar, level and graded", chosen, "question"))

    return _lazy(build)


def judgments(
    *, question: st.SearchStrategy[InspectionQuestion] | None = None
) -> st.SearchStrategy[Judgment]:
    """Judgments of graded questions, each with a grade on its programme's scale.

    *question* draws the question (default: any graded question); a question
    that is not graded raises :class:`~hypothesis.errors.InvalidArgument`.

    >>> from hypothesis import given
    >>> @given(judgments())
    ... def test_on_scale(judgment):
    ...     assert judgment.grade in judgment.question.programme.scale
    >>> test_on_scale()
    """

    @st.composite
    def draw_judgment(draw: st.DrawFn) -> Judgment:
        source = _check_strategy(
            "question", inspection_questions(graded=True) if question is None else question
        )
        chosen = draw(source)
        _check_type("question (drawn)", chosen, InspectionQuestion)
        if not chosen.graded:
            raise InvalidArgument(f"question drew {chosen.id!r}, which is not graded")
        return Judgment(question=chosen, grade=draw(st.sampled_from(chosen.programme.scale.grades)))

    return draw_judgment()


def outcome_types(*, period: Period | None = None) -> st.SearchStrategy[OutcomeType]:
    """Outcome types of the Home Office framework, or those in use during *period*.

    >>> from hypothesis import given
    >>> @given(outcome_types(period=Period.twelve_months_to(date(2015, 6, 30))))
    ... def test_in_use(outcome):
    ...     assert outcome.number <= 20
    >>> test_in_use()
    """

    def build() -> st.SearchStrategy[OutcomeType]:
        if period is not None:
            _check_type("period", period, Period)
        chosen = [t for t in _outcomes.types() if period is None or t.exists_during(period)]
        return st.sampled_from(_nonempty("period", chosen, "outcome type"))

    return _lazy(build)


def outcome_groups() -> st.SearchStrategy[OutcomeGroup]:
    """Outcome groups of the Home Office framework, such as Out-of-court (formal).

    >>> [group.id for group in _outcomes.groups()][:2]
    ['charged-summonsed', 'out-of-court-formal']
    """
    return _lazy(lambda: st.sampled_from(_outcomes.groups()))


def _in_use(group: OutcomeGroup, period: Period) -> tuple[int, ...]:
    return tuple(n for n in group.members if _outcomes.type(n).exists_during(period))


def outcome_rates(
    *,
    area: st.SearchStrategy[Area] | None = None,
    period: st.SearchStrategy[Period] | None = None,
    outcome: st.SearchStrategy[OutcomeType | OutcomeGroup] | None = None,
) -> st.SearchStrategy[OutcomeRate]:
    """Consistent outcome rows: a count out of drawn offences, its rate, or both.

    The default *period* is twelve months ending after the framework began
    (April 2014); the default *outcome* is any type or group in use during the
    period. An outcome drawn from *outcome* that was not in use during the
    drawn period raises :class:`~hypothesis.errors.InvalidArgument`.

    >>> from hypothesis import given
    >>> from peelmodel.arithmetic import publish, rate
    >>> from peelmodel.arithmetic import places
    >>> @given(outcome_rates())
    ... def test_rate_follows(row):
    ...     if row.count is not None and row.rate is not None and row.offences is not None:
    ...         assert publish(rate(row.count, row.offences, per=100), places(row.rate)) == row.rate
    >>> test_rate_follows()
    """

    @st.composite
    def draw_row(draw: st.DrawFn) -> OutcomeRate:
        where = draw(_check_strategy("area", areas() if area is None else area))
        _check_type("area (drawn)", where, Area)
        when = draw(
            _check_strategy(
                "period",
                st.dates(date(2014, 4, 1), date(2030, 12, 31)).map(Period.twelve_months_to)
                if period is None
                else period,
            )
        )
        _check_type("period (drawn)", when, Period)
        if outcome is None:
            chosen: OutcomeType | OutcomeGroup = draw(
                st.one_of(
                    outcome_types(period=when),
                    st.sampled_from([g for g in _outcomes.groups() if _in_use(g, when)]),
                )
            )
        else:
            chosen = draw(_check_strategy("outcome", outcome))
            _check_type("outcome (drawn)", chosen, (OutcomeType, OutcomeGroup))
        in_use = (
            chosen.exists_during(when)
            if isinstance(chosen, OutcomeType)
            else bool(_in_use(chosen, when))
        )
        if not in_use:
            raise InvalidArgument(f"outcome drew {chosen.id!r}, which was not in use during {when}")
        offences = draw(st.integers(1, 6_000_000))
        count = draw(st.integers(0, offences))
        shown = draw(st.sampled_from(_ROW_SHAPES))
        places = draw(_PLACES)
        return OutcomeRate(
            area=where,
            period=when,
            outcome=chosen,
            count=count if "count" in shown else None,
            rate=publish(rate(count, offences, per=100), places) if "rate" in shown else None,
            offences=offences if draw(st.booleans()) else None,
            source=draw(st.sampled_from((None, "Outcomes table", "Figure 4"))),
        )

    return draw_row()


_ROW_SHAPES = (("count", "rate"), ("count", "rate"), ("rate",), ("count",))
_PLACES = st.integers(0, 2)

# --------------------------------------------------------------------------
# Findings.

_SHOULD = (
    "The force should improve",
    "The constabulary should ensure",
    "The force should review",
    "The constabulary should strengthen",
    "The force should develop",
)
_TOPICS = (
    "the supervision of investigations",
    "its understanding of the threat from organised crime",
    "how it shares information with partner organisations",
    "the quality of its initial investigations",
    "how it identifies repeat and vulnerable victims",
    "its use of problem-solving in neighbourhoods",
    "the way it records and manages risk in domestic abuse cases",
    "how it manages registered sex offenders",
)
_SUFFIXES = (".", " across the force area.", " within six months.", " as a priority.")


def _finding_texts() -> st.SearchStrategy[str]:
    return st.builds(
        lambda should, topic, suffix: f"{should} {topic}{suffix}",
        st.sampled_from(_SHOULD),
        st.sampled_from(_TOPICS),
        st.sampled_from(_SUFFIXES),
    )


def _check_text_strategy(text: st.SearchStrategy[str] | None) -> st.SearchStrategy[str]:
    return _check_strategy("text", _finding_texts() if text is None else text)


_Finding = TypeVar("_Finding", Recommendation, AreaForImprovement)


def _findings(
    kind: type[_Finding],
    question: st.SearchStrategy[InspectionQuestion] | None,
    text: st.SearchStrategy[str] | None,
) -> st.SearchStrategy[_Finding]:
    """A finding of *kind*: a question (a catalogue one by default) and its wording."""
    return _lazy(
        lambda: st.builds(
            kind,
            question=_check_strategy(
                "question", inspection_questions() if question is None else question
            ),
            text=_check_text_strategy(text),
        )
    )


def recommendations(
    *,
    question: st.SearchStrategy[InspectionQuestion] | None = None,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Recommendation]:
    """Recommendations tied to a question, with the wording of a report.

    *text* must draw non-blank strings without surrounding white space.

    >>> from hypothesis import given
    >>> @given(recommendations(text=st.just("Within three months, the force should act.")))
    ... def test_text(finding):
    ...     assert finding.text.endswith("act.")
    >>> test_text()
    """
    return _findings(Recommendation, question, text)


def areas_for_improvement(
    *,
    question: st.SearchStrategy[InspectionQuestion] | None = None,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[AreaForImprovement]:
    """Areas for improvement tied to a question.

    >>> from hypothesis import given
    >>> @given(areas_for_improvement())
    ... def test_worded(finding):
    ...     assert finding.text.startswith("The ")
    >>> test_worded()
    """
    return _findings(AreaForImprovement, question, text)


def causes_of_concern(
    *,
    question: st.SearchStrategy[InspectionQuestion] | None = None,
    text: st.SearchStrategy[str] | None = None,
    max_recommendations: int = 3,
) -> st.SearchStrategy[CauseOfConcern]:
    """Causes of concern, each with one to *max_recommendations* recommendations on its question.

    >>> from hypothesis import given
    >>> @given(causes_of_concern(max_recommendations=1))
    ... def test_recommended(cause):
    ...     assert [r.question for r in cause.recommendations] == [cause.question]
    >>> test_recommended()
    """

    @st.composite
    def draw_cause(draw: st.DrawFn) -> CauseOfConcern:
        if type(max_recommendations) is not int or max_recommendations < 1:
            raise InvalidArgument(
                f"max_recommendations={max_recommendations!r} must be a positive integer"
            )
        chosen = draw(
            _check_strategy("question", inspection_questions() if question is None else question)
        )
        texts = _check_text_strategy(text)
        listed = draw(
            st.lists(
                st.builds(Recommendation, question=st.just(chosen), text=texts),
                min_size=1,
                max_size=max_recommendations,
            )
        )
        return CauseOfConcern(question=chosen, text=draw(texts), recommendations=tuple(listed))

    return draw_cause()


# --------------------------------------------------------------------------
# Figures.

#: Measures a report publishes, with their labels.
_MEASURES = {
    "recorded-crime": "Recorded crime (excluding fraud)",
    "victim-based-crime": "Victim-based crime",
    "sexual-offences": "Sexual offences",
    "assault-with-injury": "Assault with injury",
    "burglary-in-a-dwelling": "Burglary in a dwelling",
    "asb-incidents": "Anti-social behaviour incidents",
    "ocgs": "Organised crime groups",
    "ocgs-drug-activity": "Organised crime groups whose main activity is drugs",
    "domestic-abuse": "Domestic abuse",
    "victims-satisfied": "Victims satisfied with their whole experience with the police",
    "victims-surveyed": "Victims surveyed",
    "local-policing-areas": "Local policing areas",
    "officers-trained-in-neighbourhood-excellence": "Officers trained in neighbourhood policing",
}
_SHARE_OF = {
    "domestic-abuse": "recorded-crime",
    "ocgs-drug-activity": "ocgs",
    "victims-satisfied": "victims-surveyed",
}
_BASIS_WORDS = {
    Basis.COUNT: "number",
    Basis.PERCENT: "percentage",
    Basis.PER_1000_POPULATION: "per 1,000 population",
    Basis.PER_1000_HOUSEHOLDS: "per 1,000 households",
    Basis.PER_MILLION_POPULATION: "per million population",
    Basis.PERCENTAGE_CHANGE: "change",
}


def figures(
    *,
    area: st.SearchStrategy[Area] | None = None,
    period: st.SearchStrategy[Period] | None = None,
    basis: st.SearchStrategy[Basis] | None = None,
) -> st.SearchStrategy[Figure]:
    """Single published figures of any basis, with a precision of 0 to 2 places.

    A percent figure names the measure it is a share *of*; a percentage change
    has a baseline period ending a year or five before; some figures are
    "more than" bounds, and some were lost (``published`` is ``None``).

    >>> from hypothesis import given
    >>> @given(figures(basis=st.just(Basis.PERCENTAGE_CHANGE)))
    ... def test_change(figure):
    ...     assert figure.baseline is not None and figure.baseline.end < figure.period.end
    >>> test_change()
    """

    @st.composite
    def draw_figure(draw: st.DrawFn) -> Figure:
        kind = draw(_check_strategy("basis", st.sampled_from(Basis) if basis is None else basis))
        _check_type("basis (drawn)", kind, Basis)
        where = draw(_check_strategy("area", areas() if area is None else area))
        _check_type("area (drawn)", where, Area)
        when = draw(_check_strategy("period", periods() if period is None else period))
        _check_type("period (drawn)", when, Period)
        if kind is Basis.PERCENT:
            measure = draw(st.sampled_from(sorted(_SHARE_OF)))
        else:
            measure = draw(st.sampled_from(sorted(set(_MEASURES) - {"victims-surveyed"})))
        places = 0 if kind is Basis.COUNT else draw(_PLACES)
        qualifier = Qualifier.EXACTLY
        baseline: Period | None = None
        if kind is Basis.PERCENTAGE_CHANGE:
            years = draw(st.sampled_from((1, 5)))
            if when.end.year <= years + 1:
                raise InvalidArgument(f"period drew {when}, too early for a baseline")
            baseline = _twelve_months_before(when.end, years)
            units = draw(st.integers(-100 * 10**places, 300 * 10**places))
        else:
            units = draw(st.integers(0, 10**6 * 10**places))
            if kind is Basis.COUNT and draw(st.integers(0, 4)) == 0:
                qualifier = Qualifier.MORE_THAN
        published = None if draw(st.integers(0, 9)) == 0 else Decimal(units).scaleb(-places)
        excluding: tuple[Area, ...] = ()
        if where.kind is AreaKind.NATIONAL and draw(st.booleans()):
            excluding = (_forces.get("city-of-london"),)
        suffix = "" if baseline is None else f".change-since-{baseline.end.year}"
        return Figure(
            id=f"{where.id}.{measure}.{kind.value}{suffix}",
            label=f"{_MEASURES[measure]}, {_BASIS_WORDS[kind]}",
            measure=measure,
            area=where,
            period=when,
            basis=kind,
            published=published,
            source=draw(st.sampled_from(("Figure 2", "Force in numbers", "Annex A"))),
            of=_SHARE_OF[measure] if kind is Basis.PERCENT else None,
            baseline=baseline,
            excluding=excluding,
            qualifier=qualifier,
        )

    return draw_figure()


def _twelve_months_before(end: date, years: int) -> Period:
    try:
        earlier = end.replace(year=end.year - years)
    except ValueError:  # 29 February
        earlier = end.replace(year=end.year - years, day=28)
    return Period.twelve_months_to(earlier)


# --------------------------------------------------------------------------
# Consistent inspections: hidden true numbers, published the way a report would.


class _World:
    """The hidden true numbers of one inspection and the figures published from them."""

    def __init__(self, draw: st.DrawFn, force: Force, end: date) -> None:
        self.draw = draw
        self.force = force
        self.current = Period.twelve_months_to(end)
        self.previous = _twelve_months_before(end, 1)
        self.since = _twelve_months_before(end, 5)
        self.as_at = Period.as_at(end)
        survey_end = date(end.year, 3, 31)
        self.survey = Period.twelve_months_to(survey_end)
        self.fieldwork_end = date(end.year, 11, 30)
        self.fieldwork = Period(start=date(end.year, 9, 1), end=self.fieldwork_end)
        self.truth: dict[Quantity, int] = {}
        self.figures: list[Figure] = []
        self.periods: dict[str | None, Period | None] = {
            None: None,
            "current": self.current,
            "previous": self.previous,
            "since": self.since,
            "as-at": self.as_at,
            "survey": self.survey,
        }
        self.roles = {period: role for role, period in self.periods.items()}

    def set(self, area: Area, measure: str, period: Period | None, value: int) -> int:
        key = None if measure in STOCK_MEASURES else period
        self.truth[Quantity(area.id, measure, key)] = value
        return value

    def get(self, area: Area, measure: str, period: Period | None = None) -> int:
        """The true value, drawn the first time it is asked for."""
        key = None if measure in STOCK_MEASURES else period
        quantity = Quantity(area.id, measure, key)
        found = self.truth.get(quantity)
        if found is None:
            found = self.truth[quantity] = self._draw_value(area, measure, key)
        return found

    def _draw_value(self, area: Area, measure: str, period: Period | None) -> int:
        spec = _TRUTH[measure, self.roles[period]]
        if isinstance(spec, _Drawn):
            national = area.kind is AreaKind.NATIONAL
            return self.draw(_ints(*(spec.national if national else spec.force)))
        base = self.get(area, spec.base, self.periods[spec.role])
        scaled = base * self.draw(_ints(spec.low, spec.high)) // 1000
        return max(spec.minimum, scaled) // spec.divisor

    def add(  # noqa: PLR0913 - one argument per field of a figure
        self,
        area: Area,
        measure: str,
        basis: Basis,
        published: Decimal,
        *,
        period: Period,
        source: str,
        suffix: str = "",
        of: str | None = None,
        baseline: Period | None = None,
        qualifier: Qualifier = Qualifier.EXACTLY,
    ) -> None:
        label = _MEASURES[measure]
        if baseline is not None:
            label += f", change since the {baseline}"
        elif basis is not Basis.COUNT:
            label += f", {_BASIS_WORDS[basis]}"
        self.figures.append(
            Figure(
                id=f"{area.id}.{measure}.{basis.value}{suffix}",
                label=label,
                measure=measure,
                area=area,
                period=period,
                basis=basis,
                published=published,
                source=source,
                of=of,
                baseline=baseline,
                qualifier=qualifier,
            )
        )


@attrs.frozen
class _Drawn:
    """A number drawn directly: one range for a force, one for England and Wales."""

    force: tuple[int, int]
    national: tuple[int, int]


@attrs.frozen
class _Scaled:
    """``max(minimum, base × k ÷ 1000) ÷ divisor`` for a drawn *k* in [low, high]."""

    base: str
    role: str | None
    low: int
    high: int
    minimum: int = 0
    divisor: int = 1


#: How each hidden number is drawn, by measure and period role: most are a
#: drawn proportion of another (offences of the population, last year's of
#: this year's), so that the numbers of one area are plausible together.
_TRUTH: dict[tuple[str, str | None], _Drawn | _Scaled] = {
    ("population", None): _Drawn((7_000, 9_000_000), (50_000_000, 60_000_000)),
    ("households", None): _Scaled("population", None, 380, 480, minimum=1),
    ("recorded-crime", "current"): _Scaled("population", None, 30, 130, minimum=1),
    ("recorded-crime", "previous"): _Scaled("recorded-crime", "current", 750, 1300, minimum=1),
    ("recorded-crime", "since"): _Scaled("recorded-crime", "current", 750, 1500, minimum=1),
    ("victim-based-crime", "current"): _Scaled("recorded-crime", "current", 780, 950),
    ("victim-based-crime", "since"): _Scaled("recorded-crime", "since", 780, 950),
    ("sexual-offences", "current"): _Scaled("recorded-crime", "current", 10, 50),
    ("assault-with-injury", "current"): _Scaled("recorded-crime", "current", 50, 150),
    ("burglary-in-a-dwelling", "current"): _Scaled("recorded-crime", "current", 20, 80),
    ("domestic-abuse", "current"): _Scaled("recorded-crime", "current", 70, 150),
    ("asb-incidents", "current"): _Scaled("population", None, 15, 60),
    ("asb-incidents", "previous"): _Scaled("asb-incidents", "current", 800, 1300, minimum=1),
    ("ocgs", "as-at"): _Scaled("population", None, 2, 12, minimum=1_000, divisor=1_000),
    ("ocgs-drug-activity", "as-at"): _Scaled("ocgs", "as-at", 300, 900),
    ("victims-surveyed", "survey"): _Drawn((400, 3_000), (40_000, 80_000)),
    ("victims-satisfied", "survey"): _Scaled("victims-surveyed", "survey", 700, 950),
}


def _publish_area_figures(
    world: _World, area: Area, chosen: int, places: tuple[int, int, int]
) -> None:
    """Publish the figures of one area whose bit is set in *chosen*."""
    current, previous, since, as_at = world.current, world.previous, world.since, world.as_at
    per_1000, change_places, percent_places = places
    crime_source = f"How much crime and anti-social behaviour is there in {world.force.name}?"
    rates = (
        ("recorded-crime", Basis.PER_1000_POPULATION),
        ("victim-based-crime", Basis.PER_1000_POPULATION),
        ("sexual-offences", Basis.PER_1000_POPULATION),
        ("assault-with-injury", Basis.PER_1000_POPULATION),
        ("burglary-in-a-dwelling", Basis.PER_1000_HOUSEHOLDS),
        ("asb-incidents", Basis.PER_1000_POPULATION),
    )
    for bit, (measure, basis) in enumerate(rates):
        if chosen >> bit & 1:
            denominator = world.get(area, basis.denominator or "population")
            value = rate(world.get(area, measure, current), denominator, per=1000)
            world.add(
                area, measure, basis, publish(value, per_1000), period=current, source="Figure 2"
            )
    changes = (
        ("recorded-crime", previous, "on-previous-year"),
        ("recorded-crime", since, f"since-{since.end.year}"),
        ("victim-based-crime", since, f"since-{since.end.year}"),
        ("asb-incidents", previous, "on-previous-year"),
    )
    for bit, (measure, baseline, name) in enumerate(changes, start=len(rates)):
        if chosen >> bit & 1:
            value = percentage_change(
                world.get(area, measure, current), world.get(area, measure, baseline)
            )
            world.add(
                area,
                measure,
                Basis.PERCENTAGE_CHANGE,
                publish(value, change_places),
                period=current,
                source=crime_source,
                suffix=f".{name}",
                baseline=baseline,
            )
    bit = len(rates) + len(changes)
    if chosen >> bit & 1:
        world.add(
            area,
            "ocgs",
            Basis.PER_MILLION_POPULATION,
            publish(
                rate(world.get(area, "ocgs", as_at), world.get(area, "population"), per=1_000_000),
                per_1000,
            ),
            period=as_at,
            source="How effective is the force at tackling serious and organised crime?",
        )
    shares = (
        ("ocgs-drug-activity", as_at),
        ("domestic-abuse", current),
        ("victims-satisfied", world.survey),
    )
    for offset, (measure, period) in enumerate(shares, start=bit + 1):
        if chosen >> offset & 1:
            of = _SHARE_OF[measure]
            value = share(world.get(area, measure, period), world.get(area, of, period))
            world.add(
                area,
                measure,
                Basis.PERCENT,
                publish(value, percent_places),
                period=period,
                source="Force in numbers",
                of=of,
            )
    counts = (("recorded-crime", current), ("asb-incidents", current))
    for offset, (measure, period) in enumerate(counts, start=bit + 1 + len(shares)):
        if chosen >> offset & 1:
            world.add(
                area,
                measure,
                Basis.COUNT,
                Decimal(world.get(area, measure, period)),
                period=period,
                source=crime_source,
            )


#: How many kinds of figure :func:`_publish_area_figures` can publish per area.
_AREA_KINDS = 16


def _draw_force_counts(draw: st.DrawFn, world: _World, chosen: int) -> None:
    """Counts the force alone reports: local policing areas, and a "more than" bound."""
    force, period = world.force, world.fieldwork
    source = "How well is the force prioritising the prevention of crime and anti-social behaviour?"
    if chosen & 1:
        areas_count = world.set(force, "local-policing-areas", period, draw(_ints(1, 30)))
        world.add(
            force,
            "local-policing-areas",
            Basis.COUNT,
            Decimal(areas_count),
            period=period,
            source=source,
        )
    if chosen & 2:
        trained = world.set(
            force,
            "officers-trained-in-neighbourhood-excellence",
            period,
            draw(_ints(2, 2_000)),
        )
        bound = (trained - 1) // 100 * 100 if trained > 100 else trained - 1
        world.add(
            force,
            "officers-trained-in-neighbourhood-excellence",
            Basis.COUNT,
            Decimal(bound),
            period=period,
            source=source,
            qualifier=Qualifier.MORE_THAN,
        )


def _draw_outcome_rows(  # noqa: PLR0913 - one world, one area, its rows' options
    draw: st.DrawFn,
    world: _World,
    area: Area,
    selected: Sequence[OutcomeType | OutcomeGroup],
    *,
    places: int,
    offences_shown: bool,
    tampered: OutcomeType | None,
) -> list[OutcomeRate]:
    """Outcome counts of the selected types and groups, and the rows published from them."""
    period = world.current
    offences = world.get(area, "recorded-crime", period)
    needed: dict[int, None] = {}
    for outcome in selected:
        members = (
            (outcome.number,) if isinstance(outcome, OutcomeType) else _in_use(outcome, period)
        )
        needed.update(dict.fromkeys(members))
    most = 10_000 // max(1, len(needed))
    for number in needed:
        basis_points = draw(_ints(0, most))
        world.set(area, f"outcomes.type-{number}", period, offences * basis_points // 10_000)
    rows: list[OutcomeRate] = []
    for outcome in selected:
        members = (
            (outcome.number,) if isinstance(outcome, OutcomeType) else _in_use(outcome, period)
        )
        count = sum(world.get(area, f"outcomes.type-{n}", period) for n in members)
        shown = ("count", "rate") if outcome == tampered else draw(_SHAPES)
        rows.append(
            OutcomeRate(
                area=area,
                period=period,
                outcome=outcome,
                count=count if "count" in shown else None,
                rate=publish(rate(count, offences, per=100), places) if "rate" in shown else None,
                offences=offences if offences_shown or outcome == tampered else None,
                source="Figure 4",
            )
        )
    return rows


def _draw_judgments(draw: st.DrawFn, programme: Programme, pillar: Pillar) -> list[Judgment]:
    """The headline and core judgments of the pillar, the overall within the core grades."""
    headline, core = _graded_questions(programme.id, pillar)
    scale = programme.scale.grades
    found = [Judgment(question=question, grade=draw(_choice(scale))) for question in core]
    if headline is not None:
        allowed = scale
        if found:
            best = max(j.grade for j in found)
            worst = min(j.grade for j in found)
            allowed = tuple(g for g in scale if worst <= g <= best)
        found.insert(0, Judgment(question=headline, grade=draw(_choice(allowed))))
    return found


@functools.cache
def _graded_questions(
    programme: str, pillar: Pillar
) -> tuple[InspectionQuestion | None, tuple[InspectionQuestion, ...]]:
    """The graded headline question (if any) and graded core questions of a pillar."""
    pillar_questions = _questions.all(programme=programme, pillar=pillar)
    headline = next(
        (q for q in pillar_questions if q.level is QuestionLevel.HEADLINE and q.graded), None
    )
    core = tuple(q for q in pillar_questions if q.graded and q.level is QuestionLevel.CORE)
    return headline, core


def _draw_findings(
    draw: st.DrawFn, programme: Programme, pillar: Pillar
) -> tuple[list[AreaForImprovement], list[CauseOfConcern], list[Recommendation]]:
    """Up to three areas for improvement and a cause of concern with its recommendations."""
    pool = _finding_questions(programme.id, pillar)
    if not pool:
        return [], [], []
    question = _choice(pool)
    improvements = [
        AreaForImprovement(question=draw(question), text=draw(_TEXTS))
        for _ in range(draw(_ints(0, 3)))
    ]
    causes: list[CauseOfConcern] = []
    if draw(_ints(0, 3)) == 0:
        concern = draw(question)
        recommended = tuple(
            Recommendation(question=concern, text=draw(_TEXTS)) for _ in range(draw(_ints(1, 2)))
        )
        causes.append(
            CauseOfConcern(question=concern, text=draw(_TEXTS), recommendations=recommended)
        )
    return improvements, causes, [r for cause in causes for r in cause.recommendations]


@functools.cache
def _finding_questions(programme: str, pillar: Pillar) -> tuple[InspectionQuestion, ...]:
    return tuple(
        q
        for q in _questions.all(programme=programme, pillar=pillar)
        if q.level is not QuestionLevel.HEADLINE
    )


@functools.cache
def _ints(low: int, high: int) -> st.SearchStrategy[int]:
    """``st.integers(low, high)``, built once: the inspection strategy draws hundreds."""
    return st.integers(low, high)


@functools.cache
def _choice(options: tuple[T, ...]) -> st.SearchStrategy[T]:
    """``st.sampled_from(options)``, built once."""
    return st.sampled_from(options)


@functools.cache
def _selections(
    options: tuple[OutcomeType | OutcomeGroup, ...],
) -> st.SearchStrategy[list[OutcomeType | OutcomeGroup]]:
    """Up to six distinct outcomes to publish rows for, built once per set of options."""
    return st.lists(_choice(options), unique=True, max_size=_OUTCOME_SELECTION_SIZE)


@functools.cache
def _outcomes_in_use(period: Period) -> tuple[OutcomeType | OutcomeGroup, ...]:
    types: tuple[OutcomeType | OutcomeGroup, ...] = tuple(
        t for t in _outcomes.types() if t.exists_during(period)
    )
    return types + tuple(g for g in _outcomes.groups() if _in_use(g, period))


_TEXTS = _finding_texts()
_SHAPES = st.sampled_from(_ROW_SHAPES)
_BOOLEANS = st.booleans()


_OUTCOME_SELECTION_SIZE = 6


@st.composite
def _worlds(
    draw: st.DrawFn,
    force: st.SearchStrategy[Force] | None,
    programme: st.SearchStrategy[Programme] | None,
    pillar: st.SearchStrategy[Pillar] | None,
    *,
    tamper: bool,
) -> tuple[Inspection, dict[str, int], str | None]:
    chosen_force = draw(_check_strategy("force", forces() if force is None else force))
    _check_type("force (drawn)", chosen_force, Force)
    chosen_programme = draw(
        _check_strategy(
            "programme",
            st.just(_programmes.get(_DEFAULT_PROGRAMME)) if programme is None else programme,
        )
    )
    _check_type("programme (drawn)", chosen_programme, Programme)
    chosen_pillar = draw(
        _check_strategy("pillar", st.just(Pillar.EFFECTIVENESS) if pillar is None else pillar)
    )
    _check_type("pillar (drawn)", chosen_pillar, Pillar)
    year = chosen_programme.starts.year
    world = _World(draw, chosen_force, date(year, 6, 30))
    national = _areas.ENGLAND_AND_WALES
    places = (draw(_PLACES), draw(_ints(0, 1)), draw(_PLACES))
    _publish_area_figures(world, chosen_force, draw(_ints(0, 2**_AREA_KINDS - 1)), places)
    _publish_area_figures(world, national, draw(_ints(0, 2**_AREA_KINDS - 1)), places)
    _draw_force_counts(draw, world, draw(_ints(0, 3)))

    period = world.current
    in_use = _outcomes_in_use(period)
    selected = draw(_selections(in_use))
    tampered: OutcomeType | None = None
    if tamper:
        tampered = draw(_choice(tuple(o for o in in_use if isinstance(o, OutcomeType))))
        if tampered not in selected:
            selected.insert(0, tampered)
    outcome_places = draw(_PLACES)
    national_rows = draw(_ints(0, 2 ** len(selected) - 1))
    rows = _draw_outcome_rows(
        draw,
        world,
        chosen_force,
        selected,
        places=outcome_places,
        offences_shown=draw(_BOOLEANS),
        tampered=tampered,
    )
    rows += _draw_outcome_rows(
        draw,
        world,
        national,
        [o for bit, o in enumerate(selected) if national_rows >> bit & 1],
        places=outcome_places,
        offences_shown=draw(_BOOLEANS),
        tampered=None,
    )
    tampered_id: str | None = None
    if tampered is not None:
        index = next(i for i, row in enumerate(rows) if row.outcome == tampered)
        row = rows[index]
        assert row.rate is not None  # noqa: S101 - a tampered row always shows its rate
        shift = Decimal(50).quantize(row.rate)
        rows[index] = OutcomeRate(
            area=row.area,
            period=row.period,
            outcome=row.outcome,
            count=row.count,
            rate=row.rate + shift if row.rate < 50 else row.rate - shift,
            offences=row.offences,
            source=row.source,
        )
        tampered_id = f"{row.id}.rate"

    improvements, causes, recommended = _draw_findings(draw, chosen_programme, chosen_pillar)
    published = date(year + 1, 2, 1) + timedelta(days=draw(_ints(0, 60)))
    inspection = Inspection(
        force=chosen_force,
        programme=chosen_programme,
        pillar=chosen_pillar,
        title=(
            f"{chosen_programme.name}: Police {chosen_pillar.value} - "
            f"An inspection of {chosen_force.name}"
        ),
        published=published,
        fieldwork=(world.fieldwork,),
        judgments=tuple(_draw_judgments(draw, chosen_programme, chosen_pillar)),
        areas_for_improvement=tuple(improvements),
        causes_of_concern=tuple(causes),
        recommendations=tuple(recommended),
        outcome_rates=tuple(rows),
        figures=tuple(world.figures),
    )
    return inspection, {q.id: v for q, v in world.truth.items()}, tampered_id


def inspections(
    *,
    force: st.SearchStrategy[Force] | None = None,
    programme: st.SearchStrategy[Programme] | None = None,
    pillar: st.SearchStrategy[Pillar] | None = None,
) -> st.SearchStrategy[Inspection]:
    """Whole, internally consistent inspection reports of a force.

    Each draws hidden true numbers for the force and for England and Wales
    (population, households, offences in three periods, outcome counts,
    anti-social behaviour, organised crime groups, a victim survey) and
    publishes a varying selection of rounded figures from them with
    :mod:`peelmodel.analysis.reproduction`: rates per 1,000 population and households, per
    million, shares, percentage changes on a baseline, counts (one a "more
    than" bound), and outcome rates per 100 offences for types and their
    groups. Each table has one drawn precision of 0 to 2 places.

    The defaults are any force (*force*), PEEL 2015 (*programme*, whose
    question catalogue ships with the package) and the effectiveness pillar
    (*pillar*); judgments grade the pillar's headline and core questions on
    the programme's scale, the overall grade lying within the core grades.

    >>> from hypothesis import given, settings
    >>> from peelmodel import dumps, loads
    >>> @settings(max_examples=20)
    ... @given(inspections(force=forces(country="Wales")))
    ... def test_round_trip(inspection):
    ...     assert loads(dumps(inspection), Inspection) == inspection
    >>> test_round_trip()
    """
    return _worlds(force, programme, pillar, tamper=False).map(lambda world: world[0])


def inspections_with_truth(
    *,
    force: st.SearchStrategy[Force] | None = None,
    programme: st.SearchStrategy[Programme] | None = None,
    pillar: st.SearchStrategy[Pillar] | None = None,
) -> st.SearchStrategy[tuple[Inspection, dict[str, int]]]:
    """Inspections as :func:`inspections` draws them, with the hidden true numbers.

    The second item maps each :attr:`peelmodel.claims.Quantity.id` to the
    true whole number the figures were published from, so a test can check
    that :func:`peelmodel.analysis.reconciliation.reconcile` never excludes it.

    >>> from hypothesis import given, settings
    >>> from peelmodel.claims import claims_of
    >>> @settings(max_examples=20)
    ... @given(inspections_with_truth())
    ... def test_every_quantity_known(drawn):
    ...     inspection, truth = drawn
    ...     for claim in claims_of(inspection).values():
    ...         assert all(q.id in truth for q in claim.formula.quantities)
    >>> test_every_quantity_known()
    """
    return _worlds(force, programme, pillar, tamper=False).map(lambda world: world[:2])


def inconsistent_inspections(
    *,
    force: st.SearchStrategy[Force] | None = None,
    programme: st.SearchStrategy[Programme] | None = None,
    pillar: st.SearchStrategy[Pillar] | None = None,
) -> st.SearchStrategy[tuple[Inspection, str]]:
    """Inspections with exactly one figure tampered with, and that figure's id.

    The tampered figure is a force outcome-type rate, published with its count
    and offences, moved 50 points from the true rate: no rounding of
    count ÷ offences can give it.

    >>> from hypothesis import given, settings
    >>> from peelmodel.analysis.assessment import assess
    >>> @settings(max_examples=20)
    ... @given(inconsistent_inspections())
    ... def test_flagged(drawn):
    ...     inspection, figure_id = drawn
    ...     assert assess(inspection).figure(figure_id).status.value == "inconsistent"
    >>> test_flagged()
    """

    def pick(world: tuple[Inspection, dict[str, int], str | None]) -> tuple[Inspection, str]:
        inspection, _, figure_id = world
        assert figure_id is not None  # noqa: S101 - tamper=True always names a figure
        return inspection, figure_id

    return _worlds(force, programme, pillar, tamper=True).map(pick)
