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

func benchSplit(b *testing.B, sp *Splitter, paras []string) {
	size := 0
	for _, p := range paras {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paras {
			sp.Split(p)
		}
	}
}

// BenchmarkSplitFrench splits about 10 MB of French news-like paragraphs.
func BenchmarkSplitFrench(b *testing.B) {
	benchSplit(b, mustSplitter(b, "fr"), frenchText(10<<20))
}

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
	benchSplit(b, mustSplitter(b, "fr"), paras)
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
