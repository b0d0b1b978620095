"""Chapter 7's content: the ten practical things (十件实事) and what they add up to.

Each practical thing is a section of the report (``p3.ten.1`` … ``p3.ten.10``);
its quantities are the figures curated from that section. The totals below
add like to like and name the records they use.
"""

from __future__ import annotations

import pandas as pd

from ..records import lookup
from ..text import report

KINDERGARTENS = ("F0447", "F0448")  # new township kindergarten; public ones rebuilt
WATER_STRUCTURES = ("F0454", "F0455")  # bridges; overflow weirs and sluices
STATIONS_5G = ("F0035", "F0451")  # built by 2020; new in 2021


def ten_things() -> pd.DataFrame:
    """One row per practical thing: its text and the quantities the figures dataset holds."""
    figs = lookup.figures().sort_values("id")
    full = report.text()
    rows = []
    for n in range(1, 11):
        section = report.section(f"p3.ten.{n}")
        text = full[section.start : section.end].strip()
        text = text.split(".", 1)[1] if text[: len(str(n)) + 1] == f"{n}." else text
        own = figs[figs["section"] == f"p3.ten.{n}"]
        quantities = "; ".join(
            f"{row['indicator']}: {row['value']:g} {row['unit']}" for _, row in own.iterrows()
        )
        rows.append(
            {
                "number": n,
                "text_zh": text,
                "quantities": quantities or "none stated",
                "n_quantities": len(own),
                "ids": ";".join(own["id"]),
            }
        )
    return pd.DataFrame(rows)


def ten_things_totals() -> dict[str, float | str]:
    """What the quantified practical things add up to, with the records used."""
    things = ten_things()
    kindergartens = [lookup.figure(i) for i in KINDERGARTENS]
    water = [lookup.figure(i) for i in WATER_STRUCTURES]
    built_5g, new_5g = (lookup.figure(i) for i in STATIONS_5G)
    return {
        "n_with_quantities": int((things["n_quantities"] > 0).sum()),
        "n_quantities": int(things["n_quantities"].sum()),
        "kindergartens": sum(r.value for r in kindergartens),
        "kindergarten_ids": ";".join(r.id for r in kindergartens),
        "water_structures": sum(r.value for r in water),
        "water_ids": ";".join(r.id for r in water),
        "stock_5g_2021": built_5g.value + new_5g.value,
        "growth_5g_pct": 100 * new_5g.value / built_5g.value,
        "ids_5g": f"{built_5g.id};{new_5g.id}",
    }
