"""Build settings: defaults, then command-line overrides, validated with fix-it messages."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from wegwijs_shared.languages import LANGUAGES_FILE, ROOT, Language, load_languages

BUDGET_BYTES = 14 * 1024  # first round trip of a new TCP connection (initcwnd 10 x MSS)


class SettingsError(ValueError):
    """A setting is wrong; the message says what to change."""


@dataclass(frozen=True)
class Settings:
    config_file: Path
    docs_dir: Path
    site_dir: Path
    languages: tuple[Language, ...]
    site_url: str
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    budget_bytes: int = BUDGET_BYTES

    @property
    def work_dir(self) -> Path:
        """Per-language build output before it is assembled into site_dir."""
        return self.site_dir.parent / f".{self.site_dir.name}-build"


def _site_url(config_file: Path) -> str:
    from sitegen.mkdocs_seams import read_config_file

    url = str(read_config_file(config_file).get("site_url") or "/")
    return url if url.endswith("/") else url + "/"


def load_settings(
    config_file: str | Path | None = None,
    docs_dir: str | Path | None = None,
    site_dir: str | Path | None = None,
    languages_file: str | Path | None = None,
    jobs: int | None = None,
    budget_bytes: int | None = None,
) -> Settings:
    """Merge defaults with overrides and check that the paths exist."""
    config = Path(config_file or ROOT / "mkdocs.yml").resolve()
    if not config.is_file():
        raise SettingsError(f"{config}: no such mkdocs configuration file.")
    docs = Path(docs_dir or config.parent / "content").resolve()
    if not (docs / "nl").is_dir():
        raise SettingsError(f"{docs}: expected a content folder with a 'nl' subfolder.")
    languages = load_languages(Path(languages_file or LANGUAGES_FILE).resolve())
    for language in languages:
        if not (docs / language.code).is_dir():
            raise SettingsError(
                f"languages.yml lists '{language.code}' but {docs / language.code} does not "
                f"exist: create the folder (at least an index.md) or remove the entry."
            )
    return Settings(
        config_file=config,
        site_url=_site_url(config),
        docs_dir=docs,
        site_dir=Path(site_dir or config.parent / "site").resolve(),
        languages=languages,
        jobs=max(1, jobs or os.cpu_count() or 1),
        budget_bytes=budget_bytes or BUDGET_BYTES,
    )
