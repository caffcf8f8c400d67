package segments

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRestoreBackup(t *testing.T) {
	dir := t.TempDir()
	doc, pp := newProject(t, dir, articleV1, StatusTranslated)
	if err := Save(pp, doc); err != nil {
		t.Fatal(err)
	}
	doc.Segments[0].Target = "second save"
	if err := Save(pp, doc); err != nil { // the first save becomes the .bak
		t.Fatal(err)
	}
	bak := mustRead(t, pp+".bak")
	damaged := `{"schema": 1, "segm`
	writeFile(t, pp, damaged)

	kept, err := RestoreBackup(pp)
	if err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, pp); got != bak {
		t.Error("the project is not the backup after RestoreBackup")
	}
	if got := mustRead(t, kept); got != damaged {
		t.Errorf("damaged file kept as %s holds %q, want the damaged bytes", kept, got)
	}
	if !strings.HasPrefix(filepath.Base(kept), filepath.Base(pp)+".corrupt-") {
		t.Errorf("damaged copy named %s", kept)
	}
	restored, _, err := Load(pp)
	if err != nil {
		t.Fatalf("Load after RestoreBackup: %v", err)
	}
	if restored.Segments[0].Target == "second save" {
		t.Error("restored project holds the newer save, want the previous one")
	}
}

func TestRestoreBackupRefusesDamagedBackup(t *testing.T) {
	dir := t.TempDir()
	pp := filepath.Join(dir, "a.trad.json")
	writeFile(t, pp, "{oops")
	writeFile(t, pp+".bak", "{also oops")
	if _, err := RestoreBackup(pp); err == nil || !strings.Contains(err.Error(), "damaged too") {
		t.Errorf("err = %v, want the backup reported damaged", err)
	}
	if got := mustRead(t, pp); got != "{oops" {
		t.Error("the project changed although nothing could be restored")
	}
	if _, err := RestoreBackup(filepath.Join(dir, "none.trad.json")); err == nil {
		t.Error("restoring without a backup succeeded")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("%d files in the folder, want the 2 written", len(ents))
	}
}
