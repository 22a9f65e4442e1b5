"""Links: every internal link and #anchor resolves in the page's own language.

A link to a page that a language lacks is not an error: readers get the Dutch
page (fallback). It is reported as a notice, so translators see what is left.
"""

from __future__ import annotations

import difflib
import ipaddress
import posixpath
from urllib.parse import unquote, urlsplit

from sitegen.checks.anchors import anchors
from sitegen.checks.findings import ERROR, NOTICE, WARNING, Finding
from sitegen.checks.source import ContentSite, SourcePage
from sitegen.urls import is_remote, is_site_file
from wegwijs_shared.languages import SOURCE_LANGUAGE


def _finding(page: SourcePage, line: int, message: str, level: str = ERROR) -> Finding:
    return Finding(page.display, line, message, level, "links")


def _target(page: SourcePage, path: str) -> str:
    """A link's path relative to the language folder: '../mo.md' from feedback/x.md -> mo.md."""
    return posixpath.normpath(posixpath.join(str(page.rel.parent), unquote(path)))


def _anchor_finding(page, line, url, fragment, have, where) -> Finding | None:
    if have is None or unquote(fragment) in have:
        return None
    return _finding(
        page,
        line,
        f"link to {url}: {where} has no heading with the anchor '#{fragment}'. "
        f"Anchors are made from the heading text; existing ones: "
        f"{', '.join('#' + a for a in sorted(have)) or 'none'}.",
    )


def _on_this_computer(url: str) -> bool:
    """An address of the preview on the editor's own computer (127.0.0.1:8000, localhost)."""
    if not is_remote(url):
        return False
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:  # a port that is no number
        return False
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _page_file(page: SourcePage, url: str, site: ContentSite) -> tuple[str | None, str | None]:
    """(the page file a preview address shows, relative to this page, with the address's
    #anchor: '/ar/intake/#x' -> 'intake.md#x'; the language the address shows when it is
    another than the page's, by its English name)."""
    parts = urlsplit(url.strip())
    segments = [s for s in unquote(parts.path).split("/") if s]
    languages = {other.language.code: other.language for other in site.pages}
    shown = SOURCE_LANGUAGE  # the Dutch pages are at the top of the site
    if segments and segments[0] in languages:
        shown, segments = segments[0], segments[1:]
    other = None
    if shown != page.language.code and shown in languages:
        other = languages[shown].english
    name = "/".join(segments).removesuffix(".html").removesuffix("/index")
    candidates = [f"{name}.md", f"{name}/index.md"] if name else ["index.md"]
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    for candidate in candidates:
        for code in (page.language.code, SOURCE_LANGUAGE):
            if (site.docs_dir / code / candidate).is_file():
                return posixpath.relpath(candidate, str(page.rel.parent)) + fragment, other
    return None, other


def _preview_link(page: SourcePage, url: str, line: int, site: ContentSite) -> Finding:
    target, other = _page_file(page, url, site)
    instead = (
        f"link to the page file instead, e.g. {target}"
        if target
        else "link to the page's .md file instead, relative to this page (for example 'mo.md')"
    )
    if other:
        # A link in a page leads to a page of its own language: '../ar/mo.md' goes up out
        # of the language folder, which the link check refuses.
        own = (
            "the Dutch page"
            if page.language.code == SOURCE_LANGUAGE
            else f"the {page.language.english} page, or the Dutch one while it is not translated"
        )
        instead += (
            f" (the address is of the {other} page; a link here cannot lead to another "
            f"language's page: readers get {own})"
        )
    return _finding(
        page,
        line,
        f"link to {url}: this link points to the preview on your own computer, which readers "
        f"cannot open; {instead}.",
    )


