"""Values users type as filters, checked by one function each.

The CLI, the Python API, the REST API and the dashboard all call these, so a value is accepted
or refused the same way everywhere, with a message that shows what is accepted.
"""

from __future__ import annotations

import re
from datetime import date

from marea.errors import ParameterError

DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021, 2021-07, 2021-07-28"
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_prefix(value: str | date | int | None, name: str = "date") -> str | None:
    """Return an ISO date or its year/month prefix; refuse anything else.

    A `datetime.date` (or datetime, or pandas Timestamp) becomes its day and a whole number
    its year, so Python callers can pass real dates. Dates are compared as ISO text, so
    "2021/06/01" or "June 2021" would silently compare wrong: they are refused instead.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):  # datetime and pandas Timestamp are dates too
        return value.isoformat()[:10]
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"
    text = str(value).strip()
    match = _DATE.fullmatch(text)
    valid = bool(match)
    if match:
        year, month, day = (int(part) if part else 1 for part in match.groups())
        try:
            date(year, month, day)
        except ValueError:
            valid = False
    if not valid:
        raise ParameterError(f"[E060] {name} '{value}' is not a date: use {DATE_FORMS}.")
    return text


def _choice(value: str | None, accepted: list[str], what: str, code: str) -> str | None:
    """Return the accepted spelling of `value` (any case), or refuse it listing the choices."""
    if value is None or value == "":
        return None
    by_fold = {name.lower(): name for name in accepted}
    found = by_fold.get(str(value).strip().lower())
    if found is None:
        raise ParameterError(f"[{code}] Unknown {what} '{value}': choose one of "
                             f"{', '.join(accepted)}.")
    return found


def event_type(value: str | None) -> str | None:
    """A PLOVER event type (or marea's STATEMENT), any case."""
    from marea.events.lexicon import ontology

    return _choice(value, list(ontology()), "event type", "E061")


def theme(value: str | None) -> str | None:
    """A theme id of the documented taxonomy (`marea themes` lists them)."""
    from marea.opinion.lexicon import theme_catalogue

    return _choice(value, list(theme_catalogue()), "theme", "E062")


LANGUAGE = re.compile(r"[a-z]{2}")


def language(value: str | None) -> str | None:
    """A two-letter ISO 639-1 code that the language identifier knows."""
    if value is None or value == "":
        return None
    code = str(value).strip().lower()
    if LANGUAGE.fullmatch(code):
        from lingua import IsoCode639_1

        try:
            IsoCode639_1.from_str(code)
            return code
        except ValueError:
            pass
    raise ParameterError(f"[E063] Unknown language '{value}': use a two-letter ISO 639-1 "
                         "code such as en, es or pt.")


def stance_label(value: str | None) -> str | None:
    return _choice(value, ["favor", "against", "neutral"], "stance", "E064")


def claim_kind(value: str | None) -> str | None:
    return _choice(value, ["figure", "poll", "ranking", "comparison", "superlative"],
                   "claim kind", "E065")


ALERT_KINDS = ["event", "attention", "stance", "narrative"]


def alert_kind(value: str | None) -> str | None:
    return _choice(value, ALERT_KINDS, "alert kind", "E092")


def page_size(value: int | None, name: str = "limit") -> int | None:
    """A page size of at least 1, or None for every row."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ParameterError(f"[E066] {name} must be a whole number of at least 1, "
                             f"or None for all rows (got {value!r}).")
    return value


def offset(value: int | str | None) -> int:
    """Rows to skip: a whole number of at least 0 (also as text, as a page's URL gives it)."""
    if value is None or value == "":
        return 0
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ParameterError(f"[E067] offset must be a whole number of at least 0 "
                             f"(got {value!r}).")
    return value


ACTOR_KINDS = {"person": ["person"], "country": ["country"], "org": ["org", "party"],
               "agent": ["agent"]}


def actor_kind(value: str | None) -> list[str] | None:
    """An actor kind as the actor types it covers (org includes parties)."""
    name = _choice(value, list(ACTOR_KINDS), "actor type", "E068")
    return ACTOR_KINDS[name] if name else None


_CURSOR = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)?\|([0-9a-f]{1,64})")


def cursor(value: str | None) -> tuple[str | None, str] | None:
    """Return the (published, doc_id) of a documents-listing cursor ("2021-07-28|9f3a..."
    or "|9f3a..." for an undated document, as the listing's `next` gives it); refuse
    anything else."""
    if value is None or value == "":
        return None
    match = _CURSOR.fullmatch(str(value).strip())
    if not match:
        raise ParameterError(f"[E167] after '{value}' is not a listing cursor: pass the "
                             "`next` value of the previous page, e.g. 2021-07-28|9f3a01b2.")
    return match.group(1), match.group(2)
