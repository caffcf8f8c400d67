package tui

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/trad-project/trad/segments"
	"golang.org/x/text/language"
)

// wrapCorpus is text a target cell holds: French prose, CJK, emoji, long
// words, double spaces, lines ending in spaces, several paragraphs.
var wrapCorpus = []string{
	"",
	"Le gouvernement a publié mardi un rapport sur l'intelligence artificielle.",
	"Selon ce document, les centres de données consomment de plus en plus d'électricité.",
	"La souveraineté numérique devient une priorité.",
	"Les négociations reprendront à l'automne, a indiqué un diplomate européen sous couvert d'anonymat.",
	"anticonstitutionnellement anticonstitutionnellement anticonstitutionnellement",
	"Le mot intergouvernementalisations est long, très long, vraiment très long.",
	"Deux  espaces  entre  les  mots,  partout  dans  la  phrase  qui  suit.",
	"Trois   espaces   ici   et   là   pour   voir   ce   qui   se   passe   ensuite.",
	"Une ligne qui finit par des espaces      ",
	"   Un retrait au début du paragraphe, puis du texte qui continue assez loin.",
	"人工智能正在改变世界，数据中心消耗越来越多的电力。政府发布了一份报告。",
	"AI 人工智能 model 数据中心 consomment 电力 beaucoup.",
	"東京都は火曜日に人工知能に関する報告書を発表しました。",
	"인공지능이 세상을 바꾸고 있습니다. 데이터 센터는 점점 더 많은 전기를 소비합니다.",
	"Bravo 👍 bien joué 🎉🎉 et merci 🙏🏽 pour tout 👨‍👩‍👧 le travail accompli.",
	"🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉",
	"Première ligne du texte.\nDeuxième ligne, un peu plus longue que la première pour voir.",
	"a\n\nb",
	"x",
	"https://example.org/un/chemin/tres/long/vers/une/page/qui/ne/finit/jamais.html",
	"« Guillemets » et tirets — cadratins – demi-cadratins… points de suspension.",
	"L'État français et l'Europe : 12 345,67 € de budget, soit 3,5 % de plus.",
	"Ĳssel Œuvre Ærø naïve façade cœur Straße İstanbul ıslak.",
}

// textareaRows is the number of display lines the editor's textarea
// really draws for text at width: its View, with the end-of-buffer lines
// marked so they can be told from blank lines of text.
func textareaRows(t *testing.T, text string, width int) int {
	t.Helper()
	keys := DefaultKeyMap()
	st := MonoStyles()
	ed := newEditor(&keys.Edit, &st, testDoc())
	ed.setWidth(width)
	ed.ta.EndOfBufferCharacter = '~'
	ed.open(0, text)
	ed.ta.SetHeight(utf8.RuneCountInString(text) + 2)
	n := 0
	for _, l := range strings.Split(ed.ta.View(), "\n") {
		if strings.HasPrefix(l, "~") {
			break
		}
		n++
	}
	return n
}

// corpusDoc is a document with one paragraph per corpus text, the text
// as its segment's target.
func corpusDoc() *segments.Document {
	doc := &segments.Document{SourceLang: language.French, TargetLang: language.English, SourcePath: "corpus.fr.md", Format: "markdown"}
	for i, text := range wrapCorpus {
		src := fmt.Sprintf("Phrase source numéro %d.", i+1)
		doc.Blocks = append(doc.Blocks, segments.Block{Kind: segments.KindParagraph, Text: src, First: i, Count: 1})
		doc.Segments = append(doc.Segments, segments.Segment{Index: i, Block: i, End: len(src), Source: src, Target: text, Status: segments.StatusDraft})
	}
	return doc
}

// TestTargetRowMatchesTextarea: the table draws each target cell in as many
// lines as the editor's textarea really shows for it (its View), at every
// window width from stacked to wide, so a row never changes height when the
// editor opens; opening the editor confirms it on a sample.
func TestTargetRowMatchesTextarea(t *testing.T) {
	doc := corpusDoc()
	h := newHarness(t, doc, Options{})
	widths := map[int]bool{}
	type key struct {
		text  string
		width int
	}
	real := map[key]int{} // textareaRows, computed once per text and width
	for win := 30; win <= 220; win++ {
		if win > 160 && win%5 != 0 {
			continue
		}
		h.send(tea.WindowSizeMsg{Width: win, Height: 60})
		for i, text := range wrapCorpus {
			w := h.m.table.editWidth(i)
			widths[w] = true
			got := max(len(h.m.table.entry(i).tgt), 1)
			want, ok := real[key{text, w}]
			if !ok {
				want = textareaRows(t, text, w)
				real[key{text, w}] = want
			}
			if got != want {
				t.Errorf("window %d, target %q at width %d: the table draws %d lines, the textarea %d", win, text, w, got, want)
			}
			if win%30 != 1 {
				continue
			}
			before := h.m.table.rowHeight(i, 0)
			h.m.startEdit(i)
			rows := len(strings.Split(h.m.editor.View(), "\n"))
			if after := h.m.table.rowHeight(i, h.m.editor.rows()); after != before || rows != got {
				t.Errorf("window %d, target %q: row height %d, %d with the editor open (editor %d lines, table %d)", win, text, before, after, rows, got)
			}
			h.m.leaveEdit()
		}
	}
	for w := 30; w <= 60; w++ {
		if !widths[w] {
			t.Errorf("target width %d not covered", w)
		}
	}
}

// FuzzWrapEditable checks wrapEditable's spans: in order, inside s, one
// per textarea row of each line, and together keeping every character but
// the spaces at the rows' ends and the newlines.
func FuzzWrapEditable(f *testing.F) {
	for _, s := range wrapCorpus {
		f.Add(s, 31)
	}
	notSpace := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if !utf8.ValidString(s) {
			return
		}
		width = max(width%120, 1)
		spans := wrapEditable(s, width)
		rows := 0
		for _, line := range strings.Split(s, "\n") {
			rows += len(taWrap([]rune(line), width))
		}
		if len(spans) != rows {
			t.Fatalf("wrapEditable(%q, %d): %d spans for %d textarea rows", s, width, len(spans), rows)
		}
		kept := keptText(t, "wrapEditable", s, width, spans)
		if notSpace(kept) != notSpace(s) {
			t.Fatalf("wrapEditable(%q, %d) lost text: kept %q", s, width, kept)
		}
	})
}

// FuzzTaWrapMatchesTextarea checks taWrap, the copy of the textarea's
// wrap (bubbles keeps it unexported) that the editor and the table count
// rows with, against the line count of the textarea's own View.
func FuzzTaWrapMatchesTextarea(f *testing.F) {
	for _, s := range wrapCorpus {
		f.Add(s, 33)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if !utf8.ValidString(s) || len(s) > 400 || strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && (unicode.IsControl(r) || r == '~') }) {
			return // the textarea drops controls; '~' marks its end of buffer here
		}
		width = max(width%80, 2)
		rows := 0
		for _, line := range strings.Split(s, "\n") {
			rows += len(taWrap([]rune(line), width))
		}
		if want := textareaRows(t, s, width); rows != want {
			t.Fatalf("taWrap(%q, %d): %d rows, the textarea draws %d", s, width, rows, want)
		}
	})
}
