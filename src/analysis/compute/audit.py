"""Cross-checks of the report against itself.

Each check is one record: id (A01, A02 ...), what is checked, the figure and
derived ids it uses, the computed values, the tolerance, a verdict and one
sentence of explanation. The verdict comes from one of the small rules below
(``at_least``, ``close``, ``parts_within_whole``, ``within_range``,
``equal_values``), each tested with hand-computed cases.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pandas as pd

from ..records import lookup, units

CONSISTENT = "consistent"
APPROXIMATE = "approximate"
INCONSISTENT = "inconsistent"
CANNOT_CHECK = "cannot check"
VERDICTS = (CONSISTENT, APPROXIMATE, INCONSISTENT, CANNOT_CHECK)

COLUMNS = [
    "id", "check", "description", "inputs", "computed", "tolerance", "verdict", "explanation",
]  # fmt: skip

# Statements that count the same set in other words: one centre per township,
# one clinic per village. Repeats under the *same* indicator are found
# automatically (repeated_figures); these pairs need a reader to link them.
LINKED = [
    ("F0015", "F0151", "townships (subdistricts) and their governance centres, all built"),
    ("F0016", "F0138", "administrative villages and village clinics under integrated management"),
    ("F0016", "F0442", "administrative villages and those given cultural equipment in 2021"),
]
# Whole and size classes (largest threshold first) of newly attracted projects.
PROJECT_CLASSES = [
    ("F0109", ["F0110", "F0111", "F0112", "F0113"], "2020"),
    ("F0431", ["F0435", "F0434", "F0433", "F0432"], "2021 target"),
]
# Kinds where the same indicator stated twice should carry the same number.
RESTATABLE_KINDS = ("count", "level")


# --- verdict rules --------------------------------------------------------------


def at_least(value: float, floor: float, rel_tol: float) -> str:
    """Consistent at or above the floor; approximate within rel_tol below it."""
    if value >= floor:
        return CONSISTENT
    if value >= floor * (1 - rel_tol):
        return APPROXIMATE
    return INCONSISTENT


def close(a: float, b: float, tol: float) -> str:
    """Consistent within tol; approximate within twice tol; inconsistent beyond."""
    gap = abs(a - b)
    if gap <= tol:
        return CONSISTENT
    if gap <= 2 * tol:
        return APPROXIMATE
    return INCONSISTENT


def within_range(value: float, low: float, high: float) -> str:
    return CONSISTENT if low <= value <= high else INCONSISTENT


def parts_within_whole(parts: list[float], whole: float) -> str:
    """Size classes of a whole: read as exclusive bands, they may not exceed it.

    Equal sums are consistent, smaller sums too (the rest lie in a class not
    named); a sum above the whole is consistent only if the classes can be
    cumulative (each '…以上' class at least as large as the class above it,
    parts listed largest threshold first) and the largest is within the whole.
    """
    if sum(parts) <= whole:
        return CONSISTENT
    cumulative = all(a <= b for a, b in pairwise(parts))
    return CONSISTENT if cumulative and parts[-1] <= whole else INCONSISTENT


def equal_values(values: list[float]) -> str:
    return CONSISTENT if len(set(values)) == 1 else INCONSISTENT


# --- the checks -------------------------------------------------------------------


def _fmt(x: float) -> str:
    return f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"


def run(figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every check as a record, ids A01... in a fixed order.

    Figures come from ``figures`` (a test's edited copy) or the dataset; derived
    values are read from data/derived.csv by key (``lookup.derived``), cited by
    their ids. The first checks (A01-A12) always exist; those after them depend
    on what is curated (part 2-4 figures, repeated statements), so their ids
    may move.
    """
    figs = lookup.figures() if figures is None else figures.set_index("id", drop=False)
    v: Callable[[str], float] = lambda fid: float(figs.loc[fid, "value"])  # noqa: E731
    d: Callable[[str], float] = lambda key: lookup.derived(key).value  # noqa: E731
    cited: Callable[[str], str] = lambda key: lookup.derived(key).id  # noqa: E731
    rows: list[dict] = []

    def add(check, description, inputs, computed, tolerance, verdict, explanation):
        rows.append(
            {
                "check": check,
                "description": description,
                "inputs": ";".join(inputs),
                "computed": computed,
                "tolerance": tolerance,
                "verdict": verdict,
                "explanation": explanation,
            }
        )

    # 1. Grain: 74.5 万吨 against the 「站稳14.8亿斤台阶」 floor.
    jin_id, jin = cited("grain_2020_jin"), d("grain_2020_jin")
    add("grain_floor", "2020 grain tonnage against the five-year floor in 斤",
        ["F0088", "F0162", jin_id], f"{_fmt(jin)} vs floor {_fmt(v('F0162'))} 亿斤",
        "at or above the floor; approximate within 1% below", at_least(jin, v("F0162"), 0.01),
        f"74.5万吨 is {jin:.1f}亿斤 (1 吨 = {units.JIN_PER_TONNE} 斤), just above the floor the report says "
        "was held year after year.")  # fmt: skip

    # 2-3. 2020 growth of deposits and loans against near-doubling since 2015.
    for level, growth, ratio, what in [
        ("F0007", "F0008", "F0158", "deposits"),
        ("F0009", "F0010", "F0159", "loans"),
    ]:
        avg_key, early_key = f"{what}_growth_2016_2020", f"{what}_growth_2016_2019"
        avg_id, early_id = cited(avg_key), cited(early_key)
        avg, early, g = d(avg_key), d(early_key), v(growth)
        add(f"{what}_doubling", f"2020 growth of {what} against 「将近翻了一番」 since 2015",
            [level, growth, ratio, avg_id, early_id],
            f"2020 growth {g:.1f}% vs five-year average at most {avg:.2f}%; 2016-2019 average "
            f"at most {early:.2f}%", "within 5 percentage points of the five-year average",
            close(g, avg, 5.0),
            f"Near-doubling means at most {avg:.1f}% a year; a {g:.1f}% rise in 2020 leaves "
            f"{early:.1f}% a year or less for 2016-2019, a plausible, slightly accelerating path.")  # fmt: skip

    # 4. Rural vs all-resident income growth (different base years: annualise).
    all_key, rural_key = "income_growth_2016_2020", "rural_income_growth_2017_2020"
    all_id, rural_id = cited(all_key), cited(rural_key)
    add("income_rural_vs_all", "Rural income growth (+42.6% on 2016) against all residents' "
        "(+56% on 2015)", ["F0166", "F0048", all_id, rural_id],
        f"{d(rural_key):.2f}% vs {d(all_key):.2f}% a year", "within 1 percentage point a year",
        close(d(rural_key), d(all_key), 1.0),
        "Annualised, the two statements give practically the same pace, so they agree; the "
        "report offers no urban figure to show whether rural incomes caught up.")  # fmt: skip

    # 5-6. Livelihood spending: 2020 share and the five-year total.
    spend, average = d("budget_expenditure_2020"), d("livelihood_average_2016_2020")
    exp_id, avg_id = cited("budget_expenditure_2020"), cited("livelihood_average_2016_2020")
    add("livelihood_share", "Livelihood spending 43.7亿 = 88.8% of budget expenditure",
        ["F0127", "F0128", exp_id], f"implied expenditure {spend:.2f}亿元",
        "no stated expenditure to compare", CANNOT_CHECK,
        f"The share implies budget expenditure of {spend:.1f}亿元, which the report never "
        "states, so the 88.8% can only be taken as given.")  # fmt: skip
    add("livelihood_five_year", "2020 livelihood spending against the 2016-2020 total of 220亿",
        ["F0127", "F0165", avg_id], f"{v('F0127'):.1f} vs five-year average {average:.1f}亿元",
        "2020 at or above the average; approximate within 5% below",
        at_least(v("F0127"), average, 0.05),
        "With rising budgets the last year should exceed the five-year average; 2020 sits just "
        "below it, so spending was flat over the plan or dipped in 2020.")  # fmt: skip

    # 7-8. First-time thresholds against the stated growth.
    for level, growth, what in [("F0011", "F0012", "total"), ("F0013", "F0014", "industrial")]:
        floor, ceiling = v(level), v(level) * (1 + v(growth) / 100)
        add(f"electricity_{what}_threshold",
            f"{what.capitalize()} electricity use 「首次突破」 {v(level):g}亿度 with {v(growth):g}% "
            "growth", [level, growth], f"2020 between {floor:g} and {ceiling:.2f}亿度",
            "a non-empty interval", within_range(floor, floor, ceiling),
            "“For the first time above” with that growth pins 2020 use in a narrow interval, "
            "so the two statements fit together.")  # fmt: skip

    # 9. Budget revenue first above 10亿 during the plan, against 2019 and 2020 levels.
    rev19_id = cited("revenue_2019")
    add("revenue_threshold", "Budget revenue 「率先突破10亿大关」 during 2016-2020",
        ["F0157", "F0003", rev19_id], f"2019 {d('revenue_2019'):.2f}, 2020 {v('F0003'):.1f}亿元",
        "2020 level above 10", at_least(v("F0003"), v("F0157"), 0.0),
        "Revenue was above 10亿元 in 2020 and, by the stated growth, already in 2019.")  # fmt: skip

    # 10. The 55 provincial and municipal projects are part of the 186 key projects.
    plan55, plan186 = d("provincial_projects_plan_2020"), d("key_projects_plan_2020")
    plan_ids = [cited("provincial_projects_plan_2020"), cited("key_projects_plan_2020")]
    sub = [v("F0026") <= v("F0023"), v("F0027") <= v("F0024"), plan55 <= plan186]
    add("key_projects_subset", "55 provincial and municipal projects within the 186 key "
        "projects", ["F0023", "F0024", "F0026", "F0027", *plan_ids],
        f"55 of 186 projects; 200 of {v('F0024'):g}亿元; plan {plan55:.1f} of "
        f"{plan186:.1f}亿元", "each part at most its whole",
        CONSISTENT if all(sub) else INCONSISTENT,
        "Numbers, investment and implied plans of the subset all fit inside the whole.")  # fmt: skip

    # Poverty: persons per registered household within a plausible range.
    size, size_id = d("persons_per_poor_household"), cited("persons_per_poor_household")
    add("poverty_household_size", "Registered poor persons per registered poor household",
        ["F0042", "F0043", size_id], f"{size:.2f} persons per household",
        "between 1 and 6", within_range(size, 1, 6),
        "26238 households and 83358 persons give a plausible household size; the report "
        "states no yearly breakdown to add up.")  # fmt: skip

    # Size classes of newly attracted projects, 2020 and (if curated) the 2021 targets.
    for whole, parts, year in PROJECT_CLASSES:
        if not all(i in figs.index for i in [whole, *parts]):
            continue
        values = [v(i) for i in parts]
        rest_exclusive = v(whole) - sum(values)
        rest_cumulative = v(whole) - values[-1]
        add(f"project_classes_{year[:4]}", f"Projects of 5000万元 or more by size class, {year}",
            [whole, *parts], f"{' + '.join(f'{x:g}' for x in values)} = {sum(values):g} of "
            f"{v(whole):g}", "classes within the whole", parts_within_whole(values, v(whole)),
            f"Read as bands, {rest_exclusive:g} projects lie between 5000万 and 1亿元; read as "
            f"cumulative (each class counting the larger ones), {rest_cumulative:g} do; both "
            "readings fit, the text cannot tell them apart.")  # fmt: skip

    # Figures stated more than once.
    for group in repeated_figures(figs):
        ids = list(group["id"])
        values = [float(x) for x in group["value"]]
        label = group["indicator"].iloc[0]
        add("repeated", f"{label} stated {len(ids)} times", ids,
            " = ".join(_fmt(x) for x in values), "identical", equal_values(values),
            f"The same {label.lower()} figure appears in sections "
            f"{', '.join(dict.fromkeys(group['section']))}.")  # fmt: skip
    for a, b, what in LINKED:
        if a in figs.index and b in figs.index:
            values = [v(a), v(b)]
            add("linked", f"Same count in other words: {what}", [a, b],
                " = ".join(_fmt(x) for x in values), "identical", equal_values(values),
                "One per township or village, so the two counts should match.")  # fmt: skip

    frame = pd.DataFrame(rows)
    frame.insert(0, "id", [f"A{i:02d}" for i in range(1, len(frame) + 1)])
    return frame[COLUMNS]


