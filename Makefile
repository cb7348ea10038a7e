# The README's commands live here so that CI and people run the same thing.
GO ?= go

.PHONY: test vet
test: vet
	$(GO) test ./...

vet:
	test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
