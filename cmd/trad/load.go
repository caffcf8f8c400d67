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
	// Lenient reports a glossary that cannot be read through warn and goes
	// on without it (the editor, already open); otherwise it is an error.
	Lenient bool
}

// loadGlossaries merges the glossaries named by src, printing warnings (with
// file and line) to s.Err.
func loadGlossaries(s *streams, src glossarySources) (*glossary.Glossary, error) {
	return mergeGlossaries(src, func(msg string) { fmt.Fprintln(s.Err, "trad: warning:", msg) })
}

// mergeGlossaries merges the glossaries named by src, passing every warning
// to warn. A missing or empty user folder is not an error.
func mergeGlossaries(src glossarySources, warn func(string)) (*glossary.Glossary, error) {
	var gs []*glossary.Glossary
	load := func(what string, paths ...string) error {
		g, warns, err := glossary.Open(paths...)
		for _, w := range warns {
			warn(w.String())
		}
		if err != nil {
			if what != "" {
				err = fmt.Errorf("%s: %w", what, err)
			}
			if src.Lenient {
				warn(err.Error())
				return nil
			}
			return err
		}
		gs = append(gs, g)
		return nil
	}
	if len(src.Paths) > 0 {
		if err := load("", src.Paths...); err != nil {
			return nil, err
		}
	}
	if !src.NoUser {
		dir := glossary.UserDir() // created on first use
		// An unreadable folder goes to Open, which names the problem.
		if entries, err := os.ReadDir(dir); len(entries) > 0 || err != nil && !errors.Is(err, fs.ErrNotExist) {
			if err := load("user glossaries", dir); err != nil {
				return nil, err
			}
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
	printWarnings(s, warns)
	return doc, err
}
