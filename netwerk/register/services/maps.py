"""The map of the Netherlands: values per municipality and their legend classes.

Every function here runs a fixed number of queries, however large the register grows: the
pages built on them are checked for that (tests/netwerk/test_query_counts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from netwerk.models import Collaboration
from portal.models import Municipality

PALETTE_CLASSES = 5


@dataclass(frozen=True)
class LegendClass:
    index: int
    label: str
    low: int
    high: int


def classes_for(values: list[int]) -> list[LegendClass]:
    """Up to five classes of about equal size, with whole-number bounds; 0 gets its own class."""
    positive = sorted(v for v in values if v > 0)
    result = [LegendClass(0, "0", 0, 0)]
    if not positive:
        return result
    bounds: list[int] = []
    for i in range(1, PALETTE_CLASSES):
        cut = positive[min(len(positive) - 1, round(i * len(positive) / (PALETTE_CLASSES - 1)) - 1)]
        if not bounds or cut > bounds[-1]:
            bounds.append(cut)
    low = 1
    for index, high in enumerate(bounds, start=1):
        label = str(low) if low == high else f"{low}–{high}"
        result.append(LegendClass(index, label, low, high))
        low = high + 1
    if low <= positive[-1]:
        result.append(LegendClass(len(result), f"{low}–{positive[-1]}", low, positive[-1]))
    return result


def class_of(value: int, classes: list[LegendClass]) -> int:
    for legend in classes:
        if legend.low <= value <= legend.high:
            return legend.index
    return classes[-1].index


def map_values(measure: str, *, domain: str = "", collaboration: Collaboration | None = None):
    """Per municipality code the value of the measure (one or two queries)."""
    current = Municipality.objects.current()
    if measure == "verband" and collaboration is not None:
        members = set(
            collaboration.memberships.filter(municipality__isnull=False).values_list(
                "municipality__code", flat=True
            )
        )
        return {code: int(code in members) for code in current.values_list("code", flat=True)}
    condition = Q(memberships__collaboration__ended=False)
    if measure == "domein":
        condition &= Q(memberships__collaboration__domain=domain)
    return dict(current.annotate(n=Count("memberships", filter=condition)).values_list("code", "n"))
