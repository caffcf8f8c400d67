package segments_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/segments"
)

// TestExportsFollowOverrides checks that every export works on the
// segments as split and merged by the translator: the bilingual files have
// one unit per segment as it is now, and the translated document joins
// them back into their blocks with the markup in place.
func TestExportsFollowOverrides(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	md := "# Titre\n\nIl **pleut**, et il vente fort. Il neige. Il gèle.\n"
	doc, _, err := segments.Read(strings.NewReader(md), segments.ReadOptions{Format: segments.FormatMarkdown, Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.SplitSegment(1, strings.Index(doc.Segments[1].Source, "et il"), now); err != nil {
		t.Fatal(err)
	}
	if err := doc.MergeNext(3, now); err != nil {
		t.Fatal(err)
	}
	targets := []string{"Title", "It rains,", "and it is very windy.", "It snows. It freezes."}
	if len(doc.Segments) != len(targets) {
		t.Fatalf("%d segments, want %d", len(doc.Segments), len(targets))
	}
	for i, tgt := range targets {
		s := &doc.Segments[i]
		tags := segments.FitTags(s.SourceTags, tgt) // "It rains,": the bold pair on "It rai"
		if i == 1 {
			tags = []segments.Tag{{At: 3, ID: 1, Kind: segments.TagOpen}, {At: 8, ID: 1, Kind: segments.TagClose}}
		}
		doc.ConfirmTagged(i, tgt, tags, "", now)
	}

	var tmx bytes.Buffer
	if err := bitext.WriteTMX(&tmx, doc, bitext.Options{}); err != nil {
		t.Fatal(err)
	}
	var units [][2]string
	err = bitext.ReadTMX(&tmx, func(tu bitext.TU) error {
		units = append(units, [2]string{tu.Variants["fr"], tu.Variants["en"]})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wantUnits := [][2]string{{"Titre", "Title"}, {"Il pleut,", "It rains,"}, {"et il vente fort.", "and it is very windy."},
		{"Il neige. Il gèle.", "It snows. It freezes."}}
	if !reflect.DeepEqual(units, wantUnits) {
		t.Errorf("TMX units %q, want %q", units, wantUnits)
	}

	var xlf bytes.Buffer
	if err := bitext.WriteXLIFF(&xlf, doc, bitext.Options{}); err != nil {
		t.Fatal(err)
	}
	var xsegs []string
	err = bitext.ReadXLIFF(&xlf, func(s bitext.XLIFFSegment) error {
		xsegs = append(xsegs, s.Source+" => "+s.Target)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(xsegs) != 4 || xsegs[3] != "Il neige. Il gèle. => It snows. It freezes." {
		t.Errorf("XLIFF segments %q", xsegs)
	}

	var out bytes.Buffer
	if err := bitext.WriteTarget(&out, doc, bitext.Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "# Title\n\nIt **rains**, and it is very windy. It snows. It freezes.\n"; out.String() != want {
		t.Errorf("translated document %q, want %q", out.String(), want)
	}
}
