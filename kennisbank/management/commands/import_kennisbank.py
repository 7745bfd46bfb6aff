from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kennisbank.services.imports import import_lines


class Command(BaseCommand):
    help = "Leest kennisitems in uit een JSON Lines-bestand (één object per regel)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="pad naar het .jsonl-bestand")

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        with file.open(encoding="utf-8") as fh:
            report = import_lines(fh)
        self.stdout.write(
            f"{report.imported} regels ingelezen ({report.created} nieuw, "
            f"{report.updated} bijgewerkt), {len(report.errors)} fout."
        )
        for number, reason in report.errors:
            self.stderr.write(f"regel {number}: {reason}")
        # Any rejected line fails the run (the good lines are in), so a scheduled import
        # cannot fail silently.
        if report.errors and not report.imported:
            raise CommandError("Geen enkele regel kon worden ingelezen.")
        if report.errors:
            raise CommandError(
                f"{len(report.errors)} regels konden niet worden ingelezen; de andere "
                f"{report.imported} wel."
            )
