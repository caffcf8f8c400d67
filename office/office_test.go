package office

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/segments"
)

// open reads data as the article NAME.ext through segments, as trad does.
func open(t testing.TB, data []byte, ext string, opts Options) (*segments.Document, string) {
	t.Helper()
	Register(opts)
	t.Cleanup(func() { Register(Options{}) })
	path := filepath.Join(t.TempDir(), "article"+ext)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	doc, _, err := segments.ReadFile(path, segments.ReadOptions{Lang: "fr", Target: "en-US", Tags: true})
	if err != nil {
		t.Fatal(err)
	}
	return doc, path
}

// rot13 is a translation that keeps every byte offset (ASCII letters
// rotated, the rest kept), so the source tags fit the target.
func rot13(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			b[i] = 'A' + (c-'A'+13)%26
		}
	}
	return string(b)
}

// translate confirms segments (all when which is nil) with rot13 targets
// and the source's tags.
func translate(doc *segments.Document, which func(i int) bool) {
	now := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	for i, s := range doc.Segments {
		if which == nil || which(i) {
			doc.ConfirmTagged(i, rot13(s.Source), s.SourceTags, "", now)
		}
	}
}

func writeTarget(t testing.TB, doc *segments.Document, src []byte, opts Options) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := WriteTarget(&out, doc, src, bitext.Options{}, opts); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func blockTexts(doc *segments.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		out = append(out, b.Text)
	}
	return out
}

func TestReadDOCXStructure(t *testing.T) {
	doc, _ := open(t, genDOCX(t, docxSpec{paras: 2}), ".docx", Options{})
	want := []struct {
		kind  segments.BlockKind
		level int
		text  string
	}{
		{segments.KindHeading, 1, "Un titre de document"},
		{segments.KindListItem, 2, "Un élément de liste."},
		{segments.KindParagraph, 0, "Une note et une image  dans le texte."},
		{segments.KindParagraph, 0, "Cellule 0-0"},
		{segments.KindParagraph, 0, "Cellule 0-1"},
		{segments.KindParagraph, 0, "Cellule 1-0"},
		{segments.KindParagraph, 0, "Cellule 1-1"},
		{segments.KindParagraph, 0, "Page  du document."},
		{segments.KindParagraph, 0, "Une zone de texte : Fin."},
		{segments.KindParagraph, 0, "Texte dans la zone."},
		{segments.KindParagraph, 0, "Phrase 0 : Le chat noir dort sur et le canapé1après la tabulation, un lien 0 du salon.Ligne suivante ici."},
		{segments.KindParagraph, 0, "Phrase 1 : chat noir dort sur le et canapé du2après la tabulation,  salon pendant.Ligne suivante ici."},
		{segments.KindParagraph, 0, " Le texte de la note, en italique."}, // after the note mark
		{segments.KindParagraph, 0, "En-tête du document"},
		{segments.KindParagraph, 0, "Pied de page"},
	}
	if len(doc.Blocks) != len(want) {
		t.Fatalf("%d blocks, want %d:\n%s", len(doc.Blocks), len(want), strings.Join(blockTexts(doc), "\n"))
	}
	for i, w := range want {
		b := doc.Blocks[i]
		if b.Kind != w.kind || b.Level != w.level || b.Text != w.text {
			t.Errorf("block %d = %s %d %q, want %s %d %q", i, b.Kind, b.Level, b.Text, w.kind, w.level, w.text)
		}
	}
	// The generated paragraph: runs split by spell checking, revision ids
	// and language marks are one text; bold over two runs is one pair.
	b := doc.Blocks[10]
	var types []string
	for _, c := range b.Codes {
		types = append(types, string(c.Type))
	}
	wantTypes := []string{"bold", "italic", "other", "other", "other", "link", "break"}
	if !slices.Equal(types, wantTypes) {
		t.Errorf("codes %v, want %v (%+v)", types, wantTypes, b.Codes)
	}
	if got := b.Codes[0].Open; got != "<w:r><w:rPr><w:b/></w:rPr>" {
		t.Errorf("bold markup %q: the language mark should be gone", got)
	}
	if got := doc.BlockSourceLabels(10); !strings.Contains(got, "‹b1›dort sur‹/b1›") {
		t.Errorf("labels %q: the two bold runs should be one pair", got)
	}
}

