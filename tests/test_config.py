"""``_config.yml`` lists Sphinx extensions in full (ours first, so the warm kernels
start early); the list must still hold everything Jupyter Book would load."""

from __future__ import annotations

from pathlib import Path

import yaml
from jupyter_book.config import get_final_config

ROOT = Path(__file__).resolve().parents[1]
OURS = ["analysis.book_ext", "analysis.book_site"]


def _final(config: dict, tmp_path: Path) -> list[str]:
    path = tmp_path / "_config.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    final, _ = get_final_config(
        user_yaml=path, sourcedir=ROOT, cli_config={"latex_individualpages": False}
    )
    return final["extensions"]


def test_our_extension_list_loses_nothing_jupyter_book_loads(tmp_path):
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    ours = _final(config, tmp_path)
    # what Jupyter Book would load had we only added our two extensions
    plain = dict(config)
    plain["sphinx"] = {
        "extra_extensions": OURS,
        "config": {k: v for k, v in config["sphinx"]["config"].items() if k != "extensions"},
    }
    expected = _final(plain, tmp_path)
    assert sorted(ours) == sorted(expected)
    assert ours[0] == "analysis.book_ext"
    assert len(ours) == len(set(ours))
