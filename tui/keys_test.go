package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/bubbles/key"
)

func TestDefaultKeyMapHasNoConflicts(t *testing.T) {
	k := DefaultKeyMap()
	if c := k.Conflicts(); len(c) != 0 {
		t.Fatalf("default key map conflicts: %q", c)
	}
	// The contract: a few spot checks.
	for _, tc := range []struct {
		b    key.Binding
		keys string
	}{
		{k.Browse.Down, "down j"}, {k.Browse.Top, "home g"}, {k.Browse.Bottom, "end G"},
		{k.Browse.Edit, "enter i"}, {k.Browse.Quit, "q ctrl+c"}, {k.Browse.Goto, ":"},
		{k.Edit.Confirm, "enter"}, {k.Edit.InsertNewline, "alt+enter ctrl+j"},
		{k.Edit.Undo, "ctrl+z"}, {k.Edit.Redo, "ctrl+y"}, {k.Edit.CopySource, "ctrl+r"},
		{k.Edit.InsertHit[8], "alt+9"},
		{k.Edit.ReplaceMatch[0], "f1"}, {k.Edit.ReplaceMatch[2], "f3"},
		{k.Edit.InsertMatch[0], "shift+f1 f13"}, {k.Edit.InsertMatch[2], "shift+f3 f15"},
		{k.Browse.UseMatch[1], "f2"},
	} {
		if got := strings.Join(tc.b.Keys(), " "); got != tc.keys {
			t.Errorf("binding %q: keys %q, want %q", tc.b.Help().Desc, got, tc.keys)
		}
	}
}

func TestRemapMatchKeys(t *testing.T) {
	k := DefaultKeyMap()
	warns, err := k.apply(strings.NewReader(`{"browse": {"use-match-1": ["ctrl+1"], "use-match-3": ["ctrl+3"]},
		"edit": {"replace-match-1": ["ctrl+1"], "replace-match-3": ["ctrl+3"], "insert-match-2": []}}`), "keys.json")
	if err != nil || len(warns) != 0 {
		t.Fatalf("apply: %v %q", err, warns)
	}
	if got := k.Browse.UseMatch[0].Keys(); len(got) != 1 || got[0] != "ctrl+1" {
		t.Errorf("use-match-1 = %q", got)
	}
	if got := k.Edit.InsertMatch[1].Keys(); len(got) != 0 {
		t.Errorf("insert-match-2 still bound to %q", got)
	}
	if got := k.Edit.replaceMatchHelp.Help().Key; got != "ctrl+1…3" {
		t.Errorf("help shows %q for the remapped group, want ctrl+1…3", got)
	}
	if got := k.Edit.insertHitHelp.Help().Key; got != "alt+1…9" {
		t.Errorf("insert-hit help = %q", got)
	}
	if got := k.Browse.useMatchHelp.Help().Key; got != "ctrl+1…3" {
		t.Errorf("browse help = %q", got)
	}
}

func TestLoadKeyMap(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name      string
		content   string // "" = no file
		wantErr   string
		wantWarns []string
		check     func(t *testing.T, k KeyMap)
	}{
		{name: "missing file gives defaults", check: func(t *testing.T, k KeyMap) {
			if got := k.Browse.Down.Keys(); strings.Join(got, " ") != "down j" {
				t.Errorf("down = %q", got)
			}
		}},
		{name: "remap", content: `{"browse": {"down": ["down", "t"], "up": ["up", "s"]}, "edit": {"confirm": ["ctrl+o"], "line-end": ["ctrl+l"]}}`,
			check: func(t *testing.T, k KeyMap) {
				if got := strings.Join(k.Browse.Down.Keys(), " "); got != "down t" {
					t.Errorf("down = %q", got)
				}
				if got := strings.Join(k.Edit.Confirm.Keys(), " "); got != "ctrl+o" {
					t.Errorf("confirm = %q", got)
				}
				if got := k.Edit.Confirm.Help().Key; got != "ctrl+o" {
					t.Errorf("confirm help key = %q", got)
				}
				if got := strings.Join(k.Edit.LineEnd.Keys(), " "); got != "ctrl+l" {
					t.Errorf("line-end = %q", got)
				}
			}},
		{name: "conflict reported", content: `{"browse": {"review": ["j"]}}`,
			wantWarns: []string{`browse: key "j" is bound to both down and review`}},
		{name: "textarea conflict reported", content: `{"edit": {"undo": ["alt+k"]}}`,
			wantWarns: []string{`edit: key "alt+k" is bound to both undo and delete-after-cursor`}},
		{name: "unknown section", content: `{"brwose": {}, "edit": {"frobnicate": ["x"]}}`,
			wantErr: `keys.json:1:2: unknown section "brwose" (want browse, edit or prompt)`},
		{name: "unknown action", content: "{\"edit\": {\"confirm\": [\"enter\"],\n  \"frobnicate\": [\"x\"]}}",
			wantErr: `keys.json:2:3: edit: unknown action "frobnicate"`},
		{name: "empty key name", content: `{"edit": {"confirm": ["enter", " "]}}`,
			wantWarns: []string{`keys.json:1:32: edit.confirm: empty key name`}},
		{name: "control characters in a key name", content: `{"edit": {"confirm": ["enter", "\u001b]0;x\u0007"]}}`,
			wantWarns: []string{`keys.json:1:32: edit.confirm: key name "\x1b]0;x\a" has control characters: left out`},
			check: func(t *testing.T, k KeyMap) {
				if got := strings.Join(k.Edit.Confirm.Keys(), " "); got != "enter" {
					t.Errorf("confirm = %q", got)
				}
			}},
		{name: "empty list unbinds", content: `{"browse": {"review": []}}`, check: func(t *testing.T, k KeyMap) {
			if k.Browse.Review.Enabled() {
				t.Error("review still enabled")
			}
		}},
		{name: "syntax error names file, line and column", content: `{"browse": {"down": ["j",]}}`, wantErr: "keys.json:1:26: invalid character ']'"},
		{name: "wrong shape", content: `{"browse": ["j"]}`, wantErr: "keys.json:1:12: browse: want an object {…}, got a list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, "none.json")
			if tt.content != "" {
				p = write("keys.json", tt.content)
			}
			k, warns, err := LoadKeyMap(p)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) != len(tt.wantWarns) {
				t.Fatalf("warnings %q, want %d like %q", warns, len(tt.wantWarns), tt.wantWarns)
			}
			for i, w := range tt.wantWarns {
				if !strings.Contains(warns[i], w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, warns[i], w)
				}
			}
			if tt.check != nil {
				tt.check(t, k)
			}
		})
	}
}

