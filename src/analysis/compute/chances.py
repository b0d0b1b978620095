"""The chances the book gives for Minquan's GDP (chapter 7 and the preface), in two views.

- **Ex ante, as of March 2021** (``ex_ante``): the county sets targets along a
  path and misses them as the recent record says (``uncertainty``: realized =
  norm + β·(target − norm) + centre + shock); the norm is Henan's target, then
  a declining norm to 2035 (``scenarios.norm_path``).
- **Conditioned on what is known since** (``conditional``): Henan's realized
  growth 2021-2025; the county grows at Henan's rate plus a margin plus a
  shock from how prefectures spread around their province's mean
  (``uncertainty.differential_model``); after 2025, Henan grows at the
  declining norm plus the recent centre (``scenarios.henan_expected``).

Each view is recomputed under every change of assumption the chapter states
(``sensitivity``: the model's variants and the norm held; ``margins``: the
county margins the record allows), so the book can give each chance with the
range it moves over, not as one number.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd

from ..records import lookup
from . import scenarios, targets_panel, uncertainty

STEP, HELD = "Targets stepping down", "The 2021 target held"
MET, HELD_MET, HENAN, DOUBLED = ("stepped-down targets met, 2025", "2021 target held, 2025",
                                 "Henan's realized pace, 2025", "doubled, 2035")  # fmt: skip
NORM_HELD = "Norm held at Henan's 2025 target after 2025"
NORM_IMF = "Norm at the IMF's levels plus Henan's premium over China after 2025"
NORM_IMF_FLAT = "Norm at the IMF's levels after 2025, no premium"
MARGIN_LABELS = {
    "sq_panel_realized": "Shangqiu's realized margin over Henan's prefectures, 2003-2012",
    "none": "No margin: Henan's pace",
    "sq_2019_realized": "Shangqiu's realized margin over Henan, 2019",
    "sq_2025_target_passed": "β × Shangqiu's target margin over Henan, 2025 (central)",
    "sq_2025_target": "Shangqiu's target margin over Henan, 2025",
    "sq_2023_target": "Shangqiu's target margin over Henan, 2023",
}


@dataclass(frozen=True)
class Chances:
    main: uncertainty.ShockModel
    panel: uncertainty.ShockModel
    differential: uncertainty.ShockModel
    goals: dict[str, tuple[int, float]]
    target_paths: dict[str, list[float]]  # percent a year from 2021
    norms: tuple[float, ...]
    norm_ids: tuple[str, ...]
    ex_ante: uncertainty.Outlook  # fans of the target paths, main and panel calibrations
    sensitivity: pd.DataFrame  # change of assumption x goal (stepped-down targets)
    margins: pd.DataFrame  # margin: name, label, points, ids, then one column per goal
    henan_growth: tuple[float, ...]  # Henan's growth assumed by the conditional view
    conditional_fan: pd.DataFrame  # the central margin's fan
    conditional_path: pd.Series  # the central margin's path without shocks
    conditional_norms: pd.DataFrame  # central margin under each norm after 2025 x goal


def goal_levels() -> dict[str, tuple[int, float]]:
    """The goal levels, read from data/paths.csv (亿元 at 2020 prices)."""
    level = lookup.paths().set_index(["path_id", "year"])["value"]
    return {MET: (2025, level[("gdp:targets_step_down", 2025)]),
            HELD_MET: (2025, level[("gdp:target_2021_held", 2025)]),
            HENAN: (2025, level[("gdp:henan_realized_2021_2025", 2025)]),
            DOUBLED: (2035, level[("gdp:doubling_by_2035", 2035)])}  # fmt: skip


def _row(levels: pd.DataFrame, goals: dict[str, tuple[int, float]]) -> dict[str, float]:
    return {g: uncertainty.probability_at_least(levels, y, v) for g, (y, v) in goals.items()}


@cache
def compute() -> Chances:
    gdp, readings = scenarios.gdp_scenarios()
    by_name = {s.scenario: s for s in readings}
    panel = targets_panel.load_filtered().data
    panel_model = uncertainty.panel_model(panel)
    main = uncertainty.recent_model(panel_model, targets_panel.recent_record())
    goals = goal_levels()
    paths = {STEP: [100 * r for r in by_name["targets_step_down"].rates],
             HELD: [100 * r for r in by_name["target_2021_held"].rates]}  # fmt: skip
    norms, norm_ids = scenarios.norm_path()
    ex_ante = uncertainty.gdp_outlook(gdp.value, scenarios.BASE_YEAR, paths, list(norms), goals,
                                      [main, panel_model])  # fmt: skip
    rows = {}
    for model in uncertainty.variants(main, panel_model.centre):
        levels = uncertainty.simulate(gdp.value, scenarios.BASE_YEAR, paths[STEP], norms, model)
        rows[model.name] = _row(levels, goals)
    other_norms = {NORM_HELD: scenarios.norm_path(declining=False)[0],
                   NORM_IMF: scenarios.imf_norm_path()[0],
                   NORM_IMF_FLAT: scenarios.imf_norm_path(premium=0.0)[0]}  # fmt: skip
    for name, other in other_norms.items():
        levels = uncertainty.simulate(gdp.value, scenarios.BASE_YEAR, paths[STEP], other, main)
        rows[name] = _row(levels, goals)
    sensitivity = pd.DataFrame.from_dict(rows, orient="index")
    differential = uncertainty.differential_model(panel)
    henan = scenarios.henan_expected(main.centre)
    margins = {"sq_panel_realized": (targets_panel.prefecture_margin(panel), ()),
               **scenarios.county_margins()}  # fmt: skip
    table = []
    for name in MARGIN_LABELS:
        points, ids = margins[name]
        levels = uncertainty.conditional(gdp.value, scenarios.BASE_YEAR, henan, points,
                                         differential)  # fmt: skip
        table.append(dict(margin=name, label=MARGIN_LABELS[name], points=points, ids=ids,
                          **_row(levels, goals)))  # fmt: skip
        if name == scenarios.MARGIN:
            fan, path = (
                uncertainty.fan(levels),
                uncertainty.deterministic(
                    gdp.value, scenarios.BASE_YEAR, [h + points for h in henan]
                ),
            )
    # Henan after 2025 at the IMF's levels (plus its premium): growth projections, not
    # targets, so no average shortfall is subtracted from them
    central_points = margins[scenarios.MARGIN][0]
    by_norm = {"Declining norm plus the recent centre (central)": henan,
               NORM_IMF: scenarios.henan_expected(0.0, norms=other_norms[NORM_IMF]),
               NORM_IMF_FLAT: scenarios.henan_expected(0.0, norms=other_norms[NORM_IMF_FLAT])}  # fmt: skip
    norm_rows = {}
    for name, growth in by_norm.items():
        levels = uncertainty.conditional(gdp.value, scenarios.BASE_YEAR, growth, central_points,
                                         differential)  # fmt: skip
        norm_rows[name] = _row(levels, goals)
    return Chances(main, panel_model, differential, goals, paths, norms, norm_ids, ex_ante,
                   sensitivity, pd.DataFrame(table), henan, fan, path,
                   pd.DataFrame.from_dict(norm_rows, orient="index"))  # fmt: skip


def central_chances() -> dict[str, float]:
    """The chances the preface quotes, each with the range it moves over: ex ante (the
    stepped-down targets, main calibration; range over ``sensitivity``, the IMF-level
    norms included) and conditioned on Henan's realized growth (central margin; range over
    the margins and the norms after 2025). The ex-ante range leaves out the panel era's
    centre, which rests on inflated statistics."""
    c = compute()
    plausible = c.sensitivity.drop(index=uncertainty.PANEL_CENTRE)
    prob = c.ex_ante.probabilities.set_index(["calibration", "target_path", "goal"])["probability"]
    central = c.margins.set_index("margin").loc[scenarios.MARGIN]
    out = {}
    for key, goal in {"met": MET, "doubled": DOUBLED}.items():
        out[f"ex_ante_{key}"] = float(prob[(c.main.name, STEP, goal)])
        out[f"ex_ante_{key}_low"] = float(plausible[goal].min())
        out[f"ex_ante_{key}_high"] = float(plausible[goal].max())
        out[f"conditional_{key}"] = float(central[goal])
        spread = [*c.margins[goal], *c.conditional_norms[goal]]
        out[f"conditional_{key}_low"] = float(min(spread))
        out[f"conditional_{key}_high"] = float(max(spread))
    # the central margin if Henan's growth falls to the IMF's levels for China after 2025
    out["conditional_doubled_imf"] = float(c.conditional_norms.loc[NORM_IMF, DOUBLED])
    return out
