# Every target sets up what it needs: a virtual environment from pinned versions, and
# Debian's Chromium for the browser tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test build check bench chromium clean

serve: $(STAMP)
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP) chromium
	$(BIN)/python -m pytest

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/python -m macros check

# Build cost against the plain-Markdown floor, page weight and search time in Chromium;
# writes docs/how-fast.md. Takes about 20 minutes; the tests never run it.
bench: $(STAMP) chromium
	$(BIN)/python -m bench

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

# The browser tests drive Debian's Chromium; Playwright never downloads one.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "Chromium is missing. Install Debian's package: sudo apt-get install chromium" >&2; exit 1; \
	  fi; }

clean:
	rm -rf site $(VENV)
