"""The questionnaire flow, the result page, the comparison and the PDF.

Works without JavaScript: every step is a form that posts its answers, plus the answers of the
other steps in hidden fields, so back/forward never loses anything and an expired session only
costs a notice. Answers live in the session until the person asks for the advice; then they
are stored as an anonymous result under an unguessable token.
"""

from __future__ import annotations

import copy
import re
import time
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Case, F, IntegerField, Value, When, Window
from django.db.models.functions import RowNumber
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kennisbank.constants import ItemType
from kennisbank.models import Item

from . import scoring
from .forms import (
    CompareForm,
    StepForm,
    carried_selections,
    clean_session_selections,
    field_name,
)
from .models import DIMENSION_LABELS, AdviceResult, QuestionnaireVersion
from .services import (
    UNKNOWN,
    NoPublishedVersion,
    VersionContent,
    advice_compute,
    answers_from_options,
    localize,
    result_answers,
    result_create,
    result_forget_for,
    result_save_for,
    version_content,
    version_published,
)

SESSION_KEY = "modellentool"
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
EXAMPLES_PER_MODEL = 3


def _not_found(request, message: str):
    return render(request, "modellentool/not_found.html", {"message": message}, status=404)


def _unavailable(request):
    return render(
        request,
        "modellentool/not_found.html",
        {"message": _("De modellentool is op dit moment niet beschikbaar. Probeer het later.")},
        status=503,
    )


# The draft in the session --------------------------------------------------------------------


def _draft_version(request) -> QuestionnaireVersion:
    """The version this person started with (versions never change), else the published one."""
    draft = request.session.get(SESSION_KEY)
    if isinstance(draft, dict) and isinstance(draft.get("version"), int):
        version = (
            QuestionnaireVersion.objects.select_related("questionnaire")
            .filter(pk=draft["version"])
            .first()
        )
        if version is not None:
            return version
    return version_published()


def _session_selections(request, content: VersionContent) -> dict[str, list[str]] | None:
    draft = request.session.get(SESSION_KEY)
    if not isinstance(draft, dict) or draft.get("version") != content.version.pk:
        return None
    return clean_session_selections(content.questions, draft.get("options"))


def _store(request, content: VersionContent, selections: dict[str, list[str]]) -> None:
    request.session[SESSION_KEY] = {"version": content.version.pk, "options": selections}


def _selections_for_answers(content: VersionContent, answers: scoring.Answers) -> dict:
    """Canonical answers back onto this version's options (to change an earlier advice)."""
    selections: dict[str, list[str]] = {}
    for question in content.questions:
        answer = answers.get(question.dimension)
        if answer is None:
            continue
        values = answer if isinstance(answer, tuple) else (answer,)
        chosen = [str(o.pk) for o in question.options_list if o.value in map(str, values)]
        if not chosen and question.kind == "integer":
            below = [o for o in question.options_list if int(o.value) <= int(answer)]
            chosen = [str(max(below, key=lambda o: int(o.value)).pk)] if below else []
        selections[str(question.pk)] = chosen if question.kind == "multi" else chosen[:1]
    return selections


# Questionnaire -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def start(request):
    try:
        version = _draft_version(request)
    except NoPublishedVersion:
        return _unavailable(request)
    if request.method == "POST":
        # "Opnieuw beginnen": forget the answers in the session (stored results stay).
        request.session.pop(SESSION_KEY, None)
        messages.info(request, _("Uw antwoorden zijn gewist. U begint opnieuw."))
        return redirect("modellentool:step", number=1)
    content = version_content(version, language=get_language())
    return render(
        request,
        "modellentool/start.html",
        {
            "content": content,
            "questionnaire": localize(version.questionnaire, get_language()),
            "has_draft": bool(_session_selections(request, content)),
        },
    )


@dataclass
class QuestionView:
    question: object
    name: str
    multi: bool
    choices: list[tuple[str, str, str, bool]]  # value, label, help text, checked
    errors: list[str]


