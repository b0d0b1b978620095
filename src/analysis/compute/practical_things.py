"""The content of the chapter on the ten practical things: the ten practical things (十件实事) and what they add up to.

Each practical thing is a section of the report (``p3.ten.1`` … ``p3.ten.10``);
its quantities are the figures curated from that section. Quantities of
different kinds (a new kindergarten and rebuilt ones; bridges and weirs; 5G
base stations counted in 处 and in 座) are shown side by side, never added.
"""

from __future__ import annotations

import pandas as pd

from ..records import lookup
from ..text import report

# Groups a reader compares: (group, record ids). Each keeps its own unit.
SIDE_BY_SIDE = [
    ("Kindergartens", ("F0447", "F0448")),  # one new township kindergarten; public ones rebuilt
    ("River works", ("F0454", "F0455")),  # bridges (座); overflow weirs and sluices (座)
    ("5G base stations", ("F0035", "F0451")),  # built by 2020 (处); new in 2021 (座)
]


# Each practical thing in English, by number (a gloss of the report's words, quoted beside it)
GLOSS = {
    1: "New roads and an upgraded road in the county town; dead-end streets joined up",
    2: "Start 3 resettlement compounds; build resettlement housing",
    3: "Open two lake parks to the public",
    4: "Renovate back streets and alleys",
    5: "Start closing the landfill and restoring its site",
    6: "A new township kindergarten, public kindergartens rebuilt, more school places",
    7: "No more dry latrines in the town; standard public toilets in every town seat",
    8: "Wider 5G coverage: new base stations; towns and rural hot spots covered by year end",
    9: "Upgrade village clinics; a qualified village doctor in every administrative village",
    10: "Dredge river channels; build bridges and overflow weirs and sluices",
}
# Coverage promises (全覆盖): 100% targets stated in words, not figures of the dataset
COVERAGE = {
    8: "乡镇、农村热点区域全覆盖 (5G in all towns and rural hot spots)",
    9: "所有行政村合格乡村医生全覆盖 (a qualified doctor in every village)",
}
# A 2021 promise beside the base the report gives elsewhere: (promise, base) record ids
BASES = (("F0452", "F0138"), ("F0444", "F0084"), ("F0445", "F0085"), ("F0451", "F0035"))


def bases() -> pd.DataFrame:
    """Each 2021 quantity that has a base in the report: the base, and the promise as a
    share of it (village clinics: 408 to upgrade of the 529 under county management)."""
    rows = []
    for promise, base in BASES:
        p, b = lookup.figure(promise), lookup.figure(base)
        rows.append({"promise": p.id, "base": b.id, "share_pct": 100 * p.value / b.value})
    return pd.DataFrame(rows)


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
            f"{row['indicator']}: {row['value']:,g} {row['unit']}{row['qualifier']}"
            for _, row in own.iterrows()
        )
        rows.append(
            {
                "number": n,
                "text_zh": text,
                "gloss": GLOSS[n],
                "coverage": COVERAGE.get(n, ""),
                "quantities": quantities or "none stated",
                "n_quantities": len(own),
                "ids": ";".join(own["id"]),
            }
        )
    return pd.DataFrame(rows)


def counts() -> dict[str, int]:
    """How many practical things carry numbers, and how many numbers in all."""
    things = ten_things()
    return {
        "n_with_quantities": int((things["n_quantities"] > 0).sum()),
        "n_quantities": int(things["n_quantities"].sum()),
        "n_without": int((things["n_quantities"] == 0).sum()),
    }


def side_by_side() -> pd.DataFrame:
    """Quantities a reader would like to add, each in its own unit as written, with
    its period and record id: a table, not a sum."""
    rows = []
    for group, ids in SIDE_BY_SIDE:
        for record in (lookup.figure(i) for i in ids):
            rows.append({"group": group, "item": record.label, "item_zh": record.label_zh,
                         "quantity": record.value, "unit": record.unit,
                         "period": "built by 2020" if record.period == "2020" else "to build in 2021",
                         "record": record.id})  # fmt: skip
    return pd.DataFrame(rows)
