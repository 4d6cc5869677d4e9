"""The reconcile and assess engines are exact: no cap changes an answer, every end has a witness.

Each test is a case the engines once got wrong: a published 0 that a figure
divides by, many parts within one whole, many figures for one value, the
same wrong value printed twice, two roundings of one value; then the
witnesses of every interval, checked by substitution, and answers that do
not depend on the order of the figures.
"""

from __future__ import annotations

import json
import random
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from claim_making import count, made, percent, quantity
from counting import calls_of

from peelmodel import datasets
from peelmodel.analysis import _leave_one_out, reconcile
from peelmodel.analysis._components import Component
from peelmodel.analysis._propagation import propagate
from peelmodel.analysis._query import Query
from peelmodel.analysis._rules import solvable_ratio
from peelmodel.analysis.reconciliation import Reconciliation, holds_together
from peelmodel.analysis.scrutiny import Scrutiny, caught_value
from peelmodel.analysis.status import Status
from peelmodel.arithmetic import round_half_up
from peelmodel.catalogues import areas
from peelmodel.claims import Claim, Formula, Quantity, claims_of
from peelmodel.cli.app import main
from peelmodel.errors import InvalidValueError
from peelmodel.limits import Limit, limits_of
from peelmodel.model.figure import Qualifier
from peelmodel.model.period import Period

YEAR = Period.twelve_months_to(date(2015, 6, 30))
AREA = areas.get("hampshire")


def q(measure: str) -> Quantity:
    """A quantity of Hampshire in the year to June 2015."""
    return Quantity(area=AREA, measure=measure, period=YEAR)


def claim(  # noqa: PLR0913 - the fields of a claim, most with defaults
    claim_id: str,
    published: str,
    numerator: tuple[Quantity, ...],
    denominator: Quantity | None = None,
    scale: int = 1,
    *,
    qualifier: Qualifier = Qualifier.EXACTLY,
) -> Claim:
    """``scale × sum(numerator) ÷ denominator`` published as *published*."""
    formula = Formula(numerator=numerator, denominator=denominator, scale=Fraction(scale))
    return made(claim_id, Decimal(published), formula, AREA, qualifier=qualifier)


def holds(item: Claim, values: dict[str, int]) -> bool:
    """Whether *values* give the published value of *item*, rounded half up as published."""
    formula = item.formula
    total = Fraction(sum(values[quantity.id] for quantity in formula.numerator))
    if formula.denominator is not None:
        if values[formula.denominator.id] == 0:
            return False
        total /= values[formula.denominator.id]
    value = formula.scale * total + formula.offset
    assert item.published is not None
    if item.qualifier is Qualifier.MORE_THAN:
        return value > item.published
    return round_half_up(value, item.places or 0) == item.published


def check_witnesses(result: Reconciliation, claims: list[Claim], limits: list[Limit]) -> None:
    """Every end of every interval is attained by values satisfying every kept claim and limit."""
    kept = [c for c in claims if c.published is not None and c.id not in result.set_aside]
    for interval in result.intervals:
        ends = [(interval.low, interval.witness_low)]
        if interval.is_bounded:
            ends.append((interval.high, interval.witness_high))
        for end, witness in ends:
            assert witness is not None
            values = dict(witness)
            assert values[interval.quantity.id] == end
            assert all(holds(c, values) for c in kept)
            for limit in limits:
                assert sum(values[p.id] for p in limit.parts) <= values[limit.whole.id]


class TestZeroDivisors:
    def test_zero_offences_is_a_finding(self):
        """Offences published as 0 while rates divide by them: the count is set aside, no crash."""
        crime, charged = q("recorded-crime"), q("charged")
        claims = [
            claim("crime", "0", (crime,)),
            claim("rate", "14.4", (charged,), crime, 100),
        ]
        result = reconcile(claims)
        assert result.set_aside == {"crime"}
        assert result.conflicting("crime") == {"rate"}

    def test_zero_population_through_the_command(self, tmp_path, capsys):
        """A published count of 0 organised crime groups: exit 1, the figures named."""
        text = datasets.text("hampshire-2015")
        document = json.loads(text)
        for figure in document["figures"]:
            if figure["id"] == "hampshire.ocgs.count":
                figure["published"] = "0"
        path = tmp_path / "zero.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        code = main(["check", str(path), "--format", "json"])
        out = json.loads(capsys.readouterr().out)
        assert code == 1
        bad = {f["id"]: f for f in out["figures"] if f["status"] == "inconsistent"}
        assert set(bad) == {"hampshire.ocgs.count"}
        assert bad["hampshire.ocgs.count"]["conflicts_with"]


