"""The words the records use, each defined once.

- **Bounds** say on which side of the true value a number lies. One list
  serves the report's figures (from their hedge), the derived values and the
  growth paths: ``exact`` (the number as stated or computed), ``lower`` (the
  true value is at least the number: 以上, 突破), ``upper`` (at most: 近,
  以内), ``approximate`` (either side: 左右, 约).
- **Qualifiers** are the report's hedges as written; each maps to a bound.
  力争 (strive for) does not move the number, so its bound is ``exact``; it
  marks an ambition instead (``AMBITION_QUALIFIERS``).
- **Scenario statuses** say what a growth path is, apart from its bound:
  ``central`` (the report's own number, as set or held), ``ambition`` (a goal
  stated in words, or a number only striven for), ``illustration`` (arithmetic
  the report does not promise, such as a one-year amount repeated) and
  ``reference`` (a benchmark to read the others against, not a goal).
- **Kinds** of stated numbers and **confidence** labels of outside facts.
- **Price bases** of growth paths: ``real`` (2020 prices), ``nominal``
  (current prices), ``physical``, ``index``.

Nothing here reads a file; ``analysis.records.figures`` and
``analysis.records.context`` validate their rows against these lists.
"""

from __future__ import annotations

EXACT, LOWER, UPPER, APPROXIMATE = "exact", "lower", "upper", "approximate"
BOUND_MEANINGS = {
    EXACT: "the number as stated or computed",
    LOWER: "the true value is at least the number (以上, 突破, 超)",
    UPPER: "the true value is at most the number (近, 以内)",
    APPROXIMATE: "the true value may lie on either side (左右, 约)",
}
BOUNDS = tuple(BOUND_MEANINGS)
ONE_SIDED = (LOWER, UPPER)
# the sign a chart or table puts before a number with this bound
BOUND_SIGNS = {EXACT: "", LOWER: "≥ ", UPPER: "≤ ", APPROXIMATE: "≈ "}

# The report's hedges: meaning, and the bound it puts on the stated number.
QUALIFIERS: dict[str, tuple[str, str]] = {
    "左右": ("about; either side", APPROXIMATE),
    "以上": ("or more", LOWER),
    "近": ("nearly; true value slightly below", UPPER),
    "将近": ("nearly; true value slightly below", UPPER),
    "接近": ("close to; true value slightly below", UPPER),
    "超": ("over; true value above", LOWER),
    "超过": ("over; true value above", LOWER),
    "首次突破": ("broke through for the first time; true value above", LOWER),
    "率先突破": ("broke through ahead of others; true value above", LOWER),
    "突破": ("broke through; true value above", LOWER),
    "不低于": ("not less than", LOWER),
    "多": ("more than (…多); true value above", LOWER),
    "余": ("more than (…余); true value above", LOWER),
    "达到": ("reached; stated as exact", EXACT),
    "达": ("reached; stated as exact", EXACT),
    "内": ("within (…内); at most", UPPER),
    "站稳": ("held firm at or above", LOWER),
    "以内": ("within; at most", UPPER),
    "以下": ("or less", UPPER),
    "控制在": ("kept within; at most", UPPER),
    "力争": ("strive for; an aim, not a commitment", EXACT),
    "约": ("about; either side", APPROXIMATE),
}
AMBITION_QUALIFIERS = ("力争",)
# Words outside sources put where a hedge would be that are not hedges: the
# number is stated as it is.
PLAIN_WORDS = {
    "翻一番": "doubled: the value is the multiple (2)",
    "qualitative": "stated in words; no number",
}

CENTRAL, AMBITION, ILLUSTRATION, REFERENCE = "central", "ambition", "illustration", "reference"
STATUS_MEANINGS = {
    CENTRAL: "the report's own number for the year it is set (2021); for GDP, the book's "
    "central reading: Henan's realized growth plus a county margin",
    AMBITION: "a goal the report states in words (14th Five-Year, 2035), or a number it only "
    "strives for (力争)",
    ILLUSTRATION: "arithmetic the report does not promise, such as a one-year amount repeated or "
    "a one-year target held to 2025",
    REFERENCE: "a benchmark to read the others against (a past pace, a province's plan)",
}
STATUSES = tuple(STATUS_MEANINGS)

