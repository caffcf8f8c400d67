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
