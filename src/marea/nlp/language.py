"""Language stage: offline identification with lingua, restricted to the configured languages."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from marea.model import Document
from marea.settings import Settings

# Confidence under which the detector's guess is not trusted (calibrated on the seeds and
# examples: real articles score above 0.9, boilerplate-only snippets below 0.5).
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect(text: str, settings: Settings) -> tuple[str | None, float]:
    """Return (ISO 639-1 code, confidence) of the text's language, or (None, 0.0) if unsure."""
    sample = text[: settings.language_sample_chars]
    values = _detector(settings.language_candidates).compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    return (code if best.value >= MIN_CONFIDENCE else None), float(best.value)


def language(batch: list[Document], settings: Settings) -> list[Document]:
    """Set each document's language: declared in metadata, else detected, else the default."""
    for doc in batch:
        doc.language_detected, doc.language_confidence = detect(doc.text, settings)
        declared = str(doc.metadata.get("language") or "").lower()[:2] or None
        doc.language = declared or doc.language_detected or settings.language_default
    return batch
