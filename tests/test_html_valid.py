"""Every built page is valid HTML by the Nu HTML Checker (vnu-jar, from npm): no error, no warning."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def require_java() -> str:
    java = shutil.which("java")
    if java is None:
        message = "java not found (install Debian's 'default-jre-headless'; make test does)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    assert VNU.exists(), "run 'npm install' (make test does) to get vnu-jar"
    return java


def vnu_messages(site: Path) -> tuple[list[Path], list[str]]:
    pages = sorted(site.rglob("*.html"))
    result = subprocess.run([require_java(), "-jar", str(VNU), "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return pages, [f"{m.get('url', '').rsplit(str(site), 1)[-1]}:{m.get('lastLine')}: {m['type']}: {m['message']}"
                   for m in messages]


def test_every_page_is_valid_html(site):
    pages, messages = vnu_messages(site)
    assert len(pages) >= 20
    assert messages == []


def test_the_checker_does_flag_invalid_html(tmp_path):
    # The check above can fail: the same call reports a page Material wrote before our fixes.
    page = tmp_path / "index.html"
    page.write_text('<!doctype html><html lang="fr"><head><title>t</title></head><body>'
                    '<input type="checkbox" id="x" autocomplete="off"><label for="absent">l</label></body></html>',
                    encoding="utf-8")
    _, messages = vnu_messages(tmp_path)
    assert any("autocomplete" in m for m in messages) and any("“for” attribute" in m for m in messages)
