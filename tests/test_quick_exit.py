"""The command-line build freezes its objects before exiting; nothing else does."""

from __future__ import annotations

import gc

import pytest

from analysis.book_ext import quick_exit


@pytest.mark.parametrize(
    ("argv0", "cli"),
    [
        ("/repo/.venv/bin/jupyter-book", True),
        ("jb", True),
        ("/usr/bin/sphinx-build", True),
        ("/repo/.venv/lib/python3.11/site-packages/sphinx/__main__.py", True),
        ("/repo/.venv/bin/pytest", False),
        ("/repo/.venv/lib/python3.11/site-packages/ipykernel_launcher.py", False),
        ("", False),
        ("/somewhere/__main__.py", False),
    ],
)
def test_is_command_line_build(argv0, cli):
    assert quick_exit.is_command_line_build(argv0) is cli


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_freezes_in_a_command_line_build(monkeypatch, unfrozen):
    monkeypatch.setattr("sys.argv", ["/repo/.venv/bin/jupyter-book", "build", "."])
    quick_exit.freeze_at_exit(app=None, exception=None)
    assert gc.get_freeze_count() > 0


def test_leaves_a_longer_lived_process_alone(monkeypatch, unfrozen):
    monkeypatch.setattr("sys.argv", ["/repo/.venv/bin/pytest"])
    quick_exit.freeze_at_exit(app=None, exception=None)
    assert gc.get_freeze_count() == 0
