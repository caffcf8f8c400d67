package qa

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNumbers(t *testing.T) {
	type n struct {
		text string
		kind NumberKind
		key  string
	}
	for _, tc := range []struct {
		lang, text string
		want       []n
	}{
		{"fr", "3,5 %", []n{{"3,5", Plain, "3.5"}}},
		// Other scripts' digits with their own marks: one number each.
		{"ar", "كان هناك ١٢٬٥٠٠ شخص", []n{{"١٢٬٥٠٠", Plain, "12500"}}},
		{"zh", "１２，５００人", []n{{"１２，５００", Plain, "12500"}}},
		{"en", "3.5%", []n{{"3.5", Plain, "3.5"}}},
		{"fr", "4 000 et 4\u00a0000 et 4\u202f000 et 4.000", []n{{"4 000", Plain, "4000"}, {"4\u00a0000", Plain, "4000"}, {"4\u202f000", Plain, "4000"}, {"4.000", Plain, "4000"}}},
		{"en", "4,000 and 1,234,567.5", []n{{"4,000", Plain, "4000"}, {"1,234,567.5", Plain, "1234567.5"}}},
		{"en", "3,5", []n{{"3,5", Plain, "3.5"}}},
		{"fr", "180 millions", []n{{"180 millions", Plain, "180000000"}}},
		{"en", "180 million", []n{{"180 million", Plain, "180000000"}}},
		{"fr", "50 milliards", []n{{"50 milliards", Plain, "50000000000"}}},
		{"en", "50 billion, €50bn, $5m, 5 m", []n{{"50 billion", Plain, "50000000000"}, {"50bn", Plain, "50000000000"}, {"5m", Plain, "5000000"}, {"5", Plain, "5"}}},
		{"fr", "1,5 Md€ et 3 M€", []n{{"1,5 Md", Plain, "1500000000"}, {"3 M", Plain, "3000000"}}},
		{"fr", "le 1er et le 2e", []n{{"1", Plain, "1"}, {"2", Plain, "2"}}},
		{"fr", "au XXIe siècle, la Ve République, François Ier, Le Monde", []n{{"XXIe", Spelled, "21"}, {"Ve", Spelled, "5"}, {"Ier", Spelled, "1"}}},
		{"fr", "le 14.05.2021 ou le 14/05/21", []n{{"14.05.2021", Date, "2021-5-14"}, {"14/05/21", Date, "2021-5-14"}}},
		{"en", "on 2021-05-14", []n{{"2021-05-14", Date, "2021-5-14"}}},
		{"en", "iOS 17.4.1", []n{{"17.4.1", Version, "17.4.1"}}},
		{"fr", "en 2020-2021, 10–15", []n{{"2020", Plain, "2020"}, {"2021", Plain, "2021"}, {"10", Plain, "10"}, {"15", Plain, "15"}}},
		{"fr", "En 2021 1 500 personnes", []n{{"2021", Plain, "2021"}, {"1 500", Plain, "1500"}}},
		{"en", "see https://x.org/2021/05 or @user42", nil},
		{"zh", "500亿美元", []n{{"500亿", Plain, "50000000000"}}},
		{"fr", "à 15 h, à 15 h 30, à 15h30, à 9\u00a0h\u00a015, à 15 heures 30", []n{{"15 h", Time, "t15:00"}, {"15 h 30", Time, "t15:30"}, {"15h30", Time, "t15:30"}, {"9\u00a0h\u00a015", Time, "t9:15"}, {"15 heures 30", Time, "t15:30"}}},
		{"fr", "15 hab., 30 h/24, 15 h 75, 100 h", []n{{"15", Plain, "15"}, {"30", Plain, "30"}, {"24", Plain, "24"}, {"15 h", Time, "t15:00"}, {"75", Plain, "75"}, {"100", Plain, "100"}}},
		{"en", "at 3 p.m., 3pm, 3:30 pm, 3.30pm, 12 a.m., 12 PM, 15:30", []n{{"3 p.m.", Time, "t15:00"}, {"3pm", Time, "t15:00"}, {"3:30 pm", Time, "t15:30"}, {"3.30pm", Time, "t15:30"}, {"12 a.m.", Time, "t0:00"}, {"12 PM", Time, "t12:00"}, {"15:30", Time, "t15:30"}}},
		{"en", "3.30 and 16:9 and 15:30:00 and 13 pm and 10:75", []n{{"3.30", Plain, "3.3"}, {"16", Plain, "16"}, {"9", Plain, "9"}, {"15", Plain, "15"}, {"30", Plain, "30"}, {"00", Plain, "0"}, {"13", Plain, "13"}, {"10", Plain, "10"}, {"75", Plain, "75"}}},
		{"en", "I am 3 am", []n{{"3 am", Time, "t3:00"}}},
	} {
		got := Numbers(tc.text, tc.lang)
		var gs []n
		for _, g := range got {
			gs = append(gs, n{g.Text, g.Kind, g.Key})
		}
		if len(gs) != len(tc.want) {
			t.Errorf("Numbers(%q, %s) = %+v, want %+v", tc.text, tc.lang, gs, tc.want)
			continue
		}
		for i := range gs {
			if w := tc.want[i]; gs[i] != w {
				t.Errorf("Numbers(%q, %s)[%d] = %+v, want %+v", tc.text, tc.lang, i, gs[i], w)
			}
		}
	}
}

