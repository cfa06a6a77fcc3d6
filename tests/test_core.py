"""The core stands without MkDocs; the plugin only translates (ProperDocs or another engine could)."""

from __future__ import annotations

import itertools
import subprocess
import sys

from carnet.assembly import relative_url
from conftest import ROOT

CORE = sorted(p.stem for p in (ROOT / "carnet").glob("*.py") if p.stem not in ("plugin", "__init__"))


def test_no_core_module_imports_mkdocs():
    code = ("import sys\n" + "".join(f"import carnet.{m}\n" for m in CORE)
            + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'properdocs', 'material')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert "assembly" in CORE and len(CORE) > 10


def test_relative_urls_are_the_ones_mkdocs_writes(site):
    from mkdocs.utils import get_relative_url
    urls = sorted({"" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
                   for p in site.rglob("index.html")} | {"404.html", "sitemap.xml", "assets/x.js"})
    for a, b in itertools.product(urls, repeat=2):
        assert relative_url(a, b) == get_relative_url(a, b), (a, b)
    assert len(urls) > 15


def test_the_plugin_is_thin():
    lines = [l for l in (ROOT / "carnet" / "plugin.py").read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.strip().startswith("#")]
    assert len(lines) < 200
