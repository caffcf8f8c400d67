package bitext

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

// inlineArticle is a Markdown document of n paragraphs with every kind of
// inline code: emphasis, strong, links with titles, autolinks, code spans,
// images, inline HTML, reference links; some cross sentence boundaries or
// cover whole sentences.
func inlineArticle(n int) string {
	var b strings.Builder
	b.WriteString("# Le *titre* du `guide`\n\n")
	for i := range n {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "Le **cloud %d** et *la* [CNIL](https://cnil.fr/p?a=%d&b=2 \"titre\"). Lancez `go build ./...` puis ![logo](img/%d.png).\n\n", i, i, i)
		case 1:
			fmt.Fprintf(&b, "**Une phrase entière en gras.** Puis une <abbr title=\"x\">abbr</abbr> et <https://exemple.fr/%d>.\n\n", i)
		case 2:
			fmt.Fprintf(&b, "- *Deux phrases. En italique.* Et ``un `code` double`` [réf][r] `x`\n\n")
		case 3:
			fmt.Fprintf(&b, "> Citation avec un [lien **gras**](<https://a.b/c d>) et du \\*texte\\* &amp; <br> fin.\n\n")
		default:
			fmt.Fprintf(&b, "1. Item ___fort et penché___ et `a|b`.\n\n")
		}
	}
	b.WriteString("[r]: https://ref.example/x\n")
	return b.String()
}

