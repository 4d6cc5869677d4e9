"""A brute-force oracle for small reports: every integer assignment of the unknowns, enumerated.

It knows nothing of the engines. A :class:`Puzzle` is a set of published
figures, each ``round_half_up(scale × (sum of numerator) ÷ denominator +
offset, places) == published`` over whole-number unknowns, with domain
limits (the parts add up to no more than the whole), every unknown that a
figure divides by at least 1, and every unknown within ``[0, ceiling]``.
:class:`Oracle` enumerates every assignment of each group of connected
unknowns (with numpy, over ``[0, 2 × ceiling + 1]`` so that it can tell
whether an answer depends on the ceiling) and answers, by the rules the
engine documents:

- which figures are set aside (a minimum set whose removal leaves the rest
  satisfiable; of several, the one that keeps the smallest id in which they
  differ) and with which figures each conflicts;
- the exact interval of every unknown over the figures kept, and whether its
  upper end depends on the ceiling;
- each figure's implied range: the least and greatest values, at its
  precision, that the other kept figures allow it;
- each figure's status.

Every set the oracle calls unsatisfiable within the box is checked, where
asked, to have no solution at all (:meth:`Oracle.proven`): a sound bound
analysis shows that every solution lies within the ceiling, so the answers
hold for an engine with no ceiling too.

>>> puzzle = Puzzle(
...     figures=(
...         Figure("groups", ("n",), None, 1, 0, Decimal(20)),
...         Figure("share", ("d",), "n", 100, 0, Decimal(55)),
...     ),
...     limits=((("d",), "n"),),
...     ceiling=24,
... )
>>> Oracle(puzzle).interval("d")
(11, 11, True)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

import numpy as np

__all__ = ["Figure", "Implied", "Oracle", "Puzzle", "round_half_up"]


def round_half_up(numerator: int, denominator: int, places: int) -> int:
    """``numerator ÷ denominator`` rounded half away from zero, times ``10 ** places``.

    >>> round_half_up(1, 8, 2), round_half_up(-1, 8, 2), round_half_up(29, 2, 0)
    (13, -13, 15)
    """
    sign = -1 if numerator < 0 else 1
    return sign * ((2 * abs(numerator) * 10**places + denominator) // (2 * denominator))


@dataclass(frozen=True)
class Figure:
    """A published figure: ``scale × sum(numerator) ÷ denominator + offset`` rounds to it."""

    id: str
    numerator: tuple[str, ...]
    denominator: str | None
    scale: int
    offset: int
    published: Decimal

    @property
    def places(self) -> int:
        """The decimal places it is published with."""
        exponent = self.published.as_tuple().exponent
        assert isinstance(exponent, int)
        return max(0, -exponent)

    @property
    def target(self) -> int:
        """The published value times ``10 ** places``."""
        return int(self.published.scaleb(self.places))

    @property
    def is_count(self) -> bool:
        """Whether it states one unknown itself."""
        return (
            len(self.numerator) == 1
            and self.denominator is None
            and self.scale == 1
            and self.offset == 0
        )

    @property
    def unknowns(self) -> tuple[str, ...]:
        """Every unknown it reads."""
        return self.numerator if self.denominator is None else (*self.numerator, self.denominator)

    def value(self, values: Mapping[str, int]) -> Fraction:
        """Its exact value for these values of the unknowns."""
        total = Fraction(sum(values[q] for q in self.numerator))
        if self.denominator is not None:
            total /= values[self.denominator]
        return self.scale * total + self.offset

    def holds(self, values: Mapping[str, int]) -> bool:
        """Whether it rounds to its published value for these values of the unknowns."""
        exact = self.value(values)
        return round_half_up(exact.numerator, exact.denominator, self.places) == self.target


@dataclass(frozen=True)
class Puzzle:
    """Published figures over unknowns, with domain limits ``sum(parts) <= whole``."""

    figures: tuple[Figure, ...]
    limits: tuple[tuple[tuple[str, ...], str], ...] = ()
    ceiling: int = 24

    @property
    def unknowns(self) -> tuple[str, ...]:
        """Every unknown a figure or a limit names, sorted."""
        found = {q for f in self.figures for q in f.unknowns}
        found |= {q for parts, whole in self.limits for q in (*parts, whole)}
        return tuple(sorted(found))

    @property
    def divisors(self) -> frozenset[str]:
        """The unknowns some figure divides by: each at least 1."""
        return frozenset(f.denominator for f in self.figures if f.denominator is not None)

    def admits(self, values: Mapping[str, int]) -> bool:
        """Whether *values* lie in the domain: within the ceiling, the limits and the divisors."""
        return (
            all(0 <= values[q] <= self.ceiling for q in self.unknowns)
            and all(values[q] >= 1 for q in self.divisors)
            and all(sum(values[p] for p in parts) <= values[w] for parts, w in self.limits)
        )


@dataclass(frozen=True)
class Implied:
    """The least and greatest published values allowed (``None``: depends on the ceiling)."""

    low: Decimal | None
    high: Decimal | None


@dataclass
class _Group:
    """One set of connected unknowns, every assignment of them enumerated."""

    unknowns: tuple[str, ...]
    figures: tuple[Figure, ...]
    values: np.ndarray  # one row per unknown, one column per assignment in the domain
    small: np.ndarray  # whether each assignment lies within the ceiling
    masks: np.ndarray  # the figures each assignment satisfies, one bit per figure
    rounded: dict[str, np.ndarray] = field(default_factory=dict)
    bits: dict[str, int] = field(default_factory=dict)

    def bits_of(self, ids: Iterable[str]) -> int:
        return sum(self.bits[i] for i in ids if i in self.bits)

    def where(self, ids: Iterable[str], *, small: bool = True) -> np.ndarray:
        """The assignments satisfying the figures *ids* of the group."""
        wanted = self.bits_of(ids)
        chosen = (self.masks & wanted) == wanted
        return chosen & self.small if small else chosen


class Oracle:
    """The answers to a :class:`Puzzle`, by enumeration."""

    def __init__(self, puzzle: Puzzle) -> None:
        self.puzzle = puzzle
        self.figures = {f.id: f for f in puzzle.figures}
        #: Every set of figures found unsatisfiable within the ceiling.
        self.unsatisfied: set[frozenset[str]] = set()
        self.groups = [self._enumerate(group) for group in self._connected()]
        self.group_of = {f: g for g in self.groups for f in g.bits}
        self.unknown_group = {q: g for g in self.groups for q in g.unknowns}
        self.set_aside = self._blame()
        self.kept = frozenset(self.figures) - self.set_aside

    # --- enumeration ---

    def _connected(self) -> list[tuple[tuple[str, ...], tuple[Figure, ...]]]:
        parent = {q: q for q in self.puzzle.unknowns}

        def root(q: str) -> str:
            while parent[q] != q:
                q = parent[q]
            return q

        links = [f.unknowns for f in self.puzzle.figures]
        links += [(*parts, whole) for parts, whole in self.puzzle.limits]
        for linked in links:
            for other in linked[1:]:
                parent[root(other)] = root(linked[0])
        groups: dict[str, list[str]] = {}
        for q in self.puzzle.unknowns:
            groups.setdefault(root(q), []).append(q)
        return [
            (
                tuple(members),
                tuple(f for f in self.puzzle.figures if root(f.unknowns[0]) == key),
            )
            for key, members in groups.items()
        ]

    def _enumerate(self, group: tuple[tuple[str, ...], tuple[Figure, ...]]) -> _Group:
        unknowns, figures = group
        ceiling = self.puzzle.ceiling
        side = 2 * ceiling + 2  # 0 .. 2 × ceiling + 1
        grid = np.indices((side,) * len(unknowns), dtype=np.int64).reshape(len(unknowns), -1)
        at = {q: grid[i] for i, q in enumerate(unknowns)}
        domain = np.ones(grid.shape[1], dtype=bool)
        for q in self.puzzle.divisors & set(unknowns):
            domain &= at[q] >= 1
        for parts, whole in self.puzzle.limits:
            if whole in at:
                domain &= sum(at[p] for p in parts) <= at[whole]
        grid = grid[:, domain]
        at = {q: grid[i] for i, q in enumerate(unknowns)}
        small = (grid <= ceiling).all(axis=0)
        masks = np.zeros(grid.shape[1], dtype=np.int64)
        made = _Group(unknowns, figures, grid, small, masks)
        for index, figure in enumerate(figures):
            total = sum(at[q] for q in figure.numerator)
            denominator = at[figure.denominator] if figure.denominator else np.ones_like(total)
            numerator = figure.scale * total + figure.offset * denominator
            sign = np.where(numerator < 0, -1, 1)
            rounded = sign * (
                (2 * np.abs(numerator) * 10**figure.places + denominator) // (2 * denominator)
            )
            made.rounded[figure.id] = rounded
            made.bits[figure.id] = 1 << index
            masks |= np.where(rounded == figure.target, 1 << index, 0)
        return made

    # --- satisfiability ---

    def satisfiable(self, ids: Iterable[str], *, small: bool = True) -> bool:
        """Whether some assignment within the domain satisfies every figure in *ids*."""
        wanted = frozenset(ids)
        for group in self.groups:
            if not group.where(wanted, small=small).any():
                self.unsatisfied.add(wanted)
                return False
        return True

    def _blame(self) -> frozenset[str]:
        """The figures set aside: a minimum set leaving the rest satisfiable, by the tie-break."""
        choices: list[list[frozenset[str]]] = []
        for group in self.groups:
            ids = [f.id for f in group.figures]
            satisfied = {int(m) for m in np.unique(group.masks[group.small])}
            best = max(((m).bit_count() for m in satisfied), default=0)
            choices.append(
                [
                    frozenset(i for i in ids if not m & group.bits[i])
                    for m in satisfied
                    if (m).bit_count() == best
                ]
            )
        candidates = [frozenset().union(*combo) for combo in itertools.product(*choices)]
        return max(candidates, key=lambda chosen: tuple(sorted(chosen)))

    def conflicts_with(self, figure_id: str) -> frozenset[str]:
        """The figures a set-aside figure conflicts with (itself alone, when alone it cannot hold)."""
        if figure_id not in self.set_aside:
            return frozenset()
        found: set[str] = set()
        rest = set(self.kept)
        while not self.satisfiable(rest | {figure_id}):
            trial = rest | {figure_id}
            for other in sorted(trial - {figure_id}):
                if not self.satisfiable(trial - {other}):
                    trial.discard(other)
            found |= trial
            if trial == {figure_id}:
                break
            rest -= trial
        if found != {figure_id}:
            found.discard(figure_id)
        return frozenset(found)

    # --- what the kept figures imply ---

    def interval(self, unknown: str) -> tuple[int, int, bool]:
        """The least and greatest values of *unknown* over the kept figures, and whether bounded."""
        group = self.unknown_group[unknown]
        row = group.values[group.unknowns.index(unknown)]
        small = row[group.where(self.kept)]
        big = row[group.where(self.kept, small=False)]
        return int(small.min()), int(small.max()), int(big.max()) == int(small.max())

    def solution(self, values: Mapping[str, int]) -> bool:
        """Whether *values* (of every unknown) lie in the domain and satisfy every kept figure."""
        return self.puzzle.admits(values) and all(self.figures[i].holds(values) for i in self.kept)

    def _range(self, figure_id: str, others: Iterable[str]) -> Implied:
        figure = self.figures[figure_id]
        group = self.group_of[figure_id]
        rounded = group.rounded[figure_id]
        small = rounded[group.where(others)]
        big = rounded[group.where(others, small=False)]
        step = Decimal(1).scaleb(-figure.places)
        high = int(small.max())
        return Implied(
            Decimal(int(small.min())) * step,
            Decimal(high) * step if int(big.max()) == high else None,
        )

    def implied(self, figure_id: str) -> Implied:
        """The published values, at the figure's precision, that the other kept figures allow."""
        return self._range(figure_id, self.kept - {figure_id})

    def domain(self, figure_id: str) -> Implied:
        """The same with no other figure: only the limits, the divisors and the ceiling."""
        return self._range(figure_id, ())

    def reproduced(self, figure_id: str) -> bool:
        """Whether kept published counts give every input of the figure, which is kept."""
        figure = self.figures[figure_id]
        if figure_id in self.set_aside or figure.is_count:
            return False
        counts = {f.numerator[0] for f in self.figures.values() if f.is_count and f.id in self.kept}
        return set(figure.unknowns) <= counts

    def status(self, figure_id: str) -> str:
        """``inconsistent``, ``reproduced``, ``consistent`` or ``unverifiable``."""
        if figure_id in self.set_aside:
            return "inconsistent"
        if self.reproduced(figure_id):
            return "reproduced"
        implied, domain = self.implied(figure_id), self.domain(figure_id)
        assert implied.low is not None
        assert domain.low is not None
        narrower = implied.low > domain.low or (
            implied.high is not None and (domain.high is None or implied.high < domain.high)
        )
        return "consistent" if narrower else "unverifiable"

    # --- whether the answers hold without a ceiling ---

    def _bounded(self, ids: Iterable[str]) -> dict[str, int]:
        """Sound upper bounds on the unknowns over *ids*: a bound found here always holds.

        Whole-number bounds, narrowed in passes until none moves (each pass
        lowers some bound by at least 1, or stops).
        """
        bound: dict[str, int] = {}
        figures = [self.figures[i] for i in ids]
        updates: list[tuple[str, Fraction]] = []
        for _ in range(100):
            updates.clear()
            for f in figures:
                half = Fraction(1, 2 * 10**f.places)
                top = (
                    Fraction(f.published) + half - f.offset
                )  # the band's upper end, less the offset
                bottom = Fraction(f.published) - half - f.offset
                den = f.denominator
                if (den is None or den in bound) and top >= 0:
                    updates += [
                        (q, top * (bound[den] if den else 1) / f.scale) for q in f.numerator
                    ]
                if den is not None and bottom > 0 and all(q in bound for q in f.numerator):
                    updates.append((den, f.scale * sum(bound[q] for q in f.numerator) / bottom))
            for parts, whole in self.puzzle.limits:
                if whole in bound:
                    updates += [(part, Fraction(bound[whole])) for part in parts]
            moved = False
            for q, value in updates:
                value_floor = value.numerator // value.denominator
                if q not in bound or value_floor < bound[q]:
                    bound[q] = value_floor
                    moved = True
            if not moved:
                break
        return bound

    def proven(self, ids: Iterable[str], unknowns: Iterable[str]) -> bool:
        """Whether, over the figures *ids*, every solution has *unknowns* within the ceiling."""
        bound = self._bounded(ids)
        return all(q in bound and bound[q] <= self.puzzle.ceiling for q in unknowns)

    def _group_unknowns(self, ids: Iterable[str]) -> set[str]:
        return {q for i in ids for q in self.group_of[i].unknowns}

    def exact_blame(self) -> bool:
        """Whether the blame and the conflicts hold as well with no ceiling on the unknowns.

        So when every set of figures found unsatisfiable within the ceiling
        (every set larger than the kept one, those the tie-break passed over,
        those the conflicts were shrunk through) has no solution at all.
        """
        everything = set(self.figures)
        for removed in range(len(self.set_aside) + 1):
            for dropped in itertools.combinations(sorted(everything), removed):
                self.satisfiable(everything - set(dropped))
        for figure_id in self.set_aside:
            self.conflicts_with(figure_id)
        return all(self.proven(s, self._group_unknowns(s)) for s in self.unsatisfied)

    def exact_intervals(self) -> bool:
        """Whether the intervals hold with no ceiling: the blame does, and the kept figures bound all."""
        return self.exact_blame() and self.proven(self.kept, self.puzzle.unknowns)

    def exact_statuses(self) -> bool:
        """Whether the statuses hold with no ceiling: the blame does, and each implied range."""
        return self.exact_blame() and all(
            self.proven(self.kept - {f}, self.group_of[f].unknowns)
            for f in self.kept
            if not self.reproduced(f)
        )
