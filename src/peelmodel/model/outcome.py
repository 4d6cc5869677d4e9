"""The Home Office crime outcomes framework and published outcome rates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import attrs

from peelmodel._validators import (
    MAX_COUNT,
    check_count,
    check_date,
    check_decimal,
    check_slug,
    check_text,
    check_tuple,
    is_decimal,
    is_text,
)
from peelmodel.errors import InvalidTypeError, InvalidValueError
from peelmodel.model.area import Area
from peelmodel.model.period import Period

__all__ = ["OutcomeGroup", "OutcomeRate", "OutcomeType", "reference_period"]


@attrs.frozen(kw_only=True)
class OutcomeType:
    """A numbered outcome type, such as type 1 "Charged/summonsed".

    >>> from peelmodel import outcomes
    >>> charged = outcomes.type(1)
    >>> charged.id, charged.name, charged.exists_during(Period.as_at(date(2015, 6, 30)))
    ('type-1', 'Charged/summonsed', True)
    """

    number: int
    name: str
    group: str
    valid_from: date

    def __attrs_post_init__(self) -> None:
        check_count("OutcomeType", "number", self.number, positive=True)
        check_text("OutcomeType", "name", self.name)
        check_slug("OutcomeType", "group", self.group)
        check_date("OutcomeType", "valid_from", self.valid_from)

    @property
    def id(self) -> str:
        """``type-N``: how documents refer to the type."""
        return f"type-{self.number}"

    def exists_during(self, period: Period) -> bool:
        """Whether the type was in use at any time in *period*."""
        return self.valid_from <= period.end

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class OutcomeGroup:
    """A group of outcome types whose counts add up, such as Out-of-court (formal).

    >>> from peelmodel import outcomes
    >>> outcomes.group("out-of-court-formal").members
    (2, 3, 6)
    """

    id: str
    name: str
    members: tuple[int, ...]

    def __attrs_post_init__(self) -> None:
        check_slug("OutcomeGroup", "id", self.id)
        check_text("OutcomeGroup", "name", self.name)
        check_tuple("OutcomeGroup", "members", self.members)
        for member in self.members:
            check_count("OutcomeGroup", "members", member, positive=True)
        if not self.members or list(self.members) != sorted(set(self.members)):
            raise InvalidValueError(
                "OutcomeGroup", "members", self.members, "must be distinct type numbers, ascending"
            )

    def __str__(self) -> str:
        return self.name


@attrs.frozen(kw_only=True)
class OutcomeRate:
    """Outcomes of one type or group in one area and period, and their rate.

    The rate is per 100 offences recorded in the same period, excluding fraud,
    as published (a ``Decimal`` with its places). Either the count or the rate
    may be missing; ``offences`` is the denominator, when known; ``source``
    says where in the report the row stands.

    >>> from peelmodel import areas, outcomes
    >>> row = OutcomeRate(
    ...     area=areas.get("hampshire"),
    ...     period=Period.twelve_months_to(date(2015, 6, 30)),
    ...     outcome=outcomes.type(1),
    ...     count=17420,
    ...     rate=Decimal("14.4"),
    ... )
    >>> row.outcome_id, row.id
    ('type-1', 'hampshire.outcomes.type-1')
    >>> row.id_in(Period.twelve_months_to(date(2016, 6, 30)))
    'hampshire.outcomes.type-1.12m-to-2015-06-30'
    """

    area: Area
    period: Period
    outcome: OutcomeType | OutcomeGroup
    count: int | None = None
    rate: Decimal | None = None
    offences: int | None = None
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self._plainly_valid():
            self._check()

    def _plainly_valid(self) -> bool:
        """A quick test, true only where :meth:`_check` passes (the test suite checks so)."""
        count, rate, offences, outcome = self.count, self.rate, self.offences, self.outcome
        return (
            (self.source is None or is_text(self.source))
            and isinstance(self.area, Area)
            and type(self.period) is Period
            and (
                type(outcome) is OutcomeGroup
                or (type(outcome) is OutcomeType and outcome.valid_from <= self.period.end)
            )
            and (count is not None or rate is not None)
            and (count is None or (type(count) is int and 0 <= count <= MAX_COUNT))
            and (rate is None or is_decimal(rate))
            and (offences is None or (type(offences) is int and 1 <= offences <= MAX_COUNT))
        )

    def _check(self) -> None:
        """Check every rule in turn; raise :class:`InvalidValueError` at the first broken one."""
        if self.source is not None:
            check_text("OutcomeRate", "source", self.source)
        if not isinstance(self.area, Area):
            raise InvalidTypeError("OutcomeRate", "area", self.area, "an Area")
        if not isinstance(self.period, Period):
            raise InvalidTypeError("OutcomeRate", "period", self.period, "a Period")
        if isinstance(self.outcome, OutcomeType):
            if not self.outcome.exists_during(self.period):
                raise InvalidValueError(
                    "OutcomeRate",
                    "outcome",
                    self.outcome.id,
                    f"did not exist during {self.period} (in use from {self.outcome.valid_from})",
                )
        elif not isinstance(self.outcome, OutcomeGroup):
            raise InvalidTypeError(
                "OutcomeRate", "outcome", self.outcome, "an OutcomeType or OutcomeGroup"
            )
        if self.count is None and self.rate is None:
            raise InvalidValueError("OutcomeRate", "count+rate", None, "at least one must be given")
        if self.count is not None:
            check_count("OutcomeRate", "count", self.count)
        if self.rate is not None:
            check_decimal("OutcomeRate", "rate", self.rate)
        if self.offences is not None:
            check_count("OutcomeRate", "offences", self.offences, positive=True)

    @property
    def outcome_id(self) -> str:
        """``type-N`` for a type, the group's id for a group."""
        return self.outcome.id

    @property
    def id(self) -> str:
        """The row's id in a report of its own period: ``area.outcomes.outcome``.

        In an :class:`~peelmodel.Inspection`, a row of another period than the
        report's reference period also carries its period: see :meth:`id_in`
        and :meth:`Inspection.row_id <peelmodel.Inspection.row_id>`.
        """
        return f"{self.area.id}.outcomes.{self.outcome_id}"

    def id_in(self, reference: Period | None) -> str:
        """The row's id in a report whose outcome rows have the reference period *reference*.

        ``area.outcomes.outcome`` for a row of that period (or with no
        reference period: the row on its own); for a row of any other period,
        the same followed by the period's slug, such as
        ``hampshire.outcomes.type-1.12m-to-2014-06-30``. A row's figures add
        ``.count``, ``.rate`` and ``.offences``.
        """
        if reference is None or (
            self.period.end == reference.end and self.period.start == reference.start
        ):
            return self.id
        return f"{self.id}.{self.period.slug}"


def reference_period(rows: Iterable[OutcomeRate]) -> Period | None:
    """The reference period of a report's outcome rows: the one that ends last.

    Of periods that end on the same day, the longest; ``None`` without rows.
    The reference period does not depend on the order of the rows, and a row
    of an earlier period never changes it.

    >>> from peelmodel import areas, outcomes
    >>> def row(end: date) -> OutcomeRate:
    ...     period = Period.twelve_months_to(end)
    ...     return OutcomeRate(
    ...         area=areas.get("kent"), period=period, outcome=outcomes.type(1), count=1
    ...     )
    >>> str(reference_period([row(date(2014, 6, 30)), row(date(2015, 6, 30))]))
    '12 months to 30 June 2015'
    """
    found: Period | None = None
    for row in rows:
        period = row.period
        if found is None or (period.end, found.start) > (found.end, period.start):
            found = period
    return found
