"""The output check: what the theme and hooks add is checked; links from content are not again."""

from __future__ import annotations

from sitegen.output_checks import check_site

PAGE = (
    '<!doctype html><html lang="nl" dir="ltr"><head><style>p{}</style></head><body>\n'
    '<nav><a href="../weg/">Weg</a> <a href="#wg-menu">Menu</a></nav>\n'
    '<article><p id="tekst"><a href="../oud/">oud</a> <a href="./#tekst">hier</a></p>\n'
    '<a href="/api/feedback">api</a> <a href="mailto:a@b.be">mail</a></article>\n'
    '<footer id="wg-menu"><a href="../mo/#nergens">MO</a></footer></body></html>\n'
)


def make_site(tmp_path):
    site = tmp_path / "site"
    (site / "mo").mkdir(parents=True)
    (site / "mo" / "index.html").write_text(PAGE, encoding="utf-8")
    return site


def messages(problems) -> list[str]:
    return [str(problem) for problem in problems]


def test_theme_links_to_missing_pages_and_anchors_are_problems(tmp_path):
    problems, weights = check_site(make_site(tmp_path), 14336)
    assert messages(problems) == [
        "site/mo/index.html:2: link to ../weg/ leads nowhere: there is no weg/index.html. "
        "Fix the link in the Markdown page.",
        "site/mo/index.html:3: link to ../oud/ leads nowhere: there is no oud/index.html. "
        "Fix the link in the Markdown page.",
        "site/mo/index.html:5: link to ../mo/#nergens: the page exists but has no heading or "
        "element with id 'nergens'.",
    ]
    assert [weight.path for weight in weights] == ["mo/index.html"]


def test_links_that_came_from_the_markdown_are_left_to_the_content_check(tmp_path):
    from_content = {"mo/index.html": frozenset({"../oud/", "./#tekst"})}
    problems, _ = check_site(make_site(tmp_path), 14336, content_links=from_content)
    assert [problem.line for problem in problems] == [2, 5]
