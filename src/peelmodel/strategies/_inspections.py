"""Strategies that draw whole inspections: hidden true numbers, published the way a report would.

Re-exported by :mod:`peelmodel.strategies`. The hidden numbers and the
figures published from them come from :mod:`peelmodel.strategies._truth`;
this module adds outcome rows, judgments and findings, and tampers with one
figure when asked.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from peelmodel.arithmetic import publish, rate
from peelmodel.catalogues import areas as _areas
from peelmodel.catalogues import programmes as _programmes
from peelmodel.catalogues import questions as _questions
from peelmodel.model.area import Area, Force
from peelmodel.model.grade import Pillar, Programme
from peelmodel.model.inspection import Inspection
from peelmodel.model.judgment import Judgment
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate, OutcomeType
from peelmodel.model.period import Period
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.strategies._arguments import (
    BOOLEANS,
    PLACES,
    check_strategy,
    check_type,
    choice,
    ints,
)
from peelmodel.strategies._catalogue import forces, in_use, outcomes_in_use
from peelmodel.strategies._findings import draw_findings
from peelmodel.strategies._truth import PRECISIONS, World, publish_figures
from peelmodel.strategies._values import ROW_SHAPES

__all__ = ["inconsistent_inspections", "inspections", "inspections_with_truth"]

#: The programme inspections are drawn from unless told otherwise.
_DEFAULT_PROGRAMME = "peel-2015"

#: The most outcomes a report publishes rows for.
_OUTCOME_SELECTION_SIZE = 6


def _members(outcome: OutcomeType | OutcomeGroup, period: Period) -> tuple[int, ...]:
    """The outcome types whose counts make up *outcome*'s count during *period*."""
    return (outcome.number,) if isinstance(outcome, OutcomeType) else in_use(outcome, period)


