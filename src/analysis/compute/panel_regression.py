"""OLS of realized on targeted growth in the Li et al. (2019) prefecture panel.

Realized GDP growth on the prefecture's own target and its province's target,
with year fixed effects and standard errors clustered by prefecture
(statsmodels). Kept apart from ``analysis.compute.targets_panel`` because statsmodels
is slow to import (with SciPy, over a second): only the chapter that estimates
pays for it.
"""

from __future__ import annotations

import pandas as pd
import statsmodels.formula.api as smf

FORMULA = "realized_growth_pct ~ prefecture_target_pct + provincial_target_pct + C(year)"
# the form the simulation uses: coefficients on own and provincial target summing to one
RESTRICTED = "I(realized_growth_pct - provincial_target_pct) ~ I(prefecture_target_pct - provincial_target_pct) + C(year)"
RESTRICTED_TERM = "I(prefecture_target_pct - provincial_target_pct)"


def regress(data: pd.DataFrame):
    """OLS of realized growth on own and provincial targets with year effects,
    standard errors clustered by prefecture."""
    model = smf.ols(FORMULA, data=data)
    return model.fit(cov_type="cluster", cov_kwds={"groups": data["prefecture_code"]})


def regress_restricted(data: pd.DataFrame):
    """Realized growth minus the provincial target on the own target's excess over it, year
    effects, clustered by prefecture: the pass-through the simulation uses."""
    model = smf.ols(RESTRICTED, data=data)
    return model.fit(cov_type="cluster", cov_kwds={"groups": data["prefecture_code"]})


LABELS = {
    "prefecture_target_pct": "Own (prefecture) target, %",
    "provincial_target_pct": "Provincial target, %",
    "Intercept": "Constant",
}


def regression_table(result) -> pd.DataFrame:
    """The coefficients the book shows (year effects summarised, not listed)."""
    rows = []
    for term, label in LABELS.items():
        low, high = result.conf_int().loc[term]
        rows.append(
            {
                "term": label,
                "coefficient": result.params[term],
                "std_error": result.bse[term],
                "ci_low": low,
                "ci_high": high,
                "p_value": result.pvalues[term],
            }
        )
    table = pd.DataFrame(rows)
    n_years = sum(name.startswith("C(year)") for name in result.params.index)
    footer = pd.DataFrame(
        [
            {"term": "Year fixed effects", "coefficient": float(n_years)},
            {"term": "Observations", "coefficient": float(result.nobs)},
            {
                "term": "Prefecture clusters",
                "coefficient": float(len(set(result.model.data.frame["prefecture_code"]))),
            },
            {"term": "R²", "coefficient": result.rsquared},
        ]
    )
    return pd.concat([table, footer], ignore_index=True)