func TestReadDOCXComments(t *testing.T) {
	data := genDOCX(t, docxSpec{comments: true})
	without, _ := open(t, data, ".docx", Options{})
	with, _ := open(t, data, ".docx", Options{Comments: true})
	if len(with.Blocks) != len(without.Blocks)+1 || with.Blocks[len(with.Blocks)-1].Text != "Vérifier ce passage." {
		t.Errorf("with comments: %q", blockTexts(with))
	}
	if slices.Contains(blockTexts(without), "Vérifier ce passage.") {
		t.Error("the comment is read without --docx-comments")
	}
}

func TestReadODTStructure(t *testing.T) {
	doc, _ := open(t, genODT(t, 1, ""), ".odt", Options{})
	want := []string{
		"Un titre de document", "Un élément de liste.", "Un sous-élément.",
		"Une note et une image  dans le texte.", "Le texte de la note.",
		"Cellule 0-0", "Cellule 0-1", "Cellule 1-0", "Cellule 1-1",
		"Phrase 0 : Le chat noir dort et sur1après la  tabulation, un lien le.Ligne suivante ici.",
		"En-tête du document", "Pied de page",
	}
	if got := blockTexts(doc); !slices.Equal(got, want) {
		t.Fatalf("blocks:\n%q\nwant\n%q", got, want)
	}
	if doc.Blocks[0].Kind != segments.KindHeading || doc.Blocks[2].Kind != segments.KindListItem || doc.Blocks[2].Level != 2 {
		t.Errorf("kinds: %+v %+v", doc.Blocks[0], doc.Blocks[2])
	}
	// T3 (revision id and language only) is no tag; the two T1 spans are
	// one pair.
	if got := doc.BlockSourceLabels(9); !strings.Contains(got, "Le chat ‹b1›noir dort‹/b1› et") {
		t.Errorf("labels %q", got)
	}
}

func TestRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name, ext string
		data      []byte
		lang, run string // the target language in the run properties, a new run
	}{
		{"docx", ".docx", genDOCX(t, docxSpec{paras: 120, comments: true}), `<w:lang w:val="en-US"/>`, `<w:lang w:val="en-US"/>`},
		{"odt", ".odt", genODT(t, 120, ""), `fo:language="en" fo:country="US"`, `<text:span text:style-name="tradL`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{Comments: true}
			doc, _ := open(t, tc.data, tc.ext, opts)
			translate(doc, nil)
			out := writeTarget(t, doc, tc.data, opts)
			back, _ := open(t, out, tc.ext, opts)
			if len(back.Blocks) != len(doc.Blocks) {
				t.Fatalf("%d blocks back, want %d", len(back.Blocks), len(doc.Blocks))
			}
			for i := range doc.Blocks {
				a, b := &doc.Blocks[i], &back.Blocks[i]
				if b.Text != rot13(a.Text) || b.Kind != a.Kind || b.Level != a.Level {
					t.Errorf("block %d back as %s %q, want %s %q", i, b.Kind, b.Text, a.Kind, rot13(a.Text))
				}
				if got, want := codeShape(b), codeShape(a); got != want {
					t.Errorf("block %d codes back %s, want %s", i, got, want)
				}
			}
			sameEntries(t, tc.data, out)
			if !bytes.Contains(out, []byte("pixel.png")) {
				t.Error("image lost")
			}
			d, err := parse(out, "out", opts, false)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(partBytes(t, d, 0), []byte(tc.lang)) {
				t.Errorf("no %s in the translation", tc.lang)
			}
			if n := strings.Count(string(partBytes(t, d, 0)), tc.run); n < len(doc.Blocks) {
				t.Errorf("%d runs in the target language (%s), want at least %d", n, tc.run, len(doc.Blocks))
			}
		})
	}
}

