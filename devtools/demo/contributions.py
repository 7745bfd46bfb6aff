"""Demo contributions by members (development only): a member account to try it all with, and
some discussion, adoption marks, registrations, a submission in review and follows.

Loaded by `manage.py load_demo_contributions` after the demo content and demo members; our own
short texts. Goes through the same services as the pages, so the demo obeys the same rules.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from kennisbank.constants import ItemType
from kennisbank.models import Comment, Item
from kennisbank.permissions import ORGANISER_GROUP
from kennisbank.services.adoptions import adoption_mark_create
from kennisbank.services.discussion import comment_create
from kennisbank.services.events import registration_register
from kennisbank.services.submissions import (
    submission_create,
    submission_save_draft,
    submission_send,
)
from netwerk.community.services.follows import follow_create, saved_search_create
from netwerk.constants import FollowKind
from portal.constants import Province
from portal.models import MemberProfile, Municipality, Theme

DEMO_MEMBER = "lid@example.org"
DEMO_MEMBER_PASSWORD = "demo-lid-2026"  # development only; the command refuses without DEBUG

COMMENTS = [
    "Wij liepen tegen hetzelfde aan: de dienstverleningsovereenkomst was te vaag over wie de "
    "wachtlijsten bewaakt. Hoe hebben jullie dat opgelost?",
    "Herkenbaar. Bij ons hielp een gezamenlijk **kwartaaloverleg** van de contractmanagers.",
    "Is er ook gekeken naar de kosten per inwoner vóór en na de samenwerking?",
]
REPLIES = [
    "We hebben het vastgelegd in een bijlage bij de regeling, met een vast aanspreekpunt per "
    "gemeente.",
    "Ja, na twee jaar ongeveer 8 procent lager; de cijfers staan in de evaluatie.",
]


def demo_member() -> tuple[object, bool]:
    """The demo member account (also organiser), created once."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=DEMO_MEMBER, defaults={"email": DEMO_MEMBER, "first_name": "Demo"}
    )
    if created:
        user.set_password(DEMO_MEMBER_PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=ORGANISER_GROUP))
        MemberProfile.objects.create(
            user=user,
            name="Demo Lid",
            municipality=Municipality.objects.current().filter(name="Utrecht").first(),
            province=Province.UTRECHT,
            role="Adviseur regionale samenwerking",
        )
    return user, created


def demo_contributions_load() -> bool:
    """Load the demo contributions once; returns False when they are already there."""
    if Comment.objects.exists():
        return False
    published = Item.objects.published()
    practices = list(published.of_type(ItemType.PRACTICE).order_by("id")[:3])
    experts = list(
        MemberProfile.objects.filter(user__username__startswith="demo-").select_related("user")[:12]
    )
    if not practices or len(experts) < 6:
        return False
    user, _created = demo_member()
    with transaction.atomic():
        for n, item in enumerate(practices):
            first = comment_create(item=item, author=experts[n].user, text=COMMENTS[n])
            if n < len(REPLIES):
                comment_create(item=item, author=experts[n + 3].user, text=REPLIES[n], parent=first)
        practices[0].discussion_public = True
        practices[0].save(update_fields=["discussion_public"])

        # Two municipalities mark that they adopted the first practice example.
        for code, note in [
            ("GM0344", "Overgenomen voor de jeugdhulpregio, met een eigen escalatieregeling."),
            ("GM0363", "Alleen het contractmanagement overgenomen."),
        ]:
            municipality = Municipality.objects.filter(code=code).first()
            if municipality:
                adoption_mark_create(
                    item=practices[0], member=user, municipality=municipality, note=note
                )

        # The next upcoming events take registrations; the first is nearly full.
        events = list(published.upcoming_events().order_by("starts_at")[:2])
        for event, capacity in zip(events, (8, 40), strict=False):
            event.capacity = capacity
            event.save(update_fields=["capacity"])
        if events:
            for profile in experts[:7]:
                registration_register(
                    event=events[0],
                    user=profile.user,
                    name=profile.name,
                    organisation=profile.organisation_label,
                )

        # A submission the editors still have to review.
        submission = submission_create(submitter=user)
        theme = Theme.objects.filter(slug="jeugd").first()
        municipalities = list(Municipality.objects.filter(code__in=["GM0344", "GM0356", "GM0589"]))
        case = {
            "item_type": ItemType.PRACTICE,
            "title": "Samen één loket voor leerlingenvervoer",
            "summary": "Vier gemeenten richtten één loket in voor het leerlingenvervoer en één "
            "aanbesteding voor het vervoer.",
            "task": "Elke gemeente deed het leerlingenvervoer zelf, met vier loketten en vier "
            "contracten.",
            "outcomes": "Aanvragen in gemiddeld 9 in plaats van 21 werkdagen afgehandeld.",
            "what_went_wrong": "De eerste aanbesteding liep vertraging op omdat de gemeenten "
            "verschillende vervoersregels hadden; die moesten eerst gelijk.",
            "advice": "Maak de regels gelijk voordat u samen aanbesteedt.",
            "contact_name": "Demo Lid",
            "contact_organisation": "Gemeente Utrecht",
            "contact_email": DEMO_MEMBER,
        }
        # The form state as the member typed it (what "Mijn inzendingen" shows), then sent.
        submission_save_draft(
            submission=submission,
            data={
                **case,
                "municipalities": [m.code for m in municipalities],
                "themes": [theme.slug] if theme else [],
                "collaboration_model": "",
            },
        )
        submission_send(
            submission=submission,
            cleaned={
                **case,
                "municipalities": municipalities,
                "themes": [theme] if theme else [],
                "collaboration_model": None,
            },
        )

        # Follows and a saved search for the digest.
        if theme:
            follow_create(user=user, kind=FollowKind.THEME, target=theme)
        follow_create(user=user, kind=FollowKind.DISCUSSION, target=practices[0])
        saved_search_create(user=user, query_string="q=leerlingenvervoer")
    return True
