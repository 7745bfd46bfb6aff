"""State only: the model moved to the foundation (portal) with its table kept as it was.

Django's autodetector wrote these operations; they change what the migration state says
about where the model lives and touch no table, index or row (docs/architecture.md)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('kennisbank', '0016_reference_models_to_portal'),
        ('netwerk', '0013_reference_models_moved_to_portal'),
        ('portal', '0002_foundation_reference_models'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='Theme',
                ),
                migrations.AddField(
                    model_name='item',
                    name='themes',
                    field=models.ManyToManyField(blank=True, to='portal.theme', verbose_name="thema's"),
                ),
                migrations.AddField(
                    model_name='item',
                    name='municipalities',
                    field=models.ManyToManyField(blank=True, related_name='items', to='portal.municipality', verbose_name='gemeenten'),
                ),
    
            ],
        ),
    ]
