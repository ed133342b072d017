"""How precisely a stated figure is known: the tolerances the consistency checks and the series rules compare by.

Tolerances come from the figures as the quote writes them: a value written as
$987.9 million is only known to +/- $0.05 million, "2.1 times" to +/- 0.05, "$1
billion" to +/- $0.5 billion, "$100 million" to +/- $0.5 million. Two figures agree
when their rounding intervals overlap.

Plain Python, without pandas: reconcile ranks statements by these without importing
it (:mod:`schemas.consistency` uses the same functions on its frames).
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
import sys


def is_missing(value) -> bool:
    """``pd.isna`` of a single value: None, a float NaN, or pandas' NA / NaT (only possible once pandas is loaded)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    pd = sys.modules.get("pandas")
    return pd is not None and not isinstance(value, (str, int)) and bool(pd.isna(value))


APPROX_SHARE = 0.05  # an "about", "over" or "under" figure is taken as +/- 5% at least


def value_halfwidth(value: float) -> float:
    """Half the last stated unit: 987900000 -> 50000; 1000000000 -> 500000000."""
    if is_missing(value) or value == 0:
        return 0.5
    digits = format(abs(float(value)), "f").rstrip("0").rstrip(".")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1])
    return 0.5 * 10 ** (len(digits) - len(digits.rstrip("0")))


#: A number as an article writes it: "987.9", "1,432", "1,14" (comma decimal), "26 400".
WRITTEN_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:(?:,\d{3})+|(?: \d{3})+)?(?:[.,]\d+)?(?![\d])|(?<![\d.,])\d+(?:[.,]\d+)?")
SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)


def readings(token: str) -> list[tuple[float, int]]:
    """Each way to read a written number: (value, decimals). "1,432" is 1432 or 1.432; "987.9" is 987.9."""
    plain = token.replace(" ", "")
    out = []
    if "," in plain and "." not in plain and plain.count(",") == 1:
        whole, frac = plain.split(",")
        out.append((float(f"{whole}.{frac}"), len(frac)))  # a comma decimal
    grouped = plain.replace(",", "")
    whole, _, frac = grouped.partition(".")
    out.append((float(grouped), len(frac)))
    return out


@functools.lru_cache(maxsize=1 << 18)
def stated_halfwidth(value: float, quote: str | None) -> float | None:
    """Half the last unit of the figure as the quote writes it, or None when the quote does not show it.

    The stored value has lost how it was written: 100000000 may be "$100 million"
    (+/- 0.5 million) or "$0.1 billion" (+/- 50 million). The quote still says, so the
    figure is found there: a written number whose value times a scale word (thousand,
    million, billion, trillion) is the stored value. The most precise such reading wins.
    """
    if not quote or is_missing(value) or value == 0:
        return None
    target = abs(float(value))
    best = None
    for m in WRITTEN_NUMBER.finditer(quote):
        for number, decimals in readings(m.group()):
            for scale in SCALES:
                if abs(number * scale - target) <= 1e-9 * target:
                    half = 0.5 * 10 ** -decimals * scale
                    best = half if best is None else min(best, half)
    return best


def value_tolerance(value: float, qualifier: str | None, quote: str | None = None) -> float:
    """How far the true figure may be from the stated one: its rounding, widened for "about", "over", "under"."""
    half = stated_halfwidth(value, quote)
    if half is None:
        half = value_halfwidth(value)
    if qualifier and qualifier != "exact":
        half = max(half, APPROX_SHARE * abs(float(value)))
    return half


def ratio_halfwidth(ratio: float) -> float:
    """Half the last stated decimal of a growth ratio: 2.1 -> 0.05; 1.826 -> 0.0005; 2 -> 0.5."""
    text = format(float(ratio), "f").rstrip("0").rstrip(".")
    return 0.5 * 10 ** -(len(text.split(".")[1]) if "." in text else 0)


def agree(a: float, ta: float, b: float, tb: float) -> bool:
    return abs(a - b) <= ta + tb + 1e-9 * max(abs(a), abs(b), 1)


def year_back(day: dt.date) -> dt.date:
    """The same day a year earlier; the 29th of February becomes the 28th (``shifted_year_back`` on one date)."""
    return day.replace(year=day.year - 1, day=min(day.day, calendar.monthrange(day.year - 1, day.month)[1]))
