package tui

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/text/language"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/mt"
	"github.com/trad-project/trad/segments"
)

func init() {
	// Keys of this wiring, for the harness.
	namedKeys["f4"] = tea.KeyMsg{Type: tea.KeyF4}
	namedKeys["tab"] = tea.KeyMsg{Type: tea.KeyTab}
	namedKeys["shift+tab"] = tea.KeyMsg{Type: tea.KeyShiftTab}
}

// fakeMT is an MT service answering "[es] SOURCE", recording what it was
// asked.
type fakeMT struct {
	mu        sync.Mutex
	suggested []string
	prefetch  []string
	cached    map[string]bool
	err       error
	ignored   []glossary.Hit
}

func (f *fakeMT) sg(r mt.Request, cached bool) mt.Suggestion {
	return mt.Suggestion{Text: "[mt] " + r.Source, Engine: "fake", Cached: cached, Ignored: f.ignored}
}

func (f *fakeMT) Cached(r mt.Request) (mt.Suggestion, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cached[r.Source] {
		return f.sg(r, true), true
	}
	return mt.Suggestion{}, false
}

func (f *fakeMT) Suggest(_ context.Context, r mt.Request) (mt.Suggestion, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.suggested = append(f.suggested, r.Source)
	if f.err != nil {
		return mt.Suggestion{}, f.err
	}
	return f.sg(r, false), nil
}

func (f *fakeMT) Prefetch(reqs ...mt.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, r := range reqs {
		f.prefetch = append(f.prefetch, r.Source)
	}
}

func (f *fakeMT) Close() error { return nil }

func TestMTInMatchesPane(t *testing.T) {
	f := &fakeMT{ignored: []glossary.Hit{{Text: "puces", Targets: []string{"chips"}}}}
	h := newHarness(t, testDoc(), Options{Memory: testMemory(), MT: f})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down", "down") // segment 5: a 100% memory match
	if len(f.suggested) == 0 || f.suggested[len(f.suggested)-1] != "Les puces restent rares." {
		t.Fatalf("the current segment was not asked for: %q", f.suggested)
	}
	if n := len(f.prefetch); n < 3 || f.prefetch[n-3] != "Le cloud souverain progresse lentement." || f.prefetch[n-1] != "Les négociations reprendront à l'automne, a indiqué un diplomate européen sous couvert d'anonymat." {
		t.Fatalf("the next 3 segments were not prefetched: %q", f.prefetch)
	}
	v := h.view()
	mi, ti := strings.Index(v, "1 100%"), strings.Index(v, "MT · fake")
	if mi < 0 || ti < 0 || ti < mi {
		t.Fatalf("the MT suggestion is not below the 100%% match:\n%s", v)
	}
	if !strings.Contains(v, "[mt] Les puces restent rares.") || !strings.Contains(v, "not followed: puces → chips") {
		t.Fatalf("suggestion or ignored term missing:\n%s", v)
	}
	// f4 opens the editor with it; confirmed unchanged it keeps origin mt.
	h.press("f4")
	if !h.m.editing() || h.m.editor.value() != "[mt] Les puces restent rares." {
		t.Fatalf("f4: editing %v, %q", h.m.editing(), h.m.editor.value())
	}
	h.press("enter")
	if s := h.m.doc.Segments[4]; s.Origin != segments.OriginMT || s.MTEngine != "fake" || !s.Status.Confirmed() {
		t.Fatalf("confirmed MT: %+v", s)
	}
	// An edited suggestion is the translator's own.
	h.press("esc", "down", "f4", "backspace", "enter")
	if s := h.m.doc.Segments[5]; s.Origin == segments.OriginMT || s.MTEngine != "" {
		t.Fatalf("edited MT kept origin mt: %+v", s)
	}
}

