"""The digest e-mail: what is new in a member's saved searches and follows.

Rules
    A digest lists only what became public after the previous one (``digest_covered_until``),
    or, for a saved search or follow made later than that, after it was made: the first digest
    after saving a search does not announce every old result. The window ends at the moment the
    run starts (``now``), and the run moves ``digest_covered_until`` to ``now`` for every member
    it handled, whether or not there was news, so a second run at the same moment finds nothing.
    An empty digest is never sent.

    "New" means: an item published (``Item.published_at``, the moment it became public, not the
    often backdated ``published_on``) in the window and matching a saved search, carrying a
    followed theme or linked to a followed municipality; an entry that became visible in a
    followed dossier (added to it, or its item published, whichever came last); a visible reply
    by someone else under an item whose discussion the member follows.

Cost
    Members are handled in batches; each batch costs a fixed number of statements (one per kind
    of follow, and one per ``SEARCHES_PER_STATEMENT`` saved searches, united into one
    statement), plus one UPDATE per member that gets a mail (the claim that makes concurrent or
    repeated runs send each window once) and one for the rest of the batch.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Count, F, Q, Value, Window
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kennisbank.constants import TYPE_PATHS
from kennisbank.models import Item
from kennisbank.querysets import published_q
from kennisbank.search import load_reference, matching_condition
from netwerk.community.services.follows import search_params
from netwerk.constants import FollowKind
from netwerk.models import Follow, SavedSearch
from portal.constants import DigestFrequency
from portal.mail import mail_render
from portal.models import MemberProfile

logger = logging.getLogger(__name__)

SECTION_LIMIT = 10
BATCH_SIZE = 200
SEARCHES_PER_STATEMENT = 100
UNSUBSCRIBE_SALT = "netwerk.digest.unsubscribe"


@dataclass(frozen=True)
class DigestEntry:
    title: str
    url: str  # absolute
    moment: dt.datetime
    note: str = ""


@dataclass(frozen=True)
class DigestSection:
    title: str
    entries: tuple[DigestEntry, ...]
    more: int = 0  # how many were left out
    more_url: str = ""


@dataclass(frozen=True)
class Digest:
    profile_id: int
    email: str
    name: str
    covered_until: dt.datetime | None
    sections: tuple[DigestSection, ...]

    @property
    def is_empty(self) -> bool:
        return not self.sections


@dataclass
class DigestRun:
    members: int = 0
    sent: int = 0
    empty: int = 0
    failed: int = 0
    skipped: int = 0  # claimed by another run in the meantime
    digests: list[Digest] = field(default_factory=list)  # filled on a dry run


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _item_url(item_type: str, slug: str) -> str:
    return absolute(reverse("kennisbank:detail", args=[TYPE_PATHS[item_type], slug]))


# --- collecting ---------------------------------------------------------------------------------


@dataclass
class _Found:
    """Entries of one section for one member, deduplicated by item, newest first."""

    title: str
    more_url: str = ""
    entries: dict[int, DigestEntry] = field(default_factory=dict)
    notes: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    extra: int = 0  # matches beyond the ones fetched

    def add(self, key: int, entry: DigestEntry, note: str = "") -> None:
        if key not in self.entries or self.entries[key].moment < entry.moment:
            self.entries[key] = entry
        if note and note not in self.notes[key]:
            self.notes[key].append(note)

    def section(self) -> DigestSection | None:
        if not self.entries:
            return None
        ordered = sorted(self.entries.items(), key=lambda kv: kv[1].moment, reverse=True)
        shown = []
        for key, entry in ordered[:SECTION_LIMIT]:
            note = entry.note or ", ".join(self.notes.get(key, []))
            shown.append(DigestEntry(entry.title, entry.url, entry.moment, note))
        more = len(ordered) - len(shown) + self.extra
        return DigestSection(self.title, tuple(shown), more, self.more_url if more else "")


def _since():
    """The start of a follow's window: the previous digest, or the follow itself if newer."""
    return Greatest(F("created_at"), F("user__member_profile__digest_covered_until"))