func FuzzKeyMapApply(f *testing.F) {
	for _, s := range []string{`{}`, `{"browse": {"down": ["x"]}}`, `{"edit": {"confirm": []}}`, `[1]`, `{"browse": {"": [""]}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := DefaultKeyMap()
		warns, err := k.apply(strings.NewReader(s), "keys.json")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "keys.json") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, w := range warns {
			if !strings.HasPrefix(w, "keys.json") && !strings.HasPrefix(w, "browse:") && !strings.HasPrefix(w, "edit:") {
				t.Fatalf("warning %q names neither file nor mode", w)
			}
		}
		// Whatever was loaded, the help views must render.
		_ = browseHelp{&k.Browse, &k.Edit}.FullHelp()
		_ = editHelp{&k.Edit}.FullHelp()
	})
}

// TestKeyMapWithoutQuitRefused: a keys.json that leaves no way out of the
// editor is an error naming the file, and the defaults stay.
func TestKeyMapWithoutQuitRefused(t *testing.T) {
	for _, tc := range []struct{ json, want string }{
		{`{"browse": {"quit": []}}`, "browse.quit has no key"},
		{`{"edit": {"leave": [], "quit": []}}`, "edit.leave and edit.quit have no key"},
	} {
		path := filepath.Join(t.TempDir(), "keys.json")
		if err := os.WriteFile(path, []byte(tc.json), 0o644); err != nil {
			t.Fatal(err)
		}
		k, _, err := LoadKeyMap(path)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v, want %q naming the file", tc.json, err, tc.want)
		}
		if len(k.Browse.Quit.Keys()) == 0 {
			t.Errorf("%s: the defaults were not kept", tc.json)
		}
	}
}

// TestPromptsFollowKeyMap: the quit prompt and the export picker answer the
// keys of the "prompt" section.
func TestPromptsFollowKeyMap(t *testing.T) {
	k := DefaultKeyMap()
	if _, err := k.apply(strings.NewReader(`{"prompt": {"yes": ["o"], "cancel": ["x"]}}`), "keys.json"); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, testDoc(), Options{Keys: &k, Exporters: []Exporter{{Name: "TMX", Ext: "tmx"}}})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("ctrl+e")
	if !strings.Contains(h.view(), "x cancel") {
		t.Errorf("the export picker does not show the remapped key:\n%s", h.view())
	}
	h.press("q") // no longer cancels
	if h.m.mode != modeExport {
		t.Fatal("q still cancels the export picker")
	}
	h.press("x")
	if h.m.mode != modeBrowse {
		t.Fatal("x does not cancel the export picker")
	}
	h.press("down", "r")
	h.saveErr = errDiskFull
	h.press("r", "q")
	if !strings.Contains(h.view(), "o quit") {
		t.Errorf("the quit prompt does not show the remapped key:\n%s", h.view())
	}
	h.press("y")
	if h.quit {
		t.Fatal("y quits although the key map says o")
	}
	h.press("o")
	if !h.quit {
		t.Fatal("o does not quit")
	}
}
