"""What a status promises, domain limits, and wrong numbers as findings.

Every status is earned: a ``consistent`` figure has a value the other figures
would have caught, an ``unverifiable`` one has none; a part never exceeds its
whole; a document whose numbers disagree loads, and ``check`` names every
figure involved; and the answer never depends on the order of the document.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peelmodel import Inspection, datasets, dumps, loads
from peelmodel.analysis import aggregation as aggregate
from peelmodel.analysis.assessment import assess
from peelmodel.analysis.reconciliation import holds_together, reconcile
from peelmodel.analysis.status import Status
from peelmodel.arithmetic import places
from peelmodel.claims import Claim, Formula, Quantity, claims_of
from peelmodel.documents.records import assessment_dict
from peelmodel.errors import InconsistentInputError
from peelmodel.limits import Limit, limits_of
from peelmodel.model.area import Area, AreaKind
from peelmodel.model.figure import Basis, Qualifier
from peelmodel.model.period import Period
from peelmodel.strategies import inconsistent_inspections

DOCUMENT = json.loads(
    (resources.files("peelmodel") / "datasets" / "hampshire-2015.json").read_text("utf-8")
)


@pytest.fixture(scope="module")
def hampshire():
    return assess(datasets.load("hampshire-2015"))


def tampered(change: Any) -> dict[str, Any]:
    """A deep copy of the Hampshire document, changed by *change*."""
    document = copy.deepcopy(DOCUMENT)
    change(document)
    return document


def figure_entry(document: dict[str, Any], figure_id: str) -> dict[str, Any]:
    return next(entry for entry in document["figures"] if entry["id"] == figure_id)


def row_entry(document: dict[str, Any], outcome: str) -> dict[str, Any]:
    return next(
        row
        for row in document["outcome_rates"]
        if row["outcome"] == outcome and row["area"] == "hampshire"
    )


def publish(figure_id: str, value: str) -> Any:
    return lambda document: figure_entry(document, figure_id).update(published=value)


def nine_of_those_21_made_25(document: dict[str, Any]) -> None:
    figure_entry(document, "hampshire.ocgs-disrupted-more-than-once.count").update(published="25")


def group_total_off_by_one(document: dict[str, Any]) -> None:
    row_entry(document, "out-of-court-formal")["count"] += 1


def three_charged_of_two_offences(document: dict[str, Any]) -> None:
    row_entry(document, "type-1").update(count=3, offences=2)


def three_charged_of_two_inferred(document: dict[str, Any]) -> None:
    """Three charged at a rate of 150 per 100 offences: two offences, inferred."""
    document["outcome_rates"] = [
        {**row_entry(document, "type-1"), "count": 3, "rate": "150.0"},
    ]


#: Tamperings a user could make, the figures each must blame (at least), and why.
TAMPERINGS = [
    pytest.param(
        publish("hampshire.victim-based-crime.per-1000-population", "536.0"),
        {"hampshire.victim-based-crime.per-1000-population"},
        id="victim-based-rate-536",
    ),
    pytest.param(
        publish("hampshire.victim-based-crime.per-1000-population", "70.0"),
        {"hampshire.victim-based-crime.per-1000-population"},
        id="victim-based-above-recorded",
    ),
    pytest.param(
        publish("hampshire.ocgs-drug-activity.percent", "156"),
        {"hampshire.ocgs-drug-activity.percent"},
        id="share-of-156-percent",
    ),
    pytest.param(
        nine_of_those_21_made_25,
        {"hampshire.ocgs-disrupted-more-than-once.count", "hampshire.ocgs-disrupted.count"},
        id="25-of-those-21",
    ),
    pytest.param(
        publish("hampshire.victims-satisfied.percent", "184.1"),
        {"hampshire.victims-satisfied.percent"},
        id="satisfied-184-percent",
    ),
    pytest.param(
        group_total_off_by_one,
        {
            "hampshire.outcomes.out-of-court-formal.count",
            "hampshire.outcomes.type-2.count",
            "hampshire.outcomes.type-3.count",
            "hampshire.outcomes.type-6.count",
        },
        id="group-total-not-the-sum",
    ),
    pytest.param(
        three_charged_of_two_offences,
        {"hampshire.outcomes.type-1.count", "hampshire.outcomes.type-1.offences"},
        id="3-charged-of-2-offences",
    ),
    pytest.param(
        three_charged_of_two_inferred,
        {"hampshire.outcomes.type-1.rate"},
        id="3-charged-of-2-inferred-offences",
    ),
]


def run_check(document: dict[str, Any], tmp_path: Any) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return subprocess.run(  # noqa: S603 - runs this interpreter on a file the test wrote
        [sys.executable, "-m", "peelmodel", "check", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )


class TestTampering:
    @pytest.mark.parametrize(("change", "blamed"), TAMPERINGS)
    def test_caught_in_process(self, change, blamed):
        """The tampered document loads, and the changed figures are inconsistent."""
        assessment = assess(loads(json.dumps(tampered(change)), Inspection))
        inconsistent = {r.id for r in assessment.figures if r.status is Status.INCONSISTENT}
        assert not assessment.is_consistent
        # The fewest figures are set aside: one of the figures that disagree, at least.
        assert blamed & inconsistent
        for result in assessment.figures:
            if result.status is Status.INCONSISTENT and result.derived is None:
                assert result.conflicts_with, result.id

    @pytest.mark.parametrize(("change", "blamed"), TAMPERINGS)
    def test_caught_by_the_command(self, change, blamed, tmp_path):
        """``peelmodel check`` exits 1 and names the figures in its JSON."""
        done = run_check(tampered(change), tmp_path)
        assert done.returncode == 1, done.stderr
        report = json.loads(done.stdout)
        named = {f["id"] for f in report["figures"] if f["status"] == "inconsistent"}
        assert blamed & named
        assert report["conflicts"]

    def test_untouched_dataset_exits_0(self, tmp_path):
        """The shipped dataset, written to a file, checks clean."""
        assert run_check(DOCUMENT, tmp_path).returncode == 0


def _allowed(claim: Claim) -> tuple[Fraction, Fraction | None]:
    """The values a figure can take at all: stated here, apart from the library."""
    formula = claim.formula
    share = claim.part_of is not None and formula.denominator is not None
    share = share or (".outcomes." in claim.id and claim.id.endswith(".rate"))
    return formula.offset, formula.offset + formula.scale if share else None


def _probes(claim: Claim) -> list[Decimal]:
    """Values to try for a figure: a window around it, far values and the ends."""
    assert claim.published is not None
    step = Decimal(1).scaleb(-places(claim.published))
    low, high = _allowed(claim)
    values = {claim.published + k * step for k in range(-40, 41)}
    values |= {claim.published * 2, claim.published / 2, claim.published * 10}
    ends = [low] if high is None else [low, high]
    values |= {Decimal(end.numerator) / Decimal(end.denominator) for end in ends}
    return sorted(v.quantize(step) for v in values if v >= low and (high is None or v <= high))


class TestStatusesAreEarned:
    def test_counts(self, hampshire):
        """The Hampshire statuses: none inconsistent, and both checked and unchecked figures."""
        counts = hampshire.counts()
        assert counts[Status.INCONSISTENT] == 0
        assert counts[Status.CONSISTENT] >= 40
        assert counts[Status.UNVERIFIABLE] >= 15

    def test_every_consistent_figure_has_a_value_that_is_caught(self, hampshire):
        """A consistent figure changed to its caught value makes the report inconsistent."""
        claims = [r.claim for r in hampshire.figures]
        checked = [r for r in hampshire.figures if r.status is Status.CONSISTENT]
        assert checked
        for result in checked:
            low, high = _allowed(result.claim)
            assert result.caught is not None
            assert result.caught >= low, result.id
            assert high is None or result.caught <= high, result.id
            changed = attrs.evolve(result.claim, published=result.caught)
            others = [c for c in claims if c.id != result.id]
            found = reconcile([*others, changed])
            assert result.id in {i for c in found.conflicts for i in c.claims}, result.id

    def test_no_unverifiable_figure_is_narrowed(self, hampshire):
        """An unverifiable figure's implied range is its domain, and both its ends hold."""
        claims = [r.claim for r in hampshire.figures]
        limits = limits_of([*claims, *(r.claim for r in hampshire.lost)])
        unchecked = [r for r in hampshire.figures if r.status is Status.UNVERIFIABLE]
        assert unchecked
        for result in unchecked:
            implied = result.implied
            assert implied is not None
            assert implied == result._scrutiny.domain(result.claim), result.id
            others = [c for c in claims if c.id != result.id]
            for value in (implied.low, implied.high):
                if value is not None and result.claim.qualifier is Qualifier.EXACTLY:
                    changed = attrs.evolve(result.claim, published=value)
                    assert holds_together([*others, changed], limits), (result.id, value)

    def test_a_hole_is_not_a_check(self, hampshire):
        """1 percent of 62 groups is no whole number, yet 56 percent of them is unverifiable."""
        result = hampshire.figure("hampshire.ocgs-drug-activity.percent")
        assert result.status is Status.UNVERIFIABLE
        assert result.caught is None

    def test_a_change_on_last_year_checks_only_the_absurd(self, hampshire):
        """Last year's crime is published nowhere else, but it is at least 1: only a rise past
        what 1 gives, over twelve million percent, is caught."""
        result = hampshire.figure("hampshire.recorded-crime.change-on-previous-year")
        assert result.status is Status.CONSISTENT
        assert result.implied is not None
        assert result.implied.low == Decimal(-100)
        assert result.caught is not None
        assert result.caught > Decimal(12_000_000)

    def test_the_victim_based_rate_is_held_below_all_crime(self, hampshire):
        """Victim-based crime is part of recorded crime: a rate above all crime's is caught."""
        result = hampshire.figure("hampshire.victim-based-crime.per-1000-population")
        assert result.status is Status.CONSISTENT
        assert result.claim.published is not None
        assert result.claim.published < result.caught <= Decimal("62.6")


