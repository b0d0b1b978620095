"""What a reader gets from the published site: weight, accessibility, pages, downloads, rerunning.

Tests marked ``book`` inspect the session build (the ``book`` fixture); the
others read repository files only (citation metadata, launch configuration,
jupytext round trip).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import tomllib
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup

from analysis.book import catalogue, site, webfont
from conftest import toc_pages

PAGE_BUDGET = 1_500_000  # bytes: a chapter page with its images (issue 6)
GENERIC_ALT = {"", "image", "figure", "chart", "plot", "png", "output", "graph"}

book = pytest.mark.book


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup):
    """The page's own content, without the theme's navigation and header."""
    return soup.select_one("article.bd-article") or soup.find("main") or soup


def local_images(page: Path, soup: BeautifulSoup) -> set[Path]:
    found = set()
    for img in soup.find_all("img"):
        src = img.get("src", "")
        if src and not src.startswith(("http:", "https:", "data:")):
            found.add((page.parent / src.split("?")[0]).resolve())
    return found


# ---- weight and accessibility ---------------------------------------------------------


def page_weights(book) -> dict[str, int]:
    """Bytes of each page's HTML plus the images it shows (each image counted once)."""
    weights = {}
    for name in toc_pages(book.source):
        page = book.html / f"{name}.html"
        images = local_images(page, soup_of(page))
        weights[name] = page.stat().st_size + sum(p.stat().st_size for p in images if p.is_file())
    return weights


@book
def test_every_page_with_its_images_is_within_budget(book):
    weights = page_weights(book)
    heaviest = max(weights, key=weights.get)
    print(f"heaviest page: {heaviest}, {weights[heaviest]:,} bytes")
    over = {name: w for name, w in weights.items() if w > PAGE_BUDGET}
    assert not over, f"pages over {PAGE_BUDGET:,} bytes with their images: {over}"


@book
def test_page_weight_counts_images(book):
    # The budget check must see the charts: a page with figures weighs more than its HTML.
    page = book.html / "chapters/01-report-and-numbers.html"
    assert local_images(page, soup_of(page)), "chapter 1 shows no image"
    assert page_weights(book)["chapters/01-report-and-numbers"] > page.stat().st_size


@book
def test_every_image_has_meaningful_alt_text(book):
    problems = []
    for name in toc_pages(book.source):
        for img in article(soup_of(book.html / f"{name}.html")).find_all("img"):
            alt = " ".join((img.get("alt") or "").split())
            stem = Path(img.get("src", "")).stem
            if alt.lower() in GENERIC_ALT or alt == stem or len(alt.split()) < 4:
                problems.append(f"{name}: {img.get('src')} has alt {alt!r}")
    assert not problems, problems


def heading_levels(soup: BeautifulSoup) -> list[int]:
    return [int(h.name[1]) for h in article(soup).find_all(re.compile(r"^h[1-6]$"))]


@book
def test_headings_are_in_order(book):
    problems = []
    for name in toc_pages(book.source):
        levels = heading_levels(soup_of(book.html / f"{name}.html"))
        if levels[:1] != [1] or levels.count(1) != 1:
            problems.append(f"{name}: needs exactly one h1, first (levels {levels})")
        problems += [
            f"{name}: h{a} followed by h{b}" for a, b in itertools.pairwise(levels) if b > a + 1
        ]
    assert not problems, problems


def test_heading_check_catches_a_skipped_level():
    soup = BeautifulSoup("<main><h1>T</h1><h3>skipped</h3></main>", "html.parser")
    levels = heading_levels(soup)
    assert any(b > a + 1 for a, b in itertools.pairwise(levels))


# ---- pages, links, downloads ------------------------------------------------------------


@book
def test_reader_pages_are_linked_from_the_preface(book):
    hrefs = {a.get("href", "") for a in article(soup_of(book.html / "chapters/preface.html"))("a")}
    for target in ("appendix-glossary.html", "references.html", "data.html"):
        assert any(h.split("#")[0].endswith(target) for h in hrefs), f"preface lacks {target}"
    assert any(h.endswith("references.html#how-to-cite") for h in hrefs), "no 'how to cite' link"


