# posdesk — the two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DATA ?= demo-data
PIP_TOOLS_VERSION := 7.6.2

# Debian packages Qt needs under a real or virtual X server, plus the tools the tests
# compare against (age, ffmpeg) and use (socat, xvfb; binutils for PyInstaller's objdump
# when the tests build the .deb).
DEB_PACKAGES := libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 \
	libegl1 libgl1 libfontconfig1 libglib2.0-0 libportaudio2 fonts-noto-cjk age ffmpeg socat \
	xvfb xauth binutils

.PHONY: run test test-deep lint deps venv clean translations bench lock package

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
		else \
			echo "posdesk needs these Debian packages; install them with:"; \
			echo "  sudo apt-get install -y$$missing"; exit 1; \
		fi; \
	fi

# Installs come from the lock file, so every machine runs the versions that were tested.
$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $(STAMP)

# Re-resolve the ranges in pyproject.toml to the newest versions they allow and pin them all.
# Review the diff, run `make test`, and commit requirements.lock with the change that needed it.
lock: venv
	$(PY) -m pip install -q pip-tools==$(PIP_TOOLS_VERSION)
	$(VENV)/bin/pip-compile --quiet --upgrade --extra dev --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

venv: deps $(STAMP)

run: venv
	$(PY) -m posdesk demo --data $(DATA) --interactive

test: venv lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The same suite with many more generated examples per property (nightly).
test-deep: venv
	HYPOTHESIS_PROFILE=deep QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The rules CI enforces: defects and style, the layer contracts, strict types in core and
# services, module size. Their settings live in pyproject.toml; tests/test_lint_checks.py shows
# each one fails.
lint: venv
	$(PY) -m ruff check posdesk tests bench tools
	$(VENV)/bin/lint-imports
	$(PY) -m mypy posdesk/core posdesk/services
	$(PY) tools/check_module_size.py

bench: venv
	QT_QPA_PLATFORM=offscreen $(PY) bench/checkout.py

# Refresh the catalogue from the sources (new strings arrive untranslated), then compile it.
translations: venv
	$(VENV)/bin/pyside6-lupdate -no-obsolete $$(git ls-files 'posdesk/*.py') -ts resources/translations/posdesk_zh_CN.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/posdesk_zh_CN.ts -qm resources/translations/posdesk_zh_CN.qm

# The Linux package: PyInstaller one-folder build wrapped in build/posdesk_<version>_amd64.deb.
package: venv
	$(PY) packaging/build_deb.py

clean:
	rm -rf $(VENV) build *.egg-info
