"""Numbers with absurdly many digits: a clear InvalidValueError at once, never a computation that hangs."""

from __future__ import annotations

import subprocess
import sys

import pytest

#: Calls that once ran for minutes (or failed with an error from deep inside),
#: each with the setup it needs; each must now raise InvalidValueError at once.
CALLS = {
    "round_half_up of a huge exponent": (
        "from fractions import Fraction; from peelmodel import arithmetic",
        "arithmetic.round_half_up(Fraction(10**1_000_000), 1)",
    ),
    "round_half_up to a billion places": (
        "from fractions import Fraction; from peelmodel import arithmetic",
        "arithmetic.round_half_up(Fraction(1, 3), 10**9)",
    ),
    "publish to a billion places": (
        "from fractions import Fraction; from peelmodel import arithmetic",
        "arithmetic.publish(Fraction(1, 3), 10**9)",
    ),
    "band of 1e999999999": (
        "from decimal import Decimal; from peelmodel import arithmetic",
        "arithmetic.band(Decimal('1e999999999'))",
    ),
    "band of a million digits": (
        "from decimal import Decimal; from peelmodel import arithmetic",
        "arithmetic.band(Decimal('9' * 10**6))",
    ),
    "a count of a million digits": (
        (
            "import attrs; from peelmodel import datasets; "
            "row = datasets.load('hampshire-2015').outcome_rates[0]"
        ),
        "attrs.evolve(row, count=10**1_000_000)",
    ),
    "a published figure of a million digits": (
        (
            "import attrs; from decimal import Decimal; from peelmodel import datasets; "
            "figure = datasets.load('hampshire-2015').figures[1]"
        ),
        "attrs.evolve(figure, published=Decimal('9' * 10**6))",
    ),
    "to_records to a billion places": (
        (
            "from peelmodel import datasets, tabular; from peelmodel.analysis import assess; "
            "found = assess(datasets.load('hampshire-2015'))"
        ),
        "tabular.to_records(found, digits=10**9)",
    ),
}

_PROGRAM = """
{setup}
from peelmodel import InvalidValueError
try:
    {call}
except InvalidValueError as error:
    print("refused:", type(error).__name__, str(error)[:200])
else:
    print("accepted")
"""


class TestHugeNumbers:
    @pytest.mark.parametrize("name", sorted(CALLS))
    def test_refused_at_once(self, name):
        """The call raises InvalidValueError, in a subprocess that would time out if it hung."""
        setup, call = CALLS[name]
        done = subprocess.run(  # noqa: S603 - the test's own program
            [sys.executable, "-c", _PROGRAM.format(setup=setup, call=call)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("refused: InvalidValueError"), done.stdout
        assert "digits" in done.stdout or "at most" in done.stdout or "within" in done.stdout
