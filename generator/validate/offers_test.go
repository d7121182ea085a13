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
