package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/digitale-staedte/benchmark/generator/workbook"
	"github.com/spf13/cobra"
)

func textconvCommand(stdout io.Writer, lang string, t toolText) *cobra.Command {
	return &cobra.Command{
		Use:   t.textconvUse,
		Short: t.textconvShort,
		Long:  t.textconvLong,
		Args:  exactArgs(1, lang),
		RunE: func(cmd *cobra.Command, args []string) error {
			cells, err := readCells(args[0], t)
			if err != nil {
				return err
			}
			_, err = io.WriteString(stdout, workbook.TextLines(cells))
			return err
		},
	}
}

// diffCommand exits like diff(1): 0 when the workbooks hold the same cells,
// 1 when they differ, 2 when one cannot be read.
func diffCommand(stdout, stderr io.Writer, lang string, t toolText) *cobra.Command {
	return &cobra.Command{
		Use:   t.diffUse,
		Short: t.diffShort,
		Long:  t.diffLong,
		Args:  exactArgs(2, lang),
		RunE: func(cmd *cobra.Command, args []string) error {
			old, err := readCells(args[0], t)
			if err != nil {
				return err
			}
			new, err := readCells(args[1], t)
			if err != nil {
				return err
			}
			changes := workbook.Diff(old, new)
			if len(changes) == 0 {
				fmt.Fprint(stdout, t.noDifferences)
				return nil
			}
			if _, err := io.WriteString(stdout, workbook.DiffText(changes)); err != nil {
				return err
			}
			added, removed, changed := 0, 0, 0
			for _, c := range changes {
				switch {
				case c.Old == nil:
					added++
				case c.New == nil:
					removed++
				default:
					changed++
				}
			}
			fmt.Fprintf(stderr, t.differences, t.nCells.of(changed), added, removed)
			return errInvalid
		},
	}
}

// readCells is workbook.ReadCells, saying in t's language that a file is
// missing.
func readCells(path string, t toolText) ([]workbook.Cell, error) {
	cells, err := workbook.ReadCells(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf(t.notFound, path)
	}
	return cells, err
}
