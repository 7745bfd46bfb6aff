"""Two web instances share everything: a login, an upload and a rate limit hold on both.

Two gunicorn processes on their own ports stand in for two hosts behind a load balancer. Each
has its OWN, empty MEDIA_ROOT, so a shared local disk cannot fake the upload; they share only
what the README's "Scaling" section names: the PostgreSQL database (pytest's test database),
Redis (cache and sessions) and S3-compatible object storage (moto's server, standing in for the
real one). The client keeps one cookie jar for 127.0.0.1, as a browser does for one site behind
a load balancer, and sends each request to the instance the test chooses.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import boto3
import pytest
import redis
import requests
from django.db import connections
from django.urls import reverse

from kennisbank.models import SubmissionFile
from tests.factories import UserFactory
from tests.kennisbank.submission_factories import PDF_BYTES
from tests.netwerk.member_factories import MemberFactory
from tests.reference import ensure_reference_data

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
BUCKET = "kennisplatform-test"
PASSWORD = "correct-horse-battery-staple"
LOGIN = reverse("netwerk:login")
PROFILE = reverse("netwerk:profile")
FAILURE_LIMIT = 4

pytestmark = pytest.mark.django_db(transaction=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def object_store():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    yield url, client
    server.stop()


@pytest.fixture(scope="module")
def cache_prefix():
    # Redis is shared with whatever else runs on this machine: our own key prefix, removed after.
    prefix = f"kp-test-{uuid.uuid4().hex[:12]}"
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.fail(f"Redis antwoordt niet op {REDIS_URL} (.ci/run start hem)")
    yield prefix
    server = redis.Redis.from_url(REDIS_URL)
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


class Instance:
    def __init__(self, name: str, base: Path, env: dict):
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.media_root = base / f"media-{name}"
        self.media_root.mkdir()
        self.log = base / f"gunicorn-{name}.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "portal.wsgi",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    "1",
                    "--timeout",
                    "60",
                    "--graceful-timeout",
                    "5",
                ],
                cwd=ROOT,
                env={**env, "MEDIA_ROOT": str(self.media_root)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def wait_until_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn {self.name} stopte:\n{self.log.read_text()[-3000:]}")
            try:
                # The first request loads the URLconf and templates: slow on a busy machine.
                if requests.get(f"{self.url}/robots.txt", timeout=20).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        pytest.fail(f"gunicorn {self.name} kwam niet op:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def media_files(self) -> list[Path]:
        return [p for p in self.media_root.rglob("*") if p.is_file()]


@pytest.fixture
def instances(transactional_db, object_store, cache_prefix, tmp_path):
    ensure_reference_data()  # a transactional test starts from whatever the previous one flushed
    db = connections["default"].settings_dict
    store_url, _client = object_store
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        # DEBUG=1 only so that plain http keeps secure-only cookies working without a TLS proxy;
        # the DEBUG=0 path itself is crawled in tests/test_production_path.py. Nothing shared
        # between the instances depends on it.
        DEBUG="1",
        SECRET_KEY="the-same-secret-on-every-host-" + "x" * 30,
        DATABASE_URL=(
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        # Connections close after each request, so the test database can be flushed after.
        CONN_MAX_AGE="0",
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=cache_prefix,
        STORAGE_BACKEND="s3",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=store_url,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AXES_FAILURE_LIMIT=str(FAILURE_LIMIT),
        EMAIL_HOST="",
    )
    env.pop("DATABASE_REPLICA_URL", None)
    a, b = Instance("a", tmp_path, env), Instance("b", tmp_path, env)
    try:
        a.wait_until_ready()
        b.wait_until_ready()
        yield a, b
    finally:
        a.stop()
        b.stop()


def csrf_token(browser: requests.Session, url: str) -> str:
    response = browser.get(url, timeout=30)
    assert response.status_code == 200, response.text[:500]
    return browser.cookies["csrftoken"]


def log_in(browser, instance, email, password):
    token = csrf_token(browser, instance.url + LOGIN)
    return browser.post(
        instance.url + LOGIN,
        data={"csrfmiddlewaretoken": token, "username": email, "password": password},
        allow_redirects=False,
        timeout=30,
    )


def test_login_upload_and_rate_limit_hold_across_two_instances(
    instances, object_store, cache_prefix
):
    a, b = instances
    _store_url, s3 = object_store
    member = MemberFactory(name="Vera Verteller", user=UserFactory(email="vera@example.org"))

    # A login on A is valid on B.
    browser = requests.Session()
    response = log_in(browser, a, "vera@example.org", PASSWORD)
    assert response.status_code == 302 and "sessionid" in browser.cookies
    # The session sits in the shared Redis cache (and, written through, in the database).
    sessions = list(redis.Redis.from_url(REDIS_URL).scan_iter(f"{cache_prefix}:*cached_db*"))
    assert len(sessions) == 1
    on_b = browser.get(b.url + PROFILE, allow_redirects=False, timeout=30)
    assert on_b.status_code == 200 and member.name in on_b.text
    anonymous = requests.get(b.url + PROFILE, allow_redirects=False, timeout=30)
    assert anonymous.status_code == 302 and LOGIN in anonymous.headers["Location"]

    # An upload through A (the submission form with an attachment) is downloadable through B.
    token = csrf_token(browser, a.url + reverse("kennisbank:submission_new"))
    created = browser.post(
        a.url + reverse("kennisbank:submission_new"),
        data={"csrfmiddlewaretoken": token, "item_type": "practice"},
        allow_redirects=False,
        timeout=30,
    )
    assert created.status_code == 302
    edit_url = a.url + created.headers["Location"]
    token = csrf_token(browser, edit_url)
    saved = browser.post(
        edit_url,
        data={"csrfmiddlewaretoken": token, "action": "draft", "title": "Samen belasting heffen"},
        files={"attachment": ("evaluatie.pdf", PDF_BYTES, "application/pdf")},
        allow_redirects=False,
        timeout=30,
    )
    assert saved.status_code == 302, saved.text[:2000]
    attached = SubmissionFile.objects.get(submission__submitter=member.user)
    download = reverse("kennisbank:submission_file", args=[attached.submission_id, attached.pk])
    from_b = browser.get(b.url + download, timeout=30)
    assert from_b.status_code == 200
    assert from_b.content == PDF_BYTES
    assert 'filename="evaluatie.pdf"' in from_b.headers["Content-Disposition"]
    # Neither host kept the file on its own disk; the object store has it, privately.
    assert a.media_files() == [] and b.media_files() == []
    stored = s3.get_object(Bucket=BUCKET, Key=attached.file.name)["Body"].read()
    assert stored == PDF_BYTES
    grants = s3.get_object_acl(Bucket=BUCKET, Key=attached.file.name)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]
    assert all(grant["Grantee"]["Type"] == "CanonicalUser" for grant in grants)
    public = requests.get(f"{_store_url}/{BUCKET}/{attached.file.name}", timeout=30)
    assert public.status_code == 403
    # And only the submitter gets it through the portal, on either host.
    assert requests.get(b.url + download, allow_redirects=False, timeout=30).status_code == 302

    # A rate limit counted on A holds on B: failed logins alternate between the two hosts
    # until django-axes locks the account; then even the right password fails on both.
    UserFactory(email="bram@example.org")
    attacker = requests.Session()
    statuses = [
        log_in(attacker, (a, b)[n % 2], "bram@example.org", "wrong-password").status_code
        for n in range(FAILURE_LIMIT)
    ]
    assert statuses == [200] * (FAILURE_LIMIT - 1) + [429]
    for instance in (a, b):
        locked = log_in(requests.Session(), instance, "bram@example.org", PASSWORD)
        assert locked.status_code == 429
        assert "sessionid" not in locked.cookies
