"""Packaging that still installs next year: SPDX licence metadata, a bounded build
backend, project URLs, and no deprecation warning from setuptools.

setuptools stops accepting ``license = { text = ... }`` after 2027-02-18; a
metadata build with warnings turned into errors fails on that and on any other
deprecation before it becomes an install failure.
"""

from __future__ import annotations

import email
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import version

from packaging.requirements import Requirement
from packaging.version import Version

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
BUILD_METADATA = """
import sys, warnings
warnings.simplefilter("error")  # any deprecation warning fails the build
from setuptools import build_meta
print(build_meta.prepare_metadata_for_build_wheel(sys.argv[1]))
"""


def test_build_backend_is_bounded_and_supports_spdx_licences():
    (requirement,) = [Requirement(r) for r in PYPROJECT["build-system"]["requires"]]
    assert requirement.name == "setuptools"
    allowed = requirement.specifier
    assert not allowed.contains("76.9"), "setuptools < 77 cannot read SPDX licence expressions"
    assert any(spec.operator in ("<", "<=", "~=", "==") for spec in allowed), "no upper bound"
    # the installed backend (the test's) lies in the same range as pip's build environment
    assert allowed.contains(Version(version("setuptools")))


def test_metadata_builds_without_warnings_and_carries_licence_and_urls(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ["pyproject.toml", "README.md", *PYPROJECT["project"]["license-files"]]:
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info"))
    out = tmp_path / "metadata"
    out.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", BUILD_METADATA, str(out)],
        cwd=source,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "eprecat" not in result.stdout + result.stderr
    info = out / result.stdout.strip().splitlines()[-1] / "METADATA"
    metadata = email.message_from_string(info.read_text(encoding="utf-8"))
    assert metadata["License-Expression"] == "MIT AND CC-BY-4.0"
    assert sorted(metadata.get_all("License-File")) == ["LICENSE", "LICENSE-TEXT.md"]
    urls = dict(u.split(", ", 1) for u in metadata.get_all("Project-URL"))
    assert {"Homepage", "Repository", "Issues"} <= set(urls)
    assert metadata.get("License") is None, "the deprecated free-text licence field is back"


def pins(lock: str) -> dict[str, str]:
    """name -> version of a uv lock file (universal: one version per package)."""
    found = {}
    for line in (ROOT / lock).read_text(encoding="utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#") and "==" in line:
            name, rest = line.split("==", 1)
            found[name.strip().lower()] = rest.split()[0].rstrip(";")
    return found


def test_locks_pin_every_package_with_hashes():
    for lock in ("requirements.lock", "requirements-dev.lock"):
        text = (ROOT / lock).read_text(encoding="utf-8")
        entries = pins(lock)
        assert len(entries) > 50, lock
        # every pinned package is followed by at least one --hash line
        blocks = [b for b in text.split("\n") if b and not b[0].isspace() and "==" in b]
        assert all(b.rstrip().endswith("\\") for b in blocks), f"{lock}: a pin without hashes"
        assert text.count("--hash=sha256:") >= len(entries), lock


def test_the_book_lock_agrees_with_the_dev_lock():
    book, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert set(book) <= set(dev)
    assert {n: v for n, v in book.items() if dev[n] != v} == {}
    # the test tools stay out of the book's lock (Pages and Binder install only it)
    assert not {"pytest", "hypothesis", "ruff", "playwright"} & set(book)


def test_binder_installs_the_book_lock():
    binder = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8")
    assert binder.endswith((ROOT / "requirements.lock").read_text(encoding="utf-8"))
