package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGlossaryAdd(t *testing.T) {
	dir := isolateGlossaries(t)
	user := filepath.Join(dir, "user.tsv")
	steps := []struct {
		args             []string
		code             int
		out, err, inFile string
	}{
		{[]string{"add", "nuage souverain", "sovereign cloud", "--domain", "tech"}, 0, "added to " + user + ":2: nuage souverain → sovereign cloud", "", "nuage souverain\tsovereign cloud\ttech"},
		{[]string{"add", "Nuage  souverain", "sovereign cloud"}, 1, "", "duplicate: " + user + ":2: nuage souverain → sovereign cloud", ""},
		{[]string{"add", "nuage souverain", "sovereign Cloud service"}, 1, "", "conflict: " + user + ":2", ""},
		{[]string{"add", "nuage souverain", "trusted cloud", "--force"}, 0, user + ":3:", "conflict", "nuage souverain\ttrusted cloud"},
		{[]string{"add", "--to", "de", "puce", "Chip", "--note", "Halbleiter"}, 0, user + ":4: puce → Chip", "", "Halbleiter\tChip"},
		{[]string{"add", "a | b", "c"}, 1, "", "synonyms", ""},
	}
	for _, st := range steps {
		code, out, errs := runGlossary(t, "", st.args...)
		if strings.Count(errs, "trad: duplicate")+strings.Count(errs, "trad: conflict") > 1 {
			t.Errorf("%v: a clash listed twice:\n%s", st.args, errs)
		}
		if code != st.code || !strings.Contains(out, st.out) || !strings.Contains(errs, st.err) {
			t.Errorf("%v: exit %d, out %q, err %q; want %d, %q, %q", st.args, code, out, errs, st.code, st.out, st.err)
		}
		data, _ := os.ReadFile(user)
		if !strings.Contains(string(data), st.inFile) {
			t.Errorf("%v: %s lacks %q:\n%s", st.args, user, st.inFile, data)
		}
	}
	// The German column was added to the header, the rows left as they were.
	data, _ := os.ReadFile(user)
	if want := "fr\ten\tdomain\tpos\tnote\tde\nnuage souverain\tsovereign cloud\ttech\t\t\nnuage souverain\ttrusted cloud\npuce\t\t\t\tHalbleiter\tChip\n"; string(data) != want {
		t.Errorf("%s:\n%q\nwant\n%q", user, data, want)
	}
	// --file names another file, in its own format.
	other := filepath.Join(t.TempDir(), "terms.tbx")
	if code, out, errs := runGlossary(t, "", "add", "puce", "chip", "--file", other); code != 0 || !strings.Contains(out, other+":16:") {
		t.Errorf("--file: %d %q %q", code, out, errs)
	}
}

// TestGlossaryAddParallel runs parallel adds of one term, as six
// `trad glossary add` started at once do: the clash check is under the
// append's lock, so exactly one adds a row and the others each report the
// clash (a check before the lock let several see no entry and add it).
func TestGlossaryAddParallel(t *testing.T) {
	dir := isolateGlossaries(t)
	user := filepath.Join(dir, "user.tsv")
	const n = 6
	for round, term := range []string{"orage", "grêle", "neige", "brume"} {
		type result struct {
			code     int
			out, err string
		}
		results := make(chan result, n)
		start := make(chan struct{})
		for range n {
			go func() {
				<-start
				code, out, errs := runGlossary(t, "", "add", term, "storm")
				results <- result{code, out, errs}
			}()
		}
		close(start)
		added, clashed := 0, 0
		for range n {
			r := <-results
			switch {
			case r.code == 0 && strings.Contains(r.out, "added to "+user):
				added++
			case r.code == 1 && strings.Contains(r.err, "trad: duplicate: "+user) && strings.Contains(r.err, "nothing added"):
				clashed++
			default:
				t.Errorf("round %d: exit %d, out %q, err %q", round, r.code, r.out, r.err)
			}
		}
		data, _ := os.ReadFile(user)
		if rows := strings.Count(string(data), "\n"+term+"\tstorm"); added != 1 || clashed != n-1 || rows != 1 {
			t.Fatalf("round %d: %d added, %d clash reports, %d rows of %q; want 1, %d, 1:\n%s", round, added, clashed, rows, term, n-1, data)
		}
	}
}

// TestGlossaryAddConfigFile checks that without --file the term goes to
// the file config.json's glossary.user_file names (review F7: the setting
// was documented and read by nothing).
func TestGlossaryAddConfigFile(t *testing.T) {
	dir := isolateGlossaries(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	abs := filepath.Join(t.TempDir(), "mine.tbx")
	config := filepath.Join(filepath.Dir(dir), "config.json")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		config, want, err string
	}{
		{`{"glossary": {"user_file": "` + abs + `"}}`, abs + ":16:", ""},
		{`{"glossary": {"user_file": "news.csv"}}`, filepath.Join(dir, "news.csv") + ":2:", ""},
		{`{"glossary": {"user_file": "~/terms/de.txt"}}`, filepath.Join(home, "terms", "de.txt") + ":1:", ""},
		{`{"tm": {"min_score": 60}}`, filepath.Join(dir, "news.csv") + ":3:", ""}, // the first file of the user folder
		{`{"glossary": {"user_file": "notes.md"}}`, "", "not a glossary extension"},
		{"{\n\"glossary\": {\"user_file\": \"x.tsv\",}}", "", config + ":2:"},
		{`{"glossary": {"file": "x.tsv"}}`, "", `unknown field "file"`},
	} {
		if err := os.WriteFile(config, []byte(tc.config), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errs := runGlossary(t, "", "add", "pluie", "rain", "--force")
		if tc.err != "" {
			if code != 1 || !strings.Contains(errs, tc.err) {
				t.Errorf("%s: exit %d, out %q, err %q; want an error with %q", tc.config, code, out, errs, tc.err)
			}
			continue
		}
		if code != 0 || !strings.Contains(out, "added to "+tc.want) {
			t.Errorf("%s: exit %d, out %q, err %q; want added to %s", tc.config, code, out, errs, tc.want)
		}
	}
	// --file wins over the config file, even a malformed one.
	other := filepath.Join(t.TempDir(), "other.tsv")
	if code, out, errs := runGlossary(t, "", "add", "neige", "snow", "--file", other); code != 0 || !strings.Contains(out, other+":2:") {
		t.Errorf("--file: %d %q %q", code, out, errs)
	}
}
