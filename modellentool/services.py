"""Reads a questionnaire version into the engine's dataclasses and writes results and versions.

scoring.py decides; this module maps rows to its frozen dataclasses and back, and keeps the
rules for versions (a published version never changes; editors copy it to a new draft).
"""

from __future__ import annotations

import copy
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext, override

from portal.models import CollaborationModel

from . import scoring
from .models import (
    AdviceResult,
    ChosenOption,
    Factor,
    FactorTrigger,
    KnockOut,
    ModelDescription,
    Option,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Step,
    VersionStatus,
    WeightRule,
)

QUESTIONNAIRE_SLUG = "samenwerkingsvorm"
UNKNOWN = "onbekend"  # the "weet ik niet" choice on every question


class NoPublishedVersion(LookupError):
    pass


@dataclass(frozen=True)
class VersionContent:
    """Everything one version shows and decides with, loaded in a fixed number of queries."""

    version: QuestionnaireVersion
    ruleset: scoring.Ruleset
    steps: tuple[Step, ...]  # with .questions_list, each with .options_list
    descriptions: Mapping[str, ModelDescription]
    language: str = "nl"

    @property
    def questions(self) -> list[Question]:
        return [q for step in self.steps for q in step.questions_list]

    def question_for(self, dimension: str) -> Question | None:
        return next((q for q in self.questions if q.dimension == dimension), None)

    def value_label(self, dimension: str, value: scoring.Value) -> str:
        """How an answer reads on the page: the option labels, or the raw value."""
        question = self.question_for(dimension)
        values = value if isinstance(value, tuple) else (value,)
        labels = []
        for item in values:
            option = None
            if question is not None:
                option = next((o for o in question.options_list if o.value == str(item)), None)
                if option is None and question.kind == "integer":
                    option = _nearest_option(question.options_list, int(item))
            labels.append(option.label if option else str(item))
        return ", ".join(labels)


def _nearest_option(options: list[Option], number: int) -> Option | None:
    # Integer answers from the API need not be one of the options ("7" reads as "zes tot tien").
    below = [o for o in options if o.value.isdigit() and int(o.value) <= number]
    return max(below, key=lambda o: int(o.value)) if below else None


def version_published(slug: str = QUESTIONNAIRE_SLUG) -> QuestionnaireVersion:
    version = (
        QuestionnaireVersion.objects.select_related("questionnaire")
        .filter(questionnaire__slug=slug, status=VersionStatus.PUBLISHED)
        .first()
    )
    if version is None:
        raise NoPublishedVersion(slug)
    return version


# The texts that have an English twin ``<field>_en``, per model.
ENGLISH_FIELDS: Mapping[type, tuple[str, ...]] = {
    CollaborationModel: ("name",),
    Questionnaire: ("title", "intro"),
    QuestionnaireVersion: (
        "design_name",
        "design_summary",
        "design_pitfall",
        "development_name",
        "development_summary",
        "development_pitfall",
    ),
    Step: ("title", "intro"),
    Question: ("text", "help_text"),
    Option: ("label", "help_text"),
    ModelDescription: ("summary", "legal_basis", "governance", "staff", "exit", "costs"),
    WeightRule: ("reason",),
    KnockOut: ("reason",),
    Factor: ("title", "text"),
    FactorTrigger: ("note",),
}


def is_english(language: str | None) -> bool:
    return bool(language) and language.split("-")[0] == "en"


def localize(instance, language: str | None):
    """Puts the English texts in the Dutch attributes, in memory only, where editors filled them.

    VersionContent is read-only: nothing loaded for display is ever saved, so the pages, the
    PDF and the engine can read ``question.text`` whatever the language.
    """
    if is_english(language):
        for name in ENGLISH_FIELDS[type(instance)]:
            english = getattr(instance, f"{name}_en", "")
            if english:
                setattr(instance, name, english)
    return instance