@book
def test_no_orphan_pages(book):
    listed = set(toc_pages(book.source))
    built = {
        p.relative_to(book.html).with_suffix("").as_posix()
        for p in book.html.rglob("*.html")
        if not p.relative_to(book.html).parts[0].startswith(("_", "."))
    } - {"index", "genindex", "search"}
    assert built == listed, f"pages built but not in the toc: {sorted(built - listed)}"
    # every page is reachable from the preface's table of contents
    hrefs = {
        a.get("href", "").split("#")[0] for a in soup_of(book.html / "chapters/preface.html")("a")
    }
    unreachable = [n for n in listed - {"chapters/preface"} if f"{Path(n).name}.html" not in hrefs]
    assert not unreachable, f"pages not linked from the preface: {unreachable}"


@book
def test_every_data_file_is_downloadable_from_the_data_page(book):
    data_page = book.html / "chapters/data.html"
    links = {a["href"] for a in soup_of(data_page).select("a.data-download")}
    csvs = sorted(book.source.glob("data/*.csv")) + sorted(book.source.glob("data/external/*.csv"))
    assert csvs, "no CSV files in data/"
    problems = []
    for path in csvs + [book.source / p for p in catalogue.published_files(book.source)]:
        relative = path.relative_to(book.source).as_posix()
        copy = book.html / relative
        if not copy.is_file() or copy.read_bytes() != path.read_bytes():
            problems.append(f"{relative}: not published byte for byte")
        if f"../{relative}" not in links:
            problems.append(f"{relative}: no download link on the data page")
        elif not (data_page.parent / f"../{relative}").resolve().is_file():
            problems.append(f"{relative}: link does not resolve")
    assert not problems, problems


@book
def test_every_published_file_is_described(book):
    text = soup_of(book.html / "chapters/data.html").get_text()
    assert catalogue.UNDESCRIBED not in text, "a data file has no description"


@book
def test_every_chapter_offers_ipynb_and_md_downloads(book):
    problems = []
    for name in toc_pages(book.source):
        page = book.html / f"{name}.html"
        hrefs = {a.get("href", "") for a in soup_of(page)("a")}
        for suffix in (".ipynb", ".md"):
            wanted = f"_sources/{name}{suffix}"
            link = next((h for h in hrefs if h.endswith(wanted)), None)
            if link is None or not (page.parent / link).resolve().is_file():
                problems.append(f"{name}: no working {suffix} download")
    assert not problems, problems


@book
def test_downloaded_notebooks_are_valid(book):
    for name in toc_pages(book.source):
        notebook = nbformat.read(book.html / "_sources" / f"{name}.ipynb", as_version=4)
        nbformat.validate(notebook)
        assert notebook.metadata["kernelspec"]["name"] == "python3", name


@book
def test_references_page_lists_the_bibliography(book):
    text = soup_of(book.html / "chapters/references.html").get_text(" ")
    for expected in ("Target Setting in Tournaments", "Taming Cycles", "政府工作报告", "1993"):
        assert expected in text, f"references page lacks {expected!r}"


def test_every_context_record_has_a_reference(repo_root):
    bib = (repo_root / "references.bib").read_text(encoding="utf-8")
    ids = [
        found
        for name in ("targets_and_outcomes.csv", "more_targets_and_outcomes.csv", "events.csv")
        for found in re.findall(
            r"^([XE]\d{2,3}),", (repo_root / "data/external" / name).read_text("utf-8"), flags=re.M
        )
    ]
    assert len(ids) > 120, "record ids missing from the external files"
    missing = [i for i in ids if not re.search(rf"\b{i}\b", bib)]
    assert not missing, f"context records no reference entry names: {missing}"


# ---- citation metadata ------------------------------------------------------------------


def test_citation_cff_is_valid(repo_root):
    cff = yaml.safe_load((repo_root / "CITATION.cff").read_text(encoding="utf-8"))
    for key in ("cff-version", "message", "title", "authors"):
        assert cff.get(key), f"CITATION.cff lacks required key {key!r}"
    assert cff["cff-version"] == "1.2.0"
    assert cff.get("type", "software") in {"software", "dataset"}
    for person in cff["authors"] + [a for r in cff.get("references", []) for a in r["authors"]]:
        assert person.get("name") or person.get("family-names"), person
    released = cff["date-released"]
    assert isinstance(released, dt.date) or dt.date.fromisoformat(str(released))
    for key in ("repository-code", "url"):
        assert str(cff[key]).startswith("https://"), key
    for reference in cff.get("references", []):
        assert reference.get("type") and reference.get("title"), reference


