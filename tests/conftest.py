"""Shared helpers: real MkDocs builds of the real project (or of a copy of it)."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "sources" / "article-sonarem-vesna.txt"
PROJECT_PARTS = ("mkdocs.yml", "addresses.yml", "docs", "notes", "overrides", "sources")


# Every build of a test session publishes on one day, as a reproducible build does: a session
# that runs past midnight compares sites dated alike (MkDocs' sitemap, the day an article came).
os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
BUILD_DAY = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=dt.timezone.utc).date()

PROBLEM_LINE = re.compile(r"^(?:WARNING|ERROR) +-.*$", re.M)   # MkDocs' log lines


class BuildFailed(AssertionError):
    """A build that did not go as the test expected: its whole output is in the message."""


def mkdocs_build(project: Path, site: Path, strict: bool = True, env: dict | None = None, *,
                 engine: str = "mkdocs", expect_failure: bool = False,
                 allow_warnings: bool = False) -> subprocess.CompletedProcess:
    """Build as `make build` does (no -q: quiet mode drops warnings before --strict counts
    them).  Unless the test says it expects them, a failed build, or any WARNING or ERROR
    line in its output, fails the test that ran it."""
    cmd = [sys.executable, "-m", engine, "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    output = result.stdout + result.stderr
    if expect_failure:
        if result.returncode == 0 or "Traceback" in output:
            raise BuildFailed(f"expected a clean refusal, got exit {result.returncode}:\n{output[-5000:]}")
        return result
    problems = [line for line in PROBLEM_LINE.findall(output) if not (allow_warnings and line.startswith("WARNING"))]
    if result.returncode != 0 or problems:
        raise BuildFailed(f"the build exited {result.returncode} with:\n" + "\n".join(problems[:20])
                          + "\n---\n" + output[-5000:])
    return result


def contents(site: Path) -> dict[str, bytes]:
    """Every file of a built site, gzip files unpacked (their header holds a time stamp)."""
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        out[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return out


def assert_same_site(ours: Path, other: Path, at_least: int) -> None:
    """Two builds the same, file for file, byte for byte (at least ``at_least`` pages)."""
    a, b = contents(ours), contents(other)
    assert sorted(a) == sorted(b)
    assert sum(name.endswith(".html") for name in a) >= at_least
    for name in a:
        assert a[name] == b[name], name


def build_in_process(project: Path, site: Path) -> int:
    """The project built through MkDocs' API in this process (so that a test can watch a
    function inside the build), its log quiet; the number of pages written."""
    import logging
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.disable(logging.WARNING)
    try:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    finally:
        logging.disable(logging.NOTSET)
    return sum(1 for _ in site.rglob("index.html"))


def build_patched(project: Path, site: Path, patch: str) -> None:
    """The README's build command (mkdocs build --strict), with ``patch`` run first in its
    process: the same build with one of Carnet's shortcuts switched off, to compare with."""
    code = f"import sys\n{patch}\nfrom mkdocs.__main__ import cli\nsys.argv[0] = 'mkdocs'\ncli()"
    cmd = [sys.executable, "-c", code, "build", "-f", str(project / "mkdocs.yml"), "-d", str(site), "--strict"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    output = result.stdout + result.stderr
    if result.returncode != 0 or PROBLEM_LINE.findall(output):
        raise BuildFailed(f"the build exited {result.returncode}:\n{output[-5000:]}")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.exists():
            shutil.copy(src, dest / part)
    return dest


def soup(site: Path, url: str) -> BeautifulSoup:
    url_path = url
    path = site / url_path.strip("/") / "index.html" if not url_path.endswith(".html") else site / url_path
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def source_blocks() -> list[str]:
    """The article's paragraphs and headings as received, without the ad marker."""
    text = SOURCE.read_text(encoding="utf-8")
    return [b.strip() for b in text.split("\n\n") if b.strip() and b.strip() != "Publicité"]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """The site built for, and served at, a loopback address (previews need site_url to match)."""
    from browser import StaticServer
    root = tmp_path_factory.mktemp("served")
    with StaticServer(root) as server:
        result = mkdocs_build(ROOT, root, env={"CARNET_SITE_URL": server.url})
        assert result.returncode == 0, result.stderr
        yield server.url


@pytest.fixture(scope="session")
def browser():
    from browser import CHROMIUM, CHROMIUM_ARGS, require_chromium
    require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()
