"""Matching input: questions and experts as the pure engine's dataclasses
(netwerk/community/matching.py), and the suggestions it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Count, F, Q

from kennisbank.models import (
    SEARCH_CONFIG,
    Item,
)
from netwerk.community import match_reasons, matching
from netwerk.community.services.contacts import month_start
from netwerk.models import (
    Answer,
    Membership,
    Question,
)
from portal.models import MemberProfile

STOPWORDS_FILE = Path(settings.BASE_DIR) / "fixtures/reference/stopwords-nl_iso.txt"


@cache
def stopwords() -> frozenset[str]:
    return frozenset(
        line.strip() for line in STOPWORDS_FILE.read_text(encoding="utf-8").splitlines() if line
    )


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
                    if c.item.is_published
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
        return match_reasons.reason_texts(self.match.reasons)


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
