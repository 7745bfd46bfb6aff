"""The shared reference models move to the foundation (portal); their tables stay as they are.

State only: CreateModel here and DeleteModel in the old apps (kennisbank 0017, netwerk 0013,
modellentool 0008) change the migration state, not the database; each model keeps its table
(Meta.db_table). The content types follow the models, so permissions, group memberships and the
admin's history stay attached. It runs after the old apps' last migrations before the move, so
content types a data migration created on the way are renamed too.
"""

import django.contrib.postgres.fields
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MOVED = [
    ("netwerk", "datasource"),
    ("netwerk", "municipality"),
    ("netwerk", "formermunicipality"),
    ("netwerk", "memberprofile"),
    ("kennisbank", "theme"),
    ("modellentool", "collaborationmodel"),
]


def content_types_follow(apps, schema_editor, *, forwards=True):
    content_type = apps.get_model("contenttypes", "ContentType")
    for old_label, model in MOVED:
        source, target = ("portal", old_label) if not forwards else (old_label, "portal")
        if not content_type.objects.filter(app_label=target, model=model).exists():
            content_type.objects.filter(app_label=source, model=model).update(app_label=target)


def content_types_back(apps, schema_editor):
    content_types_follow(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0001_outgoing_mail'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('kennisbank', '0015_thesaurus_narrower_terms'),
        ('modellentool', '0006_fill_english_texts'),
        ('netwerk', '0012_fill_municipality_sort_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DataSource',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.SlugField(max_length=60, unique=True, verbose_name='sleutel')),
                        ('title', models.CharField(max_length=200, verbose_name='titel')),
                        ('publisher', models.CharField(max_length=200, verbose_name='uitgever')),
                        ('licence', models.CharField(max_length=200, verbose_name='licentie')),
                        ('url', models.URLField(blank=True, max_length=500, verbose_name='adres')),
                        ('reference_date', models.DateField(help_text='De datum waarop de gegevens in de bron betrekking hebben.', verbose_name='peildatum')),
                        ('reference_note', models.CharField(blank=True, max_length=200, verbose_name='toelichting peildatum')),
                        ('files', models.JSONField(default=list, verbose_name='bestanden')),
                        ('checksum', models.CharField(blank=True, max_length=64, verbose_name='controlegetal')),
                        ('loaded_at', models.DateTimeField(blank=True, null=True, verbose_name='laatst geladen')),
                        ('report', models.JSONField(blank=True, default=dict, help_text='Per bestand: regels gelezen, geladen en niet geladen (met reden).', verbose_name='laadverslag')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                    ],
                    options={
                        'verbose_name': 'gegevensbron',
                        'verbose_name_plural': 'gegevensbronnen',
                        'db_table': 'netwerk_datasource',
                        'ordering': ['order', 'key'],
                    },
                ),
                migrations.CreateModel(
                    name='Theme',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=100, unique=True, verbose_name='naam')),
                        ('slug', models.SlugField(max_length=100, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='omschrijving')),
                    ],
                    options={
                        'verbose_name': 'thema',
                        'verbose_name_plural': "thema's",
                        'db_table': 'kennisbank_theme',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='CollaborationModel',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.SlugField(max_length=40, unique=True, verbose_name='sleutel')),
                        ('name', models.CharField(max_length=100, verbose_name='naam')),
                        ('name_en', models.CharField(blank=True, max_length=100, verbose_name='naam (Engels)')),
                        ('summary', models.TextField(blank=True, verbose_name='korte omschrijving')),
                        ('legal_basis', models.CharField(blank=True, max_length=200, verbose_name='juridische basis')),
                        ('weight', models.PositiveSmallIntegerField(help_text='Plaats op het continuüm van licht (1) tot zwaar (10).', verbose_name='zwaarte (1-10)')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='volgorde')),
                    ],
                    options={
                        'verbose_name': 'samenwerkingsvorm',
                        'verbose_name_plural': 'samenwerkingsvormen',
                        'db_table': 'modellentool_collaborationmodel',
                        'ordering': ['order', 'weight'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('weight__gte', 1), ('weight__lte', 10)), name='model_weight_1_10')],
                    },
                ),
                migrations.CreateModel(
                    name='Municipality',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=6, unique=True, verbose_name='CBS-code')),
                        ('name', models.CharField(max_length=100, verbose_name='naam')),
                        ('sort_name', models.CharField(blank=True, db_index=True, max_length=100, verbose_name='sorteernaam')),
                        ('official_name', models.CharField(max_length=100, verbose_name='officiële naam (CBS)')),
                        ('slug', models.SlugField(max_length=100, unique=True, verbose_name='slug')),
                        ('province', models.CharField(choices=[('groningen', 'Groningen'), ('fryslan', 'Fryslân'), ('drenthe', 'Drenthe'), ('overijssel', 'Overijssel'), ('flevoland', 'Flevoland'), ('gelderland', 'Gelderland'), ('utrecht', 'Utrecht'), ('noord-holland', 'Noord-Holland'), ('zuid-holland', 'Zuid-Holland'), ('zeeland', 'Zeeland'), ('noord-brabant', 'Noord-Brabant'), ('limburg', 'Limburg')], max_length=20, verbose_name='provincie')),
                        ('population', models.PositiveIntegerField(blank=True, null=True, verbose_name='inwoners')),
                        ('area_km2', models.DecimalField(blank=True, decimal_places=2, max_digits=8, null=True, verbose_name='oppervlakte (km²)')),
                        ('seat', models.CharField(blank=True, max_length=100, verbose_name='bestuurscentrum')),
                        ('corop_code', models.CharField(blank=True, max_length=4, verbose_name='COROP-code')),
                        ('corop_name', models.CharField(blank=True, max_length=100, verbose_name='COROP-gebied')),
                        ('safety_region_code', models.CharField(blank=True, max_length=4, verbose_name='veiligheidsregiocode')),
                        ('safety_region_name', models.CharField(blank=True, max_length=100, verbose_name='veiligheidsregio')),
                        ('source', models.CharField(blank=True, max_length=200, verbose_name='bron')),
                        ('neighbours', models.ManyToManyField(blank=True, to='portal.municipality', verbose_name='buurgemeenten')),
                        ('successor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='predecessors', to='portal.municipality', verbose_name='opgegaan in')),
                    ],
                    options={
                        'verbose_name': 'gemeente',
                        'verbose_name_plural': 'gemeenten',
                        'db_table': 'netwerk_municipality',
                        'ordering': ['sort_name', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='FormerMunicipality',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(blank=True, max_length=6, null=True, unique=True, verbose_name='CBS-code')),
                        ('name', models.CharField(max_length=100, verbose_name='naam')),
                        ('ended_on', models.DateField(blank=True, null=True, verbose_name='opgeheven per')),
                        ('direct_successor_name', models.CharField(blank=True, help_text='De naam van de opvolger bij de opheffing (kan later zelf zijn opgeheven).', max_length=100, verbose_name='direct opgegaan in')),
                        ('note', models.CharField(blank=True, max_length=250, verbose_name='toelichting')),
                        ('data_source', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='portal.datasource', verbose_name='bron')),
                        ('successor', models.ForeignKey(blank=True, help_text='Leeg bij een gemeente die over meerdere gemeenten is verdeeld.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='former_municipalities', to='portal.municipality', verbose_name='voortgezet door')),
                        ('successors', models.ManyToManyField(help_text='Alle gemeenten van nu waarin (een deel van) deze gemeente is opgegaan.', related_name='+', to='portal.municipality', verbose_name='opgegaan in')),
                    ],
                    options={
                        'verbose_name': 'opgeheven gemeente',
                        'verbose_name_plural': 'opgeheven gemeenten',
                        'db_table': 'netwerk_formermunicipality',
                        'ordering': ['name'],
                        'constraints': [models.UniqueConstraint(fields=('name', 'ended_on'), name='former_municipality_once')],
                    },
                ),
                migrations.CreateModel(
                    name='MemberProfile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='naam')),
                        ('organisation_name', models.CharField(blank=True, help_text='Bijvoorbeeld een provincie, samenwerkingsverband of adviesbureau.', max_length=200, verbose_name='andere organisatie')),
                        ('role', models.CharField(blank=True, max_length=150, verbose_name='functie')),
                        ('province', models.CharField(choices=[('groningen', 'Groningen'), ('fryslan', 'Fryslân'), ('drenthe', 'Drenthe'), ('overijssel', 'Overijssel'), ('flevoland', 'Flevoland'), ('gelderland', 'Gelderland'), ('utrecht', 'Utrecht'), ('noord-holland', 'Noord-Holland'), ('zuid-holland', 'Zuid-Holland'), ('zeeland', 'Zeeland'), ('noord-brabant', 'Noord-Brabant'), ('limburg', 'Limburg')], max_length=20, verbose_name='regio (provincie)')),
                        ('bio', models.TextField(blank=True, max_length=2000, verbose_name='over mij')),
                        ('task_types', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('uitvoering', 'Uitvoering'), ('bedrijfsvoering', 'Bedrijfsvoering'), ('dienstverlening', 'Dienstverlening'), ('beleid', 'Beleid')], max_length=20), blank=True, default=list, verbose_name='taaktypen')),
                        ('tags', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=50), blank=True, default=list, verbose_name='trefwoorden')),
                        ('languages', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=30), blank=True, default=list, verbose_name='talen')),
                        ('phone', models.CharField(blank=True, help_text='Alleen zichtbaar voor wie een contactverzoek van u aanneemt of u het zijne.', max_length=30, verbose_name='telefoonnummer')),
                        ('open_for_questions', models.BooleanField(default=False, verbose_name='open voor vragen')),
                        ('max_questions_per_month', models.PositiveSmallIntegerField(default=3, verbose_name='hoogstens vragen per maand')),
                        ('visibility', models.CharField(choices=[('verborgen', 'Verborgen: alleen voor mijzelf'), ('leden', 'Zichtbaar voor ingelogde leden'), ('openbaar', 'Openbaar: naam, organisatie en expertise')], default='verborgen', max_length=10, verbose_name='zichtbaarheid')),
                        ('digest_frequency', models.CharField(choices=[('nooit', 'Geen e-mail'), ('dagelijks', 'Dagelijks'), ('wekelijks', 'Wekelijks')], default='wekelijks', help_text='Over wat u volgt en uw bewaarde zoekopdrachten; alleen als er iets nieuws is.', max_length=10, verbose_name='e-mail met nieuws')),
                        ('digest_covered_until', models.DateTimeField(blank=True, null=True, verbose_name='nieuws gemeld tot')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='gewijzigd')),
                        ('collaboration_models', models.ManyToManyField(blank=True, related_name='+', to='portal.collaborationmodel', verbose_name='samenwerkingsvormen')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='member_profile', to=settings.AUTH_USER_MODEL)),
                        ('municipality', models.ForeignKey(blank=True, help_text='De gemeente waar u werkt; leeg als u bij een andere organisatie werkt.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='members', to='portal.municipality', verbose_name='gemeente')),
                        ('themes', models.ManyToManyField(blank=True, related_name='+', to='portal.theme', verbose_name="thema's")),
                    ],
                    options={
                        'verbose_name': 'lid',
                        'verbose_name_plural': 'leden',
                        'db_table': 'netwerk_memberprofile',
                        'ordering': ['name', 'id'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('max_questions_per_month__lte', 50)), name='memberprofile_monthly_limit_sane')],
                    },
                ),
    
            ],
        ),
        migrations.RunPython(content_types_follow, content_types_back),
]
