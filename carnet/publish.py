"""Publish only complete builds: the engine writes into a staging folder, swapped in on success."""

from __future__ import annotations

import os
import shutil

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
