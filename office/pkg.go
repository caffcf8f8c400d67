// Package office reads Word (.docx, WordprocessingML) and LibreOffice
// (.odt, OpenDocument text) documents into trad's document model and writes
// their translation by editing the original package in place: every zip
// entry but the text parts is copied unchanged, and inside the text parts
// only the runs of translated paragraphs are replaced, spliced at the
// byte offsets the XML decoder reports (no re-encoding of the XML). See
// docs/office.md.
package office

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// The formats, as stored in project files.
const (
	FormatDOCX = "docx"
	FormatODT  = "odt"
)

// Options say how documents are read.
type Options struct {
	// Comments reads the comments of a .docx (and the annotations of an
	// .odt) as blocks to translate (--docx-comments).
	Comments bool
	// AcceptChanges reads a document with tracked changes as if they were
	// accepted (--accept-changes); without it such a document is refused.
	AcceptChanges bool
}

// maxPartBytes bounds the uncompressed size of one XML part, so that a zip
// bomb fails with a message instead of exhausting memory.
const maxPartBytes = 256 << 20

// cfbMagic starts an OLE compound file: a Word 97–2003 .doc, or an
// encrypted (password-protected) Office 2007+ document.
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// ErrEncrypted is wrapped by the error for a password-protected document.
var ErrEncrypted = errors.New("the document is password-protected (encrypted)")

// ErrBinaryDoc is wrapped by the error for a Word 97–2003 binary .doc.
var ErrBinaryDoc = errors.New("a Word 97–2003 binary document (.doc), a format trad does not read")

// pkg is an opened package: the zip and the parts read so far.
type pkg struct {
	name   string
	format string
	zr     *zip.Reader
	files  map[string]*zip.File
}

// openPackage opens data as a .docx or .odt package and tells which it is.
func openPackage(data []byte, name string) (*pkg, error) {
	if bytes.HasPrefix(data, cfbMagic) {
		if bytes.Contains(data, utf16le("EncryptedPackage")) {
			return nil, fmt.Errorf("%s: %w: remove the password (in Word: File > Info > Protect Document; in LibreOffice: File > Properties > Security) and save it again", name, ErrEncrypted)
		}
		return nil, fmt.Errorf("%s: %w: convert it first, for example with `soffice --headless --convert-to docx %s`, and open the .docx", name, ErrBinaryDoc, name)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: not a valid .docx or .odt package (corrupt zip: %w)", name, err)
	}
	p := &pkg{name: name, zr: zr, files: map[string]*zip.File{}}
	for _, f := range zr.File {
		p.files[f.Name] = f
	}
	switch {
	case p.files["word/document.xml"] != nil:
		p.format = FormatDOCX
	case p.files["content.xml"] != nil:
		mt, err := p.read("mimetype")
		if err == nil && !strings.HasPrefix(string(mt), "application/vnd.oasis.opendocument.text") {
			return nil, fmt.Errorf("%s: an OpenDocument file of type %q, not a text document (.odt)", name, strings.TrimSpace(string(mt)))
		}
		p.format = FormatODT
	default:
		return nil, fmt.Errorf("%s: a zip file but not a Word (.docx) or OpenDocument text (.odt) document: no word/document.xml or content.xml in it", name)
	}
	return p, nil
}

// open opens entry name for reading its uncompressed bytes, at most
// maxPartBytes of them (errTooLarge past that).
func (p *pkg) open(name string) (io.ReadCloser, error) {
	f := p.files[name]
	if f == nil {
		return nil, fmt.Errorf("%s: no %s in the package", p.name, name)
	}
	if f.UncompressedSize64 > maxPartBytes {
		return nil, fmt.Errorf("%s: %s is %d bytes uncompressed, more than trad reads (%d)", p.name, name, f.UncompressedSize64, maxPartBytes)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", p.name, name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&limited{r: rc, n: maxPartBytes}, rc}, nil
}

// readPart calls read with a reader of entry name; read returns the
// part's size.
func (p *pkg) readPart(name string, read func(io.Reader) (int, error)) (int, error) {
	rc, err := p.open(name)
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	return read(rc)
}

// read returns the uncompressed bytes of entry name: for the small parts
// (styles, mimetype); the text parts are streamed (window).
func (p *pkg) read(name string) ([]byte, error) {
	f := p.files[name]
	rc, err := p.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var b bytes.Buffer
	b.Grow(int(f.UncompressedSize64))
	if _, err := io.Copy(&b, rc); err != nil {
		if errors.Is(err, errTooLarge) {
			return nil, fmt.Errorf("%s: %s is %w", p.name, name, err)
		}
		return nil, fmt.Errorf("%s: %s: corrupt zip entry: %w", p.name, name, err)
	}
	return b.Bytes(), nil
}

// docxParts lists the text parts of a .docx in reading order: the body,
// footnotes, endnotes, headers, footers, and comments when asked for.
func (p *pkg) docxParts(comments bool) []string {
	parts := []string{"word/document.xml"}
	var headers, footers []string
	for name := range p.files {
		dir, base := path.Split(name)
		if dir != "word/" || !strings.HasSuffix(base, ".xml") {
			continue
		}
		switch {
		case strings.HasPrefix(base, "header"):
			headers = append(headers, name)
		case strings.HasPrefix(base, "footer"):
			footers = append(footers, name)
		}
	}
	sort.Slice(headers, func(i, j int) bool { return partLess(headers[i], headers[j]) })
	sort.Slice(footers, func(i, j int) bool { return partLess(footers[i], footers[j]) })
	for _, n := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		if p.files[n] != nil {
			parts = append(parts, n)
		}
	}
	parts = append(parts, headers...)
	parts = append(parts, footers...)
	if comments && p.files["word/comments.xml"] != nil {
		parts = append(parts, "word/comments.xml")
	}
	return parts
}

// partLess orders header2.xml before header10.xml.
func partLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// odtParts lists the text parts of an .odt: content.xml (body, notes,
// frames) and styles.xml (headers and footers of the page styles).
func (p *pkg) odtParts() []string {
	parts := []string{"content.xml"}
	if p.files["styles.xml"] != nil {
		parts = append(parts, "styles.xml")
	}
	return parts
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}
