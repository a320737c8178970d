"""Fetched pages decode to the right text even when the charset is wrong or
only declared inside the document."""

from __future__ import annotations

from factwatch.core.settings import Politeness, Safety
from factwatch.scraper.fetch import Fetcher

TEXT = "“Naïve” voters – the café’s résumé cost £5."


def fetched(site, path: str) -> str:
    politeness = Politeness(per_host_delay=0.0, retries=0, obey_robots=False)
    with Fetcher(politeness, Safety(allow_loopback=True)) as fetcher:
        result = fetcher.fetch(site.url(path))
    assert result.ok, result.error
    return result.text()


def test_declared_utf8_but_sent_as_cp1252_is_recovered(site):
    page = f"<html><head><title>Café</title></head><body><p>{TEXT}</p></body></html>"
    site.route("/p", page.encode("cp1252"), content_type="text/html; charset=utf-8")
    assert TEXT in fetched(site, "/p")


def test_charset_only_in_a_meta_tag_is_used(site):
    page = f'<html><head><meta charset="windows-1252"></head><body><p>{TEXT}</p></body></html>'
    site.route("/p", page.encode("cp1252"), content_type="text/html")
    assert TEXT in fetched(site, "/p")


def test_iso_8859_1_label_decodes_as_windows_1252(site):
    page = f"<html><body><p>{TEXT}</p></body></html>"
    site.route("/p", page.encode("cp1252"), content_type="text/html; charset=iso-8859-1")
    assert TEXT in fetched(site, "/p")


def test_correct_utf8_is_decoded_as_utf8(site):
    page = f"<html><body><p>{TEXT} Ελλάδα</p></body></html>"
    site.route("/p", page.encode("utf-8"), content_type="text/html; charset=utf-8")
    assert f"{TEXT} Ελλάδα" in fetched(site, "/p")


def test_undeclared_cyrillic_is_detected(site):
    sentence = "Выборы в Великобритании прошли спокойно, явка была высокой."
    site.route("/p", f"<p>{sentence}</p>".encode("cp1251"), content_type="text/html")
    assert sentence in fetched(site, "/p")
