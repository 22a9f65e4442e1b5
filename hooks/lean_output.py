"""mkdocs hooks: keep the output small and each language's build linear.

Material's CSS/JS bundle, its fonts and images are not used by our templates
(theme/main.html replaces those blocks), so they are not copied to site/.
build.py builds one language per process; mkdocs-static-i18n always builds the
default language first, so in a process for another language that first pass
renders no pages.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import material
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

# Inlined into every page by theme/main.html, so not copied as a file.
INLINED_CSS = "assets/wegwijs.css"
_MATERIAL_DIR = Path(material.__file__).resolve().parent


def _is_material_static(file) -> bool:
    return Path(file.abs_src_path).resolve().is_relative_to(_MATERIAL_DIR)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen the pass's files
def on_files(files: Files, config) -> Files:
    target = config.extra["wegwijs"]["target"]
    current = config.plugins["i18n"].current_language
    skip_pages = target is not None and current != target
    # Remove in place: the plugin's Files subclass resolves links with fallback.
    for file in list(files):
        if (
            (file.abs_src_path and _is_material_static(file))
            or file.src_uri == INLINED_CSS
            or (skip_pages and file.is_documentation_page())
        ):
            files.remove(file)
    return files


def on_env(env, config, files):
    """Compile each template once per build, not once per language pass and process.

    mkdocs makes a fresh Jinja environment for every pass; without a shared
    bytecode cache, compiling Material's base.html and partials costs more than
    rendering the pages.
    """
    cache_dir = config.extra["wegwijs"].get("template_cache")
    if cache_dir:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(cache_dir)
    return env
