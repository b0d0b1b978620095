"""``_config.yml`` adds our extension the documented way (``sphinx: extra_extensions``),
so Jupyter Book keeps its own list and ours loads after it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from jupyter_book.config import get_final_config

ROOT = Path(__file__).resolve().parents[1]


def test_our_extension_is_loaded_after_jupyter_book_s_own():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "extensions" not in config["sphinx"]["config"], "let Jupyter Book keep its own list"
    final, _ = get_final_config(
        user_yaml=ROOT / "_config.yml", sourcedir=ROOT, cli_config={"latex_individualpages": False}
    )
    extensions = final["extensions"]
    assert "analysis.book" in extensions
    assert {"myst_nb", "jupyter_book", "sphinx_book_theme", "sphinxcontrib.bibtex"} <= set(
        extensions
    )
    assert extensions.index("analysis.book") > extensions.index("myst_nb")
    assert len(extensions) == len(set(extensions))


def test_the_book_layer_is_cheap_to_import_and_imports_only_the_foundation():
    """Every build imports analysis.book: no pandas or matplotlib (a no-op rebuild must not
    pay for them), and from the rest of the package only the foundation it needs:
    locations, fonts and the names the kernels and the build share (web)."""
    code = (
        "import sys\n"
        "import analysis.book\n"
        "from analysis.book import catalogue, execute, figures, freshness, page_html, pages,"
        " site, webfont\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    loaded = set(result.stdout.split())
    assert not loaded & {"pandas", "matplotlib", "numpy", "statsmodels"}
    ours = {m for m in loaded if m.startswith("analysis.") and not m.startswith("analysis.book")}
    allowed = {"locations", "fonts", "web"}
    assert ours <= {"analysis.base", *(f"analysis.base.{m}" for m in allowed)}, ours


def test_only_a_command_line_build_freezes_its_objects(monkeypatch):
    import gc

    from analysis.book import freeze_at_exit

    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr("sys.argv", ["/usr/lib/python3/site-packages/pytest"])
    freeze_at_exit(None, None)
    assert frozen == []
    monkeypatch.setattr("sys.argv", ["/repo/.venv/bin/jupyter-book", "build", "."])
    freeze_at_exit(None, None)
    assert frozen == [True]
