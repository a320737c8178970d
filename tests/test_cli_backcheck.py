"""`factwatch backcheck` on the command line, and its progress in `factwatch status`."""

from __future__ import annotations

from archivekit import demo_warc
from builders import invoke


def test_backcheck_prints_findings_and_status_shows_its_progress(tmp_path):
    demo_warc(tmp_path / "past.warc.gz")
    config = tmp_path / "config.toml"
    config.write_text(
        '[politeness]\nper_host_delay = 0.0\n\n[[sources]]\nname = "past"\nkind = "warc"\n'
        'url = "past.warc.gz"\n',
        encoding="utf-8",
    )
    db_path = tmp_path / "bc.db"
    result = invoke(db_path, "backcheck", "--workers", "1", config=config)
    assert result.exit_code == 0, result.output
    assert "1 shards done" in result.output and "new findings:" in result.output
    status = invoke(db_path, "status", config=config)
    assert "Back-check 1 (ok, local, 1 workers" in status.output
    assert "records 18" in status.output


def test_backcheck_without_archive_sources_says_what_to_add(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    result = invoke(tmp_path / "bc.db", "backcheck", config=config)
    assert result.exit_code == 2
    assert "no archive sources" in result.output
