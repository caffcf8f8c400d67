package bitext

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/trad-project/trad/segments"
)

// tmxDoc mirrors the TMX structure for checking what WriteTMX produced.
type tmxDoc struct {
	XMLName xml.Name `xml:"tmx"`
	Version string   `xml:"version,attr"`
	Header  struct {
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"header"`
	TUs []struct {
		TUID    string `xml:"tuid,attr"`
		Created string `xml:"creationdate,attr"`
		Changed string `xml:"changedate,attr"`
		Props   []struct {
			Type  string `xml:"type,attr"`
			Value string `xml:",chardata"`
		} `xml:"prop"`
		Notes []string `xml:"note"`
		TUVs  []struct {
			Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			Seg  string `xml:"seg"`
		} `xml:"tuv"`
	} `xml:"body>tu"`
}

func writeTMX(t *testing.T, doc *segments.Document, opts Options) (string, tmxDoc, []string) {
	t.Helper()
	var warns []string
	opts.Warn = func(m string) { warns = append(warns, m) }
	if opts.Now.IsZero() {
		opts.Now = t0
	}
	var buf bytes.Buffer
	if err := WriteTMX(&buf, doc, opts); err != nil {
		t.Fatalf("WriteTMX: %v", err)
	}
	var got tmxDoc
	if err := xml.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("WriteTMX output is not well-formed XML: %v\n%s", err, buf.String())
	}
	return buf.String(), got, warns
}

func TestWriteTMXHeader(t *testing.T) {
	out, got, _ := writeTMX(t, fixtureDoc(), Options{ToolVersion: "1.2.3"})
	if !strings.HasPrefix(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n") {
		t.Errorf("missing XML declaration or DOCTYPE:\n%s", out[:100])
	}
	if got.Version != "1.4" {
		t.Errorf("tmx version = %q, want 1.4", got.Version)
	}
	want := map[string]string{
		"creationtool": "trad", "creationtoolversion": "1.2.3", "segtype": "sentence", "o-tmf": "trad",
		"adminlang": "en", "srclang": "fr-FR", "datatype": "plaintext", "creationdate": "20250314T092653Z",
	}
	have := map[string]string{}
	for _, a := range got.Header.Attrs {
		have[a.Name.Local] = a.Value
	}
	for k, v := range want {
		if have[k] != v {
			t.Errorf("header %s = %q, want %q", k, have[k], v)
		}
	}
}

func TestWriteTMXUnits(t *testing.T) {
	date := regexp.MustCompile(`^\d{8}T\d{6}Z$`)
	tests := []struct {
		name  string
		opts  Options
		tuids []string
	}{
		// Segment 3 is a draft, 4 and 13 are new, 14 has an empty target.
		{"confirmed only", Options{}, []string{"1", "2", "5", "6", "7", "8", "9", "10", "11", "12"}},
		{"all", Options{All: true}, []string{"1", "2", "3", "5", "6", "7", "8", "9", "10", "11", "12"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := fixtureDoc()
			_, got, _ := writeTMX(t, doc, tt.opts)
			var ids []string
			for _, tu := range got.TUs {
				ids = append(ids, tu.TUID)
				if !date.MatchString(tu.Created) || !date.MatchString(tu.Changed) {
					t.Errorf("tu %s: dates %q %q not YYYYMMDDThhmmssZ", tu.TUID, tu.Created, tu.Changed)
				}
				if len(tu.TUVs) != 2 || tu.TUVs[0].Lang != "fr-FR" || tu.TUVs[1].Lang != "en" {
					t.Fatalf("tu %s: tuvs %+v, want fr-FR then en", tu.TUID, tu.TUVs)
				}
				n, err := strconv.Atoi(tu.TUID)
				if err != nil {
					t.Fatalf("tuid %q: %v", tu.TUID, err)
				}
				s := doc.Segments[n-1]
				if tu.TUVs[0].Seg != s.Source || tu.TUVs[1].Seg != s.Target {
					t.Errorf("tu %s: pair %q → %q, want %q → %q", tu.TUID, tu.TUVs[0].Seg, tu.TUVs[1].Seg, s.Source, s.Target)
				}
				if len(tu.Props) != 1 || tu.Props[0].Type != "x-status" || tu.Props[0].Value != s.Status.String() {
					t.Errorf("tu %s: props %+v, want x-status %s", tu.TUID, tu.Props, s.Status)
				}
			}
			if strings.Join(ids, ",") != strings.Join(tt.tuids, ",") {
				t.Errorf("tuids %v, want %v", ids, tt.tuids)
			}
		})
	}
}

func TestWriteTMXEscapingAndIllegalChars(t *testing.T) {
	doc := buildDoc("text", tb{kind: segments.KindParagraph,
		segs: []string{"A & B < C > D \"q\" 'a'", "Bell\a and \uFFFE and \x01 here."},
		tgts: []string{"A & B < C > D \"q\" 'a'|translated", "Bell and here.|translated"}})
	doc.Segments[0].Note = "note with \"quotes\" & <tags>\tand tab"
	out, got, warns := writeTMX(t, doc, Options{})
	if !strings.Contains(out, "<seg>A &amp; B &lt; C &gt; D \"q\" 'a'</seg>") {
		t.Errorf("text not escaped as expected:\n%s", out)
	}
	if got.TUs[0].Notes[0] != doc.Segments[0].Note {
		t.Errorf("note read back %q, want %q", got.TUs[0].Notes[0], doc.Segments[0].Note)
	}
	if got.TUs[1].TUVs[0].Seg != "Bell and  and  here." {
		t.Errorf("illegal characters not removed: %q", got.TUs[1].TUVs[0].Seg)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "segment 2: removed 3 character(s)") {
		t.Errorf("warnings %q, want one about 3 characters in segment 2", warns)
	}
}

func TestWriteTMXNoWhitespaceInSeg(t *testing.T) {
	out, _, _ := writeTMX(t, fixtureDoc(), Options{All: true})
	for _, m := range regexp.MustCompile(`<seg>([^<]*)</seg>`).FindAllStringSubmatch(out, -1) {
		if strings.TrimSpace(m[1]) != m[1] || m[1] == "" {
			t.Errorf("seg %q is empty or padded", m[1])
		}
	}
	if n := strings.Count(out, "<seg>"); n != 22 {
		t.Errorf("%d <seg> elements, want 22", n)
	}
}

func TestWriteTMXParagraph(t *testing.T) {
	doc := buildDoc("text",
		tb{kind: segments.KindParagraph, sep: "  ", segs: []string{"Un.", "Deux."}, tgts: []string{"One.|translated", "Two.|reviewed"}},
		tb{kind: segments.KindParagraph, segs: []string{"Trois.", "Quatre."}, tgts: []string{"Three.|translated"}},
	)
	doc.Segments[0].Note = "n1"
	doc.Segments[1].Note = "n2"
	out, got, _ := writeTMX(t, doc, Options{TMX: TMXOptions{Level: LevelParagraph}})
	if !strings.Contains(out, `segtype="paragraph"`) {
		t.Error("segtype is not paragraph")
	}
	if len(got.TUs) != 1 {
		t.Fatalf("%d units, want 1 (block 2 is not fully translated)", len(got.TUs))
	}
	tu := got.TUs[0]
	if tu.TUVs[0].Seg != "Un.  Deux." || tu.TUVs[1].Seg != "One.  Two." {
		t.Errorf("paragraph pair %q → %q, want the original separator kept", tu.TUVs[0].Seg, tu.TUVs[1].Seg)
	}
	if tu.Props[0].Value != "translated" || tu.Notes[0] != "n1\nn2" {
		t.Errorf("status %q note %q, want translated and both notes", tu.Props[0].Value, tu.Notes[0])
	}
}

// TestWriteTMXContext checks OmegaT's prev/next props: the neighbours'
// sources, exported or not, "" at the ends, blocks without segments
// skipped at paragraph level, ContextOf overriding, none by default.
func TestWriteTMXContext(t *testing.T) {
	doc := fixtureDoc()
	segCtx := func(i int) [2]string {
		var c [2]string
		if i > 0 {
			c[0] = doc.Segments[i-1].Source
		}
		if i+1 < len(doc.Segments) {
			c[1] = doc.Segments[i+1].Source
		}
		return c
	}
	tests := []struct {
		name string
		opts Options
		want map[string][2]string // tuid → prev, next; nil: no context props
	}{
		{"default", Options{All: true}, nil},
		{"sentence", Options{All: true, Context: true}, map[string][2]string{
			"1":  segCtx(0),
			"2":  segCtx(1),
			"3":  segCtx(2), // its neighbour 4 (untranslated) is context all the same
			"14": segCtx(13),
		}},
		{"paragraph", Options{All: true, Context: true, TMX: TMXOptions{Level: LevelParagraph}}, map[string][2]string{
			"1": {"", "L’Europe dépend des « hyperscalers » américains. Prix : 5 € & taxes <incluses>. Cette phrase reste à traduire."},
			// Block 8 (tuid 8) is a table row between two code blocks, skipped.
			"8": {"« Il a dit bonjour » 😀 à M. Dupont. Deuxième phrase.", "France | Paris"},
		}},
		{"ContextOf", Options{All: true, Context: true, ContextOf: func(i int) (string, string, bool) {
			return fmt.Sprint("p", i), fmt.Sprint("n", i), i == 0
		}}, map[string][2]string{"1": {"p0", "n0"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			tt.opts.Now = t0
			if err := WriteTMX(&buf, doc, tt.opts); err != nil {
				t.Fatal(err)
			}
			n := 0
			err := ReadTMX(&buf, func(tu TU) error {
				n++
				prev, hasPrev := tu.Props["prev"]
				next, hasNext := tu.Props["next"]
				want, listed := tt.want[tu.ID]
				switch {
				case tt.want == nil || tt.opts.ContextOf != nil && !listed:
					if hasPrev || hasNext {
						t.Errorf("unit %s: context %q / %q, want none", tu.ID, prev, next)
					}
				case !hasPrev || !hasNext:
					t.Errorf("unit %s: no context props: %v", tu.ID, tu.Props)
				case listed && [2]string{prev, next} != want:
					t.Errorf("unit %s: context %q / %q, want %q / %q", tu.ID, prev, next, want[0], want[1])
				}
				return nil
			})
			if err != nil || n == 0 {
				t.Fatalf("read back: %d units, %v", n, err)
			}
		})
	}
}

func TestWriteTMXErrors(t *testing.T) {
	doc := fixtureDoc()
	if err := WriteTMX(&bytes.Buffer{}, doc, Options{TMX: TMXOptions{Level: "word"}}); err == nil {
		t.Error("unknown level accepted")
	}
	doc.SourceLang = segments.Document{}.SourceLang
	if err := WriteTMX(&bytes.Buffer{}, doc, Options{}); err == nil || !strings.Contains(err.Error(), "source language") {
		t.Errorf("document without source language: err = %v", err)
	}
	if err := WriteTMX(failWriter{}, fixtureDoc(), Options{}); err == nil {
		t.Error("write error not reported")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func readPairs(t *testing.T, path, src, tgt string) [][2]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pairs [][2]string
	err = ReadTMX(f, func(tu TU) error {
		pairs = append(pairs, [2]string{tu.Variants[src], tu.Variants[tgt]})
		return nil
	})
	if err != nil {
		t.Fatalf("ReadTMX %s: %v", path, err)
	}
	return pairs
}

func TestReadTMXSamples(t *testing.T) {
	// fr-en.pairs.tsv is what translate-toolkit reads from fr-en.tmx.
	want := map[[2]string]bool{}
	f, err := os.Open("testdata/fr-en.pairs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		s, tg, _ := strings.Cut(sc.Text(), "\t")
		want[[2]string{UnescapeTSV(s), UnescapeTSV(tg)}] = true
	}
	for _, file := range []string{"testdata/fr-en.tmx", "testdata/omegat36-level2.tmx"} {
		pairs := readPairs(t, file, "fr-FR", "en-GB")
		if len(pairs) != len(want) {
			t.Errorf("%s: %d pairs, want %d", file, len(pairs), len(want))
		}
		for _, p := range pairs {
			if !want[p] {
				t.Errorf("%s: unexpected pair %q", file, p)
			}
		}
	}
}

func TestReadTMXDetails(t *testing.T) {
	in := `<?xml version="1.0"?>
<tmx version="1.1"><header srclang="fr"/><body>
<tu tuid="a" creationdate="20240102T030405Z" changedate="bad">
  <prop type="x-status">reviewed</prop><note>one</note><note>two</note>
  <tuv lang="fr"><prop type="ignored">x</prop><seg>Texte <bpt i="1">&lt;b&gt;</bpt>gras<ept i="1">&lt;/b&gt;</ept> et <ph>{0}</ph><hi>fort</hi><it pos="begin">&lt;i&gt;<sub>alt</sub></it>.</seg></tuv>
  <tuv xml:lang="en" lang="de"><seg>  Spaced  </seg></tuv>
</tu></body></tmx>`
	var got []TU
	if err := ReadTMX(strings.NewReader(in), func(tu TU) error { got = append(got, tu); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d units, want 1", len(got))
	}
	tu := got[0]
	if tu.ID != "a" || tu.Created.Format("2006-01-02T15:04:05") != "2024-01-02T03:04:05" || !tu.Changed.IsZero() {
		t.Errorf("id %q created %v changed %v", tu.ID, tu.Created, tu.Changed)
	}
	if tu.Variants["fr"] != "Texte gras et fort." {
		t.Errorf("fr = %q, want inline codes dropped and <hi> text kept", tu.Variants["fr"])
	}
	if tu.Variants["en"] != "  Spaced  " {
		t.Errorf("en = %q, want xml:lang preferred over lang and spaces kept", tu.Variants["en"])
	}
	if tu.Props["x-status"] != "reviewed" || len(tu.Props) != 1 || tu.Note != "one\ntwo" {
		t.Errorf("props %v note %q", tu.Props, tu.Note)
	}
}

func TestReadTMXUTF16(t *testing.T) {
	in := `<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4"><header/><body><tu><tuv xml:lang="fr"><seg>été</seg></tuv></tu></body></tmx>`
	u := utf16.Encode([]rune(in))
	b := []byte{0xFF, 0xFE}
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	var got string
	if err := ReadTMX(bytes.NewReader(b), func(tu TU) error { got = tu.Variants["fr"]; return nil }); err != nil {
		t.Fatal(err)
	}
	if got != "été" {
		t.Errorf("read %q from UTF-16, want été", got)
	}
}

func TestReadTMXErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"not xml", "hello", "not a TMX"},
		{"broken", "<tmx>\n<body>\n<tu><tuv xml:lang=\"fr\"><seg>x</tuv></tu></body></tmx>", "line 3"},
		{"other root", "<html/>", "not a TMX"},
		{"bad entity", "<tmx><body><tu><tuv xml:lang=\"fr\"><seg>&nbsp;</seg></tuv></tu></body></tmx>", "line 1"},
		// One root element, nothing but white space outside it (XML 1.0
		// well-formedness, the same rule as for TBX and XLIFF).
		{"two roots", "<tmx><body/></tmx>\n<tmx/>", "line 2: element <tmx> after the root element"},
		{"text after", "<tmx><body/></tmx>\n&amp;", "line 2: text outside the root element"},
	}
	for _, tt := range tests {
		err := ReadTMX(strings.NewReader(tt.in), func(TU) error { return nil })
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to mention %q", tt.name, err, tt.want)
		}
	}
	// A truncated file is an error naming the innermost open element and
	// the line of its start tag, not a silent success.
	fixture := mustRead(t, "testdata/golden/fixture.tmx")
	cut := func(after string) string { return fixture[:strings.Index(fixture, after)+len(after)] }
	truncated := []struct{ name, in, want string }{
		{"open tu", "<tmx><body><tu>", "line 1: <tu> is not closed"},
		{"only root", "<tmx>\n", "line 1: <tmx> is not closed"},
		{"inside seg", "<tmx>\n<body>\n<tu>\n<tuv xml:lang=\"fr\">\n<seg>text", "line 5: <seg> is not closed"},
		{"fixture after a tuv", cut("</seg></tuv>"), "line 6: <tu> is not closed"},
		{"fixture after a prop", cut("</prop>"), "line 6: <tu> is not closed"},
		{"fixture before </tmx>", strings.TrimSuffix(fixture, "</tmx>\n"), "line 3: <tmx> is not closed"},
	}
	for _, tt := range truncated {
		for name, read := range map[string]func(io.Reader, func(TU) error) error{"ReadTMX": ReadTMX, "encoding/xml": readTMXStd} {
			err := read(strings.NewReader(tt.in), func(TU) error { return nil })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s, %s: err = %v, want it to contain %q", tt.name, name, err, tt.want)
			}
		}
	}
	// Every cut of the fixture after a tag but before its end is an error.
	for i := strings.IndexByte(fixture, '>'); i >= 0 && i+1 < len(strings.TrimRight(fixture, "\n")); {
		if err := ReadTMX(strings.NewReader(fixture[:i+1]), func(TU) error { return nil }); err == nil {
			t.Fatalf("fixture cut after byte %d read without error", i+1)
		}
		j := strings.IndexByte(fixture[i+1:], '>')
		if j < 0 {
			break
		}
		i += 1 + j
	}

	stop := errors.New("stop")
	if err := ReadTMX(strings.NewReader(`<tmx><body><tu/><tu/></body></tmx>`), func(TU) error { return stop }); err != stop {
		t.Errorf("callback error: got %v", err)
	}
}

