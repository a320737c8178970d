"""Package data is read through importlib.resources, so an installed wheel works
anywhere (scripts/check-wheel installs one outside the checkout and runs it)."""

from __future__ import annotations

import ast

from importgraph import modules

from factwatch.core.resources import as_path, text


def test_no_module_finds_its_data_through___file__():
    users = []
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(n, ast.Name) and n.id == "__file__" for n in ast.walk(tree)):
            users.append(name)
    assert users == []


def test_bundled_facts_file_is_a_real_path():
    from factwatch.core.settings import BUNDLED_FACTS

    assert BUNDLED_FACTS.is_file()
    assert BUNDLED_FACTS == as_path("factwatch", "facts", "unite-2017.toml")


def test_text_reads_a_bundled_file():
    assert "[[patterns]]" in text("factwatch.scraper", "boilerplate.toml")


def test_every_bundled_template_loads():
    from factwatch.rebuttals.templates import FORMATS, TemplateSet

    templates = TemplateSet()
    for fmt in FORMATS:
        source, path = templates.source(fmt)
        assert source and path.endswith(f"{fmt}.j2")


def test_demo_world_and_expectations_load_from_the_package():
    from factwatch.demo.expected import load_expected
    from factwatch.demo.spec import SITE_DIR, load_world

    world = load_world()
    assert all(outlet.root.is_dir() for outlet in world.outlets)
    assert load_expected().articles
    assert (SITE_DIR / "world.toml").is_file()


def test_rules_and_metadata_load_from_the_package():
    from factwatch.datasette import metadata_for
    from factwatch.rebuttals.corrections import load_notices
    from factwatch.scraper.extract import load_boilerplate

    assert load_boilerplate()
    assert load_notices()[0]
    assert "factwatch-demo" in metadata_for("factwatch-demo.db")["databases"]