// The languages tm and qa disagreed on (issue 15) write decimals with a
// comma, as CLDR has it (numfmt): "4.000" is four thousand in Indonesian.
func TestNumbersLocaleTable(t *testing.T) {
	for _, lang := range []string{"nn", "id", "vi"} {
		got := Numbers("3,5 % og 4.000 og 2.5", lang)
		if len(got) != 3 || got[0].Key != "3.5" || got[0].Foreign || got[1].Key != "4000" || got[2].Key != "2.5" || !got[2].Foreign {
			t.Errorf("%s: %+v", lang, got)
		}
		if f := formatNumber(12345.5, lang); !strings.HasSuffix(f, ",5") {
			t.Errorf("%s: formatNumber gives %q", lang, f)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		lang string
		want string
	}{
		{4000, "en", "4,000"}, {4000, "fr", "4000"}, {40000, "fr", "40\u202f000"}, {3.5, "fr", "3,5"},
		{1234567.25, "en", "1,234,567.25"}, {12, "de", "12"}, {12345, "de", "12.345"},
		{12345.5, "ru", "12\u00a0345,5"}, {12345.5, "id", "12.345,5"}, {12345.5, "ja", "12,345.5"},
	} {
		if got := formatNumber(tc.v, tc.lang); got != tc.want {
			t.Errorf("formatNumber(%v, %s) = %q, want %q", tc.v, tc.lang, got, tc.want)
		}
	}
}

func FuzzNumbers(f *testing.F) {
	for _, s := range []string{
		"3,5 %", "4 000", "4\u202f000,5", "1,234,567.89", "180 millions", "50bn", "€5m", "14.05.2021", "2021-05-14",
		"17.4.1", "XXIe", "1er", "500亿", "1.2.3.4.5", "9999999999999999999999999999999", "https://x.fr/1", "a@b.co 3",
		"1,", "1.", "1 ", "\xff3\xfe", "Ier\u00a0M",
	} {
		f.Add(s, "fr")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		prev := 0
		for _, n := range Numbers(s, lang) {
			if n.Start < prev || n.End <= n.Start || n.End > len(s) {
				t.Fatalf("Numbers(%q, %q): span [%d,%d) after %d, text of %d bytes", s, lang, n.Start, n.End, prev, len(s))
			}
			if s[n.Start:n.End] != n.Text {
				t.Fatalf("Numbers(%q): Text %q is not s[%d:%d]", s, n.Text, n.Start, n.End)
			}
			if n.Key == "" {
				t.Fatalf("Numbers(%q): %q has no key", s, n.Text)
			}
			prev = n.End
		}
		if utf8.ValidString(s) {
			// Checking a segment built from s must not panic either.
			_ = run(s, s+" "+s, "fr", lang, nil)
		}
	})
}