def _saved_search_sections(
    profiles: list[MemberProfile], now: dt.datetime, reference
) -> dict[int, list[DigestSection]]:
    searches = list(
        SavedSearch.objects.filter(user_id__in=[p.user_id for p in profiles]).order_by("name", "id")
    )
    covered = {p.user_id: p.digest_covered_until for p in profiles}
    params = {saved.pk: search_params(saved.query_string, reference) for saved in searches}
    parts = []
    for saved in searches:
        since = max(filter(None, [saved.created_at, covered[saved.user_id]]))
        condition = matching_condition(params[saved.pk], reference)
        parts.append(
            Item.objects.published()
            .filter(condition, published_at__gt=since, published_at__lte=now)
            .annotate(search_id=Value(saved.pk), total=Window(Count("id")))
            .order_by("-published_at", "-id")
            .values("search_id", "id", "type", "slug", "title", "published_at", "total")[
                :SECTION_LIMIT
            ]
        )
    rows_by_search: dict[int, list[dict]] = defaultdict(list)
    for chunk in itertools.batched(parts, SEARCHES_PER_STATEMENT):
        # The parts keep their own order and limit; the union as a whole needs none.
        query = chunk[0].union(*chunk[1:], all=True).order_by() if len(chunk) > 1 else chunk[0]
        for row in query:
            rows_by_search[row["search_id"]].append(row)

    sections: dict[int, list[DigestSection]] = defaultdict(list)
    for saved in searches:
        rows = rows_by_search.get(saved.pk)
        if not rows:
            continue
        found = _Found(
            _("Zoekopdracht: %(name)s") % {"name": saved.name},
            # The rest, newest first, on the search page.
            more_url=absolute(
                reverse("kennisbank:search")
                + params[saved.pk].query_string(sort="datum" if params[saved.pk].q else "", page=1)
            ),
        )
        for row in rows:
            found.add(
                row["id"],
                DigestEntry(row["title"], _item_url(row["type"], row["slug"]), row["published_at"]),
            )
        found.extra = rows[0]["total"] - len(rows)
        sections[saved.user_id].append(found.section())
    return sections


def _follows(kind: str, user_ids: list[int]):
    return Follow.objects.filter(kind=kind, user_id__in=user_ids).order_by()


def _follow_sections(
    profiles: list[MemberProfile], now: dt.datetime
) -> dict[int, list[DigestSection]]:
    user_ids = [p.user_id for p in profiles]
    found: dict[int, dict[str, _Found]] = defaultdict(dict)

    def section(user_id: int, key: str, title: str, more_url: str = "") -> _Found:
        return found[user_id].setdefault(key, _Found(title, more_url))

    volgen_url = absolute(reverse("netwerk:follow_settings"))

    themes = _follows(FollowKind.THEME, user_ids).filter(
        published_q("theme__item__"),
        theme__item__published_at__lte=now,
        theme__item__published_at__gt=_since(),
    )
    for user_id, pk, type_, slug, title, moment, theme in themes.values_list(
        "user_id",
        "theme__item__id",
        "theme__item__type",
        "theme__item__slug",
        "theme__item__title",
        "theme__item__published_at",
        "theme__name",
    ):
        section(user_id, "themes", _("Nieuw in thema's die u volgt"), volgen_url).add(
            pk, DigestEntry(title, _item_url(type_, slug), moment), theme
        )

    municipalities = _follows(FollowKind.MUNICIPALITY, user_ids).filter(
        published_q("municipality__items__"),
        municipality__items__published_at__lte=now,
        municipality__items__published_at__gt=_since(),
    )
    for user_id, pk, type_, slug, title, moment, name in municipalities.values_list(
        "user_id",
        "municipality__items__id",
        "municipality__items__type",
        "municipality__items__slug",
        "municipality__items__title",
        "municipality__items__published_at",
        "municipality__name",
    ):
        section(user_id, "municipalities", _("Nieuw over gemeenten die u volgt"), volgen_url).add(
            pk, DigestEntry(title, _item_url(type_, slug), moment), name
        )

    # An entry becomes visible in a dossier when it is added or, if later, when its item is
    # published: an item added as a draft still counts as new once it goes public.
    entries = (
        _follows(FollowKind.DOSSIER, user_ids)
        .filter(published_q("item__") & published_q("item__dossier_entries__item__"))
        .annotate(
            visible=Greatest(
                "item__dossier_entries__added_at", "item__dossier_entries__item__published_at"
            )
        )
        .filter(visible__lte=now, visible__gt=_since())
    )
    for user_id, pk, type_, slug, title, moment, dossier in entries.values_list(
        "user_id",
        "item__dossier_entries__item__id",
        "item__dossier_entries__item__type",
        "item__dossier_entries__item__slug",
        "item__dossier_entries__item__title",
        "visible",
        "item__title",
    ):
        section(user_id, "dossiers", _("Nieuw in dossiers die u volgt"), volgen_url).add(
            pk,
            DigestEntry(title, _item_url(type_, slug), moment),
            _("in %(dossier)s") % {"dossier": dossier},
        )

    comments = _follows(FollowKind.DISCUSSION, user_ids).filter(
        published_q("item__"),
        item__comments__hidden=False,
        item__comments__created_at__lte=now,
        item__comments__created_at__gt=_since(),
    )
    replies: dict[tuple[int, int], tuple[tuple[str, str, str], int, dt.datetime]] = {}
    for user_id, pk, type_, slug, title, moment, author_id in comments.values_list(
        "user_id",
        "item__id",
        "item__type",
        "item__slug",
        "item__title",
        "item__comments__created_at",
        "item__comments__author_id",
    ):
        if author_id == user_id:
            continue  # one's own replies are not news
        _about, count, latest = replies.get((user_id, pk), (None, 0, moment))
        replies[(user_id, pk)] = ((type_, slug, title), count + 1, max(latest, moment))
    for (user_id, pk), ((type_, slug, title), count, latest) in replies.items():
        note = ngettext("%(n)s nieuwe reactie", "%(n)s nieuwe reacties", count) % {"n": count}
        section(
            user_id, "discussions", _("Nieuwe reacties in discussies die u volgt"), volgen_url
        ).add(pk, DigestEntry(title, _item_url(type_, slug), latest, note))

    order = ["themes", "dossiers", "municipalities", "discussions"]
    return {
        user_id: [s for key in order if key in by_key and (s := by_key[key].section())]
        for user_id, by_key in found.items()
    }


