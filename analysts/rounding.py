"""One rounding rule for every figure the report shows: half away from zero.

Python's round() and format() round half to even (62.5 -> 62) and work on the
binary float (0.285 * 100 is 28.499999999999996), while people, Excel and a
calculator round 62.5 to 63. A share shown as 62% next to a difference shown
as -6 pp, both from 62.5%, reads as an error; so every shown number is rounded
here, the same way.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# Digits a float keeps before rounding: enough for any share or mean of the report,
# few enough to drop the float's noise (28.499999999999996 is 28.5).
NOISE_DIGITS = 9


def half_away(value: float, digits: int = 0) -> Decimal:
    """`value` to `digits` decimals, a half away from zero: 62.5 -> 63, -5.55 -> -5.6."""
    exact = Decimal(repr(round(value, NOISE_DIGITS)))
    # ROUND_HALF_UP is Decimal's name for ties away from zero (also below zero).
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP) + 0


def percent(share: float) -> str:
    """A share as a whole percentage: 0.625 -> '63%'."""
    return f"{half_away(share * 100)}%"
