"""Reading a chapter exactly as myst-nb does, so our cache keys match its keys.

jupyter-cache keys a notebook on its code cells and kernelspec. To find or drop
a chapter's cache entry, or to pre-fill it, we must build the very notebook
myst-nb builds when Sphinx reads the page: same reader, same configuration,
same kernel-name aliasing (see ``myst_nb.sphinx_.Parser.parse``).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import nbformat
from myst_nb.core.read import create_nb_reader
from sphinx.environment import BuildEnvironment


def read(env: BuildEnvironment, docname: str) -> tuple[Path, nbformat.NotebookNode] | None:
    """The chapter's source path and notebook, or None if the page is not a notebook."""
    path = Path(env.doc2path(docname))
    if not path.is_file():
        return None
    content = path.read_text(encoding=env.config.source_encoding)
    nb_config = env.mystnb_config
    reader = create_nb_reader(str(path), env.myst_config, nb_config, content)
    if reader is None:
        return None
    notebook = reader.read(content)
    kernel_name = notebook.metadata.get("kernelspec", {}).get("name")
    if kernel_name is not None:
        for pattern, alias in (nb_config.kernel_rgx_aliases or {}).items():
            if re.fullmatch(pattern, kernel_name):
                notebook.metadata["kernelspec"]["name"] = alias
                break
    return path, notebook


def has_code(notebook: nbformat.NotebookNode) -> bool:
    return any(cell.cell_type == "code" for cell in notebook.cells)


def excluded_from_execution(env: BuildEnvironment, path: Path) -> bool:
    """myst-nb's ``execution_excludepatterns`` (``execute: exclude_patterns``)."""
    posix = PurePosixPath(path.as_posix())
    return any(posix.match(p) for p in env.mystnb_config.execution_excludepatterns or ())
