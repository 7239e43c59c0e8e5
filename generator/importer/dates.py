"""Dates as datasets write them: ISO (with or without time and zone), written months in either
order (`April 11, 2018`, `11 April 2018`), and numbers with the year first (`2018/04/11`).

A date is taken only when its day, month and year are certain. A numeric date whose day and
month could be swapped (`04/11/2018`), a two-digit year, or a month without a day is not
guessed: it becomes a placeholder that quotes the source and says what is unclear, so a person
decides. A value that is no date at all is an error. The date kept is the day as the source
wrote it, in the source's own time zone: `2018-04-11T23:30:00-05:00` is 11 April.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass

from dateutil import parser as date_parser

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[T ,].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[T ,].*)?$")
_FIRST_DEFAULT = dt.datetime(2000, 1, 1)
_SECOND_DEFAULT = dt.datetime(2004, 2, 2)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
MIN_YEAR = 1800
"""Earlier years are typing mistakes, not news."""


@dataclass(frozen=True)
class DateReading:
    """A date read from a source: the date when certain, else a placeholder note saying why not."""

    date: dt.date | None = None
    unclear: str | None = None


def _checked(year: int, month: int, day: int, text: str) -> DateReading:
    try:
        date = dt.date(year, month, day)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a real date ({error})") from None
    if date.year < MIN_YEAR:
        raise ValueError(f"{text!r} has the year {date.year}; check the source")
    return DateReading(date)


def _numeric(text: str, match: re.Match[str]) -> DateReading:
    first, second, year_text = int(match[1]), int(match[2]), match[3]
    if len(year_text) == 2:
        return DateReading(unclear=f"the source says {text!r}, with a two-digit year; which date is it?")
    year = int(year_text)
    if first > 12 and second <= 12:
        return _checked(year, second, first, text)  # 13/05/2023: day first
    if second > 12 and first <= 12:
        return _checked(year, first, second, text)  # 05/13/2023: month first
    if first == second:
        return _checked(year, first, second, text)
    if first > 12 and second > 12:
        raise ValueError(f"{text!r} is not a date (neither number can be the month)")
    day_first, month_first = _spelled(year, second, first), _spelled(year, first, second)
    return DateReading(unclear=f"the source says {text!r}: {day_first} or {month_first}?")


def _spelled(year: int, month: int, day: int) -> str:
    return f"{day} {_MONTHS[month - 1]} {year}"


def read_date(value: object) -> DateReading | None:
    """The date in `value`; None when empty; ValueError when it is not a date at all."""
    if value is None or isinstance(value, bool) or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date (write it as text, e.g. 2018-04-11)")
    text = " ".join(value.split())
    iso = _ISO_DATE.match(text) or _YEAR_FIRST.match(text)
    if iso:
        return _checked(int(iso[1]), int(iso[2]), int(iso[3]), text)
    numeric = _NUMERIC.match(text)
    if numeric:
        return _numeric(text, numeric)
    if not re.search(r"[A-Za-z]{3,}", text) or re.fullmatch(r"[\d\s]+", text):
        raise ValueError(f"{text!r} is not a date (write YYYY-MM-DD)")
    return _written(text)


def _written(text: str) -> DateReading:
    """`April 11, 2018`, `11 April 2018`, `Wed, 11 Apr 2018 14:03:00 GMT`: the month is a word."""
    readings = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown zone names (EDT, ...) do not matter: the date is kept as written
        for default in (_FIRST_DEFAULT, _SECOND_DEFAULT):
            try:
                readings.append(date_parser.parse(text, default=default, ignoretz=True, dayfirst=False, yearfirst=True))
            except (ValueError, OverflowError, TypeError):
                raise ValueError(f"{text!r} is not a date (write YYYY-MM-DD)") from None
    first, second = readings
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        missing = [name for name, a, b in (("day", first.day, second.day), ("month", first.month, second.month),
                                          ("year", first.year, second.year)) if a != b]
        return DateReading(unclear=f"the source says {text!r}, which has no {' or '.join(missing)}")
    return _checked(first.year, first.month, first.day, text)


def parse_date(value: object) -> dt.date | None:
    """A certain date, or None when empty; ValueError for an unclear or a wrong one."""
    reading = read_date(value)
    if reading is None:
        return None
    if reading.date is None:
        raise ValueError(f"unclear date: {reading.unclear}")
    return reading.date