def version_content(version: QuestionnaireVersion, *, language: str = "nl") -> VersionContent:
    """The version's rows as the engine's Ruleset plus what the pages show (9 queries).

    ``language`` "en" gives the English texts where the version has them (Dutch otherwise);
    the advice itself is the same in both languages.
    """
    if is_english(language):
        version = localize(copy.copy(version), language)
    models = [localize(m, language) for m in CollaborationModel.objects.all()]
    weights = WeightRule.objects.filter(version=version).select_related("collaboration_model")
    knockouts = KnockOut.objects.filter(version=version).select_related("collaboration_model")
    factors = Factor.objects.filter(version=version).prefetch_related(
        Prefetch("triggers", queryset=FactorTrigger.objects.order_by("id"), to_attr="trigger_list")
    )
    weights = [localize(r, language) for r in weights]
    knockouts = [localize(k, language) for k in knockouts]
    factors = [localize(f, language) for f in factors]
    for factor in factors:
        for trigger in factor.trigger_list:
            localize(trigger, language)
    descriptions = {
        d.collaboration_model.key: localize(d, language)
        for d in ModelDescription.objects.filter(version=version).select_related(
            "collaboration_model"
        )
    }
    steps = tuple(
        Step.objects.filter(version=version)
        .order_by("number")
        .prefetch_related(
            Prefetch(
                "questions",
                queryset=Question.objects.order_by("order", "id").prefetch_related(
                    Prefetch(
                        "options",
                        queryset=Option.objects.order_by("order", "id"),
                        to_attr="options_list",
                    )
                ),
                to_attr="questions_list",
            )
        )
    )
    for step in steps:
        localize(step, language)
        for question in step.questions_list:
            localize(question, language)
            for option in question.options_list:
                localize(option, language)
    ruleset = scoring.Ruleset(
        version=version.number,
        models=tuple(scoring.ModelInfo(m.key, m.name, m.weight) for m in models),
        weights=tuple(
            scoring.WeightRule(r.condition(), r.collaboration_model.key, r.points, r.reason)
            for r in weights
        ),
        knockouts=tuple(
            scoring.KnockOut(k.condition(), k.collaboration_model.key, k.reason) for k in knockouts
        ),
        factors=tuple(
            scoring.Factor(
                f.code,
                f.title,
                f.text,
                tuple(
                    scoring.FactorTrigger(
                        scoring.Condition(t.dimension, t.operator, t.value), t.note
                    )
                    for t in f.trigger_list
                ),
            )
            for f in factors
        ),
        routes=(
            scoring.Route(
                "ontwerpaanpak", version.design_name, version.design_summary, version.design_pitfall
            ),
            scoring.Route(
                "ontwikkelaanpak",
                version.development_name,
                version.development_summary,
                version.development_pitfall,
            ),
        ),
    )
    return VersionContent(
        version=version,
        ruleset=ruleset,
        steps=steps,
        descriptions=descriptions,
        language="en" if is_english(language) else "nl",
    )


# Answers -------------------------------------------------------------------------------------


def answers_from_options(content: VersionContent, option_ids: Iterable[int]) -> scoring.Answers:
    """The canonical answers that the chosen options stand for (via the one validation)."""
    chosen = set(option_ids)
    data: dict[str, object] = {}
    for question in content.questions:
        values = [o.value for o in question.options_list if o.pk in chosen]
        if not values:
            continue
        if question.kind == "multi":
            data[question.dimension] = values
        elif question.kind == "integer":
            data[question.dimension] = int(values[0])
        else:
            data[question.dimension] = values[0]
    return scoring.parse_answers(data)


def advice_compute(content: VersionContent, answers: scoring.Answers) -> scoring.Advice:
    advice = scoring.advise(answers, content.ruleset)
    if content.language == "nl":
        return advice
    # The route reasons are written in scoring.py (pure, no gettext); their Dutch text is the
    # msgid of their translation.
    with override(content.language):
        reasons = tuple(gettext(reason) for reason in advice.approach.reasons)
    return replace(advice, approach=replace(advice.approach, reasons=reasons))


