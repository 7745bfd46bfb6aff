from django.db import migrations

# Frozen copy of modellentool.reference.MODELS as of this migration:
# (key, name, weight, legal_basis, summary); the order is the list's order.
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


def seed(apps, schema_editor):
    CollaborationModel = apps.get_model("modellentool", "CollaborationModel")
    for order, (key, name, weight, legal_basis, summary) in enumerate(MODELS, start=1):
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


class Migration(migrations.Migration):
    dependencies = [("modellentool", "0001_collaboration_model")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
