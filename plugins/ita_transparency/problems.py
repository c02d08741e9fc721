"""Problems found in an agency's data, reported as `file:line: field: message`.

Loading never stops at the first problem: every file is read and every problem collected, so
an editor fixes a whole batch in one round instead of one error per run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if not self.field:
            return f"{where}: {self.message}"
        return f"{where}: {self.field}: {self.message}"


class DataInvalid(Exception):
    """The data has errors; `problems` holds every one of them (and the warnings)."""

    def __init__(self, problems: list[Problem]):
        self.problems = sort_problems(problems)
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in the data:\n" + "\n".join(map(str, errors)))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def display_path(path: Path) -> str:
    """The path as an editor would type it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


@dataclass
class ProblemList:
    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int | None, field_: str, message: str,
            severity: Literal["error", "warning"] = "error") -> None:
        self.items.append(Problem(file, line, field_, message, severity))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.items)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Files in the order they were read; within a file, by line."""
    order: dict[str, int] = {}
    for p in problems:
        order.setdefault(p.file, len(order))
    return sorted(problems, key=lambda p: (order[p.file], p.line or 0))
