"""Shared by the benchmarks: synthetic content, and the configuration a new user would write.

The "default" configuration is what mkdocs-material and mkdocs-static-i18n's
documentation lead a new user to: theme material, the search plugin, the i18n
plugin in folder mode with every language listed.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # benchmarks run as scripts from any folder
    sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
# Languages Material has UI strings for, so both configurations can build them.
CODES = ["nl", "en", "ar", "fr", "ru", "fa", "tr", "es", "pl", "ro", "uk", "de", "it", "pt",
         "bg", "el", "hi", "ur", "zh", "ja"]  # fmt: skip
RTL = {"ar", "fa", "ur"}
WORDS = (
    "je traject cursus taal werk attest kosten hulp brief begeleider test les online "
    "klas uur week vraag antwoord kantoor stad internet telefoon computer"
).split()


def write_page(path: Path, title: str, rng: random.Random, links: list[str]) -> None:
    paragraphs = []
    for _ in range(6):
        sentence_count = rng.randint(3, 6)
        sentences = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 11))).capitalize() + "."
            for _ in range(sentence_count)
        ]
        paragraphs.append(" ".join(sentences))
    body = "\n\n".join(paragraphs)
    link_list = "\n".join(f"- [{target[:-3]}]({target})" for target in links)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"---\ntitle: {title}\ndescription: Synthetic page {title}.\n---\n\n# {title}\n\n"
        f"{body}\n\n## Links\n\n{link_list}\n",
        encoding="utf-8",
    )


def make_content(root: Path, languages: int, pages: int, translated: float = 0.75) -> Path:
    """content/<code>/pageNN.md: Dutch complete, others with `translated` of the pages."""
    content = root / "content"
    rng = random.Random(languages * 1000 + pages)
    names = ["index.md"] + [f"page{n:02d}.md" for n in range(1, pages)]
    for code in CODES[:languages]:
        for index, name in enumerate(names):
            if code != "nl" and index and index > pages * translated:
                continue
            links = [names[(index + step) % pages] for step in (1, 2, 5)]
            write_page(content / code / name, f"{code} {name[:-3]}", rng, links)
    return content


def write_languages_file(root: Path, languages: int) -> Path:
    entries = [
        {"code": c, "name": c.upper(), "english": c, "dir": "rtl" if c in RTL else "ltr"}
        for c in CODES[:languages]
    ]
    path = root / "languages.yml"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return path


def write_our_config(root: Path, languages: int, pages: int | None) -> Path:
    """Our mkdocs.yml, with a theme copy that has UI strings for the synthetic languages."""
    theme = root / "theme"
    shutil.copytree(ROOT / "theme", theme, dirs_exist_ok=True)
    strings = theme / "partials" / "wegwijs" / "strings"
    for code in CODES[:languages]:
        if not (strings / f"{code}.html").exists():
            shutil.copy(strings / "en.html", strings / f"{code}.html")
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        hooks = yaml_load(handle)["hooks"]
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "theme": {"custom_dir": str(theme)},
        # INHERIT resolves paths against this file: the same hooks, made absolute.
        "hooks": [str(ROOT / hook) for hook in hooks],
    }
    if pages is not None:
        config["nav"] = ["index.md"] + [f"page{n:02d}.md" for n in range(1, pages)]
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def write_default_config(root: Path, content: Path, codes: list[str]) -> Path:
    config = {
        "site_name": "Wegwijs",
        "site_url": "http://127.0.0.1:8000/",
        "docs_dir": str(content),
        "theme": {"name": "material"},
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "folder",
                    "languages": [
                        {"locale": c, "name": c.upper(), "default": c == "nl", "build": True}
                        for c in codes
                    ],
                }
            },
        ],
    }
    path = root / "mkdocs-default.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run a command; return its wall time and what it printed."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started, result.stdout


def build_default(config: Path, site_dir: Path) -> float:
    return timed([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)])[0]


# Synthetic languages have 40 pages of about 4 KB: more than a reader's offline pack
# holds (150 KB, sitegen/offline_packs.py). The bench measures time, not that budget.
PACK_BUDGET = 10 * 1024 * 1024


def build_ours(
    config: Path, content: Path, languages: Path | None, site_dir: Path, public: str = ""
) -> tuple[float, dict[str, float]]:
    """Wall time of `build.py build`, and the seconds of each phase it printed.

    public: a public address, for a build to publish (compressed as published); else a preview.
    """
    command = [
        PYTHON,
        "build.py",
        "build",
        *([] if public else ["--preview"]),
        "--config",
        str(config),
        "--content",
        str(content),
        "--site-dir",
        str(site_dir),
        "--pack-budget",
        str(PACK_BUDGET),
    ]
    if languages is not None:
        command += ["--languages", str(languages)]
    env = {**os.environ, "WEGWIJS_SITE_URL": public} if public else None
    seconds, printed = timed(command, env)
    phases = {}
    for line in printed.splitlines():
        name, _, rest = line.partition(" ")
        phases[name] = float(rest.split()[0].rstrip("s"))
    return seconds, phases
