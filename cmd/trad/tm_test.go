package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// runWith runs trad with args, adding the commands made by mks when the
// root does not register them (yet).
func runWith(t *testing.T, mks []func(*streams) *cobra.Command, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{In: strings.NewReader(""), Out: &out, Err: &errb}
	root := newRootCmd(s)
	for _, mk := range mks {
		c := mk(s)
		if found, _, err := root.Find([]string{c.Name()}); err != nil || found == root {
			root.AddCommand(c)
		}
	}
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		fmt.Fprintln(&errb, "trad:", err)
		return 1, out.String(), errb.String()
	}
	return 0, out.String(), errb.String()
}

func runTM(t *testing.T, args ...string) (int, string, string) {
	return runWith(t, []func(*streams) *cobra.Command{newTMCmd, newPretranslateCmd}, args...)
}

const testTMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="fr-FR" segtype="sentence" datatype="plaintext" o-tmf="test" adminlang="en" creationtool="test" creationtoolversion="1"/>
  <body>
    <tu><tuv xml:lang="fr-FR"><seg>Le taux est de 3,5 %.</seg></tuv><tuv xml:lang="en-GB"><seg>The rate is 3.5%.</seg></tuv></tu>
    <tu><tuv xml:lang="fr-FR"><seg>La Chine a annoncé un nouveau plan quinquennal pour l'industrie.</seg></tuv><tuv xml:lang="en-GB"><seg>China announced a new five-year plan for industry.</seg></tuv></tu>
    <tu><tuv xml:lang="fr-FR"><seg>Les marchés ont reculé.</seg></tuv><tuv xml:lang="en-GB"><seg>Markets fell.</seg></tuv></tu>
    <tu><tuv xml:lang="fr-FR"><seg>Les marchés ont reculé.</seg></tuv><tuv xml:lang="de-DE"><seg>Die Märkte fielen.</seg></tuv></tu>
  </body>
</tmx>
`

// tmFixture writes testTMX to a temporary folder and points the user's
// memory folder at an empty one.
func tmFixture(t *testing.T) (tmx string) {
	t.Helper()
	dir := t.TempDir()
	tmx = filepath.Join(dir, "memory.tmx")
	if err := os.WriteFile(tmx, []byte(testTMX), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	return tmx
}

func decodeMatches(t *testing.T, out string) []map[string]any {
	t.Helper()
	var ms []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %q is not JSON: %v", line, err)
		}
		ms = append(ms, m)
	}
	return ms
}

func TestTMLookup(t *testing.T) {
	tmx := tmFixture(t)
	tests := []struct {
		name string
		args []string
		want string // JSON lines
	}{
		{"exact", []string{"--tm", tmx, "Les marchés ont reculé."},
			`{"source":"Les marchés ont reculé.","target":"Markets fell.","score":100,"origin":"` + tmx + `"}`},
		{"numbers substituted", []string{"--tm", tmx, "Le taux est de 4,2 %."},
			`{"source":"Le taux est de 3,5 %.","target":"The rate is 4.2%.","score":99,"origin":"` + tmx + `","numbers_substituted":true}`},
		{"other target language", []string{"--tm", tmx, "--to", "de", "Les marchés ont reculé."},
			`{"source":"Les marchés ont reculé.","target":"Die Märkte fielen.","score":100,"origin":"` + tmx + `"}`},
		{"min above the best", []string{"--tm", tmx, "--min", "101", "Les marchés ont reculé."}, ``},
		{"folder, words as separate arguments", []string{"--tm", filepath.Dir(tmx), "Les", "marchés", "ont", "reculé."},
			`{"source":"Les marchés ont reculé.","target":"Markets fell.","score":100,"origin":"` + tmx + `"}`},
		{"nothing close", []string{"--tm", tmx, "Une phrase sans rapport."}, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runTM(t, append([]string{"tm", "lookup"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if strings.TrimSpace(out) != tt.want {
				t.Errorf("output\n%s\nwant\n%s", out, tt.want)
			}
		})
	}
}

func TestTMLookupFuzzyAndMax(t *testing.T) {
	tmx := tmFixture(t)
	code, out, errs := runTM(t, "tm", "lookup", "--tm", tmx, "--max", "1", "--min", "60",
		"La Chine a présenté un nouveau plan quinquennal pour l'industrie.")
	if code != 0 {
		t.Fatal(errs)
	}
	ms := decodeMatches(t, out)
	if len(ms) != 1 {
		t.Fatalf("%d matches, want 1: %s", len(ms), out)
	}
	if sc := ms[0]["score"].(float64); sc < 80 || sc > 99 {
		t.Errorf("score %v, want a fuzzy score in 80–99", sc)
	}
	if _, ok := ms[0]["context"]; ok {
		t.Errorf("context printed when false: %s", out)
	}
}

func TestTMLookupUserMemory(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	dir := filepath.Join(data, "trad", "tm")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "old-project.tmx"), []byte(testTMX), 0o644)
	code, out, _ := runTM(t, "tm", "lookup", "Les marchés ont reculé.")
	if code != 0 || len(decodeMatches(t, out)) != 1 {
		t.Errorf("user memory not searched: exit %d, %q", code, out)
	}
	code, out, _ = runTM(t, "tm", "lookup", "--no-user", "Les marchés ont reculé.")
	if code != 0 || out != "" {
		t.Errorf("--no-user still searched the user memory: %q", out)
	}
}

func TestTMLookupErrors(t *testing.T) {
	tmx := tmFixture(t)
	bad := filepath.Join(filepath.Dir(tmx), "bad.tmx")
	os.WriteFile(bad, []byte("<tmx><body>\n<tu></body>"), 0o644)
	tests := []struct {
		args     []string
		code     int
		wantErr  string
		wantsOut bool
	}{
		{[]string{"--tm", "nope.tmx", "x"}, 1, "nope.tmx", false},
		{[]string{"--min", "0", "x"}, 1, "--min 0", false},
		{[]string{"--max", "0", "x"}, 1, "--max 0", false},
		{[]string{}, 1, "arg", false},
		{[]string{"--tm", bad, "--tm", tmx, "Les marchés ont reculé."}, 0, "warning: " + bad + ":2: ", true},
	}
	for _, tt := range tests {
		code, out, errs := runTM(t, append([]string{"tm", "lookup"}, tt.args...)...)
		if code != tt.code || !strings.Contains(errs, tt.wantErr) || (out != "") != tt.wantsOut {
			t.Errorf("tm lookup %q: exit %d, out %q, err %q; want exit %d, err containing %q", tt.args, code, out, errs, tt.code, tt.wantErr)
		}
	}
}
