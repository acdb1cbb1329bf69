# Tixi: `make demo` sets everything up and serves the demo region; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: demo test lint format bench setup assets browser clean messages

demo: setup
	$(BIN)/tixi demo

setup: $(BIN)/tixi assets

$(BIN)/tixi: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/tixi

assets: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests and Noto CJK for report charts (installed when missing and we are root).
browser:
	@{ command -v chromium >/dev/null 2>&1 && [ -d /usr/share/fonts/opentype/noto ]; } || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; } || echo "chromium or fonts-noto-cjk missing: browser tests will be skipped, charts without CJK glyphs"

lint: setup
	$(BIN)/ruff check tixi tests scripts
	$(BIN)/ruff format --check tixi tests scripts
	$(BIN)/lint-imports

test: setup browser lint
	$(BIN)/pytest -n 2 --create-db

format: setup
	$(BIN)/ruff format tixi tests
	$(BIN)/ruff check --fix tixi tests

bench: setup
	$(BIN)/tixi bench registry
	$(BIN)/tixi bench indicators
	$(BIN)/tixi bench import

clean:
	rm -rf $(VENV) node_modules var

# Extract translatable strings, fill Chinese from scripts/zh_hans.py, compile (needs GNU gettext).
# Needs only the venv's Django: made when missing, never re-made because pyproject.toml is newer (a
# fresh checkout or a git worktree sharing a linked venv would reinstall it over another tree's; an
# order-only prerequisite would still be brought up to date, so the venv is tested, not depended on).
messages:
	test -x $(BIN)/django-admin || $(MAKE) $(BIN)/tixi
	cd tixi && ../$(BIN)/django-admin makemessages --no-wrap -l zh_Hans --settings=tixi.settings --pythonpath=..
	$(BIN)/python scripts/zh_hans.py tixi/locale/zh_Hans/LC_MESSAGES/django.po
	cd tixi && ../$(BIN)/django-admin compilemessages --settings=tixi.settings --pythonpath=..
