"""The engine against a brute-force oracle, on small random reports with hidden true numbers.

Each report is drawn from hidden whole numbers (offences and the outcomes of
two types, organised crime groups and those with drug activity, anti-social
behaviour incidents this year and last), published as the model's own
figures and outcome rows with their bases (counts, shares of a count, rates
per 100 offences, a percentage change), rounded half up; then none, one or
two published values are tampered with. The oracle of
``tests/oracle_enumeration.py`` enumerates every whole-number assignment of
the unknowns within a small ceiling and states the answer of every rule the
engine documents: the figures set aside and their conflicts, the exact
interval of every unknown, each figure's implied range, and each status.

Where the engine takes a ``ceiling``, it is given the oracle's, and every
answer must be equal. Without one (the engine before the exact rewrite),
only reports whose answers the oracle proves to hold with no ceiling at all
are compared.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from oracle_enumeration import Figure, Implied, Oracle, Puzzle, round_half_up

from peelmodel import Basis, Inspection, OutcomeRate, Period, Pillar
from peelmodel import Figure as PublishedFigure
from peelmodel.analysis import Assessment, assess
from peelmodel.catalogues import forces, outcomes, programmes

#: The greatest value of every unknown, for the oracle and, where it takes one, the engine.
CEILING = 24
#: Examples per property: a few by default, many under the heavy profile.
EXAMPLES = max(20, settings.default.max_examples // 8)
ENGINE_CEILING = "ceiling" in inspect.signature(assess).parameters

HAMPSHIRE = forces.get("hampshire")
YEAR = Period.twelve_months_to(date(2015, 6, 30))
LAST_YEAR = Period.twelve_months_to(date(2014, 6, 30))
AT = Period.as_at(date(2015, 6, 30))

# The unknowns, by the ids the engine gives its quantities: area.measure.period.
OFFENCES = f"hampshire.recorded-crime.{YEAR.slug}"
TYPE_7 = f"hampshire.outcomes.type-7.{YEAR.slug}"
TYPE_8 = f"hampshire.outcomes.type-8.{YEAR.slug}"
GROUPS = f"hampshire.ocgs.{AT.slug}"
DRUGS = f"hampshire.ocgs-drug-activity.{AT.slug}"
INCIDENTS = f"hampshire.asb-incidents.{YEAR.slug}"
BEFORE = f"hampshire.asb-incidents.{LAST_YEAR.slug}"

ROWS = {"type-7": (TYPE_7,), "type-8": (TYPE_8,), "out-of-court-informal": (TYPE_7, TYPE_8)}


def _shapes() -> dict[str, tuple[tuple[str, ...], str | None, int, int]]:
    """Every figure a report may publish: its numerator, denominator, scale and offset."""
    shapes: dict[str, tuple[tuple[str, ...], str | None, int, int]] = {}
    for outcome, members in ROWS.items():
        row = f"hampshire.outcomes.{outcome}"
        shapes[f"{row}.count"] = (members, None, 1, 0)
        shapes[f"{row}.rate"] = (members, OFFENCES, 100, 0)
        shapes[f"{row}.offences"] = ((OFFENCES,), None, 1, 0)
    shapes["hampshire.ocgs.count"] = ((GROUPS,), None, 1, 0)
    shapes["hampshire.ocgs-drug-activity.count"] = ((DRUGS,), None, 1, 0)
    shapes["hampshire.ocgs-drug-activity.percent"] = ((DRUGS,), GROUPS, 100, 0)
    shapes["hampshire.asb-incidents.count"] = ((INCIDENTS,), None, 1, 0)
    shapes["hampshire.asb-incidents.last-year.count"] = ((BEFORE,), None, 1, 0)
    shapes["hampshire.asb-incidents.change"] = ((INCIDENTS,), BEFORE, 100, -100)
    return shapes


SHAPES = _shapes()


def _decimal(scaled: int, places: int) -> Decimal:
    return Decimal(scaled).scaleb(-places)


def publish(truth: Mapping[str, int], figure_id: str, places: int) -> Decimal:
    """The figure's value for the true numbers, rounded half up to *places*."""
    numerator, denominator, scale, offset = SHAPES[figure_id]
    total = sum(truth[q] for q in numerator)
    below = truth[denominator] if denominator else 1
    return _decimal(round_half_up(scale * total + offset * below, below, places), places)


# --- the report, with the model's own classes ---


