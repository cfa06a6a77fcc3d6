"""Safe, bounded YAML reading that remembers where every value was written.

Notes may come from contributors we do not know, so the loader:
- decodes strict UTF-8 and refuses files over MAX_BYTES;
- uses PyYAML's SafeLoader (no tag can build objects or run code);
- refuses aliases (``*name``), which closes the "billion laughs" expansion
  before anything is built, and any explicit non-standard tag;
- refuses duplicate keys, which PyYAML would otherwise silently overwrite.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode

from ..datatypes import datatype
from ..model.problems import Problem
from ..text.source_text import decode

MAX_BYTES = 64 * 1024

Path = tuple  # a path into the document: ("facts", "Pays") or ("relations", 0, "target")


class _Refused(Exception):
    def __init__(self, message: str, hint: str, mark):
        super().__init__(message)
        self.message, self.hint, self.mark = message, hint, mark


# LibYAML when PyYAML was built with it (ten times faster), the same safe loader otherwise.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_aliases(text: str) -> None:
    """Scan the event stream (nothing is built) and refuse the first alias."""
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, AliasEvent):
            raise _Refused(f"YAML alias '*{event.anchor}' is not allowed in notes.",
                           "write the value out in full instead of referring to an anchor.",
                           event.start_mark)


_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


@datatype
class YamlDocument:
    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value at ``path``, or of its nearest parent."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (None, None))


def read_yaml(raw: bytes, path: str, max_bytes: int = MAX_BYTES, what: str = "a note") -> YamlDocument | Problem:
    """Parse one note file (or another file of plain YAML data, with its own size limit);
    a Problem explains why it could not be read."""
    if len(raw) > max_bytes:
        return Problem(path, None, None,
                       f"file is {len(raw)} bytes, over the {max_bytes}-byte limit for {what}.",
                       "split the note or shorten its texts.")
    text = decode(raw, path)   # any line ends, with or without a byte-order mark, NFC
    if isinstance(text, Problem):
        return text
    if not text.strip():
        return Problem(path, None, None, "file is empty.",
                       "write at least 'name:' and 'summary:', or delete the file.")
    loader = None
    try:
        if "*" in text:  # an alias needs a '*': most notes skip the extra scan
            _refuse_aliases(text)
        loader = _SafeLoader(text)
        node = loader.get_single_node()
        if node is None:
            return Problem(path, None, None, "file holds no YAML document.",
                           "write at least 'name:' and 'summary:'.")
        positions: dict[Path, tuple[int, int]] = {}
        data = _check_node(node, (), positions)
    except _Refused as exc:
        return Problem(path, exc.mark.line + 1, exc.mark.column + 1, exc.message, exc.hint)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        return Problem(path, mark.line + 1 if mark else None, mark.column + 1 if mark else None,
                       f"YAML syntax error: {what}.",
                       "check indentation, colons and quotes on that line "
                       "(text containing ': ' or starting with a symbol needs quotes).")
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        return Problem(path, line, None, f"character U+{exc.character:04X} is not allowed in YAML.",
                       "remove the control character (often pasted by accident).")
    except yaml.YAMLError as exc:
        return Problem(path, None, None, f"YAML error: {exc}.", "check the file's syntax.")
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDocument(data, positions)


_STR = "tag:yaml.org,2002:str"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS = {"tag:yaml.org,2002:" + t: getattr(_CONSTRUCTOR, "construct_yaml_" + t)
            for t in ("int", "float", "bool", "null", "timestamp")}


def _check_node(node: Node, path: Path, positions: dict) -> Any:
    """Check one node and everything under it; return its value, built as PyYAML's safe
    loader builds it (the eight standard types are all a note may hold)."""
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if node.tag.startswith("!") or node.tag not in _STANDARD_TAGS:
        raise _Refused(f"YAML tag '{node.tag}' is not allowed in notes.",
                       "remove the tag; notes hold only plain text, lists and mappings.",
                       node.start_mark)
    if isinstance(node, ScalarNode):
        if node.tag == _STR:
            return node.value
        try:
            return _SCALARS[node.tag](node)
        except ValueError:
            if node.tag != "tag:yaml.org,2002:timestamp":
                raise
            raise _Refused(f"'{node.value}' is not a date that exists.",
                           "write a real date as YYYY-MM-DD.", node.start_mark) from None
    if isinstance(node, MappingNode):
        seen: set = set()
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused("a mapping key must be plain text.", "use a simple word as key.",
                               key_node.start_mark)
            key = key_node.value
            if key in seen:
                raise _Refused(f"key '{key}' is written twice in the same mapping.",
                               "keep one of the two.", key_node.start_mark)
            seen.add(key)
            child = path + (key,)
            value = _check_node(value_node, child, positions)
            positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag != _STR:  # "1:" is the number 1
                key = _check_node(key_node, child + ("<key>",), {})
            mapping[key] = value
        return mapping
    return [_check_node(item, path + (i,), positions) for i, item in enumerate(node.value)]
