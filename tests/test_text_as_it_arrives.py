"""Text as it arrives: the same words in any encoding build the same site.

Every article, note and hand-written page of the real project (and of a synthetic corpus)
is saved again with Windows or old Mac line ends, decomposed accents (NFD), a byte-order
mark, French typographic spaces, quotes copied with a line break, names broken by a soft
hyphen or a zero-width space; the site built from it is compared, page by page and in the
search index, with the untouched one after NFC.  A file that is not UTF-8 is refused,
naming the file and the byte.
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from carnet.load.notes_dir import load_notes
from carnet.text.source_text import canonical, decode, unbroken
from conftest import ROOT, copy_project, mkdocs_build

sys.path.insert(0, str(ROOT / "bench"))

NAMES = sorted({form for note in load_notes(ROOT / "notes", ROOT)[0] for form in note.names}, key=len, reverse=True)


# --- the encodings: each a function of (path, text) -> text ------------------------------------

def crlf(path: Path, text: str) -> str:
    return text.replace("\n", "\r\n")


def cr(path: Path, text: str) -> str:
    return text.replace("\n", "\r")


def nfd(path: Path, text: str) -> str:
    return unicodedata.normalize("NFD", text)


def bom(path: Path, text: str) -> str:
    return "\ufeff" + text


def typographic(path: Path, text: str) -> str:
    """French spaces as a word processor types them: U+202F before ; ! ? and inside « »,
    U+00A0 before a colon (in notes, in the text of quotes, where YAML allows them)."""
    if path.suffix == ".yml":
        return re.sub(r"(quote: )(.*)", lambda m: m.group(1) + m.group(2).replace(" ", "\u00a0", 2), text)
    body_at = text.find("\n---", 3) + 4 if text.startswith("---") else 0
    body = text[body_at:]
    for old, new in ((" ;", "\u202f;"), (" !", "\u202f!"), (" ?", "\u202f?"), (" :", "\u00a0:"),
                     ("« ", "«\u202f"), (" »", "\u202f»")):
        body = body.replace(old, new)
    return text[:body_at] + body


def quote_line_break(path: Path, text: str) -> str:
    """Each quote of a note copied with a line break in the middle (a YAML continuation line)."""
    if path.suffix != ".yml":
        return text

    def broken(m: re.Match) -> str:
        words = m.group(3).split(" ")
        if len(words) < 3:
            return m.group(0)
        half = len(words) // 2
        return f"{m.group(1)}{m.group(2)}{' '.join(words[:half])}\n{m.group(1)}  {' '.join(words[half:])}"
    return re.sub(r"^( *)(quote: )(.*)$", broken, text, flags=re.M)


def broken_names(path: Path, text: str) -> str:
    """In articles, every name broken by a soft hyphen or a zero-width space, as copied from a layout."""
    if path.suffix != ".md" or path.parent.name != "articles":
        return text
    body_at = text.find("\n---", 3) + 4 if text.startswith("---") else 0
    head, body = text[:body_at], text[body_at:]
    title_end = body.find("\n", body.find("# ") + 1) if "# " in body else 0
    for i, name in enumerate(NAMES):
        if len(name) >= 5:
            mark = "\u00ad" if i % 2 else "\u200b"
            body = body[:title_end] + re.sub(rf"(?<!\w){re.escape(name)}(?!\w)",
                                             name[:3] + mark + name[3:], body[title_end:])
    return head + body


ENCODINGS = {f.__name__: f for f in (crlf, cr, nfd, bom, typographic, quote_line_break, broken_names)}


def files(project: Path) -> list[Path]:
    """Every file Carnet reads: notes, articles, hand-written pages."""
    return sorted([*(project / "notes").rglob("*.yml"), *(project / "docs").rglob("*.md")])


def reencode(project: Path, choose) -> None:
    """Each file saved again in the encodings ``choose(path)`` names (same words)."""
    for path in files(project):
        text = path.read_text(encoding="utf-8")
        for name in choose(path):
            text = ENCODINGS[name](path, text)
        path.write_bytes(text.encode("utf-8"))


# --- the comparison ------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def same_text(text: str) -> str:
    """What must be equal: NFC, addresses decoded, breaks and hyphens as words have them,
    any run of spaces (ordinary, no-break, line ends) as one."""
    return _SPACES.sub(" ", unbroken(canonical(unquote(text))))


def site_signature(site: Path) -> dict[str, str]:
    """Every page, the search index and the feeds, as ``same_text`` sees them."""
    out = {}
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".json", ".xml") and path.is_file():
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".json":   # escaped or not, the same characters
                text = json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True)
            out[path.relative_to(site).as_posix()] = same_text(text)
    return out


def assert_same_site(ours: Path, theirs: Path) -> None:
    a, b = site_signature(ours), site_signature(theirs)
    assert sorted(a) == sorted(b)
    differ = [name for name in a if a[name] != b[name]]
    for name in differ[:1]:
        at = next(i for i, (x, y) in enumerate(zip(a[name], b[name])) if x != y) if a[name] != b[name] else 0
        raise AssertionError(f"{len(differ)} files differ, first {name}: "
                             f"{a[name][max(0, at - 120):at + 120]!r} != {b[name][max(0, at - 120):at + 120]!r}")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, site):
    return site


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_every_file_in_one_encoding_builds_the_same_site(baseline, tmp_path, encoding):
    project = copy_project(tmp_path / "project")
    reencode(project, lambda path: [encoding])
    changed = [p for p in files(project) if p.read_bytes() != (ROOT / p.relative_to(project)).read_bytes()]
    assert changed, f"{encoding} changed no file"
    mkdocs_build(project, tmp_path / "site")
    assert_same_site(baseline, tmp_path / "site")


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1))
@example(seed=0)
def test_any_mix_of_encodings_file_by_file_builds_the_same_site(baseline, tmp_path_factory, seed):
    rng = random.Random(seed)
    tmp = tmp_path_factory.mktemp("mix")
    project = copy_project(tmp / "project")
    reencode(project, lambda path: [n for n in sorted(ENCODINGS) if rng.random() < 0.5 and not (n == "cr" and rng.random() < 0.5)])
    mkdocs_build(project, tmp / "site")
    assert_same_site(baseline, tmp / "site")


def test_a_synthetic_corpus_in_every_encoding_at_once_builds_the_same_site(tmp_path):
    from corpus import SHAPES, write_corpus
    (clean,) = write_corpus(tmp_path / "clean", 10, 30, shape=SHAPES["reference"], variants=("carnet",))
    (mixed,) = write_corpus(tmp_path / "mixed", 10, 30, shape=SHAPES["reference"], variants=("carnet",))
    rng = random.Random(7)
    reencode(mixed, lambda path: [n for n in sorted(ENCODINGS) if n != "cr" and rng.random() < 0.6])
    mkdocs_build(clean, tmp_path / "clean-site")
    mkdocs_build(mixed, tmp_path / "mixed-site")
    assert_same_site(tmp_path / "clean-site", tmp_path / "mixed-site")


# --- what cannot be read --------------------------------------------------------------------------

def test_decoding_reads_every_form_of_the_same_text():
    text = "Le siège\u00a0: «\u202fAlgérie\u202f»\nFin.\n"
    for raw in (text.encode(), ("\ufeff" + text).encode(), text.replace("\n", "\r\n").encode(),
                text.replace("\n", "\r").encode(), unicodedata.normalize("NFD", text).encode()):
        assert decode(raw, "x") == text


@pytest.mark.parametrize("where", ["notes/lieux/russie.yml", "docs/articles/sonarem-vesna.md", "docs/index.md"])
def test_a_file_that_is_not_utf8_is_refused_naming_the_file_and_the_byte(tmp_path, where):
    project = copy_project(tmp_path / "project")
    path = project / where
    text = path.read_text(encoding="utf-8")
    raw = text.encode("cp1252", errors="replace")   # as an old Windows editor saves it
    path.write_bytes(raw)
    first = next(i for i, (a, b) in enumerate(zip(raw, text.encode("utf-8"))) if a != b)
    line = raw.count(b"\n", 0, first) + 1
    column = first - (raw.rfind(b"\n", 0, first) + 1) + 1
    err = mkdocs_build(project, tmp_path / "site", expect_failure=True).stderr
    assert f"{where}:{line}:{column}: error:" in err, err
    assert f"is not valid UTF-8: byte {first} (0x{raw[first]:02x})" in err
    assert "Fix: save it as UTF-8" in err
    assert "Traceback" not in err and not (tmp_path / "site").exists()
