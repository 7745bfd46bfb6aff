"""State only: the model moved to the foundation (portal) with its table kept as it was.

Django's autodetector wrote these operations; they change what the migration state says
about where the model lives and touch no table, index or row (docs/architecture.md)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('kennisbank', '0016_reference_models_to_portal'),
        ('modellentool', '0007_reference_models_to_portal'),
        ('netwerk', '0013_reference_models_moved_to_portal'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='CollaborationModel',
                ),
    
            ],
        ),
    ]
