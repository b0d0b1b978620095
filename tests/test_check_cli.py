"""`python -m analysis check` on broken copies of a small valid figures file.

Each test runs the CLI in a subprocess against a temporary copy of the
repository's seeds/ and _config.yml, with a figures.csv built from the fixture
and an exclusions file that excludes every other mention, so the valid copy
passes and each break is the only problem.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.text.scan import scan

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "figures_valid.csv"
SEED = ROOT / "seeds" / "minquan-2021-government-work-report.txt"


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    root = tmp_path_factory.mktemp("book")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copy(ROOT / "_config.yml", root / "_config.yml")
    (root / "data").mkdir()
    # Exclude every mention the fixture's quotes do not use (by hand: each
    # quote's row value sits in the quote, so mentions inside quotes are used).
    text = SEED.read_text(encoding="utf-8")
    with FIXTURE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    spans = [
        (int(r["quote_offset"]), int(r["quote_offset"]) + len(r["quote"]), float(r["value"]))
        for r in rows
    ]
    with (root / "data" / "excluded_mentions.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["offset", "text", "section", "reason", "note"])
        for m in scan(text):
            if not any(s <= m.start and m.end <= e and v == m.value for s, e, v in spans):
                out.writerow([m.start, m.text, "", "other", "test fixture"])
    return root


def run(repo, content: bytes | None):
    target = repo / "data" / "figures.csv"
    if content is None:
        target.unlink(missing_ok=True)
    else:
        target.write_bytes(content)
    env = {**os.environ, "MINQUAN_BOOK_ROOT": str(repo)}
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "check"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr


def fixture_bytes() -> bytes:
    return FIXTURE.read_bytes()


def broken(old: str, new: str) -> bytes:
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1).encode("utf-8")


def test_valid_fixture_passes(repo):
    code, out = run(repo, fixture_bytes())
    assert code == 0, out
    assert "6 records" in out and "OK" in out


def test_bom_and_crlf_are_accepted(repo):
    content = b"\xef\xbb\xbf" + fixture_bytes().replace(b"\n", b"\r\n")
    code, out = run(repo, content)
    assert code == 0, out


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            ",亿元,27550000000,",
            ",亿圆,27550000000,",
            ["row 2", "column 'unit'", "id F0001", "亿圆"],
        ),
        (
            "生产总值完成275.5亿元,354",
            "生产总值完成275.6亿元,354",
            ["row 2", "column 'quote'", "id F0001"],
        ),
        ("综合排序,8,位次,8", "综合排序,9,位次,9", ["row 4", "column 'value'", "id F0003"]),
        ("F0002,p1.head", "F0001,p1.head", ["row 3", "column 'id'", "duplicate"]),
        (",2016-2020,ratio,", ",2020-2016,ratio,", ["row 7", "column 'period'", "id F0006"]),
        ("生产总值,275.5,", "生产总值,275.5x,", ["row 2", "column 'value'", "not a number"]),
        ("indicator_zh,", "", ["row 1", "column 'indicator_zh'", "missing"]),
        (",note\n", ",note,remark\n", ["row 1", "column 'remark'", "unknown column"]),
    ],
)
def test_broken_copies(repo, old, new, expected):
    code, out = run(repo, broken(old, new))
    assert code == 1
    assert "Traceback" not in out
    for words in expected:
        assert words in out, (words, out)


def test_empty_file(repo):
    code, out = run(repo, b"")
    assert code == 1 and "Traceback" not in out and "empty" in out


def test_missing_file(repo):
    code, out = run(repo, None)
    assert code == 1 and "Traceback" not in out and "missing" in out and "figures.csv" in out


def test_non_utf8_file(repo):
    code, out = run(repo, FIXTURE.read_text(encoding="utf-8").encode("gb18030"))
    assert code == 1 and "Traceback" not in out and "not UTF-8" in out


def test_mentions_cli(repo):
    run(repo, fixture_bytes())
    env = {**os.environ, "MINQUAN_BOOK_ROOT": str(repo)}
    cmd = [sys.executable, "-m", "analysis", "mentions"]
    every = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    # 275.5 at offset 354 + len("生产总值完成") = 360, in p1.head, used by F0001
    line = next(x for x in every.splitlines() if x.startswith("360\t"))
    assert line.split("\t")[:6] == ["360", "p1.head", "275.5", "275.5", "arabic", "used"]
    assert "生产总值完成【275.5】亿元" in line
    uncovered = subprocess.run(
        [*cmd, "--uncovered"], capture_output=True, text=True, env=env, check=True
    )
    assert uncovered.stdout == ""  # the fixture's exclusions cover everything else
