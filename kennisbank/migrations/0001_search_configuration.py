from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

# Dutch stemming after unaccent, so "coöperatie" and "cooperatie" meet. The server default is
# english, so every query must name this configuration explicitly.
CREATE_CONFIG = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'nl_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION nl_unaccent (COPY = pg_catalog.dutch);
        ALTER TEXT SEARCH CONFIGURATION nl_unaccent
            ALTER MAPPING FOR hword, hword_part, word, asciihword, hword_asciipart, asciiword
            WITH unaccent, dutch_stem;
    END IF;
END
$$;
"""


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunSQL(CREATE_CONFIG, "DROP TEXT SEARCH CONFIGURATION IF EXISTS nl_unaccent"),
    ]
