package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/align"
	"github.com/trad-project/trad/segments"
)

// TestE2EAlignReviewInTmux runs `trad align --review` in a terminal: the
// view lists the links, o puts the lowest confidence first, s splits it,
// enter writes the project, x exports the TMX, q quits.
func TestE2EAlignReviewInTmux(t *testing.T) {
	dir, fr, en := alignPair(t)
	env := []string{"XDG_DATA_HOME=" + filepath.Join(dir, "data"), "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "TERM=xterm-256color"}
	// The dictionary is pinned (core vocabulary and the align tests'
	// glossary): the built-in glossary's data must not move this test.
	s := startTmux(t, 120, 40, env, buildTrad(t), "align", "--review", "--no-builtin", "--glossary", alignTestGlossary(t), fr, en)
	scr := s.waitFor("document order")
	links := fmt.Sprintf("%d links", len(pinnedAlign(t, fr, en)))
	for _, want := range []string{"article.fr.md ↔ article.en.md", links, "2:1", "Puces, réseaux sociaux", "Chips, social networks"} {
		if !strings.Contains(scr, want) {
			t.Errorf("first screen lacks %q:\n%s", want, scr)
		}
	}
	// The first keys may arrive before the program reads its input: send
	// o again until the order changes.
	pressUntil(s, "o", "lowest confidence first")
	// g: the top of the list is a link flagged for review (under 0.7).
	s.keys("g")
	topFlagged := func() bool {
		f := strings.Fields(strings.Split(s.screen(), "\n")[1])
		c, err := strconv.ParseFloat(f[len(f)-1], 64)
		return err == nil && c < align.LowConfidence
	}
	for end := time.Now().Add(5 * time.Second); !topFlagged(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("lowest-first view does not start with a flagged link:\n%s", s.screen())
		}
	}
	pressUntil(s, "o", "document order")
	s.keys("G", "s")
	s.waitFor("· unsaved")
	s.keys("Enter")
	s.waitFor("project written")
	project := filepath.Join(dir, "article.fr.trad.json")
	doc := waitProject(t, project, func(*segments.Document) bool { return true })
	last := doc.Segments[len(doc.Segments)-1]
	// The last link was 1:1 and was split: its segment has no target.
	if last.Target != "" || doc.Segments[0].Origin != align.Origin {
		t.Errorf("project: last segment %+v, first origin %q", last, doc.Segments[0].Origin)
	}
	s.keys("x")
	s.waitFor("wrote " + filepath.Join(dir, "article.fr.tmx"))
	if data, err := os.ReadFile(filepath.Join(dir, "article.fr.tmx")); err != nil || !strings.Contains(string(data), "<tmx") {
		t.Errorf("TMX: %v", err)
	}
	s.keys("q")
	deadline := time.Now().Add(10 * time.Second)
	for !s.dead() {
		if time.Now().After(deadline) {
			t.Fatalf("q did not quit:\n%s", s.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// pressUntil sends key until the screen shows want, waiting a second
// between tries, and returns the screen.
func pressUntil(s *tmuxSession, key, want string) string {
	s.t.Helper()
	for range 5 {
		s.keys(key)
		for end := time.Now().Add(time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			if scr := s.screen(); strings.Contains(scr, want) {
				return scr
			}
		}
	}
	s.t.Fatalf("screen never showed %q after %s:\n%s", want, key, s.screen())
	return ""
}
