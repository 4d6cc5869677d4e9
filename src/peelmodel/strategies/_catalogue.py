"""Strategies that draw entries of the registries: scales, grades, areas, forces, questions, outcomes.

Re-exported by :mod:`peelmodel.strategies`.
"""

from __future__ import annotations

import functools

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peelmodel.catalogues import areas as _areas
from peelmodel.catalogues import forces as _forces
from peelmodel.catalogues import outcomes as _outcomes
from peelmodel.catalogues import programmes as _programmes
from peelmodel.catalogues import questions as _questions
from peelmodel.model.area import Area, AreaKind, Country, Force
from peelmodel.model.grade import Grade, GradingScale, Pillar, Programme
from peelmodel.model.outcome import OutcomeGroup, OutcomeType
from peelmodel.model.period import Period
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.strategies._arguments import check_type, lazy, nonempty

__all__ = [
    "areas",
    "forces",
    "grades",
    "grading_scales",
    "in_use",
    "inspection_questions",
    "outcome_groups",
    "outcome_types",
    "outcomes_in_use",
    "programmes",
]


def grading_scales() -> st.SearchStrategy[GradingScale]:
    """The grading scales: four grades (PEEL 2014 to 2018/19) and five (2021/22 on).

    >>> from hypothesis import given
    >>> @given(grading_scales())
    ... def test_known(scale):
    ...     assert scale.id in {"four-grade", "five-grade"}
    >>> test_known()
    """
    return lazy(lambda: st.sampled_from(_programmes.scales()))


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
        check_type("scale", scale, GradingScale)
        return st.sampled_from(scale.grades)

    return lazy(build)


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
            check_type("kind", kind, AreaKind)
        return st.sampled_from(nonempty("kind", _areas.all(kind=kind), "area"))

    return lazy(build)


def forces(*, country: str | None = None, region: str | None = None) -> st.SearchStrategy[Force]:
    """The 43 forces, or those of one *country* (``"England"``, ``"Wales"``) or *region* id.

    >>> from hypothesis import given
    >>> @given(forces(country="Wales"))
    ... def test_welsh(force):
    ...     assert force.region.id == "wales-region"
    >>> test_welsh()
    """

    def build() -> st.SearchStrategy[Force]:
        if country is not None:
            check_type("country", country, str)
        if country is not None and country not in {c.value for c in Country}:
            named = " or ".join(repr(c.value) for c in Country)
            raise InvalidArgument(f"country={country!r} must be {named}")
        if region is not None:
            check_type("region", region, str)
        chosen = [
            force
            for force in _forces.all()
            if (country is None or force.country.value == country)
            and (region is None or force.region.id == region)
        ]
        return st.sampled_from(nonempty("country and region", chosen, "force"))

    return lazy(build)


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
            check_type("scale", scale, GradingScale)
        chosen = [p for p in _programmes.all() if scale is None or p.scale == scale]
        return st.sampled_from(nonempty("scale", chosen, "programme"))

    return lazy(build)


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
            check_type("programme", programme, str)
        if pillar is not None:
            check_type("pillar", pillar, Pillar)
        if level is not None:
            check_type("level", level, QuestionLevel)
        if graded is not None:
            check_type("graded", graded, bool)
        chosen = [
            q
            for q in _questions.all(programme=programme, pillar=pillar)
            if (level is None or q.level is level) and (graded is None or q.graded is graded)
        ]
        return st.sampled_from(nonempty("programme, pillar, level and graded", chosen, "question"))

    return lazy(build)


def outcome_types(*, period: Period | None = None) -> st.SearchStrategy[OutcomeType]:
    """Outcome types of the Home Office framework, or those in use during *period*.

    >>> from datetime import date
    >>> from hypothesis import given
    >>> @given(outcome_types(period=Period.twelve_months_to(date(2015, 6, 30))))
    ... def test_in_use(outcome):
    ...     assert outcome.number <= 20
    >>> test_in_use()
    """

    def build() -> st.SearchStrategy[OutcomeType]:
        if period is not None:
            check_type("period", period, Period)
        chosen = [t for t in _outcomes.types() if period is None or t.exists_during(period)]
        return st.sampled_from(nonempty("period", chosen, "outcome type"))

    return lazy(build)


def outcome_groups() -> st.SearchStrategy[OutcomeGroup]:
    """Outcome groups of the Home Office framework, such as Out-of-court (formal).

    >>> from hypothesis import given
    >>> @given(outcome_groups())
    ... def test_grouped(group):
    ...     assert group.members
    >>> test_grouped()
    """
    return lazy(lambda: st.sampled_from(_outcomes.groups()))


def in_use(group: OutcomeGroup, period: Period) -> tuple[int, ...]:
    """The numbers of the group's member types in use during *period*.

    >>> from datetime import date
    >>> group = _outcomes.group("diversionary-educational-or-intervention-activity")
    >>> in_use(group, Period.twelve_months_to(date(2015, 6, 30)))
    ()
    >>> in_use(group, Period.twelve_months_to(date(2020, 6, 30)))
    (22,)
    """
    return tuple(n for n in group.members if _outcomes.type(n).exists_during(period))


@functools.cache
def outcomes_in_use(period: Period) -> tuple[OutcomeType | OutcomeGroup, ...]:
    """The outcome types and groups in use during *period*: those a report can publish."""
    types: tuple[OutcomeType | OutcomeGroup, ...] = tuple(
        t for t in _outcomes.types() if t.exists_during(period)
    )
    return types + tuple(g for g in _outcomes.groups() if in_use(g, period))
