"""Start the kernels a build will need while Sphinx is still loading.

A chapter's run begins with two seconds it does not choose: a kernel starting
(0.9 s here) and its imports (pandas and matplotlib alone take 1.3 s). Sphinx, meanwhile,
spends its first two seconds loading extensions before it knows which pages it
will read. This module overlaps the two: ``analysis.book_ext`` is the first
extension in ``_config.yml``, and its ``setup`` predicts which chapters will
execute and starts one kernel per core for them, each importing the heavy
modules that chapter imports, in a background thread. When ``preexecute``
reaches a chapter that has a warm kernel, the notebook runs there; otherwise
it starts a kernel as before.

The prediction is cheap and need not be perfect: a chapter is predicted to run
when its code cells (compared as text) or the book's inputs (the freshness
fingerprint) differ from those of its last successful build, recorded in
``<doctrees>/minquan-warm.json``. A wrong guess costs only an idle kernel, shut
down at the end of the build; a missed one starts its kernel as before. Nothing
changes what a chapter computes: the kernel is started in the chapter's folder,
and the warm-up imports with ``silent=True`` and ``store_history=False``, binding
no name (the chapter still has to import what it uses), counting no execution
and printing nothing.

Set ``MINQUAN_BOOK_WARM=0`` to turn it off (``analysis.book_ext.options``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import queue
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from sphinx.util import logging

from . import freshness

logger = logging.getLogger(__name__)

RECORD_FILE = "minquan-warm.json"

PACKAGE = "analysis"
PACKAGE_DIR = Path(__file__).resolve().parents[1]

CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
IMPORT = re.compile(r"^import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)\s*$")
FROM_IMPORT = re.compile(r"^from\s+([\w.]+)\s+import\s+\(?([\w\s,]+?)\)?\s*$")
# Imported on first use, not by the import lines: the warm-up pays for these too
# when a chapter's code uses them. myst_nb's ``glue`` imports its implementation
# (and nbformat and jsonschema: 0.25 s here) on its first call; ``DataFrame.style``
# imports pandas' Styler (and jinja2) on first use.
LAZY_IMPORTS = (("glue(", "myst_nb.ext.glue"), (".style", "pandas.io.formats.style"))
KERNEL_NAME = re.compile(r"^kernelspec:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*(\S+)", re.MULTILINE)


def code_cells(text: str) -> list[str]:
    return CODE_CELL.findall(text)


def code_signature(text: str) -> str | None:
    """A hash of a MyST notebook's code cells, or None if it has none."""
    cells = code_cells(text)
    if not cells:
        return None
    return hashlib.sha256("\0".join(cells).encode("utf-8")).hexdigest()


def kernel_name(text: str) -> str:
    found = KERNEL_NAME.search(text)
    return found.group(1) if found else "python3"


def _is_package_module(name: str) -> bool:
    relative = Path(*name.split(".")[1:])
    return (PACKAGE_DIR / relative).with_suffix(".py").is_file() or (
        PACKAGE_DIR / relative / "__init__.py"
    ).is_file()


def warm_up_modules(text: str) -> list[str]:
    """The modules a chapter imports at the top level of its cells, in order, then
    those its code imports on first use (``LAZY_IMPORTS``): the warm-up imports
    exactly these, so it does no work the chapter would not do.
    ``from analysis import charts`` names the submodule ``analysis.charts``."""
    modules: list[str] = []

    def add(name: str) -> None:
        if name not in modules:
            modules.append(name)

    for cell in code_cells(text):
        for line in cell.splitlines():
            found = IMPORT.match(line)
            if found:
                for part in found.group(1).split(","):
                    add(part.split()[0])
                continue
            found = FROM_IMPORT.match(line)
            if found and not found.group(1).startswith("."):
                add(found.group(1))
                if found.group(1) == PACKAGE:
                    for name in filter(None, (n.strip() for n in found.group(2).split(","))):
                        if _is_package_module(f"{PACKAGE}.{name}"):
                            add(f"{PACKAGE}.{name}")
    code = "\n".join(code_cells(text))
    for used, module in LAZY_IMPORTS:
        if used in code:
            add(module)
    return modules


def toc_files(srcdir: Path) -> list[tuple[str, Path]]:
    """(docname, path) of every MyST page in ``_toc.yml``, in order."""
    toc = yaml.safe_load((srcdir / "_toc.yml").read_text(encoding="utf-8")) or {}
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key in ("root", "file"):
                if isinstance(node.get(key), str):
                    found.append(node[key])
            for value in node.values():
                if isinstance(value, (list, dict)):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    files = []
    for name in found:
        docname = name[:-3] if name.endswith(".md") else name
        path = srcdir / f"{docname}.md"
        if path.is_file():
            files.append((docname, path))
    return files


def predict(pages: list[tuple[str, str]], record: dict, fingerprint: str) -> list[str]:
    """Docnames likely to execute: pages with code whose code or inputs changed since
    their last successful build. ``pages`` holds (docname, text); ``record`` maps a
    docname to {"code": signature, "inputs": fingerprint, "seconds": float}."""
    likely = []
    for docname, text in pages:
        signature = code_signature(text)
        if signature is None:
            continue
        last = record.get(docname, {})
        if last.get("code") != signature or last.get("inputs") != fingerprint:
            likely.append(docname)
    # the order preexecute runs them in: longest first, then by name (Sphinx's order)
    return sorted(likely, key=lambda d: (-float(record.get(d, {}).get("seconds", 1e9)), d))


