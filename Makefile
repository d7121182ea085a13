# The two commands a newcomer needs: `make site` and `make test`.
GO      ?= go
BIN     := bin/generator
BASEURL ?=
# Optional for `make site`: the last release's data package (folder, ZIP or
# URL) for the "what changed" page, a file to append a Markdown summary to
# (CI passes $GITHUB_STEP_SUMMARY), and PRODUCTION=1 for a build to publish
# (every publisher setting in site/hugo.toml required; the CI deploy sets
# it). For `make validate`: FORMAT=text|json|github.
PREVIOUS ?=
SUMMARY ?=
PRODUCTION ?=
FORMAT ?=
NPM     ?= npm
# Front-end packages (ECharts for the theme's bundle, axe-core for the
# browser tests, hyparquet for the Parquet reader test), installed from
# site/package-lock.json; the stamp makes
# `npm ci` run again only when the lock file changes.
NODE_MODULES := site/node_modules/.installed

.PHONY: site test check vet staticcheck fmt-check clean validate lint-workflows bench fuzz lighthouse

# Build the website into site/public (German at /, English at /en/).
site: $(BIN) $(NODE_MODULES)
	$(BIN) build $(if $(PRODUCTION),--production) $(if $(BASEURL),--base-url $(BASEURL)) $(if $(PREVIOUS),--previous $(PREVIOUS)) $(if $(SUMMARY),--summary $(SUMMARY))

# Check the spreadsheets only; writes nothing.
validate: $(BIN)
	$(BIN) validate $(if $(FORMAT),--format $(FORMAT))

$(BIN): go.mod go.sum $(shell find generator -name '*.go' -not -name '*_test.go')
	$(GO) build -o $(BIN) ./generator

# Everything CI checks: formatting, vet, staticcheck, and all tests (unit, golden,
# real xlsx files, real Hugo builds). The timeout is per package, with room
# over go test's 10 minutes for a slow or busy machine (the browser tests
# take about 4 minutes beside the pipeline's on 2 cores; make test took
# 5 min 53 s on this 2-core VM, see docs/benchmarks.md).
TEST_TIMEOUT ?= 20m
# The two longest packages first: go test runs two packages at a time in
# the order given, so the short ones then share the slot of whichever
# ends first instead of queueing before the pipeline's.
LONG_TESTS := ./generator/pipeline ./generator/browsertest
test: fmt-check vet staticcheck lint-workflows $(NODE_MODULES)
	$(GO) test -timeout $(TEST_TIMEOUT) $(LONG_TESTS) ./...
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || [ -n "$$CHROMIUM" ] || \
	  echo "NOTE: Chromium not found, so the browser tests (generator/browsertest) were SKIPPED; install it: apt-get install -y chromium"

check: test

# Fuzz the workbook reader and its parsers, FUZZTIME per target (go test
# -fuzz takes one target at a time). A finding fails and is saved under
# generator/workbook/testdata/fuzz/<target>/, where plain go test replays it.
# Minimising each new input is capped at 50 runs (default 60 s each), which
# would otherwise take most of a run.
FUZZTIME ?= 10s
FUZZ_TARGETS := FuzzReadWorkbook FuzzReadWorkbookParts FuzzReadODS FuzzReadODSFile FuzzParseNumber FuzzParseDate FuzzSlug
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz $$t for $(FUZZTIME)"; \
	  $(GO) test ./generator/workbook -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 50x || exit 1; \
	done

vet:
	$(GO) vet ./...

# staticcheck (a Go tool dependency in go.mod, default checks): about 45 s
# on a fresh machine, which builds it and analyses the dependencies once;
# a few seconds after that (Go's cache).
staticcheck:
	$(GO) tool staticcheck ./...

# actionlint (a Go tool dependency in go.mod) checks every workflow.
lint-workflows:
	$(GO) tool actionlint

fmt-check:
	@out=$$(gofmt -l generator); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

$(NODE_MODULES): site/package.json site/package-lock.json
	cd site && $(NPM) ci --no-audit --no-fund --loglevel=error
	touch $@

# Time the build end to end on synthetic data (N = 3, 100, 1,000, or the
# counts in CITIES, e.g. CITIES=2050; FULL=1 adds 2,050 and 10,800) against
# the floor; data sets are cached in .bench/. See docs/benchmarks.md.
CITIES ?=
bench: $(BIN) $(NODE_MODULES)
	$(BIN) bench $(if $(CITIES),--cities $(CITIES)) $(if $(FULL),--full)

# Lighthouse (from tools/lighthouse/package-lock.json, never installed by
# `make site`), mobile profile, on the home, a city, the compare and the
# strategy page in both languages, served with brotli/gzip on 127.0.0.1;
# fully offline. RUNS per page (median), CPU=6 for real 6× CPU throttling
# instead (console errors on a slow phone). See docs/benchmarks.md.
LIGHTHOUSE_MODULES := tools/lighthouse/node_modules/.installed
RUNS ?= 3
CPU ?=
lighthouse: site $(LIGHTHOUSE_MODULES)
	node tools/lighthouse/run.mjs --site site/public --runs $(RUNS) $(if $(CPU),--cpu $(CPU))

$(LIGHTHOUSE_MODULES): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && $(NPM) ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf bin site/public site/resources
