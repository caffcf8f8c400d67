package glossary

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/trad-project/trad/internal/cputime"
)

// Issue 15's glossary of 1,000,000 terms (the scale of IATE's French–English
// export). The benchmarks below generate it once per test binary run, write
// it as TSV and TBX to a temporary folder, and measure loading and checking
// in fresh processes (TestGlossary1MHelper) so that each peak RSS is the
// work's own, not the generator's.

const terms1M = 1_000_000

var (
	gen1MOnce sync.Once
	gen1MDir  string // a temporary folder, removed by TestMain
	gen1MKeep string // $TRAD_GLOSSARY_1M_DIR, kept
	gen1MErr  error
)

// files1M returns the paths of the generated 1M-entry TSV and TBX files.
func files1M(b *testing.B) (tsv, tbx string) {
	if testing.Short() {
		b.Skip("1M-term glossary benchmarks skipped under -short")
	}
	gen1MOnce.Do(func() {
		// $TRAD_GLOSSARY_1M_DIR keeps the files (written once) for runs
		// of `trad glossary check` on them; else a temporary folder.
		if dir := os.Getenv("TRAD_GLOSSARY_1M_DIR"); dir != "" {
			gen1MKeep = dir
			if _, err := os.Stat(filepath.Join(dir, "1m.tbx")); err == nil {
				return
			}
			gen1MErr = write1M(dir, newsText(b))
			return
		}
		gen1MDir, gen1MErr = os.MkdirTemp("", "trad-gloss1m-")
		if gen1MErr != nil {
			return
		}
		gen1MErr = write1M(gen1MDir, newsText(b))
	})
	if gen1MErr != nil {
		b.Fatal(gen1MErr)
	}
	dir := gen1MDir
	if gen1MKeep != "" {
		dir = gen1MKeep
	}
	return filepath.Join(dir, "1m.tsv"), filepath.Join(dir, "1m.tbx")
}

// TestMain removes the generated 1M files after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if gen1MDir != "" {
		os.RemoveAll(gen1MDir)
	}
	os.Exit(code)
}

