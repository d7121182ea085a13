package cli

import (
	"fmt"
	"io"

	"github.com/digitale-staedte/benchmark/generator/workbook"
	"github.com/spf13/cobra"
)

func textconvCommand(stdout io.Writer, t toolText) *cobra.Command {
	return &cobra.Command{
		Use:   "textconv FILE.xlsx",
		Short: t.textconvShort,
		Long:  t.textconvLong,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cells, err := workbook.ReadCells(args[0])
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
func diffCommand(stdout, stderr io.Writer, t toolText, code *int) *cobra.Command {
	return &cobra.Command{
		Use:   "diff OLD.xlsx NEW.xlsx",
		Short: t.diffShort,
		Long:  t.diffLong,
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			old, err := workbook.ReadCells(args[0])
			if err != nil {
				return err
			}
			new, err := workbook.ReadCells(args[1])
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
			*code = ExitInvalid
			return nil
		},
	}
}
