"""What a detail page shows around one item: related items and the adoption chain.

Every function here runs a fixed number of queries, however many items, themes or adoptions
there are, and shows only what Item.objects.published() lets through.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from taggit.models import TaggedItem

from portal.models import Municipality

from ..constants import FACET_PREFIX, ItemType
from ..models import DossierEntry, Item

# How much one shared facet counts towards "related": a shared theme says more than a shared
# municipality, which says more than a shared form of cooperation.
RELATED_WEIGHTS = {
    FACET_PREFIX["theme"]: 3,
    FACET_PREFIX["model"]: 2,
    FACET_PREFIX["municipality"]: 1,
}
TAG_WEIGHT = 2
RELATED_CANDIDATES = 300
# Long chains are rare; the bound keeps a bad import from walking forever.
MAX_CHAIN_DEPTH = 10


def municipalities_prefetch():
    """Municipality names in alphabetical order, for any list of items."""
    return Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))


def detail_prefetches(item_type: str) -> list:
    """The relations a detail page of this type shows, each loaded in one query."""
    lookups: list = ["themes", "tags", municipalities_prefetch(), "links", "attachments"]
    if item_type == ItemType.PRACTICE:
        lookups.append(
            Prefetch(
                "adoptions",
                queryset=Item.objects.published()
                .prefetch_related(municipalities_prefetch())
                .order_by("published_on", "id"),
                to_attr="published_adoptions",
            )
        )
    if item_type == ItemType.DOSSIER:
        lookups.append(
            Prefetch(
                "dossier_entries",
                queryset=DossierEntry.objects.filter(item__in=Item.objects.published())
                .select_related("item")
                .order_by("order", "id"),
                to_attr="published_entries",
            )
        )
    return lookups


def related_items(item: Item, *, limit: int = 5) -> list[Item]:
    """Published items that share themes, tags, municipalities or the form of cooperation.

    One query: each shared facet token adds its weight, shared tags add TAG_WEIGHT each.
    Expects item.tags to be prefetched (the detail page does) or costs one query more.
    """
    tokens = [t for t in item.facets if t.split(":", 1)[0] in RELATED_WEIGHTS]
    tag_ids = [tag.id for tag in item.tags.all()]
    if not tokens and not tag_ids:
        return []

    score = Value(0)
    for token in tokens:
        weight = RELATED_WEIGHTS[token.split(":", 1)[0]]
        score += Case(
            When(facets__contains=[token], then=Value(weight)),
            default=Value(0),
            output_field=IntegerField(),
        )
    if tag_ids:
        shared_tags = (
            TaggedItem.objects.filter(
                content_type=ContentType.objects.get_for_model(Item),
                object_id=OuterRef("pk"),
                tag_id__in=tag_ids,
            )
            .order_by()
            .values("object_id")
            .annotate(n=Count("id"))
            .values("n")
        )
        score += Coalesce(Subquery(shared_tags, output_field=IntegerField()), 0) * TAG_WEIGHT

    # Only items sharing something can score; this candidate filter uses the GIN index on
    # facets (and the tag index) instead of scoring every published item.
    candidates = Q(facets__overlap=tokens) if tokens else Q(pk__in=[])
    if tag_ids:
        candidates |= Q(
            pk__in=TaggedItem.objects.filter(
                content_type=ContentType.objects.get_for_model(Item), tag_id__in=tag_ids
            ).values("object_id")
        )
    # Scoring is bounded to the newest RELATED_CANDIDATES that share something, so a detail
    # page stays fast when a common theme is shared by tens of thousands of items.
    candidate_ids = (
        Item.objects.published()
        .filter(candidates)
        .exclude(pk=item.pk)
        .order_by("-published_on", "-id")
        .values("id")[:RELATED_CANDIDATES]
    )
    return list(
        Item.objects.filter(pk__in=candidate_ids)
        .annotate(related_score=score)
        .filter(related_score__gt=0)
        .order_by("-related_score", "-published_on", "-id")[:limit]
    )


def adoption_ancestor_ids(item: Item, *, max_depth: int = MAX_CHAIN_DEPTH) -> list[int]:
    """Ids up the adopted_from chain, nearest first, in one recursive query.

    The path array stops cycles (A from B, B from A); max_depth bounds long chains.
    """
    if item.adopted_from_id is None:
        return []
    table = connection.ops.quote_name(Item._meta.db_table)
    sql = f"""
        WITH RECURSIVE chain (id, adopted_from_id, depth, path) AS (
            SELECT id, adopted_from_id, 1, ARRAY[%s::bigint, id]
            FROM {table} WHERE id = %s
          UNION ALL
            SELECT parent.id, parent.adopted_from_id, chain.depth + 1, chain.path || parent.id
            FROM {table} parent JOIN chain ON parent.id = chain.adopted_from_id
            WHERE chain.depth < %s AND NOT parent.id = ANY(chain.path)
        )
        SELECT id FROM chain ORDER BY depth
    """  # The table name comes from the model; all values are parameters.
    with connection.cursor() as cursor:
        cursor.execute(sql, [item.pk, item.adopted_from_id, max_depth])
        return [row[0] for row in cursor.fetchall()]


def adoption_ancestors(item: Item, *, max_depth: int = MAX_CHAIN_DEPTH) -> list[Item]:
    """The published practices this one was adopted from, nearest first (three queries)."""
    ids = adoption_ancestor_ids(item, max_depth=max_depth)
    if not ids:
        return []
    found = Item.objects.published().filter(pk__in=ids).prefetch_related(municipalities_prefetch())
    by_id = {ancestor.pk: ancestor for ancestor in found}
    return [by_id[pk] for pk in ids if pk in by_id]
