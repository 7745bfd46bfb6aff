"""The first questionnaire version, published. Its content is frozen in
data/0004_first_questionnaire.json (modellentool/seed.py and reference.MODELS as of this
migration), so later edits of the seed never rewrite what a fresh installation starts with."""

import json
from pathlib import Path

from django.db import migrations
from django.utils import timezone

DATA = Path(__file__).resolve().parent / "data" / "0004_first_questionnaire.json"


def seed(apps, schema_editor):
    def model(name):
        return apps.get_model("modellentool", name)

    data = json.loads(DATA.read_text(encoding="utf-8"))
    Questionnaire = model("Questionnaire")
    if Questionnaire.objects.filter(slug=data["questionnaire"]["slug"]).exists():
        return
    CollaborationModel = model("CollaborationModel")
    collaboration_models = data["collaboration_models"]
    for order, (key, name, weight, legal_basis, summary) in enumerate(
        collaboration_models, start=1
    ):
        CollaborationModel.objects.update_or_create(
            key=key,
            defaults={
                "name": name,
                "weight": weight,
                "legal_basis": legal_basis,
                "summary": summary,
                "order": order,
            },
        )
    models_by_key = {m.key: m for m in CollaborationModel.objects.all()}
    questionnaire = Questionnaire.objects.create(**data["questionnaire"])
    design = data["route_texts"]["ontwerpaanpak"]
    development = data["route_texts"]["ontwikkelaanpak"]
    version = model("QuestionnaireVersion").objects.create(
        questionnaire=questionnaire,
        number=data["version_number"],
        status="gepubliceerd",
        note="Eerste versie.",
        published_at=timezone.now(),
        design_name=design[0],
        design_summary=design[1],
        design_pitfall=design[2],
        development_name=development[0],
        development_summary=development[1],
        development_pitfall=development[2],
    )
    Step, Question, Option = model("Step"), model("Question"), model("Option")
    for number, (title, intro, questions) in enumerate(data["steps"], start=1):
        step = Step.objects.create(version=version, number=number, title=title, intro=intro)
        for order, (dimension, text, help_text, options) in enumerate(questions, start=1):
            question = Question.objects.create(
                step=step, dimension=dimension, text=text, help_text=help_text, order=order
            )
            Option.objects.bulk_create(
                Option(question=question, value=value, label=label, help_text=help, order=i)
                for i, (value, label, help) in enumerate(options, start=1)
            )
    legal_bases = {key: legal_basis for key, _, _, legal_basis, _ in collaboration_models}
    ModelDescription = model("ModelDescription")
    ModelDescription.objects.bulk_create(
        ModelDescription(
            version=version,
            collaboration_model=models_by_key[key],
            summary=summary,
            legal_basis=legal_bases[key],
            governance=governance,
            staff=staff,
            exit=exit_,
            costs=costs,
        )
        for key, (summary, governance, staff, exit_, costs) in data["model_texts"].items()
    )
    WeightRule = model("WeightRule")
    WeightRule.objects.bulk_create(
        WeightRule(
            version=version,
            dimension=dimension,
            operator=operator,
            value=value,
            collaboration_model=models_by_key[key],
            points=points,
            reason=reason,
        )
        for dimension, operator, value, key, points, reason in data["weight_rows"]
    )
    KnockOut = model("KnockOut")
    KnockOut.objects.bulk_create(
        KnockOut(
            version=version,
            dimension=dimension,
            operator=operator,
            value=value,
            collaboration_model=models_by_key[key],
            reason=reason,
        )
        for dimension, operator, value, key, reason in data["knockout_rows"]
    )
    Factor, FactorTrigger = model("Factor"), model("FactorTrigger")
    for order, (code, title, text, triggers) in enumerate(data["factors"], start=1):
        factor = Factor.objects.create(
            version=version, code=code, title=title, text=text, order=order
        )
        FactorTrigger.objects.bulk_create(
            FactorTrigger(factor=factor, dimension=d, operator=o, value=v, note=note)
            for d, o, v, note in triggers
        )


def unseed(apps, schema_editor):
    # Results point at the version (PROTECT); only an unused seed can be taken back.
    Questionnaire = apps.get_model("modellentool", "Questionnaire")
    AdviceResult = apps.get_model("modellentool", "AdviceResult")
    if not AdviceResult.objects.exists():
        Questionnaire.objects.filter(slug="samenwerkingsvorm").delete()


class Migration(migrations.Migration):
    dependencies = [("modellentool", "0003_questionnaire_versions_and_results")]
    operations = [migrations.RunPython(seed, unseed)]