class TestDomains:
    def test_a_count_and_a_ratio_of_it_have_their_own_domains(self):
        """A count of x and x ÷ y (x within y) differ only in the divisor: their domains too."""
        x, y = q("part"), q("whole")
        count, ratio = claim("count", "5", (x,)), claim("ratio", "0", (x,), y)
        result = reconcile([count, ratio], limits=[Limit(parts=(x,), whole=y)])
        for first, second in ((count, ratio), (ratio, count)):
            scrutiny = Scrutiny(result)
            found = {item.id: str(scrutiny.domain(item)) for item in (first, second)}
            assert found == {"count": "0 to unbounded", "ratio": "0 to 1"}

    def test_limits_further_out_are_followed(self):
        """a + c within w and w within c leave a at 0: a limit two steps from a still counts."""
        a, c, w, d = q("a"), q("c"), q("w"), q("d")
        share = claim("share", "0", (a,), d)
        within = [Limit(parts=(a,), whole=d), Limit(parts=(a, c), whole=w)]
        for further, domain in (
            (Limit(parts=(w,), whole=c), "0 to 0"),
            (Limit(parts=(w,), whole=q("v")), "0 to 1"),
        ):
            result = reconcile([share], limits=[*within, further])
            assert str(Scrutiny(result).domain(share)) == domain

    def test_a_floor_at_a_corner_of_the_limits_is_the_least_the_search_finds(self, report):
        """Every count at its least under the limits, the divisor at the ceiling: the search's least."""
        result = reconcile(claims_of(report).values())
        scrutiny = Scrutiny(result)
        floored = 0
        for item in claims_of(report).values():
            if item.published is None:
                continue
            floor = scrutiny._floor(item)
            floored += floor is not None
            if floor is not None:
                assert floor == Scrutiny(result)._shape_range(item).low, item.id
                assert scrutiny.domain(item).low == floor
        assert floored >= 60
        fresh = Scrutiny(result)
        for item in claims_of(report).values():
            if item.published is not None and fresh._floor(item) is not None:
                assert fresh._domain_range(item).low == fresh._floor(item)
        assert not fresh._shapes  # no domain's shape was searched for its least

    def test_a_formula_that_falls_as_its_numerator_grows_has_no_floor(self):
        """−x (a fall, as a count): its least is at the greatest x, the ceiling's, not at 0."""
        x = q("x")
        fall = made("fall", Decimal(-5), Formula(numerator=(x,), scale=Fraction(-1)), AREA)
        scrutiny = Scrutiny(reconcile([fall]))
        assert scrutiny._floor(fall) is None
        assert scrutiny.domain(fall).low == -scrutiny._reconciliation.ceiling

    def test_a_whole_is_at_least_the_least_of_its_parts(self):
        """y per 1,000 of x and x within w: x and w are at least 1, so w's least is 1.

        x is part of a limit, so it cannot be at the ceiling whatever its
        whole: the rate's least is left to the search.
        """
        x, y, w = q("x"), q("y"), q("w")
        rate, total = claim("rate", "5.0", (y,), x, 1000), claim("total", "9", (w,))
        result = reconcile([rate, total], limits=[Limit(parts=(x,), whole=w)])
        scrutiny = Scrutiny(result)
        assert scrutiny._lows(result._kept_of(w)[0]) == {w: 1, x: 1, y: 0}
        assert scrutiny._floor(total) == scrutiny.domain(total).low == 1
        assert scrutiny._floor(rate) is None
        assert scrutiny.domain(rate).low == Decimal("0.0")

    def test_limits_in_a_cycle_leave_the_least_to_the_search(self):
        """a + c within w and w within c, a divided by: the least counts never settle."""
        a, c, w = q("a"), q("c"), q("w")
        limits = [Limit(parts=(a, c), whole=w), Limit(parts=(w,), whole=c)]
        scrutiny = Scrutiny(reconcile([]))
        assert scrutiny._lows(Component([a, c, w], [], limits, {a})) is None
        assert scrutiny._lows(Component([a, c, w], [], limits, set())) == {a: 0, c: 0, w: 0}


