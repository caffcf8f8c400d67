package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trad-project/trad/glossary"
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

func TestGlossaryMatch(t *testing.T) {
	isolateGlossaries(t)
	dir := t.TempDir()
	terms := writeGlossaryFile(t, dir, "terms.tsv", testTerms)
	article := writeGlossaryFile(t, dir, "a.fr.txt", "Les réseaux sociaux & l'IA.\n\nPékin collecte des données. Rien ici.\n")
	code, out, errs := runGlossary(t, "", "match", "--no-builtin", "--glossary", terms, article)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := `{"segment": 1, "start": 4, "end": 20, "text": "réseaux sociaux", "term": "réseau social", "targets": ["social network", "social media"], "domain": "tech", "how": "stemmed", "origin": "` + terms + `:2"}
{"segment": 1, "start": 25, "end": 27, "text": "IA", "term": "IA", "targets": ["AI"], "domain": "tech", "how": "exact", "origin": "` + terms + `:4"}
{"segment": 2, "start": 0, "end": 6, "text": "Pékin", "term": "Pékin", "targets": ["Beijing"], "domain": "geopolitics", "how": "exact", "origin": "` + terms + `:5"}
{"segment": 2, "start": 20, "end": 28, "text": "données", "term": "donnée", "targets": ["data"], "domain": "tech", "how": "stemmed", "origin": "` + terms + `:3"}
`
	if out != want {
		t.Errorf("match output:\n%s\nwant:\n%s", out, want)
	}
}

func TestGlossaryMatchBuiltinAndUserPriority(t *testing.T) {
	user := isolateGlossaries(t)
	userFile := writeGlossaryFile(t, user, "mine.txt", "# my terms\nréseau social\tsocial platform\tclient wording\n")
	code, out, errs := runGlossary(t, "Les réseaux sociaux de Pékin.\n", "match", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 {
		t.Fatalf("want hits for réseaux sociaux and Pékin, got:\n%s", out)
	}
	if !strings.Contains(lines[0], `"targets": ["social platform", `) || !strings.Contains(lines[0], `"origin": "`+userFile+`:2"`) {
		t.Errorf("user glossary should win and come first: %s", lines[0])
	}
	if !strings.Contains(out, `"term": "Pékin"`) || !strings.Contains(out, `"origin": "builtin"`) {
		t.Errorf("built-in hit missing:\n%s", out)
	}
}

func TestGlossaryLookupCollated(t *testing.T) {
	isolateGlossaries(t)
	terms := writeGlossaryFile(t, t.TempDir(), "t.csv", "fr,en\nzèbre,zebra\nécran,screen\nabeille,bee\nEcole,school\nbase de données,database\ndonnée,datum\n")
	code, out, errs := runGlossary(t, "", "list", "--no-builtin", "-g", terms)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var firsts []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		firsts = append(firsts, strings.Split(l, "\t")[0])
	}
	if got := strings.Join(firsts, ","); got != "abeille,base de données,donnée,Ecole,écran,zèbre" {
		t.Errorf("list order %s", got)
	}
	code, out, _ = runGlossary(t, "", "lookup", "--no-builtin", "-g", terms, "données")
	if code != 0 || out != "base de données\tdatabase\t\t\t\t"+terms+":6\ndonnée\tdatum\t\t\t\t"+terms+":7\n" {
		t.Errorf("lookup données: exit %d\n%s", code, out)
	}
	code, _, errs = runGlossary(t, "", "lookup", "--no-builtin", "-g", terms, "girafe")
	if code != 1 || !strings.Contains(errs, `no entry for "girafe"`) {
		t.Errorf("lookup of a missing word: exit %d, %s", code, errs)
	}
	code, out, _ = runGlossary(t, "", "lookup", "--no-builtin", "--json", "-g", terms, "bee")
	if code != 0 || out != `{"source": ["abeille"], "targets": ["bee"], "terms": {"en": ["bee"], "fr": ["abeille"]}, "domain": "", "pos": "", "note": "", "origin": "`+terms+`:4"}`+"\n" {
		t.Errorf("lookup --json bee: exit %d\n%s", code, out)
	}
}

