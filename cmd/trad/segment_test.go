package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runSegment(t *testing.T, stdin string, args ...string) (code int, out, errOut string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(append([]string{"segment"}, args...), strings.NewReader(stdin), &o, &e)
	return code, o.String(), e.String()
}

func TestSegmentText(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "article.txt")
	// One sentence per block, so the output does not depend on the rules.
	in := "Le titre\nUn paragraphe qui suit le titre.\n\nTrois points :\n- la production ;\n- les outils.\n"
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "Le titre\n\nUn paragraphe qui suit le titre.\n\nTrois points :\n\n- la production ;\n\n- les outils.\n"
	for _, args := range [][]string{{path}, {"-"}, {"--lang", "fr", "--format", "text", "-"}} {
		code, out, errOut := runSegment(t, in, args...)
		if code != 0 || out != want || errOut != "" {
			t.Errorf("trad segment %v: exit %d\nstdout %q\nwant   %q\nstderr %q", args, code, out, want, errOut)
		}
	}
}

func TestSegmentMarkdownSkipsCode(t *testing.T) {
	in := "# Titre\n\n```\ncode. Pas un segment.\n```\n\n1. Premier.\n"
	code, out, _ := runSegment(t, in, "--format", "markdown", "-")
	if want := "Titre\n\n1. Premier.\n"; code != 0 || out != want {
		t.Errorf("exit %d, stdout %q, want %q", code, out, want)
	}
}

func TestSegmentJSON(t *testing.T) {
	code, out, errOut := runSegment(t, "# Titre\n\nUne phrase.\n\n```\nx\n```\n", "--json", "--format", "markdown", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Source, Lang, Format string
		Blocks               []struct {
			Index    int
			Kind     string
			Level    int
			Text     string
			Segments []struct {
				Index, Start, End int
				Text              string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if doc.Source != "stdin" || doc.Lang != "fr" || doc.Format != "markdown" || len(doc.Blocks) != 3 {
		t.Fatalf("document %+v", doc)
	}
	h, p, c := doc.Blocks[0], doc.Blocks[1], doc.Blocks[2]
	if h.Kind != "heading" || h.Level != 1 || len(h.Segments) != 1 || h.Segments[0].Text != "Titre" {
		t.Errorf("heading %+v", h)
	}
	if s := p.Segments[0]; p.Kind != "paragraph" || s.Index != 1 || p.Text[s.Start:s.End] != "Une phrase." {
		t.Errorf("paragraph %+v", p)
	}
	if c.Kind != "code" || len(c.Segments) != 0 || c.Text != "```\nx\n```" {
		t.Errorf("code block %+v", c)
	}
}

func TestSegmentWarnings(t *testing.T) {
	code, out, errOut := runSegment(t, "Élève \xff ici.\n", "-")
	if code != 0 || out != "Élève \uFFFD ici.\n" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	if want := "trad: warning: stdin: byte 9: invalid UTF-8 byte 0xFF replaced by U+FFFD\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

func TestSegmentBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "vide.txt")
	binary := filepath.Join(dir, "image.png")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	tests := []struct {
		name  string
		args  []string
		stdin string
		msg   string
	}{
		{"empty file", []string{empty}, "", "vide.txt: empty file"},
		{"empty stdin", []string{"-"}, "", "stdin: empty file"},
		{"directory", []string{dir}, "", "is a directory"},
		{"binary", []string{binary}, "", "image.png: binary file"},
		{"missing", []string{filepath.Join(dir, "absent.txt")}, "", "no such file"},
		{"unknown language", []string{"--lang", "tlh", "-"}, "Qapla'.", "no segmentation rules"},
		{"unknown format", []string{"--format", "rtf", "-"}, "x", `unknown format "rtf"`},
		{"no argument", nil, "", "accepts 1 arg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runSegment(t, tt.stdin, tt.args...)
			if code == 0 || out != "" || !strings.Contains(errOut, tt.msg) {
				t.Errorf("exit %d, stdout %q, stderr %q (want it to contain %q)", code, out, errOut, tt.msg)
			}
		})
	}
}
