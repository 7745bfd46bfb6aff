"""Services of the members' network: accounts, profiles, questions, contact requests, answers.

Writes are plain functions named <thing>_<verb> with keyword-only arguments. The matching itself
is pure (netwerk/matching.py); this module maps rows to its dataclasses and back.

Privacy: e-mail addresses and phone numbers leave this module only through
`contact_details_for` (the two people of an accepted contact request) and `member_export`
(the member's own data).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, Min, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify

from kennisbank.constants import ItemType, Status
from kennisbank.models import (
    SEARCH_CONFIG,
    AdoptionMark,
    Comment,
    Item,
    Registration,
    Submission,
)
from kennisbank.services.events import ACTIVE, registration_cancel
from kennisbank.services.items import item_refresh_facets
from portal.client import client_ip as portal_client_ip
from portal.mail import mail_render
from portal.members import profile_for
from portal.models import MemberProfile
from portal.text import single_line

from . import matching, member_reasons
from .constants import RequestStatus, Urgency
from .models import (
    Answer,
    ContactRequest,
    Follow,
    ItemContact,
    Membership,
    Question,
    RateEvent,
    SavedSearch,
)

STOPWORDS_FILE = Path(settings.BASE_DIR) / "fixtures/reference/stopwords-nl_iso.txt"

# action: (how many, within how many seconds)
RATE_LIMITS = {
    "registration": (5, 60 * 60),
    "question": (5, 24 * 60 * 60),
    "contact_request": (15, 24 * 60 * 60),
    "answer": (30, 24 * 60 * 60),
}
# Questions without a helpful answer after this many days go to the editor desk.
DESK_AFTER_DAYS = 7


class RateLimited(Exception):
    """The member did this too often; the view shows a Dutch message."""


class LimitReached(Exception):
    """The expert was already asked as often this month as they allow."""


@cache
def stopwords() -> frozenset[str]:
    return frozenset(
        line.strip() for line in STOPWORDS_FILE.read_text(encoding="utf-8").splitlines() if line
    )


# --- Rate limits -------------------------------------------------------------------------------


def rate_limit_hit(*, action: str, key: str, now: dt.datetime | None = None) -> None:
    """Count one action; raise RateLimited if it is one too many within the window."""
    limit, seconds = RATE_LIMITS[action]
    now = now or timezone.now()
    since = now - dt.timedelta(seconds=seconds)
    RateEvent.objects.filter(action=action, created_at__lt=now - dt.timedelta(days=2)).delete()
    if RateEvent.objects.filter(action=action, key=key, created_at__gte=since).count() >= limit:
        raise RateLimited(action)
    RateEvent.objects.create(action=action, key=key)


def client_ip(request) -> str:
    # The same address django-axes counts (X-Forwarded-For only from trusted proxies).
    return portal_client_ip(request) or "onbekend"


# --- Mail through the Django Tasks API ----------------------------------------------------------


def _mail(*, template: str, context: dict, subject: str, to: str) -> None:
    mail_render(template=template, context=context, subject=subject, to=to)


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
        _mail(
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
    _mail(
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


# --- Matching ----------------------------------------------------------------------------------


def month_start(now: dt.datetime | None = None) -> dt.datetime:
    local = timezone.localtime(now or timezone.now())
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _experts(*, exclude_user=None) -> list[matching.Expert]:
    since = month_start()
    profiles = (
        MemberProfile.objects.experts()
        .annotate(
            asked=Count(
                "contact_requests", filter=Q(contact_requests__created_at__gte=since), distinct=True
            )
        )
        .select_related("municipality")
        .prefetch_related("themes", "collaboration_models", "item_contacts__item__themes")
    )
    municipality_forms = _municipality_forms({p.municipality_id for p in profiles})
    helpful = {}
    for answer in Answer.objects.filter(
        question__helpful_answer=F("pk"), author__member_profile__open_for_questions=True
    ).prefetch_related("question__themes"):
        helpful.setdefault(answer.author_id, []).append(
            matching.Evidence(
                title=answer.question.title,
                themes=frozenset(t.name for t in answer.question.themes.all()),
                text=answer.text,
            )
        )
    experts = []
    for p in profiles:
        experts.append(
            matching.Expert(
                id=p.pk,
                name=p.name,
                themes=frozenset(t.name for t in p.themes.all()),
                forms=frozenset(m.name for m in p.collaboration_models.all()),
                task_types=frozenset(p.task_types),
                tags=frozenset(p.tags),
                province=p.province,
                text=f"{p.role} {p.bio}",
                items=tuple(
                    matching.Evidence(
                        title=c.item.title,
                        themes=frozenset(t.name for t in c.item.themes.all()),
                        text=c.item.summary,
                        kind=c.item.type,
                    )
                    for c in p.item_contacts.all()
                    if c.item.status == Status.PUBLISHED
                ),
                answers=tuple(helpful.get(p.user_id, ())),
                municipality=p.municipality.name if p.municipality_id else "",
                municipality_forms=municipality_forms.get(p.municipality_id, ()),
                open_for_questions=p.open_for_questions,
                monthly_limit=p.max_questions_per_month,
                asked_this_month=p.asked,
            )
        )
    return experts


def _municipality_forms(ids) -> dict[int, tuple[tuple[str, int], ...]]:
    """Per municipality: the forms of the active collaborations it takes part in, counted."""
    rows = (
        Membership.objects.filter(
            municipality_id__in=[i for i in ids if i],
            collaboration__ended=False,
            collaboration__form__isnull=False,
        )
        .values("municipality_id", "collaboration__form__name")
        .annotate(n=Count("collaboration", distinct=True))
        .order_by()
    )
    result: dict[int, list[tuple[str, int]]] = {}
    for row in rows:
        result.setdefault(row["municipality_id"], []).append(
            (row["collaboration__form__name"], row["n"])
        )
    return {k: tuple(sorted(v)) for k, v in result.items()}


def question_profile(question: Question) -> matching.QuestionProfile:
    asker = MemberProfile.objects.filter(user_id=question.asker_id).values_list("pk", flat=True)
    return matching.QuestionProfile(
        text=f"{question.title} {question.text}",
        themes=frozenset(t.name for t in question.themes.all()),
        forms=frozenset(m.name for m in question.collaboration_models.all()),
        province=question.province,
        asker_id=asker.first(),
    )


@dataclass(frozen=True)
class ExpertSuggestion:
    profile: MemberProfile
    match: matching.Match
    requested: bool

    @property
    def reasons(self) -> list[str]:
        return member_reasons.reason_texts(self.match.reasons)


def suggestions_for(question: Question) -> list[ExpertSuggestion]:
    """The top five experts for a question, with reasons; asked experts are marked."""
    matches = matching.suggest(
        question_profile(question),
        _experts(),
        stopwords=stopwords(),
    )
    profiles = MemberProfile.objects.select_related("municipality").in_bulk(
        [m.expert_id for m in matches]
    )
    requested = set(question.contact_requests.values_list("expert_id", flat=True))
    return [
        ExpertSuggestion(profiles[m.expert_id], m, m.expert_id in requested)
        for m in matches
        if m.expert_id in profiles
    ]


def matching_items(question: Question, limit: int = 5) -> list[Item]:
    """Published kennisbank items on the question's words (any of them) or themes."""
    words = matching.WORD.findall(f"{question.title} {question.text}".lower())
    terms = [w for w in dict.fromkeys(words) if len(w) > 3 and w not in stopwords()][:30]
    theme_ids = [t.pk for t in question.themes.all()]
    if not terms and not theme_ids:
        return []
    query = SearchQuery(" or ".join(terms), config=SEARCH_CONFIG, search_type="websearch")
    found = (
        Item.objects.published()
        .filter(Q(search_vector=query) | Q(themes__in=theme_ids))
        .annotate(rank=SearchRank(F("search_vector"), query))
        .distinct()
        .order_by("-rank", "-published_on", "id")
    )
    return list(found[:limit])


