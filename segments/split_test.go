package segments

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// texts returns the sentences that spans select in text.
func texts(text string, spans []Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

// checkSpans asserts Split's contract: spans in order, non-empty, trimmed,
// only whitespace outside them (so every non-space character is covered).
func checkSpans(t testing.TB, text string, spans []Span) {
	t.Helper()
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %d %v out of order or empty (prev end %d, len %d) in %q", i, s, prev, len(text), text)
		}
		if gap := text[prev:s.Start]; strings.TrimFunc(gap, unicode.IsSpace) != "" {
			t.Fatalf("non-space text %q between spans in %q", gap, text)
		}
		seg := text[s.Start:s.End]
		if first, _ := utf8.DecodeRuneInString(seg); unicode.IsSpace(first) {
			t.Fatalf("span %d %q starts with a space", i, seg)
		}
		if last, _ := utf8.DecodeLastRuneInString(seg); unicode.IsSpace(last) {
			t.Fatalf("span %d %q ends with a space", i, seg)
		}
		prev = s.End
	}
	if tail := text[prev:]; strings.TrimFunc(tail, unicode.IsSpace) != "" {
		t.Fatalf("non-space text %q after the last span in %q", tail, text)
	}
}

// checkIdempotent asserts that splitting a sentence yields the sentence.
func checkIdempotent(t testing.TB, sp *Splitter, text string, spans []Span) {
	t.Helper()
	for _, s := range spans {
		seg := text[s.Start:s.End]
		if got := sp.Split(seg); len(got) != 1 || got[0] != (Span{0, len(seg)}) {
			t.Fatalf("Split(%q) = %q, want the sentence itself (it came from %q)", seg, texts(seg, got), text)
		}
	}
}

func mustSplitter(t testing.TB, lang string) *Splitter {
	t.Helper()
	sp, err := NewSplitter(lang)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

func TestSplitFrench(t *testing.T) {
	sp := mustSplitter(t, "fr")
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"spaces only", "  \n\u00a0 ", nil},
		{"one sentence", "Le marché a ouvert en hausse.", []string{"Le marché a ouvert en hausse."}},
		{"trims", "  Le marché a ouvert.  Il a fermé.  ", []string{"Le marché a ouvert.", "Il a fermé."}},
		{"no final punctuation", "Le marché a ouvert. Il a fermé", []string{"Le marché a ouvert.", "Il a fermé"}},
		{"title", "Il a reçu M. Garnier hier.", []string{"Il a reçu M. Garnier hier."}},
		{"sentence-initial abbreviation", "Cf. le rapport annuel. Voir aussi p. 4.", []string{"Cf. le rapport annuel.", "Voir aussi p. 4."}},
		{"lower case after period", "Le taux est de 4 p. cent environ.", []string{"Le taux est de 4 p. cent environ."}},
		{"incise after question", "Qui paiera ? a demandé un élu.", []string{"Qui paiera ? a demandé un élu."}},
		{"exclamation then capital", "Quel gâchis ! La facture est lourde.", []string{"Quel gâchis !", "La facture est lourde."}},
		{"newline inside block", "Le vote est acquis.\nLe texte part au Sénat.", []string{"Le vote est acquis.", "Le texte part au Sénat."}},
		{"period glued to capital", "Le fichier config.Main est absent.", []string{"Le fichier config.Main est absent."}},
		{"ellipsis in brackets", "Il a dit que […] Le reste est illisible.", []string{"Il a dit que […] Le reste est illisible."}},
		{"cut at sentence start", "Le texte est long. (...) La fin manque.", []string{"Le texte est long.", "(...) La fin manque."}},
		{"bracket then period then lower case", "Il est parti (enfin). on respire.", []string{"Il est parti (enfin).", "on respire."}},
		{"plain word then lower case", "Le serveur a redémarré. on ignore pourquoi.", []string{"Le serveur a redémarré.", "on ignore pourquoi."}},
		{"abbreviation then lower case", "Il cite la fig. suivante et le vol. deux.", []string{"Il cite la fig. suivante et le vol. deux."}},
		{"unknown short word then lower case", "Voir le t. premier, la p. douze et X. le Grand.", []string{"Voir le t. premier, la p. douze et X. le Grand."}},
		{"quote closed then lower case", "Il a dit « c'est fini. » et il est parti.", []string{"Il a dit « c'est fini. » et il est parti."}},
		{"semicolon then starter", "La séance est levée ; Les députés quittent l'hémicycle.", []string{"La séance est levée ;", "Les députés quittent l'hémicycle."}},
		{"semicolon then name", "Le premier a démissionné ; Martin le remplace.", []string{"Le premier a démissionné ; Martin le remplace."}},
		{"semicolon then lower case", "Le premier a démissionné ; le second reste.", []string{"Le premier a démissionné ; le second reste."}},
		{"guillemet from an earlier sentence", "C'est fini. » Le chef a parlé.", []string{"C'est fini. »", "Le chef a parlé."}},
		{"straight quote closing after a space", `Il a dit : " On verra. " Puis il est parti.`, []string{`Il a dit : " On verra. "`, "Puis il est parti."}},
		{"straight quote opening after a space", `Tout est prêt. " On verra ", a-t-il dit.`, []string{"Tout est prêt.", `" On verra ", a-t-il dit.`}},
		{"digit after period", "Le score était de 2 à 1. 40 000 spectateurs ont assisté au match.", []string{"Le score était de 2 à 1.", "40 000 spectateurs ont assisté au match."}},
		{"list number opening the text", "2. Les risques", []string{"2. Les risques"}},
		{"invalid UTF-8", "Le fichier \xff est corrompu. Il faut le refaire.", []string{"Le fichier \xff est corrompu.", "Il faut le refaire."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := sp.Split(tt.in)
			checkSpans(t, tt.in, spans)
			if got := texts(tt.in, spans); !reflect.DeepEqual(got, tt.want) && len(got)+len(tt.want) > 0 {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			checkIdempotent(t, sp, tt.in, spans)
		})
	}
}

