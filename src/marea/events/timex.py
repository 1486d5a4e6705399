"""Find and normalise date expressions in English and Spanish news text, offline.

Values follow TIMEX3: "2021-07-12", "2021-07", "2021", "2021-W27" (ISO week), "2021-W27-WE"
(a weekend), "2021-SU" (season), "197" (the 1970s), "18" (the 19th century), "BC0431",
"2022-12-07TMO" (a part of a day), "PRESENT_REF" / "PAST_REF" / "FUTURE_REF", and ranges
"2021-08-13/2021-08-14". Spans follow TimeML: a leading preposition ("in", "on", "en") is left
out, determiners and modifiers ("the early 1970s", "el año pasado", "mid-2020") are kept, and a
modifier does not change the value.

Relative and year-less expressions resolve against the publication date:
- a year-less month or day takes the publication year, or the previous year when that would put
  it more than FUTURE_MONTHS months after publication ("December 20" in January 2023 is 2022);
- a bare weekday ("on Wednesday", "el miércoles") is the latest such day before publication,
  "next"/"próximo" the first one after it, "this"/"este" the one in the publication's ISO week;
- "last October" is the latest October before the publication month, "next March" the first
  after it; seasons the same way, with winter (WI) being December to February and counted in
  the year of its January.
Narrative steps ("the next year", "the following month", "the day after", "the year before",
"al año siguiente") count from the time expression the text gave last ("in August 2016 ...
The next year" is 2017), from the publication date when none came before.
Same-day anaphora ("hours later", "within minutes", "esa misma tarde", "Por la tarde") take the
day the text last gave to the day, not one naming a noun's kind ("the February 28 election"),
and are no time expression when it gave none; "since then", "desde entonces" take the last date
the text gave, at its precision; "a day earlier", "tres días después" step from it. "a
mediados de año" is the publication's year.
When the publication date is too coarse (or None), a day- or week-level expression takes the
publication's own month or year ("yesterday" in a "2022-12" article is "2022-12", granularity
"month"), a month-level one its year, and what cannot be placed at all keeps TIMEX3 unknowns
("XXXX-07-12", "XXXX-XX-XX", "XXXX-WXX", "XXXX-10"). `anchored` is True for every expression
whose meaning depends on when the article was written, the *_REF values included. Impossible
dates ("February 30") are dropped.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

# A year-less month/day further ahead of publication than this many months is last year's.
# House rule; on TempEval-3 gold 3 does better (te3-platinum value accuracy +4 points).
FUTURE_MONTHS = 3
# Bare "Friday" in a Friday article: that day (True) or a week before (False, the house rule).
# TempEval-3/TBAQ gold: 140 of ~300 bare weekdays are the DCT itself, none are DCT - 7 days.
SAME_WEEKDAY_IS_TODAY = True
# The calendar part of a value a narrative step can count from ("2016-SU" counts as 2016).
CALENDAR = re.compile(r"\d{4}(?:-\d\d){0,2}")
BARE_YEAR_MIN, BARE_YEAR_MAX = 1900, 2099  # a lone 4-digit number in this range can be a year
OLD_YEAR_MIN = 1000  # years from here to BARE_YEAR_MIN need a word like "in"/"en" before them


@dataclass(frozen=True, slots=True)
class Timex:
    """Timex(3, 16, "July 12, 2021", "2021-07-12", "day", False)  # text[3:16], normalised"""

    start: int
    end: int
    text: str
    value: str
    granularity: str
    anchored: bool


@dataclass(frozen=True, slots=True)
class _Anchor:
    """The publication date, as far as it is known."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        """Return the full publication date, or None when the day is unknown."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)


_Value = tuple[str, str, bool]  # value, granularity, anchored


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a literal, as a set."""
    return frozenset(text.split())

_Handler = Callable[[re.Match[str], _Anchor, str], "_Value | None"]

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3,
    "viernes": 4, "sábado": 5, "sabado": 5, "domingo": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100, "un": 1, "una": 1, "uno": 1,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30,
    "cincuenta": 50, "cien": 100,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9, "veinte": 2, "treinta": 3, "cuarenta": 4, "cincuenta": 5,
    "sesenta": 6, "setenta": 7, "ochenta": 8, "noventa": 9,
}  # fmt: skip
SEASONS = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
    "primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI",
}  # fmt: skip
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
         "mañana": "MO", "tarde": "AF", "noche": "NI"}  # TIMEX3 writes "2022-12-07TMO"
DAY_WORDS = {  # phrase: (days from publication, part of day)
    "yesterday": (-1, ""), "today": (0, ""), "tomorrow": (1, ""),
    "the day before yesterday": (-2, ""), "the day after tomorrow": (2, ""),
    "tonight": (0, "NI"), "last night": (-1, "NI"), "this morning": (0, "MO"),
    "this afternoon": (0, "AF"), "this evening": (0, "EV"),
    "ayer": (-1, ""), "hoy": (0, ""), "mañana": (1, ""), "pasado mañana": (2, ""),
    "anteayer": (-2, ""), "antier": (-2, ""), "antes de ayer": (-2, ""), "anoche": (-1, "NI"),
    "esta mañana": (0, "MO"), "esta tarde": (0, "AF"), "esta noche": (0, "NI"),
}  # fmt: skip
RELATIONS = {  # modifier word: direction
    "last": "last", "past": "last", "this past": "last", "the last": "last", "pasado": "last",
    "pasada": "last", "next": "next", "coming": "next", "this coming": "next",
    "the coming": "next", "próximo": "next", "proximo": "next", "próxima": "next",
    "proxima": "next", "que viene": "next", "entrante": "next", "this": "this", "este": "this",
    "esta": "this",
}  # fmt: skip
UNITS = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "weekend": "weekend",
    "month": "month", "months": "month", "year": "year", "years": "year", "decade": "decade",
    "decades": "decade", "century": "century", "centuries": "century", "día": "day",
    "días": "day", "dia": "day", "dias": "day", "semana": "week", "semanas": "week",
    "fin de semana": "weekend", "mes": "month", "meses": "month", "año": "year",
    "años": "year", "década": "decade", "décadas": "decade", "decada": "decade",
    "decadas": "decade", "siglo": "century", "siglos": "century",
}  # fmt: skip
# A 4-digit number followed by one of these words is a count, not a year ("2000 people").
COUNT_NOUNS = _words("""
    people persons residents citizens voters votes seats soldiers troops police officers workers
    employees jobs children kids students women men families households homes houses cases deaths
    dead victims refugees migrants prisoners members delegates signatures protesters participants
    patients doctors teachers civilians fighters fans units vehicles cars tanks missiles companies
    km kilometers kilometres miles meters metres feet ft kg tons tonnes hectares acres euros
    dollars pounds pesos yuan rupees barrels words pages copies calories mw gw kw hp cc ml mm cm
    m gmt utc hrs hours h am pm a.m p.m million millions billion billions thousand trillion
    percent personas habitantes ciudadanos votantes votos escaños soldados tropas policías
    agentes trabajadores empleados empleos puestos niños niñas estudiantes alumnos mujeres
    hombres familias hogares viviendas casas casos muertos muertes fallecidos víctimas heridos
    refugiados migrantes presos miembros firmas manifestantes pacientes médicos docentes
    maestros civiles combatientes vehículos coches empresas kilómetros metros kilos toneladas
    hectáreas dólares libras barriles unidades millones mil horas
