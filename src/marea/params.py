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


def date_prefix(value: str | None, name: str = "date") -> str | None:
    """Return an ISO date or its year/month prefix unchanged; refuse anything else.

    Dates are compared as ISO text, so "2021/06/01" or "June 2021" would silently compare
    wrong: they are refused instead.
    """
    if value is None or value == "":
        return None
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
        raise ParameterError(f"[E040] {name} '{value}' is not a date: use {DATE_FORMS}.")
    return text
