package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/examples"
	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tm"
	"github.com/trad-project/trad/tui"
)

const testArticle = "# Les puces\n\nLe gouvernement a publié un rapport. Les centres de données consomment beaucoup.\n"

func writeArticle(t *testing.T, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "article.fr.md")
	if err := os.WriteFile(p, []byte(testArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// isolate points the user folders at temporary ones so tests never read or
// write the real ones.
func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	return dir
}

func TestEditNeedsATerminal(t *testing.T) {
	dir := isolate(t)
	art := writeArticle(t, dir)
	for _, args := range [][]string{{"edit", art}, {art}, {}} {
		var out, errb bytes.Buffer
		code := run(args, strings.NewReader(""), &out, &errb)
		if code == 0 {
			t.Fatalf("trad %q exited 0 without a terminal", args)
		}
		if !strings.Contains(errb.String(), "trad segment") {
			t.Errorf("trad %q: error %q does not suggest trad segment", args, errb.String())
		}
	}
}

func TestEditRejectsTwoFiles(t *testing.T) {
	isolate(t)
	var out, errb bytes.Buffer
	if code := run([]string{"edit", "a.md", "b.md"}, strings.NewReader(""), &out, &errb); code == 0 {
		t.Fatal("trad edit with two files exited 0")
	}
}

func TestPrepareEditSample(t *testing.T) {
	dir := isolate(t)
	ses, err := prepareEdit(&editOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "data", "trad", "article.fr.trad.json")
	if ses.projectPath != want {
		t.Errorf("sample project at %s, want %s", ses.projectPath, want)
	}
	if len(ses.doc.Segments) == 0 {
		t.Fatal("the sample has no segments")
	}
	name, data := examples.Article()
	got, err := os.ReadFile(filepath.Join(dir, "data", "trad", name))
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("sample not installed: %v", err)
	}
	if ses.doc.TargetLang.String() != "en" {
		t.Errorf("default target %s, want en", ses.doc.TargetLang)
	}
}

func TestPrepareEditResumesProject(t *testing.T) {
	dir := isolate(t)
	art := writeArticle(t, dir)
	ses, err := prepareEdit(&editOptions{File: art, To: "de"})
	if err != nil {
		t.Fatal(err)
	}
	if ses.projectPath != filepath.Join(dir, "article.fr.trad.json") {
		t.Errorf("project path %s", ses.projectPath)
	}
	if ses.doc.TargetLang.String() != "de" {
		t.Errorf("--to de gave %s", ses.doc.TargetLang)
	}
	ses.doc.SetTarget(1, "Die Regierung hat einen Bericht veröffentlicht.", segments.StatusTranslated, ses.doc.Segments[0].Changed)
	ses.doc.Cursor = 1
	if err := segments.Save(ses.projectPath, ses.doc); err != nil {
		t.Fatal(err)
	}
	for _, o := range []*editOptions{{File: art}, {File: ses.projectPath}} {
		again, err := prepareEdit(o)
		if err != nil {
			t.Fatal(err)
		}
		if again.doc.Cursor != 1 || again.doc.Segments[1].Status != segments.StatusTranslated {
			t.Errorf("reopening %s: cursor %d, segment 2 %v", o.File, again.doc.Cursor, again.doc.Segments[1].Status)
		}
	}
}

func TestPrepareEditGlossaryAndProjectFlags(t *testing.T) {
	dir := isolate(t)
	art := writeArticle(t, dir)
	gl := filepath.Join(dir, "terms.tsv")
	if err := os.WriteFile(gl, []byte("fr\ten\ncentre de données\tdata centre\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	proj := filepath.Join(dir, "elsewhere", "mine.trad.json")
	ses, err := prepareEdit(&editOptions{File: art, Glossaries: []string{gl}, Project: proj})
	if err != nil {
		t.Fatal(err)
	}
	if ses.projectPath != proj {
		t.Errorf("--project gave %s", ses.projectPath)
	}
	hits := ses.load(ses.doc.Clone()).Hits.Match(ses.doc.Segments[2].Source)
	if len(hits) != 1 || len(hits[0].Targets) == 0 || hits[0].Targets[0] != "data centre" {
		t.Fatalf("--glossary terms not matched: %+v", hits)
	}
	if _, err := prepareEdit(&editOptions{File: art, Glossaries: []string{filepath.Join(dir, "missing.tsv")}}); err == nil || !strings.Contains(err.Error(), "missing.tsv") {
		t.Errorf("a missing --glossary gave %v", err)
	}
	if _, err := prepareEdit(&editOptions{File: filepath.Join(dir, "nope.md")}); err == nil || !strings.Contains(err.Error(), "nope.md") {
		t.Errorf("a missing article gave %v", err)
	}
}

func TestPrepareEditReportsKeyConflicts(t *testing.T) {
	dir := isolate(t)
	art := writeArticle(t, dir)
	cfg := filepath.Join(dir, "config", "trad")
	if err := os.MkdirAll(cfg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfg, "keys.json"), []byte(`{"browse": {"review": ["j"]}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	ses, err := prepareEdit(&editOptions{File: art})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(ses.notices, "\n"), `key "j" is bound to both down and review`) {
		t.Errorf("conflict not reported: %q", ses.notices)
	}
}

func TestOfferBackup(t *testing.T) {
	for _, tc := range []struct {
		answer   string
		restored bool
	}{{"y\n", true}, {"oui\n", true}, {"\n", false}, {"n\n", false}, {"", false}} {
		t.Run(strings.TrimSpace(tc.answer), func(t *testing.T) {
			dir := t.TempDir()
			pp := filepath.Join(dir, "a.fr.trad.json")
			article := filepath.Join(dir, "a.fr.txt")
			if err := os.WriteFile(article, []byte("Une phrase. Une autre."), 0o644); err != nil {
				t.Fatal(err)
			}
			op, err := segments.OpenProject(article, segments.OpenOptions{})
			doc := op.Doc
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 2; i++ { // the second save makes the .bak
				if err := segments.Save(pp, doc); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(pp, []byte(`{"schema": 1, "seg`), 0o644); err != nil {
				t.Fatal(err)
			}
			_, _, err = segments.Load(pp)
			var ce *segments.CorruptProjectError
			if !errors.As(err, &ce) {
				t.Fatalf("Load: %v, want a CorruptProjectError", err)
			}
			var errb bytes.Buffer
			got := offerBackup(&streams{In: strings.NewReader(tc.answer), Out: io.Discard, Err: &errb}, ce)
			if got != tc.restored {
				t.Fatalf("offerBackup = %v, want %v (stderr %q)", got, tc.restored, errb.String())
			}
			_, _, err = segments.Load(pp)
			if tc.restored && err != nil {
				t.Errorf("project still unreadable after restoring: %v", err)
			}
			if !tc.restored && err == nil {
				t.Error("project changed although the answer was no")
			}
			if !strings.Contains(errb.String(), "a.fr.trad.json.bak") {
				t.Errorf("the question does not name the backup: %q", errb.String())
			}
		})
	}
}

