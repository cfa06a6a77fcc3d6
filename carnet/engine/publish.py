"""Publish only complete builds: the engine writes into a staging folder, swapped in on success."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path

from ..addresses.record import RECORD_FILE, dump_record, load_record, with_added

STAGING_SUFFIX = ".carnet-staging"
OLD_SUFFIX = ".carnet-old"


def start_staging(site_dir: str) -> str:
    """An empty staging folder beside ``site_dir``, for the engine to build into."""
    staging = site_dir.rstrip("/\\") + STAGING_SUFFIX
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def finish(site_dir: str, succeeded: bool) -> None:
    """Swap the staging folder in when the build succeeded; drop it otherwise."""
    site = site_dir.rstrip("/\\")
    staging = site + STAGING_SUFFIX
    if not succeeded:
        shutil.rmtree(staging, ignore_errors=True)
        return
    old = site + OLD_SUFFIX
    shutil.rmtree(old, ignore_errors=True)
    if os.path.exists(site):
        os.rename(site, old)
    os.rename(staging, site)
    shutil.rmtree(old, ignore_errors=True)


def build_day() -> dt.date:
    """The day this build publishes on: ``SOURCE_DATE_EPOCH`` when set (reproducible builds;
    MkDocs dates its sitemap by it too), else today (UTC, as the sitemap)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    today = dt.datetime.now(dt.timezone.utc).date()
    if epoch and epoch.strip().isdigit():
        # A value past what ``datetime`` or the platform's clock holds (year 10000 on) names
        # no day: today's, said out loud, since the day a build records stays (addresses.yml).
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            logging.getLogger("mkdocs.plugins.carnet").warning(
                f"Carnet: SOURCE_DATE_EPOCH is {epoch.strip()[:40]!r}, not a date this machine can hold "
                f"(seconds since 1970-01-01); the build publishes on today's date, {today.isoformat()}.")
    return today


def record_days_added(project_dir: Path, days: dict[str, dt.date]) -> None:
    """Once the site is published (a failed build records nothing): the day each article it
    published first came to the site, in the record of addresses (carnet.addresses.record)."""
    file = project_dir / RECORD_FILE
    record, problems = load_record(file, RECORD_FILE)
    if not problems:
        file.write_text(dump_record(with_added(record, days)), encoding="utf-8")
        logging.getLogger("mkdocs.plugins.carnet").info(
            f"Carnet: {RECORD_FILE} records the day these articles came to the site: " + days_listed(days))


SHOWN_DAYS = 10   # articles named in the message; an import of a thousand is one line, not a page


def days_listed(days: dict[str, dt.date]) -> str:
    listed = sorted(days.items())
    shown = ", ".join(f"/{page} ({day.isoformat()})" for page, day in listed[:SHOWN_DAYS])
    more = len(listed) - SHOWN_DAYS
    return shown + (f" and {more} more (see {RECORD_FILE})" if more > 0 else "")


def publishes(command: str | None, dirty: bool) -> bool:
    """Whether this run makes the site readers get, and so records the day each article it
    publishes first came to the site: ``build``, and ``gh-deploy`` (it builds, then pushes what
    it built); not ``serve``, a preview.  Nor ``build --dirty``: MkDocs keeps it for drafting
    (pages it skips keep stale navigation and links) and ``--strict``, with which ``make build``
    publishes, refuses it; a day recorded there would be the day an editor tried a draft.  Its
    pages show a new article as not yet published, true until a build publishes and dates it."""
    return command == "gh-deploy" or (command == "build" and not dirty)


def staged(command: str | None, dirty: bool) -> bool:
    """Whether the build writes into a staging folder swapped in at the end: a clean ``build``.
    Not ``--dirty``, which updates the folder in place; not ``gh-deploy``, which pushes
    ``site_dir`` after the plugin's last event, where a swap would leave it naming the
    staging folder, gone (and a failed build pushes nothing)."""
    return command == "build" and not dirty


class StagedPublishing:
    """The plugin's side of it, as a mixin over the engine's plugin events: a clean
    ``build`` writes into staging (``stage``, from ``on_config``), swapped in at
    shutdown unless a build error came; a build that publishes records the days."""

    command: str | None = None
    dirty = False       # a build run without MkDocs' startup event (its API, the benchmarks) is clean
    publish_to: str | None = None
    publishes = False
    failed = False
    project_dir: Path | None = None
    days_added: dict[str, dt.date] = {}   # articles this build publishes first: page -> today

    def on_startup(self, *, command, dirty):
        self.command, self.dirty, self.publishes = command, dirty, publishes(command, dirty)
        self.publish_to, self.failed, self.days_added = None, False, {}

    def on_build_error(self, *, error):
        self.failed = True

    def stage(self, config) -> None:
        if staged(self.command, self.dirty):
            self.publish_to = config.site_dir
            config.site_dir = start_staging(config.site_dir)

    def on_shutdown(self):
        if self.publish_to:
            finish(self.publish_to, succeeded=not self.failed)
            if self.failed:
                kept = (f"the site in {self.publish_to} was left as it was" if os.path.isdir(self.publish_to)
                        else f"nothing was published (there is no site in {self.publish_to} yet)")
                logging.getLogger("mkdocs.plugins.carnet").error(f"Carnet: the build failed; {kept}.")
        if self.publishes and not self.failed and self.days_added and self.project_dir:
            record_days_added(self.project_dir, self.days_added)