def _row(outcome: str, values: Mapping[str, Decimal]) -> OutcomeRate | None:
    row = f"hampshire.outcomes.{outcome}"
    count, rate = values.get(f"{row}.count"), values.get(f"{row}.rate")
    if count is None and rate is None:
        return None
    offences = values.get(f"{row}.offences")
    return OutcomeRate(
        area=HAMPSHIRE,
        period=YEAR,
        outcome=outcomes.get(outcome),
        count=None if count is None else int(count),
        rate=rate,
        offences=None if offences is None else int(offences),
        source="Outcomes",
    )


def _figure(figure_id: str, published: Decimal) -> PublishedFigure:
    measure = figure_id.split(".")[1]
    fields: dict[str, Any] = {
        "id": figure_id,
        "label": figure_id,
        "measure": measure,
        "area": HAMPSHIRE,
        "period": AT if measure.startswith("ocgs") else YEAR,
        "basis": Basis.COUNT,
        "published": published,
        "source": "Figures",
    }
    if figure_id.endswith(".percent"):
        fields |= {"basis": Basis.PERCENT, "of": "ocgs"}
    elif figure_id.endswith(".change"):
        fields |= {"basis": Basis.PERCENTAGE_CHANGE, "baseline": LAST_YEAR}
    elif ".last-year." in figure_id:
        fields |= {"period": LAST_YEAR}
    return PublishedFigure(**fields)


def report(values: Mapping[str, Decimal]) -> Inspection:
    """A PEEL 2015 inspection of Hampshire publishing *values* (by figure id)."""
    rows = [_row(outcome, values) for outcome in ROWS]
    return Inspection(
        force=HAMPSHIRE,
        programme=programmes.get("peel-2015"),
        pillar=Pillar.EFFECTIVENESS,
        title="A small report",
        published=date(2016, 2, 1),
        outcome_rates=tuple(row for row in rows if row is not None),
        figures=tuple(
            _figure(i, v) for i, v in sorted(values.items()) if not i.startswith("hampshire.outc")
        ),
    )


def published_ids(inspection: Inspection) -> set[str]:
    """The ids of the figures *inspection* publishes (a row's offences only beside its count or rate)."""
    found = {f.id for f in inspection.figures}
    for row in inspection.outcome_rates:
        found |= {
            f"{inspection.row_id(row)}.{part}"
            for part in ("count", "rate", "offences")
            if getattr(row, part) is not None
        }
    return found


def puzzle(values: Mapping[str, Decimal]) -> Puzzle:
    """The oracle's puzzle for *values*: the figures, and the limits of the domain."""
    figures = tuple(Figure(i, *SHAPES[i], v) for i, v in sorted(values.items()))
    read = {q for f in figures for q in f.unknowns}
    limits: list[tuple[tuple[str, ...], str]] = []
    if "hampshire.ocgs-drug-activity.percent" in values:  # a share of a count is within it
        limits.append(((DRUGS,), GROUPS))
    types = tuple(q for q in (TYPE_7, TYPE_8) if q in read)
    if OFFENCES in read and types:  # outcomes of the offences are within them
        limits.append((types, OFFENCES))
    return Puzzle(figures=figures, limits=tuple(limits), ceiling=CEILING)


# --- drawing reports ---


@st.composite
def truths(draw: st.DrawFn) -> dict[str, int]:
    """Hidden true numbers, each within the ceiling and the domain limits."""
    offences = draw(st.integers(1, CEILING))
    type_7 = draw(st.integers(0, offences))
    groups = draw(st.integers(1, CEILING))
    return {
        OFFENCES: offences,
        TYPE_7: type_7,
        TYPE_8: draw(st.integers(0, offences - type_7)),
        GROUPS: groups,
        DRUGS: draw(st.integers(0, groups)),
        INCIDENTS: draw(st.integers(0, CEILING)),
        BEFORE: draw(st.integers(1, CEILING)),
    }


@st.composite
def reports(
    draw: st.DrawFn, *, most_tampered: int = 2
) -> tuple[dict[str, int], dict[str, Decimal]]:
    """Hidden numbers and the values a report publishes from them, some perhaps tampered with."""
    truth = draw(truths())
    chosen = draw(st.sets(st.sampled_from(sorted(SHAPES)), min_size=1, max_size=9))
    values: dict[str, Decimal] = {}
    for figure_id in sorted(chosen):
        places = 0 if SHAPES[figure_id][2] == 1 else draw(st.integers(0, 1))
        values[figure_id] = publish(truth, figure_id, places)
    for outcome in ROWS:  # a row's offences stand only beside its count or rate
        row = f"hampshire.outcomes.{outcome}"
        if f"{row}.count" not in values and f"{row}.rate" not in values:
            values.pop(f"{row}.offences", None)
    if not values:
        values["hampshire.ocgs.count"] = publish(truth, "hampshire.ocgs.count", 0)
    tampered = draw(st.sets(st.sampled_from(sorted(values)), max_size=most_tampered))
    for figure_id in sorted(tampered):
        value = values[figure_id]
        step = Decimal(1).scaleb(value.as_tuple().exponent)
        moved = value + draw(st.sampled_from([-3, -2, -1, 1, 2, 3])) * step
        least = Decimal(1) if SHAPES[figure_id][2] == 1 else Decimal(0)
        if figure_id.endswith(".change") or moved >= least:
            values[figure_id] = moved
    return truth, values


