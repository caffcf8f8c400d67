package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runGlossary runs `trad glossary ARGS…` through newGlossaryCmd (so it does
// not depend on root.go registering it) and returns the exit code as run
// would, with stdout and stderr.
func runGlossary(t *testing.T, in string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	s := &streams{In: strings.NewReader(in), Out: &out, Err: &errb}
	cmd := newGlossaryCmd(s)
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	code := 0
	if err := cmd.Execute(); err != nil {
		errb.WriteString("trad: " + err.Error() + "\n")
		code = 1
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
		}
	}
	return code, out.String(), errb.String()
}

// isolateGlossaries points the user glossary folder at an empty temporary
// folder and returns it.
func isolateGlossaries(t *testing.T) string {
	t.Helper()
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	return filepath.Join(cfg, "trad", "glossaries")
}

func writeGlossaryFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const testTerms = "fr\ten\tdomain\tpos\tnote\n" +
	"réseau social\tsocial network | social media\ttech\tnoun\n" +
	"donnée\tdata\ttech\tnoun\n" +
	"IA\tAI\ttech\tnoun\n" +
	"Pékin\tBeijing\tgeopolitics\tpropn\tmetonym\n"

// collationTerms are French terms whose order differs between French
// collation and byte order.
const collationTerms = "fr,en\nzèbre,zebra\nécran,screen\nabeille,bee\nEcole,school\nbase de données,database\ndonnée,datum\n"
