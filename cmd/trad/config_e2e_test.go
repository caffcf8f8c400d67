package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestE2EConfigFiles: the editor reads keys.json and config.json through
// the one settings loader and says on its status line what it made of
// them: the "qa" object wins over a qa.json beside it (with a notice), a
// remapped key works, and a broken config.json is named by file, line and
// column while the editor opens with the defaults.
func TestE2EConfigFiles(t *testing.T) {
	bin, art, env := e2eSetup(t)
	var cfgDir string
	for _, e := range env {
		if v, ok := strings.CutPrefix(e, "XDG_CONFIG_HOME="); ok {
			cfgDir = filepath.Join(v, "trad")
		}
	}
	write := func(name, body string) {
		t.Helper()
		if err := os.MkdirAll(cfgDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(cfgDir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("keys.json", `{"browse": {"down": ["down", "t"]}}`)
	write("config.json", `{"qa": {"disable": ["draft"]}}`)
	write("qa.json", `{"disable": ["identical"]}`)

	s := startTmux(t, 250, 30, env, bin, "edit", art)
	s.waitFor(`qa.json: ignored: the "qa" object of`)
	s.waitFor("enter/i edit")
	s.keys("t")
	s.waitFor("▶ 2 ·")
	s.keys("q")
	deadline := time.Now().Add(5 * time.Second)
	for !s.dead() && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}

	write("config.json", "{\n  \"tm\": {\"min_score\": 70,}\n}")
	s2 := startTmux(t, 250, 30, env, bin, "edit", art)
	scr := s2.waitFor("config.json:2:26: invalid character '}' looking for beginning of object key string (using the default settings)")
	if strings.Contains(scr, "qa.json") {
		t.Errorf("with config.json unreadable, qa.json is not read either (the defaults are):\n%s", scr)
	}
	s2.keys("q")
}
