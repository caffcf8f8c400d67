package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

// A level-2 TMX unit fills a tagged segment with its tags mapped onto the
// segment's codes; the same text with other tags is 99 %, so the default
// --min 100 leaves it alone, and --min 90 takes it with the tags that map.
func TestPretranslateTags(t *testing.T) {
	tmx := filepath.Join(t.TempDir(), "level2.tmx")
	data, err := os.ReadFile("../../tm/testdata/level2.tmx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tmx, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	article := filepath.Join(t.TempDir(), "chat.fr.md")
	md := "Le **chat noir** dort sur le [tapis](https://e.org/tapis).\n\nLe chat noir dort sur le **tapis**.\n"
	if err := os.WriteFile(article, []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	project := segments.ProjectPath(article)
	targets := func() []string {
		t.Helper()
		doc, _, err := segments.Load(project)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for i := range doc.Segments {
			s := &doc.Segments[i]
			out = append(out, doc.Blocks[s.Block].TargetMarkup(s))
		}
		return out
	}

	code, out, errs := runTM(t, "pretranslate", article, "--tm", tmx)
	if code != 0 || !strings.Contains(out, "(1 exact, 0 fuzzy), 1 left empty") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	if got := targets(); got[0] != "The **black cat** sleeps on the [mat](https://e.org/tapis)." || got[1] != "" {
		t.Errorf("targets %q", got)
	}

	code, out, errs = runTM(t, "pretranslate", project, "--tm", tmx, "--min", "90")
	if code != 0 || !strings.Contains(out, "(0 exact, 1 fuzzy), 0 left empty") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	// The unit's bold pair is the segment's bold pair; its link has no
	// counterpart and is left for the translator.
	if got := targets(); got[1] != "The **black cat** sleeps on the mat." {
		t.Errorf("targets %q", got)
	}
}
