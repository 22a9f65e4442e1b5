"""Readability of Dutch and English pages: sentence length and long words, as warnings."""

from __future__ import annotations

from tests.editor.conftest import page_text

LONG_NL = (
    "Als je in Vlaanderen woont en je moet het traject volgen, dan schrijf je je binnen "
    "drie maanden in bij het agentschap in je eigen stad."
)
LONG_EN = (
    "If you live in Flanders and you have to follow the programme, you register with the "
    "agency in your own town within three months of your arrival."
)


def findings(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines() if "content/" in line]


def test_plain_pages_pass(project, capsys):
    project.write(
        "nl/kort.md",
        page_text(
            "Kort",
            "Je schrijft je in. Dat is gratis.\n\n- Ga naar het kantoor.\n- Neem je papieren mee.",
        ),
    )
    project.write(
        "en/kort.md", page_text("Short", "You register. It is free.\n\n- Go to the office.")
    )
    assert project.run("check") == 0
    assert [line for line in findings(capsys) if "kort.md" in line] == [
        # The new English page is not stamped yet; readability has nothing to say.
        "warning: content/en/kort.md:1: the translation does not record which version of "
        "nl/kort.md it translates, so readers are told it may be out of date. When it matches "
        "the Dutch page, run 'build.py stamp content/en/kort.md'."
    ]


def test_long_dutch_sentence_is_quoted(project, capsys):
    project.write("nl/lang.md", page_text("Lang", f"Welkom. {LONG_NL} Dat is alles."))
    assert project.run("check") == 0
    assert (
        'warning: content/nl/lang.md:8: sentence of 26 words (more than 20): "Als je in '
        "Vlaanderen woont en je moet het traject volgen, dan schrijf je je binnen drie maanden "
        'in bij het..." Split it in two.'
    ) in findings(capsys)


def test_long_english_sentence_and_average(project, capsys):
    project.write("nl/lang.md", page_text("Lang", "Kort."))
    project.write("en/lang.md", page_text("Long", LONG_EN))
    assert project.run("check") == 0
    lines = findings(capsys)
    assert (
        "warning: content/en/lang.md:8: sentences have 27.0 words on average; plain language "
        "for readers at A2-B1 asks for at most 15. Split long sentences in two and keep one "
        "idea per sentence."
    ) in lines
    assert (
        'warning: content/en/lang.md:8: sentence of 27 words (more than 20): "If you live in '
        "Flanders and you have to follow the programme, you register with the agency in your "
        'own town within..." Split it in two.'
    ) in lines


def test_average_over_fifteen_without_any_long_sentence(project, capsys):
    sentence = "Je gaat op maandag naar het kantoor in de stad met je brief en je paspoort mee."
    project.write("nl/lang.md", page_text("Lang", f"{sentence} {sentence}"))
    assert project.run("check") == 0
    lines = [line for line in findings(capsys) if "lang.md" in line]
    assert lines == [
        "warning: content/nl/lang.md:8: sentences have 17.0 words on average; plain language "
        "for readers at A2-B1 asks for at most 15. Split long sentences in two and keep one "
        "idea per sentence."
    ]


def test_many_long_words(project, capsys):
    body = "Het inburgeringsattest en de nieuwkomersverklaring. Je krijgt ze bij de balie."
    project.write("nl/woorden.md", page_text("Woorden", body))
    assert project.run("check") == 0
    assert (
        "warning: content/nl/woorden.md:8: 2 of 11 words are long (6 syllables or more; at "
        "most 2 in 100): inburgeringsattest, nieuwkomersverklaring. Use "
        "shorter, common words, or explain a word the first time you use it."
    ) in findings(capsys)
    # A long word on another line than the message's is named with its line.
    body = "Het inburgeringsattest krijg je.\nDe nieuwkomersverklaring ook. Bij de balie."
    project.write("nl/woorden.md", page_text("Woorden", body))
    assert project.run("check") == 0
    assert (
        "warning: content/nl/woorden.md:8: 2 of 10 words are long (6 syllables or more; at "
        "most 2 in 100): inburgeringsattest, nieuwkomersverklaring (line 9). Use shorter, "
        "common words, or explain a word the first time you use it."
    ) in findings(capsys)


def test_other_languages_and_code_are_not_measured(project, capsys):
    project.write("nl/lang.md", page_text("Lang", f"```\n{LONG_NL}\n```"))
    project.write("ar/lang.md", page_text("طويل", " ".join(["كلمة"] * 30) + "."))
    assert project.run("check") == 0
    assert not [line for line in findings(capsys) if "words" in line]


def test_a_long_sentence_is_reported_on_its_own_line(project, capsys):
    body = f"Welkom op deze pagina.\nHier staat meer. {LONG_NL}\nDat is alles."
    project.write("nl/lang.md", page_text("Lang", body))
    assert project.run("check") == 0
    lines = [line for line in findings(capsys) if "sentence of 26 words" in line]
    assert [line.split(": sentence")[0] for line in lines] == ["warning: content/nl/lang.md:9"]
