"""The Li et al. (2019) prefecture panel: validate, filter with stated reasons, summarise.

The panel holds prefecture GDP growth targets and realized growth, 2003-2014;
after the filters (no observed own target after 2012) it covers 2003-2012.
Some values are not targets at all (placeholders where no target was found)
and some are coded (13.05 for "13%以上"). Nothing is dropped silently: every
filter rule has a name, and ``filter_panel`` returns a table counting the rows
each rule removed, in the order the rules are applied.

The regression lives in ``analysis.compute.panel_regression``: it needs statsmodels,
slow to import (1.6 s here), which most callers (the paths table, the
uncertainty module, the chapter on the 2021 targets) do not.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..base.errors import InputError, Problem
from ..records import context

NUMERIC = context.REQUIRED[context.LI_PANEL]  # every column of the panel is numeric

# Plausibility bands (percent a year). Chinese prefectures did report growth
# above 30% in the resource booms of the 2000s, so the realized band is wide; it
# removes only values no national accounts would support for a whole prefecture.
REALIZED_BAND = (-10.0, 40.0)
TARGET_BAND = (3.0, 40.0)
PLACEHOLDER = 2.9  # the value the panel carries where no own target was found
SHANGQIU = 411400

RULES = {
    "target_not_observed": "prefecture_target_observed is 0: the value is not an observed target",
    "placeholder_2_9": f"own target equals the {PLACEHOLDER} placeholder",
    "shangqiu_2003_2004": "Shangqiu 2003-2004 values flagged as erroneous in the context notes",
    "realized_out_of_band": f"realized growth outside {REALIZED_BAND[0]:g} to {REALIZED_BAND[1]:g}%",
    "target_out_of_band": f"own or provincial target outside {TARGET_BAND[0]:g} to "
    f"{TARGET_BAND[1]:g}%",
}


def validate(frame: pd.DataFrame, file: str = context.LI_PANEL) -> pd.DataFrame:
    """Numbers where numbers belong, 0/1 flags, unique prefecture-years."""
    problems: list[Problem] = []
    out = frame.copy()
    for column in NUMERIC:
        if column not in out.columns:
            problems.append(Problem("required column is missing", file=file, column=column))
            continue
        numbers = pd.to_numeric(out[column], errors="coerce")
        for index in out.index[numbers.isna()]:
            problems.append(
                Problem(
                    f"not a number: {out.at[index, column]!r}",
                    file=file,
                    row=int(index) + 2,
                    column=column,
                )
            )
        out[column] = numbers
    if problems:
        raise InputError(problems)
    bad_flag = ~out["prefecture_target_observed"].isin([0, 1])
    for index in out.index[bad_flag]:
        problems.append(
            Problem(
                "must be 0 or 1", file=file, row=int(index) + 2, column="prefecture_target_observed"
            )
        )
    duplicated = out.duplicated(["prefecture_code", "year"], keep="first")
    for index in out.index[duplicated]:
        problems.append(
            Problem(
                "prefecture-year appears twice",
                file=file,
                row=int(index) + 2,
                column="year",
                record=f"{int(out.at[index, 'prefecture_code'])}",
            )
        )
    if problems:
        raise InputError(problems)
    for column in ("prefecture_code", "province_code", "year", "prefecture_target_observed"):
        out[column] = out[column].astype(int)
    return out


def decode_at_least(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Split '13.05'-style codes into the number (13) and an 'or more' (以上) flag.

    A second decimal of 5 marks the code (13.05, 10.55); real targets in the
    panel are given to one decimal at most.
    """
    hundredths = np.round(values * 100).astype("int64")
    flagged = pd.Series(hundredths % 10 == 5, index=values.index)
    decoded = values.where(~flagged, (hundredths - 5) / 100)
    return decoded, flagged


@dataclass
class FilteredPanel:
    data: pd.DataFrame  # kept rows, targets decoded, with miss and escalation columns
    report: pd.DataFrame  # rule, description, dropped, remaining (in order applied)
    n_input: int