# --- Questions, contact requests, answers ------------------------------------------------------


def question_create(
    *,
    asker,
    title: str,
    text: str,
    themes,
    province: str,
    urgency: str,
    collaboration_models=(),
):
    rate_limit_hit(action="question", key=f"user:{asker.pk}")
    with transaction.atomic():
        question = Question.objects.create(
            asker=asker, title=title, text=text, province=province, urgency=urgency
        )
        question.themes.set(themes)
        question.collaboration_models.set(collaboration_models)
    return question


def asked_this_month(expert: MemberProfile) -> int:
    return expert.contact_requests.filter(created_at__gte=month_start()).count()


def contact_request_create(
    *,
    question: Question,
    expert: MemberProfile,
    message: str = "",
    reasons: Iterable[matching.Reason] = (),
    sender,
    routed_by_editor: bool = False,
) -> ContactRequest:
    """Ask one expert; refuses beyond the expert's monthly limit. Mails the expert."""
    rate_limit_hit(action="contact_request", key=f"user:{sender.pk}")
    with transaction.atomic():
        # Lock the expert so two requests at once cannot both take the last place this month.
        expert = MemberProfile.objects.select_for_update().get(pk=expert.pk)
        if not expert.open_for_questions or asked_this_month(expert) >= (
            expert.max_questions_per_month
        ):
            raise LimitReached(expert.pk)
        contact_request, created = ContactRequest.objects.get_or_create(
            question=question,
            expert=expert,
            defaults={
                "message": message,
                "reasons": member_reasons.to_stored(reasons),
                "routed_by_editor": routed_by_editor,
            },
        )
    if created:
        _mail(
            template="netwerk/mail/contact_request.txt",
            context={
                "name": expert.name,
                "question": question,
                "link": settings.SITE_URL + contact_request.get_absolute_url(),
            },
            subject=f"Een collega vraagt uw hulp: {question.title}",
            to=expert.user.email,
        )
    return contact_request