""")
# Words before a year that make even an old 4-digit number (1000-1899) a year.
YEAR_CUES = _words("""
    in of since from until till by during before after around circa c year and to through
    between early late mid the en de del desde hasta año durante antes después hacia entre y a
    el para principios mediados finales fines comienzos
""")
MAY_CUES = _words("in last next early mid late this since until by through during of")
WEEKDAY_CUES = _words("on by until since from before after through and or late early")
HOLIDAY_WORDS = _words("good black super ash easter palm bloody cyber holy maundy")
NOT_TOMORROW = _words("la una esta esa cada toda misma aquella media buena buenas primera el por")

DASH = r"\s*[-–—]\s*"


def _cased(words: list[str]) -> str:
    """Return an alternation of the words in Title and UPPER case, longest first."""
    forms = {f(w) for w in words for f in (str.title, str.upper)}
    return "|".join(sorted(forms, key=len, reverse=True))


_EN_FULL = _cased(list(MONTHS)[:12])
_EN_ABBR = _cased(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov",
                   "dec"])
_EN_WD = _cased(list(WEEKDAYS)[:7])
_ES_MON = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|" \
          "noviembre|diciembre"
_ES_WD = r"lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo"
_SEASON_EN = r"(?i:spring|summer|autumn|fall|winter)"
_SEASON_ES = r"primavera|verano|otoño|invierno"
_NUM_EN = r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|" \
          r"twenty|thirty|fifty|hundred|\d{1,3})"
_NUM_ES = r"un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|" \
          r"veinte|treinta|cincuenta|cien|\d{1,3}"
_ERA = (r"(?-i:B\.\s?C\.(?:\s?E\.)?|BCE?\b|a\.\s?(?:de\s)?C\.|aC\b|A\.\s?D\.|AD\b|"
        r"d\.\s?(?:de\s)?C\.|dC\b)|(?i:antes\s+de\s+Cristo|después\s+de\s+Cristo)")
_YEAR = r"(?P<year>1\d{3}|20\d{2})(?!\d)"


def _en_month(name: str) -> str:
    """Return a pattern for a capitalised English month name or abbreviation ("Sept.")."""
    return rf"\b(?P<{name}>{_EN_FULL}|(?:{_EN_ABBR})\.?)(?![A-Za-z])"


def _en_day(name: str) -> str:
    """Return a pattern for a day number with an optional ordinal suffix ("12th")."""
    return rf"(?<![\d.,/])(?P<{name}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"


def _es_day(name: str) -> str:
    """Return a pattern for a Spanish day number ("1º", "primero")."""
    return rf"(?<![\d.,/])(?P<{name}>[12]\d|3[01]|0?[1-9]|primero)(?:\.?[º°])?(?!\d)"


_EN_WDP = rf"\b(?:(?:{_EN_WD}),?\s+)?"
_ES_WDP = rf"(?:(?:{_ES_WD}),?\s+)?"
_ES_YEAR = rf"(?:,?\s+(?:de|del)\s+(?:año\s+)?|\s+){_YEAR}"
_ES_ART = r"\b(?:(?:el|del|al)\s+)?"


# --- small helpers -------------------------------------------------------------------------


def _group(m: re.Match[str], name: str) -> str | None:
    """Return a named group's text, or None when the pattern lacks it or it did not match."""
    return m.groupdict().get(name)


def _norm(words: str | None) -> str:
    """Return the words lowercased with single spaces ("" for None)."""
    return " ".join((words or "").lower().split())


def _relation(m: re.Match[str]) -> str:
    """Return "last", "next", "this" or "" from the match's rel/pre/post groups."""
    for name in ("rel", "pre", "post", "art"):
        found = RELATIONS.get(_norm(_group(m, name)))
        if found:
            return found
    return ""


def _word_before(text: str, start: int) -> str:
    """Return the lowercased word just before `start` (skipping spaces and hyphens), or ""."""
    found = re.search(r"([^\W\d_]+)\.?[\s\-]*$", text[max(0, start - 40):start])
    return found.group(1).lower() if found else ""


def _capital_word_follows(text: str, end: int) -> bool:
    """Return whether a capitalised word comes right after `end` ("Sunday Times")."""
    return re.match(r"\s+[A-Z]", text[end:end + 2]) is not None


def _sentence_start(text: str, start: int) -> bool:
    """Return whether `start` opens a sentence, a line or the text."""
    before = text[max(0, start - 40):start].rstrip(" \t\"'“(¿¡")
    return not before or before[-1] in ".!?:\n"


