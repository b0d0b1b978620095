"""What the report's numbers look like as a whole: counts, kinds and density.

Chapter 1 ('The report and its numbers') is built on these functions: how many
figures each part and section holds, of which kinds, and where along the text
the numbers cluster.
"""

from __future__ import annotations

import pandas as pd

from ..records.vocabulary import KIND_NAMES, KINDS, QUALIFIERS, TARGET_KINDS
from ..text import report
from ..text.scan import Mention

PART_ORDER = ["front", "p1", "p2", "p3", "p4"]
# a target's form: the kind of number it would be once achieved
FORM_OF_TARGET = {"target_level": "level", "target_growth": "growth_rate",
                  "target_count": "count", "target_share": "share",
                  "target_change": "change_vs_base"}  # fmt: skip


def with_parts(figs: pd.DataFrame) -> pd.DataFrame:
    """Add the part (p1-p4) and the section's English title to each figure."""
    titles = {s.id: s.title for s in report.sections()}
    out = figs.copy()
    out["part"] = [report.part_of(s) for s in out["section"]]
    out["section_title"] = [titles[s] for s in out["section"]]
    return out


def counts_by_section(figs: pd.DataFrame) -> pd.DataFrame:
    """Figures per leaf section in text order, with zero rows for sections without any."""
    counts = figs.groupby("section").size()
    table = report.section_table()
    table["figures"] = [int(counts.get(sid, 0)) for sid in table["id"]]
    table["per_1000_chars"] = 1000 * table["figures"] / table["characters"]
    return table


def folded_sections(figs: pd.DataFrame, fold: tuple[str, ...] = ("p3.ten",)) -> pd.DataFrame:
    """``counts_by_section`` with each heading in ``fold`` and its subsections as one
    row (the ten practical things: ten items of a line each), lengths and figures
    summed; the rest unchanged, in text order."""
    table = counts_by_section(figs)
    heads = [next((f for f in fold if i == f or i.startswith(f + ".")), i) for i in table["id"]]
    table = table.assign(id=heads)
    folded = table.groupby("id", sort=False).agg(
        part=("part", "first"), title=("title", "first"), start=("start", "min"),
        end=("end", "max"), characters=("characters", "sum"), figures=("figures", "sum"),
        sections=("title", "size"),
    ).reset_index()  # fmt: skip
    folded["per_1000_chars"] = 1000 * folded["figures"] / folded["characters"]
    return folded


def counts_by_part(figs: pd.DataFrame) -> pd.DataFrame:
    """Figures per part, with the part's share of all figures and of the text."""
    text_length = len(report.text())
    rows = []
    for pid in PART_ORDER:
        sec = report.section(pid)
        n = int((with_parts(figs)["part"] == pid).sum())
        rows.append(
            {
                "part": pid,
                "title": report.PART_TITLES.get(pid, sec.title),
                "figures": n,
                "share_of_figures": 100 * n / len(figs) if len(figs) else 0.0,
                "share_of_text": 100 * sec.length / text_length,
            }
        )
    return pd.DataFrame(rows)


def kinds_by_part(figs: pd.DataFrame) -> pd.DataFrame:
    """A part x kind table of counts (parts as rows, in report order)."""
    parts = with_parts(figs)
    table = pd.crosstab(parts["part"], parts["kind"])
    order = [p for p in PART_ORDER if p in table.index]
    return table.loc[order]


def forms_by_aim(figs: pd.DataFrame) -> pd.DataFrame:
    """Figures by form (a level, a count, a growth rate ...), outcomes the report states
    apart from the targets it sets: one row per form that occurs, columns ``form``,
    ``name``, ``outcomes`` and ``targets`` (counts), the commonest form first."""
    kinds = figs["kind"]
    forms = kinds.map(lambda k: FORM_OF_TARGET.get(k, k))
    aim = kinds.isin(TARGET_KINDS).map({True: "targets", False: "outcomes"})
    table = pd.crosstab(forms, aim).reindex(columns=["outcomes", "targets"], fill_value=0)
    table = table.assign(total=table.sum(axis=1))
    table = table.sort_values(["total", "outcomes"], ascending=False, kind="stable")
    return pd.DataFrame({"form": table.index, "name": [KIND_NAMES[f] for f in table.index],
                         "outcomes": table["outcomes"].to_numpy(),
                         "targets": table["targets"].to_numpy()})  # fmt: skip


