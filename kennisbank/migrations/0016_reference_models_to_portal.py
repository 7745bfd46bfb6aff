"""State only: the model moved to the foundation (portal) with its table kept as it was.

Django's autodetector wrote these operations; they change what the migration state says
about where the model lives and touch no table, index or row (docs/architecture.md)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('kennisbank', '0015_thesaurus_narrower_terms'),
        ('portal', '0002_foundation_reference_models'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalitem_themes',
                    name='theme',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='portal.theme'),
                ),
                migrations.RemoveField(
                    model_name='item',
                    name='themes',
                ),
                migrations.AlterField(
                    model_name='adoptionmark',
                    name='municipality',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='adoption_marks', to='portal.municipality', verbose_name='gemeente'),
                ),
                migrations.AlterField(
                    model_name='historicalitem',
                    name='collaboration_model',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='portal.collaborationmodel', verbose_name='samenwerkingsvorm'),
                ),
                migrations.AlterField(
                    model_name='item',
                    name='collaboration_model',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='items', to='portal.collaborationmodel', verbose_name='samenwerkingsvorm'),
                ),
                migrations.RemoveField(
                    model_name='item',
                    name='municipalities',
                ),
    
            ],
        ),
    ]
