"""From the spread of past target misses to a fan chart and probabilities.

Model, kept deliberately simple and stated in the book: each year realized
growth equals the target plus a miss (percentage points). A miss has a
persistent part, one draw per simulated county from the prefectures' average
misses (some places beat their targets year after year), and a transitory part,
drawn each year from the prefecture-years' deviations from their own average.
Both come from the filtered Li et al. panel (2003-2012 in practice).

The recent era is too short to estimate a distribution (a handful of national
and Henan years), so its calibration keeps the panel's shape and moves its
centre to the recent mean miss. Everything is deterministic: a fixed seed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

SEED = 20210330  # the report's date
DRAWS = 10_000
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


@dataclass(frozen=True)
class MissModel:
    """Where a realized-minus-target gap comes from, in percentage points."""

    name: str
    persistent: np.ndarray  # one value per prefecture: its mean miss
    transitory: np.ndarray  # prefecture-year deviation from that mean
    shift: float = 0.0  # moves the centre (recent-era calibration)

    @property
    def mean(self) -> float:
        return float(self.persistent.mean() + self.shift)


def panel_miss_model(panel: pd.DataFrame, name: str = "panel 2003-2014") -> MissModel:
    """Split the filtered panel's misses into prefecture means and deviations."""
    means = panel.groupby("prefecture_code")["miss_pp"].transform("mean")
    persistent = panel.groupby("prefecture_code")["miss_pp"].mean().to_numpy()
    transitory = (panel["miss_pp"] - means).to_numpy()
    # centre the persistent part on the pooled mean so the model's mean is the
    # panel's mean miss, whatever the number of years per prefecture
    persistent = persistent - persistent.mean() + panel["miss_pp"].mean()
    return MissModel(name, persistent, transitory)


def recentred(model: MissModel, target_mean: float, name: str) -> MissModel:
    """The same spread, centred on another era's mean miss."""
    return MissModel(name, model.persistent, model.transitory, target_mean - model.mean)


def simulate(
    base: float,
    base_year: int,
    target_rates_pct: list[float],
    model: MissModel,
    draws: int = DRAWS,
    seed: int = SEED,
) -> pd.DataFrame:
    """Simulated levels: rows are draws, columns years base_year..base_year+n."""
    rng = np.random.default_rng(seed)
    n = len(target_rates_pct)
    persistent = rng.choice(model.persistent, size=(draws, 1))
    transitory = rng.choice(model.transitory, size=(draws, n))
    growth = np.asarray(target_rates_pct, dtype=float)[None, :] + persistent + transitory
    growth = growth + model.shift
    growth = np.maximum(growth, -99.0)  # a level cannot fall below zero
    levels = base * np.cumprod(1 + growth / 100, axis=1)
    columns = list(range(base_year, base_year + n + 1))
    return pd.DataFrame(np.column_stack([np.full(draws, base), levels]), columns=columns)


def fan(levels: pd.DataFrame, quantiles=QUANTILES) -> pd.DataFrame:
    """Quantiles of the simulated level by year (long table: year, quantile, value)."""
    q = levels.quantile(list(quantiles))
    q.index.name = "quantile"
    return q.reset_index().melt(id_vars="quantile", var_name="year", value_name="value")


def probability_at_least(levels: pd.DataFrame, year: int, level: float) -> float:
    return float((levels[year] >= level).mean())


@dataclass
class Outlook:
    """Fans and probabilities for Minquan's GDP under two calibrations."""

    models: dict[str, MissModel]
    fans: dict[str, pd.DataFrame]  # fan of the first target path, per calibration
    probabilities: pd.DataFrame  # calibration x target path x goal
    central: pd.Series  # the first target path without misses


def gdp_outlook(
    panel: pd.DataFrame,
    recent: pd.DataFrame,
    base: float,
    base_year: int,
    end_year: int,
    target_paths: dict[str, float],
    goals: dict[str, tuple[int, float]],
) -> Outlook:
    """Simulate GDP under each target path (a constant rate a year, a fraction as
    everywhere in the package) and each era's misses.

    ``goals`` maps a label to (year, level); the probability is the share of
    draws at or above the level in that year. The simulation itself works in
    percentage points, the unit in which the panel records its misses.
    """
    target_paths = {name: 100 * rate for name, rate in target_paths.items()}
    panel_model = panel_miss_model(panel, "Panel era (2003-2012 misses)")
    recent_model = recentred(
        panel_model, float(recent["miss_pp"].mean()), "Recent era (2021-2025 mean miss)"
    )
    models = {m.name: m for m in (panel_model, recent_model)}
    n = end_year - base_year
    rows, fans = [], {}
    for k, (path_name, rate) in enumerate(target_paths.items()):
        for name, model in models.items():
            levels = simulate(base, base_year, [rate] * n, model)
            if k == 0:
                fans[name] = fan(levels)
            for goal, (year, level) in goals.items():
                rows.append(
                    {
                        "calibration": name,
                        "mean_miss_pp": model.mean,
                        "target_path": path_name,
                        "goal": goal,
                        "year": year,
                        "level": level,
                        "probability": probability_at_least(levels, year, level),
                    }
                )
    first_rate = next(iter(target_paths.values()))
    central = pd.Series(
        base * (1 + first_rate / 100) ** np.arange(n + 1),
        index=range(base_year, end_year + 1),
    )
    return Outlook(models, fans, pd.DataFrame(rows), central)
