"""Typography per script: the stylesheet names scripts, languages.yml says who writes which.

theme/assets/wegwijs.css sets fonts and line height per writing system with
placeholder selectors such as `:lang(x-script-Arab)` (a private-use tag, so the
file stays valid CSS). Here each placeholder becomes the `:lang()` of every site
language written in that script, so Sorani (`ckb`, script Arab) gets the Naskh
setting of Arabic, Farsi and Pashto without anyone editing the stylesheet.
"""

from __future__ import annotations

import re

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_PLACEHOLDER = re.compile(r":lang\(x-script-([A-Z][a-z]{3})\)")


def _selectors(selector_list: str, by_script: dict[str, list[str]]) -> list[str]:
    """The rule's selectors with each placeholder replaced by one selector per language."""
    result = []
    for selector in selector_list.split(","):
        found = _PLACEHOLDER.search(selector)
        if not found:
            result.append(selector.strip())
            continue
        for code in by_script.get(found.group(1), []):
            result.append(_PLACEHOLDER.sub(f":lang({code})", selector.strip(), count=1))
    return result


def typeset_scripts(css: str, languages) -> str:
    """The stylesheet with script placeholders replaced by the site's language codes.

    A rule whose scripts no site language uses is left out.
    """
    by_script: dict[str, list[str]] = {}
    for language in languages:
        by_script.setdefault(language.script, []).append(language.code)

    def rewrite(rule: re.Match) -> str:
        if "x-script-" not in rule.group(1):
            return rule.group(0)
        selectors = _selectors(rule.group(1), by_script)
        return f"{','.join(selectors)}{{{rule.group(2)}}}" if selectors else ""

    return _RULE.sub(rewrite, css)
