"""mkdocs hook: the skip link leads to the start of the page's content, not past it.

Material's skip link leads to the page's first heading. Above that heading stand the
notices that belong to the page: it may be out of date, no native speaker reviewed
it, it is shown in Dutch; and Listen. A reader who skips the header and the language
list should land before them, not miss them. theme/main.html marks that start
(#wg-start) on every page; here Material's link is pointed at it.
"""

from __future__ import annotations

import re

SKIP_TARGET = "wg-start"
_MATERIAL_SKIP = re.compile(
    r'(<div data-md-component="skip">\s*<a href=")[^"]*(" class="md-skip">)'
)


def on_post_page(output: str, page, config) -> str:
    return _MATERIAL_SKIP.sub(rf"\g<1>#{SKIP_TARGET}\g<2>", output, count=1)