// codeShape is a block's codes and tags without the markup (the run
// properties get the target language).
func codeShape(b *segments.Block) string {
	var s strings.Builder
	for _, c := range b.Codes {
		s.WriteString(string(c.Type))
		if c.Pair {
			s.WriteString("+")
		}
		s.WriteString(" ")
	}
	return s.String()
}

// sameEntries checks that every zip entry but the text parts is copied
// byte for byte, in the same order, with the same compression.
func sameEntries(t *testing.T, a, b []byte) {
	t.Helper()
	za, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	zb, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(za.File) != len(zb.File) {
		t.Fatalf("%d entries, want %d", len(zb.File), len(za.File))
	}
	text := map[string]bool{"word/document.xml": true, "word/footnotes.xml": true, "word/header1.xml": true,
		"word/footer1.xml": true, "word/comments.xml": true, "content.xml": true, "styles.xml": true}
	for i, fa := range za.File {
		fb := zb.File[i]
		if fa.Name != fb.Name || fa.Method != fb.Method {
			t.Errorf("entry %d: %s (method %d), want %s (method %d)", i, fb.Name, fb.Method, fa.Name, fa.Method)
			continue
		}
		if text[fa.Name] {
			continue
		}
		ra, _ := fa.OpenRaw()
		rb, _ := fb.OpenRaw()
		ba, _ := io.ReadAll(ra)
		bb, _ := io.ReadAll(rb)
		if !bytes.Equal(ba, bb) || fa.CRC32 != fb.CRC32 {
			t.Errorf("%s changed", fa.Name)
		}
	}
}

func TestUntranslatedParagraphsKeepTheirBytes(t *testing.T) {
	for _, tc := range []struct {
		ext  string
		data []byte
	}{{".docx", genDOCX(t, docxSpec{paras: 20})}, {".odt", genODT(t, 20, "")}} {
		doc, _ := open(t, tc.data, tc.ext, Options{})
		translate(doc, func(i int) bool { return doc.Segments[i].Block%2 == 0 })
		out := writeTarget(t, doc, tc.data, Options{})
		src, _ := parse(tc.data, "src", Options{}, false)
		dst, err := parse(out, "out", Options{}, false)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range src.paras {
			q := dst.paras[i]
			a := string(partBytes(t, src, p.part)[p.body.lo:p.body.hi])
			b := string(partBytes(t, dst, q.part)[q.body.lo:q.body.hi])
			if translated := i%2 == 0; translated == (a == b) && !strings.Contains(a, "txbxContent") && !strings.Contains(a, "text:note") {
				t.Errorf("%s paragraph %d (translated %v):\n%s\n%s", tc.ext, i, translated, a, b)
			}
		}
	}
}

