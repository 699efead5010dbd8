# Two commands for a fresh machine with Python 3.11:
#   make demo   set up .venv, serve the bundled demo portal, crawl it, process it, serve datasette
#   make test   set up .venv and run the test suite
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/news.db
SERVE ?= 1
PORT ?= 8001
STAMP := $(VENV)/.installed

.PHONY: demo test venv redis webservers chromium clean

venv: $(STAMP)

# Re-install whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/vnnews demo --db $(DB) --port $(PORT) $(if $(filter 0,$(SERVE)),--no-serve,)

# The distributed-mode tests start their own redis-server: install it when missing (apt-get).
redis:
	scripts/redis.sh install

# The static-host tests serve the demo portal from nginx, Apache httpd and http.server and
# mirror it with wget: install the Debian packages when missing (apt-get).
webservers:
	scripts/webservers.sh install

# The browser tests drive Debian's chromium headless: install it when missing (apt-get).
chromium:
	scripts/chromium.sh install

test: $(STAMP) redis webservers chromium
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DB) $(DB)-*
