package segments

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Articles in these tests have one sentence per paragraph, so that their
// segmentation does not depend on the splitter's rules.
const articleV1 = "Premier paragraphe.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.\n\nQuatrième paragraphe.\n"

var when = time.Date(2025, 3, 14, 10, 30, 0, 0, time.UTC)

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newProject reads article text from dir/article.txt and translates some
// segments: target i is "T<i>" with the given statuses.
func newProject(t *testing.T, dir, text string, statuses ...Status) (*Document, string) {
	t.Helper()
	src := filepath.Join(dir, "article.txt")
	writeFile(t, src, text)
	doc, _, err := ReadFile(src, ReadOptions{Target: "de"})
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range statuses {
		doc.SetTarget(i, "T"+doc.Segments[i].Source, st, when)
	}
	return doc, ProjectPath(src)
}

func TestProjectPath(t *testing.T) {
	for in, want := range map[string]string{
		"article.fr.md":               "article.fr.trad.json",
		"dir/article.txt":             filepath.Join("dir", "article.trad.json"),
		"article":                     "article.trad.json",
		filepath.Join("a", ".hidden"): filepath.Join("a", ".hidden.trad.json"),
	} {
		if got := ProjectPath(in); got != want {
			t.Errorf("ProjectPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	dir := t.TempDir()
	doc, pp := newProject(t, dir, articleV1, StatusTranslated, StatusDraft, StatusReviewed)
	doc.Segments[1].Note = "à vérifier"
	doc.Segments[2].Origin = "tm"
	doc.Cursor = 2
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	got, rep, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	if rep.SourceChanged || rep.Reattached != 0 || rep.Orphaned != 0 {
		t.Errorf("report %+v for an unchanged source", rep)
	}
	for i := range doc.Segments {
		doc.Segments[i].Rev = 0 // counts this process's changes: not saved
	}
	if !reflect.DeepEqual(got, doc) {
		t.Errorf("loaded document differs:\n got %+v\nwant %+v", got, doc)
	}
	// The file stores the source relative to itself, with its hash.
	var raw map[string]any
	data, _ := os.ReadFile(pp)
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	src := raw["source"].(map[string]any)
	if raw["schema"] != float64(ProjectSchema) || src["path"] != "article.txt" || len(src["sha256"].(string)) != 64 {
		t.Errorf("schema %v, source %v", raw["schema"], src)
	}
	// Moving the folder keeps the project working.
	moved := filepath.Join(t.TempDir(), "moved")
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	got, rep, err = Load(filepath.Join(moved, "article.trad.json"))
	if err != nil || rep.SourceMissing || got.SourcePath != filepath.Join(moved, "article.txt") {
		t.Fatalf("after moving: err %v, report %+v, source %q", err, rep, got.SourcePath)
	}
}

func TestSaveKeepsBackup(t *testing.T) {
	dir := t.TempDir()
	doc, pp := newProject(t, dir, articleV1, StatusTranslated)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(pp)
	doc.SetTarget(1, "changé", StatusDraft, when)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	bak, err := os.ReadFile(pp + ".bak")
	if err != nil || string(bak) != string(first) {
		t.Fatalf(".bak does not hold the previous version (err %v)", err)
	}
	second, _, _ := Load(pp)
	if second == nil || !strings.Contains(mustRead(t, pp), "changé") {
		t.Error("the new version was not written")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestFailedSaveLeavesFileIntact(t *testing.T) {
	dir := t.TempDir()
	doc, pp := newProject(t, dir, articleV1, StatusTranslated)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	before := mustRead(t, pp)
	doc.SetTarget(0, "nouveau", StatusReviewed, when)

	t.Run("backup cannot be made", func(t *testing.T) {
		// A non-empty folder where the .bak should go makes the save fail
		// after the temporary file is written, even for root.
		os.Remove(pp + ".bak")
		if err := os.MkdirAll(filepath.Join(pp+".bak", "x"), 0o755); err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(pp + ".bak")
		if err := Save(pp, doc); err == nil {
			t.Fatal("Save succeeded")
		}
		if got := mustRead(t, pp); got != before {
			t.Error("project file changed by a failed save")
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp") {
				t.Errorf("temporary file %s left behind", e.Name())
			}
		}
	})
	t.Run("read-only folder", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root ignores folder permissions")
		}
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(dir, 0o755)
		if err := Save(pp, doc); err == nil {
			t.Fatal("Save succeeded in a read-only folder")
		}
		if got := mustRead(t, pp); got != before {
			t.Error("project file changed by a failed save")
		}
	})
}

func TestLoadCorrupt(t *testing.T) {
	dir := t.TempDir()
	doc, pp := newProject(t, dir, articleV1, StatusTranslated)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	if err := Save(pp, doc); err != nil { // makes a .bak
		t.Fatal(err)
	}
	good := mustRead(t, pp)
	tests := []struct{ name, data, msg string }{
		{"truncated", good[:len(good)/2], "truncated"},
		{"empty", "", "empty"},
		{"garbage", "{\n  \"schema\": 1,\n  oops\n}", "line 3"},
		{"no schema", `{"segments": []}`, "schema"},
		{"bad status", strings.Replace(good, `"status":"translated"`, `"status":"finished"`, 1), "unknown segment status"},
		{"inconsistent", strings.Replace(good, `"index":0,`, `"index":7,`, 1), "index 7 out of order or range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			writeFile(t, pp, tt.data)
			_, _, err := Load(pp)
			var ce *CorruptProjectError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a *CorruptProjectError", err)
			}
			if ce.Path != pp || ce.Backup != pp+".bak" {
				t.Errorf("Path %q Backup %q", ce.Path, ce.Backup)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.msg) || !strings.Contains(msg, pp+".bak") {
				t.Errorf("message %q does not say %q and name the backup", msg, tt.msg)
			}
			if got := mustRead(t, pp); got != tt.data {
				t.Error("Load rewrote the corrupted file")
			}
		})
	}
	t.Run("newer schema", func(t *testing.T) {
		writeFile(t, pp, strings.Replace(good, fmt.Sprintf(`"schema": %d`, ProjectSchema), `"schema": 99`, 1))
		_, _, err := Load(pp)
		var ce *CorruptProjectError
		if err == nil || errors.As(err, &ce) || !strings.Contains(err.Error(), "newer") {
			t.Errorf("err = %v, want a plain 'newer schema' error", err)
		}
	})
}

