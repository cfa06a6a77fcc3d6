"""Carnet minier: notes on the entities of news articles, built into a MkDocs site.

The core (loading, validating, matching, page generation) is plain Python and
never imports MkDocs; ``carnet.engine.plugin`` is the thin MkDocs layer on top.
"""
