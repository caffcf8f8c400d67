package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/segments"
)

func TestSplitMergeCommands(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.md")
	if err := os.WriteFile(article, []byte("Il pleut, et il vente. Il neige.\n\nDeuxième.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := run([]string{"confirm", article, "1", "It rains and blows."}, strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatal("confirm failed")
	}
	tests := []struct {
		args    []string
		code    int
		out     string // in stdout (code 0) or stderr
		sources string // afterwards
		ovs     int    // overrides of the first block
	}{
		{[]string{"split", article, "1", "et il"}, 0, "segment 1 split in two; the project has 4 segments", "Il pleut,|et il vente.|Il neige.|Deuxième.", 1},
		{[]string{"split", article, "1", "99"}, 1, "the source has 9 characters", "Il pleut,|et il vente.|Il neige.|Deuxième.", 1},
		{[]string{"split", article, "1", "4"}, 1, "inside a word", "Il pleut,|et il vente.|Il neige.|Deuxième.", 1},
		{[]string{"split", article, "2", "absent"}, 1, "is not in the source", "Il pleut,|et il vente.|Il neige.|Deuxième.", 1},
		{[]string{"split", article, "2", "6"}, 0, "segment 2 split in two", "Il pleut,|et il|vente.|Il neige.|Deuxième.", 2},
		{[]string{"merge", article, "4"}, 1, "never cross a block", "Il pleut,|et il|vente.|Il neige.|Deuxième.", 2},
		{[]string{"merge", article, "2"}, 0, "segment 2 merged with the next; the project has 4 segments", "Il pleut,|et il vente.|Il neige.|Deuxième.", 1},
		{[]string{"merge", article, "1"}, 0, "the project has 3 segments", "Il pleut, et il vente.|Il neige.|Deuxième.", 0},
		{[]string{"merge", article, "x"}, 1, "want a number", "Il pleut, et il vente.|Il neige.|Deuxième.", 0},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run(tt.args, strings.NewReader(""), &out, &errb)
		msg := out.String()
		if code != 0 {
			msg = errb.String()
		}
		if code != tt.code || !strings.Contains(msg, tt.out) {
			t.Errorf("trad %q: exit %d %q, want %d %q", tt.args, code, msg, tt.code, tt.out)
		}
		doc, _, err := segments.Load(segments.ProjectPath(article))
		if err != nil {
			t.Fatal(err)
		}
		var srcs []string
		for _, s := range doc.Segments {
			srcs = append(srcs, s.Source)
		}
		if got := strings.Join(srcs, "|"); got != tt.sources || len(doc.Blocks[0].Overrides) != tt.ovs {
			t.Errorf("after %q: %s, %d overrides; want %s, %d", tt.args, got, len(doc.Blocks[0].Overrides), tt.sources, tt.ovs)
		}
		if s := doc.Segments[0]; !strings.Contains(s.Target, "It rains and blows.") {
			t.Errorf("after %q: the first segment's translation: %q", tt.args, s.Target)
		}
	}
}
