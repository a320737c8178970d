# One place for set-up: every target creates the virtualenv and installs what it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test check browser bench wheel clean

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

# The bundled demo: four fictional outlets served on 127.0.0.1, no internet needed.
demo: install
	$(BIN)/factwatch demo

# Debian's Chromium for the browser test (tests skip it, saying why, when it is absent).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "could not install chromium: the browser test will be skipped"; \
	else echo "chromium missing (install Debian's chromium package): the browser test will be skipped"; fi

test: install browser
	$(BIN)/pytest -q

# Every static check in one command: formatting, lint, types.
check: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy -p factwatch

# Build the wheel, install it in a fresh virtualenv outside the checkout, run it there.
wheel: install
	scripts/check-wheel

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist *.egg-info
