# make run   - start the dashboard (creates .venv and installs requirements.txt when needed)
# make test  - run all tests in two processes (PYTEST_WORKERS=2, one per core; 0 runs them in this process), a test
#              file per process at a time, so that a file's browser servers start once (about 14 min on 2 cores);
#              extra pytest arguments via PYTEST_ARGS, e.g. make test PYTEST_ARGS="-m e2e -x"
#              (the database tests use the PostgreSQL server on 127.0.0.1:5432, or PINGAN_TEST_DATABASE_ADMIN_URL)
# make db-load DATABASE_URL=postgresql+psycopg://user@host/db [DATA=folder]
#            - check a data folder (default: the bundled demo) and load it into the database as its county's data
VENV := .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=
PYTEST_WORKERS ?= 2
DATABASE_URL ?=
DATA ?= data

.PHONY: run test db-load

run: $(VENV)/.installed-run
	scripts/ensure_chromium_and_fonts.sh --or-warn  # chromium + CJK font for chart PNGs and briefing PDFs
	$(VENV)/bin/streamlit run app.py

db-load: $(VENV)/.installed-run
	$(PY) -m lib.data.db load $(if $(DATABASE_URL),--url "$(DATABASE_URL)") "$(DATA)"

test: $(VENV)/.installed-dev
	scripts/ensure_chromium_and_fonts.sh --with-office --with-nginx  # + LibreOffice, pdftoppm (slides and pages to PNG), nginx (replicas)
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# Debian's python3 can only make a venv once python3-venv is installed: install it if that is what failed.
$(PY):
	python3 -m venv $(VENV) || { rm -rf $(VENV); echo "python3 -m venv failed; installing python3-venv" >&2; \
	  $(if $(filter 0,$(shell id -u)),,sudo) sh -c 'apt-get update && apt-get install -y python3-venv' && python3 -m venv $(VENV); }

# The stamp files re-run pip only when a requirements file is newer than the last install.
$(VENV)/.installed-run: requirements.txt | $(PY)
	$(PY) -m pip install -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt | $(PY)
	$(PY) -m pip install -r requirements-dev.txt
	touch $@
