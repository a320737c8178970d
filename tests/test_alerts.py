"""Alerts on new findings: a webhook POST and an email, retried, never blocking."""

from __future__ import annotations

import json
import socket

import pytest
from aiosmtpd.controller import Controller
from localserver import Response

from factwatch.core.settings import Alerts, Email, Webhook
from factwatch.jobs.alerts import Alerter, build_payload, describe_findings, send_alerts

FINDING = {
    "id": "f1",
    "kind": "framing",
    "quote": "Unite's leader lost the election",
    "explanation": "The recorded result says otherwise.",
    "article_url": "http://news.example/a",
    "outlet": "Northern Courier",
    "title": "Union vote row",
}
PAYLOAD = build_payload(7, [FINDING], {"fetched": 3, "stored": 2, "failed": 0})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def webhook_alerts(site, **kw) -> Alerts:
    return Alerts(webhook=Webhook(url=site.url("/hook"), **kw))


def test_webhook_receives_the_findings_as_json(site):
    site.route("/hook", body=b"ok")
    (delivery,) = send_alerts(webhook_alerts(site), PAYLOAD, wait=10)
    assert delivery.ok
    (req,) = site.hits("/hook")
    assert req.method == "POST"
    assert req.headers["Content-Type"] == "application/json"
    body = json.loads(req.headers["_body"])
    assert body["run_id"] == 7
    assert body["new_findings"] == [FINDING]
    assert body["counts"]["new_findings"] == 1


def test_webhook_that_fails_twice_is_retried_until_it_succeeds(site):
    site.route("/hook", responses=[Response(status=500), Response(status=503), Response()])
    (delivery,) = send_alerts(webhook_alerts(site, retries=3), PAYLOAD, wait=10, backoff=0.01)
    assert (delivery.ok, delivery.attempts) == (True, 3)
    assert len(site.hits("/hook")) == 3


def test_webhook_that_keeps_failing_is_given_up_and_reported(site):
    site.route("/hook", responses=[Response(status=500)])
    (delivery,) = send_alerts(webhook_alerts(site, retries=2), PAYLOAD, wait=10, backoff=0.01)
    assert (delivery.ok, delivery.attempts) == (False, 3)
    assert "HTTP 500" in delivery.error


def test_a_hanging_webhook_does_not_hold_the_caller_past_its_wait(site):
    site.route("/hook", responses=[Response(delay=5.0)])
    alerter = Alerter(webhook_alerts(site, timeout=30))
    alerter.dispatch(PAYLOAD)
    assert alerter.wait(0.3) is False
    assert alerter.deliveries == []


def test_email_lists_the_findings(smtp):
    controller, inbox = smtp
    alerts = Alerts(
        email=Email(
            host="127.0.0.1", port=controller.port, sender="fw@example.org", to=["desk@example.org"]
        )
    )
    (delivery,) = send_alerts(alerts, PAYLOAD, wait=10)
    assert delivery.ok
    (envelope,) = inbox.messages
    assert envelope.rcpt_tos == ["desk@example.org"]
    text = envelope.content.decode()
    assert "Subject: factwatch: 1 new finding (run 7)" in text
    assert "Unite's leader lost the election" in text
    assert "http://news.example/a" in text


def test_email_to_a_dead_server_is_retried_then_reported_without_raising():
    alerts = Alerts(
        email=Email(host="127.0.0.1", port=free_port(), to=["a@example.org"], retries=1, timeout=2)
    )
    (delivery,) = send_alerts(alerts, PAYLOAD, wait=10, backoff=0.01)
    assert (delivery.ok, delivery.attempts) == (False, 2)
    assert "Connection" in delivery.error or "refused" in delivery.error


def test_no_channel_configured_sends_nothing():
    assert send_alerts(Alerts(), PAYLOAD, wait=1) == []


def test_findings_are_described_with_their_article(db):
    article_id = (
        db["articles"]
        .insert(
            {
                "url": "http://news.example/a",
                "content_hash": "h",
                "outlet": "Northern Courier",
                "title": "Union vote row",
            }
        )
        .last_pk
    )
    row = {
        **{k: FINDING[k] for k in ("id", "kind", "quote", "explanation")},
        "article_id": article_id,
        "rule_id": "r",
        "status": "suggested",
    }
    assert describe_findings(db, [row]) == [FINDING]
