from __future__ import annotations

import pytest

from marea.events.timex import Timex, find_timexes


def only(text: str, language: str, published: str | None) -> Timex:
    """Return the single timex of a text (failing when there are none or several)."""
    found = find_timexes(text, language, published)
    assert len(found) == 1, found
    assert text[found[0].start:found[0].end] == found[0].text
    return found[0]


# language, published, text, expected span text, expected value
ABSOLUTE = [
    ("en", "2021-08", "It happened on July 12, 2021.", "July 12, 2021", "2021-07-12"),
    ("en", "2021-08", "It happened on 12 July 2021.", "12 July 2021", "2021-07-12"),
    ("en", "2021-08", "Filed 2021-07-12 in court.", "2021-07-12", "2021-07-12"),
    ("en", "2021-08", "Dated 25/12/2021 by the clerk.", "25/12/2021", "2021-12-25"),
    ("es", "2021-08", "Ocurrió el 12/07/2021 en Lima.", "12/07/2021", "2021-07-12"),
    ("es", "2021-08", "Registrado 2021-07-12 en Lima.", "2021-07-12", "2021-07-12"),
    ("es", "2021-08", "Ocurrió el 12 de julio de 2021.", "el 12 de julio de 2021", "2021-07-12"),
    ("es", "2021-08", "Llegó el 12 de julio a Lima.", "el 12 de julio", "2021-07-12"),
    ("es", "2021-08", "Ocurrió el miércoles 4 de agosto de 2021.",
     "el miércoles 4 de agosto de 2021", "2021-08-04"),
    ("en", "2021-08", "Prices rose in July 2021.", "July 2021", "2021-07"),
    ("es", "2021-08", "Los precios subieron en julio de 2021.", "julio de 2021", "2021-07"),
    ("en", "2021-08", "He was elected in 2019.", "2019", "2019"),
    ("es", "2021-08", "Fue elegido en 2019.", "2019", "2019"),
    ("en", "2021-08", "Talks on 13-14 August failed.", "13-14 August", "2021-08-13/2021-08-14"),
    ("es", "2021-08", "Se reunieron el 13 y 14 de agosto.", "el 13 y 14 de agosto",
     "2021-08-13/2021-08-14"),
    ("es", "2021-08", "Se reunieron del 13 al 15 de agosto.", "del 13 al 15 de agosto",
     "2021-08-13/2021-08-15"),
    ("en", "2021-08", "The blockade in July-August 2021 hurt.", "July-August 2021",
     "2021-07/2021-08"),
    ("es", "2021-08", "El bloqueo de julio-agosto de 2021.", "julio-agosto de 2021",
     "2021-07/2021-08"),
    ("en", "2021-08", "He spoke on July 12th.", "July 12th", "2021-07-12"),
    ("en", "2021-08", "On July 24th he left.", "July 24th", "2021-07-24"),
    ("en", "2021-08-10", "The vote is on the 24th.", "the 24th", "2021-08-24"),
    ("es", "2021-08-10", "La votación es el día 24.", "el día 24", "2021-08-24"),
    ("es", "2021-08", "Desde el primero de mayo.", "el primero de mayo", "2021-05-01"),
    ("en", "2023-01", "It closed on December 20.", "December 20", "2022-12-20"),
    ("es", "2023-01", "Cerró el 20 de diciembre.", "el 20 de diciembre", "2022-12-20"),
    ("en", "2021-08-10", "It reopens on August 30.", "August 30", "2021-08-30"),
]
RELATIVE = [
    ("en", "2021-08", "It failed last October.", "last October", "2020-10"),
    ("es", "2021-08", "Fracasó el pasado octubre.", "el pasado octubre", "2020-10"),
    ("es", "2021-08", "Fracasó en octubre pasado.", "octubre pasado", "2020-10"),
    ("es", "2021-08", "Fracasó el octubre pasado.", "el octubre pasado", "2020-10"),
    ("es", "2021-08", "Fracasó el pasado mes de octubre.", "el pasado mes de octubre",
     "2020-10"),
    ("en", "2021-08", "It opens next March.", "next March", "2022-03"),
    ("es", "2021-08", "Abre el próximo marzo.", "el próximo marzo", "2022-03"),
    ("es", "2021-08-10", "Ocurrió el pasado 12 de julio.", "el pasado 12 de julio",
     "2021-07-12"),
    ("en", "2021-08", "Sales rose this month.", "this month", "2021-08"),
    ("es", "2021-08", "Las ventas subieron este mes.", "este mes", "2021-08"),
    ("en", "2021-08", "Sales rose last month.", "last month", "2021-07"),
    ("es", "2021-08", "Las ventas subieron el mes pasado.", "el mes pasado", "2021-07"),
    ("en", "2021-08", "Sales rose last year.", "last year", "2020"),
    ("es", "2021-08", "Las ventas subieron el año pasado.", "el año pasado", "2020"),
    ("en", "2021", "Sales will rise next year.", "next year", "2022"),
    ("es", "2021", "Las ventas subirán el próximo año.", "el próximo año", "2022"),
    ("es", "2021", "Las ventas subirán el año que viene.", "el año que viene", "2022"),
    ("en", "2021", "Sales rose this year.", "this year", "2021"),
    ("es", "2021", "Las ventas subieron este año.", "este año", "2021"),
    ("en", "2022-12-08", "He arrived yesterday.", "yesterday", "2022-12-07"),
    ("es", "2022-12-08", "Llegó ayer.", "ayer", "2022-12-07"),
    ("en", "2022-12-08", "He arrives today.", "today", "2022-12-08"),
    ("es", "2022-12-08", "Llega hoy.", "hoy", "2022-12-08"),
    ("en", "2022-12-08", "He arrives tomorrow.", "tomorrow", "2022-12-09"),
    ("es", "2022-12-08", "Llega mañana.", "mañana", "2022-12-09"),
    ("es", "2022-12-08", "Llegó esta mañana.", "esta mañana", "2022-12-08TMO"),
    ("es", "2022-12-08", "Llega mañana por la mañana.", "mañana por la mañana",
     "2022-12-09TMO"),
    ("es", "2022-12-08", "Llegó ayer por la tarde.", "ayer por la tarde", "2022-12-07TAF"),
    ("en", "2022-12-08", "It was signed last week.", "last week", "2022-W48"),
    ("es", "2022-12-08", "Se firmó la semana pasada.", "la semana pasada", "2022-W48"),
    ("es", "2022-12-08", "Se firma este fin de semana.", "este fin de semana", "2022-W49-WE"),
    ("en", "2021", "It began two years ago.", "two years ago", "2019"),
    ("es", "2021", "Empezó hace dos años.", "hace dos años", "2019"),
    ("en", "2022-12-08", "It began three days ago.", "three days ago", "2022-12-05"),
    ("en", "2021", "Prices rose in recent months.", "recent months", "PAST_REF"),
    ("es", "2021", "Los precios subieron en los últimos meses.", "los últimos meses",
     "PAST_REF"),
    ("en", "2021", "Prices are falling now.", "now", "PRESENT_REF"),
    ("es", "2021", "Los precios bajan ahora.", "ahora", "PRESENT_REF"),
    ("en", "2021", "Prices will fall soon.", "soon", "FUTURE_REF"),
]
WEEKDAYS = [  # 2022-12-08 is a Thursday
    ("en", "2022-12-08", "He resigned on Wednesday.", "Wednesday", "2022-12-07"),
    ("es", "2022-12-08", "Dimitió el miércoles.", "el miércoles", "2022-12-07"),
    ("en", "2022-12-08", "He resigned on Thursday.", "Thursday", "2022-12-08"),
    ("en", "2022-12-08", "He resigns next Friday.", "next Friday", "2022-12-09"),
    ("es", "2022-12-08", "Dimite el próximo viernes.", "el próximo viernes", "2022-12-09"),
    ("en", "2022-12-08", "He resigned last Sunday.", "last Sunday", "2022-12-04"),
    ("es", "2022-12-08", "Dimitió el domingo pasado.", "el domingo pasado", "2022-12-04"),
    ("es", "2022-12-08", "Dimite este viernes.", "este viernes", "2022-12-09"),
    ("en", "2022-12-08", "He resigned Friday afternoon.", "Friday afternoon",
     "2022-12-02TAF"),
    ("es", "2022-12-08", "Dimitió el lunes por la noche.", "el lunes por la noche",
     "2022-12-05TNI"),
]
PERIODS = [
    ("en", "2006-04", "The doctrine of the 1820s.", "the 1820s", "182"),
    ("es", "2006-04", "La doctrina de la década de 1820.", "la década de 1820", "182"),
    ("es", "2006-04", "La doctrina nació en los años 1820.", "los años 1820", "182"),
    ("en", "2021", "A coup in the 1970s.", "the 1970s", "197"),
    ("en", "2021", "A coup in the early 1970s.", "the early 1970s", "197"),
    ("es", "2021", "Un golpe en los años 70.", "los años 70", "197"),
    ("en", "2021", "Since the 19th century.", "the 19th century", "18"),
    ("es", "2021", "Desde el siglo XIX.", "el siglo XIX", "18"),
    ("en", "2023", "The war (431–404 B.C.) ended.", "431–404 B.C.", "BC0431/BC0404"),
    ("es", "2023", "La guerra (431–404 a.C.) terminó.", "431–404 a.C.", "BC0431/BC0404"),
    ("es", "2023", "Murió en el 44 a.C.", "44 a.C.", "BC0044"),
    ("en", "2021-08", "The session opens in early September.", "early September", "2021-09"),
    ("es", "2021-08", "La sesión abre a principios de septiembre.",
     "principios de septiembre", "2021-09"),
    ("en", "2021", "Growth slowed by mid-2020.", "mid-2020", "2020"),
    ("es", "2021", "El crecimiento frenó a mediados de 2020.", "mediados de 2020", "2020"),
    ("en", "2021-08", "The tour is this summer.", "this summer", "2021-SU"),
    ("es", "2021-08", "La gira es este verano.", "este verano", "2021-SU"),
    ("en", "2021-08", "The tour was last summer.", "last summer", "2020-SU"),
    ("es", "2021-08", "La gira fue el verano pasado.", "el verano pasado", "2020-SU"),
    ("en", "2021-08", "The tour was in the summer of 2019.", "the summer of 2019", "2019-SU"),
]


