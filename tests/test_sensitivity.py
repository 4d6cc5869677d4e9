"""Sensitivity of the checks: a tampered figure is caught exactly when it must be.

For every published figure of the Hampshire report that shares a constraint
with another figure, the other figures alone bound the figure's formula to a
range (reconcile them without it, and ask :meth:`Reconciliation.range_of`).
A published value whose whole rounding band lies outside that range cannot
hold with the others, so it must be marked inconsistent; a value whose band
lies strictly inside the range is not ruled out by bounds, and must not be.
"""

from __future__ import annotations

import functools
import json
import math
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest

from peelmodel import Inspection, datasets, loads
from peelmodel.analysis.assessment import assess
from peelmodel.analysis.reconciliation import Reconciliation, reconcile
from peelmodel.analysis.status import Status
from peelmodel.arithmetic import places
from peelmodel.claims import Claim, claims_of

NAME = "hampshire-2015"
TEXT = datasets.text(NAME)
INSPECTION = datasets.load(NAME)
CLAIMS = claims_of(INSPECTION)
BASELINE = assess(INSPECTION)

#: Figures that share a constraint with another figure.
SHARED = [r.id for r in BASELINE.figures if r.status in {Status.CONSISTENT, Status.REPRODUCED}]


def _tamper(claim_id: str, value: Decimal) -> str:
    """The dataset's JSON text with the figure *claim_id* published as *value*."""
    document: dict[str, Any] = json.loads(TEXT)
    for figure in document["figures"]:
        if figure["id"] == claim_id:
            figure["published"] = str(value)
            return json.dumps(document)
    for row, document_row in zip(INSPECTION.outcome_rates, document["outcome_rates"], strict=True):
        if claim_id == f"{row.id}.count":
            document_row["count"] = int(value)
            return json.dumps(document)
        if claim_id == f"{row.id}.rate":
            document_row["rate"] = str(value)
            return json.dumps(document)
    raise LookupError(claim_id)


@functools.cache
def _without(claim_id: str) -> Reconciliation:
    """Every claim reconciled but *claim_id*, whose value is treated as lost."""
    claim = CLAIMS[claim_id]
    others = [c for c in CLAIMS.values() if c.id != claim.id]
    return reconcile([*others, _lost(claim)])


def _range_without(claim_id: str) -> tuple[Fraction, Fraction, bool, bool]:
    """The range of the claim's formula allowed by every other claim.

    The flags say whether each end rests on figures alone, rather than on the
    engine's prior (no upper bound from any figure, or a denominator no
    figure bounds).
    """
    claim = CLAIMS[claim_id]
    result = _without(claim_id)
    low, high = result.range_of(claim)
    formula = claim.formula
    numerator = [result.interval(q.id) for q in formula.numerator]
    denominator = None if formula.denominator is None else result.interval(formula.denominator.id)
    high_from_figures = all(i.is_bounded for i in numerator) and (
        denominator is None or bool(denominator.low_because)
    )
    low_from_figures = denominator is None or denominator.is_bounded
    return low, high, low_from_figures, high_from_figures


def _lost(claim: Claim) -> Claim:
    """The claim with its value lost: it names its quantities but does not constrain them."""
    return attrs.evolve(claim, published=None, part_of=None)


def _step(claim: Claim) -> Fraction:
    assert claim.published is not None
    return Fraction(1, 10 ** places(claim.published))