def advice_for_document(data: object, *, version: QuestionnaireVersion | None = None) -> dict:
    """The machine interface: an answers document in, the advice JSON out.

    Shared by ``manage.py advies`` and ``POST /modellentool/api/advies``; raises
    ``scoring.InvalidAnswers`` (Dutch message naming the key) and ``NoPublishedVersion``.
    """
    answers = scoring.parse_answers(data)
    content = version_content(version or version_published())
    return scoring.advice_as_dict(advice_compute(content, answers))


# Results -------------------------------------------------------------------------------------


def result_create(
    *, version: QuestionnaireVersion, answers: scoring.Answers, option_ids: Iterable[int] = ()
) -> AdviceResult:
    """Stores an advice under a new unguessable token; nothing about the person."""
    with transaction.atomic():
        result = AdviceResult.objects.create(
            token=secrets.token_urlsafe(24), version=version, answers=answers.as_dict()
        )
        ChosenOption.objects.bulk_create(
            ChosenOption(result=result, option_id=pk) for pk in sorted(set(option_ids))
        )
    return result


def result_answers(result: AdviceResult) -> scoring.Answers:
    # Stored answers were valid for their (immutable) version when they were saved.
    return scoring.parse_answers(result.answers)


def result_save_for(*, result: AdviceResult, user) -> bool:
    """Keeps the result in the user's account; False when someone else saved it already.

    The owner is set only while still empty, in the database: of two members saving at once,
    one gets it and the other is told, instead of both being told and one losing it.
    """
    now = timezone.now()
    AdviceResult.objects.filter(pk=result.pk, owner__isnull=True).update(owner=user, saved_at=now)
    owner_id, saved_at = (
        AdviceResult.objects.filter(pk=result.pk).values_list("owner_id", "saved_at").get()
    )
    result.owner_id, result.saved_at = owner_id, saved_at
    return owner_id == user.pk


def result_forget_for(*, result: AdviceResult, user) -> None:
    AdviceResult.objects.filter(pk=result.pk, owner=user).update(owner=None, saved_at=None)


# Versions ------------------------------------------------------------------------------------


def version_problems(version: QuestionnaireVersion) -> list[str]:
    """Why this version cannot be published (empty: it can)."""
    content = version_content(version)
    problems = content.ruleset.problems()
    numbers = [s.number for s in content.steps]
    if not numbers:
        problems.append("de versie heeft geen stappen")
    elif numbers != list(range(1, len(numbers) + 1)):
        problems.append("de stappen moeten doorlopend genummerd zijn vanaf 1")
    seen: set[str] = set()
    for question in content.questions:
        if question.dimension in seen:
            problems.append(f"twee vragen voor ‘{question.dimension}’")
        seen.add(question.dimension)
        dimension = scoring.DIMENSION_BY_KEY[question.dimension]
        if not question.options_list:
            problems.append(f"de vraag ‘{question.text}’ heeft geen antwoorden")
        for option in question.options_list:
            if not dimension.accepts(option.value):
                problems.append(f"‘{option.label}’ heeft een ongeldige waarde ‘{option.value}’")
    for step in content.steps:
        if not step.questions_list:
            problems.append(f"stap {step.number} heeft geen vragen")
    missing = set(scoring.MODEL_KEYS) - set(content.descriptions)
    if missing:
        problems.append("beschrijving ontbreekt voor: " + ", ".join(sorted(missing)))
    return problems


def version_publish(*, version: QuestionnaireVersion) -> list[str]:
    """Publishes a draft (the previous published version is archived); returns the problems."""
    if not version.is_draft:
        return ["alleen een conceptversie kan worden gepubliceerd"]
    problems = version_problems(version)
    if problems:
        return problems
    with transaction.atomic():
        QuestionnaireVersion.objects.filter(
            questionnaire=version.questionnaire_id, status=VersionStatus.PUBLISHED
        ).update(status=VersionStatus.ARCHIVED)
        version.status = VersionStatus.PUBLISHED
        version.published_at = timezone.now()
        version.save(update_fields=["status", "published_at"])
    return []


