"""Writes to the kennisbank: keep derived data in step, import collections, publish."""

from collections.abc import Iterable

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from portal.mail import mail_render

from .constants import FACET_PREFIX, Status
from .models import SEARCH_CONFIG, Item, SearchTerm
from .read_cache import content_changed


def facet_tokens(item: Item) -> list[str]:
    """The facet values of one item as tokens ("t:3", "p:utrecht"); see search.py."""
    p = FACET_PREFIX
    tokens = [f"{p['type']}:{item.type}", f"{p['year']}:{item.published_on.year}"]
    tokens += [f"{p['theme']}:{theme_id}" for theme_id in item.themes.values_list("id", flat=True)]
    municipalities = list(item.municipalities.values_list("code", "province"))
    tokens += [f"{p['municipality']}:{code}" for code, _ in municipalities]
    tokens += [f"{p['province']}:{prov}" for prov in sorted({prov for _, prov in municipalities})]
    if item.collaboration_model_id:
        tokens.append(f"{p['model']}:{item.collaboration_model.key}")
    if item.task_type:
        tokens.append(f"{p['task_type']}:{item.task_type}")
    tokens += [f"{p['motive']}:{m}" for m in sorted(set(item.motives))]
    if item.evidence_level:
        tokens.append(f"{p['evidence']}:{item.evidence_level}")
    return tokens


def item_refresh_facets(*, item: Item) -> None:
    """Recompute the denormalised facet tokens after the item or its relations changed."""
    tokens = facet_tokens(item)
    if tokens != item.facets:
        item.facets = tokens
        Item.objects.filter(pk=item.pk).update(facets=tokens)
        content_changed()  # update() sends no signal


# Item.slug holds 120 characters; leave room for a "-N" suffix.
SLUG_BASE_LENGTH = 100


def item_unique_slug(title: str, *, fallback: str) -> str:
    """A slug from the title that no item has yet: "title", else "title-2", "title-3", …"""
    base = slugify(title)[:SLUG_BASE_LENGTH].strip("-") or fallback
    taken = set(Item.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def item_status_changed(*, item: Item, previous: str | None) -> None:
    """What follows when an item's status changed (call after it is saved).

    Becoming public stamps published_at: digests list what was published since the previous
    one, which published_on (a date, often backdated) cannot tell.
    """
    if item.status == Status.PUBLISHED and previous != Status.PUBLISHED:
        item.published_at = timezone.now()
        Item.objects.filter(pk=item.pk).update(published_at=item.published_at)
        content_changed()  # update() sends no signal
        if item.submitted_by_id:
            _notify_submitter_published(item)


def _notify_submitter_published(item: Item) -> None:
    """A member who sent in this item hears that it is online (and where)."""
    submitter = item.submitted_by
    if not submitter.email:
        return
    mail_render(
        template="kennisbank/mail/submission_published.txt",
        context={"title": item.title, "path": item.get_absolute_url()},
        subject=gettext("Uw inzending is gepubliceerd: %(title)s") % {"title": item.title[:80]},
        to=submitter.email,
    )


def items_set_status(*, items: Iterable[Item], status: str) -> int:
    """Bulk status change (admin actions); returns how many items changed.

    Saved one by one so each change lands in the edit history.
    """
    changed = 0
    with transaction.atomic():
        for item in items:
            if item.status == status:
                continue
            previous = item.status
            item.status = status
            redated = status == Status.PUBLISHED and item.published_on > timezone.localdate()
            if redated:
                item.published_on = timezone.localdate()
            item.save()
            if redated:
                # The year facet token follows the publication date.
                item_refresh_facets(item=item)
            item_status_changed(item=item, previous=previous)
            changed += 1
    return changed


def search_terms_refresh() -> int:
    """Rebuild the "Bedoelde u …?" vocabulary from published titles and summaries.

    Derived data: run after imports and periodically (command refresh_search_terms).
    Returns the number of words.
    """
    items_sql, items_params = (
        Item.objects.published().order_by().values("title", "summary").query.sql_with_params()
    )
    # 'simple' lower-cases without stemming: the words as people write them. Their stems
    # (nl_unaccent) tell search.py whether a typed word is known in any of its forms.
    sql = f"""
        INSERT INTO {SearchTerm._meta.db_table} (word, lexeme, document_count)
        SELECT w.word,
               coalesce(array_to_string(tsvector_to_array(to_tsvector(%s::regconfig, w.word)), ' '),
                        ''),
               w.documents
        FROM (
            SELECT u.lexeme AS word, count(*) AS documents
            FROM ({items_sql}) AS i,
                 unnest(to_tsvector('simple', i.title || ' ' || i.summary)) AS u
            GROUP BY u.lexeme
        ) AS w
        WHERE length(w.word) BETWEEN 4 AND 100 AND w.word ~ '^[[:alpha:]]+$'
    """
    with transaction.atomic(), connection.cursor() as cursor:
        SearchTerm.objects.all().delete()
        cursor.execute(sql, [SEARCH_CONFIG, *items_params])
        return cursor.rowcount
