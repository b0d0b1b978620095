"""The README stays true to the repository: quick start, figure table, dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_exactly_two_commands():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2, commands
    assert "jupyter-book build" in commands[0] and "pytest" in commands[1]
    assert commands[0].startswith("bash scripts/setup.sh && ")
    assert commands[1].startswith("bash scripts/setup.sh --dev && ")


def test_ci_runs_the_readme_test_command():
    section = README.split("## Quick start", 1)[1]
    test_command = re.search(
        r"(bash scripts/setup.sh --dev && \.venv/bin/python -m pytest)", section
    )
    assert test_command
    assert test_command.group(1) in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_figure_table_lists_every_numbered_figure_and_table():
    named = set()
    for chapter in (ROOT / "chapters").glob("*.md"):
        named |= set(re.findall(r"name: ((?:fig|tbl)-[\w-]+)", chapter.read_text("utf-8")))
    listed = set(re.findall(r"\| `((?:fig|tbl)-[\w-]+)` \|", README))
    assert named, "no numbered figures found in chapters/"
    assert named == listed, {"missing": sorted(named - listed), "stale": sorted(listed - named)}


def test_every_direct_dependency_is_explained():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = project["dependencies"] + project["optional-dependencies"]["dev"]
    names = {re.match(r"[A-Za-z0-9_.-]+", d).group(0).lower() for d in deps}
    table = README.split("## Why each dependency is there", 1)[1].split("\n## ", 1)[0]
    missing = [n for n in names if n not in table.lower()]
    assert not missing, missing


def test_no_placeholder_is_left():
    assert "<!--" not in README.replace("<!-- build-reliability", "")
