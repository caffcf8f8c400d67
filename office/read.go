package office

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/trad-project/trad/segments"
)

// document is a parsed package: its text parts and their paragraphs.
type document struct {
	pkg   *pkg
	parts []string // names of the text parts
	sizes []int    // their sizes in bytes (uncompressed)
	// held is the most bytes of a part held at once while reading or
	// writing it (tests: parts are streamed).
	held int
	// paras are the paragraphs with text, in block order: block i of the
	// segments.Document read from the package is paras[i].
	paras []*para
	odt   []odtPart // per part, .odt only: where styles go, tracked changes
}

// parse reads the package data (name is used in messages); bare leaves
// out the codes' markup (for the writer, which uses the offsets).
func parse(data []byte, name string, opts Options, bare bool) (*document, error) {
	p, err := openPackage(data, name)
	if err != nil {
		return nil, err
	}
	d := &document{pkg: p}
	var all []*para
	switch p.format {
	case FormatDOCX:
		if all, err = d.readDOCX(opts, bare); err != nil {
			return nil, err
		}
	case FormatODT:
		if all, err = d.readODT(opts, bare); err != nil {
			return nil, err
		}
	}
	for _, pa := range all {
		if !isBlank(pa.text) {
			d.paras = append(d.paras, pa)
		}
	}
	return d, nil
}

// Read reads a .docx or .odt package into blocks for segments (name is
// used in messages).
func Read(data []byte, name string, opts Options) ([]segments.ExternalBlock, error) {
	d, err := parse(data, name, opts, false)
	if err != nil {
		return nil, err
	}
	blocks := make([]segments.ExternalBlock, len(d.paras))
	for i, p := range d.paras {
		blocks[i] = p.block()
	}
	return blocks, nil
}

// Register makes segments read .docx and .odt files (trad FILE.docx, and a
// project re-reading its document) with opts. The CLI calls it with its
// flags before opening anything.
func Register(opts Options) {
	registeredMu.Lock()
	registered = opts
	registeredMu.Unlock()
	for _, f := range []struct {
		name string
		exts []string
	}{{FormatDOCX, []string{".docx", ".docm", ".dotx"}}, {FormatODT, []string{".odt", ".ott"}}} {
		segments.RegisterFormat(f.name, f.exts, func(data []byte, name string) ([]segments.ExternalBlock, []segments.Warning, error) {
			b, err := Read(data, name, opts)
			return b, nil, err
		})
	}
	segments.RegisterFormat("doc", []string{".doc", ".dot"}, func(data []byte, name string) ([]segments.ExternalBlock, []segments.Warning, error) {
		p, err := openPackage(data, name)
		if err != nil {
			return nil, nil, err
		}
		return nil, nil, fmt.Errorf("%s: a %s package named .doc: rename it %s", name, p.format, filepath.Base(strings.TrimSuffix(name, filepath.Ext(name)))+"."+p.format)
	})
}

var (
	registeredMu sync.Mutex
	registered   Options
)

// Registered returns the options of the last Register: how the documents
// of the projects are read, which the writer needs again.
func Registered() Options {
	registeredMu.Lock()
	defer registeredMu.Unlock()
	return registered
}

// IsFormat reports whether format (a project's) is one this package writes.
func IsFormat(format string) bool {
	return format == FormatDOCX || format == FormatODT
}

// readText reads text part part with read, through tokens that stream it
// from its zip entry, and records its size and the most of it held.
func (d *document) readText(part string, bare bool, read func(t *tokens) error) error {
	rc, err := d.pkg.open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	t := streamTokens(rc, d.pkg.name+": "+part)
	t.bare = bare
	err = read(t)
	d.held = max(d.held, t.win.peak)
	if err != nil {
		return err
	}
	d.sizes = append(d.sizes, t.offset())
	return nil
}
