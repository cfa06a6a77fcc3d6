"""Extra search fields for Material's search index, filled after the build.

Each note page's entry gets an ``aliases`` field holding every name form (declared with a boost in
``plugins.search.fields``) so that any name form an editor listed finds the
entity's own page first, even a form that its page never prints.
"""

from __future__ import annotations

import json
from html import escape


def add_alias_fields(index_json: str, aliases_by_location: dict[str, list[str]]) -> str:
    data = json.loads(index_json)
    for doc in data.get("docs", []):
        forms = aliases_by_location.get(doc.get("location"))
        if forms:
            doc["aliases"] = escape(" ".join(forms))  # Material may render fields as HTML
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
