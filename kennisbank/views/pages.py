"""Home, detail pages, dossiers, events, most adopted and the iCal download.

Every list goes through Item.objects.published(); detail pages through visible_to(user), so
editors can preview what is not public yet (marked, never indexed, never cached).
"""

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property

from portal.constants import Motive
from portal.models import Theme

from ..constants import TYPE_PATHS, ItemType
from ..models import AdoptionMark, Attachment, DossierEntry, Item
from ..services.events import event_calendar
from ..services.related import (
    adoption_ancestors,
    detail_prefetches,
    municipalities_prefetch,
    related_items,
)
from .discussion import adoption_context, discussion_context
from .events import registration_context

HOME_NEWEST = 6
HOME_EVENTS = 4
HOME_DOSSIERS = 4
HOME_MOST_ADOPTED = 5
DOSSIERS_PER_PAGE = 20
PAST_EVENTS_PER_PAGE = 20
UPCOMING_EVENTS_PER_PAGE = 20
MOST_ADOPTED_PER_PAGE = 25
ADOPTERS_SHOWN = 5


def _preview_headers(response, item: Item):
    # An editor's preview of unpublished content: keep it out of search engines and caches.
    if not item.is_published:
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
    return response


def home(request):
    published = Item.objects.published()
    upcoming_events = list(published.upcoming_events()[:HOME_EVENTS])
    context = {
        # An event already under "Binnenkort" is not repeated under "Nieuw".
        "newest": published.exclude(id__in=[event.id for event in upcoming_events]).order_by(
            "-published_on", "-id"
        )[:HOME_NEWEST],
        "upcoming_events": upcoming_events,
        "featured_dossiers": published.of_type(ItemType.DOSSIER)
        .filter(featured=True)
        .order_by("-published_on", "-id")[:HOME_DOSSIERS],
        "most_adopted": published.most_adopted().prefetch_related(municipalities_prefetch())[
            :HOME_MOST_ADOPTED
        ],
    }
    return render(request, "kennisbank/home.html", context)


def sitemap_page(request):
    """The site's map for people (the XML sitemap is for search engines)."""
    return render(request, "pages/sitemap.html", {"themes": Theme.objects.order_by("name")})


def detail(request, type_path, slug):
    if type_path not in TYPE_PATHS.values():
        raise Http404
    item = get_object_or_404(
        Item.objects.visible_to(request.user).select_related("collaboration_model"), slug=slug
    )
    if TYPE_PATHS[item.type] != type_path:
        # Old or hand-typed links with the wrong type still land on the one real address.
        return redirect(item, permanent=True)
    prefetch_related_objects([item], *detail_prefetches(item.type))
    context = {
        "item": item,
        "is_preview": not item.is_published,
        "show_contact_email": request.user.is_authenticated,
        "related": related_items(item),
        "ancestors": adoption_ancestors(item) if item.type == ItemType.PRACTICE else [],
        "motives": [(value, Motive(value).label) for value in item.motives],
        "now": timezone.now(),
    }
    # Members' contributions on the page: registration, adoption marks, discussion.
    if item.type == ItemType.EVENT:
        context |= registration_context(request, item)
    if item.type == ItemType.PRACTICE:
        context |= adoption_context(request, item)
    context |= discussion_context(request, item)
    response = render(
        request, [f"kennisbank/detail_{item.type}.html", "kennisbank/detail.html"], context
    )
    return _preview_headers(response, item)


def dossiers(request):
    entry_counts = (
        DossierEntry.objects.filter(dossier=OuterRef("pk"), item__in=Item.objects.published())
        .order_by()
        .values("dossier")
        .annotate(n=Count("id"))
        .values("n")
    )
    queryset = (
        Item.objects.published()
        .of_type(ItemType.DOSSIER)
        .annotate(entry_count=Coalesce(Subquery(entry_counts), 0))
        .order_by("-featured", "-published_on", "-id")
    )
    page_obj = Paginator(queryset, DOSSIERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "kennisbank/dossiers.html", {"page_obj": page_obj})


class _PastEventsPaginator(Paginator):
    """Counts the past events as "every event with a start minus the upcoming ones": two index
    reads, where counting the past ones directly reads each of their rows (there are ever more).
    """

    def __init__(self, published, now, upcoming: Paginator):
        super().__init__(published.past_events(now), PAST_EVENTS_PER_PAGE)
        self.published, self.upcoming = published, upcoming

    @cached_property
    def count(self):
        started = self.published.of_type(ItemType.EVENT).filter(starts_at__isnull=False)
        return started.count() - self.upcoming.count


def events(request):
    now = timezone.now()
    published = Item.objects.published()
    # Upcoming events get their own pages (?binnenkort=2): a long agenda would otherwise make
    # the page grow with the collection.
    upcoming = Paginator(published.upcoming_events(now), UPCOMING_EVENTS_PER_PAGE)
    past = _PastEventsPaginator(published, now, upcoming)
    context = {
        "upcoming": upcoming.get_page(request.GET.get("binnenkort")),
        "page_obj": past.get_page(request.GET.get("page")),
        "now": now,
    }
    return render(request, "kennisbank/events.html", context)


def event_ical(request, slug):
    item = get_object_or_404(
        Item.objects.visible_to(request.user).of_type(ItemType.EVENT),
        slug=slug,
        starts_at__isnull=False,
    )
    calendar = event_calendar(item, site_url=request.build_absolute_uri("/"))
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{item.slug}.ics"'
    return _preview_headers(response, item)


def most_adopted(request):
    # A practice adopted hundreds of times lists only its first adopters here; the rest are
    # on its own page (sliced prefetches keep the page small and its queries constant).
    queryset = (
        Item.objects.published()
        .most_adopted()
        .prefetch_related(
            municipalities_prefetch(),
            Prefetch(
                "adoptions",
                queryset=Item.objects.published()
                .prefetch_related(municipalities_prefetch())
                .order_by("published_on", "id")[:ADOPTERS_SHOWN],
                to_attr="published_adoptions",
            ),
            # Members' "Overgenomen" marks count as adoptions too (views/discussion.py).
            Prefetch(
                "adoption_marks",
                queryset=AdoptionMark.objects.select_related("municipality").order_by(
                    "created_at", "id"
                )[:ADOPTERS_SHOWN],
                to_attr="marks",
            ),
        )
    )
    page_obj = Paginator(queryset, MOST_ADOPTED_PER_PAGE).get_page(request.GET.get("page"))
    for item in page_obj:
        item.more_adopters = item.adoption_count - len(item.published_adoptions) - len(item.marks)
    return render(request, "kennisbank/most_adopted.html", {"page_obj": page_obj})


def attachment(request, pk):
    """An item's attachment, to whoever may see the item, read through the storage API.

    Served by the portal rather than from a public address: uploads live in private object
    storage (or a MEDIA_ROOT nobody serves), and a draft's files are no one else's business.
    """
    found = get_object_or_404(
        Attachment.objects.select_related("item"),
        pk=pk,
        item__in=Item.objects.visible_to(request.user),
    )
    try:
        handle = found.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle, as_attachment=True, filename=found.file.name.rpartition("/")[2] or "bijlage"
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Even if a browser showed it inline, the file may not run anything in our origin.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return _preview_headers(response, found.item)
