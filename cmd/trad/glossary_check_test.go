package main

import (
	"strings"
	"testing"
)

func TestGlossaryCheck(t *testing.T) {
	isolateGlossaries(t)
	dir := t.TempDir()
	good := writeGlossaryFile(t, dir, "good.txt", "chat\tcat\n")
	bad := writeGlossaryFile(t, dir, "bad.utf8", "chat\tcat\nune colonne\nchat\tfeline\n")
	dups := writeGlossaryFile(t, dir, "dups.utf8", "chat\tcat\nchat\tfeline\n")
	broken := writeGlossaryFile(t, dir, "broken.tbx", "<martif><text>\n<body></text>")
	empty := writeGlossaryFile(t, dir, "empty.txt", "")
	noEntry := writeGlossaryFile(t, dir, "none.tbx", "<martif type=\"TBX-Basic\"><text><body/></text></martif>\n")
	for _, tc := range []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"check", good}, 0, good + ": 1 entries, 0 malformed lines, 0 warnings\n", ""},
		{[]string{"check", dups}, 0, dups + ": 2 entries, 0 malformed lines, 1 warnings\n", dups + ":2: source term \"chat\" already defined on line 1\n"},
		{[]string{"check", "--strict", dups}, 1, "", "trad: glossary check: 1 warnings"},
		{[]string{"check", bad}, 1, bad + ": 2 entries, 1 malformed lines, 1 warnings\n", bad + ":2: want 2 or 3 columns (source, target, comment), got 1\n" + bad + ":3: source term \"chat\" already defined on line 1\n"},
		// Issue 10: an empty glossary, or a TBX without entries, fails.
		{[]string{"check", empty}, 1, empty + ": error\n", "read glossary " + empty + ": no entry"},
		{[]string{"check", noEntry}, 1, noEntry + ": error\n", "read glossary " + noEntry + ": no entry"},
		{[]string{"check", broken, good}, 1, broken + ": error\n" + good + ": 1 entries, 0 malformed lines, 0 warnings\n", "broken.tbx:2: unexpected </text>: <body> of line 2 is still open"},
	} {
		code, out, errs := runGlossary(t, "", tc.args...)
		if code != tc.code || (tc.out != "" && out != tc.out) || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: exit %d (want %d)\nout: %s\nerr: %s", tc.args, code, tc.code, out, errs)
		}
	}
}
