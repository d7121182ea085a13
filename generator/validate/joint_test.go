package validate_test

import (
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/validate"
)

// TestJointProjects: every name in a Partners cell must be a partner's
// file name; a joint project described in two workbooks must say the same
// in both, each difference named at the later workbook's cell.
func TestJointProjects(t *testing.T) {
	joint := func(c model.City, partners ...string) model.City {
		m := &c.Measures[0]
		m.Partners = partners
		m.PartnersPos = at(c.File, "Maßnahmen", 2, 10)
		m.EndPos = at(c.File, "Maßnahmen", 2, 7)
		m.ProgressPos = at(c.File, "Maßnahmen", 2, 9)
		m.Title = model.Text{De: "Gemeinsames Portal"}
		return c
	}
	alpha := func() model.City { return city("alpha", "Alpha", "https://alpha.example") }
	beta := func() model.City { return city("beta", "Beta", "https://beta.example") }
	gamma := func() model.City { return city("gamma", "Gamma", "https://gamma.example") }
	tests := []struct {
		name   string
		cities []model.City
		want   []string
	}{
		{"named by one, file names in any case and with extension",
			[]model.City{joint(alpha(), "beta"), beta()}, nil},
		{"described alike by both", []model.City{joint(alpha(), "beta"), joint(beta(), "alpha")}, nil},
		{"unknown names", []model.City{joint(alpha(), "beta", "muenchen", "zeta"), beta()}, []string{
			`cities/alpha.xlsx: Maßnahmen!J2: error: "muenchen" is not a partner; expected partners' file names without extension, separated by commas (alpha, beta)`,
			`cities/alpha.xlsx: Maßnahmen!J2: error: "zeta" is not a partner; expected partners' file names without extension, separated by commas (alpha, beta)`}},
		{"described differently", []model.City{joint(alpha(), "beta", "gamma"), func() model.City {
			b := joint(beta(), "alpha")
			b.Measures[0].Title.De = "Portal"
			b.Measures[0].Status = model.InProgress
			b.Measures[0].End = model.Date{Year: 2023}
			return b
		}(), gamma()}, []string{
			`cities/beta.xlsx: Maßnahmen!A2: error: the joint measure "M-01" is also in cities/alpha.xlsx, there with title "Gemeinsames Portal" instead of "Portal"; expected the same value in both workbooks`,
			`cities/beta.xlsx: Maßnahmen!A2: error: the joint measure "M-01" is also in cities/alpha.xlsx, there with status "done" instead of "in_progress"; expected the same value in both workbooks`,
			`cities/beta.xlsx: Maßnahmen!G2: error: the joint measure "M-01" is also in cities/alpha.xlsx, there with end "2022-03" instead of "2023"; expected the same value in both workbooks`,
			`cities/beta.xlsx: Maßnahmen!I2: error: the joint measure "M-01" is also in cities/alpha.xlsx, there with progress "100 %" instead of ""; expected the same value in both workbooks`,
			`cities/beta.xlsx: Maßnahmen!J2: error: the joint measure "M-01" is also in cities/alpha.xlsx, there with partners "alpha, beta, gamma" instead of "alpha, beta"; expected the same value in both workbooks`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			same(t, messages(validate.Dataset(dataset(tt.cities...), validate.Options{Today: today})), tt.want)
		})
	}
}
