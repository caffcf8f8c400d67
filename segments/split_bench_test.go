package segments

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchSentences are French news-like sentences written for trad's
// benchmarks; they exercise the rules (titles, abbreviations, numbers,
// quotes, ellipses) in proportions close to real articles.
var benchSentences = []string{
	"Le gouvernement a présenté mardi son projet de loi sur la souveraineté numérique.",
	"Selon M. Lefort, directeur de l'agence, les données des administrations doivent rester hébergées en Europe.",
	"Les opérateurs ont déjà investi env. 12 milliards d'euros dans la 5G, soit 3,5 % de leur chiffre d'affaires.",
	"« Nous ne céderons pas », a déclaré la ministre à l'issue du Conseil.",
	"La plateforme a été suspendue dans trois pays (Inde, Turquie, Russie) depuis le 14.05.2021.",
	"Le texte (cf. art. 7, p. 23) prévoit des sanctions pouvant atteindre 4 % du chiffre d'affaires mondial.",
	"Pourquoi maintenant ? La pénurie de semi-conducteurs a révélé la dépendance du continent.",
	"Les usines de Taïwan, de Corée, du Japon, etc. fournissent l'essentiel des puces avancées.",
	"Mme Okafor, p.-d.g. du groupe, s'est dite « confiante… mais vigilante ».",
	"La réunion du G7 s'ouvrira à 10 h 30 ; J.-M. Dubreuil y représentera la France.",
	"Les sanctions visent aussi des filiales aux U.S.A. et au Royaume-Uni.",
	"Le débat reste ouvert… Les industriels attendent des règles claires.",
	"Rendez-vous sur www.exemple-souverainete.fr pour consulter le rapport complet.",
	"— Faut-il craindre une fragmentation d'Internet ? — Oui, répond le Pr Nakamura, si rien ne change.",
	"Le Dr Benali rappelle que la S.N.C.F. a migré ses serveurs dès 2019.",
}

// frenchText builds about size bytes of paragraphs of benchSentences, in a
// varying order so that paragraphs differ.
func frenchText(size int) []string {
	var paras []string
	var b strings.Builder
	total, k := 0, 0
	for total < size {
		b.Reset()
		n := 3 + k%5
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(benchSentences[(k*7+i*3)%len(benchSentences)])
		}
		k++
		paras = append(paras, b.String())
		total += b.Len() + 2
	}
	return paras
}

