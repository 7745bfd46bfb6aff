"""The machine interface over HTTP: POST /modellentool/api/advies (django-ninja, OpenAPI).

The body is the answers document of MODELLENTOOL.md; validation is scoring.parse_answers, the
same function the command uses, so both refuse the same documents with the same Dutch message.
No cookies or session are used, hence no CSRF token.
"""

from __future__ import annotations

import json

from ninja import NinjaAPI, Schema, Status

from . import scoring
from .services import NoPublishedVersion, advice_for_document

MAX_BODY_BYTES = 10 * 1024

api = NinjaAPI(
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


class AdviceOut(Schema):
    version: int
    ranking: list[ModelOut]
    approach: ApproachOut
    certainty: CertaintyOut
    what_would_change: list[ChangeOut]
    answers: dict


class ErrorOut(Schema):
    detail: str
    key: str | None = None


def _dimension_schema(dimension: scoring.Dimension) -> dict:
    if dimension.kind == "integer":
        return {"type": "integer", "minimum": dimension.minimum, "maximum": dimension.maximum}
    if dimension.kind == "multi":
        return {"type": "array", "items": {"type": "string", "enum": list(dimension.values)}}
    return {"type": "string", "enum": list(dimension.values)}


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
        return Status(200, advice_for_document(data))
    except scoring.InvalidAnswers as error:
        return Status(400, {"detail": error.message, "key": error.key})
    except NoPublishedVersion:
        return Status(503, {"detail": "Er is geen gepubliceerde vragenlijst; probeer het later."})
