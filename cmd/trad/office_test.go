package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/office"
	"github.com/trad-project/trad/segments"
)

// smallDOCX is a .docx with a heading, a paragraph with bold and a link,
// and the comment of paragraph 2.
func smallDOCX(t *testing.T, last string) []byte {
	t.Helper()
	ns := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	body := `<w:document ` + ns + `><w:body>` +
		`<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Le titre</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">Le chat </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>noir</w:t></w:r><w:r><w:t xml:space="preserve"> dort. Voir </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>ce site</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r><w:r><w:commentReference w:id="1"/></w:r></w:p>` +
		`<w:p><w:r><w:t>` + last + `</w:t></w:r></w:p></w:body></w:document>`
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"word/document.xml", body},
		{"word/comments.xml", `<w:comments ` + ns + `><w:comment w:id="1"><w:p><w:r><w:t>Un commentaire.</w:t></w:r></w:p></w:comment></w:comments>`},
		{"word/media/logo.bin", "\x00\x01binary"},
	} {
		w, err := zw.Create(e.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e.data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// readOfficeFile reads the .docx or .odt at path and its blocks.
func readOfficeFile(t *testing.T, path string) ([]byte, []segments.ExternalBlock) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := office.Read(data, path, office.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return data, blocks
}

// rawEntry returns the compressed bytes of entry name of a zip.
func rawEntry(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			r, err := f.OpenRaw()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(r)
			return b
		}
	}
	t.Fatalf("no %s", name)
	return nil
}

// rawEntryText returns the uncompressed bytes of entry name of a zip.
func rawEntryText(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	return b
}

// upperTranslate confirms every segment with its source in capitals
// (same byte offsets for ASCII, so the source tags fit).
func upperTranslate(t *testing.T, project string) {
	t.Helper()
	doc, err := loadProject(project)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range doc.Segments {
		doc.ConfirmTagged(i, strings.ToUpper(s.Source), s.SourceTags, "", time.Now())
	}
	if err := segments.Save(project, doc); err != nil {
		t.Fatal(err)
	}
}

func loadProject(path string) (*segments.Document, error) {
	doc, _, err := segments.Load(path)
	return doc, err
}

func TestExportDOCX(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "article.docx")
	if err := os.WriteFile(src, smallDOCX(t, "Fin."), 0o644); err != nil {
		t.Fatal(err)
	}
	// Make the project, translate it, export the .docx.
	if code, _, stderr := runTrad(t, "export", src, "--format", "tsv", "-o", filepath.Join(dir, "a.tsv")); code != 0 {
		t.Fatalf("export tsv: %s", stderr)
	}
	op, err := segments.OpenProject(src, segments.OpenOptions{})
	doc, project := op.Doc, op.Path()
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != office.FormatDOCX || len(doc.Blocks) != 3 {
		t.Fatalf("format %q, %d blocks", doc.Format, len(doc.Blocks))
	}
	if err := segments.Save(project, doc); err != nil {
		t.Fatal(err)
	}
	upperTranslate(t, project)
	out := filepath.Join(dir, "article.en.docx")
	code, _, stderr := runTrad(t, "export", src, "-o", out)
	if code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	data, blocks := readOfficeFile(t, out)
	if got := blocks[1].Text; got != "LE CHAT NOIR DORT. VOIR CE SITE." {
		t.Errorf("translated paragraph %q", got)
	}
	if a, b := rawEntry(t, smallDOCX(t, "Fin."), "word/media/logo.bin"), rawEntry(t, data, "word/media/logo.bin"); !bytes.Equal(a, b) {
		t.Errorf("the other entries are not copied as they were: %q, want %q", b, a)
	}

	// The other exports work as for any article.
	for _, args := range [][]string{{"--format", "xliff"}, {"--format", "tmx", "--tmx-tags"}, {"--format", "md"}, {"--format", "tsv"}} {
		code, stdout, stderr := runTrad(t, append([]string{"export", src}, args...)...)
		if code != 0 || !strings.Contains(stdout, "LE CHAT") || !strings.Contains(stdout, "Le chat") {
			t.Errorf("export %v: %d %s\n%s", args, code, stderr, stdout)
		}
	}
	// Never over the original.
	before, _ := os.ReadFile(src)
	if code, _, stderr := runTrad(t, "export", src, "-o", src); code == 0 || !strings.Contains(stderr, "the project's own file") {
		t.Errorf("export over the source: %d %s", code, stderr)
	}
	if after, _ := os.ReadFile(src); !bytes.Equal(before, after) {
		t.Error("the source document was replaced")
	}
	// The wrong extension, and a terminal-less standard output.
	if code, _, stderr := runTrad(t, "export", src, "--format", "target", "-o", filepath.Join(dir, "x.odt")); code == 0 || !strings.Contains(stderr, "the translation of article.docx is a .docx file, not") {
		t.Errorf("export to .odt: %d %s", code, stderr)
	}
	if code, stdout, _ := runTrad(t, "export", src, "--format", "target"); code != 0 || !strings.HasPrefix(stdout, "PK") {
		t.Errorf("export to standard output: %d %.20q", code, stdout)
	}

	// The document changes: the project re-reads it and the export follows.
	if err := os.WriteFile(src, smallDOCX(t, "Une autre fin."), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runTrad(t, "export", src, "-o", out); code != 0 {
		t.Fatalf("export after a change: %s", stderr)
	}
	_, blocks = readOfficeFile(t, out)
	if len(blocks) != 3 || blocks[1].Text != "LE CHAT NOIR DORT. VOIR CE SITE." || blocks[2].Text != "Une autre fin." {
		t.Errorf("after the change: %+v", blocks)
	}
}

func TestOfficeFlagsAndErrors(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "note.docx")
	if err := os.WriteFile(src, smallDOCX(t, "Fin."), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, stderr := runTrad(t, "export", src, "--docx-comments", "--format", "tsv")
	if !strings.Contains(stdout, "Un commentaire.") {
		t.Errorf("--docx-comments: the comment is not read:\n%s%s", stdout, stderr)
	}
	doc := filepath.Join(dir, "old.doc")
	os.WriteFile(doc, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), 0o644)
	code, _, stderr := runTrad(t, "export", doc, "--format", "tsv")
	if code == 0 || !strings.Contains(stderr, "old.doc: a Word 97–2003 binary document (.doc)") || !strings.Contains(stderr, "soffice --headless --convert-to docx") {
		t.Errorf(".doc: %d %s", code, stderr)
	}
}
