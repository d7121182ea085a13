package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
	"github.com/digitale-staedte/benchmark/generator/validate"
	"github.com/digitale-staedte/benchmark/generator/workbook"
	"github.com/spf13/cobra"
)

// Default file names of "generator template".
const (
	cityTemplateFile      = "vorlage-stadt.xlsx"
	frameworkTemplateFile = "vorlage-rahmenwerk.xlsx"
)

func templateCommand(stdout, stderr io.Writer, lang string, t text) *cobra.Command {
	var dataDir, out string
	var framework bool
	cmd := &cobra.Command{
		Use:   "template",
		Short: t.templateShort,
		Long:  t.templateLong,
		Args:  noArgs(lang),
		RunE: func(cmd *cobra.Command, _ []string) error {
			var write func(io.Writer) error
			if framework {
				write = workbook.WriteFrameworkTemplate
				if out == "" {
					out = frameworkTemplateFile
				}
			} else {
				tmpl, ok := cityTemplate(dataDir, "", stderr, lang, t)
				if !ok {
					return errInvalid
				}
				write = func(w io.Writer) error { return workbook.WriteCityTemplate(w, tmpl) }
				if out == "" {
					out = cityTemplateFile
				}
			}
			if out == "-" {
				return write(stdout)
			}
			if err := createFile(out, write); errors.Is(err, fs.ErrExist) {
				fmt.Fprintf(stderr, t.exists, out)
				return errInvalid
			} else if err != nil {
				return err
			}
			fmt.Fprintf(stdout, t.wroteTemplate, out)
			return nil
		},
	}
	addDataFlag(cmd, &dataDir, t)
	cmd.Flags().BoolVar(&framework, "framework", false, t.flagFramework)
	cmd.Flags().StringVar(&out, "out", "", t.flagTemplateOut)
	return cmd
}

func newCityCommand(stdout, stderr io.Writer, lang string, t text) *cobra.Command {
	var dataDir, kindWord string
	cmd := &cobra.Command{
		Use:     `new-city "Name"`,
		Aliases: []string{"new-partner"},
		Short:   t.newCityShort,
		Long:    t.newCityLong,
		Args:    exactArgs(1, lang),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := strings.TrimSpace(args[0])
			slug := workbook.Slug(name)
			if slug == "" {
				return usageErrorf(t.emptySlug, name)
			}
			kind := model.Municipality
			if kindWord != "" {
				var ok bool
				if kind, ok = workbook.ParsePartnerKind(kindWord); !ok {
					return usageErrorf(t.badKind, kindWord)
				}
			}
			path := filepath.Join(workbook.PartnersFolder(dataDir), slug+".xlsx")
			// The partner's workbook may exist in either format.
			for _, p := range workbook.PartnerFiles(dataDir, slug) {
				if _, err := os.Stat(p); err == nil {
					fmt.Fprintf(stderr, t.exists, p)
					return errInvalid
				}
			}
			tmpl, ok := cityTemplate(dataDir, name, stderr, lang, t)
			if !ok {
				return errInvalid
			}
			tmpl.Kind = kind
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			err := createFile(path, func(w io.Writer) error { return workbook.WriteCityTemplate(w, tmpl) })
			if errors.Is(err, fs.ErrExist) { // made by someone else meanwhile
				fmt.Fprintf(stderr, t.exists, path)
				return errInvalid
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, t.createdCity, path, name)
			return nil
		},
	}
	addDataFlag(cmd, &dataDir, t)
	cmd.Flags().StringVar(&kindWord, "kind", "", t.flagKind)
	return cmd
}

// cityTemplate reads the data folder for what a city template needs: the
// framework's indicators and topics, and the years the partners report.
// Problems in the framework are reported and stop the template; problems
// in city workbooks are the validator's business, not the template's.
func cityTemplate(dataDir, name string, stderr io.Writer, lang string, t text) (workbook.CityTemplate, bool) {
	ds, probs := workbook.ReadDataset(dataDir)
	fwFile := ds.Framework.File
	var fwProbs problem.List
	for _, p := range probs {
		if p.Pos.File == fwFile || p.Code == problem.DataDirMissing || p.Code == problem.FileFrameworkTwice {
			fwProbs = append(fwProbs, p)
		}
	}
	if fwProbs.Errors() > 0 {
		report(stderr, fwProbs, lang)
		fmt.Fprintf(stderr, t.frameworkInvalid, fwFile)
		return workbook.CityTemplate{}, false
	}
	var partners []string
	for _, c := range ds.Cities {
		partners = append(partners, c.Slug)
	}
	return workbook.CityTemplate{Name: name, Framework: ds.Framework, Partners: partners,
		Years: templateYears(validate.Years(ds), ds.Framework.Settings.ReferenceYear)}, true
}

// templateYears are the year columns of a new city's KPI sheet: every year
// from the partners' first to their last, so that the new city's columns
// line up with theirs; without partner data, the reference year or the
// last three years.
func templateYears(reported []int, reference int) []int {
	if len(reported) == 0 {
		if reference != 0 {
			return []int{reference}
		}
		now := time.Now().Year()
		return []int{now - 3, now - 2, now - 1}
	}
	var years []int
	for y := reported[0]; y <= reported[len(reported)-1]; y++ {
		years = append(years, y)
	}
	return years
}

// createFile writes a new file and refuses to replace one (fs.ErrExist).
// A file that cannot be written completely is removed again.
func createFile(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}
