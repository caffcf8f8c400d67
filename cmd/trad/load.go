package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

// glossarySources says which glossaries a command merges, highest priority
// first: the --glossary paths, the user's folder, the built-in glossary.
type glossarySources struct {
	Paths     []string
	NoUser    bool
	NoBuiltin bool
}

// loadGlossaries merges the glossaries named by src, printing warnings (with
// file and line) to s.Err. A missing or empty user folder is not an error.
func loadGlossaries(s *streams, src glossarySources) (*glossary.Glossary, error) {
	var gs []*glossary.Glossary
	load := func(paths ...string) error {
		g, warns, err := glossary.Open(paths...)
		for _, w := range warns {
			fmt.Fprintln(s.Err, "trad: warning:", w)
		}
		if err != nil {
			return err
		}
		gs = append(gs, g)
		return nil
	}
	if len(src.Paths) > 0 {
		if err := load(src.Paths...); err != nil {
			return nil, err
		}
	}
	if dir := glossary.UserDir(); !src.NoUser && dir != "" {
		entries, err := os.ReadDir(dir)
		switch {
		case err == nil && len(entries) > 0:
			if err := load(dir); err != nil {
				return nil, fmt.Errorf("user glossaries: %w", err)
			}
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("user glossaries: %w", err)
		}
	}
	if !src.NoBuiltin {
		gs = append(gs, glossary.Default())
	}
	return glossary.Merge(gs...), nil
}

// readArticle reads an article from a file, or from s.In when file is "-",
// printing the reader's warnings to s.Err.
func readArticle(s *streams, file string, ro segments.ReadOptions) (*segments.Document, error) {
	var (
		doc   *segments.Document
		warns []segments.Warning
		err   error
	)
	if file == "-" {
		ro.Name = "stdin"
		doc, warns, err = segments.Read(s.In, ro)
	} else {
		doc, warns, err = segments.ReadFile(file, ro)
	}
	for _, w := range warns {
		fmt.Fprintln(s.Err, "trad: warning:", w)
	}
	return doc, err
}