def _question_views(form: StepForm, selected: dict[str, list[str]]) -> list[QuestionView]:
    views = []
    for question in form.questions:
        name = field_name(question)
        multi = question.kind == "multi"
        if form.is_bound:
            chosen = set(form.data.getlist(name))
        else:
            chosen = set(selected.get(str(question.pk), []))
        # A radio group starts on "Weet ik niet"; checkboxes start empty (empty means the same).
        unknown = UNKNOWN in chosen or (not multi and not chosen - {UNKNOWN})
        choices = [
            (str(o.pk), o.label, o.help_text, str(o.pk) in chosen) for o in question.options_list
        ]
        choices.append((UNKNOWN, _("Weet ik niet"), "", unknown))
        views.append(
            QuestionView(
                question=question,
                name=name,
                multi=multi,
                choices=choices,
                errors=list(form.errors.get(name, [])),
            )
        )
    return views


@require_http_methods(["GET", "POST"])
def step(request, number: int):
    try:
        version = _draft_version(request)
    except NoPublishedVersion:
        return _unavailable(request)
    content = version_content(version, language=get_language())
    steps = content.steps
    if not 1 <= number <= len(steps):
        return _not_found(
            request,
            _("Stap %(number)s bestaat niet. De vragenlijst heeft %(total)s stappen.")
            % {"number": number, "total": len(steps)},
        )
    current = steps[number - 1]
    others = [q for s in steps if s is not current for q in s.questions_list]
    stored = _session_selections(request, content)

    if request.method == "POST":
        form = StepForm(request.POST, questions=current.questions_list)
        carried, dropped = carried_selections(others, request.POST)
        if dropped:
            messages.warning(
                request,
                _(
                    "Een of meer eerdere antwoorden waren niet geldig en zijn weggelaten. "
                    "Controleer uw antwoorden in de andere stappen."
                ),
            )
        if stored is None and carried:
            messages.info(
                request,
                _("Uw sessie was verlopen; uw antwoorden zijn uit het formulier teruggehaald."),
            )
        if form.is_valid():
            selections = {**carried, **(stored or {}), **form.selections()}
            _store(request, content, selections)
            direction = request.POST.get("richting", "volgende")
            if direction == "vorige":
                if number == 1:
                    return redirect("modellentool:start")
                return redirect("modellentool:step", number=number - 1)
            if number < len(steps) and direction != "advies":
                return redirect("modellentool:step", number=number + 1)
            option_ids = [int(pk) for values in selections.values() for pk in values]
            answers = answers_from_options(content, option_ids)
            result = result_create(version=version, answers=answers, option_ids=option_ids)
            return redirect(result)
        selections = {**carried, **(stored or {})}
        status = 200
    else:
        form = StepForm(questions=current.questions_list)
        selections = stored or {}
        status = 200
        if stored is None and number > 1:
            messages.info(
                request,
                _(
                    "We vonden geen eerdere antwoorden van u; misschien is uw sessie verlopen. "
                    "U kunt deze stap invullen of bij stap 1 beginnen."
                ),
            )

    carried_fields = [
        (field_name(q), value) for q in others for value in (selections.get(str(q.pk)) or [])
    ]
    return render(
        request,
        "modellentool/step.html",
        {
            "content": content,
            "step": current,
            "number": number,
            "total": len(steps),
            "steps": steps,
            "questions": _question_views(form, selections),
            "form": form,
            "carried": carried_fields,
            "is_last": number == len(steps),
        },
        status=status,
    )


# Result --------------------------------------------------------------------------------------


def _result(token: str) -> AdviceResult | None:
    if not TOKEN_RE.match(token):
        return None
    return AdviceResult.objects.select_related("version__questionnaire").filter(token=token).first()


