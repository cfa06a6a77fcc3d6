"""Problems found in editors' input, reported all at once and never as tracebacks."""

from __future__ import annotations

import difflib
from typing import Iterable

from ..datatypes import datatype


@datatype(frozen=True, order=True)
class Problem:
    path: str                 # relative to the project, with forward slashes
    line: int | None          # 1-based, when known
    column: int | None        # 1-based, when known
    message: str              # what is wrong
    hint: str = ""            # how to fix it
    severity: str = "error"   # "error" or "warning"

    def format(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.severity}: {self.message}"
        if self.hint:
            text += f" Fix: {self.hint}"
        return text


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` and the noun that agrees with it: "1 error", "2 errors", "0 errors"."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def format_problems(problems: Iterable[Problem]) -> str:
    """Every problem, file by file and line by line, then how many there are."""
    problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.column or 0))
    errors = sum(p.severity == "error" for p in problems)
    lines = [p.format() for p in problems]
    lines.append(f"Carnet: {count(errors, 'error')}, {count(len(problems) - errors, 'warning')} "
                 "in notes and articles.")
    return "\n".join(lines)


def stopping_message(problems: list[Problem], strict: bool) -> str | None:
    """What the build stops with, when ``problems`` stop it (errors, or anything when strict)."""
    if any(p.severity == "error" or strict for p in problems):
        return "Carnet: the notes cannot be published.\n" + format_problems(problems)
    return None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean' suffix for a misspelt word, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""
