from django.db import migrations


def seed(apps, schema_editor):
    from modellentool.reference import load_first_questionnaire

    load_first_questionnaire(apps.get_model)


def unseed(apps, schema_editor):
    # Results point at the version (PROTECT); only an unused seed can be taken back.
    Questionnaire = apps.get_model("modellentool", "Questionnaire")
    AdviceResult = apps.get_model("modellentool", "AdviceResult")
    if not AdviceResult.objects.exists():
        Questionnaire.objects.filter(slug="samenwerkingsvorm").delete()


class Migration(migrations.Migration):
    dependencies = [("modellentool", "0003_questionnaire_versions_and_results")]
    operations = [migrations.RunPython(seed, unseed)]
