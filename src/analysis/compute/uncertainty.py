"""From the record of growth targets to a fan chart and probabilities that respect it.

**The model**, stated in the book. Each year a county's realized growth is

    realized = norm + β·(target − norm) + centre + scale(target)·shock,

- ``norm``: the target of the level above (for Minquan, Henan's target of the
  year), what the economy around the county is expected to do;
- ``β``: how much of a target's excess over the norm goes with growth, the
  panel's slope estimated in the form simulated (realized minus provincial
  target on own minus provincial target, with year effects: ``pass_through``;
  0.60). It is an association, not a causal effect: ambitious targets were
  missed by more. The unrestricted regression (0.61 on the own target, 0.18
  on the provincial one, year effects of 2003-2012) is the chapter's table; the
  restriction makes growth rise one for one when target and norm rise together,
  and the centre replaces the constant and year effects of a double-digit era;
- ``centre``: the era's average residual. The recent era's comes from every
  China and Henan year with a target and an outcome (``recent_centre``); the
  panel era's from the prefectures, 2003-2012, whose statistics were inflated,
  which makes it too optimistic (the chapter explains);
- ``shock``: a persistent part (one draw per simulated county from the
  prefectures' average residuals) plus a transitory part (each year, from the
  prefecture-years' deviations from their own average), both from the panel;
- ``scale``: the shocks are percentage points of an era whose targets averaged
  almost 13%; applied to targets of 5-8% they would overstate the spread, so
  they are scaled by the ratio of the target to the panel's mean target (a
  target half as high gets half the spread: ``reference_target``; ``None``
  keeps the panel's points, the sensitivity case).

**Conditioned on what is known** (``differential_model``, ``conditional``):
once Henan's growth of 2021-2025 is known, a county's growth is Henan's
realized growth plus a county margin plus a shock, the shock drawn from how
prefectures' realized growth spread around their province's prefecture mean in
the panel (a persistent part per simulated county and a transitory part per
year), scaled like the shocks above to the growth rate of the year; after 2025,
Henan's growth is the declining norm plus the recent centre.

Everything is deterministic: a fixed seed, the same draws for every case.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

SEED = 20210330  # the report's date
DRAWS = 10_000
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
PANEL_CENTRE = "Panel-era centre (inflated statistics)"  # the variant the chapter rejects


@dataclass(frozen=True)
class ShockModel:
    """Realized growth around a target, in percentage points."""

    name: str
    persistent: np.ndarray  # one value per prefecture, mean zero
    transitory: np.ndarray  # prefecture-year deviations from the prefecture mean, mean zero
    centre: float  # the era's mean residual, added every year
    beta: float  # pass-through of a target's excess over the norm
    reference_target: float | None  # scale shocks by target / this; None: unscaled

    def scale(self, target) -> np.ndarray | float:
        if self.reference_target is None:
            return 1.0
        return np.asarray(target, dtype=float) / self.reference_target

    def expected(self, target, norm):
        """Expected realized growth for a target and the norm above it (percent)."""
        target, norm = np.asarray(target, dtype=float), np.asarray(norm, dtype=float)
        return norm + self.beta * (target - norm) + self.centre

    def sd(self, target: float) -> float:
        """Standard deviation of one year's growth around its expectation at ``target``."""
        spread = np.sqrt(self.persistent.var() + self.transitory.var())
        return float(self.scale(target) * spread)


def pass_through(panel: pd.DataFrame) -> float:
    """OLS slope of realized growth minus the provincial target on the own target minus the
    provincial target, with year effects (numpy): the regression in the form the model
    simulates (``panel_regression.regress_restricted`` gives its standard error)."""
    years = pd.get_dummies(panel["year"], drop_first=True, dtype=float)
    norm = panel["provincial_target_pct"].to_numpy(dtype=float)
    X = np.column_stack([np.ones(len(panel)), panel["prefecture_target_pct"] - norm,
                         years.to_numpy()])  # fmt: skip
    y = panel["realized_growth_pct"].to_numpy(dtype=float) - norm
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)
    return float(coef[1])


def residuals(realized, target, norm, beta: float) -> np.ndarray:
    """Realized growth minus what the target and the norm lead one to expect (no centre)."""
    realized, target, norm = (np.asarray(a, dtype=float) for a in (realized, target, norm))
    return realized - (norm + beta * (target - norm))


