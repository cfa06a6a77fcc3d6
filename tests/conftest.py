"""Shared helpers: real MkDocs builds of the real project (or of a copy of it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "sources" / "article-sonarem-vesna.txt"
PROJECT_PARTS = ("mkdocs.yml", "docs", "notes", "overrides", "sources")


def mkdocs_build(project: Path, site: Path, strict: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)


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
