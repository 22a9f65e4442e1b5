"""mkdocs hook: in the rebuilds of `build.py serve --watch` only, pages reload themselves.

sitegen/watch.py sets WEGWIJS_LIVE_RELOAD=1 for its rebuilds; every other
build (CI, `build.py build`, `make serve`) leaves pages without this script.
The watcher writes a new BUILD_ID file once a whole build is ready, just before
it swaps the build in; a small deferred script asks for it four times a second and
reloads the page when it changes.
"""

from __future__ import annotations

import os
from pathlib import Path

from wegwijs_shared.languages import SOURCE_LANGUAGE

ENVIRONMENT = "WEGWIJS_LIVE_RELOAD"
BUILD_ID = "_editors/build-id.txt"
SCRIPT_FILE = "_editors/live-reload.js"
# A file, not inline: the server's Content-Security-Policy allows scripts from 'self' only.
SCRIPT_TAG = f'<script src="/{SCRIPT_FILE}" defer></script>'
SCRIPT = (
    "(function(){var seen;setInterval(function(){"
    f'fetch("/{BUILD_ID}",{{cache:"no-store"}}).then(function(r){{return r.ok?r.text():seen}})'
    ".then(function(id){if(seen&&id&&id!==seen)location.reload();seen=id||seen})"
    ".catch(function(){})},250)})();\n"
)


def on_config(config):
    config.extra["live_reload"] = os.environ.get(ENVIRONMENT) == "1"
    return config


def on_post_page(output, page, config):
    if not config.extra.get("live_reload"):
        return output
    return output.replace("</body>", SCRIPT_TAG + "</body>", 1)


def on_post_build(config):
    wegwijs = config.extra["wegwijs"]
    if config.extra.get("live_reload") and wegwijs["target"] == SOURCE_LANGUAGE:
        folder = Path(config.site_dir)
        (folder / SCRIPT_FILE).parent.mkdir(parents=True, exist_ok=True)
        (folder / SCRIPT_FILE).write_text(SCRIPT, encoding="utf-8")
