"""Any BCP 47 tag builds: Sorani (`ckb`, right-to-left), Dari (`prs`) and `pt-BR`.

mkdocs-static-i18n refuses `ckb` and `prs` on its own; the exact tag must still be
in the URL, `lang`, hreflang, the sitemap and the feedback form, and the plugin's
stand-in name must never show.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import material
import pytest

from tests.site.conftest import FIXTURE, ROOT, build_site

MORE = Path(__file__).resolve().parent / "more_languages"
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
SITE_URL = "http://127.0.0.1:8000/"
# Material has no partial for these: ours start from Material's closest one.
MATERIAL_BASE = {"ckb": "ku-IQ", "prs": "fa"}


def make_theme(target: Path) -> Path:
    """The real theme plus the UI-string partials a new language needs."""
    shutil.copytree(ROOT / "theme", target)
    strings = target / "partials" / "wegwijs" / "strings"
    for code in ("ckb", "prs", "pt-BR"):
        shutil.copy(strings / "en.html", strings / f"{code}.html")
    for code, base in MATERIAL_BASE.items():
        text = (MATERIAL_LANGUAGES / f"{base}.html").read_text(encoding="utf-8")
        text = re.sub(r'"language": "[^"]*"', f'"language": "{code}"', text, count=1)
        (target / "partials" / "languages" / f"{code}.html").write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("more")
    project = root / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(MORE / "content", project / "content", dirs_exist_ok=True)
    languages = project / "languages.yml"
    extra = (MORE / "languages.yml").read_text(encoding="utf-8")
    languages.write_text(languages.read_text(encoding="utf-8") + extra, encoding="utf-8")
    theme = make_theme(root / "theme")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../theme", theme.as_posix())
    config.write_text(text.replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    site_dir = root / "site"
    assert build_site(config, project / "content", site_dir, languages) == 0
    return site_dir


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("rel", "code", "direction"),
    [
        ("ckb/index.html", "ckb", "rtl"),
        ("ckb/mo/index.html", "ckb", "rtl"),
        ("ckb/kosten/index.html", "ckb", "rtl"),
        ("ckb/404.html", "ckb", "rtl"),
        ("prs/index.html", "prs", "rtl"),
        ("pt-BR/index.html", "pt-BR", "ltr"),  # Material's own pt-BR partial says "pt"
    ],
)
def test_pages_carry_the_exact_tag_and_direction(site, rel, code, direction):
    text = read(site, rel)
    assert re.search(r"<html[^>]*>", text).group(0) == f'<html lang="{code}" dir="{direction}">'
    assert f'<body dir="{direction}">' in text


def test_hreflang_and_switcher_use_the_exact_tags(site):
    text = read(site, "ckb/index.html")
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text))
    assert alternates == {
        "nl": SITE_URL, "en": SITE_URL + "en/", "ar": SITE_URL + "ar/", "ps": SITE_URL + "ps/",
        "ckb": SITE_URL + "ckb/", "prs": SITE_URL + "prs/", "pt-BR": SITE_URL + "pt-BR/",
        "x-default": SITE_URL,
    }  # fmt: skip
    assert '<a href="../prs/" lang="prs" dir="rtl" hreflang="prs">دری</a>' in text
    assert f'<link rel="canonical" href="{SITE_URL}ckb/">' in text


def test_feedback_form_sends_the_exact_tag(site):
    assert '<input type="hidden" name="lang" value="ckb">' in read(site, "ckb/mo/index.html")
    assert '<input type="hidden" name="lang" value="pt-BR">' in read(site, "pt-BR/index.html")


def test_fallback_in_a_new_language_is_dutch_and_says_so(site):
    text = read(site, "prs/mo/index.html")
    assert '<div lang="nl" dir="ltr" data-wg-fallback>' in text
    assert f'<link rel="canonical" href="{SITE_URL}mo/">' in text
    assert 'hreflang="' not in text.split("</head>")[0]


def test_sitemap_lists_the_exact_tags(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(read(site, "sitemap.xml"))
    locs = {url.find("s:loc", ns).text: url for url in root.findall("s:url", ns)}
    assert {SITE_URL + "ckb/", SITE_URL + "ckb/mo/", SITE_URL + "prs/"} <= set(locs)
    assert SITE_URL + "pt-BR/" in locs and SITE_URL + "prs/mo/" not in locs
    hreflangs = {link.get("hreflang") for link in locs[SITE_URL + "mo/"].findall("x:link", ns)}
    assert hreflangs == {"nl", "en", "ar", "ckb", "x-default"}


def test_the_plugins_stand_in_name_never_shows(site):
    for page in site.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".xml", ".txt"):
            text = page.read_text(encoding="utf-8")
            assert not re.search(r"\bqz\b", text), page
    assert not (site / "qz").exists()


def _typography(browser, page: Path, selector: str) -> tuple[str, str]:
    tab = browser.new_page()
    try:
        tab.goto(page.as_uri())
        style = tab.eval_on_selector(
            selector, "e => [getComputedStyle(e).fontFamily, getComputedStyle(e).lineHeight]"
        )
    finally:
        tab.close()
    return style[0].split(",")[0], style[1]


@pytest.mark.browser
def test_sorani_and_dari_are_set_like_arabic_from_their_script(site, browser):
    """Fonts follow languages.yml's script (Arab by default for ckb and prs), no language list."""
    arabic = _typography(browser, site / "ar" / "mo" / "index.html", "main p")
    assert arabic[0] == '"Noto Naskh Arabic"'
    assert _typography(browser, site / "ckb" / "mo" / "index.html", "main p") == arabic
    assert _typography(browser, site / "prs" / "index.html", "main p") == arabic
    latin = _typography(browser, site / "pt-BR" / "index.html", "main p")
    assert latin[0] == "system-ui" and latin != arabic
    # The Dutch text of a fallback page inside a Dari page is set as Latin.
    fallback = _typography(browser, site / "prs" / "mo" / "index.html", "[data-wg-fallback] p")
    assert fallback == latin
