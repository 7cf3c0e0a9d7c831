# coord — two commands on a fresh machine: `make demo` and `make test` (`make stress`: the long runs).
GO      ?= go
BIN     := bin/coord
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X github.com/coordvn/coord/pkg/cmd/root.Version=$(VERSION)
FUZZTIME ?= 5s
STRESS_FUZZTIME ?= 2m

.PHONY: all build demo test stress unit fuzz cross deps bench vet clean

all: build

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/coord

# The main job end to end on the example data shipped in examples/ (no network).
demo: build
	@bash examples/demo.sh $(BIN)

# Every test: vet, unit and script tests, each fuzz target briefly, and the cross-compiles.
test: deps vet unit fuzz cross

# The long runs, kept out of `make test`: every test with COORD_STRESS=1 (the submit concurrency and crash
# tests at full size, 100 coord processes each, instead of the 10 or 20 of `make test`), then each fuzz target
# for STRESS_FUZZTIME (2 minutes each: 28 targets, some 56 minutes in all). .ci/run runs it with STRESS_FUZZTIME
# cut to the time `make test` left within CI's limit.
stress: deps
	COORD_STRESS=1 $(GO) test -count=1 -timeout 30m ./...
	@FUZZTIME=$(STRESS_FUZZTIME) bash .ci/fuzz.sh

# Tools some tests need (git, Chromium, LibreOffice, poppler): installed when missing.
deps:
	@bash .ci/deps.sh

# Static checks, pinned: the tools are installed into bin/tools by the Makefile (from the Go module proxy).
STATICCHECK := bin/tools/staticcheck-v0.8.2
DEADCODE    := bin/tools/deadcode-v0.52.0

$(STATICCHECK):
	@mkdir -p bin/tools && GOBIN=$(CURDIR)/bin/tools/tmp-sc $(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2 && mv bin/tools/tmp-sc/staticcheck $@ && rmdir bin/tools/tmp-sc

$(DEADCODE):
	@mkdir -p bin/tools && GOBIN=$(CURDIR)/bin/tools/tmp-dc $(GO) install golang.org/x/tools/cmd/deadcode@v0.52.0 && mv bin/tools/tmp-dc/deadcode $@ && rmdir bin/tools/tmp-dc

# vet: go vet, go.mod and go.sum tidy, staticcheck, no unreachable code, gofmt.
vet: $(STATICCHECK) $(DEADCODE)
	$(GO) vet ./...
	$(GO) mod tidy -diff
	$(STATICCHECK) ./...
	@bash .ci/deadcode.sh $(DEADCODE)
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || (gofmt -l . ; echo "gofmt: files above need formatting"; exit 1)

unit:
	$(GO) test -count=1 -timeout 15m ./...

# Each fuzz target runs briefly (FUZZTIME each); corpus crashers under testdata/fuzz stay as regression seeds.
fuzz:
	@FUZZTIME=$(FUZZTIME) bash .ci/fuzz.sh

# A binary that needs nothing else installed, for the clerks' Windows PCs and the coordinators' Macs.
cross:
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -trimpath -o /dev/null ./cmd/coord
	CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $(GO) build -trimpath -o /dev/null ./cmd/coord

bench: build
	@bash .ci/bench.sh

clean:
	rm -rf bin
