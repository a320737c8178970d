"""Tell someone when a pass flags new findings: a webhook POST and/or an email.

Both channels are configured in config.toml (``[alerts.webhook]``,
``[alerts.email]``); an empty ``url`` / ``host`` turns a channel off.  Each
send is retried with exponential backoff.  Sending happens on a background
thread so a slow or dead receiver never holds up a pass: the runner waits a
bounded time at the end and logs whatever did not get through.

The webhook body is JSON:

    {"run_id": 12,
     "new_findings": [{"id", "kind", "quote", "explanation", "article_url", "outlet", "title"}],
     "counts": {"new_findings": 1, "fetched": 40, "stored": 9, "failed": 0}}
"""

from __future__ import annotations

import json
import logging
import smtplib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import requests
import sqlite_utils

from factwatch.core.settings import Alerts, Email, Webhook

log = logging.getLogger("factwatch.jobs.alerts")

FINDING_KEYS = ("id", "kind", "quote", "explanation", "article_url", "outlet", "title")


@dataclass
class Delivery:
    """What happened to one channel's alert."""

    channel: str  # webhook | email
    ok: bool = False
    attempts: int = 0
    error: str | None = None


def describe_findings(db: sqlite_utils.Database, rows: list[dict[str, Any]]) -> list[dict]:
    """Finding rows with their article's URL, outlet and title, trimmed to FINDING_KEYS."""
    out = []
    for row in rows:
        art = db.execute(
            "SELECT url, outlet, title FROM articles WHERE id = ?", [row.get("article_id")]
        ).fetchone()
        url, outlet, title = art if art else (None, None, None)
        full = {**row, "article_url": url, "outlet": outlet, "title": title}
        out.append({k: full.get(k) for k in FINDING_KEYS})
    return out


def build_payload(run_id: int | None, findings: list[dict], counts: dict[str, int]) -> dict:
    return {
        "run_id": run_id,
        "new_findings": findings,
        "counts": {"new_findings": len(findings), **counts},
    }


def email_text(payload: dict) -> tuple[str, str]:
    """Subject and plain-text body listing the findings."""
    findings = payload["new_findings"]
    n = len(findings)
    subject = f"factwatch: {n} new finding{'s' if n != 1 else ''} (run {payload['run_id']})"
    lines = [f"Run {payload['run_id']} flagged {n} new finding{'s' if n != 1 else ''}.", ""]
    for i, f in enumerate(findings, 1):
        lines += [
            f"{i}. [{f.get('kind')}] {f.get('title') or '(untitled)'} - {f.get('outlet') or ''}",
            f"   {f.get('article_url') or ''}",
            f'   Quote: "{f.get("quote") or ""}"',
            f"   Why: {f.get('explanation') or ''}",
            f"   Review: factwatch show {f.get('id')}",
            "",
        ]
    counts = payload.get("counts", {})
    lines.append("Counts: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return subject, "\n".join(lines) + "\n"


def _retry(
    channel: str,
    attempts: int,
    backoff: float,
    send: Callable[[], None],
    stop: threading.Event | None = None,
) -> Delivery:
    result = Delivery(channel)
    for attempt in range(1, attempts + 1):
        result.attempts = attempt
        try:
            send()
        except Exception as exc:  # any failure of the receiver is logged, never raised
            result.error = f"{type(exc).__name__}: {exc}"
            log.warning(
                "%s alert attempt %d/%d failed: %s", channel, attempt, attempts, result.error
            )
            if attempt < attempts:
                wait = backoff * 2 ** (attempt - 1)
                if stop is not None and stop.wait(wait):
                    break
                if stop is None:
                    time.sleep(wait)
            continue
        result.ok, result.error = True, None
        return result
    return result


def send_webhook(
    webhook: Webhook, payload: dict, *, backoff: float = 1.0, stop: threading.Event | None = None
) -> Delivery:
    """POST the payload as JSON; any 2xx is success, anything else is retried."""

    def post() -> None:
        resp = requests.post(
            webhook.url,
            data=json.dumps(payload).encode("utf-8"),
            headers={"Content-Type": "application/json", "User-Agent": "factwatch-alerts"},
            timeout=webhook.timeout,
            allow_redirects=False,
        )
        if not 200 <= resp.status_code < 300:
            raise RuntimeError(f"{webhook.url} answered HTTP {resp.status_code}")

    return _retry("webhook", webhook.retries + 1, backoff, post, stop)


def send_email(
    email: Email, payload: dict, *, backoff: float = 1.0, stop: threading.Event | None = None
) -> Delivery:
    """Send the plain-text alert through the configured SMTP server."""
    subject, body = email_text(payload)
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = email.sender or "factwatch@localhost"
    msg["To"] = ", ".join(email.to)
    msg.set_content(body)

    def deliver() -> None:
        with smtplib.SMTP(email.host, email.port, timeout=email.timeout) as smtp:
            if email.starttls:
                smtp.starttls()
            if email.username:
                smtp.login(email.username, email.password)
            smtp.send_message(msg)

    return _retry("email", email.retries + 1, backoff, deliver, stop)


@dataclass
class Alerter:
    """Sends one alert on every configured channel, on a background thread."""

    alerts: Alerts
    backoff: float = 1.0
    deliveries: list[Delivery] = field(default_factory=list)
    _thread: threading.Thread | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    @property
    def enabled(self) -> bool:
        return bool(self.alerts.webhook.url or (self.alerts.email.host and self.alerts.email.to))

    def dispatch(self, payload: dict) -> None:
        if not self.enabled:
            return
        self._thread = threading.Thread(
            target=self._send, args=(payload,), name="factwatch-alerts", daemon=True
        )
        self._thread.start()

    def _send(self, payload: dict) -> None:
        if self.alerts.webhook.url:
            self.deliveries.append(
                send_webhook(self.alerts.webhook, payload, backoff=self.backoff, stop=self._stop)
            )
        if self.alerts.email.host and self.alerts.email.to:
            self.deliveries.append(
                send_email(self.alerts.email, payload, backoff=self.backoff, stop=self._stop)
            )

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds; True if every channel finished (ok or not).
        Unfinished sends are abandoned (their retries stop) and logged."""
        if self._thread is None:
            return True
        self._thread.join(timeout)
        if self._thread.is_alive():
            self._stop.set()
            log.warning("alerts still sending after %.0fs; giving up on them", timeout)
            return False
        for d in self.deliveries:
            if not d.ok:
                log.warning(
                    "%s alert not delivered after %d attempts: %s", d.channel, d.attempts, d.error
                )
        return True


def send_alerts(
    alerts: Alerts, payload: dict, *, wait: float = 30.0, backoff: float = 1.0
) -> list[Delivery]:
    """Send ``payload`` on every configured channel, waiting at most ``wait`` seconds."""
    alerter = Alerter(alerts, backoff=backoff)
    alerter.dispatch(payload)
    alerter.wait(wait)
    return list(alerter.deliveries)