def filter_panel(frame: pd.DataFrame) -> FilteredPanel:
    """Apply the rules in order; count each rule's drops on what is left."""
    data = frame.copy()
    for side in ("prefecture", "provincial"):
        decoded, flagged = decode_at_least(data[f"{side}_target_pct"])
        data[f"{side}_target_coded_pct"] = data[f"{side}_target_pct"]
        data[f"{side}_target_pct"] = decoded
        data[f"{side}_target_at_least"] = flagged
    masks = {
        "target_not_observed": data["prefecture_target_observed"] == 0,
        "placeholder_2_9": np.isclose(data["prefecture_target_coded_pct"], PLACEHOLDER),
        "shangqiu_2003_2004": (data["prefecture_code"] == SHANGQIU)
        & data["year"].isin([2003, 2004]),
        "realized_out_of_band": ~data["realized_growth_pct"].between(*REALIZED_BAND),
        "target_out_of_band": ~data["prefecture_target_pct"].between(*TARGET_BAND)
        | ~data["provincial_target_pct"].between(*TARGET_BAND),
    }
    keep = pd.Series(True, index=data.index)
    rows = []
    for rule, mask in masks.items():
        dropped = keep & mask
        keep &= ~mask
        rows.append((rule, RULES[rule], int(dropped.sum()), int(keep.sum())))
    report = pd.DataFrame(rows, columns=["rule", "description", "dropped", "remaining"])
    kept = data[keep].copy()
    kept["miss_pp"] = kept["realized_growth_pct"] - kept["prefecture_target_pct"]
    kept["escalation_pp"] = kept["prefecture_target_pct"] - kept["provincial_target_pct"]
    return FilteredPanel(kept.reset_index(drop=True), report, len(frame))


def load_filtered() -> FilteredPanel:
    """The stored panel, validated and filtered."""
    return filter_panel(validate(context.li_panel_raw()))


def miss_summary(data: pd.DataFrame) -> dict[str, float]:
    """Distribution of realized minus own target, in percentage points."""
    miss = data["miss_pp"]
    return {
        "n": len(miss),
        "mean": float(miss.mean()),
        "sd": float(miss.std(ddof=1)),
        "median": float(miss.median()),
        "p10": float(miss.quantile(0.10)),
        "p90": float(miss.quantile(0.90)),
        "share_met": float((miss >= 0).mean()),
    }


def escalation_summary(data: pd.DataFrame) -> dict[str, float]:
    """Prefecture target over its province's target, percentage points."""
    esc = data["escalation_pp"]
    return {
        "n": len(esc),
        "mean": float(esc.mean()),
        "median": float(esc.median()),
        "share_above": float((esc > 0).mean()),
    }


def escalation_by_year(data: pd.DataFrame) -> pd.DataFrame:
    return (
        data.groupby("year")["escalation_pp"]
        .agg(["mean", "median", "count"])
        .reset_index()
        .rename(columns={"count": "n"})
    )


GDP_GROWTH = "GDP growth"
# outcome rows for a year, best first: the final figure, then the preliminary estimate a
# province gives in its next work report; an inferred figure never pairs with a target
OUTCOME_RANK = {GDP_GROWTH: 0, "GDP growth (preliminary, next-year GWR)": 1}