func TestTMXRoundTrip(t *testing.T) {
	{
		doc := fixtureDoc()
		var buf bytes.Buffer
		if err := WriteTMX(&buf, doc, Options{All: true}); err != nil {
			t.Fatal(err)
		}
		fresh := fixtureDoc()
		for i := range fresh.Segments {
			fresh.Segments[i].Target, fresh.Segments[i].Status = "", segments.StatusNew
		}
		fresh.Segments[0].Target, fresh.Segments[0].Status = "kept", segments.StatusTranslated
		rep, err := ImportTMX(fresh, &buf, t0)
		if err != nil {
			t.Fatal(err)
		}
		filled := 0
		for i, s := range fresh.Segments {
			orig := doc.Segments[i]
			switch {
			case i == 0:
				if s.Target != "kept" {
					t.Errorf("segment 1: existing target overwritten with %q", s.Target)
				}
			case Exported(&orig, Options{All: true}):
				filled++
				if s.Target != orig.Target || s.Status != segments.StatusDraft || s.Origin != OriginTM {
					t.Errorf("segment %d: %q %s %q, want %q draft from tm", i+1, s.Target, s.Status, s.Origin, orig.Target)
				}
			default:
				if s.Target != "" {
					t.Errorf("segment %d: filled with %q, not in the TMX", i+1, s.Target)
				}
			}
		}
		if rep.Filled != filled || rep.Units != filled+1 {
			t.Errorf("report %+v, want %d filled of %d units", rep, filled, filled+1)
		}
	}
}

