# HoneyMesh: `make run` and `make test` set everything up (idempotently) and go.
VENV    := .venv
PY      := $(VENV)/bin/python
DATA    := var
CONFIG  := $(DATA)/honeymesh.toml
IFACE   ?=

.PHONY: run test setup setup-test lint typecheck unit bench fuzz deb image lab clean

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
	@scripts/test.sh

test: lint
	@scripts/test.sh

bench: setup-test
	@[ -x bench/out/venv-opencanary/bin/twistd ] || $(PY) bench/traps.py --setup
	@failed=""; for b in bench/[!_]*.py; do echo "== $$b"; $(PY) $$b || failed="$$failed $$b"; done; \
	if [ -n "$$failed" ]; then echo "make bench: failed:$$failed"; exit 1; fi

# Coverage-guided fuzzing of the hostile-input parsers (atheris; docs/FUZZING.md). Each harness
# runs until FUZZ_RUNS inputs or FUZZ_SECONDS seconds (libFuzzer's -runs, -max_total_time),
# whichever comes first, and stops the loop at its first failure. FUZZ=name runs only fuzz/name.py.
# Logs, the growing corpus and any failing input (crash-*, timeout-*) go to fuzz/out/ (not in git):
#   make fuzz FUZZ_RUNS=1000000 FUZZ_SECONDS=3600 FUZZ=config
FUZZ_RUNS    ?= 100000
FUZZ_SECONDS ?= 600
FUZZ         ?= $(sort $(basename $(notdir $(wildcard fuzz/[a-z]*.py))))
FUZZ_OUT     := fuzz/out
fuzz: setup-test
	@for h in $(FUZZ); do \
		echo "== fuzz/$$h.py: $(FUZZ_RUNS) inputs or $(FUZZ_SECONDS) s; log $(FUZZ_OUT)/$$h.log"; \
		mkdir -p $(FUZZ_OUT)/corpus/$$h; \
		$(PY) fuzz/$$h.py -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) -timeout=60 \
			-artifact_prefix=$(FUZZ_OUT)/$$h- $(FUZZ_OUT)/corpus/$$h > $(FUZZ_OUT)/$$h.log 2>&1; \
		rc=$$?; grep -E '^#[0-9]+[[:space:]]+DONE|^Done' $(FUZZ_OUT)/$$h.log; \
		[ $$rc = 0 ] || { tail -25 $(FUZZ_OUT)/$$h.log; echo "fuzz/$$h.py failed (status $$rc)"; exit 1; }; \
	done

# The appliance as operators deploy it (docs/DEPLOY.md); both need root. `make deb` rebuilds
# only when a file that goes into the package changed; `make image` keeps its Debian base
# (debootstrap, about 5 minutes, once) in dist/cache/ and builds from it in about 2 minutes.
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' honeymesh/__init__.py)
DEB     := dist/honeymesh_$(VERSION)_amd64.deb
IMAGE   := dist/honeymesh-$(VERSION)-bookworm-amd64.tar.gz
DEB_SRC := $(shell git ls-files -co --exclude-standard honeymesh twisted bpf static packaging) \
	setup.cfg pyproject.toml README.md docs/DEPLOY.md scripts/build-deb.sh
deb: $(DEB)
$(DEB): $(DEB_SRC)
	scripts/build-deb.sh dist

image: $(IMAGE)
$(IMAGE): $(DEB) scripts/build-image.sh
	scripts/build-image.sh $(DEB) dist

# The guided lab (scripts/lab.py): three nodes in a mesh and an attacker with real tools, in
# network namespaces; stays up until Ctrl-C (LAB_ARGS=--once: run, check, tear down).
LAB_ARGS ?=
lab: setup-test
	@.venv/bin/python scripts/lab.py $(LAB_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info
