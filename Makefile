# Every target sets up what it needs: a virtual environment from pinned versions, the
# pinned npm packages (ts-fsrs, which the site serves; axe-core, Lighthouse), and Debian's
# Chromium for the browser tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
NODE_STAMP := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test test-js build build-zensical check schemas chromium nodejs lighthouse links links-external \
	yamllint actionlint release-addresses bench clean

serve: $(STAMP) $(NODE_STAMP)
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The reader tools' logic first (Node's built-in runner, no page), then everything else
# with one test worker per core (pytest-xdist); a test file stays on one worker, so its
# module fixtures (one Lighthouse pass, one link check) run once.
test: $(STAMP) chromium $(NODE_STAMP)
	node --test tests/js/
	$(BIN)/python -m pytest -n auto --dist loadfile --durations=20

build: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs build --strict

# The reader tools' logic alone (kit links, minutes, storage, scheduling, history): seconds,
# no browser. The scheduler's tests need the pinned ts-fsrs from npm ci.
test-js: $(NODE_STAMP)
	node --test tests/js/

# The second generator, pinned in requirements.txt: the same site built by Zensical into
# site-zensical/, from the data written out as plain files (see CONTRIBUTING.md). MkDocs
# stays the primary build, `make serve` and the published site.
build-zensical: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m quality.zensical_build site-zensical

check: $(STAMP)
	$(BIN)/python -m macros check

schemas: $(STAMP)
	$(BIN)/python -m macros schemas

# Quality gates one at a time; `make test` runs all of them. Each builds the site first.
lighthouse: build chromium $(NODE_STAMP)
	$(BIN)/python -m quality.lighthouse site

links: build
	$(BIN)/python -m quality.links site

# On demand only, never in CI: this is the one check that reaches other sites.
links-external: build
	$(BIN)/python -m quality.links site --external

yamllint: $(STAMP)
	$(BIN)/yamllint --strict .

actionlint: $(STAMP)
	$(BIN)/actionlint

# At release time: record the bank's ids as published and this build's sitemap as the
# previous release's, then commit data/published-ids.txt and data/previous-release-sitemap.xml.
release-addresses: build
	$(BIN)/python -m quality.addresses refresh site

# Build cost against the plain-Markdown floor, page weight and search time in Chromium;
# writes docs/how-fast.md. Takes over an hour at the default sizes; the tests never run it.
bench: $(STAMP) chromium $(NODE_STAMP)
	$(BIN)/python -m bench $(ARGS)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

# `npm ci` installs exactly package-lock.json, and empties node_modules first, old stamps too.
$(NODE_STAMP): package.json package-lock.json | nodejs
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The browser tests drive Debian's Chromium; Playwright never downloads one.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "Chromium is missing. Install Debian's package: sudo apt-get install chromium" >&2; exit 1; \
	  fi; }

nodejs:
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; \
	  else \
	    echo "Node.js is missing. Install Debian's packages: sudo apt-get install nodejs npm" >&2; exit 1; \
	  fi; }

clean:
	rm -rf site site-zensical $(VENV) node_modules
