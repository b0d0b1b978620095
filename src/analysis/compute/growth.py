"""Growth arithmetic, in one convention: pure functions, no data access.

Rates are fractions (0.08 for 8%) everywhere in the package; a percent is made
only where a number is shown or written to a file (``100 * rate``). Years are
integers, and every path is a ``dict`` mapping year -> level that starts with
the base year. Inputs that
cannot describe a real path (a non-positive level, a negative horizon, a rate
of -100% or below) raise ``PathInputError``, a ``ValueError`` whose message
names the argument, so a chapter fails loudly instead of plotting nonsense.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence


class PathInputError(ValueError):
    """An argument that no real growth path can have."""

    def __init__(self, argument: str, message: str):
        self.argument = argument
        super().__init__(f"argument '{argument}': {message}")


def _check_level(name: str, level: float) -> float:
    level = float(level)
    if not math.isfinite(level) or level <= 0:
        raise PathInputError(name, f"must be a positive finite level, got {level!r}")
    return level


def _check_rate(name: str, rate: float) -> float:
    rate = float(rate)
    if not math.isfinite(rate) or rate <= -1:
        raise PathInputError(name, f"must be a finite rate above -100% (-1.0), got {rate!r}")
    return rate


def _check_years(name: str, years: float, allow_zero: bool = True) -> float:
    years = float(years)
    if not math.isfinite(years) or years < 0 or (years == 0 and not allow_zero):
        need = "non-negative" if allow_zero else "positive"
        raise PathInputError(name, f"must be a {need} number of years, got {years!r}")
    return years


def compound_path(
    base: float, base_year: int, rates: float | Sequence[float], years: int | None = None
) -> dict[int, float]:
    """Levels from ``base`` in ``base_year`` growing at ``rates``.

    ``rates`` is one rate held for ``years`` years, or a list with one rate per
    year (then ``years`` must be omitted or equal its length).
    """
    base = _check_level("base", base)
    if isinstance(rates, (int, float)):
        if years is None:
            raise PathInputError("years", "is required when a single rate is given")
        n = int(_check_years("years", years))
        rate_list = [float(rates)] * n
    else:
        rate_list = [float(r) for r in rates]
        if years is not None and int(years) != len(rate_list):
            raise PathInputError("years", f"is {years} but {len(rate_list)} rates were given")
    path = {int(base_year): base}
    level = base
    for i, rate in enumerate(rate_list, start=1):
        level *= 1 + _check_rate(f"rates[{i - 1}]", rate)
        path[int(base_year) + i] = level
    return path


def cagr(level0: float, level1: float, years: float) -> float:
    """Compound annual growth rate taking ``level0`` to ``level1`` in ``years``."""
    level0 = _check_level("level0", level0)
    level1 = _check_level("level1", level1)
    years = _check_years("years", years, allow_zero=False)
    return (level1 / level0) ** (1 / years) - 1


def required_rate(base: float, target: float, years: float) -> float:
    """Constant annual rate needed for ``base`` to reach ``target`` in ``years``."""
    try:
        return cagr(base, target, years)
    except PathInputError as exc:  # rename the arguments to this function's own
        rename = {"level0": "base", "level1": "target"}
        raise PathInputError(
            rename.get(exc.argument, exc.argument), str(exc).split(": ", 1)[1]
        ) from None


def years_to_double(rate: float) -> float:
    """Years (fractional) a level takes to double at a constant ``rate``."""
    rate = _check_rate("rate", rate)
    if rate <= 0:
        raise PathInputError("rate", f"must be positive for a level to double, got {rate!r}")
    return math.log(2) / math.log1p(rate)


def doubling_year(base_year: int, rate: float) -> int:
    """First whole year whose level is at least double the ``base_year`` level.

    Compares in logarithms with a tiny tolerance, so a rate chosen to double
    exactly in a year (4.73% from 2020 to 2035, to rounding) lands in that year.
    """
    years = years_to_double(rate)
    return int(base_year) + math.ceil(years - 1e-6)


def point_path(
    base: float, base_year: int, step: float | Sequence[float], years: int | None = None
) -> dict[int, float]:
    """Additive path, e.g. an urbanization rate rising ``step`` percentage points a year."""
    base = float(base)
    if not math.isfinite(base):
        raise PathInputError("base", f"must be finite, got {base!r}")
    if isinstance(step, (int, float)):
        if years is None:
            raise PathInputError("years", "is required when a single step is given")
        steps = [float(step)] * int(_check_years("years", years))
    else:
        steps = [float(s) for s in step]
    path = {int(base_year): base}
    level = base
    for i, s in enumerate(steps, start=1):
        level += s
        path[int(base_year) + i] = level
    return path


def cumulative(annual: dict[int, float] | Iterable[tuple[int, float]]) -> dict[int, float]:
    """Running totals of annual quantities (new jobs, farmland, trees) by year."""
    items = sorted(dict(annual).items())
    total = 0.0
    out: dict[int, float] = {}
    for year, amount in items:
        amount = float(amount)
        if not math.isfinite(amount):
            raise PathInputError("annual", f"value for {year} must be finite, got {amount!r}")
        total += amount
        out[int(year)] = total
    return out


def previous_level(level: float, rate: float) -> float:
    """Level a year earlier, from this year's level and its growth rate."""
    return level / (1 + rate)


def next_level(level: float, rate: float) -> float:
    """Level a year later, from this year's level and next year's growth rate."""
    return level * (1 + rate)


def annualised(total_rate: float, years: float) -> float:
    """Average annual rate of a cumulative rise (+56% over five years -> 9.3% a year)."""
    return (1 + total_rate) ** (1 / years) - 1


def level_from_increase(level_now: float, increase: float) -> float:
    """Earlier level implied by 'now is ``increase`` higher than then'."""
    earlier = float(level_now) - float(increase)
    if earlier <= 0:
        raise PathInputError("increase", f"leaves a non-positive earlier level ({earlier})")
    return earlier


def rate_from_total(last: float, total: float, years: int) -> float:
    """The constant annual growth rate at which ``years`` yearly amounts ending in
    ``last`` sum to ``total`` (220亿 over five years ending in 43.7亿: about -0.3%).

    The sum falls as the rate rises, so bisection finds the one root.
    """

    def excess(rate: float) -> float:
        return sum(last / (1 + rate) ** k for k in range(years)) - total

    low, high = -0.9, 10.0
    if not excess(low) > 0 > excess(high):
        raise PathInputError(
            "total", f"no growth rate takes {years} years ending in {last} to {total}"
        )
    for _ in range(200):
        mid = (low + high) / 2
        low, high = (mid, high) if excess(mid) > 0 else (low, mid)
    return (low + high) / 2
