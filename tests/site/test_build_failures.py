"""The build refuses what would hurt readers, and says which page and what to do."""

from __future__ import annotations

import random

import pytest

from tests.site.conftest import build_site


def build_copy(project, tmp_path, *extra: str) -> int:
    return build_site(
        project / "mkdocs.yml",
        project / "content",
        tmp_path / "out",
        project / "languages.yml",
        *extra,
    )


def incompressible_words(count: int) -> str:
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    return " ".join(
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(count)
    )


def test_oversized_page_fails_the_budget_with_page_and_figure(fixture_copy, tmp_path, capsys):
    page = fixture_copy / "content" / "nl" / "kosten.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n" + incompressible_words(4000) + "\n",
        encoding="utf-8",
    )
    assert build_copy(fixture_copy, tmp_path) == 1
    err = capsys.readouterr().err
    # The Dutch page and each language's fallback copy of it are too heavy.
    for rel in ("site/kosten/index.html", "site/ar/kosten/index.html"):
        line = next(line for line in err.splitlines() if line.startswith(f"error: {rel}:1:"))
        assert "first paint needs" in line and "the budget is 14,336 bytes" in line
        assert "Shorten the page or split it in two" in line
    assert "site/mo/index.html" not in err
    assert "nothing was published" in err


def test_web_font_link_fails_the_external_resource_check(fixture_copy, tmp_path, capsys):
    page = fixture_copy / "content" / "en" / "mo.md"
    font = "https://fonts.googleapis.com/css?family=Roboto"
    page.write_text(
        page.read_text(encoding="utf-8") + f'\n<link rel="stylesheet" href="{font}">\n',
        encoding="utf-8",
    )
    assert build_copy(fixture_copy, tmp_path) == 1
    err = capsys.readouterr().err
    assert "error: site/en/mo/index.html:" in err
    assert f"<link href> loads {font} from another host" in err
    assert "put the file in theme/assets/" in err


def test_broken_internal_link_fails_once_with_file_line_and_target(fixture_copy, tmp_path, capsys):
    page = fixture_copy / "content" / "en" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nSee [the old page](oud.md).\n", encoding="utf-8"
    )
    assert build_copy(fixture_copy, tmp_path) == 1
    err = capsys.readouterr().err
    # Checked once, in the Markdown, where the editor can fix it; not again in site/.
    assert "error: content/en/index.md:10: link to oud.md leads nowhere: there is no en/oud" in err
    assert "site/en/index.html" not in err and "[en]" not in err  # nor by mkdocs' validation
    assert err.splitlines()[-1] == (
        "build.py build: 1 content error(s); fix them before publishing."
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_missing_description_stops_before_building(fixture_copy, tmp_path, capsys, jobs):
    page = fixture_copy / "content" / "ar" / "mo.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("description:", "summary:", 1), encoding="utf-8"
    )
    assert build_copy(fixture_copy, tmp_path, "--jobs", jobs) == 1
    captured = capsys.readouterr()
    assert "content/ar/mo.md:1: 'description' is missing from the front matter" in captured.err
    assert "mkdocs" not in captured.out + captured.err  # the build phase never started
    assert not any(line.startswith("languages") for line in captured.out.splitlines())
    assert captured.err.splitlines()[-1].endswith("content error(s); nothing was published.")
    assert not (tmp_path / "out").exists()


def test_translation_without_dutch_original_is_refused(fixture_copy, tmp_path, capsys):
    (fixture_copy / "content" / "en" / "extra.md").write_text(
        "---\ntitle: Extra\ndescription: An orphan.\n---\n\n# Extra\n", encoding="utf-8"
    )
    assert build_copy(fixture_copy, tmp_path) == 1
    assert "content/en/extra.md:1: there is no Dutch page nl/extra.md" in capsys.readouterr().err


def test_listed_language_without_folder_is_explained(fixture_copy, tmp_path, capsys):
    languages = fixture_copy / "languages.yml"
    languages.write_text(
        languages.read_text(encoding="utf-8")
        + "- {code: ti, name: ትግርኛ, english: Tigrinya, dir: ltr}\n",
        encoding="utf-8",
    )
    assert build_copy(fixture_copy, tmp_path) == 1
    err = capsys.readouterr().err
    assert "languages.yml lists 'ti' but" in err and "create the folder" in err


def test_every_page_weight_is_reported_and_near_budget_pages_are_warned(
    fixture_copy, tmp_path, capsys
):
    from sitegen.output_checks import check_site

    assert build_copy(fixture_copy, tmp_path) == 0
    # A preview's weights are quick upper bounds: weigh every page at the published quality.
    _, weights = check_site(tmp_path / "out", 14336, reweigh_above=0.0)
    heaviest = max(weights, key=lambda weight: weight.total)
    capsys.readouterr()
    # A budget the heaviest page just fits in: it passes, with a warning.
    argv_extra = ["--weights", "--budget", str(heaviest.total + 1)]
    assert build_copy(fixture_copy, tmp_path / "again", *argv_extra) == 0
    captured = capsys.readouterr()
    lines = [line for line in captured.out.splitlines() if line.startswith("weight: ")]
    assert len(lines) == len(weights)
    assert lines[0] == (
        f"weight: site/{heaviest.path}: {heaviest.total:,} B brotli (100% of "
        f"{heaviest.total + 1:,} B; HTML {heaviest.html:,}, CSS 0, scripts 0)"
    )
    assert (
        f"warning: site/{heaviest.path}: first paint needs {heaviest.total:,} bytes, 100% of "
        f"the {heaviest.total + 1:,}-byte budget. It still fits" in captured.err
    )


def test_the_command_line_build_says_everything_and_its_exit_code(fixture_copy, tmp_path):
    """build.py leaves its heap to the operating system at exit (os._exit): every line is
    still written, and the exit code is the build's."""
    import subprocess
    import sys

    from tests.site.conftest import ROOT

    def command(site: str) -> subprocess.CompletedProcess:
        argv = [sys.executable, str(ROOT / "build.py"), "build", "--preview"]
        argv += ["--config", str(fixture_copy / "mkdocs.yml")]
        argv += ["--content", str(fixture_copy / "content")]
        argv += ["--languages", str(fixture_copy / "languages.yml"), "--site-dir", site]
        return subprocess.run(argv, capture_output=True, text=True, cwd=tmp_path)

    built = command(str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    assert built.stdout.splitlines()[-1].startswith("output ")
    (fixture_copy / "content" / "en" / "extra.md").write_text("# Orphan\n", encoding="utf-8")
    failed = command(str(tmp_path / "again"))
    assert failed.returncode == 1
    assert failed.stderr.rstrip().endswith("nothing was published.")
