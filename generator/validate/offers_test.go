package validate_test

import (
	"testing"

	"github.com/digitale-staedte/benchmark/generator/model"
	"github.com/digitale-staedte/benchmark/generator/validate"
)

// TestOfferTopics: an offer names a topic of the framework, as a measure
// does; a row whose topic could not be read is not reported again.
func TestOfferTopics(t *testing.T) {
	c := city("alpha", "Alpha", "https://alpha.example")
	f := c.File
	c.Offers = []model.Offer{
		{Topic: "OZG", Pos: at(f, "Angebote", 2, 3), TopicPos: at(f, "Angebote", 2, 2)},
		{Topic: "KI", Pos: at(f, "Angebote", 3, 3), TopicPos: at(f, "Angebote", 3, 2)},
		{Invalid: true, Topic: "BLOCKCHAIN", Pos: at(f, "Angebote", 4, 3), TopicPos: at(f, "Angebote", 4, 2)},
		{Invalid: true, Topic: "", Pos: at(f, "Angebote", 5, 3), TopicPos: at(f, "Angebote", 5, 2)},
	}
	same(t, messages(validate.Dataset(dataset(c), validate.Options{Today: today})), []string{
		`cities/alpha.xlsx: Angebote!B3: error: unknown topic "KI"; expected an ID from the Topics sheet in framework.xlsx`,
		`cities/alpha.xlsx: Angebote!B4: error: unknown topic "BLOCKCHAIN"; expected an ID from the Topics sheet in framework.xlsx`,
	})
}

// TestOfferExpired: an offer available only until before today is a
// warning; the month or year of today still counts as available. Today
// is 2026-12-02.
func TestOfferExpired(t *testing.T) {
	c := city("alpha", "Alpha", "https://alpha.example")
	f := c.File
	offer := func(row int, until model.Date) model.Offer {
		return model.Offer{Topic: "OZG", Title: model.Text{De: "Angebot " + string(rune('A'+row))}, Until: until,
			Pos: at(f, "Angebote", row, 3), TopicPos: at(f, "Angebote", row, 2)}
	}
	c.Offers = []model.Offer{
		offer(2, model.Date{Year: 2026, Month: 12, Day: 1}),
		offer(3, model.Date{Year: 2026, Month: 12}),
		offer(4, model.Date{Year: 2026}),
		offer(5, model.Date{Year: 2025}),
		offer(6, model.Date{}),
	}
	same(t, messages(validate.Dataset(dataset(c), validate.Options{Today: today})), []string{
		`cities/alpha.xlsx: Angebote!C2: warning: offer "Angebot C" was available only until 2026-12-01 (today is 2026-12-02); expected an offer that still holds: delete the row or change the date`,
		`cities/alpha.xlsx: Angebote!C5: warning: offer "Angebot F" was available only until 2025 (today is 2026-12-02); expected an offer that still holds: delete the row or change the date`,
	})
	// Without a build date nothing is checked against it.
	same(t, messages(validate.Dataset(dataset(c), validate.Options{})), nil)
}
