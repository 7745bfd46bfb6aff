"""Every members' network URL × anonymous / member / expert / editor / staff.

Expected status codes per role, and no e-mail address or phone number of another person in any
response. The "member" is the asker of the question; the "expert" received its contact request.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from netwerk.permissions import EDITOR_GROUP
from tests.factories import EditorFactory, UserFactory
from tests.netwerk.member_factories import ExpertFactory, MemberFactory, QuestionFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "expert", "editor", "staff"]
LOGIN = 302  # anonymous visitors are sent to the member login

# name, method, url kwargs key, expected per role (anonymous, member, expert, editor, staff)
MATRIX = [
    ("members", "get", None, (200, 200, 200, 200, 200)),
    ("member", "get", "expert_profile", (404, 200, 200, 200, 200)),
    ("register", "get", None, (200, 302, 302, 302, 302)),
    ("register_done", "get", None, (200, 200, 200, 200, 200)),
    ("confirm", "get", "bad_token", (400, 400, 400, 400, 400)),
    ("login", "get", None, (200, 302, 302, 302, 302)),
    ("password_reset", "get", None, (200, 200, 200, 200, 200)),
    ("password_reset_done", "get", None, (200, 200, 200, 200, 200)),
    ("password_reset_confirm", "get", "bad_token", (200, 200, 200, 200, 200)),
    ("password_reset_complete", "get", None, (200, 200, 200, 200, 200)),
    ("profile", "get", None, (LOGIN, 200, 200, 200, 200)),
    ("profile_export", "get", None, (LOGIN, 200, 200, 200, 200)),
    ("profile_delete", "get", None, (LOGIN, 200, 200, 200, 200)),
    ("follow_settings", "get", None, (LOGIN, 200, 200, 200, 200)),
    ("questions", "get", None, (200, 200, 200, 200, 200)),  # visitors: what the network is
    ("question_create", "get", None, (LOGIN, 200, 200, 200, 200)),
    ("question", "get", "question", (LOGIN, 200, 200, 200, 200)),
    ("question_contact", "post", "question", (LOGIN, 400, 403, 403, 403)),
    ("question_answer", "post", "question", (LOGIN, 400, 400, 400, 400)),
    ("question_helpful", "post", "answer", (LOGIN, 302, 403, 403, 403)),
    ("contact_requests", "get", None, (LOGIN, 200, 200, 200, 200)),
    ("contact_request", "get", "contact_request", (LOGIN, 200, 200, 404, 404)),
    ("desk", "get", None, (LOGIN, 403, 403, 200, 403)),
    ("desk_statistics", "get", None, (LOGIN, 403, 403, 200, 403)),
    ("desk_route", "post", "question", (LOGIN, 403, 403, 302, 403)),
    ("desk_promote", "post", "question", (LOGIN, 403, 403, 302, 403)),
    ("logout", "post", None, (302, 302, 302, 302, 302)),
]


@pytest.fixture
def world():
    asker = MemberFactory(name="Vera Vraag")
    expert = ExpertFactory(name="Bea Belasting", themes=["belastingen-en-woz"])
    bystander = ExpertFactory(name="Kees Kijker")
    question = QuestionFactory(asker=asker.user, themes=["belastingen-en-woz"])
    answer = question.answers.create(author=expert.user, text="Een antwoord.")
    contact_request = question.contact_requests.create(expert=expert)
    editor = EditorFactory()
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    users = {
        "anonymous": None,
        "member": asker.user,
        "expert": expert.user,
        "editor": editor,
        "staff": UserFactory(is_staff=True),
    }
    kwargs = {
        None: {},
        "expert_profile": {"pk": expert.pk},
        "bad_token": {"uidb64": "MQ", "token": "niet-geldig"},
        "question": {"pk": question.pk},
        "answer": {"pk": question.pk, "answer_pk": answer.pk},
        "contact_request": {"pk": contact_request.pk},
    }
    secrets = {
        u.pk: [u.email, *([u.member_profile.phone] if hasattr(u, "member_profile") else [])]
        for u in users.values()
        if u is not None
    }
    secrets[bystander.user.pk] = [bystander.user.email, bystander.phone]
    return users, kwargs, secrets


@pytest.mark.parametrize("role", ROLES)
def test_permissions_matrix(client, world, role):
    users, kwargs, secrets = world
    user = users[role]
    problems = []
    for name, method, key, expected in MATRIX:
        client.logout()
        if user is not None:
            client.force_login(user)
        url = reverse(f"netwerk:{name}", kwargs=kwargs[key])
        response = getattr(client, method)(url)
        want = expected[ROLES.index(role)]
        if response.status_code != want:
            problems.append(f"{name}: {response.status_code} ≠ {want}")
        body = response.content.decode(errors="replace")
        for owner, details in secrets.items():
            if user is not None and owner == user.pk:
                continue
            problems += [f"{name}: toont {d}" for d in details if d and d in body]
    assert problems == []


def test_every_members_url_is_in_the_matrix():
    from netwerk.urls import page_patterns

    prefixes = ("leden/", "vragen/", "verzoeken/", "desk/")
    names = {p.name for p in page_patterns if str(p.pattern).startswith(prefixes)}
    assert names == {name for name, *_ in MATRIX}
