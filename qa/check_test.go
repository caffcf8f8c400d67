package qa

import (
	"slices"
	"strings"
	"testing"

	"github.com/trad-project/trad/glossary"
	"github.com/trad-project/trad/segments"
)

// run checks one confirmed segment and returns the ids of its issues, sorted.
func run(src, tgt, from, to string, hits []glossary.Hit) []string {
	seg := segments.Segment{Source: src, Target: tgt, Status: segments.StatusTranslated}
	var ids []string
	for _, is := range Check(seg, Context{SourceLang: from, TargetLang: to, Hits: hits}) {
		ids = append(ids, is.Check)
	}
	slices.Sort(ids)
	return ids
}

type checkCase struct {
	name     string
	from, to string
	src, tgt string
	want     string // space-separated check ids, sorted; "" for none
}

func runCases(t *testing.T, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			seg := segments.Segment{Source: tc.src, Target: tc.tgt, Status: segments.StatusTranslated}
			issues := Check(seg, Context{SourceLang: tc.from, TargetLang: tc.to})
			var ids []string
			for _, is := range issues {
				ids = append(ids, is.Check)
				if is.Start < 0 || is.End < is.Start || is.End > len(tc.tgt) {
					t.Errorf("issue %v: span [%d,%d) outside target of %d bytes", is, is.Start, is.End, len(tc.tgt))
				}
			}
			slices.Sort(ids)
			if got := strings.Join(ids, " "); got != tc.want {
				t.Errorf("%s → %s\nsrc %q\ntgt %q\ngot  [%s]\nwant [%s]\n%v", tc.from, tc.to, tc.src, tc.tgt, got, tc.want, issues)
			}
		})
	}
}

