// Package cicheck holds tests of the repository's own CI files: the
// workflows run the make targets the README documents, and every target
// they name exists. It has no code; `make test` runs it with the rest.
package cicheck
