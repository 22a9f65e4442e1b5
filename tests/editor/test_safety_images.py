"""Safety (no scripts, frames or remote images) and images (alt text, file, size)."""

from __future__ import annotations

import pytest

from sitegen.checks.images import IMAGE_MAX_BYTES


def add_line(project, rel: str, line: str) -> None:
    page = project.page(rel)
    page.write_text(page.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def findings(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if "content/" in line]


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        (
            "<script>alert(1)</script>",
            "a <script> element in a content page: pages run no scripts and embed nothing "
            "from other sites. Remove it; link to the other site instead.",
        ),
        (
            '<iframe src="https://video.example/x"></iframe>',
            "an <iframe> in a content page: pages run no scripts and embed nothing from other "
            "sites. Remove it; link to the other site instead.",
        ),
        (
            '<a href="mo.md" onclick="steal()">MO</a>',
            'the attribute onclick="..." on <a> runs a script: content pages run no scripts. '
            "Remove the attribute.",
        ),
        (
            "[klik](javascript:alert(1))",
            "the link [klik](javascript:alert(1)) runs a script ('javascript:'): link to a page "
            "or a file instead.",
        ),
        (
            '<a href=" JavaScript:alert(1)">x</a>',
            "a 'javascript:' address in <a href> runs a script: use a link to a page or a file "
            "instead.",
        ),
        (
            "![Logo](https://tracker.example/logo.png)",
            "the image https://tracker.example/logo.png is on another site: pages load nothing "
            "from other hosts. Save the image next to the page (for example content/nl/images/) "
            "and link to that file.",
        ),
    ],
)
def test_unsafe_content_is_an_error(project, capsys, markdown, message):
    add_line(project, "nl/mo.md", markdown)
    assert project.run("check") == 1
    assert f"error: content/nl/mo.md:12: {message}" in findings(capsys)


def test_unsafe_content_stops_the_build_before_mkdocs(project, tmp_path, capsys):
    add_line(project, "nl/mo.md", "<script>alert(1)</script>")
    assert project.build(tmp_path / "out") == 1
    assert "nothing was published" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_script_shown_as_code_is_fine(project, capsys):
    add_line(
        project, "nl/kosten.md", "Schrijf nooit `<script>` in een pagina.\n\n```html\n<iframe>\n```"
    )
    assert project.run("check") == 0
    assert findings(capsys) == []


def test_image_needs_alt_text_and_a_file(project, capsys):
    add_line(project, "nl/mo.md", "![](kaart.png)")
    assert project.run("check") == 1
    lines = findings(capsys)
    assert (
        "error: content/nl/mo.md:12: the image kaart.png has no alt text: describe what it "
        "shows in a few words, ![like this](image.png), for readers who cannot see it. Only a "
        'purely decorative HTML image may have alt="".'
    ) in lines
    assert (
        "error: content/nl/mo.md:12: the image kaart.png does not exist: put the file next to "
        "the page, in content/nl/, and check the name."
    ) in lines


def test_a_missing_image_of_a_translation_may_be_in_the_dutch_folder(project, capsys):
    add_line(project, "ar/mo.md", "![خريطة](kaart.png)")
    assert project.run("check") == 1
    assert (
        "error: content/ar/mo.md:13: the image kaart.png does not exist: put the file next to "
        "the page, in content/ar/ (or in content/nl/, which every language can use), and check "
        "the name."
    ) in findings(capsys)


def test_image_size_limit(project, capsys):
    (project.page("nl/kaart.png")).write_bytes(b"\x89PNG" + b"\0" * IMAGE_MAX_BYTES)
    add_line(project, "nl/mo.md", "![Kaart van Vlaanderen](kaart.png)")
    assert project.run("check") == 1
    assert (
        "error: content/nl/mo.md:12: the image kaart.png is 100 KB; the limit is 100 KB per "
        "image, for readers on slow connections. Make it smaller (fewer pixels, WebP or JPEG, "
        "SVG for drawings)."
    ) in findings(capsys)


def test_good_images_pass(project, capsys):
    (project.page("nl/kaart.svg")).write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    add_line(project, "nl/kosten.md", "![Kaart van Vlaanderen](kaart.svg)")
    # The Arabic page finds the Dutch image (as mkdocs-static-i18n does); decorative HTML image.
    add_line(project, "ar/mo.md", '![خريطة](kaart.svg) <img src="kaart.svg" alt="">')
    assert project.run("check") == 0
    assert findings(capsys) == []