// splitCase is one input/want pair of a testdata/split file.
type splitCase struct {
	lang, input string
	want        []string
	line        int
}

// readCases parses a txtar-style file: a free comment, then sections
// "-- input --" and "-- want --" (one sentence per line) in pairs, and
// optionally "-- lang --" setting the language of the following cases
// (default: the file name up to its first '-', or "fr").
func readCases(t *testing.T, path string) []splitCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lang := "fr"
	if base, _, ok := strings.Cut(filepath.Base(path), "-"); ok && slices.Contains(Languages(), base) {
		lang = base
	}
	var (
		cases   []splitCase
		section string
		body    []string
		start   int
	)
	flush := func() {
		text := strings.Join(body, "\n")
		switch section {
		case "lang":
			lang = strings.TrimSpace(text)
		case "input":
			cases = append(cases, splitCase{lang: lang, input: text, line: start})
		case "want":
			if len(cases) == 0 || cases[len(cases)-1].want != nil {
				t.Fatalf("%s:%d: want without input", path, start)
			}
			cases[len(cases)-1].want = append([]string{}, body...)
		case "":
		default:
			t.Fatalf("%s:%d: unknown section %q", path, start, section)
		}
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") && len(line) > 6 {
			flush()
			section, body, start = strings.TrimSpace(line[3:len(line)-3]), nil, n
			continue
		}
		if section != "" {
			body = append(body, line)
		}
	}
	flush()
	for _, c := range cases {
		if c.want == nil {
			t.Fatalf("%s:%d: input without want", path, c.line)
		}
	}
	return cases
}