@pytest.mark.parametrize(("language", "published", "text", "span", "value"),
                         ABSOLUTE + RELATIVE + WEEKDAYS + PERIODS)
def test_timex_value(language: str, published: str, text: str, span: str, value: str) -> None:
    found = only(text, language, published)
    assert (found.text, found.value) == (span, value)


@pytest.mark.parametrize(("text", "granularity", "anchored"), [
    ("on July 12, 2021", "day", False),
    ("on July 12th", "day", True),
    ("in July 2021", "month", False),
    ("last October", "month", True),
    ("in early September", "month", True),
    ("last week", "week", True),
    ("this summer", "season", True),
    ("in the 1970s", "decade", False),
    ("the 19th century", "century", False),
    ("13-14 August", "range", True),
    ("now", "ref", True),
    ("Friday afternoon", "time", True),
    ("in 2019", "year", False),
])
def test_timex_granularity_and_anchoring(text: str, granularity: str, anchored: bool) -> None:
    found = only(text, "en", "2021-08-10")
    assert (found.granularity, found.anchored) == (granularity, anchored)


@pytest.mark.parametrize(("published", "value", "granularity"), [
    ("2022-12-08", "2022-12-07", "day"),
    ("2022-12", "2022-12", "month"),
    ("2022", "2022", "year"),
    (None, "XXXX-XX-XX", "day"),
])
def test_timex_weekday_with_coarse_publication(published: str | None, value: str,
                                               granularity: str) -> None:
    for language, text in (("en", "He resigned on Wednesday."), ("es", "Dimitió el miércoles.")):
        found = only(text, language, published)
        assert (found.value, found.granularity) == (value, granularity)