def _practice_examples(keys: list[str], task_type: str | None) -> dict[str, list[Item]]:
    """Published practice examples per form of cooperation, same task type first (one query)."""
    other_task = (
        Case(
            When(task_type=task_type, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        if task_type
        else Value(0, output_field=IntegerField())
    )
    items = (
        Item.objects.published()
        .filter(type=ItemType.PRACTICE, collaboration_model__key__in=keys)
        .annotate(
            model_key=F("collaboration_model__key"),
            other_task=other_task,
            position=Window(
                RowNumber(),
                partition_by=F("collaboration_model_id"),
                order_by=[other_task.asc(), F("published_on").desc(), F("id").desc()],
            ),
        )
        .filter(position__lte=EXAMPLES_PER_MODEL)
        .only("title", "slug", "type", "published_on", "task_type")
        .order_by("model_key", "position")
    )
    found: dict[str, list[Item]] = {key: [] for key in keys}
    for item in items:
        found[item.model_key].append(item)
    return found


def _names_text(names: list[str]) -> str:
    if len(names) < 2:
        return "".join(names)
    return _("%(first)s en %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


# Why a form is out, in a word (the subject of the answer that rules it out).
EXCLUSION_WORDS = {
    "powers": gettext_lazy("bevoegdheden"),
    "legal_entity_needed": gettext_lazy("geen rechtspersoon"),
    "staff": gettext_lazy("personeel"),
    "policy_discretion": gettext_lazy("beleidsruimte"),
    "participants": gettext_lazy("raden"),
    "other_partners": gettext_lazy("private partners"),
    "integration": gettext_lazy("integratie"),
    "control": gettext_lazy("verantwoordelijkheid"),
}


def _excluded_word(score: scoring.ModelScore) -> str:
    dimension = score.exclusions[0].dimension
    return f"({EXCLUSION_WORDS.get(dimension) or DIMENSION_LABELS[dimension]})"


def _close_context(content: VersionContent, advice: scoring.Advice) -> dict | None:
    close = advice.close_call
    if close is None:
        return None
    first, second = (advice.score_of(key) for key in close.contenders[:2])
    criteria = []
    for criterion in close.criteria:
        question = content.question_for(criterion.dimension)
        answer = advice.answers.get(criterion.dimension)
        # The reason that best says why this answer tips the balance: the favoured form's
        # strongest support, else the other form's strongest objection.
        favoured = criterion.for_first if criterion.favours == first.model else criterion.for_second
        other = criterion.for_second if criterion.favours == first.model else criterion.for_first
        supports = sorted((c for c in favoured if c.points > 0), key=lambda c: -c.points)
        objections = sorted((c for c in other if c.points < 0), key=lambda c: c.points)
        reason = (supports or objections or [None])[0]
        criteria.append(
            {
                "question": question.text if question else DIMENSION_LABELS[criterion.dimension],
                "answer": content.value_label(criterion.dimension, answer) if answer else "",
                "favours_name": advice.score_of(criterion.favours).name,
                "reason": reason.reason if reason else "",
            }
        )
    names = [advice.score_of(key).name for key in close.contenders]
    return {
        "names": names,
        "names_text": _names_text(names),
        "first_name": first.name,
        "second_name": second.name,
        "criteria": criteria,
    }


def _result_context(request, result: AdviceResult) -> dict:
    content = version_content(result.version, language=get_language())
    answers = result_answers(result)
    advice = advice_compute(content, answers)
    task_type = answers.get("task_type")
    contenders = advice.close_call.contenders if advice.close_call else ()
    examples = _practice_examples(list(scoring.MODEL_KEYS), task_type)
    rows = [
        {
            "rank": position,
            "score": s,
            "description": content.descriptions.get(s.model),
            "examples": examples.get(s.model, []),
            "excluded_word": _excluded_word(s) if s.excluded else "",
            # Unfolded: the first form, and the others that are close to it.
            "open": position == 1 or s.model in contenders,
        }
        for position, s in enumerate(advice.ranking, start=1)
    ]
    answered = []
    for question in content.questions:
        value = answers.get(question.dimension)
        answered.append(
            (
                question.text,
                content.value_label(question.dimension, value)
                if value is not None
                else _("Weet ik niet"),
            )
        )
    changes = []
    for hint in advice.changes:
        question = content.question_for(hint.dimension)
        changes.append(
            {
                "hint": hint,
                "question": question.text if question else hint.dimension,
                "value": content.value_label(hint.dimension, hint.value),
                "current": content.value_label(hint.dimension, hint.current)
                if hint.current is not None
                else None,
                "new_first": advice.score_of(hint.new_top[0]).name,
            }
        )
    return {
        "result": result,
        "advice": advice,
        "rows": rows,
        "answered": answered,
        "changes": changes,
        "task_label": content.value_label("task_type", task_type) if task_type else None,
        "permanent_url": request.build_absolute_uri(result.get_absolute_url()),
        "saved_by_user": request.user.is_authenticated and result.owner_id == request.user.pk,
        "compare_choices": [(s.model, s.name) for s in advice.ranking],
        "compare_selected": list(contenders) or [s.model for s in advice.ranking[:2]],
        "close": _close_context(content, advice),
        "content": content,
    }


@require_GET
def result(request, token: str):
    found = _result(token)
    if found is None:
        return _not_found(request, _("Dit advies bestaat niet (meer). Controleer de link."))
    response = render(request, "modellentool/result.html", _result_context(request, found))
    # The link is the key: keep it out of shared caches and search engines.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def compare(request, token: str):
    found = _result(token)
    if found is None:
        return _not_found(request, _("Dit advies bestaat niet (meer). Controleer de link."))
    context = _result_context(request, found)
    form = CompareForm(request.GET)
    chosen = []
    error = None
    if form.is_valid():
        keys = form.cleaned_data["vorm"]
        chosen = [row for row in context["rows"] if row["score"].model in keys]
    else:
        error = " ".join(form.errors.get("vorm", []))
    # The ticks stay as the person set them, also after a refused choice.
    selected = [key for key in request.GET.getlist("vorm") if key in scoring.MODEL_KEYS]
    context.update({"form": form, "chosen": chosen, "error": error, "compare_selected": selected})
    response = render(request, "modellentool/compare.html", context)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


# A cached PDF serves every request for the same advice, version and language for this long
# (practice examples may be added meanwhile; the advice itself never changes).
PDF_CACHE_SECONDS = 6 * 60 * 60


@require_GET
def result_pdf(request, token: str):
    found = _result(token)
    if found is None:
        return _not_found(request, _("Dit advies bestaat niet (meer). Controleer de link."))
    # Rendering costs about a second of server time; anyone with the link may ask again and
    # again, so each advice is rendered once per questionnaire version and language.
    key = f"modellentool:pdf-named:{found.token}:{found.version_id}:{get_language()}"
    started = time.perf_counter()
    cached = cache.get(key)
    if cached is None:
        cached = _render_pdf(request, found)
        cache.set(key, cached, PDF_CACHE_SECONDS)
    filename, pdf = cached
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'

    response["Cache-Control"] = "private, no-store"
    response["Server-Timing"] = f"pdf;dur={(time.perf_counter() - started) * 1000:.0f}"
    return response


def _pdf_filename(found: AdviceResult, advice: scoring.Advice) -> str:
    """``modellentool-advies-2026-12-03-centrumgemeente.pdf``: the advice's date, the first form.

    Readable in a downloads folder and safe in a header (model keys are ASCII slugs).
    """
    first = advice.first
    label = first.model.replace("_", "-") if not first.excluded else "geen-passende-vorm"
    return f"modellentool-advies-{timezone.localdate(found.created_at).isoformat()}-{label}.pdf"


def _render_pdf(request, found: AdviceResult) -> tuple[str, bytes]:
    from . import pdf  # WeasyPrint loads Pango; only when a PDF is asked for

    # One cached PDF serves everyone: render it for a neutral request (anonymous, no query
    # string), so nothing of the first requester's session or parameters ends up in it.
    neutral = copy.copy(request)
    neutral.user = AnonymousUser()
    neutral.GET = QueryDict()
    context = {**_result_context(neutral, found), "for_pdf": True, "user": neutral.user}
    html = render_to_string("modellentool/result.html", context, request=neutral)
    filename = _pdf_filename(found, context["advice"])
    return filename, pdf.html_to_pdf(html, base_url=request.build_absolute_uri("/"))


@require_POST
def amend(request, token: str):
    """Back into the questionnaire with the answers of this advice (on the current version)."""
    found = _result(token)
    if found is None:
        return _not_found(request, _("Dit advies bestaat niet (meer). Controleer de link."))
    try:
        content = version_content(version_published())
    except NoPublishedVersion:
        return _unavailable(request)
    _store(request, content, _selections_for_answers(content, result_answers(found)))
    messages.info(
        request, _("Uw antwoorden staan klaar. Pas aan wat u wilt en vraag opnieuw advies.")
    )
    return redirect("modellentool:step", number=1)


@require_POST
@login_required
def save(request, token: str):
    found = _result(token)
    if found is None:
        return _not_found(request, _("Dit advies bestaat niet (meer). Controleer de link."))
    if request.POST.get("actie") == "vergeten":
        result_forget_for(result=found, user=request.user)
        messages.success(request, _("Het advies staat niet meer in uw account."))
    elif result_save_for(result=found, user=request.user):
        messages.success(request, _("Het advies is bewaard in uw account."))
    else:
        messages.error(request, _("Dit advies is al door iemand anders bewaard."))
    return redirect(found)


@require_GET
@login_required
def mine(request):
    results = (
        AdviceResult.objects.filter(owner=request.user)
        .select_related("version__questionnaire")
        .order_by("-saved_at")
    )
    return render(request, "modellentool/mine.html", {"results": results})