func TestSplitTestdata(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "split", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/split/*.txtar files (%v)", err)
	}
	for _, f := range files {
		for _, c := range readCases(t, f) {
			sp := mustSplitter(t, c.lang)
			spans := sp.Split(c.input)
			checkSpans(t, c.input, spans)
			if got := texts(c.input, spans); !reflect.DeepEqual(got, c.want) {
				t.Errorf("%s:%d [%s]: Split(%q)\n got %q\nwant %q", f, c.line, c.lang, c.input, got, c.want)
			}
			checkIdempotent(t, sp, c.input, spans)
		}
	}
}

func TestNewSplitter(t *testing.T) {
	for _, tag := range []string{"fr", "fr-CA", "FR", "fr_BE", "en-US", "de", "es-419", "it", "pt-BR", "zh-Hans", "ja"} {
		if _, err := NewSplitter(tag); err != nil {
			t.Errorf("NewSplitter(%q): %v", tag, err)
		}
	}
	_, err := NewSplitter("xx")
	if err == nil || !strings.Contains(err.Error(), "fr") || !strings.Contains(err.Error(), `"xx"`) {
		t.Errorf("NewSplitter(xx) error = %v, want one naming xx and listing the languages", err)
	}
	if _, err := NewSplitter(""); err == nil {
		t.Error("NewSplitter(\"\") succeeded, want an error")
	}
}

func TestLanguages(t *testing.T) {
	got := Languages()
	for _, want := range []string{"de", "en", "es", "fr", "it", "ja", "pt", "zh"} {
		if !slices.Contains(got, want) {
			t.Errorf("Languages() = %v, missing %q", got, want)
		}
	}
	if !slices.IsSorted(got) {
		t.Errorf("Languages() = %v, not sorted", got)
	}
	// Every shipped rule file must parse.
	for _, l := range got {
		if _, err := NewSplitter(l); err != nil {
			t.Errorf("rules for %s: %v", l, err)
		}
	}
}

func TestParseRulesErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[titles]\nM\n", "no terminators"},
		{"M\n", "x.rules:1: \"M\" outside any section"},
		{"[options]\nterminators = .\n[bogus]\n", "x.rules:3: unknown section [bogus]"},
		{"[options]\nterminators = .\n[titles\n", "x.rules:3: unterminated section header"},
		{"[options]\nfoo = .\n", "x.rules:2: unknown option \"foo\""},
		{"[options]\nterminators .\n", "x.rules:2: want key = value"},
		{"[options]\nordinal-dot = maybe\n", "x.rules:2: ordinal-dot"},
		{"[options]\nterminators = .\n[titles]\nM Mme\n", "x.rules:4: want one word per line"},
		{"[options]\nterminators = .\n[titles]\nM\xff\n", "x.rules:4: invalid UTF-8"},
	}
	for _, tt := range tests {
		_, err := parseRules(strings.NewReader(tt.in), "x.rules")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseRules(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
	r, err := parseRules(strings.NewReader("# c\n[options]\nterminators = . # comment\n[titles]\nDr # doctor\nn°#1\n"), "x.rules")
	if err != nil {
		t.Fatal(err)
	}
	if r.class('.')&cTerm == 0 || r.class('#') != 0 || r.word("Dr")&wTitle == 0 || r.word("n°#1")&wTitle == 0 {
		t.Errorf("comments not stripped as documented")
	}
}

func TestRulesWordCase(t *testing.T) {
	r, err := parseRules(strings.NewReader("[options]\nterminators = .\n[nonfinal]\ncf\naujourd’hui\n[titles]\nMme\n"), "x.rules")
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"cf": true, "Cf": true, "CF": false, "Mme": true, "mme": false, "aujourd'hui": true, "Aujourd’hui": true, "": false} {
		if got := r.word(w) != 0; got != want {
			t.Errorf("word(%q) listed = %v, want %v", w, got, want)
		}
	}
}

// TestSplitLinear feeds pathological inputs large enough that a quadratic
// splitter would time out, and checks the results.
func TestSplitLinear(t *testing.T) {
	sp := mustSplitter(t, "fr")
	const n = 1 << 19
	tests := []struct {
		name  string
		text  string
		spans int
	}{
		{"no punctuation", strings.Repeat("mot ", n), 1},
		{"periods", strings.Repeat(".", 4*n), 1},
		{"spaced periods", strings.Repeat(". ", n), 1},
		{"spaced ellipses", strings.Repeat("… ", n), 1},
		{"question marks", strings.Repeat("? ", n), 1},
		{"spaces", "Début." + strings.Repeat(" ", 4*n) + "Fin.", 2},
		{"nbsp", "Début." + strings.Repeat("\u00a0", n) + "Fin.", 2},
		{"initials", strings.Repeat("A. ", n), 1},
		{"sentences", strings.Repeat("Le. ", n), n},
		{"long word", strings.Repeat("a", 4*n) + ". on " + strings.Repeat("b", 4*n) + ".", 2},
		{"long word before lower case", strings.Repeat("a", 4*n) + ". " + strings.Repeat("b", 4*n) + ".", 2},
		{"long dotted word", strings.Repeat("a.", 2*n) + " " + strings.Repeat("b", 4*n) + ".", 1},
		{"guillemets", strings.Repeat("« Oui. » ", n/2), n / 2},
		{"closing guillemets", "Fin." + strings.Repeat(" »", n), 1},
		{"openers", "Fin. " + strings.Repeat("« ", n) + "Début.", 1},
		{"quotes", strings.Repeat(`" `, n) + "Fin.", 1},
		{"brackets", strings.Repeat("(...). ", n/2), 1},
		{"newlines", strings.Repeat("Le.\n", n), n},
		{"semicolons", strings.Repeat("; ", n), 1},
		{"semicolon starters", strings.Repeat("Fin ; Les ", n), n + 1},
		{"emoticons", strings.Repeat(":) ", n), 1},
		{"brackets before starters", strings.Repeat("x (ab) Les ", n/4), n/4 + 1},
		{"nested closing brackets", "x " + strings.Repeat(") ", n) + "Les", 1},
		{"emoticon sentences", strings.Repeat("Oui :) ", n/2), n / 2},
		{"quotes after exclamations", strings.Repeat(`Oui ! " `, n/2) + "Fin.", n/2 + 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := sp.Split(tt.text)
			if len(spans) != tt.spans {
				t.Errorf("got %d spans, want %d", len(spans), tt.spans)
			}
			if len(spans) > 0 && (spans[0].Start != strings.IndexFunc(tt.text, func(r rune) bool { return !unicode.IsSpace(r) })) {
				t.Errorf("first span starts at %d", spans[0].Start)
			}
		})
	}
}

// TestSplitLinearRules does the same for the rules of issue 17 and the
// other languages: each input repeats what one rule looks around.
func TestSplitLinearRules(t *testing.T) {
	const n = 1 << 18
	tests := []struct {
		lang, name string
		text       string
		spans      int
	}{
		{"fr", "scraped apostrophes", strings.Repeat(`l"a `, n) + ". Fin.", 2},
		{"fr", "datelines", strings.Repeat("PARIS (AFP) - ", n), 1},
		{"fr", "clock times", strings.Repeat("19:30. ", n), n},
		{"fr", "brackets around lower case", strings.Repeat("(ab. cd) ", n), 1},
		{"fr", "far open bracket", "(" + strings.Repeat("ab. cd ", n), n - 4*maxWord/len("ab. cd ")}, // the look back is bounded
		{"fr", "closing brackets before lower case", strings.Repeat("ab) cd. ef ", n), n + 1},
		{"de", "spaced abbreviations", strings.Repeat("z. B. ", n), 1},
		{"de", "roman ordinals", strings.Repeat("XVI. ", n), 1},
		{"de", "ordinals before lower case", strings.Repeat("am 3. und ", n), 1},
		{"es", "spaced abbreviations", strings.Repeat("EE. UU. ", n), 1},
		{"ja", "half-width exclamations", strings.Repeat("あ!", n), n},
		{"zh", "full stops in quotes", strings.Repeat("“好。”", n), n},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.name, func(t *testing.T) {
			if got := len(mustSplitter(t, tt.lang).Split(tt.text)); got != tt.spans {
				t.Errorf("got %d spans, want %d", got, tt.spans)
			}
		})
	}
}

func TestSplitConcurrent(t *testing.T) {
	sp := mustSplitter(t, "fr")
	text := "M. Roy est arrivé. Il repart demain. « Déjà ? » demanda Mme Roy."
	want := sp.Split(text)
	done := make(chan []Span)
	for range 8 {
		go func() { done <- sp.Split(text) }()
	}
	for range 8 {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent Split = %v, want %v", got, want)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", " ", "M. Dupont est là. Il part.", "« Tu viens ? » demanda-t-il.",
		"Et puis… Rien. (...) Fin.", "1. Un. 2. Deux.", "J.-P. Sartre. S.N.C.F. Le",
		"\xff\xfe. A", "今天。明天！", "「行こう！」と言った。", `Il a dit " Oui. " Non.`,
		"Fin. » Début.", "a.\u00a0» B", "¿Qué? ¡Sí!", "am 3. Oktober. Der",
		`l"État. " Oui "`, "PARIS (AFP) - La", "à 19:30. Les", "Roe c. Wade. Les", "(distr. da Palazzo)",
		"z. B. Der", "EE. UU. El", "XVI. reiste", "来ている!結婚", "“始。”唯心论", "``Wir.'' ``Ich",
		"Super :) Les plats ! ;-) Nous. ^^ ^^ A", `A : " B. C ! " D " e ! " F.`,
	} {
		f.Add(s, uint8(0))
	}
	langs := Languages()
	splitters := make([]*Splitter, len(langs))
	for i, l := range langs {
		splitters[i] = mustSplitter(f, l)
	}
	f.Fuzz(func(t *testing.T, text string, lang uint8) {
		sp := splitters[int(lang)%len(splitters)]
		spans := sp.Split(text)
		checkSpans(t, text, spans)
		checkIdempotent(t, sp, text, spans)
		if again := sp.Split(text); !reflect.DeepEqual(again, spans) {
			t.Fatalf("Split(%q) not deterministic", text)
		}
	})
}

// evalDir is the shared evaluation data, present only in the project's
// workspace, not in users' clones.
const evalDir = "../../shared/eval"

type evalCase struct {
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	Sentences []string `json:"sentences"`
}

func readEval(t *testing.T, name string) []evalCase {
	t.Helper()
	path := filepath.Join(evalDir, name)
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("skipping: %s not found (the shared evaluation data is not part of the repository)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []evalCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var c evalCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// squash removes whitespace, for comparing sentences of texts that hold runs
// of spaces.
func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func evalPassed(t *testing.T, name string) (passed, total int) {
	sp := mustSplitter(t, "fr")
	for _, c := range readEval(t, name) {
		spans := sp.Split(c.Text)
		checkSpans(t, c.Text, spans)
		got := texts(c.Text, spans)
		want := make([]string, len(c.Sentences))
		for i := range got {
			got[i] = squash(got[i])
		}
		for i := range want {
			want[i] = squash(c.Sentences[i])
		}
		total++
		if reflect.DeepEqual(got, want) {
			passed++
		} else {
			t.Logf("%s: got %q, want %q", c.ID, got, want)
		}
	}
	return passed, total
}

func TestEvalChallenge(t *testing.T) {
	if passed, total := evalPassed(t, "fr-challenge.jsonl"); passed != total {
		t.Errorf("fr-challenge: %d/%d cases pass, want all", passed, total)
	}
}

func TestEvalGoldenRules(t *testing.T) {
	// Three cases expect a split before a lower-case word ("Je suis
	// Chris. comment allez vous"), a debatable choice the brief allows
	// two misses for; lower-after handles them.
	if passed, total := evalPassed(t, "fr-golden-rules.jsonl"); passed < total-2 {
		t.Errorf("fr-golden-rules: %d/%d cases pass, want at least %d", passed, total, total-2)
	}
}
