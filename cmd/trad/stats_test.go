package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestStats(t *testing.T) {
	article, project := makeProject(t, "article.fr.md")
	code, out, errs := runTrad(t, "stats", project)
	if code != 0 {
		t.Fatal(errs)
	}
	// English output: no space before % (issue 11).
	for _, w := range []string{"Segments", "Words", "Total", "Remaining", "Confirmed: 81.4% of source words"} {
		if !strings.Contains(out, w) {
			t.Errorf("stats output lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, " %") || !strings.Contains(out, "% of source words") {
		t.Errorf("English output writes the percentage the French way (\"39.5 %%\"):\n%s", out)
	}
	code, out, errs = runTrad(t, "stats", article, "--json")
	if code != 0 {
		t.Fatal(errs)
	}
	var got statsJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	bs := got.ByStatus
	if got.Total.Segments != 12 || bs["new"].Segments != 1 || bs["draft"].Segments != 1 || bs["translated"].Segments != 10 ||
		got.Remaining.Segments != 2 || got.SrcLang != "fr" || got.TgtLang != "en" {
		t.Errorf("stats %+v", got)
	}
	if got.Total.Words == 0 || got.Percent <= 50 || got.Percent >= 100 {
		t.Errorf("words %d, percent %.1f", got.Total.Words, got.Percent)
	}
	if code, _, _ := runTrad(t, "stats", "no-such-file.md"); code == 0 {
		t.Error("stats of a missing file exited 0")
	}
}
