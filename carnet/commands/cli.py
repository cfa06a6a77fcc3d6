"""The editors' commands, as ``carnet <command>``:

  check           the build's validation without building, plus a coverage report
  new             a note started from the sentences of the articles naming the entity
  publish-record  the record of published addresses (addresses.yml) written as the site stands

Exit codes: 0 the notes can be published (the command did its job); 1 errors (or warnings
under --strict); 2 the command was called wrongly.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections import Counter
from pathlib import Path

from ..addresses.record import RECORD_FILE, anchors_by_page, current_record, dump_record
from ..load.article_meta import load_articles
from ..load.article_passages import all_passages
from ..load.config import read_settings
from ..load.notes_dir import load_notes, project_path
from ..load.project import check_quotes, load_project
from ..markdown.matcher import MentionMatcher
from ..model.problems import count, did_you_mean, format_problems
from ..model.vocabulary import KINDS
from ..text.source_text import canonical
from .coverage import candidate_names, mentioned_notes, plain_text
from .scaffold import scaffold, sentences_naming, slug_of


def check(project: Path, strict: bool, out=None) -> int:
    out = out or sys.stdout
    settings = read_settings(project)
    docs_dir = settings.docs_dir
    loaded = load_project(settings.notes_dir, docs_dir, settings.articles, project)
    catalog, problems = loaded.catalog, loaded.problems
    article_dir = docs_dir / settings.articles
    citations, quote_problems = check_quotes(loaded, docs_dir, settings.articles, project,
                                             settings.extensions, settings.configs)
    problems += quote_problems
    matcher = MentionMatcher(catalog)
    if problems:
        print(format_problems(problems), file=out)
    failed = any(p.severity == "error" or strict for p in problems)

    page_files = sorted(docs_dir.rglob("*.md"))
    pages = [plain_text(canonical(p.read_bytes().decode("utf-8", "replace"))) for p in page_files]
    article_texts = [text for path, text in zip(page_files, pages) if path.parent == article_dir]
    note_texts = [" ".join([n.summary, *(f.value for f in n.facts)]) for n in catalog]
    counts = mentioned_notes(pages + note_texts, matcher)
    unmentioned = [n for n in catalog if counts[n.id] == 0]
    candidates = candidate_names(article_texts, matcher)

    print(f"Notes: {len(catalog)} valid; pages read: {len(pages)}.", file=out)
    _report_citations(citations, out)
    if candidates:
        print("Names in the articles that may deserve a note (occurrences), with the command that "
              "starts one (KIND: " + ", ".join(KINDS) + "):", file=out)
        for name, n in candidates.most_common():
            print(f"  {name} ({n}): carnet new KIND {shlex.quote(name)}", file=out)
    else:
        print("Every name that looks like an entity in the articles has a note.", file=out)
    if unmentioned:
        print("Notes that no page mentions:", file=out)
        for note in unmentioned:
            print(f"  {note.path} ({note.name})", file=out)
    print("Result: " + ("the notes cannot be published." if failed else "the notes can be published."),
          file=out)
    return 1 if failed else 0


def _report_citations(citations, out) -> None:
    """Every citation: the passage it resolves to, or why it does not."""
    counts = Counter(check.status for check in citations.checks)
    print(f"Citations: {counts['resolved']} resolved, {counts['missing']} missing, "
          f"{counts['ambiguous']} ambiguous.", file=out)
    for check in citations.checks:
        cite = check.citation
        where = ":".join(str(x) for x in (check.note.path, cite.line, cite.column) if x is not None)
        if check.status == "resolved":
            passage = check.found[0].passage
            result = f"{passage.article} § {passage.number} (#{passage.id})"
        elif check.status == "missing":
            result = "MISSING: in no passage"
        else:
            result = "AMBIGUOUS: in " + ", ".join(f"{f.passage.article} § {f.passage.number}" for f in check.found)
        print(f"  {where} {cite.where}: « {cite.quote} » -> {result}", file=out)


def new(project: Path, kind: str, name: str, out=None) -> int:
    """Start notes/<kind>/<slug>.yml from the articles' sentences naming ``name``."""
    out = out or sys.stdout
    settings = read_settings(project)
    name = " ".join(name.split())
    slug = slug_of(name)
    if kind not in KINDS:
        print(f"carnet new: '{kind}' is not a kind of note. Fix: use one of {', '.join(KINDS)}."
              + did_you_mean(kind, KINDS), file=out)
        return 2
    if not slug:
        print("carnet new: the name has no letter or digit to make a file name from.", file=out)
        return 2
    path = settings.notes_dir / kind / f"{slug}.yml"
    if path.exists():
        print(f"carnet new: {project_path(path, project)} already exists. Fix: edit it, or choose another name.", file=out)
        return 1
    catalog, _ = load_notes(settings.notes_dir, project)
    for note in catalog:
        if any(form.casefold() == name.casefold() for form in note.names):
            print(f"carnet new: '{name}' is already a name of {note.path}. Fix: edit that note, "
                  "or add the form there as an alias.", file=out)
            return 1
    article_dir = settings.docs_dir / settings.articles
    articles, _ = load_articles(article_dir, settings.docs_dir, project)
    passages = all_passages(articles, settings.docs_dir, settings.extensions, settings.configs)
    sentences = sentences_naming(name, passages)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold(name, sentences), encoding="utf-8")
    written = project_path(path, project)
    if sentences:
        print(f"Wrote {written} with {count(len(sentences), 'sentence')} of the articles naming {name}. "
              "Write its summary (the build refuses the note until then), keep what the sentences support, "
              "then run carnet check.", file=out)
    else:
        print(f"Wrote {written}. Warning: no article names '{name}', so there is nothing of the articles "
              "to cite. Fix: check the spelling against the articles; if the name is right, write the "
              "summary from a named source and list that source under 'sources:' (title and url), "
              "then run carnet check.", file=out)
    return 0