func TestMTBelowLowMatchesOrder(t *testing.T) {
	// Segment 3's best match is under 75 %: the suggestion goes above it.
	h := newHarness(t, testDoc(), Options{Memory: testMemory(), MT: &fakeMT{}})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down")
	ms := h.m.shownMatches(3)
	if len(ms) == 0 || ms[0].Score >= mtAbove {
		t.Skipf("test memory changed: matches %+v", ms)
	}
	v := h.view()
	if mi, ti := strings.Index(v, "1 "+scoreLabel(ms[0])), strings.Index(v, "MT · fake"); ti < 0 || mi < ti {
		t.Fatalf("the MT suggestion is not above a %d%% match:\n%s", ms[0].Score, v)
	}
}

func TestMTCachedShownAtOnce(t *testing.T) {
	f := &fakeMT{cached: map[string]bool{"La souveraineté numérique devient une priorité.": true}}
	h := newHarness(t, testDoc(), Options{MT: f})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ := h.m.Update(keyMsg("down")) // the commands are not run
	m, _ = m.(Model).Update(keyMsg("down"))
	m, _ = m.(Model).Update(keyMsg("down"))
	if v := m.View(); !strings.Contains(v, "[mt] La souveraineté") {
		t.Fatalf("a cached suggestion waited for a command:\n%s", v)
	}
}

func TestMTAutoInsert(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MT = &mt.Config{AutoInsert: true}
	h := newHarness(t, testDoc(), Options{Config: &cfg, MT: &fakeMT{}})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "down", "down", "enter")
	if got := h.m.editor.value(); got != "[mt] La souveraineté numérique devient une priorité." {
		t.Fatalf("auto insert: editor has %q", got)
	}
	if s := h.m.doc.Segments[3]; s.Origin != segments.OriginMT || s.Status != segments.StatusDraft || s.MTEngine != "fake" {
		t.Fatalf("auto-inserted draft: %+v", s)
	}
	h.press("enter")
	if s := h.m.doc.Segments[3]; s.Origin != segments.OriginMT || !s.Status.Confirmed() {
		t.Fatalf("confirmed unchanged: %+v", s)
	}
	// Off by default: nothing is inserted.
	h2 := newHarness(t, testDoc(), Options{MT: &fakeMT{}})
	h2.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h2.press("down", "down", "down", "enter")
	if got := h2.m.editor.value(); got != "" {
		t.Fatalf("inserted without auto_insert: %q", got)
	}
}

func TestMTErrorSaidOnce(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MT = &mt.Config{Engine: "deepl"}
	f := &fakeMT{err: fmt.Errorf("%w: deepl: the environment variable DEEPL_AUTH_KEY (api_key_env) is empty", mt.ErrNotConfigured)}
	h := newHarness(t, testDoc(), Options{Config: &cfg, MT: f})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down")
	want := "MT: machine translation is not configured: deepl: the environment variable DEEPL_AUTH_KEY (api_key_env) is empty"
	v := h.view()
	if strings.Count(v, want) < 1 {
		t.Fatalf("no notice:\n%s", v)
	}
	h.status().clearSticky()
	h.press("down")
	if strings.Contains(h.statusLine(), "not configured") {
		t.Fatalf("the notice came again in the status line: %q", h.statusLine())
	}
}

func (h *harness) status() *statusBar { return h.m.status }

func (h *harness) statusLine() string {
	lines := strings.Split(h.view(), "\n")
	return lines[len(lines)-1-h.m.helpHeight()]
}