class TestLimitsThatCannotHold:
    """Parts declared above their wholes, with a part divided by: no figure is to blame."""

    def claims(self) -> list[Claim]:
        """A count of a + c and of w, declared part of c, and a rate per a (at least 1)."""
        a, c, w = q("a"), q("c"), q("w")
        within = attrs.evolve(claim("w", "9", (w,)), part_of=c)
        return [claim("sum", "9", (a, c)), within, claim("rate", "5", (q("e"),), a, 100)]

    def test_a_clear_error_names_the_limits_and_the_divided(self):
        """a + c within w and w within c leave a at 0: not a figure's fault, an error."""
        # e within c links e, but a and w fail without it: it is not named.
        limits = [Limit(parts=(q("a"), q("c")), whole=q("w")), Limit(parts=(q("e"),), whole=q("c"))]
        with pytest.raises(InvalidValueError) as raised:
            reconcile(self.claims(), limits=[*limits, *limits_of(self.claims())])
        a, c, w = (f"hampshire.{name}.12m-to-2015-06-30" for name in "acw")
        assert str(raised.value) == (
            f"peelmodel.reconcile.limits: no whole numbers satisfy {a} + {c} ≤ {w}; {w} ≤ {c} "
            "with these at least 1 (figures divide by them): check what each figure is a part "
            f"of (found '{a}')"
        )
        assert not holds_together(self.claims(), [*limits, *limits_of(self.claims())])

    def test_the_divided_are_left_out_in_id_order(self):
        """a + a-b within w, w within each: a or a-b at least 1 is enough, and a-b goes first.

        Its id comes before a's (``-`` before ``.``), so a is the one named,
        though a sorts before a-b as a quantity.
        """
        a, ab, w = q("a"), q("a-b"), q("w")
        limits = [Limit(parts=(a, ab), whole=w), Limit(parts=(w,), whole=a)]
        limits.append(Limit(parts=(w,), whole=ab))
        claims = [claim("x", "5", (q("x"),), a, 100), claim("y", "5", (q("y"),), ab, 100)]
        with pytest.raises(InvalidValueError) as raised:
            reconcile(claims, limits=limits)
        assert str(raised.value).endswith("(found 'hampshire.a.12m-to-2015-06-30')")

    def test_the_command_line_exits_2_with_one_line(self, tmp_path, capsys):
        """Victim-based crime as a percentage of sexual offences, a rate per assault."""
        document = json.loads(datasets.text("hampshire-2015"))
        period = "2014-07-01/2015-06-30"
        for measure, whole in (
            ("victim-based-crime", "sexual-offences"),
            ("recorded-crime", "assault-with-injury"),
        ):
            document["figures"].append(
                {
                    "id": f"hampshire.{measure}.share-of-{whole}",
                    "label": f"{measure} as a percentage of {whole}",
                    "measure": measure,
                    "area": "hampshire",
                    "period": period,
                    "basis": "percent",
                    "source": "test",
                    "of": whole,
                    "published": "100",
                }
            )
        path = tmp_path / "parts.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        assert main(["check", str(path)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1
        assert "no whole numbers satisfy" in captured.err


class TestNoCaps:
    def test_seventy_parts_within_a_whole(self):
        """70 parts each more than 10 need a whole of at least 770: 769 is caught, 770 holds."""
        parts = tuple(q(f"part-{n:02d}") for n in range(70))
        whole = q("whole")
        more = [
            claim(f"p{n:02d}", "10", (p,), qualifier=Qualifier.MORE_THAN)
            for n, p in enumerate(parts)
        ]
        limit = Limit(parts=parts, whole=whole)
        wrong = reconcile([*more, claim("w", "769", (whole,))], limits=[limit])
        assert wrong.set_aside == {"w"}
        right = reconcile([*more, claim("w", "770", (whole,))], limits=[limit])
        assert right.set_aside == frozenset()
        assert (right.interval_of(parts[0]).low, right.interval_of(parts[0]).high) == (11, 11)

    def test_the_same_value_to_more_places_is_a_narrower_band(self):
        """62.5 and 62.50 of one formula: the second stands for a tenth of the first's band."""
        crime, people = q("recorded-crime"), Quantity(area=AREA, measure="population")
        wide, narrow = (
            claim(n, v, (crime,), people, 1000) for n, v in (("a", "62.5"), ("b", "62.50"))
        )
        bands = [solvable_ratio(item) for item in (wide, narrow, wide)]
        assert bands[0] == bands[2] != bands[1]
        assert bands[1].high - bands[1].low == (bands[0].high - bands[0].low) / 10

    def test_many_figures_for_one_value(self):
        """Twenty different counts of one quantity: all but the first (by id) are set aside."""
        crime = q("recorded-crime")
        claims = [claim(f"c{n:02d}", str(100 + n), (crime,)) for n in range(20)]
        result = reconcile(claims)
        assert result.set_aside == {f"c{n:02d}" for n in range(1, 20)}

    def test_two_roundings_of_one_value(self):
        """62.4 and 62.5 for the same rate cannot both hold: one is set aside."""
        crime, people = q("recorded-crime"), Quantity(area=AREA, measure="population")
        claims = [
            claim("a", "62.4", (crime,), people, 1000),
            claim("b", "62.5", (crime,), people, 1000),
        ]
        assert reconcile(claims).set_aside == {"b"}


