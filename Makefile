# Two set-up-to-result targets (see README): `make demo` and `make test`.
# Everything else is a building block.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie postgresql fonts-liberation2 fonts-dejavu-core fonts-dejavu-extra poppler-utils \
                libreoffice-calc-nogui libreoffice-writer-nogui chromium
# What the demo needs of them: OCR for the photographed form in corpus/.
DEMO_APT_PACKAGES := tesseract-ocr tesseract-ocr-vie
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test setup system-packages demo-packages venv bench corpus clean-demo

## Set up and run the nightly job on the bundled corpus/ (SQLite store, local folders under demo/),
## with the expected units of examples/units.csv (who has submitted). The run ends with a summary in Vietnamese.
demo: demo-packages venv
	rm -rf demo && mkdir -p demo && cp -r corpus demo/inbox
	$(VENV)/bin/pipeline run --inbox demo/inbox --data demo/data --out demo/out --units examples/units.csv \
	  2>demo/run.log; status=$$?; echo "pipeline run exit status: $$status (0 = all good; log: demo/run.log)"; \
	  ls demo/out; exit $$status

## Set up everything (system packages, venv, a throwaway PostgreSQL) and run the test suite.
test: system-packages venv
	bash .ci/test.sh

setup: system-packages venv

system-packages demo-packages: PACKAGES = $(if $(filter demo-packages,$@),$(DEMO_APT_PACKAGES),$(APT_PACKAGES))
system-packages demo-packages:
	@if command -v apt-get >/dev/null 2>&1; then \
	  missing=$$(for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	  fi; \
	else echo "no apt-get: install Tesseract (vie), PostgreSQL and LibreOffice yourself; tests needing them are skipped"; fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,build,cluster]'
	touch $@

## Throughput, rerun time and peak memory (figures in README).
bench: venv
	$(VENV)/bin/pipeline bench

## Rebuild corpus/ from the seeds and dev forms (needs fonts-liberation or fonts-dejavu).
corpus: venv
	$(PY) tools/build_corpus.py

clean-demo:
	rm -rf demo
