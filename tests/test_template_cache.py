"""The theme's compiled templates are kept between builds, and never served stale."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from jinja2 import Environment, FileSystemLoader

from analysis.book_ext import template_cache


def _app(doctrees: Path, templates: Path):
    environment = Environment(loader=FileSystemLoader(str(templates)))
    builder = SimpleNamespace(templates=SimpleNamespace(environment=environment))
    return SimpleNamespace(builder=builder, doctreedir=str(doctrees))


def _render(doctrees: Path, templates: Path) -> str:
    """A new process's view: a fresh environment, given the cache by install()."""
    app = _app(doctrees, templates)
    template_cache.install(app)
    return app.builder.templates.environment.get_template("page.html").render(title="T")


def test_compiled_templates_are_stored_under_the_doctrees(tmp_path: Path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    doctrees = tmp_path / "doctrees"
    assert _render(doctrees, templates) == "<h1>T</h1>"
    assert len(list((doctrees / template_cache.CACHE_DIR).iterdir())) == 1


def test_an_edited_template_is_compiled_again(tmp_path: Path):
    templates = tmp_path / "templates"
    templates.mkdir()
    page = templates / "page.html"
    page.write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    doctrees = tmp_path / "doctrees"
    _render(doctrees, templates)
    page.write_text("<h2>{{ title }} (edited)</h2>", encoding="utf-8")
    assert _render(doctrees, templates) == "<h2>T (edited)</h2>"


def test_a_builder_without_templates_is_left_alone(tmp_path: Path):
    app = SimpleNamespace(builder=SimpleNamespace(), doctreedir=str(tmp_path / "doctrees"))
    template_cache.install(app)
    assert not (tmp_path / "doctrees").exists()