@pytest.mark.parametrize(("text", "published", "value"), [
    ("He spoke on July 12th.", None, "XXXX-07-12"),
    ("He spoke on July 12th.", "2021", "2021-07-12"),
    ("Sales rose last year.", None, "XXXX"),
    ("It was signed last week.", "2022-12", "2022-12"),
    ("It was signed last week.", None, "XXXX-WXX"),
    ("It failed last October.", "2021", "XXXX-10"),
    ("It failed last October.", None, "XXXX-10"),
    ("He arrived yesterday.", "not a date", "XXXX-XX-XX"),
    ("He arrived yesterday.", "2021-13-45", "2021"),
])
def test_timex_partial_publication_keeps_partial_values(text: str, published: str | None,
                                                        value: str) -> None:
    assert only(text, "en", published).value == value


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The road is 3,000 km long."),
    ("en", "Delegates from 31 countries met."),
    ("en", "An 86-year-old man died."),
    ("en", "The bill passed with 101 votes."),
    ("en", "They won 2-1 at home."),
    ("en", "7 min read"),
    ("en", "Some 4,800 people marched."),
    ("en", "Some 2000 people marched."),
    ("en", "They may leave soon after."),
    ("en", "May I ask a question?"),
    ("en", "Theresa May said no."),
    ("en", "The Sunday Times reported it."),
    ("en", "He spoke on Good Friday."),
    ("en", "They met as soon as possible."),
    ("es", "La carretera mide 3.000 kilómetros."),
    ("es", "Delegados de 31 países."),
    ("es", "La ley pasó con 101 votos."),
    ("es", "Unas 2000 personas marcharon."),
    ("es", "Marcharon a la Plaza de Mayo."),
    ("es", "Abre los lunes."),
    ("es", "Salió por la mañana."),
    ("es", "Ahora bien, nadie lo sabe."),
    ("es", "Vive así desde hace dos años."),
    ("es", "Pensemos en el día de mañana."),
])
def test_timex_not_dates(language: str, text: str) -> None:
    assert find_timexes(text, language, "2021-08-10") == []