def _check_link(page: SourcePage, url: str, line: int, site: ContentSite):
    if not is_site_file(url):
        return None
    parts = urlsplit(url)
    docs_dir = site.docs_dir
    code, source = page.language.code, SOURCE_LANGUAGE
    if not parts.path:  # '#anchor' on the same page
        have = site.anchors_of(code, page.rel.as_posix())
        return _anchor_finding(page, line, url, parts.fragment, have, "this page")
    if parts.path.startswith("/"):
        return _finding(
            page,
            line,
            f"link to {url} starts with '/': link to the Markdown file relative to this page "
            "(for example 'mo.md'), so that it works in every language.",
            WARNING,
        )
    target = _target(page, parts.path)
    if (docs_dir / code / target).is_file():
        if target.endswith(".md") and parts.fragment:
            have = site.anchors_of(code, target)
            return _anchor_finding(page, line, url, parts.fragment, have, target)
        return None
    if (docs_dir / source / target).is_file():
        if code == source:
            return None
        if target.endswith(".md") and parts.fragment:
            # Readers get the Dutch page, so the anchor must be one of its headings.
            have = site.anchors_of(source, target)
            missing = _anchor_finding(page, line, url, parts.fragment, have, f"{source}/{target}")
            if missing:
                return missing
        return _finding(
            page,
            line,
            f"link to {url}: there is no {page.language.english} page {code}/{target} yet, "
            f"so readers get the Dutch page (fallback). Nothing to fix now; translate "
            f"{target} when you can.",
            NOTICE,
        )
    if not target.endswith(".md") and (docs_dir / code / target / "index.md").is_file():
        return _finding(
            page,
            line,
            f"link to {url}: link to the Markdown file ({target.rstrip('/')}/index.md), not "
            "to the web address, so that the build can check it.",
            WARNING,
        )
    if not target.endswith(".md") and (docs_dir / code / f"{target.rstrip('/')}.md").is_file():
        return _finding(
            page,
            line,
            f"link to {url}: link to the Markdown file ({target.rstrip('/')}.md), not to the "
            "web address, so that the build can check it.",
            WARNING,
        )
    return _nowhere(page, line, url, target, site)


def _suggestion(page: SourcePage, target: str, site: ContentSite) -> str:
    """' Did you mean kosten.md?' for a page of the language (or Dutch) with a close name."""
    if not target.endswith(".md"):
        return ""
    codes = (page.language.code, SOURCE_LANGUAGE)
    pages = sorted({p.rel.as_posix() for p in site.pages if p.language.code in codes})
    wanted = target
    while wanted.startswith("../"):
        wanted = wanted[3:]
    close = difflib.get_close_matches(wanted, pages, n=1, cutoff=0.75)
    if not close:
        return ""
    return f" Did you mean {posixpath.relpath(close[0], str(page.rel.parent))}?"


def _nowhere(page: SourcePage, line: int, url: str, target: str, site: ContentSite) -> Finding:
    code = page.language.code
    if target.startswith("../"):
        missing = f"it goes up out of the {code}/ folder ('../'), where there are no pages"
    elif code == SOURCE_LANGUAGE:
        missing = f"there is no {code}/{target}"
    else:
        missing = f"there is no {code}/{target} (and no Dutch {SOURCE_LANGUAGE}/{target})"
    return _finding(
        page,
        line,
        f"link to {url} leads nowhere: {missing}.{_suggestion(page, target, site)} Check the "
        "file name; links point to the .md file, relative to this page.",
    )


def check_links(page: SourcePage, site: ContentSite) -> list[Finding]:
    """Every link of the page resolves; every heading has an anchor that says something.

    The one place links written in content are checked: mkdocs' own link validation is
    switched off (sitegen.mkdocs_seams), and the output check skips these links.
    """
    findings = []
    for ref in page.references:
        if ref.kind != "link" or not ref.url:
            continue
        if _on_this_computer(ref.url):
            found = _preview_link(page, ref.url, ref.line, site)
        else:
            found = _check_link(page, ref.url, ref.line, site)
        if found:
            findings.append(found)
    for heading, anchor, meaningful in anchors(page.headings, site.slugify):
        if not meaningful:
            findings.append(
                _finding(
                    page,
                    heading.line,
                    f"the heading '{heading.text}' gets the anchor '#{anchor}', which says "
                    "nothing to readers who share a link: give it one with "
                    "'{#a-short-name}' at the end of the heading line.",
                    WARNING,
                )
            )
    return findings
