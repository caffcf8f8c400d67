package glossary

import (
	"bytes"
	"strings"
	"testing"
)

func TestReadGeneralFlag(t *testing.T) {
	const tsv = "fr\ten\tdomain\tpos\tnote\tflags\n" +
		"guerre\twar\tgeopolitics\tnoun\t\tgeneral\n" +
		"règlement sur les puces\tChips Act\ttech\tpropn\n" +
		"majorité\tmajority\tpolitics\tnoun\t\tGeneral\n" +
		"offensive\toffensive\tgeopolitics\tnoun\t\tgenral\n"
	g, warns, err := Read(strings.NewReader(tsv), "flags.tsv", FormatTSVMulti)
	if err != nil {
		t.Fatal(err)
	}
	var got []bool
	for _, e := range g.Entries() {
		got = append(got, e.General)
	}
	if want := []bool{true, false, true, false}; !equalBools(got, want) {
		t.Errorf("General = %v, want %v", got, want)
	}
	if len(warns) != 1 || warns[0].Line != 5 || !strings.Contains(warns[0].Msg, `"genral"`) {
		t.Errorf("warnings = %v, want one for the unknown flag on line 5", warns)
	}
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestWriteGeneralRoundTrip checks that every multi-language format keeps
// the flag, and that a glossary without it keeps the nine-column layout.
func TestWriteGeneralRoundTrip(t *testing.T) {
	g := New(
		&Entry{Terms: NewTerms(map[string][]string{"fr": {"guerre"}, "en": {"war"}}), Domain: "geopolitics", General: true},
		&Entry{Terms: NewTerms(map[string][]string{"fr": {"puce"}, "en": {"chip"}}), Domain: "tech"},
	)
	for _, f := range []Format{FormatTSVMulti, FormatCSVMulti, FormatTBX, FormatTBX3} {
		var buf bytes.Buffer
		if _, err := Write(&buf, g, f, WriteOptions{}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		back, warns, err := Read(bytes.NewReader(buf.Bytes()), "out", f)
		if err != nil || len(warns) > 0 || back.Len() != 2 {
			t.Fatalf("%s: read back %v %v\n%s", f, err, warns, buf.String())
		}
		if !back.Entries()[0].General || back.Entries()[1].General {
			t.Errorf("%s: General not kept:\n%s", f, buf.String())
		}
	}
	plain := New(g.Entries()[1])
	var buf bytes.Buffer
	if _, err := Write(&buf, plain, FormatTSVMulti, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if head, _, _ := strings.Cut(buf.String(), "\n"); head != "fr\ten\tdomain\tpos\tnote" {
		t.Errorf("header without general entries = %q", head)
	}
}

// TestBuiltinGeneral checks that the trivial words the issue names are
// marked as general vocabulary and that real terms are not.
func TestBuiltinGeneral(t *testing.T) {
	general := map[string]bool{}
	for _, e := range Default().Entries() {
		for _, fr := range e.Terms.Get("fr") {
			general[fr] = general[fr] || e.General
		}
	}
	for _, w := range []string{"guerre", "majorité", "offensive", "électricité", "sécheresse", "munition", "pauvreté", "acier", "sabotage"} {
		if !general[w] {
			t.Errorf("%q is not marked general", w)
		}
	}
	for _, w := range []string{"guerre commerciale", "droit de douane", "semi-conducteur", "lithium", "fondeur", "libanais", "conscription"} {
		if general[w] {
			t.Errorf("%q is marked general", w)
		}
	}
}
