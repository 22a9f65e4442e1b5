"""The content checks as a pull request's reviewer needs them (`check --format github`).

GitHub shows at most ten annotations of each level per step, so order matters:
1. findings on the lines the pull request changed (from `git diff` against its base);
2. translations the change makes outdated, gathered into one annotation on the
   changed Dutch page instead of one on every untouched translation;
3. everything else: findings on lines the pull request did not change, on the pages it
   changed and on the others.
The full table goes to the job summary ($GITHUB_STEP_SUMMARY) in the same order.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sitegen.checks.findings import ERROR, LEVELS, NOTICE, WARNING, Finding, count_levels
from sitegen.checks.source import display_path
from sitegen.freshness import recorded_hash, source_hash
from wegwijs_shared.languages import SOURCE_LANGUAGE

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)


class ChangesError(ValueError):
    """The pull request's changes cannot be read from git; the message says why."""


def _git(root: Path, *args: str) -> str | None:
    # Paths as they are (not octal-quoted), whatever the user's git configuration says.
    command = ["git", "-C", str(root), "-c", "core.quotepath=off", *args]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


@dataclass(frozen=True)
class Changes:
    """What a pull request changed: its base commit and, per file, the changed lines."""

    base: str  # the commit the pull request started from (merge base)
    files: dict[str, frozenset[int] | None]  # None: the whole file is new
    ref: str = ""  # the branch or commit compared with, as git found it ('origin/main')

    def touches(self, finding: Finding) -> bool:
        """On a changed line, or about a changed file as a whole (reported on line 1)."""
        if finding.path not in self.files:
            return False
        lines = self.files[finding.path]
        return lines is None or finding.line in lines or finding.line == 1

    def first_line(self, path: str) -> int:
        lines = self.files.get(path)
        return min(lines) if lines else 1


def _changed_lines(diff: str) -> dict[str, frozenset[int] | None]:
    """Per file of a `git diff -U0`, the line numbers of the new version that changed."""
    files: dict[str, frozenset[int] | None] = {}
    for part in re.split(r"^diff --git ", diff, flags=re.M)[1:]:
        target = re.search(r"^\+\+\+ (.+)$", part, re.M)
        if not target or target.group(1) == "/dev/null":
            continue  # a deleted file
        path = target.group(1)
        if path.startswith('"'):  # a name with a quote, tab or newline: C-quoted
            path = path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        path = path.removeprefix("b/")
        lines: set[int] = set()
        for hunk in _HUNK.finditer(part):
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            # A deletion (count 0) is shown on the line after it.
            lines.update(range(start, start + count) if count else [max(start, 1)])
        files[path] = None if "\nnew file mode" in part.split("@@", 1)[0] else frozenset(lines)
    return files


def find_changes(root: Path, base: str) -> Changes:
    """The changes of the working tree (commits and edits) since it left `base`.

    `base` as named when git knows it here (a branch, a tag, a commit, HEAD), else the
    remote's branch of that name (origin/<base>, as in a pull request's checkout)."""
    for ref in (base, f"origin/{base}"):
        merge_base = _git(root, "merge-base", ref, "HEAD")
        if merge_base:
            break
    else:
        raise ChangesError(
            f"git knows no branch or commit '{base}' here, so the changed lines are unknown. "
            "Fetch it (in a workflow: actions/checkout with fetch-depth: 0), or name another "
            "with --base."
        )
    commit = merge_base.strip()
    diff = _git(
        root, "diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--relative",
        "--src-prefix=a/", "--dst-prefix=b/", commit, "--",
    )  # fmt: skip
    files = _changed_lines(diff or "")
    for path in (_git(root, "ls-files", "--others", "--exclude-standard") or "").splitlines():
        files[path] = None  # new and not yet added: every line is new
    return Changes(commit, files, ref)


def _translation_of(finding: Finding, root: Path, docs_dir: Path) -> tuple[str, str] | None:
    """(language, path in the language folder) of a translation's finding."""
    path = (root / finding.path).resolve()
    if not path.is_relative_to(docs_dir):
        return None
    code, *rest = path.relative_to(docs_dir).parts
    return (code, PurePosixPath(*rest).as_posix()) if rest and code != SOURCE_LANGUAGE else None


