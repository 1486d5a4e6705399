"""Accents put back on the preterites of Spanish text typed without any (nlp/accents.py).
Sentences written for these tests."""

from __future__ import annotations

from marea.nlp.accents import restore_accents


def test_unaccented_preterites_take_their_accent() -> None:
    text = "El Ejercito Nacional denuncio que un guerrillero murio y capturo a dos hombres."
    restored = restore_accents(text, "es")
    assert restored == ("El Ejercito Nacional denunció que un guerrillero murió y capturó a "
                        "dos hombres.")
    assert len(restored) == len(text)  # offsets into the original text still hold


def test_stem_changing_and_uir_preterites() -> None:
    text = "La comunidad pidio ayuda despues de que el ejercito destruyo sus casas en la vereda."
    assert restore_accents(text, "es") == ("La comunidad pidió ayuda despues de que el "
                                           "ejercito destruyó sus casas en la vereda.")


def test_guir_preterites_change_their_stem() -> None:
    text = "La policia persiguio a los manifestantes y prosiguio con las detenciones en la plaza."
    assert restore_accents(text, "es") == ("La policia persiguió a los manifestantes y "
                                           "prosiguió con las detenciones en la plaza.")


def test_a_noun_after_an_article_or_preposition_stays_a_noun() -> None:
    text = "El gremio anuncio su apoyo al paro y expreso su rechazo a la reforma del gobierno."
    assert restore_accents(text, "es") == ("El gremio anunció su apoyo al paro y expresó su "
                                           "rechazo a la reforma del gobierno.")


def test_words_mostly_nouns_are_never_changed() -> None:
    text = "Sin embargo el medio ambiente sigue en el ultimo lugar de la agenda del cargo publico."
    assert restore_accents(text, "es") == text


def test_accented_short_or_english_text_is_left_alone() -> None:
    accented = "El Ejército denuncio que la guerrilla atacó el pueblo de la vereda."
    assert restore_accents(accented, "es") == accented  # an accented text is written right
    assert restore_accents("Petro denuncio fraude.", "es") == "Petro denuncio fraude."
    english = "The union said the army denuncio nothing at all in the region today."
    assert restore_accents(english, "en") == english
