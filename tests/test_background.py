"""Background work that survives faults: the outbox, the database queue and its worker.

These tests use the real queue (django-tasks-db in PostgreSQL), real `db_worker` processes and a
real SMTP server (aiosmtpd) on a free port, which they stop, start and make hang. Data must be
committed for the worker processes to see it, so the tests are transactional.
"""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from email import message_from_bytes
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.db import OperationalError, connection, transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from portal.mail import send_portal_mail
from portal.models import OutgoingMail
from portal.tasks import deliver_due_mails
from tests.reference import ensure_reference_data

ROOT = Path(__file__).resolve().parent.parent
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
PASSWORD = "Zeer-geheim-wachtwoord-42"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    """An aiosmtpd handler that keeps what it accepted; it can hang on the next message."""

    def __init__(self):
        self.messages = []
        self.hang_next = False
        self.hanging = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if self.hang_next:
            self.hang_next = False
            self.hanging.set()
            # Hold the client before the final reply, as a slow server would; a message is
            # only the server's once it answered 250, so a client that went away meanwhile
            # delivered nothing.
            while not self.release.is_set():
                if session.transport is None or session.transport.is_closing():
                    return "451 client gone"
                await asyncio.sleep(0.05)
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def message_ids(self) -> list[str]:
        return [m["Message-ID"] for m in self.messages]


class SMTPServer:
    def __init__(self):
        self.port = free_port()
        self.mailbox = Mailbox()
        self.controller = None

    def start(self):
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.mailbox.release.set()
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp():
    server = SMTPServer()
    yield server
    server.stop()


@pytest.fixture
def queue(transactional_db, settings):
    """The database queue, as in development and production, with committed data."""
    settings.TASKS = DATABASE_QUEUE
    # A transactional test starts from whatever the previous one flushed.
    ensure_reference_data()


def process_env(smtp_port: int) -> dict[str, str]:
    db = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DATABASE_URL=(
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        ),
        TASKS_BACKEND="database",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_TIMEOUT="10",
        DEBUG="1",
    )
    return env


WORKER = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]


