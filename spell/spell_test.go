package spell

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// needHunspell returns a Checker for lang with the system dictionaries and
// an empty user list, or skips the test when hunspell or the dictionary is
// missing. In CI (CI=true) a missing one fails: .ci/run installs them.
func needHunspell(t testing.TB, lang string) *Checker {
	t.Helper()
	d, err := Find(lang, SystemDictDirs)
	if err == nil {
		_, err = exec.LookPath(Program)
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("hunspell %s needed in CI (.ci/run installs it): %v", lang, err)
		}
		t.Skipf("hunspell %s not available: %v", lang, err)
	}
	c, err := NewWith(lang, d, filepath.Join(t.TempDir(), "words.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestWords(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"The well-known NATO plan, 2024.", "The well known plan"},
		{"aujourd'hui l’Union n'a pas", "aujourd'hui l’Union n'a pas"},
		{"see https://example.org/rapport-annuel or www.exemple.fr now", "see or now"},
		{"write to presse@example.fr or @EU_Commission today", "write to or today"},
		{"the iPhone and PhD of G7 in 3D", "the and of in"},
		{"a b cd", "cd"},
		{"visit example.org/page and trad.example.com.", "visit and"},
		{"It ended.Then", "It ended Then"},
	} {
		var got []string
		for _, w := range Words(tc.text) {
			if tc.text[w.Start:w.End] != w.Word {
				t.Errorf("%q: span %d:%d is %q, not %q", tc.text, w.Start, w.End, tc.text[w.Start:w.End], w.Word)
			}
			got = append(got, w.Word)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("Words(%q) = %q, want %q", tc.text, g, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	user, sys := t.TempDir(), t.TempDir()
	for _, f := range []string{sys + "/en_US", sys + "/en_GB", sys + "/fr", user + "/en_GB", sys + "/de_AT", sys + "/it_IT"} {
		for _, ext := range []string{".aff", ".dic"} {
			if err := os.WriteFile(f+ext, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	os.Remove(sys + "/it_IT.aff") // half a dictionary is none
	dirs := []string{user, sys}
	for lang, want := range map[string]string{
		"en": sys + "/en_US," + user + "/en_GB", "en-GB": user + "/en_GB", "en_us": sys + "/en_US", "en-AU": sys + "/en_US",
		"fr": sys + "/fr", "fr-CA": sys + "/fr", "de": sys + "/de_AT",
	} {
		d, err := Find(lang, dirs)
		if err != nil || d.Path != want {
			t.Errorf("Find(%q) = %+v, %v; want %s", lang, d, err, want)
		}
	}
	for _, lang := range []string{"it", "zh"} {
		if _, err := Find(lang, dirs); !errors.Is(err, ErrNoDictionary) {
			t.Errorf("Find(%q): %v, want ErrNoDictionary", lang, err)
		}
	}
}

func TestUserWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spell", "en.txt")
	for _, w := range []string{"Zelensky", "chipmaker", "Zelensky"} {
		if _, err := AddUserWord(path, w); err != nil {
			t.Fatal(err)
		}
	}
	// Another process adds a word meanwhile: it is kept.
	data, _ := os.ReadFile(path)
	os.WriteFile(path, append(data, "deglobalisation\n"...), 0o644)
	if added, err := AddUserWord(path, "Bluesky"); err != nil || !added {
		t.Fatal(added, err)
	}
	got, err := LoadUserWords(path)
	if err != nil || strings.Join(got, " ") != "Bluesky Zelensky chipmaker deglobalisation" {
		t.Errorf("words = %q, %v", got, err)
	}
	if _, err := AddUserWord(path, "two words"); err == nil {
		t.Error("a phrase was added")
	}
}

func TestCheckEnglish(t *testing.T) {
	c := needHunspell(t, "en")
	ctx := context.Background()
	text := "The goverment's well-known plan recieved €40 billion from NATO, see https://example.org/teh. It mobilises colour."
	spans, err := c.Check(ctx, text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range spans {
		got = append(got, text[s.Start:s.End])
	}
	if g := strings.Join(got, " "); g != "goverment's recieved" {
		t.Errorf("misspelt = %q", g)
	}
	if suggs, err := c.Suggest(ctx, "recieved"); err != nil || !slices.Contains(suggs, "received") {
		t.Errorf("suggestions for recieved: %v %v", suggs, err)
	}
	if err := c.Add("recieved"); err != nil {
		t.Fatal(err)
	}
	spans, _ = c.Check(ctx, text)
	if len(spans) != 1 {
		t.Errorf("after Add: %v", spans)
	}
	// A new Checker reads the user's word back.
	c2, err := NewWith("en", c.Dict, c.userPath)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if spans, _ := c2.Check(ctx, "It recieved."); len(spans) != 0 {
		t.Errorf("user word not persisted: %v", spans)
	}
}

func TestCheckFrench(t *testing.T) {
	c := needHunspell(t, "fr")
	text := "Aujourd’hui, l'Union européenne a adopté le règlment sur les semi-conducteurs qu'elle négociait."
	spans, err := c.Check(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	if len(spans) != 1 || spans[0].Word != "règlment" {
		t.Errorf("misspelt = %+v", spans)
	}
}

func TestCheckCancelled(t *testing.T) {
	c := needHunspell(t, "en")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Check(ctx, "Some fresh wordz."); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	// The next call starts a new process.
	if spans, err := c.Check(context.Background(), "Some fresh wordzz."); err != nil || len(spans) != 1 {
		t.Errorf("after cancel: %v %v", spans, err)
	}
}

func readList(t testing.TB, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// TestWordLists measures the dictionaries on real words (drawn from the
// UD dev sets) and on misspellings made from them: how many correct words
// are accepted and how many misspellings are caught.
func TestWordLists(t *testing.T) {
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			c := needHunspell(t, lang)
			measure := func(file string) (flagged, total int) {
				words := readList(t, file)
				spans, err := c.Check(context.Background(), strings.Join(words, " "))
				if err != nil {
					t.Fatal(err)
				}
				return len(spans), len(Words(strings.Join(words, " ")))
			}
			bad, n := measure("testdata/" + lang + "-words.txt")
			caught, m := measure("testdata/" + lang + "-misspelt.txt")
			accepted := float64(n-bad) / float64(n)
			recall := float64(caught) / float64(m)
			t.Logf("%s (%s): %d/%d correct words accepted (%.1f%%), %d/%d misspellings caught (%.1f%%)",
				lang, c.Dict.Name, n-bad, n, 100*accepted, caught, m, 100*recall)
			if accepted < 0.95 || recall < 0.9 {
				t.Errorf("accepted %.3f (want ≥ 0.95), caught %.3f (want ≥ 0.9)", accepted, recall)
			}
		})
	}
}

// BenchmarkCheck30Words measures a 30-word sentence with a warm cache: what
// the editor pays per keystroke pause.
func BenchmarkCheck30Words(b *testing.B) {
	c := needHunspell(b, "en")
	text := "According to the regulator, social network platforms invested four billion euros in artificial intelligence last year, twelve percent more than the previous year, while their European competitors struggled to keep up."
	ctx := context.Background()
	if _, err := c.Check(ctx, text); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c.Check(ctx, text)
	}
}

// BenchmarkCheckCold measures a sentence of words never seen: one round
// trip to hunspell.
func BenchmarkCheckCold(b *testing.B) {
	c := needHunspell(b, "en")
	ctx := context.Background()
	words := readList(b, "testdata/en-words.txt")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i+30 > len(words) {
			c.mu.Lock()
			clear(c.cache)
			c.mu.Unlock()
			i = 0
		}
		c.Check(ctx, strings.Join(words[i:i+30], " "))
		i += 30
	}
}

// TestReadList checks how `hunspell -l` answers map back to the words
// sent: in order, a word cut in parts by hunspell, an answer that is part of
// no word (skipped, not misplaced).
func TestReadList(t *testing.T) {
	words := []string{"bonjour", "aujourd'hui", "teh", "xyz-abc", "fine"}
	out := "teh\nxyz\nabc\n???\n" + sentinel + "\n"
	p := &process{mode: listMode, out: bufio.NewReader(strings.NewReader(out))}
	ok := make([]bool, len(words))
	if err := p.readList(words, ok); err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, true, false, false, true}; !slices.Equal(ok, want) {
		t.Errorf("ok = %v, want %v", ok, want)
	}
	p = &process{mode: listMode, out: bufio.NewReader(strings.NewReader("teh\n"))}
	if err := p.readList(words, ok); err == nil {
		t.Error("no error on an answer cut short")
	}
}

// TestPipeMode checks the `hunspell -a` fallback used without stdbuf.
func TestPipeMode(t *testing.T) {
	c := needHunspell(t, "en")
	p, err := start(c.Dict, pipeMode)
	if err != nil {
		t.Fatal(err)
	}
	defer p.kill()
	ok, err := p.check(context.Background(), []string{"government", "goverment", "aujourd'hui", "colour"})
	if err != nil || !slices.Equal(ok, []bool{true, false, false, true}) {
		t.Errorf("pipe mode: %v %v", ok, err)
	}
}

// TestConcurrentChecks runs checks from several goroutines (go test -race).
func TestConcurrentChecks(t *testing.T) {
	c := needHunspell(t, "fr")
	done := make(chan []Span, 4)
	for i := 0; i < 4; i++ {
		go func(i int) {
			spans, _ := c.Check(context.Background(), "Le gouvernment a publié un raport sur les puces.")
			done <- spans
		}(i)
	}
	for i := 0; i < 4; i++ {
		if spans := <-done; len(spans) != 2 {
			t.Errorf("misspelt = %v", spans)
		}
	}
}