def _caused_by_change(
    finding: Finding, changes: Changes, root: Path, docs_dir: Path
) -> tuple[str, str] | None:
    """(Dutch page, its path in the language folder) when the change made this untouched
    translation outdated."""
    if finding.check != "translations" or finding.level != WARNING:
        return None
    if finding.path in changes.files:
        return None
    found = _translation_of(finding, root, docs_dir)
    if found is None:
        return None
    dutch = display_path(docs_dir / SOURCE_LANGUAGE / found[1], root)
    if dutch not in changes.files:
        return None
    before = _git(root, "show", f"{changes.base}:./{dutch}")
    recorded = recorded_hash((root / finding.path).read_text(encoding="utf-8"))
    # Up to date before the change: it recorded the Dutch text the pull request started from.
    if before is None or recorded is None or recorded != source_hash(before):
        return None
    return dutch, found[1]


def _gathered(dutch: str, rel: str, translations: list[str], changes: Changes) -> Finding:
    return Finding(
        dutch,
        changes.first_line(dutch),
        f"this change makes {len(translations)} translation(s) outdated: "
        f"{', '.join(translations)}. Readers of them are told they may be out of date. "
        f"Update each and stamp it ('build.py stamp content/<language>/{rel}'); if the "
        f"change is a typo fix, run 'build.py stamp --minor {dutch}' instead.",
        WARNING,
        "translations",
    )


@dataclass
class Arranged:
    on_changed_lines: list[Finding]
    gathered: list[Finding]
    elsewhere: list[Finding]
    compared_with: str | None = None  # the ref the changed lines come from

    def all(self) -> list[Finding]:
        return self.on_changed_lines + self.gathered + self.elsewhere


def _by_level(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: LEVELS.index(f.level))


def arrange(findings: list[Finding], changes: Changes, root: Path, docs_dir: Path) -> Arranged:
    """The findings in the order a reviewer of the pull request needs them."""
    mine, elsewhere = [], []
    outdated_by: dict[tuple[str, str], list[str]] = {}
    for finding in findings:
        if changes.touches(finding):
            mine.append(finding)
        elif caused := _caused_by_change(finding, changes, root, docs_dir):
            outdated_by.setdefault(caused, []).append(finding.path)
        else:
            elsewhere.append(finding)
    gathered = [
        _gathered(dutch, rel, translations, changes)
        for (dutch, rel), translations in outdated_by.items()
    ]
    return Arranged(_by_level(mine), gathered, _by_level(elsewhere), changes.ref or None)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(findings: list[Finding]) -> list[str]:
    if not findings:
        return ["None."]
    rows = ["| level | where | check | message |", "|---|---|---|---|"]
    rows += [
        f"| {f.level} | `{_cell(f.path)}:{f.line}` | {f.check} | {_cell(f.message)} |"
        for f in findings
    ]
    return rows


def for_pull_request(
    findings: list[Finding], root: Path, docs_dir: Path, base: str | None
) -> Arranged:
    """The findings arranged against `base`; all 'elsewhere' when there is no base."""
    if not base:
        return Arranged([], [], _by_level(findings))
    return arrange(findings, find_changes(root, base), root, docs_dir)


def summary_markdown(arranged: Arranged, languages: int, base: str | None) -> str:
    """The job summary: counts, then every finding in the reviewer's order, notices included."""
    counts = count_levels(arranged.all())
    head = [
        "## Content checks",
        "",
        f"{counts[ERROR]} error(s), {counts[WARNING]} warning(s), {counts[NOTICE]} notice(s) "
        f"in {languages} languages. Errors fail the check; what each message means: "
        "CONTRIBUTING.md, 'What the messages mean'.",
        "",
    ]
    if not base:
        return "\n".join([*head, "### All findings", "", *_table(arranged.all()), ""])
    lines = [
        *head,
        f"### On the lines this pull request changed (compared with "
        f"{arranged.compared_with or base})",
        "",
        *_table(arranged.on_changed_lines),
        "",
        "### Translations this pull request makes outdated",
        "",
        *_table(arranged.gathered),
        "",
        "### On lines this pull request did not change",
        "",
        *_table(arranged.elsewhere),
        "",
    ]
    return "\n".join(lines)
