"""Load the seed report, verify it, and split it into sections.

The seed is never edited; its SHA-256 is recorded in the metadata file beside
it, and every load checks it, so a changed byte can never slip into the book.

Sections mirror the report's own structure. *Leaf* sections tile the whole
text without gaps or overlaps (every character belongs to exactly one leaf);
*part* sections (``p1`` … ``p4``) span their leaves. Ids are stable: figures
in ``data/figures.csv`` refer to them.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..base import locations
from ..base.errors import InputError

SEED_NAME = "minquan-2021-government-work-report"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    start: int  # character offset in the seed text (inclusive)
    end: int  # character offset (exclusive)
    parent: str | None
    text: str

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def is_part(self) -> bool:
        return self.parent is None and self.id.startswith("p")


def seed_path() -> Path:
    return locations.seeds_dir() / f"{SEED_NAME}.txt"


def metadata_path() -> Path:
    return locations.seeds_dir() / f"{SEED_NAME}.meta.json"


def metadata() -> dict:
    path = metadata_path()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("seed metadata file is missing", file=path) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"seed metadata is not valid JSON ({exc})", file=path) from None


def load_text(path: Path | None = None) -> str:
    """Return the seed text after checking it against the recorded SHA-256."""
    path = path or seed_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(
            "seed report is missing; copy it byte for byte from shared/seeds/", file=path
        ) from None
    expected = metadata()["sha256"]
    actual = hashlib.sha256(raw).hexdigest()
    if actual != expected:
        raise InputError(
            f"seed report has been altered: SHA-256 is {actual}, the metadata records "
            f"{expected}; restore the original file",
            file=path,
        )
    return raw.decode("utf-8")


@lru_cache(maxsize=4)
def _cached_text(path: str, mtime_ns: int) -> str:
    return load_text(Path(path))


def text() -> str:
    """The verified seed text (cached per file version)."""
    path = seed_path()
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        return load_text(path)  # raises the clear error
    return _cached_text(str(path), mtime)


# --- structure -------------------------------------------------------------

# Each marker is (id, parent, English title, regex for the heading that starts it).
# Regexes are anchored at a line start; they match the report's own headings.
_CN = "一二三四五六七八九十"
_THEMES_2020 = [
    "Epidemic control",
    "Economic growth against the odds",
    "Poverty alleviation",
    "Innovation and industry",
    "Urban-rural integration",
    "Reform and opening up",
    "Livelihoods and social stability",
]
_WORK_2021 = [
    "Innovation",
    "Industrial upgrading",
    "Investment and consumption",
    "Agriculture and rural revitalisation",
    "Urban-rural integration",
    "Reform and opening up",
    "Ecology",
    "Livelihoods",
]

_MARKERS: list[tuple[str, str | None, str, str]] = [
    ("front", None, "Front matter and opening", r"\A"),
    ("p1.head", "p1", "2020 headline indicators", r"^一、2020年及“十三五”工作回顾"),
    *[(f"p1.t{i + 1}", "p1", title, rf"^（{_CN[i]}）") for i, title in enumerate(_THEMES_2020)],
    ("p1.more", "p1", "Other work in 2020", r"^加强国防教育和国防后备力量"),
    (
        "p1.fyp13",
        "p1",
        "13th Five-Year Plan retrospective",
        r"^各位代表！\n2020年是“十三五”规划收官之年",
    ),
    ("p1.problems", "p1", "Difficulties and shortcomings", r"^在总结成绩的同时"),
    ("p2.head", "p2", "The 14th Five-Year period", r"^二、2035年远景目标"),
    ("p2.vision", "p2", "2035 vision", r"^《纲要草案》提出了2035年远景目标"),
    ("p2.guide", "p2", "Guiding thought", r"^“十四五”时期民权县经济社会发展的指导思想"),
    ("p2.position", "p2", "Development positioning", r"^“十四五”时期，我县的发展定位"),
    ("p2.goals", "p2", "14th Five-Year goals", r"^按照我县发展定位，锚定2035年远景目标"),
    ("p3.head", "p3", "2021 in context", r"^三、2021年重点工作"),
    ("p3.targets", "p3", "2021 targets", r"^今年经济社会发展主要预期目标是"),
    *[(f"p3.w{i + 1}", "p3", title, rf"^（{_CN[i]}）") for i, title in enumerate(_WORK_2021)],
    ("p3.ten", "p3", "The ten practical things", r"^继续办好事关人民群众切身利益的“十件实事”"),
    *[(f"p3.ten.{i}", "p3", f"Practical thing {i}", rf"^{i}\.") for i in range(1, 11)],
    ("p4", None, "Government self-improvement", r"^四、提升政府治理效能"),
]

PART_TITLES = {
    "p1": "2020 and 13th Five-Year Plan review",
    "p2": "2035 vision and 14th Five-Year Plan goals",
    "p3": "2021 work",
    "p4": "Government self-improvement",
}
PART_HEADINGS_ZH = {
    "p1": "一、2020年及“十三五”工作回顾",
    "p2": "二、2035年远景目标及“十四五”时期经济社会发展主要目标任务",
    "p3": "三、2021年重点工作",
    "p4": "四、提升政府治理效能",
}


_PART_STARTS = {"p1": "p1.head", "p2": "p2.head", "p3": "p3.head", "p4": "p4"}


def _part_bounds(full: str, source: Path) -> dict[str, tuple[int, int]]:
    """Character span of each part, found from the four part headings in order."""
    patterns = {sid: pattern for sid, _, _, pattern in _MARKERS}
    starts = {}
    position = 0
    for part, sid in _PART_STARTS.items():
        match = re.compile(patterns[sid], re.M).search(full, position)
        if match is None:
            raise InputError(
                f"part '{part}' not found: no heading matching /{patterns[sid]}/", file=source
            )
        starts[part] = match.start()
        position = match.end()
    ordered = list(starts.items())
    bounds = {"front": (0, ordered[0][1])}
    for i, (part, start) in enumerate(ordered):
        end = ordered[i + 1][1] if i + 1 < len(ordered) else len(full)
        bounds[part] = (start, end)
    return bounds


def _find_markers(full: str, source: Path) -> list[tuple[str, str | None, str, int]]:
    """Locate every marker in order, each within its own part.

    Searching inside the part keeps a missing theme heading of part one from
    silently matching a work-area heading of part three.
    """
    bounds = _part_bounds(full, source)
    found = []
    position = 0
    for sid, parent, title, pattern in _MARKERS:
        part = parent or sid
        start, end = bounds[part]
        match = re.compile(pattern, re.M).search(full, max(position, start), end)
        if match is None:
            raise InputError(
                f"section '{sid}' not found: no heading matching /{pattern}/ in part "
                f"'{part}' (characters {start}-{end})",
                file=source,
            )
        found.append((sid, parent, title, match.start()))
        position = match.end()
    return found


def parse(full: str, source: Path | None = None) -> list[Section]:
    """Split a report text into leaf sections followed by the part sections."""
    source = source or seed_path()
    markers = _find_markers(full, source)
    leaves = []
    for i, (sid, parent, title, start) in enumerate(markers):
        end = markers[i + 1][3] if i + 1 < len(markers) else len(full)
        leaves.append(Section(sid, title, start, end, parent, full[start:end]))
    parts = []
    for pid in ("p1", "p2", "p3"):
        children = [s for s in leaves if s.parent == pid]
        start, end = children[0].start, children[-1].end
        parts.append(Section(pid, PART_TITLES[pid], start, end, None, full[start:end]))
    return leaves + parts


@lru_cache(maxsize=4)
def _cached_sections(key: str) -> tuple[Section, ...]:
    return tuple(parse(text()))


def sections() -> list[Section]:
    """All sections of the seed: leaves in text order, then the parts p1-p3.

    ``p4`` has no subsections, so it is both a leaf and a part.
    """
    path = seed_path()
    key = f"{path}:{path.stat().st_mtime_ns if path.exists() else 0}"
    if not path.exists():
        text()  # raises the clear error
    return list(_cached_sections(key))


def leaves() -> list[Section]:
    """Sections that tile the text: every character is in exactly one."""
    return [s for s in sections() if s.parent is not None or s.id in ("front", "p4")]


def section(sid: str) -> Section:
    for s in sections():
        if s.id == sid:
            return s
    raise KeyError(f"no section with id '{sid}'")


def section_ids() -> set[str]:
    return {s.id for s in sections()}


def part_of(sid: str) -> str:
    """The part (p1-p4) a section belongs to, or 'front'."""
    s = section(sid)
    return s.parent or s.id


def section_at(offset: int) -> Section:
    """The leaf section holding a character offset of the seed."""
    for s in leaves():
        if s.start <= offset < s.end:
            return s
    raise KeyError(f"offset {offset} is outside the seed text")


def heading(sid: str) -> str:
    """The section's first line as the report writes it (its heading or opening words)."""
    first = section(sid).text.strip().splitlines()[0]
    return first if len(first) <= 40 else first[:40] + "…"


def section_table(ids: list[str] | None = None):
    """Sections as a table: id, part, English title, Chinese heading, characters.

    Leaves in text order (or the given ids, in the given order).
    """
    import pandas as pd

    chosen = [section(i) for i in ids] if ids else leaves()
    rows = [
        {
            "id": s.id,
            "part": s.parent or s.id,
            "title": s.title,
            "heading_zh": heading(s.id),
            "start": s.start,
            "end": s.end,
            "characters": s.length,
        }
        for s in chosen
    ]
    return pd.DataFrame(rows)
