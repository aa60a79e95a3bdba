# ACSG Desktop: every command a developer runs. `make help` lists them.
PYTHON ?= python3
VENV := .venv
CORE_VENV := .venv-core
BIN := $(VENV)/bin
CORE_BIN := $(CORE_VENV)/bin
LANGS := fr es
PO := $(foreach lang,$(LANGS),translations/$(lang)/LC_MESSAGES/acsg.po)
MO := $(PO:.po=.mo)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help run test lint test-gui test-core i18n i18n-check catalogs screenshots bundle bundle-test bench clean \
	crash-test crash-test-short

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements/runtime.txt requirements/dev.txt requirements/gui-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements/runtime.txt -r requirements/dev.txt -r requirements/gui-dev.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(CORE_BIN)/.installed: requirements/core.txt requirements/dev.txt pyproject.toml
	test -x $(CORE_BIN)/python || $(PYTHON) -m venv $(CORE_VENV)
	$(CORE_BIN)/pip install -q -r requirements/core.txt -r requirements/dev.txt
	$(CORE_BIN)/pip install -q --no-deps -e .
	touch $@

translations/%/LC_MESSAGES/acsg.mo: translations/%/LC_MESSAGES/acsg.po $(BIN)/.installed
	$(BIN)/pybabel compile -D acsg -d translations -l $*

catalogs: $(MO) ## Compile the translation catalogs

run: $(BIN)/.installed catalogs ## Create .venv from the pins if missing, then start the app
	@tools/sysdeps.sh run
	$(BIN)/acsg-desktop $(ARGS)

lint: $(BIN)/.installed ## Ruff, mypy (strict on the core) and the import contracts
	$(BIN)/ruff check acsg_desktop tests tools
	$(BIN)/ruff format --check acsg_desktop tests tools
	$(BIN)/mypy
	$(BIN)/lint-imports

EXTRACT = $(BIN)/pybabel extract -F translations/babel.cfg -k _ -k N_ -k ngettext:1,2 \
	-k pgettext:1c,2 --project="ACSG Desktop" --no-location --sort-output

i18n: $(BIN)/.installed ## Extract messages, update and compile the catalogs
	$(EXTRACT) -o translations/acsg.pot acsg_desktop
	for lang in $(LANGS); do $(BIN)/pybabel update -D acsg -i translations/acsg.pot -d translations -l $$lang --no-fuzzy-matching --ignore-obsolete || exit 1; done
	$(MAKE) catalogs i18n-check

i18n-check: $(BIN)/.installed ## Fail on missing, fuzzy or badly formed French or Spanish, or a stale acsg.pot
	@mkdir -p build && $(EXTRACT) -o build/acsg.pot acsg_desktop >/dev/null 2>&1
	$(BIN)/python tools/pot_is_current.py build/acsg.pot translations/acsg.pot
	@for po in $(PO); do \
		msgfmt --check -o /dev/null $$po || exit 1; \
		! grep -n '^#, fuzzy' $$po || { echo "fuzzy messages in $$po" >&2; exit 1; }; \
		test "$$(msgattrib --untranslated $$po | grep -c '^msgid')" -le 0 || \
			{ msgattrib --untranslated $$po >&2; echo "untranslated messages in $$po" >&2; exit 1; }; \
	done

test-gui: $(BIN)/.installed catalogs
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -p no:cacheprovider

test-core: $(CORE_BIN)/.installed catalogs ## Core and CLI tests in an environment without PySide6
	$(CORE_BIN)/python -c "import importlib.util as u; assert u.find_spec('PySide6') is None"
	$(CORE_BIN)/pytest -q -p no:cacheprovider tests/core tests/cli

test: ## Lint, translations, every test offscreen (and the core without Qt), a 50-kill crash run
	@tools/sysdeps.sh test
	$(MAKE) lint i18n-check test-gui test-core crash-test-short

CRASH_KILLS ?= 1000
crash-test: $(BIN)/.installed catalogs ## SIGKILL saving, export, backup, guide import at random (CRASH_KILLS=1000)
	$(BIN)/python tools/crash_test.py --kills $(CRASH_KILLS) --other-kills 20

crash-test-short: $(BIN)/.installed catalogs
	$(BIN)/python tools/crash_test.py --kills 50 --other-kills 5

screenshots: $(BIN)/.installed catalogs ## PNGs of every main screen, EN, FR and ES, in build/screenshots/
	@if command -v xvfb-run >/dev/null; then \
		xvfb-run -a -s "-screen 0 1366x768x24" $(BIN)/python tools/screenshots.py build/screenshots; \
	else QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py build/screenshots; fi

bundle: $(BIN)/.installed catalogs ## PyInstaller onedir in dist/acsg-desktop (acsg, acsg-desktop)
	$(BIN)/pip install -q -r requirements/bundle.txt
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	dist/acsg-desktop/acsg --version
	dist/acsg-desktop/acsg-desktop --version

bundle-test: $(BIN)/.installed ## The built bundle offscreen: main window, demo, export, verify, size
	test -x dist/acsg-desktop/acsg || $(MAKE) bundle
	$(BIN)/pip install -q -r requirements/bundle.txt
	$(BIN)/python tools/bundle_test.py

clean: ## Remove environments and build output
	rm -rf $(VENV) $(CORE_VENV) build dist

bench: $(BIN)/.installed catalogs ## Speed and memory as ratios to floors measured in the same run
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/bench.py