def test_citation_cff_agrees_with_the_project(repo_root):
    cff = yaml.safe_load((repo_root / "CITATION.cff").read_text(encoding="utf-8"))
    config = yaml.safe_load((repo_root / "_config.yml").read_text(encoding="utf-8"))
    project = tomllib.loads((repo_root / "pyproject.toml").read_text("utf-8"))["project"]
    assert cff["title"] == config["title"]
    assert cff["version"] == project["version"]
    assert cff["repository-code"] == config["repository"]["url"]


# ---- rerunning: launch configuration and notebooks ---------------------------------------


def pins(text: str) -> set[str]:
    return {
        line.strip() for line in text.splitlines() if re.match(r"^[A-Za-z0-9_.\-\[\]]+==", line)
    }


def test_launch_requirements_equal_the_book_lock(repo_root):
    # Binder installs the book's lock only; its image already provides JupyterLab
    lock = pins((repo_root / "requirements.lock").read_text("utf-8"))
    launch = pins((repo_root / "binder" / "requirements.txt").read_text("utf-8"))
    assert launch == lock, (
        f"binder/requirements.txt differs from requirements.lock (run scripts/lock.sh): "
        f"only in launch {sorted(launch - lock)}, only in lock {sorted(lock - launch)}"
    )
    names = {p.split("==")[0].lower() for p in launch}
    assert {"jupytext", "jupyter-book"} <= names
    assert not {"pytest", "playwright"} & names


def test_launch_python_and_package_install(repo_root):
    runtime = (repo_root / "binder" / "runtime.txt").read_text("utf-8").strip()
    lock_script = (repo_root / "scripts" / "lock.sh").read_text("utf-8")
    version = re.search(r"--python-version (\d+\.\d+)", lock_script).group(1)
    assert runtime == f"python-{version}", "binder/runtime.txt must name the lock's Python"
    post_build = (repo_root / "binder" / "postBuild").read_text("utf-8")
    assert re.search(r"pip install .*-e \.", post_build), "postBuild must install the package"


@pytest.mark.parametrize(
    "chapter", sorted(p.name for p in (Path(__file__).parents[1] / "chapters").glob("*.md"))
)
def test_chapter_round_trips_through_ipynb(repo_root, chapter):
    # What `jupytext --to ipynb` and JupyterLab's "open as notebook" do to a chapter.
    text = (repo_root / "chapters" / chapter).read_text(encoding="utf-8")
    notebook = jupytext.reads(text, fmt="md:myst")
    again = jupytext.reads(jupytext.writes(notebook, fmt="ipynb"), fmt="ipynb")
    again = jupytext.reads(jupytext.writes(again, fmt="md:myst"), fmt="md:myst")

    def cells(nb):
        return [(c.cell_type, c.source.strip(), c.metadata.get("tags")) for c in nb.cells]

    assert notebook.metadata["kernelspec"]["name"] == "python3"
    assert any(c.cell_type == "code" for c in notebook.cells) or chapter in {
        "appendix-glossary.md",
        "references.md",
    }
    assert cells(again) == cells(notebook)