def load_record(doctreedir: Path) -> dict:
    try:
        record = json.loads((doctreedir / RECORD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def save_record(doctreedir: Path, record: dict) -> None:
    freshness.write_json_atomic(doctreedir / RECORD_FILE, record)


@dataclass
class WarmKernel:
    """One kernel, started and warmed in its own thread, which later runs one notebook
    there too (nbclient's event loop is per thread)."""

    docname: str
    cwd: Path
    kernel_name: str
    modules: list[str]
    jobs: queue.Queue = field(default_factory=queue.Queue)
    results: queue.Queue = field(default_factory=queue.Queue)
    settled: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)
    warmed: bool = False
    submitted: bool = False  # a job (or the retirement) has been handed to the thread
    problem: str = ""

    def start(self) -> None:
        threading.Thread(target=self._work, name=f"warm-{self.docname}", daemon=True).start()

    def _work(self) -> None:
        km = None
        try:
            km = AsyncKernelManager(kernel_name=self.kernel_name)
            run_sync(km.start_kernel)(cwd=str(self.cwd))
            client = km.client()
            client.start_channels()
            try:
                run_sync(client.wait_for_ready)(timeout=60)
                code = "\n".join(
                    f"__import__('importlib').import_module({m!r})" for m in self.modules
                )
                reply = run_sync(client.execute_interactive)(
                    code,
                    silent=True,
                    store_history=False,
                    timeout=120,
                    output_hook=lambda msg: None,
                )
            finally:
                client.stop_channels()
            if reply["content"].get("status") != "ok":
                raise RuntimeError(reply["content"].get("evalue", "warm-up import failed"))
            self.warmed = True
        except Exception as error:  # any failure: the chapter gets a fresh kernel instead
            self.problem = f"{type(error).__name__}: {error}"
        finally:
            self.settled.set()
        job = self.jobs.get()
        try:
            if job is not None and self.warmed:
                function, args, kwargs = job
                try:
                    self.results.put(("done", function(*args, km=km, **kwargs)))
                except BaseException as error:  # handed back to the caller's thread
                    self.results.put(("raised", error))
        finally:
            if km is not None:
                with contextlib.suppress(Exception):  # already gone
                    run_sync(km.shutdown_kernel)(now=True)
            self.finished.set()

    def run(self, function, *args, **kwargs):
        """Run ``function(*args, km=<this kernel>, **kwargs)`` in the kernel's thread and
        return its result; None if the kernel could not be warmed (then it is retired)."""
        self.settled.wait()  # still warming: waiting beats starting a second kernel
        if not self.warmed:
            self.retire()
            return None
        self.submitted = True
        self.jobs.put((function, args, kwargs))
        outcome, value = self.results.get()
        if outcome == "raised":
            raise value
        return value

    def retire(self) -> None:
        if not self.submitted:
            self.submitted = True
            self.jobs.put(None)


class WarmPool:
    """The warm kernels of one build, by docname."""

    def __init__(self) -> None:
        self.kernels: dict[str, WarmKernel] = {}
        self.used: set[str] = set()

    def start(self, srcdir: Path, doctreedir: Path, workers: int, fingerprint: str) -> list[str]:
        record = load_record(doctreedir)
        paths = dict(toc_files(srcdir))
        texts = {docname: path.read_text(encoding="utf-8") for docname, path in paths.items()}
        chosen = predict(list(texts.items()), record, fingerprint)[:workers]
        for docname in chosen:
            text = texts[docname]
            kernel = WarmKernel(
                docname, paths[docname].parent, kernel_name(text), warm_up_modules(text)
            )
            self.kernels[docname] = kernel
            kernel.start()
        return chosen

    def take(self, docname: str, name: str) -> WarmKernel | None:
        kernel = self.kernels.get(docname)
        if kernel is None or docname in self.used or kernel.kernel_name != name:
            return None
        self.used.add(docname)
        return kernel

    def retire_unused(self) -> list[str]:
        """Shut down the kernels no chapter took (the prediction was wrong)."""
        unused = [d for d in self.kernels if d not in self.used]
        for docname in unused:
            self.kernels[docname].retire()
        self.used.update(unused)
        return unused

    def close(self, wait: float = 5.0) -> None:
        """End of the build, successful or not: retire every kernel that has no job
        (taken ones too, if their job never came), and wait (at most ``wait`` seconds
        each) until they are gone, so none outlives the build."""
        for kernel in self.kernels.values():
            kernel.retire()
        for kernel in self.kernels.values():
            kernel.finished.wait(wait)


def start_pool(app, fingerprint: str, workers: int) -> WarmPool:
    pool = WarmPool()
    try:
        chosen = pool.start(Path(app.srcdir), Path(app.doctreedir), workers, fingerprint)
    except (OSError, ValueError, yaml.YAMLError) as error:
        logger.info("[minquan] no warm kernels (%s)", error)
        return pool
    if chosen:
        logger.info("[minquan] warming %d kernel(s) for: %s", len(chosen), ", ".join(chosen))
    return pool


def remember(app, exception) -> None:
    """``build-finished``: the code and inputs each page read this time was built with."""
    pool = getattr(app, "minquan_warm", None)
    if pool is not None:
        pool.close()
    fingerprint = getattr(app, "minquan_fingerprint", None)
    read = getattr(app, "minquan_read_docs", [])
    if exception is not None or fingerprint is None or not read:
        return
    doctreedir = Path(app.doctreedir)
    record = load_record(doctreedir)
    seconds = getattr(app, "minquan_seconds", {})
    for docname in read:
        path = Path(app.env.doc2path(docname))
        try:
            signature = code_signature(path.read_text(encoding="utf-8"))
        except OSError:
            continue
        entry = {"code": signature, "inputs": fingerprint}
        last = seconds.get(docname, record.get(docname, {}).get("seconds"))
        if last is not None:
            entry["seconds"] = round(float(last), 2)
        record[docname] = entry
    save_record(doctreedir, record)