def run_worker(smtp_port: int) -> str:
    """One worker that does what is queued and stops, as `db_worker --batch` does."""
    result = subprocess.run(
        [*WORKER, "--batch", "--interval", "0"],
        cwd=ROOT,
        env=process_env(smtp_port),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def sweep(smtp_port: int) -> str:
    """What the scheduler does every minute: queue the sweep of due mail; a worker runs it."""
    deliver_due_mails.enqueue()
    return run_worker(smtp_port)


def register(client, email="anna@example.org"):
    return client.post(
        reverse("netwerk:register"),
        {
            "name": "Anna de Vries",
            "email": email,
            "province": "utrecht",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def make_due(mail: OutgoingMail) -> None:
    """Let the back-off pass (the clock is the database's, so move the row, not the clock)."""
    OutgoingMail.objects.filter(pk=mail.pk).update(next_attempt_at=mail.created_at)


def test_smtp_down_the_registration_succeeds_and_the_mail_arrives_once_when_it_is_back(
    queue, client, smtp
):
    # SMTP is down: nothing listens on its port.
    response = register(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("netwerk:register_done")
    [mail] = OutgoingMail.objects.all()
    assert (mail.status, mail.to, mail.attempts) == ("pending", "anna@example.org", 0)
    assert DBTaskResult.objects.ready().count() == 1  # its delivery, queued with the action

    run_worker(smtp.port)
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == ("pending", 1)
    assert "Connection refused" in mail.last_error or "Errno" in mail.last_error
    assert mail.next_attempt_at > mail.created_at  # waits before the next attempt

    # Before its time a sweep leaves it alone, even with SMTP back.
    smtp.start()
    sweep(smtp.port)
    assert smtp.mailbox.messages == []

    make_due(mail)
    sweep(smtp.port)
    [message] = smtp.mailbox.messages
    assert message["To"] == "anna@example.org"
    assert "Bevestig uw aanmelding" in message["Subject"]
    assert message["Message-ID"] == mail.message_id
    mail.refresh_from_db()
    assert (mail.status, mail.attempts) == ("sent", 2)

    # The confirmation link in the mail that came late still works.
    body = message.get_payload(decode=True).decode()
    link = next(word for word in body.split() if "/bevestigen/" in word)
    assert client.get(link[link.index("/netwerk/") :]).status_code == 302
    assert get_user_model().objects.get(email="anna@example.org").is_active

    # More sweeps and workers send nothing again.
    make_due(mail)
    sweep(smtp.port)
    assert len(smtp.mailbox.messages) == 1


def wait_until_unlocked(mail: OutgoingMail, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with transaction.atomic():
                OutgoingMail.objects.select_for_update(nowait=True).get(pk=mail.pk)
            return
        except OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_a_worker_killed_mid_send_leaves_the_mail_queued_and_it_arrives_exactly_once(queue, smtp):
    smtp.start()
    smtp.mailbox.hang_next = True
    mail = send_portal_mail(subject="Welkom", body="Hallo", to="bert@example.org")
    worker = subprocess.Popen(
        [*WORKER, "--interval", "0.2"],
        cwd=ROOT,
        env=process_env(smtp.port),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert smtp.mailbox.hanging.wait(60), "the worker never reached the SMTP server"
        # Mid-send: the worker holds the row and waits for the server's answer. Kill it hard.
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    smtp.mailbox.release.set()

    # PostgreSQL rolled the dead worker's transaction back: the mail is still to be sent.
    wait_until_unlocked(mail)
    mail.refresh_from_db()
    assert (mail.status, mail.attempts, mail.sent_at) == ("pending", 0, None)
    assert smtp.mailbox.messages == []
    # django-tasks-db does not take a dead worker's task back: it stays "running" for ever,
    # which is why the outbox, not the task, is what the sweep goes by.
    assert DBTaskResult.objects.get().status == "RUNNING"

    sweep(smtp.port)  # a new worker, as after a restart, with the scheduler's sweep
    assert smtp.mailbox.message_ids() == [mail.message_id]
    mail.refresh_from_db()
    assert mail.status == "sent"
    sweep(smtp.port)
    assert smtp.mailbox.message_ids() == [mail.message_id]


def test_two_workers_side_by_side_send_every_mail_once(queue, smtp):
    smtp.start()
    mails = [
        send_portal_mail(subject=f"Bericht {i}", body="Hallo", to="c@example.org")
        for i in range(12)
    ]
    workers = [
        subprocess.Popen(
            [*WORKER, "--batch", "--interval", "0"],
            cwd=ROOT,
            env=process_env(smtp.port),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    # Both also sweep everything that is due, competing with the mails' own tasks.
    for _ in range(2):
        deliver_due_mails.enqueue()
    for worker in workers:
        assert worker.wait(120) == 0
    run_worker(smtp.port)
    assert sorted(smtp.mailbox.message_ids()) == sorted(m.message_id for m in mails)
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {"sent"}


def test_a_rolled_back_action_queues_and_sends_nothing(queue, smtp):
    smtp.start()
    with pytest.raises(RuntimeError), transaction.atomic():
        send_portal_mail(subject="Welkom", body="Hallo", to="dirk@example.org")
        raise RuntimeError("the action failed after its mail was queued")
    assert not OutgoingMail.objects.exists()
    assert not DBTaskResult.objects.exists()
    run_worker(smtp.port)
    assert smtp.mailbox.messages == []


def wait_for(url: str, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def processes_with(marker: str) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if marker.encode() in (proc / "environ").read_bytes():
                    found.append(int(proc.name))
            except OSError:
                continue
    return found


def test_make_run_serves_the_site_and_its_worker_sends_queued_mail(queue, smtp):
    """scripts/run-dev.sh is what `make run` starts after migrating and loading demo content."""
    smtp.start()
    port = free_port()
    marker = f"RUN_DEV_TEST_{port}"
    env = {**process_env(smtp.port), marker: "1"}
    env.pop("TASKS_BACKEND")  # the script's own default
    script = subprocess.Popen(
        ["bash", "scripts/run-dev.sh", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(f"http://127.0.0.1:{port}/", 60) == 200
        mail = send_portal_mail(subject="Via de worker", body="Hallo", to="eva@example.org")
        deadline = time.monotonic() + 30
        while not smtp.mailbox.messages and time.monotonic() < deadline:
            time.sleep(0.2)
        assert smtp.mailbox.message_ids() == [mail.message_id]
        assert len(processes_with(marker)) >= 4  # the script, web server, worker, scheduler
        # Ctrl-C stops the web server, the worker and the scheduler with it.
        script.send_signal(signal.SIGINT)
        output, _ = script.communicate(timeout=30)
    finally:
        if script.poll() is None:
            script.kill()
            script.communicate()
    assert script.returncode == 0, output
    assert "Starting scheduler" in output and "Starting worker" in output
    deadline = time.monotonic() + 10
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_with(marker) == [], output
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
