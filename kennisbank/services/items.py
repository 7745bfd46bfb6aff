"""Writes to items: derived data in step (facets, compound parts, vocabulary), status, slugs."""

from collections.abc import Iterable, Mapping

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from portal import dutch
from portal.mail import mail_render
from portal.slugs import unique_slug

from ..constants import FACET_PREFIX, Status
from ..models import SEARCH_CONFIG, Item, SearchTerm
from ..read_cache import content_changed


def facet_tokens(item: Item) -> list[str]:
    """The facet values of one item as tokens ("t:3", "p:utrecht"); see kennisbank/search/."""
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
    """Recompute the denormalised facet tokens and compound parts after the item or its
    relations changed."""
    tokens = facet_tokens(item)
    parts = search_parts(_item_texts(item.title, item.summary, item.body), lexicon_frequencies)
    if tokens != item.facets or parts != item.search_parts:
        item.facets, item.search_parts = tokens, parts
        Item.objects.filter(pk=item.pk).update(facets=tokens, search_parts=parts)
        content_changed()  # update() sends no signal


def item_saved(*, item: Item, previous: str | None) -> None:
    """Call once a service saved an item and its themes and municipalities: the derived facet
    tokens and compound parts follow, and a status change (from `previous`) has its consequences."""
    item_refresh_facets(item=item)
    if item.status != previous:
        item_status_changed(item=item, previous=previous)


# --- compound parts in the index -----------------------------------------------------------------

# For a batch of candidate strings (query word forms, compound parts at index time): in how many
# published items each occurs (title or summary), as itself or in another form with the same
# stem; missing = unknown.
_FREQUENCIES_SQL = """
WITH x AS (
    SELECT s, coalesce(array_to_string(tsvector_to_array(to_tsvector(%s::regconfig, s)), ' '), '')
        AS stem
    FROM unnest(%s::text[]) AS s
)
SELECT k.s, max(k.n) FROM (
    SELECT x.s, t.document_count AS n FROM x JOIN kennisbank_searchterm t ON t.word = x.s
    UNION ALL
    SELECT x.s, t.document_count FROM x JOIN kennisbank_searchterm t ON t.lexeme = x.stem
    WHERE x.stem <> '' AND position(' ' in x.stem) = 0
) AS k
GROUP BY k.s
"""


def lexicon_frequencies(candidates: Iterable[str]) -> Mapping[str, int]:
    """Document frequencies of candidate words in the vocabulary (SearchTerm), one query."""
    wanted = sorted(set(candidates))
    if not wanted:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_FREQUENCIES_SQL, [SEARCH_CONFIG, wanted])
        return dict(cursor.fetchall())


def _item_texts(*texts: str) -> list[str]:
    return [text for text in texts if text]


def _candidates(word: str) -> set[str]:
    """Every string compound_parts may ask about for a word (two levels of splits)."""
    out = {word, *dutch.inflections(word)}
    for head, tail in dutch.splits(word):
        out.update((head, tail))
        for part in (head, tail):
            if len(part) >= dutch.INDEX_MIN_LENGTH:
                for h2, t2 in dutch.splits(part):
                    out.update((h2, t2))
    return {c for c in out if len(c) > dutch.MIN_PART}


def search_parts_by_word(words: Iterable[str], frequencies) -> dict[str, str]:
    """Per folded word, its compound parts as text for Item.search_parts ("" if none)."""
    asked: set[str] = set()
    for word in set(words):
        if len(word) >= dutch.INDEX_MIN_LENGTH and word.isalpha():
            asked |= _candidates(word)
        else:
            asked.update(dutch.inflections(word))
    counts = frequencies(asked)
    out = {}
    for word in set(words):
        parts = dutch.compound_parts(word, lambda text: counts.get(text, 0))
        out[word] = " ".join(parts)
    return out


def search_parts(texts: Iterable[str], frequencies) -> str:
    """What Item.search_parts holds for an item's texts: the parts of its compounds (and the
    singulars of plurals Snowball leaves alone), each once, so "samenwerking" finds an item
    that only says "belastingsamenwerking". ``frequencies`` maps candidate strings to their
    document counts (``lexicon_frequencies``: the vocabulary of titles and summaries)."""
    words = {w for text in texts for w in dutch.long_words(text)}
    return joined_parts(words, search_parts_by_word(words, frequencies))


