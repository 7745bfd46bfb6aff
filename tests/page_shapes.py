"""Every page shape of the site, for the browser checks (axe-core, sideways scroll).

The URL patterns are read from the resolver (like the fuzz crawl), filled with real objects'
parameters and fetched as an anonymous visitor, a member and an editor; every answer that is an
HTML page (200) is a page shape. Query-string variants (filters, region kinds) are added by hand.
So a new page is checked without touching this file.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from django.apps import apps as django_apps
from django.test import Client
from django.urls import resolve, reverse

from modellentool.models import AdviceResult, QuestionnaireVersion
from modellentool.reference import load_first_questionnaire
from modellentool.services import version_published
from tests.catalogue import make_catalogue
from tests.factories import EditorFactory, ItemFactory
from tests.kennisbank.discussion_factories import AdoptionMarkFactory, CommentFactory
from tests.kennisbank.event_factories import RegistrableEventFactory, RegistrationFactory
from tests.kennisbank.submission_factories import SubmissionFactory
from tests.netwerk.factories import small_register
from tests.netwerk.member_factories import ExpertFactory, MemberFactory, QuestionFactory
from tests.test_fuzz_urls import fill, patterns

# Not pages: machine formats, downloads, the admin (Django's own), actions that only redirect.
# The developers' pages (ontwikkelaars/, Swagger UI) are the same for every role and have their
# own axe and width test (tests/browser/test_api_docs.py), which waits for the viewer to draw.
SKIP_PREFIXES = (
    "ontwikkelaars/",
    "static/",
    "media/",
    "admin/",
    "i18n/",
    "netwerk/api/",
    "modellentool/api/",
    "kennisbank/api/",
)
SKIP_SUFFIXES = (".xml", ".txt", ".json", ".ics", ".csv", "feed/", "pdf/", "healthz")


@dataclass(frozen=True)
class Shape:
    role: str  # anonymous, member, editor
    name: str
    url: str


@dataclass
class Site:
    shapes: list[Shape]
    sessions: dict[str, str]  # role -> session cookie value


def make_site() -> Site:
    """Creates a small but complete site and returns its page shapes per role."""
    if not QuestionnaireVersion.objects.exists():  # browser tests flush between tests
        load_first_questionnaire(django_apps.get_model)
    catalogue = make_catalogue()
    register = small_register()
    editor = EditorFactory()
    member = MemberFactory(name="Mila Meerdere", themes=["belastingen-en-woz"])
    expert = ExpertFactory(name="Eva Expert", themes=["belastingen-en-woz"])
    question = QuestionFactory(asker=member.user, themes=["belastingen-en-woz"])
    event = RegistrableEventFactory(title="Masterclass samen belasting heffen")
    RegistrationFactory(event=event, user=member.user, name="Mila Meerdere")
    item = ItemFactory(title="Samen de WOZ-taxatie", summary="Drie gemeenten taxeren samen.")
    comment = CommentFactory(item=item, author=expert.user)
    mark = AdoptionMarkFactory(item=item, member=member.user)
    submission = SubmissionFactory(submitter=member.user)
    result = AdviceResult.objects.create(
        token=secrets.token_urlsafe(24), version=version_published(), answers={}
    )
    objects = [
        item.get_absolute_url(),
        event.get_absolute_url(),
        question.get_absolute_url(),
        expert.get_absolute_url(),
        result.get_absolute_url(),
        register["tax"].get_absolute_url(),
        reverse("kennisbank:submission_detail", args=[submission.pk]),
    ]
    # One set of path parameters per object, tried in turn: "slug" means an item in one route
    # and a municipality or a collaboration in another.
    base = {"item_pk": str(item.pk), "number": "1", "pk": str(comment.pk)}
    fills = [base]
    for url in objects:
        fills.append({**base, **{k: str(v) for k, v in resolve(url).kwargs.items()}})
    fills.append({**base, "pk": str(mark.pk)})
    fills.append({**base, "slug": "zeist"})

    extras = {
        **{f"catalogus {k}": v for k, v in catalogue.items()},
        "gemeente": reverse("netwerk:municipality", args=["zeist"]),
        "gemeente zonder samenwerkingen": reverse("netwerk:municipality", args=["amsterdam"]),
        "regio corop": reverse("netwerk:region", args=["corop", "17"]),
        "regio veiligheidsregio": reverse("netwerk:region", args=["veiligheidsregio", "VR09"]),
        "regio provincie": reverse("netwerk:region", args=["provincie", "utrecht"]),
        "regio provincie lijst": reverse("netwerk:region", args=["provincie", "utrecht"])
        + "?tabel=lijst",
        "selectie": reverse("netwerk:selection") + "?gemeente=GM0344&gemeente=GM0355",
        # Two COROP areas (Utrecht, Groot-Amsterdam): the picture drawn in groups.
        "selectie in groepen": reverse("netwerk:selection")
        + "?gemeente=GM0344&gemeente=GM0355&gemeente=GM0363",
        "kaart één verband": reverse("netwerk:map") + "?verband=Belastingen+Heuvelrug+Proef",
        "partners gekozen": reverse("netwerk:partners") + "?gemeente=GM0355&domein=afval",
        "kaart per domein": reverse("netwerk:map") + "?maat=aantal&domein=afval",
        "kaart als tabel": reverse("netwerk:map") + "?weergave=tabel",
        "samenwerkingen gefilterd": reverse("netwerk:collaborations") + "?domein=afval",
        "gemeente opzoeken": reverse("netwerk:municipality_lookup") + "?gemeente=XX",
        "vragen gefilterd": reverse("netwerk:questions") + "?thema=belastingen-en-woz",
    }
    sessions = {}
    shapes: list[Shape] = []
    public: set[tuple[str, str]] = set()  # (URL, main content) as the anonymous visitor saw it
    for role, user in (("anonymous", None), ("member", member.user), ("editor", editor)):
        client = Client()
        if user is not None:
            client.force_login(user)
            sessions[role] = client.cookies["sessionid"].value
        seen = set()
        candidates = [(route, [fill(route, f) for f in fills]) for route in page_routes()]
        candidates += [(name, [url]) for name, url in extras.items()]
        for name, urls in candidates:
            for url in dict.fromkeys(urls):
                if url in seen:
                    break
                response = client.get(url)
                if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                    seen.add(url)
                    main = (url, _main_content(response.content.decode()))
                    if role == "anonymous":
                        public.add(main)
                    if role == "anonymous" or main not in public or len(shapes) % 10 == 0:
                        shapes.append(Shape(role, name, url))
                if response.status_code != 404:  # only a wrong object is worth another try
                    break
    return Site(shapes=shapes, sessions=sessions)


_MAIN = re.compile(r"<main\b.*</main>", re.S)
_PER_REQUEST = re.compile(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]*"')


def _main_content(html: str) -> str:
    """A digest of the page's <main> without per-request tokens. A member's or editor's page
    whose main content equals the anonymous visitor's differs only in the site header, which
    is checked on every tenth such page (and on every page of their own): a third of the
    browser time of checking every page three times."""
    found = _MAIN.search(html)
    return hashlib.sha256(_PER_REQUEST.sub("", found[0] if found else html).encode()).hexdigest()


def page_routes() -> list[str]:
    routes = []
    for route in patterns():
        if route.startswith(SKIP_PREFIXES) or route.endswith(SKIP_SUFFIXES):
            continue
        routes.append(route)
    return routes
