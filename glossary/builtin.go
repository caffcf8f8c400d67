package glossary

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"sync"
)

// builtinFS holds the built-in glossary: tab-separated files with a header
// of language codes (fr en es de it zh domain pos note), one concept a line.
//
//go:embed data/*.tsv
var builtinFS embed.FS

var (
	builtinOnce sync.Once
	builtinG    *Glossary
	builtinWarn []Warning
)

// Default returns the built-in tech and geopolitics glossary, parsed once.
// Its entries' Origin.File is BuiltinName and Origin.Line their line in
// their data file. The returned glossary is shared: do not modify it.
func Default() *Glossary {
	builtinOnce.Do(func() {
		builtinG, builtinWarn = loadBuiltin()
	})
	return builtinG
}

// builtinFiles lists the embedded data files, sorted.
func builtinFiles() []string {
	names, _ := fs.Glob(builtinFS, "data/*.tsv")
	sort.Strings(names)
	return names
}

// loadBuiltin parses the embedded files. Problems are returned as warnings
// (naming data/FILE) rather than failing: a test keeps the data clean.
func loadBuiltin() (*Glossary, []Warning) {
	var (
		gs    []*Glossary
		warns []Warning
	)
	for _, name := range builtinFiles() {
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			warns = append(warns, Warning{File: name, Msg: err.Error()})
			continue
		}
		g, w, err := readBytes(data, name, FormatTSV)
		warns = append(warns, w...)
		if err != nil {
			warns = append(warns, Warning{File: name, Msg: err.Error()})
			continue
		}
		for _, e := range g.Entries() {
			e.Origin.File, e.Origin.Data = BuiltinName, path.Base(name)
		}
		gs = append(gs, g)
	}
	return Merge(gs...), warns
}
