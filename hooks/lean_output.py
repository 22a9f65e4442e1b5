"""mkdocs hooks: keep the output small and each language's build linear and cheap.

- Only our own theme files are static files of the site. Material's CSS/JS
  bundle, fonts and images are not used (theme/main.html replaces the blocks
  that load them), and listing Material's templates folder, with its thousands
  of icons, cost more than rendering the pages, twice per language.
- build.py builds one language per process, and in a translation's process
  mkdocs-static-i18n runs that language's pass only, not the Dutch one first
  (sitegen.mkdocs_seams.only_the_target_pass).
- Templates are compiled once per build, not once per pass and process.
- The indentation between tags that the templates leave (about a tenth of a page's
  bytes) is taken out: a line break stays where there was one, so the page reads and
  renders the same (sitegen.lean_html).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from sitegen import lean_html
from sitegen.mkdocs_seams import list_only_own_static_files

# Inlined into every page by theme/main.html, so not copied as a file.
INLINED_CSS = "assets/wegwijs.css"


@event_priority(-200)
def on_config(config):
    list_only_own_static_files(config.theme)
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen the pass's files
def on_files(files: Files, config) -> Files:
    # Remove in place: the plugin's Files subclass resolves links with fallback.
    for file in [file for file in files if file.src_uri == INLINED_CSS]:
        files.remove(file)
    return files


def on_env(env, config, files):
    """Share compiled templates between passes and processes through a bytecode cache."""
    cache_dir = config.extra["wegwijs"].get("template_cache")
    if cache_dir:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(cache_dir)
    return env


@event_priority(-900)  # after every hook that writes into the page, before its facts are read
def on_post_page(output: str, page, config) -> str:
    return lean_html.without_indentation(output)


@event_priority(-900)
def on_post_template(output_content: str, template_name: str, config) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml: replaced by sitegen.sitemap
    return lean_html.without_indentation(output_content)