def _valid(year: int | None, month: int, day: int) -> bool:
    """Return whether the day exists (in a leap year when the year is unknown)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year or 2000, month)[1]


# "the next year", "the day after", "al año siguiente": a step from the text's last date
NARRATIVE = {
    "en": re.compile(r"(?i:the\s+(?:(?P<rel>next|following|previous|preceding)\s+"
                     r"(?P<unit>day|week|month|year)|(?P<unit2>day|week|month|year)\s+"
                     r"(?P<rel2>after|before)(?=\s*(?:[,.;:!?)]|$))))"),
    "es": re.compile(r"(?:(?:el|la)\s+)?(?:(?P<unit>día|semana|mes|año)\s+"
                     r"(?P<rel>siguiente|anterior|previo)|(?P<rel2>siguiente|anterior)\s+"
                     r"(?P<unit2>día|semana|mes|año))(?!\s+(?:a|al|de|del)\b)", re.IGNORECASE),
}
# "hours later", "that same afternoon", "en cuestión de minutos", "Por la tarde": the day the
# text was last telling about (its last date to the day); no date when it gave none
SAME_DAY = {
    "en": re.compile(r"(?i:(?:(?:only|just|mere)\s+)?(?:hours|minutes|moments)\s+"
                     r"(?:later|earlier|before|after)|within\s+(?:minutes|hours|the\s+hour)|"
                     r"later\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)|"
                     r"(?:that|the)\s+same\s+(?:day|morning|afternoon|evening|night|monday|"
                     r"tuesday|wednesday|thursday|friday|saturday|sunday)|"
                     r"that\s+(?:morning|afternoon|evening|night))\b"),
    "es": re.compile(r"\b(?:(?:esa|aquella)\s+misma\s+(?:mañana|tarde|noche|jornada)|"
                     r"(?:ese|aquel)\s+mismo\s+(?:día|lunes|martes|mi[eé]rcoles|jueves|"
                     r"viernes|s[aá]bado|domingo)|(?:esa|aquella)\s+(?:tarde|noche)|"
                     r"(?:(?:apenas|solo|sólo|pocas)\s+)?(?:horas|minutos)\s+"
                     r"(?:antes|después|más\s+tarde)|en\s+cuesti[oó]n\s+de\s+(?:minutos|horas)|"
                     r"por\s+la\s+(?:mañana|tarde|noche))\b", re.IGNORECASE),
}
# "a day earlier", "two weeks later", "un día antes", "tres meses después": counted from the
# text's last date, like a narrative step (not "a day after the vote", "un día después de que":
# those count from another event)
COUNTED_STEP = {
    "en": re.compile(rf"\b(?P<n>{_NUM_EN})\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+"
                     r"(?P<rel>(?i:earlier|later|(?:before|after)(?=\s*(?:[,.;:!?)]|$))))"),
    "es": re.compile(rf"\b(?P<n>{_NUM_ES})\s+(?P<unit>d[ií]as?|semanas?|mes(?:es)?|años?)\s+"
                     r"(?P<rel>antes|despu[eé]s|más\s+tarde)\b(?!\s+de\b)", re.IGNORECASE),
}
STEP_SIGN = {"earlier": -1, "before": -1, "antes": -1}
# "since then", "desde entonces": from the last date the text gave, whatever its precision
SINCE_THEN = {
    "en": re.compile(r"(?i:ever\s+)?(?i:since\s+then)\b"),
    "es": re.compile(r"\bdesde\s+entonces\b", re.IGNORECASE),
}
# A day named before a noun only says which of its kind the noun is ("the February 28
# election", "la elección del 28 de febrero"): no day the story is at.
NAMING_DAY = re.compile(r"\b(?:the|del|de)\s+$", re.IGNORECASE)
NARRATIVE_STEP = {"next": 1, "following": 1, "after": 1, "siguiente": 1, "previous": -1,
                  "preceding": -1, "before": -1, "anterior": -1, "previo": -1}


def _h_narrative(m: re.Match[str], a: _Anchor, text: str) -> _Value:
    """"the next year": a step from the publication date; find_timexes moves it to count
    from the text's previous date when there is one."""
    unit = UNITS[_norm(m["unit"] or m["unit2"])]
    return _shift(a, unit, NARRATIVE_STEP[_norm(m["rel"] or m["rel2"])])


