package bitext

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

// xliff2Doc and xliff12Doc mirror the parts of XLIFF that WriteXLIFF writes.
type xliff2Doc struct {
	XMLName xml.Name `xml:"urn:oasis:names:tc:xliff:document:2.0 xliff"`
	Version string   `xml:"version,attr"`
	SrcLang string   `xml:"srcLang,attr"`
	TrgLang string   `xml:"trgLang,attr"`
	File    struct {
		ID    string `xml:"id,attr"`
		Units []struct {
			ID    string `xml:"id,attr"`
			Type  string `xml:"type,attr"`
			Notes []struct {
				Seg  string `xml:"urn:trad-project:trad segment,attr"`
				Text string `xml:",chardata"`
			} `xml:"notes>note"`
			Segments []struct {
				ID       string  `xml:"id,attr"`
				State    string  `xml:"state,attr"`
				SubState string  `xml:"subState,attr"`
				Source   string  `xml:"source"`
				Target   *string `xml:"target"`
			} `xml:"segment"`
			Ignorables []string `xml:"ignorable>source"`
		} `xml:"unit"`
	} `xml:"file"`
}

type xliff12Doc struct {
	XMLName xml.Name `xml:"urn:oasis:names:tc:xliff:document:1.2 xliff"`
	File    struct {
		Original string `xml:"original,attr"`
		Src      string `xml:"source-language,attr"`
		Tgt      string `xml:"target-language,attr"`
		Datatype string `xml:"datatype,attr"`
		Groups   []struct {
			ID    string `xml:"id,attr"`
			Units []struct {
				ID       string `xml:"id,attr"`
				Approved string `xml:"approved,attr"`
				Source   string `xml:"source"`
				Target   *struct {
					State string `xml:"state,attr"`
					Text  string `xml:",chardata"`
				} `xml:"target"`
				Note string `xml:"note"`
			} `xml:"trans-unit"`
		} `xml:"body>group"`
	} `xml:"file"`
}

func writeXLIFF(t *testing.T, doc *segments.Document, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLIFF(&buf, doc, opts); err != nil {
		t.Fatalf("WriteXLIFF: %v", err)
	}
	return buf.Bytes()
}

func TestWriteXLIFF2(t *testing.T) {
	for _, v := range []string{"", "2.0"} {
		doc := fixtureDoc()
		doc.Segments[1].Note = "vérifier « hyperscalers »"
		out := writeXLIFF(t, doc, Options{XLIFF: XLIFFOptions{Version: XLIFFVersion(v)}, All: true})
		var got xliff2Doc
		if err := xml.Unmarshal(out, &got); err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, out)
		}
		wantV := map[string]string{"": "2.1", "2.0": "2.0"}[v]
		if got.Version != wantV || got.SrcLang != "fr-FR" || got.TrgLang != "en" || got.File.ID == "" {
			t.Errorf("root: version %q srcLang %q trgLang %q file id %q", got.Version, got.SrcLang, got.TrgLang, got.File.ID)
		}
		// 11 blocks, 2 of them code: 9 units.
		if len(got.File.Units) != 9 {
			t.Fatalf("%d units, want 9", len(got.File.Units))
		}
		para := got.File.Units[1]
		if para.ID != "b2" || para.Type != "trad:paragraph" || len(para.Segments) != 3 || len(para.Ignorables) != 2 || para.Ignorables[0] != " " {
			t.Errorf("paragraph unit: %+v", para)
		}
		states := []string{}
		for _, s := range para.Segments {
			states = append(states, s.ID+":"+s.State+"/"+s.SubState)
		}
		if strings.Join(states, " ") != "s2:translated/ s3:initial/trad:draft s4:initial/" {
			t.Errorf("states %v", states)
		}
		if para.Segments[2].Target != nil {
			t.Errorf("new segment has a target %q", *para.Segments[2].Target)
		}
		if len(para.Notes) != 1 || para.Notes[0].Seg != "s2" || para.Notes[0].Text != doc.Segments[1].Note {
			t.Errorf("notes %+v", para.Notes)
		}
		if got.File.Units[0].Segments[0].State != "reviewed" {
			t.Errorf("reviewed heading has state %q", got.File.Units[0].Segments[0].State)
		}
	}
}

func TestWriteXLIFF12(t *testing.T) {
	doc := fixtureDoc()
	doc.Segments[2].Note = "à revoir"
	out := writeXLIFF(t, doc, Options{XLIFF: XLIFFOptions{Version: XLIFF12}, All: true, ToolVersion: "9"})
	var got xliff12Doc
	if err := xml.Unmarshal(out, &got); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, out)
	}
	f := got.File
	if f.Original != "article.fr.md" || f.Src != "fr-FR" || f.Tgt != "en" || f.Datatype != "plaintext" || len(f.Groups) != 9 {
		t.Fatalf("file %+v", f)
	}
	u := f.Groups[1].Units
	if u[0].Target.State != "translated" || u[1].Target.State != "needs-review-translation" || u[2].Target != nil || u[1].Note != "à revoir" {
		t.Errorf("units %+v", u)
	}
	if h := f.Groups[0].Units[0]; h.Target.State != "signed-off" || h.Approved != "yes" {
		t.Errorf("reviewed unit %+v", h)
	}
	if err := WriteXLIFF(&bytes.Buffer{}, doc, Options{XLIFF: XLIFFOptions{Version: "3"}}); err == nil {
		t.Error("unknown XLIFF version accepted")
	}
}

