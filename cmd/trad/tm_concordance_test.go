package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/tm"
)

func TestTMConcordance(t *testing.T) {
	tmx := tmFixture(t)
	tests := []struct {
		name  string
		args  []string
		code  int
		want  []string // "source|match|exact" lines
		inErr string
	}{
		{name: "accent and case insensitive", args: []string{"--tm", tmx, "MARCHES"},
			want: []string{"Les marchés ont reculé.|marchés|false"}},
		{name: "phrase", args: []string{"--tm", tmx, "plan", "quinquennal"},
			want: []string{"La Chine a annoncé un nouveau plan quinquennal pour l'industrie.|plan quinquennal|true"}},
		{name: "word after an elision", args: []string{"--tm", tmx, "industrie"},
			want: []string{"La Chine a annoncé un nouveau plan quinquennal pour l'industrie.|industrie|true"}},
		{name: "nothing", args: []string{"--tm", tmx, "inconnu"}},
		{name: "other pair", args: []string{"--tm", tmx, "--to", "de", "marchés"},
			want: []string{"Les marchés ont reculé.|marchés|true"}},
		{name: "bad max", args: []string{"--tm", tmx, "--max", "0", "x"}, code: 1, inErr: "--max 0"},
		{name: "missing tm", args: []string{"--tm", tmx + ".missing", "x"}, code: 1, inErr: "missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runTM(t, append([]string{"tm", "concordance"}, tt.args...)...)
			if code != tt.code || !strings.Contains(errOut, tt.inErr) {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			var got []string
			for _, m := range decodeMatches(t, out) {
				got = append(got, m["source"].(string)+"|"+m["match"].(string)+"|"+sprintAny(m["exact"]))
				if m["origin"] != tmx || m["target"] == "" {
					t.Errorf("line %v", m)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func sprintAny(v any) string {
	if b, ok := v.(bool); ok && b {
		return "true"
	}
	return "false"
}

func TestTMCompact(t *testing.T) {
	tmFixture(t) // empty user folder
	if code, out, errOut := runTM(t, "tm", "compact"); code != 0 || out != "" {
		t.Fatalf("compact of an empty folder: %d %q %q", code, out, errOut)
	}
	dir := tm.UserDir()
	w := tm.NewUserWriter(dir, filepath.Join(t.TempDir(), "a.trad.json"))
	if err := w.Append(tm.Unit{Source: "Les marchés ont reculé.", Target: "Markets fell.", SourceLang: "fr", TargetLang: "en"}); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runTM(t, "tm", "compact")
	if code != 0 || strings.TrimSpace(out) != w.File() {
		t.Fatalf("compact: %d %q %q, want %s", code, out, errOut, w.File())
	}
	data, err := os.ReadFile(w.File())
	if err != nil || !strings.Contains(string(data), "<seg>Markets fell.</seg>") {
		t.Errorf("TMX after compact: %v\n%s", err, data)
	}
	if fi, err := os.Stat(tm.JournalFile(w.File())); err != nil || fi.Size() != 0 {
		t.Errorf("journal after compact: %v %v", fi, err)
	}
	// The concordance finds the unit in the compacted file.
	_, out, _ = runTM(t, "tm", "concordance", "marches")
	if !strings.Contains(out, `"target":"Markets fell."`) {
		t.Errorf("concordance after compact: %q", out)
	}
}