def repeated_figures(figs: pd.DataFrame) -> list[pd.DataFrame]:
    """Groups of records stating the same indicator (same kind and unit) more than once.

    Only counts and levels: a growth rate and a level of one indicator are not
    a repeat. Groups whose values differ *and* whose periods differ are left
    out: they are two years of one series, not one figure said twice.
    """
    pool = figs[figs["kind"].isin(RESTATABLE_KINDS)]
    groups = []
    for _, group in pool.groupby(["indicator", "kind", "unit_std"], sort=True):
        if len(group) < 2:
            continue
        if len(set(group["value"].astype(float))) > 1 and group["period"].nunique() > 1:
            continue
        groups.append(group.reset_index(drop=True).sort_values("id"))
    return groups


def summary(frame: pd.DataFrame) -> dict[str, int]:
    """Number of checks by verdict, every verdict listed (zeros included)."""
    counts = frame["verdict"].value_counts()
    return {verdict: int(counts.get(verdict, 0)) for verdict in VERDICTS}


def class_readings(whole: float, parts: list[float], names: list[str]) -> pd.DataFrame:
    """The two readings of '其中 …以上 n个' size classes of a whole.

    parts and names run from the largest threshold down, the last name being
    the class below the smallest threshold. 'Bands' reads each class as
    exclusive (the rest fall below the smallest threshold); 'cumulative'
    reads each class as including the larger ones, so a band holds the
    difference between a class and the one above it.
    """
    bands = [*parts, whole - sum(parts)]
    above = [parts[0]] + [b - a for a, b in pairwise(parts)]
    cumulative = [*above, whole - parts[-1]]
    rows = []
    for reading, values in (("Read as bands", bands), ("Read as cumulative", cumulative)):
        rows += [
            {"whole": reading, "part": name, "value": float(value)}
            for name, value in zip(names, values, strict=True)
        ]
    return pd.DataFrame(rows)
