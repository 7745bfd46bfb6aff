"""Whatever a visitor posts to the members' forms, the answer is a page, never a 500."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.netwerk.member_factories import MemberFactory, QuestionFactory

pytestmark = pytest.mark.django_db

text = st.text(max_size=300)
fields = st.dictionaries(
    st.sampled_from(
        [
            "title",
            "text",
            "themes",
            "province",
            "urgency",
            "name",
            "email",
            "password1",
            "password2",
            "municipality",
            "max_questions_per_month",
            "visibility",
            "tags_text",
            "experts",
            "message",
            "besluit",
            "expert",
        ]
    ),
    st.one_of(text, st.lists(text, max_size=3), st.integers().map(str)),
    max_size=8,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=fields)
def test_posted_garbage_never_gives_a_server_error(client, data):
    profile = MemberFactory()
    question = QuestionFactory(asker=profile.user)
    client.force_login(profile.user)
    clean = {
        k: ([x.replace("\x00", "") for x in v] if isinstance(v, list) else v.replace("\x00", ""))
        for k, v in data.items()
    }
    for url in [
        reverse("netwerk:question_create"),
        reverse("netwerk:profile"),
        reverse("netwerk:question_contact", args=[question.pk]),
        reverse("netwerk:question_answer", args=[question.pk]),
    ]:
        assert client.post(url, clean).status_code < 500, url
    client.logout()
    assert client.post(reverse("netwerk:register"), clean).status_code < 500
