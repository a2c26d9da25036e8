"""Dates as drafts write them: ISO, day-month-year in words, month-day-year, dotted numbers.

>>> find_date("Revised framework - Nov. 23, 2025")
('2025-11-23', 20, 33)
>>> find_date("Draft of 20 November 2025, as leaked")
('2025-11-20', 9, 25)
>>> find_date("20.11.2025")
('2025-11-20', 0, 10)
>>> find_date("2025-11-20 (leaked)")
('2025-11-20', 0, 10)
>>> find_date("31 February 2025") is None
True
"""

from __future__ import annotations

import datetime
import re

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=lambda m: (-len(m), m)))
# An ISO date may run on into a time ("2025-11-23T08:00"). Each alternative starts at a word
# boundary with a digit or a month name, and every part is bounded ({1,2}, {4}, a literal
# month): no run can be split two ways.
_DATE = re.compile(
    rf"\b(?P<iso>(?P<y1>\d{{4}})-(?P<m1>\d{{2}})-(?P<d1>\d{{2}}))(?!\d)"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m2>{_MONTH})\.?,?\s(?P<y2>\d{{4}})\b"
    rf"|\b(?P<m3>{_MONTH})\.?\s(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<y3>\d{{4}})\b"
    rf"|\b(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}})\b",
    re.IGNORECASE,
)


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first real calendar date written in ``text``, as (ISO date, start, end), or None.

    Day-month-year with dots is the European order ("20.11.2025"); slashes are not read,
    since 01/02/2025 means a different day on each side of the Atlantic.
    """
    for found in _DATE.finditer(text):
        parts = found.groupdict()
        for n in "1234":
            if parts[f"y{n}"] is None:
                continue
            month = parts[f"m{n}"]
            number = int(month) if month.isdigit() else _MONTHS[month.lower()]
            try:
                day = datetime.date(int(parts[f"y{n}"]), number, int(parts[f"d{n}"]))
            except ValueError:
                break  # not a calendar date: look further along
            return day.isoformat(), found.start(), found.end()
    return None
