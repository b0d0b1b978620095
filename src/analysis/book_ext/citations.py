"""Format the bibliography only when a build could have changed it.

sphinxcontrib-bibtex formats every cited entry with pybtex on each build, in
its ``env-updated`` handler, even when Sphinx read no page at all: about 0.5 s
of a 3 s no-op rebuild on our 2-core machine, and the same again when one
chapter without citations is edited. Its result (the domain's ``citations``)
is pickled with the environment, so when the pages Sphinx re-reads cite
exactly what they cited before and hold no bibliography, the stored result is
still the one a fresh run would compute, and we keep it.

Any other case runs the extension's own handler unchanged: a page that gains,
loses or reorders a citation; a page with a ``bibliography`` directive (which is
also how an edit to ``references.bib`` arrives: the directive records the file
as a dependency, so Sphinx re-reads its page); the first build.

We wrap the extension's registered handler (found by module and name) rather
than patching its code; if a future release renames it, ``install`` logs that
the guard is off and the build stays correct, only slower, and
``tests/test_citations.py`` fails so a maintainer notices.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

BIBTEX_MODULE = "sphinxcontrib.bibtex"
HANDLER_NAME = "env_updated"


def citations_of(domain, docnames) -> dict[str, list[tuple]]:
    """What each page cites, in order: the inputs the formatting reads from a page."""
    cited: dict[str, list[tuple]] = {name: [] for name in docnames}
    for ref in domain.citation_refs:
        if ref.docname in cited:
            cited[ref.docname].append(tuple(ref.targets))
    return cited


def has_bibliography(domain, docnames) -> bool:
    wanted = set(docnames)
    return any(key.docname in wanted for key in domain.bibliographies)


def formatting_needed(before: dict | None, after: dict, bibliography_read: bool) -> bool:
    """Whether the stored citations can be out of date (``before`` is None when no
    snapshot was taken, e.g. the extension was set up after reading started)."""
    if before is None or bibliography_read:
        return True
    return before != after


def _snapshot(app: Sphinx, env, docnames: list[str]) -> None:
    """``env-before-read-docs`` (last): what the pages about to be re-read cited."""
    domain = env.get_domain("cite")
    app.minquan_cite_before = (
        list(docnames),
        citations_of(domain, docnames),
        has_bibliography(domain, docnames),
    )


def _guarded(original):
    def env_updated(app: Sphinx, env):
        snapshot = getattr(app, "minquan_cite_before", None)
        app.minquan_cite_before = None
        if snapshot is not None:
            docnames, before, bibliography_before = snapshot
            domain = env.get_domain("cite")
            bibliography_read = bibliography_before or has_bibliography(domain, docnames)
            after = citations_of(domain, docnames)
            if not formatting_needed(before, after, bibliography_read):
                logger.info(
                    "[minquan] citations unchanged in the %d page(s) read: bibliography kept",
                    len(docnames),
                )
                return []
        return original(app, env)

    env_updated.minquan_wraps = original
    return env_updated


def install(app: Sphinx) -> bool:
    """``builder-inited``: swap sphinxcontrib-bibtex's handler for the guarded one."""
    for listener in list(app.events.listeners.get("env-updated", [])):
        handler = listener.handler
        if (
            getattr(handler, "__module__", None) == BIBTEX_MODULE
            and getattr(handler, "__name__", None) == HANDLER_NAME
        ):
            app.disconnect(listener.id)
            app.connect("env-updated", _guarded(handler), priority=listener.priority)
            # last, so that the list is final (other handlers may add pages)
            app.connect("env-before-read-docs", _snapshot, priority=999)
            return True
    if "sphinxcontrib.bibtex" in app.extensions:
        logger.info("[minquan] sphinxcontrib-bibtex handler not found: citation guard off")
    return False