def test_pages_workflow_builds_with_the_readme_command(repo_root):
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    build_lines = [
        line.split("#")[0].strip() for line in readme.splitlines() if "jupyter-book build" in line
    ]
    command = next((c for c in build_lines if c.startswith("bash scripts/setup.sh")), None)
    assert command, "the README has no build command starting with scripts/setup.sh"
    workflow = yaml.safe_load((repo_root / ".github/workflows/pages.yml").read_text("utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    assert any(command in s.get("run", "") for s in steps), "workflow does not run " + command
    uses = {s.get("uses", "").split("@")[0] for s in steps}
    assert {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= uses
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "_build/html"


@book
def test_every_notebook_page_has_a_launch_link(book):
    # The launch button opens the chapter's .md in JupyterLab on a Binder-style service,
    # which builds binder/ (locked environment, package, notebook viewer for .md).
    problems = []
    for name in toc_pages(book.source):
        soup = soup_of(book.html / f"{name}.html")
        if not (book.source / f"{name}.md").read_text("utf-8").count("{code-cell}"):
            continue  # pages without code have nothing to run
        links = [a.get("href", "") for a in soup("a") if "urlpath=lab/tree/" in a.get("href", "")]
        if not any(link.endswith(f"lab/tree/{name}.md") for link in links):
            problems.append(name)
    assert not problems, f"pages without a launch link to their notebook: {problems}"


# ---- the pieces behind the site (analysis.book.catalogue, analysis.book.site) -------------


def test_catalogue_publishes_data_and_external_files_only(tmp_path):
    for relative in (
        "data/figures.csv",
        "data/external/context.csv",
        "data/staging/draft.csv",
        "data/.figures.csv.tmp",
        "data/notes.txt",
    ):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("id,value\nF1,1\nF2,2\n", encoding="utf-8")
    published = [p.as_posix() for p in catalogue.published_files(tmp_path)]
    assert published == ["data/external/context.csv", "data/figures.csv"]
    table = {entry.file: entry for entry in catalogue.entries(tmp_path)}
    assert table["data/figures.csv"].records == 2
    # no description without data/datapackage.json: there is no second list to fall back on
    assert table["data/figures.csv"].description == catalogue.UNDESCRIBED
    assert table["data/external/context.csv"].description == catalogue.UNDESCRIBED


def test_catalogue_takes_descriptions_from_the_datapackage(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/figures.csv").write_text("id\nF1\nF2\n", encoding="utf-8")
    (tmp_path / "data/README.md").write_text("# Data\n", encoding="utf-8")
    (tmp_path / "data/datapackage.json").write_text(
        '{"resources": [{"path": "figures.csv", "description": "From  the\\npackage <1>."}]}',
        encoding="utf-8",
    )
    table = {entry.file: entry for entry in catalogue.entries(tmp_path)}
    assert table["data/figures.csv"].description == "From the package <1>."
    assert table["data/README.md"].description == catalogue.OTHER_FILES["data/README.md"]
    html = catalogue.catalogue_html(tmp_path)
    assert 'href="../data/figures.csv"' in html
    assert "From the package &lt;1&gt;." in html
    rows = {
        tr.td.get_text(): [td.get_text() for td in tr("td")]
        for tr in BeautifulSoup(html, "html.parser").select("tbody tr")
    }
    assert sorted(rows) == ["data/README.md", "data/datapackage.json", "data/figures.csv"]
    assert rows["data/figures.csv"][2] == "2"
    assert rows["data/README.md"][2] == ""
    heads = [th.get_text() for th in BeautifulSoup(html, "html.parser").select("thead th")]
    assert heads == ["File", "Description", "Rows", "Size, kB"]  # sentence case, not "file"


def test_every_repository_csv_is_a_datapackage_resource(repo_root):
    described = catalogue.descriptions(repo_root)
    for path in catalogue.published_files(repo_root):
        key = path.as_posix()
        assert key in described or key in catalogue.OTHER_FILES, f"{key} has no description"


def test_cjk_web_font_covers_the_pages_characters_and_is_deterministic(tmp_path):
    from fontTools.ttLib import TTFont

    (tmp_path / "page.html").write_text("<p>GDP 生产总值，增长8%左右。</p>", encoding="utf-8")
    characters = webfont.cjk_characters(tmp_path)
    assert characters == set("生产总值，增长左右。")
    first, second = tmp_path / "a.woff", tmp_path / "b.woff"
    webfont.write_cjk_webfont(characters, first)
    webfont.write_cjk_webfont(characters, second)
    assert first.read_bytes() == second.read_bytes()
    cmap = TTFont(str(first)).getBestCmap()
    assert {chr(c) for c in cmap} >= characters
    assert "民" not in {chr(c) for c in cmap}  # a subset, not the whole font


def test_cjk_web_font_is_written_again_only_when_the_characters_change(tmp_path):
    font = tmp_path / "site.woff"
    webfont.ensure_cjk_webfont(set("生产"), font)
    font.write_bytes(b"marker")  # stands for the font written by the first call
    webfont.ensure_cjk_webfont(set("生产"), font)
    assert font.read_bytes() == b"marker"
    webfont.ensure_cjk_webfont(set("生产总值"), font)
    assert font.read_bytes() != b"marker"


def test_duplicate_inline_scripts_are_dropped():
    from sphinx.builders.html._assets import _JavaScript

    body = {"body": "const THEBE_JS_URL = 'x';"}
    scripts = [_JavaScript("a.js"), _JavaScript(None, **body), _JavaScript("", **body)]
    context = {"script_files": scripts}
    site._drop_duplicate_scripts(None, "page", "page.html", context, None)
    assert len(context["script_files"]) == 2


@book
def test_every_page_says_auto_theme_mode_up_front(book):
    html = (book.html / "chapters/preface.html").read_text(encoding="utf-8")
    assert site.THEME_MODE_FIX in html
