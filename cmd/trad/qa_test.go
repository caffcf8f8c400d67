package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/trad-project/trad/segments"
	"github.com/trad-project/trad/spell"
)

// runQA runs `trad qa args...` through newQACmd, mapping errors to exit
// codes as run does (the command may not be registered in root.go yet).
func runQA(t *testing.T, args ...string) (code int, out, errOut string) {
	t.Helper()
	var o, e bytes.Buffer
	cmd := newQACmd(&streams{In: strings.NewReader(""), Out: &o, Err: &e})
	cmd.SetArgs(args)
	cmd.SetOut(&o)
	cmd.SetErr(&e)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); err != nil {
		e.WriteString("trad: " + err.Error() + "\n")
		var ee *exitError
		if errors.As(err, &ee) {
			return ee.code, o.String(), e.String()
		}
		return 1, o.String(), e.String()
	}
	return 0, o.String(), e.String()
}

// qaProject writes a French article, translates its segments with targets
// (in order; "" leaves a segment new) and saves the project. It returns the
// project path.
func qaProject(t *testing.T, article string, targets ...string) string {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no user config or glossaries
	dir := t.TempDir()
	path := filepath.Join(dir, "article.fr.txt")
	if err := os.WriteFile(path, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, _, err := segments.ReadFile(path, segments.ReadOptions{Lang: "fr", Target: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Segments) != len(targets) {
		t.Fatalf("article has %d segments, test gives %d targets", len(doc.Segments), len(targets))
	}
	for i, tg := range targets {
		if tg != "" {
			doc.SetTarget(i, tg, segments.StatusTranslated, time.Now())
		}
	}
	proj := segments.ProjectPath(path)
	if err := segments.Save(proj, doc); err != nil {
		t.Fatal(err)
	}
	return proj
}

const qaArticle = "Le taux est de 3,5\u00a0%.\n\nLes puces coûtent cher.\n\nVoir https://example.org/rapport.\n"

func TestQAClean(t *testing.T) {
	proj := qaProject(t, qaArticle, "The rate is 3.5%.", "Chips are expensive.", "See https://example.org/rapport.")
	code, out, errOut := runQA(t, proj)
	if code != 0 || out != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if want := "trad qa: 3 segments: 0 errors, 0 warnings, 0 info\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

func TestQAErrorsExitOne(t *testing.T) {
	proj := qaProject(t, qaArticle, "The rate is 3.6%", "Microprocessors are expensive.", "")
	code, out, errOut := runQA(t, proj)
	want := `seg 1 error numbers: 3,5 in source but 3.6 in target
seg 1 warning final-punct: source ends with ".", target has no final punctuation
seg 2 warning glossary: "puces": expected "chip"…
seg 3 error untranslated: not translated
`
	if code != 1 || !strings.HasPrefix(out, "seg 1 error numbers") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	// The glossary line depends on the built-in glossary's data: compare
	// the lines that do not.
	for _, line := range strings.Split(strings.TrimSpace(want), "\n") {
		if strings.Contains(line, "glossary") {
			if !strings.Contains(out, `seg 2 warning glossary: "puces": expected "chip"`) {
				t.Errorf("missing glossary issue in\n%s", out)
			}
			continue
		}
		if !strings.Contains(out, line+"\n") {
			t.Errorf("missing %q in\n%s", line, out)
		}
	}
	if !strings.Contains(errOut, "trad: qa: 2 error-level issues") {
		t.Errorf("stderr %q", errOut)
	}

	// Without the built-in glossary and with numbers disabled, only the
	// untranslated segment is an error.
	code, out, _ = runQA(t, "--no-builtin", "--disable", "numbers", "--disable", "untranslated", proj)
	if code != 0 || out != "seg 1 warning final-punct: source ends with \".\", target has no final punctuation\n" {
		t.Errorf("with --disable: exit %d\n%s", code, out)
	}
}

func TestQAJSON(t *testing.T) {
	proj := qaProject(t, qaArticle, "The rate is 3.5 %.", "Chips are expensive.", "See https://example.org/report.")
	code, out, errOut := runQA(t, "--json", proj)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []qaJSON
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var j qaJSON
		if err := json.Unmarshal([]byte(line), &j); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		got = append(got, j)
	}
	if len(got) != 1 {
		t.Fatalf("want 1 issue, got %+v", got)
	}
	j := got[0]
	if j.Segment != 3 || j.Check != "links" || j.Severity != "error" || j.Target != "See https://example.org/report." ||
		j.Target[j.Start:j.End] != "https://example.org/report" {
		t.Errorf("issue %+v", j)
	}
}

func TestQAConfig(t *testing.T) {
	proj := qaProject(t, qaArticle, "The rate is 3.6%.", "Chips are expensive.", "See https://example.org/rapport.")
	cfgDir := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "trad")
	if err := os.MkdirAll(cfgDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfgDir, "qa.json"), []byte(`{"severity": {"numbers": "warning"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runQA(t, proj)
	if code != 0 || out != "seg 1 warning numbers: 3,5 in source but 3.6 in target\n" {
		t.Errorf("user config: exit %d, %q", code, out)
	}
	if !strings.Contains(errOut, `qa.json: deprecated: QA settings belong in the "qa" object of `) {
		t.Errorf("qa.json alone: stderr %q, want the deprecation notice", errOut)
	}
	// The "qa" object of config.json is the place: it wins over qa.json, as
	// in the editor, and says qa.json is ignored.
	if err := os.WriteFile(filepath.Join(cfgDir, "config.json"), []byte(`{"qa": {"severity": {"numbers": "info"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runQA(t, proj)
	if code != 0 || !strings.HasPrefix(out, "seg 1 info numbers") || !strings.Contains(errOut, "qa.json: ignored") {
		t.Errorf("config.json and qa.json: exit %d, %q, stderr %q", code, out, errOut)
	}
	// --config names the one file to read, whatever the others say.
	other := filepath.Join(t.TempDir(), "strict.json")
	if err := os.WriteFile(other, []byte(`{"severity": {"numbers": "error"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runQA(t, "--config", other, proj); code != 1 || !strings.HasPrefix(out, "seg 1 error numbers") || strings.Contains(errOut, "qa.json") {
		t.Errorf("--config: exit %d, %q, stderr %q", code, out, errOut)
	}
}

func TestQAFailures(t *testing.T) {
	proj := qaProject(t, qaArticle, "", "", "")
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte("{\n\"disable\": 3\n}"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--disable", "nope", proj}, "unknown check nope"},
		{[]string{filepath.Join(t.TempDir(), "missing.fr.txt")}, "missing.fr.txt"},
		{[]string{"--config", bad, proj}, "bad.json:2:12: disable: want a list […], got the number 3"},
		{[]string{"--config", filepath.Join(t.TempDir(), "none.json"), proj}, "none.json"},
		{[]string{"--glossary", filepath.Join(t.TempDir(), "none.tsv"), proj}, "none.tsv"},
	} {
		code, _, errOut := runQA(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("trad qa %v: exit %d, stderr %q, want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
}

func TestQAIgnoreAndAll(t *testing.T) {
	t.Setenv("USER", "ana")
	proj := qaProject(t, qaArticle, "The rate is 3.6%.", "Chips are expensive.", "See https://example.org/rapport.")
	code, out, _ := runQA(t, "--no-spell", proj)
	if code != 1 || out != "seg 1 error numbers: 3,5 in source but 3.6 in target\n" {
		t.Fatalf("before: exit %d %q", code, out)
	}
	code, out, errOut := runQA(t, "--no-spell", "--ignore", "1:numbers", proj)
	if code != 0 || out != "" || !strings.Contains(errOut, "1 issue(s) ignored") || !strings.Contains(errOut, "0 errors, 0 warnings, 0 info, 1 ignored") {
		t.Fatalf("--ignore: exit %d %q %q", code, out, errOut)
	}
	// Recorded in the project: a later run hides it, --all shows it.
	code, out, _ = runQA(t, "--no-spell", proj)
	if code != 0 || out != "" {
		t.Errorf("after: exit %d %q", code, out)
	}
	code, out, _ = runQA(t, "--no-spell", "--all", proj)
	if code != 0 || !strings.HasPrefix(out, "seg 1 error numbers: 3,5 in source but 3.6 in target (ignored by ana ") {
		t.Errorf("--all: exit %d %q", code, out)
	}
	_, out, _ = runQA(t, "--no-spell", "--json", proj)
	var j qaJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil || j.Ignored == nil || j.Ignored.Who != "ana" || j.Ignored.When == "" || j.Key == "" {
		t.Errorf("--json: %q %v", out, err)
	}
	op, err := segments.OpenProject(proj, segments.OpenOptions{})
	doc := op.Doc
	if err != nil || doc.Segments[0].QAIgnored == nil || (*doc.Segments[0].QAIgnored)[0].Check != "numbers" {
		t.Errorf("project: %v %+v", err, doc.Segments[0])
	}
	// Bad specs fail without saving.
	for _, spec := range []string{"9:numbers", "x:numbers", "1", "2:numbers", "1:numbers:nokey"} {
		if code, _, errOut := runQA(t, "--no-spell", "--ignore", spec, proj); code != 2 || !strings.Contains(errOut, "--ignore") {
			t.Errorf("--ignore %s: exit %d %q", spec, code, errOut)
		}
	}
}

func TestQASpellingNotice(t *testing.T) {
	proj := qaProject(t, qaArticle, "The rate is 3.5%.", "Chips are expensive.", "See https://example.org/rapport.")
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	old := spell.SystemDictDirs
	spell.SystemDictDirs = []string{t.TempDir()}
	defer func() { spell.SystemDictDirs = old }()
	code, _, errOut := runQA(t, proj)
	if code != 0 || !strings.Contains(errOut, "trad qa: spelling off: no Hunspell dictionary for \"en\"") || strings.Count(errOut, "\n") != 2 {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestSpellAdd(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	var o, e bytes.Buffer
	cmd := newRootCmd(&streams{In: strings.NewReader(""), Out: &o, Err: &e})
	cmd.SetArgs([]string{"spell", "add", "Zelensky", "megafab", "--lang", "en-GB"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err, e.String())
	}
	words, err := spell.LoadUserWords(spell.UserWordsPath("en"))
	if err != nil || strings.Join(words, " ") != "Zelensky megafab" {
		t.Errorf("user words %q %v; output %q", words, err, o.String())
	}
}