def half_of_ten(last: Claim) -> list[Claim]:
    """10, 50 percent of it, 5 and a wrong 6 of that half, and *last*."""
    a, t = q("a"), q("t")
    return [
        claim("t", "10", (t,)),
        claim("s", "50", (a,), t, 100),
        claim("a5", "5", (a,)),
        claim("c1", "6", (a,)),
        last,
    ]


class TestBlame:
    def test_the_same_wrong_value_twice(self):
        """Two prints of 6 against 5 and 50 percent of 10: both 6s are set aside, alike."""
        result = reconcile(half_of_ten(claim("c2", "6", (q("a"),))))
        assert result.set_aside == {"c1", "c2"}
        assert result.conflicting("c1") >= {"a5"}
        assert result.conflicting("c2") >= {"a5"}

    def test_order_does_not_matter(self):
        """Shuffled claims give the same figures set aside, conflicts and intervals."""
        claims = half_of_ten(claim("z", "7", (q("t"),)))
        first = reconcile(claims)
        for seed in range(5):
            shuffled = list(claims)
            random.Random(seed).shuffle(shuffled)  # noqa: S311 - a fixed order, not a secret
            again = reconcile(shuffled)
            assert again.set_aside == first.set_aside
            assert again.conflicts == first.conflicts
            assert again.intervals == first.intervals


class TestWitnesses:
    def test_hampshire_witnesses_hold(self):
        """Every end of every Hampshire interval has values satisfying every figure."""
        claims = list(claims_of(datasets.load("hampshire-2015")).values())
        result = reconcile(claims)
        check_witnesses(result, claims, list(result.limits))

    def test_witnesses_after_a_conflict(self):
        """With a figure set aside, the witnesses satisfy every kept figure."""
        a, t = q("a"), q("t")
        claims = [claim("t", "10", (t,)), claim("s", "55", (a,), t, 100), claim("c", "9", (a,))]
        result = reconcile(claims)
        assert result.set_aside
        check_witnesses(result, claims, [])


