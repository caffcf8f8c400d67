package main

import (
	"strings"
	"testing"
)

func TestGlossaryLookupCollated(t *testing.T) {
	isolateGlossaries(t)
	terms := writeGlossaryFile(t, t.TempDir(), "t.csv", collationTerms)
	code, out, _ := runGlossary(t, "", "lookup", "--no-builtin", "-g", terms, "données")
	if code != 0 || out != "base de données\tdatabase\t\t\t\t"+terms+":6\tfr:base de données\tword\n"+
		"donnée\tdatum\t\t\t\t"+terms+":7\tfr:donnée\tstemmed\n" {
		t.Errorf("lookup données: exit %d\n%s", code, out)
	}
	code, _, errs := runGlossary(t, "", "lookup", "--no-builtin", "-g", terms, "girafe")
	if code != 1 || !strings.Contains(errs, `no entry for "girafe"`) {
		t.Errorf("lookup of a missing word: exit %d, %s", code, errs)
	}
	code, out, _ = runGlossary(t, "", "lookup", "--no-builtin", "--json", "-g", terms, "bee")
	if code != 0 || out != `{"source": ["abeille"], "targets": ["bee"], "terms": {"en": ["bee"], "fr": ["abeille"]}, "none": [], "domain": "", "pos": "", "note": "", "origin": "`+terms+`:4", "matched": {"lang": "en", "term": "bee", "how": "exact"}}`+"\n" {
		t.Errorf("lookup --json bee: exit %d\n%s", code, out)
	}
}

func TestGlossaryLookupBuiltin(t *testing.T) {
	isolateGlossaries(t)
	code, out, errs := runGlossary(t, "", "lookup", "sanctions")
	if code != 0 || !strings.Contains(out, "\tbuiltin\t") {
		t.Errorf("lookup sanctions in the built-in glossary: exit %d %s\n%s", code, errs, out)
	}
}

// TestGlossaryLookupRanked checks the order of results (exact, whole word,
// stemmed, substring; ties in collation order), what each line says
// matched, --lang, and that a word in capitals is compared as written.
func TestGlossaryLookupRanked(t *testing.T) {
	isolateGlossaries(t)
	terms := writeGlossaryFile(t, t.TempDir(), "t.tsv", "fr\ten\tes\n"+
		"électeur\tvoter\tvotante\n"+
		"OTAN\tNATO\tOTAN\n"+
		"sommet de l'Otan\tNATO summit\tcumbre de la OTAN\n"+
		"puce d'IA\tAI chip\tchip de IA\n"+
		"IA | intelligence artificielle\tAI\tIA\n"+
		"via\tvia\tvía\n"+
		"contrôles à l'exportation\texport controls\tcontroles\n"+
		"exportations\texports\texportaciones\n"+
		"exportation\texport\texportación\n")
	lookup := func(args ...string) string {
		t.Helper()
		code, out, errs := runGlossary(t, "", append([]string{"lookup", "--no-builtin", "-g", terms}, args...)...)
		if code != 0 {
			t.Fatalf("lookup %v: exit %d %s", args, code, errs)
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			f := strings.Split(l, "\t")
			got = append(got, f[len(f)-2]+"/"+f[len(f)-1])
		}
		return strings.Join(got, ", ")
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"IA"}, "fr:IA/exact, fr:puce d'IA/word"},
		{[]string{"OTAN"}, "fr:OTAN/exact, fr:sommet de l'Otan/word"},
		{[]string{"--lang", "fr", "OTAN"}, "fr:OTAN/exact, fr:sommet de l'Otan/word"},
		{[]string{"--lang", "es", "otan"}, "es:OTAN/exact, es:cumbre de la OTAN/word, es:votante/substring"},
		{[]string{"--lang", "fr", "exportation"}, "fr:exportation/exact, fr:contrôles à l'exportation/word, fr:exportations/stemmed"},
	} {
		if got := lookup(tc.args...); got != tc.want {
			t.Errorf("lookup %v:\n got %s\nwant %s", tc.args, got, tc.want)
		}
	}
}
