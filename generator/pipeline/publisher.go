package pipeline

import (
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/digitale-staedte/benchmark/generator/hugo"
	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/problem"
)

// The publisher settings live in one place, the site's configuration
// (site/hugo.toml), beside the site's title, description and data licence:
// they belong to the website and its operator, not to the method the
// partners share in the framework workbook, and the imprint and privacy
// texts are Markdown that Hugo renders. A build warns while one of them is
// missing or still a placeholder; a production build refuses to build.

// settingKind says how a setting's value is checked.
type settingKind int

const (
	settingText    settingKind = iota // any text
	settingContact                    // an e-mail address or an http(s) URL
	settingWebURL                     // an http(s) URL
)

// publisherSetting is one setting below params.benchmark that a published
// site must have (or may have, when optional).
type publisherSetting struct {
	key []string // path below params.benchmark
	// or names another key that takes this one's place (privacy_url for
	// privacy): the setting is missing only when both are.
	or []string
	// perLanguage settings are written in each language's table; the
	// others in the common one, which every language sees.
	perLanguage bool
	optional    bool
	kind        settingKind
	want        model.Text
}

// publisherSettings are checked in this order. docs/deployment.md and the
// comments in site/hugo.toml describe the same keys.
var publisherSettings = []publisherSetting{
	{key: []string{"publisher", "name"}, want: model.Text{
		De: "der Name der herausgebenden Stelle, z. B. „Stadt Augsburg, Amt für Digitalisierung“",
		En: "the name of the publishing body, e.g. “Stadt Augsburg, Amt für Digitalisierung”"}},
	{key: []string{"publisher", "address"}, want: model.Text{
		De: "ihre Postanschrift (Straße und Hausnummer, Postleitzahl und Ort) für das Impressum",
		En: "its postal address (street and number, postcode and town) for the imprint"}},
	{key: []string{"publisher", "responsible"}, want: model.Text{
		De: "die für den Inhalt verantwortliche Person (Name, Anschrift, falls sie von der oben abweicht)",
		En: "the person responsible for the content (name, and address if it differs from the one above)"}},
	{key: []string{"publisher", "contact"}, kind: settingContact, want: model.Text{
		De: "eine E-Mail-Adresse oder die https-Adresse eines Kontaktformulars",
		En: "an e-mail address or the https address of a contact form"}},
	{key: []string{"privacy"}, or: []string{"privacy_url"}, perLanguage: true, want: model.Text{
		De: "die Datenschutzerklärung (Markdown) oder in privacy_url die https-Adresse der Datenschutzerklärung eines Partners",
		En: "the privacy notice (Markdown), or in privacy_url the https address of a partner's privacy notice"}},
	{key: []string{"privacy_url"}, perLanguage: true, optional: true, kind: settingWebURL, want: model.Text{
		De: "die https-Adresse der Datenschutzerklärung eines Partners",
		En: "the https address of a partner's privacy notice"}},
	{key: []string{"imprint"}, perLanguage: true, optional: true, want: model.Text{
		De: "weitere Angaben für das Impressum (Markdown) oder nichts",
		En: "further text for the imprint (Markdown), or nothing"}},
	{key: []string{"imprint_url"}, perLanguage: true, optional: true, kind: settingWebURL, want: model.Text{
		De: "die https-Adresse des Impressums eines Partners",
		En: "the https address of a partner's imprint"}},
}

var wantBaseURL = model.Text{
	De: "die öffentliche Adresse der Website, z. B. https://name.github.io/projekt/ (baseURL in site/hugo.toml oder --base-url)",
	En: "the site's public address, e.g. https://name.github.io/project/ (baseURL in site/hugo.toml or --base-url)"}

