package cli_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/cli"
	wt "github.com/digitale-staedte/benchmark/generator/workbook/workbooktest"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// update rewrites the expected files inside the scripts (cmp stdout want.json).
var update = flag.Bool("update", false, "rewrite the files compared in testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"generator": func() { os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr, os.Getenv)) },
	})
}

// TestScripts runs testdata/script/*.txtar: whole command lines with their
// output and exit codes, as a strategist would see them.
func TestScripts(t *testing.T) {
	site, err := filepath.Abs("../../site")
	if err != nil {
		t.Fatal(err)
	}
	fixtures, err := filepath.Abs("../workbook/testdata/secondwriter")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("SITE", site)
			env.Setenv("FIXTURES", fixtures)
			env.Setenv("GENERATOR_LANG", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// mkdata DIR writes a valid data folder with two cities.
			"mkdata": func(ts *testscript.TestScript, neg bool, args []string) {
				dataset(t, ts.MkAbs(args[0]))
			},
			// setcell FILE SHEET CELL VALUE changes one cell of a workbook.
			"setcell": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 4 {
					ts.Fatalf("usage: setcell FILE SHEET CELL VALUE")
				}
				f, err := excelize.OpenFile(ts.MkAbs(args[0]))
				ts.Check(err)
				ts.Check(f.SetCellValue(args[1], args[2], args[3]))
				ts.Check(f.Save())
				ts.Check(f.Close())
			},
		},
	})
}

// dataset writes the shared valid data folder and gives the KPI rows that
// have no source one, so that validate reports nothing the script did not
// cause.
func dataset(t testing.TB, dir string) string {
	wt.Dataset(t, dir)
	for _, city := range []string{"alpha", "beta"} {
		wt.SetCells(t, filepath.Join(dir, "partners", city+".xlsx"), "Kennzahlen",
			wt.Cells{"D4": "Open-Data-Portal", "D5": "Jahresbericht"})
	}
	return dir
}
