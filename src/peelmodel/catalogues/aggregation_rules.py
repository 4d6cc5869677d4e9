"""The catalogue of aggregation rules: the exclusions and combinations a report's footnotes state.

Read from ``aggregation-rules.json``. A rule names forces and the figures it
applies to by their numerator and denominator measures;
:mod:`peelmodel.analysis.aggregation` applies the rules by name.

>>> [rule.name for rule in rules()]  # doctest: +NORMALIZE_WHITESPACE
['exclude-city-of-london-from-ocg', 'combine-warwickshire-west-mercia-ocg',
 'exclude-metropolitan-from-predominant-crime-type']
"""

from __future__ import annotations

import enum
import fnmatch
from collections.abc import Iterable
from typing import Final

import attrs

from peelmodel._typecheck import checked
from peelmodel.catalogues import forces
from peelmodel.catalogues._registry import Registry, read_data

__all__ = ["Action", "Rule", "rule", "rules"]


class Action(enum.Enum):
    """What a rule does to the forces it names."""

    #: Leave the forces out of the figures the rule matches.
    EXCLUDE = "exclude"
    #: Treat the forces as one area: each one's value is their pooled Σ ÷ Σ.
    COMBINE = "combine"


@attrs.frozen(kw_only=True)
class Rule:
    """An exclusion or combination rule stated by a report's footnote.

    A rule matches a figure when every numerator measure matches one of
    ``numerator`` and the denominator matches ``denominator`` (shell-style
    patterns; ``"*"`` also matches a figure without a denominator, and
    ``None`` matches only such a figure).

    >>> metropolitan = rule("exclude-metropolitan-from-predominant-crime-type")
    >>> metropolitan.forces
    ('metropolitan',)
    >>> metropolitan.matches(["ocgs-drug-activity"], "ocgs"), metropolitan.matches(["ocgs"], None)
    (True, False)
    """

    name: str
    action: Action
    forces: tuple[str, ...]
    numerator: tuple[str, ...]
    denominator: tuple[str, ...] | None
    source: str

    def matches(self, numerator: Iterable[str], denominator: str | None) -> bool:
        """Whether the rule applies to a figure with these numerator and denominator measures."""
        if not all(
            any(fnmatch.fnmatchcase(measure, pattern) for pattern in self.numerator)
            for measure in numerator
        ):
            return False
        if self.denominator is None:
            return denominator is None
        if "*" in self.denominator:
            return True
        return denominator is not None and any(
            fnmatch.fnmatchcase(denominator, pattern) for pattern in self.denominator
        )


def _build() -> list[Rule]:
    built = []
    for entry in read_data("aggregation-rules.json")["rules"]:
        denominator = entry["denominator"]
        built.append(
            Rule(
                name=entry["name"],
                action=Action(entry["action"]),
                forces=tuple(forces.get(force).id for force in entry["forces"]),
                numerator=tuple(entry["numerator"]),
                denominator=None if denominator is None else tuple(denominator),
                source=entry["source"],
            )
        )
    return built


_REGISTRY: Final = Registry[Rule]("aggregation rule", _build, key=lambda rule: rule.name)


@checked
def rules() -> tuple[Rule, ...]:
    """Every rule the package knows, in the order of the report's footnotes."""
    return tuple(_REGISTRY)


@checked
def rule(name: str) -> Rule:
    """The rule with this name; raise :class:`~peelmodel.errors.UnknownReferenceError`.

    >>> rule("exclude-city-of-london-from-ocg").action
    <Action.EXCLUDE: 'exclude'>
    """
    return _REGISTRY.get(name)
