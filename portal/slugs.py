"""Unique slugs: one rule for every app ("title", else "title-2", "title-3", …)."""

from __future__ import annotations

from django.db.models import Model, QuerySet
from django.utils.text import slugify


def unique_slug(
    model_or_queryset: type[Model] | QuerySet | None,
    text: str,
    *,
    fallback: str,
    max_length: int = 100,
    taken: set[str] | None = None,
) -> str:
    """A slug from `text` that is not taken yet; `fallback` when `text` has no letters or digits.

    Looks up the `slug` field of `model_or_queryset`, or, when `taken` is given (loaders that
    create many rows at once), only that set, and adds the new slug to it.
    """
    base = slugify(text)[:max_length].strip("-") or fallback
    if taken is None:
        queryset = (
            model_or_queryset
            if isinstance(model_or_queryset, QuerySet)
            else model_or_queryset._default_manager.all()
        )
        in_use = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    else:
        in_use = taken
    slug, number = base, 1
    while slug in in_use:
        number += 1
        slug = f"{base}-{number}"
    if taken is not None:
        taken.add(slug)
    return slug
