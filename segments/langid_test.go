package segments

import (
	"slices"
	"sort"
	"strings"
	"testing"
)

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Le gouvernement a présenté mardi son projet de budget pour l'année prochaine. Les syndicats dénoncent des économies sur les services publics.", "fr"},
		{"The government presented its budget plan for next year on Tuesday. Unions criticised the cuts to public services.", "en"},
		{"Die Bundesregierung hat am Dienstag ihren Haushaltsentwurf für das kommende Jahr vorgestellt. Die Gewerkschaften kritisieren die Kürzungen.", "de"},
		{"El Gobierno presentó el martes su proyecto de presupuestos para el próximo año. Los sindicatos critican los recortes en los servicios públicos.", "es"},
		{"Il governo ha presentato martedì il progetto di bilancio per il prossimo anno. I sindacati criticano i tagli ai servizi pubblici.", "it"},
		{"O governo apresentou na terça-feira o seu projeto de orçamento para o próximo ano. Os sindicatos criticam os cortes nos serviços públicos.", "pt"},
		{"政府星期二公布了明年的预算草案。工会批评对公共服务的削减。", "zh"},
		{"政府は火曜日に来年度の予算案を発表した。労働組合は公共サービスの削減を批判している。", "ja"},
		// Japanese with more kanji than kana: the detector's script count
		// says Han, the kana say Japanese.
		{"東京都知事選挙の告示日程が決定。都議会各会派代表者会議を開催予定、投票率向上対策検討会議設置。", "ja"},
	}
	for _, tt := range tests {
		got, conf := DetectLanguage(tt.text)
		if got != tt.want || conf < ClearConfidence {
			t.Errorf("DetectLanguage(%.40q) = %q, %.2f; want %q with confidence ≥ %.2f", tt.text, got, conf, tt.want, ClearConfidence)
		}
	}
}

func TestDetectLanguageUndecided(t *testing.T) {
	for _, text := range []string{"", "OK", "Paris, 3 mai", "12 345 678 — 90 %", strings.Repeat("!? ", 100)} {
		if got, conf := DetectLanguage(text); got != "" || conf != 0 {
			t.Errorf("DetectLanguage(%q) = %q, %.2f; want undecided", text, got, conf)
		}
	}
}

func TestDetectLanguageSample(t *testing.T) {
	// Only the first chunks vote: a French article followed by a long
	// German appendix is French, and the answer comes in bounded time.
	fr := strings.Repeat("Le gouvernement a présenté mardi son projet de budget pour l'année prochaine. ", 300)
	de := strings.Repeat("Die Bundesregierung hat am Dienstag ihren Haushaltsentwurf vorgestellt. ", 3000)
	if got, _ := DetectLanguage(fr + de); got != "fr" {
		t.Errorf("French then German = %q, want fr", got)
	}
	// A German article with a French quotation is German, with a
	// confidence that counts the dissenting chunk.
	mixed := de[:6000] + fr[:1200]
	got, conf := DetectLanguage(mixed)
	if got != "de" || conf >= 1 || conf < 0.5 {
		t.Errorf("German with a French quote = %q, %.2f; want de with confidence in [0.5, 1)", got, conf)
	}
}

func TestDetectLanguagesHaveRules(t *testing.T) {
	var tags []string
	for _, tag := range detectLangs {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	if !slices.Equal(tags, Languages()) {
		t.Errorf("detected languages %v, want those with rules %v", tags, Languages())
	}
}

// TestEvalDetectLanguage runs the detector on every paragraph of the shared
// development files: a clear answer (confidence ≥ ClearConfidence) must be
// right for all but 1 % of them, and every file as a whole is recognised.
func TestEvalDetectLanguage(t *testing.T) {
	for _, lang := range Languages() {
		name := map[string]string{"fr": "fr-ud-gsd-dev", "en": "en-ud-ewt-dev", "de": "de-ud-gsd-dev", "es": "es-ud-gsd-dev",
			"it": "it-ud-isdt-dev", "pt": "pt-ud-bosque-dev", "zh": "zh-ud-gsdsimp-dev", "ja": "ja-ud-gsd-dev"}[lang] + ".jsonl"
		cases := readEval(t, name)
		var all strings.Builder
		wrong := 0
		for _, c := range cases {
			all.WriteString(c.Text + "\n\n")
			if got, conf := DetectLanguage(c.Text); got != "" && got != lang && conf >= ClearConfidence {
				wrong++
				t.Logf("%s: %s (%.2f)", c.ID, got, conf)
			}
		}
		if wrong*100 > len(cases) {
			t.Errorf("%s: %d/%d paragraphs clearly detected as another language", name, wrong, len(cases))
		}
		if got, conf := DetectLanguage(all.String()); got != lang || conf < ClearConfidence {
			t.Errorf("%s as a whole = %q, %.2f; want %q", name, got, conf, lang)
		}
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	text := strings.Repeat("Le gouvernement a présenté mardi son projet de budget pour l'année prochaine. ", 2000)
	b.SetBytes(16 << 10) // what is read of it
	for b.Loop() {
		DetectLanguage(text)
	}
}

func TestLanguageName(t *testing.T) {
	for tag, want := range map[string]string{"de": "German", "de-AT": "German", "zh-Hans": "Chinese", "FR": "French", "nl": "Dutch", "fr_CA": "French", "sv": "sv", "": ""} {
		if got := LanguageName(tag); got != want {
			t.Errorf("LanguageName(%q) = %q, want %q", tag, got, want)
		}
	}
	for _, l := range Languages() {
		if LanguageName(l) == l {
			t.Errorf("LanguageName(%q) has no name", l)
		}
	}
}

func TestDocumentOtherLanguage(t *testing.T) {
	const de = "# Haushalt\n\nDie Bundesregierung hat am Dienstag ihren Haushaltsentwurf für das kommende Jahr vorgestellt. Die Gewerkschaften kritisieren die Kürzungen.\n\n```\nle code reste en français, il ne compte pas dans la détection du tout\n```\n"
	tests := []struct {
		text, lang, want string
		ok               bool
	}{
		{de, "fr", "de", true},
		{de, "de", "", false},
		{de, "de-AT", "", false},
		{"Le gouvernement a présenté mardi son projet de budget pour l'année prochaine.\n", "fr", "", false},
		{"Guten Tag.\n", "fr", "", false}, // too short to tell
	}
	for _, tt := range tests {
		doc, _, err := Read(strings.NewReader(tt.text), ReadOptions{Lang: tt.lang, Format: "markdown"})
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := doc.OtherLanguage(); got != tt.want || ok != tt.ok {
			t.Errorf("OtherLanguage(%.30q as %s) = %q, %v; want %q, %v", tt.text, tt.lang, got, ok, tt.want, tt.ok)
		}
	}
}