# --- the comparison ---


def compared(
    check: Callable[[Oracle, Assessment], None], exact: Callable[[Oracle], bool]
) -> Callable[[Mapping[str, Decimal]], bool]:
    """Compare the engine's answers with the oracle's by *check*; return whether compared.

    Where the engine takes no ceiling, only where *exact* proves that the
    oracle's answers hold without one.
    """

    def run(values: Mapping[str, Decimal]) -> bool:
        oracle = Oracle(puzzle(values))
        if ENGINE_CEILING:
            check(oracle, assess(report(values), ceiling=CEILING))  # type: ignore[call-arg]
        elif exact(oracle):
            check(oracle, assess(report(values)))
        else:
            return False
        return True

    return run


def check_blame(oracle: Oracle, assessment: Assessment) -> None:
    """The inconsistent figures are those set aside, each with the oracle's conflicts."""
    blamed = {r.id for r in assessment.figures if r.status.value == "inconsistent"}
    assert blamed == set(oracle.set_aside), (blamed, oracle.set_aside)
    for result in assessment.figures:
        assert result.conflicts_with == tuple(sorted(oracle.conflicts_with(result.id))), result.id
    assert assessment.reconciliation.set_aside == oracle.set_aside  # type: ignore[attr-defined]


def check_statuses(oracle: Oracle, assessment: Assessment) -> None:
    """Every published figure has the oracle's status."""
    found = {r.id: r.status.value for r in assessment.figures}
    assert found == {i: oracle.status(i) for i in oracle.figures}


def check_intervals(oracle: Oracle, assessment: Assessment) -> None:
    """Every unknown has the oracle's least and greatest value, bounded as the oracle says."""
    found = {i.quantity.id: (i.low, i.high, i.is_bounded) for i in assessment.inferred}
    assert found == {q: oracle.interval(q) for q in oracle.puzzle.unknowns}


def check_implied(oracle: Oracle, assessment: Assessment) -> None:
    """Every published figure has the oracle's implied range."""
    for result in assessment.figures:
        implied = result.implied  # type: ignore[attr-defined]
        assert Implied(implied.low, implied.high) == oracle.implied(result.id), result.id


def check_witnesses(oracle: Oracle, assessment: Assessment) -> None:
    """Each end of every interval is attained by a solution of the kept figures."""
    for interval in assessment.inferred:
        low, high, bounded = oracle.interval(interval.quantity.id)
        witness = interval.witness_low  # type: ignore[attr-defined]
        assert oracle.solution(witness)
        assert witness[interval.quantity.id] == low
        witness = interval.witness_high  # type: ignore[attr-defined]
        if bounded:
            assert oracle.solution(witness)
            assert witness[interval.quantity.id] == high
        else:
            assert witness is None


# Reports the engine before the exact rewrite gets wrong, each by one of its known limits.
#: Two rates over one unknown count of offences that no whole number satisfies together.
NO_WHOLE_NUMBER = {
    "hampshire.outcomes.type-7.count": Decimal(1),
    "hampshire.outcomes.type-7.rate": Decimal(33),
    "hampshire.outcomes.type-8.count": Decimal(1),
    "hampshire.outcomes.type-8.rate": Decimal(25),
}

#: A true report: 2 outcomes at 50 per 100 offences, all of them type 7 at 50.0. Interval
#: by interval, 2 to 4 offences and 1 or 2 of type 7 look possible; only 4 and 2 are.
GROUP_AND_MEMBER = {
    "hampshire.outcomes.out-of-court-informal.count": Decimal(2),
    "hampshire.outcomes.out-of-court-informal.rate": Decimal(50),
    "hampshire.outcomes.type-7.rate": Decimal("50.0"),
}

#: The same, with the offences published beside type 7's count and rate.
WITH_OFFENCES = {**NO_WHOLE_NUMBER, "hampshire.outcomes.type-7.offences": Decimal(3)}


