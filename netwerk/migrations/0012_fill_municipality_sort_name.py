import re
import unicodedata

from django.db import migrations


def sort_key(name):
    """Frozen copy of netwerk.names.sort_key as of this migration. Dutch alphabetical order:
    's-Hertogenbosch under H (the article 's or 't is skipped), accents and case ignored."""
    name = re.sub(r"^['’‘`]\s*[st][\s-]+", "", name.strip(), flags=re.I)
    name = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()


def fill(apps, schema_editor):
    Municipality = apps.get_model("netwerk", "Municipality")
    rows = list(Municipality.objects.all())
    for municipality in rows:
        municipality.sort_name = sort_key(municipality.name)
    Municipality.objects.bulk_update(rows, ["sort_name"])


class Migration(migrations.Migration):
    dependencies = [("netwerk", "0011_municipality_sort_name")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