func TestNumbersCheck(t *testing.T) {
	runCases(t, []checkCase{
		{"decimal fr-en", "fr", "en", "Le taux est de 3,5 %.", "The rate is 3.5%.", ""},
		{"decimal en-fr", "en", "fr", "The rate is 3.5%.", "Le taux est de 3,5\u00a0%.", ""},
		{"decimal changed fr-en", "fr", "en", "Le taux est de 3,5 %.", "The rate is 3.6%.", "numbers"},
		{"decimal kept as is fr-en", "fr", "en", "Le taux est de 3,5 %.", "The rate is 3,5%.", "number-format"},
		{"decimal kept as is en-fr", "en", "fr", "The rate is 3.5%.", "Le taux est de 3.5\u00a0%.", "number-format"},
		{"thousands nbsp fr-en", "fr", "en", "Il y a 4\u00a0000 postes.", "There are 4,000 jobs.", ""},
		{"thousands nnbsp fr-en", "fr", "en", "Il y a 4\u202f000 postes.", "There are 4,000 jobs.", ""},
		{"thousands space fr-en", "fr", "en", "Il y a 4 000 postes.", "There are 4,000 jobs.", ""},
		{"thousands en-fr", "en", "fr", "There are 4,000 jobs.", "Il y a 4\u202f000 postes.", ""},
		{"thousands comma kept en-fr", "en", "fr", "There are 4,000 jobs.", "Il y a 4,000 postes.", "numbers"},
		{"millions fr-en", "fr", "en", "180 millions d'habitants.", "180 million inhabitants.", ""},
		{"milliards fr-en", "fr", "en", "Un plan de 50 milliards d'euros.", "A €50 billion plan.", ""},
		{"milliards bn fr-en", "fr", "en", "Un plan de 50 milliards d'euros.", "A €50bn plan.", ""},
		{"milliards wrong fr-en", "fr", "en", "Un plan de 50 milliards d'euros.", "A €50 million plan.", "numbers"},
		{"billion en-fr", "en", "fr", "A $1.5 billion deal.", "Un accord de 1,5 milliard de dollars.", ""},
		{"billion kept en-fr", "en", "fr", "A $1.5 billion deal.", "Un accord de 1,5 billion de dollars.", "numbers"},
		{"trillion en-fr", "en", "fr", "Debt of $4 trillion.", "Une dette de 4\u00a0000 milliards de dollars.", ""},
		{"ordinal fr-en", "fr", "en", "Le 1er mai.", "On 1st May.", ""},
		{"ordinal en-fr", "en", "fr", "The 2nd round.", "Le 2e tour.", ""},
		{"ordinal word fr-en", "fr", "en", "Le 1er ministre.", "The first minister.", ""},
		{"roman century fr-en", "fr", "en", "Au XXIe siècle.", "In the 21st century.", ""},
		{"spelled en-fr", "en", "fr", "Three countries signed.", "3\u00a0pays ont signé.", ""},
		{"spelled fr-en", "fr", "en", "Les 3 pays ont signé.", "The three countries signed.", ""},
		{"missing en-fr", "en", "fr", "In 2021, 40 firms left.", "En 2021, des entreprises sont parties.", "numbers"},
		{"missing fr-en", "fr", "en", "En 2021, 40 entreprises sont parties.", "In 2021, firms left.", "numbers"},
		{"extra fr-en", "fr", "en", "Des entreprises sont parties.", "Some 40 firms left.", "numbers"},
		{"extra en-fr", "en", "fr", "Firms left.", "40 entreprises sont parties.", "numbers"},
		{"date dots fr-en", "fr", "en", "Signé le 14.05.2021.", "Signed on 14/05/2021.", ""},
		{"date US en", "fr", "en", "Signé le 14/05/2021.", "Signed on 05/14/2021.", ""},
		{"date words fr-en", "fr", "en", "Signé le 14.05.2021.", "Signed on 14 May 2021.", ""},
		{"date words en-fr", "en", "fr", "Signed on May 14, 2021.", "Signé le 14/05/2021.", ""},
		{"date wrong fr-en", "fr", "en", "Signé le 14.05.2021.", "Signed on 14 June 2021.", "numbers"},
		{"version fr-en", "fr", "en", "Avec iOS 17.4.1 et GPT-3.5.", "With iOS 17.4.1 and GPT-3.5.", ""},
		{"version fr target", "en", "fr", "With GPT-3.5 and Web 2.0.", "Avec GPT-3.5 et le Web 2.0.", ""},
		{"url numbers ignored", "fr", "en", "Voir https://ex.fr/2021/05.", "See https://ex.fr/2021/05.", ""},
		{"percent points en-fr", "en", "fr", "Up 0.5 points to 12%.", "En hausse de 0,5\u00a0point, à 12\u00a0%.", ""},
		{"year range en", "fr", "en", "Sur la période 2019-2020.", "Over 2019–20.", ""},
		{"year range wrong", "fr", "en", "Sur la période 2019-2021.", "Over 2019–20.", "numbers"},
		{"million as m en-fr", "en", "fr", "Some 1.2m people.", "Quelque 1,2 million de personnes.", ""},
		{"metres stay metres en-fr", "en", "fr", "A 1.2m wall.", "Un mur de 1,2 m.", ""},
		{"tripled fr-en", "fr", "en", "Les prix ont été multipliés par 3.", "Prices tripled.", ""},
		{"millier en-fr", "en", "fr", "Over 1,000 engineers.", "Plus d'un millier d'ingénieurs.", ""},
		{"chinese scale", "fr", "zh", "Un plan de 50 milliards.", "一项500亿的计划。", ""},
	})
}

func TestIdenticalCheck(t *testing.T) {
	runCases(t, []checkCase{
		{"sentence fr-en", "fr", "en", "Le marché a chuté.", "Le marché a chuté.", "identical"},
		{"sentence en-fr", "en", "fr", "The market fell.", "The market fell.", "identical"},
		{"name fr-en", "fr", "en", "Emmanuel Macron", "Emmanuel Macron", ""},
		{"name with particle en-fr", "en", "fr", "Charles de Gaulle", "Charles de Gaulle", ""},
		{"codes and numbers", "fr", "en", "GPT-4, H100 et 5G", "GPT-4, H100 et 5G", "identical"},
		{"acronyms", "en", "fr", "NVIDIA H100", "NVIDIA H100", ""},
		{"url", "fr", "en", "https://example.org/rapport", "https://example.org/rapport", ""},
		{"number", "en", "fr", "2021", "2021", ""},
	})
}