def recent_record(jurisdictions=("China", "Henan")) -> pd.DataFrame:
    """Every year with both a GDP growth target and an outcome in the context files.

    One row per jurisdiction-year: the target (a range such as 7-7.5% as its
    midpoint, met from its lower end ``target_low``), the best outcome (final
    over preliminary, ``outcome_kind``), the miss (outcome minus target) and the
    verdict with the hedge honoured (``analysis.compute.scoring.verdict``).
    ``norm_pct`` is the target of the level above that year (China's for Henan,
    the own target for China, which has none above it); NaN where it is not in
    the context files.
    """
    from .scoring import verdict

    frame = context.targets()
    frame = frame[frame["jurisdiction"].isin(jurisdictions) & frame["year"].str.fullmatch(r"\d{4}")]
    target = frame[(frame["indicator"] == GDP_GROWTH) & (frame["measure"] == "target")].copy()
    target["low"] = target["value_low"].where(target["value_low"].notna(), target["value"])
    mid = (target["value_low"] + target["value_high"]) / 2
    target["value"] = target["value"].where(target["value"].notna(), mid)
    outcome = frame[frame["indicator"].isin(list(OUTCOME_RANK)) & (frame["measure"] == "realized")]
    outcome = outcome.assign(rank=outcome["indicator"].map(OUTCOME_RANK))
    outcome = outcome.sort_values("rank", kind="mergesort").drop_duplicates(
        ["jurisdiction", "year"]
    )
    both = target[["jurisdiction", "year", "id", "value", "low", "qualifier", "unit"]].merge(
        outcome[["jurisdiction", "year", "id", "value", "rank"]], on=["jurisdiction", "year"],
        suffixes=("_target", "_realized"),
    )  # fmt: skip
    both = both.rename(columns={"low": "target_low"})
    both["outcome_kind"] = both["rank"].map({0: "final", 1: "preliminary"})
    both["miss_pp"] = both["value_realized"] - both["value_target"]
    both["verdict"] = [
        verdict(t, r, q, unit=u, low=lo)
        for t, r, q, u, lo in zip(both["value_target"], both["value_realized"], both["qualifier"],
                                  both["unit"], both["target_low"], strict=True)
    ]  # fmt: skip
    both["met"] = both["verdict"] == "met"
    national = target[target["jurisdiction"] == "China"].set_index("year")["value"]
    both["norm_pct"] = [
        t if j == "China" else national.get(y, np.nan)
        for j, y, t in zip(both["jurisdiction"], both["year"], both["value_target"], strict=True)
    ]
    both = both.drop(columns=["rank", "unit"])
    return both.sort_values(["jurisdiction", "year"]).reset_index(drop=True)


def era(data: pd.DataFrame) -> str:
    """The years a filtered panel covers, as the book writes them (2003-2012)."""
    return f"{int(data['year'].min())}-{int(data['year'].max())}"


def calibration(panel: pd.DataFrame, recent: pd.DataFrame) -> pd.DataFrame:
    """Side by side: how often, and by how much, targets were beaten in each era."""
    rows = [
        {
            "era": f"Prefectures {era(panel)} (Li et al. panel)",
            "n": len(panel),
            "mean_miss_pp": panel["miss_pp"].mean(),
            "sd_miss_pp": panel["miss_pp"].std(ddof=1),
            "share_met": (panel["miss_pp"] >= 0).mean(),
        }
    ]
    for jurisdiction, group in recent.groupby("jurisdiction", sort=True):
        years = f"{group['year'].min()}-{group['year'].max()}"
        rows.append(
            {
                "era": f"{jurisdiction} {years} (context file)",
                "n": len(group),
                "mean_miss_pp": group["miss_pp"].mean(),
                "sd_miss_pp": group["miss_pp"].std(ddof=1) if len(group) > 1 else np.nan,
                "share_met": group["met"].mean(),
            }
        )
    return pd.DataFrame(rows)


SHANGQIU, HENAN = 411400, 41


def prefecture_margin(data: pd.DataFrame, prefecture: int = SHANGQIU) -> float:
    """A prefecture's average realized growth minus the mean of its province's prefectures
    in the same year, over the years it is in the filtered panel (points a year)."""
    mine = data[data["prefecture_code"] == prefecture]
    if mine.empty:
        raise InputError(f"prefecture {prefecture} is not in the filtered panel",
                         file=context.LI_PANEL, column="prefecture_code")  # fmt: skip
    province = data[data["province_code"] == mine["province_code"].iloc[0]]
    means = province.groupby("year")["realized_growth_pct"].mean()
    return float((mine["realized_growth_pct"] - mine["year"].map(means)).mean())
