import pytest

from modellentool.services import version_content, version_published


@pytest.fixture
def content(db):
    return version_content(version_published())


def option_for(content, dimension: str, value) -> str:
    question = content.question_for(dimension)
    return next(str(o.pk) for o in question.options_list if o.value == str(value))


def step_data(content, number: int, answers: dict, direction: str = "volgende") -> dict:
    """The POST body of one step: the options for ``answers`` on that step's questions."""
    data = {"richting": direction}
    for question in content.steps[number - 1].questions_list:
        value = answers.get(question.dimension)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        data[f"q{question.pk}"] = [option_for(content, question.dimension, v) for v in values]
    return data


def complete(client, content, answers: dict):
    """Walks through every step with ``answers``; returns the response to the last POST."""
    total = len(content.steps)
    response = None
    for number in range(1, total + 1):
        direction = "advies" if number == total else "volgende"
        response = client.post(
            f"/modellentool/stap/{number}/", step_data(content, number, answers, direction)
        )
        assert response.status_code == 302, response.content.decode()[:500]
    return response