def digests_collect(
    *, profiles: list[MemberProfile], now: dt.datetime, reference=None
) -> list[Digest]:
    """The digests of these members for the window ending at now (empty ones included)."""
    reference = reference or load_reference()
    searches = _saved_search_sections(profiles, now, reference)
    follows = _follow_sections(profiles, now)
    return [
        Digest(
            profile_id=p.pk,
            email=p.user.email,
            name=p.name,
            covered_until=p.digest_covered_until,
            sections=(*searches.get(p.user_id, []), *follows.get(p.user_id, [])),
        )
        for p in profiles
    ]


# --- sending ------------------------------------------------------------------------------------


def digest_recipients(*, frequency: str):
    return (
        MemberProfile.objects.filter(digest_frequency=frequency, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .only("id", "name", "digest_covered_until", "user__id", "user__email")
        .order_by("id")
    )


def _claim(digest: Digest, now: dt.datetime) -> bool:
    """Mark the window as covered, unless another run got there first."""
    unchanged = (
        Q(digest_covered_until=digest.covered_until)
        if digest.covered_until is not None
        else Q(digest_covered_until__isnull=True)
    )
    return bool(
        MemberProfile.objects.filter(unchanged, pk=digest.profile_id).update(
            digest_covered_until=now
        )
    )


def digests_send(
    *, frequency: str, now: dt.datetime, dry_run: bool = False, batch_size: int = BATCH_SIZE
) -> DigestRun:
    """Send the digests of everyone with this frequency, for the window ending at now."""
    if frequency == DigestFrequency.NEVER:
        raise ValueError("no digests for members who chose none")
    run = DigestRun()
    reference = load_reference()
    recipients = list(digest_recipients(frequency=frequency))
    for batch in itertools.batched(recipients, batch_size):
        digests = digests_collect(profiles=list(batch), now=now, reference=reference)
        run.members += len(digests)
        quiet = [d.profile_id for d in digests if d.is_empty]
        run.empty += len(quiet)
        if dry_run:
            run.digests += [d for d in digests if not d.is_empty]
            continue
        for digest in digests:
            if digest.is_empty:
                continue
            try:
                # The claim and the mail in the outbox commit together: a window is never
                # covered without its mail, and a mail is never queued twice for one window.
                with transaction.atomic():
                    if not _claim(digest, now):
                        run.skipped += 1
                        continue
                    digest_mail(digest=digest)
            except Exception:
                # The window stays open (rolled back), so the next run tries again.
                logger.exception("Digest for profile %s not queued", digest.profile_id)
                run.failed += 1
            else:
                run.sent += 1
        # Nothing new also counts as covered: the next digest starts here.
        MemberProfile.objects.filter(pk__in=quiet).filter(
            Q(digest_covered_until__lt=now) | Q(digest_covered_until__isnull=True)
        ).update(digest_covered_until=now)
    return run


def digest_mail(*, digest: Digest) -> None:
    url = absolute(unsubscribe_path(profile_id=digest.profile_id))
    count = sum(len(s.entries) + s.more for s in digest.sections)
    mail_render(
        template="netwerk/mail/digest.txt",
        context={
            "digest": digest,
            "unsubscribe_url": url,
            "settings_url": absolute(reverse("netwerk:follow_settings")),
        },
        subject=ngettext(
            "Kennisplatform IGS: %(n)s nieuw bericht voor u",
            "Kennisplatform IGS: %(n)s nieuwe berichten voor u",
            count,
        )
        % {"n": count},
        to=digest.email,
        headers={
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


# --- unsubscribing ------------------------------------------------------------------------------


def unsubscribe_token(*, profile_id: int) -> str:
    return signing.dumps(profile_id, salt=UNSUBSCRIBE_SALT)


def unsubscribe_path(*, profile_id: int) -> str:
    return reverse("netwerk:digest_unsubscribe", args=[unsubscribe_token(profile_id=profile_id)])


def unsubscribe_profile(*, token: str) -> MemberProfile | None:
    """The profile a signed unsubscribe link is for; None for a bad or outdated link."""
    try:
        profile_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(profile_id, int):
        return None
    return MemberProfile.objects.filter(pk=profile_id).first()


def digest_unsubscribe(*, profile: MemberProfile) -> None:
    profile.digest_frequency = DigestFrequency.NEVER
    profile.save(update_fields=["digest_frequency", "updated_at"])


def describe(digests: Iterable[Digest]) -> list[str]:
    """One line per digest, for a dry run."""
    return [
        f"{d.email}: " + "; ".join(f"{s.title} ({len(s.entries) + s.more})" for s in d.sections)
        for d in digests
    ]