class TestImplied:
    def test_share_of_known_whole(self, assessment):
        """56 percent of 62: the others allow 0 to 100, all the domain allows: unverifiable.

        1 percent of 62 or 63 is no whole number of groups (a hole), but a
        hole inside the range does not count: the range is not narrower.
        """
        result = assessment.figure("hampshire.ocgs-drug-activity.percent")
        assert result.implied is not None
        assert (result.implied.low, result.implied.high) == (Decimal(0), Decimal(100))
        assert result.status is Status.UNVERIFIABLE
        assert result.caught is None

    def test_every_published_figure_has_one(self, assessment):
        """Every published figure carries its implied range, and it holds its published value."""
        for result in assessment.figures:
            implied = result.implied
            assert implied is not None
            if result.claim.qualifier is Qualifier.EXACTLY:
                assert result.claim.published in implied

    def test_json_fields(self, capsys):
        """report --format json gives implied on figures and witnesses on intervals."""
        assert main(["report", "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        figure = next(f for f in data["figures"] if f["id"] == "hampshire.ocgs.count")
        assert figure["implied"] == {"low": "62", "high": "63"}
        interval = data["inferred"][0]
        assert set(interval["witness"]) == {"low", "high"}
        assert interval["witness"]["low"][interval["id"]] == interval["low"]


def _chain(
    links: int, wrong: tuple[int, ...] = (), first: int = 5000, least: int = 80
) -> list[Claim]:
    """A count of *first*, then each quantity a share (one place) of the one before.

    Each share is from *least* to 99 percent, and no quantity is below 1.
    The links in *wrong* are published 10 points too high (and set aside).
    """
    rng = random.Random(links)  # noqa: S311 - a fixed chain, not a secret
    values = [first]
    for _ in range(links):
        values.append(max(1, values[-1] * rng.randint(least, 99) // 100))
    chain = [made("c", Decimal(values[0]), Formula(numerator=(q("link-0"),)), AREA)]
    for n in range(1, links + 1):
        formula = Formula(
            numerator=(q(f"link-{n}"),), denominator=q(f"link-{n - 1}"), scale=Fraction(100)
        )
        value = round_half_up(Fraction(100 * values[n], values[n - 1]), 1)
        if n in wrong:
            value += 10
        chain.append(made(f"s{n:03d}", value, formula, AREA))
    return chain


class TestAskedInAnyOrder:
    """A figure's implied range and status are the same asked alone or after every other figure.

    The first figure of a component propagates its own system; once others
    ask, the bounds without each figure are found together
    (:mod:`peelmodel.analysis._leave_one_out`).
    """

    @pytest.mark.parametrize(
        "claims",
        [
            pytest.param(list(claims_of(datasets.load("hampshire-2015")).values()), id="hampshire"),
            pytest.param(_chain(45), id="chain"),
            pytest.param(_chain(45, wrong=(20,)), id="chain-with-a-wrong-link"),
            pytest.param(
                half_of_ten(claim("c2", "6", (q("a"),))), id="a-wrong-value-printed-twice"
            ),
        ],
    )
    def test_alone_and_after_the_rest(self, claims):
        result = reconcile(claims)
        published = [claim for claim in claims if claim.published is not None]
        shared = Scrutiny(result)
        together = {
            claim.id: (shared.implied(claim), shared.is_checked(claim), shared.caught(claim))
            for claim in reversed(published)
        }
        for claim in published:
            alone = Scrutiny(result)
            answer = (alone.implied(claim), alone.is_checked(claim), alone.caught(claim))
            assert answer == together[claim.id], claim.id


def test_a_chain_settles_within_a_few_sweeps():
    """Without its middle figure, a chain of 200 shares is anchored at one end only.

    Its bounds creep both ways along it; swept up and down in turn, the
    rules settle within 10 steps each (one link for each pass of a plain
    queue took about 30).
    """
    claims = _chain(200, first=10**9, least=90)
    result = reconcile(claims)
    component, kept = result._kept_of(claims[0].formula.quantities[0])
    system = component.system([claim for claim in kept if claim.id != "s100"], result.ceiling)
    low, high = list(system.low), list(system.high)
    steps = propagate(system, low, high, range(len(system.rules)), budget=10**9)
    assert 0 < steps <= 10 * len(system.rules)


class TestFiguresFromOutside:
    """A figure that is not one of the reconciliation's is scrutinised against its kept figures."""

    def test_over_two_components(self):
        """56 percent of groups, from 35 of 62 counted apart: checked, and 57 is caught."""
        groups, drugs = quantity("groups"), quantity("drugs")
        result = reconcile([count("groups", groups, 62), count("drugs", drugs, 35)])
        share = percent("drugs-share", drugs, groups, 56)
        scrutiny = Scrutiny(result)
        assert (str(scrutiny.implied(share)), str(scrutiny.domain(share))) == (
            "56 to 56",
            "0 to unbounded",
        )
        assert scrutiny.is_checked(share)
        assert caught_value(share, result) == Decimal(57)

    def test_over_a_quantity_it_never_saw(self):
        """Drugs groups are in no figure of the reconciliation: any share of 62 is allowed."""
        groups, drugs = quantity("groups"), quantity("drugs")
        result = reconcile([count("groups", groups, 62)])
        share = percent("drugs-share", drugs, groups, 56)
        scrutiny = Scrutiny(result)
        assert str(scrutiny.implied(share)) == "0 to unbounded"
        assert not scrutiny.is_checked(share)
        assert caught_value(share, result) is None

    def test_over_a_divisor_no_figure_divides_by(self):
        """35 groups as a share of a count never seen: that count is at least 1, so at most 3,500 %."""
        groups, drugs = quantity("groups"), quantity("drugs")
        result = reconcile([count("drugs", drugs, 35)])
        share = percent("drugs-share", drugs, groups, 56)
        scrutiny = Scrutiny(result)
        assert (str(scrutiny.implied(share)), str(scrutiny.domain(share))) == (
            "0 to 3500",
            "0 to unbounded",
        )
        assert caught_value(share, result) == Decimal(3501)


def test_a_figure_over_no_quantity_is_its_constant():
    """A rate of a group none of whose outcome types was in use is 0.0, whatever the rest say."""
    empty = attrs.evolve(
        made("none", Decimal("0.0"), Formula(numerator=(q("x"),)), AREA),
        formula=Formula(numerator=(), scale=Fraction(100)),
    )
    scrutiny = Scrutiny(reconcile([empty, count("groups", quantity("groups"), 62)]))
    assert (str(scrutiny.implied(empty)), str(scrutiny.domain(empty))) == ("0.0 to 0.0",) * 2
    assert not scrutiny.is_checked(empty)
    assert scrutiny.caught(empty) is None


class TestImpliedEnds:
    """Ends of implied ranges where the rounding band or the "more than" step decides the answer."""

    @staticmethod
    def change(claim_id: str, now: Quantity, before: Quantity, published: str, **kwargs) -> Claim:
        formula = Formula(
            numerator=(now,), denominator=before, scale=Fraction(100), offset=Fraction(-100)
        )
        return made(claim_id, Decimal(published), formula, AREA, **kwargs)

    def test_least_end_of_a_change_over_a_share_more_than_a_value(self):
        """p is more than 101 percent of t, so the change from t to p is more than 1: at least 1."""
        p, t = q("p"), q("t")
        share = claim("share", "101", (p,), t, 100, qualifier=Qualifier.MORE_THAN)
        growth = self.change("growth", p, t, "50")
        scrutiny = Scrutiny(reconcile([share, growth]))
        assert str(scrutiny.implied(growth)) == "1 to unbounded"
        assert scrutiny.caught(growth) == Decimal(0)

    def test_greatest_end_of_more_than_a_change(self):
        """From p, at least 1, to 2 is at most 100 percent: "more than" 99 at most."""
        p, now = q("p"), q("now")
        more = self.change("more", now, p, "-50", qualifier=Qualifier.MORE_THAN)
        scrutiny = Scrutiny(reconcile([count("now", now, 2), more]))
        assert str(scrutiny.implied(more)) == "unbounded to 99"
        assert scrutiny.caught(more) == Decimal(100)

    def test_a_negative_band_open_at_its_low_end(self):
        """Both changes are -1: above -1.5 and at most -0.5, which rounds half up to -1, not 0."""
        now, before = q("now"), q("before")
        first = self.change("first", now, before, "-1")
        second = self.change("second", now, before, "-1")
        scrutiny = Scrutiny(reconcile([first, second]))
        assert str(scrutiny.implied(first)) == "-1 to -1"
        assert scrutiny.caught(first) == Decimal(0)

    @pytest.mark.parametrize(
        ("ceiling", "implied"),
        [
            # 9 ÷ 10 is 0.9; with counts up to 21, 20 ÷ 21 rounds to 1.0, up to 19 not yet.
            (10, "0.1 to unbounded"),
            # 8 ÷ 9 is 0.9; 19 ÷ 20, possible only past 19, is exactly 0.95 and rounds to 1.0.
            (9, "0.1 to 0.9"),
            # 6 ÷ 7 is 0.9, and so is every share below 1 up to 15; 21 ÷ 22 is 1.0.
            (7, "0.1 to 0.9"),
        ],
    )
    def test_a_greatest_end_moves_with_a_ceiling_twice_as_high(self, ceiling, implied):
        """b is more than a, so a ÷ b is at most (c - 1) ÷ c under a ceiling c on counts.

        The greatest end is unbounded where it is greater under a ceiling of
        2 c + 1 than under c, one step of 0.1 being enough.
        """
        a, b = q("a"), q("b")
        share = claim("share", "0.5", (a,), b)
        rise = self.change("rise", b, a, "0", qualifier=Qualifier.MORE_THAN)
        scrutiny = Scrutiny(reconcile([share, rise], ceiling=ceiling))
        assert str(scrutiny.implied(share)) == implied

    def test_a_greatest_end_reached_on_the_closed_end_of_the_next_band(self):
        """a + d = 7: a is from 1 to 6 under the ceiling, up to 7 under twice that.

        a ÷ 2 reaches 3.5, the closed low end of 4's band.
        """
        a, b, d = q("a"), q("b"), q("d")
        half = claim("half", "1", (a,), b)
        scrutiny = Scrutiny(
            reconcile([half, count("b", b, 2), claim("sum", "7", (a, d))], ceiling=6)
        )
        assert str(scrutiny.implied(half)) == "1 to unbounded"

    def test_a_least_end_on_the_half_step_rounds_up(self):
        """a ÷ b is more than 0.149, so at least 3 ÷ 20, exactly 0.15: that rounds to 0.2."""
        a, b = q("a"), q("b")
        share = claim("share", "0.5", (a,), b)
        above = claim("above", "14.9", (a,), b, 100, qualifier=Qualifier.MORE_THAN)
        scrutiny = Scrutiny(reconcile([share, above], ceiling=20))
        assert str(scrutiny.implied(share)) == "0.2 to unbounded"


class TestCaughtFromBelow:
    """62 groups, more than 30 with drug activity, and 56.5 percent of them: 35 groups."""

    @pytest.fixture
    def figures(self) -> tuple[Scrutiny, Claim, Claim]:
        groups, drugs = quantity("groups"), quantity("drugs")
        formula = Formula(numerator=(drugs,), denominator=groups, scale=Fraction(100))
        share = made("share", Decimal("56.5"), formula, AREA)
        more = made(
            "more", Decimal(30), Formula(numerator=(drugs,)), AREA, qualifier=Qualifier.MORE_THAN
        )
        return Scrutiny(reconcile([count("groups", groups, 62), more, share])), share, more

    def test_a_range_above_its_domain_catches_one_step_below(self, figures):
        """More than 30 of 62 is at least 50.0 percent (no limit keeps the part within it)."""
        scrutiny, share, _ = figures
        implied = scrutiny.implied(share)
        assert (implied.low, implied.high) == (Decimal("50.0"), None)
        assert implied.as_strings() == {"low": "50.0", "high": None}
        assert Decimal("50.0") in implied
        assert Decimal("49.9") not in implied
        assert scrutiny.is_checked(share)
        assert scrutiny.caught(share) == Decimal("49.9")

    def test_more_than_has_no_least_value(self, figures):
        """56.5 percent of 62 is 35: more than 34 at most, and any less."""
        scrutiny, _, more = figures
        implied = scrutiny.implied(more)
        assert str(implied) == "unbounded to 34"
        assert implied.as_strings() == {"low": None, "high": "34"}
        assert Decimal(-5) in implied
        assert Decimal(35) not in implied
        assert scrutiny.caught(more) == Decimal(35)
        assert scrutiny.is_checked(more)  # from the value caught, found once


@pytest.mark.parametrize(
    ("figure", "caught"),
    [
        ("hampshire.sexual-offences.per-1000-population", "46.0"),
        ("england-and-wales.assault-with-injury.per-1000-population", "54.6"),
    ],
)
def test_a_range_that_stays_under_a_domain_with_no_end_is_checked_with_no_search(
    monkeypatch, figure, caught
):
    """Under the doubled ceiling, the others keep every count within the usual one: the rate
    does not move with the ceiling, its domain does, so it is checked before its greatest
    value is searched for. Asked for, that value is one step below the value caught."""
    claims = claims_of(datasets.load("hampshire-2015"))
    scrutiny = Scrutiny(reconcile(claims.values()))
    searches = calls_of(monkeypatch, Query, "_greatest")
    assert scrutiny.is_checked(claims[figure])
    assert searches == []
    assert scrutiny.caught(claims[figure]) == Decimal(caught)
    assert searches


@pytest.mark.parametrize(
    ("figure", "domain", "shapes"),
    [
        ("hampshire.local-policing-areas.count", "0 to unbounded", 0),  # a count: no search
        ("hampshire.victims-satisfied.percent", "0.0 to 100.0", 1),  # within the victims surveyed
    ],
)
def test_a_figure_no_other_figure_reads_is_its_domain_with_no_search(
    monkeypatch, figure, domain, shapes
):
    """No kept figure but its own reads the quantities linked to it: the others allow what the
    limits allow, so it is unverifiable, and nothing is searched for over the others."""
    claims = claims_of(datasets.load("hampshire-2015"))
    scrutiny = Scrutiny(reconcile(claims.values()))
    queries = calls_of(monkeypatch, Query, "__init__")
    assert not scrutiny.is_checked(claims[figure])
    assert scrutiny.caught(claims[figure]) is None
    assert str(scrutiny.implied(claims[figure])) == str(scrutiny.domain(claims[figure])) == domain
    assert len(queries) == shapes  # the domain's own search, where it needs one


def test_bounds_without_half_the_figures_can_check_a_figure_already(monkeypatch):
    """Recorded crime per 1,000 people: the figures of the other half of its component keep
    crime and population to a rate above 0, so it is checked with one propagation of that
    half (from the limits' bounds), never its own bounds without it alone."""
    claims = claims_of(datasets.load("hampshire-2015"))
    scrutiny = Scrutiny(reconcile(claims.values()))
    calls = calls_of(monkeypatch, _leave_one_out, "propagate")
    rate = claims["hampshire.recorded-crime.per-1000-population"]
    assert scrutiny.is_checked(rate)
    assert len(calls) == 1 + 1
    assert "bounds" not in vars(scrutiny._query(rate))
    assert str(scrutiny.implied(rate)) == "62.2 to 62.6"  # its own bounds, found when asked for
    assert len(calls) > 2


def test_bounds_without_a_span_of_figures_can_keep_counts_within_the_ceiling():
    """Sexual offences per 1,000 people in England and Wales: under the doubled ceiling, the
    bounds without a quarter of the figures keep every count within the usual one already, so
    those without the figure alone are never found: checked all the same."""
    claims = claims_of(datasets.load("hampshire-2015"))
    scrutiny = Scrutiny(reconcile(claims.values()))
    rate = claims["england-and-wales.sexual-offences.per-1000-population"]
    assert scrutiny.is_checked(rate)
    query = scrutiny._query(rate)
    assert query._wider is None
    assert query.left_out is not None
    halves = query.left_out._halves[2 * scrutiny._reconciliation.ceiling + 1]
    slot = query.left_out.slot(rate)
    assert (slot, slot + 1) not in halves._found
    assert scrutiny.caught(rate) == Decimal("49.9")


def test_a_formula_s_bounds_are_its_values_at_the_corners_of_the_bounds(report):
    """The least sum over the greatest divisor and the greatest over the least, each scaled.

    A share's greatest is capped at the whole where a domain limit keeps its
    parts within it. Hampshire has sums of three outcome types, shares,
    rates and changes (a scale of 100 and an offset of -100); each change
    turned round has a negative scale, whose greatest value is at the least
    ratio.
    """
    claims = list(claims_of(report).values())
    scrutiny = Scrutiny(reconcile(claims))
    # Each change turned round, a fall with a negative scale, asked as a figure from outside.
    turned = [
        attrs.evolve(
            claim,
            id=f"{claim.id}.turned",
            formula=attrs.evolve(claim.formula, scale=-claim.formula.scale, offset=Fraction(100)),
            published=-claim.published,
        )
        for claim in claims
        if claim.published is not None and claim.formula.offset == -100
    ]
    assert turned
    checked = shares = 0
    for claim in [*claims, *turned]:
        formula = claim.formula
        if claim.published is None or not formula.quantities or formula.scale == 0:
            continue
        query = scrutiny._query(claim)
        low, high = query.bounds
        least = Fraction(sum(low[query.component.number[q]] for q in formula.numerator))
        most = Fraction(sum(high[query.component.number[q]] for q in formula.numerator))
        if formula.denominator is not None:
            divisor = query.component.number[formula.denominator]
            least /= max(high[divisor], 1)
            most /= max(low[divisor], 1)
            parts = set(formula.numerator)
            if len(parts) == len(formula.numerator) and any(
                limit.whole == formula.denominator and parts <= set(limit.parts)
                for limit in query.component.limits
            ):
                most = min(most, Fraction(1))
                shares += 1
        ends = sorted(formula.scale * ratio + formula.offset for ratio in (least, most))
        assert query.value_bounds() == (ends[0], ends[1]), claim.id
        assert query.value_bounds((low, high)) == (ends[0], ends[1]), claim.id
        checked += 1
    assert checked > 70
    assert shares >= 4