func TestSpelledNumbers(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		want       string // keys, space-separated
	}{
		{"fr", "les vingt-sept États", "27"},
		{"fr", "soixante-dix, soixante et onze, soixante-dix-sept", "70 71 77"},
		{"fr", "quatre-vingts, quatre-vingt-dix, quatre-vingt-dix-neuf", "80 90 99"},
		{"fr", "vingt et un, trente-et-un, dix-sept", "21 31 17"},
		{"fr", "deux cents, cent vingt-sept, deux mille vingt-quatre", "200 127 2024"},
		{"fr", "un quatorzième paquet", "1 14"},
		{"fr", "le vingt-septième, le vingt et unième, le centième", "27 21 100"},
		{"fr", "cinquième et neuvième, onzième", "5 9 11"},
		{"fr", "deux milliards, vingt-sept millions", "2000000000 27000000"},
		{"fr", "deux trois", "2 3"},      // not one number
		{"fr", "trois et quatre", "3 4"}, // "et" joins only a compound
		{"fr", "dix dix", "10 10"},       // ill-formed
		{"fr", "vingt, sept", "20 7"},    // a comma is not a hyphen
		{"en", "twenty-seven members", "27"},
		{"en", "the fourteenth package", "14"},
		{"en", "twenty-first, thirtieth", "21 30"},
		{"en", "one hundred and five, twenty-seven hundred", "105 2700"},
		{"en", "a twenty-seven member bloc", "1 27"}, // the article stays apart
		{"en", "two and three", "2 3"},
	} {
		var keys []string
		for _, n := range spelledNumbers(analyzer(tc.lang).Tokens(tc.text), tc.text, tc.lang) {
			if n.Kind != Spelled || n.Start < 0 || n.End > len(tc.text) || n.Start >= n.End {
				t.Errorf("%s %q: bad number %+v", tc.lang, tc.text, n)
			}
			keys = append(keys, n.Key)
		}
		if got := strings.Join(keys, " "); got != tc.want {
			t.Errorf("%s %q: got [%s] want [%s]", tc.lang, tc.text, got, tc.want)
		}
	}
}

func TestSpelledNumbersCheck(t *testing.T) {
	runCases(t, []checkCase{
		{"compound fr-en", "fr", "en", "Les vingt-sept États membres ont voté.", "The 27 member states voted.", ""},
		{"ordinal fr-en", "fr", "en", "Un quatorzième paquet de sanctions.", "A 14th package of sanctions.", ""},
		{"ordinal in words fr-en", "fr", "en", "Un quatorzième paquet de sanctions.", "A fourteenth package of sanctions.", ""},
		{"compound ordinal fr-en", "fr", "en", "Le vingt-septième sommet.", "The 27th summit.", ""},
		{"soixante-dix fr-en", "fr", "en", "Il y a soixante-dix ans.", "70 years ago.", ""},
		{"quatre-vingt-dix fr-en", "fr", "en", "Quatre-vingt-dix pays ont signé.", "90 countries signed.", ""},
		{"compound en-fr", "en", "fr", "The twenty-seven member states voted.", "Les 27 États membres ont voté.", ""},
		{"ordinal en-fr", "en", "fr", "The fourteenth package.", "Le 14e paquet.", ""},
		{"digits to words fr-en", "fr", "en", "Les 27 États membres.", "The twenty-seven member states.", ""},
		{"wrong compound fr-en", "fr", "en", "Les vingt-sept États membres ont voté.", "The 28 member states voted.", "numbers"},
		{"wrong ordinal fr-en", "fr", "en", "Un quatorzième paquet de sanctions.", "A 15th package of sanctions.", "numbers"},
		{"parts are not the whole fr-en", "fr", "en", "Les vingt-sept États membres.", "The 20 states and 7 members.", "numbers numbers"},
		{"soixante-dix is not 60 fr-en", "fr", "en", "Il y a soixante-dix ans.", "60 years ago.", "numbers"},
		{"wrong compound en-fr", "en", "fr", "The twenty-seven member states.", "Les 26 États membres.", "numbers"},
	})
}

