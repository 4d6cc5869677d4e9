"""The Home Office crime outcomes framework: outcome types and groups.

>>> from peelmodel import outcomes
>>> outcomes.type(8).name, outcomes.group_of(outcomes.type(8)).name
('Community resolution', 'Out-of-court (informal)')
>>> outcomes.get("type-22").valid_from, outcomes.get("out-of-court-formal").members
(datetime.date(2019, 4, 1), (2, 3, 6))
"""

from __future__ import annotations

from datetime import date
from typing import Final

from peelmodel._typecheck import checked
from peelmodel.catalogues._registry import Registry, read_data
from peelmodel.errors import UnknownReferenceError
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate, OutcomeType

__all__ = [
    "OutcomeGroup",
    "OutcomeRate",
    "OutcomeType",
    "get",
    "group",
    "group_of",
    "groups",
    "type",
    "types",
]


def _build() -> list[OutcomeType | OutcomeGroup]:
    document = read_data("outcomes.json")
    entries: list[OutcomeType | OutcomeGroup] = [
        OutcomeType(
            number=entry["number"],
            name=entry["name"],
            group=entry["group"],
            valid_from=date.fromisoformat(entry["valid_from"]),
        )
        for entry in document["types"]
    ]
    entries.extend(
        OutcomeGroup(id=entry["id"], name=entry["name"], members=tuple(entry["members"]))
        for entry in document["groups"]
    )
    return entries


_REGISTRY: Final = Registry[OutcomeType | OutcomeGroup](
    "outcome", _build, key=lambda o: o.id, names=lambda o: (o.name,)
)


@checked
def get(outcome_id: str) -> OutcomeType | OutcomeGroup:
    """Return the type (``"type-8"``) or group (``"out-of-court-informal"``) with this id."""
    return _REGISTRY.get(outcome_id)


@checked
def type(number: int) -> OutcomeType:  # noqa: A001 - the framework's own word
    """Return outcome type *number*."""
    found = _REGISTRY.get(f"type-{number}")
    if not isinstance(found, OutcomeType):  # pragma: no cover - type-N ids name types only
        raise UnknownReferenceError("outcome type", number)
    return found


@checked
def group(group_id: str) -> OutcomeGroup:
    """Return the outcome group with this id."""
    found = _REGISTRY.get(group_id) if group_id in _REGISTRY else None
    if not isinstance(found, OutcomeGroup):
        raise UnknownReferenceError("outcome group", group_id, (g.id for g in groups()))
    return found


@checked
def types() -> tuple[OutcomeType, ...]:
    """Every outcome type, by number."""
    return tuple(entry for entry in _REGISTRY if isinstance(entry, OutcomeType))


@checked
def groups() -> tuple[OutcomeGroup, ...]:
    """Every outcome group."""
    return tuple(entry for entry in _REGISTRY if isinstance(entry, OutcomeGroup))


@checked
def group_of(outcome_type: OutcomeType) -> OutcomeGroup:
    """The group an outcome type belongs to."""
    return group(outcome_type.group)