class TestOracleByHand:
    def test_rounding(self):
        """The oracle rounds half away from zero, as Decimal's ROUND_HALF_UP does."""
        for numerator in range(-50, 51):
            for denominator in (1, 2, 3, 8, 40):
                for places in (0, 1):
                    exact = Decimal(numerator) / Decimal(denominator)
                    expected = exact.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
                    found = round_half_up(numerator, denominator, places)
                    assert _decimal(found, places) == expected

    def test_share_pins_a_count(self):
        """55 % of 20 groups is 11 groups; yet 20 groups allow every share from 0 to 100 %."""
        oracle = Oracle(
            puzzle(
                {
                    "hampshire.ocgs.count": Decimal(20),
                    "hampshire.ocgs-drug-activity.percent": Decimal(55),
                }
            )
        )
        assert oracle.interval(DRUGS) == (11, 11, True)
        # Only multiples of 5 %: holes inside the range are not used, so nothing is caught.
        assert oracle.implied("hampshire.ocgs-drug-activity.percent") == Implied(
            Decimal(0), Decimal(100)
        )
        assert oracle.status("hampshire.ocgs-drug-activity.percent") == "unverifiable"
        # 6 of 11 is the fewest groups 55 % can be of; 27 of 49 is beyond the ceiling.
        assert oracle.implied("hampshire.ocgs.count") == Implied(Decimal(11), None)
        assert oracle.domain("hampshire.ocgs.count") == Implied(Decimal(1), None)

    def test_rate_pins_offences(self):
        """3 outcomes at 14.3 per 100 offences: 21 offences, and the rate is consistent."""
        oracle = Oracle(
            puzzle(
                {
                    "hampshire.outcomes.type-7.count": Decimal(3),
                    "hampshire.outcomes.type-7.rate": Decimal("14.3"),
                }
            )
        )
        assert oracle.interval(OFFENCES) == (21, 21, True)
        assert oracle.status("hampshire.outcomes.type-7.rate") == "consistent"
        assert oracle.domain("hampshire.outcomes.type-7.rate") == Implied(Decimal(0), Decimal(100))

    def test_reproduced_from_counts(self):
        """A rate whose count and offences are published is reproduced."""
        values = {
            "hampshire.outcomes.type-7.count": Decimal(3),
            "hampshire.outcomes.type-7.rate": Decimal(14),
            "hampshire.outcomes.type-7.offences": Decimal(21),
        }
        oracle = Oracle(puzzle(values))
        assert oracle.status("hampshire.outcomes.type-7.rate") == "reproduced"
        assert oracle.status("hampshire.outcomes.type-7.count") == "consistent"

    def test_lone_count_unverifiable(self):
        """A count nothing else bears on is unverifiable, and its implied range is the domain."""
        oracle = Oracle(puzzle({"hampshire.asb-incidents.count": Decimal(7)}))
        assert oracle.status("hampshire.asb-incidents.count") == "unverifiable"
        assert oracle.implied("hampshire.asb-incidents.count") == Implied(Decimal(0), None)
        assert oracle.interval(INCIDENTS) == (7, 7, True)

    def test_unbounded_unknown(self):
        """Last year's incidents behind a change with no count of them depend on the ceiling."""
        values = {"hampshire.asb-incidents.change": Decimal(-100)}
        oracle = Oracle(puzzle(values))
        assert oracle.interval(BEFORE) == (1, CEILING, False)
        assert oracle.interval(INCIDENTS) == (0, 0, True)

    def test_blame_tie_break(self):
        """Of two figures either of which restores the rest, the larger id is set aside."""
        values = {
            "hampshire.ocgs.count": Decimal(10),
            "hampshire.ocgs-drug-activity.count": Decimal(5),
            "hampshire.ocgs-drug-activity.percent": Decimal(60),
        }
        oracle = Oracle(puzzle(values))
        # Without the percent or the drug count the rest hold; without the groups they do
        # not (5 groups are never 60 % of a whole number of groups): the percent goes.
        assert oracle.set_aside == {"hampshire.ocgs-drug-activity.percent"}
        assert oracle.conflicts_with("hampshire.ocgs-drug-activity.percent") == {
            "hampshire.ocgs-drug-activity.count"
        }
        assert oracle.status("hampshire.ocgs-drug-activity.percent") == "inconsistent"
        # The groups are still held above the 5 with drug activity.
        assert oracle.implied("hampshire.ocgs.count") == Implied(Decimal(5), None)
        assert oracle.status("hampshire.ocgs.count") == "consistent"

    def test_no_whole_number(self):
        """33 and 25 per 100 offences of one outcome each need 3 and 4 offences: one goes."""
        oracle = Oracle(puzzle(NO_WHOLE_NUMBER))
        assert oracle.set_aside == {"hampshire.outcomes.type-8.rate"}
        # Without the type 7 count, 12 offences fit both rates (4 and 3 outcomes).
        assert oracle.conflicts_with("hampshire.outcomes.type-8.rate") == {
            "hampshire.outcomes.type-7.rate",
            "hampshire.outcomes.type-8.count",
        }
        assert oracle.interval(OFFENCES) == (3, 3, True)
        assert oracle.exact_blame()
        assert oracle.exact_intervals()
        assert not oracle.exact_statuses()  # without its rate, type 7 leaves offences unbounded

    def test_offences_published(self):
        """With the offences published too, every answer holds without a ceiling."""
        oracle = Oracle(puzzle(WITH_OFFENCES))
        assert oracle.set_aside == {"hampshire.outcomes.type-8.rate"}
        assert oracle.status("hampshire.outcomes.type-7.rate") == "reproduced"
        assert oracle.status("hampshire.outcomes.type-8.count") == "consistent"
        assert oracle.implied("hampshire.outcomes.type-8.count") == Implied(Decimal(0), Decimal(2))
        assert oracle.exact_statuses()

    def test_group_and_member(self):
        """A group's count and rate pin the offences; the member's rate then pins the member."""
        oracle = Oracle(puzzle(GROUP_AND_MEMBER))
        assert oracle.set_aside == frozenset()
        assert [oracle.interval(q) for q in (OFFENCES, TYPE_7, TYPE_8)] == [
            (4, 4, True),
            (2, 2, True),
            (0, 0, True),
        ]
        assert oracle.exact_intervals()

    @given(reports(most_tampered=0))
    @settings(max_examples=EXAMPLES)
    def test_truth_is_a_solution(self, drawn):
        """Untampered, nothing is set aside and the truth lies in every interval."""
        truth, values = drawn
        oracle = Oracle(puzzle(values))
        assert oracle.set_aside == frozenset()
        assert oracle.solution({q: truth[q] for q in oracle.puzzle.unknowns})
        for q in oracle.puzzle.unknowns:
            low, high, _ = oracle.interval(q)
            assert low <= truth[q] <= high

    @given(reports())
    @settings(max_examples=EXAMPLES)
    def test_report_matches_puzzle(self, drawn):
        """The report publishes exactly the oracle's figures, and its claims read the same unknowns."""
        _, values = drawn
        inspection = report(values)
        assert published_ids(inspection) == set(values)
        found = {
            r.id: {q.id for q in r.claim.formula.quantities} for r in assess(inspection).figures
        }
        assert found == {f.id: set(f.unknowns) for f in puzzle(values).figures}