def panel_model(panel: pd.DataFrame, beta: float | None = None,
                name: str = "Panel era (prefectures 2003-2012)") -> ShockModel:  # fmt: skip
    """Shocks from the filtered panel: the provincial target is the norm; the centre is
    the panel's mean residual; shocks scaled to the panel's mean own target."""
    beta = pass_through(panel) if beta is None else beta
    r = pd.Series(residuals(panel["realized_growth_pct"], panel["prefecture_target_pct"],
                            panel["provincial_target_pct"], beta), index=panel.index)  # fmt: skip
    by_prefecture = r.groupby(panel["prefecture_code"])
    persistent = (by_prefecture.mean() - r.mean()).to_numpy()
    transitory = (r - by_prefecture.transform("mean")).to_numpy()
    return ShockModel(name, persistent, transitory, float(r.mean()), beta,
                      float(panel["prefecture_target_pct"].mean()))  # fmt: skip


def differential_model(panel: pd.DataFrame,
                       name: str = "Conditional on Henan's realized growth") -> ShockModel:  # fmt: skip
    """Shocks of a prefecture's realized growth around the mean of its province's
    prefectures in the same year: a persistent part (each prefecture's average deviation)
    and a transitory part (the year's deviation from that average). Centre 0, pass-through
    1 (the growth path is given), shocks scaled to the panel's mean realized growth."""
    group = [panel["province_code"], panel["year"]]
    deviation = panel["realized_growth_pct"] - panel.groupby(group)[
        "realized_growth_pct"
    ].transform("mean")
    by_prefecture = deviation.groupby(panel["prefecture_code"])
    persistent = (by_prefecture.mean() - deviation.mean()).to_numpy()
    transitory = (deviation - by_prefecture.transform("mean")).to_numpy()
    return ShockModel(name, persistent, transitory, 0.0, 1.0,
                      float(panel["realized_growth_pct"].mean()))  # fmt: skip


def conditional(base: float, base_year: int, province_pct, margin: float, model: ShockModel,
                draws: int = DRAWS, seed: int = SEED) -> pd.DataFrame:  # fmt: skip
    """Simulated levels if the county grows at the province's rate (percent a year, one per
    year) plus ``margin`` points plus the model's shock: ``simulate`` with the growth path
    as both target and norm, a pass-through of 1 and no centre."""
    path = np.asarray(province_pct, dtype=float) + margin
    return simulate(base, base_year, path, path, replace(model, beta=1.0, centre=0.0), draws, seed)


def recent_residuals(recent: pd.DataFrame, beta: float) -> pd.Series:
    """Each recent year's residual: for Henan the norm is China's target of the year
    (its own target where that is not in the context files, as for 2019); China has
    no level above it, so its residual is its miss."""
    norm = recent["norm_pct"].where(recent["norm_pct"].notna(), recent["value_target"])
    return pd.Series(residuals(recent["value_realized"], recent["value_target"], norm, beta),
                     index=recent.index)  # fmt: skip


def recent_model(panel: ShockModel, recent: pd.DataFrame,
                 name: str = "Recent era (China and Henan since 2019)") -> ShockModel:  # fmt: skip
    """The panel's shocks and pass-through, centred on the recent record."""
    centre = float(recent_residuals(recent, panel.beta).mean())
    return replace(panel, name=name, centre=centre)


def simulate(base: float, base_year: int, targets, norms, model: ShockModel,
             draws: int = DRAWS, seed: int = SEED) -> pd.DataFrame:  # fmt: skip
    """Simulated levels: rows are draws, columns years base_year..base_year+n.

    ``targets`` and ``norms`` are percent a year, one per simulated year."""
    targets, norms = np.asarray(targets, dtype=float), np.asarray(norms, dtype=float)
    if targets.shape != norms.shape:
        raise ValueError(f"{len(targets)} targets but {len(norms)} norms")
    rng = np.random.default_rng(seed)
    n = len(targets)
    persistent = rng.choice(model.persistent, size=(draws, 1))
    transitory = rng.choice(model.transitory, size=(draws, n))
    growth = model.expected(targets, norms)[None, :] + model.scale(targets) * (
        persistent + transitory
    )
    growth = np.maximum(growth, -99.0)  # a level cannot fall below zero
    levels = base * np.cumprod(1 + growth / 100, axis=1)
    columns = list(range(base_year, base_year + n + 1))
    return pd.DataFrame(np.column_stack([np.full(draws, base), levels]), columns=columns)


