"""manage.py advies --answers FILE.json: the advice JSON of MODELLENTOOL.md on stdout."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from modellentool import scoring
from modellentool.models import QuestionnaireVersion
from modellentool.services import NoPublishedVersion, advice_for_document


class Command(BaseCommand):
    help = "Geeft het advies (JSON) voor een bestand met antwoorden; ‘-’ leest van stdin."

    def add_arguments(self, parser):
        parser.add_argument("--answers", required=True, help="JSON-bestand met antwoorden, of -")
        parser.add_argument(
            "--versie",
            dest="questionnaire_version",
            type=int,
            help="versienummer van de vragenlijst (standaard: de gepubliceerde versie)",
        )

    def handle(self, *args, answers, questionnaire_version=None, **options):
        try:
            if answers == "-":
                data = json.load(sys.stdin)
            else:
                with open(answers, encoding="utf-8") as handle:
                    data = json.load(handle)
        except OSError as error:
            raise CommandError(f"Kan {answers} niet lezen: {error.strerror}") from error
        except (ValueError, RecursionError) as error:
            raise CommandError(f"{answers} bevat geen geldige JSON.") from error
        version = None
        if questionnaire_version is not None:
            version = QuestionnaireVersion.objects.filter(number=questionnaire_version).first()
            if version is None:
                raise CommandError(f"Versie {questionnaire_version} bestaat niet.")
        try:
            advice = advice_for_document(data, version=version)
        except scoring.InvalidAnswers as error:
            raise CommandError(error.message) from error
        except NoPublishedVersion as error:
            raise CommandError("Er is geen gepubliceerde vragenlijst.") from error
        self.stdout.write(json.dumps(advice, ensure_ascii=False, indent=2))