func TestGlossaryLookupBuiltin(t *testing.T) {
	isolateGlossaries(t)
	code, out, errs := runGlossary(t, "", "lookup", "sanctions")
	if code != 0 || !strings.Contains(out, "\tbuiltin\n") {
		t.Errorf("lookup sanctions in the built-in glossary: exit %d %s\n%s", code, errs, out)
	}
}

func TestGlossaryCheck(t *testing.T) {
	isolateGlossaries(t)
	dir := t.TempDir()
	good := writeGlossaryFile(t, dir, "good.txt", "chat\tcat\n")
	bad := writeGlossaryFile(t, dir, "bad.utf8", "chat\tcat\nune colonne\nchat\tfeline\n")
	dups := writeGlossaryFile(t, dir, "dups.utf8", "chat\tcat\nchat\tfeline\n")
	broken := writeGlossaryFile(t, dir, "broken.tbx", "<martif><text>\n<body></text>")
	for _, tc := range []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"check", good}, 0, good + ": 1 entries, 0 malformed lines, 0 warnings\n", ""},
		{[]string{"check", dups}, 0, dups + ": 2 entries, 0 malformed lines, 1 warnings\n", dups + ":2: source term \"chat\" already defined on line 1\n"},
		{[]string{"check", "--strict", dups}, 1, "", "trad: glossary check: 1 warnings"},
		{[]string{"check", bad}, 1, bad + ": 2 entries, 1 malformed lines, 1 warnings\n", bad + ":2: want 2 or 3 columns (source, target, comment), got 1\n" + bad + ":3: source term \"chat\" already defined on line 1\n"},
		{[]string{"check", broken, good}, 1, broken + ": error\n" + good + ": 1 entries, 0 malformed lines, 0 warnings\n", "broken.tbx:2: element </text> closes </body>"},
	} {
		code, out, errs := runGlossary(t, "", tc.args...)
		if code != tc.code || (tc.out != "" && out != tc.out) || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: exit %d (want %d)\nout: %s\nerr: %s", tc.args, code, tc.code, out, errs)
		}
	}
}

func TestGlossaryConvert(t *testing.T) {
	isolateGlossaries(t)
	dir := t.TempDir()
	in := writeGlossaryFile(t, dir, "in.tsv", testTerms)
	for _, tc := range []struct {
		out  string
		args []string
		want glossary.Format
	}{
		{"out.tbx", nil, glossary.FormatTBX},
		{"out3.tbx", []string{"--format", "tbx3"}, glossary.FormatTBX3},
		{"out.csv", nil, glossary.FormatCSVMulti},
		{"out.utf8", nil, glossary.FormatTSV},
	} {
		out := filepath.Join(dir, tc.out)
		code, _, errs := runGlossary(t, "", append(append([]string{"convert"}, tc.args...), in, out)...)
		if code != 0 || !strings.Contains(errs, "wrote 4 entries to "+out+" ("+string(tc.want)+")") {
			t.Fatalf("convert to %s: exit %d: %s", tc.out, code, errs)
		}
		g, warns, err := glossary.ReadFile(out)
		if err != nil || len(warns) > 0 || g.Len() < 4 {
			t.Fatalf("%s reads back as %d entries: %v %v", tc.out, g.Len(), err, warns)
		}
		if got := g.Entries()[0].Source("fr"); len(got) != 1 || got[0] != "réseau social" {
			t.Errorf("%s: first entry %v", tc.out, got)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "out.utf8"))
	if !strings.HasPrefix(string(b), "réseau social\tsocial network\nréseau social\tsocial media\n") {
		t.Errorf("OmegaT layout:\n%s", b)
	}
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"convert", in, in}, "is both input and output"},
		{[]string{"convert", in, filepath.Join(dir, "x.xlsx")}, "use --format"},
		{[]string{"convert", filepath.Join(dir, "missing.tsv"), filepath.Join(dir, "x.tbx")}, "missing.tsv: no such file"},
	} {
		if code, _, errs := runGlossary(t, "", tc.args...); code == 0 || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: exit %d, %s", tc.args, code, errs)
		}
	}
	out := filepath.Join(dir, "builtin.tsv")
	if code, _, errs := runGlossary(t, "", "convert", "builtin", out); code != 0 {
		t.Fatalf("convert builtin: %s", errs)
	}
	if g, _, err := glossary.ReadFile(out); err != nil || g.Len() != glossary.Default().Len() {
		t.Errorf("builtin converted: %v", err)
	}
}
