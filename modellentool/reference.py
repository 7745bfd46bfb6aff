"""The eleven collaboration models; keys are fixed (the advice interface uses them)."""

MODELS = [
    (
        "netwerk",
        "Netwerk of overleg",
        1,
        "Geen; informele afspraken",
        "Vrijblijvend overleg en kennisdeling tussen gemeenten, zonder bindende afspraken.",
    ),
    (
        "convenant",
        "Convenant of samenwerkingsovereenkomst",
        2,
        "Overeenkomst (privaatrecht)",
        "Schriftelijke afspraken over een gezamenlijk doel; vaak niet afdwingbaar.",
    ),
    (
        "dvo",
        "Dienstverleningsovereenkomst (DVO)",
        3,
        "Overeenkomst; mandaat per onderwerp (art. 10:4 Awb)",
        "Eén gemeente levert een dienst aan een of meer andere gemeenten tegen betaling.",
    ),
    (
        "regeling_zonder_meer",
        "Regeling zonder meer (lichte GR)",
        2,
        "Art. 1 Wgr, zonder orgaan",
        "Gemeenschappelijke regeling zonder eigen orgaan: afspraken, geen mandaat of delegatie.",
    ),
    (
        "centrumgemeente",
        "Centrumgemeente",
        4,
        "Art. 8 lid 4 Wgr",
        "Een gemeente voert taken uit namens de andere, die zelf verantwoordelijk blijven.",
    ),
    (
        "gemeenschappelijk_orgaan",
        "Gemeenschappelijk orgaan",
        4,
        "Art. 8 lid 2 Wgr",
        "Een gezamenlijk orgaan zonder rechtspersoonlijkheid dat besluiten kan nemen.",
    ),
    (
        "bedrijfsvoeringsorganisatie",
        "Bedrijfsvoeringsorganisatie (BVO)",
        5,
        "Art. 8 lid 3 Wgr",
        "Openbaar lichaam met één bestuur voor uitvoerende en ondersteunende taken van colleges.",
    ),
    (
        "openbaar_lichaam",
        "Openbaar lichaam",
        7,
        "Art. 8 lid 1 Wgr",
        "Zelfstandige rechtspersoon met algemeen en dagelijks bestuur; kan ook regels stellen.",
    ),
    (
        "privaatrechtelijk",
        "Privaatrechtelijke rechtspersoon",
        8,
        "Art. 160 Gemeentewet",
        "Stichting, vereniging, BV of NV; geen publiekrechtelijke bevoegdheden.",
    ),
    (
        "ambtelijke_fusie",
        "Ambtelijke fusie",
        8,
        "Meestal gedragen door een BVO of openbaar lichaam",
        "Eén ambtelijke organisatie voor meerdere gemeenten; het beleid blijft bij elke gemeente.",
    ),
    (
        "herindeling",
        "Gemeentelijke herindeling",
        10,
        "Wet arhi",
        "Samenvoeging tot één nieuwe gemeente met één gekozen raad.",
    ),
]


def load_collaboration_models(model_class) -> None:
    for order, (key, name, weight, legal_basis, summary) in enumerate(MODELS, start=1):
        model_class.objects.update_or_create(
            key=key,
            defaults={
                "name": name,
                "weight": weight,
                "legal_basis": legal_basis,
                "summary": summary,
                "order": order,
            },
        )


def load_first_questionnaire(get_model) -> None:
    """Writes seed.py's first questionnaire version, published, unless one exists already.

    ``get_model(app_label, name)`` is ``apps.get_model`` from a migration (historical models)
    or from django.apps (tests that flushed the database).
    """
    from . import seed

    def model(name):
        return get_model("modellentool", name)

    Questionnaire = model("Questionnaire")
    if Questionnaire.objects.filter(slug=seed.QUESTIONNAIRE["slug"]).exists():
        return
    collaboration_model = get_model("portal", "CollaborationModel")
    load_collaboration_models(collaboration_model)
    models_by_key = {m.key: m for m in collaboration_model.objects.all()}
    questionnaire = Questionnaire.objects.create(**seed.QUESTIONNAIRE)
    design, development = seed.ROUTE_TEXTS["ontwerpaanpak"], seed.ROUTE_TEXTS["ontwikkelaanpak"]
    version = model("QuestionnaireVersion").objects.create(
        questionnaire=questionnaire,
        number=seed.VERSION_NUMBER,
        status="gepubliceerd",
        note="Eerste versie.",
        published_at=_now(),
        design_name=design[0],
        design_summary=design[1],
        design_pitfall=design[2],
        development_name=development[0],
        development_summary=development[1],
        development_pitfall=development[2],
    )
    Step, Question, Option = model("Step"), model("Question"), model("Option")
    for number, (title, intro, questions) in enumerate(seed.STEPS, start=1):
        step = Step.objects.create(version=version, number=number, title=title, intro=intro)
        for order, (dimension, text, help_text, options) in enumerate(questions, start=1):
            question = Question.objects.create(
                step=step, dimension=dimension, text=text, help_text=help_text, order=order
            )
            Option.objects.bulk_create(
                Option(question=question, value=value, label=label, help_text=help, order=i)
                for i, (value, label, help) in enumerate(options, start=1)
            )
    legal_bases = {key: legal_basis for key, _, _, legal_basis, _ in MODELS}
    model("ModelDescription").objects.bulk_create(
        model("ModelDescription")(
            version=version,
            collaboration_model=models_by_key[key],
            summary=summary,
            legal_basis=legal_bases[key],
            governance=governance,
            staff=staff,
            exit=exit_,
            costs=costs,
        )
        for key, (summary, governance, staff, exit_, costs) in seed.MODEL_TEXTS.items()
    )
    model("WeightRule").objects.bulk_create(
        model("WeightRule")(
            version=version,
            dimension=dimension,
            operator=operator,
            value=value,
            collaboration_model=models_by_key[key],
            points=points,
            reason=reason,
        )
        for dimension, operator, value, key, points, reason in seed.weight_rows()
    )
    model("KnockOut").objects.bulk_create(
        model("KnockOut")(
            version=version,
            dimension=dimension,
            operator=operator,
            value=value,
            collaboration_model=models_by_key[key],
            reason=reason,
        )
        for dimension, operator, value, key, reason in seed.knockout_rows()
    )
    Factor, FactorTrigger = model("Factor"), model("FactorTrigger")
    for order, (code, title, text, triggers) in enumerate(seed.FACTORS, start=1):
        factor = Factor.objects.create(
            version=version, code=code, title=title, text=text, order=order
        )
        FactorTrigger.objects.bulk_create(
            FactorTrigger(factor=factor, dimension=d, operator=o, value=v, note=note)
            for d, o, v, note in triggers
        )


def _now():
    from django.utils import timezone

    return timezone.now()
