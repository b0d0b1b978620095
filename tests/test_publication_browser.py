"""Publication-grade pages in a real browser: a linked number shows its record ids and
quote on hover and on keyboard focus, numbers are not bold, captions are dark enough,
and the theme's icons still draw (from the slimmed icon script, without icon fonts).

Uses the Chromium of ``tests/test_browser.py`` (skipped, and listed, where there is
none; failed under ``MINQUAN_REQUIRE_BROWSER=1``).
"""

from __future__ import annotations

import csv

import pytest

from test_browser import chromium  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.book]

TIP_JS = """(link) => getComputedStyle(link, '::after').content"""


def contrast(foreground: str, background: str = "rgb(255, 255, 255)") -> float:
    def luminance(rgb: str) -> float:
        channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_computed_as_wcag_does():
    assert contrast("rgb(0, 0, 0)") == pytest.approx(21.0)
    assert contrast("rgb(119, 119, 119)") == pytest.approx(4.48, abs=0.01)  # #777, just below


@pytest.fixture(scope="module")
def chapter_two(chromium, book):  # noqa: F811
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((book.html / "chapters/02-2020-at-a-glance.html").as_uri(), wait_until="load")
    yield page
    context.close()


def test_a_linked_number_shows_its_quote_on_hover_and_on_keyboard_focus(chapter_two, repo_root):
    with (repo_root / "data/figures.csv").open(encoding="utf-8", newline="") as handle:
        quote = next(row["quote"] for row in csv.DictReader(handle) if row["id"] == "F0001")
    link = chapter_two.locator('a.record-link[href="records.html#F0001"]').first
    assert link.evaluate(TIP_JS) in ("none", "normal")  # hidden until asked for
    link.hover()
    assert quote in link.evaluate(TIP_JS) and "F0001" in link.evaluate(TIP_JS)
    chapter_two.mouse.move(0, 0)
    link.focus()
    assert quote in link.evaluate(TIP_JS)


def test_numbers_are_not_bold_and_captions_are_dark(chapter_two):
    weight = chapter_two.locator("span.pasted-text").first.evaluate(
        "(e) => getComputedStyle(e).fontWeight"
    )
    assert int(weight) < 600
    for selector in ("figcaption .caption-text", "figcaption .caption-number"):
        colour = chapter_two.locator(selector).first.evaluate("(e) => getComputedStyle(e).color")
        assert contrast(colour) >= 4.5, (selector, colour)


def test_the_theme_icons_draw_without_icon_fonts(chapter_two):
    drawn = chapter_two.evaluate("() => document.querySelectorAll('svg.svg-inline--fa').length")
    assert drawn >= 5
    fonts = chapter_two.evaluate(
        "() => performance.getEntriesByType('resource').map((r) => r.name)"
        ".filter((n) => n.includes('/webfonts/'))"
    )
    assert fonts == []
