"""What a rebuild does not do again: each cache is used while its inputs are unchanged,
and left as soon as one of them changes (pages checked, texts parsed, Pagefind run,
QR codes encoded are counted)."""

from __future__ import annotations

import json
from pathlib import Path

from sitegen import output_checks, qr_codes, search_index
from sitegen.output_checks import check_site
from sitegen.search_index import SEARCH_DIR, write_search_index
from wegwijs_shared.languages import parse_languages

BUDGET = 14336


def page(body: str, lang: str = "nl") -> str:
    return (
        f'<!doctype html><html lang="{lang}" dir="ltr"><head><title>t</title></head>'
        f"<body><article>{body}</article></body></html>\n"
    )


def counting(monkeypatch, module, name: str) -> list:
    calls: list = []
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_output_checks_are_reused_until_something_they_read_changes(tmp_path, monkeypatch):
    site, cache = tmp_path / "site", tmp_path / "cache" / "checks.json"
    (site / "a").mkdir(parents=True)
    (site / "b").mkdir()
    (site / "a" / "index.html").write_text(page('<a href="../b/#plan">plan</a>'), "utf-8")
    (site / "b" / "index.html").write_text(page('<h2 id="plan">Plan</h2>'), "utf-8")
    checked = counting(monkeypatch, output_checks, "_check_page")

    first = check_site(site, BUDGET, cache_file=cache)
    assert first[0] == [] and len(checked) == 2
    checked.clear()
    assert check_site(site, BUDGET, cache_file=cache) == first
    assert checked == [], "unchanged pages were checked again"

    # The page a link points into loses its id: both pages are checked again.
    (site / "b" / "index.html").write_text(page('<h2 id="anders">Plan</h2>'), "utf-8")
    problems, _ = check_site(site, BUDGET, cache_file=cache)
    assert sorted(call[2] for call in checked) == ["a/index.html", "b/index.html"]
    assert [problem.path for problem in problems] == ["a/index.html"]
    assert "no heading or element with id 'plan'" in problems[0].message

    # A file disappears: every page is checked again (any may have linked to it).
    (site / "b" / "index.html").unlink()
    checked.clear()
    problems, _ = check_site(site, BUDGET, cache_file=cache)
    assert [call[2] for call in checked] == ["a/index.html"]
    assert "leads nowhere" in problems[0].message

    # Another budget is another result.
    (site / "a" / "index.html").write_text(page("x" * 4000), "utf-8")
    check_site(site, BUDGET, cache_file=cache)
    problems, _ = check_site(site, 10, cache_file=cache)
    assert "first paint needs" in problems[0].message


def test_a_damaged_check_cache_only_costs_time(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "checks.json"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(page('<a href="../weg/">weg</a>'), "utf-8")
    cache.write_text("{not json", encoding="utf-8")
    problems, _ = check_site(site, BUDGET, cache_file=cache)
    assert "leads nowhere" in problems[0].message


LANGUAGES = parse_languages(
    [
        {"code": "nl", "name": "Nederlands", "english": "Dutch", "dir": "ltr"},
        {"code": "ar", "name": "العربية", "english": "Arabic", "dir": "rtl"},
    ]
)


def search_site(root: Path) -> Path:
    site = root / "site"
    for rel, lang, text in (
        ("mo", "nl", "Maatschappelijke oriëntatie in je eigen taal."),
        ("kosten", "nl", "De cursus is gratis."),
        ("ar/mo", "ar", "التوجيه الاجتماعي بلغتك."),
    ):
        (site / rel).mkdir(parents=True)
        body = f"<h1>{rel}</h1><p>{text}</p>"
        (site / rel / "index.html").write_text(page(body, lang), encoding="utf-8")
    return site


def index_files(site: Path) -> dict[str, bytes]:
    folder = site / SEARCH_DIR
    files = (path for path in folder.rglob("*") if path.is_file())
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in files}


