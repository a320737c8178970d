"""TOML written line by line (core.tomltext) reads back as the same values."""

from __future__ import annotations

import datetime as dt
import tomllib

from hypothesis import given
from hypothesis import strategies as st

from factwatch.core.tomltext import assign, key, value

scalars = st.one_of(
    st.text(),
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.dates(),
    st.floats(allow_nan=False, allow_infinity=False),
)


@given(st.one_of(scalars, st.lists(st.text()), st.dictionaries(st.text(), st.integers())))
def test_a_value_reads_back_unchanged(v):
    assert tomllib.loads(f"x = {value(v)}")["x"] == v


@given(st.text(min_size=1))
def test_any_key_reads_back_unchanged(name):
    assert list(tomllib.loads(f"{key(name)} = 1")) == [name]


def test_a_long_list_is_written_one_item_a_line():
    lines = assign("aliases", ["a long alias for the election"] * 5)
    assert lines[0] == "aliases = [" and lines[-1] == "]" and len(lines) == 7
    assert tomllib.loads("\n".join(lines))["aliases"] == ["a long alias for the election"] * 5


def test_a_date_is_written_as_a_toml_date():
    assert value(dt.date(2024, 4, 2)) == "2024-04-02"
