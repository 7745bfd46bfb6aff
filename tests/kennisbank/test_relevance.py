"""Search relevance on the judged set (fixtures/relevance/): a floor, so it cannot silently drop."""

import io

import pytest
from django.core.management import call_command

from devtools import evaluation
from kennisbank import relevance

# Measured figures minus a small margin; raise them when the search gets better.
NDCG_FLOOR = 0.88
RECALL_FLOOR = 0.84


def test_metrics_reward_the_ideal_order_and_punish_misses():
    grades = {"a": 2, "b": 1, "c": 1}
    assert relevance.ndcg(["a", "b", "c"], grades) == pytest.approx(1.0)
    assert relevance.ndcg(["c", "b", "a"], grades) < relevance.ndcg(["a", "c", "b"], grades)
    assert relevance.ndcg(["x", "y"], grades) == 0
    assert relevance.recall(["x", "b", "a"], grades) == pytest.approx(2 / 3)


def test_judgements_refer_to_known_topics_and_cover_the_brief():
    items = relevance.read_items()
    queries = relevance.read_queries(items)
    assert len(items) >= 150
    assert len(queries) >= 40
    assert all(any(g == 2 for g in q.grades.values()) for q in queries)


@pytest.mark.django_db
def test_search_relevance_stays_above_the_floor():
    items = relevance.read_items()
    keys = evaluation.load_collection(items)
    report = evaluation.evaluate(relevance.read_queries(items), keys)
    assert report.ndcg >= NDCG_FLOOR, "\n".join(report.lines())
    assert report.recall >= RECALL_FLOOR, "\n".join(report.lines())


@pytest.mark.django_db(transaction=True)
def test_eval_search_command_prints_the_figures():
    # The command switches to its own database: give it the test database's name + suffix.
    from django.db import connection

    name = connection.settings_dict["NAME"] + "_eval"
    out = io.StringIO()
    try:
        call_command("eval_search", database_name=name, stdout=out)
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name.removesuffix("_eval")
        with connection._nodb_cursor() as cursor:  # leave no database behind on the server
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert "nDCG@10" in out.getvalue()
    assert "gemiddeld" in out.getvalue()
