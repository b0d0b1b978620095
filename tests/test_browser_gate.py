"""The browser tests' gate: skipped where Chromium is missing, failed where it is required.

``.ci/run`` sets MINQUAN_REQUIRE_BROWSER=1, so CI cannot pass without opening the
pages; a newcomer without Chromium gets a skip that says how to install it.
"""

from __future__ import annotations

import pytest
from _pytest.outcomes import Failed, Skipped

from test_browser import INSTALL_HINT, REQUIRE_ENV, not_run


def test_missing_browser_is_a_skip_with_the_install_command(monkeypatch):
    monkeypatch.delenv(REQUIRE_ENV, raising=False)
    with pytest.raises(Skipped) as skipped:
        not_run("no Chromium executable found")
    assert "no Chromium executable found" in str(skipped.value)
    assert "apt-get install chromium" in str(skipped.value) and INSTALL_HINT in str(skipped.value)


def test_missing_browser_fails_where_it_is_required(monkeypatch):
    monkeypatch.setenv(REQUIRE_ENV, "1")
    with pytest.raises(Failed) as failed:
        not_run("no Chromium executable found")
    assert REQUIRE_ENV in str(failed.value)


def test_ci_requires_the_browser(repo_root):
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    assert f"export {REQUIRE_ENV}=1" in ci
    assert ci.index(f"export {REQUIRE_ENV}=1") < ci.index(".venv/bin/python -m pytest")