// write1M writes 1m.tsv (multi-language layout) and 1m.tbx (TBX 2008,
// written by Write from the TSV's entries) into dir.
func write1M(dir string, paras []string) error {
	tsv := filepath.Join(dir, "1m.tsv")
	f, err := os.Create(tsv)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	newIATE(paras).write(w, terms1M)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	g, warns, err := ReadFile(tsv)
	if err != nil || len(warns) > 0 || g.Len() != terms1M {
		return fmt.Errorf("generated TSV: %v, %d warnings (%v), %d entries", err, len(warns), warns, g.Len())
	}
	f, err = os.Create(filepath.Join(dir, "1m.tbx"))
	if err != nil {
		return err
	}
	w = bufio.NewWriterSize(f, 1<<20)
	if _, err := Write(w, g, FormatTBX, WriteOptions{}); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// iate generates IATE-like French–English entries: terms of one to six
// words (nouns, adjectives, "de"/"d'" complements, "à", articles), French
// with accents, elisions and ligatures, plural and feminine forms, a few
// names and acronyms, synonyms, homographs (the same term in two entries)
// and variants (case, hyphen, plural) of earlier terms.
type iate struct {
	r     *rand.Rand
	nouns []string // a large invented vocabulary plus the news text's words
	adjs  []string
	seen  []string // French terms written so far, for duplicates and variants
}

func newIATE(paras []string) *iate {
	g := &iate{r: rand.New(rand.NewSource(15))}
	var real []string
	seen := map[string]bool{}
	a := NewAnalyzer("fr")
	for _, p := range paras {
		for _, t := range a.appendTokens(nil, p) {
			if len(t.Fold) > 3 && !seen[t.Fold] && !a.funcs[t.Fold] {
				seen[t.Fold] = true
				real = append(real, t.Fold)
			}
		}
	}
	onsets := []string{"b", "br", "c", "ch", "cl", "cr", "d", "f", "fl", "g", "gr", "j", "l", "m", "n", "p", "pl", "pr", "r", "s", "st", "t", "tr", "v", ""}
	vowels := []string{"a", "e", "i", "o", "u", "a", "e", "i", "o", "ou", "au", "ai", "eu", "oi", "ie", "an", "on", "in"}
	accented := []string{"é", "é", "é", "è", "ê", "â", "î", "ô", "œu", "ï"}
	nounEnds := []string{"tion", "ment", "eur", "ité", "age", "ance", "ence", "isme", "ure", "ée", "ier", "oir", "ise", "at", "ème", "esse", "ade", "ion", "çon", "et"}
	adjEnds := []string{"al", "el", "ique", "aire", "if", "eux", "able", "ible", "ier", "é", "ant", "ent", "ien", "ain", "iste", "oire"}
	stem := func() string {
		var b strings.Builder
		for n := 1 + g.r.Intn(2); n > 0; n-- {
			if b.Len() > 0 || g.r.Intn(4) > 0 {
				b.WriteString(onsets[g.r.Intn(len(onsets))])
			}
			if g.r.Intn(6) == 0 {
				b.WriteString(accented[g.r.Intn(len(accented))])
			} else {
				b.WriteString(vowels[g.r.Intn(len(vowels))])
			}
		}
		return b.String()
	}
	uniq := map[string]bool{}
	add := func(list *[]string, w string) {
		if !uniq[w] && len(w) > 2 {
			uniq[w] = true
			*list = append(*list, w)
		}
	}
	for len(g.nouns) < 120_000 {
		add(&g.nouns, stem()+nounEnds[g.r.Intn(len(nounEnds))])
	}
	for len(g.adjs) < 40_000 {
		add(&g.adjs, stem()+adjEnds[g.r.Intn(len(adjEnds))])
	}
	// The news text's words: every fifth word is one, so text meets
	// candidates and hits as with a real termbase.
	for i := 0; i < len(real); i++ {
		g.nouns[i*5%len(g.nouns)] = real[i]
	}
	return g
}

// zipf picks an index in [0,n) with a skew: IATE reuses its common words
// ("système", "produit", "droit") in thousands of terms.
func (g *iate) zipf(n int) int {
	f := g.r.Float64()
	return int(f * f * f * float64(n))
}

func (g *iate) noun() string {
	w := g.nouns[g.zipf(len(g.nouns))]
	if g.r.Intn(6) == 0 {
		w = plural(w)
	}
	return w
}

func (g *iate) adj() string {
	w := g.adjs[g.zipf(len(g.adjs))]
	switch g.r.Intn(8) {
	case 0:
		w = plural(w)
	case 1:
		if !strings.HasSuffix(w, "e") {
			w += "e"
		}
	}
	return w
}

func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "al"):
		return w[:len(w)-2] + "aux"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"):
		return w
	}
	return w + "s"
}