def joined_parts(words: set[str], by_word: Mapping[str, str]) -> str:
    """Item.search_parts from an item's words and the parts of each (search_parts_by_word)."""
    found = {by_word[w] for w in words} - {""}
    if not found:
        return ""
    parts = dict.fromkeys(p for text in sorted(found) for p in text.split())
    return " ".join(p for p in parts if p not in words)


def search_parts_refresh(*, batch: int = 2_000) -> int:
    """Recompute Item.search_parts of every item against the current vocabulary; returns how
    many items changed. Part of search_terms_refresh (after imports, and periodically)."""
    changed = 0
    cache: dict[str, str] = {}
    last_id = 0
    while True:
        rows = list(
            Item.objects.filter(pk__gt=last_id)
            .order_by("pk")
            .values_list("pk", "title", "summary", "body", "search_parts")[:batch]
        )
        if not rows:
            break
        last_id = rows[-1][0]
        texts = {pk: _item_texts(t, s, b) for pk, t, s, b, _ in rows}
        by_item = {
            pk: {w for text in ts for w in dutch.long_words(text)} for pk, ts in texts.items()
        }
        words = set().union(*by_item.values())
        new = words - cache.keys()
        cache.update(search_parts_by_word(new, lexicon_frequencies))
        updates = []
        for pk, *_texts, old in rows:
            value = joined_parts(by_item[pk], cache)
            if value != old:
                updates.append(Item(pk=pk, search_parts=value))
        if updates:
            Item.objects.bulk_update(updates, ["search_parts"], batch_size=500)
            changed += len(updates)
    if changed:
        content_changed()
    return changed


# Item.slug holds 120 characters; leave room for a "-N" suffix.
SLUG_BASE_LENGTH = 100


def item_unique_slug(title: str, *, fallback: str) -> str:
    """A slug from the title that no item has yet: "title", else "title-2", "title-3", …"""
    return unique_slug(Item, title, fallback=fallback, max_length=SLUG_BASE_LENGTH)


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


def search_terms_refresh(*, parts: bool = True) -> int:
    """Rebuild the "Bedoelde u …?" vocabulary from published titles, summaries and tags, and the
    compound parts in the index that are read against it (unless ``parts`` is off: the
    benchmark corpus writes its own).

    Derived data: run after imports and periodically (command refresh_search_terms).
    Returns the number of words.
    """
    items_sql, items_params = (
        Item.objects.published().order_by().values("id", "title", "summary").query.sql_with_params()
    )
    # The editors' keywords count as words of the item too: on a small collection they hold
    # words its titles only use inside compounds ("jeugdzorg" in "jeugdzorginkoop").
    tags_sql = """
        coalesce((SELECT string_agg(t.name, ' ') FROM taggit_tag t
                  JOIN taggit_taggeditem ti ON ti.tag_id = t.id
                  WHERE ti.object_id = i.id AND ti.content_type_id = %s), '')
    """
    # 'simple' lower-cases without stemming: the words as people write them. Their stems
    # (nl_unaccent) tell the search whether a typed word is known in any of its forms.
    sql = f"""
        INSERT INTO {SearchTerm._meta.db_table} (word, lexeme, document_count)
        SELECT w.word,
               coalesce(array_to_string(tsvector_to_array(to_tsvector(%s::regconfig, w.word)), ' '),
                        ''),
               w.documents
        FROM (
            SELECT u.lexeme AS word, count(*) AS documents
            FROM ({items_sql}) AS i,
                 unnest(to_tsvector('simple', i.title || ' ' || i.summary || ' ' || {tags_sql}))
                     AS u
            GROUP BY u.lexeme
        ) AS w
        WHERE length(w.word) BETWEEN 4 AND 100 AND w.word ~ '^[[:alpha:]]+$'
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            SearchTerm.objects.all().delete()
            item_type = ContentType.objects.get_for_model(Item).pk
            cursor.execute(sql, [SEARCH_CONFIG, *items_params, item_type])
            count = cursor.rowcount
        # The compound parts in the index are read against this vocabulary: keep them in step.
        if parts:
            search_parts_refresh()
    return count
