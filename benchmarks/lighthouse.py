"""Lighthouse figures for every chapter page of the built book (a script, not a test).

Serves ``_build/html`` on localhost the way GitHub Pages serves it (gzip for text
files), runs npm's ``lighthouse`` (mobile, its default simulated throttling) with
Debian's Chromium on each page listed in ``_toc.yml``, and prints one line per page:
the performance, accessibility, best-practices and SEO scores, first and largest
contentful paint, total blocking time, layout shift and the bytes transferred.

Set up once, outside the repository or in the ignored ``benchmarks/.lighthouse``::

    npm install --prefix benchmarks/.lighthouse -E lighthouse@12.2.3   # 12.x runs on Node 20

Run after a build::

    .venv/bin/python benchmarks/lighthouse.py [--pages chapters/02-2020-at-a-glance ...]
        [--lighthouse PATH] [--chromium /usr/bin/chromium] [--json OUT.json]

Scores vary by a few points between runs (the machine is shared); ``--runs 3`` takes
the median of three runs per page.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
DEFAULT_LIGHTHOUSE = ROOT / "benchmarks" / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".txt", ".csv", ".md", ".map", ".inv"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "fcp_s": ("first-contentful-paint", 1000),
    "lcp_s": ("largest-contentful-paint", 1000),
    "tbt_ms": ("total-blocking-time", 1),
    "cls": ("cumulative-layout-shift", 1),
}


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (as GitHub Pages does)."""

    def log_message(self, *args):  # quiet
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages sends 10 minutes
        self.end_headers()
        self.wfile.write(body)
        return None


def serve(folder: Path) -> tuple[socketserver.TCPServer, int]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), partial(Handler, directory=folder))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def toc_pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]]
    for part in toc.get("parts", []):
        names += [entry["file"] for entry in part.get("chapters", [])]
    return names


def run_lighthouse(lighthouse: str, chromium: str, url: str) -> dict:
    with tempfile.TemporaryDirectory() as profile:
        command = [
            lighthouse, url, "--output=json", "--quiet",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-path={chromium}",
            f"--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir={profile}",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    row = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    for name, (audit, divisor) in METRICS.items():
        row[name] = round(report["audits"][audit]["numericValue"] / divisor, 2)
    row["kb"] = round(report["audits"]["total-byte-weight"]["numericValue"] / 1024)
    row["failed"] = sorted(
        audit_id
        for c in ("accessibility", "best-practices", "seo")
        for ref in report["categories"][c]["auditRefs"]
        if ref["weight"] and (report["audits"][(audit_id := ref["id"])]["score"] or 0) < 1
    )
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", help="pages as in _toc.yml (default: all)")
    parser.add_argument("--lighthouse", default=os.environ.get("LIGHTHOUSE"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    args = parser.parse_args(argv)
    lighthouse = args.lighthouse or (str(DEFAULT_LIGHTHOUSE) if DEFAULT_LIGHTHOUSE.exists()
                                     else shutil.which("lighthouse"))  # fmt: skip
    if not lighthouse:
        print("lighthouse not found: npm install --prefix benchmarks/.lighthouse -E "
              "lighthouse@12.2.3 (or pass --lighthouse)", file=sys.stderr)  # fmt: skip
        return 2
    if not (HTML / "index.html").is_file():
        print(f"no built book in {HTML}: build it first", file=sys.stderr)
        return 2
    server, port = serve(HTML)
    rows = {}
    try:
        print(f"{'page':38} perf a11y best  seo   FCP   LCP   TBT   CLS    kB  not passed")
        for page in args.pages or toc_pages():
            runs = [run_lighthouse(lighthouse, args.chromium,
                                   f"http://127.0.0.1:{port}/{page}.html")
                    for _ in range(args.runs)]  # fmt: skip
            row = {k: statistics.median(r[k] for r in runs) for k in runs[0] if k != "failed"}
            row["failed"] = runs[0]["failed"]
            rows[page] = row
            print(f"{page:38} {row['performance']:4.0f} {row['accessibility']:4.0f} "
                  f"{row['best-practices']:4.0f} {row['seo']:4.0f} {row['fcp_s']:5.1f} "
                  f"{row['lcp_s']:5.1f} {row['tbt_ms']:5.0f} {row['cls']:5.2f} {row['kb']:5.0f}"
                  f"  {' '.join(row['failed'])}", flush=True)  # fmt: skip
    finally:
        server.shutdown()
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
