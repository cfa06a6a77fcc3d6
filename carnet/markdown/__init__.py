"""Carnet's Python-Markdown extensions, each usable alone, and how the site uses them together.

  mention_links.MentionExtension            mentions become links to their fiches
  paragraph_anchors.ParagraphAnchorExtension  an article's paragraphs get anchors of their own words
  french_spacing.FrenchSpacingExtension     no-break spaces of French typography

They share the engine's description of the page being rendered (``scan.PageScan``), read
through a callable so that one Markdown instance serves every page.  ``matcher.py`` finds the
names, ``mentions.py`` chooses which mentions become links and cuts the sentences around them.
"""

from __future__ import annotations

from typing import Callable

from .french_spacing import FrenchSpacingExtension
from .matcher import MentionMatcher
from .mention_links import MentionExtension
from .paragraph_anchors import ParagraphAnchorExtension
from .scan import PageScan

OURS = (MentionExtension, ParagraphAnchorExtension, FrenchSpacingExtension)


def site_extensions(matcher: Callable[[], MentionMatcher | None], scan: Callable[[], PageScan | None],
                    policy: Callable[[], str]) -> list:
    """The three extensions as the site renders every page with them."""
    return [MentionExtension(matcher, scan, policy), ParagraphAnchorExtension(scan), FrenchSpacingExtension(scan)]
