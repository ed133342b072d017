"""The Iranian (Solar Hijri) calendar, as far as trade news needs it.

Iran's customs and statistics report by the Iranian year, which starts at Nowruz
(20 or 21 March): "the first five months of the current Iranian calendar year",
"the first ten months of 1397". Nowruz moves with the equinox, so its date comes from
the arithmetic of the 2820-year cycle's break years (the "jalaali" algorithm), exact
for the years news speaks of. The first six months have 31 days, the next five 30.
"""
from __future__ import annotations

import datetime as dt

#: Years in which the leap-year pattern of the cycle breaks (Iranian years).
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456,
           3178)
#: The Gregorian year is the Iranian year plus this, from Nowruz to the end of December.
OFFSET = 621


def nowruz(iranian_year: int) -> dt.date:
    """The Gregorian date of 1 Farvardin, the first day of ``iranian_year``."""
    leap_j, previous, jump = -14, _BREAKS[0], 0
    for brk in _BREAKS[1:]:
        jump = brk - previous
        if iranian_year < brk:
            break
        leap_j += jump // 33 * 8 + jump % 33 // 4
        previous = brk
    n = iranian_year - previous
    leap_j += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    gregorian = iranian_year + OFFSET
    leap_g = gregorian // 4 - (gregorian // 100 + 1) * 3 // 4 - 150
    return dt.date(gregorian, 3, 20 + leap_j - leap_g)


def days_in_first_months(months: int) -> int:
    """How many days the first ``months`` months of an Iranian year have (up to 11: the twelfth varies)."""
    return 31 * min(months, 6) + 30 * max(0, months - 6)


def first_months(iranian_year: int, months: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the first ``months`` months of ``iranian_year``."""
    start = nowruz(iranian_year)
    if months >= 12:
        return start, nowruz(iranian_year + 1) - dt.timedelta(days=1)
    return start, start + dt.timedelta(days=days_in_first_months(months) - 1)


def year_of(day: dt.date) -> int:
    """The Iranian year ``day`` falls in."""
    year = day.year - OFFSET
    return year if day >= nowruz(year) else year - 1