// TestNoMTSendsNothing drives the editor on a confidential project with an
// engine at a local server: whatever the keys, the server sees nothing.
// The same session on an ordinary project does reach it.
func TestNoMTSendsNothing(t *testing.T) {
	for _, forbid := range []bool{true, false} {
		t.Run(fmt.Sprint("no_mt=", forbid), func(t *testing.T) {
			var hits atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				hits.Add(1)
				fmt.Fprint(w, `{"choices":[{"message":{"role":"assistant","content":"hello"}}]}`)
			}))
			defer srv.Close()
			cfg := DefaultConfig()
			cfg.MT = &mt.Config{Engine: "llm", Prefetch: 2, Engines: map[string]mt.EngineConfig{
				"llm": {Type: mt.TypeOpenAI, BaseURL: srv.URL + "/v1", Model: "m"}}}
			doc := testDoc()
			doc.NoMT = forbid
			svc, err := mt.New(mt.Options{Config: cfg.MT, CachePath: filepath.Join(t.TempDir(), "a.mtcache.json"), Forbidden: doc.NoMT})
			if err != nil {
				t.Fatal(err)
			}
			h := newHarness(t, doc, Options{Config: &cfg, MT: svc, Memory: testMemory()})
			h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
			h.press("down", "f4", "esc", "down", "down", "enter", "f4", "f1", "ctrl+s", "esc", "G", "g", "j", "j", "j", "f4")
			h.typeText("du texte\r")
			h.press("ctrl+s")
			svc.Close() // waits for the prefetches
			n := hits.Load()
			if forbid {
				if n != 0 {
					t.Fatalf("a confidential project sent %d requests", n)
				}
				if v := h.view(); !strings.Contains(v, "no MT (confidential)") {
					t.Fatalf("the header does not say so:\n%s", v)
				}
				return
			}
			if n == 0 {
				t.Fatal("the control session sent nothing: the test cannot fail")
			}
		})
	}
}

// TestMTApertium opens a French article translated into Spanish with the
// real Apertium engine.
func TestMTApertium(t *testing.T) {
	requireApertium(t)
	doc := &segments.Document{SourceLang: language.French, TargetLang: language.Spanish, Format: "text"}
	for i, s := range []string{"Le chat noir mange une souris.", "Il fait beau à Paris aujourd'hui.", "Le gouvernement a publié un rapport."} {
		doc.Blocks = append(doc.Blocks, segments.Block{Kind: segments.KindParagraph, Text: s, First: i, Count: 1})
		doc.Segments = append(doc.Segments, segments.Segment{Index: i, Block: i, End: len(s), Source: s})
	}
	svc, err := mt.New(mt.Options{CachePath: filepath.Join(t.TempDir(), "a.mtcache.json")})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	h := newHarness(t, doc, Options{MT: svc, Hits: newFakeFinder()})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down", "up")
	v := h.view()
	if !strings.Contains(v, "MT · apertium") || !strings.Contains(strings.ToLower(v), "gato") {
		t.Fatalf("no Apertium suggestion in the pane:\n%s", v)
	}
	h.press("f4", "enter")
	if s := h.m.doc.Segments[0]; s.Origin != segments.OriginMT || s.MTEngine != "apertium" {
		t.Fatalf("confirmed Apertium suggestion: %+v", s)
	}
}

// requireApertium skips without apertium fr-es, except in CI.
func requireApertium(t testing.TB) {
	t.Helper()
	_, err := exec.LookPath("apertium")
	if err == nil {
		_, err = os.Stat("/usr/share/apertium/modes/fr-es.mode")
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("apertium fr-es is required in CI: %v", err)
		}
		t.Skipf("apertium fr-es not installed (apt-get install apertium apertium-fr-es): %v", errors.Unwrap(err))
	}
}

// TestNoMTMarkFromElsewhere: a project marked confidential while the
// editor is open (a save brings the mark) stops asking at once.
func TestNoMTMarkFromElsewhere(t *testing.T) {
	f := &fakeMT{}
	h := newHarness(t, testDoc(), Options{MT: f})
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.press("down")
	asked := len(f.suggested)
	if asked == 0 {
		t.Fatal("nothing asked before the mark")
	}
	h.m.doc.NoMT = true // as Document.ApplySaved does
	h.press("down", "down", "f4")
	if len(f.suggested) != asked {
		t.Fatalf("asked %d more after the mark", len(f.suggested)-asked)
	}
	if v := h.view(); !strings.Contains(v, "no MT (confidential)") || !strings.Contains(v, "off: this project is confidential") {
		t.Fatalf("header or pane does not say so:\n%s", v)
	}
}
