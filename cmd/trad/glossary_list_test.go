package main

import (
	"strings"
	"testing"
)

func TestGlossaryListCollated(t *testing.T) {
	isolateGlossaries(t)
	terms := writeGlossaryFile(t, t.TempDir(), "t.csv", collationTerms)
	code, out, errs := runGlossary(t, "", "list", "--no-builtin", "-g", terms)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var firsts []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		firsts = append(firsts, strings.Split(l, "\t")[0])
	}
	if got := strings.Join(firsts, ","); got != "abeille,base de données,donnée,Ecole,écran,zèbre" {
		t.Errorf("list order %s", got)
	}
}

// TestGlossaryListFilters checks --domain, several --lang columns with the
// no-equivalent marker, and the json and tbx formats.
func TestGlossaryListFilters(t *testing.T) {
	isolateGlossaries(t)
	terms := writeGlossaryFile(t, t.TempDir(), "t.tsv", "fr\ten\tde\tzh\tdomain\n"+
		"Smic\tminimum wage\tMindestlohn\t(none)\teconomy\n"+
		"puce\tchip\tChip\t芯片\ttech\n"+
		"salaire\twage\tLohn\t工资\teconomy\n")
	list := func(args ...string) (string, string) {
		t.Helper()
		code, out, errs := runGlossary(t, "", append([]string{"list", "--no-builtin", "-g", terms}, args...)...)
		if code != 0 {
			t.Fatalf("list %v: exit %d %s", args, code, errs)
		}
		return out, errs
	}
	out, _ := list("--domain", "economy", "--lang", "fr,zh,de")
	want := "salaire\t工资\tLohn\teconomy\t\t\t" + terms + ":4\n" +
		"Smic\t(none)\tMindestlohn\teconomy\t\t\t" + terms + ":2\n"
	if out != want {
		t.Errorf("list --domain --lang:\n%s\nwant\n%s", out, want)
	}
	out, _ = list("--domain", "tech,economy", "--format", "json", "--lang", "fr,zh")
	if n := strings.Count(out, "\n"); n != 3 || !strings.Contains(out, `"none": ["zh"]`) {
		t.Errorf("list --format json:\n%s", out)
	}
	out, _ = list("--format", "tbx", "--lang", "fr,zh")
	if !strings.Contains(out, "<martif") || !strings.Contains(out, "<note>(none): zh</note>") || strings.Contains(out, "Mindestlohn") {
		t.Errorf("list --format tbx:\n%s", out)
	}
	code, _, errs := runGlossary(t, "", "list", "--no-builtin", "-g", terms, "--format", "xls")
	if code != 2 || !strings.Contains(errs, "unknown --format") {
		t.Errorf("bad format: exit %d %s", code, errs)
	}
}
