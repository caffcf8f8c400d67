package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

// The translated document is refused while tags are missing (the links
// would be lost); TMX still exports; with the tags back, the link is kept.
func TestExportTargetRefusedOnTagErrors(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.fr.md")
	if err := os.WriteFile(article, []byte("Voir la [CNIL](https://cnil.fr/x_y) **vite**.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	op, err := segments.OpenProject(article, segments.OpenOptions{})
	doc, project := op.Doc, op.Path()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	doc.Confirm(0, "See the CNIL quickly.", "", now)
	if err := segments.Save(project, doc); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runTrad(t, "export", project, "--format", "target")
	if code == 0 || !strings.Contains(errs, "4 tag errors") || !strings.Contains(errs, "‹a1› missing in target") {
		t.Fatalf("export with missing tags: exit %d, %s", code, errs)
	}
	if code, out, errs := runTrad(t, "export", project, "--format", "tmx"); code != 0 || !strings.Contains(out, "<seg>See the CNIL quickly.</seg>") {
		t.Fatalf("tmx export: exit %d, %s%s", code, out, errs)
	}
	tags := []segments.Tag{{At: 8, ID: 1, Kind: segments.TagOpen}, {At: 12, ID: 1, Kind: segments.TagClose},
		{At: 13, ID: 2, Kind: segments.TagOpen}, {At: 20, ID: 2, Kind: segments.TagClose}}
	doc.UpdateTagged(0, "See the CNIL quickly.", tags, segments.StatusTranslated, "", now)
	if err := segments.Save(project, doc); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runTrad(t, "export", project, "--format", "target")
	if code != 0 || out != "See the [CNIL](https://cnil.fr/x_y) **quickly**.\n" {
		t.Errorf("export with tags: exit %d, %q %s", code, out, errs)
	}
}