// checkPublisher reports every publisher setting that is missing, still
// a placeholder or not what it should be: as errors in a production
// build, as warnings otherwise. baseURL is the address the build was
// given (--base-url), "" for the configuration's.
func checkPublisher(siteDir string, conf hugo.Config, baseURL string, production bool) problem.List {
	var probs problem.List
	pos := model.Pos{File: filepath.ToSlash(filepath.Join(siteDir, "hugo.toml"))}
	report := func(code problem.Code, args ...any) {
		if production {
			probs.Errorf(pos, code, args...)
		} else {
			probs.Warnf(pos, code, args...)
		}
	}

	key, value := "baseURL", conf.BaseURL
	if baseURL != "" {
		key, value = "--base-url", baseURL
	}
	checkValue(report, key, value, settingWebURL, false, wantBaseURL)

	for _, s := range publisherSettings {
		// The value each language sees, and whether another key stands in.
		values := make([]string, len(conf.Languages))
		for i, lang := range conf.Languages {
			values[i] = paramString(conf.Params[lang], s.key)
			if values[i] == "" && s.or != nil && paramString(conf.Params[lang], s.or) != "" {
				values[i] = "-" // set through the other key, checked there
			}
		}
		if !s.perLanguage && allEqual(values) {
			// One report for the common table, not one per language.
			if values[0] != "-" {
				checkValue(report, "params.benchmark."+strings.Join(s.key, "."), values[0], s.kind, s.optional, s.want)
			}
			continue
		}
		for i, lang := range conf.Languages {
			if values[i] != "-" {
				checkValue(report, "languages."+lang+".params.benchmark."+strings.Join(s.key, "."), values[i], s.kind, s.optional, s.want)
			}
		}
	}
	return probs
}

// checkValue reports one setting's value.
func checkValue(report func(problem.Code, ...any), key, value string, kind settingKind, optional bool, want model.Text) {
	value = strings.TrimSpace(value)
	switch {
	case value == "":
		if !optional {
			report(problem.SiteSettingMissing, key, want)
		}
	case placeholder(value) != "":
		report(problem.SiteSettingPlaceholder, key, placeholder(value), want)
	case kind == settingWebURL && !publicURL(value):
		report(problem.SiteSettingInvalid, key, value, want)
	case kind == settingContact && !publicURL(value) && !emailAddress.MatchString(value):
		report(problem.SiteSettingInvalid, key, value, want)
	}
}

// placeholderMark finds the words that mark a value as not filled in yet,
// and the documentation domains that no real address uses (RFC 2606).
var placeholderMark = regexp.MustCompile(`(?i)platzhalter|placeholder|\bexample\.(?:org|com|net)\b`)

// emailAddress is a plain e-mail address, with or without "mailto:"; the
// theme's contact partial turns the same into a mail link.
var emailAddress = regexp.MustCompile(`(?i)^(?:mailto:)?[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$`)

// placeholder returns the part of v that marks it as a placeholder (the
// parenthesis around the mark; else the whole value if short, or the text
// from the mark on, shortened), or "" when v is no placeholder.
func placeholder(v string) string {
	loc := placeholderMark.FindStringIndex(v)
	if loc == nil {
		return ""
	}
	start, end := loc[0], len(v)
	if !strings.Contains(v, "\n") && utf8.RuneCountInString(v) <= 80 {
		start = 0
	}
	if open := strings.LastIndexAny(v[:start], "(\n"); open >= 0 && v[open] == '(' {
		start = open
		if close := strings.IndexByte(v[loc[1]:], ')'); close >= 0 {
			end = loc[1] + close + 1
		}
	}
	if nl := strings.IndexByte(v[start:end], '\n'); nl >= 0 {
		end = start + nl
	}
	s := strings.TrimSpace(v[start:end])
	if utf8.RuneCountInString(s) > 80 {
		r := []rune(s)
		s = string(r[:79]) + "…"
	}
	return s
}

// publicURL reports whether s is an absolute http(s) address on a host
// other than this computer.
func publicURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return false
	}
	host := u.Hostname()
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return false
	}
	if ip := net.ParseIP(host); ip != nil && (ip.IsLoopback() || ip.IsUnspecified()) {
		return false
	}
	return true
}

// paramString is the text at path in params ("" when absent or a table);
// numbers and other scalars are printed as Hugo would.
func paramString(params map[string]any, path []string) string {
	var v any = params
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	switch x := v.(type) {
	case nil, map[string]any, []any:
		return ""
	case string:
		return x
	default:
		return fmt.Sprint(x)
	}
}

func allEqual(values []string) bool {
	for _, v := range values[1:] {
		if v != values[0] {
			return false
		}
	}
	return true
}