// TestXLIFFRoundTrip exports a project, clears it, and imports the file
// back: every exported target, status and note must come home.
func TestXLIFFRoundTrip(t *testing.T) {
	for _, v := range []string{"2.1", "2.0", "1.2"} {
		t.Run(v, func(t *testing.T) {
			doc := fixtureDoc()
			doc.Segments[1].Note = "note 2"
			doc.Segments[8].Note = "note 9\nsur deux lignes"
			out := writeXLIFF(t, doc, Options{XLIFF: XLIFFOptions{Version: XLIFFVersion(v)}, All: true})
			fresh := fixtureDoc()
			for i := range fresh.Segments {
				fresh.Segments[i].Target, fresh.Segments[i].Status = "", segments.StatusNew
			}
			rep, err := ImportXLIFF(fresh, bytes.NewReader(out), t0)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Units != len(doc.Segments) || len(rep.Skipped) != 0 {
				t.Errorf("report %+v", rep)
			}
			for i := range doc.Segments {
				want, got := doc.Segments[i], fresh.Segments[i]
				if !Exported(&want, Options{All: true}) {
					want.Target, want.Status = "", segments.StatusNew
				}
				if got.Target != want.Target || got.Status != want.Status || got.Note != want.Note {
					t.Errorf("segment %d: %q %s %q, want %q %s %q", i+1, got.Target, got.Status, got.Note, want.Target, want.Status, want.Note)
				}
			}
		})
	}
}

func TestImportXLIFFMatching(t *testing.T) {
	in := `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en"><file id="f">
<unit id="u1"><notes><note>from another tool</note></notes>
 <segment id="s9" state="final"><source>Un.</source><target>One.</target></segment>
 <segment id="x"><source>Inconnu.</source><target>Unknown.</target></segment>
 <segment id="s2"><source>Deux <pc id="1">gras</pc><ph id="2"/><cp hex="21"/></source><target>Two <pc id="1">bold</pc>!</target>
 </segment></unit>
<unit id="u2"><segment id="s3" state="translated"><source>Trois.</source><target></target></segment>
<mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"><mtc:match ref="#s3"><source>Trois.</source><target>WRONG</target></mtc:match></mtc:matches></unit>
</file></xliff>`
	doc := buildDoc("text", tb{kind: segments.KindParagraph, segs: []string{"Un.", "Deux gras!", "Trois."},
		tgts: []string{"", "", "Three.|translated"}})
	rep, err := ImportXLIFF(doc, strings.NewReader(in), t0)
	if err != nil {
		t.Fatal(err)
	}
	s := doc.Segments
	if s[0].Target != "One." || s[0].Status != segments.StatusReviewed || s[0].Note != "from another tool" || s[0].Origin != OriginImport {
		t.Errorf("segment 1 (matched by source, final → reviewed): %+v", s[0])
	}
	if s[1].Target != "Two bold!" || s[1].Status != segments.StatusDraft {
		t.Errorf("segment 2 (inline codes, no state → draft): %+v", s[1])
	}
	if s[2].Target != "Three." || s[2].Status != segments.StatusTranslated {
		t.Errorf("segment 3: an empty target or a match erased the translation: %+v", s[2])
	}
	if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Msg, "segment x: source not found") || rep.Skipped[0].Line != 4 {
		t.Errorf("skipped %q", rep.Skipped)
	}
	if rep.Filled != 2 || rep.Unchanged != 1 {
		t.Errorf("report %+v, want 2 filled, 1 unchanged", rep)
	}
}

func TestXLIFF12States(t *testing.T) {
	tests := []struct {
		state    string
		approved bool
		want     segments.Status
	}{
		{"", false, segments.StatusTranslated},
		{"new", false, segments.StatusDraft},
		{"needs-translation", false, segments.StatusDraft},
		{"needs-review-translation", false, segments.StatusDraft},
		{"translated", false, segments.StatusTranslated},
		{"translated", true, segments.StatusReviewed},
		{"signed-off", false, segments.StatusReviewed},
		{"final", false, segments.StatusReviewed},
	}
	for _, tt := range tests {
		s := XLIFFSegment{Version: "1.2", HasTarget: true, Target: "x", State: tt.state, Approved: tt.approved}
		if got := s.Status(); got != tt.want {
			t.Errorf("1.2 state %q approved %v → %s, want %s", tt.state, tt.approved, got, tt.want)
		}
	}
	if s := (XLIFFSegment{Version: "2.1", HasTarget: true, Target: " ", State: "final"}); s.Status() != segments.StatusNew {
		t.Error("a blank target is not new")
	}
}

func TestReadXLIFFErrors(t *testing.T) {
	for _, in := range []string{"<tmx/>", "", "<xliff version=\"3.0\"/>", "<xliff version=\"2.0\"><file>\n<unit>"} {
		if err := ReadXLIFF(strings.NewReader(in), func(XLIFFSegment) error { return nil }); err == nil {
			t.Errorf("ReadXLIFF(%q) accepted", in)
		}
	}
}
