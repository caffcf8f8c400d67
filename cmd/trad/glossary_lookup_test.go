package main

import (
	"strings"
	"testing"
)

func TestGlossaryLookupCollated(t *testing.T) {
	isolateGlossaries(t)
	terms := writeGlossaryFile(t, t.TempDir(), "t.csv", collationTerms)
	code, out, _ := runGlossary(t, "", "lookup", "--no-builtin", "-g", terms, "données")
	if code != 0 || out != "base de données\tdatabase\t\t\t\t"+terms+":6\ndonnée\tdatum\t\t\t\t"+terms+":7\n" {
		t.Errorf("lookup données: exit %d\n%s", code, out)
	}
	code, _, errs := runGlossary(t, "", "lookup", "--no-builtin", "-g", terms, "girafe")
	if code != 1 || !strings.Contains(errs, `no entry for "girafe"`) {
		t.Errorf("lookup of a missing word: exit %d, %s", code, errs)
	}
	code, out, _ = runGlossary(t, "", "lookup", "--no-builtin", "--json", "-g", terms, "bee")
	if code != 0 || out != `{"source": ["abeille"], "targets": ["bee"], "terms": {"en": ["bee"], "fr": ["abeille"]}, "domain": "", "pos": "", "note": "", "origin": "`+terms+`:4"}`+"\n" {
		t.Errorf("lookup --json bee: exit %d\n%s", code, out)
	}
}

func TestGlossaryLookupBuiltin(t *testing.T) {
	isolateGlossaries(t)
	code, out, errs := runGlossary(t, "", "lookup", "sanctions")
	if code != 0 || !strings.Contains(out, "\tbuiltin\n") {
		t.Errorf("lookup sanctions in the built-in glossary: exit %d %s\n%s", code, errs, out)
	}
}
