"""Safety: content runs no script and loads nothing from other hosts."""

from __future__ import annotations

from sitegen.checks.findings import ERROR, Finding
from sitegen.checks.source import ContentSite, SourcePage
from sitegen.urls import is_javascript_url, is_remote

FORBIDDEN_TAGS = {
    "script": "a <script> element",
    "iframe": "an <iframe>",
    "frame": "a <frame>",
    "object": "an <object>",
    "embed": "an <embed>",
}
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data")


def _finding(page: SourcePage, line: int, message: str) -> Finding:
    return Finding(page.display, line, message, ERROR, "safety")


def _tag_findings(page: SourcePage, tags) -> list[Finding]:
    findings = []
    for tag in tags:
        if tag.name in FORBIDDEN_TAGS:
            findings.append(
                _finding(
                    page,
                    tag.line,
                    f"{FORBIDDEN_TAGS[tag.name]} in a content page: pages run no scripts and "
                    "embed nothing from other sites. Remove it; link to the other site "
                    "instead.",
                )
            )
        for name, value in tag.attrs.items():
            if name.startswith("on"):
                findings.append(
                    _finding(
                        page,
                        tag.line,
                        f'the attribute {name}="..." on <{tag.name}> runs a script: content '
                        "pages run no scripts. Remove the attribute.",
                    )
                )
            elif name in _URL_ATTRIBUTES and is_javascript_url(value):
                findings.append(
                    _finding(
                        page,
                        tag.line,
                        f"a 'javascript:' address in <{tag.name} {name}> runs a script: use a "
                        "link to a page or a file instead.",
                    )
                )
    return findings


def check_safety(page: SourcePage, site: ContentSite) -> list[Finding]:
    findings = _tag_findings(page, page.tags)
    for ref in page.references:
        if ref.kind == "link" and ref.markdown and is_javascript_url(ref.url):
            findings.append(
                _finding(
                    page,
                    ref.line,
                    f"the link [{ref.text}]({ref.url}) runs a script ('javascript:'): link to "
                    "a page or a file instead.",
                )
            )
        elif ref.kind == "image" and is_remote(ref.url):
            findings.append(
                _finding(
                    page,
                    ref.line,
                    f"the image {ref.url} is on another site: pages load nothing from other "
                    "hosts. Save the image next to the page (for example "
                    "content/nl/images/) and link to that file.",
                )
            )
    return findings
