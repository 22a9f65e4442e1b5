"""Test hook: records what hooks/translation_status.py hands the theme, page by page.

Registered before the real hooks in the test project's mkdocs.yml; runs last
(priority -400) and appends one JSON line per page to the file named in
`extra.record_outdated`, so tests check the interface without the theme.
"""

from __future__ import annotations

import json

from mkdocs.plugins import event_priority

from sitegen.mkdocs_seams import current_language


@event_priority(-400)
def on_page_context(context, page, config, nav):
    record = {
        "lang": current_language(config),
        "page": page.file.src_uri,
        "outdated": context["wegwijs"].get("outdated", "absent"),
    }
    with open(config.extra["record_outdated"], "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    return context
