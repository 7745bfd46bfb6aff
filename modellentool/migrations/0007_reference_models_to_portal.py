"""State only: the model moved to the foundation (portal) with its table kept as it was.

Django's autodetector wrote these operations; they change what the migration state says
about where the model lives and touch no table, index or row (docs/architecture.md)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('modellentool', '0006_fill_english_texts'),
        ('portal', '0002_foundation_reference_models'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveConstraint(
                    model_name='collaborationmodel',
                    name='model_weight_1_10',
                ),
                migrations.AlterField(
                    model_name='weightrule',
                    name='collaboration_model',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='portal.collaborationmodel', verbose_name='samenwerkingsvorm'),
                ),
                migrations.AlterField(
                    model_name='historicalweightrule',
                    name='collaboration_model',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='portal.collaborationmodel', verbose_name='samenwerkingsvorm'),
                ),
                migrations.AlterField(
                    model_name='historicalknockout',
                    name='collaboration_model',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='portal.collaborationmodel', verbose_name='samenwerkingsvorm'),
                ),
                migrations.AlterField(
                    model_name='knockout',
                    name='collaboration_model',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='portal.collaborationmodel', verbose_name='samenwerkingsvorm'),
                ),
                migrations.AlterField(
                    model_name='modeldescription',
                    name='collaboration_model',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='portal.collaborationmodel', verbose_name='samenwerkingsvorm'),
                ),
                migrations.AlterField(
                    model_name='historicalmodeldescription',
                    name='collaboration_model',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='portal.collaborationmodel', verbose_name='samenwerkingsvorm'),
                ),
    
            ],
        ),
    ]