// fakeProgram records what forwardSignals asks of the editor.
type fakeProgram struct {
	mu    sync.Mutex
	sent  []tea.Msg
	kills int
}

func (p *fakeProgram) Send(msg tea.Msg) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.sent = append(p.sent, msg)
}

func (p *fakeProgram) Kill() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.kills++
}

func TestForwardSignals(t *testing.T) {
	for _, tc := range []struct {
		name      string
		signals   int
		wait      time.Duration
		stop      bool // the program stops by itself after the signals
		wantSent  int
		wantKills int
	}{
		{"one signal: save and quit", 1, time.Hour, true, 1, 0},
		{"second signal kills", 2, time.Hour, false, 1, 1},
		{"no quit in time kills", 1, 10 * time.Millisecond, false, 1, 1},
		{"stopped before any signal", 0, time.Hour, true, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sigs := make(chan os.Signal)
			stopped := make(chan struct{})
			done := make(chan struct{})
			p := &fakeProgram{}
			go func() {
				forwardSignals(sigs, p, tc.wait, stopped)
				close(done)
			}()
			for range tc.signals {
				sigs <- syscall.SIGTERM
			}
			if tc.stop {
				close(stopped)
			}
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("forwardSignals did not return")
			}
			if len(p.sent) != tc.wantSent || p.kills != tc.wantKills {
				t.Fatalf("sent %v, kills %d; want %d sent, %d kills", p.sent, p.kills, tc.wantSent, tc.wantKills)
			}
			for _, m := range p.sent {
				if _, ok := m.(tui.SaveAndQuitMsg); !ok {
					t.Errorf("sent %T, want tui.SaveAndQuitMsg", m)
				}
			}
		})
	}
}

// TestEditNoUser checks --no-user: the user's glossary folder and memory
// folder are neither read nor written; without it both are.
func TestEditNoUser(t *testing.T) {
	for _, noUser := range []bool{false, true} {
		t.Run(fmt.Sprintf("no-user=%v", noUser), func(t *testing.T) {
			dir := isolate(t)
			art := writeArticle(t, dir)
			gdir := filepath.Join(dir, "config", "trad", "glossaries")
			tdir := filepath.Join(dir, "data", "trad", "tm")
			for _, d := range []string{gdir, tdir} {
				if err := os.MkdirAll(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(gdir, "mine.tsv"), []byte("fr\ten\ngouvernement\tcabinet\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			tmx := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="test" creationtool="test" creationtoolversion="1"/>
<body><tu><tuv xml:lang="fr"><seg>Le gouvernement a publié un rapport.</seg></tuv><tuv xml:lang="en"><seg>USER MEMORY</seg></tuv></tu></body></tmx>
`
			if err := os.WriteFile(filepath.Join(tdir, "mine.tmx"), []byte(tmx), 0o644); err != nil {
				t.Fatal(err)
			}
			ses, err := prepareEdit(&editOptions{File: art, NoUser: noUser})
			if err != nil {
				t.Fatal(err)
			}
			res := ses.load(ses.doc.Clone())
			src := ses.doc.Segments[1].Source
			userTerm := false
			for _, h := range res.Hits.Match(src) {
				for _, tg := range h.Targets {
					userTerm = userTerm || tg == "cabinet"
				}
			}
			userTM := false
			for _, m := range res.Memory.Lookup(src, tm.Context{}, 50, 3) {
				userTM = userTM || m.Target == "USER MEMORY"
			}
			if userTerm == noUser || userTM == noUser {
				t.Fatalf("user glossary term found: %v, user memory match found: %v; want %v", userTerm, userTM, !noUser)
			}
			if (ses.saveMemory() == nil) != noUser {
				t.Fatalf("saving to the user's memory: %v, want %v", ses.saveMemory() != nil, !noUser)
			}
		})
	}
	for _, args := range [][]string{{"--help"}, {"edit", "--help"}} {
		var out, errb bytes.Buffer
		if code := run(args, strings.NewReader(""), &out, &errb); code != 0 || !strings.Contains(out.String(), "--no-user") {
			t.Errorf("trad %v: exit %d, help without --no-user:\n%s%s", args, code, out.String(), errb.String())
		}
	}
}
