package glossary

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// entryKey renders what a format keeps of an entry, for round-trip checks.
func entryKey(e *Entry, langs []string, fields bool) string {
	var b strings.Builder
	for _, l := range langs {
		b.WriteString(l + "=" + strings.Join(e.Lang(l), "|") + ";")
	}
	if fields {
		b.WriteString(e.Domain + ";" + e.POS + ";" + e.Note)
	}
	return b.String()
}

func TestWriteRoundTrip(t *testing.T) {
	g, _, err := ReadFile("testdata/sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	all := []string{"fr", "en", "es", "de", "it", "zh"}
	for _, f := range []Format{FormatTSVMulti, FormatCSVMulti, FormatTBX, FormatTBX3} {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			n, err := Write(&buf, g, f, WriteOptions{})
			if err != nil || n != g.Len() {
				t.Fatalf("Write: %d entries, %v", n, err)
			}
			back, warns, err := Read(&buf, "out", f)
			if err != nil || len(warns) > 0 {
				t.Fatalf("read back: %v %v\n%s", err, warns, buf.String())
			}
			if back.Len() != g.Len() {
				t.Fatalf("read back %d entries, want %d", back.Len(), g.Len())
			}
			for i, e := range g.Entries() {
				if got, want := entryKey(back.Entries()[i], all, true), entryKey(e, all, true); got != want {
					t.Errorf("entry %d:\n got %s\nwant %s", i, got, want)
				}
			}
		})
	}
}

func TestWritePairs(t *testing.T) {
	g, _, err := ReadFile("testdata/sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		f          Format
		from, to   string
		wantPrefix string
	}{
		{FormatTSV, "fr", "en", "réseau social\tsocial network\t\"social media\" for the sector as a whole\nréseau social\tsocial media\t\"social media\" for the sector as a whole\nmédia social\tsocial network\t"},
		{FormatCSV, "en", "de", "social network,soziales Netzwerk,\"\"\"social media\"\" for the sector as a whole\"\n"},
	} {
		var buf bytes.Buffer
		n, err := Write(&buf, g, tc.f, WriteOptions{From: tc.from, To: tc.to})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(buf.String(), tc.wantPrefix) {
			t.Errorf("%s %s-%s:\n%s", tc.f, tc.from, tc.to, buf.String())
		}
		want := 9
		if tc.to == "de" {
			want = 9 // TikTok has no German
		}
		if tc.to == "en" {
			want = 10
		}
		if n != want {
			t.Errorf("%s: wrote %d entries, want %d", tc.f, n, want)
		}
		lines := strings.Count(buf.String(), "\n")
		back, _, err := Read(&buf, "x", tc.f)
		if err != nil {
			t.Fatal(err)
		}
		if back.Len() != lines {
			t.Errorf("%s: %d lines read back as %d entries", tc.f, lines, back.Len())
		}
	}
	if _, err := Write(&bytes.Buffer{}, g, FormatTBX, WriteOptions{From: "fr", Langs: []string{"ru"}}); err != ErrNothingToWrite {
		t.Errorf("no Russian terms: err = %v", err)
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.tbx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteFile(path, New(), FormatTBX, WriteOptions{}); err == nil {
		t.Fatal("writing an empty glossary succeeded")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("failed write changed the file: %q", b)
	}
	if des, _ := os.ReadDir(dir); len(des) != 1 {
		t.Errorf("temporary files left: %v", des)
	}
}

// sharedFormats returns ../shared/formats (relative to the repository root)
// or skips the test.
func sharedFormats(t *testing.T) string {
	t.Helper()
	d, _ := filepath.Abs("../../shared/formats")
	if _, err := os.Stat(d); err != nil {
		t.Skip("../shared/formats not found: schema checks need the project's shared folder")
	}
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not installed (../shared/checks/setup.sh installs it)")
	}
	return d
}

// TestWriteTBXValidates checks the TBX writers against the schemas with
// xmllint.
func TestWriteTBXValidates(t *testing.T) {
	formats := sharedFormats(t)
	g, _, err := ReadFile("testdata/sample.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		f    Format
		args []string
	}{
		{FormatTBX, []string{"--dtdvalid", filepath.Join(formats, "tbx", "TBXBasiccoreStructV02.dtd")}},
		{FormatTBX3, []string{"--relaxng", filepath.Join(formats, "tbx", "TBXcoreStructV03.rng")}},
	} {
		path := filepath.Join(t.TempDir(), "out.tbx")
		if _, err := WriteFile(path, g, tc.f, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("xmllint", append(append([]string{"--noout", "--nonet"}, tc.args...), path)...).CombinedOutput()
		if err != nil {
			t.Errorf("%s does not validate: %v\n%s", tc.f, err, out)
		}
	}
}
