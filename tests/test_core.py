"""The core stands without MkDocs; the plugin only translates (ProperDocs or another engine could)."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys

from hypothesis import given, settings, strategies as st

from carnet.pages.urls import relative_url
from conftest import ROOT

ENGINE_PACKAGE = "engine"   # all that knows MkDocs, Material or Jinja lives in carnet/engine/
MODULES = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
                 for p in (ROOT / "carnet").rglob("*.py"))
CORE = [m for m in MODULES if not m.startswith(f"carnet.{ENGINE_PACKAGE}")]
# An engine that runs no MkDocs plugin (Zensical runs Python-Markdown extensions) has none of these.
ENGINE_LIBRARIES = ("mkdocs", "properdocs", "material", "jinja2", "markupsafe")


def _source_of(module: str) -> str:
    path = ROOT.joinpath(*module.split("."))
    return (path / "__init__.py" if path.is_dir() else path.with_suffix(".py")).read_text(encoding="utf-8")


def test_the_core_imports_with_the_engine_unimportable():
    """Every module outside carnet.engine imports while MkDocs, ProperDocs, Material and Jinja
    cannot be imported at all (a finder refuses them), not merely while they are unused."""
    code = (
        "import sys\n"
        "class Refuse:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {ENGINE_LIBRARIES!r}:\n"
        "            raise ImportError(f'{name} is the engine: the core must not need it')\n"
        "sys.meta_path.insert(0, Refuse())\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in " + repr(ENGINE_LIBRARIES) + "))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip() == "[]"
    assert "carnet.pages.assembly" in CORE and len(CORE) > 30
    # Data flows one way: nothing outside the engine's package imports from it.
    sources = {m: _source_of(m) for m in CORE}
    assert not [m for m, text in sources.items()
                if re.search(rf"^from (carnet|\.\.)\.?{ENGINE_PACKAGE}\b", text, re.M)], "the core imports the engine"
    # The check can fail: the engine's own modules do need what it refuses.
    engine = subprocess.run([sys.executable, "-c", code.replace("".join(f"import {m}\n" for m in CORE),
                                                               "import carnet.engine.plugin\n")],
                            capture_output=True, text=True)
    assert engine.returncode != 0 and "is the engine" in engine.stderr


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
    from carnet.pages.slots import fill
    # "a" and "b" may hold slots of "leaf" (no cycle); "leaf" holds none.
    sections = {"a": "".join(a).replace("slot:a", "slot:leaf").replace("slot:b", "slot:leaf"),
                "b": "".join(b).replace("slot:a", "slot:leaf").replace("slot:b", "slot:leaf"),
                "leaf": "LEAF"}
    text = "".join(content)
    assert fill(text, sections) == _fill_by_regex(text, sections)
    assert fill(text, {}) is text
    assert fill("x<!-- carnet-slot:a -->y<!-- carnet-slot:z -->", {"a": "<!-- carnet-slot:leaf -->", "leaf": "L"}) \
        == "xLy<!-- carnet-slot:z -->"


def _twins(**options):
    """One class declared twice, by dataclasses and by carnet.datatypes, with every field form
    Carnet uses (defaults, factories, a field left out of comparisons, of __init__, of repr)."""
    import dataclasses
    from carnet.datatypes import datatype

    def declare(decorator):
        @decorator(**options)
        class Twin:
            a: str
            b: int = 0
            c: tuple = dataclasses.field(default_factory=tuple)
            d: str = dataclasses.field(default="", compare=False)
            e: str = dataclasses.field(init=False, compare=False, repr=False)

            def __post_init__(self):
                object.__setattr__(self, "e", f"{self.a}-{self.b}")
        return Twin
    return declare(dataclasses.dataclass), declare(datatype)


_TWIN_ARGS = st.tuples(st.sampled_from(["x", "y", "é"]), st.integers(-2, 2), st.lists(st.integers(0, 1), max_size=2).map(tuple),
                       st.sampled_from(["", "z"]))


@settings(max_examples=300)
@given(st.sampled_from([{}, {"frozen": True}, {"eq": False}, {"frozen": True, "order": True}]),
       _TWIN_ARGS, _TWIN_ARGS, st.integers(0, 4))
def test_datatypes_behave_as_dataclasses(options, one, other, positional):
    """carnet.datatypes spares compiling each class's methods: what they do stays dataclasses'."""
    import dataclasses
    import operator
    real, ours = _twins(**options)
    names = ("a", "b", "c", "d")

    def make(cls, args):   # the first arguments by position, the others by name
        return cls(*args[:positional], **dict(zip(names[positional:], args[positional:])))
    pairs = [(make(real, one), make(ours, one)), (make(real, other), make(ours, other)), (real("x"), ours("x"))]
    for r, o in pairs:
        assert (vars(r), repr(r).replace("declare.<locals>.", "")) == (vars(o), repr(o).replace("declare.<locals>.", ""))
        assert dataclasses.replace(r, b=9).b == dataclasses.replace(o, b=9).b == 9
        assert (real.__hash__ is None) == (ours.__hash__ is None)
        if real.__hash__ is not None and options.get("eq", True):
            assert hash(r) == hash(o)
    (r1, o1), (r2, o2) = pairs[:2]
    ops = [operator.eq, operator.ne] + ([operator.lt, operator.le, operator.gt, operator.ge] if options.get("order") else [])
    for op in ops:
        assert op(r1, r2) == op(o1, o2)
    assert o1 != r1 or not options.get("eq", True)   # another class: never equal
    for cls in (real, ours):
        for bad in [(), ("x", 1, [], "", "extra")]:
            try:
                cls(*bad)
            except TypeError:
                continue
            raise AssertionError(f"{cls} accepted {bad}")
    if options.get("frozen"):
        for obj in (r1, o1):
            try:
                obj.a = "changed"
            except dataclasses.FrozenInstanceError:
                continue
            raise AssertionError("assigned to a frozen field")


def test_the_plugin_is_thin():
    lines = [l for l in (ROOT / "carnet" / "engine" / "plugin.py").read_text(encoding="utf-8").splitlines()
             if l.strip() and not l.strip().startswith("#")]
    assert len(lines) < 200


def test_the_core_alone_builds_every_page_as_mkdocs_does(site):
    """``pipeline.build_pages`` runs the stages with Python-Markdown standing in for MkDocs:
    every page the site has, with the same words and the same mention links as MkDocs' build
    (what an adapter for another engine would produce)."""
    from bs4 import BeautifulSoup
    from carnet.addresses.record import address_of
    from carnet.pipeline import build_pages

    built = build_pages(ROOT, "https://carnet-minier.example.org/")
    assert built.problems == [] and len(built.pages) >= 20
    written = {p.parent.relative_to(site).as_posix() + "/" if p.parent != site else ""
               for p in site.rglob("index.html") if "noindex" not in p.read_text(encoding="utf-8")[:2000]}
    assert {address_of(src) for src in built.pages} == written - {"search/"} - {u for u in written if u.startswith("assets/")}

    def words(dom) -> str:
        return " ".join(dom.get_text(" ").split())

    def links(dom) -> list[tuple[str, str]]:
        return [(a.get_text(), a["href"]) for a in dom.select("a.carnet-mention")]

    for src, html in built.pages.items():
        theirs = BeautifulSoup((site / address_of(src) / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = theirs.select_one("article.md-content__inner")
        ours = BeautifulSoup(html, "html.parser")
        assert words(ours) == words(article), src
        assert links(ours) == links(article), src
    # Not vacuous: the article's page carries its words and links to its fiches.
    article = BeautifulSoup(built.pages["articles/sonarem-vesna.md"], "html.parser")
    assert "Sonarem" in words(article) and len(links(article)) >= 8


MAX_CLASS_LINES, MAX_FUNCTION_LINES = 150, 60


def test_no_class_over_150_lines_and_no_function_over_60():
    """Small pieces with one job each: measured on every module of the package."""
    import ast
    too_long = []
    files = sorted((ROOT / "carnet").rglob("*.py"))
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            length = getattr(node, "end_lineno", 0) - getattr(node, "lineno", 0) + 1
            if isinstance(node, ast.ClassDef) and length > MAX_CLASS_LINES:
                too_long.append(f"{path.relative_to(ROOT)}: class {node.name}, {length} lines")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and length > MAX_FUNCTION_LINES:
                too_long.append(f"{path.relative_to(ROOT)}: {node.name}(), {length} lines")
    assert too_long == []
    assert len(files) > 40


def test_every_module_says_what_it_is_for_and_maintainers_map_lists_it():
    """A newcomer reads the layout: every module opens with a docstring, every package and
    module is in MAINTAINERS.md's map."""
    import ast
    maintainers = (ROOT / "MAINTAINERS.md").read_text(encoding="utf-8")
    missing_doc, unmapped = [], []
    for path in sorted((ROOT / "carnet").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if source.strip() and ast.get_docstring(ast.parse(source)) is None:
            missing_doc.append(str(path.relative_to(ROOT)))
        name = path.parent.name + "/" if path.name == "__init__.py" else path.name
        if name not in maintainers:
            unmapped.append(str(path.relative_to(ROOT)))
    assert missing_doc == [] and unmapped == []


def test_benchmarks_and_scripts_import_and_ablations_name_real_code():
    """The benchmarks run outside the suite: at least they import, and each part bench/ablate.py
    switches off names code that exists (a renamed function would be switched off silently)."""
    import importlib
    import importlib.util
    paths = sorted([*(ROOT / "bench").glob("*.py"), *(ROOT / "scripts").glob("*.py")])
    for path in paths:
        name = f"_carnet_{path.parent.name}_{path.stem}"
        sys.path.insert(0, str(path.parent))
        try:
            spec = importlib.util.spec_from_file_location(name, path)
            sys.modules[name] = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(sys.modules[name])
        finally:
            sys.path.remove(str(path.parent))
    ablate = sys.modules["_carnet_bench_ablate"]
    aliases = {alias: module for module, alias in re.findall(r"(carnet[\w.]+) as (\w)", ablate.IMPORTS)}
    checked = 0
    for part, (_, patch) in ablate.PARTS.items():
        for target in re.findall(r"(?:^|; )([A-Z]\.[\w.]+) =", patch):
            alias, *attrs = target.split(".")
            obj = importlib.import_module(aliases[alias])
            for attr in attrs:
                assert hasattr(obj, attr), (part, target)
                obj = getattr(obj, attr)
            checked += 1
    assert len(paths) >= 8 and checked >= len(ablate.PARTS)
    # Each patch runs, in a process of its own (it changes the modules it patches).
    for part, (_, patch) in ablate.PARTS.items():
        run = subprocess.run([sys.executable, "-c", f"{ablate.IMPORTS}\n{patch}"], capture_output=True, text=True)
        assert run.returncode == 0, (part, run.stderr[-2000:])
