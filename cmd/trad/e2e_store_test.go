package main

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

// Issue 10 in the real editor: a second trad edit on an open project says
// so and, opened anyway, confirms a segment; the first editor, which never
// saw that segment, moves its cursor and quits (a save): both confirms are in the project,
// and the editor lock is gone once both have quit.
func TestE2ETwoEditorsKeepBothConfirms(t *testing.T) {
	bin, art, env := e2eSetup(t)
	proj := segments.ProjectPath(art)
	one := startTmux(t, 120, 40, env, bin, "edit", art)
	one.waitFor("project: " + proj)
	one.keys("Enter")
	one.waitFor("enter confirm")
	one.text("Chips by one.")
	one.keys("Enter")
	waitProject(t, proj, func(d *segments.Document) bool { return d.Segments[0].Status == segments.StatusTranslated })
	one.keys("Escape")
	one.waitFor("enter/i edit")

	two := startTmux(t, 120, 40, env, bin, "edit", art)
	two.waitFor("already open in trad edit (pid ")
	two.keys("a", "Enter")
	two.waitFor("1/3 segments")
	two.keys("Enter") // the cursor resumed on segment 2
	two.waitFor("enter confirm")
	two.text("Report by two.")
	two.keys("Enter")
	waitProject(t, proj, func(d *segments.Document) bool { return d.Segments[1].Status == segments.StatusTranslated })
	two.waitFor("2/3 segments")
	two.keys("Escape")
	two.waitFor("enter/i edit")
	two.keys("q")
	waitDead(t, two)

	one.keys("k") // only moves the cursor: the quit still saves
	one.waitFor("▶ 1 ✓")
	one.keys("q")
	waitDead(t, one)
	doc, _, err := segments.Load(proj)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Segments[0].Target != "Chips by one." || doc.Segments[1].Target != "Report by two." {
		t.Errorf("after both quit: %q, %q", doc.Segments[0].Target, doc.Segments[1].Target)
	}
	if _, err := os.Stat(segments.EditorLockPath(proj)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("editor lock left behind: %v", err)
	}
}

func waitDead(t *testing.T, s *tmuxSession) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !s.dead() && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if !s.dead() {
		t.Fatalf("the editor did not quit:\n%s", s.screen())
	}
}
