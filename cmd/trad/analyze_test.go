package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnalyzeGolden runs trad analyze on package analyze's test job: the
// CLI prints what the package's golden files hold.
func TestAnalyzeGolden(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir()) // the user memory exists but is empty
	t.Chdir(filepath.Join("..", "..", "analyze", "testdata"))
	for _, tc := range []struct{ flag, golden string }{{"", "job.txt"}, {"--csv", "job.csv"}, {"--json", "job.json"}} {
		args := []string{"analyze", "first.md", "second.md", "--tm", "memory.tmx"}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		code, out, errs := runTrad(t, args...)
		if code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
		want, err := os.ReadFile(tc.golden)
		if err != nil {
			t.Fatal(err)
		}
		if out != string(want) {
			t.Errorf("%v:\n%s\nwant (%s):\n%s", args, out, tc.golden, want)
		}
	}
	// Nothing written next to the articles.
	if _, err := os.Stat("first.md.trad.json"); err == nil {
		t.Error("analyze wrote a project file")
	}
}

// TestAnalyzeProject checks that the confirmed segments of a project count
// as matches (they are in the memory) and that --no-user is honoured.
func TestAnalyzeProject(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	_, project := makeProject(t, "article.fr.md")
	code, out, errs := runTrad(t, "analyze", project, "--no-user", "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var got struct {
		Files []struct {
			File  string
			Bands []struct {
				Band     string
				Segments int
			}
			Total struct{ Segments, Words int }
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got.Files) != 1 || got.Files[0].File != project {
		t.Fatalf("files %+v", got.Files)
	}
	bands := map[string]int{}
	for _, b := range got.Files[0].Bands {
		bands[b.Band] = b.Segments
	}
	// makeProject confirms 10 of the 12 segments: each is its own context
	// match; the two others (one draft, one new) have none.
	if bands["101"] != 10 || bands["no-match"]+bands["repetitions"] != 2 || got.Files[0].Total.Segments != 12 {
		t.Errorf("bands %v, total %+v", bands, got.Files[0].Total)
	}
}

func TestAnalyzeErrors(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"analyze", "x.md", "--json", "--csv"}, "choose one"},
		{[]string{"analyze", "no-such-file.md"}, "no-such-file.md"},
		{[]string{"analyze", "../../analyze/testdata/first.md", "--tm", "no-such.tmx"}, "no-such.tmx"},
		{[]string{"analyze"}, "requires at least 1 arg"},
	} {
		code, _, errs := runTrad(t, tc.args...)
		if code == 0 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %q; want an error saying %q", tc.args, code, errs, tc.want)
		}
	}
}
