package bitext

import (
	"bytes"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

var fuzzSeeds = []string{"", "A & B < C > D", "\"quotes\" 'single'", "tab\tnew\nline\rcr", "\x00\x01\x1f\ufffe\uffff",
	"\xff\xfe invalid utf-8", "]]> <![CDATA[", "😀 « » \u00a0", "  padded  ", "&amp; &#1; &#x41;"}

// fuzzPair builds a one-segment document whose source and target are the
// fuzzed text (the source kept non-empty).
func fuzzPair(s string) *segments.Document {
	return buildDoc("text", tb{kind: segments.KindParagraph, segs: []string{"x" + s, s + "y"}, tgts: []string{s + "t|translated", "z" + s + "|reviewed"}})
}

// readBack is what a reader returns for text written as s: the writer
// drops what XML cannot hold, the reader normalises like every reader of
// outside text.
func readBack(s string) string {
	c, _ := CleanXML(s)
	return segments.Normalize(c)
}

func FuzzWriteTMX(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := fuzzPair(s)
		doc.Segments[0].Note = s
		var buf bytes.Buffer
		if err := WriteTMX(&buf, doc, Options{Now: t0}); err != nil {
			t.Fatal(err)
		}
		var got []TU
		if err := ReadTMX(&buf, func(tu TU) error { got = append(got, tu); return nil }); err != nil {
			t.Fatalf("output does not read back: %v\n%s", err, buf.String())
		}
		if len(got) != 2 {
			t.Fatalf("%d units, want 2", len(got))
		}
		for i, seg := range doc.Segments {
			src := readBack(seg.Source)
			tgt := readBack(seg.Target)
			if got[i].Variants["fr-FR"] != src || got[i].Variants["en"] != tgt {
				t.Errorf("unit %d: %q → %q, want %q → %q", i+1, got[i].Variants["fr-FR"], got[i].Variants["en"], src, tgt)
			}
		}
		if note := readBack(s); got[0].Note != note {
			t.Errorf("note %q, want %q", got[0].Note, note)
		}
		// With context, each unit carries its neighbour's cleaned source.
		buf.Reset()
		if err := WriteTMX(&buf, doc, Options{Now: t0, Context: true}); err != nil {
			t.Fatal(err)
		}
		got = got[:0]
		if err := ReadTMX(&buf, func(tu TU) error { got = append(got, tu); return nil }); err != nil || len(got) != 2 {
			t.Fatalf("output with context does not read back (%d units): %v\n%s", len(got), err, buf.String())
		}
		src0 := readBack(doc.Segments[0].Source)
		src1 := readBack(doc.Segments[1].Source)
		if got[0].Props["prev"] != "" || got[0].Props["next"] != src1 || got[1].Props["prev"] != src0 || got[1].Props["next"] != "" {
			t.Errorf("context %v / %v, want neighbours %q and %q", got[0].Props, got[1].Props, src0, src1)
		}
	})
}

func FuzzWriteXLIFF(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, v12 bool) {
		doc := fuzzPair(s)
		doc.Segments[1].Note = s
		opts := Options{}
		if v12 {
			opts.XLIFF.Version = XLIFF12
		}
		var buf bytes.Buffer
		if err := WriteXLIFF(&buf, doc, opts); err != nil {
			t.Fatal(err)
		}
		var got []XLIFFSegment
		if err := ReadXLIFF(&buf, func(x XLIFFSegment) error { got = append(got, x); return nil }); err != nil {
			t.Fatalf("output does not read back: %v\n%s", err, buf.String())
		}
		if len(got) != 2 {
			t.Fatalf("%d segments, want 2", len(got))
		}
		for i, seg := range doc.Segments {
			src := readBack(seg.Source)
			tgt := readBack(seg.Target)
			note := readBack(seg.Note)
			if got[i].Source != src || got[i].Target != tgt || got[i].Note != note || got[i].Status() != seg.Status && strings.TrimSpace(tgt) != "" {
				t.Errorf("segment %d: read %+v, want %q → %q (%s) note %q", i+1, got[i], src, tgt, seg.Status, note)
			}
		}
	})
}

