"""Stages 2 to 7 after rendering: the site (``site``), the Markdown of the pages Carnet writes
(``generated``), the citation check (``checked``), who names whom (``mention_index``), and
the assembly of every page (``assembly``), with a builder per kind of page: ``fiche``,
``listings``, ``head``; their HTML in ``note_html``, ``backlinks``, ``article_html``,
``index_html``, ``graph``, ``feeds``."""
