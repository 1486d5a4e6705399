from __future__ import annotations

import os
import subprocess
import sys
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


def test_a_pipeline_loads_without_torch_and_torch_still_imports_after() -> None:
    """spaCy's thinc would import torch (180 MB a process); the pipelines don't use it."""
    script = ("import sys; from marea.nlp.models import load_pipeline; "
              "from marea.settings import load_settings; "
              "nlp = load_pipeline(load_settings().model_for('en'), 'en'); "
              "print([t.pos_ for t in nlp('Castillo won the election.')], 'torch' in sys.modules); "
              "import torch; print(float(torch.ones(3).sum()))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[:2] == ["['PROPN', 'VERB', 'DET', 'NOUN', 'PUNCT'] False", "3.0"]


def test_blank_pipeline_splits_sentences() -> None:
    nlp = load_pipeline("blank", "pt")
    assert len(list(nlp("Lula chegou. Fernández também.").sents)) == 2


@pytest.mark.parametrize("text, name", [
    ("workers = -1\n", "workers"),
    ("workers = 1.5\n", None),
    ('[dask]\nscheduler = "127.0.0.1:8786"\n', "dask.scheduler"),
    ('[dask]\nscheduler = "tcp://127.0.0.1:99999"\n', "dask.scheduler"),
    ("[dask]\nin_flight = 0\n", "dask.in_flight"),
    ("[dask]\nconnect_seconds = inf\n", "dask.connect_seconds"),
])
def test_workers_and_dask_settings_are_checked(tmp_path: Path, text: str,
                                               name: str | None) -> None:
    user = tmp_path / "marea.toml"
    user.write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=rf"\[E003\] Bad setting {name} = " if name
                       else r"\[E002\] Bad settings value: 1.5 is not an integer"):
        load_settings(user)


def test_workers_default_to_the_cores_and_a_scheduler_address_is_kept(tmp_path: Path) -> None:
    user = tmp_path / "marea.toml"
    user.write_text('[dask]\nscheduler = "tcp://10.0.0.5:8786"\n', "utf-8")
    settings = load_settings(user)
    cores = len(os.sched_getaffinity(0))
    assert settings.workers == 0 and 1 <= settings.worker_processes <= cores
    assert settings.dask_scheduler == "tcp://10.0.0.5:8786"
    assert settings.with_(workers=1).worker_processes == 1
