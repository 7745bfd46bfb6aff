"""Member accounts: registration, confirmation, export of the own data, deletion.

Privacy: a member's e-mail address and phone number leave the services only through
`contacts.contact_details_for` and `member_export` (the member's own data).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from kennisbank.models import (
    AdoptionMark,
    Comment,
    Item,
    Registration,
    Submission,
)
from kennisbank.services.events import ACTIVE, registration_cancel
from netwerk.models import (
    Answer,
    ContactRequest,
    Follow,
    ItemContact,
    Question,
    SavedSearch,
)
from portal.mail import mail_render
from portal.members import profile_for
from portal.models import MemberProfile
from portal.text import single_line

# --- Accounts ----------------------------------------------------------------------------------


def member_register(*, name: str, email: str, password: str, province: str):
    """An inactive account with a profile; the confirmation mail activates it.

    An address that already has an account gets a mail saying so (log in or reset the
    password) and no new account; the visitor sees the same page either way, so registration
    does not tell anyone which addresses have an account. Returns None then.
    """
    user_model = get_user_model()
    email = user_model.objects.normalize_email(email).lower()
    name = single_line(name)
    try:
        with transaction.atomic():
            if user_model.objects.filter(username__iexact=email).exists():
                raise IntegrityError("address taken")
            user = user_model(username=email, email=email, is_active=False)
            user.set_password(password)
            user.save()
            MemberProfile.objects.create(user=user, name=name, province=province)
    except IntegrityError:  # also two registrations of one address at once
        mail_render(
            template="netwerk/mail/already_registered.txt",
            context={
                "login": settings.SITE_URL + reverse("netwerk:login"),
                "reset": settings.SITE_URL + reverse("netwerk:password_reset"),
            },
            subject="Aanmelding bij het Kennisplatform",
            to=email,
        )
        return None
    link = settings.SITE_URL + reverse(
        "netwerk:confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    mail_render(
        template="netwerk/mail/confirm.txt",
        context={"name": name, "link": link},
        subject="Bevestig uw aanmelding bij het Kennisplatform",
        to=email,
    )
    return user


def member_confirm(*, user) -> None:
    user.is_active = True
    user.save(update_fields=["is_active"])
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is not None:
        item_contacts_link_by_email(profile=profile)


def item_contacts_link_by_email(*, profile: MemberProfile) -> int:
    """Link the kennisbank items whose contact e-mail is the member's own (a confirmed address).

    Editors link other items by hand in the admin (ItemContact). Returns how many were added.
    """
    email = profile.user.email
    if not email or not profile.user.is_active:
        return 0
    items = Item.objects.filter(contact_email__iexact=email).exclude(
        pk__in=profile.item_contacts.values("item")
    )
    created = ItemContact.objects.bulk_create(
        [ItemContact(member=profile, item=item) for item in items], ignore_conflicts=True
    )
    return len(created)


def member_export(*, user) -> dict:
    """Everything the portal keeps about a member, for the member themself (JSON download)."""
    profile = profile_for(user)
    questions = Question.objects.filter(asker=user).prefetch_related("themes")
    return {
        "account": {
            "e-mail": user.email,
            "aangemaakt": user.date_joined.isoformat(),
            "laatst_ingelogd": user.last_login.isoformat() if user.last_login else None,
        },
        "profiel": {
            "naam": profile.name,
            "gemeente": profile.municipality.name if profile.municipality_id else None,
            "andere_organisatie": profile.organisation_name,
            "functie": profile.role,
            "provincie": profile.province,
            "over_mij": profile.bio,
            "themas": [t.name for t in profile.themes.all()],
            "samenwerkingsvormen": [m.name for m in profile.collaboration_models.all()],
            "taaktypen": profile.task_types,
            "trefwoorden": profile.tags,
            "talen": profile.languages,
            "telefoon": profile.phone,
            "open_voor_vragen": profile.open_for_questions,
            "hoogstens_vragen_per_maand": profile.max_questions_per_month,
            "zichtbaarheid": profile.visibility,
        },
        "kennisitems_als_contactpersoon": [
            c.item.title for c in profile.item_contacts.select_related("item")
        ],
        "vragen": [
            {
                "titel": q.title,
                "vraag": q.text,
                "gesteld_op": q.created_at.isoformat(),
                "themas": [t.name for t in q.themes.all()],
            }
            for q in questions
        ],
        "antwoorden": [
            {"vraag": a.question.title, "antwoord": a.text, "gegeven_op": a.created_at.isoformat()}
            for a in Answer.objects.filter(author=user).select_related("question")
        ],
        "contactverzoeken_ontvangen": [
            {"vraag": r.question.title, "status": r.status, "op": r.created_at.isoformat()}
            for r in profile.contact_requests.select_related("question")
        ],
        "contactverzoeken_verstuurd": [
            {"vraag": r.question.title, "aan": r.expert.name, "status": r.status}
            for r in ContactRequest.objects.filter(question__asker=user).select_related(
                "question", "expert"
            )
        ],
        **_contributions_export(user=user, profile=profile),
    }


def _contributions_export(*, user, profile: MemberProfile) -> dict:
    """What the member added to the kennisbank and follows: part of their data too."""
    return {
        "inzendingen": [
            {
                "soort": s.item_type,
                "begonnen": s.created_at.isoformat(),
                "ingezonden": s.sent_at.isoformat() if s.sent_at else None,
                "gegevens": s.data,
                "berichten": [m.text for m in s.messages.all() if not m.from_editors],
            }
            for s in Submission.objects.filter(submitter=user).prefetch_related("messages")
        ],
        "aanmeldingen": [
            {
                "bijeenkomst": r.event.title,
                "naam": r.name,
                "organisatie": r.organisation,
                "status": r.status,
                "aangemeld_op": r.created_at.isoformat(),
            }
            for r in Registration.objects.filter(user=user).select_related("event")
        ],
        "reacties": [
            {"bij": c.item.title, "tekst": c.text, "geplaatst_op": c.created_at.isoformat()}
            for c in Comment.objects.filter(author=user).select_related("item")
        ],
        "overnames": [
            {"voorbeeld": m.item.title, "gemeente": m.municipality.name, "toelichting": m.note}
            for m in AdoptionMark.objects.filter(member=user).select_related("item", "municipality")
        ],
        "bewaarde_zoekopdrachten": [
            {"naam": s.name, "zoekopdracht": s.query_string}
            for s in SavedSearch.objects.filter(user=user)
        ],
        "volgt": [
            str(f)
            for f in Follow.objects.filter(user=user).select_related(
                "theme", "item", "municipality"
            )
        ],
        "e-mail_met_nieuws": profile.digest_frequency,
    }


def member_delete(*, user) -> None:
    """Delete the account. Kennisbank items stay, without this member's name as contact.

    Items the member is linked to (ItemContact), or whose contact e-mail is the member's, lose
    their contact_name/contact_email/contact_organisation. Questions and answers stay in the
    thread without an author.
    """
    with transaction.atomic():
        profile = MemberProfile.objects.filter(user=user).first()
        linked = Q(contact_email__iexact=user.email) if user.email else Q(pk__in=[])
        if profile is not None:
            linked |= Q(pk__in=ItemContact.objects.filter(member=profile).values("item"))
        Item.objects.filter(linked).update(
            contact_name="", contact_email="", contact_organisation=""
        )
        # Through the service, so a freed seat goes to the first on the waiting list.
        for event in Item.objects.filter(
            registrations__user=user, registrations__status__in=ACTIVE
        ).distinct():
            registration_cancel(event=event, user=user)
        user.delete()