def contact_request_respond(*, contact_request: ContactRequest, accept: bool) -> None:
    if contact_request.status != RequestStatus.PENDING:
        return
    contact_request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    contact_request.responded_at = timezone.now()
    contact_request.save(update_fields=["status", "responded_at"])
    asker = contact_request.question.asker
    if asker is not None and asker.email:
        _mail(
            template="netwerk/mail/contact_response.txt",
            context={"contact_request": contact_request, "accepted": accept},
            subject=f"Reactie op uw contactverzoek: {contact_request.question.title}",
            to=asker.email,
        )


@dataclass(frozen=True)
class ContactDetails:
    name: str
    email: str
    phone: str


def contact_details_for(*, contact_request: ContactRequest, viewer) -> ContactDetails | None:
    """The other person's details, only for the two people of an accepted request."""
    if contact_request.status != RequestStatus.ACCEPTED or not viewer.is_authenticated:
        return None
    asker = contact_request.question.asker
    expert_user = contact_request.expert.user
    if viewer.pk == expert_user.pk and asker is not None:
        other = MemberProfile.objects.filter(user=asker).first()
        return ContactDetails(
            other.name if other else "", asker.email, other.phone if other else ""
        )
    if asker is not None and viewer.pk == asker.pk:
        return ContactDetails(
            contact_request.expert.name, expert_user.email, contact_request.expert.phone
        )
    return None


# The same answer posted again within this time (a double click, a resent form) is one answer.
ANSWER_DUPLICATE_WINDOW = dt.timedelta(minutes=2)


def answer_create(*, question: Question, author, text: str) -> Answer:
    """An answer in the thread; the asker gets an e-mail (without the author's address).

    Posting the same text again shortly after returns the first answer, as comments do.
    """
    with transaction.atomic():
        # Lock the question so parallel identical posts see each other's answer.
        Question.objects.select_for_update().filter(pk=question.pk).first()
        duplicate = (
            Answer.objects.filter(
                question=question,
                author=author,
                text=text,
                created_at__gte=timezone.now() - ANSWER_DUPLICATE_WINDOW,
            )
            .order_by("-id")
            .first()
        )
        if duplicate is not None:
            return duplicate
        rate_limit_hit(action="answer", key=f"user:{author.pk}")
        answer = Answer.objects.create(question=question, author=author, text=text)
    asker = question.asker
    if asker is not None and asker.pk != author.pk and asker.email:
        _mail(
            template="netwerk/mail/answer.txt",
            context={"question": question},
            subject=f"Nieuw antwoord op uw vraag: {question.title}",
            to=asker.email,
        )
    return answer


def answer_mark_helpful(*, question: Question, answer: Answer) -> None:
    question.helpful_answer = answer
    question.save(update_fields=["helpful_answer"])


