package workbook

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug turns a city's name into the name of its workbook and the address
// of its page: lower case, ä → ae, ö → oe, ü → ue, ß → ss, other letters
// with diacritics to their base letter, every other run of characters to
// one hyphen, no hyphen at either end. München → muenchen,
// "Neumarkt i.d.OPf." → neumarkt-i-d-opf. The result is "" when nothing
// usable is left, e.g. for a name in another script.
func Slug(name string) string {
	var b strings.Builder
	hyphen := false // a hyphen is owed before the next letter or digit
	emit := func(s string) {
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteString(s)
	}
	// NFC first, so that a "u" followed by a combining diaeresis (as macOS
	// writes file names) is the same ü as the precomposed one.
	for _, r := range norm.NFC.String(strings.ToLower(name)) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			emit(string(r))
		case slugLetters[r] != "":
			emit(slugLetters[r])
		case unicode.Is(unicode.Mn, r):
			// a combining mark left over after NFC belongs to the letter
			// before it (İ lowers to i and a dot above)
		default:
			if base, ok := baseLetter(r); ok {
				emit(string(base))
			} else {
				hyphen = true
			}
		}
	}
	return b.String()
}

// IsSlug reports whether s is already a slug, as a city workbook's file
// name (without .xlsx) must be: the one rule for the reader and new-city.
func IsSlug(s string) bool { return s != "" && Slug(s) == s }

// slugLetters are the letters spelled out rather than reduced to a base
// letter: German umlauts as Germans write them without umlauts, and
// letters that Unicode does not decompose.
var slugLetters = map[rune]string{
	'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss",
	'æ': "ae", 'œ': "oe", 'ø': "o",
	'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h",
}

// baseLetter is the ASCII letter under r's diacritics (é → e, č → c), if
// r decomposes into one followed by combining marks only.
func baseLetter(r rune) (rune, bool) {
	d := []rune(norm.NFD.String(string(r)))
	if len(d) < 2 || d[0] < 'a' || d[0] > 'z' {
		return 0, false
	}
	for _, m := range d[1:] {
		if !unicode.Is(unicode.Mn, m) {
			return 0, false
		}
	}
	return d[0], true
}