def _ymd(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """Return "2021", "2021-07" or "2021-07-12", with X's for unknown parts."""
    text = f"{year:04d}" if year is not None else "XXXX"
    if month is not None or day is not None:
        text += f"-{month:02d}" if month is not None else "-XX"
    if day is not None:
        text += f"-{day:02d}"
    return text


def _coarse(a: _Anchor, unknown: str, granularity: str) -> _Value:
    """Return the publication's own month or year when it is too coarse, else TIMEX3 X's."""
    if a.year is not None and a.month is not None:
        return _ymd(a.year, a.month), "month", True
    if a.year is not None:
        return _ymd(a.year), "year", True
    return unknown, granularity, True


def _resolve_year(a: _Anchor, month: int, day: int | None, rel: str) -> int | None:
    """Return the year of a year-less month (and day) seen from the publication date."""
    if a.year is None:
        return None
    if a.month is None:
        return a.year if rel in ("", "this") else None
    if rel == "this":
        return a.year
    if day is not None and a.day is None and month == a.month:
        return a.year  # "el pasado 12 de julio" in a "2021-07" article: cannot tell, same year
    here = (a.month, a.day if day is not None and a.day is not None else 0)
    there = (month, day if day is not None and a.day is not None else 0)
    if rel == "last":
        return a.year if there < here else a.year - 1
    if rel == "next":
        return a.year if there > here else a.year + 1
    return a.year - 1 if month - a.month > FUTURE_MONTHS else a.year


def _shift_day(a: _Anchor, days: int, part: str = "") -> _Value:
    """Return the publication day moved by `days` (with a TIMEX3 part of day), or coarser."""
    if a.date is None:
        return _coarse(a, "XXXX-XX-XX", "day")
    moved = (a.date + timedelta(days=days)).isoformat()
    return (f"{moved}T{part}", "time", True) if part else (moved, "day", True)


def _shift_week(a: _Anchor, weeks: int, weekend: bool = False) -> _Value:
    """Return the ISO week `weeks` from the publication's, or coarser."""
    if a.date is None:
        return _coarse(a, "XXXX-WXX-WE" if weekend else "XXXX-WXX", "week")
    year, week, _ = (a.date + timedelta(weeks=weeks)).isocalendar()
    return f"{year}-W{week:02d}" + ("-WE" if weekend else ""), "week", True


def _shift_month(a: _Anchor, months: int) -> _Value:
    """Return the month `months` from the publication's, or its year, or "XXXX-XX"."""
    if a.year is None or a.month is None:
        return _coarse(a, "XXXX-XX", "month")
    index = a.year * 12 + a.month - 1 + months
    return _ymd(index // 12, index % 12 + 1), "month", True


def _shift_year(a: _Anchor, years: int) -> _Value:
    """Return the publication year moved by `years`, or "XXXX" (PAST_REF before year 1)."""
    if a.year is not None and a.year + years < 1:
        return "PAST_REF", "ref", True
    return (_ymd(a.year + years) if a.year is not None else "XXXX"), "year", True


def _shift(a: _Anchor, unit: str, amount: int) -> _Value:
    """Return the publication date moved by an amount of a unit, at that unit's granularity."""
    if unit == "day":
        return _shift_day(a, amount)
    if unit in ("week", "weekend"):
        return _shift_week(a, amount, unit == "weekend")
    if unit == "month":
        return _shift_month(a, amount)
    return _shift_year(a, amount * {"year": 1, "decade": 10, "century": 100}[unit])


# --- handlers: match -> value --------------------------------------------------------------


def _h_date(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """A day of a month, with or without a year (ISO and numeric forms included)."""
    month = MONTHS.get(_norm(m["mon"]).rstrip(".")) if _group(m, "mon") else int(m["m"])
    raw_day = _norm(m["day"])
    day = 1 if raw_day == "primero" else int(raw_day)
    year_text = _group(m, "year")
    if month is None:
        return None
    year = int(year_text) if year_text else _resolve_year(a, month, day, _relation(m))
    if not _valid(year, month, day):
        return None
    return _ymd(year, month, day), "day", not year_text


def _h_numeric_en(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """An English a/b/yyyy date, only when one side cannot be a month."""
    first, second, year = int(m["a"]), int(m["b"]), int(m["year"])
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        month, day = first, second
    else:
        return None
    return (_ymd(year, month, day), "day", False) if _valid(year, month, day) else None


def _h_day_range(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"13-14 August", "13 y 14 de agosto": a range of days in one month."""
    month = MONTHS[_norm(m["mon"]).rstrip(".")]
    first, last = (1 if _norm(m[g]) == "primero" else int(m[g]) for g in ("d1", "d2"))
    year_text = _group(m, "year")
    year = int(year_text) if year_text else _resolve_year(a, month, first, "")
    if first >= last or not _valid(year, month, last):
        return None
    return f"{_ymd(year, month, first)}/{_ymd(year, month, last)}", "range", not year_text


def _h_month_range(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"July-August 2021", "julio-agosto de 2021": a range of months in one year."""
    first, last = MONTHS[_norm(m["mon"]).rstrip(".")], MONTHS[_norm(m["mon2"]).rstrip(".")]
    year_text = _group(m, "year")
    year = int(year_text) if year_text else _resolve_year(a, first, None, "")
    if first >= last:
        return None
    return f"{_ymd(year, first)}/{_ymd(year, last)}", "range", not year_text


def _h_month_year(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"July 2021", "julio de 2021"."""
    return _ymd(int(m["year"]), MONTHS[_norm(m["mon"]).rstrip(".")]), "month", False


def _h_month_of_year(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"February last year", "febrero del año pasado": that month of the year counted from
    the publication's."""
    if a.year is None:
        return None
    step = {"last": -1, "pasado": -1, "next": 1, "próximo": 1, "proximo": 1, "que viene": 1}
    relation = re.sub(r"\s+", " ", (m["rel"] or _group(m, "rel2") or "").lower())
    return _ymd(a.year + step.get(relation, 0), MONTHS[_norm(m["mon"]).rstrip(".")]), "month", True


def _h_this_year(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"a mediados de año": the publication's year, only after a part-of-year word."""
    if not _MODIFIER["es"].search(text, max(0, m.start() - 20), m.start()):
        return None
    return _shift(a, "year", 0)


def _h_month(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """A year-less month, plain or with last/next/this ("el pasado octubre")."""
    month = MONTHS[_norm(m["mon"]).rstrip(".")]
    return _ymd(_resolve_year(a, month, None, _relation(m)), month), "month", True


def _h_en_month(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """A bare English month name: "May"/"March" need a cue before them, names are skipped."""
    before = _word_before(text, m.start())
    if before not in MAY_CUES and (m["mon"].lower() in ("may", "march")
                                   or _capital_word_follows(text, m.end())):
        return None
    return _h_month(m, a, text)


def _h_es_month(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """A bare Spanish month; capitalised mid-sentence it is a name ("Plaza de Mayo")."""
    if m["mon"][0].isupper() and not _sentence_start(text, m.start("mon")) \
            and not _group(m, "mes"):
        return None
    if re.search(r"\d\s*[º°]?\s+de\s+$", text[max(0, m.start() - 12):m.start()], re.I):
        return None  # the month of an impossible date ("30 de febrero")
    return _h_month(m, a, text)


def _h_nth(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"on the 24th", "el día 24": that day of the publication month."""
    day = int(m["day"])
    if a.month is None:
        return _ymd(None, None, day), "day", True
    return (_ymd(a.year, a.month, day), "day", True) if _valid(a.year, a.month, day) else None


def _h_day_word(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"yesterday", "mañana por la tarde", "tonight", "anoche"."""
    phrase = _norm(_group(m, "rel") or m["pod2"])
    before = text[max(0, m.start() - 12):m.start()]
    if phrase == "mañana" and (_word_before(text, m.start()) in NOT_TOMORROW
                               or re.search(r"d[ií]a\s+de\s+$", before, re.I)):
        return None  # "por la mañana", "esta mañana" (handled whole), "el día de mañana"
    days, part = DAY_WORDS[phrase]
    return _shift_day(a, days, PARTS.get(_norm(_group(m, "pod")), part))


def _h_unit(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"last week", "el año pasado", "este mes", "next weekend"."""
    step = {"last": -1, "next": 1, "this": 0}[_relation(m) or "this"]
    return _shift(a, UNITS[_norm(m["unit"])], step)


def _h_recent_weekend(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"over the weekend": the latest weekend up to the publication day."""
    weeks = 0 if a.date is not None and a.date.weekday() >= 5 else -1
    return _shift_week(a, weeks, weekend=True)


def _h_ago(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"two years ago", "hace tres días": the publication date moved back."""
    if _word_before(text, m.start()) == "desde":
        return None  # "desde hace dos años" is a duration
    number = _norm(m["n"])
    amount = int(number) if number.isdigit() else NUMBERS[number]
    return _shift(a, UNITS[_norm(m["unit"])], -amount)


def _h_weekday(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """A weekday, plain or with last/next/this, possibly with a part of the day."""
    rel = _relation(m)
    if _group(m, "es") is not None:
        if not rel and _group(m, "art") is None:
            return None  # a bare Spanish weekday ("los lunes" is a habit, not a date)
    elif not rel and (_word_before(text, m.start()) in HOLIDAY_WORDS or (
            _capital_word_follows(text, m.end("wd"))
            and _word_before(text, m.start()) not in WEEKDAY_CUES)):
        return None  # "Good Friday", "Sunday Times"
    part = PARTS.get(_norm(_group(m, "pod")), "")
    if a.date is None:
        return _coarse(a, "XXXX-XX-XX", "day")
    target, today = WEEKDAYS[_norm(m["wd"])], a.date.weekday()
    if rel == "next":
        days = (target - today) % 7 or 7
    elif rel == "this":
        days = target - today
    else:
        days = -((today - target) % 7 or (0 if SAME_WEEKDAY_IS_TODAY and not rel else 7))
    return _shift_day(a, days, part)


def _h_season(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"this summer", "el verano pasado", "the summer of 2020"."""
    code = SEASONS[_norm(m["season"])]
    year_text = _group(m, "year")
    if year_text:
        return f"{year_text}-{code}", "season", False
    rel = _relation(m)
    if a.year is None or (a.month is None and rel != "this"):
        return f"XXXX-{code}", "season", True
    if rel == "this" or a.month is None:
        return f"{a.year}-{code}", "season", True
    order = ["WI", "SP", "SU", "FA"]
    now = (a.year + (a.month == 12)) * 4 + a.month % 12 // 3  # December opens next year's WI
    target = now // 4 * 4 + order.index(code)
    if rel == "last" and target >= now:
        target -= 4
    if rel == "next" and target <= now:
        target += 4
    return f"{target // 4}-{code}", "season", True


def _h_decade(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"the 1970s", "the '70s", "los años setenta", "the 1800s" (a century)."""
    full, two, word = _group(m, "full"), _group(m, "two"), _group(m, "word")
    if full:
        if full.endswith("00") and full != "2000":
            return full[:2], "century", False
        return full[:3], "decade", False
    if two:
        if _group(m, "the") is None and not re.search(r"['’]\d", m[0]) \
                and _group(m, "es") is None:
            return None  # "in their 70s" is an age
        return f"19{two[0]}", "decade", False
    return f"19{DECADE_WORDS[_norm(word)]}", "decade", False


def _roman(numeral: str) -> int:
    """Return the value of a Roman numeral (0 when it is not one)."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    digits = [values.get(c, 0) for c in numeral.upper()]
    if 0 in digits:
        return 0
    return sum(-d if i + 1 < len(digits) and d < digits[i + 1] else d
               for i, d in enumerate(digits))


def _h_century(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"the 19th century", "el siglo XIX" (TIMEX3 "18"), "siglo V a.C." ("BC04")."""
    raw = _norm(m["n"])
    digits = re.match(r"\d+", raw)
    number = int(digits[0]) if digits else ORDINALS.get(raw) or _roman(raw)
    if not 1 <= number <= 21:
        return None
    bc = _is_bc(_group(m, "era"))
    return ("BC" if bc else "") + f"{number - 1:02d}", "century", False


def _is_bc(era: str | None) -> bool:
    """Return whether an era marker means before Christ."""
    text = _norm(era).replace(" ", "").replace(".", "")
    return text.startswith(("bc", "ac", "adec", "antes"))


def _era_year(year: int, era: str) -> str:
    """Return "BC0431" or "0079"."""
    return f"BC{year:04d}" if _is_bc(era) else f"{year:04d}"


def _h_era_range(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"431–404 B.C." -> "BC0431/BC0404"."""
    first, last = int(m["y1"]), int(m["y2"])
    if first == 0 or last == 0 or (first <= last if _is_bc(m["era"]) else first >= last):
        return None
    return f"{_era_year(first, m['era'])}/{_era_year(last, m['era'])}", "range", False


def _h_era_year(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """"431 B.C.", "44 a.C.", "79 d.C."."""
    year = int(m["y1"])
    return (_era_year(year, m["era"]), "year", False) if year else None


def _h_year(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """A 4-digit year, unless its context says it is a count, an amount or a code."""
    year = int(m["year"])
    before, after = text[max(0, m.start() - 12):m.start()], text[m.end():m.end() + 30]
    cued = _word_before(text, m.start()) in YEAR_CUES
    if not (BARE_YEAR_MIN <= year <= BARE_YEAR_MAX or (year >= OLD_YEAR_MIN and cued)):
        return None
    if re.search(r"[$€£#]\s*$", before):
        return None  # "$ 2020"
    if re.search(r"[-–]$", before) and not re.search(r"(?:\d{4}\s*[-–]|\bmid-)$", before, re.I):
        return None
    if re.match(r"[-–‐](?!\d)|\s*(?:%|per\s*cent|por\s+ciento)", after):
        return None  # "2020-style", "1990%"
    following = re.match(r"\s+([^\W\d_][\w.]*)", after)
    if following and following.group(1).lower().rstrip(".") in COUNT_NOUNS:
        return None  # "2000 people", "1930 GMT"
    return str(year), "year", False


def _h_short_year(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
    """The "58" of "1957-58": the century of the year before, when it comes later."""
    year = int(m["full"][:2] + m["yy"])
    return (str(year), "year", False) if year > int(m["full"]) else None


def _ref(value: str) -> _Handler:
    """Return a handler that gives every match the same *_REF value."""

    def handle(m: re.Match[str], a: _Anchor, text: str) -> _Value | None:
        return value, "ref", True

    return handle


# --- rules ---------------------------------------------------------------------------------

_Rule = tuple[re.Pattern[str], _Handler]
_PRESENT, _PAST, _FUTURE = _ref("PRESENT_REF"), _ref("PAST_REF"), _ref("FUTURE_REF")

_SHARED: list[tuple[str, _Handler]] = [
    (rf"(?<![\d-]){_YEAR}-(?P<m>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?![\d-])", _h_date),
    (rf"(?<![\d.,])(?P<y1>\d{{1,4}}){DASH}(?P<y2>\d{{1,4}})\s*(?P<era>{_ERA})", _h_era_range),
    (rf"(?<![\d.,])(?P<y1>\d{{1,4}})\s*(?P<era>{_ERA})", _h_era_year),
    (r"(?<![\w$€£#.,/:])(?P<year>\d{4})(?![\w%]|[.,]\d)", _h_year),
    (r"(?<![\w$€£#.,/:])(?P<full>1[89]\d\d|20\d\d)[-–/](?P<x>(?P<yy>\d\d))(?![\w%]|[.,]\d)",
     _h_short_year),
]
_EN: list[tuple[str, _Handler]] = [
    (rf"{_EN_WDP}{_en_day('d1')}{DASH}{_en_day('d2')}\s+(?:(?i:of)\s+)?{_en_month('mon')}"
     rf"(?:,?\s+{_YEAR})?", _h_day_range),
    (rf"{_en_month('mon')}\s+{_en_day('d1')}{DASH}{_en_day('d2')}(?:,?\s+{_YEAR})?",
     _h_day_range),
    (rf"{_en_month('mon')}{DASH}{_en_month('mon2')}(?:,?\s+(?:(?i:of)\s+)?{_YEAR})?",
     _h_month_range),
    (rf"{_EN_WDP}{_en_month('mon')}\s+{_en_day('day')}(?:,\s*|\s+){_YEAR}", _h_date),
    (rf"{_EN_WDP}(?:(?i:the)\s+)?{_en_day('day')}\s+(?:(?i:of)\s+)?{_en_month('mon')},?\s+"
     rf"{_YEAR}", _h_date),
    (rf"{_EN_WDP}{_en_month('mon')}\s+{_en_day('day')}(?![\d,.:]\d|\s*%)", _h_date),
    (rf"{_EN_WDP}(?:(?i:the)\s+)?{_en_day('day')}\s+(?:(?i:of)\s+)?{_en_month('mon')}",
     _h_date),
    (rf"(?<![\d/.])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{_YEAR}(?![\d/])", _h_numeric_en),
    (rf"{_en_month('mon')},?\s+(?:(?i:of)\s+)?{_YEAR}", _h_month_year),
    (rf"{_en_month('mon')}\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|next|this))\s+(?i:year)\b",
     _h_month_of_year),
    (rf"\b(?P<rel>(?i:last|next|this(?:\s+past|\s+coming)?))\s+(?P<mon>{_EN_FULL})\b(?!\s*\d)",
     _h_month),
    (rf"\b(?P<mon>{_EN_FULL})\b(?!\s*\d|\s*[-–—]\s*[A-Z])", _h_en_month),
    (r"\b(?i:on)\s+(?P<x>(?i:the)\s+(?P<day>[12]\d|3[01]|[1-9])(?:st|nd|rd|th))"
     r"(?=\s*(?:[,.;:!?)]|$))", _h_nth),
    (r"\b(?i:(?P<rel>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|"
     r"today|tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?|"
     r"(?P<pod2>tonight|last\s+night|this\s+(?:morning|afternoon|evening)))\b", _h_day_word),
    (r"\b(?i:(?P<rel>this|last|next|this\s+past|this\s+coming|the\s+coming|the\s+last)\s+"
     r"(?:fiscal\s+)?(?P<unit>week|weekend|month|year))\b", _h_unit),
    (r"\b(?i:over|during)\s+(?P<x>(?i:the\s+weekend))\b", _h_recent_weekend),
    (rf"\b(?P<n>{_NUM_EN})\s+(?P<unit>(?i:day|week|month|year|decade)s?|(?i:century|centuries))"
     r"\s+(?i:ago)\b", _h_ago),
    (r"\b(?i:(?:(?:a\s+few|several|some|many)\s+)?(?:days|weeks|months|years|decades)\s+ago)\b",
     _PAST),
    (rf"\b(?:(?P<rel>(?i:last|next|this(?:\s+past|\s+coming)?|the\s+coming))\s+)?"
     rf"(?P<wd>{_EN_WD})\b(?:\s+(?P<pod>(?i:morning|afternoon|evening|night)))?", _h_weekday),
    (rf"\b(?P<rel>(?i:last|next|this(?:\s+past|\s+coming)?|the\s+coming))\s+"
     rf"(?P<season>{_SEASON_EN})\b", _h_season),
    (rf"\b(?:(?i:the)\s+)?(?P<season>{_SEASON_EN})\s+(?:(?i:of)\s+)?{_YEAR}", _h_season),
    (r"(?<![\w'’])(?:(?P<the>(?i:the))\s+(?:(?i:early|mid|late)[-\s]+)?)?(?<![\w'’])"
     r"(?:(?P<full>1\d{2}0|20\d0)|['’]?(?P<two>[1-9]0))['’]?s\b", _h_decade),
    (r"\b(?i:the)\s+(?:(?i:early|mid|late)[-\s]+)?(?P<word>(?i:twenties|thirties|forties|"
     r"fifties|sixties|seventies|eighties|nineties))\b", _h_decade),
    (rf"\b(?:(?i:the)\s+(?:(?i:early|mid|late)[-\s]+)?)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|"
     rf"(?i:{'|'.join(sorted(ORDINALS, key=len, reverse=True))}))[-\s](?i:century)\b"
     rf"(?:\s*(?P<era>{_ERA}))?", _h_century),
    (r"\b(?i:now|currently|nowadays|at\s+present)\b(?![-‐])", _PRESENT),
    (r"\b(?i:recently|lately)\b", _PAST),
    (r"\b(?i:in)\s+(?P<x>(?i:the\s+past|recent\s+(?:days|weeks|months|years|times)))\b"
     r"(?!\s+(?i:few|several|\d|two|three|four|five|week|month|year|decade|century))", _PAST),
    (r"(?<!(?i:as)\s)\b(?i:soon)\b(?!\s+(?i:as|after|afterwards|thereafter)\b)", _FUTURE),
    (r"\b(?i:in)\s+(?P<x>(?i:the\s+(?:near\s+|distant\s+)?future|the\s+coming\s+"
     r"(?:days|weeks|months|years)))\b", _FUTURE),
]
_ES: list[tuple[str, _Handler]] = [
    (rf"\b(?:(?:el|del|entre\s+el|los\s+d[ií]as)\s+)?{_es_day('d1')}\s*(?:[-–—]|\by\b|\bal\b)\s*"
     rf"(?:el\s+)?{_es_day('d2')}\s+de\s+(?P<mon>{_ES_MON})\b(?:{_ES_YEAR})?", _h_day_range),
    (rf"\b(?P<mon>{_ES_MON})\s*[-–—/]\s*(?P<mon2>{_ES_MON})\b(?:{_ES_YEAR})?", _h_month_range),
    (rf"{_ES_ART}(?:(?P<pre>pasado|pr[oó]ximo)\s+)?{_ES_WDP}(?:(?:el\s+)?d[ií]a\s+)?"
     rf"{_es_day('day')}\s+de\s+(?P<mon>{_ES_MON})\b"
     rf"(?:{_ES_YEAR}|\s+(?P<post>pasado|pr[oó]ximo)\b)?", _h_date),
    (rf"(?<![\d/.\-])(?P<day>\d{{1,2}})(?P<sep>[/.\-])(?P<m>\d{{1,2}})(?P=sep){_YEAR}",
     _h_date),
    (rf"\b(?:(?:el\s+)?mes\s+de\s+)?(?P<mon>{_ES_MON})\b{_ES_YEAR}", _h_month_year),
    (rf"\b(?:(?:el\s+)?mes\s+de\s+)?(?P<mon>{_ES_MON})\s+del?\s+(?:(?P<rel>este|pasado|"
     r"pr[oó]ximo)\s+año|año\s+(?P<rel2>pasado|pr[oó]ximo|que\s+viene))\b", _h_month_of_year),
    (rf"{_ES_ART}(?P<pre>pasado|pr[oó]ximo)\s+(?:mes\s+de\s+)?(?P<mon>{_ES_MON})\b", _h_month),
    (rf"{_ES_ART}(?:mes\s+de\s+)?(?P<mon>{_ES_MON})\s+"
     r"(?P<post>pasado|pr[oó]ximo|que\s+viene|entrante)\b", _h_month),
    (rf"\b(?:(?P<mes>(?:el\s+)?mes\s+de)\s+)?(?P<mon>{_ES_MON})\b"
     r"(?!\s*(?:[-–—/]|de\s+\d|\d))", _h_es_month),
    (r"\b(?:el\s+)?d[ií]a\s+(?P<day>[12]\d|3[01]|0?[1-9])\b(?!\s*de\s|[.,]\d|\s*%)", _h_nth),
    # "El martes 3": the weekday only confirms the day of the publication month
    (rf"\b(?:(?:el|del|al)\s+)?(?:{_ES_WD})\s+(?P<day>[12]\d|3[01]|0?[1-9])\b"
     r"(?!\s*de\s|[.,:]\d|\s*%)", _h_nth),
    (r"\b(?:(?P<rel>anteayer|antier|antes\s+de\s+ayer|ayer|hoy|pasado\s+mañana|mañana)"
     r"(?:\s+por\s+la\s+(?P<pod>mañana|tarde|noche))?|"
     r"(?P<pod2>anoche|esta\s+(?:mañana|tarde|noche)))\b", _h_day_word),
    (r"\b(?P<rel>est[ae])\s+(?P<unit>semana|mes|año|fin\s+de\s+semana)\b", _h_unit),
    # "a mediados de año": of this year (the modifier is kept in the span)
    (r"(?<=\bde\s)(?P<x>año)\b(?!\s+(?:pasado|pr[oó]ximo|que\s+viene|\d))", _h_this_year),
    (r"\b(?:(?:el|la|del|al)\s+)?(?P<rel>pasad[oa]|pr[oó]xim[oa])\s+"
     r"(?P<unit>semana|mes|año|fin\s+de\s+semana)\b", _h_unit),
    (r"\b(?:el|la|del|al)\s+(?P<unit>semana|mes|año|fin\s+de\s+semana)\s+"
     r"(?P<rel>pasad[oa]|pr[oó]xim[oa]|que\s+viene|entrante)\b", _h_unit),
    (rf"\bhace\s+(?P<n>{_NUM_ES})\s+(?P<unit>d[ií]as?|semanas?|mes(?:es)?|años?|d[eé]cadas?|"
     r"siglos?)\b", _h_ago),
    (r"\bhace\s+(?:(?:unos|unas|varios|varias|algunos|algunas|pocos|pocas|muchos|muchas)\s+)?"
     r"(?:d[ií]as|semanas|meses|años|d[eé]cadas|tiempo)\b", _PAST),
    # the empty group (?P<es>) tells _h_weekday this is the Spanish rule
    (rf"\b(?:(?P<art>el|del|al|este)\s+)?(?:(?P<pre>pasado|pr[oó]ximo)\s+)?(?P<es>)"
     rf"(?P<wd>{_ES_WD})\b(?:\s+(?P<post>pasado|pr[oó]ximo|que\s+viene))?"
     r"(?:\s+por\s+la\s+(?P<pod>mañana|tarde|noche))?", _h_weekday),
    (rf"\b(?:(?:el|la|del|al)\s+)?(?P<pre>pasad[oa]|pr[oó]xim[oa])\s+(?P<season>{_SEASON_ES})\b",
     _h_season),
    (rf"\b(?P<rel>est[ae])\s+(?P<season>{_SEASON_ES})\b", _h_season),
    (rf"\b(?:el|la|del|al)\s+(?P<season>{_SEASON_ES})\s+"
     r"(?P<post>pasad[oa]|pr[oó]xim[oa]|que\s+viene)\b", _h_season),
    (rf"\b(?:(?:el|la|del|al)\s+)?(?P<season>{_SEASON_ES})\s+de(?:l)?\s+{_YEAR}", _h_season),
    (r"\b(?P<es>(?:la\s+)?d[eé]cada\s+de(?:\s+los)?|los\s+años)\s+(?:(?P<full>1\d{2}0|20\d0)|"
     r"(?P<two>[1-9]0)|(?P<word>veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|"
     r"noventa))\b", _h_decade),
    (rf"\b(?:el\s+)?siglo\s+(?P<n>[IVXLC]+|\d{{1,2}})\b(?:\s*(?P<era>{_ERA}))?", _h_century),
    (r"\b(?:ahora(?!\s+bien)|actualmente|hoy\s+en\s+d[ií]a|hoy\s+d[ií]a)\b", _PRESENT),
    (r"\ben\s+(?P<x>la\s+actualidad)\b", _PRESENT),
    (r"\b(?:recientemente|últimamente)\b", _PAST),
    (r"\ben\s+(?P<x>el\s+pasado|los\s+últimos\s+(?:días|meses|años|semanas|tiempos))\b"
     r"(?!\s+(?:\d|mes|año|semana|fin|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|"
     rf"domingo|{_ES_MON}|primavera|verano|otoño|invierno)\b)", _PAST),
    (r"\bpróximamente\b", _FUTURE),
    (r"\ben\s+(?P<x>el\s+futuro|un\s+futuro\s+(?:próximo|cercano)|los\s+próximos\s+"
     r"(?:días|meses|años|semanas))\b", _FUTURE),
]
_RULES: dict[str, list[_Rule]] = {
    "en": [(re.compile(p), h) for p, h in _EN + _SHARED]
    + [(NARRATIVE["en"], _h_narrative), (SAME_DAY["en"], _PRESENT),
       (SINCE_THEN["en"], _PAST), (COUNTED_STEP["en"], _PAST)],
    "es": [(re.compile(p, re.IGNORECASE), h) for p, h in _ES + _SHARED]
    + [(NARRATIVE["es"], _h_narrative), (SAME_DAY["es"], _PRESENT),
       (SINCE_THEN["es"], _PAST), (COUNTED_STEP["es"], _PAST)],
}
_MODIFIER = {  # text right before a date that belongs to it ("early", "a finales de")
    "en": re.compile(r"\b(?:(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid)(?:-|\s+)|"
                     r"(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+)$", re.IGNORECASE),
    "es": re.compile(r"\b(?:principios|comienzos|inicios|mediados|finales|fines|principio|"
                     r"comienzo|inicio|final|fin)\s+(?:de\s+)?$", re.IGNORECASE),
}


def _anchor(published: str | None) -> _Anchor:
    """Return the known parts of a partial ISO date ("2021", "2021-08", "2021-08-13...")."""
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published or "")
    if not m:
        return _Anchor()
    year = int(m[1])
    if not OLD_YEAR_MIN <= year <= 2999:
        return _Anchor()
    month = int(m[2]) if m[2] and 1 <= int(m[2]) <= 12 else None
    day = int(m[3]) if month and m[3] and _valid(year, month, int(m[3])) else None
    return _Anchor(year, month, day)


# Handlers of a month or day named without its year, which takes the publication's.
YEARLESS = {_h_date, _h_month, _h_en_month, _h_es_month}


def _sentence_year(text: str, before: Timex, start: int) -> str | None:
    """The year a date opening the sentence states outright, which a year-less month or day
    later in that sentence belongs to ("After denying rumours in the summer of 2004, he
    announced a resignation in mid-August" is August 2004, not the publication's). Only an
    opening phrase (before the sentence's first comma) sets the scene: a year inside a clause
    about something else ("Keiko, que disputó la presidencia en 2016, anunció que volverá a
    postular en abril") does not."""
    if before.anchored or not re.match(r"\d{4}", before.value):
        return None
    opening = max(text.rfind(mark, 0, before.start) for mark in (". ", "! ", "? ", "\n"))
    if "," in text[opening + 1:before.start] or re.search(r"[.!?;:]\s", text[before.end:start]):
        return None
    return before.value[:4] if "," in text[before.end:start] else None


def _story_day(text: str, before: list[Timex]) -> Timex | None:
    """The last date to the day the text gave before, not one naming a noun's kind."""
    return next((t for t in reversed(before) if re.match(r"\d{4}-\d\d-\d\d", t.value)
                 and not NAMING_DAY.search(text, max(0, t.start - 5), t.start)), None)


def find_timexes(text: str, language: str, published: str | None) -> list[Timex]:
    """Return the date expressions of a text, normalised against a partial ISO publication date ("2021-08", "2022-12-08", "2023", or None)."""  # noqa: E501
    lang = language[:2].lower()
    anchor = _anchor(published)
    found: list[tuple[int, int, int, _Value, bool]] = []
    for order, (pattern, handle) in enumerate(_RULES.get(lang, [])):
        for m in pattern.finditer(text):
            value = handle(m, anchor, text)
            if value is not None:
                start, end = m.span("x") if _group(m, "x") is not None else m.span()
                if end > start:
                    yearless = handle in YEARLESS and not _relation(m)
                    found.append((start, end, order, value, yearless))
    chosen: list[tuple[int, int, _Value, bool]] = []
    for start, end, _, value, yearless in sorted(found, key=lambda f: (f[0] - f[1], f[0], f[2])):
        if all(end <= s or start >= e for s, e, _, _ in chosen):
            chosen.append((start, end, value, yearless))
    chosen.sort()
    result: list[Timex] = []
    for i, (start, end, value, yearless) in enumerate(chosen):
        step = NARRATIVE[lang].fullmatch(text, start, end)
        base = CALENDAR.match(result[-1].value) if step is not None and result else None
        if step is not None and base is not None:
            moved, granularity, _ = _h_narrative(step, _anchor(base.group()), text)
            value = (moved, granularity, False)
        elif (counted := COUNTED_STEP[lang].fullmatch(text, start, end)) is not None:
            if base is None and result:
                base = CALENDAR.match(result[-1].value)
            if base is None:  # nothing before it to count from
                continue
            number = _norm(counted["n"])
            amount = int(number) if number.isdigit() else NUMBERS[number]
            sign = STEP_SIGN.get(_norm(counted["rel"]), 1)
            moved, granularity, _ = _shift(_anchor(base.group()), UNITS[_norm(counted["unit"])],
                                           sign * amount)
            value = (moved, granularity, False)
        elif SINCE_THEN[lang].fullmatch(text, start, end):
            since = next((CALENDAR.match(t.value) for t in reversed(result)
                          if CALENDAR.match(t.value)), None)
            if since is None:  # nothing before it to count from
                continue
            value = (since.group(), "day" if len(since.group()) == 10 else
                     "month" if len(since.group()) == 7 else "year", False)
        elif SAME_DAY[lang].fullmatch(text, start, end):
            day = _story_day(text, result)
            if day is None:  # "Salió por la mañana": no day to be the same as
                continue
            value = (day.value[:10], "day", False)
        elif yearless and value[2] and result and (year := _sentence_year(text, result[-1], start)):
            value = (year + value[0][4:], value[1], False)
        floor = max(chosen[i - 1][1] if i else 0, start - 40)
        modifier = _MODIFIER[lang].search(text, floor, start) if value[1] != "ref" else None
        if modifier and modifier.end() == start:
            start = modifier.start()
        result.append(Timex(start, end, text[start:end], *value))
    return result
