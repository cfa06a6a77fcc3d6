"""A project's mkdocs.yml read without MkDocs: where the docs and notes are, the Markdown extensions."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

import yaml

from ..datatypes import datatype


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml safely; MkDocs' own tags (!ENV, !relative) become plain values."""


ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


@datatype
class Settings:
    """What mkdocs.yml says that Carnet needs without an engine (``carnet check``, ``pipeline.build_pages``)."""
    docs_dir: Path
    notes_dir: Path
    articles: str
    extensions: list = field(default_factory=list)   # Markdown extensions, by name
    configs: dict = field(default_factory=dict)      # their options
    link_policy: str = "first"


def read_settings(project: Path) -> Settings:
    """What the project's mkdocs.yml says, read without MkDocs; defaults where it is silent."""
    docs, notes, articles, policy = "docs", "notes", "articles", "first"
    config_file = project / "mkdocs.yml"
    config: dict = {}
    if config_file.is_file():
        try:
            config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=ConfigLoader) or {}
        except yaml.YAMLError:
            config = {}
        docs = config.get("docs_dir", docs)
        for plugin in config.get("plugins") or []:
            if isinstance(plugin, dict) and isinstance(plugin.get("carnet"), dict):
                notes = plugin["carnet"].get("notes_dir", notes)
                articles = plugin["carnet"].get("articles_dir", articles)
                policy = plugin["carnet"].get("link_policy", policy)
    extensions, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        extensions.append(name)
        if isinstance(options, dict):
            configs[name] = options
    return Settings(project / docs, project / notes, articles, extensions, configs, policy)
