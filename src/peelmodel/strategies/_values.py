"""Strategies that draw single values built from registry entries: periods, judgments, rows, figures.

Re-exported by :mod:`peelmodel.strategies`.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peelmodel._validators import MAX_DATE, MIN_DATE
from peelmodel.arithmetic import publish, rate
from peelmodel.catalogues import forces as _forces
from peelmodel.catalogues import outcomes as _outcomes
from peelmodel.model.area import Area, AreaKind
from peelmodel.model.figure import Basis, Figure, Qualifier
from peelmodel.model.judgment import Judgment
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate, OutcomeType
from peelmodel.model.period import Period
from peelmodel.model.question import InspectionQuestion
from peelmodel.strategies._arguments import PLACES, check_strategy, check_type, lazy
from peelmodel.strategies._catalogue import areas, in_use, inspection_questions, outcome_types
from peelmodel.strategies._measures import BASIS_WORDS, LABELS, SHARE_OF

__all__ = [
    "ROW_SHAPES",
    "figures",
    "judgments",
    "outcome_rates",
    "periods",
    "twelve_months_before",
]

#: The earliest end of a twelve-month period that starts on or after MIN_DATE.
_EARLIEST_END = MIN_DATE.replace(year=MIN_DATE.year + 1)

#: What an outcome row shows: its count and rate (twice as often), or one of them.
ROW_SHAPES = st.sampled_from((("count", "rate"), ("count", "rate"), ("rate",), ("count",)))


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
            check_type(name, value, date)
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

    return lazy(build)


def twelve_months_before(end: date, years: int) -> Period:
    """The twelve months to the same day *years* earlier (28 February for 29 February).

    >>> twelve_months_before(date(2016, 2, 29), 1).end
    datetime.date(2015, 2, 28)
    """
    try:
        earlier = end.replace(year=end.year - years)
    except ValueError:  # 29 February
        earlier = end.replace(year=end.year - years, day=28)
    return Period.twelve_months_to(earlier)


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
        source = check_strategy(
            "question", inspection_questions(graded=True) if question is None else question
        )
        chosen = draw(source)
        check_type("question (drawn)", chosen, InspectionQuestion)
        if not chosen.graded:
            raise InvalidArgument(f"question drew {chosen.id!r}, which is not graded")
        return Judgment(question=chosen, grade=draw(st.sampled_from(chosen.programme.scale.grades)))

    return draw_judgment()


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
        where = draw(check_strategy("area", areas() if area is None else area))
        check_type("area (drawn)", where, Area)
        when = draw(
            check_strategy(
                "period",
                st.dates(date(2014, 4, 1), date(2030, 12, 31)).map(Period.twelve_months_to)
                if period is None
                else period,
            )
        )
        check_type("period (drawn)", when, Period)
        if outcome is None:
            chosen: OutcomeType | OutcomeGroup = draw(
                st.one_of(
                    outcome_types(period=when),
                    st.sampled_from([g for g in _outcomes.groups() if in_use(g, when)]),
                )
            )
        else:
            chosen = draw(check_strategy("outcome", outcome))
            check_type("outcome (drawn)", chosen, (OutcomeType, OutcomeGroup))
        used = (
            chosen.exists_during(when)
            if isinstance(chosen, OutcomeType)
            else bool(in_use(chosen, when))
        )
        if not used:
            raise InvalidArgument(f"outcome drew {chosen.id!r}, which was not in use during {when}")
        offences = draw(st.integers(1, 6_000_000))
        count = draw(st.integers(0, offences))
        shown = draw(ROW_SHAPES)
        places = draw(PLACES)
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
        kind = draw(check_strategy("basis", st.sampled_from(Basis) if basis is None else basis))
        check_type("basis (drawn)", kind, Basis)
        where = draw(check_strategy("area", areas() if area is None else area))
        check_type("area (drawn)", where, Area)
        when = draw(check_strategy("period", periods() if period is None else period))
        check_type("period (drawn)", when, Period)
        if kind is Basis.PERCENT:
            measure = draw(st.sampled_from(sorted(SHARE_OF)))
        else:
            measure = draw(st.sampled_from(sorted(set(LABELS) - {"victims-surveyed"})))
        places = 0 if kind is Basis.COUNT else draw(PLACES)
        qualifier = Qualifier.EXACTLY
        baseline: Period | None = None
        if kind is Basis.PERCENTAGE_CHANGE:
            years = draw(st.sampled_from((1, 5)))
            if when.end.year <= years + 1:
                raise InvalidArgument(f"period drew {when}, too early for a baseline")
            baseline = twelve_months_before(when.end, years)
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
            label=f"{LABELS[measure]}, {BASIS_WORDS[kind]}",
            measure=measure,
            area=where,
            period=when,
            basis=kind,
            published=published,
            source=draw(st.sampled_from(("Figure 2", "Force in numbers", "Annex A"))),
            of=SHARE_OF[measure] if kind is Basis.PERCENT else None,
            baseline=baseline,
            excluding=excluding,
            qualifier=qualifier,
        )

    return draw_figure()