def kinds_table(figs: pd.DataFrame) -> pd.DataFrame:
    """One row per kind that occurs, in the vocabulary's order: its name, what it
    means, how many figures have it, and the first of them in the text (an example)."""
    rows = []
    for kind, meaning in KINDS.items():
        own = figs[figs["kind"] == kind]
        if own.empty:
            continue
        first = own.sort_values("quote_offset").iloc[0]
        rows.append({"kind": kind, "name": KIND_NAMES[kind], "meaning": meaning,
                     "figures": len(own), "example": first["id"]})  # fmt: skip
    return pd.DataFrame(rows)


def density(
    text_length: int,
    mentions: list[Mention],
    figs: pd.DataFrame,
    bin_size: int = 250,
) -> pd.DataFrame:
    """Numeric mentions and figure quotes per stretch of ``bin_size`` characters."""
    if bin_size <= 0:
        raise ValueError(f"bin_size must be positive, got {bin_size}")
    starts = list(range(0, text_length, bin_size))
    n_mentions = [0] * len(starts)
    n_figures = [0] * len(starts)
    for m in mentions:
        n_mentions[m.start // bin_size] += 1
    for offset in figs["quote_offset"].astype(int):
        n_figures[offset // bin_size] += 1
    return pd.DataFrame(
        {
            "start": starts,
            "end": [min(s + bin_size, text_length) for s in starts],
            "mentions": n_mentions,
            "figures": n_figures,
        }
    )


def reader_table(figs: pd.DataFrame) -> pd.DataFrame:
    """The full list of figures as readers see it: id, where, what, how much, and the quote."""
    columns = ["id", "section", "indicator", "indicator_zh", "value", "unit", "qualifier",
               "period", "kind", "quote"]  # fmt: skip
    return figs[columns].sort_values("id").reset_index(drop=True)


def mentions_and_figures(ledger) -> dict[str, int]:
    """Why the count of figures differs from the count of mentions they use: mentions
    that state two figures at once (「漏评率、错退率均为零」; 「存款余额、贷款余额较2015年将近翻了一番」) and figures
    written with more than one mention (a number repeated in its quote)."""
    per_figure: dict[str, int] = {}
    shared = 0
    for entry in ledger:
        if entry.status != "used":
            continue
        shared += len(entry.used_by) > 1
        for fid in entry.used_by:
            per_figure[fid] = per_figure.get(fid, 0) + 1
    return {"shared_mentions": shared,
            "figures_from_shared": sum(len(e.used_by) for e in ledger if len(e.used_by) > 1),
            "figures_with_two_mentions": sum(n > 1 for n in per_figure.values())}  # fmt: skip


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def example_text(label: str, label_zh: str, value: float, unit: str, qualifier: str) -> str:
    """A figure as an example in a sentence: the hedge in English before or after the
    number, in Chinese after it in parentheses ('nearly 100 亿元 (近)', '15 家 or more
    (以上)'); a rank as an ordinal ('8th (位次)'); label and Chinese name without nested
    parentheses."""
    number = f"{value:,g}{'' if unit == '%' else ' '}{unit}"
    if unit == "位次":
        number = f"{_ordinal(int(value))} (位次)"
    if qualifier:
        gloss = QUALIFIERS.get(qualifier, (qualifier, ""))[0].split(";")[0].split(" (")[0]
        after = gloss.startswith("or ")
        number = f"{number} {gloss}" if after else f"{gloss} {number}"
        number += f" ({qualifier})"
    return f"{label}, {label_zh}: {number}"