func TestLinksCheck(t *testing.T) {
	runCases(t, []checkCase{
		{"url kept fr-en", "fr", "en", "Voir https://ex.fr/a?b=1.", "See https://ex.fr/a?b=1.", ""},
		{"url changed fr-en", "fr", "en", "Voir https://ex.fr/rapport.", "See https://ex.fr/report.", "links"},
		{"url missing en-fr", "en", "fr", "See www.example.com for details.", "Voir le site pour les détails.", "links"},
		{"email kept en-fr", "en", "fr", "Write to press@example.com.", "Écrivez à press@example.com.", ""},
		{"email changed fr-en", "fr", "en", "Écrivez à presse@example.com.", "Write to press@example.com.", "links"},
		{"handle kept fr-en", "fr", "en", "Selon @trad_project, c'est fini.", "According to @trad_project, it is over.", ""},
		{"handle changed en-fr", "en", "fr", "Follow @OpenAI.", "Suivez @Open_AI.", "links"},
		{"url in parentheses", "fr", "en", "(voir https://ex.fr/a_(b))", "(see https://ex.fr/a_(b))", ""},
	})
}

func TestPunctuationChecks(t *testing.T) {
	runCases(t, []checkCase{
		{"final kept fr-en", "fr", "en", "Pourquoi\u00a0?", "Why?", ""},
		{"final lost fr-en", "fr", "en", "Pourquoi\u00a0?", "Why", "final-punct"},
		{"final changed en-fr", "en", "fr", "Why?", "Pourquoi.", "final-punct"},
		{"final ellipsis en-fr", "en", "fr", "And then...", "Et puis…", ""},
		{"final inside quotes fr-en", "fr", "en", "Il a dit «\u00a0non\u00a0».", "He said \"no.\"", ""},
		{"final colon en-fr", "en", "fr", "Three reasons:", "Trois raisons\u00a0:", ""},
		{"final added en-fr", "en", "fr", "Introduction", "Introduction.", "final-punct"},
		{"final chinese", "fr", "zh", "Le marché a chuté.", "市场下跌了。", ""},
		{"quotes balanced fr-en", "fr", "en", "Il parle de «\u00a0souveraineté\u00a0».", "He speaks of “sovereignty”.", ""},
		{"quotes unbalanced fr-en", "fr", "en", "Il parle de «\u00a0souveraineté\u00a0».", "He speaks of “sovereignty.", "brackets"},
		{"quote spans segments en-fr", "en", "fr", "“We will win.", "«\u00a0Nous gagnerons.", ""},
		{"paren unbalanced en-fr", "en", "fr", "The EU (and the UK) agreed.", "L'UE (et le Royaume-Uni a accepté.", "brackets"},
		{"paren stray fr-en", "fr", "en", "L'UE a accepté.", "The EU) agreed.", "brackets"},
		{"straight quotes", "fr", "en", "Le mot «\u00a0cloud\u00a0» est partout.", "The word \"cloud\" is everywhere.", ""},
		{"double space fr-en", "fr", "en", "Le marché a chuté.", "The market  fell.", "double-space"},
		{"double space en-fr", "en", "fr", "The market fell.", "Le marché  a chuté.", "double-space"},
		{"leading space", "fr", "en", "Le marché a chuté.", " The market fell.", "edge-space"},
		{"trailing space en-fr", "en", "fr", "The market fell.", "Le marché a chuté. ", "edge-space"},
		{"repeated en", "fr", "en", "Le marché a chuté.", "The the market fell.", "repeated-word"},
		{"repeated fr", "en", "fr", "The market fell.", "Le marché a a chuté.", "repeated-word"},
		{"vous vous", "en", "fr", "You were wrong.", "Vous vous êtes trompés.", ""},
		{"nous nous", "en", "fr", "We met.", "Nous nous sommes rencontrés.", ""},
		{"de de Gaulle", "en", "fr", "De Gaulle's policy.", "La politique de de Gaulle.", ""},
		{"had had", "fr", "en", "Il avait eu raison.", "He had had a point.", ""},
		{"que que", "en", "fr", "He said that it failed.", "Il a dit que que cela avait échoué.", "repeated-word"},
		{"names repeated", "fr", "en", "Bora Bora est loin.", "Bora Bora is far away.", ""},
		{"repeat across comma", "en", "fr", "Him, him again.", "Lui, lui encore.", ""},
	})
}