// benchSplit splits paras[i] with sps[i], for each i.
func benchSplit(b *testing.B, sps []*Splitter, paras [][]string) {
	size := 0
	for _, ps := range paras {
		for _, p := range ps {
			size += len(p)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, sp := range sps {
			for _, p := range paras[i] {
				sp.Split(p)
			}
		}
	}
}

// BenchmarkSplitFrench splits about 10 MB of French news-like paragraphs.
func BenchmarkSplitFrench(b *testing.B) {
	benchSplit(b, []*Splitter{mustSplitter(b, "fr")}, [][]string{frenchText(10 << 20)})
}

// benchOther are news-like sentences in the other languages, written for
// trad's benchmarks, with the abbreviations, ordinals and quotes their
// rules look at.
var benchOther = map[string][]string{
	"de": {
		"Die Bundesregierung hat am 3. Oktober ihren Haushaltsentwurf vorgestellt.",
		"Viele Länder, z. B. Frankreich, stimmten zu; die Kosten liegen bei ca. 5 Mrd. Euro.",
		"„Wir sind bereit“, sagte Dr. Müller. Der 2. Weltkrieg endete 1945.",
		"Papst Benedikt XVI. reiste u. a. nach Bayern (s. S. 12, Nr. 5).",
	},
	"es": {
		"El Sr. García y la Sra. López llegaron a EE. UU. el 1.º de mayo.",
		"¿Vienes mañana? ¡Claro que sí! Compró pan, leche, etc. y volvió.",
		"El disco salió con Warner Bros. Records en 2003 (n. 1950).",
	},
	"it": {
		"Si applica la l. 633/1941; il d.lgs. 196/2003 tutela i dati personali.",
		"Il Sig. Rossi e il dott. Bianchi sono arrivati. La riunione è iniziata.",
	},
	"pt": {
		"O Sr. Silva chegou às 19h30. «Estamos prontos», disse ele.",
		"O governo apresentou o orçamento; a oposição criticou os cortes.",
	},
	"en": {
		"Mr. Smith met Dr. Jones in the U.S. capital at 10 a.m. on Monday.",
		"The court ruled in Roe v. Wade. It was 1973, e.g. long ago.",
	},
	"zh": {
		"政府星期二公布了明年的预算草案。工会批评对公共服务的削减！",
		"据记载：“淡水开垦，自奇里岸始。”唯心论直接相对于唯物论。",
	},
	"ja": {
		"政府は火曜日に来年度の予算案を発表した。労働組合は批判している!",
		"「すごい！」と言った。本当かな?2008年に入った。",
	},
}

// otherText builds about size bytes of paragraphs per language of langs,
// for the splitter of each language.
func otherText(b *testing.B, langs []string, size int) (sps []*Splitter, paras [][]string) {
	for _, l := range langs {
		sents := benchOther[l]
		var ps []string
		for total, k := 0, 0; total < size/len(langs); k++ {
			var p strings.Builder
			for i := 0; i < 3+k%4; i++ {
				if i > 0 {
					p.WriteByte(' ')
				}
				p.WriteString(sents[(k+i)%len(sents)])
			}
			ps = append(ps, p.String())
			total += p.Len() + 2
		}
		sps = append(sps, mustSplitter(b, l))
		paras = append(paras, ps)
	}
	return sps, paras
}

func benchFamily(b *testing.B, langs ...string) {
	sps, paras := otherText(b, langs, 8<<20)
	benchSplit(b, sps, paras)
}

// BenchmarkSplitLatin splits about 8 MB of German, Spanish, Italian,
// Portuguese and English news-like paragraphs, each with its rules.
func BenchmarkSplitLatin(b *testing.B) { benchFamily(b, "de", "es", "it", "pt", "en") }

// BenchmarkSplitCJK splits about 8 MB of Chinese and Japanese paragraphs.
func BenchmarkSplitCJK(b *testing.B) { benchFamily(b, "zh", "ja") }

// BenchmarkSplitFrenchUD splits the UD French-GSD paragraphs of the shared
// evaluation data, repeated to about 10 MB (skipped when absent).
func BenchmarkSplitFrenchUD(b *testing.B) {
	path := filepath.Join(evalDir, "fr-ud-gsd-dev.jsonl")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("skipping: %v (the shared evaluation data is not part of the repository)", err)
	}
	defer f.Close()
	var base []string
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c evalCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		base = append(base, c.Text)
		size += len(c.Text)
	}
	if size == 0 {
		b.Skipf("skipping: %s is empty", path)
	}
	var paras []string
	for total := 0; total < 10<<20; total += size {
		paras = append(paras, base...)
	}
	benchSplit(b, []*Splitter{mustSplitter(b, "fr")}, [][]string{paras})
}

// BenchmarkSplitPathological shows linear scaling: compare the ns/op of
// the 1 MB and 4 MB sizes (MB/s should stay about the same).
func BenchmarkSplitPathological(b *testing.B) {
	sp := mustSplitter(b, "fr")
	inputs := map[string]func(n int) string{
		"nopunct":  func(n int) string { return strings.Repeat("abcdefg ", n/8) },
		"periods":  func(n int) string { return strings.Repeat(".", n) },
		"spaced":   func(n int) string { return strings.Repeat(". ", n/2) },
		"spaces":   func(n int) string { return "Début." + strings.Repeat(" ", n) + "Fin." },
		"initials": func(n int) string { return strings.Repeat("A. ", n/3) },
	}
	for _, name := range []string{"nopunct", "periods", "spaced", "spaces", "initials"} {
		for _, mb := range []int{1, 4} {
			text := inputs[name](mb << 20)
			b.Run(fmt.Sprintf("%s/%dMB", name, mb), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					sp.Split(text)
				}
			})
		}
	}
}