def test_search_parses_changed_pages_only_and_reuses_an_unchanged_index(tmp_path, monkeypatch):
    site, cache = search_site(tmp_path), tmp_path / "cache"
    parsed = counting(monkeypatch, search_index, "page_text")
    indexed = counting(monkeypatch, search_index, "_write_index")

    write_search_index(site, LANGUAGES, cache)
    assert (len(parsed), len(indexed)) == (3, 1)
    first = index_files(site)

    parsed.clear()
    indexed.clear()
    write_search_index(site, LANGUAGES, cache)
    assert (parsed, indexed) == ([], []), "unchanged pages were parsed or indexed again"
    assert index_files(site) == first

    page_file = site / "kosten" / "index.html"
    page_file.write_text(page("<h1>kosten</h1><p>Het examen kost niets.</p>"), "utf-8")
    write_search_index(site, LANGUAGES, cache)
    assert (len(parsed), len(indexed)) == (1, 1)
    fragments = b"".join(data for name, data in index_files(site).items() if "fragment" in name)
    assert b"examen" in fragments and b"gratis" not in fragments


def test_qr_codes_are_encoded_once_per_address(tmp_path, monkeypatch):
    made = counting(monkeypatch, qr_codes, "_encoded")  # the in-process memo is inside
    qr_codes._inline_text.cache_clear()
    qr_codes.keep_in(tmp_path / "qr", "ar")
    try:
        url = "https://wegwijs.example/ar/mo/?c=folder"
        first = qr_codes.qr_inline_svg(url)
        assert qr_codes.qr_inline_svg(url) == first
        assert qr_codes.qr_svg(url, "MO") == qr_codes.qr_svg(url, "MO")
        # The download is drawn from the inline code's path, under any title.
        assert qr_codes.qr_svg(url, "Another title") != qr_codes.qr_svg(url, "MO")
        assert len(made) == 1
        qr_codes.save()  # the end of the build
        # The next build of the language (a new process: a new store, no memo) encodes
        # nothing, and keeps only what it used: one file for the language, not one per code.
        qr_codes.keep_in(None)
        qr_codes._inline_text.cache_clear()
        qr_codes.keep_in(tmp_path / "qr", "ar")
        assert qr_codes.qr_inline_svg(url) == first
        assert qr_codes.qr_svg(url, "MO") != qr_codes.qr_svg(url, "Another title")
        assert len(made) == 1
        qr_codes.save()
        assert sorted(path.name for path in (tmp_path / "qr").iterdir()) == ["ar.json"]
        assert len(json.loads((tmp_path / "qr" / "ar.json").read_text("utf-8"))) == 3
    finally:
        qr_codes.keep_in(None)
    # Without a folder nothing is kept: the code is made again, the same.
    qr_codes._inline_text.cache_clear()
    assert qr_codes.qr_inline_svg(url) == first
    assert len(made) == 2


def test_a_partial_build_leaves_the_served_build_as_it_was(fixture_copy, tmp_path):
    """serve --watch builds one language aside, linking the others from the served build:
    no phase may write through those links into the build readers still see."""
    import hashlib

    import build
    from sitegen.build_record import RECORD
    from tests.site.conftest import build_site

    config, content = fixture_copy / "mkdocs.yml", fixture_copy / "content"
    languages = fixture_copy / "languages.yml"
    served, aside, cache = tmp_path / "served", tmp_path / "aside", tmp_path / "cache"
    assert build_site(config, content, served, languages, "--jobs", "1") == 0

    def snapshot(folder: Path) -> dict[str, str]:
        return {
            path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in folder.rglob("*")
            if path.is_file()
        }

    before = snapshot(served)
    page = content / "en" / "mo.md"
    page.write_text(page.read_text("utf-8") + "\nA line added in the preview.\n", "utf-8")
    args = build.parser().parse_args(
        ["build", "--preview", "--config", str(config), "--content", str(content)]
        + ["--languages", str(languages), "--site-dir", str(aside), "--jobs", "1"]
    )
    args.only, args.previous, args.cache_dir = {"en"}, served, cache
    assert build.run(args) == 0
    assert snapshot(served) == before
    # The aside build's record of its own finish is a file of its own (within the same
    # second, one written through the served build's would not show in the snapshot).
    assert not (aside / RECORD).samefile(served / RECORD)
    assert "A line added in the preview." in (aside / "en/mo/index.html").read_text("utf-8")
    # The kept languages' pages are the served build's own files, not copies.
    assert (aside / "ar/mo/index.html").samefile(served / "ar/mo/index.html")
