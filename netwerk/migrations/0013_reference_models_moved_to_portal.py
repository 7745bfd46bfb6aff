"""State only: the model moved to the foundation (portal) with its table kept as it was.

Django's autodetector wrote these operations; they change what the migration state says
about where the model lives and touch no table, index or row (docs/architecture.md)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('kennisbank', '0016_reference_models_to_portal'),
        ('netwerk', '0012_fill_municipality_sort_name'),
        ('portal', '0002_foundation_reference_models'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='collaboration',
                    name='data_source',
                    field=models.ForeignKey(blank=True, help_text='De belangrijkste open bron; leeg als de redactie het verband zelf invoerde.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='collaborations', to='portal.datasource', verbose_name='bron'),
                ),
                migrations.AlterField(
                    model_name='historicalcollaboration',
                    name='data_source',
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text='De belangrijkste open bron; leeg als de redactie het verband zelf invoerde.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='portal.datasource', verbose_name='bron'),
                ),
                migrations.AlterField(
                    model_name='membership',
                    name='data_source',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='portal.datasource', verbose_name='bron'),
                ),
                migrations.AlterField(
                    model_name='historicalmembership',
                    name='data_source',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='portal.datasource', verbose_name='bron'),
                ),
                migrations.AlterField(
                    model_name='sourcerecord',
                    name='data_source',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='portal.datasource'),
                ),
                migrations.RemoveConstraint(
                    model_name='formermunicipality',
                    name='former_municipality_once',
                ),
                migrations.RemoveConstraint(
                    model_name='memberprofile',
                    name='memberprofile_monthly_limit_sane',
                ),
                migrations.AlterField(
                    model_name='contactrequest',
                    name='expert',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contact_requests', to='portal.memberprofile'),
                ),
                migrations.AlterField(
                    model_name='itemcontact',
                    name='member',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='item_contacts', to='portal.memberprofile'),
                ),
                migrations.RemoveField(
                    model_name='municipality',
                    name='neighbours',
                ),
                migrations.RemoveField(
                    model_name='municipality',
                    name='successor',
                ),
                migrations.AlterField(
                    model_name='historicalmembership',
                    name='municipality',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='portal.municipality', verbose_name='gemeente'),
                ),
                migrations.RemoveField(
                    model_name='suggestion',
                    name='members_to_remove',
                ),
                migrations.AlterField(
                    model_name='membership',
                    name='municipality',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='portal.municipality', verbose_name='gemeente'),
                ),
                migrations.RemoveField(
                    model_name='suggestion',
                    name='members_to_add',
                ),
                migrations.AlterField(
                    model_name='follow',
                    name='municipality',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='portal.municipality'),
                ),
                migrations.AlterField(
                    model_name='collaboration',
                    name='form',
                    field=models.ForeignKey(blank=True, help_text='Leeg als de vorm niet bekend is.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='collaborations', to='portal.collaborationmodel', verbose_name='samenwerkingsvorm'),
                ),
                migrations.AlterField(
                    model_name='follow',
                    name='theme',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='portal.theme'),
                ),
                migrations.AlterField(
                    model_name='historicalcollaboration',
                    name='form',
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text='Leeg als de vorm niet bekend is.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='portal.collaborationmodel', verbose_name='samenwerkingsvorm'),
                ),
                migrations.RemoveField(
                    model_name='question',
                    name='collaboration_models',
                ),
                migrations.RemoveField(
                    model_name='question',
                    name='themes',
                ),
                migrations.AlterField(
                    model_name='suggestion',
                    name='form',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='portal.collaborationmodel', verbose_name='samenwerkingsvorm'),
                ),
                migrations.RemoveField(
                    model_name='formermunicipality',
                    name='data_source',
                ),
                migrations.RemoveField(
                    model_name='formermunicipality',
                    name='successor',
                ),
                migrations.RemoveField(
                    model_name='formermunicipality',
                    name='successors',
                ),
                migrations.RemoveField(
                    model_name='memberprofile',
                    name='collaboration_models',
                ),
                migrations.RemoveField(
                    model_name='memberprofile',
                    name='municipality',
                ),
                migrations.RemoveField(
                    model_name='memberprofile',
                    name='themes',
                ),
                migrations.RemoveField(
                    model_name='memberprofile',
                    name='user',
                ),
                migrations.AddField(
                    model_name='suggestion',
                    name='members_to_remove',
                    field=models.ManyToManyField(blank=True, related_name='+', to='portal.municipality', verbose_name='gemeenten verwijderen'),
                ),
                migrations.AddField(
                    model_name='suggestion',
                    name='members_to_add',
                    field=models.ManyToManyField(blank=True, related_name='+', to='portal.municipality', verbose_name='gemeenten toevoegen'),
                ),
                migrations.AddField(
                    model_name='question',
                    name='collaboration_models',
                    field=models.ManyToManyField(blank=True, help_text="Gaat uw vraag over een bepaalde vorm? Dan zoeken we ook collega's met ervaring in die vorm.", related_name='+', to='portal.collaborationmodel', verbose_name='samenwerkingsvormen'),
                ),
                migrations.AddField(
                    model_name='question',
                    name='themes',
                    field=models.ManyToManyField(blank=True, related_name='+', to='portal.theme', verbose_name="thema's"),
                ),
                migrations.DeleteModel(
                    name='DataSource',
                ),
                migrations.DeleteModel(
                    name='FormerMunicipality',
                ),
                migrations.DeleteModel(
                    name='Municipality',
                ),
                migrations.DeleteModel(
                    name='MemberProfile',
                ),
    
            ],
        ),
    ]
