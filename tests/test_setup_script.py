"""scripts/setup.sh repairs a half-made .venv and stays idempotent.

Run on a tiny stand-in project (the real setup.sh, a one-module package and a
lock of one small hashed pin taken from our own lock), so the test exercises the
script's logic in seconds; the README's commands run it on the real locks.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

PIN = "mdurl"  # a small pure-Python package of our lock


def pin_block(name: str) -> str:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    match = re.search(rf"^{name}==\S+ \\\n(?:    --hash=\S+(?: \\)?\n)+", text, re.M)
    assert match, f"{name} is not pinned with hashes in requirements.lock"
    return match.group(0)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    (tmp_path / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools>=77,<85"]\nbuild-backend = "setuptools.build_meta"\n'
        '[project]\nname = "probe"\nversion = "0"\n[tool.setuptools]\npy-modules = ["probe"]\n',
        encoding="utf-8",
    )
    (tmp_path / "probe.py").write_text("", encoding="utf-8")
    for lock in ("requirements.lock", "requirements-dev.lock"):
        (tmp_path / lock).write_text(pin_block(PIN), encoding="utf-8")
    return tmp_path


def setup(project, *args):
    return subprocess.run(
        ["bash", "scripts/setup.sh", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable, "HOME": str(project)},
        timeout=600,
    )


def test_a_venv_without_pip_is_explained_and_made_again(project):
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", ".venv"], cwd=project, check=True
    )
    first = setup(project)
    assert first.returncode == 0, first.stdout + first.stderr
    assert ".venv is incomplete: it has no pip" in first.stdout
    check = subprocess.run(
        [project / ".venv/bin/python", "-c", "import mdurl, probe"], capture_output=True
    )
    assert check.returncode == 0, check.stderr
    again = setup(project)
    assert again.returncode == 0 and "up to date" in again.stdout, again.stdout
    dev = setup(project, "--dev")
    assert dev.returncode == 0 and "installing the book, its test tools" in dev.stdout, dev.stdout
    # a dev setup satisfies the book's setup too
    book = setup(project)
    assert "up to date" in book.stdout, book.stdout


def test_an_unknown_option_is_refused(project):
    result = setup(project, "--everything")
    assert result.returncode == 2 and "usage:" in result.stderr
