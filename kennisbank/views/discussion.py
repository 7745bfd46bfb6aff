"""The discussion under items and dossiers, and members' adoption marks."""

from ..models import Item


def discussion_context(request, item: Item) -> dict:
    """What the detail page shows of the discussion (template kennisbank/_discussion.html)."""
    return {}


def adoption_context(request, item: Item) -> dict:
    """Adoption marks and the "Overgenomen" form on a practice example."""
    return {}
