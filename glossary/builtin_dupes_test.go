package glossary

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// crossFileAllowed lists folded French terms that two built-in files may
// both define because the entries are told apart by capitalisation (a word
// in capitals matches only as written): "SMIC" (tech.tsv, the Chinese
// foundry) and "Smic" (policy2025.tsv, the French minimum wage).
var crossFileAllowed = map[string]bool{
	"smic": true,
}

// addFrenchTerms records, for each folded French term of one data file, the
// places ("file:line") that define it, once per entry.
func addFrenchTerms(where map[string][]string, name string, data []byte) error {
	g, _, err := readBytes(data, name, FormatTSV)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for _, e := range g.Entries() {
		seen := map[string]bool{}
		for _, fr := range e.Lang("fr") {
			key := fold(normWord(fr))
			if seen[key] {
				continue // spellings of one entry that fold alike
			}
			seen[key] = true
			where[key] = append(where[key], fmt.Sprintf("%s:%d", name, e.Origin.Line))
		}
	}
	return nil
}

// crossFileProblems returns, sorted, the terms defined in more than one file
// and not allowed, and the allowed terms no longer defined in two files.
func crossFileProblems(where map[string][]string, allowed map[string]bool) []string {
	var out []string
	for key, places := range where {
		files := map[string]bool{}
		for _, at := range places {
			files[at[:strings.LastIndexByte(at, ':')]] = true
		}
		switch {
		case len(files) > 1 && !allowed[key]:
			out = append(out, fmt.Sprintf("French term %q is defined in several files: %v", key, places))
		case len(files) < 2 && allowed[key]:
			out = append(out, fmt.Sprintf("allow-listed term %q is no longer in two files (%v): remove it from the list", key, places))
		}
	}
	sort.Strings(out)
	return out
}

// TestBuiltinCrossFileDuplicates fails when one French term is defined in
// two built-in files: the data test only catches repeats inside a file, and
// a concept split over two files shows two sets of translations and notes.
func TestBuiltinCrossFileDuplicates(t *testing.T) {
	where := map[string][]string{}
	for _, name := range builtinFiles() {
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := addFrenchTerms(where, name, data); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range crossFileProblems(where, crossFileAllowed) {
		t.Error(p)
	}
}

// TestCrossFileProblems checks the check itself on small files.
func TestCrossFileProblems(t *testing.T) {
	files := []struct{ name, data string }{
		{"a.tsv", "fr\ten\tdomain\nmilice\tmilitia\tdefence\nSMIC\tSMIC\tcompanies\nOtan\tNATO\tdefence\n"},
		{"b.tsv", "fr\ten\tdomain\nMILICE | milice armée\tmilitia\tdefence\nSmic\tminimum wage\teconomy\nguérilla | Guérilla\tguerrilla\tdefence\n"},
	}
	where := map[string][]string{}
	for _, f := range files {
		if err := addFrenchTerms(where, f.name, []byte(f.data)); err != nil {
			t.Fatal(err)
		}
	}
	got := crossFileProblems(where, map[string]bool{"smic": true, "otan": true})
	want := []string{
		`French term "milice" is defined in several files: [a.tsv:2 b.tsv:2]`,
		`allow-listed term "otan" is no longer in two files ([a.tsv:4]): remove it from the list`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A built-in entry says which data file it comes from: two files can hold
// an entry on the same line, and the editor's pane names the file.
func TestBuiltinOriginNamesTheFile(t *testing.T) {
	files := map[string]bool{}
	for _, e := range Default().Entries() {
		if e.Origin.File != BuiltinName || e.Origin.Line <= 0 || !strings.HasSuffix(e.Origin.Data, ".tsv") || strings.Contains(e.Origin.Data, "/") {
			t.Fatalf("origin %+v", e.Origin)
		}
		files[e.Origin.Data] = true
	}
	if len(files) != len(builtinFiles()) {
		t.Errorf("entries name %d files, the data has %d", len(files), len(builtinFiles()))
	}
}