class TestEngine:
    @given(reports(most_tampered=0))
    @settings(max_examples=EXAMPLES)
    def test_untampered_reports_hold(self, drawn):
        """A report published from true numbers has no inconsistent figure, as the oracle says."""
        values = drawn[1]
        assert Oracle(puzzle(values)).set_aside == frozenset()
        statuses = {r.status.value for r in assess(report(values)).figures}
        assert "inconsistent" not in statuses

    @given(reports())
    @settings(max_examples=EXAMPLES)
    @example(({}, NO_WHOLE_NUMBER))
    def test_blame(self, drawn):
        """The figures set aside, and their conflicts, are the oracle's."""
        compared(check_blame, Oracle.exact_blame)(drawn[1])

    @given(reports())
    @settings(max_examples=EXAMPLES)
    @example(({}, WITH_OFFENCES))
    def test_statuses(self, drawn):
        """Every figure's status is the oracle's."""
        compared(check_statuses, Oracle.exact_statuses)(drawn[1])

    @given(reports())
    @settings(max_examples=EXAMPLES)
    @example(({}, GROUP_AND_MEMBER))
    @example(({}, NO_WHOLE_NUMBER))
    def test_intervals(self, drawn):
        """Every unknown's interval, and whether it is bounded, is the oracle's."""
        compared(check_intervals, Oracle.exact_intervals)(drawn[1])

    @given(reports())
    @settings(max_examples=EXAMPLES)
    @example(({}, WITH_OFFENCES))
    def test_implied(self, drawn):
        """Every figure's implied range is the oracle's."""
        compared(check_implied, Oracle.exact_statuses)(drawn[1])

    @given(reports())
    @settings(max_examples=EXAMPLES)
    @example(({}, NO_WHOLE_NUMBER))
    def test_witnesses(self, drawn):
        """Every interval's ends are attained by solutions of the kept figures."""
        compared(check_witnesses, Oracle.exact_intervals)(drawn[1])
