"""The machine interface over HTTP: POST /modellentool/api/advies (django-ninja, OpenAPI).

The body is the answers document of MODELLENTOOL.md; validation is scoring.parse_answers, the
same function the command uses, so both refuse the same documents with the same Dutch message.
No cookies or session are used, hence no CSRF token.
"""

from __future__ import annotations

import json

from ninja import Field, Schema, Status

from portal.api import PortalAPI

from . import scoring
from .services import NoPublishedVersion, advice_compute, version_content, version_published
from .views import _close_context

MAX_BODY_BYTES = 10 * 1024

api = PortalAPI(
    title="Modellentool",
    version="1",
    description="Advies over de samenwerkingsvorm bij een concrete samenwerkingsbehoefte.",
    urls_namespace="modellentool:api",
    docs_url=None,  # the interactive docs load scripts from a CDN, which our CSP forbids
)


class ModelOut(Schema):
    model: str
    name: str
    score: int
    points: int
    excluded: bool
    reasons: list[str]


class FactorOut(Schema):
    code: str
    title: str
    notes: list[str]


class ApproachOut(Schema):
    route: str
    reasons: list[str]
    pitfall: str
    factors: list[FactorOut]


class CertaintyOut(Schema):
    level: str
    answered: int
    total: int


class ChangeOut(Schema):
    key: str
    value: str | int | list[str]
    current: str | int | list[str] | None
    new_first: str
    changes_first: bool


class ContenderOut(Schema):
    model: str
    name: str
    score: int


class CriterionOut(Schema):
    key: str = Field(description="de vraag (sleutel van het antwoorddocument)")
    question: str
    answer: str = Field(description="het gegeven antwoord zoals de resultaatpagina het noemt")
    favours: str = Field(description="sleutel van de vorm waarvoor dit antwoord pleit")
    favours_name: str
    difference: int = Field(description="puntenverschil tussen de twee vormen op deze vraag")
    reason: str


class CloseCallOut(Schema):
    contenders: list[ContenderOut] = Field(
        description="de eerste vorm en elke niet-uitgesloten vorm die er hoogstens "
        f"{scoring.CLOSE_GAP} punten (op 100) onder zit: allemaal haalbaar"
    )
    gap: int = Field(description="scoreverschil tussen de eerste en de tweede (op 100)")
    criteria: list[CriterionOut] = Field(
        description="de antwoorden die het meest het verschil maken tussen de eerste twee"
    )


class AdviceOut(Schema):
    version: int
    ranking: list[ModelOut]
    approach: ApproachOut
    certainty: CertaintyOut
    what_would_change: list[ChangeOut]
    close_call: CloseCallOut | None = Field(
        description="als de eerste vormen dicht bij elkaar liggen: welke, en wat de doorslag "
        "geeft (zoals op de resultaatpagina); anders null"
    )
    answers: dict


class ErrorOut(Schema):
    detail: str
    key: str | None = None


def _dimension_schema(dimension: scoring.Dimension) -> dict:
    # null is "weet ik niet", like a missing key (scoring.parse_answers, MODELLENTOOL.md).
    if dimension.kind == "integer":
        return {
            "type": ["integer", "null"],
            "minimum": dimension.minimum,
            "maximum": dimension.maximum,
        }
    if dimension.kind == "multi":
        return {
            "type": ["array", "null"],
            "items": {"type": "string", "enum": list(dimension.values)},
        }
    return {"type": ["string", "null"], "enum": [*dimension.values, None]}


ANSWERS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {d.key: _dimension_schema(d) for d in scoring.DIMENSIONS},
}


@api.post(
    "/advies",
    response={200: AdviceOut, 400: ErrorOut, 413: ErrorOut, 415: ErrorOut, 503: ErrorOut},
    summary="Advies voor een set antwoorden",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ANSWERS_SCHEMA}},
        }
    },
)
def advies(request):
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > MAX_BODY_BYTES:
        return Status(
            413, {"detail": f"Het verzoek is te groot; de grens is {MAX_BODY_BYTES} bytes."}
        )
    content_type = request.content_type or ""
    if content_type != "application/json":
        return Status(
            415, {"detail": "Stuur de antwoorden als JSON (Content-Type: application/json)."}
        )
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return Status(
            413, {"detail": f"Het verzoek is te groot; de grens is {MAX_BODY_BYTES} bytes."}
        )
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return Status(400, {"detail": "De inhoud is geen geldige JSON."})
    try:
        return Status(200, _advice(data))
    except scoring.InvalidAnswers as error:
        return Status(400, {"detail": error.message, "key": error.key})
    except NoPublishedVersion:
        return Status(503, {"detail": "Er is geen gepubliceerde vragenlijst; probeer het later."})


def _advice(data: object) -> dict:
    """services.advice_for_document's answer plus the close call of the result page."""
    answers = scoring.parse_answers(data)
    content = version_content(version_published())
    advice = advice_compute(content, answers)
    answer = scoring.advice_as_dict(advice)
    answer["close_call"] = _close_call(content, advice)
    return answer


def _close_call(content, advice: scoring.Advice) -> dict | None:
    close = advice.close_call
    if close is None:
        return None
    page = _close_context(content, advice)  # the texts the result page shows
    return {
        "contenders": [
            {"model": key, "name": advice.score_of(key).name, "score": advice.score_of(key).score}
            for key in close.contenders
        ],
        "gap": close.gap,
        "criteria": [
            {
                "key": criterion.dimension,
                "question": str(shown["question"]),
                "answer": str(shown["answer"]),
                "favours": criterion.favours,
                "favours_name": shown["favours_name"],
                "difference": criterion.difference,
                "reason": shown["reason"],
            }
            for criterion, shown in zip(close.criteria, page["criteria"], strict=True)
        ],
    }