func FuzzReadTMX(f *testing.F) {
	for _, p := range []string{"testdata/fr-en.tmx", "testdata/omegat36-level2.tmx", "testdata/golden/fixture.tmx"} {
		f.Add(mustRead(f, p))
	}
	f.Add(`<tmx><body><tu><tuv lang="fr"><seg>a<bpt>b<sub>c</sub></bpt><hi>d</hi></seg></tuv></tu></body></tmx>`)
	f.Add(hostileTMX)
	f.Add(`<tmx><body><tu><tuv xml:lang="fr"><seg>Le <bpt i="1" x="1">**</bpt>cloud<ept i="1">**</ept><it pos="begin">*</it> <ph>x</ph>&#xE000;</seg></tuv></tu></body></tmx>`)
	f.Fuzz(func(t *testing.T, in string) {
		n := 0
		err := ReadTMX(strings.NewReader(in), func(tu TU) error {
			n++
			if tu.Variants == nil {
				t.Fatal("nil Variants")
			}
			for k, v := range tu.Variants {
				if hasControl(k) || hasControl(v) {
					t.Fatalf("variant %q = %q holds a control character", k, v)
				}
			}
			if hasControl(tu.Note) || hasControl(tu.ID) {
				t.Fatalf("note %q or id %q holds a control character", tu.Note, tu.ID)
			}
			for lang, tags := range tu.Tags {
				text, prev := tu.Variants[lang], 0
				for _, c := range tags {
					if c.At < prev || c.At > len(text) || hasControl(c.Markup) || strings.ContainsRune(text, tagMark) {
						t.Fatalf("%s: code %+v does not fit %q", lang, c, text)
					}
					prev = c.At
				}
			}
			return nil
		})
		if err == nil && !strings.Contains(in, "tmx") {
			t.Errorf("accepted input without a <tmx> element")
		}
		if n > strings.Count(in, "<tu") {
			t.Errorf("%d units from %d <tu tags", n, strings.Count(in, "<tu"))
		}
	})
}

func FuzzReadXLIFF(f *testing.F) {
	for _, p := range []string{"testdata/golden/fixture.xlf", "testdata/golden/fixture-12.xlf"} {
		f.Add(mustRead(f, p))
	}
	f.Add(hostileXLIFF)
	f.Add(strings.Replace(mustRead(f, "testdata/golden/fixture.xlf"), `id="s2"`, `id="s1"`, 1))
	f.Add(`<xliff version="2.1"><file><unit id="b1"><segment id="s1"><source>a<pc id="1">b<ph id="2"/></pc>&#xE000;<sc id="3"/></source><target>x<ec startRef="3"/></target></segment></unit></file></xliff>`)
	f.Fuzz(func(t *testing.T, in string) {
		_ = ReadXLIFF(strings.NewReader(in), func(xs XLIFFSegment) error {
			for _, side := range []struct {
				text string
				tags []XLIFFTag
			}{{xs.Source, xs.SourceTags}, {xs.Target, xs.TargetTags}} {
				for _, tg := range side.tags {
					if tg.At < 0 || tg.At > len(side.text) || strings.ContainsRune(side.text, tagMark) || hasControl(tg.ID) {
						t.Fatalf("tag %+v does not fit %q", tg, side.text)
					}
				}
			}
			return nil
		})
		doc := fixtureDoc()
		_, _ = ImportXLIFF(doc, strings.NewReader(in), t0)
		if err := doc.Check(); err != nil {
			t.Fatalf("import left an inconsistent document: %v", err)
		}
		if len(doc.Segments) != 14 {
			t.Fatal("import changed the segment list")
		}
		for _, s := range doc.Segments {
			if hasControl(s.Target) || hasControl(s.Note) {
				t.Fatalf("segment %d: target %q or note %q holds a control character", s.Index, s.Target, s.Note)
			}
		}
	})
}