def publish_record(project: Path, out=None) -> int:
    """Write the record of published addresses (addresses.yml) as the site stands now: every
    page and paragraph anchor, the addresses redirects keep, the older anchor names still
    leading somewhere.  Run on purpose: it is how an address stops being guarded."""
    out = out or sys.stdout
    settings = read_settings(project)
    loaded = load_project(settings.notes_dir, settings.docs_dir, settings.articles, project)
    blocking = [p for p in loaded.problems if p.severity == "error" and p.path != RECORD_FILE]
    if blocking:
        print(format_problems(blocking), file=out)
        print("carnet publish-record: the notes cannot be published, so their addresses are not recorded. "
              "Fix the problems above first.", file=out)
        return 1
    addresses = loaded.addresses
    passages = all_passages(loaded.articles, settings.docs_dir, settings.extensions, settings.configs)
    old = addresses.record
    new = current_record(old, list(addresses.live), anchors_by_page(passages, settings.articles), addresses.redirects)
    (project / RECORD_FILE).write_text(dump_record(new), encoding="utf-8")
    added, dropped = sorted(set(new.pages) - set(old.pages)), sorted(set(old.pages) - set(new.pages))
    anchors = lambda record: {(page, a) for page, items in record.anchors.items() for a in items}  # noqa: E731
    print(f"Wrote {RECORD_FILE}: {count(len(new.pages), 'page')}, "
          f"{count(len(anchors(new)), 'paragraph anchor')}, {count(len(addresses.redirects), 'redirect')}.", file=out)
    for what, items in (("New addresses", added), ("Addresses no longer guarded", dropped),
                        ("Anchors no longer guarded", sorted(f"{p}#{a}" for p, a in anchors(old) - anchors(new)))):
        if items:
            print(f"{what}: " + ", ".join("/" + item for item in items), file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="carnet", description="Carnet minier editors' tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("check", help="validate the notes and report coverage, without building")
    cmd.add_argument("--project", type=Path, default=Path("."), help="project folder (default: .)")
    cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
    cmd = sub.add_parser("new", help="start a note from what the articles say of a name")
    cmd.add_argument("kind", help="one of: " + ", ".join(KINDS))
    cmd.add_argument("name", help="the entity's name, as the articles write it")
    cmd.add_argument("--project", type=Path, default=Path("."), help="project folder (default: .)")
    cmd = sub.add_parser("publish-record", help="record the addresses the site publishes now (addresses.yml), "
                                                "so that no later build drops one without a redirect")
    cmd.add_argument("--project", type=Path, default=Path("."), help="project folder (default: .)")
    args = parser.parse_args(argv)
    if args.command == "publish-record":
        return publish_record(args.project.resolve())
    if args.command == "new":
        return new(args.project.resolve(), args.kind, args.name)
    return check(args.project.resolve(), args.strict)


if __name__ == "__main__":
    sys.exit(main())
