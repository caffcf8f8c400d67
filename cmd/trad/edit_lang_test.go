package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/tui"
)

// TestPrepareEditLanguageNotice checks that opening a German article
// without --from says so in the editor's status line, naming the flag,
// and that a resumed project or an explicit --from says nothing.
func TestPrepareEditLanguageNotice(t *testing.T) {
	const de = "# Haushalt\n\nDie Bundesregierung hat am Dienstag ihren Haushaltsentwurf für das kommende Jahr vorgestellt. Die Gewerkschaften kritisieren die Kürzungen bei den öffentlichen Diensten.\n"
	const want = "the article looks German, not French: it was segmented with the French rules (for German, use --from de)"
	dir := isolate(t)
	art := filepath.Join(dir, "haushalt.md")
	if err := os.WriteFile(art, []byte(de), 0o644); err != nil {
		t.Fatal(err)
	}
	has := func(ses *editSession) bool { return strings.Contains(strings.Join(ses.notices, "\n"), "looks German") }

	ses, err := prepareEdit(&editOptions{File: art, From: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if has(ses) {
		t.Errorf("--from given, yet a notice: %q", ses.notices)
	}

	ses, err = prepareEdit(&editOptions{File: art})
	if err != nil {
		t.Fatal(err)
	}
	if !has(ses) || !strings.Contains(strings.Join(ses.notices, "\n"), want) {
		t.Fatalf("notices = %q, want %q", ses.notices, want)
	}
	m := tui.New(ses.doc, ses.projectPath, ses.options(false, true))
	v, _ := m.Update(tea.WindowSizeMsg{Width: 200, Height: 30})
	if !strings.Contains(v.View(), "use --from de") {
		t.Errorf("the status line does not say it:\n%s", v.View())
	}

	// Resumed: the languages were decided when the project was made.
	if err := segments.Save(ses.projectPath, ses.doc); err != nil {
		t.Fatal(err)
	}
	for _, o := range []*editOptions{{File: art}, {File: ses.projectPath}} {
		again, err := prepareEdit(o)
		if err != nil {
			t.Fatal(err)
		}
		if has(again) {
			t.Errorf("resuming %s: notice %q", o.File, again.notices)
		}
	}
}

func TestPrepareEditFrenchNoNotice(t *testing.T) {
	dir := isolate(t)
	ses, err := prepareEdit(&editOptions{File: writeArticle(t, dir)})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range ses.notices {
		if strings.Contains(n, "looks") {
			t.Errorf("French article got %q", n)
		}
	}
}

func TestEditSpellerNotice(t *testing.T) {
	isolate(t)
	sp, n := editSpeller("tlh") // no Klingon dictionary anywhere
	if sp != nil {
		t.Fatal("a checker without a dictionary")
	}
	if n != "spelling off: no tlh dictionary" && n != "spelling off: hunspell is not installed" {
		t.Fatalf("notice %q", n)
	}
}

func TestEditMTForbiddenProject(t *testing.T) {
	dir := isolate(t)
	ses, err := prepareEdit(&editOptions{File: writeArticle(t, dir)})
	if err != nil {
		t.Fatal(err)
	}
	ses.doc.NoMT = true
	svc, n := editMT(nil, ses.projectPath, ses.doc)
	if svc == nil || n != "" || !svc.Forbidden() {
		t.Fatalf("confidential project: service %v, notice %q", svc, n)
	}
	if err := svc.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "article.fr.mtcache.json")); !os.IsNotExist(err) {
		t.Fatalf("a confidential project got a cache file: %v", err)
	}
}