class TestLimits:
    AREA = Area(id="x", name="Area x", ons_code="E99999999", kind=AreaKind.FORCE)
    PART, WHOLE = Quantity(area=AREA, measure="part"), Quantity(area=AREA, measure="whole")

    def claim(self, claim_id: str, quantity: Quantity, value: int) -> Claim:
        return Claim(
            id=claim_id,
            label=claim_id,
            area=self.AREA,
            measure=quantity.measure,
            basis=Basis.COUNT,
            period=Period.parse("2015-06-30"),
            source="test",
            published=Decimal(value),
            formula=Formula(numerator=(quantity,)),
        )

    def test_a_part_above_its_whole_conflicts(self):
        """25 of those 21 cannot hold."""
        claims = [self.claim("part", self.PART, 25), self.claim("whole", self.WHOLE, 21)]
        found = reconcile(claims, limits=[Limit(parts=(self.PART,), whole=self.WHOLE)])
        assert [c.claims for c in found.conflicts] == [{"part", "whole"}]
        assert found.conflicts[0].limits == {"x.part ≤ x.whole"}

    def test_a_part_within_its_whole_holds(self):
        """9 of those 21 holds, and bounds the whole from below when only the part is known."""
        limit = Limit(parts=(self.PART,), whole=self.WHOLE)
        assert (
            reconcile([self.claim("part", self.PART, 9)], limits=[limit]).interval("x.whole").low
            == 9
        )

    def test_parts_add_up_within_the_whole(self):
        """Two parts of 15 do not fit in a whole of 21, though each alone does."""
        other = Quantity(area=self.AREA, measure="other")
        claims = [
            self.claim("part", self.PART, 15),
            self.claim("other", other, 15),
            self.claim("whole", self.WHOLE, 21),
        ]
        found = reconcile(claims, limits=[Limit(parts=(other, self.PART), whole=self.WHOLE)])
        assert [c.claims for c in found.conflicts] == [{"part", "other", "whole"}]

    def test_the_catalogue_holds_victim_based_within_recorded_crime(self):
        """The measure-parts catalogue applies wherever both measures appear."""
        claims = claims_of(datasets.load("hampshire-2015")).values()
        ids = {limit.id for limit in limits_of(claims)}
        assert (
            "hampshire.victim-based-crime.12m-to-2015-06-30 ≤ hampshire.recorded-crime.12m-to-2015-06-30"
            in ids
        )

    def test_limits_apply_to_inferred_numbers(self, hampshire):
        """Inferred victim-based crime never exceeds inferred recorded crime."""
        inferred = hampshire.reconciliation
        victims = inferred.interval("hampshire.victim-based-crime.12m-to-2015-06-30")
        crime = inferred.interval("hampshire.recorded-crime.12m-to-2015-06-30")
        assert victims.high <= crime.high