func TestImportTMXLanguages(t *testing.T) {
	// The OmegaT sample is fr-FR → en-GB; a fr → en project matches it by base language.
	doc := buildDoc("text", tb{kind: segments.KindParagraph,
		segs: []string{"Le chat dort sur le canapé.", "Inconnu."}})
	f, err := os.Open("testdata/omegat36-level2.tmx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := ImportTMX(doc, f, t0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Filled != 1 || doc.Segments[0].Target != "The cat is sleeping on the sofa." || doc.Segments[1].Target != "" {
		t.Errorf("report %+v, targets %q %q", rep, doc.Segments[0].Target, doc.Segments[1].Target)
	}
}

// TestImportTMXVariants: the variants of a unit are picked as the memory
// picks them (internal/langtag): the tag itself, else the same base
// language with the lowest key, whatever the map order; a deprecated code
// ("iw" for Hebrew) meets the project's current one.
func TestImportTMXVariants(t *testing.T) {
	const unit = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
<tu><tuv xml:lang="EN-US"><seg>Good morning.</seg></tuv>%s</tu>
</body></tmx>`
	for _, c := range []struct {
		name, variants, target, want string
	}{
		{"regional variants", `<tuv xml:lang="fr-FR"><seg>Bonjour (FR).</seg></tuv><tuv xml:lang="fr-CA"><seg>Bon matin (CA).</seg></tuv><tuv xml:lang="fr-BE"><seg>Bonjour (BE).</seg></tuv>`, "fr", "Bonjour (BE)."},
		{"exact tag first", `<tuv xml:lang="fr-CA"><seg>Bon matin (CA).</seg></tuv><tuv xml:lang="fr"><seg>Bonjour.</seg></tuv>`, "fr", "Bonjour."},
		{"deprecated code", `<tuv xml:lang="IW-IL"><seg>בוקר טוב.</seg></tuv>`, "he", "בוקר טוב."},
	} {
		data := fmt.Sprintf(unit, c.variants)
		for run := 0; run < 30; run++ {
			doc := buildDoc("text", tb{kind: segments.KindParagraph, segs: []string{"Good morning."}})
			doc.SourceLang, doc.TargetLang = mustTag("en"), mustTag(c.target)
			if _, err := ImportTMX(doc, strings.NewReader(data), t0); err != nil {
				t.Fatal(err)
			}
			if got := doc.Segments[0].Target; got != c.want {
				t.Fatalf("%s (run %d): target %q, want %q", c.name, run, got, c.want)
			}
		}
	}
}