def probability_meeting(target: float, norm: float, model: ShockModel, draws: int = DRAWS,
                        seed: int = SEED) -> float:  # fmt: skip
    """Chance that one year's realized growth reaches the target (at or above it)."""
    levels = simulate(100.0, 0, [target], [norm], model, draws, seed)
    return float((levels[1] >= 100.0 * (1 + target / 100) - 1e-9).mean())


def fan(levels: pd.DataFrame, quantiles=QUANTILES) -> pd.DataFrame:
    """Quantiles of the simulated level by year (long table: year, quantile, value)."""
    q = levels.quantile(list(quantiles))
    q.index.name = "quantile"
    return q.reset_index().melt(id_vars="quantile", var_name="year", value_name="value")


def probability_at_least(levels: pd.DataFrame, year: int, level: float) -> float:
    return float((levels[year] >= level - 1e-9).mean())


def deterministic(base: float, base_year: int, rates_pct) -> pd.Series:
    """The path the rates give without any miss (percent a year)."""
    factors = np.cumprod(1 + np.asarray(rates_pct, dtype=float) / 100)
    return pd.Series(np.concatenate([[base], base * factors]),
                     index=range(base_year, base_year + len(factors) + 1))  # fmt: skip


@dataclass
class Outlook:
    """Fans and probabilities for Minquan's GDP under each target path and calibration."""

    models: dict[str, ShockModel]
    fans: dict[str, pd.DataFrame]  # target path -> fan, under the main calibration
    targets: dict[str, pd.Series]  # target path -> the path if every target were met
    probabilities: pd.DataFrame  # calibration x target path x goal, with the assumption


def assumption(model: ShockModel, path: str) -> str:
    scaled = ("shocks scaled to the target" if model.reference_target is not None
              else "shocks in the panel's percentage points")  # fmt: skip
    return (
        f"targets: {path}; norm: Henan's targets; pass-through {model.beta:.2f}; "
        f"centre {model.centre:+.2f} points a year; {scaled}"
    )


def gdp_outlook(base: float, base_year: int, target_paths: dict[str, list[float]],
                norms: list[float], goals: dict[str, tuple[int, float]],
                models: list[ShockModel]) -> Outlook:  # fmt: skip
    """Simulate GDP under each target path (percent a year, one per year from
    ``base_year + 1``) and each model; the first model gives the fans. ``goals`` maps a
    label to (year, level): the probability is the share of draws at or above it."""
    rows, fans, paths = [], {}, {}
    for path, rates in target_paths.items():
        paths[path] = deterministic(base, base_year, rates)
        for k, model in enumerate(models):
            levels = simulate(base, base_year, rates, norms[: len(rates)], model)
            if k == 0:
                fans[path] = fan(levels)
            for goal, (year, level) in goals.items():
                rows.append(dict(calibration=model.name, target_path=path, goal=goal, year=year,
                                 level=level, probability=probability_at_least(levels, year, level),
                                 assumption=assumption(model, path)))  # fmt: skip
    return Outlook({m.name: m for m in models}, fans, paths, pd.DataFrame(rows))


def variants(main: ShockModel, panel_centre: float) -> list[ShockModel]:
    """The main model and one change of assumption each, to show what drives a probability:
    unscaled shocks, full pass-through (β = 1), none (β = 0), no shortfall (centre 0), and
    the panel era's centre (the norm held after 2025 is a change of path: ``chances``)."""
    return [
        replace(main, name="Main: as stated"),
        replace(main, name="Shocks not scaled (panel-era points)", reference_target=None),
        replace(main, name="Targets pass through fully (β = 1)", beta=1.0),
        replace(main, name="Targets add nothing above the norm (β = 0)", beta=0.0),
        replace(main, name="No average shortfall (centre 0)", centre=0.0),
        replace(main, name=PANEL_CENTRE, centre=panel_centre),
    ]