def _english(instance) -> dict[str, str]:
    return {
        f"{name}_en": getattr(instance, f"{name}_en") for name in ENGLISH_FIELDS[type(instance)]
    }


def version_copy(*, version: QuestionnaireVersion) -> QuestionnaireVersion:
    """A new draft with everything of ``version``: how editors change a published version."""
    with transaction.atomic():
        # Lock the questionnaire so two editors copying at once get different numbers.
        Questionnaire.objects.select_for_update().get(pk=version.questionnaire_id)
        last = (
            QuestionnaireVersion.objects.filter(questionnaire=version.questionnaire_id)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
        )
        draft = QuestionnaireVersion.objects.create(
            questionnaire_id=version.questionnaire_id,
            number=(last or 0) + 1,
            status=VersionStatus.DRAFT,
            based_on=version,
            note="",
            design_name=version.design_name,
            design_summary=version.design_summary,
            design_pitfall=version.design_pitfall,
            development_name=version.development_name,
            development_summary=version.development_summary,
            development_pitfall=version.development_pitfall,
            **_english(version),
        )
        for step in Step.objects.filter(version=version).prefetch_related("questions__options"):
            new_step = Step.objects.create(
                version=draft,
                number=step.number,
                title=step.title,
                intro=step.intro,
                **_english(step),
            )
            for question in step.questions.all():
                new_question = Question.objects.create(
                    step=new_step,
                    dimension=question.dimension,
                    text=question.text,
                    help_text=question.help_text,
                    order=question.order,
                    **_english(question),
                )
                Option.objects.bulk_create(
                    Option(
                        question=new_question,
                        label=o.label,
                        help_text=o.help_text,
                        value=o.value,
                        order=o.order,
                        **_english(o),
                    )
                    for o in question.options.all()
                )
        ModelDescription.objects.bulk_create(
            ModelDescription(
                version=draft,
                collaboration_model_id=d.collaboration_model_id,
                summary=d.summary,
                legal_basis=d.legal_basis,
                governance=d.governance,
                staff=d.staff,
                exit=d.exit,
                costs=d.costs,
                **_english(d),
            )
            for d in ModelDescription.objects.filter(version=version)
        )
        WeightRule.objects.bulk_create(
            WeightRule(
                version=draft,
                dimension=r.dimension,
                operator=r.operator,
                value=r.value,
                collaboration_model_id=r.collaboration_model_id,
                points=r.points,
                reason=r.reason,
                **_english(r),
            )
            for r in WeightRule.objects.filter(version=version)
        )
        KnockOut.objects.bulk_create(
            KnockOut(
                version=draft,
                dimension=k.dimension,
                operator=k.operator,
                value=k.value,
                collaboration_model_id=k.collaboration_model_id,
                reason=k.reason,
                **_english(k),
            )
            for k in KnockOut.objects.filter(version=version)
        )
        for factor in Factor.objects.filter(version=version).prefetch_related("triggers"):
            new_factor = Factor.objects.create(
                version=draft,
                code=factor.code,
                title=factor.title,
                text=factor.text,
                order=factor.order,
                **_english(factor),
            )
            FactorTrigger.objects.bulk_create(
                FactorTrigger(
                    factor=new_factor,
                    dimension=t.dimension,
                    operator=t.operator,
                    value=t.value,
                    note=t.note,
                    **_english(t),
                )
                for t in factor.triggers.all()
            )
    return draft


# Statistics for editors ----------------------------------------------------------------------


def option_counts(question: Question) -> list[tuple[str, int]]:
    """How often each option of the question was chosen, and "weet ik niet" (anonymous)."""
    options = list(
        question.options.order_by("order", "id").annotate(times=Count("choices", distinct=True))
    )
    version_id = question.step.version_id
    totals = AdviceResult.objects.filter(version=version_id).aggregate(
        all=Count("id", distinct=True),
        answered=Count("id", filter=Q(choices__option__question=question), distinct=True),
    )
    rows = [(o.label, o.times) for o in options]
    rows.append(("Weet ik niet", totals["all"] - totals["answered"]))
    return rows
