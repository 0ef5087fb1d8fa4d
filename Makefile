# HoneyMesh: `make run` and `make test` set everything up (idempotently) and go.
VENV    := .venv
PY      := $(VENV)/bin/python
DATA    := var
CONFIG  := $(DATA)/honeymesh.toml
IFACE   ?=

.PHONY: run test setup setup-test lint typecheck unit bench fuzz clean

run: setup
	@[ -f $(CONFIG) ] || $(VENV)/bin/honeymesh init --dir $(DATA)
	@echo "make run: starting HoneyMesh with $(CONFIG) (Ctrl-C stops it)"
	@exec $(VENV)/bin/twistd --nodaemon --pidfile= honeymesh --config $(CONFIG) \
		$(foreach i,$(IFACE),--interface $(i))

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

lint: setup-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

typecheck: lint

unit: setup-test
	$(PY) -m pytest

test: lint
	$(PY) -m pytest

bench: setup-test
	@[ -x bench/out/venv-opencanary/bin/twistd ] || $(PY) bench/traps.py --setup
	@for b in bench/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# Coverage-guided fuzzing of the hostile-input parsers (atheris); FUZZ_RUNS inputs per harness.
FUZZ_RUNS ?= 100000
fuzz: setup-test
	@$(VENV)/bin/python -c "import atheris" 2>/dev/null || $(VENV)/bin/pip install -q atheris
	@for f in fuzz/*.py; do echo "== $$f ($(FUZZ_RUNS) inputs)"; \
		$(PY) $$f -runs=$(FUZZ_RUNS) -artifact_prefix=fuzz/ > fuzz/last.log 2>&1; rc=$$?; \
		tail -2 fuzz/last.log; [ $$rc = 0 ] || { echo "$$f failed: see fuzz/last.log"; exit 1; }; \
	done

clean:
	rm -rf $(VENV) build dist *.egg-info
