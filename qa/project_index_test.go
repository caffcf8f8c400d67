package qa

import (
	"reflect"
	"testing"

	"github.com/trad-project/trad/glossary"
)

// The editor builds a Project again after confirms: the glossary's part is
// indexed once per glossary and language pair, and is the same as a fresh
// index of it.
func TestProjectIndexesGlossaryOnce(t *testing.T) {
	g := glossary.New(
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"règlement sur les puces"}, "en": {"Chips Act"}})},
		&glossary.Entry{Terms: glossary.NewTerms(map[string][]string{"fr": {"puce"}, "en": {"chip"}})},
	)
	p1 := NewProjectOf("fr", "en", g, nil, 0, nil)
	p2 := NewProjectOf("fr", "en", g, nil, 0, nil)
	if reflect.ValueOf(p1.longer).Pointer() != reflect.ValueOf(p2.longer).Pointer() {
		t.Error("the same glossary was indexed twice")
	}
	if !p1.GlossaryWord("chips") || !p1.GlossaryWord("chip") || p1.GlossaryWord("puce") {
		t.Errorf("target words: %v", p1.words)
	}
	if lts := p1.longer["regl"]; len(lts) != 1 || !reflect.DeepEqual(lts[0].targets, []string{"Chips Act"}) {
		t.Errorf("longer terms by the stem of règlement: %+v", p1.longer)
	}
	other := glossary.New(g.Entries()[1:]...)
	if p3 := NewProjectOf("fr", "en", other, nil, 0, nil); len(p3.longer) != 0 {
		t.Errorf("another glossary got the first one's index: %+v", p3.longer)
	}
	if p4 := NewProjectOf("fr", "es", g, nil, 0, nil); p4.GlossaryWord("chip") {
		t.Error("another target language got the first one's index")
	}
}
