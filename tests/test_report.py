"""The seed is verified and split into sections that mirror the report."""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil

import pytest

from analysis.base.errors import InputError
from analysis.text import report

SEED = report.SEED_NAME


def test_seed_matches_shared_copy_and_recorded_checksum(repo_root):
    raw = (repo_root / "seeds" / f"{SEED}.txt").read_bytes()
    meta = json.loads((repo_root / "seeds" / f"{SEED}.meta.json").read_text("utf-8"))
    assert hashlib.sha256(raw).hexdigest() == meta["sha256"]
    shared = repo_root.parent / "shared" / "seeds" / f"{SEED}.txt"
    if shared.exists():  # beside the repository on the team's machines and in CI
        assert shared.read_bytes() == raw
    for field in ("title", "issuing_body", "date", "speaker", "language", "sha256"):
        assert meta[field], field
    assert meta["date"] == "2021-03-30"


def test_every_expected_section_is_found():
    ids = report.section_ids()
    expected = (
        {
            "front",
            "p1",
            "p2",
            "p3",
            "p4",
            "p1.head",
            "p1.fyp13",
            "p2.vision",
            "p2.goals",
            "p3.targets",
            "p3.ten",
        }
        | {f"p1.t{i}" for i in range(1, 8)}
        | {f"p3.w{i}" for i in range(1, 9)}
        | {f"p3.ten.{i}" for i in range(1, 11)}
    )
    assert expected <= ids, sorted(expected - ids)


def test_sections_start_at_their_headings():
    cn = "一二三四五六七八"
    for i in range(1, 8):
        assert report.section(f"p1.t{i}").text.startswith(f"（{cn[i - 1]}）")
    for i in range(1, 9):
        assert report.section(f"p3.w{i}").text.startswith(f"（{cn[i - 1]}）")
    for i in range(1, 11):
        assert report.section(f"p3.ten.{i}").text.startswith(f"{i}.")
    assert report.section("p1").text.startswith("一、2020年")
    assert report.section("p2").text.startswith("二、2035年远景目标")
    assert report.section("p3").text.startswith("三、2021年重点工作")
    assert report.section("p4").text.startswith("四、提升政府治理效能")
    assert "全县生产总值增长8%左右" in report.section("p3.targets").text
    assert "2035年远景目标：基本实现社会主义现代化" in report.section("p2.vision").text


def test_leaves_tile_the_text_without_gaps_or_overlaps():
    text = report.text()
    leaves = sorted(report.leaves(), key=lambda s: s.start)
    assert leaves[0].start == 0
    assert leaves[-1].end == len(text)
    for before, after in itertools.pairwise(leaves):
        assert before.end == after.start, (before.id, after.id)
    assert "".join(s.text for s in leaves) == text


def test_parts_span_their_children():
    for part in ("p1", "p2", "p3"):
        span = report.section(part)
        children = [s for s in report.leaves() if s.parent == part]
        assert span.start == min(c.start for c in children)
        assert span.end == max(c.end for c in children)


def test_section_at_finds_the_leaf():
    text = report.text()
    offset = text.index("275.5亿元")
    assert report.section_at(offset).id == "p1.head"
    assert report.section_at(text.index("新建5G基站210座")).id == "p3.ten.8"


def _copy_seed(tmp_path, repo_root, monkeypatch):
    (tmp_path / "seeds").mkdir()
    for name in (f"{SEED}.txt", f"{SEED}.meta.json"):
        shutil.copy(repo_root / "seeds" / name, tmp_path / "seeds" / name)
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    monkeypatch.setenv("MINQUAN_BOOK_ROOT", str(tmp_path))
    return tmp_path / "seeds" / f"{SEED}.txt"


def test_missing_seed_is_a_clear_error(tmp_path, repo_root, monkeypatch):
    seed = _copy_seed(tmp_path, repo_root, monkeypatch)
    seed.unlink()
    with pytest.raises(InputError, match="seed report is missing") as info:
        report.text()
    assert str(seed) in str(info.value)


def test_altered_seed_fails_the_checksum(tmp_path, repo_root, monkeypatch):
    seed = _copy_seed(tmp_path, repo_root, monkeypatch)
    seed.write_bytes(seed.read_bytes().replace(b"275.5", b"275.6"))
    with pytest.raises(InputError, match="altered"):
        report.load_text()


def test_a_missing_heading_names_the_section(tmp_path):
    broken = report.text().replace("（三）精准发力", "三精准发力")
    with pytest.raises(InputError, match=r"p1\.t3"):
        report.parse(broken, tmp_path / "x.txt")
