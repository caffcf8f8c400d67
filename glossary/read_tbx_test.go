package glossary

import (
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/trad-project/trad/internal/xmlscan"
)

// tbxResult is what readTBX gives, in a comparable form.
func tbxResult(rd *xmlscan.Reader, in []byte) string {
	g, warns, err := readTBXWith(rd, in, "f.tbx")
	var ents []Entry
	if g != nil {
		for _, e := range g.Entries() {
			ents = append(ents, *e)
		}
	}
	return fmt.Sprintf("%#v\n%v\n%v", ents, warns, err)
}

// checkTBXEquivalent reads in with encoding/xml alone and with the
// scanner (whole and with a tiny buffer) and fails unless both give the
// same entries, warnings and error.
func checkTBXEquivalent(t *testing.T, in []byte) {
	t.Helper()
	want := tbxResult(&xmlscan.Reader{Std: true}, in)
	for _, rd := range []*xmlscan.Reader{{}, {BufSize: 8}} {
		if got := tbxResult(rd, in); got != want {
			t.Fatalf("buffer %d:\n%s\nencoding/xml gives\n%s\ninput %q", rd.BufSize, got, want, in)
		}
	}
}

var tbxEquivalentSeeds = []string{
	`<martif><text><body><termEntry><langSet xml:lang="fr"><tig><term>a &amp; b&#233;<![CDATA[<c>]]></term></tig></langSet></termEntry></body></text></martif>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><martif><text><body><termEntry><langSet xml:lang="fr"><tig><term>é</term></tig></langSet><langSet xml:lang="en"><tig><term>e</term></tig></langSet></termEntry></body></text></martif>`,
	`<martif/><martif/>`,
	`<martif><text></martif>`,
}

func TestReadTBXScannerEquivalent(t *testing.T) {
	for i, in := range tbxEquivalentSeeds {
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkTBXEquivalent(t, []byte(in)) })
	}
	for _, p := range []string{"testdata/tbx-basic-2008-sample.tbx", "testdata/ltac-astronomy-tbx-v3.tbx"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(p, func(t *testing.T) { checkTBXEquivalent(t, b) })
	}
}

// A declared encoding is not applied to the text readBytes already
// decoded (the scanner used to ignore declarations; encoding/xml would
// decode ISO-8859-1 a second time).
func TestReadTBXDeclaredEncoding(t *testing.T) {
	g, _, err := readTBX([]byte(tbxEquivalentSeeds[1]), "f.tbx")
	if err != nil {
		t.Fatal(err)
	}
	if got := g.Entries()[0].Terms.Get("fr"); !reflect.DeepEqual(got, []string{"é"}) {
		t.Errorf("fr terms %q, want [é]", got)
	}
}

func FuzzReadTBXEquivalent(f *testing.F) {
	for _, in := range tbxEquivalentSeeds {
		f.Add([]byte(in))
	}
	addFiles(f, "testdata/tbx-basic-2008-sample.tbx")
	f.Fuzz(func(t *testing.T, in []byte) { checkTBXEquivalent(t, in) })
}
