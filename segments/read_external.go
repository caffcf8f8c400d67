package segments

import (
	"fmt"
	"sync"
)

// Formats read by another package (office documents: package office) are
// registered here, so that ReadFile, Open and Load read them like any
// article — and a project re-reads its .docx when it changed — without
// segments importing those packages.

// ExternalBlock is a block found by a registered reader: its plain text
// and its inline codes, the tags' offsets being in Text.
type ExternalBlock struct {
	Kind   BlockKind
	Level  int
	Marker string
	Text   string
	Codes  []Code
	Tags   []Tag
}

// ExternalReader reads a whole file of a registered format (name is used
// in messages). Blocks whose text is blank are dropped by the caller, as
// for every format.
type ExternalReader func(data []byte, name string) ([]ExternalBlock, []Warning, error)

type externalFormat struct {
	exts []string
	read ExternalReader
}

var (
	externalMu      sync.RWMutex
	externalFormats = map[string]externalFormat{}
)

// RegisterFormat makes format (a name such as "docx", stored in project
// files) readable: files with one of exts (".docx", lower case) default to
// it, and read parses them. Registering a format again replaces its reader.
func RegisterFormat(format string, exts []string, read ExternalReader) {
	externalMu.Lock()
	defer externalMu.Unlock()
	externalFormats[format] = externalFormat{exts: exts, read: read}
}

// IsExternalFormat reports whether format was registered by RegisterFormat.
func IsExternalFormat(format string) bool { return externalReader(format) != nil }

func externalReader(format string) ExternalReader {
	externalMu.RLock()
	defer externalMu.RUnlock()
	return externalFormats[format].read
}

// externalFormatForExt returns the registered format of extension ext
// (lower case, with its dot), or "".
func externalFormatForExt(ext string) string {
	externalMu.RLock()
	defer externalMu.RUnlock()
	for name, f := range externalFormats {
		for _, e := range f.exts {
			if e == ext {
				return name
			}
		}
	}
	return ""
}

// readExternal is readBytes for a registered format: the reader sees the
// file's bytes as they are (a zip package, not text to decode).
func readExternal(read ExternalReader, data []byte, name string, opts ReadOptions) (*Document, []Warning, error) {
	format := opts.Format
	opts.Format = ""
	doc, sp, err := newDocument(opts)
	if err != nil {
		return nil, nil, err
	}
	doc.Format = format
	ext, warns, err := read(data, name)
	if err != nil {
		return nil, warns, err
	}
	blocks := make([]rawBlock, 0, len(ext))
	for _, b := range ext {
		blocks = append(blocks, rawBlock{kind: b.Kind, level: b.Level, marker: b.Marker, text: b.Text, codes: b.Codes, tags: b.Tags})
	}
	doc.build(blocks, sp)
	for i := range doc.Segments {
		s := &doc.Segments[i]
		if err := checkSegmentTags(&doc.Blocks[s.Block], s); err != nil {
			return nil, warns, fmt.Errorf("%s: segment %d: %w", name, i+1, err)
		}
	}
	if len(doc.Segments) == 0 {
		return nil, warns, fmt.Errorf("%s: %w", name, errEmpty)
	}
	return doc, warns, nil
}

// knownFormat reports whether a project may hold format.
func knownFormat(format string) bool {
	switch format {
	case FormatText, FormatMarkdown, FormatHTML:
		return true
	}
	return IsExternalFormat(format)
}