func TestBadPackages(t *testing.T) {
	good := genDOCX(t, docxSpec{})
	cfb := append(slices.Clone(cfbMagic), make([]byte, 504)...)
	encrypted := append(slices.Clone(cfb), utf16le("EncryptedPackage")...)
	for _, tc := range []struct {
		name string
		data []byte
		is   error
		msg  string
	}{
		{"corrupt.docx", good[:len(good)/2], nil, "corrupt.docx: not a valid .docx or .odt package (corrupt zip"},
		{"old.doc", cfb, ErrBinaryDoc, "soffice --headless --convert-to docx"},
		{"secret.docx", encrypted, ErrEncrypted, "secret.docx: the document is password-protected"},
		{"notes.docx", buildZip(t, []zipEntry{{name: "a.txt", data: "x"}}), nil, "not a Word (.docx) or OpenDocument text (.odt)"},
		{"cut.docx", buildZip(t, []zipEntry{{name: "word/document.xml", data: `<w:document ` + wNS + `><w:body><w:p><w:r><w:t>x`}}), nil, "cut.docx: word/document.xml, line 1: the XML ends inside an element"},
		{"tracked.docx", buildZip(t, []zipEntry{{name: "word/document.xml", data: `<w:document ` + wNS + `><w:body><w:p><w:ins w:id="1" w:author="A"><w:r><w:t>x</w:t></w:r></w:ins></w:p></w:body></w:document>`}}), ErrTrackedChanges, "--accept-changes"},
		{"format-change.docx", buildZip(t, []zipEntry{{name: "word/document.xml", data: `<w:document ` + wNS + `><w:body><w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="A"><w:rPr/></w:rPrChange></w:rPr><w:t>x</w:t></w:r></w:p></w:body></w:document>`}}), ErrTrackedChanges, "(<w:rPrChange>)"},
		{"mark.docx", buildZip(t, []zipEntry{{name: "word/document.xml", data: `<w:document ` + wNS + `><w:body><w:p><w:pPr><w:rPr><w:ins w:id="4" w:author="A"/></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>`}}), ErrTrackedChanges, "(<w:ins>)"},
		{"tracked.odt", genODT(t, 1, `<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info/><text:p>supprimé</text:p></text:deletion></text:changed-region></text:tracked-changes>`), ErrTrackedChanges, "--accept-changes"},
	} {
		_, err := Read(tc.data, tc.name, Options{})
		if err == nil || tc.is != nil && !errors.Is(err, tc.is) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: error %v, want one saying %q", tc.name, err, tc.msg)
		}
	}
}

func TestAcceptChanges(t *testing.T) {
	body := `<w:p><w:r><w:t xml:space="preserve">Texte </w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t>ajouté</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>supprimé</w:delText></w:r></w:del><w:r><w:t>.</w:t></w:r></w:p>`
	data := genDOCX(t, docxSpec{body: body})
	doc, _ := open(t, data, ".docx", Options{AcceptChanges: true})
	last := doc.Blocks[len(doc.Blocks)-4] // before the footnote, header and footer blocks
	last = doc.Blocks[len(doc.Blocks)-4]
	if last.Text != "Texte ajouté." {
		t.Fatalf("accepted text %q", last.Text)
	}
	// Untranslated, the paragraph is still written as accepted (the writer
	// knows the changes were accepted: the project could not exist else).
	out := writeTarget(t, doc, data, Options{})
	if bytes.Contains(out, []byte("w:del ")) {
		t.Error("the deletion is still in the document")
	}
	if _, err := Read(out, "out.docx", Options{}); err != nil {
		t.Errorf("the written document still has tracked changes: %v", err)
	}
	odt := genODT(t, 1, `<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info/><text:p>supprimé</text:p></text:deletion></text:changed-region></text:tracked-changes><text:p>Avant<text:change text:change-id="c1"/> après.</text:p>`)
	doc, _ = open(t, odt, ".odt", Options{AcceptChanges: true})
	out = writeTarget(t, doc, odt, Options{AcceptChanges: true})
	if _, err := Read(out, "out.odt", Options{}); err != nil {
		t.Errorf("the written .odt still has tracked changes: %v", err)
	}
}

func TestWriteRefusesAnotherDocument(t *testing.T) {
	doc, _ := open(t, genDOCX(t, docxSpec{paras: 3}), ".docx", Options{})
	other := genDOCX(t, docxSpec{paras: 4})
	doc.SourceHash = ""
	err := WriteTarget(io.Discard, doc, other, bitext.Options{}, Options{})
	if !errors.Is(err, ErrChanged) {
		t.Errorf("error %v, want ErrChanged", err)
	}
}