# --- Editor desk -------------------------------------------------------------------------------


def desk_questions(now: dt.datetime | None = None):
    """Questions older than DESK_AFTER_DAYS with no helpful answer and no accepted request.

    Urgent ones ("deze week") first, then the oldest.
    """
    cutoff = (now or timezone.now()) - dt.timedelta(days=DESK_AFTER_DAYS)
    return (
        Question.objects.filter(created_at__lt=cutoff, helpful_answer__isnull=True)
        .exclude(contact_requests__status=RequestStatus.ACCEPTED)
        .annotate(
            answer_count=Count("answers", distinct=True),
            request_count=Count("contact_requests", distinct=True),
        )
        .annotate(urgent=Case(When(urgency=Urgency.HIGH, then=Value(0)), default=Value(1)))
        .prefetch_related("themes")
        .order_by("urgent", "created_at", "id")
    )


@dataclass(frozen=True)
class ExpertLoad:
    name: str
    asked: int
    accepted: int
    declined: int
    pending: int
    limit: int


@dataclass(frozen=True)
class DeskStatistics:
    questions: int
    answered: int
    median_hours_to_first_answer: float | None
    requests: int
    declined: int
    loads: list[ExpertLoad]

    @property
    def answered_share(self) -> int:
        return round(100 * self.answered / self.questions) if self.questions else 0


def desk_statistics() -> DeskStatistics:
    """Share answered, median time to first answer, declines and per-expert load."""
    questions = list(
        Question.objects.annotate(
            first_answer=Min("answers__created_at"),
            accepted=Count(
                "contact_requests",
                filter=Q(contact_requests__status=RequestStatus.ACCEPTED),
            ),
        ).values("created_at", "first_answer", "accepted", "helpful_answer")
    )
    answered = [q for q in questions if q["first_answer"] or q["accepted"] or q["helpful_answer"]]
    waits = [
        (q["first_answer"] - q["created_at"]).total_seconds() / 3600
        for q in questions
        if q["first_answer"]
    ]
    loads = [
        ExpertLoad(
            name=p.name,
            asked=p.asked,
            accepted=p.accepted,
            declined=p.declined,
            pending=p.pending,
            limit=p.max_questions_per_month,
        )
        for p in MemberProfile.objects.annotate(
            asked=Count("contact_requests"),
            accepted=Count(
                "contact_requests", filter=Q(contact_requests__status=RequestStatus.ACCEPTED)
            ),
            declined=Count(
                "contact_requests", filter=Q(contact_requests__status=RequestStatus.DECLINED)
            ),
            pending=Count(
                "contact_requests", filter=Q(contact_requests__status=RequestStatus.PENDING)
            ),
        )
        .filter(asked__gt=0)
        .order_by("-asked", "name")
    ]
    return DeskStatistics(
        questions=len(questions),
        answered=len(answered),
        median_hours_to_first_answer=round(statistics.median(waits), 1) if waits else None,
        requests=ContactRequest.objects.count(),
        declined=ContactRequest.objects.filter(status=RequestStatus.DECLINED).count(),
        loads=loads,
    )


def question_promote(*, question: Question) -> Item:
    """A draft kennisbank lesson (praktijkles) from a question and its answers, for editors.

    The draft names no members: editors add a contact person (with consent) in the admin.
    """
    if question.promoted_item_id:
        return question.promoted_item
    answers = list(question.answers.all())
    helpful_id = question.helpful_answer_id
    answers.sort(key=lambda a: (a.pk != helpful_id, a.created_at))
    body = [question.text, "", "## Wat collega's antwoordden", ""]
    for a in answers:
        body += [a.text, ""]
    base = slugify(question.title)[:100] or "vraag"
    slug = f"{base}-les-{question.pk}"
    with transaction.atomic():
        item = Item.objects.create(
            type=ItemType.LESSON,
            title=question.title[:250],
            slug=slug,
            summary=question.text[:1000],
            body="\n".join(body).strip(),
            published_on=timezone.localdate(),
            status=Status.DRAFT,
        )
        item.themes.set(question.themes.all())
        item_refresh_facets(item=item)
        question.promoted_item = item
        question.save(update_fields=["promoted_item"])
    return item