def _shuffled(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    shuffled = copy.deepcopy(document)
    for key in ("figures", "outcome_rates", "judgments", "areas_for_improvement"):
        shuffled[key] = draw(st.permutations(shuffled[key]))
    return shuffled


@st.composite
def shuffled_tamperings(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A tampered Hampshire document, and the same content in another order."""
    change = draw(st.sampled_from([p.values[0] for p in TAMPERINGS]))
    document = tampered(change)
    return document, _shuffled(draw, document)


class TestOrderIndependence:
    @settings(max_examples=12)
    @given(shuffled_tamperings())
    def test_shuffled_documents_give_identical_json(self, pair):
        """Reordering a document's lists changes no byte of the assessment."""
        first, second = (
            json.dumps(assessment_dict(assess(loads(json.dumps(d), Inspection)))) for d in pair
        )
        assert first == second

    @settings(max_examples=25)
    @given(st.data())
    def test_shuffled_claims_give_the_same_reconciliation(self, data):
        """reconcile() answers the same for any order of its claims."""
        inspection, _ = data.draw(inconsistent_inspections())
        claims = list(claims_of(inspection).values())
        reordered = data.draw(st.permutations(claims))
        one, other = reconcile(claims), reconcile(reordered)
        assert one.conflicts == other.conflicts
        assert one.intervals == other.intervals

    def test_round_trip_keeps_the_answer(self):
        """Dumping and loading a tampered document keeps its assessment."""
        inspection = loads(json.dumps(tampered(group_total_off_by_one)), Inspection)
        again = loads(dumps(inspection), Inspection)
        assert assessment_dict(assess(inspection)) == assessment_dict(assess(again))


class TestAggregateChecksItsInputs:
    def test_an_inconsistent_input_is_refused(self):
        """Aggregating a report whose figures disagree raises, naming the force and figures."""
        inspection = loads(json.dumps(tampered(group_total_off_by_one)), Inspection)
        with pytest.raises(InconsistentInputError) as caught:
            aggregate.national([inspection])
        assert caught.value.force == "hampshire"
        assert "hampshire.outcomes.out-of-court-formal.count" in caught.value.figures

    def test_going_on_sets_the_disagreeing_figures_aside(self):
        """With allow_inconsistent, the group total that disagrees is left out."""
        inspection = loads(json.dumps(tampered(group_total_off_by_one)), Inspection)
        group = aggregate.national([inspection], allow_inconsistent=True)
        assert group.members

    def test_the_command_exits_1_naming_the_file(self, tmp_path):
        """``peelmodel aggregate`` names the file and the figures, and exits 1."""
        path = tmp_path / "tampered.json"
        path.write_text(json.dumps(tampered(group_total_off_by_one)), encoding="utf-8")
        command = [sys.executable, "-m", "peelmodel", "aggregate", str(path)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - this interpreter, a file the test wrote
        assert done.returncode == 1
        assert done.stderr.startswith(f"peelmodel: {path}: ")
        assert "hampshire.outcomes.out-of-court-formal.count" in done.stderr
        assert done.stderr.count("\n") == 1
        again = subprocess.run([*command, "--allow-inconsistent"], capture_output=True, check=False)  # noqa: S603 - as above
        assert again.returncode == 0

    def test_an_unbounded_high_is_null_in_json(self):
        """An interval no published figure closes has "high": null, never the engine's ceiling."""
        command = [
            sys.executable,
            "-m",
            "peelmodel",
            "aggregate",
            "hampshire-2015",
            "--format",
            "json",
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603 - fixed arguments
        figures = {f["id"]: f for f in json.loads(done.stdout)["groups"][0]["figures"]}
        assert (
            figures["england-and-wales.officers-trained-in-neighbourhood-excellence.count"]["high"]
            is None
        )
        assert str(10**12) not in done.stdout
        group = aggregate.national([datasets.load("hampshire-2015")])
        assert not next(f for f in group.figures if f.key.startswith("officers-trained")).bounded
