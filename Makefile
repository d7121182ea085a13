# The two commands a newcomer needs: `make site` and `make test`.
GO      ?= go
BIN     := bin/generator
BASEURL ?=

.PHONY: site test check vet fmt-check clean validate

# Build the website into site/public (German at /, English at /en/).
site: $(BIN)
	$(BIN) build $(if $(BASEURL),--base-url $(BASEURL))

# Check the spreadsheets only; writes nothing.
validate: $(BIN)
	$(BIN) validate

$(BIN): go.mod go.sum $(shell find generator -name '*.go' -not -name '*_test.go')
	$(GO) build -o $(BIN) ./generator

# Everything CI checks: formatting, vet, and all tests (unit, golden,
# real xlsx files, real Hugo builds).
test: fmt-check vet
	$(GO) test ./...

check: test

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l generator); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

clean:
	rm -rf bin site/public site/resources
