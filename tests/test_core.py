"""The core stands without MkDocs; the plugin only translates (ProperDocs or another engine could)."""

from __future__ import annotations

import itertools
import subprocess
import sys

from hypothesis import given, settings, strategies as st

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


_SEGMENT = st.sampled_from(["articles", "entreprises", "a", "x.html", "index.html", ".", "..", "", "fiches", "presse"])


@settings(max_examples=3000)
@given(st.lists(_SEGMENT, max_size=4), st.lists(_SEGMENT, max_size=4), st.booleans(), st.booleans())
def test_relative_urls_of_any_shape_are_the_ones_mkdocs_writes(to, start, to_dir, start_dir):
    """The per-page shortcut (the way up, then the URL) agrees with MkDocs on odd paths too."""
    from mkdocs.utils import get_relative_url
    url, other = "/".join(to) + ("/" if to_dir else ""), "/".join(start) + ("/" if start_dir else "")
    assert relative_url(url, other) == get_relative_url(url, other)


def _fill_by_regex(content, sections):
    """What ``fill`` did before it searched strings: the reference it must agree with."""
    import re
    slot_re = re.compile(r"<!-- carnet-slot:([^ ]+) -->")

    def section(m):
        html = sections.get(m.group(1))
        if html is None:
            return m.group()
        return slot_re.sub(section, html) if "<!-- carnet-slot:" in html else html
    return slot_re.sub(section, content) if sections and "<!-- carnet-slot:" in content else content


_PIECES = st.sampled_from(["<!-- carnet-slot:", " -->", "a", "b", "leaf", " ", "-->", "<!--", "é’", "\n", "x"])


@settings(max_examples=3000)
@given(st.lists(_PIECES, max_size=30), st.lists(_PIECES, max_size=8), st.lists(_PIECES, max_size=8))
def test_slots_are_filled_as_the_regular_expression_did(content, a, b):
    from carnet.assembly import fill
    # "a" and "b" may hold slots of "leaf" (no cycle); "leaf" holds none.
    sections = {"a": "".join(a).replace("slot:a", "slot:leaf").replace("slot:b", "slot:leaf"),
                "b": "".join(b).replace("slot:a", "slot:leaf").replace("slot:b", "slot:leaf"),
                "leaf": "LEAF"}
    text = "".join(content)
    assert fill(text, sections) == _fill_by_regex(text, sections)
    assert fill(text, {}) is text
    assert fill("x<!-- carnet-slot:a -->y<!-- carnet-slot:z -->", {"a": "<!-- carnet-slot:leaf -->", "leaf": "L"}) \
        == "xLy<!-- carnet-slot:z -->"


def test_the_plugin_is_thin():
    lines = [l for l in (ROOT / "carnet" / "plugin.py").read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.strip().startswith("#")]
    assert len(lines) < 200
