package glossary

import (
	"strings"
	"testing"
)

// Terms and notes from a glossary file never carry escape sequences: they
// reach the terminal through the panes and `trad glossary list` (issue 10).
func TestReadCleansEscapes(t *testing.T) {
	in := "fr\ten\tnote\n" +
		"puce\x1b]52;c;aGk=\x07\tchip\x1b[2J\tnote \u009b31mred\n"
	g, _, err := Read(strings.NewReader(in), "evil.tsv", FormatTSV)
	if err != nil {
		t.Fatal(err)
	}
	e := g.Entries()
	if len(e) != 1 {
		t.Fatalf("%d entries", len(e))
	}
	got := e[0].Lang("fr")[0] + "|" + e[0].Lang("en")[0] + "|" + e[0].Note
	if got != "puce|chip|note red" {
		t.Errorf("got %q", got)
	}
}