def _decimal(value: Fraction, digits: int) -> Decimal:
    assert (value * 10**digits).denominator == 1
    return Decimal(value.numerator * 10**digits // value.denominator).scaleb(-digits)


def _outside(claim: Claim, direction: int) -> Decimal | None:
    """The published value nearest the range whose whole band is outside it, or ``None``."""
    low, high, low_known, high_known = _range_without(claim.id)
    step = _step(claim)
    digits = places(claim.published) if claim.published is not None else 0
    # Every band lies within half a step of its value, so one and a half steps clear it.
    if direction > 0:
        if not high_known:
            return None
        value = math.ceil((high + step / 2) / step) * step + step
    else:
        if not low_known:
            return None
        value = math.floor((low - step / 2) / step) * step - step
        if value < 0 and claim.formula.offset == 0:
            return None
    return _decimal(value, digits)


def _inside(claim: Claim, direction: int) -> Decimal | None:
    """A published value other than the true one whose band is strictly inside the range."""
    assert claim.published is not None
    low, high, _, _ = _range_without(claim.id)
    step = _step(claim)
    value = Fraction(claim.published) + direction * step
    if low < value - step / 2 and value + step / 2 < high and _fine_grained(claim, value):
        return _decimal(value, places(claim.published))
    return None


def _fine_grained(claim: Claim, value: Fraction) -> bool:
    """Whether, at any solution, one more in the numerator moves the formula at most one step.

    Then every band of one step inside the range holds a value the formula
    takes at whole numbers; otherwise (56 percent of 62 groups moves by 1.6 a
    group) a band inside the range can fall between two attainable values.
    """
    formula = claim.formula
    step = _step(claim)
    if formula.denominator is None:
        return abs(formula.scale) <= step
    result = _without(claim.id)
    numerator = sum(result.interval(q.id).low for q in formula.numerator)
    # numerator / denominator <= (value + step/2 - offset) / scale bounds the denominator below.
    top = (value + step / 2 - formula.offset) / formula.scale
    least = max(Fraction(result.interval(formula.denominator.id).low), numerator / top)
    return abs(formula.scale) / least <= step


def _reconcile(text: str) -> Reconciliation:
    """Load the document text and reconcile its claims: what ``check`` blames."""
    return reconcile(claims_of(loads(text, Inspection)).values())


def _cases() -> list[Any]:
    return [
        pytest.param(figure, direction, id=f"{figure}-{name}")
        for figure in SHARED
        for direction, name in ((1, "up"), (-1, "down"))
    ]


class TestSensitivity:
    def test_most_figures_share_a_constraint(self):
        """At least 40 Hampshire figures are checked against others."""
        assert len(SHARED) >= 40

    @pytest.mark.parametrize(("figure", "direction"), _cases())
    def test_value_outside_the_range_is_caught(self, figure, direction):
        """A value whose band lies outside the range the others allow is inconsistent."""
        claim = CLAIMS[figure]
        value = _outside(claim, direction)
        if value is None:
            pytest.skip("the other figures leave this side unbounded")
        found = _reconcile(_tamper(figure, value))
        assert found.conflicting(figure)
        assert figure in {claim for conflict in found.conflicts for claim in conflict.claims}

    @pytest.mark.parametrize(("figure", "direction"), _cases())
    def test_value_inside_the_range_is_not_caught(self, figure, direction):
        """A value whose band lies strictly inside the range the others allow is not caught."""
        claim = CLAIMS[figure]
        value = _inside(claim, direction)
        if value is None:
            pytest.skip("the other figures leave no room for another value")
        assert _reconcile(_tamper(figure, value)).conflicts == ()

    def test_most_figures_are_exercised_both_ways(self):
        """Most shared figures have a catchable value, and many have an uncatchable one."""
        caught = [f for f in SHARED if any(_outside(CLAIMS[f], d) for d in (1, -1))]
        passed = [f for f in SHARED if any(_inside(CLAIMS[f], d) for d in (1, -1))]
        assert len(caught) >= 2 / 3 * len(SHARED)
        assert len(passed) >= 1 / 4 * len(SHARED)
        assert len(set(caught) | set(passed)) >= 3 / 4 * len(SHARED)

    def test_tampering_changes_only_the_figure(self):
        """The tampered document differs from the dataset in one figure only."""
        figure = "hampshire.ocgs.count"
        document = loads(_tamper(figure, Decimal(63)), Inspection)
        before = claims_of(INSPECTION)
        after = claims_of(document)
        changed = [i for i in before if before[i].published != after[i].published]
        assert changed == [figure]


TAMPERED_FIGURE = "hampshire.ocgs.per-million-population"


@pytest.fixture(scope="module")
def tampered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("check") / "tampered.json"
    path.write_text(_tamper(TAMPERED_FIGURE, Decimal(40)), encoding="utf-8")
    return path


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - runs the installed command on a test file
        [sys.executable, "-m", "peelmodel", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


class TestCheckCommand:
    def test_tampered_document_exits_1(self, tampered):
        """`peelmodel check` exits 1 on a document with a tampered figure."""
        assert _run("check", str(tampered)).returncode == 1

    def test_table_names_the_conflicting_figures(self, tampered):
        """The table marks the figure inconsistent and names what it conflicts with."""
        output = _run("check", str(tampered)).stdout
        expected = BASELINE.figure(TAMPERED_FIGURE).claim.label
        lines = [line for line in output.splitlines() if "inconsistent" in line]
        assert any(expected in line for line in lines)
        named = assess(loads(tampered.read_text(encoding="utf-8"), Inspection)).figure(
            TAMPERED_FIGURE
        )
        assert named.conflicts_with
        assert all(other in output for other in named.conflicts_with)
        assert "INCONSISTENT" in output

    def test_json_lists_the_conflicts(self, tampered):
        """`--format json` gives the figures with status inconsistent and their conflicts."""
        result = _run("check", str(tampered), "--format", "json")
        assert result.returncode == 1
        document = json.loads(result.stdout)
        bad = {f["id"]: f for f in document["figures"] if f["status"] == "inconsistent"}
        assert TAMPERED_FIGURE in bad
        assert bad[TAMPERED_FIGURE]["published"] == "40"
        assert bad[TAMPERED_FIGURE]["conflicts_with"]
        # Only the tampered figure is set aside; the figures it conflicts with are kept.
        assert set(bad) == {TAMPERED_FIGURE}
        statuses = {f["id"]: f["status"] for f in document["figures"]}
        for other in bad[TAMPERED_FIGURE]["conflicts_with"]:
            assert statuses[other] != "inconsistent"
        assert any(TAMPERED_FIGURE in c["claims"] for c in document["conflicts"])
        assert document["consistent"] is False

    def test_untampered_dataset_exits_0(self):
        """The shipped dataset checks clean."""
        assert _run("check", NAME).returncode == 0
