"""Real and nominal: the national consumer price index as the only deflator we hold.

The report's GDP and industrial growth targets are real (at comparable prices);
its levels, its budget revenue, retail sales and investment targets are nominal.
To compare a nominal pace with a real target we need a deflator. No GDP
deflator for Minquan, Henan or China was found (see data/external/README.md),
so the book deflates with China's consumer price index (CPI, 居民消费价格), from
the context files (NBS releases reprinted in the news, medium confidence for
2016-2020). A GDP deflator would differ: it covers investment goods, exports
and a county's own mix of output as well as consumption; the CPI-deflated
rates are an approximation of the real ones, and the chapters say so.

Rates are fractions here, as everywhere in the package.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import lookup
from ..records.record import Record

CPI = "CPI increase"


def national_cpi(years) -> list[Record]:
    """China's realized CPI increase for each year, in order (an InputError if one is
    missing from the context files)."""
    return [lookup.fact("China", CPI, "realized", str(year)) for year in years]


@dataclass(frozen=True)
class PriceRise:
    """Consumer prices over a span of years: the cumulative factor and its annual average."""

    first: int
    last: int
    factor: float  # prices at the end of ``last`` relative to the year before ``first``
    records: tuple[Record, ...]

    @property
    def years(self) -> int:
        return self.last - self.first + 1

    @property
    def annual(self) -> float:
        """Average annual rise (geometric), a fraction."""
        return self.factor ** (1 / self.years) - 1

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.records)


def cpi_rise(first: int, last: int) -> PriceRise:
    """National CPI from ``first`` to ``last`` inclusive (each year's rise compounded)."""
    if last < first:
        raise ValueError(f"last year {last} is before first year {first}")
    records = tuple(national_cpi(range(first, last + 1)))
    factor = 1.0
    for record in records:
        factor *= 1 + record.value / 100
    return PriceRise(first, last, factor, records)


def deflate(nominal_rate: float, price_rate: float) -> float:
    """Real rate from a nominal rate and a price rise over the same period (fractions):
    (1 + nominal) / (1 + prices) - 1, not the difference."""
    return (1 + nominal_rate) / (1 + price_rate) - 1


def inflate(real_rate: float, price_rate: float) -> float:
    """Nominal rate from a real rate and a price rise: (1 + real) × (1 + prices) - 1."""
    return (1 + real_rate) * (1 + price_rate) - 1