// statusOf returns the target and status of the segment with source src.
func segmentBySource(d *Document, src string) *Segment {
	for i := range d.Segments {
		if d.Segments[i].Source == src {
			return &d.Segments[i]
		}
	}
	return nil
}

func TestReattach(t *testing.T) {
	tests := []struct {
		name    string
		edited  string
		want    map[string]string // source -> "target status"
		byPos   int
		orphans []string // sources of the orphans
	}{
		{
			name:   "paragraph inserted: by text",
			edited: "Premier paragraphe.\n\nUn ajout.\n\nDeuxième paragraphe.\n\nTroisième paragraphe.\n\nQuatrième paragraphe.\n",
			want: map[string]string{
				"Premier paragraphe.":   "TPremier paragraphe. translated",
				"Un ajout.":             " new",
				"Deuxième paragraphe.":  "TDeuxième paragraphe. reviewed",
				"Troisième paragraphe.": "TTroisième paragraphe. draft",
			},
		},
		{
			name:   "sentence edited: by position, back to draft",
			edited: "Premier paragraphe.\n\nDeuxième paragraphe corrigé.\n\nTroisième paragraphe.\n\nQuatrième paragraphe.\n",
			want: map[string]string{
				"Premier paragraphe.":          "TPremier paragraphe. translated",
				"Deuxième paragraphe corrigé.": "TDeuxième paragraphe. draft",
				"Troisième paragraphe.":        "TTroisième paragraphe. draft",
			},
			byPos: 1,
		},
		{
			name:   "first two edited: chained positions",
			edited: "Premier paragraphe modifié.\n\nDeuxième paragraphe modifié.\n\nTroisième paragraphe.\n\nQuatrième paragraphe.\n",
			want: map[string]string{
				"Premier paragraphe modifié.":  "TPremier paragraphe. draft",
				"Deuxième paragraphe modifié.": "TDeuxième paragraphe. draft",
			},
			byPos: 2,
		},
		{
			name:    "sentence deleted: orphan",
			edited:  "Premier paragraphe.\n\nTroisième paragraphe.\n\nQuatrième paragraphe.\n",
			want:    map[string]string{"Troisième paragraphe.": "TTroisième paragraphe. draft"},
			orphans: []string{"Deuxième paragraphe."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			doc, pp := newProject(t, dir, articleV1, StatusTranslated, StatusReviewed, StatusDraft)
			doc.Cursor = 2
			if err := Save(pp, doc); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "article.txt"), tt.edited)
			got, rep, err := Load(pp)
			if err != nil {
				t.Fatal(err)
			}
			if !rep.SourceChanged {
				t.Error("SourceChanged not reported")
			}
			for src, want := range tt.want {
				s := segmentBySource(got, src)
				if s == nil {
					t.Fatalf("no segment %q", src)
				}
				if g := s.Target + " " + s.Status.String(); g != want {
					t.Errorf("%q: got %q, want %q", src, g, want)
				}
			}
			var orphans []string
			for _, o := range got.Orphans {
				orphans = append(orphans, o.Source)
			}
			if !reflect.DeepEqual(orphans, tt.orphans) {
				t.Errorf("orphans %q, want %q", orphans, tt.orphans)
			}
			if rep.Reattached != 3-len(tt.orphans) || rep.ByPosition != tt.byPos || rep.Orphaned != len(tt.orphans) {
				t.Errorf("report %+v", rep)
			}
			if tt.name == "paragraph inserted: by text" && rep.New != 1 {
				t.Errorf("new segments %d, want 1", rep.New)
			}
			if len(rep.Changed) != rep.ByPosition {
				t.Errorf("changed segments %v, want %d", rep.Changed, rep.ByPosition)
			}
			for _, i := range rep.Changed {
				if s := got.Segments[i]; s.Target == "T"+s.Source {
					t.Errorf("segment %d (%q) listed as changed", i, s.Source)
				}
			}
			if c := got.Segments[got.Cursor].Source; !strings.HasPrefix(c, "Troisième") {
				t.Errorf("cursor on %q, want the third paragraph", c)
			}
			if err := got.Check(); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestOrphansSurviveAndComeBack(t *testing.T) {
	dir := t.TempDir()
	doc, pp := newProject(t, dir, articleV1, StatusTranslated, StatusTranslated)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "article.txt")
	writeFile(t, src, "Premier paragraphe.\n\nTroisième paragraphe.\n")
	got, rep, err := Load(pp)
	if err != nil || rep.Orphaned != 1 {
		t.Fatalf("err %v, report %+v", err, rep)
	}
	if err := Save(pp, got); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(mustRead(t, pp), `"orphans"`) {
		t.Fatal("orphans not in the saved file")
	}
	writeFile(t, src, articleV1) // the sentence comes back
	back, rep, err := Load(pp)
	if err != nil {
		t.Fatal(err)
	}
	if s := segmentBySource(back, "Deuxième paragraphe."); s == nil || s.Target != "TDeuxième paragraphe." {
		t.Errorf("orphan not re-attached: %+v (report %+v)", s, rep)
	}
	if len(back.Orphans) != 0 {
		t.Errorf("orphans left: %+v", back.Orphans)
	}
}

func TestLoadSourceMissing(t *testing.T) {
	dir := t.TempDir()
	doc, pp := newProject(t, dir, articleV1, StatusTranslated)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "article.txt"))
	got, rep, err := Load(pp)
	if err != nil || !rep.SourceMissing || len(rep.Warnings) != 1 || got.Segments[0].Target == "" {
		t.Errorf("err %v, report %+v", err, rep)
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "article.txt")
	writeFile(t, src, articleV1)

	doc, pp, rep, _, err := openDocForTest(src, OpenOptions{Lang: "fr", Target: "es"})
	if err != nil {
		t.Fatal(err)
	}
	if pp != filepath.Join(dir, "article.trad.json") || rep == nil || doc.TargetLang.String() != "es" {
		t.Fatalf("project %q, report %v, target %v", pp, rep, doc.TargetLang)
	}
	if _, err := os.Stat(pp); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("Open wrote the project file before Save")
	}
	doc.SetTarget(0, "Primer párrafo.", StatusTranslated, when)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}

	// Resume from the article, then from the project file itself.
	for _, path := range []string{src, pp} {
		got, gotPP, _, warns, err := openDocForTest(path, OpenOptions{Lang: "fr", Target: "it"})
		if err != nil {
			t.Fatal(err)
		}
		if gotPP != pp || got.Segments[0].Target != "Primer párrafo." || got.TargetLang.String() != "es" {
			t.Errorf("openDocForTest(%s): project %q, target %q (%v)", path, gotPP, got.Segments[0].Target, got.TargetLang)
		}
		if path == src && (len(warns) != 1 || !strings.Contains(warns[0].Msg, "ignored")) {
			t.Errorf("openDocForTest(%s) with other languages: warnings %v", path, warns)
		}
	}

	// --project pointing to another article's project is refused.
	other := filepath.Join(dir, "autre.txt")
	writeFile(t, other, "Autre texte.\n")
	if _, _, _, _, err := openDocForTest(other, OpenOptions{Project: pp}); err == nil || !strings.Contains(err.Error(), "belongs to") {
		t.Errorf("err = %v, want 'belongs to'", err)
	}
	// An explicit project path for a new article.
	custom := filepath.Join(dir, "ailleurs.trad.json")
	if _, gotPP, _, _, err := openDocForTest(other, OpenOptions{Project: custom}); err != nil || gotPP != custom {
		t.Errorf("custom project: %q, %v", gotPP, err)
	}
}

// openDocForTest is openPath with the project path instead of the Store.
func openDocForTest(path string, opts OpenOptions) (*Document, string, *LoadReport, []Warning, error) {
	st, doc, rep, warns, err := openPath(path, opts)
	return doc, st.Path(), rep, warns, err
}
