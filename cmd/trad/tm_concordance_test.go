package main

import (
	"strings"
	"testing"
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
