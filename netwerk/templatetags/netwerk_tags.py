from django import template

register = template.Library()


@register.filter
def percent(value) -> str:
    """0.256 → "26%"; None (nothing known) → "–"."""
    if value is None:
        return "–"
    return f"{round(value * 100)}%"


@register.filter
def heat(value: int) -> int:
    """The shade of a matrix cell: 0, 1, 2-3, 4-6, 7 and more."""
    if value <= 0:
        return 0
    if value == 1:
        return 1
    if value <= 3:
        return 2
    if value <= 6:
        return 3
    return 4