def test_timex_may_is_a_month_with_a_cue_or_a_number() -> None:
    text = "In May they met; on May 5, in May 2010, last May and early May too."
    found = [(t.text, t.value) for t in find_timexes(text, "en", "2021-08")]
    assert found == [("May", "2021-05"), ("May 5", "2021-05-05"), ("May 2010", "2010-05"),
                     ("last May", "2021-05"), ("early May", "2021-05")]


def test_timex_ad_year_survives_beside_bc_range() -> None:
    text = "The war lasted 431–404 B.C.; the empire fell in 1956."
    found = [(t.text, t.value) for t in find_timexes(text, "en", "2023")]
    assert found == [("431–404 B.C.", "BC0431/BC0404"), ("1956", "1956")]


@pytest.mark.parametrize(("language", "text"), [
    ("en", "It ended on February 30, 2021."),
    ("en", "It ended on February 30."),
    ("es", "Terminó el 30 de febrero."),
    ("es", "Terminó el 31/04/2021."),
])
def test_timex_impossible_dates_are_dropped(language: str, text: str) -> None:
    values = [t.value for t in find_timexes(text, language, "2021-08-10")]
    assert not any(v.startswith(("2021-02-30", "2021-04-31", "XXXX-02-30")) for v in values)
    assert all(v in ("2021",) for v in values)


def test_timex_edge_inputs() -> None:
    assert find_timexes("", "en", None) == []
    assert find_timexes("Ocorreu em 2019.", "pt", "2021") == []
    assert [t.value for t in find_timexes("Hoy, 2019.", "ES", None)] == ["XXXX-XX-XX", "2019"]


def test_timex_offsets_follow_the_text() -> None:
    text = "Yesterday, in July 2021 and the 1970s, now."
    for t in find_timexes(text, "en", "2021-08-10"):
        assert text[t.start:t.end] == t.text
    assert [t.text for t in find_timexes(text, "en", "2021-08-10")] == \
        ["Yesterday", "July 2021", "the 1970s", "now"]


@pytest.mark.parametrize(("language", "text", "steps"), [
    # a step after a season counts from its year, not from publication
    ("en", "In the summer of 2016 he came. The next year, he left.", ["2016-SU", "2017"]),
    ("es", "El 3 de marzo de 2018 hubo elecciones. La semana siguiente hubo paro.",
     ["2018-03-03", "2018-W10"]),
    # a step from an event the sentence names ("al golpe", "de la masacre") is no step from
    # the text's last date, as "the year before the election" is none in English
    ("es", "El 3 de marzo de 2018 hubo elecciones. El año anterior al golpe fue tranquilo.",
     ["2018-03-03"]),
    ("es", "El 3 de marzo de 2018 hubo elecciones. Al día siguiente de la masacre hubo paro.",
     ["2018-03-03"]),
    ("en", "He was elected on 3 March 2016. The year before the election was calm.",
     ["2016-03-03"]),
])
def test_timex_narrative_steps(language: str, text: str, steps: list[str]) -> None:
    assert [t.value for t in find_timexes(text, language, "2019-11-12")] == steps
