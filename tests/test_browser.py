"""The built book in a real browser: headless Chromium opens every page from the file system.

For each page listed in ``_toc.yml`` we check that every image decodes
(``naturalWidth > 0``), that the console shows no error and no uncaught
exception, and that Chinese text renders with real glyphs, and we save a
full-page screenshot.

Chinese text: a character without a font renders as the same "tofu" box as
every other missing character. So, in the page, for elements whose own text is
Chinese (table cells first), we draw each distinct character on a canvas in the
element's computed font and require that different characters give different
pictures, none blank and none equal to the picture of a character no font has
(a private-use code point). Two control tests show that the check fails where
it should: on private-use characters, and (on a machine without any system CJK
font, like a bare CI runner) on a page that lacks the book's web font.
The CJK text *inside charts* is pixels in a PNG; ``tests/test_plotting.py`` fails on any
matplotlib "Glyph missing" warning, which is where that is checked.

Screenshots go to ``_build/screenshots/<page>.png`` in the build's output folder
and are mirrored to ``_build/screenshots/`` of the book's source folder (the
repository, for the session build), so after ``pytest`` they are at the same
place in the working tree whatever temporary folder the build used
(``MINQUAN_SCREENSHOTS`` overrides the mirror folder). ``weights.json`` beside
them records what each page loads.

Chromium: Debian's ``chromium`` package (``apt-get install chromium``; ``.ci/run``
installs it). Playwright's own browser download is not needed: the playwright
Python package drives the installed binary (``MINQUAN_CHROMIUM`` overrides the
path). Where Chromium is missing (a newcomer's machine) these tests are SKIPPED,
never passed: pytest's summary (``-rs`` in pyproject's addopts) lists each with
the reason and the command that installs Chromium. Under
``MINQUAN_REQUIRE_BROWSER=1``, which ``.ci/run`` sets, a missing browser is a
FAILURE instead, so CI can never skip them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import toc_pages

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}


def find_chromium() -> str | None:
    candidates = [os.environ.get("MINQUAN_CHROMIUM"), "chromium", "chromium-browser"]
    for candidate in filter(None, candidates):
        path = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if path:
            return path
    return None


REQUIRE_ENV = "MINQUAN_REQUIRE_BROWSER"
INSTALL_HINT = "to run them, install Debian's Chromium: sudo apt-get install chromium"


def not_run(reason: str):
    """Skip with the reason and the install command, or fail where the browser is required.

    Never a silent pass: a skip is listed in pytest's summary (``-rs``).
    """
    message = f"browser test not run: {reason}; {INSTALL_HINT}"
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{message} ({REQUIRE_ENV}=1: a browser is required here)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def chromium():
    executable = find_chromium()
    if executable is None:
        not_run("no Chromium executable found (looked for chromium, chromium-browser)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - playwright is a dev dependency
        not_run(f"the playwright package is not installed ({error})")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as error:
            not_run(f"Chromium at {executable} did not start: {error}")
        yield browser
        browser.close()


# Draws each distinct character of a string on a canvas in a given CSS font and
# returns a fingerprint per character, plus the fingerprint of a private-use
# character (no font has a glyph for it) and of a blank canvas.
GLYPH_PRINTS_JS = """
async ([font, chars]) => {
  await document.fonts.load(font, chars.join(""));
  const canvas = document.createElement("canvas");
  canvas.width = 64; canvas.height = 64;
  const ctx = canvas.getContext("2d", {willReadFrequently: true});
  const print = (ch) => {
    ctx.clearRect(0, 0, 64, 64);
    ctx.font = font; ctx.fillStyle = "#000"; ctx.textBaseline = "top";
    ctx.fillText(ch, 4, 4);
    const data = ctx.getImageData(0, 0, 64, 64).data;
    let hash = 0, ink = 0;
    for (let i = 3; i < data.length; i += 4) {
      if (data[i]) { ink += 1; hash = (hash * 31 + i * data[i]) % 2147483647; }
    }
    return ink + ":" + hash;
  };
  return {chars: chars.map(print), tofu: print("\\uE000"), blank: "0:0"};
}
"""

# Elements whose own text nodes contain Chinese, table cells first.
CJK_ELEMENTS_JS = """
(limit) => {
  const cjk = /[\\u3400-\\u9fff]/;
  const root = document.querySelector("article") || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const seen = new Set(), cells = [], other = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!cjk.test(node.textContent) || seen.has(el) || !el.getClientRects().length) continue;
    seen.add(el);
    (el.closest("td, th") ? cells : other).push(el);
  }
  return [...cells, ...other].slice(0, limit).map((el) => {
    const s = getComputedStyle(el);
    const chars = [...new Set(el.textContent.match(/[\\u3400-\\u9fff]/g))].slice(0, 6);
    return {
      tag: el.tagName.toLowerCase(), in_table: !!el.closest("td, th"),
      font: `${s.fontStyle} ${s.fontWeight} 40px ${s.fontFamily}`,
      chars, text: el.textContent.trim().slice(0, 40),
    };
  });
}
"""

IMAGES_JS = """
() => Array.from(document.images).map((img) => ({
  src: img.getAttribute("src"), complete: img.complete, width: img.naturalWidth,
  alt: img.getAttribute("alt")
}))
"""


def glyphs_render(page, font: str, chars: list[str]) -> tuple[bool, str]:
    """Whether ``chars`` render as distinct real glyphs in ``font`` on this page."""
    prints = page.evaluate(GLYPH_PRINTS_JS, [font, chars])
    got = prints["chars"]
    if any(p == prints["blank"] for p in got):
        return False, "a character draws nothing"
    if any(p == prints["tofu"] for p in got):
        return False, "a character draws the missing-glyph box"
    if len(chars) > 1 and len(set(got)) < len(chars):
        return False, "different characters draw the same picture (missing-glyph boxes)"
    return True, "ok"


@dataclass
class Visit:
    name: str
    screenshot: Path
    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    cjk: list[dict] = field(default_factory=list)
    loaded_bytes: int = 0


def screenshot_folders(book) -> list[Path]:
    mirror = os.environ.get("MINQUAN_SCREENSHOTS") or str(book.source / "_build" / "screenshots")
    return [book.output / "_build" / "screenshots", Path(mirror)]


def visit(browser, book, name: str, folder: Path) -> Visit:
    url = (book.html / f"{name}.html").as_uri()
    result = Visit(name, folder / f"{name.replace('/', '__')}.png")
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    loaded: set[str] = set()

    def route(request_route):
        # The book must read offline: note anything it fetches from the network, don't fetch it.
        result.external.append(request_route.request.url)
        request_route.abort()

    page.route(lambda u: not u.startswith(("file:", "data:", "blob:")), route)
    page.on("requestfinished", lambda request: loaded.add(request.url))
    page.on("pageerror", lambda error: result.errors.append(f"uncaught: {error}"))

    def on_console(message):
        if message.type != "error":
            return
        source = (message.location or {}).get("url", "")
        if "Failed to load resource" in message.text and source in result.external:
            return  # an aborted network request, recorded in result.external
        result.errors.append(f"console.error: {message.text} ({source})")

    page.on("console", on_console)
    page.goto(url, wait_until="load")
    page.evaluate("() => document.querySelectorAll('img').forEach((i) => (i.loading = 'eager'))")
    page.wait_for_function("() => Array.from(document.images).every((i) => i.complete)")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    result.images = page.evaluate(IMAGES_JS)
    for element in page.evaluate(CJK_ELEMENTS_JS, 12):
        ok, why = glyphs_render(page, element["font"], element["chars"])
        result.cjk.append({**element, "ok": ok, "why": why})
    page.screenshot(path=str(result.screenshot), full_page=True)
    for address in loaded:
        if address.startswith("file:"):
            path = Path(address.removeprefix("file://").split("?")[0].split("#")[0])
            result.loaded_bytes += path.stat().st_size if path.is_file() else 0
    context.close()
    return result


@pytest.fixture(scope="module")
def visits(chromium, book) -> dict[str, Visit]:
    """Every page of the book, opened once; the tests below inspect what was seen."""
    folder, *mirrors = screenshot_folders(book)
    folder.mkdir(parents=True, exist_ok=True)
    seen = {name: visit(chromium, book, name, folder) for name in toc_pages(book.source)}
    weights = {name: v.loaded_bytes for name, v in seen.items()}
    (folder / "weights.json").write_text(json.dumps(weights, indent=1), encoding="utf-8")
    for mirror in mirrors:
        if mirror.resolve() != folder.resolve():
            shutil.rmtree(mirror, ignore_errors=True)
            shutil.copytree(folder, mirror)
    return seen


@pytest.fixture(scope="module")
def page_names(book) -> list[str]:
    return toc_pages(book.source)


def test_every_page_was_opened_and_screenshotted(visits, page_names):
    assert sorted(visits) == sorted(page_names)
    problems = [
        name
        for name, v in visits.items()
        if not v.screenshot.is_file() or v.screenshot.stat().st_size < 10_000
    ]
    assert not problems, f"missing or empty screenshots: {problems}"


def test_every_image_decodes(visits):
    broken = [
        f"{name}: {image['src']}"
        for name, v in visits.items()
        for image in v.images
        if not image["complete"] or image["width"] <= 0
    ]
    assert not broken, f"images that did not decode: {broken}"


def test_chapters_show_their_charts(visits):
    # a decoded-image check passes vacuously on a page without images; the book has charts
    charts = sum(1 for v in visits.values() for i in v.images if i["src"].endswith(".png"))
    assert charts > 0, "no chart image on any page"


def test_no_console_errors(visits):
    errors = [f"{name}: {e}" for name, v in visits.items() for e in v.errors]
    assert not errors, "\n".join(errors)


def test_pages_load_nothing_from_the_network(visits):
    # Offline reading (and CI) must work; thebe and launch buttons fetch only on click.
    fetched = {name: v.external for name, v in visits.items() if v.external}
    assert not fetched, f"pages request network resources on load: {fetched}"


def test_chinese_text_renders(visits):
    failures = [
        f"{name}: <{c['tag']}> {c['text']!r} in {c['font']!r}: {c['why']}"
        for name, v in visits.items()
        for c in v.cjk
        if not c["ok"]
    ]
    assert not failures, "\n".join(failures)


def test_chinese_text_was_checked_in_tables_and_prose(visits):
    checked = [c for v in visits.values() for c in v.cjk]
    assert any(c["in_table"] for c in checked), "no table cell with Chinese text was checked"
    assert any(not c["in_table"] for c in checked), "no prose with Chinese text was checked"
    glossary = visits["chapters/appendix-glossary"].cjk
    assert glossary, "the glossary's Chinese terms were not found on its page"


def test_glyph_check_rejects_characters_no_font_has(chromium):
    # Control: private-use characters have no glyph anywhere, so the check must say no.
    page = chromium.new_page()
    page.set_content("<p>x</p>")
    ok, _ = glyphs_render(page, "40px sans-serif", ["\ue001", "\ue002", "\ue003"])
    page.close()
    assert not ok


def test_glyph_check_rejects_chinese_without_the_web_font(chromium, book):
    # Control: without the book's web font and without system CJK fonts, Chinese is tofu.
    system_cjk = (
        subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if shutil.which("fc-list")
        else "unknown"
    )
    if system_cjk:
        pytest.skip(f"this machine has system CJK fonts ({system_cjk[:60]}), no negative control")
    page = chromium.new_page()
    page.set_content("<p style='font-family: sans-serif'>民权县政府工作报告</p>")
    ok, _ = glyphs_render(page, "40px sans-serif", list("民权县政府"))
    page.close()
    assert not ok, "Chinese rendered without any CJK font: the glyph check cannot fail"


def test_web_font_makes_chinese_render(chromium, book):
    # Positive control on a bare page: the published font file alone renders Chinese
    # (the search page's font holds every character of the site).
    face = (book.html / "search.html").read_text(encoding="utf-8").split('src: url("', 1)[1]
    font = (book.html / face.split('"', 1)[0]).resolve().as_uri()
    page = chromium.new_page()
    page.goto((book.html / "search.html").as_uri())
    page.add_style_tag(
        content=f"@font-face {{font-family: 'Check CJK'; src: url('{font}') format('woff');}}"
    )
    ok, why = glyphs_render(page, "40px 'Check CJK'", list("民权县政府"))
    page.close()
    assert ok, why