KINDS: dict[str, str] = {
    "level": "a stock or flow in its unit (GDP 275.5 亿元)",
    "growth_rate": "year-on-year or period growth, percent",
    "share": "a part of a whole, percent",
    "completion_ratio": "achieved as a percent of a plan or task",
    "count": "a number of things (projects, villages, people)",
    "change_vs_base": "an absolute change against a base year (提高近百亿元)",
    "ratio": "a multiple of a base (翻了一番 = 2)",
    "rank": "a position in a ranking (第八位 = 8)",
    "target_level": "a planned level",
    "target_growth": "a planned growth rate",
    "target_count": "a planned number of things",
    "target_share": "a planned share",
    "target_change": "a planned change against the base year, in the indicator's unit "
    "(提高1.5个百分点左右)",
    "other": "anything else; the note says what",
}
TARGET_KINDS = ("target_level", "target_growth", "target_count", "target_share", "target_change")
# what a chart or table calls each kind (the dictionary above says what it means)
KIND_NAMES: dict[str, str] = {
    "level": "Level", "growth_rate": "Growth rate", "share": "Share",
    "completion_ratio": "Share of a plan achieved", "count": "Count",
    "change_vs_base": "Change against a base year", "ratio": "Multiple of a base",
    "rank": "Rank", "target_level": "Target level", "target_growth": "Target growth rate",
    "target_count": "Target count", "target_share": "Target share",
    "target_change": "Target change against the base year", "other": "Other",
}  # fmt: skip

CONFIDENCE = ("high", "medium", "low")

# What a path's numbers measure (data/paths.csv ``price_basis``). A real growth rate
# (GDP, industrial value added: comparable prices) applied to a 2020 level at
# current prices gives a path at 2020 prices, ``real``; a nominal rate (budget
# revenue, retail sales, investment) gives current prices, ``nominal``.
REAL, NOMINAL, PHYSICAL, INDEX = "real", "nominal", "physical", "index"
SHARE = "share"
PRICE_BASIS_MEANINGS = {
    REAL: "at constant 2020 prices: a real (comparable-price) growth rate applied to a 2020 level",
    NOMINAL: "at current prices: a nominal growth rate applied to a 2020 level",
    PHYSICAL: "a physical quantity or a count (grain, farmland, stations, jobs)",
    SHARE: "a share or rate in % (the urbanization rate): no prices involved",
    INDEX: "an index, 2020 = 100, where the report gives a growth target but no level",
}
PRICE_BASES = tuple(PRICE_BASIS_MEANINGS)

# Verdicts on a target (data/targets_scored.csv): the rule honours the hedge.
MET, MISSED, UNKNOWN = "met", "missed", "unknown"
VERDICT_MEANINGS = {
    MET: "the outcome satisfies the target as hedged (以上: at least the number; 左右: within "
    "the tolerance below it or above; a ceiling: at most the number plus the tolerance)",
    MISSED: "the outcome falls short of the target as hedged",
    UNKNOWN: "no outcome was found for this indicator and year",
}
VERDICTS = tuple(VERDICT_MEANINGS)


def bound_of(qualifier: str) -> str:
    """The bound a hedge puts on its number; ``exact`` without one.

    KeyError for a word that is neither a qualifier nor a plain word, so an
    unknown hedge cannot pass for an exact number.
    """
    if not qualifier or qualifier in PLAIN_WORDS:
        return EXACT
    return QUALIFIERS[qualifier][1]


def status_of(qualifier: str, default: str = CENTRAL) -> str:
    """A stated target's status: ``ambition`` when only striven for (力争)."""
    return AMBITION if qualifier in AMBITION_QUALIFIERS else default


def flip(bound: str) -> str:
    return {LOWER: UPPER, UPPER: LOWER}.get(bound, bound)


def propagate(bound: str, increasing: bool) -> str:
    """Bound of a value computed from one hedged input.

    A value that increases with the input keeps the input's side; one that
    decreases flips it; ``approximate`` and ``exact`` stay what they are.
    """
    return bound if increasing else flip(bound)


def combine(*bounds: str) -> str:
    """Bound of a value increasing in several inputs: exact inputs do not
    count; one side shared by all the others is kept; mixed sides give
    ``approximate``."""
    sides = {b for b in bounds if b != EXACT}
    if not sides:
        return EXACT
    return sides.pop() if len(sides) == 1 else APPROXIMATE
