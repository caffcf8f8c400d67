package bitext

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/trad-project/trad/segments"
)

// hasControl reports whether s holds a control character other than LF.
func hasControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' }) >= 0
}

// hostileTMX carries a C1 CSI clear screen, a title change and a clipboard
// write (C1 OSC 0 and OSC 52) through character references (XML refuses
// &#x1B; but accepts the C1 controls).
const hostileTMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr-FR"/><body>
<tu><tuv xml:lang="fr-FR"><seg>Bonjour.</seg></tuv>
<tuv xml:lang="en"><seg>&#x9B;2JHello&#x9D;0;pwned&#x9C;.&#x9D;52;c;ZWNobyBoaQ==&#x9C;</seg></tuv>
<note>note&#x9B;31m rouge</note><prop type="x-&#x9D;p">v&#x9B;1m</prop></tu>
</body></tmx>`

func TestReadTMXCleansControls(t *testing.T) {
	var got []TU
	if err := ReadTMX(strings.NewReader(hostileTMX), func(tu TU) error { got = append(got, tu); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d units, want 1", len(got))
	}
	tu := got[0]
	if tu.Variants["en"] != "Hello." || tu.Note != "note rouge" {
		t.Errorf("target %q, note %q: want %q, %q", tu.Variants["en"], tu.Note, "Hello.", "note rouge")
	}
	for k, v := range tu.Props {
		if hasControl(k) || hasControl(v) {
			t.Errorf("prop %q = %q holds a control character", k, v)
		}
	}
	// Through an import and every export, nothing reaches the output.
	doc := buildDoc("text", tb{kind: segments.KindParagraph, segs: []string{"Bonjour."}})
	rep, err := ImportTMX(doc, strings.NewReader(hostileTMX), t0)
	if err != nil || rep.Filled != 1 {
		t.Fatalf("import: %+v, %v", rep, err)
	}
	for _, f := range Formats {
		var b bytes.Buffer
		if err := Write(&b, doc, f, Options{All: true, Now: t0}); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(b.String(), "\x1b\x07\u009b\u009d") {
			t.Errorf("%s export holds an escape: %q", f, b.String())
		}
	}
}

const hostileXLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">
<file id="f1"><unit id="u&#x9B;1"><notes><note>n<cp hex="1B"/>[2Jote</note></notes>
<segment id="s1" state="translated"><source>Bonjour.</source>
<target><cp hex="1B"/>]0;pwned<cp hex="7"/>Hello<cp hex="9B"/>31m.<cp hex="1B"/>]52;c;aGk=<cp hex="1B"/>\</target></segment>
</unit></file></xliff>`

