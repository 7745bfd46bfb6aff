from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from kennisbank.models import Item
from kennisbank.permissions import EDITOR_GROUP
from kennisbank.services.imports import import_lines
from netwerk.permissions import EDITOR_GROUP as NETWERK_EDITOR_GROUP

DEMO_FILE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "kennisbank.jsonl"
DEMO_EDITOR = "redacteur"
DEMO_PASSWORD = "demo-redacteur-2026"  # development only; refused when DEBUG is off


class Command(BaseCommand):
    help = (
        "Laadt de demo-inhoud één keer en maakt een redacteursaccount (alleen voor ontwikkeling)."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Demo-inhoud en het demo-account zijn alleen voor ontwikkeling (DEBUG=1)."
            )
        if Item.objects.filter(external_id__startswith="seed-").exists():
            self.stdout.write("Demo-inhoud staat er al; niets veranderd.")
        else:
            with DEMO_FILE.open(encoding="utf-8") as fh:
                report = import_lines(fh)
            self.stdout.write(f"Demo-inhoud geladen: {report.imported} items.")
            for number, reason in report.errors:
                self.stderr.write(f"regel {number}: {reason}")

        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEMO_EDITOR,
            defaults={"is_staff": True, "email": "redacteur@example.org", "first_name": "Demo"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(*Group.objects.filter(name__in=[EDITOR_GROUP, NETWERK_EDITOR_GROUP]))
        self.stdout.write(
            self.style.SUCCESS(
                f"Redactie: http://127.0.0.1:8000/admin/  gebruiker '{DEMO_EDITOR}', "
                f"wachtwoord '{DEMO_PASSWORD}'"
            )
        )