func TestODTSpaces(t *testing.T) {
	var b bytes.Buffer
	writeODTText(&b, "  a  b c\nd ")
	if got, want := b.String(), `<text:s text:c="2"/>a <text:s/>b c<text:line-break/>d `; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestWithLang(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", `<w:rPr><w:lang w:val="en"/></w:rPr>`},
		{"<w:rPr/>", `<w:rPr><w:lang w:val="en"/></w:rPr>`},
		{"<w:rPr><w:b/></w:rPr>", `<w:rPr><w:b/><w:lang w:val="en"/></w:rPr>`},
		{`<w:rPr><w:b/><w:eastAsianLayout w:id="1"/></w:rPr>`, `<w:rPr><w:b/><w:lang w:val="en"/><w:eastAsianLayout w:id="1"/></w:rPr>`},
	} {
		if got := withLang(tc.in, "en"); got != tc.want {
			t.Errorf("withLang(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A numbered heading is a heading, not a list item.
func TestNumberedHeading(t *testing.T) {
	body := `<w:p><w:pPr><w:pStyle w:val="Titre1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>Introduction numérotée</w:t></w:r></w:p>`
	doc, _ := open(t, genDOCX(t, docxSpec{body: body}), ".docx", Options{})
	for _, b := range doc.Blocks {
		if b.Text == "Introduction numérotée" && (b.Kind != segments.KindHeading || b.Level != 1) {
			t.Errorf("%+v: not a level 1 heading", b)
		}
	}
}

// An empty <text:list/> does not change the list depth of what follows.
func TestODTEmptyList(t *testing.T) {
	doc, _ := open(t, genODT(t, 0, `<text:list/><text:list><text:list-item><text:p>Un élément.</text:p></text:list-item></text:list>`), ".odt", Options{})
	found := false
	for _, b := range doc.Blocks {
		if b.Text == "Un élément." {
			found = true
			if b.Kind != segments.KindListItem || b.Level != 1 {
				t.Errorf("%+v: not a list item of level 1", b)
			}
		}
	}
	if !found {
		t.Error("the list item is not read")
	}
}

// A field that begins in one paragraph and ends in the next (a table of
// contents) keeps both ends when both paragraphs are translated.
func TestFieldOverParagraphs(t *testing.T) {
	body := `<w:p><w:r><w:t xml:space="preserve">Avant </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Entrée un</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">Entrée deux </w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>après.</w:t></w:r></w:p>`
	data := genDOCX(t, docxSpec{body: body})
	doc, _ := open(t, data, ".docx", Options{})
	translate(doc, nil)
	out := writeTarget(t, doc, data, Options{})
	d, err := parse(out, "out", Options{}, false)
	if err != nil {
		t.Fatal(err)
	}
	xml := string(partBytes(t, d, 0))
	for _, typ := range []string{"begin", "separate", "end"} {
		if n := strings.Count(xml, `w:fldCharType="`+typ+`"`); n != 2 { // the PAGE field and this one
			t.Errorf("%d field marks %q, want 2", n, typ)
		}
	}
	if !strings.Contains(xml, rot13("Entrée deux ")) || !strings.Contains(xml, rot13("après.")) {
		t.Error("the text around the field end is not translated")
	}
}

// LibreOffice annotations are read (and translated) with Comments only.
func TestODTAnnotations(t *testing.T) {
	data := genODT(t, 0, `<text:p>Un texte<office:annotation><text:p>Un commentaire.</text:p></office:annotation> commenté.</text:p>`)
	without, _ := open(t, data, ".odt", Options{})
	if texts := blockTexts(without); slices.Contains(texts, "Un commentaire.") || !slices.Contains(texts, "Un texte commenté.") {
		t.Errorf("without comments: %q", texts)
	}
	opts := Options{Comments: true}
	with, _ := open(t, data, ".odt", opts)
	if texts := blockTexts(with); !slices.Contains(texts, "Un commentaire.") {
		t.Fatalf("with comments: %q", texts)
	}
	translate(with, nil)
	back, err := Read(writeTarget(t, with, data, opts), "back.odt", opts)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, b := range back {
		texts = append(texts, b.Text)
	}
	if !slices.Contains(texts, rot13("Un commentaire.")) || !slices.Contains(texts, rot13("Un texte commenté.")) {
		t.Errorf("translated: %q", texts)
	}
}

// A part that inflates beyond the limit is refused with a message, not
// read into memory (a zip bomb).
func TestPartTooLarge(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("word/document.xml")
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range maxPartBytes>>20 + 1 {
		w.Write(chunk)
	}
	zw.Close()
	_, err := Read(b.Bytes(), "bomb.docx", Options{})
	if err == nil || !strings.Contains(err.Error(), "bomb.docx: word/document.xml is") {
		t.Errorf("error %v", err)
	}
}

// partBytes returns the bytes of d's text part i.
func partBytes(t testing.TB, d *document, i int) []byte {
	t.Helper()
	b, err := d.pkg.read(d.parts[i])
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLinkURL: a link code names its URL (segments.Code.URL, shown in the
// editor's status line): .odt links hold it, a .docx link's comes from the
// part's relationships (or its anchor).
func TestLinkURL(t *testing.T) {
	anchored := `<w:p><w:r><w:t xml:space="preserve">Voir </w:t></w:r><w:hyperlink w:anchor="sec2"><w:r><w:t>la suite</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">Un </w:t></w:r><w:hyperlink r:id="rIdLink" w:anchor="p3"><w:r><w:t>lien</w:t></w:r></w:hyperlink><w:r><w:t> ici.</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">Un </w:t></w:r><w:hyperlink r:id="rIdNone"><w:r><w:t>lien perdu</w:t></w:r></w:hyperlink><w:r><w:t> ici.</w:t></w:r></w:p>`
	for _, tc := range []struct {
		name string
		data []byte
		ext  string
		want []string
	}{
		{"docx", genDOCX(t, docxSpec{paras: 1}), ".docx", []string{"https://example.org/chat?a=1&amp;b=2"}},
		{"docx anchors", genDOCX(t, docxSpec{body: anchored}), ".docx", []string{"#sec2", "https://example.org/chat?a=1&amp;b=2#p3", ""}},
		{"odt", genODT(t, 1, ""), ".odt", []string{"https://example.org/0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, _ := open(t, tc.data, tc.ext, Options{})
			var got []string
			for _, b := range doc.Blocks {
				for _, c := range b.Codes {
					if c.Type == segments.CodeLink {
						got = append(got, c.URL())
					}
				}
			}
			if strings.Join(got, " | ") != strings.Join(tc.want, " | ") {
				t.Errorf("link URLs %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPartsAreStreamed: reading and writing a document hold a few chunks
// of a text part at a time, not the part (issue 19: bounded memory).
func TestPartsAreStreamed(t *testing.T) {
	for _, tc := range []struct {
		ext  string
		data []byte
		out  bool // the translated part is streamed too (.odt: held)
	}{{".docx", genDOCX(t, docxSpec{paras: 2000}), true}, {".odt", genODT(t, 2000, ""), false}} {
		doc, _ := open(t, tc.data, tc.ext, Options{})
		translate(doc, nil)
		for _, bare := range []bool{false, true} {
			d, err := parse(tc.data, "doc", Options{}, bare)
			if err != nil {
				t.Fatal(err)
			}
			size := d.sizes[0]
			if size < 1<<20 || d.held > 256<<10 {
				t.Errorf("%s (bare %v): %d bytes held reading a part of %d", tc.ext, bare, d.held, size)
			}
			if !bare {
				continue
			}
			edits, _ := d.edits(doc, bitext.Options{})
			var out bytes.Buffer
			if _, err := d.pkg.readPart(d.parts[0], func(src io.Reader) (int, error) {
				return 0, d.renderPart(0, edits[0], "en", src, &out)
			}); err != nil {
				t.Fatal(err)
			}
			if tc.out && d.held > 256<<10 || out.Len() < size/2 {
				t.Errorf("%s: %d bytes held writing a part of %d (written: %d)", tc.ext, d.held, size, out.Len())
			}
		}
	}
}