func TestReadXLIFFCleansControls(t *testing.T) {
	var got []XLIFFSegment
	if err := ReadXLIFF(strings.NewReader(hostileXLIFF), func(s XLIFFSegment) error { got = append(got, s); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d segments, want 1", len(got))
	}
	s := got[0]
	if s.Target != "Hello." || s.Note != "note" || s.Unit != "u" {
		t.Errorf("got target %q, note %q, unit %q; want %q, %q, %q", s.Target, s.Note, s.Unit, "Hello.", "note", "u")
	}
}

func TestReadXLIFFDuplicateIDs(t *testing.T) {
	const v2 = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">
<file id="f1">
<unit id="u1"><segment id="s1"><source>Un.</source></segment></unit>
<unit id="u2"><segment id="s1"><source>Deux.</source></segment></unit>
<unit id="u3"><segment id="s3"><source>Trois.</source></segment>
<segment id="s3"><source>Quatre.</source></segment></unit>
</file></xliff>`
	const v12 = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="fr"><body>
<trans-unit id="s1"><source>Un.</source></trans-unit>
</body></file>
<file original="b" source-language="fr"><body>
<trans-unit id="s1"><source>Un.</source></trans-unit>
<group id="g"><trans-unit id="s1"><source>Deux.</source></trans-unit></group>
</body></file></xliff>`
	for _, tc := range []struct {
		name, in, want string
		before         int
	}{
		{"2.0 segment twice in a unit", v2, `line 6: duplicate segment id "s3" (first used at line 5)`, 3},
		{"1.2 trans-unit twice in a file", v12, `line 7: duplicate segment id "s1" (first used at line 6)`, 2},
	} {
		n := 0
		err := ReadXLIFF(strings.NewReader(tc.in), func(XLIFFSegment) error { n++; return nil })
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
		if n != tc.before {
			t.Errorf("%s: %d segments before the error, want %d (ids may repeat across units and files)", tc.name, n, tc.before)
		}
	}
}

func TestTSVSafe(t *testing.T) {
	cells := []string{"=HYPERLINK(\"http://x\")", "+1", "-2 °C", "@SUM(A1)", "＝1", "a=b", "", "Bonjour", "\t=x"}
	var segs, tgts []string
	for _, c := range cells {
		segs = append(segs, "x"+c)
		tgts = append(tgts, c+"|translated")
	}
	doc := buildDoc("text", tb{kind: segments.KindParagraph, segs: segs, tgts: tgts})
	want := []string{"'=HYPERLINK(\"http://x\")", "'+1", "'-2 °C", "'@SUM(A1)", "'＝1", "a=b", "", "Bonjour", `\t=x`}
	for _, safe := range []bool{false, true} {
		var b bytes.Buffer
		if err := WriteTSV(&b, doc, Options{TSV: TSVOptions{Safe: safe}}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		for i, l := range lines {
			got := strings.Split(l, "\t")[1]
			w := want[i]
			if !safe {
				w = tsvEscaper.Replace(cells[i]) // default unchanged: exact round trip
			}
			if got != w {
				t.Errorf("safe=%v: cell %q written %q, want %q", safe, cells[i], got, w)
			}
		}
	}
}

// TestManyNotesLinear reads units with tens of thousands of notes, which
// took 18 s (TMX, 40,000 notes joined one by one) and minutes (XLIFF 2,
// every note looked at for every segment), and checks where notes go.
func TestManyNotesLinear(t *testing.T) {
	const n = 40000
	tmx := `<tmx version="1.4"><header/><body><tu>` + strings.Repeat("<note>n</note>", n) +
		`<tuv xml:lang="fr"><seg>a</seg></tuv></tu><tu><note>seule</note><tuv xml:lang="fr"><seg>b</seg></tuv></tu></body></tmx>`
	var notes []string
	if err := ReadTMX(strings.NewReader(tmx), func(tu TU) error { notes = append(notes, tu.Note); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || len(notes[0]) != 2*n-1 || notes[1] != "seule" {
		t.Errorf("TMX notes: %d units, first note %d bytes, second %q", len(notes), len(notes[0]), notes[1])
	}
	x12 := `<xliff version="1.2"><file><body><trans-unit id="a"><source>a</source>` + strings.Repeat("<note>n</note>", n) +
		`</trans-unit><trans-unit id="b"><source>b</source></trans-unit></body></file></xliff>`
	var segs []XLIFFSegment
	collect := func(s XLIFFSegment) error { segs = append(segs, s); return nil }
	if err := ReadXLIFF(strings.NewReader(x12), collect); err != nil {
		t.Fatal(err)
	}
	if len(segs) != 2 || len(segs[0].Note) != 2*n-1 || segs[1].Note != "" {
		t.Errorf("XLIFF 1.2 notes: %d segments, note lengths %d, %d", len(segs), len(segs[0].Note), len(segs[1].Note))
	}
	var b strings.Builder
	b.WriteString(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:trad="` + tradNS + `" version="2.0"><file id="f"><unit id="u"><notes>`)
	b.WriteString(strings.Repeat(`<note>g</note>`, n/4))
	b.WriteString(`<note trad:segment="s7">sept</note></notes>`)
	for i := range n / 4 {
		fmt.Fprintf(&b, `<segment id="s%d"><source>a</source></segment>`, i)
	}
	b.WriteString(`<segment><source>sans id</source></segment></unit></file></xliff>`)
	segs = segs[:0]
	if err := ReadXLIFF(strings.NewReader(b.String()), collect); err != nil {
		t.Fatal(err)
	}
	if len(segs) != n/4+1 || len(segs[0].Note) != 2*(n/4)-1 || segs[7].Note != "sept" || segs[1].Note != "" || segs[n/4].Note != "" {
		t.Errorf("XLIFF 2 notes: %d segments; first note %d bytes, s7 %q, s1 %q, id-less %d bytes",
			len(segs), len(segs[0].Note), segs[7].Note, segs[1].Note, len(segs[n/4].Note))
	}
}