func TestTypographyChecks(t *testing.T) {
	runCases(t, []checkCase{
		{"nbsp ok", "en", "fr", "Why? Here: yes; no!", "Pourquoi\u00a0? Ici\u00a0: oui\u00a0; non\u00a0!", ""},
		{"nnbsp ok", "en", "fr", "Why? Here: yes; no!", "Pourquoi\u202f? Ici\u00a0: oui\u202f; non\u202f!", ""},
		{"missing space before ?", "en", "fr", "Why?", "Pourquoi?", "fr-spacing"},
		{"breaking space before :", "en", "fr", "Three reasons:", "Trois raisons :", "fr-spacing"},
		{"guillemets ok", "en", "fr", "The “cloud”.", "Le «\u202fcloud\u202f».", ""},
		{"guillemets no space", "en", "fr", "The “cloud”.", "Le «cloud».", "fr-spacing fr-spacing"},
		{"guillemets breaking space", "en", "fr", "The “cloud”.", "Le « cloud ».", "fr-spacing fr-spacing"},
		{"time not spaced", "en", "fr", "At 14:30.", "À 14:30.", ""},
		{"url colon", "en", "fr", "See https://ex.org.", "Voir https://ex.org.", ""},
		{"interrobang", "en", "fr", "Really?!", "Vraiment\u00a0?!", ""},
		{"stray nbsp fr-en", "fr", "en", "Pourquoi\u00a0?", "Why\u00a0?", "stray-space"},
		{"stray nnbsp fr-en", "fr", "en", "Trois raisons\u202f:", "Three reasons\u202f:", "stray-space"},
		{"stray space fr-en", "fr", "en", "Vraiment\u00a0!", "Really !", "stray-space"},
		{"stray nbsp in quotes fr-en", "fr", "en", "Le «\u00a0cloud\u00a0».", "The “\u00a0cloud\u00a0”.", "stray-space stray-space"},
		{"clean en", "fr", "en", "Pourquoi\u00a0? Parce que\u00a0: oui.", "Why? Because: yes.", ""},
		{"smiley", "fr", "en", "Bravo\u00a0!", "Well done :)", "final-punct"},
	})
}

func TestEmptyAndDraft(t *testing.T) {
	for _, tc := range []struct {
		seg  segments.Segment
		want string
	}{
		{segments.Segment{Source: "Bonjour.", Status: segments.StatusNew}, "untranslated"},
		{segments.Segment{Source: "Bonjour.", Status: segments.StatusTranslated, Target: " "}, "empty"},
		{segments.Segment{Source: "Bonjour.", Status: segments.StatusReviewed}, "empty"},
		{segments.Segment{Source: "Bonjour.", Status: segments.StatusDraft, Target: "Hello."}, "draft"},
		{segments.Segment{Source: "Bonjour.", Status: segments.StatusTranslated, Target: "Hello."}, ""},
	} {
		var ids []string
		for _, is := range Check(tc.seg, Context{SourceLang: "fr", TargetLang: "en"}) {
			ids = append(ids, is.Check)
		}
		if got := strings.Join(ids, " "); got != tc.want {
			t.Errorf("%+v: got [%s], want [%s]", tc.seg, got, tc.want)
		}
	}
}

// TestQuoteStyle: French or German quotation marks carried into an English
// or Chinese target are reported once a segment; languages that use them
// (Spanish, Italian, German) are not checked.
func TestQuoteStyle(t *testing.T) {
	for _, c := range []struct {
		src, tgt, lang string
		want           string // the message, "" for none
	}{
		{"un « paquet de sanctions »", "a « sanctions package »", "en", `'«' is not a quotation mark of English: use “ ” (‘ ’ inside)`},
		{"un « paquet de sanctions »", "a “sanctions package”", "en", ""},
		{"un « paquet » et « deux »", "„ein Paket“", "en", `'„' is not a quotation mark of English: use “ ” (‘ ’ inside)`},
		{"un « paquet de sanctions »", "un « paquete de sanciones »", "es", ""},
		{"un « paquet de sanctions »", "ein „Sanktionspaket“", "de", ""},
		{"un « paquet de sanctions »", "一个«制裁方案»", "zh", `'«' is not a quotation mark of Chinese: use “ ” or 「」`},
	} {
		var got []string
		for _, is := range Check(segments.Segment{Source: c.src, Target: c.tgt, Status: segments.StatusTranslated}, Context{SourceLang: "fr", TargetLang: c.lang}) {
			if is.Check == CheckQuoteStyle {
				got = append(got, is.Message)
			}
		}
		want := []string{}
		if c.want != "" {
			want = append(want, c.want)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s %q: got %q, want %q", c.lang, c.tgt, got, want)
		}
	}
}
