from django.core.management.base import BaseCommand

from netwerk.register.opendata.loading import reference_data_load


class Command(BaseCommand):
    help = (
        "Laadt of ververst het register van gemeenten, opgeheven gemeenten en "
        "samenwerkingsverbanden uit de open data in fixtures/reference/, en meldt wat niet "
        "gekoppeld kon worden (met reden)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ook laden als de bronbestanden niet veranderd zijn.",
        )

    def handle(self, *args, force=False, **options):
        result = reference_data_load(force=force)
        if result.unchanged:
            self.stdout.write("Bronbestanden ongewijzigd; register niet opnieuw geladen.")
            return
        for report in result.reports:
            self.stdout.write(
                f"{report.file}: {report.rows} regels, {report.loaded} geladen, "
                f"{report.not_loaded_total} niet geladen"
            )
            for reason, count in report.not_loaded.most_common():
                examples = report.examples.get(reason, [])
                shown = f" (bijv. {', '.join(examples[:5])})" if examples else ""
                self.stdout.write(f"    {count:>6}  {reason}{shown}")
        if result.changed:
            changes = ", ".join(f"{what}: {n}" for what, n in sorted(result.changes.items()) if n)
            self.stdout.write(self.style.SUCCESS(f"Register bijgewerkt ({changes})."))
        else:
            self.stdout.write(self.style.SUCCESS("Register was al actueel; niets veranderd."))
