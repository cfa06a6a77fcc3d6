"""What a rebuild compares with the build before it: a fingerprint of every input.

Two parts (carnet.pages.inputs names the inputs):
  files   one hash per note file (``note:<id>``) and per Markdown page (``page:<src>``), and
          one of every page's front matter and title lines (``order``): an edit to one touches
          the pages that read it;
  whole   one hash of what every page reads, or what decides which pages there are: the
          configuration file, the theme's own folder, the docs folder's other files, the
          record of addresses, the set of notes and of pages, every note's names (they decide
          which words are links), and the day (the sitemap's).  When it differs, everything
          is built again.
Hashes of the bytes, not dates: an editor's "save" without a change touches nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from ..datatypes import datatype
from ..model.catalog import Catalog
from ..model.paths import ORDER_INPUT, note_input, page_input
from .memo import bytes_of
from .notes_dir import note_files, project_path


@datatype(frozen=True)
class Fingerprint:
    whole: str
    files: dict[str, str]

    def changed_since(self, before: "Fingerprint") -> set[str] | None:
        """The inputs whose files changed; None when what every page reads changed."""
        if before.whole != self.whole or before.files.keys() != self.files.keys():
            return None
        return {key for key, value in self.files.items() if before.files[key] != value}


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def tree(folder: Path, skip_suffix: str | None = None) -> list[tuple[str, int, int]]:
    """Every file under ``folder`` by path, size and time of change (a theme's, an image's:
    cheaper than reading them, and a change to any gives a full build anyway)."""
    out = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if skip_suffix and name.endswith(skip_suffix):
                continue
            path = os.path.join(root, name)
            stat = os.stat(path)
            out.append((os.path.relpath(path, folder), stat.st_size, stat.st_mtime_ns))
    return out


def _meta_lines(data: bytes) -> bytes:
    """A page's front matter and the lines its title can come from (a level-one heading, or
    the line over a row of "="): what lists of pages show of it."""
    lines = data.splitlines()
    out = []
    if lines and lines[0].strip() == b"---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in (b"---", b"...")), len(lines))
        out, lines = lines[:end + 1], lines[end + 1:]
    for i, line in enumerate(lines):
        if line.startswith(b"# ") or line.strip() == b"#" or (
                i + 1 < len(lines) and lines[i + 1].strip().startswith(b"=") and set(lines[i + 1].strip()) == {61}):
            out.append(line)
    return b"\n".join(out)


def fingerprint(catalog: Catalog, project_dir: Path, notes_dir: Path, docs_dir: Path, config_file: Path | None,
                theme_dirs: list[Path], record_file: Path, day: dt.date,
                memo: dict | None = None) -> Fingerprint:
    """``memo``: the load stage's readings of this build (carnet.load.memo), whose bytes are
    used rather than read again."""
    files, note_paths = {}, []
    by_path = {note.path: note.id for note in catalog}
    for path in note_files(notes_dir):
        rel = project_path(path, project_dir)
        note_paths.append(rel)
        if rel in by_path:
            files[note_input(by_path[rel])] = _hash(bytes_of(memo, rel, path))
    order = []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        data = bytes_of(memo, project_path(path, project_dir), path)
        files[page_input(src)] = _hash(data)
        order += [src.encode("utf-8"), _meta_lines(data)]
    files[ORDER_INPUT] = _hash(b"\0".join(order))
    names = sorted((note.id, note.names, note.case_sensitive) for note in catalog)
    whole = repr((
        config_file.read_bytes() if config_file and config_file.is_file() else b"",
        [tree(d) for d in theme_dirs if d.is_dir()],
        tree(docs_dir, skip_suffix=".md"),
        record_file.read_bytes() if record_file.is_file() else b"",
        note_paths, sorted(files), names, day.isoformat()))
    return Fingerprint(_hash(whole.encode("utf-8", "surrogateescape")), files)
