"""The editors' share of the modellentool: the questionnaire is editorial content too.

Editors ("Redacteur", kennisbank.permissions.EDITOR_GROUP) prepare a new draft version
(questions, options, model texts, weights, knock-outs, factors) and publish it; they look up
the results. A data migration that changes the group carries a frozen copy of this list.
"""

EDITOR_PERMISSIONS = {
    "modellentool": [
        "view_questionnaire",
        "change_questionnaire",
        "add_questionnaireversion",
        "change_questionnaireversion",
        "view_questionnaireversion",
        *[
            f"{action}_{model}"
            for model in (
                "step",
                "question",
                "option",
                "modeldescription",
                "weightrule",
                "knockout",
                "factor",
                "factortrigger",
            )
            for action in ("add", "change", "delete", "view")
        ],
        "view_adviceresult",
    ],
}