func TestTimesCheck(t *testing.T) {
	runCases(t, []checkCase{
		{"hour fr-en", "fr", "en", "Le vote aura lieu à 15 h.", "The vote will take place at 3 p.m.", ""},
		{"hour 24h fr-en", "fr", "en", "Le vote aura lieu à 15 h.", "The vote will take place at 15:00.", ""},
		{"hour and minutes fr-en", "fr", "en", "Rendez-vous à 15 h 30.", "Meet at 3:30 pm.", ""},
		{"hour and minutes glued fr-en", "fr", "en", "Rendez-vous à 15h30.", "Meet at 15:30.", ""},
		{"ambiguous 12-hour fr-en", "fr", "en", "Rendez-vous à 15 h 30.", "Meet at 3:30.", ""},
		{"morning fr-en", "fr", "en", "Ouverture à 10 h 30.", "Opening at 10:30.", ""},
		{"morning am fr-en", "fr", "en", "Ouverture à 10 h 30.", "Opening at 10.30am.", ""},
		{"heures fr-en", "fr", "en", "Le sommet s'ouvre à 9 heures.", "The summit opens at 9 a.m.", ""},
		{"noon fr-en", "fr", "en", "Déjeuner à 12 h.", "Lunch at 12 p.m.", ""},
		{"duration fr-en", "fr", "en", "Le trajet dure 24 h.", "The journey takes 24 hours.", ""},
		{"duration en-fr", "en", "fr", "The journey takes 24 hours.", "Le trajet dure 24\u00a0h.", ""},
		{"wrong duration fr-en", "fr", "en", "Le trajet dure 2 h 30.", "The journey takes 3 hours 30 minutes.", "numbers"},
		{"duration with minutes fr-en", "fr", "en", "Le trajet dure 2 h 30.", "The journey takes 2 hours 30 minutes.", ""},
		{"duration in words fr-en", "fr", "en", "Le trajet dure 2 h.", "The journey takes two hours.", ""},
		{"hour en-fr", "en", "fr", "The vote is at 3 p.m.", "Le vote a lieu à 15\u00a0h.", ""},
		{"hour and minutes en-fr", "en", "fr", "Meet at 3:30 pm.", "Rendez-vous à 15\u00a0h\u00a030.", ""},
		{"24h en-fr", "en", "fr", "Meet at 15:30.", "Rendez-vous à 15h30.", ""},
		{"wrong hour fr-en", "fr", "en", "Le vote aura lieu à 15 h.", "The vote will take place at 4 p.m.", "numbers"},
		{"am for pm fr-en", "fr", "en", "Le vote aura lieu à 15 h.", "The vote will take place at 3 a.m.", "numbers"},
		{"wrong minutes fr-en", "fr", "en", "Rendez-vous à 15 h 30.", "Meet at 3:45 pm.", "numbers"},
		{"evening for morning fr-en", "fr", "en", "Ouverture à 10 h 30.", "Opening at 10:30 p.m.", "numbers"},
		{"bare hour fr-en", "fr", "en", "Le vote aura lieu à 15 h.", "The vote will take place at 3.", "numbers"},
		{"wrong hour en-fr", "en", "fr", "The vote is at 3 p.m.", "Le vote a lieu à 13\u00a0h.", "numbers"},
		{"pm read as morning en-fr", "en", "fr", "The vote is at 3 p.m.", "Le vote a lieu à 3\u00a0h.", "numbers"},
		{"missing time en-fr", "en", "fr", "The vote is at 3:30 pm.", "Le vote a lieu dans l'après-midi.", "numbers"},
	})
}