// readTagged reads md as trad does (inline codes as tags) and confirms
// every segment with its source as target, tags included.
func readTagged(t testing.TB, md string) *segments.Document {
	t.Helper()
	doc, _, err := segments.Read(strings.NewReader(md), segments.ReadOptions{Format: "markdown", Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for i, s := range doc.Segments {
		doc.UpdateTagged(i, s.Source, s.SourceTags, segments.StatusTranslated, segments.OriginTyped, now)
	}
	return doc
}

// The translated Markdown of a document whose targets are its sources with
// their tags is the document: every link target, code span and emphasis
// byte for byte.
func TestTaggedMarkdownRoundTrip(t *testing.T) {
	md := inlineArticle(100)
	doc := readTagged(t, md)
	codes := 0
	for _, b := range doc.Blocks {
		codes += len(b.Codes)
	}
	if codes < 300 {
		t.Fatalf("only %d inline codes read", codes)
	}
	for _, s := range doc.Segments {
		if strings.ContainsAny(s.Source, "*`[") && !strings.Contains(s.Source, `\*`) {
			t.Fatalf("segment %d keeps markup in its text: %q", s.Index, s.Source)
		}
	}
	var out bytes.Buffer
	if err := WriteTarget(&out, doc, Options{}); err != nil {
		t.Fatal(err)
	}
	// The reference definitions are gathered at the end in <…> form.
	want := strings.Replace(md, "[r]: https://ref.example/x\n", "[r]: <https://ref.example/x>\n", 1)
	if out.String() != want {
		t.Errorf("translated document differs from the source:\n%s", firstDiff(out.String(), want))
	}
}

// Tags covering a whole sentence stay out of the editable text.
func TestTaggedWrap(t *testing.T) {
	doc := readTagged(t, "**Une phrase entière.** Puis *deux.*\n")
	s0, s1 := doc.Segments[0], doc.Segments[1]
	if s0.Source != "Une phrase entière." || len(s0.Wrap) != 1 || len(s0.SourceTags) != 0 {
		t.Errorf("segment 0: %q wrap %v tags %v", s0.Source, s0.Wrap, s0.SourceTags)
	}
	if got := doc.Blocks[0].SourceLabels(&s1); got != "Puis ‹i2›deux.‹/i2›" {
		t.Errorf("segment 1 shown as %q", got)
	}
}

func TestEtalabGuideRoundTrip(t *testing.T) {
	const path = "../../shared/formats/samples/articles/fr-etalab-guide-logiciels.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("shared sample not available: %v", err)
	}
	doc := readTagged(t, string(data))
	codes, raw := 0, 0
	for _, b := range doc.Blocks {
		codes += len(b.Codes)
		if b.Kind != segments.KindCode && len(b.Codes) == 0 && strings.ContainsAny(b.Text, "*[`") {
			raw++
		}
	}
	t.Logf("%d inline codes; %d blocks with markup left in the text", codes, raw)
	if codes == 0 {
		t.Error("no inline code read")
	}
	var plain bytes.Buffer
	untagged, _, err := segments.Read(bytes.NewReader(data), segments.ReadOptions{Format: "markdown"})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range untagged.Segments {
		untagged.Update(i, s.Source, segments.StatusTranslated, segments.OriginTyped, time.Now())
	}
	if err := WriteTarget(&plain, untagged, Options{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := WriteTarget(&out, doc, Options{}); err != nil {
		t.Fatal(err)
	}
	// The reader normalises block structure (soft breaks, list markers);
	// the inline codes must give back what the untagged reading gives.
	if out.String() != plain.String() {
		t.Errorf("tagged round trip differs from the untagged one:\n%s", firstDiff(out.String(), plain.String()))
	}
}

// firstDiff shows where a and b first differ.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(i-80, 0)
	return fmt.Sprintf("at byte %d:\n got: %q\nwant: %q", i, a[lo:min(i+80, len(a))], b[lo:min(i+80, len(b))])
}

// tmxTagsFixture is a document with every kind of tag, a pair cut by a
// sentence boundary and a pair around a whole segment; the targets are the
// sources with their tags.
const tmxTagsFixture = "Le **cloud** et la [CNIL](https://cnil.fr?a=1&b=2). *Deux phrases. En italique* `x`.\n\n**Tout en gras.** Fin <br> ![logo](a.png).\n"

func TestTMXLevel2(t *testing.T) {
	doc := readTagged(t, tmxTagsFixture)
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	var plain, tagged bytes.Buffer
	if err := WriteTMX(&plain, doc, Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	if err := WriteTMX(&tagged, doc, Options{Now: now, TMX: TMXOptions{Tags: true}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<seg>Le cloud et la CNIL.</seg>", "<seg>Tout en gras.</seg>",
	} {
		if !strings.Contains(plain.String(), want) {
			t.Errorf("plain TMX lacks %q:\n%s", want, plain.String())
		}
	}
	for _, want := range []string{
		`<seg>Le <bpt i="1" x="1" type="bold">**</bpt>cloud<ept i="1">**</ept> et la <bpt i="2" x="2" type="link">[</bpt>CNIL<ept i="2">](https://cnil.fr?a=1&amp;b=2)</ept>.</seg>`,
		`<seg><it pos="begin" x="3" type="italic">*</it>Deux phrases.</seg>`,
		`<seg>En italique<it pos="end" x="3" type="italic">*</it> <ph x="4" type="x-code">` + "`x`" + `</ph>.</seg>`,
		`<seg><bpt i="1" x="1" type="bold">**</bpt>Tout en gras.<ept i="1">**</ept></seg>`,
		`<ph x="2" type="lb">&lt;br&gt;</ph> <ph x="3" type="image">![logo](a.png)</ph>`,
	} {
		if !strings.Contains(tagged.String(), want) {
			t.Errorf("level 2 TMX lacks %q:\n%s", want, tagged.String())
		}
	}
	validateTMX(t, tagged.Bytes())
	if err := WriteTMX(&plain, doc, Options{TMX: TMXOptions{Level: LevelParagraph, Tags: true}}); err == nil {
		t.Error("--tmx-tags at paragraph level accepted")
	}
}

// validateTMX checks data against the TMX 1.4b DTD with xmllint when the
// shared formats folder and xmllint are there.
func validateTMX(t *testing.T, data []byte) {
	t.Helper()
	dtd, err := filepath.Abs("../../shared/formats/tmx/tmx14.dtd")
	if _, serr := os.Stat(dtd); err != nil || serr != nil {
		t.Log("../shared/formats/tmx not found: DTD check skipped")
		return
	}
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Log("xmllint not installed: DTD check skipped")
		return
	}
	f := filepath.Join(t.TempDir(), "x.tmx")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(xmllint, "--noout", "--dtdvalid", dtd, f).CombinedOutput(); err != nil {
		t.Errorf("TMX invalid against the DTD: %v\n%s", err, out)
	}
}

// A level 2 TMX export imports back with its tags: targets emptied, then
// filled from the file, are what they were.
func TestTMXTagsRoundTrip(t *testing.T) {
	doc := readTagged(t, tmxTagsFixture)
	var tmx bytes.Buffer
	if err := WriteTMX(&tmx, doc, Options{TMX: TMXOptions{Tags: true}}); err != nil {
		t.Fatal(err)
	}
	want := doc.Clone()
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for i := range doc.Segments {
		doc.UpdateTagged(i, "", nil, segments.StatusNew, "", now)
	}
	rep, err := ImportTMX(doc, &tmx, now)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Filled != len(doc.Segments) {
		t.Fatalf("%d of %d segments filled", rep.Filled, len(doc.Segments))
	}
	for i, s := range doc.Segments {
		w := want.Segments[i]
		if s.Target != w.Target || fmt.Sprint(s.TargetTags) != fmt.Sprint(w.TargetTags) {
			t.Errorf("segment %d: %q %v, want %q %v", i, s.Target, s.TargetTags, w.Target, w.TargetTags)
		}
	}
}

// The LISA TMX compliance kit's level 2 file keeps its codes.
func TestLISATMXLevel2(t *testing.T) {
	f, err := os.Open(lisaKit(t, "ImportTest2A.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	units, tagged, kinds := 0, 0, map[segments.TagKind]int{}
	err = ReadTMX(f, func(tu TU) error {
		units++
		if len(tu.Tags) > 0 {
			tagged++
		}
		for _, tags := range tu.Tags {
			for _, c := range tags {
				kinds[c.Kind]++
				if c.Markup == "" && c.Kind != segments.TagPlaceholder {
					t.Errorf("unit %s: a %s code without its native markup", tu.ID, c.Kind)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d units, %d with codes, %v", units, tagged, kinds)
	if tagged == 0 || kinds[segments.TagOpen] == 0 || kinds[segments.TagOpen] != kinds[segments.TagClose] {
		t.Errorf("codes read: %d units of %d, kinds %v", tagged, units, kinds)
	}
}

func TestXLIFFTags(t *testing.T) {
	doc := readTagged(t, tmxTagsFixture)
	for _, tt := range []struct {
		version, xsd string
		want         []string
	}{
		{"2.1", "xliff21/xliff_core_2.0.xsd", []string{
			`<data id="d2c">](https://cnil.fr?a=1&amp;b=2)</data>`,
			`<source>Le <pc id="1" dataRefStart="d1o" dataRefEnd="d1c">cloud</pc> et la <pc id="2" dataRefStart="d2o" dataRefEnd="d2c">CNIL</pc>.</source>`,
			`<source><sc id="3" dataRef="d3o"/>Deux phrases.</source>`,
			`<target>En italique<ec startRef="3" dataRef="d3c"/> <ph id="4" dataRef="d4"/>.</target>`,
		}},
		{"1.2", "xliff12/xliff-core-1.2-strict.xsd", []string{
			`<source>Le <g id="1">cloud</g> et la <g id="2">CNIL</g>.</source>`,
			`<source><bx id="3"/>Deux phrases.</source>`,
			`<target state="translated">En italique<ex id="3"/> <x id="4"/>.</target>`,
		}},
	} {
		var out bytes.Buffer
		if err := WriteXLIFF(&out, doc, Options{XLIFF: XLIFFOptions{Version: XLIFFVersion(tt.version)}}); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("XLIFF %s lacks %q:\n%s", tt.version, w, out.String())
			}
		}
		validateXLIFF(t, out.Bytes(), tt.xsd)
		// Import gives back the targets and their tags.
		back := readTagged(t, tmxTagsFixture)
		now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		for i := range back.Segments {
			back.UpdateTagged(i, "", nil, segments.StatusNew, "", now)
		}
		if _, err := ImportXLIFF(back, bytes.NewReader(out.Bytes()), now); err != nil {
			t.Fatal(err)
		}
		for i, s := range back.Segments {
			w := doc.Segments[i]
			if s.Target != w.Target || fmt.Sprint(s.TargetTags) != fmt.Sprint(w.TargetTags) {
				t.Errorf("XLIFF %s import, segment %d: %q %v, want %q %v", tt.version, i, s.Target, s.TargetTags, w.Target, w.TargetTags)
			}
		}
	}
}

// validateXLIFF checks data against the OASIS schema xsd (relative to
// ../shared/formats) with xmllint when both are there.
func validateXLIFF(t *testing.T, data []byte, xsd string) {
	t.Helper()
	formats, _ := filepath.Abs("../../shared/formats")
	xmllint, err := exec.LookPath("xmllint")
	if _, serr := os.Stat(filepath.Join(formats, xsd)); serr != nil || err != nil {
		t.Log("../shared/formats or xmllint not found: schema check skipped")
		return
	}
	f := filepath.Join(t.TempDir(), "x.xlf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(xmllint, "--noout", "--schema", filepath.Join(formats, xsd), f)
	cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+filepath.Join(formats, "catalog.xml"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("XLIFF invalid against %s: %v\n%s", xsd, err, out)
	}
}

// BenchmarkReadTagged reads a 1,000-paragraph article with ~4,000 inline
// codes with tags (sub-benchmark "tags") and without ("raw").
func BenchmarkReadTagged(b *testing.B) {
	md := inlineArticle(1000)
	for _, tags := range []bool{false, true} {
		name := "raw"
		if tags {
			name = "tags"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(md)))
			for b.Loop() {
				if _, _, err := segments.Read(strings.NewReader(md), segments.ReadOptions{Format: "markdown", Tags: tags}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteTargetTagged writes the translated Markdown of that
// article, every target tagged.
func BenchmarkWriteTargetTagged(b *testing.B) {
	doc := readTagged(b, inlineArticle(1000))
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		if err := WriteTarget(&out, doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestWriteTargetHTML(t *testing.T) {
	doc := readTagged(t, "# Le *guide*\n\nVoir la [CNIL](https://cnil.fr/?a=1&b=2) et `x`.<br>Fin.\n")
	var out bytes.Buffer
	if err := Write(&out, doc, FormatForPath("a.en.html"), Options{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="en">`, `<title>Le guide</title>`, `<h1>Le <em>guide</em></h1>`,
		`<p>Voir la <a href="https://cnil.fr/?a=1&amp;b=2">CNIL</a> et <code>x</code>.<br>Fin.</p>`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("HTML lacks %q:\n%s", want, out.String())
		}
	}
}

// Two units with the same words but codes around different ones: each
// segment gets the target of the unit whose codes are its own (the first
// unit used to give its tags to both, around the wrong words), and a
// segment whose codes no unit has gets the first unit's text without tags.
func TestImportTMXTagsPlace(t *testing.T) {
	doc, _, err := segments.Read(strings.NewReader("The **big** cat sleeps.\n\nThe big **cat** sleeps.\n\n*The* big cat sleeps.\n"),
		segments.ReadOptions{Format: "markdown", Tags: true, Lang: "en", Target: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	tmx := `<tmx version="1.4"><body>
<tu><tuv xml:lang="en"><seg>The big <bpt i="1">**</bpt>cat<ept i="1">**</ept> sleeps.</seg></tuv><tuv xml:lang="fr"><seg>Le gros <bpt i="1">**</bpt>chat<ept i="1">**</ept> dort.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The <bpt i="1">**</bpt>big<ept i="1">**</ept> cat sleeps.</seg></tuv><tuv xml:lang="fr"><seg>Le <bpt i="1">**</bpt>gros<ept i="1">**</ept> chat dort.</seg></tuv></tu>
</body></tmx>`
	rep, err := ImportTMX(doc, strings.NewReader(tmx), t0)
	if err != nil || rep.Filled != 3 {
		t.Fatalf("filled %d, err %v", rep.Filled, err)
	}
	for i, want := range []string{"Le **gros** chat dort.", "Le gros **chat** dort.", "Le gros chat dort."} {
		s := &doc.Segments[i]
		if got := doc.Blocks[s.Block].TargetMarkup(s); got != want {
			t.Errorf("segment %d: %q, want %q", i+1, got, want)
		}
	}
	if len(doc.Segments[2].TargetTags) != 0 {
		t.Errorf("segment 3 got tags %v from units whose codes are not its own", doc.Segments[2].TargetTags)
	}
}