func upperFirst(s string) string {
	r := []rune(s)
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

func startsVowel(w string) bool {
	return strings.ContainsRune("aeiouéèêâîôûœh", []rune(w)[0])
}

// term returns a new French term of one to six words.
func (g *iate) term() string {
	n := []int{1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6}[g.r.Intn(14)]
	var b strings.Builder
	b.WriteString(g.noun())
	for i := 1; i < n; i++ {
		switch k := g.r.Intn(20); {
		case k < 8 || i == n-1 && k < 19:
			b.WriteString(" ")
			b.WriteString(g.adj())
		case k < 19 && i < n-1:
			// A complement: "de la", "des", "du", "à", elided "d'".
			w := g.noun()
			if startsVowel(w) {
				b.WriteString([]string{" d'", " de l'", " d’"}[g.r.Intn(3)])
			} else {
				b.WriteString([]string{" de ", " de la ", " du ", " des ", " à ", " sur "}[g.r.Intn(6)])
				i++
			}
			b.WriteString(w)
		default:
			b.WriteString("-")
			b.WriteString(g.noun())
		}
	}
	t := b.String()
	switch g.r.Intn(40) {
	case 0: // a name: "Fonds européen de …"
		return upperFirst(t)
	case 1: // an acronym
		var a strings.Builder
		for k := 2 + g.r.Intn(4); k > 0; k-- {
			a.WriteByte(byte('A' + g.r.Intn(26)))
		}
		return a.String()
	}
	return t
}

// variant returns another spelling of an earlier term: capitalised,
// hyphens as spaces, or its head in the plural.
func (g *iate) variant(t string) string {
	switch g.r.Intn(3) {
	case 0:
		return upperFirst(t)
	case 1:
		if strings.Contains(t, "-") {
			return strings.ReplaceAll(t, "-", " ")
		}
	}
	head, rest, _ := strings.Cut(t, " ")
	return strings.TrimSpace(plural(head) + " " + rest)
}

var iateDomains = []string{"law", "finance", "agriculture", "environment", "health", "trade", "transport", "energy", "social questions", "international relations", "industry", "science", "education and communications", "EU institutions"}

// write writes a header and n entries in the multi-language TSV layout.
func (g *iate) write(w *bufio.Writer, n int) {
	w.WriteString("fr\ten\tdomain\tpos\tnote\n")
	for i := 0; i < n; i++ {
		var fr string
		switch k := g.r.Intn(100); {
		case k < 3 && len(g.seen) > 0: // a homograph of an earlier term
			fr = g.seen[g.r.Intn(len(g.seen))]
		case k < 6 && len(g.seen) > 0:
			fr = g.variant(g.seen[g.r.Intn(len(g.seen))])
		default:
			fr = g.term()
		}
		if len(g.seen) < 200_000 {
			g.seen = append(g.seen, fr)
		} else {
			g.seen[g.r.Intn(len(g.seen))] = fr
		}
		if g.r.Intn(10) == 0 {
			fr += SynonymSep + g.term()
		}
		head, _, _ := strings.Cut(fr, " ")
		en := fmt.Sprintf("%s concept %d", upperFirst(head), i)
		pos := "noun"
		note := ""
		if g.r.Intn(20) == 0 {
			note = "IATE reliability 3; see the entry's context"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", fr, en, iateDomains[g.r.Intn(len(iateDomains))], pos, note)
	}
}

// helper1M runs TestGlossary1MHelper for op on path in a fresh process
// and returns the figures it printed.
func helper1M(b *testing.B, op, path string) map[string]float64 {
	vals, out, err := cputime.ChildFigures("TestGlossary1MHelper", "TRAD_GLOSSARY_1M="+op+":"+path)
	if err != nil {
		b.Fatalf("%v\n%s", err, out)
	}
	if vals["entries"] != terms1M {
		b.Fatalf("helper output:\n%s", out)
	}
	return vals
}

// TestGlossary1MHelper is not a test: the 1M benchmarks run it in a
// process of its own ($TRAD_GLOSSARY_1M is "OP:PATH"): "load" reads the
// file, "matcher" also builds the fr→en matcher, "check" runs what
// `trad glossary check` runs (Open, then Duplicates).
func TestGlossary1MHelper(t *testing.T) {
	op, path, ok := strings.Cut(os.Getenv("TRAD_GLOSSARY_1M"), ":")
	if !ok {
		t.Skip("helper process only")
	}
	// $TRAD_GLOSSARY_1M_PROF=DIR writes cpu.out and heap.out there.
	prof := os.Getenv("TRAD_GLOSSARY_1M_PROF")
	if prof != "" {
		f, err := os.Create(filepath.Join(prof, "cpu.out"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	t0, c0 := time.Now(), cputime.Used()
	g, warns, err := Open(path)
	if err != nil || len(warns) > 0 {
		t.Fatal(err, len(warns))
	}
	load, loadCPU := time.Since(t0), cputime.Used()-c0
	fmt.Printf("entries=%d\nload-s=%.3f\nload-cpu-s=%.3f\n", g.Len(), load.Seconds(), loadCPU.Seconds())
	var m *Matcher
	switch op {
	case "matcher":
		t1, c1 := time.Now(), cputime.Used()
		m = NewMatcher(g, "fr", "en")
		fmt.Printf("matcher-s=%.3f\nmatcher-cpu-s=%.3f\nterms=%d\n", time.Since(t1).Seconds(), (cputime.Used() - c1).Seconds(), m.Terms())
	case "check":
		dups := Duplicates(g, "fr")
		fmt.Printf("dups=%d\n", len(dups))
	}
	total, cpu := time.Since(t0), cputime.Used()-c0
	rss := cputime.PeakRSS()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("total-s=%.3f\ncpu-s=%.3f\nrss-mb=%d\nheap-mb=%.0f\n", total.Seconds(), cpu.Seconds(), rss>>20, float64(ms.HeapAlloc)/(1<<20))
	if prof != "" {
		f, err := os.Create(filepath.Join(prof, "heap.out"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		pprof.WriteHeapProfile(f)
	}
	runtime.KeepAlive(g)
	runtime.KeepAlive(m)
}

// BenchmarkLoadTSV1M reads the generated 1M-entry TSV in a fresh process:
// load-s is the wall time of Open, peak-RSS-MB the process's peak.
func BenchmarkLoadTSV1M(b *testing.B) {
	tsv, _ := files1M(b)
	benchLoad1M(b, tsv)
}

// BenchmarkLoadTBX1M is BenchmarkLoadTSV1M for the same entries as TBX 2008.
func BenchmarkLoadTBX1M(b *testing.B) {
	_, tbx := files1M(b)
	benchLoad1M(b, tbx)
}

func benchLoad1M(b *testing.B, path string) {
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	var v map[string]float64
	for b.Loop() {
		v = helper1M(b, "load", path)
	}
	b.ReportMetric(v["load-s"], "load-s")
	b.ReportMetric(v["load-cpu-s"], "load-cpu-s")
	b.ReportMetric(v["rss-mb"], "peak-RSS-MB")
	b.ReportMetric(v["heap-mb"], "live-heap-MB")
	b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
}

// BenchmarkCheck1M runs what `trad glossary check` runs on the 1M TSV
// (Open, then Duplicates) in a fresh process.
func BenchmarkCheck1M(b *testing.B) {
	tsv, _ := files1M(b)
	var v map[string]float64
	for b.Loop() {
		v = helper1M(b, "check", tsv)
	}
	if v["dups"] == 0 {
		b.Fatal("the generated glossary has homographs: Duplicates found none")
	}
	b.ReportMetric(v["total-s"], "check-s")
	b.ReportMetric(v["cpu-s"], "check-cpu-s")
	b.ReportMetric(v["rss-mb"], "peak-RSS-MB")
	b.ReportMetric(v["dups"], "duplicates")
}

// BenchmarkMatch1M matches French news text against the 1M-term glossary
// (MB/s of text; cpu-MB/s per CPU second). The glossary and its matcher
// are built in this process for the loop; a fresh process builds them
// again once to report the build time and the peak RSS of an editor
// holding them (matcher-s, peak-RSS-MB).
func BenchmarkMatch1M(b *testing.B) {
	tsv, _ := files1M(b)
	v := helper1M(b, "matcher", tsv)
	g, _, err := Open(tsv)
	if err != nil {
		b.Fatal(err)
	}
	m := NewMatcher(g, "fr", "en")
	runtime.GC() // the build's garbage, not collected in the loop
	hits := benchMatch(b, m, newsText(b))
	b.ReportMetric(float64(hits), "hits")
	b.ReportMetric(v["matcher-s"], "matcher-s")
	b.ReportMetric(v["load-s"]+v["matcher-s"], "load+matcher-s")
	b.ReportMetric(v["rss-mb"], "peak-RSS-MB")
	b.ReportMetric(v["heap-mb"], "live-heap-MB")
}

// The generator must make what it promises: terms of one to six words,
// accents, elisions, homographs; and its TSV must load without warnings.
func TestIATEGenerator(t *testing.T) {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	newIATE(newsText(t)).write(w, 20000)
	w.Flush()
	g, warns, err := Read(&buf, "gen.tsv", FormatTSV)
	if err != nil || len(warns) > 0 || g.Len() != 20000 {
		t.Fatal(err, warns, g.Len())
	}
	a := NewAnalyzer("fr")
	words := map[int]int{}
	accents, elisions := 0, 0
	for _, e := range g.Entries() {
		for _, s := range e.Source("fr") {
			words[len(a.appendTokens(nil, s))]++
			if strings.ContainsAny(s, "éèêâîôûœç") {
				accents++
			}
			if strings.Contains(s, "d'") || strings.Contains(s, "d’") || strings.Contains(s, "l'") {
				elisions++
			}
		}
	}
	for n := 1; n <= 6; n++ {
		if words[n] == 0 {
			t.Errorf("no term of %d words: %v", n, words)
		}
	}
	if accents < 5000 || elisions < 500 {
		t.Errorf("%d terms with accents, %d with elisions", accents, elisions)
	}
	if d := Duplicates(g, "fr"); len(d) < 200 {
		t.Errorf("%d duplicate source terms, want homographs", len(d))
	}
}
