"""The six example cases of MODELLENTOOL.md as answer documents, with what an expert expects."""

CASES = {
    "ict-en-hr-in-een-organisatie": {
        "answers": {
            "task_type": "bedrijfsvoering",
            "policy_discretion": "laag",
            "powers": "geen",
            "partners": 4,
            "partner_structure": "gelijkwaardig",
            "participants": "colleges",
            "staff": "naar_nieuwe_organisatie",
            "legal_entity_needed": "ja",
            "motives": ["kosten", "kwetsbaarheid"],
        },
        "first": {"bedrijfsvoeringsorganisatie"},
        "near_top": {"openbaar_lichaam"},
        "excluded": {"gemeenschappelijk_orgaan": "personeel"},
        "not_top": set(),
    },
    "belastingen-voor-drie-buren": {
        "answers": {
            "task_type": "uitvoering",
            "policy_discretion": "laag",
            "powers": "mandaat",
            "partners": 4,
            "partner_structure": "dominante_aanbieder",
            "participants": "colleges",
            "staff": "naar_een_gemeente",
            "legal_entity_needed": "nee",
            "integration": "geen",
        },
        "first": {"centrumgemeente"},
        "near_top": {"dvo"},
        "excluded": {"herindeling": "niet verder"},
        "not_top": {"openbaar_lichaam", "herindeling"},
    },
    "bindende-milieuhandhaving": {
        "answers": {
            "task_type": "uitvoering",
            "policy_discretion": "hoog",
            "powers": "delegatie",
            "legally_required": "ja",
            "partners": 10,
            "participants": "raden",
            "staff": "naar_nieuwe_organisatie",
            "legal_entity_needed": "ja",
            "horizon": "structureel",
        },
        "first": {"openbaar_lichaam"},
        "near_top": set(),
        "excluded": {
            "bedrijfsvoeringsorganisatie": "beleidsruimte",
            "convenant": "bevoegdheden",
            "privaatrechtelijk": "bevoegdheden",
        },
        "not_top": set(),
    },
    "regionaal-woon-en-economisch-beleid": {
        "answers": {
            "task_type": "beleid",
            "policy_discretion": "hoog",
            "powers": "geen",
            "exit_flexibility": "hoog",
            "staff": "blijft",
            "legal_entity_needed": "nee",
            "control": "gezamenlijk",
        },
        "first": {"regeling_zonder_meer", "convenant"},
        "near_top": {"regeling_zonder_meer", "convenant"},
        "excluded": {"bedrijfsvoeringsorganisatie": "beleidsruimte"},
        "not_top": {"bedrijfsvoeringsorganisatie", "openbaar_lichaam"},
    },
    "privacyfunctionarissen-delen-kennis": {
        "answers": {
            "partners": 6,
            "powers": "geen",
            "motives": ["kwaliteit"],
            "staff": "blijft",
            "legal_entity_needed": "nee",
            "exit_flexibility": "hoog",
        },
        "first": {"netwerk"},
        "near_top": set(),
        "excluded": {},
        "not_top": {"openbaar_lichaam", "herindeling", "bedrijfsvoeringsorganisatie"},
    },
    "een-raad-voor-twee-gemeenten": {
        "answers": {
            "partners": 2,
            "integration": "bestuurlijk",
            "motives": ["bestuurskracht"],
            "horizon": "structureel",
        },
        "first": {"herindeling"},
        "near_top": {"ambtelijke_fusie"},
        "excluded": {"ambtelijke_fusie": "eerste stap", "openbaar_lichaam": "gekozen raad"},
        "not_top": set(),
    },
}


def check_advice(case: dict, advice: dict) -> None:
    """Asserts what an expert expects of the advice JSON for one case."""
    ranking = advice["ranking"]
    assert len(ranking) == 11
    assert len({row["model"] for row in ranking}) == 11
    assert ranking[0]["model"] in case["first"], [r["model"] for r in ranking[:3]]
    assert not ranking[0]["excluded"]
    top3 = [row["model"] for row in ranking[:3]]
    for model in case["near_top"]:
        assert model in top3, (model, top3)
    for model in case["not_top"]:
        assert model not in top3, (model, top3)
    by_model = {row["model"]: row for row in ranking}
    for model, reason_word in case["excluded"].items():
        row = by_model[model]
        assert row["excluded"], model
        assert any(reason_word in reason for reason in row["reasons"]), row["reasons"]
    assert advice["approach"]["route"] in ("ontwerpaanpak", "ontwikkelaanpak")
    assert advice["approach"]["reasons"]
