package pipeline

import (
	"strings"
	"testing"

	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// complete is a configuration with every publisher setting filled in.
func complete() hugo.Config {
	pub := map[string]any{"name": "Stadt Augsburg", "address": "Rathausplatz 1\n86150 Augsburg",
		"responsible": "Erika Mustermann", "contact": "digital@augsburg.de"}
	return hugo.Config{BaseURL: "https://digital.augsburg.de/", Languages: []string{"de", "en"},
		Params: map[string]map[string]any{
			"de": {"publisher": pub, "privacy": "Keine Cookies."},
			"en": {"publisher": pub, "privacy": "No cookies."},
		}}
}

// TestPublisherSettings: every setting that is missing, a placeholder or
// not an address is named with its key, once for the common table and
// per language where the languages differ; a production build makes
// errors of what is otherwise a warning.
func TestPublisherSettings(t *testing.T) {
	for _, tc := range []struct {
		name    string
		edit    func(c *hugo.Config)
		baseURL string // --base-url
		want    []string
	}{
		{"complete", func(c *hugo.Config) {}, "", nil},
		{"nothing set", func(c *hugo.Config) {
			c.BaseURL = ""
			c.Params = map[string]map[string]any{"de": {}, "en": {}}
		}, "", []string{
			"setting baseURL is not set",
			"setting params.benchmark.publisher.name is not set",
			"setting params.benchmark.publisher.address is not set",
			"setting params.benchmark.publisher.responsible is not set",
			"setting params.benchmark.publisher.contact is not set",
			"setting languages.de.params.benchmark.privacy is not set",
			"setting languages.en.params.benchmark.privacy is not set",
		}},
		{"the flag stands in for baseURL", func(c *hugo.Config) { c.BaseURL = "" }, "https://name.github.io/project/", nil},
		{"placeholders", func(c *hugo.Config) {
			c.BaseURL = "https://example.org/"
			c.Params["de"]["publisher"] = map[string]any{"name": "Kooperation Digitale Städte (Platzhalter: Herausgeber eintragen)",
				"address": "Musterstraße 1", "responsible": "N. N.", "contact": "info@example.org"}
			c.Params["en"]["publisher"] = c.Params["de"]["publisher"]
			c.Params["en"]["privacy"] = "Logs are kept.\nHow long is decided by the operator (placeholder: name the host, retention period and legal basis)."
		}, "", []string{
			`setting baseURL is still a placeholder ("https://example.org/")`,
			`setting params.benchmark.publisher.name is still a placeholder ("Kooperation Digitale Städte (Platzhalter: Herausgeber eintragen)")`,
			`setting params.benchmark.publisher.contact is still a placeholder ("info@example.org")`,
			`setting languages.en.params.benchmark.privacy is still a placeholder ("(placeholder: name the host, retention period and legal basis)")`,
		}},
		{"not addresses", func(c *hugo.Config) {
			c.BaseURL = "http://localhost:1313/"
			pub := map[string]any{"name": "Stadt Augsburg", "address": "Rathausplatz 1", "responsible": "Erika Mustermann", "contact": "Amt für Digitalisierung"}
			c.Params["de"]["publisher"], c.Params["en"]["publisher"] = pub, pub
			c.Params["de"]["imprint_url"] = "www.augsburg.de/impressum"
		}, "", []string{
			`setting baseURL is "http://localhost:1313/"; expected the site's public address`,
			`setting params.benchmark.publisher.contact is "Amt für Digitalisierung"; expected an e-mail address or the https address of a contact form`,
			`setting languages.de.params.benchmark.imprint_url is "www.augsburg.de/impressum"; expected the https address of a partner's imprint`,
		}},
		{"a link instead of the privacy text, one language without a name", func(c *hugo.Config) {
			c.Params["de"]["privacy"] = ""
			c.Params["de"]["privacy_url"] = "https://www.augsburg.de/datenschutz"
			en := map[string]any{}
			for k, v := range c.Params["en"]["publisher"].(map[string]any) {
				en[k] = v
			}
			en["name"] = ""
			c.Params["en"]["publisher"] = en
		}, "", []string{"setting languages.en.params.benchmark.publisher.name is not set"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := complete()
			c.Params = map[string]map[string]any{"de": clone(c.Params["de"]), "en": clone(c.Params["en"])}
			tc.edit(&c)
			for _, production := range []bool{false, true} {
				probs := checkPublisher("site", c, tc.baseURL, production)
				if len(probs) != len(tc.want) {
					t.Errorf("production %v: %d problems, want %d:\n%s", production, len(probs), len(tc.want), probs.Text("en"))
					continue
				}
				for i, p := range probs {
					if msg := p.Format("en"); !strings.Contains(msg, tc.want[i]) {
						t.Errorf("production %v: problem %d = %s\nwant it to contain %s", production, i, msg, tc.want[i])
					}
					if want := map[bool]problem.Severity{false: problem.Warning, true: problem.Error}[production]; p.Severity != want {
						t.Errorf("production %v: %s has severity %v", production, p.Format("en"), p.Severity)
					}
					if p.Pos.File != "site/hugo.toml" {
						t.Errorf("problem at %s, want site/hugo.toml", p.Pos)
					}
				}
			}
		})
	}
}

func clone(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

// TestPublisherMessagesInBothLanguages: the German message says the same,
// with the explanation in German.
func TestPublisherMessagesInBothLanguages(t *testing.T) {
	c := complete()
	c.BaseURL = ""
	probs := checkPublisher("site", c, "", true)
	if len(probs) != 1 {
		t.Fatalf("%d problems, want 1:\n%s", len(probs), probs.Text("en"))
	}
	want := "site/hugo.toml: Fehler: Einstellung baseURL fehlt; erwartet wird die öffentliche Adresse der Website, z. B. https://name.github.io/projekt/ (baseURL in site/hugo.toml oder --base-url)"
	if got := probs[0].Format("de"); got != want {
		t.Errorf("German:\n got %s\nwant %s", got, want)
	}
}
