"""The build's page list (site/pages.json): every page a reader can answer about, spelled
as the page's own form sends it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitegen.page_list import site_pages, write_page_list
from wegwijs_shared.pages import PAGE_LIST_NAME, PageListError, load_page_list

FORM_PAGE = re.compile(r'<input type="hidden" name="page" value="([^"]*)">')


def form_pages(site: Path) -> set[str]:
    """The page field of every feedback form in the built site."""
    found = set()
    for page in site.rglob("*.html"):
        found.update(FORM_PAGE.findall(page.read_text(encoding="utf-8")))
    return found


def test_fixture_site_lists_its_pages_fallbacks_included(fixture_site: Path) -> None:
    listed = json.loads((fixture_site / PAGE_LIST_NAME).read_text(encoding="utf-8"))
    assert listed == sorted(
        f"/{prefix}{page}"
        for prefix in ("", "en/", "ar/", "ps/")
        # kosten/ is Dutch only: the others are fallbacks. Every language also has its
        # offline page and its topic index.
        for page in ("", "mo/", "kosten/", "offline/", "a-z/")
    )
    # Neither the staff's page nor the 404 pages nor a file name.
    assert not [path for path in listed if "_staff" in path or "404" in path]


def test_every_form_names_a_listed_page(fixture_site: Path) -> None:
    pages = load_page_list(fixture_site / PAGE_LIST_NAME)
    sent = form_pages(fixture_site)
    assert sent and sent <= pages


@pytest.mark.slow
def test_real_site_lists_every_form_page_and_the_feedback_pages(real_site: Path) -> None:
    pages = load_page_list(real_site / PAGE_LIST_NAME)
    assert form_pages(real_site) <= pages
    for language in ("", "ar/", "ps/"):
        assert {f"/{language}feedback/thanks/", f"/{language}feedback/error/"} <= pages


def test_names_outside_ascii_are_percent_encoded_like_page_urls(tmp_path: Path) -> None:
    for folder in ("", "ru/новости", "_editors/translations", "assets"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        if folder != "assets":
            (tmp_path / folder / "index.html").write_text("<p>x</p>", encoding="utf-8")
    assert write_page_list(tmp_path) == 2
    assert load_page_list(tmp_path / PAGE_LIST_NAME) == {
        "/",
        "/ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/",
    }
    assert site_pages(tmp_path) == ["/", "/ru/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/"]


@pytest.mark.parametrize("text", ["", "{}", '["mo/"]', "[1]", "not json"])
def test_a_broken_list_is_refused_with_a_fix(tmp_path: Path, text: str) -> None:
    path = tmp_path / PAGE_LIST_NAME
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PageListError, match="pages.json"):
        load_page_list(path)
