package office

import (
	"bytes"
	"strings"
	"testing"

	"github.com/trad-project/trad/bitext"
	"github.com/trad-project/trad/segments"
)

// FuzzRead: no package, however broken, makes the reader panic.
func FuzzRead(f *testing.F) {
	docx, odt := genDOCX(f, docxSpec{paras: 2, comments: true}), genODT(f, 2, "")
	f.Add(docx)
	f.Add(odt)
	f.Add(docx[:len(docx)-40])
	f.Add(append(append([]byte(nil), cfbMagic...), utf16le("EncryptedPackage")...))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, o := range []Options{{}, {Comments: true, AcceptChanges: true}} {
			blocks, err := Read(data, "fuzz.docx", o)
			if err == nil {
				checkBlocks(t, blocks)
			}
		}
	})
}

// FuzzReadWriteXML: any XML as a .docx body or an .odt content is read
// without panic; what is read is written back (every segment translated)
// into a package that reads again with the same blocks.
func FuzzReadWriteXML(f *testing.F) {
	var b strings.Builder
	genPara(&b, 3)
	f.Add(`<w:document `+wNS+`><w:body>`+b.String()+`</w:body></w:document>`, false)
	f.Add(`<w:document `+wNS+`><w:body><w:p><w:r><w:t>a</w:t><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>b</w:t></w:r></w:p></w:txbxContent></mc:Choice></mc:AlternateContent></w:r><w:hyperlink><w:r><w:t>c</w:t></w:r></w:hyperlink></w:p></w:body></w:document>`, false)
	f.Add(`<w:document `+wNS+`><w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>x</w:t></w:r></w:p><w:p><w:r><w:fldChar w:fldCharType="end"/><w:t>y</w:t></w:r></w:p></w:body></w:document>`, false)
	f.Add(`<office:document-content `+odtNS+`><office:automatic-styles/><office:body><office:text><text:p>a <text:span text:style-name="T1">b</text:span><text:a xlink:href="x">c<text:s text:c="3"/>d</text:a><text:note><text:note-body><text:p>n</text:p></text:note-body></text:note></text:p></office:text></office:body></office:document-content>`, true)
	f.Fuzz(func(t *testing.T, xml string, odt bool) {
		var data []byte
		if odt {
			data = buildZip(t, []zipEntry{{name: "mimetype", data: "application/vnd.oasis.opendocument.text", store: true}, {name: "content.xml", data: xml}})
		} else {
			data = buildZip(t, []zipEntry{{name: "word/document.xml", data: xml}})
		}
		opts := Options{Comments: true, AcceptChanges: true}
		blocks, err := Read(data, "fuzz", opts)
		if err != nil {
			return
		}
		checkBlocks(t, blocks)
		Register(opts)
		defer Register(Options{})
		format := FormatDOCX
		if odt {
			format = FormatODT
		}
		doc, _, err := segments.Read(bytes.NewReader(data), segments.ReadOptions{Format: format, Tags: true})
		if err != nil {
			return // no text
		}
		translate(doc, nil)
		var out bytes.Buffer
		if err := WriteTarget(&out, doc, data, bitext.Options{}, opts); err != nil {
			t.Fatalf("writing what was read: %v", err)
		}
		back, err := Read(out.Bytes(), "back", opts)
		if err != nil {
			t.Fatalf("reading the translation: %v\n%s", err, out.Bytes())
		}
		if len(back) != len(blocks) {
			t.Fatalf("%d blocks back, want %d", len(back), len(blocks))
		}
	})
}

// checkBlocks checks what a reader must give segments: tags in order,
// inside the text, on codes of the block.
func checkBlocks(t *testing.T, blocks []segments.ExternalBlock) {
	t.Helper()
	for i, b := range blocks {
		prev := 0
		for _, tg := range b.Tags {
			if tg.At < prev || tg.At > len(b.Text) || tg.ID < 1 || tg.ID > len(b.Codes) {
				t.Fatalf("block %d: bad tag %+v in %q (%d codes)", i, tg, b.Text, len(b.Codes))
			}
			prev = tg.At
		}
	}
}