def _draw_outcome_rows(  # noqa: PLR0913 - one world, one area, its rows' options
    draw: st.DrawFn,
    world: World,
    area: Area,
    selected: Sequence[OutcomeType | OutcomeGroup],
    *,
    places: int,
    offences_shown: bool,
    tampered: OutcomeType | None,
) -> list[OutcomeRate]:
    """Outcome counts of the selected types and groups, and the rows published from them."""
    period = world.periods["current"]
    offences = world.get(area, "recorded-crime", period)
    needed: dict[int, None] = {}
    for outcome in selected:
        needed.update(dict.fromkeys(_members(outcome, period)))
    most = 10_000 // max(1, len(needed))
    for number in needed:
        basis_points = draw(ints(0, most))
        world.set(area, f"outcomes.type-{number}", period, offences * basis_points // 10_000)
    rows: list[OutcomeRate] = []
    for outcome in selected:
        count = sum(
            world.get(area, f"outcomes.type-{n}", period) for n in _members(outcome, period)
        )
        shown = ("count", "rate") if outcome == tampered else draw(ROW_SHAPES)
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


def _tamper(rows: list[OutcomeRate], tampered: OutcomeType) -> str:
    """Move the tampered row's rate 50 points from the truth; return the figure's id."""
    index = next(i for i, row in enumerate(rows) if row.outcome == tampered)
    row = rows[index]
    shown = row.rate
    assert shown is not None  # noqa: S101 - a tampered row always shows its rate
    shift = Decimal(50).quantize(shown)
    rows[index] = OutcomeRate(
        area=row.area,
        period=row.period,
        outcome=row.outcome,
        count=row.count,
        rate=shown + shift if shown < 50 else shown - shift,
        offences=row.offences,
        source=row.source,
    )
    return f"{row.id}.rate"


def _draw_judgments(draw: st.DrawFn, programme: Programme, pillar: Pillar) -> list[Judgment]:
    """The headline and core judgments of the pillar, the overall within the core grades."""
    headline, core = _graded_questions(programme.id, pillar)
    scale = programme.scale.grades
    found = [Judgment(question=question, grade=draw(choice(scale))) for question in core]
    if headline is not None:
        allowed = scale
        if found:
            best = max(j.grade for j in found)
            worst = min(j.grade for j in found)
            allowed = tuple(g for g in scale if worst <= g <= best)
        found.insert(0, Judgment(question=headline, grade=draw(choice(allowed))))
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


@functools.cache
def _selections(
    options: tuple[OutcomeType | OutcomeGroup, ...],
) -> st.SearchStrategy[list[OutcomeType | OutcomeGroup]]:
    """Up to six distinct outcomes to publish rows for, built once per set of options."""
    return st.lists(choice(options), unique=True, max_size=_OUTCOME_SELECTION_SIZE)


@st.composite
def _worlds(
    draw: st.DrawFn,
    force: st.SearchStrategy[Force] | None,
    programme: st.SearchStrategy[Programme] | None,
    pillar: st.SearchStrategy[Pillar] | None,
    *,
    tamper: bool,
) -> tuple[Inspection, dict[str, int], str | None]:
    """An inspection, its hidden numbers by quantity id, and the tampered figure's id if any."""
    chosen_force = draw(check_strategy("force", forces() if force is None else force))
    check_type("force (drawn)", chosen_force, Force)
    chosen_programme = draw(
        check_strategy(
            "programme",
            st.just(_programmes.get(_DEFAULT_PROGRAMME)) if programme is None else programme,
        )
    )
    check_type("programme (drawn)", chosen_programme, Programme)
    chosen_pillar = draw(
        check_strategy("pillar", st.just(Pillar.EFFECTIVENESS) if pillar is None else pillar)
    )
    check_type("pillar (drawn)", chosen_pillar, Pillar)
    year = chosen_programme.starts.year
    world = World(draw, chosen_force, date(year, 6, 30))
    national = _areas.ENGLAND_AND_WALES
    places = {table: draw(ints(0, most)) for table, most in PRECISIONS.items()}
    for area in (chosen_force, national):
        publish_figures(world, area, places)

    in_use_now = outcomes_in_use(world.periods["current"])
    selected = draw(_selections(in_use_now))
    tampered: OutcomeType | None = None
    if tamper:
        tampered = draw(choice(tuple(o for o in in_use_now if isinstance(o, OutcomeType))))
        if tampered not in selected:
            selected.insert(0, tampered)
    outcome_places = draw(PLACES)
    national_rows = draw(ints(0, 2 ** len(selected) - 1))
    rows = _draw_outcome_rows(
        draw,
        world,
        chosen_force,
        selected,
        places=outcome_places,
        offences_shown=draw(BOOLEANS),
        tampered=tampered,
    )
    rows += _draw_outcome_rows(
        draw,
        world,
        national,
        [o for bit, o in enumerate(selected) if national_rows >> bit & 1],
        places=outcome_places,
        offences_shown=draw(BOOLEANS),
        tampered=None,
    )
    tampered_id = None if tampered is None else _tamper(rows, tampered)

    improvements, causes, recommended = draw_findings(draw, chosen_programme, chosen_pillar)
    inspection = Inspection(
        force=chosen_force,
        programme=chosen_programme,
        pillar=chosen_pillar,
        title=(
            f"{chosen_programme.name}: Police {chosen_pillar.value} - "
            f"An inspection of {chosen_force.name}"
        ),
        published=date(year + 1, 2, 1) + timedelta(days=draw(ints(0, 60))),
        fieldwork=(world.periods["fieldwork"],),
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
    :mod:`peelmodel.arithmetic`: rates per 1,000 population and households, per
    million, shares, percentage changes on a baseline, counts (one a "more
    than" bound), and outcome rates per 100 offences for types and their
    groups. Each table has one drawn precision of 0 to 2 places.

    The defaults are any force (*force*), PEEL 2015 (*programme*, whose
    question catalogue ships with the package) and the effectiveness pillar
    (*pillar*); judgments grade the pillar's headline and core questions on
    the programme's scale, the overall grade lying within the core grades.

    >>> from hypothesis import given, settings
    >>> from peelmodel import dumps, loads
    >>> @settings(max_examples=20, deadline=None)
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
    >>> @settings(max_examples=20, deadline=None)
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
    >>> @settings(max_examples=20, deadline=None)
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
