// Command generator builds the digital-maturity comparison site from the
// partners' spreadsheets. Run "generator --help" for the commands.
package main

import (
	"os"

	"github.com/digitale-staedte/benchmark/generator/cli"
)

func main() {
	limitMemory(os.Getenv)
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv))
}
