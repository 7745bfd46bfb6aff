from django.db import migrations


def fill(apps, schema_editor):
    from netwerk.names import sort_key

    Municipality = apps.get_model("netwerk", "Municipality")
    rows = list(Municipality.objects.all())
    for municipality in rows:
        municipality.sort_name = sort_key(municipality.name)
    Municipality.objects.bulk_update(rows, ["sort_name"])


class Migration(migrations.Migration):
    dependencies = [("netwerk", "0011_municipality_sort_name")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
