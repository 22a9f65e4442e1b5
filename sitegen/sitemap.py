"""sitemap.xml with hreflang alternates, listing only real translations (never fallbacks)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from xml.sax.saxutils import quoteattr

from sitegen.freshness import is_offered
from sitegen.shared_files import write_new_text
from wegwijs_shared.languages import Language

# Pages a reader reaches only after sending feedback; not for search engines.
UNLISTED = ("feedback/",)


def page_path(src: PurePosixPath) -> str:
    """Site path of a Markdown page with directory URLs: mo.md -> mo/, index.md -> ''."""
    stem = src.with_suffix("")
    if stem.name in ("index", "README"):
        return "" if str(stem.parent) == "." else f"{stem.parent.as_posix()}/"
    return f"{stem.as_posix()}/"


def translations(docs_dir: Path, languages: tuple[Language, ...]) -> dict[str, list[Language]]:
    """Every Dutch page's site path, mapped to the languages that really have it."""
    source = docs_dir / languages[0].code
    result: dict[str, list[Language]] = {}
    for md in sorted(source.rglob("*.md")):
        rel = PurePosixPath(md.relative_to(source).as_posix())
        result[page_path(rel)] = [
            lang for lang in languages if is_offered(docs_dir, lang.code, rel)
        ]
    return result


def render_sitemap(site_url: str, pages: dict[str, list[Language]]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for path, langs in pages.items():
        if path.startswith(UNLISTED):
            continue
        alternates = [(lang.code, f"{site_url}{lang.prefix}{path}") for lang in langs]
        alternates.append(("x-default", f"{site_url}{path}"))
        for _, url in alternates[:-1]:
            lines.append(f"  <url><loc>{url}</loc>")
            lines += [
                f"    <xhtml:link rel={quoteattr('alternate')} hreflang={quoteattr(code)} "
                f"href={quoteattr(href)}/>"
                for code, href in alternates
            ]
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(site_dir: Path, docs_dir: Path, languages, site_url: str) -> int:
    pages = translations(docs_dir, languages)
    write_new_text(site_dir / "sitemap.xml", render_sitemap(site_url, pages))
    robots = (
        f"User-agent: *\nDisallow: /api/\nDisallow: /_staff/\nDisallow: /_editors/\n"
        f"Sitemap: {site_url}sitemap.xml\n"
    )
    write_new_text(site_dir / "robots.txt", robots)
    return sum(len(langs) for path, langs in pages.items() if not path.startswith(UNLISTED))
