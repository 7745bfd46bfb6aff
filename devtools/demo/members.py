"""Demo members from devtools/demo/members_data.py: five open specialists per specialism."""

from django.contrib.auth import get_user_model
from django.db import transaction

from portal.constants import TaskType, Visibility
from portal.models import CollaborationModel, MemberProfile, Theme

from . import members_data as demo_members

# Five ways of describing the same specialism (compare the judged set's variants).
ROLES = ("Beleidsadviseur", "Projectleider", "Programmamanager", "Teamleider", "Adviseur")


def demo_members_load() -> int:
    """Create the demo members that do not exist yet; returns how many were created."""
    user_model = get_user_model()
    themes = {t.slug: t for t in Theme.objects.all()}
    forms = {m.key: m for m in CollaborationModel.objects.all()}
    created = 0
    with transaction.atomic():
        for n, (key, (theme, form, tags, words, titles)) in enumerate(
            demo_members.SPECIALISMS.items()
        ):
            for v in range(5):
                email = f"demo-{key}-{v}@example.org"
                if user_model.objects.filter(username=email).exists():
                    continue
                user = user_model(username=email, email=email)
                user.set_unusable_password()
                user.save()
                first = demo_members.FIRST_NAMES[(n + v) % len(demo_members.FIRST_NAMES)]
                last = demo_members.LAST_NAMES[(n * 5 + v) % len(demo_members.LAST_NAMES)]
                profile = MemberProfile.objects.create(
                    user=user,
                    name=f"{first} {last}",
                    organisation_name="Demogemeente",
                    role=f"{ROLES[v]} {key}",
                    province=demo_members.PROVINCES[(n + v) % len(demo_members.PROVINCES)],
                    bio=f"Ik werk aan {words}. Eerder schreef ik mee aan: {titles[v % 2]}.",
                    tags=list(tags[: 1 + v % 2]),
                    task_types=[TaskType.POLICY if v % 2 else TaskType.EXECUTION],
                    languages=["Nederlands"],
                    open_for_questions=True,
                    max_questions_per_month=2 + v % 3,
                    visibility=Visibility.PUBLIC if v % 2 else Visibility.MEMBERS,
                )
                if theme in themes and v != 2:
                    profile.themes.add(themes[theme])
                if form in forms and v in {0, 3}:
                    profile.collaboration_models.add(forms[form])
                created += 1
    return created
