package bitext

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

// mtFixture is the fixture with segment 1 confirmed as a machine
// translation by Apertium, unchanged.
func mtFixture(target string) *segments.Document {
	doc := fixtureDoc()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	doc.ConfirmMT(0, target, "apertium", now)
	return doc
}

// Issue 16: a target that came from machine translation says so in TMX,
// with its engine; other origins write no such prop.
func TestWriteTMXMachineTranslation(t *testing.T) {
	doc := mtFixture("MT <one> & two")
	var buf bytes.Buffer
	if err := WriteTMX(&buf, doc, Options{}); err != nil {
		t.Fatal(err)
	}
	props := map[string]map[string]string{}
	err := ReadTMX(&buf, func(tu TU) error {
		props[tu.Variants[doc.TargetLang.String()]] = tu.Props
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	p := props["MT <one> & two"]
	if p["x-origin"] != "mt" || p["x-mt-engine"] != "apertium" || p["x-status"] != "translated" {
		t.Errorf("MT unit props %v", p)
	}
	for text, p := range props {
		if text != "MT <one> & two" && (p["x-origin"] != "" || p["x-mt-engine"] != "") {
			t.Errorf("%q: props %v", text, p)
		}
	}
}

// XLIFF 1.2 marks a machine-translated target with its standard
// state-qualifier; other targets have none.
func TestWriteXLIFF12MachineTranslation(t *testing.T) {
	doc := mtFixture("MT one")
	var buf bytes.Buffer
	if err := WriteXLIFF(&buf, doc, Options{XLIFF: XLIFFOptions{Version: XLIFF12}}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, `<target state="translated" state-qualifier="mt-suggestion">MT one</target>`) {
		t.Errorf("MT target not qualified:\n%s", out)
	}
	if n := strings.Count(out, "state-qualifier"); n != 1 {
		t.Errorf("%d state-qualifiers, want 1", n)
	}
}
