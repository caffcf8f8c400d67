package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/spf13/cobra"

	"github.com/trad-project/trad/mt"
	"github.com/trad-project/trad/segments"
)

const mtKey = "sk-CLI-TEST-0a1b2c3d4e5f-SECRET"

func runMT(t *testing.T, args ...string) (int, string, string) {
	return runWith(t, []func(*streams) *cobra.Command{newMTCmd, newPretranslateCmd, newStatsCmd, newExportCmd}, args...)
}

// needApertium skips without apertium's mode, except under CI (CI=true),
// where .ci/run installs it.
func needApertium(t *testing.T, mode string) {
	t.Helper()
	if msg := mt.ApertiumMissing(mode); msg != "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}

// mtServer is a local LibreTranslate/DeepL/chat server answering "ES:" +
// each text, counting the requests.
func mtServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		var body struct {
			Q    []string `json:"q"`
			Text []string `json:"text"`
		}
		json.NewDecoder(r.Body).Decode(&body)
		switch {
		case strings.HasSuffix(r.URL.Path, "/glossaries"):
			fmt.Fprint(w, `{"glossary_id":"g1","glossaries":[]}`)
		case len(body.Q) > 0:
			out := []string{}
			for _, q := range body.Q {
				out = append(out, "ES:"+q)
			}
			json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
		case len(body.Text) > 0:
			var tr []map[string]string
			for _, q := range body.Text {
				tr = append(tr, map[string]string{"text": "ES:" + q})
			}
			json.NewEncoder(w).Encode(map[string]any{"translations": tr})
		default:
			fmt.Fprint(w, `{"choices":[{"message":{"role":"assistant","content":"ES"}}]}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// mtConfig writes a config.json whose engines all point at url, with the
// test key in the environment, and isolates the user's folders.
func mtConfig(t *testing.T, url string) {
	t.Helper()
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("TRAD_MT_TEST_KEY", mtKey)
	conf := fmt.Sprintf(`{"mt": {"engine": "lt", "retries": -1, "engines": {
  "lt": {"type": "libretranslate", "base_url": %[1]q, "api_key_env": "TRAD_MT_TEST_KEY"},
  "deepl": {"base_url": %[1]q, "api_key_env": "TRAD_MT_TEST_KEY"},
  "llm": {"type": "openai", "base_url": %[1]q, "model": "m", "api_key_env": "TRAD_MT_TEST_KEY"}}}}`, url)
	if err := os.MkdirAll(filepath.Join(cfg, "trad"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "trad", "config.json"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeMTArticle(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "note.fr.md")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMTApertiumText(t *testing.T) {
	needApertium(t, "fr-es")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	code, out, errs := runMT(t, "mt", "--to", "es", "--no-user", "Le chat noir mange une souris. Xyzzy arrive.")
	if code != 0 {
		t.Fatal(errs)
	}
	if out != "El gato negro come un ratón.\nXyzzy llega.\n  unknown: Xyzzy\n" {
		t.Errorf("output %q", out)
	}
	code, out, _ = runMT(t, "mt", "--to", "es", "--json", "--no-user", "Le chat noir mange une souris. Xyzzy arrive.")
	var lines []mtJSON
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var j mtJSON
		if err := json.Unmarshal([]byte(l), &j); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		lines = append(lines, j)
	}
	if code != 0 || len(lines) != 2 || lines[1].Segment != 2 || lines[1].Engine != "apertium" || lines[1].Unknown[0] != "Xyzzy" {
		t.Errorf("json %+v", lines)
	}
	if code, _, errs := runMT(t, "mt", "Bonjour."); code == 0 || !strings.Contains(errs, "--to") {
		t.Errorf("no target language: %d %s", code, errs)
	}
}

// pretranslate --mt fills what the memories leave, records the engine,
// caches beside the project, and a second run sends nothing.
func TestPretranslateMT(t *testing.T) {
	srv, n := mtServer(t)
	mtConfig(t, srv.URL)
	article := writeMTArticle(t, "Premier paragraphe.\n\nDeuxième paragraphe. Troisième phrase.\n")
	code, out, errs := runMT(t, "pretranslate", article, "--mt", "--no-user", "--to", "es")
	if code != 0 {
		t.Fatal(errs)
	}
	if !strings.Contains(out, "3 segments filled as drafts (0 exact, 0 fuzzy, 3 machine-translated by lt), 0 left empty") {
		t.Errorf("report %q", out)
	}
	project := segments.ProjectPath(article)
	doc, _, err := segments.Load(project)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Segments {
		if s.Target != "ES:"+s.Source || s.Origin != segments.OriginMT || s.MTEngine != "lt" || s.Status != segments.StatusDraft {
			t.Errorf("segment %+v", s)
		}
	}
	if n.Load() != 1 {
		t.Errorf("%d requests for one batch", n.Load())
	}
	if _, err := os.Stat(mt.CachePath(project)); err != nil {
		t.Errorf("no cache file: %v", err)
	}
	// The cache answers `trad mt` on the project: nothing is sent.
	code, out, errs = runMT(t, "mt", project, "--json", "--no-user")
	if code != 0 || n.Load() != 1 || strings.Count(out, `"cached":true`) != 3 {
		t.Errorf("mt on the cached project: %d requests, %s %s", n.Load(), out, errs)
	}
	code, out, _ = runMT(t, "stats", project, "--json")
	var st statsJSON
	json.Unmarshal([]byte(out), &st)
	if code != 0 || st.MT.Segments != 3 || st.MTConfirmed.Segments != 0 || st.NoMT {
		t.Errorf("stats %+v", st)
	}
	pf, _ := os.ReadFile(project)
	cf, _ := os.ReadFile(mt.CachePath(project))
	code, xlf, _ := runMT(t, "export", project, "--all", "--format", "xliff", "-o", "-")
	assertNoMTKey(t, out, errs, string(pf), string(cf), xlf)
	if code != 0 || len(pf) == 0 || len(cf) == 0 {
		t.Errorf("export %d, project %d bytes, cache %d bytes", code, len(pf), len(cf))
	}
}

// Issue 16: a project marked "no machine translation" sends nothing,
// whatever the engine and the command; the key is never printed.
func TestNoMTProjectSendsNothing(t *testing.T) {
	srv, n := mtServer(t)
	mtConfig(t, srv.URL)
	article := writeMTArticle(t, "Premier paragraphe confidentiel.\n\nDeuxième.\n")
	project := segments.ProjectPath(article)
	code, out, errs := runMT(t, "mt", "--forbid", article)
	if code != 0 || !strings.Contains(out, "machine translation forbidden") {
		t.Fatalf("--forbid: %d %s %s", code, out, errs)
	}
	var all strings.Builder
	for _, path := range []string{article, project} {
		for _, engine := range []string{"", "lt", "deepl", "llm", "apertium", "libretranslate", "openai"} {
			for _, args := range [][]string{
				{"mt", path, "--to", "es"},
				{"mt", path, "--json"},
				{"pretranslate", path, "--mt"},
			} {
				if engine != "" {
					args = append(args, "--engine", engine)
				}
				code, out, errs := runMT(t, args...)
				all.WriteString(out + errs)
				if code == 0 || !strings.Contains(errs, "confidential") {
					t.Errorf("%v: exit %d, %q", args, code, errs)
				}
			}
		}
	}
	if n.Load() != 0 {
		t.Errorf("%d requests reached the engine", n.Load())
	}
	if _, err := os.Stat(mt.CachePath(project)); err == nil {
		t.Error("a cache file was written for a confidential project")
	}
	if _, out, _ := runMT(t, "stats", project); !strings.Contains(out, "Machine translation: forbidden") {
		t.Errorf("stats does not say the project is confidential:\n%s", out)
	}
	assertNoMTKey(t, all.String())

	// Lifted, the same command reaches the engine.
	runMT(t, "mt", "--allow", project)
	if code, _, errs := runMT(t, "mt", project); code != 0 || n.Load() != 1 {
		t.Errorf("after --allow: %d %s, %d requests", code, errs, n.Load())
	}
}

func TestMTKeyNeverPrinted(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(403)
		fmt.Fprintf(w, `{"message": "key %s refused"}`, mtKey)
	}))
	defer srv.Close()
	mtConfig(t, srv.URL)
	var all strings.Builder
	for _, e := range []string{"lt", "deepl", "llm"} {
		code, out, errs := runMT(t, "mt", "--engine", e, "--to", "es", "--no-user", "Bonjour.")
		if code == 0 || !strings.Contains(errs, "check the API key") {
			t.Errorf("%s: %d %q", e, code, errs)
		}
		all.WriteString(out + errs)
	}
	assertNoMTKey(t, all.String())
}

func assertNoMTKey(t *testing.T, outputs ...string) {
	t.Helper()
	for _, o := range outputs {
		if strings.Contains(o, mtKey) || strings.Contains(o, mtKey[7:22]) {
			t.Errorf("the API key was printed: %q", o)
		}
	}
}
