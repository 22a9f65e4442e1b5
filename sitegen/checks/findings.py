"""What a check reports: a file, a line, a level and a message that says what to do."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"  # stops the build and fails CI
WARNING = "warning"  # shown in CI on the pull request; the build goes on
NOTICE = "notice"  # for information (a link to a page that falls back to Dutch)
LEVELS = (ERROR, WARNING, NOTICE)


@dataclass(frozen=True)
class Finding:
    path: str  # relative to the project, e.g. content/ar/mo.md
    line: int
    message: str
    level: str = ERROR
    check: str = "front-matter"  # the module that found it: front-matter, links, ...

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def count_levels(findings: list[Finding]) -> dict[str, int]:
    return {level: sum(1 for f in findings if f.level == level) for level in LEVELS}
