from django.db import migrations


def load(apps, schema_editor):
    from netwerk.reference import load_municipalities

    load_municipalities(apps.get_model("netwerk", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("netwerk", "0001_municipality")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
