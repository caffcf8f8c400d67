package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

// TestE2EDocxInTmux opens a .docx in the real binary's editor, translates
// a heading and a sentence with bold (the tag put back with ctrl+t), and
// exports the .docx: the bold run keeps its properties, in English.
func TestE2EDocxInTmux(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "chat.docx")
	if err := os.WriteFile(doc, smallDOCX(t, "Fin."), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"XDG_DATA_HOME=" + filepath.Join(dir, "data"), "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"), "TERM=xterm-256color"}
	bin := buildTrad(t)
	proj := segments.ProjectPath(doc)
	s := startTmux(t, 100, 30, env, bin, "edit", "--to", "en", doc)
	scr := s.waitFor("project: " + proj)
	for _, want := range []string{"# Le titre", "Le chat ‹b1›noir‹/b1› dort.", "Voir ‹a2›ce site‹/a2›.‹x3›"} {
		if !strings.Contains(scr, want) {
			t.Errorf("first screen lacks %q:\n%s", want, scr)
		}
	}
	s.keys("Enter")
	s.waitFor("enter confirm")
	s.text("The title")
	s.keys("Enter")
	s.waitFor("1/4 segments")
	s.text("The ")
	s.keys("C-t")
	s.text("black")
	s.keys("C-t")
	s.text(" cat sleeps.")
	s.waitFor("The ‹b1›black‹/b1› cat sleeps.")
	s.keys("Enter")
	s.waitFor("2/4 segments")
	s.keys("Escape")
	s.waitFor("enter/i edit")
	s.keys("q")
	waitDead(t, s)
	out := filepath.Join(dir, "chat.en.docx")
	if b, err := exec.Command(bin, "export", doc, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, b)
	}
	data, blocks := readOfficeFile(t, out)
	if got := blocks[0].Text + "|" + blocks[1].Text; got != "The title|The black cat sleeps. Voir ce site." {
		t.Errorf("translated document: %q", got)
	}
	xml := string(rawEntryText(t, data, "word/document.xml"))
	if want := `<w:r><w:rPr><w:b/><w:lang w:val="en"/></w:rPr><w:t xml:space="preserve">black</w:t></w:r>`; !strings.Contains(xml, want) {
		t.Errorf("no %s in\n%s", want, xml)
	}
}
