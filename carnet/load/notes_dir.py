"""Read the notes folder into a validated Catalog: every note file, its problems, the cross-note checks."""

from __future__ import annotations

import os
from pathlib import Path

from ..model.catalog import Catalog, check_catalog
from ..model.problems import Problem
from .memo import remembered
from .note_file import note_id_from_path, read_note
from .yaml_source import read_yaml

NOTE_SUFFIXES = (".yml", ".yaml")


def note_files(notes_dir: Path) -> list[Path]:
    return sorted(p for p in notes_dir.rglob("*") if p.is_file() and not p.name.startswith("."))


def load_notes(notes_dir: Path, project_dir: Path, memo: dict | None = None) -> tuple[Catalog, list[Problem]]:
    """Load and validate every note; return the catalog and all problems found.

    Raises nothing for bad notes: callers decide (the plugin stops the build on
    errors, ``carnet check`` prints them and sets its exit code).  ``memo``: each file's
    reading by its path, kept from a build before and used while its bytes are the same
    (``remembered``; a rebuild under serve reads again only the files that changed).
    """
    notes, rejected, problems = [], {}, []
    if not notes_dir.is_dir():
        return Catalog([]), [Problem(project_path(notes_dir, project_dir), None, None,
                                     "the notes folder does not exist.",
                                     "create it, or set the plugin's 'notes_dir' option.")]
    for path in note_files(notes_dir):
        rel = project_path(path, project_dir)
        if path.suffix not in NOTE_SUFFIXES:
            problems.append(Problem(rel, None, None, "not a note: notes are '.yml' files.",
                                    "rename it to '<slug>.yml' or move it out of the notes folder."))
            continue
        kind, slug, naming = note_id_from_path(project_path(path, notes_dir.parent))
        naming = [Problem(rel, p.line, p.column, p.message, p.hint, p.severity) for p in naming]
        problems += naming
        note, found = remembered(memo, rel, path.read_bytes(), lambda data: _read_note(data, rel, kind, slug))
        problems += found
        if note is not None and not found and not naming:
            notes.append(note)
        elif not naming:  # known by its id all the same: relations to it are not "not a note"
            rejected[f"{kind}/{slug}"] = note
    problems += check_catalog(notes + [n for n in rejected.values() if n is not None], set(rejected))
    return Catalog(notes, rejected), problems


def _read_note(data: bytes, rel: str, kind: str, slug: str):
    doc = read_yaml(data, rel)
    if isinstance(doc, Problem):
        return None, [doc]
    return read_note(doc, rel, kind, slug)


def project_path(path: Path, base: Path) -> str:
    """``path`` as messages name it: relative to ``base`` where it can be, with forward slashes."""
    text, prefix = str(path), str(base).rstrip(os.sep) + os.sep
    if text.startswith(prefix):  # the usual case: plain string work, no path parsing
        return text[len(prefix):].replace(os.sep, "/")
    try:
        return Path(os.path.relpath(path, base)).as_posix()
    except ValueError:
        return path.as_posix()
