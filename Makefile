# Framing Digest. `make site` builds the site; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    := $(if $(FULL_TEXT),private-site,site)
BUILD_FLAGS := $(if $(FULL_TEXT),--full-text,)
PORT   ?= 8000

.PHONY: site test serve clean bundle bench check

site: $(VENV)/.installed
	$(BIN)/digest build --content content --out $(OUT) $(BUILD_FLAGS)

check: $(VENV)/.installed
	$(BIN)/digest check --content content

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

serve: site
	@echo "Serving $(OUT)/ at http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory $(OUT) $(PORT)

clean:
	@# the build cache of content/ lives in the user's cache folder (see README): removed with everything else
	-[ -x $(BIN)/python ] && $(BIN)/python -c 'import shutil, pathlib; from generator.store import default_cache_dir; shutil.rmtree(default_cache_dir(pathlib.Path("content")), ignore_errors=True)'
	rm -rf site private-site dist .cache .pytest_cache site.tmp-* site.old-* private-site.tmp-* private-site.old-*
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +

bundle: site
	$(BIN)/python scripts/bundle.py --site $(OUT) --content content --out dist

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench.py --sizes 1000,10000 --repeats 3
