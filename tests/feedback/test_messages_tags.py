"""Message files are found for every BCP 47 tag ('pt-BR', 'ckb'), and for nothing else."""

from __future__ import annotations

import pytest

from feedback_fn import messages


@pytest.fixture
def message_dir(tmp_path, monkeypatch):
    """A messages folder with English, Brazilian Portuguese and Sorani files."""
    english = (messages.MESSAGES_DIR / "en.yml").read_text(encoding="utf-8")
    (tmp_path / "en.yml").write_text(english, encoding="utf-8")
    (tmp_path / "pt-BR.yml").write_text(
        'errors:\n  missing: "Preencha: {field}."\nfields:\n  rating: nota\n', encoding="utf-8"
    )
    (tmp_path / "ckb.yml").write_text('errors:\n  missing: "پڕی بکەوە: {field}."\n', "utf-8")
    (tmp_path.parent / "secret.yml").write_text("errors:\n  missing: leaked\n", "utf-8")
    monkeypatch.setattr(messages, "MESSAGES_DIR", tmp_path)
    messages.load_catalogue.cache_clear()
    yield tmp_path
    messages.load_catalogue.cache_clear()


def test_a_region_tag_gets_its_own_file(message_dir):
    assert messages.text_language("pt-BR") == "pt-BR"
    assert messages.error_message("pt-BR", "missing", "rating") == "Preencha: nota."


def test_a_three_letter_code_gets_its_own_file(message_dir):
    # The field's name is not in ckb.yml: it comes from English, the sentence stays Sorani.
    assert messages.error_message("ckb", "missing", "rating") == (
        "پڕی بکەوە: how easy it was to understand."
    )


@pytest.mark.parametrize("lang", ["../secret", "pt-BR/../../secret", "PT_br", "", "pt-BR.yml"])
def test_no_other_name_reaches_the_file_system(message_dir, lang):
    assert messages.load_catalogue(lang) == {}
    assert messages.text_language(lang) == "en"
