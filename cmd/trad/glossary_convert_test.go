package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/glossary"
)

func TestGlossaryConvert(t *testing.T) {
	isolateGlossaries(t)
	dir := t.TempDir()
	in := writeGlossaryFile(t, dir, "in.tsv", testTerms)
	for _, tc := range []struct {
		out  string
		args []string
		want glossary.Format
	}{
		{"out.tbx", nil, glossary.FormatTBX},
		{"out3.tbx", []string{"--format", "tbx3"}, glossary.FormatTBX3},
		{"out.csv", nil, glossary.FormatCSVMulti},
		{"out.utf8", nil, glossary.FormatTSV},
	} {
		out := filepath.Join(dir, tc.out)
		code, _, errs := runGlossary(t, "", append(append([]string{"convert"}, tc.args...), in, out)...)
		if code != 0 || !strings.Contains(errs, "wrote 4 entries to "+out+" ("+string(tc.want)+")") {
			t.Fatalf("convert to %s: exit %d: %s", tc.out, code, errs)
		}
		g, warns, err := glossary.ReadFile(out)
		if err != nil || len(warns) > 0 || g.Len() < 4 {
			t.Fatalf("%s reads back as %d entries: %v %v", tc.out, g.Len(), err, warns)
		}
		if got := g.Entries()[0].Source("fr"); len(got) != 1 || got[0] != "réseau social" {
			t.Errorf("%s: first entry %v", tc.out, got)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "out.utf8"))
	if !strings.HasPrefix(string(b), "réseau social\tsocial network\nréseau social\tsocial media\n") {
		t.Errorf("OmegaT layout:\n%s", b)
	}
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"convert", in, in}, "is both input and output"},
		{[]string{"convert", in, filepath.Join(dir, "x.xlsx")}, "use --format"},
		{[]string{"convert", filepath.Join(dir, "missing.tsv"), filepath.Join(dir, "x.tbx")}, "missing.tsv: no such file"},
	} {
		if code, _, errs := runGlossary(t, "", tc.args...); code == 0 || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: exit %d, %s", tc.args, code, errs)
		}
	}
	out := filepath.Join(dir, "builtin.tsv")
	if code, _, errs := runGlossary(t, "", "convert", "builtin", out); code != 0 {
		t.Fatalf("convert builtin: %s", errs)
	}
	if g, _, err := glossary.ReadFile(out); err != nil || g.Len() != glossary.Default().Len() {
		t.Errorf("builtin converted: %v", err)
	}
}
